//! The pure layers stay pure: no file under `src/domain/` or `src/history/` names the terminal,
//! the clock, the environment or the file system. Their tests may; the code they test may not.

use std::fs;
use std::path::{Path, PathBuf};

/// What only the shell may name.
const FORBIDDEN: &[&str] = &["ratatui", "crossterm", "Instant::now", "SystemTime", "std::env", "std::fs"];

/// The pure layers: each folder and its module file.
const PURE: &[&str] = &["src/domain", "src/domain.rs", "src/history", "src/history.rs"];

fn rust_files(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("a source folder") {
            rust_files(&entry.expect("a folder entry").path(), found);
        }
    } else if path.is_file() && path.extension().is_some_and(|ext| ext == "rs") {
        found.push(path.to_path_buf());
    }
}

/// The code of a file, without its unit tests: a `tests.rs` file is all test, and a file's own
/// test module starts at its `#[cfg(test)]`.
fn code_of(path: &Path) -> String {
    if path.file_name().is_some_and(|name| name == "tests.rs") {
        return String::new();
    }
    let text = fs::read_to_string(path).expect("a source file");
    text.split("#[cfg(test)]").next().unwrap_or_default().to_owned()
}

fn offences(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for pure in PURE {
        rust_files(&root.join(pure), &mut files);
    }
    let mut found = Vec::new();
    for file in &files {
        for (number, line) in code_of(file).lines().enumerate() {
            for word in FORBIDDEN.iter().filter(|word| line.contains(**word)) {
                found.push(format!("{}:{}: names `{word}`", file.display(), number + 1));
            }
        }
    }
    found
}

#[test]
fn the_pure_layers_name_no_terminal_clock_environment_or_file_system() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = offences(root);
    assert!(found.is_empty(), "impure names in the pure layers:\n{}", found.join("\n"));
}

#[test]
fn the_check_catches_an_impure_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("src/domain")).unwrap();
    fs::write(dir.path().join("src/domain/clock.rs"), "fn now() { let _ = std::time::Instant::now(); }\n").unwrap();
    fs::write(dir.path().join("src/history.rs"), "//! fine\n#[cfg(test)]\nmod tests { use std::fs; }\n").unwrap();
    assert_eq!(
        offences(dir.path()),
        vec![format!("{}: names `Instant::now`", dir.path().join("src/domain/clock.rs:1").display())]
    );
}
