//! The text of `trunkrot show`: an exercise's instructions as readable, wrapped lines.
//!
//! Pure: all text in an [`Exercise`] was cleaned when it was loaded, so nothing here can reach
//! the terminal as a control sequence.

use std::fmt::Write as _;
use std::time::Duration;

use crate::domain::duration::human;
use crate::domain::exercise::Exercise;
use crate::domain::figure::Figure;
use crate::domain::plan::{self, Overrides, Plan};
use crate::domain::routine::Routine;
use crate::domain::width;

/// Lines are wrapped to the terminal's width, but never wider than this: a comfortable read.
pub const WIDEST: usize = 100;

/// The text being written, and the columns it is wrapped to.
struct Page {
    out: String,
    width: usize,
}

/// The whole instructions of an exercise, wrapped to `width` columns (at most [`WIDEST`]).
pub fn text(exercise: &Exercise, width: usize) -> String {
    let mut page = Page { out: String::new(), width: width.min(WIDEST) };
    let out = &mut page;
    let _ = writeln!(out.out, "{} ({})", exercise.name, exercise.id);
    if !exercise.also_known_as.is_empty() {
        paragraph(out, "", &format!("Also known as: {}", exercise.also_known_as.join("; ")));
    }
    if !exercise.muscles.is_empty() {
        let names: Vec<&str> = exercise.muscles.iter().map(|m| muscle_name(m)).collect();
        paragraph(out, "", &format!("Muscles: {}", names.join(", ")));
    }
    paragraph(out, "", &format!("Sides: {}", sides_text(exercise)));
    if !exercise.summary.is_empty() {
        out.out.push('\n');
        paragraph(out, "", &exercise.summary);
    }
    if exercise.muscles.iter().any(|m| muscle_name(m) != m) {
        section(out, "The muscles at work");
        for muscle in &exercise.muscles {
            item(out, "- ", muscle);
        }
    }
    section(out, "Start position");
    for part in exercise.start_position.split("\n\n") {
        paragraph(out, "  ", part);
    }
    section(out, "Steps");
    for (n, step) in exercise.steps.iter().enumerate() {
        item(out, &format!("{}. ", n + 1), step);
    }
    if let Some(figure) = &exercise.figure {
        figure_text(out, figure);
    }
    if !exercise.tempo.is_empty() || !exercise.breathing.is_empty() {
        section(out, "Tempo and breathing");
        for line in [&exercise.tempo, &exercise.breathing] {
            if !line.is_empty() {
                paragraph(out, "  ", line);
            }
        }
    }
    if !exercise.mistakes.is_empty() {
        section(out, "Common mistakes");
        for mistake in &exercise.mistakes {
            let what = if mistake.explanation.is_empty() {
                mistake.name.clone()
            } else {
                format!("{}: {}", mistake.name, mistake.explanation)
            };
            item(out, "- ", &what);
            if !mistake.cue.is_empty() {
                paragraph(out, "    ", &format!("Cue: \u{201c}{}\u{201d}", mistake.cue));
            }
        }
    }
    list(out, "Precautions: stop, or ask a clinician first", &exercise.precautions);
    list(out, "Benefits", &exercise.benefits);
    list(out, "Harder (progressions)", &exercise.progressions);
    list(out, "Easier (regressions)", &exercise.regressions);
    section(out, "Default timing");
    timing(out, exercise);
    page.out
}

/// Cells of one pose drawn as text: three fit side by side in 80 columns.
const POSE_WIDTH: u16 = 24;
const POSE_HEIGHT: u16 = 12;

/// The figure's poses side by side, each under its name, as many to a row as fit the width.
fn figure_text(out: &mut Page, figure: &Figure) {
    let poses = figure.named_poses();
    if figure.mirror.is_some() {
        // Some poses are drawn from the other side of the body: each view names its poses.
        section(out, "The movement");
        for flipped in [false, true] {
            let names: Vec<&str> =
                poses.iter().filter(|(_, side, _)| figure.flips(*side) == flipped).map(|(name, _, _)| *name).collect();
            item(out, "- ", &format!("{} seen {}", names.join(" and "), figure.seen(flipped)));
        }
    } else if figure.view.is_empty() {
        section(out, "The movement");
    } else {
        section(out, &format!("The movement, seen {}", figure.view));
    }
    // A wide, low figure gets the columns its shape needs to be drawn at all.
    let pose_width = POSE_WIDTH
        .max(crate::tui::view::figure::min_columns(&figure.extent()))
        .min(u16::try_from(out.width.saturating_sub(4)).unwrap_or(POSE_WIDTH))
        .max(12);
    let drawn: Vec<Vec<String>> = poses
        .iter()
        .map(|(_, side, pose)| {
            crate::tui::view::figure::text_lines(&figure.still(pose, *side), pose_width, POSE_HEIGHT)
        })
        .collect();
    let column = usize::from(pose_width) + 2;
    // Two columns in, and a gap of two between poses: three of 24 in 80 columns.
    let per_row = (out.width / column).max(1);
    for (names, pictures) in poses.chunks(per_row).zip(drawn.chunks(per_row)) {
        let mut line = String::from("  ");
        for (name, _, _) in names {
            let _ = write!(line, "{name:<column$}");
        }
        let _ = writeln!(out.out, "{}", line.trim_end());
        let rows = pictures.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..rows {
            let mut line = String::from("  ");
            for pose in pictures {
                let cell = pose.get(row).map_or("", String::as_str);
                let _ = write!(line, "{cell:<column$}");
            }
            let _ = writeln!(out.out, "{}", line.trim_end());
        }
    }
}

/// A muscle's name: a `muscles` item may go on after a colon with what the muscle does.
fn muscle_name(muscle: &str) -> &str {
    muscle.split_once(": ").map_or(muscle, |(name, _)| name)
}

fn sides_text(exercise: &Exercise) -> String {
    match exercise.sides.as_slice() {
        [] => "none; both sides work together".to_owned(),
        [one] => format!("{one} only"),
        sides => sides.iter().map(ToString::to_string).collect::<Vec<_>>().join(", then "),
    }
}

fn timing(out: &mut Page, exercise: &Exercise) {
    let t = &exercise.timing;
    let (low, high) = (t.hold_range.start().as_secs(), t.hold_range.end().as_secs());
    paragraph(
        out,
        "  ",
        &format!(
            "{} (recommended {} to {}), hold {} (recommended {low} to {high} s)",
            plan::text::reps_for(t.reps, !exercise.sides.is_empty()),
            t.reps_range.start(),
            t.reps_range.end(),
            human(t.hold)
        ),
    );
    let back = if t.back.is_zero() { String::new() } else { format!(", {} to come back after each", human(t.back)) };
    paragraph(
        out,
        "  ",
        &format!(
            "{} to get down onto the mat, {} to move into each hold{back}",
            human(plan::FIRST_GET_READY),
            human(t.transition)
        ),
    );
    if t.sets > 1 {
        paragraph(out, "  ", &format!("{} sets, {} rest between sets", t.sets, human(t.rest)));
    }
    let total = Plan::new(exercise.clone(), &Overrides::default()).total();
    paragraph(out, "  ", &format!("{} in all", human(total)));
}

/// What a routine does: its exercises in order with their settings, the rests and the total,
/// wrapped to `width` columns (at most [`WIDEST`]).
pub fn routine_text(routine: &Routine, plan: &Plan, rest: Duration, width: usize) -> String {
    let mut page = Page { out: String::new(), width: width.min(WIDEST) };
    let out = &mut page;
    let _ = writeln!(out.out, "{} ({}), a routine", routine.name, routine.id);
    if !routine.summary.is_empty() {
        out.out.push('\n');
        paragraph(out, "", &routine.summary);
    }
    section(out, "Exercises");
    for (n, part) in plan.parts.iter().enumerate() {
        let line = format!("{} ({}): {}", part.exercise.name, part.exercise.id, plan::text::settings_text(part));
        item(out, &format!("{}. ", n + 1), &line);
    }
    section(out, "Timing");
    paragraph(out, "  ", &format!("{} rest between exercises", human(rest)));
    paragraph(out, "  ", &format!("{} in all", human(plan.total())));
    paragraph(
        out,
        "  ",
        &format!("`trunkrot show ID` gives each exercise's instructions; `trunkrot --routine {}` runs it.", routine.id),
    );
    page.out
}

fn section(out: &mut Page, title: &str) {
    let _ = write!(out.out, "\n{title}\n");
}

fn list(out: &mut Page, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    section(out, title);
    for text in items {
        item(out, "- ", text);
    }
}

/// A bulleted or numbered item, its continuation lines indented under its text.
fn item(out: &mut Page, marker: &str, text: &str) {
    out.out.push_str(&width::hanging(&format!("  {marker}"), text, out.width));
}

fn paragraph(out: &mut Page, indent: &str, text: &str) {
    for line in width::wrap(text, out.width.saturating_sub(indent.len()).max(1)) {
        let _ = writeln!(out.out, "{indent}{line}");
    }
}

/// Splits text into lines of at most `width` characters, at spaces where it can.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exercise;

    #[test]
    fn the_default_exercise_reads_in_order_with_every_section() {
        let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
        let text = text(&exercise, 78);
        let order = [
            "Lower trunk rotation (lower-trunk-rotation)",
            "Also known as: Supine knees side to side",
            "Muscles: External oblique, Internal oblique, Rectus abdominis, Lumbar",
            "Sides: left, then right",
            "The muscles at work",
            "  - Transversus abdominis: the deepest belly muscle",
            "Start position",
            "Steps",
            "  1. Draw your belly button",
            "The movement, seen from above: on your back, knees bent",
            "  start                     left                      right",
            "Common mistakes",
            "  - Pushing the range of motion beyond your fitness level:",
            "Cue: \u{201c}Only as far as is comfortable.\u{201d}",
            "Precautions",
            "Benefits",
            "Harder (progressions)",
            "Easier (regressions)",
            "Default timing",
            "10 reps per side (recommended 5 to 10), hold 5 s (recommended 3 to 5 s)",
            "30 s to get down onto the mat, 3 s to move into each hold",
            "4 min 10 s in all",
        ];
        let mut from = 0;
        for wanted in order {
            let at = text[from..].find(wanted).unwrap_or_else(|| panic!("`{wanted}` after {from} in:\n{text}"));
            from += at + wanted.len();
        }
        assert!(text.lines().all(|line| line.chars().count() <= 78), "{text}");
    }

    #[test]
    fn every_shipped_exercise_shows_each_pose_at_80_and_60_columns() {
        for (id, _) in exercise::BUILT_IN {
            let exercise = exercise::built_in(id).unwrap().unwrap();
            for width in [80, 60] {
                let text = text(&exercise, width);
                let movement = text.split("The movement").nth(1).unwrap_or_else(|| panic!("{id}: {text}"));
                let section = movement.split("\n\n").next().unwrap_or_default();
                // A pose too wide and low for its columns was once not drawn at all.
                let inked = section
                    .lines()
                    .filter(|line| line.chars().any(|c| crate::tui::view::figure::is_ink(c.encode_utf8(&mut [0; 4]))))
                    .count();
                assert!(inked >= 6, "{id} at {width} columns: the poses are not drawn:\n{section}");
                assert!(text.lines().all(|line| line.chars().count() <= width), "{id} at {width}:\n{text}");
            }
        }
    }
}
