//! Synthetic histories for the report's tests: twelve weeks of sessions as history lines, and a
//! page's facts as full as a page gets (every list over its cap, hostile names and notes).

// Each crate that includes this uses only part of it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::time::Duration;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use trunkrot::domain::checkin::{Checkin, Hurt, Note, Pain, Why};
use trunkrot::domain::side::Side;
use trunkrot::domain::summary::SideReps;
use trunkrot::history::review::adherence::{Adherence, Basis, Count, Day, DayStatus};
use trunkrot::history::review::facts::{Dose, Prescription, PsfsAnswer};
use trunkrot::history::review::{Facts, Period, Programme};
use trunkrot::history::{End, ExerciseRecord, Record, Started};

/// One exercise as a session ran it: its name, its dose, and the holds held and planned a side.
pub struct Ran<'a> {
    pub name: &'a str,
    pub dose: Dose,
    pub held: u32,
    pub planned: u32,
}

/// A session on `day` at `hour` of one exercise, that ended as `end`, with `checkin`.
pub fn session(day: Date, hour: u8, ran: &Ran, end: End, checkin: Checkin) -> Record {
    let start = Started::parse(&format!("{day}T{hour:02}:30:00+01:00")).expect("a start");
    let Ran { name, dose, held, planned } = *ran;
    let active = Duration::from_secs(u64::from(planned) * 2 * dose.hold.as_secs());
    Record {
        id: Some(format!("{day}-{hour}-{name}")),
        start,
        routine: None,
        item: None,
        exercises: vec![ExerciseRecord {
            id: name.to_lowercase().replace(' ', "-"),
            name: name.to_owned(),
            reps: dose.reps,
            sets: dose.sets,
            hold: dose.hold,
            sides: [Side::Left, Side::Right].map(|side| SideReps { side: Some(side), done: held, planned }).to_vec(),
            active,
            completed: held >= planned,
            skipped: 0,
        }],
        end,
        elapsed: active,
        active,
        checkin,
    }
}

/// The first day of the synthetic twelve weeks (a Monday).
pub const FIRST: Date = date(2026, 3, 2);
/// Its last day.
pub const LAST: Date = date(2026, 5, 24);

/// One session of the synthetic history.
#[derive(Debug, Clone, Copy)]
pub struct Planned {
    pub day: i32,
    pub evening: bool,
    pub full: bool,
    pub pain: u8,
}

/// Twelve weeks of the default exercise, twice a day as a rule: the evening skipped every
/// third day, whole days off now and then, a morning stopped early every 13 days; pain after
/// easing from about 6 to about 2, with two answers of 8.
pub fn twelve_weeks() -> Vec<Planned> {
    let mut sessions = Vec::new();
    for day in 0..84 {
        if day % 11 == 5 {
            continue;
        }
        for evening in [false, true] {
            if evening && day % 3 == 0 {
                continue;
            }
            let full = day % 13 != 7 || evening;
            let wobble = (day * 7 + i32::from(evening)) % 3 - 1;
            let pain = if day == 10 || day == 40 { 8 } else { (6 - day / 20 + wobble).clamp(0, 10) };
            sessions.push(Planned { day, evening, full, pain: u8::try_from(pain).unwrap_or(0) });
        }
    }
    sessions
}

/// The sessions as `history.jsonl` lines, as trunkrot writes them: pain before each morning
/// session, which side hurt, pain spread on day 10, a note every tenth day.
pub fn history_lines(sessions: &[Planned]) -> String {
    let mut text = String::new();
    for s in sessions {
        let day = FIRST.checked_add(s.day.days()).expect("a day");
        let (held, end) = if s.full { (10, End::Reached) } else { (4, End::Stopped(Some(Why::Pain))) };
        let checkin = Checkin {
            pain_before: (!s.evening).then(|| Pain::new(s.pain.saturating_add(1).min(10))).flatten(),
            pain: Pain::new(s.pain),
            hurt: Some(if s.day % 3 == 0 { Hurt::Neither } else { Hurt::Left }),
            spread: Some(s.day == 10),
            note: (s.day % 10 == 4 && !s.evening)
                .then(|| Note::new(&format!("Day {}: stiff in the morning, easier after.", s.day)))
                .flatten(),
            ..Checkin::default()
        };
        let hour = if s.evening { 19 } else { 8 };
        let ran = Ran { name: "Lower trunk rotation", dose: dose(10, 1, 5), held, planned: 10 };
        let record = session(day, hour, &ran, end, checkin);
        let _ = writeln!(text, "{}", record.to_line());
    }
    text
}

/// Days with at least one full session, counted straight from the plan.
pub fn full_days(sessions: &[Planned]) -> u32 {
    (0..84).filter(|day| sessions.iter().any(|s| s.day == *day && s.full)).count() as u32
}

/// The first week's mean pain after a session, straight from the plan.
pub fn first_week_pain(sessions: &[Planned]) -> f64 {
    let week: Vec<f64> = sessions.iter().filter(|s| s.day < 7).map(|s| f64::from(s.pain)).collect();
    week.iter().sum::<f64>() / week.len() as f64
}

/// Text that must come out as text: markup, entities, a bidi override, a control character.
pub const HOSTILE: &str = "<script>alert('x')</script> &amp; &#60;b&#62; \u{202E}thgir\u{202C} <img src=http://example.invalid/x.png> \u{1b}[2J";

fn dose(reps: u32, sets: u32, hold: u64) -> Dose {
    Dose { reps, sets, hold: Duration::from_secs(hold) }
}

/// A page as full as one gets: a year of a programme with three items changed halfway and
/// progressed twice, three sessions a day, pain before and after, every list past its cap, long
/// notes; with `hostile`, the name, the prescriber, an item, an activity and the notes hold
/// [`HOSTILE`].
pub fn dense(hostile: bool, weeks: i32) -> Facts {
    let first = date(2026, 1, 5);
    let last = first.checked_add((weeks * 7 - 1).days()).expect("a day");
    let period = Period::new(first, last).expect("a period that fits");
    let odd = |text: &str| if hostile { format!("{HOSTILE} {text}") } else { text.to_owned() };
    let items = [odd("Lower trunk rotation"), "Pelvic tilt".to_owned(), "Knee to chest, alternating sides".to_owned()];
    let halfway = first.checked_add((weeks * 7 / 2).days()).expect("a day");
    let mut prescriptions: Vec<Prescription> = items
        .iter()
        .zip([dose(10, 2, 5), dose(8, 2, 10), dose(5, 3, 20)])
        .map(|(item, dose)| Prescription { from: first, item: item.clone(), dose, per_day: 1, progression: false })
        .collect();
    prescriptions.push(Prescription {
        from: halfway,
        item: items[1].clone(),
        dose: dose(10, 2, 10),
        per_day: 1,
        progression: false,
    });
    for (at, reps) in [(weeks * 7 / 4, 12), (weeks * 7 * 3 / 4, 15)] {
        let from = first.checked_add(at.days()).expect("a day");
        prescriptions.push(Prescription {
            from,
            item: items[0].clone(),
            dose: dose(reps, 2, 5),
            per_day: 1,
            progression: true,
        });
    }
    let programme = Programme {
        prescriber: Some(odd("Dr. Joana Prescriber-Longname, Physiotherapy Clinic of the North")),
        person: Some(odd("Ana Maria da Silva Longname")),
        start: first,
        weeks: u32::try_from(weeks).unwrap_or(12),
        review: last.checked_add(2.days()).ok(),
        prescriptions,
    };
    let mut sessions = Vec::new();
    let mut psfs = Vec::new();
    let mut days = Vec::new();
    for (n, day) in period.dates().enumerate() {
        let n = i32::try_from(n).unwrap_or(0);
        let status = match n % 17 {
            3 => DayStatus::Missed,
            9 => DayStatus::Skipped,
            12 => DayStatus::Partial,
            _ => DayStatus::Done,
        };
        days.push(Day { date: day, status });
        if matches!(status, DayStatus::Missed | DayStatus::Skipped) {
            continue;
        }
        for (i, item) in items.iter().enumerate() {
            let full = !(status == DayStatus::Partial && i == 0);
            let pain = u8::try_from((7 - n / 30 + (n + i32::try_from(i).unwrap_or(0)) % 4).clamp(0, 10)).unwrap_or(0);
            let why = [Some(Why::Pain), Some(Why::NoTime), Some(Why::Other), None][(n % 4) as usize];
            let checkin = Checkin {
                pain_before: Pain::new(pain.saturating_sub(1)),
                pain: Pain::new(pain),
                hurt: Some([Hurt::Left, Hurt::Right, Hurt::Both, Hurt::Neither][(n % 4) as usize]),
                spread: Some(n % 5 == 0),
                note: (i == 0 && n % 2 == 0)
                    .then(|| {
                        Note::new(&odd(&"My back felt stiff in the morning but eased after the second set; ".repeat(4)))
                    })
                    .flatten(),
                ..Checkin::default()
            };
            let ran_at = dose(10 + u32::try_from(n / 90).unwrap_or(0), 2, 5);
            let (held, end) = if full { (20, End::Reached) } else { (6, End::Stopped(why)) };
            let ran = Ran { name: item, dose: ran_at, held, planned: 20 };
            sessions.push(session(day, 8 + u8::try_from(i).unwrap_or(0), &ran, end, checkin));
        }
        if n % 7 == 0 {
            for (a, activity) in
                [odd("Putting on socks"), "Sitting for an hour at work".to_owned(), "Lifting a child".to_owned()]
                    .iter()
                    .enumerate()
            {
                let score = u8::try_from((2 + n / 20 + i32::try_from(a).unwrap_or(0)).clamp(0, 10)).unwrap_or(0);
                psfs.push(PsfsAnswer { date: day, activity: activity.clone(), score });
            }
        }
    }
    let mut facts = Facts::new(period, programme.person.clone(), Some(programme), sessions, psfs);
    let columns = period.columns();
    let count = |from: Date, to: Date| {
        let due =
            days.iter().filter(|d| d.date >= from && d.date <= to && d.status != DayStatus::NotDue).count() as u32;
        let done = days.iter().filter(|d| d.date >= from && d.date <= to && d.status == DayStatus::Done).count() as u32;
        Count { done, due }
    };
    facts.adherence = Some(Adherence {
        basis: Basis::Programme,
        columns: columns.iter().map(|c| count(c.first, c.last)).collect(),
        whole: count(first, last),
        days,
    });
    facts
}
