//! The patterns and the words of a session together, as the shell plays and says them: one
//! pattern at a time; words after the pattern they follow and over before the next one; a
//! count's word heard on its tick or not said; a phase's counting held back while its pattern
//! or its words still need the time. Pure: the shell hands in each event and the moment, and
//! says when the voice's commands end; this says what to start.

use std::time::{Duration, Instant};

use super::voice::{Priority, Queue, Rate, Speak, Utterance};
use super::{Channel, Cue, Pattern, Sounds, Voicing, WORDS_BEFORE_PATTERN, counts_from, cue, speech, until_count};
use crate::domain::plan::Plan;
use crate::domain::session::Event;

/// The longest a phase's bells wait for the words before them to be heard over: as long as
/// they may wait for the pause after the bells before them (after a 1 s move, the go's).
const WORDS_WAIT: Duration = Duration::from_millis(500);

/// What to start now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Starts {
    /// A pattern that starts now: with tones, play it whole.
    pub pattern: Option<Cue>,
    /// The number a count's pattern says, when the tones say the counts.
    pub count: Option<u64>,
    /// Terminal bells to ring now (more than one only after a late wake-up).
    pub bells: usize,
    /// What to do with the speech command, in order.
    pub speak: Vec<Speak>,
}

/// The patterns sounding or due and the words waiting, with the voice's timing.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    sounds: Sounds,
    queue: Option<Queue>,
    /// Counts before this make no sound: the phase's pattern or words need the time.
    counts_from: Option<Instant>,
    /// Whether the tones say the counts (the words recorded ahead of time, right after the
    /// tick in one file), so none waits for a synthesizer to start.
    spoken_counts: bool,
    /// The number of the count whose pattern is due.
    count: Option<u64>,
}

impl Schedule {
    /// Patterns through `channel`, and a voice speaking at `rate` heard `lag` after the tones
    /// (until it learns better), if there is a voice.
    pub fn new(channel: Channel, voice: Option<(Rate, Duration)>) -> Self {
        Schedule {
            sounds: Sounds::new(channel),
            queue: voice.map(|(rate, lag)| Queue::new(rate, lag)),
            counts_from: None,
            spoken_counts: false,
            count: None,
        }
    }

    /// The channel the patterns sound through.
    pub fn channel(&self) -> Channel {
        self.sounds.channel()
    }

    /// Whether there is a voice.
    pub fn has_voice(&self) -> bool {
        self.queue.is_some()
    }

    /// What the choice and timing of words depend on now.
    pub fn voicing(&self) -> Voicing {
        Voicing {
            rate: self.queue.as_ref().map(Queue::rate).unwrap_or_default(),
            lag: self.queue.as_ref().map_or(Duration::ZERO, Queue::lag),
            channel: self.channel(),
        }
    }

    /// Queues what `event`, happening at `now`, sounds and says.
    pub fn event(&mut self, plan: &Plan, event: Event, now: Instant) {
        match event {
            Event::PhaseStarted(_) => self.counts_from = None,
            Event::Countdown(_) if self.counts_from.is_some_and(|from| now < from) => return,
            Event::Finished { completed: false, .. } => {
                // Stopped early: what was still to be said is no longer true.
                if let Some(queue) = &mut self.queue {
                    queue.clear();
                }
                return;
            }
            _ => {}
        }
        // A phase's bells wait for the words still heard from the phase before (after a 1 s
        // move, its side), with the pause words leave before a pattern; but only so long, so
        // that one-second phases with a slow voice never push the bells ever later, and never
        // past the moment their last bell would meet the next phase.
        let asked = cue(plan, event);
        let words_over = match (event, asked) {
            (Event::PhaseStarted(index), Some(cue)) => {
                let room = plan.phases.get(index).map_or(Duration::ZERO, |phase| phase.duration);
                let room = room.saturating_sub(Pattern::of(cue).bells_length()).min(WORDS_WAIT);
                let words = self.queue.as_ref().and_then(Queue::heard_until);
                words.map(|at| (at + WORDS_BEFORE_PATTERN).min(now + room))
            }
            _ => None,
        };
        let sounded = asked.is_some_and(|cue| self.sounds.add_after(cue, now, words_over));
        if let Event::Countdown(n) = event {
            self.count = sounded.then_some(n);
            // Said with its tick, or not at all: never without it.
            if self.spoken_counts {
                return;
            }
        }
        let quiet = self.sounds.heard_until().map_or(Duration::ZERO, |until| until.saturating_duration_since(now));
        let voicing = self.voicing();
        if let Event::PhaseStarted(index) = event
            && let Some(phase) = plan.phases.get(index)
        {
            // The first count must stand apart from the phase's pattern, and follow its words.
            // From when the pattern really starts: with bells it may wait for the one before.
            let apart = self.sounds.clear_at().filter(|_| sounded).map(|at| at.saturating_duration_since(now));
            let words = self.queue.as_ref().and_then(|_| counts_from(plan, index, voicing, quiet));
            let from = apart.into_iter().chain(words).max().filter(|from| *from > until_count(phase));
            self.counts_from = from.map(|from| now + from);
        }
        if let Some(queue) = &mut self.queue {
            for utterance in speech(plan, event, now, voicing, quiet) {
                queue.push(utterance);
            }
        }
    }

    /// Says a check-in question after the session (`words`, as [`super::question_words`] makes
    /// them), after whatever is waiting or being said (the end's words). A new question
    /// replaces the one before, waiting or being said: that one is answered.
    pub fn ask(&mut self, words: String, now: Instant) {
        if let Some(queue) = &mut self.queue {
            // Nor under a pattern still heard.
            let at = queue.question_at(now).max(self.sounds.heard_until().unwrap_or(now));
            queue.push(Utterance { priority: Priority::Question, text: words, at, expires: None });
        }
    }

    /// What starts by `now`.
    pub fn take(&mut self, now: Instant) -> Starts {
        let due = self.sounds.take_due(now);
        let count =
            if due.starts == Some(Cue::Count) { self.count.take().filter(|_| self.spoken_counts) } else { None };
        let mut starts = Starts { pattern: due.starts, count, bells: due.bells, speak: Vec::new() };
        if let Some(queue) = &mut self.queue {
            while let Some(action) = queue.next(now) {
                let said = matches!(action, Speak::Say { .. });
                starts.speak.push(action);
                if said {
                    break;
                }
            }
        }
        starts
    }

    /// When something is next due: a bell, a pattern, words, or the end of the wait for words.
    pub fn next(&self) -> Option<Instant> {
        let words = self.queue.as_ref().and_then(Queue::next_start);
        [self.sounds.next(), words].into_iter().flatten().min()
    }

    /// Whether a pattern still has something to hand out (bells to ring, tones to start).
    pub fn bells_waiting(&self) -> bool {
        self.sounds.next().is_some()
    }

    /// Whether words are being said or waiting.
    pub fn speaking(&self) -> bool {
        self.queue.as_ref().is_some_and(|queue| !queue.is_idle())
    }

    /// The command saying `text` ended after `took`: the words after it may start, and the lag
    /// learns from it.
    pub fn said(&mut self, text: &str, took: Duration) {
        if let Some(queue) = &mut self.queue {
            queue.said();
            queue.learn(text, took);
        }
    }

    /// Earlier words, no longer waited for, took `took`: the lag learns from them.
    pub fn learn(&mut self, text: &str, took: Duration) {
        if let Some(queue) = &mut self.queue {
            queue.learn(text, took);
        }
    }

    /// When the pattern sounding or due is heard over, if there is one.
    pub fn heard_until(&self) -> Option<Instant> {
        self.sounds.heard_until()
    }

    /// The words being said were stopped, or their command failed: nothing to learn from.
    pub fn cut(&mut self) {
        if let Some(queue) = &mut self.queue {
            queue.said();
        }
    }

    /// The voice failed for good: nothing more is said.
    pub fn silence(&mut self) {
        self.queue = None;
    }

    /// From now on the tones say the counts, each word taking `length` after its tick (they are
    /// no longer said by the voice); or, with `None`, no longer.
    pub fn spoken_counts(&mut self, length: Option<Duration>) {
        self.spoken_counts = length.is_some() && self.channel() == Channel::Tones;
        self.sounds.count_words(length.filter(|_| self.spoken_counts).unwrap_or_default());
    }

    /// Whether the tones say the counts.
    pub fn says_counts(&self) -> bool {
        self.spoken_counts
    }

    /// The patterns sound through `channel` from `now` on (the tones failed), starting again
    /// with `cue`'s, if one was just lost.
    pub fn fall_back(&mut self, channel: Channel, cue: Option<Cue>, now: Instant) -> Starts {
        self.sounds = Sounds::new(channel);
        self.spoken_counts = false;
        if let Some(cue) = cue {
            self.sounds.add(cue, now);
        }
        self.take(now)
    }
}

#[cfg(test)]
mod tests;
