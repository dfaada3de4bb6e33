//! The programme's part of a review, from the programme events the history keeps: what the page
//! says of the programme (its name, prescriber, weeks and review), each exercise's prescribed
//! dose over the period, and the programme's adherence as the page lays it out. Adherence itself
//! is [`crate::history::adherence`]'s, the one place it is computed; here its days are only
//! given a mark and summed into the page's columns.

use std::collections::HashMap;

use jiff::civil::Date;

use super::Period;
use super::adherence::{Adherence, Basis, Count, Day, DayStatus};
use super::facts::{Dose, Prescription, ProgrammeFacts};
use crate::domain::exercise::{Exercise, Timing};
use crate::domain::plan::{Overrides, Settings};
use crate::domain::programme::{Programme, What};
use crate::history::adherence::{self, Attempt, Figures, ProgrammeEvent, SkippedDay, in_effect};

/// What the page needs of an exercise a programme names: its id and name as sessions record
/// them, and its own timing, for what the programme leaves to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub name: String,
    pub timing: Timing,
}

impl Named {
    /// What the page needs of `exercise`.
    pub fn of(exercise: Exercise) -> Named {
        Named { id: exercise.id, name: exercise.name, timing: exercise.timing }
    }
}

/// The exercises an item is done with, as the page needs them: an exercise item's one
/// exercise, or each exercise of a routine with the settings the routine gives it; none when
/// what the item names cannot be found.
pub type ItemExercises = Vec<(Named, Overrides)>;

/// The programme the page speaks of: the one in effect on the period's last day, else the last
/// one in effect during it, with its first day; `None` when none was.
pub fn shown(events: &[ProgrammeEvent], period: Period) -> Option<(&Programme, Date)> {
    period.dates().collect::<Vec<_>>().into_iter().rev().find_map(|date| in_effect(events, date))
}

/// What the page says of the programme, and each exercise's dose over the period: `find` gives
/// the exercises an item is done with (an item it cannot find has no prescribed dose). A
/// routine's item doses each of its exercises, its own dose over the routine's settings for
/// each, as a session of it runs. An exercise done by two items on a day (a routine's and its
/// own) takes the first one's dose that day.
pub fn facts(
    events: &[ProgrammeEvent],
    period: Period,
    find: impl Fn(&What) -> ItemExercises,
) -> Option<ProgrammeFacts> {
    let (programme, first_day) = shown(events, period)?;
    let prescriber = crate::domain::programme::text::who(&programme.prescriber);
    let mut found: Vec<(What, ItemExercises)> = Vec::new();
    let mut prescriptions: Vec<Prescription> = Vec::new();
    for date in period.dates() {
        let Some((in_force, first)) = in_effect(events, date) else { continue };
        let mut dosed: Vec<String> = Vec::new();
        for item in &in_force.items {
            let at = found.iter().position(|(what, _)| *what == item.what).unwrap_or_else(|| {
                found.push((item.what.clone(), find(&item.what)));
                found.len() - 1
            });
            let exercises = &found[at].1;
            let item_dose = in_force.dose_on(item, first, date);
            for (named, own) in exercises {
                if dosed.contains(&named.id) {
                    continue;
                }
                dosed.push(named.id.clone());
                let settings = Settings::resolve(&named.timing, &item_dose.over(own));
                let dose = Dose { reps: settings.reps, sets: settings.sets, hold: settings.hold };
                let latest = prescriptions.iter().rev().find(|p| p.item == named.id).map(|p| p.dose);
                if latest != Some(dose) {
                    let accepted = (latest.is_some()
                        && in_force.accepted.iter().any(|a| a.item == item.id && a.date == date))
                    .then(|| item.id.clone());
                    prescriptions.push(Prescription {
                        from: date,
                        item: named.id.clone(),
                        name: named.name.clone(),
                        dose,
                        accepted,
                    });
                }
            }
        }
    }
    Some(ProgrammeFacts {
        name: programme.name.clone(),
        prescriber: (!prescriber.is_empty()).then_some(prescriber),
        start: first_day,
        weeks: programme.weeks,
        review: Some(programme.review_day(first_day)),
        stop_pain: programme.stop.pain,
        prescriptions,
    })
}

/// The programme's adherence over `period`, counted to `counted_to` (a day not over yet is not
/// counted), as the page shows it; `None` when no programme was in effect in the period.
pub fn adherence(
    events: &[ProgrammeEvent],
    attempts: &[Attempt],
    skipped: &[SkippedDay],
    period: Period,
    counted_to: Date,
) -> Option<Adherence> {
    shown(events, period)?;
    let to = counted_to.min(period.last());
    let figures = if to < period.first() {
        adherence::Adherence { days: Vec::new(), weeks: Vec::new(), whole: Figures::default() }
    } else {
        adherence::adherence(events, attempts, skipped, period.first(), to)
    };
    let by_date: HashMap<Date, &adherence::Day> = figures.days.iter().map(|day| (day.date, day)).collect();
    let days: Vec<Day> = period
        .dates()
        .map(|date| {
            let status = match by_date.get(&date) {
                Some(day) => status(day),
                None if date > to => DayStatus::NotOver,
                None => DayStatus::NotDue,
            };
            Day { date, status }
        })
        .collect();
    let columns = period
        .columns()
        .iter()
        .map(|column| {
            let (mut done, mut due) = (0, 0);
            for day in figures.days.iter().filter(|day| column.first <= day.date && day.date <= column.last) {
                done += day.figures.full;
                due += counted(&day.figures);
            }
            Count { done, due }
        })
        .collect();
    let whole = Count { done: figures.whole.full, due: counted(&figures.whole) };
    Some(Adherence { basis: Basis::Programme, days, columns, whole, counted_to: to })
}

/// The sessions due that count: those not excused by a day skipped with a reason.
fn counted(figures: &Figures) -> u32 {
    figures.due.saturating_sub(figures.excused)
}

/// A day's mark: skipped with a reason, nothing due, everything due done in full, something
/// done, or nothing.
fn status(day: &adherence::Day) -> DayStatus {
    let figures = &day.figures;
    if figures.due == 0 {
        DayStatus::NotDue
    } else if day.skipped.is_some() {
        DayStatus::Skipped
    } else if figures.full >= counted(figures) {
        DayStatus::Done
    } else if figures.full + figures.partial > 0 {
        DayStatus::Partial
    } else {
        DayStatus::Missed
    }
}

#[cfg(test)]
mod tests;
