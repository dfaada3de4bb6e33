//! The config file's TOML schema as written, and its checked conversion into what it gives.
//! Pure: text in, settings or located problems out.

use serde::Deserialize;
use toml::Spanned;

use crate::domain::cues::Bell;
use crate::domain::diagnostic::{Diagnostic, InvalidFile};
use crate::domain::exercise::limits;
use crate::domain::fields::{Checker, RawDuration, toml_message};
use crate::domain::plan::Overrides;
use crate::domain::settings::{Given, ThemeName};
use crate::domain::shape::{self, Field, Shape};

/// The config's keys and what each must be, checked before the values so that one run reports
/// every key of the wrong type, not only the first.
const SHAPE: &[Field] = &[
    Field::optional("reps", Shape::Whole),
    Field::optional("hold", Shape::Seconds),
    Field::optional("get_ready", Shape::Seconds),
    Field::optional("transition", Shape::Seconds),
    Field::optional("rest", Shape::Seconds),
    Field::optional("sets", Shape::Whole),
    Field::optional("quiet", Shape::Flag),
    Field::optional("bell", Shape::Text),
    Field::optional("voice", Shape::Flag),
    Field::optional("checkin", Shape::Flag),
    Field::optional("voice_command", Shape::List(&Shape::Text)),
    Field::optional("exercise", Shape::Text),
    Field::optional("theme", Shape::Text),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    reps: Option<Spanned<i64>>,
    hold: Option<Spanned<RawDuration>>,
    get_ready: Option<Spanned<RawDuration>>,
    transition: Option<Spanned<RawDuration>>,
    rest: Option<Spanned<RawDuration>>,
    sets: Option<Spanned<i64>>,
    quiet: Option<bool>,
    bell: Option<Spanned<String>>,
    voice: Option<bool>,
    checkin: Option<bool>,
    voice_command: Option<Spanned<Vec<String>>>,
    exercise: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
}

/// Parses and checks the config's text, reporting every problem found. `origin` names the file
/// in messages.
pub(super) fn parse(origin: &str, bytes: &[u8]) -> Result<Given, InvalidFile> {
    let Ok(source) = std::str::from_utf8(bytes) else {
        let message = "is not UTF-8 text; a config is a TOML file";
        return Err(InvalidFile { diagnostics: vec![Diagnostic::whole_file(origin, message)] });
    };
    let problems = shape::check(origin, source, SHAPE);
    if !problems.is_empty() {
        return Err(InvalidFile { diagnostics: problems });
    }
    let raw: RawConfig = toml::from_str(source).map_err(|e| {
        let message = with_key(source, e.span(), toml_message(&e));
        InvalidFile { diagnostics: vec![Diagnostic::at(origin, source, e.span(), message)] }
    })?;
    let mut checker = Checker { origin, source, problems: Vec::new() };
    let duration = |checker: &mut Checker, field, value: &Option<Spanned<RawDuration>>, bounds| {
        value.as_ref().and_then(|v| checker.seconds(field, v, bounds))
    };
    let overrides = Overrides {
        reps: raw.reps.as_ref().and_then(|v| checker.count("reps", v, limits::REPS)),
        hold: duration(&mut checker, "hold", &raw.hold, limits::HOLD_SECS),
        get_ready: duration(&mut checker, "get_ready", &raw.get_ready, limits::GET_READY_SECS),
        transition: duration(&mut checker, "transition", &raw.transition, limits::TRANSITION_SECS),
        sets: raw.sets.as_ref().and_then(|v| checker.count("sets", v, limits::SETS)),
        rest: duration(&mut checker, "rest", &raw.rest, limits::REST_SECS),
    };
    let voice_command = raw.voice_command.and_then(|command| match command.get_ref().first() {
        Some(program) if !program.trim().is_empty() => Some(command.into_inner()),
        _ => {
            let why = "`voice_command` needs a program first, e.g. `[\"espeak-ng\", \"-s\", \"140\"]`";
            checker.report(command.span(), why.to_owned());
            None
        }
    });
    let exercise_place = raw.exercise.as_ref().map(|name| Diagnostic::at(origin, source, Some(name.span()), ""));
    let exercise = raw.exercise.and_then(|name| {
        if name.get_ref().trim().is_empty() {
            checker.report(name.span(), "`exercise` is empty; give a built-in id or a file's path".to_owned());
            return None;
        }
        Some(name.into_inner())
    });
    let theme = raw.theme.and_then(|theme| {
        let known = ThemeName::from_name(theme.get_ref());
        if known.is_none() {
            let shown = crate::domain::untrusted::clean_line(theme.get_ref());
            let why = format!("`theme` is `\"{shown}\"`; expected {}", ThemeName::choices());
            checker.report(theme.span(), why);
        }
        known
    });
    let bell = raw.bell.and_then(|bell| {
        let known = Bell::from_name(bell.get_ref());
        if known.is_none() {
            let shown = crate::domain::untrusted::clean_line(bell.get_ref());
            let choices: Vec<String> = Bell::NAMES.iter().map(|name| format!("`\"{name}\"`")).collect();
            checker.report(bell.span(), format!("`bell` is `\"{shown}\"`; expected {}", choices.join(", ")));
        }
        known
    });
    if !checker.problems.is_empty() {
        return Err(InvalidFile { diagnostics: checker.problems });
    }
    Ok(Given {
        overrides,
        exercise,
        exercise_place,
        exercise_folder: None,
        routine: None,
        quiet: raw.quiet,
        bell,
        voice: raw.voice,
        voice_command,
        checkin: raw.checkin,
        theme,
    })
}

/// Names the key in a parser message that does not already: the key is what stands before `=`
/// on the line of the error.
fn with_key(source: &str, span: Option<std::ops::Range<usize>>, message: String) -> String {
    let Some(span) = span else {
        return message;
    };
    let start = span.start.min(source.len());
    let line_start = source.get(..start).and_then(|before| before.rfind('\n')).map_or(0, |i| i + 1);
    let line = source.get(line_start..).and_then(|rest| rest.lines().next()).unwrap_or_default();
    let key = line
        .split_once('=')
        .map(|(key, _)| key.trim())
        .filter(|key| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
    match key {
        Some(key) if !message.contains(&format!("`{key}`")) => format!("`{key}`: {message}"),
        _ => message,
    }
}

#[cfg(test)]
mod shape_tests {
    use super::*;

    #[test]
    fn every_key_of_the_shape_is_one_serde_reads() {
        let sample = shape::sample(SHAPE);
        let parsed: Result<RawConfig, _> = toml::from_str(&sample);
        assert!(parsed.is_ok(), "{sample}\n{:?}", parsed.err());
        assert!(shape::check("config.toml", &sample, SHAPE).is_empty());
    }

    #[test]
    fn the_shape_names_every_key_serde_reads() {
        let serde_keys = shape::serde_keys::<RawConfig>("");
        assert_eq!(shape::keys(SHAPE), serde_keys, "add the new key to SHAPE in config/raw.rs");
    }

    #[test]
    fn every_key_of_the_wrong_type_is_reported_in_one_run() {
        let text = "reps = \"ten\"\nquiet = 1\nvoice_command = \"espeak-ng\"\ntheme = true\nhold = [5]\n";
        let problems = parse("config.toml", text.as_bytes()).expect_err("five wrong types").diagnostics;
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 5, "{}", lines.join("\n"));
        for (line, key) in ["reps", "quiet", "voice_command", "theme", "hold"].iter().enumerate() {
            let found =
                lines.iter().any(|text| text.starts_with(&format!("config.toml:{}:", line + 1)) && text.contains(key));
            assert!(found, "`{key}` at line {}:\n{}", line + 1, lines.join("\n"));
        }
    }
}
