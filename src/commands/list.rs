//! `trunkrot list`: the exercises and routines that can be named.

use std::path::Path;
use std::process::ExitCode;

use super::emit;
use crate::domain::width;
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
    let columns = crate::shell::columns::width();
    let mut text = list_text(&catalog::entries(dir.as_deref())?, dir.as_deref(), columns);
    text.push_str("\nRoutines (run with --routine ID)\n");
    let width = routines.iter().map(|(id, _)| id.chars().count()).max().unwrap_or(0);
    for (id, routine) in &routines {
        let about = match routine {
            Ok(routine) if routine.summary.is_empty() => routine.name.clone(),
            Ok(routine) => format!("{}: {}", routine.name, routine.summary),
            Err(failure) => broken(failure),
        };
        text.push_str(&width::hanging(&format!("{id:width$}  "), &about, columns));
    }
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// One entry per exercise: id, then name and summary in a column of their own, wrapped to
/// `columns`; a broken file with its first problem.
pub fn list_text(entries: &[Entry], user_dir: Option<&Path>, columns: usize) -> String {
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
        text.push_str(&width::hanging(&format!("{:width$}  ", entry.id), &format!("{about}{note}"), columns));
    }
    if !entries.iter().any(|entry| matches!(entry.source, Source::User { .. }))
        && let Some(dir) = user_dir
    {
        let where_ = format!("(your own exercises go in {}, one .toml file each)", catalog::shown(dir));
        text.push_str(&width::hanging("", &where_, columns));
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
