//! Adherence: the sessions done against the sessions a programme made due, for each day, each
//! programme week and a whole period, from the programme's events (installed, changed, a step
//! accepted, ended; each with the whole prescription) and the sessions done.
//!
//! Pure, and the one place adherence is computed: `trunkrot today`, `trunkrot history` and the
//! physiotherapist's report all call [`adherence`] (or [`today`]).
//!
//! The rules:
//! - The programme in effect on a day is the latest event on or before it; after `ended`, none.
//!   Nothing is due before its first day or after its last week.
//! - An item due on fixed days is due `times_a_day` sessions on each. An item due on any N days
//!   of a week is due on the days it was done (in full or stopped early) while the week's N were
//!   not yet reached, and on the days that had to be done to reach them (the last days of a
//!   week short of its N).
//! - A session counts for the item it was tagged with when it was written (the item whose dose
//!   it did). Done in full, it is `full`; stopped early (or with holds skipped), `partial`, with
//!   the fraction of its holds done and why it stopped. Sessions past what was due are `extra`.
//! - A day skipped with a reason excuses what it left undone: `excused`, not `missed`, and out of
//!   the share. The share is full sessions over the sessions due that were not excused;
//!   [`ADHERENT`] (70%) is the usual line.

pub mod text;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::domain::programme::{Days, Item, Programme, add_days, days_between};
use crate::history::{End, Record};

/// The share of due sessions done that is usually called adherent.
pub const ADHERENT: f64 = 0.70;

/// What happened to the programme on a day. Every kind but `Ended` carries the whole
/// prescription then in effect, with its first day set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Installed(Programme),
    Changed(Programme),
    /// A step of the progression accepted: the prescription with the step in it.
    Accepted(Programme),
    Ended,
}

/// A programme event, dated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeEvent {
    pub date: Date,
    pub change: Change,
}

/// A session as adherence sees it: its day, the item it was tagged with, and how much was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub date: Date,
    pub item: String,
    /// Holds done and planned.
    pub done: u32,
    pub planned: u32,
    /// Every hold done, the session ran to its end.
    pub completed: bool,
    /// Why it stopped, in words, when it stopped early and the reason is known.
    pub why: Option<String>,
}

impl Attempt {
    /// What a session did for the programme item it was tagged with; `None` for a session that
    /// did no item (another exercise, or an item's exercise at another dose), or that did no hold
    /// at all: stopped in its first move, it takes none of the day's sessions, which stay due.
    pub fn of(record: &Record) -> Option<Attempt> {
        let item = record.item.as_ref()?;
        if record.done() == 0 {
            return None;
        }
        Some(Attempt {
            date: record.start.date(),
            item: item.id.clone(),
            done: record.done(),
            // The whole plan's holds: a routine stopped before its last exercises recorded none.
            planned: item.holds.max(record.planned()),
            completed: record.completed(),
            why: match record.end {
                End::Stopped(Some(why)) => Some(why.phrase().to_owned()),
                _ => None,
            },
        })
    }
}

/// A day the user said they skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedDay {
    pub date: Date,
    pub reason: String,
}

/// A session stopped early: how much of it was done, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial {
    pub item: String,
    /// The fraction of its holds done, 0 to 1.
    pub fraction: f64,
    pub why: Option<String>,
}

/// Counts of sessions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Sessions the programme made due.
    pub due: u32,
    /// Due sessions done in full.
    pub full: u32,
    /// Due sessions stopped early.
    pub partial: u32,
    /// The holds those partial sessions did, all together.
    pub partial_held: u32,
    /// The holds they planned, all together.
    pub partial_planned: u32,
    /// Due sessions neither done nor excused.
    pub missed: u32,
    /// Due sessions left undone on a day skipped with a reason.
    pub excused: u32,
    /// Sessions done beyond what was due.
    pub extra: u32,
    /// Days skipped with a reason (on which something was due).
    pub skipped_days: u32,
}

impl Figures {
    /// Full sessions over the due ones not excused; `None` when nothing was due.
    pub fn share(&self) -> Option<f64> {
        let counted = self.due.saturating_sub(self.excused);
        (counted > 0).then(|| f64::from(self.full) / f64::from(counted))
    }

    /// Whether the share reaches [`ADHERENT`].
    pub fn adherent(&self) -> Option<bool> {
        self.share().map(|share| share >= ADHERENT - 1e-9)
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &Figures) {
        self.due += other.due;
        self.full += other.full;
        self.partial += other.partial;
        // Saturating: the holds come from the history's file.
        self.partial_held = self.partial_held.saturating_add(other.partial_held);
        self.partial_planned = self.partial_planned.saturating_add(other.partial_planned);
        self.missed += other.missed;
        self.excused += other.excused;
        self.extra += other.extra;
        self.skipped_days += other.skipped_days;
    }
}

/// One item on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemDay {
    pub item: String,
    pub figures: Figures,
}

/// One day.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub date: Date,
    /// The programme week it falls in (1-based), when a programme is in effect.
    pub week: Option<u32>,
    pub items: Vec<ItemDay>,
    /// The reason given, when the day was skipped.
    pub skipped: Option<String>,
    /// The sessions stopped early that day.
    pub partials: Vec<Partial>,
    pub figures: Figures,
}

/// One programme week (of the prescription in effect then).
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// Its first day, and its number in its programme.
    pub first_day: Date,
    pub number: u32,
    /// The programme's name and length in weeks.
    pub programme: String,
    pub of: u32,
    pub figures: Figures,
}

/// Adherence over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Adherence {
    pub days: Vec<Day>,
    pub weeks: Vec<Week>,
    pub whole: Figures,
}

/// Adherence from `from` to `to` (both included): `events` in the order they happened (the file's
/// order; on one day the later wins), the `attempts` and the `skipped` days, any order.
pub fn adherence(
    events: &[ProgrammeEvent],
    attempts: &[Attempt],
    skipped: &[SkippedDay],
    from: Date,
    to: Date,
) -> Adherence {
    let index = Index::new(attempts, skipped);
    let mut result = Adherence { days: Vec::new(), weeks: Vec::new(), whole: Figures::default() };
    let mut date = from;
    while date <= to {
        let day = day(events, &index, date, Rule::Looking);
        if let (Some(number), Some((programme, first))) = (day.week, in_effect(events, date)) {
            let first_day = add_days(first, 7 * i64::from(number - 1));
            match result.weeks.iter_mut().find(|w| w.first_day == first_day && w.programme == programme.name) {
                Some(week) => week.figures.add(&day.figures),
                None => result.weeks.push(Week {
                    first_day,
                    number,
                    programme: programme.name.clone(),
                    of: programme.weeks,
                    figures: day.figures.clone(),
                }),
            }
        }
        result.whole.add(&day.figures);
        result.days.push(day);
        if date == Date::MAX {
            break;
        }
        date = add_days(date, 1);
    }
    result
}

/// Today as `trunkrot today` sees it: what is due, done and left. An item due on any N days of
/// the week is due today while the week's N are not reached (a day can still be chosen), unlike
/// [`adherence`], which looks back at a finished day.
pub fn today(events: &[ProgrammeEvent], attempts: &[Attempt], skipped: &[SkippedDay], date: Date) -> Day {
    day(events, &Index::new(attempts, skipped), date, Rule::Today)
}

/// How an item due on any N days of a week is judged on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Looking back: due when done before the week's N, or when the rest of the week is needed.
    Looking,
    /// Today: due while the week's N are not reached.
    Today,
}

/// The prescription in effect on `date`, and its first day (its own start, else the day of the
/// event that put it in effect).
pub fn in_effect(events: &[ProgrammeEvent], date: Date) -> Option<(&Programme, Date)> {
    let latest = events.iter().filter(|event| event.date <= date).map(|event| event.date).max()?;
    // On one day the later event wins: the last one in the list with the latest date.
    let event = events.iter().rev().find(|event| event.date == latest)?;
    match &event.change {
        Change::Installed(programme) | Change::Changed(programme) | Change::Accepted(programme) => {
            Some((programme, programme.first_day(event.date)))
        }
        Change::Ended => None,
    }
}

/// The attempts and skipped days by day.
struct Index<'a> {
    attempts: HashMap<Date, Vec<&'a Attempt>>,
    skipped: HashMap<Date, &'a SkippedDay>,
}

impl<'a> Index<'a> {
    fn new(attempts: &'a [Attempt], skipped: &'a [SkippedDay]) -> Self {
        let mut by_day: HashMap<Date, Vec<&Attempt>> = HashMap::new();
        for attempt in attempts {
            by_day.entry(attempt.date).or_default().push(attempt);
        }
        Index { attempts: by_day, skipped: skipped.iter().map(|s| (s.date, s)).collect() }
    }

    fn of<'s>(&'s self, date: Date, item: &'s str) -> impl Iterator<Item = &'a Attempt> + 's {
        self.attempts.get(&date).into_iter().flatten().copied().filter(move |a| a.item == item)
    }

    /// Whether `item` was done on `date`, in full or stopped early.
    fn tried(&self, date: Date, item: &str) -> bool {
        self.of(date, item).next().is_some()
    }
}

fn day(events: &[ProgrammeEvent], index: &Index<'_>, date: Date, rule: Rule) -> Day {
    let skipped = index.skipped.get(&date).map(|s| s.reason.clone());
    let mut day =
        Day { date, week: None, items: Vec::new(), skipped, partials: Vec::new(), figures: Figures::default() };
    let Some((programme, first)) = in_effect(events, date) else { return day };
    let Some(week) = programme.week_of(first, date) else { return day };
    day.week = Some(week);
    let week_start = add_days(first, 7 * i64::from(week - 1));
    // The week as far as the programme runs: an ended programme cuts it short.
    let week_end = add_days(week_start, 7).min(ends_after(events, date).unwrap_or(Date::MAX));
    for item in &programme.items {
        let due = due(item, index, date, week_start, week_end, rule);
        let attempts: Vec<&Attempt> = index.of(date, &item.id).collect();
        let full = attempts.iter().filter(|a| a.completed).count() as u32;
        let mut figures = Figures { due, full: full.min(due), ..Figures::default() };
        let mut room = due - figures.full;
        for attempt in attempts.iter().filter(|a| !a.completed) {
            let fraction =
                if attempt.planned == 0 { 0.0 } else { f64::from(attempt.done) / f64::from(attempt.planned) };
            day.partials.push(Partial { item: item.id.clone(), fraction, why: attempt.why.clone() });
            if room > 0 {
                room -= 1;
                figures.partial += 1;
                figures.partial_held = figures.partial_held.saturating_add(attempt.done.min(attempt.planned));
                figures.partial_planned = figures.partial_planned.saturating_add(attempt.planned);
            } else {
                figures.extra += 1;
            }
        }
        figures.extra += full.saturating_sub(due);
        if day.skipped.is_some() {
            figures.excused = room;
        } else {
            figures.missed = room;
        }
        day.figures.add(&figures);
        day.items.push(ItemDay { item: item.id.clone(), figures });
    }
    if day.skipped.is_some() && day.figures.due > 0 {
        day.figures.skipped_days = 1;
    }
    day
}

/// The day the programme in effect on `date` stops being in effect, if an event ends or replaces
/// it later. A step accepted is the same programme going on: its weeks are not cut.
fn ends_after(events: &[ProgrammeEvent], date: Date) -> Option<Date> {
    let ends = |event: &&ProgrammeEvent| !matches!(event.change, Change::Accepted(_));
    events.iter().filter(|event| event.date > date).filter(ends).map(|event| event.date).min()
}

/// Sessions of `item` due on `date`.
fn due(item: &Item, index: &Index<'_>, date: Date, week_start: Date, week_end: Date, rule: Rule) -> u32 {
    if let Some(due) = item.due_on(date.weekday()) {
        return due;
    }
    let Days::PerWeek(needed) = item.days else { return 0 };
    let mut done_before = 0;
    let mut earlier = week_start;
    while earlier < date {
        // A day it was done on counts, in full or stopped early: that day was one of the N.
        if index.tried(earlier, &item.id) {
            done_before += 1;
        }
        earlier = add_days(earlier, 1);
    }
    let left = needed.saturating_sub(done_before);
    if left == 0 {
        return 0;
    }
    let days_left = u32::try_from(days_between(date, week_end)).unwrap_or(0);
    let done_today = index.tried(date, &item.id);
    match rule {
        Rule::Today => item.times_a_day,
        Rule::Looking if done_today || left >= days_left => item.times_a_day,
        Rule::Looking => 0,
    }
}

#[cfg(test)]
mod tests;
