//! Files that could hang trunkrot or make it grow without bound, as a tester would try them:
//! FIFOs and devices named like exercises, configs and histories, a routine of 2,000 entries
//! pointing at one large exercise, and plans longer than a session may run. Each must end
//! promptly with a message that names the file and the limit.

use predicates::prelude::*;
use predicates::str::contains;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

mod support;

use support::home::{Home, trunkrot};

fn mkfifo(path: &Path) {
    fs::create_dir_all(path.parent().expect("a parent")).expect("a dir");
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

const FIFO: &str = "is a FIFO (named pipe), not a regular file";

#[test]
fn a_fifo_named_like_an_exercise_is_refused_by_check_show_and_list() {
    let home = Home::new();
    let fifo = home.config_dir().join("exercises/pipe.toml");
    mkfifo(&fifo);
    trunkrot(&home).arg("check").arg(&fifo).assert().failure().stderr(contains("pipe.toml").and(contains(FIFO)));
    trunkrot(&home).arg("show").arg(&fifo).assert().failure().stderr(contains(FIFO));
    trunkrot(&home).arg("list").assert().stdout(contains("pipe"));
    trunkrot(&home).args(["--exercise", "pipe", "--hold", "1"]).assert().failure();
}

#[test]
fn a_fifo_or_a_device_as_the_config_or_the_history_is_refused() {
    let home = Home::new();
    mkfifo(&home.config_dir().join("config.toml"));
    trunkrot(&home).arg("config").assert().failure().stderr(contains("config.toml").and(contains(FIFO)));

    let home = Home::new();
    mkfifo(&home.history());
    trunkrot(&home).arg("history").assert().failure().stderr(contains("history.jsonl").and(contains(FIFO)));

    let home = Home::new();
    let dir = home.data_dir();
    fs::create_dir_all(&dir).expect("a dir");
    std::os::unix::fs::symlink("/dev/zero", dir.join("history.jsonl")).expect("a link");
    trunkrot(&home)
        .arg("history")
        .assert()
        .failure()
        .stderr(contains("history.jsonl").and(contains("is a device, not a regular file")));
}

/// An exercise file just under the size cap, at the top of every range, with long text.
fn large_exercise() -> String {
    let mut text = String::from("name = \"Large\"\nstart_position = \"Lie down.\"\nsteps = [\"Move.\"]\n");
    let _ = writeln!(text, "summary = \"{}\"", "word ".repeat(20_000));
    text.push_str("sides = [\"left\", \"right\"]\n[timing]\nhold = 600\nreps = 100\nsets = 20\nrest = 600\n");
    text.push_str("[cues]\nhold = [\"Keep still and breathe\"]\n");
    text
}

#[test]
fn a_routine_of_two_thousand_entries_of_one_large_exercise_is_refused_at_once() {
    let home = Home::new();
    fs::write(home.join("large.toml"), large_exercise()).expect("write");
    let mut routine = String::from("name = \"Forever\"\n");
    for _ in 0..2000 {
        routine.push_str("[[exercise]]\nid = \"large.toml\"\nreps = 100\nsets = 20\n");
    }
    assert!(routine.len() > 100_000, "{}", routine.len());
    let path = home.join("forever.toml");
    fs::write(&path, routine).expect("write");
    trunkrot(&home)
        .arg("check")
        .arg(&path)
        .assert()
        .failure()
        .stderr(contains("forever.toml:").and(contains("at most 50 `[[exercise]]` entries; this one has 2000")));
    trunkrot(&home).arg("--routine").arg(&path).assert().code(1).stderr(contains("at most 50"));
}

#[test]
fn a_plan_longer_than_a_session_may_run_is_refused_before_it_is_laid_out() {
    let home = Home::new();
    fs::write(home.join("large.toml"), large_exercise()).expect("write");
    let routine = "name = \"Long\"\n".to_owned() + &"[[exercise]]\nid = \"large.toml\"\n".repeat(50);
    let path = home.join("long.toml");
    fs::write(&path, routine).expect("write");
    let too_long = || contains("this session would run").and(contains("at most 6 h"));
    trunkrot(&home).arg("--routine").arg(&path).assert().code(1).stderr(too_long());
    trunkrot(&home).args(["plan", "--routine"]).arg(&path).assert().code(1).stderr(too_long());
    trunkrot(&home).arg("show").arg(&path).assert().code(1).stderr(too_long());
    let large = home.join("large.toml");
    trunkrot(&home).arg("--exercise").arg(&large).assert().code(1).stderr(too_long());
    trunkrot(&home).arg("check").arg(&large).assert().success();
}

#[test]
fn too_many_steps_and_too_long_a_cue_are_named_with_the_limit() {
    let home = Home::new();
    let steps: Vec<String> = (1..=41).map(|n| format!("\"Step {n}.\"")).collect();
    let text = format!(
        "name = \"Many\"\nstart_position = \"Lie down.\"\nsteps = [{}]\n[timing]\nhold = 5\nreps = 2\n[cues]\nhold = [\"{}\"]\n",
        steps.join(", "),
        "x".repeat(201)
    );
    let path = home.join("many.toml");
    fs::write(&path, text).expect("write");
    trunkrot(&home).arg("check").arg(&path).assert().failure().stderr(
        contains("many.toml:3:")
            .and(contains("`steps` lists 41 steps; an exercise has at most 40"))
            .and(contains("`cues.hold[1]` is 201 characters long; a cue is at most 200")),
    );
}
