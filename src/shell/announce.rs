//! Sounds and speaks each session event's cue: the shell's side of [`crate::domain::cues`],
//! shared by the terminal and plain mode.
//!
//! Terminal bells are handed back to the caller, who owns the terminal; tones and speech run
//! here, in the background. What fails is told once, as a notice, and kept for the summary.

use std::time::{Duration, Instant};

use crate::domain::cues::voice::{Queue, Rate, Speak};
use crate::domain::cues::{self, Bell, Sounds};
use crate::domain::plan::Plan;
use crate::domain::session::Event;
use crate::shell::speech::{Said, Voice};
use crate::shell::tones::Tones;

/// How often a speech command or a player still running is looked at.
const POLL: Duration = Duration::from_millis(50);

/// How long, after the session's end, its last words and sounds may take before they are cut.
const LAST_WORDS: Duration = Duration::from_secs(5);

/// The sounds waiting to be made and the voice, if any.
#[derive(Debug)]
pub struct Announcer {
    sounds: Sounds,
    tones: Option<Tones>,
    voice: Option<Voice>,
    queue: Queue,
    /// Notices not yet shown.
    notices: Vec<String>,
    /// Everything that went wrong with sound, for the summary.
    problems: Vec<String>,
    /// The last time given, for when to look again at what runs in the background.
    now: Option<Instant>,
    /// Once the session is over: when whatever is still sounding is cut.
    finish_by: Option<Instant>,
}

impl Announcer {
    /// Sounds as `bell` says (tones fall back to the terminal bell, with a notice, when no
    /// player is found on `path`), and speaks with `voice`.
    pub fn new(bell: Bell, voice: Option<Voice>, path: Option<&std::ffi::OsStr>) -> Self {
        let mut announcer = Announcer {
            sounds: Sounds::new(bell),
            tones: None,
            queue: Queue::new(voice.as_ref().map(Voice::rate).unwrap_or_default()),
            voice,
            notices: Vec::new(),
            problems: Vec::new(),
            now: None,
            finish_by: None,
        };
        if bell == Bell::Tones {
            match Tones::new(path) {
                Ok(tones) => announcer.tones = Some(tones),
                Err(notice) => {
                    announcer.sounds = Sounds::new(Bell::Terminal);
                    announcer.tell(notice);
                }
            }
        }
        announcer
    }

    /// Queues the event's sound and words and starts what is due. Returns a notice if something
    /// has just failed.
    pub fn announce(&mut self, plan: &Plan, event: Event, now: Instant) -> Option<String> {
        self.now = Some(now);
        if let Some(cue) = cues::cue(plan, event) {
            self.sounds.add(cue, now);
        }
        match event {
            Event::Finished { completed: false } => {
                // Stopped early: what was still to be said is no longer true.
                self.queue.clear();
                if let Some(voice) = &mut self.voice {
                    voice.stop();
                }
                self.finish_by = Some(now);
            }
            Event::Finished { completed: true } => self.finish_by = Some(now + LAST_WORDS),
            _ => {}
        }
        if self.voice.is_some() {
            for utterance in cues::speech(plan, event, now, self.queue.rate()) {
                self.queue.push(utterance);
            }
        }
        self.speak(now);
        self.take_notice()
    }

    /// The number of terminal bells to ring now. Also plays the tones due, starts the words due
    /// and reaps what has finished.
    pub fn due(&mut self, now: Instant) -> usize {
        self.now = Some(now);
        self.speak(now);
        let due = self.sounds.take_due(now);
        let mut bells = due.bells;
        if let Some(tones) = &mut self.tones {
            let mut failed = tones.poll();
            if let Some(cue) = due.starts
                && failed.is_none()
            {
                failed = tones.play(cue).err();
            }
            if let Some(notice) = failed {
                // Fall back to the bell for good, starting with this pattern's first bell.
                self.tones = None;
                self.sounds = Sounds::new(Bell::Terminal);
                if let Some(cue) = due.starts {
                    self.sounds.add(cue, now);
                    bells += self.sounds.take_due(now).bells;
                }
                self.tell(notice);
            }
        }
        bells
    }

    /// The earlier of `deadline` and the next moment there is sound to make or speech to look
    /// at: when the loop must wake. `None` when nothing is left to wait for.
    pub fn wake(&self, deadline: Option<Instant>) -> Option<Instant> {
        let over = |now: Instant| self.finish_by.is_some_and(|end| now >= end);
        let look = self.now.filter(|now| !over(*now)).and_then(|now| {
            let speaking = self.voice.is_some() && !self.queue.is_idle();
            let playing = self.tones.as_ref().is_some_and(Tones::is_playing);
            let next_words = self.queue.next_start().map(|at| at.max(now + POLL));
            if speaking || playing { Some(now + POLL) } else { next_words }
        });
        [deadline, self.sounds.next(), look].into_iter().flatten().min()
    }

    /// The rate the voice speaks at (espeak-ng's default without a voice).
    pub fn rate(&self) -> Rate {
        self.queue.rate()
    }

    /// Whether words or tones are still being played or waiting (until the session's last
    /// words are due to be cut).
    pub fn sounding(&self) -> bool {
        let over = self.finish_by.zip(self.now).is_some_and(|(end, now)| now >= end);
        let speaking = self.voice.is_some() && !self.queue.is_idle();
        let playing = self.tones.as_ref().is_some_and(Tones::is_playing);
        !over && (speaking || playing)
    }

    /// A notice not yet shown: that the voice or the tones failed.
    pub fn take_notice(&mut self) -> Option<String> {
        (!self.notices.is_empty()).then(|| self.notices.remove(0))
    }

    /// What went wrong with sound during the session, for its summary.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Records a problem: to show now, and to list at the end.
    pub fn tell(&mut self, notice: String) {
        if !self.problems.contains(&notice) {
            self.problems.push(notice.clone());
            self.notices.push(notice);
        }
    }

    /// Looks at the speech command and starts the words due.
    fn speak(&mut self, now: Instant) {
        let Some(voice) = &mut self.voice else {
            return;
        };
        let mut failures = Vec::new();
        match voice.poll() {
            Said::Speaking => {}
            Said::Done => self.queue.said(),
            Said::Failed(notice) => {
                self.queue.said();
                failures.push(notice);
            }
        }
        while let Some(action) = self.queue.next(now) {
            match action {
                Speak::Stop => {
                    voice.stop();
                    self.queue.said();
                }
                Speak::Say(text, _) => {
                    if let Some(notice) = voice.say(&text) {
                        self.queue.said();
                        failures.push(notice);
                    }
                    break;
                }
            }
        }
        if voice.is_broken() {
            self.queue.clear();
        }
        for notice in failures {
            self.tell(notice);
        }
    }
}
