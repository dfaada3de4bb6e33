//! What the review page is made from: the period, who it is for, each session in the period
//! with its one check-in (the history's own [`Record`]), and, when a programme was in effect,
//! what the page says of it and its adherence ([`super::programme`] makes both from the
//! programme's events).

use std::time::Duration;

use jiff::civil::Date;

use super::Period;
use super::adherence::Adherence;
use crate::history::{ExerciseRecord, Record};

/// Everything the page shows comes from this.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub period: Period,
    /// The person's name, when `--name` gives it; never guessed.
    pub name: Option<String>,
    /// The programme in effect, if any; with none, the page says so.
    pub programme: Option<ProgrammeFacts>,
    /// The programme's adherence over the period; `None` with no programme, when adherence is
    /// the share of days with a full session ([`super::adherence::days_with_a_full_session`]).
    pub adherence: Option<Adherence>,
    /// The sessions in the period, oldest first.
    pub sessions: Vec<Record>,
    /// The last day adherence counts: the period's last, or yesterday when the period reaches
    /// today (a day not over is shown, not counted).
    pub counted_to: Date,
}

impl Facts {
    /// The facts of `period`, without a programme: sessions outside it are left out, and the
    /// rest put in order of their day (the file's order within a day).
    pub fn new(period: Period, name: Option<String>, mut sessions: Vec<Record>) -> Facts {
        sessions.retain(|s| period.contains(s.start.date()));
        sessions.sort_by_key(|s| s.start.date());
        Facts { period, name, programme: None, adherence: None, sessions, counted_to: period.last() }
    }

    /// The sessions the figures are worked out from.
    pub fn in_period(&self) -> &[Record] {
        &self.sessions
    }
}

/// A dose: reps per side per set, sets, and the hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Dose {
    pub reps: u32,
    pub sets: u32,
    pub hold: Duration,
}

impl Dose {
    /// The dose an exercise ran with.
    pub fn of(exercise: &ExerciseRecord) -> Dose {
        Dose { reps: exercise.reps, sets: exercise.sets, hold: exercise.hold }
    }

    /// `10×2 5s`: reps per side × sets, then the hold.
    pub fn short(self) -> String {
        format!("{}×{} {}s", self.reps, self.sets, self.hold.as_secs())
    }
}

/// The programme, as far as the page shows it: its name, who prescribed it, when, for how
/// long, and each exercise's prescribed dose over the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeFacts {
    pub name: String,
    /// The prescriber's name and how to reach them, as the file gives them.
    pub prescriber: Option<String>,
    /// Its first day.
    pub start: Date,
    pub weeks: u32,
    pub review: Option<Date>,
    /// The pain its `[stop]` says to stop at, if it says one: the page lists every answer at it.
    pub stop_pain: Option<u8>,
    /// Each exercise's prescribed dose from a day on: the first from the period's first day,
    /// then each change (a planned step, a progression accepted, the programme changed), oldest
    /// first.
    pub prescriptions: Vec<Prescription>,
}

/// An exercise's dose in effect from a day on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prescription {
    pub from: Date,
    /// The exercise's id, as the sessions name it, and its name as shown.
    pub item: String,
    pub name: String,
    pub dose: Dose,
    /// The programme item whose step the person accepted set this dose; `None` for a dose the
    /// programme as written or changed set. One step of a routine's item sets a dose for each of
    /// its exercises.
    pub accepted: Option<String>,
}
