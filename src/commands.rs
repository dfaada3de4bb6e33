//! The commands besides a session: `check`, `list`, `show` and `plan`. Each builds its text,
//! writes it, and says which exit code it deserves.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::catalog::{self, Entry, Source};
use crate::cli::SessionArgs;
use crate::failure::Failure;
use crate::plan::{self, Overrides};

/// `trunkrot check FILE...`: `ok FILE` on standard output for each good file, every problem
/// of each bad one on standard error; exit code 1 if any file is bad.
pub fn check(files: &[PathBuf]) -> ExitCode {
    let (good, bad) = check_text(files);
    emit(&mut io::stdout().lock(), &good);
    emit(&mut io::stderr().lock(), &bad);
    if bad.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The report of `check`: the `ok` lines, and the problems (empty if every file is good).
pub fn check_text(files: &[PathBuf]) -> (String, String) {
    let (mut good, mut bad) = (String::new(), String::new());
    for path in files {
        match catalog::check_path(path) {
            Ok(()) => {
                let _ = writeln!(good, "ok {}", catalog::shown(path));
            }
            Err(failure) => {
                let _ = writeln!(bad, "{failure}");
            }
        }
    }
    (good, bad)
}

/// `trunkrot list`: the built-in exercises and the user's own, one per line.
/// With `--routines`, only the routine ids.
pub fn list(routines_only: bool) -> Result<ExitCode, Failure> {
    let routines_dir = crate::places::user_routines_dir();
    let routines = catalog::routine_entries(routines_dir.as_deref())?;
    if routines_only {
        let ids: String = routines.iter().map(|(id, _)| id.clone() + "\n").collect();
        emit(&mut io::stdout().lock(), &ids);
        return Ok(ExitCode::SUCCESS);
    }
    let dir = crate::places::user_exercises_dir();
    let mut text = list_text(&catalog::entries(dir.as_deref())?, dir.as_deref());
    text.push_str("\nRoutines (run with --routine ID)\n");
    let width = routines.iter().map(|(id, _)| id.chars().count()).max().unwrap_or(0);
    for (id, routine) in &routines {
        let about = match routine {
            Ok(routine) if routine.summary.is_empty() => routine.name.clone(),
            Ok(routine) => format!("{}: {}", routine.name, routine.summary),
            Err(failure) => broken(failure),
        };
        let _ = writeln!(text, "{id:width$}  {about}");
    }
    emit(&mut io::stdout().lock(), &text);
    Ok(ExitCode::SUCCESS)
}

/// One line per exercise: id, name and summary; a broken file with its first problem.
pub fn list_text(entries: &[Entry], user_dir: Option<&Path>) -> String {
    let width = entries.iter().map(|entry| entry.id.chars().count()).max().unwrap_or(0);
    let mut text = String::new();
    for entry in entries {
        let about = match &entry.exercise {
            Ok(exercise) if exercise.summary.is_empty() => exercise.name.clone(),
            Ok(exercise) => format!("{}: {}", exercise.name, exercise.summary),
            Err(failure) => broken(failure),
        };
        let note = match &entry.source {
            Source::User { shadowed: true, path } => {
                format!(" (hidden by the built-in of the same id; use the path {})", catalog::shown(path))
            }
            _ => String::new(),
        };
        let _ = writeln!(text, "{:width$}  {about}{note}", entry.id);
    }
    if !entries.iter().any(|entry| matches!(entry.source, Source::User { .. }))
        && let Some(dir) = user_dir
    {
        let _ = writeln!(text, "(your own exercises go in {}, one .toml file each)", catalog::shown(dir));
    }
    text
}

/// A broken file's first problem on one line, and how many more there are.
fn broken(failure: &Failure) -> String {
    let full = failure.to_string();
    let first = full.lines().next().unwrap_or_default();
    let more = match failure {
        Failure::InvalidExercise(invalid) if invalid.diagnostics.len() > 1 => {
            format!(" (and {} more)", invalid.diagnostics.len() - 1)
        }
        _ => String::new(),
    };
    format!("error: {first}{more}")
}

/// `trunkrot show NAME|PATH`: an exercise's instructions, or what a routine does.
pub fn show(name: &str) -> Result<ExitCode, Failure> {
    let text = if catalog::names_routine(name) {
        let (routine, exercises) = catalog::load_routine(name)?;
        let config = crate::config::load()?.config;
        let none = Overrides::default();
        let plan = catalog::routine_plan(&routine, exercises, &none, &config);
        crate::show::routine_text(&routine, &plan, catalog::rest_between(&routine, &none, &config))
    } else {
        let exercise = catalog::load(Some(name))?;
        let mut text = crate::show::text(&exercise);
        if let Some(suggestion) = crate::journal::suggestion(&exercise) {
            let _ = write!(text, "\nYour next step\n  {suggestion}\n");
        }
        text
    };
    emit(&mut io::stdout().lock(), &text);
    Ok(ExitCode::SUCCESS)
}

/// `trunkrot plan [FLAGS]`: the session's timeline, without running it.
pub fn plan(args: &SessionArgs) -> Result<ExitCode, Failure> {
    let lines = plan::timeline(&catalog::plan(args, &crate::config::load()?.config)?);
    emit(&mut io::stdout().lock(), &(lines.join("\n") + "\n"));
    Ok(ExitCode::SUCCESS)
}

/// Writes text; a reader that went away (a closed pipe) is not an error worth reporting.
fn emit(out: &mut impl Write, text: &str) {
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
