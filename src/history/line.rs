//! The history's lines on disk: JSON Lines, each naming its format version in `v`.
//!
//! Format 3 (written now) has one line per session, `{"v":3,"session":{…}}`, and one per set of
//! answers given after it, `{"v":3,"amend":{"session":ID,…}}`. A line's kind is the one key
//! beside `v`, so a new kind is a new optional field of `Line3` and a new [`Entry`]; a line of
//! a kind this version does not know is skipped with a note, never fatal. Every field added
//! later must have a default, so that older lines still read.
//!
//! Formats 1 and 2 (read as before, never written) have one line per exercise, the check-in
//! answers on each, and amendments `{"v":2,"amends":ID,…}`; the reader joins the lines of one
//! session ([`Entry::Exercise`]).

use std::borrow::Cow;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::adherence::{ProgrammeEvent, SkippedDay};
use super::{End, ExerciseRecord, ItemDone, Record, Started};
use crate::domain::checkin::{Checkin, Effort, Hurt, Note, Pain, Psfs, Why};
use crate::domain::side::Side;
use crate::domain::summary::SideReps;
use crate::domain::untrusted::clean_line;

mod old;

/// The format version written in every line's `v`. Readers accept every version up to this
/// one. Version 2 added the session id, the skipped holds and the amendment lines; version 3
/// made a line a whole session, with how it ended and the whole check-in.
pub const VERSION: u32 = 3;

mod programme;

/// A line of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A whole session (format 3).
    Session(Record),
    /// One exercise of a session, as formats 1 and 2 wrote them, as a session of its own: the
    /// reader joins it to the session before it when they are one.
    Exercise(Record),
    /// Answers given after a session was written.
    Amendment(Amendment),
    /// A day the user skipped, and why.
    Skip(SkippedDay),
    /// The programme installed, changed, a step accepted, or ended.
    Programme(ProgrammeEvent),
}

/// Answers given after a session's record was written, for the session with its id. Each
/// carries every answer given so far; the last one read wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    pub session: String,
    /// Why a session stopped early was stopped, when the user said.
    pub why: Option<Why>,
    pub checkin: Checkin,
}

impl Record {
    /// The session's line (format 3), without the newline.
    pub fn to_line(&self) -> String {
        let (end, why) = match self.end {
            End::Reached => (EndWord::Reached, None),
            End::Stopped(why) => (EndWord::Stopped, why),
        };
        let line = Line3 {
            v: VERSION,
            session: Some(SessionLine {
                id: Cow::Borrowed(self.id.as_deref().unwrap_or_default()),
                start: Cow::Owned(self.start.to_string()),
                routine: self.routine.as_deref().map(Cow::Borrowed),
                end,
                why,
                elapsed_secs: self.elapsed.as_secs(),
                active_secs: self.active.as_secs(),
                exercises: self.exercises.iter().map(ExerciseLine::from).collect(),
                checkin: CheckinLine::from(&self.checkin),
                item: self.item.as_ref().map(|item| ItemLine { id: Cow::Borrowed(&item.id), holds: item.holds }),
            }),
            ..Line3::default()
        };
        // A struct of strings and numbers always serializes.
        serde_json::to_string(&line).unwrap_or_default()
    }
}

impl Amendment {
    /// The amendment's line (format 3), without the newline.
    pub fn to_line(&self) -> String {
        let line = Line3 {
            v: VERSION,
            amend: Some(AmendLine {
                session: Cow::Borrowed(&self.session),
                why: self.why,
                checkin: CheckinLine::from(&self.checkin),
            }),
            ..Line3::default()
        };
        serde_json::to_string(&line).unwrap_or_default()
    }
}

/// Parses one line: a session, an old format's exercise, an amendment, or why it is none.
pub fn parse_entry(line: &[u8]) -> Result<Entry, String> {
    match version(line)? {
        3 => parse_3(line),
        1 | 2 => match old::record(line) {
            Ok(record) => Ok(Entry::Exercise(record)),
            Err(reason) => match serde_json::from_slice::<old::AmendmentLine>(line) {
                Ok(amendment) => Ok(Entry::Amendment(Amendment {
                    session: amendment.amends.into_owned(),
                    why: None,
                    checkin: Checkin {
                        pain: checked_pain(amendment.pain)?,
                        effort: amendment.effort,
                        ..Checkin::default()
                    },
                })),
                // Neither: the record's reason says more than the amendment's would.
                Err(_) => Err(reason),
            },
        },
        0 => Err("format 0 is not a format of trunkrot's".to_owned()),
        newer => Err(format!("written by a newer trunkrot (format {newer}; this one reads up to {VERSION})")),
    }
}

/// The line's `v`: read from the start of the line as trunkrot writes it, else from the whole
/// line (a hand-edited one may have spaces or another order).
fn version(line: &[u8]) -> Result<u32, String> {
    if let Some(rest) = line.strip_prefix(b"{\"v\":") {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let parsed = std::str::from_utf8(&rest[..digits.min(9)]).ok().and_then(|d| d.parse().ok());
        if let Some(v) = parsed.filter(|_| (1..=9).contains(&digits) && matches!(rest.get(digits), Some(b',' | b'}'))) {
            return Ok(v);
        }
    }
    serde_json::from_slice::<Versioned>(line).map(|v| v.v).map_err(|e| json_reason(&e))
}

fn parse_3(line: &[u8]) -> Result<Entry, String> {
    let line: Line3 = serde_json::from_slice(line).map_err(|e| json_reason(&e))?;
    let kinds = usize::from(line.session.is_some())
        + usize::from(line.amend.is_some())
        + usize::from(line.skip.is_some())
        + usize::from(line.programme.is_some());
    if kinds > 1 {
        return Err("more than one kind of line on one line".to_owned());
    }
    if let Some(session) = line.session {
        return session.into_record().map(Entry::Session);
    }
    if let Some(amend) = line.amend {
        return Ok(Entry::Amendment(Amendment {
            session: amend.session.into_owned(),
            why: amend.why,
            checkin: amend.checkin.into_checkin()?,
        }));
    }
    if let Some(skip) = line.skip {
        return skip.into_day().map(Entry::Skip);
    }
    match line.programme {
        Some(programme) => programme.into_event().map(Entry::Programme),
        None => Err("a kind of line this trunkrot does not read (written by a newer one?)".to_owned()),
    }
}

fn checked_pain(pain: Option<u8>) -> Result<Option<Pain>, String> {
    match pain {
        Some(value) => Ok(Some(Pain::new(value).ok_or_else(|| format!("pain {value} is not in 0..=10"))?)),
        None => Ok(None),
    }
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

/// Only the version, for a line whose start is not as trunkrot writes it.
#[derive(Deserialize)]
struct Versioned {
    v: u32,
}

/// A line of format 3: the version and exactly one kind. Unknown fields are ignored so that a
/// newer trunkrot's additions do not hide what this one knows.
#[derive(Serialize, Deserialize, Default)]
struct Line3<'a> {
    v: u32,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    session: Option<SessionLine<'a>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    amend: Option<AmendLine<'a>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    skip: Option<programme::SkipLine<'a>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    programme: Option<programme::ProgrammeLine<'a>>,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum EndWord {
    Reached,
    Stopped,
}

#[derive(Serialize, Deserialize)]
struct SessionLine<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    start: Cow<'a, str>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    routine: Option<Cow<'a, str>>,
    end: EndWord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    why: Option<Why>,
    elapsed_secs: u64,
    active_secs: u64,
    #[serde(borrow)]
    exercises: Vec<ExerciseLine<'a>>,
    #[serde(default, borrow, skip_serializing_if = "CheckinLine::is_empty")]
    checkin: CheckinLine<'a>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    item: Option<ItemLine<'a>>,
}

/// The programme item a session did.
#[derive(Serialize, Deserialize)]
struct ItemLine<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    holds: u32,
}

impl SessionLine<'_> {
    fn into_record(self) -> Result<Record, String> {
        if self.exercises.is_empty() {
            return Err("a session without exercises".to_owned());
        }
        let exercises = self
            .exercises
            .into_iter()
            .map(|e| {
                if e.sides.is_empty() {
                    return Err(format!("exercise `{}` has no reps per side", shown(&e.id)));
                }
                Ok(ExerciseRecord {
                    id: shown(&e.id),
                    name: shown(&e.name),
                    reps: e.reps,
                    sets: e.sets,
                    hold: Duration::from_secs(e.hold_secs),
                    sides: e.sides.iter().map(LineSide::reps).collect(),
                    active: Duration::from_secs(e.active_secs),
                    completed: e.completed,
                    skipped: e.skipped,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Record {
            id: (!self.id.is_empty()).then(|| shown(&self.id)),
            start: Started::parse(&self.start)?,
            routine: self.routine.as_deref().map(shown),
            exercises,
            end: match self.end {
                EndWord::Reached => End::Reached,
                EndWord::Stopped => End::Stopped(self.why),
            },
            elapsed: Duration::from_secs(self.elapsed_secs),
            active: Duration::from_secs(self.active_secs),
            checkin: self.checkin.into_checkin()?,
            item: self.item.map(|item| ItemDone { id: shown(&item.id), holds: item.holds }),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct ExerciseLine<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    name: Cow<'a, str>,
    reps: u32,
    #[serde(default = "one")]
    sets: u32,
    hold_secs: u64,
    sides: Vec<LineSide>,
    active_secs: u64,
    completed: bool,
    #[serde(default, skip_serializing_if = "is_zero")]
    skipped: u32,
}

impl<'a> From<&'a ExerciseRecord> for ExerciseLine<'a> {
    fn from(e: &'a ExerciseRecord) -> Self {
        ExerciseLine {
            id: Cow::Borrowed(&e.id),
            name: Cow::Borrowed(&e.name),
            reps: e.reps,
            sets: e.sets,
            hold_secs: e.hold.as_secs(),
            sides: e.sides.iter().map(|s| LineSide { side: s.side, done: s.done, planned: s.planned }).collect(),
            active_secs: e.active.as_secs(),
            completed: e.completed,
            skipped: e.skipped,
        }
    }
}

/// The check-in as stored: every answer optional and left out when not given.
#[derive(Serialize, Deserialize, Default)]
struct CheckinLine<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pain_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hurt: Option<Hurt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    spread: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effort: Option<Effort>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    note: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Vec::is_empty")]
    psfs: Vec<PsfsLine<'a>>,
}

/// One PSFS activity and its score.
#[derive(Serialize, Deserialize)]
struct PsfsLine<'a> {
    #[serde(borrow)]
    activity: Cow<'a, str>,
    score: u8,
}

impl<'a> From<&'a Checkin> for CheckinLine<'a> {
    fn from(c: &'a Checkin) -> Self {
        CheckinLine {
            pain_before: c.pain_before.map(Pain::value),
            pain: c.pain.map(Pain::value),
            hurt: c.hurt,
            spread: c.spread,
            effort: c.effort,
            note: c.note.as_ref().map(|n| Cow::Borrowed(n.as_str())),
            psfs: c.psfs.iter().map(|p| PsfsLine { activity: Cow::Borrowed(&p.activity), score: p.score }).collect(),
        }
    }
}

impl CheckinLine<'_> {
    fn is_empty(&self) -> bool {
        self.pain_before.is_none()
            && self.pain.is_none()
            && self.hurt.is_none()
            && self.spread.is_none()
            && self.effort.is_none()
            && self.note.is_none()
            && self.psfs.is_empty()
    }

    fn into_checkin(self) -> Result<Checkin, String> {
        Ok(Checkin {
            pain_before: checked_pain(self.pain_before)?,
            pain: checked_pain(self.pain)?,
            hurt: self.hurt,
            spread: self.spread,
            effort: self.effort,
            // A hand-edited note is made safe and short as a typed one is.
            note: self.note.as_deref().and_then(Note::new),
            psfs: self
                .psfs
                .iter()
                .map(|p| match p.score {
                    score @ 0..=Psfs::MAX => Ok(Psfs { activity: shown(&p.activity), score }),
                    score => Err(format!("PSFS score {score} is not in 0..={}", Psfs::MAX)),
                })
                .collect::<Result<_, _>>()?,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct AmendLine<'a> {
    #[serde(borrow)]
    session: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    why: Option<Why>,
    #[serde(default, borrow, skip_serializing_if = "CheckinLine::is_empty")]
    checkin: CheckinLine<'a>,
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

impl LineSide {
    fn reps(&self) -> SideReps {
        SideReps { side: self.side, done: self.done, planned: self.planned }
    }
}

fn one() -> u32 {
    1
}
