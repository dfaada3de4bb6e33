//! Rings and speaks each session event's cue: the shell's side of [`crate::domain::cues`], shared by the
//! terminal and plain mode.

use std::time::Instant;

use crate::domain::cues::{self, Bells, Options};
use crate::domain::plan::Plan;
use crate::domain::session::Event;
use crate::shell::speech::Voice;

/// The bells waiting to ring and the voice, if any.
#[derive(Debug)]
pub struct Announcer {
    options: Options,
    bells: Bells,
    voice: Option<Voice>,
}

impl Announcer {
    pub fn new(options: Options, voice: Option<Voice>) -> Self {
        Announcer { options, bells: Bells::default(), voice }
    }

    /// Queues the event's bells and starts speaking its words. Returns a notice if the voice
    /// has just failed.
    pub fn announce(&mut self, plan: &Plan, event: Event, now: Instant) -> Option<String> {
        self.bells.add(cues::bells(plan, event, &self.options), now);
        let voice = self.voice.as_mut()?;
        cues::words(plan, event).and_then(|words| voice.say(&words))
    }

    /// The number of bells to ring now; also reaps finished speech.
    pub fn due(&mut self, now: Instant) -> usize {
        if let Some(voice) = &mut self.voice {
            voice.reap();
        }
        self.bells.take_due(now)
    }

    /// The earlier of `deadline` and the next bell: when the loop must wake.
    pub fn wake(&self, deadline: Option<Instant>) -> Option<Instant> {
        match (deadline, self.bells.next()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}
