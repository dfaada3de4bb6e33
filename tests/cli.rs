//! The command line as a user meets it: help, bad flags, bad files, and a short plain session.

use std::time::{Duration, Instant};

use predicates::prelude::*;
use predicates::str::contains;

mod support;

use support::home::{Home, process, trunkrot};

#[test]
fn help_lists_the_flags_and_keys() {
    let home = Home::new();
    trunkrot(&home).arg("--help").assert().success().stdout(
        contains("--reps <N>")
            .and(contains("--hold <SECONDS>"))
            .and(contains("--get-ready <SECONDS>"))
            .and(contains("--transition <SECONDS>"))
            .and(contains("--exercise <NAME|PATH>"))
            .and(contains("--quiet"))
            .and(contains("--plain"))
            .and(contains("Space, p")),
    );
}

#[test]
fn the_readme_usage_block_is_what_help_prints() {
    let home = Home::new();
    let help =
        String::from_utf8(trunkrot(&home).arg("-h").assert().success().get_output().stdout.clone()).expect("UTF-8");
    let readme = include_str!("../README.md");
    let usage = |text: &str| -> String {
        let start = text.find("Usage: trunkrot").expect("a usage line");
        let end = text[start..].find("Print version").expect("the last option") + start;
        // Compared word by word: the README may wrap the lines differently.
        text[start..end].split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert_eq!(usage(readme), usage(&help), "README's Usage block differs from `trunkrot -h`");
}

#[test]
fn version_prints_the_crate_version() {
    let home = Home::new();
    trunkrot(&home).arg("--version").assert().success().stdout(contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn bad_flags_are_usage_errors_with_exit_code_2() {
    let home = Home::new();
    for args in [
        &["--reps", "0"][..],
        &["--reps", "101"],
        &["--reps", "ten"],
        &["--hold", "0"],
        &["--hold", "601"],
        &["--hold", "five"],
        &["--get-ready", "601"],
        &["--transition", "61"],
        &["--frobnicate"],
    ] {
        trunkrot(&home).args(args).assert().code(2).stdout("").stderr(contains("error:"));
    }
}

#[test]
fn a_short_plain_session_runs_to_the_end_with_its_summary() {
    let home = Home::new();
    let started = Instant::now();
    let assert = trunkrot(&home)
        .args(["--hold", "1", "--reps", "1", "--get-ready", "0", "--transition", "0"])
        .assert()
        .success();
    let elapsed = started.elapsed();
    let output = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(output.contains("rep 1/1 left: hold 1 s"), "{output}");
    assert!(output.contains("rep 1/1 right: hold 1 s"), "{output}");
    assert!(output.contains("Lower trunk rotation: completed"), "{output}");
    assert!(output.contains("Left: 1 of 1 rep\n"), "{output}");
    assert!(output.contains("  Saved to your history.\n"), "plain mode says it was kept: {output}");
    assert!(!output.contains('\u{1b}'), "plain mode writes no escape codes: {output:?}");
    assert!(elapsed >= Duration::from_secs(2), "the session lasts its 2 s: {elapsed:?}");
}

#[test]
fn sigint_stops_a_plain_session_with_the_summary() {
    let home = Home::new();
    let mut child =
        process(&home).args(["--plain", "--get-ready", "30"]).stdout(std::process::Stdio::piped()).spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 20];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "128 + SIGINT, as shells expect: {status:?}");
    assert!(rest.contains("Lower trunk rotation: stopped early"), "{rest}");
    assert!(rest.contains("Left: 0 of 10 reps"), "{rest}");
    assert!(rest.contains("Nothing saved: stopped before the first move."), "stopped getting ready: {rest}");
}

#[test]
fn an_exercise_file_can_be_given_by_path() {
    let home = Home::new();
    trunkrot(&home)
        .args(["--exercise", "tests/fixtures/tiny.toml", "--plain"])
        .assert()
        .success()
        .stdout(contains("rep 1/1: hold 1 s: Press your low back into the mat").and(contains("Tiny tilt: completed")));
}

#[test]
fn a_bad_exercise_file_is_refused_with_its_place_and_exit_code_1() {
    let home = Home::new();
    trunkrot(&home).args(["--exercise", "tests/fixtures/typo.toml"]).assert().code(1).stdout("").stderr(
        contains("tests/fixtures/typo.toml:8:1: unknown field `hodl`, did you mean `hold`?").and(contains("hodl = 1")),
    );
}

#[test]
fn a_missing_file_or_unknown_name_is_refused_clearly() {
    let home = Home::new();
    trunkrot(&home)
        .args(["--exercise", "no/such/file.toml"])
        .assert()
        .code(1)
        .stderr(contains("no/such/file.toml: cannot read"));
    trunkrot(&home)
        .args(["--exercise", "bridge-of-sighs"])
        .assert()
        .code(1)
        .stderr(contains("no exercise `bridge-of-sighs`").and(contains("lower-trunk-rotation")));
    trunkrot(&home)
        .args(["--exercise", "tests"])
        .assert()
        .code(1)
        .stderr(contains("tests: cannot read: is a directory"));
}
