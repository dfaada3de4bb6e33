//! A routine: several exercises back to back in one session, read from a TOML file.
//!
//! Pure: this module checks the file and keeps each entry's place in it; the shell resolves the
//! exercises the entries name (built-in ids, user ids or paths) and reports missing ones there.

use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::diagnostic::{Diagnostic, InvalidFile};
use crate::domain::exercise::limits;
use crate::domain::fields::{Checker, RawDuration};
use crate::domain::plan::Overrides;
use crate::domain::shape::{
    self, Field,
    Shape::{Seconds, Tables, Text, Whole},
};
use crate::domain::untrusted::clean_line;

/// Rest between exercises when the routine does not say.
pub const DEFAULT_REST: Duration = Duration::from_secs(15);

/// At most this many exercises in one routine; the rest of a longer one is refused with it.
pub const MAX_ENTRIES: usize = 50;

/// One exercise of a routine, as named in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// An exercise id (built-in or the user's) or a path to an exercise file.
    pub exercise: String,
    pub overrides: Overrides,
    /// Where the entry names its exercise, for errors about it.
    pub place: Diagnostic,
}

/// A validated routine file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routine {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Rest between one exercise and the next, if the routine says (else the config's rest,
    /// else [`DEFAULT_REST`]).
    pub rest: Option<Duration>,
    /// Never empty.
    pub entries: Vec<Entry>,
}

/// The file's shape, checked first so that every key of the wrong type is reported in one run;
/// it lists the keys of the structs below.
const SHAPE: &[Field] = &[
    Field::required("name", Text),
    Field::optional("summary", Text),
    Field::optional("rest", Seconds),
    Field::optional("exercise", Tables(ENTRY)),
];

const ENTRY: &[Field] = &[
    Field::required("id", Text),
    Field::optional("reps", Whole),
    Field::optional("hold", Seconds),
    Field::optional("sets", Whole),
    Field::optional("transition", Seconds),
    Field::optional("rest", Seconds),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutine {
    name: Spanned<String>,
    #[serde(default)]
    summary: String,
    rest: Option<Spanned<RawDuration>>,
    #[serde(default)]
    exercise: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    reps: Option<Spanned<i64>>,
    hold: Option<Spanned<RawDuration>>,
    sets: Option<Spanned<i64>>,
    transition: Option<Spanned<RawDuration>>,
    rest: Option<Spanned<RawDuration>>,
}

/// Reads a routine from the bytes of a file. `id` names it in lists; `origin` in messages.
pub fn parse(id: &str, origin: &str, bytes: &[u8]) -> Result<Routine, InvalidFile> {
    let (routine, problems) = read(id, origin, bytes)?;
    if problems.is_empty() { Ok(routine) } else { Err(InvalidFile { diagnostics: problems }) }
}

/// Reads a routine as far as it can be read, with every problem of its own (shape and values):
/// its entries are there even when some values are wrong (those left at the exercise's own),
/// so the exercises they name can be looked up and reported on in the same run. `Err` when
/// nothing can be read.
pub fn read(id: &str, origin: &str, bytes: &[u8]) -> Result<(Routine, Vec<Diagnostic>), InvalidFile> {
    let empty = "a routine needs a `name` and at least one `[[exercise]]`";
    let read = shape::read_all::<RawRoutine>(origin, bytes, SHAPE, empty)?;
    let (source, raw) = (read.source, &read.raw);
    let mut checker = Checker { origin, source, problems: Vec::new() };
    let name = clean_line(raw.name.get_ref());
    if name.is_empty() {
        checker.report(raw.name.span(), "`name` is empty".to_owned());
    }
    let rest = raw.rest.as_ref().and_then(|v| checker.seconds("rest", v, limits::REST_SECS));
    if raw.exercise.is_empty() {
        let message = "a routine needs at least one `[[exercise]]` with an `id`".to_owned();
        checker.problems.push(Diagnostic::whole_file(origin, message));
    }
    if let Some(extra) = raw.exercise.get(MAX_ENTRIES) {
        let message =
            format!("a routine has at most {MAX_ENTRIES} `[[exercise]]` entries; this one has {}", raw.exercise.len());
        checker.report(extra.id.span(), message);
    }
    let mut entries = Vec::new();
    for entry in raw.exercise.iter().take(MAX_ENTRIES) {
        let overrides = Overrides {
            reps: entry.reps.as_ref().and_then(|v| checker.count("exercise.reps", v, limits::REPS)),
            hold: entry.hold.as_ref().and_then(|v| checker.seconds("exercise.hold", v, limits::HOLD_SECS)),
            get_ready: None,
            transition: entry
                .transition
                .as_ref()
                .and_then(|v| checker.seconds("exercise.transition", v, limits::TRANSITION_SECS)),
            sets: entry.sets.as_ref().and_then(|v| checker.count("exercise.sets", v, limits::SETS)),
            rest: entry.rest.as_ref().and_then(|v| checker.seconds("exercise.rest", v, limits::REST_SECS)),
        };
        let exercise = entry.id.get_ref().trim().to_owned();
        if exercise.is_empty() {
            checker.report(entry.id.span(), "`exercise.id` is empty".to_owned());
        }
        let place = Diagnostic::at(origin, source, Some(entry.id.span()), String::new());
        entries.push(Entry { exercise, overrides, place });
    }
    let problems = read.all_problems(origin, checker.problems);
    Ok((Routine { id: clean_line(id), name, summary: clean_line(&raw.summary), rest, entries }, problems))
}

/// Routine files compiled into the binary: `(id, TOML source)`.
pub const BUILT_IN: &[(&str, &str)] = &[("low-back", include_str!("../../exercises/routines/low-back.toml"))];

/// Loads a built-in routine by id.
pub fn built_in(id: &str) -> Option<Result<Routine, InvalidFile>> {
    BUILT_IN
        .iter()
        .find(|(built_in, _)| *built_in == id)
        .map(|(id, source)| parse(id, &format!("built-in routine {id}"), source.as_bytes()))
}

/// Whether a file is a routine rather than an exercise, by what it holds: an array of
/// `exercise` tables, however the keys are spelt (`[[exercise]]`, `[["exercise"]]`,
/// `exercise = [{ id = "..." }]`). Text that is not TOML is judged by its `[[exercise]]` lines,
/// so the syntax error is reported against the schema the author meant.
pub fn is_routine(bytes: &[u8]) -> bool {
    let Ok(source) = std::str::from_utf8(bytes) else {
        return false;
    };
    match toml::from_str::<toml::Table>(source) {
        Ok(table) => table.get("exercise").is_some_and(toml::Value::is_array),
        Err(_) => source.lines().any(|line| line.trim_start().starts_with("[[exercise]]")),
    }
}

impl Entry {
    /// An error about this entry, at the place it names its exercise.
    pub fn problem(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic { message: message.into(), ..self.place.clone() }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod shape_tests {
    use super::*;

    #[test]
    fn every_key_of_the_shape_is_one_serde_reads() {
        let sample = shape::sample(SHAPE);
        let parsed: Result<RawRoutine, _> = toml::from_str(&sample);
        assert!(parsed.is_ok(), "{sample}\n{:?}", parsed.err());
        assert!(shape::check("t.toml", &sample, SHAPE).is_empty());
    }

    #[test]
    fn the_shape_names_every_key_serde_reads() {
        let serde_keys = shape::serde_keys::<RawRoutine>;
        assert_eq!(shape::keys(SHAPE), serde_keys(""), "add the new key to SHAPE in routine.rs");
        let entry = "name = \"x\"\n[[exercise]]\nid = \"a\"\n";
        assert_eq!(shape::keys(ENTRY), serde_keys(entry), "add the new key to ENTRY in routine.rs");
    }
}
