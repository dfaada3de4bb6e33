//! The pure layers stay pure: no file under `src/domain/` or `src/history/` names the terminal,
//! the clock, the environment or the file system. Their tests may; the code they test may not.

mod support;

use std::fs;
use std::path::Path;

use support::source::{code_of, rust_files};

/// What only the shell may name.
const FORBIDDEN: &[&str] = &["ratatui", "crossterm", "Instant::now", "SystemTime", "std::env", "std::fs"];

/// The pure layers: each folder and its module file.
const PURE: &[&str] = &["src/domain", "src/domain.rs", "src/history", "src/history.rs"];

fn offences(root: &Path) -> Vec<String> {
    let files = PURE.iter().flat_map(|pure| rust_files(&root.join(pure)));
    let mut found = Vec::new();
    for file in files {
        for (number, line) in code_of(&file).iter().enumerate() {
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
