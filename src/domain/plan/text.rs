//! A plan in words: the lines plain mode prints for each phase, the heading of each exercise of
//! a routine, the overview and the timeline `trunkrot plan` prints.

use super::{Part, PhaseKind, Plan};

/// One line for a phase, as plain mode prints it: `rep 1/10 left: hold 5 s: Breathe normally.`
pub fn describe(plan: &Plan, index: usize) -> String {
    let Some(phase) = plan.phases.get(index) else {
        return String::new();
    };
    let settings = &plan.parts[phase.part].settings;
    let secs = phase.duration.as_secs();
    let what = match phase.kind {
        PhaseKind::GetReady => format!("get ready {secs} s"),
        PhaseKind::Rest => format!("rest {secs} s"),
        PhaseKind::Move | PhaseKind::Hold | PhaseKind::Return => {
            let verb = match phase.kind {
                PhaseKind::Move => "move",
                PhaseKind::Return => "return",
                _ => "hold",
            };
            let side = phase.side.map_or(String::new(), |s| format!(" {s}"));
            let set = if settings.sets > 1 { format!(" set {}/{}", phase.set, settings.sets) } else { String::new() };
            format!("rep {}/{}{side}{set}: {verb} {secs} s", phase.rep, settings.reps)
        }
    };
    format!("{what}: {}", phase.cue)
}

/// `exercise 2/4: Knee to chest` when phase `index` starts a new exercise of a routine.
pub fn part_heading(plan: &Plan, index: usize) -> Option<String> {
    let phase = plan.phases.get(index)?;
    let starts_part = index == 0 || plan.phases.get(index - 1).is_some_and(|before| before.part != phase.part);
    (plan.parts.len() > 1 && starts_part)
        .then(|| format!("exercise {}/{}: {}", phase.part + 1, plan.parts.len(), plan.parts[phase.part].exercise.name))
}

/// The lines that introduce a plan: what will be done, for how long, and any notes.
pub fn overview(plan: &Plan) -> Vec<String> {
    let mut lines = heading(plan);
    lines.push(total_text(plan));
    lines
}

/// The timeline `trunkrot plan` prints: the heading, each phase with the time it starts
/// (`m:ss` from the start of the session), and the total.
pub fn timeline(plan: &Plan) -> Vec<String> {
    let mut lines = heading(plan);
    for (index, start) in plan.starts().enumerate() {
        let secs = start.as_secs();
        lines.extend(part_heading(plan, index));
        lines.push(format!("{:>4}:{:02}  {}", secs / 60, secs % 60, describe(plan, index)));
    }
    lines.push(total_text(plan));
    lines
}

fn total_text(plan: &Plan) -> String {
    format!("total {}", crate::domain::duration::human(plan.total()))
}

fn heading(plan: &Plan) -> Vec<String> {
    let mut lines = Vec::new();
    for part in &plan.parts {
        lines.push(format!("{}: {}", part.exercise.name, settings_text(part)));
        lines.extend(part.notes.iter().map(|note| format!("note: {note}")));
    }
    lines
}

/// A part's settings in words: `10 reps per side, hold 5 s` (with the sets when more than one).
pub fn settings_text(part: &Part) -> String {
    let s = &part.settings;
    let sets = if s.sets > 1 { format!(", {} sets", s.sets) } else { String::new() };
    let reps = reps_for(s.reps, !part.exercise.sides.is_empty());
    format!("{reps}{sets}, hold {} s", s.hold.as_secs())
}

/// `1 rep`, `10 reps`.
pub fn reps_text(reps: u32) -> String {
    if reps == 1 { "1 rep".to_owned() } else { format!("{reps} reps") }
}

/// `10 reps per side` for an exercise with sides, `10 reps` (or `1 rep`) for one without.
pub fn reps_for(reps: u32, per_side: bool) -> String {
    let text = reps_text(reps);
    if per_side { format!("{text} per side") } else { text }
}
