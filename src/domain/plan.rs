//! From an exercise and the user's overrides to the ordered list of timed phases.
//!
//! Pure: the same inputs always give the same plan. `trunkrot plan` prints it, the session
//! walks it.

use std::time::Duration;

use crate::domain::exercise::{Exercise, Timing};
use crate::domain::side::Side;

pub mod text;

use text::reps_text;

/// Settings given on the command line or in the config, each overriding the exercise's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub reps: Option<u32>,
    pub hold: Option<Duration>,
    pub get_ready: Option<Duration>,
    pub transition: Option<Duration>,
    pub sets: Option<u32>,
    pub rest: Option<Duration>,
}

impl Overrides {
    /// Reps, hold, get-ready and move times in seconds, the rest left to the exercise: the
    /// shape most tests need.
    #[cfg(test)]
    pub(crate) fn timing(reps: u32, hold: u64, get_ready: u64, transition: u64) -> Self {
        let secs = Duration::from_secs;
        Overrides {
            reps: Some(reps),
            hold: Some(secs(hold)),
            get_ready: Some(secs(get_ready)),
            transition: Some(secs(transition)),
            ..Overrides::default()
        }
    }

    /// These overrides, with any that are unset taken from `base`.
    #[must_use]
    pub fn over(&self, base: &Overrides) -> Overrides {
        Overrides {
            reps: self.reps.or(base.reps),
            hold: self.hold.or(base.hold),
            get_ready: self.get_ready.or(base.get_ready),
            transition: self.transition.or(base.transition),
            sets: self.sets.or(base.sets),
            rest: self.rest.or(base.rest),
        }
    }
}

/// The settings a part of the plan actually runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub reps: u32,
    pub hold: Duration,
    pub get_ready: Duration,
    pub transition: Duration,
    /// The move back to the start after each hold: the exercise's own, zero for none.
    pub back: Duration,
    pub sets: u32,
    pub rest: Duration,
}

/// The time to get down onto the mat at the start of a session, when neither a flag, the
/// config, a programme nor a routine says: longer than an exercise's own time to change
/// position, for a person with a sore back getting down to the floor.
pub const FIRST_GET_READY: Duration = Duration::from_secs(30);

impl Settings {
    /// The settings of a session's first exercise: as [`Settings::resolve`], but its time to
    /// get ready is [`FIRST_GET_READY`] unless an override gives one.
    pub fn first(timing: &Timing, overrides: &Overrides) -> Self {
        Self { get_ready: overrides.get_ready.unwrap_or(FIRST_GET_READY), ..Self::resolve(timing, overrides) }
    }

    /// The exercise's timing with each override that was given put in its place.
    pub fn resolve(timing: &Timing, overrides: &Overrides) -> Self {
        Self {
            reps: overrides.reps.unwrap_or(timing.reps),
            hold: overrides.hold.unwrap_or(timing.hold),
            get_ready: overrides.get_ready.unwrap_or(timing.get_ready),
            transition: overrides.transition.unwrap_or(timing.transition),
            // No time to move into a hold leaves the move back out too: the holds follow on.
            back: if overrides.transition.is_some_and(|t| t.is_zero()) { Duration::ZERO } else { timing.back },
            sets: overrides.sets.unwrap_or(timing.sets),
            rest: overrides.rest.unwrap_or(timing.rest),
        }
    }
}

/// What the person is doing during a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    /// Time to lie down and take the start position.
    GetReady,
    /// Moving into the position to hold (e.g. turning the knees to a side).
    Move,
    /// Holding the position: the countdown that matters.
    Hold,
    /// Moving back to the start position after a hold, where the exercise has such a move.
    Return,
    /// A rest between sets.
    Rest,
}

impl PhaseKind {
    /// The phase's name on screen.
    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::GetReady => "GET READY",
            PhaseKind::Move => "MOVE",
            PhaseKind::Hold => "HOLD",
            PhaseKind::Return => "RETURN",
            PhaseKind::Rest => "REST",
        }
    }
}

/// One timed step of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    /// Index into [`Plan::parts`].
    pub part: usize,
    pub side: Option<Side>,
    /// 1-based rep and set; 0 for phases outside any rep (get ready, rest).
    pub rep: u32,
    pub set: u32,
    /// Never zero: phases of zero length are left out of the plan.
    pub duration: Duration,
    /// The one short cue to show (and say) during the phase.
    pub cue: String,
}

/// One exercise of the plan with the settings it runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub exercise: Exercise,
    pub settings: Settings,
    /// Remarks on settings outside the exercise's recommended range.
    pub notes: Vec<String>,
}

/// The whole session laid out in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub parts: Vec<Part>,
    /// Never empty: every part has at least one hold.
    pub phases: Vec<Phase>,
    /// The id of the routine the plan was made from, if any.
    pub routine: Option<String>,
    /// The routine's name, the title of the summary; `None` for a single exercise.
    pub name: Option<String>,
}

impl Plan {
    /// The plan of a single exercise.
    pub fn new(exercise: Exercise, overrides: &Overrides) -> Self {
        let settings = Settings::first(&exercise.timing, overrides);
        let notes = range_notes(&exercise, &settings);
        let phases = part_phases(0, &exercise, &settings);
        Plan { parts: vec![Part { exercise, settings, notes }], phases, routine: None, name: None }
    }

    /// The plan of a routine: its exercises back to back, each with its own overrides, and a
    /// rest of `rest` between them in place of the later exercises' own get-ready time (with no
    /// rest, each later exercise gets ready in its own time). The rest names the exercise that
    /// comes next. The first gets ready as [`Settings::first`] says.
    pub fn routine(exercises: Vec<(Exercise, Overrides)>, rest: Duration) -> Self {
        let mut parts = Vec::new();
        let mut phases = Vec::new();
        for (index, (exercise, overrides)) in exercises.into_iter().enumerate() {
            let mut settings = if index == 0 {
                Settings::first(&exercise.timing, &overrides)
            } else {
                Settings::resolve(&exercise.timing, &overrides)
            };
            if index > 0 && !rest.is_zero() {
                settings.get_ready = Duration::ZERO;
                {
                    let cue = format!("Next: {}. {}", exercise.name, exercise.cues.get_ready);
                    phases.push(Phase {
                        kind: PhaseKind::Rest,
                        part: index,
                        side: None,
                        rep: 0,
                        set: 0,
                        duration: rest,
                        cue,
                    });
                }
            }
            let notes = range_notes(&exercise, &settings);
            phases.extend(part_phases(index, &exercise, &settings));
            parts.push(Part { exercise, settings, notes });
        }
        Plan { parts, phases, routine: None, name: None }
    }

    /// The planned length of the whole session.
    pub fn total(&self) -> Duration {
        self.phases.iter().map(|p| p.duration).sum()
    }

    /// Each phase's start, counted from the start of the session.
    pub fn starts(&self) -> impl Iterator<Item = Duration> + '_ {
        self.phases.iter().scan(Duration::ZERO, |at, phase| {
            let start = *at;
            *at += phase.duration;
            Some(start)
        })
    }

    /// How many holds the plan has for each side of a part (`None` for exercises without sides).
    pub fn holds_planned(&self, part: usize, side: Option<Side>) -> u32 {
        let holds = self.phases.iter().filter(|p| p.kind == PhaseKind::Hold && p.part == part && p.side == side);
        holds.count() as u32
    }
}

/// The longest session a plan may run: a longer one is refused before it is laid out, so a
/// routine that repeats a long exercise cannot fill memory with phases (README, Limits).
pub const MAX_LENGTH: Duration = Duration::from_secs(6 * 60 * 60);

/// How long the plan of these parts would run, as [`Plan::routine`] would lay them out, worked
/// out without laying it out (saturating: the numbers may come from a hostile file).
pub fn planned_length(parts: &[(Exercise, Overrides)], rest: Duration) -> Duration {
    let mut total = Duration::ZERO;
    for (index, (exercise, overrides)) in parts.iter().enumerate() {
        let settings = if index == 0 {
            Settings::first(&exercise.timing, overrides)
        } else {
            Settings::resolve(&exercise.timing, overrides)
        };
        let get_ready = if index == 0 || rest.is_zero() { settings.get_ready } else { rest };
        let sides = exercise.side_slots().len() as u32;
        let rep = settings.transition.saturating_add(settings.hold).saturating_add(settings.back).saturating_mul(sides);
        let set = rep.saturating_mul(settings.reps);
        let rests = settings.rest.saturating_mul(settings.sets.saturating_sub(1));
        total = total.saturating_add(get_ready).saturating_add(set.saturating_mul(settings.sets)).saturating_add(rests);
    }
    total
}

fn part_phases(part: usize, exercise: &Exercise, settings: &Settings) -> Vec<Phase> {
    let sides = exercise.side_slots();
    let hold_cues = exercise.hold_cues();
    let mut phases = Vec::new();
    let mut push = |kind, side, rep, set, duration: Duration, cue: String| {
        if !duration.is_zero() {
            phases.push(Phase { kind, part, side, rep, set, duration, cue });
        }
    };
    push(PhaseKind::GetReady, None, 0, 0, settings.get_ready, exercise.cues.get_ready.clone());
    for set in 1..=settings.sets {
        for rep in 1..=settings.reps {
            for &side in &sides {
                push(PhaseKind::Move, side, rep, set, settings.transition, exercise.move_cue(side));
                let cue = hold_cues[(rep as usize - 1) % hold_cues.len()];
                push(PhaseKind::Hold, side, rep, set, settings.hold, cue.to_owned());
                push(PhaseKind::Return, side, rep, set, settings.back, exercise.back_cue(side));
            }
        }
        if set < settings.sets {
            push(PhaseKind::Rest, None, 0, set, settings.rest, exercise.cues.rest.clone());
        }
    }
    phases
}

/// Remarks on `settings` outside the exercise's recommended ranges.
pub fn range_notes(exercise: &Exercise, settings: &Settings) -> Vec<String> {
    let mut notes = Vec::new();
    let timing = &exercise.timing;
    if !timing.hold_range.contains(&settings.hold) {
        notes.push(format!(
            "hold {} s is outside the recommended {} to {} s",
            settings.hold.as_secs(),
            timing.hold_range.start().as_secs(),
            timing.hold_range.end().as_secs()
        ));
    }
    if !timing.reps_range.contains(&settings.reps) {
        notes.push(format!(
            "{} is outside the recommended {} to {}",
            reps_text(settings.reps),
            timing.reps_range.start(),
            timing.reps_range.end()
        ));
    }
    notes
}

#[cfg(test)]
mod tests;
