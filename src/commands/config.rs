//! `trunkrot config`: where the config lives and every setting in effect, with where each comes
//! from; `trunkrot config --init` writes a commented one.

use std::fmt;
use std::io::Write;
use std::process::ExitCode;

use crate::cli::SessionArgs;
use crate::domain::duration::human;
use crate::domain::exercise::Exercise;
use crate::domain::plan::Overrides;
use crate::domain::settings::{Origin, Resolved, Sourced, Subject};
use crate::domain::untrusted::clean_line;
use crate::failure::Failure;
use crate::shell::catalog;
use crate::shell::config::{self, Loaded};

/// What the environment adds to the report: the speech command that would be used, or why
/// there is none.
pub struct Surroundings {
    pub voice_command: Result<String, String>,
    /// The audio player that would be tried first, or why there is none.
    pub player: Result<String, String>,
}

/// The report's lines: the config's path, then one line per setting with where it came from.
pub fn lines(loaded: &Loaded, settings: &Resolved, exercise: &Exercise, around: &Surroundings) -> Vec<String> {
    let file = match &loaded.path {
        Some(path) if loaded.found => format!("config file: {}", path.display()),
        Some(path) => format!("config file: {} (not there: `trunkrot config --init` writes one)", path.display()),
        None => "config file: none (no home directory)".to_owned(),
    };
    let mut lines = vec![file];
    let mut row = |key: &str, value: String, from: &dyn fmt::Display| lines.push(format!("{key:<15}{value:<28}{from}"));
    let exercise_from = match settings.subject.value {
        Subject::Exercise(_) => settings.subject.from,
        // The exercise shown beside a routine is the one a session without it would do.
        Subject::Routine(_) if loaded.config.exercise.is_some() => Origin::Config,
        Subject::Routine(_) => Origin::Default,
    };
    row("exercise", exercise.id.clone(), &exercise_from);
    let timing = settings.timing(exercise, &Overrides::default());
    // The exercise's own table in the config is named, so the user knows which to edit.
    let from = |origin: Origin| match origin {
        Origin::ConfigExercise => format!("config.toml [exercise.{}]", exercise.id),
        other => other.to_string(),
    };
    row("reps", timing.reps.value.to_string(), &from(timing.reps.from));
    row("hold", human(timing.hold.value), &from(timing.hold.from));
    row("get_ready", human(timing.get_ready.value), &from(timing.get_ready.from));
    row("transition", human(timing.transition.value), &from(timing.transition.from));
    row("sets", timing.sets.value.to_string(), &from(timing.sets.from));
    row("rest", human(timing.rest.value), &from(timing.rest.from));
    let yes_no = |setting: &Sourced<bool>| if setting.value { "yes" } else { "no" }.to_owned();
    row("quiet", yes_no(&settings.quiet), &settings.quiet.from);
    row("bell", settings.bell.value.as_str().to_owned(), &settings.bell.from);
    row("voice", settings.voice.value.as_str().to_owned(), &settings.voice.from);
    let (command, from) = program(&around.voice_command, settings.voice_command.as_deref());
    row("voice_command", command, &from);
    let (player, from) = program(&around.player, settings.player.as_deref());
    row("player", player, &from);
    row("checkin", yes_no(&settings.checkin), &settings.checkin.from);
    row("checkin_before", yes_no(&settings.checkin_before), &settings.checkin_before.from);
    let colours = if settings.colour.value { "" } else { " (colours off: NO_COLOR is set)" };
    row("theme", settings.theme.value.as_str().to_owned() + colours, &settings.theme.from);
    // Each exercise's own table, wherever it runs: the rows above show only the one shown.
    for (id, dose) in &loaded.config.exercises {
        let id = clean_line(id);
        lines.push(format!("config.toml [exercise.{id}]: {}", dose_text(dose)));
    }
    lines
}

/// A program's row: the one found, and from where; or, when none is, the one the config names
/// (not found), or none.
fn program(found: &Result<String, String>, configured: Option<&[String]>) -> (String, &'static str) {
    match (found, configured) {
        (Ok(found), Some(_)) => (found.clone(), "config.toml"),
        (Ok(found), None) => (found.clone(), "found on PATH"),
        (Err(_), Some([program, ..])) => (crate::domain::untrusted::clean_line(program), "config.toml: not found"),
        (Err(_), _) => ("none".to_owned(), "none found on PATH"),
    }
}

/// What a table of the config sets, in the rows' words and order: `reps 6, hold 20 s`.
fn dose_text(dose: &Overrides) -> String {
    let count = |key: &str, n: Option<u32>| n.map(|n| format!("{key} {n}"));
    let time = |key: &str, time: Option<std::time::Duration>| time.map(|time| format!("{key} {}", human(time)));
    let set: Vec<String> = [
        count("reps", dose.reps),
        time("hold", dose.hold),
        time("get_ready", dose.get_ready),
        time("transition", dose.transition),
        count("sets", dose.sets),
        time("rest", dose.rest),
    ]
    .into_iter()
    .flatten()
    .collect();
    if set.is_empty() { "nothing set".to_owned() } else { set.join(", ") }
}

/// Runs `trunkrot config` (or `config --init`).
pub fn run(args: &SessionArgs, init: bool) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    if init {
        let path = config::init()?;
        writeln!(out, "wrote {}: remove the `#` in front of a setting to use it", path.display())
            .map_err(Failure::output)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (settings, loaded) = config::resolve(&args.given())?;
    let exercise = match &settings.subject.value {
        Subject::Exercise(name) => {
            catalog::named_exercise(name, settings.subject_folder.as_deref(), settings.subject_place.as_ref())?
        }
        // Beside a routine: the exercise a session without it would do.
        Subject::Routine(_) => match &loaded.config.exercise {
            Some(name) => catalog::named_exercise(
                name,
                loaded.config.exercise_folder.as_deref(),
                loaded.config.exercise_place.as_ref(),
            )?,
            None => catalog::load(None)?,
        },
    };
    let voice = crate::shell::speech::Voice::find(settings.voice_command.as_deref(), settings.path.as_deref());
    let players = crate::shell::tones::players(settings.player.as_deref(), settings.path.as_deref());
    let around = Surroundings {
        voice_command: voice.map(|voice| voice.program().display().to_string()),
        player: players
            .map(|players| players.iter().map(|p| p.program.display().to_string()).collect::<Vec<_>>().join(", ")),
    };
    let mut text = lines(&loaded, &settings, &exercise, &around).join("\n") + "\n";
    if let Subject::Routine(routine) = &settings.subject.value {
        // A routine's settings differ per exercise: the timeline shows each one's.
        let routine = crate::domain::untrusted::clean_line(routine);
        let _ = fmt::Write::write_fmt(
            &mut text,
            format_args!(
                "routine        {routine}: each exercise's settings are in `trunkrot plan --routine {routine}`\n"
            ),
        );
    }
    let text = crate::domain::width::wrap_lines(&text, crate::shell::columns::width());
    out.write_all(text.as_bytes()).map_err(Failure::output)?;
    let too_long = too_long(&settings, &loaded);
    for problem in &too_long {
        let _ = writeln!(std::io::stderr(), "trunkrot: error: {problem}");
    }
    Ok(if too_long.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The sessions these settings would refuse as too long, each in words with the command that
/// would run it: the one the settings shown run (`trunkrot` alone, with the flags given), then one
/// of each exercise the config gives a dose of (`[exercise.ID]`), at that dose alone (no flags, no
/// programme), so a table that makes every session of an exercise fail is found before it is run.
fn too_long(settings: &Resolved, loaded: &Loaded) -> Vec<String> {
    let refused = |settings: &Resolved| match catalog::plan(settings) {
        Err(failure @ Failure::TooLong { .. }) => Some(failure.to_string()),
        _ => None,
    };
    let no_flags = settings.flag_timing == Overrides::default();
    let flags = if no_flags { "" } else { " with these flags" };
    let shown = match &settings.subject.value {
        Subject::Exercise(name) => format!("`trunkrot --exercise {}`{flags}", clean_line(name)),
        Subject::Routine(name) => format!("`trunkrot --routine {}`{flags}", clean_line(name)),
    };
    let mut problems: Vec<String> =
        refused(settings).map(|problem| format!("{shown}: {problem}")).into_iter().collect();
    let as_it_is = no_flags && settings.programme_timing == Overrides::default();
    for (id, _) in &loaded.config.exercises {
        let subject = Subject::Exercise(id.clone());
        // The session shown, when it is this exercise at the table's dose: checked above.
        if as_it_is && settings.subject.value == subject {
            continue;
        }
        let alone = Resolved {
            subject: Sourced { value: subject, from: Origin::Config },
            subject_place: None,
            subject_folder: None,
            flag_timing: Overrides::default(),
            programme_timing: Overrides::default(),
            ..settings.clone()
        };
        let id = clean_line(id);
        problems.extend(refused(&alone).map(|problem| format!("`trunkrot --exercise {id}`: {problem}")));
    }
    problems
}
