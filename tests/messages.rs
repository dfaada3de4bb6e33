//! What the command line and the config say when something is wrong: the value cleaned of
//! control characters, the accepted range in words, the file and line to fix.

use std::fs;
use std::process::Stdio;

use predicates::prelude::*;
use predicates::str::contains;

mod support;

use support::home::{Home, process, stderr, trunkrot};

const SHORT: [&str; 8] = ["--plain", "--reps", "1", "--hold", "1", "--get-ready", "0", "--no-checkin"];

#[test]
fn a_bad_value_is_never_echoed_with_its_control_characters() {
    let home = Home::new();
    for value in ["x\u{1b}]2;pwned\u{7}", "x\u{1b}[2J\ry", "1\u{9b}31m"] {
        let assert = trunkrot(&home).args(["--reps", value]).assert().code(2);
        let text = stderr(&assert);
        assert!(text.contains("--reps"), "{text:?}");
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reached the terminal: {text:?}"
        );
    }
}

#[test]
fn an_out_of_range_flag_says_what_it_takes_in_words() {
    let home = Home::new();
    trunkrot(&home)
        .args(["--hold", "601"])
        .assert()
        .code(2)
        .stderr(contains("10 min 01 s is too long: this takes 1 s to 10 min").and(contains("..=").not()));
    trunkrot(&home).args(["--hold", "0"]).assert().code(2).stderr(contains("0 s is too short: this takes 1 s"));
    trunkrot(&home)
        .args(["history", "--since", "yesterday"])
        .assert()
        .code(2)
        .stderr(contains("expected a day written YYYY-MM-DD").and(contains("four digit").not()));
}

#[test]
fn durations_as_trunkrot_config_prints_them_are_accepted() {
    let home = Home::with_config("hold = \"5 s\"\nrest = \"1 min 30 s\"\n");
    let report =
        String::from_utf8(trunkrot(&home).arg("config").assert().success().get_output().stdout.clone()).expect("UTF-8");
    let hold = report.lines().find(|line| line.starts_with("hold")).expect("a hold row");
    assert!(hold.contains("5 s") && hold.ends_with("config.toml"), "{report}");
    let plan = trunkrot(&home).args(["plan", "--hold", "1 min", "--get-ready", "2 s"]).assert().success();
    let plan = String::from_utf8(plan.get_output().stdout.clone()).expect("UTF-8");
    assert!(plan.contains("hold 60 s"), "{plan}");
}

#[test]
fn a_data_dir_that_is_a_file_says_so() {
    let home = Home::new();
    fs::write(home.join("data"), "not a folder").expect("a file");
    let assert = trunkrot(&home).args(SHORT).assert().code(1);
    let said = stderr(&assert);
    assert!(said.contains("data is a file where a folder belongs") && !said.contains("os error 17"), "{said}");
    assert_eq!(said.matches("cannot save this session").count(), 1, "said once, not twice:\n{said}");
}

#[test]
fn a_voice_command_that_is_a_folder_says_so() {
    let home = Home::new();
    let config = format!("voice = true\nvoice_command = [\"{}\"]\n", home.display());
    fs::write(home.join("trunkrot/config.toml"), config).expect("a config");
    trunkrot(&home).args(SHORT).assert().success().stderr(contains("is a folder, not a program"));
}

#[test]
fn an_unknown_exercise_in_the_config_names_the_config_and_its_line() {
    let home = Home::with_config("reps = 2\nexercise = \"glute-brige\"\n");
    let path = home.join("trunkrot/config.toml");
    for args in [&["plan"][..], &["config"], &SHORT] {
        trunkrot(&home).args(args).assert().code(1).stderr(
            contains(format!("{}:2:12: no exercise `glute-brige`, did you mean `glute-bridge`?", path.display()))
                .and(contains("2 | exercise = \"glute-brige\"")),
        );
    }
    // The config is refused whatever the flags, like any config with a mistake in it.
    trunkrot(&home).args(["plan", "--exercise", "knee-to-chest"]).assert().code(1).stderr(contains("config.toml:2:12"));
    // A flag's unknown name is the flag's, not the config's.
    let home = Home::with_config(
        "reps = 2
",
    );
    trunkrot(&home)
        .args(["plan", "--exercise", "glute-brige"])
        .assert()
        .code(1)
        .stderr(contains("error: no exercise `glute-brige`").and(contains("config.toml").not()));
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let home = Home::new();
    let mut child =
        process(&home).arg("man").stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("trunkrot runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("trunkrot ends");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "no message for a closed pipe");
}

#[test]
fn a_relative_exercise_path_in_the_config_is_read_beside_the_config() {
    let mine = "name = \"My stretch\"\nstart_position = \"Sit tall.\"\nsteps = [\"Reach up.\"]\n\n[timing]\nhold = 4\nreps = 1\nget_ready = 0\ntransition = 0\n";
    let home = Home::with_config("exercise = \"mine.toml\"\n");
    fs::write(home.join("trunkrot/mine.toml"), mine).expect("an exercise");
    let elsewhere = std::env::temp_dir();
    let plan = trunkrot(&home).arg("plan").current_dir(&elsewhere).assert().success();
    assert!(String::from_utf8_lossy(&plan.get_output().stdout).contains("My stretch: 1 rep"), "{plan:?}");
    let report = trunkrot(&home).args(["config", "--routine", "low-back"]).current_dir(&elsewhere).assert().success();
    let report = String::from_utf8_lossy(&report.get_output().stdout).to_string();
    assert!(report.lines().any(|line| line.starts_with("exercise") && line.contains("mine")), "{report}");
    fs::write(home.join("trunkrot/config.toml"), "exercise = \"gone.toml\"\n").expect("a config");
    trunkrot(&home).arg("plan").current_dir(&elsewhere).assert().code(1).stderr(contains("config.toml:1:12: "));
}
