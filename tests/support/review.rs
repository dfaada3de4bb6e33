//! Synthetic histories for the report's tests: twelve weeks of sessions as history lines, and a
//! page's facts as full as a page gets (every list over its cap, hostile names and notes).

// Each crate that includes this uses only part of it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::time::Duration;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use trunkrot::domain::checkin::{Checkin, Hurt, Note, Pain, Psfs, Why};
use trunkrot::domain::side::Side;
use trunkrot::domain::summary::SideReps;
use trunkrot::history::adherence::{Change, ProgrammeEvent};
use trunkrot::history::review::adherence::{Adherence, Basis, Count, Day, DayStatus};
use trunkrot::history::review::facts::{Dose, Prescription};
use trunkrot::history::review::{Facts, Period, ProgrammeFacts};
use trunkrot::history::{End, ExerciseRecord, ItemDone, Record, Started};

/// One exercise as a session ran it: its name, its dose, and the holds held and planned a side.
pub struct Ran<'a> {
    pub name: &'a str,
    pub dose: Dose,
    pub held: u32,
    pub planned: u32,
}

/// The id the synthetic sessions give an exercise of this name.
pub fn id_of(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
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
            id: id_of(name),
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

/// The programme of the synthetic twelve weeks: the rotation twice a day.
pub const PROGRAMME: &str = "name = \"Low back, twelve weeks\"\nweeks = 12\nstart = 2026-03-02\n\
    [prescriber]\nname = \"J. Costa\"\ncontact = \"clinic 555 0100\"\n[stop]\npain = 7\n\
    [[item]]\nid = \"rot\"\nexercise = \"lower-trunk-rotation\"\ntimes_a_day = 2\nreps = 10\nhold = 5\n";

/// The sessions as `history.jsonl` lines, as trunkrot writes them: pain before each morning
/// session, which side hurt, pain spread on day 10, a note every tenth day. With `programme`,
/// [`PROGRAMME`] installed two days before, and each session counted for its item.
pub fn history_lines(sessions: &[Planned], programme: bool) -> String {
    let mut text = String::new();
    if programme {
        let prescribed =
            trunkrot::domain::programme::parse("p.toml", PROGRAMME.as_bytes()).expect("a programme").programme;
        let installed = FIRST.checked_sub(2.days()).expect("a day");
        let event = ProgrammeEvent { date: installed, change: Change::Installed(prescribed) };
        let _ = writeln!(text, "{}", event.to_line());
    }
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
            psfs: if programme && s.day % 7 == 0 && !s.evening { weekly_psfs(s.day / 7) } else { Vec::new() },
            ..Checkin::default()
        };
        let hour = if s.evening { 19 } else { 8 };
        let ran = Ran { name: "Lower trunk rotation", dose: dose(10, 1, 5), held, planned: 10 };
        let mut record = session(day, hour, &ran, end, checkin);
        if programme {
            record.item = Some(ItemDone { id: "rot".to_owned(), holds: 20 });
        }
        let _ = writeln!(text, "{}", record.to_line());
    }
    text
}

/// The PSFS answers of the first session of week `week` (0 for the first): putting on socks 3
/// rising a point every third week, sitting through a meal 4 rising a point every other week.
pub fn weekly_psfs(week: i32) -> Vec<Psfs> {
    let score = |base: i32, every: i32| u8::try_from(base + week / every).unwrap_or(0);
    vec![
        Psfs { activity: "Putting on socks".to_owned(), score: score(3, 3) },
        Psfs { activity: "Sitting through a meal".to_owned(), score: score(4, 2) },
    ]
}

/// Sessions done in full, counted straight from the plan.
pub fn full_sessions(sessions: &[Planned]) -> u32 {
    sessions.iter().filter(|s| s.full).count() as u32
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
    // Three activities, scored a little better every 20 days.
    let psfs = |n: i32| {
        [odd("Putting on socks"), "Sitting for an hour at work".to_owned(), "Lifting a child".to_owned()]
            .into_iter()
            .enumerate()
            .map(|(a, activity)| {
                let score = u8::try_from((2 + n / 20 + i32::try_from(a).unwrap_or(0)).clamp(0, 10)).unwrap_or(0);
                Psfs { activity, score }
            })
            .collect::<Vec<_>>()
    };
    let items = [odd("Lower trunk rotation"), "Pelvic tilt".to_owned(), "Knee to chest, alternating sides".to_owned()];
    let halfway = first.checked_add((weeks * 7 / 2).days()).expect("a day");
    let prescription = |from: Date, name: &str, dose: Dose, progression: bool| Prescription {
        from,
        item: id_of(name),
        name: name.to_owned(),
        dose,
        accepted: progression.then(|| id_of(name)),
    };
    let mut prescriptions: Vec<Prescription> = items
        .iter()
        .zip([dose(10, 2, 5), dose(8, 2, 10), dose(5, 3, 20)])
        .map(|(item, dose)| prescription(first, item, dose, false))
        .collect();
    prescriptions.push(prescription(halfway, &items[1], dose(10, 2, 10), false));
    for (at, reps) in [(weeks * 7 / 4, 12), (weeks * 7 * 3 / 4, 15)] {
        prescriptions.push(prescription(
            first.checked_add(at.days()).expect("a day"),
            &items[0],
            dose(reps, 2, 5),
            true,
        ));
    }
    let programme = ProgrammeFacts {
        name: odd("Low back, after the flare-up of the winter"),
        prescriber: Some(odd("Dr. Joana Prescriber-Longname, Physiotherapy Clinic of the North")),
        start: first,
        weeks: u32::try_from(weeks).unwrap_or(12),
        review: last.checked_add(2.days()).ok(),
        // The longest heading of the high pains: "Pain 7 or more (stop line 10)".
        stop_pain: Some(10),
        prescriptions,
    };
    let mut sessions = Vec::new();
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
                psfs: if i == 0 && n % 7 == 0 { psfs(n) } else { Vec::new() },
                ..Checkin::default()
            };
            let ran_at = dose(10 + u32::try_from(n / 90).unwrap_or(0), 2, 5);
            let (held, end) = if full { (20, End::Reached) } else { (6, End::Stopped(why)) };
            let ran = Ran { name: item, dose: ran_at, held, planned: 20 };
            sessions.push(session(day, 8 + u8::try_from(i).unwrap_or(0), &ran, end, checkin));
        }
    }
    let mut facts = Facts::new(period, Some(odd("Ana Maria da Silva Longname")), sessions);
    facts.programme = Some(programme);
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
        counted_to: last,
    });
    facts
}
