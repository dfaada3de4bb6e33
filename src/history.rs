//! The history: the sessions done, one [`Record`] each (its exercises, how it ended, its one
//! check-in), stored as JSON lines in `history.jsonl`, with amendment lines for the answers
//! given after a session was written. Pure: building a session's record, its line
//! (`line`), reading a whole file back into sessions (`reading`), and what is made of them:
//! statistics, the report, exports and the next-step rule. The file itself is the shell's
//! ([`crate::shell::journal`]).
//!
//! A session's record is written the moment it ends, so nothing done is lost if the terminal
//! goes away on the done screen; each answer given after that appends an amendment line naming
//! the session's id, which readers apply to that session (the last one wins). The file is only
//! ever appended to, so a crash leaves at worst a cut last line.

pub mod adherence;
pub mod export;
pub mod line;
pub mod next_step;
pub mod report;
pub mod review;
pub mod stats;

mod reading;

pub use line::{Amendment, Entry, VERSION, parse_entry};
pub use reading::{History, MAX_LINE_BYTES, Skipped, read, read_entries, read_entries_where, read_lines};

use std::fmt;
use std::time::Duration;

use jiff::civil::Date;
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::Offset;
use jiff::{Timestamp, ZonedDateTime};

use crate::domain::checkin::{Checkin, Why};
use crate::domain::plan::Plan;
use crate::domain::summary::{PartSummary, SideReps, Summary};
use crate::domain::untrusted::clean_line;

/// How many sessions back from an amendment its session is looked for: a session and its
/// answers are written minutes apart, with at most a few other sessions between them, and the
/// bound keeps a long history linear to read.
const AMENDMENT_REACH: usize = 1000;

/// The file's name, as diagnostics show it.
pub const FILE_NAME: &str = "history.jsonl";

/// When a session started: the instant and the UTC offset the user's clock had then, so the
/// day it counts for is the day the user lived it, wherever they are now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Started {
    pub at: Timestamp,
    pub offset: Offset,
}

impl Started {
    /// The local time `now`, to the second.
    pub fn from_zoned(now: &ZonedDateTime) -> Self {
        let at = Timestamp::from_second(now.timestamp().as_second()).unwrap_or(now.timestamp());
        Started { at, offset: now.offset() }
    }

    /// The local calendar day.
    pub fn date(&self) -> Date {
        self.offset.to_datetime(self.at).date()
    }

    /// Parses `2026-03-31T23:30:00+02:00`; an offset is required.
    pub fn parse(text: &str) -> Result<Self, String> {
        let pieces = Pieces::parse(text).map_err(|e| format!("start `{}`: {e}", clean_line(text)))?;
        let offset = match pieces.offset() {
            Some(PiecesOffset::Numeric(numeric)) => numeric.offset(),
            Some(PiecesOffset::Zulu) => Offset::UTC,
            _ => return Err(format!("start `{}` has no UTC offset", clean_line(text))),
        };
        let time = pieces.time().ok_or_else(|| format!("start `{}` has no time of day", clean_line(text)))?;
        let at = offset
            .to_timestamp(pieces.date().to_datetime(time))
            .map_err(|e| format!("start `{}`: {e}", clean_line(text)))?;
        Ok(Started { at, offset })
    }
}

impl fmt::Display for Started {
    /// RFC 3339 in local time: `2026-03-31T23:30:00+02:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.at.display_with_offset(self.offset))
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// It ran to its end, whether or not holds were skipped on the way.
    Reached,
    /// It was stopped before its end; why, when the user said or a signal or a lost terminal
    /// ended it.
    Stopped(Option<Why>),
}

/// One session done: what each of its exercises did, how it ended, and the one check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Unique to the session, named by its amendments; `None` in lines of the first format.
    pub id: Option<String>,
    pub start: Started,
    /// The id of the routine it ran, if any.
    pub routine: Option<String>,
    /// The exercises with at least one hold done or skipped, and the one a session stopped early
    /// was stopped in (perhaps with none done), in the order they ran.
    pub exercises: Vec<ExerciseRecord>,
    pub end: End,
    /// From start to end, pauses included.
    pub elapsed: Duration,
    /// Without pauses.
    pub active: Duration,
    pub checkin: Checkin,
    /// The programme item it did, when it did one at its dose.
    pub item: Option<ItemDone>,
}

/// The programme item a session did, at the item's dose: it counts for that item's adherence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDone {
    pub id: String,
    /// The holds the whole plan had, those of exercises never reached included, so that a
    /// routine stopped early counts the right share.
    pub holds: u32,
}

/// One exercise of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseRecord {
    /// The exercise's id (its file stem) and name.
    pub id: String,
    pub name: String,
    /// The dose it ran with: reps per side per set, sets, and the hold.
    pub reps: u32,
    pub sets: u32,
    pub hold: Duration,
    /// Holds done and planned, per side (one entry without a side for two-sided exercises).
    pub sides: Vec<SideReps>,
    /// The time its phases ran, pauses left out.
    pub active: Duration,
    /// Every hold of it ran to its end.
    pub completed: bool,
    /// Holds skipped: gone past without running to their end, before the end or the stop.
    pub skipped: u32,
}

impl ExerciseRecord {
    /// Holds done, all sides together (saturating: the numbers come from a file).
    pub fn done(&self) -> u32 {
        self.sides.iter().fold(0, |sum, s| sum.saturating_add(s.done))
    }

    /// Holds planned, all sides together (saturating: the numbers come from a file).
    pub fn planned(&self) -> u32 {
        self.sides.iter().fold(0, |sum, s| sum.saturating_add(s.planned))
    }

    /// Whether it is done on each side in turn.
    pub fn has_sides(&self) -> bool {
        self.sides.iter().any(|s| s.side.is_some())
    }
}

impl Record {
    /// Holds done in the whole session (saturating).
    pub fn done(&self) -> u32 {
        self.exercises.iter().fold(0, |sum, e| sum.saturating_add(e.done()))
    }

    /// Holds planned for the exercises it recorded (saturating).
    pub fn planned(&self) -> u32 {
        self.exercises.iter().fold(0, |sum, e| sum.saturating_add(e.planned()))
    }

    /// It ran to its end with every hold done.
    pub fn completed(&self) -> bool {
        self.end == End::Reached && self.exercises.iter().all(|e| e.completed)
    }

    /// Stopped before its end.
    pub fn stopped(&self) -> bool {
        matches!(self.end, End::Stopped(_))
    }

    /// The record of `exercise` in this session, if it did it: of a routine that does it twice,
    /// the copy with the most holds done (the first of those), not one skipped whole.
    pub fn exercise(&self, exercise: &str) -> Option<&ExerciseRecord> {
        self.exercises.iter().filter(|e| e.id == exercise).rev().max_by_key(|e| e.done())
    }

    /// Gives the session the answers of `amendment`.
    pub fn amend(&mut self, amendment: &Amendment) {
        self.checkin = amendment.checkin.clone();
        if let (End::Stopped(why), Some(answer)) = (&mut self.end, amendment.why) {
            *why = Some(answer);
        }
    }
}

/// The record a session leaves, or `None` when it was stopped while getting ready, before its
/// first move. `id` is the session's, for later amendments; `end` says how it ended (reached, or
/// stopped and why if known).
///
/// A session is kept when it did a hold, or was stopped in an exercise once it had begun:
/// stopped in the first move, perhaps for pain, it is kept with no hold done, for the
/// physiotherapist to see. Holds skipped to the end, or to the stop, leave nothing.
///
/// The exercises recorded are those the session went through: with a hold done or skipped, and
/// the one it was stopped in. An exercise of a routine skipped whole is kept with its holds
/// skipped, so the routine does not read as done in full.
pub fn record(summary: &Summary, plan: &Plan, start: Started, id: &str, end: End) -> Option<Record> {
    let done =
        |index: usize, part: &PartSummary| Some(index) == summary.stopped_in || part.reps.iter().any(|r| r.done > 0);
    if !summary.parts.iter().enumerate().any(|(index, part)| done(index, part)) {
        return None;
    }
    let exercises: Vec<ExerciseRecord> = summary
        .parts
        .iter()
        .zip(&plan.parts)
        .enumerate()
        .filter(|(index, (summary_part, _))| done(*index, summary_part) || summary_part.skipped > 0)
        .map(|(_, parts)| parts)
        .map(|(summary_part, part)| ExerciseRecord {
            id: summary_part.id.clone(),
            name: summary_part.name.clone(),
            reps: part.settings.reps,
            sets: part.settings.sets,
            hold: summary_part.hold,
            sides: summary_part.reps.clone(),
            active: summary_part.active,
            // Every hold of this exercise ran to its end, even if the routine stopped later.
            completed: summary_part.reps.iter().all(|r| r.done >= r.planned),
            skipped: summary_part.skipped,
        })
        .collect();
    (!exercises.is_empty()).then(|| Record {
        id: Some(id.to_owned()),
        start,
        routine: plan.routine.clone(),
        exercises,
        end,
        elapsed: summary.elapsed,
        active: summary.active,
        checkin: Checkin::default(),
        item: None,
    })
}

#[cfg(test)]
pub(crate) mod tests;
