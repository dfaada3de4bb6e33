//! The one session runner, shared by the screen and plain mode: it moves the session on, rings
//! and speaks what is due, and ends it through [`Runner::finish`], the only place a session's
//! record is made. Its loop, and what a front end provides to it, are in [`drive`].
//!
//! A session is kept exactly once because `finish` consumes the runner: what is left, an
//! [`Ended`], can only add answers to the record it wrote. Everything said after the session
//! (the done screen, the lines after exit, the next-step advice) reads that one result.

pub mod drive;

use std::time::Instant;

use crate::domain::checkin::{Checkin, Why};
use crate::domain::exercise::Exercise;
use crate::domain::session::{Command, Event, Session};
use crate::domain::summary::{Nothing, Summary};
use crate::failure::Failure;
use crate::history::next_step::{self, Allowed, StopRule, Suggestion};
use crate::history::{self, Amendment, End, ItemDone, Record, Started};
use crate::shell::announce::Announcer;

pub use drive::{Ending, Front, Reply, run};

/// Where the time comes from: the system's clock, or a test's.
pub trait Clock {
    fn now(&self) -> Instant;
}

/// The system's monotonic clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// Where a session's lines go: the history file, or a test's memory.
pub trait Store {
    /// Appends the lines (without newlines) whole, or fails saying where and why.
    fn append(&mut self, lines: &[String]) -> Result<(), Failure>;
}

/// Who the session is, for its record: its id, when it started, where it is written, and the
/// sessions before it (the end of the history, read at the start) for the advice.
pub struct Keeping {
    pub store: Box<dyn Store>,
    /// Unique to this session.
    pub id: String,
    pub started: Started,
    pub past: Vec<Record>,
    /// The programme item the session does at its dose, if any: its record says so.
    pub item: Option<ItemDone>,
    /// What the programme allows the exercises of that item: the advice keeps within it.
    pub allowed: Option<Allowed>,
    /// The programme's day as the session found it, when a programme is in effect.
    pub day: Option<ProgrammeDay>,
    /// The programme's own rule for stopping, when one is in effect: told after any session.
    pub stop: Option<StopRule>,
}

/// The programme's day as a session found it: what its count is made from, to count the day
/// as `today` does, before the session and again with it; and the PSFS activities its check-in
/// adds (in the first session of a programme week).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeDay {
    pub psfs: Vec<String>,
    /// The programme in effect, the sessions of it read (today's, or the week's) and the days
    /// skipped, and the day.
    pub events: Vec<crate::history::adherence::ProgrammeEvent>,
    pub attempts: Vec<crate::history::adherence::Attempt>,
    pub skipped: Vec<crate::history::adherence::SkippedDay>,
    pub date: jiff::civil::Date,
}

impl ProgrammeDay {
    /// The day's line as a session starts (`counts` when it does an item).
    pub fn on_start(&self, counts: bool) -> String {
        crate::history::adherence::text::place_in_day(&self.figures(None), counts)
    }

    /// The day's line once a session has ended, with the session's `attempt` (`None` for one
    /// that did no item): per item, so a session past an item's due is more than due, not
    /// another item's.
    pub fn after(&self, attempt: Option<crate::history::adherence::Attempt>) -> String {
        let counts = attempt.is_some();
        crate::history::adherence::text::day_line(&self.figures(attempt), counts)
    }

    /// The day's figures as `today` counts them, with `attempt` if there is one.
    fn figures(&self, attempt: Option<crate::history::adherence::Attempt>) -> crate::history::adherence::Figures {
        let mut attempts = self.attempts.clone();
        attempts.extend(attempt);
        crate::history::adherence::today(&self.events, &attempts, &self.skipped, self.date).figures
    }
}

/// What one turn did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Turn {
    /// The session's events since the last turn, in order (the end is [`Runner::finish`]'s).
    pub events: Vec<Event>,
    /// The bells to ring now; bells due together merge into one sound anyway.
    pub bells: usize,
    /// Something the user should be told: the voice failed, or the record could not be kept.
    pub notice: Option<String>,
}

/// A session being run: the announcer, the events waiting to be announced, and how it will be
/// kept. The session itself is the front end's, which shows it.
pub struct Runner {
    announcer: Announcer,
    pending: Vec<Event>,
    /// Events held until the session resumes: the first phase of a session that waits for
    /// the pain before it.
    held: Vec<Event>,
    keeping: Keeping,
}

impl Runner {
    /// A runner for a session that has just started: its first phase is announced first.
    pub fn new(announcer: Announcer, keeping: Keeping) -> Self {
        Runner { announcer, pending: vec![Event::PhaseStarted(0)], held: Vec::new(), keeping }
    }

    /// The same runner for a session that starts paused, waiting for the pain before it: its
    /// first phase is announced (and shown, in plain mode) when it resumes, not before.
    #[must_use]
    pub fn waiting(mut self) -> Self {
        self.held = std::mem::take(&mut self.pending);
        self
    }

    /// Whether the session still waits for the pain before it.
    pub fn is_waiting(&self) -> bool {
        !self.held.is_empty()
    }

    /// Says a question's `words` asked while the session waits (the pain before), when there
    /// is a voice.
    pub fn ask(&mut self, words: String, now: Instant) {
        self.announcer.ask(words, now);
    }

    /// Events a command caused, to announce on the next turn.
    pub fn push(&mut self, events: impl IntoIterator<Item = Event>) {
        self.pending.extend(events);
    }

    /// Moves the session on to `now`, announces every event since the last turn but its end
    /// (which [`finish`](Self::finish) announces), and takes the bells due.
    pub fn turn(&mut self, session: &mut Session, now: Instant) -> Turn {
        self.pending.extend(session.tick(now));
        if !self.held.is_empty() && self.pending.contains(&Event::Resumed) {
            self.pending.append(&mut self.held);
        }
        let (end, events): (Vec<Event>, Vec<Event>) =
            std::mem::take(&mut self.pending).into_iter().partition(|e| matches!(e, Event::Finished { .. }));
        self.pending = end;
        let mut turn = Turn::default();
        for event in events {
            if let Some(notice) = self.announcer.announce(session.plan(), event, now) {
                turn.notice.get_or_insert(notice);
            }
            turn.events.push(event);
        }
        turn.bells = self.announcer.due(now);
        if let Some(notice) = self.announcer.take_notice() {
            // One at a time: any other is told on a later turn.
            turn.notice.get_or_insert(notice);
        }
        turn
    }

    /// When the loop must wake: the earlier of the front end's `deadline` and the next bell.
    pub fn wake(&self, deadline: Option<Instant>) -> Option<Instant> {
        self.announcer.wake(deadline)
    }

    /// The announcer, for the voice's rate.
    pub fn announcer(&self) -> &Announcer {
        &self.announcer
    }

    /// Ends the session at `now` (stopping it if it still runs) and keeps it: the end is
    /// announced first, by sound and by `front` (the done screen, the plain line; not when a
    /// signal or a lost terminal ended it), then, in the same turn and whatever the announcing
    /// did, its record is written with the answers `front` has so far. `why` says why a session
    /// that did not reach its end stopped, when known. The only way a record is made.
    pub fn finish(mut self, front: &mut dyn Front, now: Instant, why: Option<Why>) -> Ended {
        let session = front.session_mut();
        self.pending.extend(session.tick(now));
        if !session.is_finished() {
            self.pending.extend(session.apply(Command::Stop, now));
        }
        let events = std::mem::take(&mut self.pending);
        let mut notice = None;
        for event in &events {
            if let Some(said) = self.announcer.announce(session.plan(), *event, now) {
                notice.get_or_insert(said);
            }
        }
        // The end's sound starts now, and its bell rings with the end shown, before the record is
        // kept: writing it may take a while on a busy disk, and the words after the sound are
        // timed from `now`. Ended by a signal or a lost terminal, nobody is left to hear it.
        let gone = matches!(why, Some(Why::Signal | Why::Lost));
        let bells = if gone { 0 } else { self.announcer.due(now) };
        let summary = session.summary(now);
        let plan = session.plan().clone();
        // What the user sees of the end may fail (a terminal gone): the save below does not
        // depend on it. Ended by a signal or a lost terminal, nobody is left to see it.
        let shown = if gone {
            Ok(())
        } else {
            let rung = if bells > 0 { front.ring() } else { Ok(()) };
            front.show(&events, notice.as_deref(), now).and(rung)
        };
        let end = if summary.reached_end { End::Reached } else { End::Stopped(why) };
        let (checkin, _) = front.answers();
        let keeping = self.keeping;
        let mut record = history::record(&summary, &plan, keeping.started, &keeping.id, end);
        if let Some(record) = &mut record {
            record.checkin = checkin;
            record.item.clone_from(&keeping.item);
        }
        let nothing = Nothing::of(&summary);
        let mut ended = Ended {
            record,
            summary,
            exercises: plan.parts.iter().map(|part| part.exercise.clone()).collect(),
            announcer: self.announcer,
            keeping,
            saved: Saved::NothingDone(nothing),
            failure: None,
            lost: shown.err(),
        };
        ended.saved = match ended.record.as_ref().map(Record::to_line) {
            None => Saved::NothingDone(nothing),
            Some(line) => match ended.keeping.store.append(&[line]) {
                Ok(()) => Saved::Written,
                Err(failure) => {
                    let saved = Saved::Failed(failure.to_string());
                    ended.failure = Some(failure);
                    saved
                }
            },
        };
        ended
    }
}

/// Whether the session's record was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// In the history.
    Written,
    /// There was nothing to keep, and why.
    NothingDone(Nothing),
    /// It could not be written, and why.
    Failed(String),
}

/// What the user is told once the session is kept: whether it was, and the advice. Plain data,
/// for the done screen to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub saved: Saved,
    pub advice: Vec<Suggestion>,
    /// Where the session leaves the day, with a programme: `Today 2 of 2: all done`.
    pub today: Option<String>,
    /// The PSFS activities the check-in adds this session.
    pub psfs: Vec<String>,
}

#[cfg(test)]
impl Kept {
    /// A session that left nothing, and why: no advice, no day, no PSFS.
    pub(crate) fn nothing(nothing: Nothing) -> Kept {
        Kept { saved: Saved::NothingDone(nothing), advice: Vec::new(), today: None, psfs: Vec::new() }
    }
}

/// A session that has ended and been kept: its record as written, with the answers given since,
/// and what is left of the runner (the last bells and words, the history to amend).
pub struct Ended {
    record: Option<Record>,
    summary: Summary,
    exercises: Vec<Exercise>,
    announcer: Announcer,
    keeping: Keeping,
    saved: Saved,
    /// The first failure to write, reported once the terminal is restored.
    failure: Option<Failure>,
    /// Why showing the end failed, if it did: the output is gone.
    lost: Option<String>,
}

impl Ended {
    /// The session's record as written, with every answer given since; `None` when there was
    /// nothing to keep (see [`Nothing`]).
    pub fn record(&self) -> Option<&Record> {
        self.record.as_ref()
    }

    /// What the session did.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Whether the record was written.
    pub fn saved(&self) -> &Saved {
        &self.saved
    }

    /// The next-step advice from the sessions before and this one as it stands: the one
    /// [`next_step::advice`], read by the done screen and the lines after exit alike.
    pub fn advice(&self) -> Vec<Suggestion> {
        let exercises: Vec<&Exercise> = self.exercises.iter().collect();
        let (allowed, stop) = (self.keeping.allowed.as_ref(), self.keeping.stop.as_ref());
        next_step::advice(&self.keeping.past, self.record.as_ref(), &exercises, allowed, stop)
    }

    /// Whether it was saved, and the advice: what the done screen shows.
    pub fn kept(&self) -> Kept {
        let day = self.keeping.day.as_ref();
        // The session counts for the day when it did an item (in full or in part), as the
        // programme's count has it: one with no hold done does not.
        let attempt = self.record.as_ref().and_then(crate::history::adherence::Attempt::of);
        Kept {
            saved: self.saved.clone(),
            advice: self.advice(),
            today: day.map(|day| day.after(attempt)),
            psfs: day.map(|day| day.psfs.clone()).unwrap_or_default(),
        }
    }

    /// Why showing the end failed, if it did.
    pub fn lost(&self) -> Option<&str> {
        self.lost.as_deref()
    }

    /// Takes the answers given so far: the record keeps them, and, if it was written, an
    /// amendment line says them. Returns a notice when that line could not be written. Answers
    /// equal to the ones kept write nothing.
    pub fn answer(&mut self, checkin: &Checkin, why: Option<Why>) -> Option<String> {
        let record = self.record.as_mut()?;
        let why = why.filter(|_| record.stopped());
        let before = (record.checkin.clone(), record.end);
        let amendment = Amendment { session: self.keeping.id.clone(), why, checkin: checkin.clone() };
        record.amend(&amendment);
        if (record.checkin.clone(), record.end) == before || self.saved != Saved::Written {
            return None;
        }
        let failure = self.keeping.store.append(&[amendment.to_line()]).err()?;
        let notice = failure.to_string();
        self.failure.get_or_insert(failure);
        Some(notice)
    }

    /// Rings what is due after the end: the bells to ring now and a notice, if any.
    pub fn turn(&mut self, now: Instant) -> Turn {
        Turn { events: Vec::new(), bells: self.announcer.due(now), notice: self.announcer.take_notice() }
    }

    /// Says a check-in question's `words`, when there is a voice: the done cue is followed by
    /// the questions for someone following by ear.
    pub fn ask(&mut self, words: String, now: Instant) {
        self.announcer.ask(words, now);
    }

    /// When the loop must wake for the last bells or words.
    pub fn wake(&self, deadline: Option<Instant>) -> Option<Instant> {
        self.announcer.wake(deadline)
    }

    /// Whether terminal bells are still waiting to ring.
    pub fn ringing(&self) -> bool {
        self.announcer.bells_waiting()
    }

    /// Whether words or tones are still being played: what is heard without the terminal bell.
    pub fn sounding(&self) -> bool {
        self.announcer.sounding()
    }

    /// The first failure to write the history, if any, and what went wrong with sound. Dropping
    /// the rest stops the last words: nothing the speech command started outlives the session.
    pub fn close(self) -> (Option<Failure>, Vec<String>) {
        (self.failure, self.announcer.problems().to_vec())
    }
}

#[cfg(test)]
mod tests;
