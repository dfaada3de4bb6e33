use std::time::{Duration, Instant};

use super::*;
use crate::domain::exercise;
use crate::domain::plan::{Overrides, Plan};
use crate::domain::session::Session;

/// A record of the default exercise started at `start` (RFC 3339 with offset).
pub(crate) fn record(start: &str) -> Record {
    Record {
        start: Started::parse(start).unwrap(),
        exercise: exercise::DEFAULT_ID.to_owned(),
        name: "Lower trunk rotation".to_owned(),
        completed: true,
        reps: 10,
        sets: 1,
        hold: Duration::from_secs(5),
        sides: vec![
            SideReps { side: Some(Side::Left), done: 10, planned: 10 },
            SideReps { side: Some(Side::Right), done: 9, planned: 10 },
        ],
        total: Duration::from_secs(200),
        active: Duration::from_secs(190),
        checkin: Checkin { pain: Pain::new(3), effort: Some(Effort::Right) },
        routine: None,
        session: None,
        skipped: 0,
    }
}

#[test]
fn a_record_keeps_its_routine_and_old_lines_have_none() {
    let original = Record { routine: Some("low-back".to_owned()), ..record("2026-03-31T23:30:00+02:00") };
    let line = original.to_line();
    assert!(line.contains(r#""routine":"low-back""#), "{line}");
    assert_eq!(parse_line(line.as_bytes()), Ok(original));
    assert_eq!(parse_line(record("2026-03-31T23:30:00+02:00").to_line().as_bytes()).unwrap().routine, None);
}

#[test]
fn a_record_survives_its_line() {
    let original = record("2026-03-31T23:30:00+02:00");
    let line = original.to_line();
    assert!(!line.contains('\n'));
    assert!(line.starts_with(r#"{"v":2,"start":"2026-03-31T23:30:00+02:00","#), "{line}");
    assert_eq!(parse_line(line.as_bytes()), Ok(original.clone()));
    let skipped = Record { checkin: Checkin::default(), ..original };
    let line = skipped.to_line();
    assert!(!line.contains("pain") && !line.contains("effort"), "unanswered questions are left out: {line}");
    assert_eq!(parse_line(line.as_bytes()), Ok(skipped));
}

/// A version 1 line exactly as the first release writes it. It must stay readable forever.
const VERSION_1: &str = r#"{"v":1,"start":"2026-11-25T09:05:00-05:00","exercise":"lower-trunk-rotation","name":"Lower trunk rotation","completed":false,"reps":10,"sets":1,"hold_secs":5,"sides":[{"side":"left","done":3,"planned":10},{"side":"right","done":2,"planned":10}],"total_secs":75,"active_secs":60}"#;

#[test]
fn the_first_format_still_reads() {
    let record = parse_line(VERSION_1.as_bytes()).unwrap();
    assert_eq!(record.start.date(), jiff::civil::date(2026, 11, 25));
    assert_eq!(record.start.to_string(), "2026-11-25T09:05:00-05:00");
    assert!(!record.completed);
    let sides: Vec<(Option<Side>, u32, u32)> = record.sides.iter().map(|s| (s.side, s.done, s.planned)).collect();
    assert_eq!(sides, [(Some(Side::Left), 3, 10), (Some(Side::Right), 2, 10)]);
    assert_eq!((record.done(), record.planned()), (5, 20));
    assert_eq!(record.checkin, Checkin::default());
}

#[test]
fn fields_a_later_version_adds_are_ignored_but_a_newer_format_is_not_guessed_at() {
    let extra = VERSION_1.replacen(r#""v":1,"#, r#""v":1,"mood":"fine","#, 1);
    assert!(parse_line(extra.as_bytes()).is_ok());
    let newer = VERSION_1.replacen(r#""v":1,"#, r#""v":3,"#, 1);
    assert_eq!(
        parse_line(newer.as_bytes()).unwrap_err(),
        "written by a newer trunkrot (format 3; this one reads up to 2)"
    );
}

#[test]
fn damaged_lines_are_skipped_with_their_line_number_and_the_rest_still_read() {
    let good = record("2026-03-01T08:00:00Z").to_line();
    let half = &good[..good.len() / 2];
    let file = format!(
        "{good}\n{half}\n\nnot json\n{}\n{good}\n{}\n\u{ff}\n{good}",
        VERSION_1.replace("\"sides\"", "\"sidez\""),
        good.replace(r#""pain":3"#, r#""pain":12"#)
    );
    let mut bytes = file.into_bytes();
    let bad_utf8 = bytes.iter().position(|b| *b == 0xc3).unwrap();
    bytes[bad_utf8 + 1] = 0xff;
    let history = read(&bytes);
    assert_eq!(history.records.len(), 3);
    let lines: Vec<usize> = history.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, vec![2, 4, 5, 7, 8]);
    let shown: Vec<String> = history.skipped.iter().map(ToString::to_string).collect();
    assert!(shown[0].starts_with("history.jsonl:2: skipped: EOF while parsing"), "{shown:?}");
    assert_eq!(shown[1], "history.jsonl:4: skipped: expected ident (column 2)");
    assert!(shown[2].starts_with("history.jsonl:5: skipped: missing field `sides`"), "{shown:?}");
    assert_eq!(shown[3], "history.jsonl:7: skipped: pain 12 is not in 0..=10");
}

#[test]
fn hostile_text_in_the_file_never_reaches_the_terminal() {
    let line = VERSION_1.replace("Lower trunk rotation", "Evil\\u001b]2;owned\\u0007 name");
    assert!(!parse_line(line.as_bytes()).unwrap().name.chars().any(char::is_control));
    let reason = parse_line(br#"{"v":1,"start":"2026\u001b[2J"}"#).unwrap_err();
    assert!(!reason.chars().any(char::is_control), "{reason:?}");
}

#[test]
fn a_start_needs_an_offset() {
    assert!(Started::parse("2026-03-31T23:30:00").unwrap_err().contains("no UTC offset"));
    assert!(Started::parse("yesterday").is_err());
    let utc = Started::parse("2026-03-31T21:30:00Z").unwrap();
    let paris = Started::parse("2026-03-31T23:30:00+02:00").unwrap();
    assert_eq!(utc.at, paris.at, "the same instant");
    assert_eq!(paris.to_string(), "2026-03-31T23:30:00+02:00");
}

#[test]
fn a_started_time_keeps_the_local_offset_and_drops_the_fraction() {
    let zoned: jiff::ZonedDateTime = "2026-07-01T06:15:09.75+09:30[Australia/Darwin]".parse().unwrap();
    let started = Started::from_zoned(&zoned);
    assert_eq!(started.to_string(), "2026-07-01T06:15:09+09:30");
    assert_eq!(started.date(), jiff::civil::date(2026, 7, 1));
}

#[test]
fn a_session_leaves_a_record_only_when_a_hold_was_done() {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
    let overrides = Overrides { reps: Some(2), ..Overrides::default() };
    let plan = Plan::new(exercise, &overrides);
    let t0 = Instant::now();
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let mut early = Session::start(plan.clone(), t0);
    early.apply(crate::domain::session::Command::Stop, t0 + Duration::from_secs(3));
    assert_eq!(records(&early.summary(t0), &plan, start, "s1"), vec![]);

    let mut done = Session::start(plan.clone(), t0);
    let end = t0 + plan.total();
    done.tick(end);
    let saved = records(&done.summary(end), &plan, start, "s1");
    assert_eq!(saved.len(), 1);
    let record = &saved[0];
    assert_eq!((record.reps, record.sets, record.completed, record.done()), (2, 1, true, 4));
    assert_eq!((record.checkin, record.session.as_deref(), record.skipped), (Checkin::default(), Some("s1"), 0));
    assert_eq!(record.total, plan.total());
}

#[test]
fn skipping_every_hold_leaves_no_record_and_skipping_some_says_how_many() {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
    let plan = Plan::new(exercise, &Overrides { reps: Some(2), ..Overrides::default() });
    let t0 = Instant::now();
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let skip = crate::domain::session::Command::Skip;
    let mut none = Session::start(plan.clone(), t0);
    while !none.is_finished() {
        none.apply(skip, t0 + Duration::from_secs(1));
    }
    assert_eq!(records(&none.summary(t0), &plan, start, "s"), vec![], "nothing done, nothing recorded");

    let mut some = Session::start(plan.clone(), t0);
    let mut at = t0;
    let mut holds = 0;
    while let crate::domain::session::State::Running { index, ends_at } = some.state() {
        let hold = some.plan().phases[index].kind == crate::domain::plan::PhaseKind::Hold;
        holds += usize::from(hold);
        if hold && holds == 2 {
            some.apply(skip, at);
        } else {
            at = ends_at;
            some.tick(at);
        }
    }
    let saved = records(&some.summary(at), &plan, start, "s");
    assert_eq!((saved[0].completed, saved[0].skipped, saved[0].done()), (false, 1, 3));
    let line = saved[0].to_line();
    assert!(line.contains(r#""skipped":1"#) && line.contains(r#""v":2"#), "{line}");
    assert_eq!(parse_line(line.as_bytes()).unwrap(), saved[0]);
}

#[test]
fn amendments_give_later_answers_to_every_record_of_their_session() {
    let tagged = |session: &str, exercise: &str| Record {
        session: Some(session.to_owned()),
        exercise: exercise.to_owned(),
        checkin: Checkin::default(),
        ..record("2026-03-01T08:00:00Z")
    };
    let first = Amendment { session: "a".to_owned(), checkin: Checkin { pain: Pain::new(4), effort: None } };
    let last =
        Amendment { session: "a".to_owned(), checkin: Checkin { pain: Pain::new(4), effort: Some(Effort::Hard) } };
    let lines = [
        tagged("a", "one").to_line(),
        tagged("a", "two").to_line(),
        tagged("b", "one").to_line(),
        first.to_line(),
        last.to_line(),
        Amendment { session: "nobody".to_owned(), checkin: first.checkin }.to_line(),
    ];
    assert_eq!(lines[4], r#"{"v":2,"amends":"a","pain":4,"effort":"hard"}"#);
    let history = read(lines.join("\n").as_bytes());
    assert_eq!(history.skipped, vec![]);
    let answers: Vec<(&str, Checkin)> = history.records.iter().map(|r| (r.exercise.as_str(), r.checkin)).collect();
    assert_eq!(answers, [("one", last.checkin), ("two", last.checkin), ("one", Checkin::default())]);
    assert_eq!(parse_entry(lines[3].as_bytes()), Ok(Entry::Amendment(first)));
    let bad = r#"{"v":2,"amends":"a","pain":11}"#;
    assert!(parse_entry(bad.as_bytes()).is_err());
    let newer = r#"{"v":3,"amends":"a"}"#;
    assert!(parse_entry(newer.as_bytes()).is_err());
}

#[test]
fn sums_of_a_hand_edited_line_never_overflow() {
    let line = VERSION_1.replace(r#""done":3"#, r#""done":4294967295"#);
    assert_eq!(parse_line(line.as_bytes()).unwrap().done(), u32::MAX);
}

#[test]
fn a_routine_stopped_in_its_second_exercise_records_each_with_its_own_time() {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
    let short = Overrides {
        reps: Some(1),
        hold: Some(Duration::from_secs(3)),
        get_ready: Some(Duration::from_secs(4)),
        transition: Some(Duration::ZERO),
        ..Overrides::default()
    };
    let mut plan = Plan::routine(vec![(exercise.clone(), short.clone()), (exercise, short)], Duration::from_secs(20));
    plan.routine = Some("pair".to_owned());
    let t0 = Instant::now();
    let mut session = Session::start(plan.clone(), t0);
    // 4 s get ready and two 3 s holds; then 20 s rest and the second exercise's first hold.
    session.tick(t0 + Duration::from_secs(4 + 6 + 20 + 3));
    session.apply(crate::domain::session::Command::Stop, t0 + Duration::from_secs(4 + 6 + 20 + 3));
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let saved = records(&session.summary(t0), &plan, start, "s");
    let summary: Vec<(bool, u64, Option<&str>)> =
        saved.iter().map(|r| (r.completed, r.active.as_secs(), r.routine.as_deref())).collect();
    assert_eq!(summary, [(true, 10, Some("pair")), (false, 23, Some("pair"))]);
}

#[test]
fn a_line_too_long_to_be_a_record_is_skipped_without_being_held_and_the_next_is_read() {
    let good = record("2026-03-31T23:30:00+02:00").to_line();
    let text = format!("{good}\n{}\n{good}\n{}", "x".repeat(MAX_LINE_BYTES * 3), "y".repeat(MAX_LINE_BYTES + 1));
    let history = read(text.as_bytes());
    assert_eq!(history.records.len(), 2);
    let lines: Vec<usize> = history.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [2, 4]);
    assert_eq!(history.skipped[0].to_string(), "history.jsonl:2: skipped: longer than 64 KiB, so not a record");
}

#[test]
fn a_record_appended_straight_after_a_line_cut_short_is_still_read() {
    let good = record("2026-03-31T23:30:00+02:00").to_line();
    let torn = &good[..good.len() / 2];
    let history = read(format!("{good}\n{torn}{good}\n{torn}\n").as_bytes());
    assert_eq!(history.records.len(), 2, "{:?}", history.skipped);
    assert_eq!(history.skipped.len(), 1);
    assert_eq!(history.skipped[0].line, 3);
}

#[test]
fn a_read_in_one_pass_still_gives_amendments_to_records_as_far_back_as_they_reach() {
    let tagged = |n: usize| Record { session: Some(format!("s{n}")), ..record("2026-03-31T23:30:00+02:00") };
    let total = 3 * AMENDMENT_REACH + 7;
    let mut lines: Vec<String> = (0..total).map(|n| tagged(n).to_line()).collect();
    let answer = Checkin { pain: Pain::new(6), effort: Some(Effort::Easy) };
    for back in [1, AMENDMENT_REACH, AMENDMENT_REACH + 1] {
        lines.push(Amendment { session: format!("s{}", total - back), checkin: answer }.to_line());
    }
    let history = read((lines.join("\n") + "\n").as_bytes());
    assert_eq!(history.records.len(), total);
    let answered: Vec<usize> =
        (0..total).filter(|&n| history.records[n].checkin == answer).map(|n| total - n).collect();
    assert_eq!(answered, [AMENDMENT_REACH, 1], "the last {AMENDMENT_REACH} records are reached, no further");
}
