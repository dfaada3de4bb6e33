//! The programme's part of the review from its events, against figures worked out by hand: a
//! programme changed halfway and progressed once, with a day missed, a session stopped early and
//! a day skipped.

use std::time::Duration;

use jiff::civil::{Date, date};

use super::*;
use crate::domain::plan::Overrides;
use crate::domain::programme::{Accepted, add_days, parse};
use crate::history::adherence::Change;

const FIRST: Date = date(2026, 3, 2);

fn programme(source: &str) -> Programme {
    parse("p.toml", source.as_bytes()).expect("a valid programme").programme
}

/// Four weeks from Monday 2 March, the rotation once a day at 10 reps and 5 s holds; changed on
/// day 14 to 8 reps, 2 sets, 10 s; on day 21 a step accepted back up to 10 reps.
fn events() -> Vec<ProgrammeEvent> {
    let written = "name = \"Low back\"\nweeks = 4\nstart = 2026-03-02\n\
        [prescriber]\nname = \"A. Physio\"\ncontact = \"555 0100\"\n\
        [[item]]\nid = \"rot\"\nexercise = \"lower-trunk-rotation\"\nreps = 10\nhold = 5\n";
    let changed = programme(&written.replace("reps = 10\nhold = 5", "reps = 8\nhold = 10\nsets = 2"));
    let mut accepted = changed.clone();
    accepted.accepted.push(Accepted {
        item: "rot".to_owned(),
        date: add_days(FIRST, 21),
        dose: Overrides { reps: Some(10), ..Overrides::default() },
    });
    vec![
        ProgrammeEvent { date: date(2026, 2, 28), change: Change::Installed(programme(written)) },
        ProgrammeEvent { date: add_days(FIRST, 14), change: Change::Changed(changed) },
        ProgrammeEvent { date: add_days(FIRST, 21), change: Change::Accepted(accepted) },
    ]
}

/// The built-in exercises and routines, as the command finds them.
fn built_in(what: &What) -> ItemExercises {
    let exercise = |id: &str| Some(Named::of(crate::domain::exercise::built_in(id)?.ok()?));
    match what {
        What::Exercise(name) => exercise(name).map(|named| vec![(named, Overrides::default())]).unwrap_or_default(),
        What::Routine(name) => {
            let Some(Ok(routine)) = crate::domain::routine::built_in(name) else { return Vec::new() };
            routine
                .entries
                .iter()
                .filter_map(|entry| Some((exercise(&entry.exercise)?, entry.overrides.clone())))
                .collect()
        }
    }
}

fn period() -> Period {
    Period::new(FIRST, add_days(FIRST, 27)).unwrap()
}

fn dose(reps: u32, sets: u32, hold: u64) -> Dose {
    Dose { reps, sets, hold: Duration::from_secs(hold) }
}

#[test]
fn the_page_names_the_programme_and_each_dose_with_the_day_it_began() {
    let facts = facts(&events(), period(), built_in).unwrap();
    assert_eq!(facts.name, "Low back");
    assert_eq!(facts.prescriber.as_deref(), Some("A. Physio (555 0100)"));
    assert_eq!((facts.start, facts.weeks, facts.review), (FIRST, 4, Some(add_days(FIRST, 28))));
    let doses: Vec<(Date, Dose, bool)> =
        facts.prescriptions.iter().map(|p| (p.from, p.dose, p.accepted.is_some())).collect();
    // The exercise's own sets (1) until the change names 2.
    assert_eq!(
        doses,
        [
            (FIRST, dose(10, 1, 5), false),
            (add_days(FIRST, 14), dose(8, 2, 10), false),
            (add_days(FIRST, 21), dose(10, 2, 10), true)
        ]
    );
    assert!(facts.prescriptions.iter().all(|p| p.item == "lower-trunk-rotation" && p.name == "Lower trunk rotation"));
    assert_eq!(facts.prescriptions[1].from, add_days(FIRST, 14), "a change is dated, not back-dated to the start");
}

#[test]
fn a_routines_item_doses_each_of_its_exercises_and_an_exercise_of_two_items_keeps_the_first_ones_dose() {
    // The rotation on its own at 7 reps, then the low-back routine with 3 s holds: the routine
    // gives the tilt and the bridge 8 reps and leaves knee to chest its own 3; the rotation, in
    // both, keeps its own item's dose every day instead of changing twice a day.
    let written = "name = \"Low back\"\nweeks = 4\nstart = 2026-03-02\n\
        [[item]]\nexercise = \"lower-trunk-rotation\"\nreps = 7\n\
        [[item]]\nroutine = \"low-back\"\nhold = 3\n";
    let events = [ProgrammeEvent { date: date(2026, 2, 28), change: Change::Installed(programme(written)) }];
    let shown = facts(&events, period(), built_in).unwrap();
    let doses: Vec<(&str, Date, Dose)> =
        shown.prescriptions.iter().map(|p| (p.item.as_str(), p.from, p.dose)).collect();
    assert_eq!(
        doses,
        [
            ("lower-trunk-rotation", FIRST, dose(7, 1, 5)),
            ("pelvic-tilt", FIRST, dose(8, 1, 3)),
            ("knee-to-chest", FIRST, dose(3, 1, 3)),
            ("glute-bridge", FIRST, dose(8, 1, 3)),
        ]
    );
    assert_eq!(shown.prescriptions[2].name, "Knee to chest");
    // One step accepted for the routine on day 7, to 5 s holds, raises the dose of each exercise
    // it gives one to, and is one step.
    let mut stepped = programme(written);
    stepped.accepted.push(Accepted {
        item: "low-back".to_owned(),
        date: add_days(FIRST, 7),
        dose: Overrides { hold: Some(Duration::from_secs(5)), ..Overrides::default() },
    });
    let events = [
        ProgrammeEvent { date: date(2026, 2, 28), change: Change::Installed(programme(written)) },
        ProgrammeEvent { date: add_days(FIRST, 7), change: Change::Accepted(stepped) },
    ];
    let shown = facts(&events, period(), built_in).unwrap();
    let progressions = crate::history::review::dose::progressions(period(), Some(&shown));
    let raised: Vec<(&str, Dose)> = progressions.iter().map(|p| (p.item.as_str(), p.to)).collect();
    assert_eq!(
        raised,
        [("Pelvic tilt", dose(8, 1, 5)), ("Knee to chest", dose(3, 1, 5)), ("Glute bridge", dose(8, 1, 5))]
    );
    assert!(progressions.iter().all(|p| p.step == "low-back" && p.date == add_days(FIRST, 7)));
    assert_eq!(crate::history::review::dose::steps(&progressions), 1);
    let unknown = written.replace("low-back", "no-such-routine");
    let events = [ProgrammeEvent { date: date(2026, 2, 28), change: Change::Installed(programme(&unknown)) }];
    assert_eq!(facts(&events, period(), built_in).unwrap().prescriptions.len(), 1, "a routine not found doses nothing");
}

fn attempt(day: i64, completed: bool) -> Attempt {
    Attempt {
        date: add_days(FIRST, day),
        item: "rot".to_owned(),
        done: if completed { 20 } else { 6 },
        planned: 20,
        completed,
        why: (!completed).then(|| "pain".to_owned()),
    }
}

/// Every day done but day 3 and day 10 (nothing), day 17 (stopped early) and day 24 (skipped,
/// with a reason).
fn lived() -> (Vec<Attempt>, Vec<SkippedDay>) {
    let attempts = (0..28).filter(|day| ![3, 10, 24].contains(day)).map(|day| attempt(day, day != 17)).collect();
    (attempts, vec![SkippedDay::new(add_days(FIRST, 24), "flare-up")])
}

#[test]
fn the_programmes_adherence_is_laid_out_by_day_and_week_and_the_skipped_day_is_excused() {
    let (attempts, skipped) = lived();
    let shown = adherence(&events(), &attempts, &skipped, period(), add_days(FIRST, 27)).unwrap();
    assert_eq!(shown.basis, Basis::Programme);
    // 28 due, one excused: 24 done in full of 27.
    assert_eq!(shown.whole, Count { done: 24, due: 27 });
    assert_eq!(shown.whole.percent(), Some(88));
    assert_eq!(
        shown.columns,
        [Count { done: 6, due: 7 }, Count { done: 6, due: 7 }, Count { done: 6, due: 7 }, Count { done: 6, due: 6 }]
    );
    let mark = |day: i64| shown.days[usize::try_from(day).unwrap()].status;
    assert_eq!(
        [mark(0), mark(3), mark(10), mark(17), mark(24)],
        [DayStatus::Done, DayStatus::Missed, DayStatus::Missed, DayStatus::Partial, DayStatus::Skipped]
    );
    assert_eq!(shown.tally(DayStatus::Done), 24);
    assert_eq!(shown.counted_to, add_days(FIRST, 27));
}

#[test]
fn a_day_not_over_is_shown_and_not_counted() {
    let (attempts, skipped) = lived();
    let shown = adherence(&events(), &attempts, &skipped, period(), add_days(FIRST, 25)).unwrap();
    assert_eq!(shown.days.len(), 28);
    assert_eq!(shown.days[27].status, DayStatus::NotOver);
    assert_eq!(shown.whole, Count { done: 22, due: 25 });
    assert_eq!(shown.columns[3], Count { done: 4, due: 4 });
}

#[test]
fn with_no_programme_in_the_period_there_is_none_to_show() {
    let (attempts, skipped) = lived();
    let before = Period::new(date(2026, 1, 1), date(2026, 2, 27)).unwrap();
    assert_eq!(adherence(&events(), &attempts, &skipped, before, date(2026, 2, 27)), None);
    assert_eq!(facts(&events(), before, built_in), None);
    assert_eq!(facts(&[], period(), built_in), None);
    let mut ended = events();
    ended.push(ProgrammeEvent { date: add_days(FIRST, 25), change: Change::Ended });
    let shown = facts(&ended, period(), built_in).unwrap();
    assert_eq!(shown.weeks, 4, "the last programme in effect in the period, though it ended");
    assert_eq!(shown.prescriptions.len(), 3);
    let after = adherence(&ended, &attempts, &skipped, period(), add_days(FIRST, 27)).unwrap();
    assert_eq!(after.days[25].status, DayStatus::NotDue, "nothing is due once it ended");
    // Days 21 to 24: day 24 skipped and excused.
    assert_eq!(after.columns[3], Count { done: 3, due: 3 });
}
