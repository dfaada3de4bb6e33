//! A routine: several exercises back to back in one session, read from a TOML file.
//!
//! Pure: this module checks the file and keeps each entry's place in it; the shell resolves the
//! exercises the entries name (built-in ids, user ids or paths) and reports missing ones there.

use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::exercise::{InvalidExercise, limits};
use crate::plan::Overrides;
use crate::untrusted::clean_line;

/// Rest between exercises when the routine does not say.
pub const DEFAULT_REST: Duration = Duration::from_secs(15);

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
    /// Rest between one exercise and the next.
    pub rest: Duration,
    /// Never empty.
    pub entries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutine {
    name: Spanned<String>,
    #[serde(default)]
    summary: String,
    rest: Option<Spanned<toml::Value>>,
    #[serde(default)]
    exercise: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    reps: Option<Spanned<i64>>,
    hold: Option<Spanned<toml::Value>>,
    sets: Option<Spanned<i64>>,
    transition: Option<Spanned<toml::Value>>,
    rest: Option<Spanned<toml::Value>>,
}

struct Checker<'a> {
    origin: &'a str,
    source: &'a str,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, span: std::ops::Range<usize>, message: String) {
        self.problems.push(Diagnostic::at(self.origin, self.source, Some(span), message));
    }

    fn seconds(
        &mut self,
        field: &str,
        value: Option<&Spanned<toml::Value>>,
        bounds: std::ops::RangeInclusive<u64>,
    ) -> Option<Duration> {
        let value = value?;
        let secs = match value.get_ref() {
            toml::Value::Integer(n) => u64::try_from(*n).map_err(|_| format!("`{field}` is {n}, below 0")),
            toml::Value::String(text) => crate::duration::parse(text)
                .map(|d| d.as_secs())
                .map_err(|why| format!("`{field}` is `\"{}\"`, which {why}", clean_line(text))),
            other => Err(format!("`{field}` is a {}; expected seconds such as `20` or `\"1m\"`", other.type_str())),
        };
        match secs {
            Ok(secs) if bounds.contains(&secs) => Some(Duration::from_secs(secs)),
            Ok(secs) => {
                let message =
                    format!("`{field}` is {secs} s, outside the allowed {} to {} s", bounds.start(), bounds.end());
                self.report(value.span(), message);
                None
            }
            Err(message) => {
                self.report(value.span(), message);
                None
            }
        }
    }

    fn count(
        &mut self,
        field: &str,
        value: Option<&Spanned<i64>>,
        bounds: std::ops::RangeInclusive<u32>,
    ) -> Option<u32> {
        let value = value?;
        let n = *value.get_ref();
        match u32::try_from(n) {
            Ok(n) if bounds.contains(&n) => Some(n),
            _ => {
                let message = format!("`{field}` is {n}, outside the allowed {} to {}", bounds.start(), bounds.end());
                self.report(value.span(), message);
                None
            }
        }
    }
}

/// Reads a routine from the bytes of a file. `id` names it in lists; `origin` in messages.
pub fn parse(id: &str, origin: &str, bytes: &[u8]) -> Result<Routine, InvalidExercise> {
    let whole = |message: String| InvalidExercise { diagnostics: vec![Diagnostic::whole_file(origin, message)] };
    let source = std::str::from_utf8(bytes)
        .map_err(|e| whole(format!("is not UTF-8 text (invalid byte at offset {})", e.valid_up_to())))?;
    if source.trim().is_empty() {
        return Err(whole("is empty; a routine needs a `name` and at least one `[[exercise]]`".to_owned()));
    }
    let raw: RawRoutine = toml::from_str(source).map_err(|e| InvalidExercise {
        diagnostics: vec![Diagnostic::at(origin, source, e.span(), clean_line(e.message()))],
    })?;
    let mut checker = Checker { origin, source, problems: Vec::new() };
    let name = clean_line(raw.name.get_ref());
    if name.is_empty() {
        checker.report(raw.name.span(), "`name` is empty".to_owned());
    }
    let rest = checker.seconds("rest", raw.rest.as_ref(), limits::REST_SECS).unwrap_or(DEFAULT_REST);
    if raw.exercise.is_empty() {
        let message = "a routine needs at least one `[[exercise]]` with an `id`".to_owned();
        checker.problems.push(Diagnostic::whole_file(origin, message));
    }
    let mut entries = Vec::new();
    for entry in &raw.exercise {
        let overrides = Overrides {
            reps: checker.count("exercise.reps", entry.reps.as_ref(), limits::REPS),
            hold: checker.seconds("exercise.hold", entry.hold.as_ref(), limits::HOLD_SECS),
            get_ready: None,
            transition: checker.seconds("exercise.transition", entry.transition.as_ref(), limits::TRANSITION_SECS),
            sets: checker.count("exercise.sets", entry.sets.as_ref(), limits::SETS),
            rest: checker.seconds("exercise.rest", entry.rest.as_ref(), limits::REST_SECS),
        };
        let exercise = entry.id.get_ref().trim().to_owned();
        if exercise.is_empty() {
            checker.report(entry.id.span(), "`exercise.id` is empty".to_owned());
        }
        let place = Diagnostic::at(origin, source, Some(entry.id.span()), String::new());
        entries.push(Entry { exercise, overrides, place });
    }
    if !checker.problems.is_empty() {
        return Err(InvalidExercise { diagnostics: checker.problems });
    }
    Ok(Routine { id: clean_line(id), name, summary: clean_line(&raw.summary), rest, entries })
}

/// Routine files compiled into the binary: `(id, TOML source)`.
pub const BUILT_IN: &[(&str, &str)] = &[("low-back", include_str!("../exercises/routines/low-back.toml"))];

/// Loads a built-in routine by id.
pub fn built_in(id: &str) -> Option<Result<Routine, InvalidExercise>> {
    BUILT_IN
        .iter()
        .find(|(built_in, _)| *built_in == id)
        .map(|(id, source)| parse(id, &format!("built-in routine {id}"), source.as_bytes()))
}

/// Whether a TOML text is a routine rather than an exercise: it has `[[exercise]]` tables.
pub fn looks_like_routine(source: &str) -> bool {
    source.lines().any(|line| line.trim_start().starts_with("[[exercise]]"))
}

impl Entry {
    /// An error about this entry, at the place it names its exercise.
    pub fn problem(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic { message: message.into(), ..self.place.clone() }
    }
}

#[cfg(test)]
mod tests;
