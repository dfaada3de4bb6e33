//! Formats 1 and 2 of the history, read as they always were and never written: a line per
//! exercise of a session, its answers on each, and amendments naming the session.

use std::borrow::Cow;
use std::time::Duration;

use serde::Deserialize;

use super::{LineSide, checked_pain, json_reason, one, shown};
use crate::domain::checkin::{Checkin, Effort};
use crate::history::{End, ExerciseRecord, Record, Started};

/// Parses one line of format 1 or 2 into a session of one exercise, or says why it is not one.
pub(super) fn record(line: &[u8]) -> Result<Record, String> {
    let line: Line = serde_json::from_slice(line).map_err(|e| json_reason(&e))?;
    let pain = checked_pain(line.pain)?;
    if line.sides.is_empty() {
        return Err("no reps per side".to_owned());
    }
    // These formats did not say how a session ended: one that skipped holds reached its end,
    // one with every hold done did too, and any other was stopped.
    let end = if line.completed || line.skipped > 0 { End::Reached } else { End::Stopped(None) };
    Ok(Record {
        id: line.session.map(Cow::into_owned),
        start: Started::parse(&line.start)?,
        routine: line.routine.as_deref().map(shown),
        exercises: vec![ExerciseRecord {
            id: shown(&line.exercise),
            name: shown(&line.name),
            reps: line.reps,
            sets: line.sets,
            hold: Duration::from_secs(line.hold_secs),
            sides: line.sides.iter().map(LineSide::reps).collect(),
            active: Duration::from_secs(line.active_secs),
            completed: line.completed,
            skipped: line.skipped,
        }],
        end,
        elapsed: Duration::from_secs(line.total_secs),
        active: Duration::from_secs(line.active_secs),
        checkin: Checkin { pain, effort: line.effort, ..Checkin::default() },
        item: None,
    })
}

/// A record of formats 1 and 2: one exercise of a session.
#[derive(Deserialize)]
struct Line<'a> {
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
    #[serde(default)]
    pain: Option<u8>,
    #[serde(default)]
    effort: Option<Effort>,
    #[serde(default, borrow)]
    routine: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    session: Option<Cow<'a, str>>,
    #[serde(default)]
    skipped: u32,
}

/// An amendment of format 2.
#[derive(Deserialize)]
pub(super) struct AmendmentLine<'a> {
    #[serde(borrow)]
    pub amends: Cow<'a, str>,
    #[serde(default)]
    pub pain: Option<u8>,
    #[serde(default)]
    pub effort: Option<Effort>,
}
