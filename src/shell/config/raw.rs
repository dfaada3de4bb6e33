//! The config file's TOML schema as written, and its checked conversion into what it gives.
//! Pure: text in, settings or located problems out.

use serde::Deserialize;
use toml::Spanned;

use crate::domain::cues::Bell;
use crate::domain::cues::voice::VoiceMode;
use crate::domain::diagnostic::{Diagnostic, InvalidFile};
use crate::domain::exercise::limits;
use crate::domain::fields::{Checker, RawDuration};
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
    // `true`, `false` or a name: checked below, where the message can say all three.
    Field::optional("voice", Shape::Any),
    Field::optional("checkin", Shape::Flag),
    Field::optional("checkin_before", Shape::Flag),
    Field::optional("voice_command", Shape::List(&Shape::Text)),
    Field::optional("player", Shape::List(&Shape::Text)),
    Field::optional("exercise", Shape::Either(&Shape::Text, &EXERCISES)),
    Field::optional("theme", Shape::Text),
];

/// `[exercise]` as a table: the default exercise's name, and a dose table per exercise id.
const EXERCISES: Shape = Shape::Map(&[Field::optional("default", Shape::Text)], &Shape::Table(DOSE));

/// One exercise's own dose: `[exercise.knee-to-chest]`.
const DOSE: &[Field] = &[
    Field::optional("reps", Shape::Whole),
    Field::optional("hold", Shape::Seconds),
    Field::optional("get_ready", Shape::Seconds),
    Field::optional("transition", Shape::Seconds),
    Field::optional("rest", Shape::Seconds),
    Field::optional("sets", Shape::Whole),
];

#[derive(Deserialize, Default)]
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
    voice: Option<Spanned<RawVoice>>,
    checkin: Option<bool>,
    checkin_before: Option<bool>,
    voice_command: Option<Spanned<Vec<String>>>,
    player: Option<Spanned<Vec<String>>>,
    exercise: Option<Spanned<RawExercise>>,
    theme: Option<Spanned<String>>,
}

/// The dose keys the config shares at its top (for the default exercise) and in each exercise's
/// own table.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDose {
    reps: Option<Spanned<i64>>,
    hold: Option<Spanned<RawDuration>>,
    get_ready: Option<Spanned<RawDuration>>,
    transition: Option<Spanned<RawDuration>>,
    rest: Option<Spanned<RawDuration>>,
    sets: Option<Spanned<i64>>,
}

/// `exercise = "ID"`, or `[exercise]` with `default = "ID"` and `[exercise.ID]` tables.
enum RawExercise {
    Name(String),
    Tables { default: Option<Spanned<String>>, each: Vec<(Spanned<String>, RawDose)> },
}

impl<'de> Deserialize<'de> for RawExercise {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawExercise;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an exercise's name, or a table of exercises")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<RawExercise, E> {
                Ok(RawExercise::Name(name.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RawExercise, A::Error> {
                let (mut default, mut each) = (None, Vec::new());
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    if key.get_ref() == "default" {
                        default = Some(map.next_value()?);
                    } else {
                        each.push((key, map.next_value()?));
                    }
                }
                Ok(RawExercise::Tables { default, each })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `voice` as written: a flag, or the name of a choice.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawVoice {
    Flag(bool),
    Name(String),
    Other(serde::de::IgnoredAny),
}

/// Parses and checks the config's text, reporting every problem found. `origin` names the file
/// in messages; `known` are the exercise ids that can be named, for a misspelt
/// `[exercise.ID]` table.
pub(super) fn parse(origin: &str, bytes: &[u8], known: &[String]) -> Result<Given, InvalidFile> {
    let Ok(source) = std::str::from_utf8(bytes) else {
        let message = "is not UTF-8 text; a config is a TOML file";
        return Err(InvalidFile { diagnostics: vec![Diagnostic::whole_file(origin, message)] });
    };
    if source.trim().is_empty() {
        return Ok(Given::default());
    }
    // The shape's problems, and the values' below, in one run: the keys of the wrong shape are
    // left out of what serde reads.
    let beside = |diagnostics: Vec<Diagnostic>| diagnostics.into_iter().map(|p| beside_tables(source, p)).collect();
    let mut read = shape::read_all::<RawConfig>(origin, bytes, SHAPE, "")
        .map_err(|invalid| InvalidFile { diagnostics: beside(invalid.diagnostics) })?;
    let raw = std::mem::take(&mut read.raw);
    let mut checker = Checker { origin, source, problems: Vec::new() };
    let top = RawDose {
        reps: raw.reps,
        hold: raw.hold,
        get_ready: raw.get_ready,
        transition: raw.transition,
        rest: raw.rest,
        sets: raw.sets,
    };
    let overrides = dose(&mut checker, "", &top);
    let voice_command = raw.voice_command.and_then(|command| match command.get_ref().first() {
        Some(program) if !program.trim().is_empty() => Some(command.into_inner()),
        _ => {
            let why = "`voice_command` needs a program first, e.g. `[\"espeak-ng\", \"-s\", \"140\"]`";
            checker.report(command.span(), why.to_owned());
            None
        }
    });
    let (voice, player) = sound(&mut checker, raw.voice, raw.player);
    let (mut exercise, mut exercise_place, mut exercises) = (None, None, Vec::new());
    if let Some(named) = raw.exercise {
        let span = named.span();
        match named.into_inner() {
            RawExercise::Name(name) => {
                exercise = default_name(&mut checker, "exercise", &Spanned::new(span.clone(), name), known);
                exercise_place = exercise.as_ref().map(|_| Diagnostic::at(origin, source, Some(span), ""));
            }
            RawExercise::Tables { default, each } => {
                if let Some(name) = &default {
                    exercise = default_name(&mut checker, "exercise.default", name, known);
                    exercise_place = exercise.as_ref().map(|_| Diagnostic::at(origin, source, Some(name.span()), ""));
                }
                let named = default.as_ref().map(|name| name.get_ref().as_str());
                for (id, raw) in &each {
                    if let Some(near) = misspelt(id.get_ref(), named, known) {
                        let shown = crate::domain::untrusted::clean_line(id.get_ref());
                        let why = format!(
                            "`[exercise.{shown}]` names no exercise, so its timing would never be used: \
                             did you mean `[exercise.{near}]`?"
                        );
                        checker.report(id.span(), why);
                    }
                    let id = id.get_ref();
                    exercises.push((id.clone(), dose(&mut checker, &format!("exercise.{id}."), raw)));
                }
            }
        }
    }
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
    let problems = read.all_problems(origin, checker.problems);
    if !problems.is_empty() {
        return Err(InvalidFile { diagnostics: beside(problems) });
    }
    Ok(Given {
        overrides,
        exercises,
        exercise,
        exercise_place,
        exercise_folder: None,
        routine: None,
        quiet: raw.quiet,
        bell,
        voice,
        voice_command,
        player,
        checkin: raw.checkin,
        checkin_before: raw.checkin_before,
        theme,
    })
}

/// The known exercise id that `id` is a slip of, when `id` is none of them: a table for an
/// exercise that is not known and no slip (one run by its path, say) is left be.
/// The default exercise, `named`, is known whether it is an id or a path.
fn misspelt<'k>(id: &str, named: Option<&str>, known: &'k [String]) -> Option<&'k str> {
    let default = named.map(crate::domain::programme::item_id);
    if known.iter().any(|k| k == id) || default.as_deref() == Some(id) {
        return None;
    }
    let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
    crate::domain::spelling::slip_of(id, &candidates)
}

/// The parser's word for an `exercise = "..."` line beside `[exercise.ID]` tables, which TOML
/// cannot hold together, replaced by what to write instead.
fn beside_tables(source: &str, problem: Diagnostic) -> Diagnostic {
    if !problem.message.starts_with("cannot extend value of type string")
        || !problem.source_line.starts_with("[exercise.")
    {
        return problem;
    }
    let named = source.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == "exercise").then(|| value.trim().trim_matches('"').to_owned())
    });
    let named = crate::domain::untrusted::clean_line(&named.unwrap_or_default());
    let message = format!(
        "`{}` is a table of its own, and TOML allows no `exercise = \"{named}\"` line beside it: \
         write `default = \"{named}\"` in an `[exercise]` table instead",
        problem.source_line.trim_matches(['[', ']'])
    );
    Diagnostic { message, ..problem }
}

/// The timing keys of `raw`, each checked; `prefix` is the table's path in messages
/// (`exercise.knee-to-chest.`), empty at the top.
fn dose(checker: &mut Checker, prefix: &str, raw: &RawDose) -> Overrides {
    let field = |key: &str| format!("{prefix}{key}");
    let duration = |checker: &mut Checker, key: &str, value: &Option<Spanned<RawDuration>>, bounds| {
        value.as_ref().and_then(|v| checker.seconds(&field(key), v, bounds))
    };
    Overrides {
        reps: raw.reps.as_ref().and_then(|v| checker.count(&field("reps"), v, limits::REPS)),
        hold: duration(checker, "hold", &raw.hold, limits::HOLD_SECS),
        get_ready: duration(checker, "get_ready", &raw.get_ready, limits::GET_READY_SECS),
        transition: duration(checker, "transition", &raw.transition, limits::TRANSITION_SECS),
        sets: raw.sets.as_ref().and_then(|v| checker.count(&field("sets"), v, limits::SETS)),
        rest: duration(checker, "rest", &raw.rest, limits::REST_SECS),
    }
}

/// The default exercise's name, or `None` with the problem reported when it is empty.
fn default_name(checker: &mut Checker, field: &str, name: &Spanned<String>, known: &[String]) -> Option<String> {
    let given = name.get_ref();
    if given.trim().is_empty() {
        checker.report(name.span(), format!("`{field}` is empty; give a built-in id or a file's path"));
        return None;
    }
    // A bare word names an exercise by its id (a path has a `/` or a `.`): one that is none is
    // said here, with the config's other problems.
    if !crate::domain::programme::is_path(given) && !known.contains(given) {
        let unknown = crate::domain::spelling::Unknown::new("exercise", given, known);
        checker.report(name.span(), unknown.to_string());
        return None;
    }
    Some(given.clone())
}

/// The voice and the player as the config gives them, each checked.
fn sound(
    checker: &mut Checker,
    voice: Option<Spanned<RawVoice>>,
    player: Option<Spanned<Vec<String>>>,
) -> (Option<VoiceMode>, Option<Vec<String>>) {
    let player = player.and_then(|command| match command.get_ref().first() {
        Some(program) if !program.trim().is_empty() => Some(command.into_inner()),
        _ => {
            checker.report(command.span(), "`player` needs a program first, e.g. `[\"paplay\"]`".to_owned());
            None
        }
    });
    let voice = voice.and_then(|voice| {
        let span = voice.span();
        let known = match voice.into_inner() {
            RawVoice::Flag(true) => Some(VoiceMode::On),
            RawVoice::Flag(false) => Some(VoiceMode::Off),
            RawVoice::Name(name) => VoiceMode::from_name(&name),
            RawVoice::Other(_) => None,
        };
        if known.is_none() {
            checker.report(span, "`voice` must be `\"auto\"`, `true` or `false`".to_owned());
        }
        known
    });
    (voice, player)
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
        let problems = parse("config.toml", text.as_bytes(), &[]).expect_err("five wrong types").diagnostics;
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 5, "{}", lines.join("\n"));
        for (line, key) in ["reps", "quiet", "voice_command", "theme", "hold"].iter().enumerate() {
            let found =
                lines.iter().any(|text| text.starts_with(&format!("config.toml:{}:", line + 1)) && text.contains(key));
            assert!(found, "`{key}` at line {}:\n{}", line + 1, lines.join("\n"));
        }
    }
}
