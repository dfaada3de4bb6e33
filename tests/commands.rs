//! `list`, `show`, `plan` and `--exercise` as a user meets them, with their own exercises dir
//! (`XDG_CONFIG_HOME` pointed at a fresh directory) and hostile text that must arrive clean.

use predicates::prelude::*;
use predicates::str::contains;

mod support;

use support::home::{Home, stdout, trunkrot};

fn assert_clean(text: &str) {
    let raw = text.chars().find(|c| c.is_control() && *c != '\n');
    assert_eq!(raw, None, "a control character reached the terminal: {text:?}");
}

const MINIMAL: &[u8] = include_bytes!("valid_configs/minimal.toml");
const HOSTILE: &[u8] = include_bytes!("valid_configs/hostile-text.toml");

#[test]
fn list_shows_built_ins_then_the_users_own_and_survives_a_broken_file() {
    let home = Home::new()
        .with("exercises/my-tilt.toml", MINIMAL)
        .with("exercises/broken.toml", b"name = \"x\"\nhodl = 5\n")
        .with("exercises/pelvic-tilt.toml", MINIMAL)
        .with("exercises/notes.txt", b"not an exercise");
    let assert = trunkrot(&home).arg("list").assert().success();
    let out = stdout(&assert);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("lower-trunk-rotation  Lower trunk rotation: Lying on your back"), "{out}");
    for id in ["knee-to-chest", "pelvic-tilt", "glute-bridge", "cat-cow"] {
        assert!(lines.iter().any(|line| line.starts_with(id)), "{id} in:\n{out}");
    }
    let broken = lines.iter().find(|line| line.starts_with("broken ")).expect("the broken file is listed");
    assert!(broken.contains("error: ") && broken.contains("broken.toml:2:1: unknown field `hodl`"), "{broken}");
    assert!(lines.iter().any(|line| line.starts_with("my-tilt ") && line.ends_with("Pelvic tilt")), "{out}");
    let shadowed = lines.iter().rfind(|line| line.starts_with("pelvic-tilt ")).expect("listed");
    assert!(shadowed.contains("hidden by the built-in"), "{out}");
    assert!(!out.contains("notes"), "{out}");
    let exercises = out.split("\n\nRoutines").next().unwrap_or_default();
    assert_eq!(exercises.lines().count(), 5 + 3, "{out}");
}

#[test]
fn with_no_files_of_their_own_list_says_where_they_go() {
    let home = Home::new();
    trunkrot(&home)
        .arg("list")
        .assert()
        .success()
        .stdout(contains("your own exercises go in").and(contains("trunkrot/exercises")));
}

#[test]
fn a_users_exercise_is_found_by_its_id() {
    let home = Home::new().with("exercises/my-tilt.toml", MINIMAL);
    trunkrot(&home).args(["show", "my-tilt"]).assert().success().stdout(contains("Pelvic tilt (my-tilt)"));
    trunkrot(&home)
        .args(["plan", "--exercise", "my-tilt", "--get-ready", "0", "--reps", "1", "--transition", "0"])
        .assert()
        .success()
        .stdout(contains("0:00  rep 1/1: hold 5 s").and(contains("total 5 s")));
    trunkrot(&home)
        .args(["--exercise", "nobody", "--plain"])
        .assert()
        .code(1)
        .stderr(contains("no exercise `nobody`").and(contains("cat-cow")).and(contains("my-tilt")));
}

#[test]
fn plan_prints_each_phase_with_its_start_and_the_total() {
    let home = Home::new();
    let assert = trunkrot(&home)
        .args(["plan", "--reps", "3", "--hold", "4", "--get-ready", "5", "--transition", "2"])
        .assert()
        .success();
    let out = stdout(&assert);
    assert!(out.contains("   0:05  rep 1/3 left: move 2 s"), "{out}");
    assert!(out.contains("   0:11  rep 1/3 left: return 3 s: Bring your knees back to the middle"), "{out}");
    assert!(out.contains("   0:52  rep 3/3 right: hold 4 s"), "{out}");
    assert!(out.ends_with("total 59 s\n"), "{out}");
    trunkrot(&home).args(["--reps", "3", "plan"]).assert().code(2);
}

#[test]
fn show_gives_the_instructions_of_a_built_in_or_a_file() {
    let home = Home::new();
    trunkrot(&home).args(["show", "glute-bridge"]).assert().success().stdout(
        contains("Glute bridge (glute-bridge)")
            .and(contains("Sides: none"))
            .and(contains("Common mistakes"))
            .and(contains("Precautions"))
            .and(contains("Harder (progressions)")),
    );
    trunkrot(&home)
        .args(["show", "tests/valid_configs/one-side.toml"])
        .assert()
        .success()
        .stdout(contains("Sides: right only").and(contains("2 sets, 1 min 30 s rest between sets")));
    trunkrot(&home)
        .args(["show", "tests/invalid_configs/zero-hold.toml"])
        .assert()
        .code(1)
        .stderr(contains("zero-hold.toml:6:8: `timing.hold` is 0 s"));
}

#[test]
fn show_with_no_name_shows_what_trunkrot_alone_would_run() {
    let home = Home::new();
    trunkrot(&home)
        .arg("show")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Lower trunk rotation (lower-trunk-rotation)\n"));
    let home = Home::with_config("exercise = \"knee-to-chest\"\n");
    trunkrot(&home)
        .arg("show")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Knee to chest (knee-to-chest)\n"));
}

#[test]
fn hostile_text_reaches_show_list_plan_and_plain_mode_cleaned() {
    let home = Home::new().with("exercises/hostile.toml", HOSTILE).with("exercises/raw.toml", b"name = \"\x1b[2J\"\n");
    let path = "tests/valid_configs/hostile-text.toml";
    let show = stdout(&trunkrot(&home).args(["show", path]).assert().success());
    for shown in ["Tilt]2;pwned[2J", "Alias[31m red", "Step[1A up", "Precaution[?1049h", "Cue]52;c;cGF5bG9hZA=="] {
        assert!(show.contains(shown), "`{shown}` in:\n{show}");
    }
    let list = stdout(&trunkrot(&home).arg("list").assert().success());
    let timeline = stdout(&trunkrot(&home).args(["plan", "--exercise", "hostile"]).assert().success());
    let plain = stdout(
        &trunkrot(&home)
            .args(["--exercise", path, "--plain", "--get-ready", "0", "--transition", "0"])
            .assert()
            .success(),
    );
    assert!(plain.contains("rep 1/1 left: hold 1 s: Hold[31m"), "{plain}");
    for text in [&show, &list, &timeline, &plain] {
        assert_clean(text);
    }
}
