//! Every text command wraps to the width it is given (`COLUMNS`, else the terminal's, else
//! 80): at 80 and at 60 columns no line is wider, and no word is broken across lines (every
//! word is one the command says at 1000 columns).

use std::collections::HashSet;

use trunkrot::domain::width::columns;

mod support;

use support::home::{Home, trunkrot};

/// What the command prints at `width` columns; it must succeed (`today` may say, with its
/// status 1, that sessions are left).
fn at(home: &Home, args: &[&str], width: usize) -> String {
    let output = trunkrot(home).env("COLUMNS", width.to_string()).args(args).output().expect("runs");
    let left_today = args == ["today"] && output.status.code() == Some(1);
    assert!(output.status.success() || left_today, "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The words of `text`; a run of drawing characters (a chart's axis, a figure) is no word.
fn words(text: &str) -> HashSet<String> {
    let drawing = |c: char| matches!(c, '\u{2500}'..='\u{259f}' | '·');
    text.split_whitespace().filter(|word| !word.chars().all(drawing)).map(str::to_owned).collect()
}

fn wraps_whole(home: &Home, args: &[&str]) {
    let wide = words(&at(home, args, 1000));
    for width in [80, 60] {
        let text = at(home, args, width);
        for line in text.lines() {
            assert!(columns(line) <= width, "{args:?} at {width}: a line of {}:\n{line}\n\n{text}", columns(line));
        }
        let broken: Vec<String> = words(&text).difference(&wide).cloned().collect();
        assert!(broken.is_empty(), "{args:?} at {width}: broken words {broken:?} in:\n{text}");
    }
}

#[test]
fn help_list_show_plan_config_and_check_wrap_at_their_words() {
    let home = Home::new().with("exercises/mine.toml", include_str!("valid_configs/minimal.toml"));
    for args in [
        &["-h"][..],
        &["--help"],
        &["history", "--help"],
        &["list"],
        &["show"],
        &["show", "knee-to-chest"],
        &["show", "low-back"],
        &["plan"],
        &["plan", "--routine", "low-back"],
        &["config"],
        &["check", "lower-trunk-rotation", "mine"],
    ] {
        wraps_whole(&home, args);
    }
}

#[test]
fn the_summary_the_advice_and_the_history_wrap_at_their_words() {
    let home = Home::new();
    // A few short sessions, so there is a history with a table and charts, and advice.
    for _ in 0..3 {
        at(&home, &["--reps", "1", "--hold", "1", "--get-ready", "0", "--transition", "0", "--plain"], 1000);
    }
    wraps_whole(&home, &["--reps", "1", "--hold", "1", "--get-ready", "0", "--transition", "0", "--plain"]);
    wraps_whole(&home, &["history"]);
    let table = at(&home, &["history"], 80);
    assert!(table.contains("Pain after"), "the pain chart is there to be measured: {table}");
    let header = table.lines().find(|line| line.starts_with("When")).expect("the table's header");
    assert!(header.contains("Pain") && header.ends_with("Felt"), "Pain and Felt on the row at 80: {header}");
}

#[test]
fn the_programme_and_today_wrap_at_their_words() {
    let home = Home::new();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/exercises/programmes/low-back-6-weeks.toml");
    at(&home, &["programme", "install", example], 1000);
    at(&home, &["--reps", "1", "--hold", "1", "--get-ready", "0", "--transition", "0", "--plain"], 1000);
    for args in [&["programme"][..], &["today"]] {
        wraps_whole(&home, args);
    }
    let programme = at(&home, &["programme"], 1000);
    assert!(programme.lines().any(|line| columns(line) > 80), "a long line to wrap is there: {programme}");
}

#[test]
fn the_advice_to_ease_off_wraps_at_its_words() {
    let home = Home::new();
    std::fs::create_dir_all(home.data_dir()).expect("a data folder");
    // Pain up from 2 to 6 over the last days: the advice is to ease off.
    let day = |day: u32, pain: u32| {
        format!(
            r#"{{"v":1,"start":"2026-01-{day:02}T08:00:00+01:00","exercise":"lower-trunk-rotation","name":"Lower trunk rotation","completed":true,"reps":1,"hold_secs":1,"sides":[{{"side":"left","done":1,"planned":1}},{{"side":"right","done":1,"planned":1}}],"total_secs":2,"active_secs":2,"pain":{pain}}}"#
        ) + "\n"
    };
    std::fs::write(home.data_dir().join("history.jsonl"), day(10, 2) + &day(11, 2) + &day(12, 6)).expect("written");
    // A session run here would add one without a pain answer, after which the rise is not told
    // again; `show` gives the same advice from the history as it stands.
    let said = at(&home, &["show"], 60);
    assert!(said.contains("Ease off: pain went up from 2 to 6."), "the advice is there to be measured: {said}");
    wraps_whole(&home, &["show"]);
}

#[test]
fn the_keys_in_help_go_on_under_their_description_not_under_the_keys() {
    let home = Home::new();
    for width in [80, 60] {
        let help = at(&home, &["--help"], width);
        let keys = help.split("Keys during a session:\n").nth(1).expect("the keys");
        let lines: Vec<&str> = keys.lines().take_while(|line| !line.starts_with("The check-in")).collect();
        let column = lines[0].find("pause").expect("Space's description");
        let wrapped: Vec<&&str> = lines.iter().filter(|line| line.starts_with(&" ".repeat(column))).collect();
        assert!(!wrapped.is_empty(), "at {width} a description goes on: {keys}");
        for line in &lines {
            let indent = line.len() - line.trim_start().len();
            assert!(indent == 2 || indent == column, "at {width}: {line:?} stands under neither keys nor words");
        }
    }
}
