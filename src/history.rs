//! The session log: one record per exercise done, stored as one JSON line each in
//! `history.jsonl`, and amendment lines that add check-in answers given after the session
//! ended. Pure: building a record, writing its line, and reading a whole file back into records
//! (amendments applied) plus a note for each damaged line. The file itself is the shell's
//! ([`crate::shell::journal`]).
//!
//! A session's records are written the moment it ends, so nothing done is lost if the terminal
//! goes away on the done screen; each check-in answer given there appends an amendment line
//! `{"v":2,"amends":ID,...}` naming the session's id, which readers apply to the records with
//! that id. The file is only ever appended to, so a crash leaves at worst a cut last line.

pub mod export;
pub mod next_step;
pub mod report;
pub mod stats;

mod reading;

pub use reading::{History, MAX_LINE_BYTES, Skipped, read, read_lines};

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use jiff::civil::Date;
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::Offset;
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::checkin::{Checkin, Effort, Pain};
use crate::domain::plan::Plan;
use crate::domain::side::Side;
use crate::domain::summary::{SideReps, Summary};
use crate::domain::untrusted::clean_line;

/// The format version written in every line's `v`. Readers accept every version up to this
/// one; fields added later must have defaults so that older lines still read. Version 2 added
/// the session id, the skipped holds and the amendment lines.
pub const VERSION: u32 = 2;

/// How many records back from an amendment its session's records are looked for: a session's
/// records and its answers are written seconds apart, with at most a few other sessions' lines
/// between them, and the bound keeps a long history linear to read.
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

/// One exercise done in one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub start: Started,
    /// The exercise's id (its file stem) and name.
    pub exercise: String,
    pub name: String,
    /// Ran to its end rather than being stopped early.
    pub completed: bool,
    /// The settings it ran with: reps per side per set, sets, and the hold.
    pub reps: u32,
    pub sets: u32,
    pub hold: Duration,
    /// Holds done and planned, per side (one entry without a side for two-sided exercises).
    pub sides: Vec<SideReps>,
    /// From start to end, pauses included, and without pauses.
    pub total: Duration,
    pub active: Duration,
    pub checkin: Checkin,
    /// The id of the routine this exercise was done in, if any.
    pub routine: Option<String>,
    /// The session's id, shared by the records of one routine and named by amendments; `None`
    /// in lines written before version 2.
    pub session: Option<String>,
    /// Holds skipped in a session that reached its end.
    pub skipped: u32,
}

impl Record {
    /// Holds done, all sides together (saturating: the numbers come from a file).
    pub fn done(&self) -> u32 {
        self.sides.iter().fold(0, |sum, s| sum.saturating_add(s.done))
    }

    /// Holds planned, all sides together (saturating: the numbers come from a file).
    pub fn planned(&self) -> u32 {
        self.sides.iter().fold(0, |sum, s| sum.saturating_add(s.planned))
    }

    /// The record's JSON line, without the newline.
    pub fn to_line(&self) -> String {
        let line = Line {
            v: VERSION,
            start: Cow::Owned(self.start.to_string()),
            exercise: Cow::Borrowed(&self.exercise),
            name: Cow::Borrowed(&self.name),
            completed: self.completed,
            reps: self.reps,
            sets: self.sets,
            hold_secs: self.hold.as_secs(),
            sides: self.sides.iter().map(|s| LineSide { side: s.side, done: s.done, planned: s.planned }).collect(),
            total_secs: self.total.as_secs(),
            active_secs: self.active.as_secs(),
            pain: self.checkin.pain.map(Pain::value),
            effort: self.checkin.effort,
            routine: self.routine.as_deref().map(Cow::Borrowed),
            session: self.session.as_deref().map(Cow::Borrowed),
            skipped: self.skipped,
        };
        // A struct of strings and numbers always serializes.
        serde_json::to_string(&line).unwrap_or_default()
    }
}

/// Check-in answers given after a session's records were written, for the records with the
/// session's id. Each amendment carries every answer given so far; the last one read wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    pub session: String,
    pub checkin: Checkin,
}

impl Amendment {
    /// The amendment's JSON line, without the newline.
    pub fn to_line(&self) -> String {
        let line = AmendmentLine {
            v: VERSION,
            amends: Cow::Borrowed(&self.session),
            pain: self.checkin.pain.map(Pain::value),
            effort: self.checkin.effort,
        };
        serde_json::to_string(&line).unwrap_or_default()
    }
}

/// A line of the history: a record, or an amendment to earlier ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Record(Record),
    Amendment(Amendment),
}

/// The records a session leaves: one per exercise of the plan with a hold done, or none when no
/// hold was done at all. `session` is the session's id, for later amendments.
///
/// The exercises of a routine each get a record, tagged with the routine's id.
pub fn records(summary: &Summary, plan: &Plan, start: Started, session: &str) -> Vec<Record> {
    let parts = &plan.parts;
    let several = parts.len() > 1;
    let done = |part: &crate::domain::summary::PartSummary| part.reps.iter().any(|r| r.done > 0);
    summary
        .parts
        .iter()
        .zip(parts)
        .filter(|(summary_part, _)| done(summary_part))
        .map(|(summary_part, part)| Record {
            start,
            exercise: summary_part.id.clone(),
            name: summary_part.name.clone(),
            // Every hold of this exercise ran to its end, even if the routine stopped later.
            completed: summary_part.reps.iter().all(|r| r.done >= r.planned),
            reps: part.settings.reps,
            sets: part.settings.sets,
            hold: summary_part.hold,
            sides: summary_part.reps.clone(),
            // A routine's exercises each get their own time; pauses belong to no one of them.
            total: if several { summary_part.active } else { summary.elapsed },
            active: if several { summary_part.active } else { summary.active },
            checkin: Checkin::default(),
            routine: plan.routine.clone(),
            session: Some(session.to_owned()),
            skipped: if summary.reached_end {
                summary_part.reps.iter().fold(0, |sum, r| sum + r.planned.saturating_sub(r.done))
            } else {
                0
            },
        })
        .collect()
}

/// Parses one line: a record, an amendment, or why it is neither.
pub fn parse_entry(line: &[u8]) -> Result<Entry, String> {
    match parse_line(line) {
        Ok(record) => Ok(Entry::Record(record)),
        Err(reason) => match serde_json::from_slice::<AmendmentLine>(line) {
            Ok(amendment) if amendment.v <= VERSION => Ok(Entry::Amendment(Amendment {
                session: amendment.amends.into_owned(),
                checkin: Checkin { pain: checked_pain(amendment.pain)?, effort: amendment.effort },
            })),
            // Neither: the record's reason says more than the amendment's would.
            _ => Err(reason),
        },
    }
}

fn checked_pain(pain: Option<u8>) -> Result<Option<Pain>, String> {
    match pain {
        Some(value) => Ok(Some(Pain::new(value).ok_or_else(|| format!("pain {value} is not in 0..=10"))?)),
        None => Ok(None),
    }
}

/// Parses one line into a record, or says why it is not one.
pub fn parse_line(line: &[u8]) -> Result<Record, String> {
    let line: Line = serde_json::from_slice(line).map_err(|e| json_reason(&e))?;
    if line.v > VERSION {
        return Err(format!("written by a newer trunkrot (format {}; this one reads up to {VERSION})", line.v));
    }
    let pain = checked_pain(line.pain)?;
    if line.sides.is_empty() {
        return Err("no reps per side".to_owned());
    }
    Ok(Record {
        start: Started::parse(&line.start)?,
        exercise: shown(&line.exercise),
        name: shown(&line.name),
        completed: line.completed,
        reps: line.reps,
        sets: line.sets,
        hold: Duration::from_secs(line.hold_secs),
        sides: line.sides.iter().map(|s| SideReps { side: s.side, done: s.done, planned: s.planned }).collect(),
        total: Duration::from_secs(line.total_secs),
        active: Duration::from_secs(line.active_secs),
        checkin: Checkin { pain, effort: line.effort },
        routine: line.routine.as_deref().map(shown),
        session: line.session.map(Cow::into_owned),
        skipped: line.skipped,
    })
}

/// The text made safe to show on one line; text that is already so (nearly always) is only
/// copied, which keeps reading a long history fast.
fn shown(text: &str) -> String {
    let plain = text.bytes().all(|b| (b' '..=b'~').contains(&b))
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ");
    if plain { text.to_owned() } else { clean_line(text) }
}

/// `serde_json`'s message without its `at line 1 column N` (the file's line is given apart), and
/// with anything the file put in it made safe to show.
fn json_reason(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head);
    format!("{} (column {})", clean_line(message), error.column())
}

/// A record as stored. Unknown fields are ignored so that a newer trunkrot's extra fields do
/// not hide the ones this one knows.
#[derive(Serialize, Deserialize)]
struct Line<'a> {
    v: u32,
    #[serde(borrow)]
    start: Cow<'a, str>,
    #[serde(borrow)]
    exercise: Cow<'a, str>,
    #[serde(borrow)]
    name: Cow<'a, str>,
    completed: bool,
    reps: u32,
    #[serde(default = "one")]
    sets: u32,
    hold_secs: u64,
    sides: Vec<LineSide>,
    total_secs: u64,
    active_secs: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effort: Option<Effort>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    routine: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    session: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "is_zero")]
    skipped: u32,
}

/// An amendment as stored.
#[derive(Serialize, Deserialize)]
struct AmendmentLine<'a> {
    v: u32,
    #[serde(borrow)]
    amends: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effort: Option<Effort>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(value: &u32) -> bool {
    *value == 0
}

#[derive(Serialize, Deserialize)]
struct LineSide {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    side: Option<Side>,
    done: u32,
    planned: u32,
}

fn one() -> u32 {
    1
}

#[cfg(test)]
pub(crate) mod tests;
