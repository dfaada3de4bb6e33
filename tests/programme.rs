//! `trunkrot programme` on the real binary: installing the shipped example, reading it in words,
//! as a calendar, writing one from flags, and ending it. Each test has a home of its own.

use std::fs;

use predicates::str::contains;

mod support;

use support::home::{Home, stdout, trunkrot};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/exercises/programmes/low-back-6-weeks.toml");

#[test]
fn the_example_installs_reads_in_words_and_as_a_calendar_and_ends() {
    let home = Home::new();
    trunkrot(&home).arg("programme").assert().code(1).stderr(contains("no programme is in effect"));
    let installed = stdout(&trunkrot(&home).args(["programme", "install", EXAMPLE]).assert().success());
    assert!(installed.starts_with("Installed Low back, first six weeks: 6 weeks from "), "{installed}");
    let copy = fs::read_to_string(home.join("trunkrot/programme.toml")).expect("the copy in the config dir");
    assert!(copy.contains("\nstart = "), "the day it was installed is its start: {copy}");
    let words = stdout(&trunkrot(&home).arg("programme").assert().success());
    assert!(words.contains("Today is in week 1 of 6."), "{words}");
    assert!(words.contains("Lower trunk rotation: twice a day, every day\n  8 reps per side, hold 3 s\n"), "{words}");
    assert!(words.contains("Knee to chest: once a day, every day\n  3 reps per side, hold 20 s\n"), "{words}");
    assert!(words.contains("Stop if pain reaches 7 of 10"), "{words}");
    let plan = stdout(&trunkrot(&home).args(["plan", "--exercise", "pelvic-tilt"]).assert().success());
    assert!(plan.starts_with("Pelvic tilt: 10 reps, hold 5 s"), "the item's dose: {plan}");
    let flags = stdout(&trunkrot(&home).args(["plan", "--reps", "2"]).assert().success());
    assert!(flags.starts_with("Lower trunk rotation: 2 reps per side, hold 3 s"), "flags over the programme: {flags}");
    let calendar = stdout(&trunkrot(&home).args(["programme", "--ics", "--at", "07:30"]).assert().success());
    assert!(calendar.starts_with("BEGIN:VCALENDAR\r\n") && calendar.ends_with("END:VCALENDAR\r\n"), "{calendar}");
    assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 3, "{calendar}");
    assert!(calendar.contains("T073000\r\n") && calendar.contains("T180000\r\n"), "{calendar}");
    trunkrot(&home).args(["programme", "end"]).assert().success().stdout(contains("has ended"));
    assert!(!home.join("trunkrot/programme.toml").exists());
    trunkrot(&home).args(["programme", "end"]).assert().code(1);
}

#[test]
fn new_writes_one_from_flags_and_without_flags_or_a_terminal_says_which_it_needs() {
    let home = Home::new();
    let save = home.join("saved.toml");
    let args = ["programme", "new", "--exercise", "knee-to-chest", "--reps", "6", "--times-a-day", "2", "--weeks", "4"];
    let written = stdout(&trunkrot(&home).args(args).arg("--save").arg(&save).assert().success());
    assert!(
        written.contains("note: `item[1]` from the start: knee-to-chest: 6 reps is outside the recommended 2 to 5"),
        "{written}"
    );
    let saved = fs::read_to_string(&save).expect("the saved copy");
    assert_eq!(saved, fs::read_to_string(home.join("trunkrot/programme.toml")).expect("the copy in effect"));
    trunkrot(&home).args(["check"]).arg(&save).assert().success();
    trunkrot(&home).args(["programme", "new"]).assert().code(2).stderr(contains("`--exercise ID`"));
    trunkrot(&home)
        .args(["programme", "new", "--exercise", "knee-to-chst", "--weeks", "2"])
        .assert()
        .code(1)
        .stderr(contains("no exercise `knee-to-chst`, did you mean `knee-to-chest`?"));
}
