//! When to do more and when to ease off, judged from an exercise's own sessions and range.
//! A suggestion is only ever shown; the flags and the config decide what runs. [`advice`] is
//! the one place the advice after a session is made: the done screen and the lines printed
//! after it both read it.
//!
//! The rule: pain that spread into a buttock or down a leg in the latest session calls for
//! stopping and seeing a clinician, before anything else. Then: the latest session stopped
//! early because of pain, pain up by 2 or more on the lowest of the two answers before it, or
//! a latest answer of [`HIGH_PAIN`] or more suggests easing off. Otherwise three sessions in a
//! row done in full at the current settings, none of them hard, with pain not rising, suggest
//! one more rep per side (or, at the top of the reps range, a longer hold; at the top of both,
//! a harder variation).

use std::fmt;
use std::time::Duration;

use crate::domain::checkin::{Effort, Pain, Why};
use crate::domain::duration::human;
use crate::domain::exercise::{DEFAULT_ID, Exercise};
use crate::history::{End, ExerciseRecord, Record};

/// Sessions in a row at the same settings before a step up is suggested.
pub const STEADY_SESSIONS: usize = 3;

/// A rise in pain, on the 0 to 10 scale, that calls for easing off.
pub const PAIN_RISE: u8 = 2;

/// A pain answer, on the 0 to 10 scale, high enough to call for easing off on its own.
pub const HIGH_PAIN: u8 = 8;

/// How much longer a hold the next step adds.
const HOLD_STEP: Duration = Duration::from_secs(5);

/// What the records suggest for the next session of one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    MoreReps {
        exercise: String,
        to: u32,
    },
    LongerHold {
        exercise: String,
        to: Duration,
    },
    /// At the top of both ranges: one of the exercise's own progressions.
    Variation {
        progression: String,
    },
    EaseOff {
        exercise: String,
        from: u8,
        to: u8,
        reps: Option<u32>,
    },
    /// The latest session's pain answer was [`HIGH_PAIN`] or more.
    HighPain {
        exercise: String,
        pain: u8,
        reps: Option<u32>,
    },
    /// The latest session was stopped early because it hurt.
    StoppedForPain {
        exercise: String,
        reps: Option<u32>,
    },
    /// The pain spread into a buttock or down a leg: stop and see a clinician.
    SeeClinician,
}

impl Suggestion {
    /// Whether it asks the user to do less or to stop: said first, and marked on screen.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Suggestion::EaseOff { .. }
                | Suggestion::HighPain { .. }
                | Suggestion::StoppedForPain { .. }
                | Suggestion::SeeClinician
        )
    }
}

/// The advice after a session: what the sessions before it (`past`, oldest first) and the
/// session as written, with its answers (`this`), suggest for each of `exercises`, the ones it
/// ran. The one function the done screen and the lines after the session read, so they cannot
/// disagree. A suggestion that concerns the whole session is given once.
pub fn advice(past: &[Record], this: Option<&Record>, exercises: &[&Exercise]) -> Vec<Suggestion> {
    let mut records: Vec<&Record> = past.iter().collect();
    records.extend(this);
    let mut advice: Vec<Suggestion> = Vec::new();
    for exercise in exercises {
        if let Some(suggestion) = suggest_from(&records, exercise)
            && !advice.contains(&suggestion)
        {
            advice.push(suggestion);
        }
    }
    advice
}

/// The suggestion for `exercise` from the sessions (any exercise, oldest first), if any.
pub fn suggest(records: &[Record], exercise: &Exercise) -> Option<Suggestion> {
    let records: Vec<&Record> = records.iter().collect();
    suggest_from(&records, exercise)
}

fn suggest_from(records: &[&Record], exercise: &Exercise) -> Option<Suggestion> {
    let own: Vec<(&Record, &ExerciseRecord)> =
        records.iter().filter_map(|r| r.exercise(&exercise.id).map(|e| (*r, e))).collect();
    let id = exercise.id.clone();
    let (last, last_exercise) = *own.last()?;
    if last.checkin.spread == Some(true) {
        return Some(Suggestion::SeeClinician);
    }
    let fewer = Some(last_exercise.reps).filter(|r| *r > *exercise.timing.reps_range.start()).map(|r| r - 1);
    if last.end == End::Stopped(Some(Why::Pain)) {
        return Some(Suggestion::StoppedForPain { exercise: id, reps: fewer });
    }
    if let Some((from, to)) = pain_rise(&own) {
        return Some(Suggestion::EaseOff { exercise: id, from, to, reps: fewer });
    }
    if let Some(pain) = last.checkin.pain.map(Pain::value).filter(|p| *p >= HIGH_PAIN) {
        return Some(Suggestion::HighPain { exercise: id, pain, reps: fewer });
    }
    let latest = own.len().checked_sub(STEADY_SESSIONS).map(|start| &own[start..])?;
    let current = latest.last()?.1;
    let steady = latest.iter().all(|(r, e)| {
        e.completed
            && e.sides.iter().all(|side| side.done >= side.planned)
            && e.reps == current.reps
            && e.sets == current.sets
            && e.hold == current.hold
            && r.checkin.effort != Some(Effort::Hard)
    });
    let pains: Vec<u8> = latest.iter().filter_map(|(r, _)| r.checkin.pain).map(Pain::value).collect();
    let pain_steady = match (pains.first(), pains.last()) {
        (Some(first), Some(last)) => last <= first,
        _ => true,
    };
    if !steady || !pain_steady {
        return None;
    }
    let timing = &exercise.timing;
    if current.reps < *timing.reps_range.end() {
        Some(Suggestion::MoreReps { exercise: id, to: current.reps + 1 })
    } else if current.hold < *timing.hold_range.end() {
        Some(Suggestion::LongerHold { exercise: id, to: (current.hold + HOLD_STEP).min(*timing.hold_range.end()) })
    } else {
        exercise.progressions.first().map(|p| Suggestion::Variation { progression: p.clone() })
    }
}

/// The latest pain answer and the lowest of the two before it, when it is higher by
/// [`PAIN_RISE`] or more.
fn pain_rise(own: &[(&Record, &ExerciseRecord)]) -> Option<(u8, u8)> {
    let mut pains = own.iter().rev().filter_map(|(r, _)| r.checkin.pain).map(Pain::value);
    let latest = pains.next()?;
    let lowest = pains.take(2).min()?;
    (latest >= lowest + PAIN_RISE).then_some((lowest, latest))
}

/// The command line that runs the suggested step.
fn command(exercise: &str, flag: &str) -> String {
    if exercise == DEFAULT_ID { format!("trunkrot {flag}") } else { format!("trunkrot --exercise {exercise} {flag}") }
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Suggestion::MoreReps { exercise, to } => write!(
                f,
                "Next step: {STEADY_SESSIONS} sessions in a row done in full, no rise in pain reported. Try {to} reps per side: {}",
                command(exercise, &format!("--reps {to}"))
            ),
            Suggestion::LongerHold { exercise, to } => write!(
                f,
                "Next step: {STEADY_SESSIONS} sessions in a row done in full, no rise in pain reported. Try holding for {}: {}",
                human(*to),
                command(exercise, &format!("--hold {}", to.as_secs()))
            ),
            Suggestion::Variation { progression } => {
                write!(f, "Next step: you are at the top of this exercise's range. When you are ready: {progression}")
            }
            Suggestion::EaseOff { exercise, from, to, reps } => {
                write!(f, "Ease off: pain went up from {from} to {to}. ")?;
                ease_off(f, exercise, *reps)
            }
            Suggestion::HighPain { exercise, pain, reps } => {
                write!(f, "Ease off: pain {pain} out of 10 is high. ")?;
                ease_off(f, exercise, *reps)
            }
            Suggestion::StoppedForPain { exercise, reps } => {
                write!(f, "Ease off: you stopped because it hurt. ")?;
                ease_off(f, exercise, *reps)
            }
            Suggestion::SeeClinician => write!(
                f,
                "Stop: pain that spreads into a buttock or down a leg needs a clinician's advice. \
                 Do not go on with these exercises until you have seen your physiotherapist or doctor."
            ),
        }
    }
}

/// The advice that follows a rise in pain or a high score: fewer reps where the range allows.
fn ease_off(f: &mut fmt::Formatter<'_>, exercise: &str, reps: Option<u32>) -> fmt::Result {
    if let Some(reps) = reps {
        write!(f, "Try {reps} reps per side ({}), ", command(exercise, &format!("--reps {reps}")))?;
        write!(f, "and if pain keeps rising, stop and ask your physiotherapist.")
    } else {
        write!(f, "Take it gently, and if pain keeps rising, stop and ask your physiotherapist.")
    }
}

#[cfg(test)]
mod tests;
