//! A programme judged against the exercises its items name: every dose it can come to (its own,
//! each planned step, each accepted step, the top of its progression) within the exercise's
//! recommended range or noted, and every session within the longest a session may run.

use std::time::Duration;

use super::{Item, ProgrammeFile};
use crate::domain::diagnostic::Diagnostic;
use crate::domain::duration::human;
use crate::domain::exercise::Exercise;
use crate::domain::plan::{self, Overrides, Settings};

/// What [`review`] found: problems that refuse the file, and notes that only inform.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub problems: Vec<Diagnostic>,
    pub notes: Vec<Diagnostic>,
}

/// One item's exercises as found: each with the settings a routine gives it (none for an
/// exercise item).
pub type Found = Vec<(Exercise, Overrides)>;

/// Judges each item's doses against the exercises it is done with (`found`, one entry per item,
/// in order), and the routine's rest between exercises for routine items (`rests`).
pub fn review(file: &ProgrammeFile, found: &[Found], rests: &[Duration]) -> Review {
    let mut review = Review::default();
    for (index, ((item, exercises), place)) in file.programme.items.iter().zip(found).zip(&file.places).enumerate() {
        let at = |message: String| Diagnostic { message, ..place.clone() };
        let number = file.numbers.get(index).copied().unwrap_or(index + 1);
        let rest = rests.get(index).copied().unwrap_or_default();
        let mut noted = std::collections::HashSet::new();
        for (when, dose) in doses(file, item) {
            let parts: Vec<(Exercise, Overrides)> =
                exercises.iter().map(|(exercise, own)| (exercise.clone(), dose.over(own))).collect();
            let length = plan::planned_length(&parts, rest);
            if length > plan::MAX_LENGTH {
                review.problems.push(at(format!(
                    "`item[{number}]` {when}: a session would run {}; a session runs at most {}",
                    human(length),
                    human(plan::MAX_LENGTH)
                )));
            }
            for (part, (exercise, overrides)) in parts.iter().enumerate() {
                let settings = Settings::resolve(&exercise.timing, overrides);
                for note in plan::range_notes(exercise, &settings) {
                    // A note said once: a later dose that keeps the same value needs no second.
                    if noted.insert((part, note.clone())) {
                        review.notes.push(at(format!("note: `item[{number}]` {when}: {}: {note}", exercise.id)));
                    }
                }
            }
        }
    }
    review
}

/// Every dose an item can come to, each with when it applies: from the start, from each planned
/// step's week, from each accepted step's day, and at the top of the progression.
fn doses(file: &ProgrammeFile, item: &Item) -> Vec<(String, Overrides)> {
    let programme = &file.programme;
    let mut doses = vec![("from the start".to_owned(), item.dose.clone())];
    let mut current = item.dose.clone();
    for step in &item.steps {
        current = step.dose.over(&current);
        doses.push((format!("from week {}", step.week), current.clone()));
    }
    for accepted in programme.accepted.iter().filter(|a| a.item == item.id) {
        current = accepted.dose.over(&current);
        doses.push((format!("from {} (accepted)", accepted.date), current.clone()));
    }
    if let Some(progression) = &item.progression {
        let top = Overrides {
            reps: progression.up_to_reps.filter(|_| progression.reps > 0),
            hold: progression.up_to_hold.filter(|_| !progression.hold.is_zero()),
            ..Overrides::default()
        };
        if top != Overrides::default() {
            doses.push(("at the top of its progression".to_owned(), top.over(&current)));
        }
    }
    doses
}
