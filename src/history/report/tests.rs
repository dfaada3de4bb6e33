use jiff::civil::date;

use super::*;
use crate::domain::checkin::{Checkin, Effort};
use crate::history::tests::record;

/// Three weeks of sessions, most days, with pain easing from 6 to 2; one stopped early.
fn weeks() -> Vec<Record> {
    let mut records = Vec::new();
    for day in 1..=21u8 {
        if day % 5 == 0 {
            continue;
        }
        let mut record = record(&format!("2026-11-{day:02}T07:30:00+01:00"));
        record.checkin =
            Checkin { pain: Pain::new(6 - day / 5), effort: Some(Effort::AboutRight), ..Checkin::default() };
        if day == 21 {
            record.exercises[0].completed = false;
            record.end = crate::history::End::Stopped(Some(crate::domain::checkin::Why::NoTime));
            record.checkin = Checkin::default();
        }
        records.push(record);
    }
    let mut evening = record("2026-11-14T19:00:00+01:00");
    evening.checkin.pain = Pain::new(4);
    records.push(evening);
    records
}

#[test]
fn the_report_has_totals_streaks_a_table_and_two_charts() {
    let text = text(&weeks(), date(2026, 11, 22), 80, &RoutineNames::new());
    insta::assert_snapshot!("history_report", text);
    assert!(text.contains("Streak: 1 day now, longest 4 days"));
    assert!(text.contains("Last 7 days: 5 sessions · last 28 days: 18 sessions"));
    assert!(text.contains("  Lower trunk rotation: 18 (1 stopped early)"));
    assert!(text.contains("Average pain: 5.6 in the first two weeks, 3.7 in the last two (down)"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn an_empty_history_says_so() {
    assert!(text(&[], date(2026, 11, 22), 80, &RoutineNames::new()).starts_with("No sessions recorded yet."));
}

#[test]
fn long_names_are_cut_to_fit_the_table() {
    use crate::domain::width::fit;
    assert_eq!(fit("Supine lower trunk rotation with a ball", 22), "Supine lower trunk ro…");
    assert_eq!(fit("Bridge", 22), "Bridge");
}

/// The table's rows: the lines under its header up to the blank line, without the lines of
/// remarks (indented under a row).
fn rows(text: &str) -> Vec<&str> {
    let table = text.lines().skip_while(|line| !line.starts_with("When")).skip(1);
    table.take_while(|line| !line.is_empty()).filter(|line| !line.starts_with(' ')).collect()
}

/// A session of the routine `low-back` that did the trunk rotation and the pelvic tilt.
fn low_back(start: &str) -> Record {
    let mut routine = record(start);
    routine.routine = Some("low-back".to_owned());
    let mut second = crate::history::tests::exercise_record();
    second.id = "pelvic-tilt".to_owned();
    second.name = "Pelvic tilt".to_owned();
    routine.exercises.push(second);
    routine
}

#[test]
fn the_count_above_the_table_is_its_rows_and_a_routine_is_one_row_marked_as_one() {
    let routine = low_back("2026-11-20T07:30:00+01:00");
    let records = [record("2026-11-19T07:30:00+01:00"), routine, record("2026-11-21T07:30:00+01:00")];
    let none = RoutineNames::new();
    let text = text(&records, date(2026, 11, 22), 80, &none);
    assert!(text.contains("\nLast 3 sessions\n"), "{text}");
    let table = rows(&text);
    assert_eq!(table.len(), 3, "one row a session, the routine's too: {text}");
    assert!(table[1].contains("low-back (routine)"), "a routine no file names shows its id: {text}");
    assert!(!table[0].contains("routine") && !table[2].contains("routine"), "{text}");
    let mut long = records[1].clone();
    long.routine = Some("my-morning-stretches".to_owned());
    let text = super::text(&[long.clone()], date(2026, 11, 22), 80, &none);
    assert!(rows(&text)[0].contains("my-mornin… (routine)"), "the mark is never cut: {text}");
    let names: RoutineNames = [("low-back", "Low-back routine"), ("my-morning-stretches", "Mornings")]
        .map(|(id, name)| (id.to_owned(), name.to_owned()))
        .into();
    let text = super::text(&[records[1].clone(), long.clone()], date(2026, 11, 22), 80, &names);
    let table = rows(&text);
    assert!(table[0].contains("  Low-back routine  "), "a name that says routine is not marked again: {text}");
    assert!(table[1].contains("  Mornings (routine)  "), "{text}");
    let cut: RoutineNames = [("my-morning-stretches".to_owned(), "Evening stretching routine".to_owned())].into();
    let text = super::text(&[long], date(2026, 11, 22), 80, &cut);
    assert!(rows(&text)[0].contains("Evening s… (routine)"), "a name whose word routine is cut is marked: {text}");
}

#[test]
fn a_routine_stopped_in_its_first_exercise_is_still_a_routine_s_row_and_each_ending_is_told() {
    let mut first_only = low_back("2026-11-20T07:30:00+01:00");
    first_only.exercises.truncate(1);
    first_only.exercises[0].completed = false;
    first_only.end = End::Stopped(Some(crate::domain::checkin::Why::Signal));
    first_only.exercises[0].skipped = 1;
    let mut skipped = record("2026-11-21T07:30:00+01:00");
    skipped.exercises[0].completed = false;
    skipped.exercises[0].skipped = 2;
    let text = text(&[first_only, skipped], date(2026, 11, 22), 80, &RoutineNames::new());
    let table = rows(&text);
    assert!(table[0].contains("low-back (routine)"), "{text}");
    assert!(text.contains("stopped early (Ctrl-C or a signal), 1 hold skipped"), "{text}");
    assert!(text.contains("2 holds skipped"), "{text}");
    assert!(text.contains("  Lower trunk rotation: 2 (1 stopped early, 1 with holds skipped)"), "{text}");
}

#[test]
fn the_counts_per_exercise_say_what_they_count_when_a_routine_counts_for_several() {
    let routine = low_back("2026-11-20T07:30:00+01:00");
    let single = record("2026-11-21T07:30:00+01:00");
    let head = |records: &[Record]| -> String {
        let text = text(records, date(2026, 11, 22), 80, &RoutineNames::new());
        text.lines().take_while(|line| !line.starts_with("Streak")).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(head(&[single.clone(), single.clone()]), "2 sessions\n  Lower trunk rotation: 2");
    assert_eq!(
        head(&[routine.clone(), single.clone()]),
        "2 sessions, 1 of them a routine\nSessions with each exercise:\n  Lower trunk rotation: 2\n  Pelvic tilt: 1"
    );
    assert!(head(&[routine.clone(), routine.clone(), single]).starts_with("3 sessions, 2 of them routines\n"));
    assert!(head(&[routine.clone(), routine.clone()]).starts_with("2 sessions, all routines\n"));
    assert!(head(&[routine]).starts_with("1 session, a routine\n"));
}

#[test]
fn the_pain_chart_shows_the_day_s_last_answer_and_says_so() {
    // Two sessions on one day, the later one written first: the chart keeps the later start's.
    let mut evening = record("2026-11-21T19:00:00+01:00");
    evening.checkin.pain = Pain::new(2);
    let mut morning = record("2026-11-21T07:30:00+01:00");
    morning.checkin.pain = Pain::new(8);
    // A session later still, without a pain answer: the day's last answer is still the evening's.
    let mut night = record("2026-11-21T22:00:00+01:00");
    night.checkin.pain = None;
    let text = text(&[evening, morning, night], date(2026, 11, 22), 80, &RoutineNames::new());
    let chart: Vec<&str> = text.lines().skip_while(|line| !line.starts_with("Pain after")).collect();
    assert!(chart[0].starts_with("Pain after sessions, the day's last answer"), "{text}");
    let row = |top: &str| chart.iter().find(|line| line.starts_with(top)).copied().unwrap_or_default();
    assert!(row("   2 │").contains('█'), "{text}");
    assert_eq!(row("   4 │").trim_end(), "   4 │", "the morning's 8 is not the day's: {text}");
    assert_eq!(row("   8 │").trim_end(), "   8 │", "{text}");
}

#[test]
fn the_charts_mark_each_monday_by_its_date_under_its_own_day() {
    for (columns, step) in [(80, 2), (60, 1)] {
        let text = text(&weeks(), date(2026, 11, 22), columns, &RoutineNames::new());
        // The 28 days end on Sunday 22 November: they start on Monday 26 October.
        let axis: Vec<&str> = text.lines().filter(|line| line.trim_start().starts_with("Mo ")).collect();
        assert_eq!(axis.len(), 2, "one under each chart at {columns}: {text}");
        for line in axis {
            for (day, index) in [("Mo 26", 0), ("Mo 2", 7), ("Mo 9", 14), ("Mo 16", 21)] {
                let at = line.find(&format!("{day} ")).or_else(|| line.ends_with(day).then(|| line.len() - day.len()));
                assert_eq!(at, Some(6 + index * step), "{day} at {columns} columns: {line:?}");
            }
        }
        assert!(!text.contains("T W T") && !text.contains("S S"), "no single letters a day: {text}");
    }
}
