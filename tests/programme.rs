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

#[test]
fn new_keeps_a_relative_path_as_found_from_where_it_was_run() {
    let home = Home::new();
    let mine = home.file("work/mine.toml", include_str!("../exercises/pelvic-tilt.toml"));
    let folder = mine.parent().expect("a folder");
    trunkrot(&home)
        .args(["programme", "new", "--exercise", "./mine.toml", "--weeks", "2"])
        .current_dir(folder)
        .assert()
        .success();
    let kept = fs::read_to_string(home.join("trunkrot/programme.toml")).expect("the copy in effect");
    let absolute = fs::canonicalize(&mine).expect("the file");
    assert!(kept.contains(&format!("exercise = \"{}\"", absolute.display())), "{kept}");
    // From anywhere else, the programme still finds it.
    trunkrot(&home).arg("programme").assert().success().stdout(contains("Pelvic tilt"));
}

#[test]
fn a_review_day_before_the_start_it_would_have_today_is_refused_before_it_is_installed() {
    let home = Home::new();
    trunkrot(&home)
        .args(["programme", "new", "--exercise", "pelvic-tilt", "--weeks", "4", "--review", "2000-01-01"])
        .assert()
        .code(1)
        .stderr(contains("programme new: `review` is 2000-01-01, before the programme's `start`"));
    let file = home
        .file("late.toml", "name = \"Late\"\nweeks = 4\nreview = 2000-01-01\n\n[[item]]\nexercise = \"pelvic-tilt\"\n");
    trunkrot(&home)
        .args(["programme", "install"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains("late.toml: `review` is 2000-01-01, before the programme's `start`"));
    assert!(!home.join("trunkrot/programme.toml").exists(), "nothing installed");
    trunkrot(&home).arg("today").assert().stdout(contains("No programme"));
}

/// A session line of the rotation item at 8 reps and a 3 s hold, done in full, on `day`.
fn rotation(day: jiff::civil::Date, n: u32) -> String {
    format!(
        r#"{{"v":3,"session":{{"id":"s-{day}-{n}","start":"{day}T0{n}:00:00+00:00","end":"reached","elapsed_secs":60,"active_secs":60,"exercises":[{{"id":"lower-trunk-rotation","name":"Lower trunk rotation","reps":8,"sets":1,"hold_secs":3,"sides":[{{"side":"left","done":8,"planned":8}},{{"side":"right","done":8,"planned":8}}],"active_secs":60,"completed":true}}],"checkin":{{"pain":2}},"item":{{"id":"lower-trunk-rotation","holds":16}}}}}}"#
    )
}

#[test]
fn accept_takes_the_step_the_progression_allows_after_three_days_done_in_full_and_keeps_it_dated() {
    let home = Home::new();
    trunkrot(&home).args(["programme", "install", EXAMPLE]).assert().success();
    trunkrot(&home).args(["programme", "accept"]).assert().code(1).stdout(contains("No step is offered now"));
    let today = jiff::ZonedDateTime::now().with_time_zone(jiff::tz::TimeZone::UTC).date();
    let day = |back: i64| today.checked_sub(jiff::Span::new().days(back)).expect("a day");
    let event = fs::read_to_string(home.history()).expect("the install's event");
    // Three sessions in three minutes today make one day, not three.
    let burst: String = (1..=3).map(|n| rotation(day(0), n) + "\n").collect();
    fs::write(home.history(), format!("{event}{burst}")).expect("history");
    trunkrot(&home).args(["programme", "accept"]).assert().code(1);
    let days: String = [2, 1].iter().flat_map(|back| (1..=2).map(move |n| rotation(day(*back), n) + "\n")).collect();
    fs::write(home.history(), format!("{event}{days}{burst}")).expect("history");
    trunkrot(&home)
        .args(["programme", "accept", "lower-trunk-rotaton"])
        .assert()
        .code(1)
        .stderr(contains("did you mean `lower-trunk-rotation`?"));
    let accepted = stdout(&trunkrot(&home).args(["programme", "accept"]).assert().success());
    assert!(accepted.starts_with("Accepted Lower trunk rotation: 9 reps from "), "{accepted}");
    let words = stdout(&trunkrot(&home).arg("programme").assert().success());
    assert!(words.contains("Lower trunk rotation: twice a day, every day\n  9 reps per side, hold 3 s\n"), "{words}");
    assert!(words.contains("  step accepted on "), "{words}");
    let copy = fs::read_to_string(home.join("trunkrot/programme.toml")).expect("the copy");
    assert!(copy.contains("[[accepted]]") && copy.contains(&format!("date = {today}")), "{copy}");
    let written = fs::read_to_string(home.history()).expect("the history");
    assert!(
        written.lines().last().is_some_and(|line| line.starts_with(r#"{"v":3,"programme":{"event":"accepted""#)),
        "{written}"
    );
    trunkrot(&home).args(["programme", "accept"]).assert().code(1);
    let plan = stdout(&trunkrot(&home).args(["plan", "--exercise", "lower-trunk-rotation"]).assert().success());
    assert!(plan.starts_with("Lower trunk rotation: 9 reps per side, hold 3 s"), "{plan}");
}
