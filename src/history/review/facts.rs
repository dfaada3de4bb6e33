//! What the review page is made from: the period, who it is for, the programme in effect, each
//! session in the period with its one check-in (the history's own [`Record`]), and the PSFS
//! answers.

use std::time::Duration;

use jiff::civil::Date;

use super::Period;
use super::adherence::Adherence;
use crate::history::{ExerciseRecord, Record};

/// Everything the page shows comes from this.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub period: Period,
    /// The person's name, when the programme or `--name` gives it; never guessed.
    pub name: Option<String>,
    /// The programme in effect, if any; with none, the page says so.
    pub programme: Option<Programme>,
    /// The programme's adherence over the period; `None` with no programme, when adherence is
    /// the share of days with a full session ([`super::adherence::days_with_a_full_session`]).
    pub adherence: Option<Adherence>,
    /// The sessions in the period, oldest first.
    pub sessions: Vec<Record>,
    /// Every PSFS answer in the period, oldest first.
    pub psfs: Vec<PsfsAnswer>,
}

impl Facts {
    /// The facts of `period`: sessions and answers outside it are left out, and the rest put in
    /// order of their day (the file's order within a day).
    pub fn new(
        period: Period,
        name: Option<String>,
        programme: Option<Programme>,
        mut sessions: Vec<Record>,
        mut psfs: Vec<PsfsAnswer>,
    ) -> Facts {
        sessions.retain(|s| period.contains(s.start.date()));
        sessions.sort_by_key(|s| s.start.date());
        psfs.retain(|a| period.contains(a.date));
        psfs.sort_by_key(|a| a.date);
        Facts { period, name, programme, adherence: None, sessions, psfs }
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

/// The programme, as far as the page shows it: who prescribed it, when, for how long, and each
/// item's dose over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub prescriber: Option<String>,
    pub person: Option<String>,
    pub start: Date,
    pub weeks: u32,
    pub review: Option<Date>,
    /// Each item's prescribed dose from a day on: the first from the start, then each change
    /// (a progression accepted, the programme changed), oldest first.
    pub prescriptions: Vec<Prescription>,
}

/// An item's dose in effect from a day on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prescription {
    pub from: Date,
    pub item: String,
    pub dose: Dose,
    /// Sessions of it due each day it is due.
    pub per_day: u32,
    /// A progression the person accepted, rather than the programme as written or changed.
    pub progression: bool,
}

/// One PSFS activity's score on a day: 0 (unable) to 10 (as before the problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsfsAnswer {
    pub date: Date,
    pub activity: String,
    pub score: u8,
}
