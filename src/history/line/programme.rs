//! The programme's kinds of line in format 3: a day skipped,
//! `{"v":3,"skip":{"date":"2026-12-23","reason":"flare-up"}}`, and a programme event with the
//! whole prescription then in effect, `{"v":3,"programme":{"event":"installed","date":…,
//! "prescription":"…"}}`. The prescription is kept as the programme file's text, so it is read
//! back by the one reader programme files have, checked as they are.

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Line3, VERSION};
use crate::domain::programme::{self, writing};
use crate::domain::untrusted::clean_line;
use crate::history::adherence::{Change, ProgrammeEvent, SkippedDay};

/// The longest reason for a skipped day kept, in characters.
pub const REASON_CHARS: usize = 200;

#[derive(Serialize, Deserialize)]
pub(super) struct SkipLine<'a> {
    #[serde(borrow)]
    date: Cow<'a, str>,
    #[serde(borrow)]
    reason: Cow<'a, str>,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum EventWord {
    Installed,
    Changed,
    Accepted,
    Ended,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ProgrammeLine<'a> {
    event: EventWord,
    #[serde(borrow)]
    date: Cow<'a, str>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    prescription: Option<Cow<'a, str>>,
}

impl SkippedDay {
    /// A skipped day, its reason made safe and short.
    pub fn new(date: Date, reason: &str) -> Self {
        SkippedDay { date, reason: clean_line(reason).chars().take(REASON_CHARS).collect() }
    }

    /// The day's line (format 3), without the newline.
    pub fn to_line(&self) -> String {
        let date = self.date.to_string();
        let line = Line3 {
            v: VERSION,
            skip: Some(SkipLine { date: Cow::Borrowed(&date), reason: Cow::Borrowed(&self.reason) }),
            ..Line3::default()
        };
        serde_json::to_string(&line).unwrap_or_default()
    }
}

impl ProgrammeEvent {
    /// The event's line (format 3), without the newline.
    pub fn to_line(&self) -> String {
        let (event, prescription) = match &self.change {
            Change::Installed(programme) => (EventWord::Installed, Some(writing::toml(programme))),
            Change::Changed(programme) => (EventWord::Changed, Some(writing::toml(programme))),
            Change::Accepted(programme) => (EventWord::Accepted, Some(writing::toml(programme))),
            Change::Ended => (EventWord::Ended, None),
        };
        let date = self.date.to_string();
        let line = Line3 {
            v: VERSION,
            programme: Some(ProgrammeLine {
                event,
                date: Cow::Borrowed(&date),
                prescription: prescription.map(Cow::Owned),
            }),
            ..Line3::default()
        };
        serde_json::to_string(&line).unwrap_or_default()
    }
}

fn day(text: &str) -> Result<Date, String> {
    text.parse::<Date>().map_err(|_| format!("`{}` is not a day written YYYY-MM-DD", clean_line(text)))
}

impl SkipLine<'_> {
    pub(super) fn into_day(self) -> Result<SkippedDay, String> {
        Ok(SkippedDay::new(day(&self.date)?, &self.reason))
    }
}

impl ProgrammeLine<'_> {
    pub(super) fn into_event(self) -> Result<ProgrammeEvent, String> {
        let date = day(&self.date)?;
        let read = |text: Option<Cow<'_, str>>| {
            let text = text.ok_or("a programme event without its prescription")?;
            let file = programme::parse("the prescription", text.as_bytes()).map_err(|invalid| {
                let first = invalid.diagnostics.first().map(|d| d.message.clone()).unwrap_or_default();
                format!("its prescription does not read: {first}")
            })?;
            let mut programme = file.programme;
            programme.start = Some(programme.first_day(date));
            Ok::<_, String>(programme)
        };
        let change = match self.event {
            EventWord::Installed => Change::Installed(read(self.prescription)?),
            EventWord::Changed => Change::Changed(read(self.prescription)?),
            EventWord::Accepted => Change::Accepted(read(self.prescription)?),
            EventWord::Ended => Change::Ended,
        };
        Ok(ProgrammeEvent { date, change })
    }
}
