//! `trunkrot config`: where the config lives and every setting in effect, with where each comes
//! from; `trunkrot config --init` writes a commented one.

use std::fmt;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use crate::cli::SessionArgs;
use crate::domain::duration::human;
use crate::domain::exercise::Exercise;
use crate::domain::plan::Settings;
use crate::failure::Failure;
use crate::shell::config::{self, Config, Loaded};

/// Where a setting's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Config,
    Exercise,
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Flag => "flag",
            Source::Config => "config.toml",
            Source::Exercise => "exercise file",
            Source::Default => "default",
        })
    }
}

/// The source of a value given by a flag, the config, or neither (then `otherwise`).
fn source(flag: bool, config: bool, otherwise: Source) -> Source {
    if flag {
        Source::Flag
    } else if config {
        Source::Config
    } else {
        otherwise
    }
}

/// What the environment adds to the report: the speech command that would be used (or why
/// none) and whether `NO_COLOR` is set.
pub struct Surroundings {
    pub voice_command: Result<String, String>,
    pub no_color: bool,
}

/// The report's lines: the config's path, then one line per setting.
pub fn lines(loaded: &Loaded, args: &SessionArgs, exercise: &Exercise, around: &Surroundings) -> Vec<String> {
    let config: &Config = &loaded.config;
    let file = match &loaded.path {
        Some(path) if loaded.found => format!("config file: {}", path.display()),
        Some(path) => format!("config file: {} (not there: `trunkrot config --init` writes one)", path.display()),
        None => "config file: none (no home directory)".to_owned(),
    };
    let mut lines = vec![file];
    let flags = args.overrides();
    let settings = Settings::resolve(&exercise.timing, &flags.over(&config.overrides));
    let ours = &config.overrides;
    let secs = |d: Duration| human(d);
    let mut row = |key: &str, value: String, from: Source| lines.push(format!("{key:<14}{value:<28}{from}"));
    let exercise_from = source(args.exercise.is_some(), config.exercise.is_some(), Source::Default);
    row("exercise", exercise.id.clone(), exercise_from);
    row("reps", settings.reps.to_string(), source(flags.reps.is_some(), ours.reps.is_some(), Source::Exercise));
    row("hold", secs(settings.hold), source(flags.hold.is_some(), ours.hold.is_some(), Source::Exercise));
    row(
        "get_ready",
        secs(settings.get_ready),
        source(flags.get_ready.is_some(), ours.get_ready.is_some(), Source::Exercise),
    );
    row(
        "transition",
        secs(settings.transition),
        source(flags.transition.is_some(), ours.transition.is_some(), Source::Exercise),
    );
    row("sets", settings.sets.to_string(), source(flags.sets.is_some(), ours.sets.is_some(), Source::Exercise));
    row("rest", secs(settings.rest), source(flags.rest.is_some(), ours.rest.is_some(), Source::Exercise));
    let yes_no = |on: bool| if on { "yes" } else { "no" }.to_owned();
    row(
        "quiet",
        yes_no(args.quiet || config.quiet == Some(true)),
        source(args.quiet, config.quiet.is_some(), Source::Default),
    );
    row(
        "voice",
        yes_no(args.voice || config.voice == Some(true)),
        source(args.voice, config.voice.is_some(), Source::Default),
    );
    let (command, from) = match (&around.voice_command, &config.voice_command) {
        (Ok(found), Some(_)) => (found.clone(), "config.toml".to_owned()),
        (Ok(found), None) => (found.clone(), "found on PATH".to_owned()),
        (Err(_), _) => ("none".to_owned(), "not found".to_owned()),
    };
    lines.push(format!("{:<14}{command:<28}{from}", "voice_command"));
    let theme = config.theme.unwrap_or_default().as_str().to_owned();
    let colours = if around.no_color { " (colours off: NO_COLOR is set)" } else { "" };
    lines.push(format!(
        "{:<14}{:<28}{}",
        "theme",
        theme + colours,
        source(false, config.theme.is_some(), Source::Default)
    ));
    lines
}

/// Runs `trunkrot config` (or `config --init`).
pub fn run(args: &SessionArgs, init: bool) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    if init {
        let path = config::init()?;
        writeln!(out, "wrote {}: remove the `#` in front of a setting to use it", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = config::load()?;
    let exercise = crate::shell::catalog::load(args.exercise.as_deref().or(loaded.config.exercise.as_deref()))?;
    let path = std::env::var_os("PATH");
    let voice = crate::shell::speech::Voice::find(loaded.config.voice_command.as_deref(), path.as_deref());
    let around = Surroundings {
        voice_command: voice.map(|voice| voice.program().display().to_string()),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
    };
    for line in lines(&loaded, args, &exercise, &around) {
        writeln!(out, "{line}")?;
    }
    if let Some(routine) = &args.routine {
        // A routine's settings differ per exercise: the timeline shows each one's.
        let routine = crate::domain::untrusted::clean_line(routine);
        writeln!(out, "routine       {routine}: each exercise's settings are in `trunkrot plan --routine {routine}`")?;
    }
    Ok(ExitCode::SUCCESS)
}
