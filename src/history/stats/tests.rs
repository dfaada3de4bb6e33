use jiff::civil::date;

use super::*;
use crate::domain::checkin::{Checkin, Pain};
use crate::history::ExerciseRecord;
use crate::history::tests::{exercise_record, record};

fn records(starts: &[&str]) -> Vec<Record> {
    starts.iter().map(|s| record(s)).collect()
}

#[test]
fn a_streak_runs_across_the_end_of_a_month_and_of_a_leap_february() {
    let all = records(&[
        "2028-02-28T07:00:00+01:00",
        "2028-02-29T07:00:00+01:00",
        "2028-03-01T07:00:00+01:00",
        "2028-03-01T19:00:00+01:00",
        "2028-03-02T07:00:00+01:00",
    ]);
    let overview = overview(&all, date(2028, 3, 2));
    assert_eq!((overview.current_streak, overview.longest_streak), (4, 4));
    assert_eq!(overview.sessions, 5);
}

#[test]
fn the_current_streak_holds_until_today_is_over_and_breaks_after_a_missed_day() {
    let all = records(&["2026-12-30T08:00:00Z", "2026-12-31T08:00:00Z", "2027-01-01T08:00:00Z"]);
    assert_eq!(overview(&all, date(2027, 1, 1)).current_streak, 3);
    assert_eq!(overview(&all, date(2027, 1, 2)).current_streak, 3, "nothing yet today");
    let later = overview(&all, date(2027, 1, 3));
    assert_eq!((later.current_streak, later.longest_streak), (0, 3));
}

#[test]
fn a_day_whose_only_session_stopped_before_a_hold_breaks_the_streak_but_counts_as_a_session() {
    let mut all = records(&["2027-01-01T08:00:00Z", "2027-01-02T08:00:00Z", "2027-01-03T08:00:00Z"]);
    for side in &mut all[1].exercises[0].sides {
        side.done = 0;
    }
    all[1].exercises[0].completed = false;
    all[1].end = crate::history::End::Stopped(Some(crate::domain::checkin::Why::Pain));
    let overview = overview(&all, date(2027, 1, 3));
    assert_eq!((overview.current_streak, overview.longest_streak), (1, 1));
    assert_eq!((overview.sessions, overview.per_exercise[0].stopped), (3, 1));
}

#[test]
fn days_are_the_local_days_of_each_session_whatever_the_offset() {
    // 23:30 in Paris on 31 March is 21:30 UTC; 00:30 in Tokyo on 1 April is 15:30 UTC on
    // 31 March. Each counts for the day its user lived it.
    let all = records(&["2026-03-31T23:30:00+02:00", "2026-04-01T00:30:00+09:00", "2026-04-02T18:00:00-07:00"]);
    let overview = overview(&all, date(2026, 4, 2));
    assert_eq!(overview.current_streak, 3);
    let counted: Vec<(Date, u32)> =
        overview.days.iter().filter(|d| d.sessions > 0).map(|d| (d.date, d.sessions)).collect();
    assert_eq!(counted, vec![(date(2026, 3, 31), 1), (date(2026, 4, 1), 1), (date(2026, 4, 2), 1)]);
}

#[test]
fn the_windows_count_today_and_the_days_before_it() {
    let all = records(&[
        "2026-01-04T09:00:00Z", // 29 days before 2 February: outside both windows
        "2026-01-05T09:00:00Z", // 28 days ending 1 February start here
        "2026-01-26T09:00:00Z", // 7 days ending 1 February start here
        "2026-01-25T09:00:00Z",
        "2026-02-01T09:00:00Z",
        "2026-02-01T21:00:00Z",
        "2026-02-02T01:00:00+09:00", // 1 February in UTC, but already the 2nd in Tokyo: today
    ]);
    let overview = overview(&all, date(2026, 2, 1));
    assert_eq!((overview.last_7, overview.last_28), (4, 6));
    assert_eq!(overview.days.len(), WINDOW_DAYS);
    assert_eq!(overview.days.first().unwrap().date, date(2026, 1, 5));
    assert_eq!(overview.days.last().unwrap().sessions, 3);
    assert_eq!(overview.current_streak, 1);
}

#[test]
fn sessions_are_counted_per_exercise_with_those_stopped_early_and_those_with_holds_skipped() {
    let starts = ["2026-05-01T09:00:00Z", "2026-05-02T09:00:00Z", "2026-05-03T09:00:00Z", "2026-05-04T09:00:00Z"];
    let mut all = records(&starts);
    all[1].exercises[0].completed = false;
    all[1].end = End::Stopped(None);
    // Run to its end, one hold skipped: not stopped early.
    all[2].exercises[0].completed = false;
    all[3].exercises[0].id = "pelvic-tilt".to_owned();
    all[3].exercises[0].name = "Pelvic tilt".to_owned();
    let counted = overview(&all, date(2026, 5, 4));
    let counts: Vec<(&str, usize, usize, usize)> =
        counted.per_exercise.iter().map(|e| (e.exercise.as_str(), e.sessions, e.stopped, e.skipped)).collect();
    assert_eq!(counts, vec![("lower-trunk-rotation", 3, 1, 1), ("pelvic-tilt", 1, 0, 0)]);
    // A routine that skipped the rotation whole, then was stopped in the pelvic tilt: the
    // rotation had holds skipped, the tilt was stopped early.
    let mut routine = record("2026-05-05T09:00:00Z");
    routine.exercises[0].completed = false;
    routine.exercises[0].skipped = 10;
    let mut tilt = all[3].exercises[0].clone();
    tilt.completed = false;
    routine.exercises.push(tilt);
    routine.end = End::Stopped(None);
    all.push(routine);
    let counted = overview(&all, date(2026, 5, 5));
    let counts: Vec<(&str, usize, usize, usize)> =
        counted.per_exercise.iter().map(|e| (e.exercise.as_str(), e.sessions, e.stopped, e.skipped)).collect();
    assert_eq!(counts, vec![("lower-trunk-rotation", 4, 1, 2), ("pelvic-tilt", 2, 1, 0)]);
}

#[test]
fn a_day_shows_the_pain_of_its_latest_answer() {
    let mut all = records(&["2026-05-01T18:00:00Z", "2026-05-01T08:00:00Z", "2026-05-01T20:00:00Z"]);
    all[0].checkin.pain = Pain::new(6);
    all[1].checkin.pain = Pain::new(2);
    all[2].checkin = Checkin::default();
    let overview = overview(&all, date(2026, 5, 1));
    assert_eq!(overview.days.last().unwrap().pain, Pain::new(6), "18:00 is later than 08:00, unanswered 20:00 aside");
}

#[test]
fn recent_gives_the_latest_in_order_even_from_a_shuffled_file() {
    let all = records(&["2026-05-03T09:00:00Z", "2026-05-01T09:00:00Z", "2026-05-02T09:00:00Z"]);
    let days: Vec<Date> = recent(&all, 2).iter().map(|r| r.start.date()).collect();
    assert_eq!(days, vec![date(2026, 5, 2), date(2026, 5, 3)]);
    assert!(recent(&[], 10).is_empty());
}

#[test]
fn nothing_at_all_is_no_streak() {
    let overview = overview(&[], date(2026, 5, 1));
    assert_eq!((overview.sessions, overview.current_streak, overview.longest_streak, overview.last_28), (0, 0, 0, 0));
}

#[test]
fn a_routine_is_one_session_and_each_of_its_exercises_counts_for_itself() {
    let tagged = |exercise: &str| ExerciseRecord { id: exercise.to_owned(), ..exercise_record() };
    let routine = Record {
        routine: Some("low-back".to_owned()),
        exercises: vec![tagged("pelvic-tilt"), tagged("knee-to-chest"), tagged("lower-trunk-rotation")],
        ..record("2026-06-10T08:00:00+02:00")
    };
    let all = vec![routine, record("2026-06-11T08:00:00+02:00"), record("2026-06-11T09:00:00+02:00")];
    let overview = overview(&all, jiff::civil::date(2026, 6, 11));
    assert_eq!(overview.sessions, 3, "one routine on the 10th, two sessions on the 11th");
    assert_eq!(overview.per_exercise.len(), 3, "each exercise still counts for itself");
    let last_two: Vec<u32> = overview.days[WINDOW_DAYS - 2..].iter().map(|d| d.sessions).collect();
    assert_eq!(last_two, [1, 2]);
}
