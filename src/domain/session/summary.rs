//! What a session did, as of a moment: its summary, read from the phases it ran.

use std::time::{Duration, Instant};

use super::{Session, State};
use crate::domain::plan::{Phase, PhaseKind};
use crate::domain::side::Side;
use crate::domain::summary::{PartSummary, SideReps, Summary};

impl Session {
    /// What was done, as of `now` (or as of the end, once finished).
    pub fn summary(&self, now: Instant) -> Summary {
        let (reached_end, end) = match self.state {
            State::Finished { completed, at } => (completed, at),
            _ => (false, now),
        };
        let paused_now = match self.state {
            State::Paused { since, .. } => now.saturating_duration_since(since),
            _ => Duration::ZERO,
        };
        let elapsed = end.saturating_duration_since(self.started_at);
        let mut parts = Vec::new();
        for (part_index, part) in self.plan.parts.iter().enumerate() {
            let reps = part
                .exercise
                .side_slots()
                .into_iter()
                .map(|side| SideReps {
                    side,
                    done: self.holds_done(part_index, side),
                    planned: self.plan.holds_planned(part_index, side),
                })
                .collect();
            let phases = self.plan.phases.iter().zip(&self.ran);
            let active = phases.filter(|(phase, _)| phase.part == part_index).map(|(_, ran)| *ran).sum();
            parts.push(PartSummary {
                name: part.exercise.name.clone(),
                id: part.exercise.id.clone(),
                reps,
                skipped: self.holds_skipped(part_index),
                hold: part.settings.hold,
                active,
            });
        }
        let held = self
            .plan
            .phases
            .iter()
            .zip(&self.ran)
            .filter(|(phase, _)| phase.kind == PhaseKind::Hold)
            .map(|(_, ran)| *ran)
            .sum();
        let skipped = parts.iter().map(|part| part.skipped).sum();
        let names: Vec<&str> = self.plan.parts.iter().map(|part| part.exercise.name.as_str()).collect();
        Summary {
            stopped_in: self.stopped_in(),
            title: self.plan.name.clone().unwrap_or_else(|| names.join(", ")),
            completed: reached_end && skipped == 0,
            reached_end,
            skipped,
            parts,
            held,
            elapsed,
            active: elapsed.saturating_sub(self.paused_for + paused_now),
        }
    }

    /// Whether an exercise done on each side was worked: a move, hold or move back of it ran,
    /// if only for a moment before it was skipped. Only then does the check-in ask which side
    /// hurt: not after a routine stopped in an exercise without sides before it reached one with
    /// them, nor after one whose holds of it were all skipped at once.
    pub fn worked_a_side(&self) -> bool {
        self.moved().any(|phase| self.plan.parts[phase.part].exercise.side_slots().iter().any(Option::is_some))
    }

    /// The moves, holds and moves back that ran, to their end or for a moment.
    fn moved(&self) -> impl Iterator<Item = &Phase> {
        let phases = self.plan.phases.iter().zip(self.ran.iter().zip(&self.completed));
        phases.filter(|(phase, (ran, ended))| moving(phase) && (**ended || !ran.is_zero())).map(|(phase, _)| phase)
    }

    /// The exercise, by part, a stopped session was stopped in while doing it: in a move, a hold
    /// or a move back, one of which has run. Not while getting ready or resting before it, nor
    /// waiting at the very start (a pain asked for before a plan without getting ready).
    fn stopped_in(&self) -> Option<usize> {
        let phase = &self.plan.phases[self.stopped_at?];
        (moving(phase) && self.moved().any(|p| p.part == phase.part)).then_some(phase.part)
    }

    /// The holds of `part` the session went past without their running to the end: all not done
    /// in a session that reached its end; in one stopped, those before the phase it was stopped
    /// in (the hold under way then was stopped, not skipped, and those after were never reached).
    pub(super) fn holds_skipped(&self, part: usize) -> u32 {
        let passed = match (self.state, self.stopped_at) {
            (State::Finished { completed: true, .. }, _) => self.plan.phases.len(),
            (_, Some(at)) => at,
            _ => self.index().unwrap_or(0),
        };
        let phases = self.plan.phases.iter().zip(&self.completed).take(passed);
        let skipped = phases.filter(|(p, done)| !**done && p.kind == PhaseKind::Hold && p.part == part);
        skipped.count() as u32
    }

    fn holds_done(&self, part: usize, side: Option<Side>) -> u32 {
        let phases = self.plan.phases.iter().zip(&self.completed);
        let done = phases.filter(|(p, done)| **done && p.kind == PhaseKind::Hold && p.part == part && p.side == side);
        done.count() as u32
    }
}

/// Whether a phase moves the body: a move, a hold or a move back.
fn moving(phase: &Phase) -> bool {
    matches!(phase.kind, PhaseKind::Move | PhaseKind::Hold | PhaseKind::Return)
}
