use std::fmt::Write as _;

use jiff::civil::date;

use super::*;

/// A session line on `day` of `item` (none: no item), done in full or not, with a PSFS answer
/// or not, padded to about `pad` bytes.
fn session(day: Date, item: Option<&str>, completed: bool, psfs: bool, pad: usize) -> String {
    let item = item.map_or(String::new(), |id| format!(r#","item":{{"id":"{id}","holds":2}}"#));
    let psfs = if psfs { r#","checkin":{"psfs":[{"activity":"Socks","score":4}]}"# } else { "" };
    let note = "x".repeat(pad);
    format!(
        r#"{{"v":3,"session":{{"id":"{day}{note}","start":"{day}T08:00:00+00:00","end":"{}","elapsed_secs":6,"active_secs":6,"exercises":[{{"id":"pelvic-tilt","name":"Pelvic tilt","reps":1,"sets":1,"hold_secs":1,"sides":[{{"done":{},"planned":2}}],"active_secs":6,"completed":{completed}}}]{psfs}{item}}}}}"#,
        if completed { "reached" } else { "stopped" },
        if completed { 2 } else { 1 },
    )
}

#[test]
fn the_end_of_the_history_is_read_back_far_enough_and_no_further_than_the_day_asked() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("history.jsonl");
    let mut text = String::new();
    // 2,000 days of old sessions of about 1 KiB each: far more than the first 64 KiB read.
    for back in (10..2010).rev() {
        let day = add_days(date(2026, 12, 7), -back);
        let _ = writeln!(text, "{}", session(day, Some("tilt"), true, back == 500, 900));
    }
    // The week: Monday done, Tuesday skipped, Wednesday stopped early with the PSFS given.
    let _ = writeln!(text, "{}", session(date(2026, 11, 30), Some("tilt"), true, false, 900));
    let _ = writeln!(text, "{}", SkippedDay::new(date(2026, 12, 1), "travel").to_line());
    for _ in 0..100 {
        let _ = writeln!(text, "{}", session(date(2026, 12, 2), None, true, false, 900));
    }
    let _ = writeln!(text, "{}", session(date(2026, 12, 2), Some("tilt"), false, true, 10));
    std::fs::write(&path, text).expect("written");
    let week = since(&path, date(2026, 11, 30)).expect("read");
    let days: Vec<(Date, bool)> = week.attempts.iter().map(|a| (a.date, a.completed)).collect();
    assert_eq!(days, [(date(2026, 11, 30), true), (date(2026, 12, 2), false)], "past the 100 sessions of no item");
    assert_eq!(week.skipped, [SkippedDay::new(date(2026, 12, 1), "travel")]);
    assert!(week.psfs_given);
    let today = since(&path, date(2026, 12, 3)).expect("read");
    assert_eq!(today, Tail::default(), "nothing since, and the old PSFS is not this week's");
    assert_eq!(since(&dir.path().join("none.jsonl"), date(2026, 12, 3)).expect("no file"), Tail::default());
}
