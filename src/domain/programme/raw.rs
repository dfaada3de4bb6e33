//! The programme file's TOML schema as written, and its checked conversion into a [`Programme`].

use serde::Deserialize;
use toml::Spanned;

use super::{Accepted, Item, Prescriber, Programme, ProgrammeFile, Stop, limits, weekday};
use crate::domain::diagnostic::{Diagnostic, InvalidFile};
use crate::domain::exercise::limits as dose_limits;
use crate::domain::fields::{Checker, RawDuration};
use crate::domain::plan::Overrides;
use crate::domain::shape::{
    self, Field,
    Shape::{Date, Flag, List, Seconds, Table, Tables, Text, Whole},
};
use crate::domain::untrusted::clean_line;

mod date;
mod item;

use date::RawDate;

/// The file's shape, checked first so that every key of the wrong type is reported in one run;
/// it lists the keys of the structs below, and a test keeps the two in step.
const SHAPE: &[Field] = &[
    Field::optional("name", Text),
    Field::optional("start", Date),
    Field::required("weeks", Whole),
    Field::optional("review", Date),
    Field::optional("prescriber", Table(PRESCRIBER)),
    Field::optional("stop", Table(STOP)),
    Field::optional("psfs", List(&Text)),
    Field::required("item", Tables(item::ITEM)),
    Field::optional("accepted", Tables(ACCEPTED)),
];

const PRESCRIBER: &[Field] = &[Field::optional("name", Text), Field::optional("contact", Text)];

const STOP: &[Field] =
    &[Field::optional("pain", Whole), Field::optional("spreading", Flag), Field::optional("message", Text)];

/// The dose's keys, shared by items, their steps and accepted steps.
macro_rules! dose_fields {
    ($($extra:expr),* $(,)?) => {
        &[
            $($extra,)*
            Field::optional("reps", Whole),
            Field::optional("hold", Seconds),
            Field::optional("sets", Whole),
            Field::optional("rest", Seconds),
            Field::optional("get_ready", Seconds),
            Field::optional("transition", Seconds),
        ]
    };
}
pub(super) use dose_fields;

const ACCEPTED: &[Field] = dose_fields!(Field::required("item", Text), Field::required("date", Date));

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgramme {
    name: Option<Spanned<String>>,
    start: Option<Spanned<RawDate>>,
    weeks: Spanned<i64>,
    review: Option<Spanned<RawDate>>,
    #[serde(default)]
    prescriber: RawPrescriber,
    #[serde(default)]
    stop: RawStop,
    psfs: Option<Spanned<Vec<Spanned<String>>>>,
    item: Spanned<Vec<item::RawItem>>,
    #[serde(default)]
    accepted: Vec<RawAccepted>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPrescriber {
    name: Option<Spanned<String>>,
    contact: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStop {
    pain: Option<Spanned<i64>>,
    spreading: Option<bool>,
    message: Option<Spanned<String>>,
}

/// A dose as written, in an item, a step or an accepted step.
#[derive(Default)]
pub(super) struct RawDose<'a> {
    reps: Option<&'a Spanned<i64>>,
    hold: Option<&'a Spanned<RawDuration>>,
    sets: Option<&'a Spanned<i64>>,
    rest: Option<&'a Spanned<RawDuration>>,
    get_ready: Option<&'a Spanned<RawDuration>>,
    transition: Option<&'a Spanned<RawDuration>>,
}

/// A raw table with the six keys of a dose after its own, and `dose()` to read them: serde's
/// `flatten` would lose the places.
macro_rules! with_dose {
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($(#[$field_meta:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        $vis struct $name {
            $($(#[$field_meta])* $field: $ty,)*
            reps: Option<toml::Spanned<i64>>,
            hold: Option<toml::Spanned<crate::domain::fields::RawDuration>>,
            sets: Option<toml::Spanned<i64>>,
            rest: Option<toml::Spanned<crate::domain::fields::RawDuration>>,
            get_ready: Option<toml::Spanned<crate::domain::fields::RawDuration>>,
            transition: Option<toml::Spanned<crate::domain::fields::RawDuration>>,
        }

        impl $name {
            fn dose(&self) -> crate::domain::programme::raw::RawDose<'_> {
                crate::domain::programme::raw::RawDose::new(
                    self.reps.as_ref(),
                    self.hold.as_ref(),
                    self.sets.as_ref(),
                    self.rest.as_ref(),
                    self.get_ready.as_ref(),
                    self.transition.as_ref(),
                )
            }
        }
    };
}
pub(super) use with_dose;

impl<'a> RawDose<'a> {
    pub(super) fn new(
        reps: Option<&'a Spanned<i64>>,
        hold: Option<&'a Spanned<RawDuration>>,
        sets: Option<&'a Spanned<i64>>,
        rest: Option<&'a Spanned<RawDuration>>,
        get_ready: Option<&'a Spanned<RawDuration>>,
        transition: Option<&'a Spanned<RawDuration>>,
    ) -> Self {
        RawDose { reps, hold, sets, rest, get_ready, transition }
    }

    /// Whether any of the six keys is given.
    pub(super) fn is_empty(&self) -> bool {
        self.reps.is_none()
            && self.hold.is_none()
            && self.sets.is_none()
            && self.rest.is_none()
            && self.get_ready.is_none()
            && self.transition.is_none()
    }
}

with_dose! {
    struct RawAccepted {
        item: Spanned<String>,
        date: Spanned<RawDate>,
    }
}

/// Reads a programme from the bytes of a file; `origin` names the file in messages.
pub fn parse(origin: &str, bytes: &[u8]) -> Result<ProgrammeFile, InvalidFile> {
    let reading = read(origin, bytes)?;
    if reading.problems.is_empty() { Ok(reading.file) } else { Err(InvalidFile { diagnostics: reading.problems }) }
}

/// A programme file read as far as it could be, with every problem of its own (shape and
/// values, in the file's order): its items are there even when other values are wrong (those
/// left out), so the shell can look up what they name and judge their doses in the same run.
#[derive(Debug, Clone)]
pub struct Reading {
    pub file: ProgrammeFile,
    pub problems: Vec<Diagnostic>,
}

/// [`parse`], as far as the file can be read; `Err` only when nothing can be (not UTF-8, empty,
/// not TOML).
pub fn read(origin: &str, bytes: &[u8]) -> Result<Reading, InvalidFile> {
    let empty = "a programme needs `weeks` and at least one `[[item]]`";
    // The shape's problems and the values' in one run: the parts of the wrong shape are left
    // out of what serde reads, a missing one stood in for.
    let read = shape::read_all::<RawProgramme>(origin, bytes, SHAPE, empty)?;
    let (source, raw) = (read.source, &read.raw);
    let mut checker = Checker { origin, source, problems: Vec::new() };
    let name = raw.name.as_ref().map_or_else(|| "Programme".to_owned(), |name| checker.text("name", name));
    if name.is_empty() {
        checker.report(raw.name.as_ref().map_or(0..0, Spanned::span), "`name` is empty".to_owned());
    }
    let weeks = checker.count("weeks", &raw.weeks, limits::WEEKS);
    let start = raw.start.as_ref().and_then(|date| checker.date("start", date));
    let review = raw.review.as_ref().and_then(|date| checker.date("review", date));
    if let (Some(start), Some(review), Some(at)) = (start, review, &raw.review)
        && review < start
    {
        checker.report(at.span(), format!("`review` is {review}, before the programme's `start` of {start}"));
    }
    let prescriber = Prescriber {
        name: raw.prescriber.name.as_ref().map(|t| checker.text("prescriber.name", t)).unwrap_or_default(),
        contact: raw.prescriber.contact.as_ref().map(|t| checker.text("prescriber.contact", t)).unwrap_or_default(),
    };
    let stop = Stop {
        pain: raw.stop.pain.as_ref().and_then(|p| checker.count("stop.pain", p, limits::PAIN)).map(|p| p as u8),
        spreading: raw.stop.spreading.unwrap_or(false),
        message: raw.stop.message.as_ref().map(|t| checker.text("stop.message", t)).unwrap_or_default(),
    };
    let psfs = checker.psfs(raw.psfs.as_ref());
    let weeks = weeks.unwrap_or(*limits::WEEKS.end());
    let (items, places) = checker.items(&raw.item, weeks);
    let accepted = checker.accepted(&raw.accepted, &items);
    let problems = read.all_problems(origin, checker.problems);
    let programme = Programme { name, prescriber, start, weeks, review, items, stop, psfs, accepted };
    let (places, numbers) = places.into_iter().unzip();
    Ok(Reading { file: ProgrammeFile { programme, places, numbers }, problems })
}

/// Whether a file is a programme rather than an exercise or a routine, by what it holds: an
/// array of `item` tables, or a `weeks` key. Text that is not TOML is judged by its `[[item]]`
/// lines, so the syntax error is reported against the schema the author meant.
pub fn is_programme(bytes: &[u8]) -> bool {
    let Ok(source) = std::str::from_utf8(bytes) else {
        return false;
    };
    match toml::from_str::<toml::Table>(source) {
        Ok(table) => table.get("item").is_some_and(toml::Value::is_array) || table.contains_key("weeks"),
        Err(_) => source.lines().any(|line| line.trim_start().starts_with("[[item]]")),
    }
}

impl Checker<'_> {
    /// Text cleaned for display, reported when longer than [`limits::TEXT_CHARS`].
    fn text(&mut self, field: &str, value: &Spanned<String>) -> String {
        let text = clean_line(value.get_ref());
        let chars = text.chars().count();
        if chars > limits::TEXT_CHARS {
            let message = format!("`{field}` is {chars} characters long; at most {} fit", limits::TEXT_CHARS);
            self.report(value.span(), message);
        }
        text
    }

    /// A day, or `None` with the problem reported at its place.
    fn date(&mut self, field: &str, value: &Spanned<RawDate>) -> Option<jiff::civil::Date> {
        match value.get_ref().day() {
            Ok(date) => Some(date),
            Err(why) => {
                self.report(value.span(), format!("`{field}` {why}"));
                None
            }
        }
    }

    /// A dose within the limits every exercise shares; `field` is the table it is in.
    fn dose(&mut self, field: &str, raw: &RawDose<'_>) -> Overrides {
        let name = |key: &str| if field.is_empty() { key.to_owned() } else { format!("{field}.{key}") };
        let seconds = |checker: &mut Self, key: &str, value: Option<&Spanned<RawDuration>>, bounds| {
            value.and_then(|v| checker.seconds(&name(key), v, bounds))
        };
        Overrides {
            reps: raw.reps.and_then(|v| self.count(&name("reps"), v, dose_limits::REPS)),
            hold: seconds(self, "hold", raw.hold, dose_limits::HOLD_SECS),
            get_ready: seconds(self, "get_ready", raw.get_ready, dose_limits::GET_READY_SECS),
            transition: seconds(self, "transition", raw.transition, dose_limits::TRANSITION_SECS),
            sets: raw.sets.and_then(|v| self.count(&name("sets"), v, dose_limits::SETS)),
            rest: seconds(self, "rest", raw.rest, dose_limits::REST_SECS),
        }
    }

    fn psfs(&mut self, raw: Option<&Spanned<Vec<Spanned<String>>>>) -> Vec<String> {
        let Some(raw) = raw else { return Vec::new() };
        let mut activities = Vec::new();
        for (index, activity) in raw.get_ref().iter().enumerate() {
            let text = self.text(&format!("psfs[{}]", index + 1), activity);
            if text.is_empty() {
                self.report(activity.span(), format!("`psfs[{}]` is empty; name an activity", index + 1));
            } else if activities.contains(&text) {
                self.report(activity.span(), format!("`psfs` names `{text}` twice"));
            } else {
                activities.push(text);
            }
        }
        if activities.len() > limits::PSFS {
            let message = format!(
                "`psfs` lists {} activities; the scale takes at most {}, the ones that matter most",
                activities.len(),
                limits::PSFS
            );
            self.report(raw.span(), message);
        }
        activities
    }

    fn accepted(&mut self, raw: &[RawAccepted], items: &[Item]) -> Vec<Accepted> {
        if raw.len() > limits::ACCEPTED {
            let message =
                format!("at most {} `[[accepted]]` steps are kept; this file has {}", limits::ACCEPTED, raw.len());
            self.problems.push(Diagnostic::whole_file(self.origin, message));
        }
        let mut accepted: Vec<Accepted> = Vec::new();
        for (index, step) in raw.iter().enumerate().take(limits::ACCEPTED) {
            let field = format!("accepted[{}]", index + 1);
            let item = step.item.get_ref().trim().to_owned();
            if !items.is_empty() && !items.iter().any(|known| known.id == item) {
                let ids: Vec<&str> = items.iter().map(|known| known.id.as_str()).collect();
                let hint = crate::domain::spelling::nearest(&item, &ids)
                    .map(|near| format!(", did you mean `{near}`?"))
                    .unwrap_or_default();
                let message = format!(
                    "`{field}.item` is `{}`, which is no item's id{hint} (ids: {})",
                    clean_line(&item),
                    ids.join(", ")
                );
                self.report(step.item.span(), message);
            }
            let date = self.date(&format!("{field}.date"), &step.date);
            if let (Some(date), Some(before)) = (date, accepted.last())
                && date < before.date
            {
                let message =
                    format!("`{field}.date` is {date}, before the step above it ({}); keep them in order", before.date);
                self.report(step.date.span(), message);
            }
            let dose = self.dose(&field, &step.dose());
            if let Some(date) = date {
                accepted.push(Accepted { item, date, dose });
            }
        }
        accepted
    }
}

#[cfg(test)]
mod shape_tests {
    use super::*;

    #[test]
    fn every_key_of_the_shape_is_one_serde_reads() {
        let sample = shape::sample(SHAPE)
            .replace("days = [\"x\"]", "days = [\"mon\"]")
            .replace("days_a_week = 2, ", "")
            .replace("routine = \"x\", ", "");
        let parsed: Result<RawProgramme, _> = toml::from_str(&sample);
        assert!(parsed.is_ok(), "{sample}\n{:?}", parsed.err());
        assert!(shape::check("t.toml", &sample, SHAPE).is_empty());
        assert!(
            parse("t.toml", sample.as_bytes()).is_ok(),
            "{sample}\n{}",
            parse("t.toml", sample.as_bytes()).unwrap_err()
        );
    }

    #[test]
    fn the_shape_names_every_key_serde_reads() {
        let keys = shape::serde_keys::<RawProgramme>;
        assert_eq!(shape::keys(SHAPE), keys("weeks = 1\nitem = []\n"), "add the new key to SHAPE in programme/raw.rs");
        assert_eq!(shape::keys(PRESCRIBER), shape::serde_keys::<RawPrescriber>(""), "add it to PRESCRIBER");
        assert_eq!(shape::keys(STOP), shape::serde_keys::<RawStop>(""), "add it to STOP");
        assert_eq!(shape::keys(item::ITEM), item::serde_keys(), "add it to ITEM in programme/raw/item.rs");
        assert_eq!(shape::keys(item::STEP), item::step_keys(), "add it to STEP in programme/raw/item.rs");
        assert_eq!(shape::keys(item::PROGRESSION), item::progression_keys(), "add it to PROGRESSION");
    }
}
