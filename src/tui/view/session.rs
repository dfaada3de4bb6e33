//! The screen during the session: side, seconds, phase, cue, the figure of the body, then
//! progress, notes and keys,
//! placed by [`layout`](super::layout) and as big as the room allows.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::big;
use super::figure::FigureView;
use super::layout::{self, Content};
use super::theme::Band;
use super::{Keys, Theme, keys_line, wrap};
use crate::domain::duration::human;
use crate::domain::plan::{Phase, PhaseKind, Plan};
use crate::domain::side::Side;
use crate::domain::width::columns;
use crate::tui::app::App;

/// The seconds of a hold's end during which the cue line says what comes next.
const NEXT_FROM_SECS: u64 = 3;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let session = &app.session;
    let (Some(phase), Some(index)) = (session.phase(), session.index()) else {
        return;
    };
    let plan = session.plan();
    let paused = session.is_paused();
    let secs = session.display_secs(now);
    let side = shown_side(plan, index);
    let exercise = &plan.parts[phase.part].exercise;
    let stance = crate::domain::motion::stance(session, now);
    let mut notes = notes_text(app, index, true).map(|text| wrap(&text, area.width));
    let mut content = Content {
        side: side.map(|side| exercise.side_means.shout(side)),
        digits: countdown_text(secs),
        phase: phase_words(phase.kind, paused),
        notes_rows: notes.as_ref().map_or(0, |lines| lines.len() as u16),
        figure: stance.is_some(),
    };
    let mut regions = layout::regions(area, &content);
    if regions.notes.height < content.notes_rows {
        // The notes in full do not fit: the marker says where to read them.
        notes = notes_text(app, index, false).map(|text| wrap(&text, area.width));
        content.notes_rows = notes.as_ref().map_or(0, |lines| lines.len() as u16);
        regions = layout::regions(area, &content);
    }

    frame.render_widget(header_line(plan, phase, area.width, theme), regions.header);
    if let Some((rect, text)) = &regions.side {
        let alignment = match side {
            Some(Side::Left) => Alignment::Left,
            Some(Side::Right) => Alignment::Right,
            None => Alignment::Center,
        };
        big::draw(frame, inset(*rect), text, theme.side(side), alignment);
    }
    if let Some((rect, text)) = &regions.digits {
        big::draw(frame, *rect, text, theme.base().add_modifier(Modifier::BOLD), Alignment::Center);
    }
    if let Some((rect, text)) = &regions.phase {
        let style = theme.band(band(phase.kind, paused));
        // The band's fill spans the whole width: a block of its own colour seen from afar.
        frame.buffer_mut().set_style(*rect, style);
        big::draw(frame, *rect, text, style, Alignment::Center);
    }
    let cue = cue_text(plan, index, secs, paused);
    let cue =
        Paragraph::new(cue).style(Style::new().add_modifier(Modifier::ITALIC)).centered().wrap(Wrap { trim: true });
    frame.render_widget(cue, regions.cue);
    if let Some(stance) = &stance {
        // In its own rows or beside the big seconds, wherever it is drawn larger: on a wide
        // terminal the room beside tall seconds is often more than the rows left below.
        let beside = regions.digits.as_ref().map(|(rect, digits)| beside(*rect, digits.width));
        let own = Some(regions.figure).filter(|rect| rect.height > 0);
        let drawn = |area: &Rect| FigureView::fit(*area, &stance.extent).area();
        let area = [own, beside].into_iter().flatten().filter(|area| drawn(area) > 0).max_by_key(drawn);
        if let Some(area) = area {
            frame.render_widget(FigureView::new(stance, theme), area);
        }
    }
    let phase_left = format!(" {secs} s");
    bar(frame, regions.phase_bar, phase.kind.label(), session.phase_fraction(now), &phase_left, side, theme);
    let fraction = session.session_fraction(now);
    let left = Duration::from_secs(session.session_display_secs(now));
    let session_left = format!(" {} left", human(left));
    bar(frame, regions.session_bar, "SESSION", fraction, &session_left, None, theme);
    if let Some(notes) = notes {
        let lines: Vec<Line> = notes.into_iter().map(Line::from).collect();
        frame.render_widget(Paragraph::new(lines).style(theme.notes()), regions.notes);
    }
    let keys = if paused { Keys::Paused } else { Keys::Session };
    frame.render_widget(Paragraph::new(keys_line(regions.footer.width, keys, theme)), regions.footer);
}

/// The columns right of centred text `width` wide in `rect`, less a margin each side.
fn beside(rect: Rect, width: u16) -> Rect {
    let x = rect.x + u16::midpoint(rect.width, width) + 2;
    Rect { x, width: rect.right().saturating_sub(x + 1), ..rect }
}

/// A margin of one column each side, where there is room for it.
fn inset(rect: Rect) -> Rect {
    if rect.width > 20 { Rect { x: rect.x + 1, width: rect.width - 2, ..rect } } else { rect }
}

/// The side on screen: the phase's own, or for getting ready and resting, the side that comes
/// next, so the user knows which side to start on.
fn shown_side(plan: &Plan, index: usize) -> Option<Side> {
    let phase = &plan.phases[index];
    match phase.kind {
        PhaseKind::GetReady | PhaseKind::Rest => {
            plan.phases.get(index + 1).filter(|next| next.part == phase.part).and_then(|next| next.side)
        }
        PhaseKind::Move | PhaseKind::Hold => phase.side,
    }
}

fn band(kind: PhaseKind, paused: bool) -> Band {
    match (paused, kind) {
        (true, _) => Band::Paused,
        (false, PhaseKind::GetReady) => Band::GetReady,
        (false, PhaseKind::Move) => Band::Move,
        (false, PhaseKind::Hold) => Band::Hold,
        (false, PhaseKind::Rest) => Band::Rest,
    }
}

fn phase_words(kind: PhaseKind, paused: bool) -> Vec<String> {
    let words: &[&str] = match (paused, kind) {
        (true, _) => &["PAUSED"],
        (false, PhaseKind::GetReady) => &["GET READY", "READY"],
        (false, kind) => &[kind.label()],
    };
    words.iter().map(|w| (*w).to_owned()).collect()
}

/// `5`, `42`, or `1:30` for a minute and more.
fn countdown_text(secs: u64) -> String {
    if secs < 60 { secs.to_string() } else { format!("{}:{:02}", secs / 60, secs % 60) }
}

/// The one line of words under the phase: how to resume when paused, the first side while
/// getting ready, what comes next in a hold's last seconds, and otherwise the phase's cue.
fn cue_text(plan: &Plan, index: usize, secs: u64, paused: bool) -> String {
    let phase = &plan.phases[index];
    if paused {
        return "PAUSED: Space resumes".to_owned();
    }
    let side_words = |side: Side| side_words(plan, phase, side);
    match phase.kind {
        PhaseKind::GetReady => match shown_side(plan, index) {
            Some(side) => format!("First: {}. {}", side_words(side), phase.cue),
            None => phase.cue.clone(),
        },
        PhaseKind::Hold if secs <= NEXT_FROM_SECS => match plan.phases.get(index + 1) {
            None => "Next: the end of the session".to_owned(),
            Some(next) if next.part != phase.part => {
                format!("Next: {}", plan.parts[next.part].exercise.name)
            }
            Some(next) if next.kind == PhaseKind::Rest => format!("Next: rest {}", human(next.duration)),
            Some(next) => match next.side {
                Some(side) if next.side != phase.side => format!("Next: {}", side_words(side)),
                Some(side) => format!("Next: rep {}, {} again", next.rep, side_words(side)),
                None => format!("Next: rep {}", next.rep),
            },
        },
        _ => phase.cue.clone(),
    }
}

/// The side as words, without arrows: `LEFT KNEE`, `RIGHT`.
fn side_words(plan: &Plan, phase: &Phase, side: Side) -> String {
    let forms = plan.parts[phase.part].exercise.side_means.shout(side);
    forms.iter().find(|form| !form.contains(['<', '>'])).cloned().unwrap_or_default()
}

/// A thick bar: its name, full blocks for the part done and light shade for the rest, and what
/// is left. The filled part is the stronger by shape as well as by colour.
fn bar(frame: &mut Frame, area: Rect, name: &str, ratio: f64, left: &str, side: Option<Side>, theme: Theme) {
    if area.height == 0 {
        return;
    }
    let name = format!("{name:<10}");
    let [name_area, bar_area, left_area] = Layout::horizontal([
        Constraint::Length(if area.width >= 40 { 10 } else { 0 }),
        Constraint::Fill(1),
        Constraint::Length(columns(left) as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(name).style(theme.quiet()), name_area);
    let width = usize::from(bar_area.width);
    let filled = ((ratio.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    let line = Line::from(vec![
        Span::styled("█".repeat(filled), theme.bar_filled(side)),
        Span::styled("░".repeat(width - filled), theme.bar_empty()),
    ]);
    frame.render_widget(Paragraph::new(line), bar_area);
    frame.render_widget(Paragraph::new(left).style(theme.quiet()).right_aligned(), left_area);
}

/// The side in words (for reading up close), the rep, the set and the exercise.
fn rep_text(plan: &Plan, phase: &Phase) -> String {
    let settings = plan.parts[phase.part].settings;
    let side = phase.side.map(|side| format!("{} · ", side_words(plan, phase, side))).unwrap_or_default();
    let mut text = side
        + &if phase.rep == 0 {
            crate::domain::plan::text::reps_text(settings.reps)
        } else {
            format!("rep {} of {}", phase.rep, settings.reps)
        };
    if settings.sets > 1 && phase.set > 0 {
        let _ = write!(text, " · set {} of {}", phase.set, settings.sets);
    }
    if plan.parts.len() > 1 {
        let _ = write!(text, " · exercise {} of {}", phase.part + 1, plan.parts.len());
    }
    text
}

fn header_line(plan: &Plan, phase: &Phase, width: u16, theme: Theme) -> Paragraph<'static> {
    let name = plan.parts[phase.part].exercise.name.clone();
    let rep = rep_text(plan, phase);
    let gap = usize::from(width).saturating_sub(columns(&name) + columns(&rep));
    if gap == 0 {
        return Paragraph::new(Line::from(rep)).style(theme.quiet());
    }
    let line = Line::from(vec![Span::from(name), Span::from(" ".repeat(gap)), Span::from(rep)]);
    Paragraph::new(line).style(theme.quiet())
}

/// Remarks on the current exercise's settings (such as a hold outside the recommended range)
/// and any notice from the shell: in full (if `full` allows) in the exercise's first phase
/// (getting ready, where there is one) and in the phase a notice came in, else a short marker.
fn notes_text(app: &App, index: usize, full: bool) -> Option<String> {
    let plan = app.session.plan();
    let phase = &plan.phases[index];
    let first = full && (index == 0 || plan.phases[index - 1].part != phase.part || app.notice_is_new());
    let notes = &plan.parts[phase.part].notes;
    let count = notes.len() + usize::from(app.notice.is_some());
    if count == 0 {
        return None;
    }
    if !first {
        let noun = if count == 1 { "note" } else { "notes" };
        return Some(format!("* {count} {noun}: ? shows them"));
    }
    let mut all: Vec<String> = app.notice.iter().cloned().collect();
    all.extend(notes.iter().map(|note| format!("Note: {note}.")));
    Some(all.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_past_a_minute_show_minutes() {
        assert_eq!(countdown_text(5), "5");
        assert_eq!(countdown_text(90), "1:30");
    }
}
