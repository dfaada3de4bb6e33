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
    let text = text(&weeks(), date(2026, 11, 22), 80);
    insta::assert_snapshot!("history_report", text);
    assert!(text.contains("Streak: 1 day now, longest 4 days"));
    assert!(text.contains("Last 7 days: 5 sessions · last 28 days: 18 sessions"));
    assert!(text.contains("  Lower trunk rotation: 18 (1 stopped early)"));
    assert!(text.contains("Average pain: 5.6 in the first two weeks, 3.7 in the last two (down)"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn an_empty_history_says_so() {
    assert!(text(&[], date(2026, 11, 22), 80).starts_with("No sessions recorded yet."));
}

#[test]
fn long_names_are_cut_to_fit_the_table() {
    use crate::domain::width::fit;
    assert_eq!(fit("Supine lower trunk rotation with a ball", 22), "Supine lower trunk ro…");
    assert_eq!(fit("Bridge", 22), "Bridge");
}
