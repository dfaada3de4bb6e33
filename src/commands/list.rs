//! `trunkrot list`: the exercises and routines that can be named.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::emit;
use crate::failure::Failure;
use crate::shell::catalog::{self, Entry, Source};

/// `trunkrot list`: the built-in exercises and the user's own, one per line.
/// With `--routines`, only the routine ids.
pub fn list(routines_only: bool) -> Result<ExitCode, Failure> {
    let routines_dir = crate::shell::places::user_routines_dir();
    let routines = catalog::routine_entries(routines_dir.as_deref())?;
    if routines_only {
        let ids: String = routines.iter().map(|(id, _)| id.clone() + "\n").collect();
        emit(&ids)?;
        return Ok(ExitCode::SUCCESS);
    }
    let dir = crate::shell::places::user_exercises_dir();
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
    emit(&text)?;
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
pub(super) fn broken(failure: &Failure) -> String {
    let full = failure.to_string();
    let first = full.lines().next().unwrap_or_default();
    let more = match failure {
        Failure::Invalid(invalid) if invalid.diagnostics.len() > 1 => {
            format!(" (and {} more)", invalid.diagnostics.len() - 1)
        }
        _ => String::new(),
    };
    format!("error: {first}{more}")
}
