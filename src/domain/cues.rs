//! What each session event rings, says and prints. Pure: the shell rings, speaks and prints
//! what this decides, so the session can be followed by ear alone.

use std::time::{Duration, Instant};

use crate::domain::plan::{self, PhaseKind, Plan};
use crate::domain::session::Event;

/// How the user wants to be cued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    pub quiet: bool,
}

/// Whether phase `index` starts on the other side from the last phase that had one (in the
/// same exercise): the moment to say "switch sides".
pub fn switches_side(plan: &Plan, index: usize) -> bool {
    let Some(phase) = plan.phases.get(index) else {
        return false;
    };
    let Some(side) = phase.side else {
        return false;
    };
    let mut before = plan.phases[..index].iter().rev().take_while(|p| p.part == phase.part);
    before.find_map(|p| p.side).is_some_and(|last| last != side)
}

/// The number of bells for an event: one as each hold starts and one for each of its last three
/// seconds; two to switch sides and two at the end of the session.
pub fn bells(plan: &Plan, event: Event, options: &Options) -> usize {
    if options.quiet {
        return 0;
    }
    match event {
        Event::PhaseStarted(index) if switches_side(plan, index) => 2,
        Event::PhaseStarted(index) => usize::from(plan.phases.get(index).is_some_and(|p| p.kind == PhaseKind::Hold)),
        Event::Countdown(_) => 1,
        Event::Finished { completed: true } => 2,
        Event::Finished { completed: false } | Event::Paused | Event::Resumed => 0,
    }
}

/// The short words to speak for an event: the move ("Slowly rotate your knees to the left"),
/// "Hold", "3", "2", "1", "Switch sides", "Session complete".
pub fn words(plan: &Plan, event: Event) -> Option<String> {
    let text = match event {
        Event::PhaseStarted(index) => {
            let phase = plan.phases.get(index)?;
            let what = match phase.kind {
                PhaseKind::Hold => "Hold".to_owned(),
                PhaseKind::GetReady | PhaseKind::Move | PhaseKind::Rest => phase.cue.clone(),
            };
            if switches_side(plan, index) { format!("Switch sides. {what}") } else { what }
        }
        Event::Countdown(secs) => secs.to_string(),
        Event::Finished { completed: true } => "Session complete".to_owned(),
        Event::Finished { completed: false } | Event::Paused | Event::Resumed => return None,
    };
    // The text becomes a command's argument: a leading dash must not read as an option.
    let text = text.trim_start_matches(|c: char| c == '-' || c.is_whitespace()).trim_end();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The lines plain mode prints for an event: the same things the voice says, with each phase's
/// full description in place of its short words.
pub fn lines(plan: &Plan, event: Event) -> Vec<String> {
    match event {
        Event::PhaseStarted(index) => {
            let mut lines: Vec<String> = plan::text::part_heading(plan, index).into_iter().collect();
            if switches_side(plan, index) {
                lines.push("Switch sides".to_owned());
            }
            lines.push(plan::text::describe(plan, index));
            lines
        }
        Event::Countdown(_) | Event::Finished { completed: true } => words(plan, event).into_iter().collect(),
        Event::Finished { completed: false } | Event::Paused | Event::Resumed => Vec::new(),
    }
}

/// The gap between the bells of one cue. Terminals merge bells sent together into one sound,
/// so each bell gets its own moment.
pub const BELL_GAP: Duration = Duration::from_millis(250);

/// Bells waiting to be rung, each at its own instant.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bells {
    due: Vec<Instant>,
}

impl Bells {
    /// Queues `count` bells: the first at `now` (or one gap after the last one queued), the rest
    /// one gap apart.
    pub fn add(&mut self, count: usize, now: Instant) {
        for _ in 0..count {
            let at = self.due.last().map_or(now, |last| (*last + BELL_GAP).max(now));
            self.due.push(at);
        }
    }

    /// Takes the bells due by `now`: the shell rings this many. More than one only after a
    /// late wake-up.
    pub fn take_due(&mut self, now: Instant) -> usize {
        let due = self.due.iter().take_while(|at| **at <= now).count();
        self.due.drain(..due);
        due
    }

    /// When the next bell is due, for the loop to wake.
    pub fn next(&self) -> Option<Instant> {
        self.due.first().copied()
    }
}

#[cfg(test)]
mod tests;
