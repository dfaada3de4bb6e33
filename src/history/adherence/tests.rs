use jiff::civil::{Date, date};

use super::*;
use crate::domain::programme::{add_days, parse};

fn programme(source: &str) -> Programme {
    parse("p.toml", source.as_bytes()).expect("a valid programme").programme
}

const SIX_WEEKS: &str = "name = \"Low back\"\nweeks = 6\nstart = 2026-12-07\n\
    [[item]]\nid = \"rot\"\nexercise = \"lower-trunk-rotation\"\ntimes_a_day = 2\n\
    [[item]]\nid = \"tilt\"\nexercise = \"pelvic-tilt\"\n\
    [[item]]\nid = \"knee\"\nexercise = \"knee-to-chest\"\ndays = [\"mon\", \"wed\", \"fri\"]\n";

fn full(date: Date, item: &str) -> Attempt {
    Attempt { date, item: item.to_owned(), done: 20, planned: 20, completed: true, why: None }
}

fn stopped(date: Date, item: &str, done: u32, why: &str) -> Attempt {
    Attempt { date, item: item.to_owned(), done, planned: 20, completed: false, why: Some(why.to_owned()) }
}

/// Six weeks lived day by day, the clock passed in: what each day's user did, by a script with
/// a missed evening, a skipped day, sessions stopped early, a burst of three in three minutes,
/// and the programme ended early in its sixth week.
fn lived() -> (Vec<ProgrammeEvent>, Vec<Attempt>, Vec<SkippedDay>) {
    let first = date(2026, 12, 7);
    let events = vec![
        ProgrammeEvent { date: date(2026, 12, 5), change: Change::Installed(programme(SIX_WEEKS)) },
        ProgrammeEvent { date: date(2027, 1, 14), change: Change::Ended },
    ];
    let (mut attempts, mut skipped) = (Vec::new(), Vec::new());
    for offset in 0..42 {
        let today = add_days(first, offset);
        let week = offset / 7 + 1;
        let knee_day = matches!(
            today.weekday(),
            jiff::civil::Weekday::Monday | jiff::civil::Weekday::Wednesday | jiff::civil::Weekday::Friday
        );
        let mut every = |morning: bool, evening: bool, knee: bool| {
            if morning {
                attempts.push(full(today, "rot"));
                attempts.push(full(today, "tilt"));
            }
            if evening {
                attempts.push(full(today, "rot"));
            }
            if knee && knee_day {
                attempts.push(full(today, "knee"));
            }
        };
        match week {
            1 | 6 => every(true, true, true),
            2 => every(true, false, true),
            3 if today == date(2026, 12, 23) => skipped.push(SkippedDay { date: today, reason: "flare-up".into() }),
            3 => every(true, true, true),
            4 => {
                attempts.push(stopped(today, "rot", 10, "no time"));
                attempts.push(full(today, "rot"));
                attempts.push(full(today, "tilt"));
            }
            5 if offset == 28 => {
                for _ in 0..3 {
                    attempts.push(full(today, "rot"));
                }
            }
            _ => {}
        }
    }
    (events, attempts, skipped)
}

#[test]
fn a_whole_six_weeks_lived_day_by_day_matches_the_figures_worked_out_by_hand() {
    let (events, attempts, skipped) = lived();
    let result = adherence(&events, &attempts, &skipped, date(2026, 12, 1), date(2027, 1, 20));
    // Due each week: rotation 2 x 7, tilt 7, knee to chest 3 (Mon, Wed, Fri) = 24; the sixth
    // week ends after its Wednesday: 6 + 3 + 2 = 11. In all 5 x 24 + 11 = 131.
    let whole = &result.whole;
    assert_eq!(whole.due, 131);
    // Full: 24 + 17 (no evening rotation) + 20 (one day skipped) + 14 (the mornings stopped
    // early, knee to chest never) + 2 (three in three minutes on a day due two) + 11 = 88.
    assert_eq!(whole.full, 88);
    assert_eq!((whole.partial, whole.partial_held, whole.partial_planned), (7, 70, 140), "7 mornings stopped at half");
    assert_eq!(whole.missed, 7 + 3 + 22);
    assert_eq!((whole.excused, whole.skipped_days), (4, 1), "the flare-up day: 2 + 1 + 1");
    assert_eq!(whole.extra, 1, "the third of three in three minutes");
    assert_eq!(whole.due, whole.full + whole.partial + whole.missed + whole.excused);
    let share = whole.share().expect("something was due");
    assert!((share - 88.0 / 127.0).abs() < 1e-12, "{share}");
    assert_eq!(whole.adherent(), Some(false), "69% is under the 70% line");
    let weeks: Vec<(u32, u32, u32, u32)> =
        result.weeks.iter().map(|w| (w.number, w.figures.due, w.figures.full, w.figures.excused)).collect();
    assert_eq!(weeks, [(1, 24, 24, 0), (2, 24, 17, 0), (3, 24, 20, 4), (4, 24, 14, 0), (5, 24, 2, 0), (6, 11, 11, 0)]);
    assert_eq!(result.weeks[0].first_day, date(2026, 12, 7));
    assert_eq!(result.weeks[3].figures.adherent(), Some(false));
    assert_eq!(result.weeks[2].figures.share(), Some(1.0), "a skipped day is out of the share");
    let flare = result.days.iter().find(|d| d.date == date(2026, 12, 23)).expect("the day");
    assert_eq!(flare.skipped.as_deref(), Some("flare-up"));
    let stopped = result.days.iter().find(|d| d.date == date(2026, 12, 28)).expect("a week 4 day");
    assert_eq!(stopped.partials, [Partial { item: "rot".into(), fraction: 0.5, why: Some("no time".into()) }]);
    let before = result.days.iter().find(|d| d.date == date(2026, 12, 6)).expect("before the start");
    assert_eq!((before.week, before.figures.due), (None, 0), "installed on the 5th, starting on the 7th");
    assert_eq!(result.days.len(), 51, "every day of the period asked for");
}

#[test]
fn a_period_of_part_of_the_programme_counts_only_its_days() {
    let (events, attempts, skipped) = lived();
    let week_two = adherence(&events, &attempts, &skipped, date(2026, 12, 14), date(2026, 12, 20));
    assert_eq!((week_two.whole.due, week_two.whole.full, week_two.whole.missed), (24, 17, 7));
    assert_eq!(week_two.weeks.len(), 1);
}

#[test]
fn a_programme_changed_halfway_counts_each_day_by_the_prescription_then() {
    let once = programme("weeks = 4\nstart = 2026-12-07\n[[item]]\nexercise = \"pelvic-tilt\"\n");
    let twice = programme("weeks = 2\nstart = 2026-12-21\n[[item]]\nexercise = \"pelvic-tilt\"\ntimes_a_day = 2\n");
    let events = vec![
        ProgrammeEvent { date: date(2026, 12, 7), change: Change::Installed(once) },
        ProgrammeEvent { date: date(2026, 12, 21), change: Change::Changed(twice) },
    ];
    let result = adherence(&events, &[], &[], date(2026, 12, 7), date(2027, 1, 10));
    assert_eq!(result.whole.due, 14 + 28);
    let weeks: Vec<(u32, u32)> = result.weeks.iter().map(|w| (w.number, w.figures.due)).collect();
    assert_eq!(weeks, [(1, 7), (2, 7), (1, 14), (2, 14)], "the new programme counts its own weeks");
}

#[test]
fn a_step_accepted_mid_week_leaves_the_week_whole() {
    // Any 3 days a week, two done by Tuesday; a step accepted on Thursday, the history read that
    // day up to the day before. The week goes on to Sunday: Wednesday was not needed.
    let source = "weeks = 2\nstart = 2026-12-07\n[[item]]\nid = \"b\"\nexercise = \"glute-bridge\"\ndays_a_week = 3\n";
    let three = programme(source);
    let mut stepped = three.clone();
    stepped.items[0].dose.reps = Some(9);
    let installed = ProgrammeEvent { date: date(2026, 12, 7), change: Change::Installed(three) };
    let accepted = ProgrammeEvent { date: date(2026, 12, 10), change: Change::Accepted(stepped) };
    let done = [full(date(2026, 12, 7), "b"), full(date(2026, 12, 8), "b")];
    let figures = |events: &[ProgrammeEvent]| {
        let whole = adherence(events, &done, &[], date(2026, 12, 7), date(2026, 12, 9)).whole;
        (whole.due, whole.full, whole.missed)
    };
    assert_eq!(figures(std::slice::from_ref(&installed)), (2, 2, 0));
    assert_eq!(figures(&[installed.clone(), accepted.clone()]), (2, 2, 0), "the same with the step accepted");
    // Read at the week's end, the step changes nothing either: Sunday was needed.
    let whole = adherence(&[installed, accepted], &done, &[], date(2026, 12, 7), date(2026, 12, 13)).whole;
    assert_eq!((whole.due, whole.full, whole.missed), (3, 2, 1));
}

#[test]
fn any_n_days_a_week_is_due_on_the_days_done_and_on_the_days_needed_at_the_end() {
    let three = programme(
        "weeks = 1\nstart = 2026-12-07\n[[item]]\nid = \"b\"\nexercise = \"glute-bridge\"\ndays_a_week = 3\n",
    );
    let events = vec![ProgrammeEvent { date: date(2026, 12, 7), change: Change::Installed(three) }];
    let figures = |done: &[i64]| {
        let attempts: Vec<Attempt> =
            done.iter().map(|offset| full(add_days(date(2026, 12, 7), *offset), "b")).collect();
        let result = adherence(&events, &attempts, &[], date(2026, 12, 7), date(2026, 12, 13));
        let due_days: Vec<i64> =
            result.days.iter().filter(|d| d.figures.due > 0).map(|d| days_between(date(2026, 12, 7), d.date)).collect();
        (result.whole.due, result.whole.full, result.whole.missed, due_days)
    };
    assert_eq!(figures(&[0, 1, 2]), (3, 3, 0, vec![0, 1, 2]));
    assert_eq!(figures(&[0, 1]), (3, 2, 1, vec![0, 1, 6]), "one short: Sunday was needed");
    assert_eq!(figures(&[]), (3, 0, 3, vec![4, 5, 6]));
    assert_eq!(figures(&[0, 1, 2, 3]), (3, 3, 0, vec![0, 1, 2]), "a fourth day is more than due, not counted");
    // A day stopped early is one of the three: the week asks for no fourth.
    let tried =
        [full(date(2026, 12, 7), "b"), stopped(date(2026, 12, 8), "b", 10, "no time"), full(date(2026, 12, 9), "b")];
    let week = adherence(&events, &tried, &[], date(2026, 12, 7), date(2026, 12, 13)).whole;
    assert_eq!((week.due, week.full, week.partial, week.missed), (3, 2, 1, 0));
    let first = today(&events, &[], &[], date(2026, 12, 7));
    assert_eq!(first.figures.due, 1, "today it can still be chosen");
    let done: Vec<Attempt> = (0..3).map(|offset| full(add_days(date(2026, 12, 7), offset), "b")).collect();
    assert_eq!(today(&events, &done, &[], date(2026, 12, 10)).figures.due, 0, "the week's three are done");
}

#[test]
fn sessions_of_items_not_in_the_programme_and_days_without_one_count_for_nothing() {
    let events = vec![ProgrammeEvent { date: date(2026, 12, 7), change: Change::Installed(programme(SIX_WEEKS)) }];
    let stray = [full(date(2026, 12, 7), "cat-cow"), full(date(2026, 12, 1), "rot")];
    let result = adherence(&events, &stray, &[], date(2026, 12, 1), date(2026, 12, 7));
    assert_eq!((result.whole.due, result.whole.full, result.whole.extra), (4, 0, 0));
    assert_eq!(adherence(&[], &stray, &[], date(2026, 12, 1), date(2026, 12, 7)).whole, Figures::default());
    assert_eq!(Figures::default().share(), None);
}

#[test]
fn a_session_with_no_hold_done_takes_none_of_the_days_sessions() {
    let mut record = crate::history::tests::record("2026-12-08T08:00:00+01:00");
    record.item = Some(crate::history::ItemDone { id: "rot".to_owned(), holds: 20 });
    record.end = crate::history::End::Stopped(Some(crate::domain::checkin::Why::NoTime));
    record.exercises[0].completed = false;
    assert!(Attempt::of(&record).is_some_and(|attempt| attempt.done > 0), "stopped after some holds");
    for side in &mut record.exercises[0].sides {
        side.done = 0;
    }
    assert_eq!(Attempt::of(&record), None, "stopped in its first move: the session stays due");
}

#[test]
fn the_share_of_holds_of_sessions_partly_done_is_of_all_their_holds_together() {
    let events = vec![ProgrammeEvent { date: date(2026, 12, 5), change: Change::Installed(programme(SIX_WEEKS)) }];
    let part = |day, done, planned| Attempt { done, planned, ..stopped(date(2026, 12, day), "rot", 0, "no time") };
    let attempts = [part(7, 1, 2), part(7, 1, 4), part(8, 1, 2)];
    let result = adherence(&events, &attempts, &[], date(2026, 12, 7), date(2026, 12, 8));
    assert_eq!((result.whole.partial, result.whole.partial_held, result.whole.partial_planned), (3, 3, 8));
    // 3 holds of 8 is 37%, not the mean of 50%, 25% and 50%.
    let text = text::counts(&result.whole);
    assert!(text.contains("3 partly done (37% of their holds done)"), "{text}");
}

#[test]
fn holds_read_from_a_file_too_large_to_add_up_saturate_rather_than_overflow() {
    let events = vec![ProgrammeEvent { date: date(2026, 12, 5), change: Change::Installed(programme(SIX_WEEKS)) }];
    let huge = |day| Attempt { done: u32::MAX, planned: u32::MAX, ..stopped(date(2026, 12, day), "rot", 0, "no time") };
    let result = adherence(&events, &[huge(7), huge(7), huge(8)], &[], date(2026, 12, 7), date(2026, 12, 8));
    assert_eq!((result.whole.partial_held, result.whole.partial_planned), (u32::MAX, u32::MAX));
}
