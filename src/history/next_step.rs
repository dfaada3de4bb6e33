//! When to do more and when to ease off, judged from an exercise's own sessions and range.
//! A suggestion is only ever shown; the flags and the config decide what runs. [`advice`] is
//! the one place the advice after a session is made: the done screen and the lines printed
//! after it both read it.
//!
//! The rule: pain that spread into a buttock or down a leg in the latest session calls for
//! stopping and seeing a clinician, before anything else. Then: the latest session stopped
//! early because of pain, its pain answer up by 2 or more on the lowest of the two before it,
//! or a latest answer of [`HIGH_PAIN`] or more suggests easing off (a routine stopped because
//! of pain: the exercise it was stopped in). After a session stopped for pain or with a high
//! pain, nothing steps up, whatever the exercise. Otherwise the last three
//! days the exercise was done (days, not sessions: three in three minutes are one day), each
//! with every session of it done in full at the current settings, none of them hard, with pain
//! not rising and no rise or high pain answered in any session of the exercise on them, suggest
//! a step. Without a programme: one more rep per side (or, at the top of the reps range, a
//! longer hold; at the top of both, a harder variation), never past the exercise's recommended
//! range. With a programme item: only the step its progression allows, after its own number of
//! days, each with all the item's sessions of the day done, never past its `up_to` (else the
//! top of the recommended range); no progression, no step.
//!
//! A suggested command keeps the session's other settings (its hold and sets when they are not
//! the exercise's own); a routine's exercise is pointed at its config table instead.

use std::fmt::{self, Write as _};
use std::time::Duration;

use crate::domain::checkin::{Checkin, Effort, Pain, Why};
use crate::domain::duration::human;
use crate::domain::exercise::{DEFAULT_ID, Exercise, limits};
use crate::domain::plan::text::reps_for;
use crate::domain::programme::{Progression, Stop};
use crate::history::{End, ExerciseRecord, Record};

/// The last days the exercise was done, each in full at the same settings, before a step up is
/// suggested.
pub const STEADY_DAYS: usize = 3;

/// A rise in pain, on the 0 to 10 scale, that calls for easing off.
pub const PAIN_RISE: u8 = 2;

/// A pain answer, on the 0 to 10 scale, high enough to call for easing off on its own.
pub const HIGH_PAIN: u8 = 8;

/// How much longer a hold the next step adds.
const HOLD_STEP: Duration = Duration::from_secs(5);

/// The settings of the session a suggestion's command keeps: its hold and sets when they are
/// not the exercise's own, and the routine it was done in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keep {
    pub hold: Option<Duration>,
    pub sets: Option<u32>,
    pub routine: Option<String>,
}

/// What a programme allows the exercise a session did: the item's id, how many of its sessions
/// make a day done in full, and its progression (none: no step is offered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub item: String,
    pub times_a_day: u32,
    pub progression: Option<Progression>,
    /// The item's reps and hold in effect today, where it gives them: days done below them
    /// (before a step was accepted) count for no further step.
    pub reps: Option<u32>,
    pub hold: Option<Duration>,
}

/// The programme's own rule for stopping (its `[stop]`), and who prescribed it, to get in touch
/// with: it is told after any session while the programme is in effect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StopRule {
    pub stop: Stop,
    /// The prescriber's name and how to reach them, as far as the programme gives them.
    pub who: String,
}

/// What the records suggest for the next session of one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    MoreReps {
        exercise: String,
        to: u32,
        /// Reps are counted per side: the exercise has sides.
        per_side: bool,
        keep: Keep,
    },
    LongerHold {
        exercise: String,
        to: Duration,
        keep: Keep,
    },
    /// The step a programme item's progression allows, to take with `trunkrot programme accept`.
    Step {
        item: String,
        exercise: String,
        days: u32,
        reps: Option<u32>,
        /// As in `MoreReps`.
        per_side: bool,
        hold: Option<Duration>,
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
        /// As in `MoreReps`.
        per_side: bool,
        keep: Keep,
    },
    /// The latest session's pain answer was [`HIGH_PAIN`] or more.
    HighPain {
        exercise: String,
        pain: u8,
        reps: Option<u32>,
        /// As in `MoreReps`.
        per_side: bool,
        keep: Keep,
    },
    /// The latest session was stopped early because it hurt.
    StoppedForPain {
        exercise: String,
        reps: Option<u32>,
        /// As in `MoreReps`.
        per_side: bool,
        keep: Keep,
    },
    /// The pain spread into a buttock or down a leg: stop and see a clinician.
    SeeClinician,
    /// This session's answers meet the programme's own rule for stopping: its pain (the answer
    /// and the programme's line; `before`, the answer before the session), or, with `pain`
    /// none, pain that spread.
    ProgrammeStop {
        pain: Option<(u8, u8)>,
        before: bool,
        message: String,
        who: String,
    },
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
                | Suggestion::ProgrammeStop { .. }
        )
    }

    /// Whether it says to stop the exercises and get in touch.
    pub fn is_stop(&self) -> bool {
        matches!(self, Suggestion::SeeClinician | Suggestion::ProgrammeStop { .. })
    }
}

/// The advice after a session: what the sessions before it (`past`, oldest first) and the
/// session as written, with its answers (`this`), suggest for each of `exercises`, the ones it
/// ran, within what the programme allows (`allowed`, when the session did a programme item).
/// The one function the done screen and the lines after the session read, so they cannot
/// disagree. A suggestion that concerns the whole session is given once. The programme's own
/// rule for stopping (`rule`), when this session's answers meet it, comes first, in the
/// prescriber's words; for pain that spread it replaces the general advice to stop.
pub fn advice(
    past: &[Record],
    this: Option<&Record>,
    exercises: &[&Exercise],
    allowed: Option<&Allowed>,
    rule: Option<&StopRule>,
) -> Vec<Suggestion> {
    let mut records: Vec<&Record> = past.iter().collect();
    records.extend(this);
    let mut advice: Vec<Suggestion> = Vec::new();
    advice.extend(rule.zip(this).and_then(|(rule, this)| programme_stop(rule, &this.checkin)));
    let told_spread = matches!(advice.first(), Some(Suggestion::ProgrammeStop { pain: None, .. }));
    for exercise in exercises {
        // Said once: a routine's exercises can come to the same words.
        if let Some(suggestion) = suggest_from(&records, exercise, allowed, rule)
            && !advice.iter().any(|given| given.to_string() == suggestion.to_string())
            && !(told_spread && suggestion == Suggestion::SeeClinician)
        {
            advice.push(suggestion);
        }
    }
    // Told to stop, nothing asks for more, nor for a smaller dose next time: there is no next
    // time before the physiotherapist is asked.
    if advice.iter().any(Suggestion::is_stop) {
        advice.retain(Suggestion::is_stop);
    }
    advice
}

/// What a pain answered before the session calls for, said as the session starts: the
/// programme's line reached (its `rule`), else a high pain. Nothing for a pain below both.
pub fn before_start(pain: Pain, rule: Option<&StopRule>) -> Option<String> {
    // With only a pain before, the programme's stop is that pain at its line.
    let before = Checkin { pain_before: Some(pain), ..Checkin::default() };
    if let Some(stop) = rule.and_then(|rule| programme_stop(rule, &before)) {
        return Some(stop.to_string());
    }
    let value = pain.value();
    (value >= HIGH_PAIN)
        .then(|| format!("Pain {value} of 10 before you start is high: go gently, and stop if it gets worse."))
}

/// The stop the latest session was told, if its answers called for one: the programme's (by
/// `rule`), else the general one for pain that spread. It stands until a later session.
pub fn stop_told(last: &Record, rule: Option<&StopRule>) -> Option<Suggestion> {
    rule.and_then(|rule| programme_stop(rule, &last.checkin))
        .or_else(|| (last.checkin.spread == Some(true)).then_some(Suggestion::SeeClinician))
}

/// The programme's stop, when a session's `answers` meet its rule: a pain at its line or
/// above, before the session or after it, or, where the rule says so, pain that spread.
fn programme_stop(rule: &StopRule, answers: &Checkin) -> Option<Suggestion> {
    // The pain after the session says it when it reaches the line; else the pain before.
    let (pain, before) = match (reaches(rule, answers.pain), reaches(rule, answers.pain_before)) {
        (Some(after), _) => (Some(after), false),
        (None, before) => (before, before.is_some()),
    };
    let spread = rule.stop.spreading && answers.spread == Some(true);
    (pain.is_some() || spread).then(|| Suggestion::ProgrammeStop {
        pain,
        before,
        message: rule.stop.message.clone(),
        who: rule.who.clone(),
    })
}

/// A `pain` answer at `rule`'s line or above, with the line: `(pain, line)`.
fn reaches(rule: &StopRule, pain: Option<Pain>) -> Option<(u8, u8)> {
    let pain = pain?.value();
    rule.stop.pain.filter(|limit| pain >= *limit).map(|limit| (pain, limit))
}

/// Whether `record`'s answers reach the programme's line (`rule`), before or after it.
fn at_the_line(record: &Record, rule: Option<&StopRule>) -> bool {
    let answers = [record.checkin.pain, record.checkin.pain_before];
    rule.is_some_and(|rule| answers.into_iter().any(|pain| reaches(rule, pain).is_some()))
}

/// The suggestion for `exercise` from the sessions (any exercise, oldest first), if any; a
/// pain at the programme's line (`rule`) in the steady days holds a step back.
pub fn suggest(
    records: &[Record],
    exercise: &Exercise,
    allowed: Option<&Allowed>,
    rule: Option<&StopRule>,
) -> Option<Suggestion> {
    let records: Vec<&Record> = records.iter().collect();
    suggest_from(&records, exercise, allowed, rule)
}

fn suggest_from(
    records: &[&Record],
    exercise: &Exercise,
    allowed: Option<&Allowed>,
    rule: Option<&StopRule>,
) -> Option<Suggestion> {
    let own: Vec<(&Record, &ExerciseRecord)> =
        records.iter().filter_map(|r| r.exercise(&exercise.id).map(|e| (*r, e))).collect();
    let id = exercise.id.clone();
    let per_side = !exercise.sides.is_empty();
    let (last, last_exercise) = *own.last()?;
    if last.checkin.spread == Some(true) {
        return Some(Suggestion::SeeClinician);
    }
    let keep = Keep {
        hold: Some(last_exercise.hold).filter(|hold| *hold != exercise.timing.hold),
        sets: Some(last_exercise.sets).filter(|sets| *sets != exercise.timing.sets),
        routine: last.routine.clone(),
    };
    // One rep fewer, where the range allows; not after a session with no hold done (stopped in
    // its first move), where one fewer than planned means nothing.
    let fewer = Some(last_exercise.reps)
        .filter(|r| *r > *exercise.timing.reps_range.start() && last_exercise.done() > 0)
        .map(|r| r - 1);
    // Stopped because it hurt: the exercise it was stopped in (a routine's last recorded) eases
    // off. The routine's exercises before it ease off only for the pain answered.
    let stopped_for_pain = last.end == End::Stopped(Some(Why::Pain));
    if stopped_for_pain && last.exercises.last().is_some_and(|stopped_in| stopped_in.id == id) {
        return Some(Suggestion::StoppedForPain { exercise: id, reps: fewer, per_side, keep });
    }
    if let Some((from, to)) = pain_rise(&own) {
        return Some(Suggestion::EaseOff { exercise: id, from, to, reps: fewer, per_side, keep });
    }
    if let Some(pain) = last.checkin.pain.map(Pain::value).filter(|p| *p >= HIGH_PAIN) {
        return Some(Suggestion::HighPain { exercise: id, pain, reps: fewer, per_side, keep });
    }
    // Nothing steps up after a session that asked for less, the latest of all: stopped because
    // it hurt, or a high pain. A routine's exercise it never reached has older sessions of its
    // own, steady perhaps, but the person has just said it hurt.
    let asked_for_less = |record: &&Record| {
        record.end == End::Stopped(Some(Why::Pain)) || record.checkin.pain.is_some_and(|p| p.value() >= HIGH_PAIN)
    };
    if stopped_for_pain || records.last().is_some_and(asked_for_less) {
        return None;
    }
    // With a programme, its item's own sessions decide, after its own number of days.
    let (days, per_day) = match allowed {
        Some(allowed) => (allowed.progression.as_ref()?.after_days as usize, allowed.times_a_day as usize),
        None => (STEADY_DAYS, 1),
    };
    let every = own;
    // A session stopped in its first move, not for pain, did nothing to judge a dose by: it
    // neither makes a steady day nor breaks one.
    let judged = |(r, e): &&(&Record, &ExerciseRecord)| e.done() > 0 || r.end == End::Stopped(Some(Why::Pain));
    let own: Vec<(&Record, &ExerciseRecord)> = every
        .iter()
        .filter(|(r, _)| allowed.is_none_or(|allowed| r.item.as_ref().is_some_and(|i| i.id == allowed.item)))
        .filter(judged)
        .copied()
        .collect();
    let current = own.last()?.1;
    let steady = steady_days(&own, current, days, per_day)?;
    // A rise or a high pain answered in those days, in any session of the exercise, holds the
    // step back, though the advice tells it only after its own session: later sessions without
    // an answer do not clear it.
    let first = steady.iter().map(|(r, _)| r.start.date()).min()?;
    let flagged = |at: usize| {
        every[at].0.start.date() >= first
            && (pain_rise(&every[..=at]).is_some()
                || every[at].0.checkin.pain.is_some_and(|pain| pain.value() >= HIGH_PAIN)
                || at_the_line(every[at].0, rule))
    };
    if (0..every.len()).any(flagged) {
        return None;
    }
    let pains: Vec<u8> = steady.iter().filter_map(|(r, _)| r.checkin.pain).map(Pain::value).collect();
    if let (Some(first), Some(last)) = (pains.first(), pains.last())
        && last > first
    {
        return None;
    }
    let timing = &exercise.timing;
    if let Some(allowed) = allowed {
        let progression = allowed.progression.as_ref()?;
        if allowed.reps.is_some_and(|reps| current.reps < reps) || allowed.hold.is_some_and(|hold| current.hold < hold)
        {
            return None;
        }
        let most_reps = progression.up_to_reps.unwrap_or(*timing.reps_range.end()).min(*limits::REPS.end());
        let most_hold = progression
            .up_to_hold
            .unwrap_or(*timing.hold_range.end())
            .min(Duration::from_secs(*limits::HOLD_SECS.end()));
        let reps = (progression.reps > 0 && current.reps < most_reps)
            .then(|| (current.reps + progression.reps).min(most_reps));
        let hold = (reps.is_none() && !progression.hold.is_zero() && current.hold < most_hold)
            .then(|| (current.hold + progression.hold).min(most_hold));
        let days = u32::try_from(days).unwrap_or(u32::MAX);
        return (reps.is_some() || hold.is_some()).then(|| Suggestion::Step {
            item: allowed.item.clone(),
            exercise: id,
            days,
            reps,
            per_side,
            hold,
        });
    }
    if current.reps < *timing.reps_range.end() {
        Some(Suggestion::MoreReps { exercise: id, to: current.reps + 1, per_side, keep })
    } else if current.hold < *timing.hold_range.end() {
        let to = (current.hold + HOLD_STEP).min(*timing.hold_range.end());
        Some(Suggestion::LongerHold { exercise: id, to, keep: Keep { hold: None, ..keep } })
    } else {
        exercise.progressions.first().map(|p| Suggestion::Variation { progression: p.clone() })
    }
}

/// The sessions of the last `days` days the exercise was done, when on each every session of it
/// was done in full at the `current` settings, none felt hard, and at least `per_day` were;
/// `None` when there are fewer such days. Days, not sessions: three in three minutes are one.
fn steady_days<'a>(
    own: &[(&'a Record, &'a ExerciseRecord)],
    current: &ExerciseRecord,
    days: usize,
    per_day: usize,
) -> Option<Vec<(&'a Record, &'a ExerciseRecord)>> {
    let mut dates: Vec<jiff::civil::Date> = own.iter().map(|(r, _)| r.start.date()).collect();
    dates.sort_unstable();
    dates.dedup();
    let first = *dates.len().checked_sub(days).and_then(|at| dates.get(at))?;
    let latest: Vec<(&Record, &ExerciseRecord)> =
        own.iter().filter(|(r, _)| r.start.date() >= first).copied().collect();
    let in_full = |(r, e): &(&Record, &ExerciseRecord)| {
        e.completed
            && e.sides.iter().all(|side| side.done >= side.planned)
            && e.reps == current.reps
            && e.sets == current.sets
            && e.hold == current.hold
            && r.checkin.effort != Some(Effort::Hard)
    };
    let enough = dates[dates.len() - days..]
        .iter()
        .all(|date| latest.iter().filter(|(r, _)| r.start.date() == *date).count() >= per_day);
    (enough && latest.iter().all(in_full)).then_some(latest)
}

/// The latest session's pain answer and the lowest of the two answers before it, when it is
/// higher by [`PAIN_RISE`] or more. A latest session without an answer shows no rise: an older
/// rise, already answered with fewer reps, would otherwise ask for fewer again after every
/// session that skipped the question.
fn pain_rise(own: &[(&Record, &ExerciseRecord)]) -> Option<(u8, u8)> {
    let (rest, latest) = own.split_last().map(|(last, rest)| (rest, last.0.checkin.pain))?;
    let latest = latest?.value();
    let pains = rest.iter().rev().filter_map(|(r, _)| r.checkin.pain).map(Pain::value);
    let lowest = pains.take(2).min()?;
    (latest >= lowest + PAIN_RISE).then_some((lowest, latest))
}

/// The command line that runs `exercise` with `step` (`--reps 8`) and the session's other
/// settings; for an exercise done in a routine, the config table that gives it the step.
fn command(exercise: &str, keep: &Keep, step: &str) -> String {
    if let Some(routine) = &keep.routine {
        let key = step.trim_start_matches("--").replacen(' ', " = ", 1);
        return format!("in config.toml, `{key}` in [exercise.{exercise}] (for routine {routine})");
    }
    let mut line =
        if exercise == DEFAULT_ID { "trunkrot".to_owned() } else { format!("trunkrot --exercise {exercise}") };
    line.push(' ');
    line.push_str(step);
    if let Some(hold) = keep.hold {
        let _ = write!(line, " --hold {}", hold.as_secs());
    }
    if let Some(sets) = keep.sets {
        let _ = write!(line, " --sets {sets}");
    }
    line
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Suggestion::MoreReps { exercise, to, per_side, keep } => {
                write!(
                    f,
                    "Next step: {}. Try {}: {}",
                    steady(STEADY_DAYS),
                    reps_for(*to, *per_side),
                    command(exercise, keep, &format!("--reps {to}"))
                )
            }
            Suggestion::LongerHold { exercise, to, keep } => write!(
                f,
                "Next step: {}. Try holding for {}: {}",
                steady(STEADY_DAYS),
                human(*to),
                command(exercise, keep, &format!("--hold {}", to.as_secs()))
            ),
            Suggestion::Step { days, reps: step_reps, per_side, hold, .. } => {
                let to = match (step_reps, hold) {
                    (Some(to), _) => reps_for(*to, *per_side),
                    (None, Some(hold)) => format!("holding for {}", human(*hold)),
                    (None, None) => "the next step".to_owned(),
                };
                write!(
                    f,
                    "Next step: {}. Your programme allows {to} from now on: trunkrot programme accept",
                    steady(usize::try_from(*days).unwrap_or(usize::MAX))
                )
            }
            Suggestion::Variation { progression } => {
                write!(f, "Next step: you are at the top of this exercise's range. When you are ready: {progression}")
            }
            Suggestion::EaseOff { exercise, from, to, reps, per_side, keep } => {
                write!(f, "Ease off: pain went up from {from} to {to}. ")?;
                ease_off(f, exercise, keep, *reps, *per_side)
            }
            Suggestion::HighPain { exercise, pain, reps, per_side, keep } => {
                write!(f, "Ease off: pain {pain} out of 10 is high. ")?;
                ease_off(f, exercise, keep, *reps, *per_side)
            }
            Suggestion::StoppedForPain { exercise, reps, per_side, keep } => {
                write!(f, "Ease off: you stopped because it hurt. ")?;
                ease_off(f, exercise, keep, *reps, *per_side)
            }
            Suggestion::SeeClinician => write!(
                f,
                "Stop: pain that spreads into a buttock or down a leg needs a clinician's advice. \
                 Do not go on with these exercises until you have seen your physiotherapist or doctor."
            ),
            Suggestion::ProgrammeStop { pain, before, message, who } => {
                let when = if *before { " before the session" } else { "" };
                let why = match pain {
                    Some((pain, limit)) => format!("pain {pain} of 10{when} reaches your programme's limit of {limit}"),
                    None => "your programme says to stop when pain spreads into a buttock or down a leg".to_owned(),
                };
                write!(f, "Stop: {why}.")?;
                if message.is_empty() {
                    write!(f, " Do not go on with these exercises before you have spoken to your physiotherapist")?;
                    return if who.is_empty() { write!(f, ".") } else { write!(f, ": {who}.") };
                }
                write!(f, " {message}")?;
                if who.is_empty() { Ok(()) } else { write!(f, " Get in touch: {who}.") }
            }
        }
    }
}

/// Why a step is offered: the last `days` days the exercise was done (not every day of the
/// calendar), each done in full.
fn steady(days: usize) -> String {
    let last = if days == 1 { "the last day".to_owned() } else { format!("the last {days} days") };
    let each = if days == 1 { "" } else { " each day" };
    format!("{last} you did this exercise, you did all of it{each}, with no rise in pain reported")
}

/// The advice that follows a rise in pain or a high score: fewer reps where the range allows.
fn ease_off(
    f: &mut fmt::Formatter<'_>,
    exercise: &str,
    keep: &Keep,
    fewer: Option<u32>,
    per_side: bool,
) -> fmt::Result {
    if let Some(fewer) = fewer {
        let line = command(exercise, keep, &format!("--reps {fewer}"));
        write!(f, "Try {} ({line}), ", reps_for(fewer, per_side))?;
        write!(f, "and if pain keeps rising, stop and ask your physiotherapist.")
    } else {
        write!(f, "Take it gently, and if pain keeps rising, stop and ask your physiotherapist.")
    }
}

#[cfg(test)]
mod tests;
