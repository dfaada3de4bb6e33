//! Sounds and speaks each session event's cue: the shell's side of the
//! [`Schedule`], shared by the terminal and plain mode.
//!
//! Terminal bells are handed back to the caller, who owns the terminal; tones and speech run
//! here, in the background. What fails is told as a notice and kept for the summary, and the
//! next channel takes over: the next player, then the terminal bell; a voice that is not heard
//! goes quiet and the patterns go on.

use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crate::domain::cues::voice::Speak;
use crate::domain::cues::{Channel, Cue, Schedule, Starts, Voicing};
use crate::domain::plan::Plan;
use crate::domain::session::Event;
use crate::shell::process_group;
use crate::shell::speech::{Said, Voice, Words};
use crate::shell::tones::{Played, Tones};

/// A pattern lost to a failing player is played again by the next one if it started no longer
/// ago than this: later, it would be heard late.
const REPLAY_WITHIN: Duration = Duration::from_millis(150);

/// The sounds waiting to be made and the voice, if any.
#[derive(Debug)]
pub struct Announcer {
    schedule: Schedule,
    tones: Option<Tones>,
    voice: Option<Voice>,
    /// Notices not yet shown.
    notices: Vec<String>,
    /// Everything that went wrong with sound, for the summary.
    problems: Vec<String>,
    /// The last time given.
    now: Option<Instant>,
    /// Once the session is stopped: nothing more is waited for.
    stopped: bool,
    /// The counts' words being recorded, for the tones to say them.
    counts: Option<Receiver<Words>>,
}

impl Announcer {
    /// Sounds through `channel` (with `tones` when it is tones; the terminal bell when tones
    /// are asked for without them) and speaks with `voice`, heard `lag` after the tones until
    /// that is learned.
    pub fn new(channel: Channel, tones: Option<Tones>, voice: Option<Voice>, lag: Duration) -> Self {
        let channel = match (channel, &tones) {
            (Channel::Tones, None) => Channel::Bell,
            (channel, _) => channel,
        };
        let tones = tones.filter(|_| channel == Channel::Tones);
        let schedule = Schedule::new(channel, voice.as_ref().map(|voice| (voice.rate(), lag)));
        let counts = voice.as_ref().zip(tones.as_ref()).and_then(|(voice, tones)| voice.record_counts(tones.folder()));
        Announcer {
            schedule,
            tones,
            voice,
            notices: Vec::new(),
            problems: Vec::new(),
            now: None,
            stopped: false,
            counts,
        }
    }

    /// No sound at all: for tests and for sessions with everything off.
    pub fn silent() -> Self {
        Announcer::new(Channel::Off, None, None, Duration::ZERO)
    }

    /// Queues the event's sound and words and starts what is due. Returns a notice if something
    /// has just failed.
    pub fn announce(&mut self, plan: &Plan, event: Event, now: Instant) -> Option<String> {
        self.now = Some(now);
        if matches!(event, Event::Finished { completed: false, .. }) {
            // Stopped early: what is being said is no longer true, and nothing is waited for.
            self.stopped = true;
            if let Some(voice) = &mut self.voice {
                voice.stop_all();
            }
        }
        self.schedule.event(plan, event, now);
        self.take_notice()
    }

    /// Says a check-in question's `words` (when there is a voice) after the words before it.
    pub fn ask(&mut self, words: String, now: Instant) {
        self.now = Some(now);
        self.schedule.ask(words, now);
    }

    /// The number of terminal bells to ring now. Also plays the tones due, starts the words
    /// due, reaps what has finished and kills what has hung.
    pub fn due(&mut self, now: Instant) -> usize {
        self.now = Some(now);
        let bells = self.poll(now);
        let starts = self.schedule.take(now);
        bells + self.start(starts, now)
    }

    /// Starts what the schedule says; returns the bells to ring.
    fn start(&mut self, starts: Starts, now: Instant) -> usize {
        let mut bells = starts.bells;
        for action in starts.speak {
            self.speak(action, now);
        }
        if let (Some(cue), Some(tones)) = (starts.pattern, &mut self.tones)
            && let Err(Played::NoneLeft(notice)) = tones.play(cue, starts.count, now)
        {
            bells += self.fall_back(notice, Some(cue), now);
        }
        bells
    }

    fn speak(&mut self, action: Speak, now: Instant) {
        let Some(voice) = &mut self.voice else { return };
        match action {
            Speak::Stop => {
                voice.stop();
                self.schedule.cut();
            }
            Speak::Say { text, ends, .. } => {
                if let Some(notice) = voice.say(&text, now, ends) {
                    self.schedule.silence();
                    self.tell(notice);
                }
            }
        }
    }

    /// The tones failed for good: the terminal bell from now on, starting with `cue`'s
    /// pattern. Returns the bells due at once.
    fn fall_back(&mut self, notice: String, cue: Option<Cue>, now: Instant) -> usize {
        self.tones = None;
        self.tell(notice);
        let starts = self.schedule.fall_back(Channel::Bell, cue, now);
        self.start(starts, now)
    }

    /// Looks at the players and the speech command: learns from what ended, tells what failed.
    /// Returns the bells due at once when the tones fell back to the bell.
    fn poll(&mut self, now: Instant) -> usize {
        let mut bells = 0;
        if let Some(words) = self.counts.as_ref().and_then(|counts| counts.try_recv().ok()) {
            self.counts = None;
            if let Some(Ok(length)) = self.tones.as_mut().map(|tones| tones.say_counts(&words)) {
                self.schedule.spoken_counts(Some(length));
            }
        }
        let played = self.tones.as_mut().map(|tones| tones.poll(now)).unwrap_or_default();
        for news in played {
            match news {
                Played::Failed { notice, cue, count, ago } => {
                    self.tell(notice);
                    if ago <= REPLAY_WITHIN
                        && let Some(Err(Played::NoneLeft(none))) = self.tones.as_mut().map(|t| t.play(cue, count, now))
                    {
                        bells += self.fall_back(none, Some(cue), now);
                    }
                }
                Played::NoneLeft(notice) => bells += self.fall_back(notice, None, now),
            }
        }
        let rate = self.schedule.voicing().rate;
        let said = self.voice.as_mut().map(|voice| voice.poll(now, |text| rate.time_to_say(text))).unwrap_or_default();
        for news in said {
            match news {
                Said::Done { text, took } => self.schedule.said(&text, took),
                Said::Late { text, took } => self.schedule.learn(&text, took),
                Said::Cut => self.schedule.cut(),
                Said::Failed(notice) => self.tell(notice),
                Said::Silent(notice) => {
                    self.tell(notice);
                    self.schedule.silence();
                    self.schedule.spoken_counts(None);
                    self.voice = None;
                    // What the command detached is the voice's too (`setsid espeak-ng ... &`).
                    let spare = self.tones.as_ref().map(|tones| tones.running().pids()).unwrap_or_default();
                    process_group::end_strays(&spare);
                }
            }
        }
        bells
    }

    /// The earlier of `deadline` and the next moment there is sound to make, words to start or
    /// a program to look at: when the loop must wake. `None` when nothing is left to wait for.
    /// A program's end wakes the loop by itself (SIGCHLD reaches the input channel).
    pub fn wake(&self, deadline: Option<Instant>) -> Option<Instant> {
        let programs = [
            self.tones.as_ref().and_then(|tones| tones.running().next_deadline()),
            self.voice.as_ref().and_then(|voice| voice.running().next_deadline()),
        ];
        let sounding = self.sounding().then(|| self.schedule.heard_until()).flatten();
        let schedule = if self.stopped { None } else { self.schedule.next() };
        [deadline, schedule, sounding].into_iter().chain(programs).flatten().min()
    }

    /// Whether terminal bells of a pattern are still to ring.
    pub fn bells_waiting(&self) -> bool {
        !self.stopped && self.schedule.channel() == Channel::Bell && self.schedule.bells_waiting()
    }

    /// What the choice and timing of words depend on now (the same for plain mode's lines).
    pub fn voicing(&self) -> Voicing {
        self.schedule.voicing()
    }

    /// Whether words or tones are still heard or waiting, by what is expected of them: the
    /// session's last ones are waited for until they are expected to be heard over, never for
    /// a command or a player that runs on past that (it is stopped at the end).
    pub fn sounding(&self) -> bool {
        if self.stopped {
            return false;
        }
        let now = self.now.unwrap_or_else(Instant::now);
        self.schedule.speaking() || self.schedule.heard_until().is_some_and(|until| now < until)
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
}
