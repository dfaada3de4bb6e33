//! The figure's motion over a session: where the current exercise's figure stands at a moment,
//! and when it next needs drawing.
//!
//! Above both [`figure`](crate::domain::figure) (the poses) and
//! [`session`](crate::domain::session) (the phases and their deadlines), so neither imports the
//! other.

use std::time::{Duration, Instant};

use crate::domain::figure::{Stance, interpolate};
use crate::domain::plan::PhaseKind;
use crate::domain::session::{Session, State};

/// The time between frames while the figure moves: 12.5 a second, smooth enough for a body
/// moving slowly, and a steady rate of at least 10 even when a frame comes a little late.
pub const FRAME: Duration = Duration::from_millis(80);

/// When the figure next needs drawing, if it is moving at `now`: the next frame after `now`,
/// on a grid counted back from the move's deadline, so frames stay evenly spaced whenever the
/// loop wakes and the last one falls exactly on the deadline. `None` when nothing moves: not in
/// a move or a return, paused, finished, or an exercise without a figure.
pub fn next_frame(session: &Session, now: Instant) -> Option<Instant> {
    let State::Running { index, ends_at } = session.state() else {
        return None;
    };
    let phase = session.plan().phases.get(index)?;
    let part = session.plan().parts.get(phase.part)?;
    if !matches!(phase.kind, PhaseKind::Move | PhaseKind::Return) || part.exercise.figure.is_none() || now >= ends_at {
        return None;
    }
    let left = (ends_at - now).as_nanos();
    let frames_left = (left - 1) / FRAME.as_nanos();
    let back = Duration::from_nanos(u64::try_from(frames_left * FRAME.as_nanos()).unwrap_or(u64::MAX));
    ends_at.checked_sub(back)
}

/// Slow at both ends, as a body starts and stops moving; 0 and 1 stay where they are.
fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Where the figure of the current exercise is at `now`, or `None` if it has no figure or the
/// session is over.
///
/// The start pose while getting ready and resting; still in the side's pose during its hold;
/// during a move, from where the previous phase left it to the side's pose, reached exactly
/// when the move's time is up. Coming from another pose, it passes back through the start
/// pose on the way (the knees come up through the middle, the held leg is let down first); the
/// first half still belongs to the side just held (its colour, and its view where the figure
/// has a `mirror`), so a figure that turns to show each side from that side turns there, in
/// the start pose, with both feet down.
/// A return moves it from the side's pose back to the start, so the next move starts there.
pub fn stance(session: &Session, now: Instant) -> Option<Stance> {
    let index = session.index()?;
    let phases = &session.plan().phases;
    let phase = phases.get(index)?;
    let figure = session.plan().parts.get(phase.part)?.exercise.figure.as_ref()?;
    let target = figure.hold(phase.side);
    let place = |points: Vec<Vec<(f64, f64)>>| figure.place(points, phase.side);
    let stance = match phase.kind {
        PhaseKind::GetReady | PhaseKind::Rest => place(interpolate(&figure.start, &figure.start, 0.0)),
        PhaseKind::Hold => place(interpolate(target, target, 1.0)),
        // Back from the side's pose to the start, reaching it as the next move begins.
        PhaseKind::Return => place(interpolate(target, &figure.start, ease(session.phase_fraction(now)))),
        PhaseKind::Move => {
            let before = index
                .checked_sub(1)
                .and_then(|i| phases.get(i))
                .filter(|before| before.part == phase.part && matches!(before.kind, PhaseKind::Move | PhaseKind::Hold));
            let from = before.map_or(&figure.start, |before| figure.hold(before.side));
            let t = session.phase_fraction(now);
            if from == &figure.start {
                place(interpolate(&figure.start, target, ease(t)))
            } else if t < 0.5 {
                // Still the side just held, and seen as it was, until its leg is down.
                let side = before.and_then(|before| before.side);
                figure.place(interpolate(from, &figure.start, ease(t * 2.0)), side)
            } else {
                place(interpolate(&figure.start, target, ease(t * 2.0 - 1.0)))
            }
        }
    };
    Some(stance)
}

#[cfg(test)]
mod tests;
