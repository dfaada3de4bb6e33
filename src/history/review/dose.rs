//! The dose: for each item, the dose prescribed against the dose done (reps, sets, hold) column
//! by column, with the share of holds done; and the progressions accepted, with their dates.

use jiff::civil::Date;

use super::Period;
use super::adherence::Count;
use super::facts::{Dose, ProgrammeFacts};
use crate::history::Record;

/// What was done of an item in one column of weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Done {
    /// The dose it ran with most often (the later one when two tie).
    pub dose: Dose,
    pub sessions: u32,
    /// Holds done against planned, over those sessions.
    pub holds: Count,
}

/// One column of an item's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The dose in effect on the column's last day, if the item was prescribed by then.
    pub prescribed: Option<Dose>,
    pub done: Option<Done>,
}

/// One item's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDose {
    /// The exercise's name, as shown.
    pub item: String,
    /// One per column of [`Period::columns`].
    pub cells: Vec<Cell>,
}

/// A change of an exercise's dose the person accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progression {
    pub date: Date,
    /// The exercise's name, as shown.
    pub item: String,
    /// The programme item whose step was accepted: a routine's names several exercises.
    pub step: String,
    pub from: Option<Dose>,
    pub to: Dose,
}

/// What was run of one item in one column: each dose with how often and the order of its last
/// run; and the holds done against planned.
#[derive(Debug, Clone, Default)]
struct Runs {
    doses: Vec<(Dose, u32, usize)>,
    holds: Count,
}

/// Each exercise's row: the programme's first, in its order, then any other exercise done; an
/// exercise is known by its id, and shown by its name.
pub fn by_item(period: Period, programme: Option<&ProgrammeFacts>, sessions: &[Record]) -> Vec<ItemDose> {
    let columns = period.columns();
    // (id, name), in order of first appearance.
    let mut items: Vec<(String, String)> = Vec::new();
    let mut note = |id: &str, name: &str| {
        if !items.iter().any(|(known, _)| known == id) {
            items.push((id.to_owned(), name.to_owned()));
        }
    };
    for prescription in programme.map(|p| p.prescriptions.as_slice()).unwrap_or_default() {
        note(&prescription.item, &prescription.name);
    }
    for session in sessions {
        for done in &session.exercises {
            note(&done.id, &done.name);
        }
    }
    let mut runs: Vec<Vec<Runs>> = vec![vec![Runs::default(); columns.len()]; items.len()];
    let mut order = 0;
    for session in sessions {
        let Some(column) = period.column_index(&columns, session.start.date()) else { continue };
        // An exercise stopped in its first move, no hold done, ran no dose.
        for exercise in session.exercises.iter().filter(|exercise| exercise.done() > 0) {
            let Some(item) = items.iter().position(|(id, _)| *id == exercise.id) else { continue };
            let dose = Dose::of(exercise);
            let Runs { doses, holds } = &mut runs[item][column];
            order += 1;
            match doses.iter_mut().find(|(run, _, _)| *run == dose) {
                Some(run) => {
                    run.1 += 1;
                    run.2 = order;
                }
                None => doses.push((dose, 1, order)),
            }
            holds.done = holds.done.saturating_add(exercise.done().min(exercise.planned()));
            holds.due = holds.due.saturating_add(exercise.planned());
        }
    }
    items
        .into_iter()
        .zip(runs)
        .map(|((id, name), runs)| {
            let cells = columns
                .iter()
                .zip(runs)
                .map(|(column, Runs { doses, holds })| Cell {
                    prescribed: prescribed_on(programme, &id, column.last),
                    done: doses.iter().max_by_key(|(_, count, last)| (*count, *last)).map(|&(dose, _, _)| Done {
                        dose,
                        sessions: doses.iter().map(|(_, count, _)| count).sum(),
                        holds,
                    }),
                })
                .collect();
            ItemDose { item: name, cells }
        })
        .collect()
}

/// The dose of exercise `item` in effect on `date`: the latest prescription from that day or
/// before.
pub fn prescribed_on(programme: Option<&ProgrammeFacts>, item: &str, date: Date) -> Option<Dose> {
    programme?.prescriptions.iter().filter(|p| p.item == item && p.from <= date).max_by_key(|p| p.from).map(|p| p.dose)
}

/// How many steps were accepted: one of a routine's item changes the dose of each of its
/// exercises, and is one step.
pub fn steps(progressions: &[Progression]) -> usize {
    let mut steps: Vec<(Date, &str)> = progressions.iter().map(|p| (p.date, p.step.as_str())).collect();
    steps.sort_unstable();
    steps.dedup();
    steps.len()
}

/// The progressions accepted in `period`, oldest first, each exercise's with the dose it replaced.
pub fn progressions(period: Period, programme: Option<&ProgrammeFacts>) -> Vec<Progression> {
    let Some(programme) = programme else { return Vec::new() };
    programme
        .prescriptions
        .iter()
        .enumerate()
        .filter(|(_, p)| period.contains(p.from))
        .filter_map(|(at, p)| Some((at, p, p.accepted.clone()?)))
        .map(|(at, p, step)| Progression {
            date: p.from,
            item: p.name.clone(),
            step,
            from: programme.prescriptions[..at]
                .iter()
                .rev()
                .find(|before| before.item == p.item)
                .map(|before| before.dose),
            to: p.dose,
        })
        .collect()
}
