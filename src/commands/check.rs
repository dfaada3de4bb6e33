//! `trunkrot check`: every problem of each file (exercise, routine, programme or config), or
//! `ok FILE` and its notes.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use super::emit;
use crate::failure::Failure;
use crate::shell::catalog;

/// `trunkrot check FILE...`: `ok FILE` on standard output for each good file, every problem
/// of each bad one on standard error; exit code 1 if any file is bad. A name that is not a file
/// is looked up as `show` looks it up (an exercise's or a routine's id).
pub fn check(files: &[PathBuf]) -> Result<ExitCode, Failure> {
    let (good, bad) = check_text(files);
    emit(&good)?;
    // The problems matter more than a closed standard error: the exit code still says them.
    let _ = io::stderr().lock().write_all(bad.as_bytes());
    Ok(if bad.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The report of `check`: the `ok` lines, and the problems (empty if every file is good).
pub fn check_text(files: &[PathBuf]) -> (String, String) {
    let (mut good, mut bad) = (String::new(), String::new());
    for path in files {
        match check_one(path) {
            Ok(notes) => {
                let _ = writeln!(good, "ok {}", catalog::shown(path));
                for note in notes {
                    let _ = writeln!(good, "{note}");
                }
            }
            Err(failure) => {
                let _ = writeln!(bad, "{failure}");
            }
        }
    }
    (good, bad)
}

/// Checks one file: a config if it is named `config.toml`; a programme (with every exercise and
/// routine its items name, each dose judged against them) if its content is one; else as
/// [`catalog::check_bytes`] does. What it
/// returns are notes: a dose outside an exercise's recommended range, which is allowed.
fn check_one(path: &std::path::Path) -> Result<Vec<String>, Failure> {
    if !path.exists() {
        // An id, as `show` takes it: a built-in or the user's exercise or routine.
        return catalog::check_name(&path.to_string_lossy()).map(|()| Vec::new());
    }
    let bytes = catalog::read_limited(path, "an exercise, routine, programme or config file")?;
    // A config is known by its name, as trunkrot finds it: its keys are an exercise's timing.
    if path.file_name().is_some_and(|name| name == crate::shell::config::FILE_NAME) {
        let known = catalog::ids(catalog::Kind::Exercise);
        crate::shell::config::parse(&path.display().to_string(), &bytes, &known)?;
        return Ok(Vec::new());
    }
    if crate::domain::programme::is_programme(&bytes) {
        let loaded = crate::shell::programme::read(path, &bytes)?;
        return Ok(loaded.review.notes.iter().map(ToString::to_string).collect());
    }
    catalog::check_bytes(path, &bytes).map(|()| Vec::new())
}
