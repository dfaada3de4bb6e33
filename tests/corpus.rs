//! The bad-input corpus: every file in `tests/invalid_configs/` is refused by `trunkrot check`
//! with exit code 1 and the message in its `.expected` file, never a panic; every file in
//! `tests/valid_configs/` and `exercises/` passes.

use std::fs;
use std::path::{Path, PathBuf};

mod support;

use support::home::{Home, trunkrot};

fn toml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("the corpus dir exists")
        .map(|entry| entry.expect("a readable dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .toml files in {dir}");
    files
}

/// Runs `trunkrot check` on the files; returns exit code, stdout and stderr.
fn check(files: &[&Path]) -> (Option<i32>, String, String) {
    let output = trunkrot(&Home::new()).arg("check").args(files).output().expect("trunkrot runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("output is UTF-8");
    (output.status.code(), text(output.stdout), text(output.stderr))
}

fn assert_refused(path: &Path, expected: &[&str]) {
    let (code, stdout, stderr) = check(&[path]);
    assert!(!stderr.contains("panicked"), "{}: {stderr}", path.display());
    assert_eq!(code, Some(1), "{}: {stderr}", path.display());
    assert_eq!(stdout, "", "{}", path.display());
    for wanted in expected {
        assert!(stderr.contains(wanted), "{}: expected `{wanted}` in:\n{stderr}", path.display());
    }
    let raw = stderr.chars().find(|c| c.is_control() && *c != '\n');
    assert_eq!(raw, None, "{}: a control character reached the terminal: {stderr:?}", path.display());
}

#[test]
fn every_invalid_file_is_refused_with_its_expected_message() {
    for path in toml_files("tests/invalid_configs") {
        let expected = fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{} has no .expected file", path.display()));
        let mut wanted: Vec<&str> = expected.lines().filter(|line| !line.is_empty()).collect();
        assert!(!wanted.is_empty(), "{}: empty .expected", path.display());
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        wanted.push(&name);
        assert_refused(&path, &wanted);
    }
}

#[test]
fn a_ten_megabyte_file_is_refused_unread() {
    let home = Home::new();
    let path = home.join("ten-megabytes.toml");
    let line = format!("# {}\n", "x".repeat(98));
    fs::write(&path, line.repeat(100_000)).unwrap();
    assert_refused(&path, &["ten-megabytes.toml: cannot read: is larger than 1024 KiB"]);
}

#[test]
fn a_file_name_with_escape_sequences_is_shown_cleaned() {
    let home = Home::new();
    let path = home.join("bad\u{1b}]2;pwned\u{7}name.toml");
    fs::write(&path, "hodl = 1\n").unwrap();
    assert_refused(&path, &["bad]2;pwnedname.toml:1:1: unknown field `hodl`"]);
}

#[test]
fn every_valid_and_shipped_file_passes() {
    let mut files = toml_files("tests/valid_configs");
    files.extend(toml_files("exercises"));
    files.extend(toml_files("exercises/programmes"));
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (code, stdout, stderr) = check(&paths);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stderr, "");
    let expected: Vec<String> = files.iter().map(|path| format!("ok {}", path.display())).collect();
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn one_bad_file_among_good_ones_fails_the_check_but_all_are_reported() {
    let good = Path::new("tests/valid_configs/minimal.toml");
    let bad = Path::new("tests/invalid_configs/zero-hold.toml");
    let (code, stdout, stderr) = check(&[good, bad, good]);
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "ok tests/valid_configs/minimal.toml\nok tests/valid_configs/minimal.toml\n");
    assert!(stderr.starts_with("tests/invalid_configs/zero-hold.toml:6:8: "), "{stderr}");
}

#[test]
fn check_needs_at_least_one_file() {
    trunkrot(&Home::new()).arg("check").assert().code(2);
}
