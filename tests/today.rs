//! `trunkrot today` on the real binary with the shipped example programme installed: what is
//! due, each plain-mode session counted for the item it did, the prompt line, a skipped day, and
//! the exit codes scripts read. The sessions run in real time, so the example's doses are cut to
//! one rep of one second here (its items and how often they are due are the example's own).

use std::fs;
use std::path::PathBuf;

use predicates::str::contains;

mod support;

use support::home::{Home, stdout, trunkrot};

/// The shipped example with every dose one rep of one second, written into `home`.
fn quick_example(home: &Home) -> PathBuf {
    let example = include_str!("../exercises/programmes/low-back-6-weeks.toml");
    let quick: Vec<String> = example
        .lines()
        .map(|line| match line.split_once(" = ") {
            Some(("reps" | "hold", _)) => format!("{} = 1", &line[..4]),
            _ => line.to_owned(),
        })
        .collect();
    let path = home.join("quick.toml");
    fs::write(&path, quick.join("\n")).expect("the quick copy");
    path
}

/// A session as `trunkrot` with no arguments starts it, in plain mode, without the time to lie
/// down or move (not part of the dose): what it prints after its first line, which says how it
/// sounds.
fn session(home: &Home) -> String {
    let printed = stdout(&trunkrot(home).args(["--plain", "--get-ready", "0", "--transition", "0"]).assert().success());
    after_sound(&printed)
}

/// What a plain session printed after its first line (`Sound: ...`).
fn after_sound(printed: &str) -> String {
    assert!(printed.starts_with("Sound: "), "{printed}");
    printed.split_once('\n').map_or_else(String::new, |(_, rest)| rest.to_owned())
}

#[test]
fn after_installing_the_example_each_plain_session_counts_until_all_is_done_and_today_exits_0() {
    let home = Home::new();
    trunkrot(&home).args(["today", "--prompt"]).assert().code(0).stdout("");
    trunkrot(&home).args(["programme", "install"]).arg(quick_example(&home)).assert().success();
    let due = stdout(&trunkrot(&home).arg("today").assert().code(1));
    assert!(due.contains("  Lower trunk rotation  0 of 2 done\n"), "{due}");
    assert!(due.contains("4 sessions left: `trunkrot` starts Lower trunk rotation."), "{due}");
    assert_eq!(stdout(&trunkrot(&home).args(["today", "--prompt"]).assert().code(1)), "rot 0/2 +2\n");

    let first = session(&home);
    assert!(first.starts_with("Today 1 of 4\nLower trunk rotation: 1 rep per side"), "{first}");
    assert!(first.contains("\nToday 1 of 4 done\n"), "{first}");
    let one = stdout(&trunkrot(&home).arg("today").assert().code(1));
    assert!(one.contains("  Lower trunk rotation  1 of 2 done\n"), "{one}");
    assert!(one.contains("This week so far: 1 of 1 (100%)"), "{one}");
    assert_eq!(stdout(&trunkrot(&home).args(["today", "--prompt"]).assert().code(1)), "rot 1/2 +2\n");

    assert!(
        session(&home).starts_with("Today 2 of 4\nLower trunk rotation"),
        "the item with a session left comes first"
    );
    let two = stdout(&trunkrot(&home).arg("today").assert().code(1));
    assert!(two.contains("  Lower trunk rotation  done\n"), "{two}");
    assert!(two.contains("2 sessions left: `trunkrot` starts Pelvic tilt."), "{two}");

    assert!(session(&home).starts_with("Today 3 of 4\nPelvic tilt"));
    let last = session(&home);
    assert!(last.starts_with("Today 4 of 4\nKnee to chest"), "{last}");
    assert!(last.contains("\nToday 4 of 4: all done\n"), "{last}");
    let done = stdout(&trunkrot(&home).arg("today").assert().code(0));
    assert!(done.contains("All done for today: 4 of 4."), "{done}");
    trunkrot(&home).args(["today", "--prompt"]).assert().code(0).stdout("");
    // Done for the day, a session with no arguments is the config's choice again, at its item's
    // dose: more than due, counted apart.
    assert!(
        session(&home).starts_with("Today 4 of 4 done already: this one is more\nLower trunk rotation: 1 rep per side")
    );
    let more = stdout(&trunkrot(&home).arg("today").assert().code(0));
    assert!(more.contains("  Lower trunk rotation  done, 1 more than due\n"), "{more}");
}

#[test]
fn a_session_below_the_items_dose_counts_for_nothing_and_a_skipped_day_is_excused() {
    let home = Home::new();
    trunkrot(&home).args(["programme", "install"]).arg(quick_example(&home)).assert().success();
    let short = stdout(
        &trunkrot(&home)
            .args([
                "--plain",
                "--get-ready",
                "0",
                "--transition",
                "0",
                "--reps",
                "1",
                "--hold",
                "1",
                "--exercise",
                "pelvic-tilt",
                "--sets",
                "1",
            ])
            .assert()
            .success(),
    );
    assert!(after_sound(&short).starts_with("Today 1 of 4\nPelvic tilt: 1 rep"), "{short}");
    // The quick copy's dose is 1 rep of 1 s, so this did it: it counts.
    let counted = stdout(&trunkrot(&home).arg("today").assert().code(1));
    assert!(counted.contains("  Pelvic tilt           done\n"), "{counted}");
    let mut quick = fs::read_to_string(home.join("quick.toml")).expect("the copy");
    quick = quick.replacen("reps = 1", "reps = 2", 1);
    fs::write(home.join("quick.toml"), quick).expect("a stronger dose");
    trunkrot(&home)
        .args(["programme", "install"])
        .arg(home.join("quick.toml"))
        .assert()
        .success()
        .stdout(contains("It replaces"));
    trunkrot(&home).args(["--plain", "--get-ready", "0", "--transition", "0", "--reps", "1"]).assert().success();
    let below = stdout(&trunkrot(&home).arg("today").assert().code(1));
    assert!(below.contains("  Lower trunk rotation  0 of 2 done\n"), "1 rep where 2 are prescribed: {below}");
    trunkrot(&home).args(["today", "--skip", " "]).assert().code(2).stderr(contains("needs a reason"));
    let skipped = stdout(&trunkrot(&home).args(["today", "--skip", "flare-up"]).assert().code(0));
    assert!(skipped.contains("Skipped today: flare-up."), "{skipped}");
    let history = fs::read_to_string(home.history()).expect("the history");
    assert!(history.contains(r#""skip":{"date":"#) && history.contains(r#""reason":"flare-up"}"#), "{history}");
    assert!(
        history.contains(r#""programme":{"event":"installed""#) && history.contains(r#""event":"changed""#),
        "{history}"
    );
}

#[test]
fn history_shows_each_programme_week_against_the_70_percent_line() {
    use trunkrot::history::adherence::{Change, ProgrammeEvent, SkippedDay};
    let home = Home::new();
    let example = include_str!("../exercises/programmes/low-back-6-weeks.toml");
    let mut programme = trunkrot::domain::programme::parse("p.toml", example.as_bytes()).expect("valid").programme;
    let day = |d: i8| jiff::civil::date(2025, 3, d);
    programme.start = Some(day(3));
    let session = |d: i8, item: &str, done: u32| {
        let end = if done == 16 { "reached" } else { "stopped" };
        format!(
            r#"{{"v":3,"session":{{"id":"s{d}{item}{done}","start":"2025-03-{d:02}T08:00:00+01:00","end":"{end}","elapsed_secs":60,"active_secs":60,"exercises":[{{"id":"lower-trunk-rotation","name":"Lower trunk rotation","reps":8,"sets":1,"hold_secs":3,"sides":[{{"side":"left","done":{done},"planned":16}}],"active_secs":60,"completed":{}}}],"item":{{"id":"{item}","holds":16}}}}}}"#,
            done == 16
        )
    };
    let mut lines = vec![ProgrammeEvent { date: day(1), change: Change::Installed(programme) }.to_line()];
    // Week 1 (3 to 9 March): every session of every day; week 2: only the mornings' rotation,
    // one of them stopped at half, and a day skipped.
    for d in 3..=9 {
        for item in ["lower-trunk-rotation", "lower-trunk-rotation", "pelvic-tilt", "knee-to-chest"] {
            lines.push(session(d, item, 16));
        }
    }
    for d in 10..=15 {
        lines.push(session(d, "lower-trunk-rotation", if d == 12 { 8 } else { 16 }));
    }
    lines.push(SkippedDay::new(day(16), "flare-up").to_line());
    // The first session of weeks 1 and 2 gave the PSFS (no item: it counts for no adherence).
    for (d, socks, car) in [(3, 3, 2), (10, 6, 5)] {
        lines.push(format!(
            r#"{{"v":3,"session":{{"id":"p{d}","start":"2025-03-{d:02}T20:00:00+01:00","end":"reached","elapsed_secs":60,"active_secs":60,"exercises":[{{"id":"cat-cow","name":"Cat-cow","reps":1,"sets":1,"hold_secs":3,"sides":[{{"done":1,"planned":1}}],"active_secs":60,"completed":true}}],"checkin":{{"psfs":[{{"activity":"Putting on socks","score":{socks}}},{{"activity":"Getting out of the car","score":{car}}}]}}}}}}"#
        ));
    }
    lines.push(ProgrammeEvent { date: day(17), change: Change::Ended }.to_line());
    fs::create_dir_all(home.data_dir()).expect("the data folder");
    fs::write(home.history(), lines.join("\n") + "\n").expect("a history");
    let report = stdout(&trunkrot(&home).arg("history").assert().success());
    let weeks = report.split("Sessions done in full of those due").nth(1).expect("the weeks' adherence");
    assert!(weeks.contains("(| marks 70%)"), "{weeks}");
    assert!(weeks.contains("  week  1 of 6  Mon 3 Mar 2025   ████████████████████  28 of 28 (100%)"), "{weeks}");
    // Week 2: due 4 a day for 6 days (the 16th skipped: 4 excused): 5 full of 24.
    assert!(
        weeks.contains(
            "████··········|·····  5 of 24 (20%), 1 partly done (50% of their holds done), 1 day skipped, 18 missed"
        ),
        "{weeks}"
    );
    assert!(weeks.contains("in all: 33 of 52 (63%)"), "{weeks}");
    // At 80 columns, the weeks' long lines wrap at their words.
    assert!(weeks.lines().any(|line| line.chars().count() > 80), "a long line to wrap: {weeks}");
    let narrow = stdout(&trunkrot(&home).arg("history").env("COLUMNS", "80").assert().success());
    assert!(narrow.lines().all(|line| line.chars().count() <= 80), "{narrow}");
    let words = |text: &str| text.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(words(&narrow), words(&report), "the same words, wrapped");
    assert!(report.contains("  Putting on socks: 3 (3 Mar) → 6 (10 Mar)\n"), "{report}");
    assert!(report.contains("  Getting out of the car: 2 (3 Mar) → 5 (10 Mar)\n"), "{report}");
    assert!(report.contains("mean of the activities, first week to latest: +3.0, a change that counts"), "{report}");
}

#[test]
fn after_a_session_told_to_stop_today_says_so_first_and_asks_for_no_session_until_another() {
    let home = Home::new();
    trunkrot(&home).args(["programme", "install"]).arg(quick_example(&home)).assert().success();
    session(&home);
    // That session's check-in said pain 7, the example programme's line.
    answer_last(&home, r#""checkin":{"pain":7},"#);
    let told = stdout(&trunkrot(&home).arg("today").assert().code(0));
    assert!(told.starts_with("After your last session, on "), "{told}");
    assert!(told.contains(": Stop: pain 7 of 10 reaches your programme's limit of 7."), "{told}");
    assert!(told.contains("Stop, and call the clinic before the next session."), "{told}");
    assert!(!told.contains("`trunkrot` starts"), "no session is asked for: {told}");
    assert!(told.contains("3 sessions left, to start only once you have spoken to whoever prescribed them."), "{told}");
    trunkrot(&home).args(["today", "--prompt"]).assert().code(0).stdout("");
    // A step is not taken while it stands, and a session says it as it starts.
    trunkrot(&home).args(["programme", "accept"]).assert().code(1).stdout(contains("was told to stop"));
    let next = trunkrot(&home)
        .env("COLUMNS", "80")
        .args(["--plain", "--get-ready", "0", "--transition", "0"])
        .assert()
        .success();
    let said = support::home::stderr(&next);
    assert!(said.contains("trunkrot: Your last session, on "), "{said}");
    // Wrapped at its words to the terminal's width.
    assert!(said.lines().all(|line| line.chars().count() <= 80), "{said}");
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(said.contains(", was told to stop and get in touch first."), "{said}");
    // That later session had no such answer: the day is asked for again.
    let again = stdout(&trunkrot(&home).arg("today").assert().code(1));
    assert!(!again.contains("After your last session"), "{again}");
    // Installed again (as after speaking to the physiotherapist), a stop before it is gone.
    answer_last(&home, r#""checkin":{"pain":7},"#);
    assert!(stdout(&trunkrot(&home).arg("today").assert().code(0)).starts_with("After your last session"));
    trunkrot(&home).args(["programme", "install"]).arg(quick_example(&home)).assert().success();
    assert!(!stdout(&trunkrot(&home).arg("today").assert().code(1)).contains("After your last session"));
}

/// Puts `answers` (`"checkin":{...},`) into the history's last session line, as its check-in.
fn answer_last(home: &Home, answers: &str) {
    let history = fs::read_to_string(home.history()).expect("the history");
    let last = history.lines().last().expect("the session's line");
    let answered = last.replacen(r#""exercises":"#, &format!("{answers}\"exercises\":"), 1);
    assert_ne!(answered, last, "{last}");
    fs::write(home.history(), history.replace(last, &answered)).expect("the history rewritten");
}

/// A session of `item` a moment ago, as the history keeps it: run to its end with `skipped` of
/// its two holds skipped (one a side), for that item.
fn session_now(item: &str, exercise: &str, skipped: u32) -> String {
    let start = jiff::Timestamp::now().checked_sub(jiff::SignedDuration::from_secs(1)).expect("a moment ago");
    let start = start.strftime("%Y-%m-%dT%H:%M:%S+00:00");
    let done = 2 - skipped;
    format!(
        r#"{{"v":3,"session":{{"id":"x{item}{skipped}","start":"{start}","end":"reached","elapsed_secs":9,"active_secs":9,"exercises":[{{"id":"{exercise}","name":"{exercise}","reps":1,"sets":1,"hold_secs":1,"sides":[{{"done":{done},"planned":2}}],"active_secs":9,"completed":{},"skipped":{skipped}}}],"item":{{"id":"{item}","holds":2}}}}}}"#,
        skipped == 0
    )
}

#[test]
fn a_session_with_holds_skipped_is_partly_done_on_the_done_screen_as_in_today_and_never_all_done() {
    let home = Home::new();
    trunkrot(&home).args(["programme", "install"]).arg(quick_example(&home)).assert().success();
    let mut history = fs::read_to_string(home.history()).expect("the programme installed");
    history.push_str(&(session_now("lower-trunk-rotation", "lower-trunk-rotation", 1) + "\n"));
    fs::write(home.history(), &history).expect("the history");
    // The second rotation of the day, in full: one done of four, and one partly.
    let second = session(&home);
    assert!(second.starts_with("Today 2 of 4\nLower trunk rotation"), "{second}");
    assert!(second.contains("\nToday 1 of 4 done, 1 partly done\n"), "{second}");
    let today = stdout(&trunkrot(&home).arg("today").assert().code(1));
    assert!(today.contains("  Lower trunk rotation  1 of 2 done, 1 partly done\n"), "{today}");
    // The other two partly done: nothing left, but not all done.
    let mut history = fs::read_to_string(home.history()).expect("the history");
    for item in ["pelvic-tilt", "knee-to-chest"] {
        history.push_str(&(session_now(item, item, 1) + "\n"));
    }
    fs::write(home.history(), &history).expect("the history");
    let today = stdout(&trunkrot(&home).arg("today").assert().code(0));
    assert!(today.contains("Nothing left for today: 1 of 4 done in full."), "{today}");
    assert!(!today.contains("All done"), "{today}");
    // One more rotation, in full: done in full, it takes the place of the one partly done, and
    // makes no other item's session done; the done screen says what `today` says.
    let more = session(&home);
    assert!(more.starts_with("Today 1 of 4 done, 3 partly done: this one is more\n"), "{more}");
    assert!(more.contains("\nToday 2 of 4 done, 2 partly done\n"), "{more}");
    let today = stdout(&trunkrot(&home).arg("today").assert().code(0));
    assert!(today.contains("  Lower trunk rotation  done, 1 more than due\n"), "{today}");
    assert!(today.contains("Nothing left for today: 2 of 4 done in full."), "{today}");
}
