use std::time::{Duration, Instant};

use super::*;
use crate::domain::checkin::{Effort, Hurt, Note, Pain, Psfs};
use crate::domain::exercise;
use crate::domain::plan::{Overrides, Plan};
use crate::domain::session::Session;
use crate::domain::side::Side;

/// One exercise as a session of the default exercise records it: 10 reps a side, one missed.
pub(crate) fn exercise_record() -> ExerciseRecord {
    ExerciseRecord {
        id: exercise::DEFAULT_ID.to_owned(),
        name: "Lower trunk rotation".to_owned(),
        reps: 10,
        sets: 1,
        hold: Duration::from_secs(5),
        sides: vec![
            SideReps { side: Some(Side::Left), done: 10, planned: 10 },
            SideReps { side: Some(Side::Right), done: 9, planned: 10 },
        ],
        active: Duration::from_secs(190),
        completed: true,
        skipped: 0,
    }
}

/// A session of the default exercise started at `start` (RFC 3339 with offset), that reached
/// its end, with pain 3 and "about right".
pub(crate) fn record(start: &str) -> Record {
    Record {
        id: Some(format!("id-{start}")),
        start: Started::parse(start).unwrap(),
        routine: None,
        exercises: vec![exercise_record()],
        end: End::Reached,
        elapsed: Duration::from_secs(200),
        active: Duration::from_secs(190),
        checkin: Checkin { pain: Pain::new(3), effort: Some(Effort::AboutRight), ..Checkin::default() },
        item: None,
    }
}

/// Parses a line that must be a session of format 3 or an old line.
fn parse_line(line: &[u8]) -> Result<Record, String> {
    match parse_entry(line)? {
        Entry::Session(record) | Entry::Exercise(record) => Ok(record),
        Entry::Amendment(_) => Err("an amendment".to_owned()),
        Entry::Skip(_) | Entry::Programme(_) => Err("a programme's line".to_owned()),
    }
}

#[test]
fn a_session_keeps_its_routine_and_old_lines_have_none() {
    let original = Record { routine: Some("low-back".to_owned()), ..record("2026-03-31T23:30:00+02:00") };
    let line = original.to_line();
    assert!(line.contains(r#""routine":"low-back""#), "{line}");
    assert_eq!(parse_line(line.as_bytes()), Ok(original));
    assert_eq!(parse_line(VERSION_1.as_bytes()).unwrap().routine, None);
}

#[test]
fn a_session_survives_its_line_with_every_answer() {
    let mut original = record("2026-03-31T23:30:00+02:00");
    original.end = End::Stopped(Some(Why::Pain));
    original.checkin = Checkin {
        pain_before: Pain::new(2),
        pain: Pain::new(10),
        hurt: Some(Hurt::Left),
        spread: Some(true),
        effort: Some(Effort::Hard),
        note: Note::new("sharp \"twinge\", then fine"),
        psfs: vec![Psfs { activity: "Putting on socks".into(), score: 4 }],
    };
    original.item = Some(ItemDone { id: "rot".into(), holds: 20 });
    let line = original.to_line();
    assert!(!line.contains('\n'));
    assert!(
        line.starts_with(
            r#"{"v":3,"session":{"id":"id-2026-03-31T23:30:00+02:00","start":"2026-03-31T23:30:00+02:00","#
        ),
        "{line}"
    );
    assert!(line.contains(r#""end":"stopped","why":"pain""#), "{line}");
    assert!(line.contains(r#""checkin":{"pain_before":2,"pain":10,"hurt":"left","spread":true,"effort":"hard","note":"sharp \"twinge\", then fine","psfs":[{"activity":"Putting on socks","score":4}]}"#), "{line}");
    assert!(line.ends_with(r#""item":{"id":"rot","holds":20}}}"#), "{line}");
    assert_eq!(parse_line(line.as_bytes()), Ok(original.clone()));
    let skipped = Record { checkin: Checkin::default(), end: End::Reached, item: None, ..original };
    let line = skipped.to_line();
    assert!(!line.contains("checkin") && !line.contains("why"), "unanswered questions are left out: {line}");
    assert_eq!(parse_line(line.as_bytes()), Ok(skipped));
}

/// A version 1 line exactly as the first release writes it. It must stay readable forever.
const VERSION_1: &str = r#"{"v":1,"start":"2026-11-25T09:05:00-05:00","exercise":"lower-trunk-rotation","name":"Lower trunk rotation","completed":false,"reps":10,"sets":1,"hold_secs":5,"sides":[{"side":"left","done":3,"planned":10},{"side":"right","done":2,"planned":10}],"total_secs":75,"active_secs":60}"#;

/// A version 2 routine of two exercises as that release writes it, then its answers.
const VERSION_2: [&str; 3] = [
    r#"{"v":2,"start":"2026-11-26T07:00:00+01:00","exercise":"pelvic-tilt","name":"Pelvic tilt","completed":true,"reps":8,"sets":1,"hold_secs":5,"sides":[{"done":8,"planned":8}],"total_secs":60,"active_secs":60,"routine":"low-back","session":"s2"}"#,
    r#"{"v":2,"start":"2026-11-26T07:00:00+01:00","exercise":"lower-trunk-rotation","name":"Lower trunk rotation","completed":false,"reps":10,"sets":1,"hold_secs":5,"sides":[{"side":"left","done":10,"planned":10},{"side":"right","done":8,"planned":10}],"total_secs":190,"active_secs":190,"routine":"low-back","session":"s2","skipped":2}"#,
    r#"{"v":2,"amends":"s2","pain":4,"effort":"right"}"#,
];

#[test]
fn the_first_format_still_reads() {
    let record = parse_line(VERSION_1.as_bytes()).unwrap();
    assert_eq!(record.start.date(), jiff::civil::date(2026, 11, 25));
    assert_eq!(record.start.to_string(), "2026-11-25T09:05:00-05:00");
    assert_eq!(record.end, End::Stopped(None), "not completed, nothing skipped: stopped early");
    let exercise = &record.exercises[0];
    assert!(!exercise.completed);
    let sides: Vec<(Option<Side>, u32, u32)> = exercise.sides.iter().map(|s| (s.side, s.done, s.planned)).collect();
    assert_eq!(sides, [(Some(Side::Left), 3, 10), (Some(Side::Right), 2, 10)]);
    assert_eq!((record.done(), record.planned()), (5, 20));
    assert_eq!((record.elapsed.as_secs(), record.active.as_secs()), (75, 60));
    assert_eq!(record.checkin, Checkin::default());
    assert_eq!(record.id, None);
}

#[test]
fn a_routine_of_the_second_format_reads_as_one_session_with_its_one_check_in() {
    let history = read(VERSION_2.join("\n").as_bytes());
    assert_eq!(history.skipped, vec![]);
    assert_eq!(history.records.len(), 1, "{:?}", history.records);
    let session = &history.records[0];
    assert_eq!(session.id.as_deref(), Some("s2"));
    let ids: Vec<&str> = session.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["pelvic-tilt", "lower-trunk-rotation"]);
    assert_eq!(session.end, End::Reached, "it reached its end with 2 holds skipped");
    assert_eq!((session.elapsed.as_secs(), session.active.as_secs()), (250, 250));
    assert_eq!(session.checkin, Checkin { pain: Pain::new(4), effort: Some(Effort::AboutRight), ..Checkin::default() });
}

#[test]
fn first_format_lines_join_by_routine_and_start_and_lone_ones_stay_apart() {
    let routine = |exercise: &str| {
        VERSION_1
            .replace(r#""completed":false"#, r#""completed":true,"routine":"r""#)
            .replace(r#""exercise":"lower-trunk-rotation""#, &format!(r#""exercise":"{exercise}""#))
    };
    let lines = [VERSION_1.to_owned(), VERSION_1.to_owned(), routine("a"), routine("b"), VERSION_1.to_owned()];
    let history = read(lines.join("\n").as_bytes());
    let shape: Vec<usize> = history.records.iter().map(|r| r.exercises.len()).collect();
    assert_eq!(shape, [1, 1, 2, 1], "the same start without a routine is two sessions");
    assert_eq!(history.records[2].end, End::Reached);
}

#[test]
fn fields_a_later_version_adds_are_ignored_but_a_newer_format_is_not_guessed_at() {
    let extra = VERSION_1.replacen(r#""v":1,"#, r#""v":1,"mood":"fine","#, 1);
    assert!(parse_line(extra.as_bytes()).is_ok());
    let line = record("2026-03-01T08:00:00Z").to_line().replacen(r#""end":"#, r#""weather":"rain","end":"#, 1);
    assert!(parse_line(line.as_bytes()).is_ok(), "{line}");
    let newer = VERSION_1.replacen(r#""v":1,"#, r#""v":4,"#, 1);
    assert_eq!(
        parse_line(newer.as_bytes()).unwrap_err(),
        "written by a newer trunkrot (format 4; this one reads up to 3)"
    );
    let spaced = VERSION_1.replacen(r#"{"v":1,"#, r#"{ "v" : 1 , "#, 1);
    assert!(parse_line(spaced.as_bytes()).is_ok(), "a hand-edited line's version is read too");
}

#[test]
fn a_kind_of_line_this_version_does_not_know_is_skipped_with_a_note() {
    let good = record("2026-03-01T08:00:00Z").to_line();
    let unknown = r#"{"v":3,"skipped_day":{"date":"2026-03-02","reason":"travel"}}"#;
    let history = read(format!("{good}\n{unknown}\n{good}\n").as_bytes());
    assert_eq!(history.records.len(), 2);
    assert_eq!(history.skipped.len(), 1);
    assert_eq!(history.skipped[0].line, 2);
    assert!(history.skipped[0].reason.contains("does not read"), "{}", history.skipped[0]);
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
    assert!(!parse_line(line.as_bytes()).unwrap().exercises[0].name.chars().any(char::is_control));
    let reason = parse_line(br#"{"v":1,"start":"2026\u001b[2J"}"#).unwrap_err();
    assert!(!reason.chars().any(char::is_control), "{reason:?}");
    let note = record("2026-03-01T08:00:00Z").to_line().replacen(r#""pain":3"#, r#""note":"a\u001b[2Jb","pain":3"#, 1);
    let read = parse_line(note.as_bytes()).unwrap();
    assert_eq!(read.checkin.note.map(|n| n.to_string()), Some("a[2Jb".to_owned()));
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
fn a_session_stopped_in_its_first_move_is_kept_with_no_hold_done() {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    let plan = Plan::new(exercise, &Overrides { reps: Some(2), ..Overrides::default() });
    let t0 = Instant::now();
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let get_ready = plan.phases[0].duration;
    let mut moving = Session::start(plan.clone(), t0);
    let stop_at = t0 + get_ready + Duration::from_secs(1);
    moving.tick(stop_at);
    moving.apply(crate::domain::session::Command::Stop, stop_at);
    let kept = super::record(&moving.summary(stop_at), &plan, start, "s1", End::Stopped(Some(Why::Pain)));
    let kept = kept.expect("a session stopped in its first move is kept");
    assert_eq!((kept.done(), kept.planned(), kept.stopped()), (0, 4, true));
    assert_eq!(kept.exercises[0].id, exercise::DEFAULT_ID);
    assert!(!kept.exercises[0].completed);

    let mut ready = Session::start(plan.clone(), t0);
    let still_getting_ready = t0 + get_ready / 2;
    ready.apply(crate::domain::session::Command::Stop, still_getting_ready);
    let summary = ready.summary(still_getting_ready);
    assert_eq!(super::record(&summary, &plan, start, "s1", End::Stopped(Some(Why::Pain))), None);
}

/// A routine of the trunk rotation twice, 1 rep of 3 s each: 4 s get ready and two 3 s holds,
/// then 20 s rest and the second's holds.
fn short_pair() -> Plan {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    let short = Overrides {
        reps: Some(1),
        hold: Some(Duration::from_secs(3)),
        get_ready: Some(Duration::from_secs(4)),
        transition: Some(Duration::ZERO),
        ..Overrides::default()
    };
    Plan::routine(vec![(exercise.clone(), short.clone()), (exercise, short)], Duration::from_secs(20))
}

#[test]
fn a_routine_stopped_in_an_exercise_begun_keeps_it_and_not_one_only_rested_before() {
    let plan = short_pair();
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let t0 = Instant::now();
    let kept = |stop: u64| {
        let mut session = Session::start(plan.clone(), t0);
        let at = t0 + Duration::from_secs(stop);
        session.tick(at);
        session.apply(crate::domain::session::Command::Stop, at);
        let record = super::record(&session.summary(at), &plan, start, "s", End::Stopped(Some(Why::Pain))).unwrap();
        record.exercises.iter().map(super::ExerciseRecord::done).collect::<Vec<u32>>()
    };
    // 4 s get ready and two 3 s holds; then 20 s rest and the second exercise's first hold.
    assert_eq!(kept(4 + 6 + 10), [2], "resting before the second, it is not begun");
    assert_eq!(kept(4 + 6 + 20 + 1), [2, 0], "stopped in its first hold, it is kept with none done");

    // Every hold of the first skipped, stopped in the second's first hold: the first is kept
    // with its holds skipped, the second with none done; gone Back into the first's last hold,
    // the first is kept, not the second, never reached again. Run to the end after skipping the
    // first whole, the routine is kept as not done in full.
    let tilt = crate::domain::exercise::built_in("pelvic-tilt").unwrap().unwrap();
    let short = Overrides::timing(4, 1, 3, 0);
    let pair = Plan::routine(
        vec![(exercise::without_return(exercise::DEFAULT_ID), short.clone()), (tilt, short)],
        Duration::from_secs(20),
    );
    let hold_of = |part: usize| {
        move |phase: &crate::domain::plan::Phase| {
            phase.part == part && phase.kind == crate::domain::plan::PhaseKind::Hold
        }
    };
    let mut skipping = Session::start(pair.clone(), t0);
    while skipping.phase().is_some_and(|phase| !hold_of(1)(phase)) {
        skipping.apply(crate::domain::session::Command::Skip, t0);
    }
    let mut back = skipping.clone();
    let mut to_the_end = skipping.clone();
    let at = t0 + Duration::from_secs(1);
    skipping.apply(crate::domain::session::Command::Stop, at);
    let record = super::record(&skipping.summary(at), &pair, start, "s", End::Stopped(None)).unwrap();
    let ids: Vec<&str> = record.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!((ids, record.done()), (vec![exercise::DEFAULT_ID, "pelvic-tilt"], 0));
    let skipped: Vec<u32> = record.exercises.iter().map(|e| e.skipped).collect();
    assert_eq!(skipped, [8, 0], "4 reps a side skipped; the hold stopped in is not skipped");
    let end = t0 + pair.total();
    to_the_end.tick(end);
    let record = super::record(&to_the_end.summary(end), &pair, start, "s", End::Reached).unwrap();
    assert_eq!((record.exercises.len(), record.completed(), record.done()), (2, false, 4), "{record:?}");
    while back.phase().is_some_and(|phase| !hold_of(0)(phase)) {
        back.apply(crate::domain::session::Command::Back, t0);
    }
    back.apply(crate::domain::session::Command::Stop, at);
    let record = super::record(&back.summary(at), &pair, start, "s", End::Stopped(None)).unwrap();
    let ids: Vec<&str> = record.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [exercise::DEFAULT_ID], "stopped in the first's hold, gone back to");
}

#[test]
fn a_session_leaves_a_record_only_when_a_hold_was_done_or_it_stopped_after_its_first_move() {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    let overrides = Overrides { reps: Some(2), ..Overrides::default() };
    let plan = Plan::new(exercise, &overrides);
    let t0 = Instant::now();
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let mut early = Session::start(plan.clone(), t0);
    early.apply(crate::domain::session::Command::Stop, t0 + Duration::from_secs(3));
    assert_eq!(super::record(&early.summary(t0), &plan, start, "s1", End::Stopped(None)), None);

    let mut done = Session::start(plan.clone(), t0);
    let end = t0 + plan.total();
    done.tick(end);
    let saved = super::record(&done.summary(end), &plan, start, "s1", End::Reached).unwrap();
    let exercise = &saved.exercises[0];
    assert_eq!((exercise.reps, exercise.sets, exercise.completed, saved.done()), (2, 1, true, 4));
    assert_eq!((saved.checkin.clone(), saved.id.as_deref(), exercise.skipped), (Checkin::default(), Some("s1"), 0));
    assert_eq!(saved.elapsed, plan.total());
    assert!(saved.completed());
}

#[test]
fn skipping_every_hold_leaves_no_record_and_skipping_some_says_how_many() {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    let plan = Plan::new(exercise, &Overrides { reps: Some(2), ..Overrides::default() });
    let t0 = Instant::now();
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let skip = crate::domain::session::Command::Skip;
    let mut none = Session::start(plan.clone(), t0);
    while !none.is_finished() {
        none.apply(skip, t0 + Duration::from_secs(1));
    }
    assert_eq!(
        super::record(&none.summary(t0), &plan, start, "s", End::Reached),
        None,
        "nothing done, nothing recorded"
    );

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
    let saved = super::record(&some.summary(at), &plan, start, "s", End::Reached).unwrap();
    let exercise = &saved.exercises[0];
    assert_eq!((exercise.completed, exercise.skipped, exercise.done()), (false, 1, 3));
    assert!(!saved.completed());
    let line = saved.to_line();
    assert!(line.contains(r#""skipped":1"#) && line.contains(r#""v":3"#), "{line}");
    assert_eq!(parse_line(line.as_bytes()).unwrap(), saved);
}

#[test]
fn a_session_stopped_after_skipping_holds_keeps_how_many_it_skipped() {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    let plan = Plan::new(exercise, &Overrides { reps: Some(2), ..Overrides::default() });
    let t0 = Instant::now();
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let mut session = Session::start(plan.clone(), t0);
    let hold = |session: &Session| session.phase().is_some_and(|p| p.kind == crate::domain::plan::PhaseKind::Hold);
    // Every hold skipped up to the last, and stopped in it once it has run a second.
    for _ in 0..3 {
        while !hold(&session) {
            session.apply(crate::domain::session::Command::Skip, t0);
        }
        session.apply(crate::domain::session::Command::Skip, t0);
    }
    while !hold(&session) {
        session.apply(crate::domain::session::Command::Skip, t0);
    }
    let at = t0 + Duration::from_secs(1);
    session.tick(at);
    session.apply(crate::domain::session::Command::Stop, at);
    let saved = super::record(&session.summary(at), &plan, start, "s", End::Stopped(None)).unwrap();
    let exercise = &saved.exercises[0];
    assert_eq!((exercise.completed, exercise.skipped, exercise.done()), (false, 3, 0));
    assert!(saved.to_line().contains(r#""skipped":3"#));
}

#[test]
fn amendments_give_later_answers_to_their_session_and_the_last_one_wins() {
    let tagged = |id: &str, end: End| Record {
        id: Some(id.to_owned()),
        end,
        checkin: Checkin::default(),
        ..record("2026-03-01T08:00:00Z")
    };
    let pain = Checkin { pain: Pain::new(4), ..Checkin::default() };
    let first = Amendment { session: "a".to_owned(), why: Some(Why::NoTime), checkin: pain.clone() };
    let last = Amendment {
        session: "a".to_owned(),
        why: Some(Why::Pain),
        checkin: Checkin { effort: Some(Effort::Hard), spread: Some(false), ..pain },
    };
    let lines = [
        tagged("a", End::Stopped(None)).to_line(),
        tagged("b", End::Reached).to_line(),
        first.to_line(),
        last.to_line(),
        Amendment { session: "b".to_owned(), why: Some(Why::Pain), checkin: first.checkin.clone() }.to_line(),
        Amendment { session: "nobody".to_owned(), why: None, checkin: first.checkin.clone() }.to_line(),
    ];
    assert_eq!(
        lines[3],
        r#"{"v":3,"amend":{"session":"a","why":"pain","checkin":{"pain":4,"spread":false,"effort":"hard"}}}"#
    );
    let history = read(lines.join("\n").as_bytes());
    assert_eq!(history.skipped, vec![]);
    let answers: Vec<(End, Checkin)> = history.records.iter().map(|r| (r.end, r.checkin.clone())).collect();
    assert_eq!(
        answers,
        [(End::Stopped(Some(Why::Pain)), last.checkin.clone()), (End::Reached, first.checkin.clone())],
        "a session that reached its end has no reason to stop"
    );
    assert_eq!(parse_entry(lines[2].as_bytes()), Ok(Entry::Amendment(first)));
    let bad = r#"{"v":3,"amend":{"session":"a","checkin":{"pain":11}}}"#;
    assert!(parse_entry(bad.as_bytes()).is_err());
    let newer = r#"{"v":4,"amend":{"session":"a"}}"#;
    assert!(parse_entry(newer.as_bytes()).is_err());
}

#[test]
fn sums_of_a_hand_edited_line_never_overflow() {
    let line = VERSION_1.replace(r#""done":3"#, r#""done":4294967295"#);
    assert_eq!(parse_line(line.as_bytes()).unwrap().done(), u32::MAX);
}

#[test]
fn a_routine_stopped_in_its_second_exercise_is_one_session_each_exercise_with_its_own_time() {
    let mut plan = short_pair();
    plan.routine = Some("pair".to_owned());
    let t0 = Instant::now();
    let mut session = Session::start(plan.clone(), t0);
    // 4 s get ready and two 3 s holds; then 20 s rest and the second exercise's first hold.
    session.tick(t0 + Duration::from_secs(4 + 6 + 20 + 3));
    session.apply(crate::domain::session::Command::Stop, t0 + Duration::from_secs(4 + 6 + 20 + 3));
    let start = Started::parse("2026-01-01T10:00:00+01:00").unwrap();
    let saved = super::record(&session.summary(t0), &plan, start, "s", End::Stopped(None)).unwrap();
    let each: Vec<(bool, u64)> = saved.exercises.iter().map(|e| (e.completed, e.active.as_secs())).collect();
    assert_eq!(each, [(true, 10), (false, 23)]);
    assert_eq!((saved.routine.as_deref(), saved.elapsed.as_secs()), (Some("pair"), 33));
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
fn a_read_in_one_pass_still_gives_amendments_to_sessions_as_far_back_as_they_reach() {
    let tagged = |n: usize| Record { id: Some(format!("s{n}")), ..record("2026-03-31T23:30:00+02:00") };
    let total = 3 * AMENDMENT_REACH + 7;
    let mut lines: Vec<String> = (0..total).map(|n| tagged(n).to_line()).collect();
    let answer = Checkin { pain: Pain::new(6), effort: Some(Effort::Easy), ..Checkin::default() };
    for back in [1, AMENDMENT_REACH, AMENDMENT_REACH + 1] {
        lines.push(Amendment { session: format!("s{}", total - back), why: None, checkin: answer.clone() }.to_line());
    }
    let history = read((lines.join("\n") + "\n").as_bytes());
    assert_eq!(history.records.len(), total);
    let answered: Vec<usize> =
        (0..total).filter(|&n| history.records[n].checkin == answer).map(|n| total - n).collect();
    assert_eq!(answered, [AMENDMENT_REACH, 1], "the last {AMENDMENT_REACH} sessions are reached, no further");
}

#[test]
fn a_skipped_day_and_each_programme_event_read_back_from_their_lines_and_reach_the_reader() {
    use crate::history::adherence::{Change, ProgrammeEvent, SkippedDay};
    let day = jiff::civil::date(2026, 12, 23);
    let skip = SkippedDay::new(day, "flare-up\u{1b}[2J after   lifting");
    assert_eq!(skip.reason, "flare-up[2J after lifting", "made safe and one line");
    assert_eq!(skip.to_line(), r#"{"v":3,"skip":{"date":"2026-12-23","reason":"flare-up[2J after lifting"}}"#);
    assert_eq!(parse_entry(skip.to_line().as_bytes()), Ok(Entry::Skip(skip.clone())));
    let source = include_str!("../../exercises/programmes/low-back-6-weeks.toml");
    let mut programme = crate::domain::programme::parse("p.toml", source.as_bytes()).expect("valid").programme;
    programme.start = Some(jiff::civil::date(2026, 12, 7));
    let installed =
        ProgrammeEvent { date: jiff::civil::date(2026, 12, 5), change: Change::Installed(programme.clone()) };
    let ended = ProgrammeEvent { date: day, change: Change::Ended };
    assert!(
        installed
            .to_line()
            .starts_with(r#"{"v":3,"programme":{"event":"installed","date":"2026-12-05","prescription":"#)
    );
    assert_eq!(ended.to_line(), r#"{"v":3,"programme":{"event":"ended","date":"2026-12-23"}}"#);
    assert_eq!(parse_entry(installed.to_line().as_bytes()), Ok(Entry::Programme(installed.clone())));
    let lines = [record("2026-12-07T08:00:00Z").to_line(), installed.to_line(), skip.to_line(), ended.to_line()];
    let (mut records, mut others) = (0, Vec::new());
    read_entries(
        lines.join("\n").as_bytes(),
        |_| {
            records += 1;
            true
        },
        |entry| others.push(entry),
        |skipped| panic!("{skipped}"),
    )
    .expect("in memory");
    assert_eq!(records, 1);
    assert_eq!(others, [Entry::Programme(installed), Entry::Skip(skip), Entry::Programme(ended)]);
    let broken = r#"{"v":3,"programme":{"event":"installed","date":"2026-12-05","prescription":"weeks = 0"}}"#;
    assert!(parse_entry(broken.as_bytes()).unwrap_err().contains("its prescription does not read"));
    let two = r#"{"v":3,"skip":{"date":"2026-12-23","reason":"x"},"programme":{"event":"ended","date":"2026-12-23"}}"#;
    assert!(parse_entry(two.as_bytes()).unwrap_err().contains("more than one kind"));
}
