//! Every figure of the review against histories computed by hand: none, one session, a year,
//! weeks with gaps, and a programme changed halfway.

use std::time::Duration;

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::adherence::{Adherence, Basis, Count, Day, DayStatus};
use super::dose::{Done, Progression};
use super::facts::{Dose, Prescription};
use super::psfs::PsfsAnswer;
use super::*;
use crate::domain::checkin::{Checkin, Hurt, Psfs};
use crate::domain::side::Side;
use crate::domain::summary::SideReps;

fn pain(value: u8) -> Option<Pain> {
    Pain::new(value)
}

fn dose(reps: u32, sets: u32, hold: u64) -> Dose {
    Dose { reps, sets, hold: Duration::from_secs(hold) }
}

/// Holds done and planned on each side.
fn sides(left: u32, right: u32, planned: u32) -> Vec<SideReps> {
    vec![
        SideReps { side: Some(Side::Left), done: left, planned },
        SideReps { side: Some(Side::Right), done: right, planned },
    ]
}

/// A session of the lower trunk rotation at 10×1 5 s on `date`, every hold done, with pain after
/// `after`.
fn session(date: Date, after: Option<u8>) -> Record {
    let mut record = crate::history::tests::record(&format!("{date}T08:00:00+01:00"));
    record.exercises[0].sides = sides(10, 10, 10);
    record.checkin = Checkin { pain: after.and_then(Pain::new), ..Checkin::default() };
    record
}

/// `session`, stopped early with `why` after 3 holds a side.
fn stopped(date: Date, after: Option<u8>, why: Option<Why>) -> Record {
    let mut record = session(date, after);
    record.end = End::Stopped(why);
    record.exercises[0].completed = false;
    record.exercises[0].sides = sides(3, 3, 10);
    record
}

/// Sets the dose the session's exercise ran with.
fn ran(mut record: Record, dose: Dose) -> Record {
    let exercise = &mut record.exercises[0];
    (exercise.reps, exercise.sets, exercise.hold) = (dose.reps, dose.sets, dose.hold);
    record
}

fn day(first: Date, n: i32) -> Date {
    first.checked_add(n.days()).unwrap()
}

fn facts(first: Date, last: Date, sessions: Vec<Record>) -> Facts {
    Facts::new(Period::new(first, last).unwrap(), None, sessions)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn an_empty_period_has_nothing_done_and_no_pain_figures() {
    let first = date(2026, 3, 2);
    let review = Review::of(&facts(first, day(first, 6), Vec::new()));
    assert_eq!(review.adherence.whole, Count { done: 0, due: 7 });
    assert_eq!(review.adherence.columns, [Count { done: 0, due: 7 }]);
    assert_eq!(review.adherence.basis, Basis::DaysWithAFullSession);
    assert_eq!(review.adherence.tally(DayStatus::Missed), 7);
    assert_eq!(review.adherence.whole.percent(), Some(0));
    assert!(!review.adherence.whole.meets_line());
    assert_eq!((review.pain.baseline, review.pain.latest, review.pain.change()), (None, None, None));
    assert_eq!((review.pain.band_top(), review.pain.important()), (None, false));
    assert_eq!(review.pain.columns, [None]);
    assert!(review.alarms.is_empty() && review.stops.is_empty() && review.notes.is_empty() && review.dose.is_empty());
    assert_eq!(review.sides.answered(), 0);
    assert!(review.psfs.activities.is_empty() && review.psfs.first.is_none() && review.psfs.change().is_none());
}

#[test]
fn one_session_is_the_whole_period_and_its_own_baseline() {
    let only = date(2026, 3, 4);
    let review = Review::of(&facts(only, only, vec![session(only, Some(4))]));
    assert_eq!(review.adherence.whole, Count { done: 1, due: 1 });
    assert_eq!(review.adherence.whole.percent(), Some(100));
    let baseline = review.pain.baseline.unwrap();
    assert_eq!((baseline.week, baseline.answers), (0, 1));
    assert!(close(baseline.mean, 4.0));
    // A drop of 30% of 4 is 1.2 points: the 2 points are larger.
    assert!(close(review.pain.important_drop().unwrap(), 2.0));
    assert!(close(review.pain.band_top().unwrap(), 2.0));
    assert_eq!(review.pain.latest, None, "the latest week is the baseline's own: no change to show");
    assert_eq!(review.pain.change(), None);
    assert!(!review.pain.important());
    assert_eq!(review.dose.len(), 1);
    let done = review.dose[0].cells[0].done.unwrap();
    assert_eq!((done.dose, done.sessions, done.holds), (dose(10, 1, 5), 1, Count { done: 20, due: 20 }));
    assert_eq!(review.dose[0].cells[0].prescribed, None, "no programme, nothing prescribed");
}

/// 2026 from 1 January (a Thursday): a full session every day but Sunday, pain after falling one
/// point every seven weeks, from 8 in the first week to 1 in the last.
fn a_year() -> Facts {
    let first = date(2026, 1, 1);
    let sessions = (0..365)
        .map(|n| day(first, n))
        .filter(|d| d.weekday() != jiff::civil::Weekday::Sunday)
        .map(|d| {
            let week = d.since(first).unwrap().get_days() / 7;
            session(d, u8::try_from(8 - week / 7).ok())
        })
        .collect();
    facts(first, date(2026, 12, 31), sessions)
}

#[test]
fn a_year_is_313_days_of_365_in_eleven_columns() {
    let review = Review::of(&a_year());
    // 52 Sundays in 2026, so 365 - 52 = 313 days with a full session: 85.75%, shown as 85%.
    assert_eq!(review.adherence.whole, Count { done: 313, due: 365 });
    assert_eq!(review.adherence.whole.percent(), Some(85));
    assert!(review.adherence.whole.meets_line());
    assert_eq!(review.adherence.columns.len(), 11);
    // Weeks 1-5 are 1 January to 4 February, with 5 Sundays; weeks 51-53 are 17 to 31 December,
    // with 2.
    assert_eq!(review.adherence.columns[0], Count { done: 30, due: 35 });
    assert_eq!(review.adherence.columns[10], Count { done: 13, due: 15 });
    assert_eq!(review.adherence.columns.iter().map(|c| c.due).sum::<u32>(), 365);
    assert_eq!(review.adherence.tally(DayStatus::Done), 313);
}

#[test]
fn a_years_pain_falls_from_its_baseline_past_the_band() {
    let review = Review::of(&a_year());
    let (baseline, latest) = (review.pain.baseline.unwrap(), review.pain.latest.unwrap());
    // Week 1 is 1 to 7 January: six sessions, all 8.
    assert_eq!((baseline.week, baseline.answers), (0, 6));
    assert!(close(baseline.mean, 8.0));
    // Week 53 is 31 December alone: one session, pain 8 - 52/7 = 1.
    assert_eq!((latest.week, latest.answers), (52, 1));
    assert!(close(latest.mean, 1.0));
    assert!(close(review.pain.change().unwrap(), -7.0));
    // 30% of 8 is 2.4 points, more than 2: the band's top is 8 - 2.4.
    assert!(close(review.pain.important_drop().unwrap(), 2.4));
    assert!(close(review.pain.band_top().unwrap(), 5.6));
    assert!(review.pain.important());
    assert!(close(review.pain.columns[0].unwrap(), 8.0));
    assert!(close(review.pain.columns[10].unwrap(), 1.0));
    assert_eq!(review.pain.answers.len(), 313);
}

/// Four weeks from Monday 2 March: nothing in the first and third; every day of the second,
/// full, pain 6; in the fourth, two full days with pain 3 and a session stopped for pain, 5.
fn with_gaps() -> Facts {
    let first = date(2026, 3, 2);
    let mut sessions: Vec<Record> = (7..14).map(|n| session(day(first, n), Some(6))).collect();
    sessions.push(session(day(first, 21), Some(3)));
    sessions.push(session(day(first, 22), Some(3)));
    sessions.push(stopped(day(first, 23), Some(5), Some(Why::Pain)));
    facts(first, day(first, 27), sessions)
}

#[test]
fn weeks_with_gaps_count_as_missed_and_the_baseline_is_the_first_week_with_answers() {
    let review = Review::of(&with_gaps());
    let counts: Vec<(u32, u32)> = review.adherence.columns.iter().map(|c| (c.done, c.due)).collect();
    assert_eq!(counts, [(0, 7), (7, 7), (0, 7), (2, 7)]);
    // 9 of 28 days: 32%, under the line.
    assert_eq!(review.adherence.whole, Count { done: 9, due: 28 });
    assert_eq!(review.adherence.whole.percent(), Some(32));
    assert!(!review.adherence.whole.meets_line());
    assert_eq!(review.adherence.days[23], Day { date: date(2026, 3, 25), status: DayStatus::Partial });
    assert_eq!(review.adherence.tally(DayStatus::Partial), 1);
    let baseline = review.pain.baseline.unwrap();
    assert_eq!((baseline.week, baseline.answers), (1, 7));
    assert!(close(baseline.mean, 6.0));
    let latest = review.pain.latest.unwrap();
    // (3 + 3 + 5) / 3.
    assert_eq!((latest.week, latest.answers), (3, 3));
    assert!(close(latest.mean, 11.0 / 3.0));
    assert!(close(review.pain.change().unwrap(), 11.0 / 3.0 - 6.0));
    // A drop of 2.33 is at least max(2, 1.8).
    assert!(review.pain.important());
    assert_eq!(review.pain.columns[0], None);
    assert_eq!(review.pain.columns[2], None);
    assert_eq!(review.stops, [Stop { date: date(2026, 3, 25), why: Some(Why::Pain), holds_done: 3 + 3 }]);
    let holds = review.dose[0].cells[3].done.unwrap().holds;
    assert_eq!(holds, Count { done: 46, due: 60 });
}

#[test]
fn the_band_is_two_points_or_thirty_percent_whichever_is_larger_and_its_edge_counts() {
    let first = date(2026, 3, 2);
    let drop = |baseline: u8, latest: &[u8]| {
        let mut sessions = vec![session(first, Some(baseline))];
        sessions.extend(latest.iter().map(|&p| session(day(first, 7), Some(p))));
        let figures = pain::figures(Period::new(first, day(first, 13)).unwrap(), &sessions);
        (figures.important_drop().unwrap(), figures.band_top(), figures.important())
    };
    let (needed, top, important) = drop(5, &[3]);
    assert!(close(needed, 2.0) && close(top.unwrap(), 3.0) && important, "exactly 2 points from 5 counts");
    assert!(!drop(5, &[4]).2);
    let (needed, top, important) = drop(10, &[7]);
    assert!(close(needed, 3.0) && close(top.unwrap(), 7.0) && important, "30% of 10 is 3 points");
    assert!(!drop(10, &[7, 8]).2, "7.5 is a drop of 2.5, short of 3");
    let (needed, top, important) = drop(1, &[0]);
    assert!(close(needed, 2.0) && top.is_none() && !important, "from a baseline of 1 no drop can count");
    let (needed, top, _) = drop(2, &[2]);
    assert!(close(needed, 2.0) && close(top.unwrap(), 0.0), "from 2, only 0 counts");
}

#[test]
fn every_high_pain_and_spread_is_listed_with_its_date_and_sides_are_counted() {
    let first = date(2026, 3, 2);
    let mut worse = session(first, Some(9));
    worse.checkin.pain_before = pain(7);
    worse.checkin.spread = Some(true);
    worse.checkin.hurt = Some(Hurt::Left);
    let mut mild = session(day(first, 1), Some(6));
    mild.checkin.pain_before = pain(6);
    mild.checkin.spread = Some(false);
    mild.checkin.hurt = Some(Hurt::Left);
    let mut both = session(day(first, 2), Some(7));
    both.checkin.hurt = Some(Hurt::Both);
    let no_reason = stopped(day(first, 3), None, None);
    let review = Review::of(&facts(first, day(first, 6), vec![worse, mild, both, no_reason]));
    assert_eq!(
        review.stops.iter().map(|s| (s.date, s.why)).collect::<Vec<_>>(),
        [(day(first, 3), None)],
        "a stop without an answer is listed, its reason unknown"
    );
    assert_eq!(
        review.alarms,
        [
            Alarm::HighPain { date: first, pain: Pain::new(7).unwrap(), before: true },
            Alarm::HighPain { date: first, pain: Pain::new(9).unwrap(), before: false },
            Alarm::Spread { date: first },
            Alarm::HighPain { date: day(first, 2), pain: Pain::new(7).unwrap(), before: false },
        ]
    );
    assert_eq!(review.sides, pain::SideCounts { left: 2, right: 0, both: 1, neither: 0 });
    let answers: Vec<(Option<u8>, Option<u8>)> = review.pain.answers.iter().map(|a| (a.before, a.after)).collect();
    assert_eq!(answers, [(Some(7), Some(9)), (Some(6), Some(6)), (None, Some(7))]);
    // A programme that stops at 6 has every answer of 6 listed too: each was told to stop.
    let stops_at_six = ProgrammeFacts { stop_pain: Some(6), ..programme_facts() };
    assert_eq!(high_from(Some(&stops_at_six)), 6);
    assert_eq!(high_from(Some(&ProgrammeFacts { stop_pain: Some(9), ..programme_facts() })), HIGH_PAIN);
    assert_eq!(high_from(None), HIGH_PAIN);
    let six = alarms(&[session(day(first, 1), Some(6))], 6);
    assert_eq!(six, [Alarm::HighPain { date: day(first, 1), pain: Pain::new(6).unwrap(), before: false }]);
}

/// A programme's facts with nothing in them but its name and weeks.
fn programme_facts() -> ProgrammeFacts {
    ProgrammeFacts {
        name: "Low back".to_owned(),
        prescriber: None,
        start: date(2026, 3, 2),
        weeks: 4,
        review: None,
        stop_pain: None,
        prescriptions: Vec::new(),
    }
}

#[test]
fn the_share_done_is_rounded_down_and_the_line_is_exact() {
    assert_eq!(Count { done: 69, due: 100 }.percent(), Some(69));
    assert!(!Count { done: 69, due: 100 }.meets_line());
    assert!(Count { done: 7, due: 10 }.meets_line());
    assert!(!Count { done: 2, due: 3 }.meets_line());
    assert_eq!(Count { done: 2, due: 3 }.percent(), Some(66));
    assert_eq!(Count { done: 0, due: 0 }.percent(), None);
    assert!(!Count { done: 0, due: 0 }.meets_line());
}

/// Four weeks of a programme from Monday 2 March: the rotation at 10×1 5 s; changed on day 14 to
/// 8×2 10 s; progressed on day 21 to 10×2 10 s (the dose as [`super::programme::facts`] gives it
/// from the events). A session every day at the dose in effect, but days 16 and 17 at the old
/// one. PSFS answers in weeks 1, 2 and 4.
fn a_programme_changed_halfway() -> Facts {
    let first = date(2026, 3, 2);
    let prescription = |n: i32, dose: Dose, progression: bool| Prescription {
        from: day(first, n),
        item: crate::domain::exercise::DEFAULT_ID.to_owned(),
        name: "Lower trunk rotation".to_owned(),
        dose,
        accepted: progression.then(|| "rot".to_owned()),
    };
    let answers = |n: i32| match n {
        0 => vec![("socks", 2), ("sitting", 4)],
        7 => vec![("socks", 3)],
        21 => vec![("socks", 5), ("sitting", 6)],
        _ => Vec::new(),
    };
    let sessions = (0..28)
        .map(|n| {
            let ran_at = match n {
                16 | 17 => dose(10, 1, 5),
                n if n >= 21 => dose(10, 2, 10),
                n if n >= 14 => dose(8, 2, 10),
                _ => dose(10, 1, 5),
            };
            let mut record = ran(session(day(first, n), Some(4)), ran_at);
            record.checkin.psfs =
                answers(n).into_iter().map(|(activity, score)| Psfs { activity: activity.to_owned(), score }).collect();
            record
        })
        .collect();
    let mut facts = Facts::new(Period::new(first, day(first, 27)).unwrap(), Some("Ana".to_owned()), sessions);
    facts.programme = Some(ProgrammeFacts {
        name: "Low back".to_owned(),
        prescriber: Some("A. Physio".to_owned()),
        start: first,
        weeks: 4,
        review: Some(day(first, 28)),
        stop_pain: None,
        prescriptions: vec![
            prescription(0, dose(10, 1, 5), false),
            prescription(14, dose(8, 2, 10), false),
            prescription(21, dose(10, 2, 10), true),
        ],
    });
    facts
}

#[test]
fn a_programme_changed_halfway_shows_each_weeks_dose_prescribed_and_done() {
    let review = Review::of(&a_programme_changed_halfway());
    let cells = &review.dose[0].cells;
    let prescribed: Vec<Option<Dose>> = cells.iter().map(|c| c.prescribed).collect();
    assert_eq!(prescribed, [Some(dose(10, 1, 5)), Some(dose(10, 1, 5)), Some(dose(8, 2, 10)), Some(dose(10, 2, 10))]);
    let done: Vec<Done> = cells.iter().map(|c| c.done.unwrap()).collect();
    assert_eq!(done[2].dose, dose(8, 2, 10), "five days at the new dose outweigh two at the old");
    assert_eq!(done[2].sessions, 7);
    assert_eq!(done[3].dose, dose(10, 2, 10));
    assert_eq!(
        review.progressions,
        [Progression {
            date: date(2026, 3, 23),
            item: "Lower trunk rotation".to_owned(),
            step: "rot".to_owned(),
            from: Some(dose(8, 2, 10)),
            to: dose(10, 2, 10)
        }],
        "the change on day 14 was the programme's, not a progression"
    );
}

#[test]
fn psfs_is_each_activitys_weekly_score_and_the_means_change_from_the_first_week() {
    let review = Review::of(&a_programme_changed_halfway());
    let psfs = &review.psfs;
    let names: Vec<&str> = psfs.activities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["socks", "sitting"]);
    assert_eq!(psfs.activities[0].columns, [Some(2.0), Some(3.0), None, Some(5.0)]);
    assert_eq!(psfs.activities[1].columns, [Some(4.0), None, None, Some(6.0)]);
    assert_eq!((psfs.activities[0].change, psfs.activities[1].change), (Some(3.0), Some(2.0)));
    assert_eq!(psfs.columns, [Some(3.0), Some(3.0), None, Some(5.5)]);
    assert_eq!((psfs.first.unwrap().week, psfs.latest.unwrap().week), (0, 3));
    assert!(close(psfs.change().unwrap(), 2.5));
    assert!(psfs.important());
    // Exactly 2 points counts; 1.5 does not.
    let first = date(2026, 3, 2);
    let period = Period::new(first, day(first, 13)).unwrap();
    let answers = |later: u8| {
        vec![
            PsfsAnswer { date: first, activity: "socks".to_owned(), score: 3 },
            PsfsAnswer { date: day(first, 7), activity: "socks".to_owned(), score: later },
        ]
    };
    assert!(psfs::figures(period, &answers(5)).important());
    assert!(!psfs::figures(period, &answers(4)).important());
    assert!(
        psfs::figures(period, &[PsfsAnswer { date: first, activity: "x".to_owned(), score: 11 }]).activities.is_empty()
    );
}

#[test]
fn a_programmes_own_adherence_is_shown_as_it_is_given() {
    let mut facts = a_programme_changed_halfway();
    let given = Adherence {
        basis: Basis::Programme,
        days: facts.period.dates().map(|date| Day { date, status: DayStatus::Skipped }).collect(),
        columns: vec![Count { done: 1, due: 14 }; 4],
        whole: Count { done: 4, due: 56 },
        counted_to: day(facts.period.first(), 27),
    };
    facts.adherence = Some(given.clone());
    assert_eq!(Review::of(&facts).adherence, given, "never worked out a second way");
}

#[test]
fn sessions_and_answers_outside_the_period_are_left_out_and_the_rest_put_in_order() {
    let first = date(2026, 3, 2);
    let sessions = vec![
        session(day(first, 3), Some(2)),
        session(day(first, -1), Some(9)),
        session(first, Some(5)),
        session(day(first, 7), Some(9)),
    ];
    let facts = facts(first, day(first, 6), sessions);
    let dates: Vec<Date> = facts.sessions.iter().map(|s| s.start.date()).collect();
    assert_eq!(dates, [first, day(first, 3)]);
    assert!(close(Review::of(&facts).pain.baseline.unwrap().mean, 3.5));
}

#[test]
fn without_a_programme_a_day_not_over_is_shown_and_not_counted() {
    let first = date(2026, 3, 2);
    let mut facts = facts(first, day(first, 6), vec![session(first, Some(3)), session(day(first, 6), Some(3))]);
    facts.counted_to = day(first, 5);
    let review = Review::of(&facts);
    assert_eq!(review.adherence.whole, Count { done: 1, due: 6 }, "the last day's session is not counted either");
    assert_eq!(
        review.adherence.days[6].status,
        DayStatus::NotOver,
        "not over: not counted, and not said to be not due"
    );
    assert_eq!(review.adherence.counted_to, day(first, 5));
}

#[test]
fn a_session_with_no_hold_done_makes_no_day_partial_and_runs_no_dose() {
    let first = date(2026, 3, 2);
    let mut false_start = ran(stopped(day(first, 1), Some(6), Some(Why::Pain)), dose(12, 1, 5));
    false_start.exercises[0].sides = sides(0, 0, 12);
    let halfway = stopped(day(first, 2), None, Some(Why::NoTime));
    let sessions = vec![session(first, Some(4)), false_start, halfway];
    let review = Review::of(&facts(first, day(first, 2), sessions));
    let statuses: Vec<adherence::DayStatus> = review.adherence.days.iter().map(|d| d.status).collect();
    assert_eq!(statuses, [adherence::DayStatus::Done, adherence::DayStatus::Missed, adherence::DayStatus::Partial]);
    let done = review.dose[0].cells[0].done.unwrap();
    assert_eq!((done.dose, done.sessions), (dose(10, 1, 5), 2), "the 12 reps never ran: {done:?}");
    assert_eq!(
        review.stops[0],
        Stop { date: day(first, 1), why: Some(Why::Pain), holds_done: 0 },
        "the stop for pain is told all the same"
    );
}
