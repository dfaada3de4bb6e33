//! The screen during the session: side, seconds, phase, cue, the figure of the body, then
//! progress, notes and keys,
//! placed by [`layout`](super::layout) and as big as the room allows.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::big;
use super::figure::FigureView;
use super::layout::{self, Content, Regions};
use super::theme::Band;
use super::{Keys, Theme, keys_line};
use crate::domain::duration::human;
use crate::domain::plan::{Phase, PhaseKind, Plan};
use crate::domain::side::Side;
use crate::domain::width::columns;
use crate::tui::app::App;

/// The seconds of a hold's end during which the cue line says what comes next.
const NEXT_FROM_SECS: u64 = 3;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let session = &app.session;
    let (Some(phase), Some(index), Some(regions)) = (session.phase(), session.index(), regions(app, area, now)) else {
        return;
    };
    let plan = session.plan();
    let paused = session.is_paused();
    let secs = session.display_secs(now);
    let side = shown_side(plan, index);
    let stance = crate::domain::motion::stance(session, now);
    let getting_ready = phase.kind == PhaseKind::GetReady;

    frame.render_widget(header_line(app, index, area.width, theme), regions.header);
    if let Some((rect, text)) = &regions.top {
        if getting_ready {
            big::draw(frame, layout::inset(*rect), text, theme.band(Band::GetReady), Alignment::Center);
        } else {
            big::draw(frame, layout::inset(*rect), text, theme.side(side), alignment(side));
        }
    }
    if let Some((rect, text)) = &regions.digits {
        big::draw(frame, *rect, text, theme.base().add_modifier(Modifier::BOLD), Alignment::Center);
    }
    if let Some((rect, text)) = &regions.lower {
        if getting_ready && !paused {
            big::draw(frame, *rect, text, theme.side(side), Alignment::Center);
        } else {
            let style = theme.band(band(phase.kind, paused));
            // The band's fill spans its whole column: a block of its own colour seen from afar.
            frame.buffer_mut().set_style(*rect, style);
            big::draw(frame, *rect, text, style, Alignment::Center);
        }
    }
    let (cue, notice) = cue_of(app, now);
    let style = if notice { theme.notes() } else { Style::new().add_modifier(Modifier::ITALIC) };
    let cue = Paragraph::new(cue_lines(&cue, regions.cue)).style(style).centered();
    frame.render_widget(cue, regions.cue);
    if let Some(stance) = &stance {
        // Where this drawing is seen from: a figure with a `mirror` shows some poses from the
        // other side of the body.
        let view = plan.parts[phase.part].exercise.figure.as_ref().map_or("", |figure| figure.seen(stance.flipped));
        let mut area = regions.figure;
        // Where the body is seen from, under it, when that leaves the figure its room.
        if !view.is_empty() && area.height > layout::FIGURE_MIN_ROWS {
            area.height -= 1;
            let caption = Rect { y: area.bottom(), height: 1, ..area };
            // Without its `seen` where the band is too narrow for it, rather than not at all.
            let words = [format!("seen {view}"), view.to_owned()]
                .into_iter()
                .find(|words| columns(words) <= usize::from(caption.width));
            if let Some(words) = words {
                frame.render_widget(Paragraph::new(words).style(theme.quiet()).centered(), caption);
            }
        }
        // A figure that its width bounds (a body lying, seen from the side) stands at the foot of
        // its band, on its caption, rather than afloat in the middle: on a big terminal the rows
        // under the seconds and the phase are then the figure's, not blank.
        let fitted = FigureView::fit(area, &stance.extent);
        if !fitted.is_empty() {
            area = Rect { y: area.bottom() - fitted.height, height: fitted.height, ..area };
        }
        frame.render_widget(FigureView::new(stance, theme), area);
    }
    let phase_left = format!(" {secs} s");
    bar(frame, regions.phase_bar, phase.kind.label(), session.phase_fraction(now), &phase_left, side, theme);
    let fraction = session.session_fraction(now);
    let left = Duration::from_secs(session.session_display_secs(now));
    let session_left = format!(" {} left", human(left));
    bar(frame, regions.session_bar, "SESSION", fraction, &session_left, None, theme);
    let keys = if paused { Keys::Paused } else { Keys::Session };
    frame.render_widget(Paragraph::new(keys_line(regions.footer.width, keys, theme)), regions.footer);
}

/// The words of the cue's line at `now`, and whether they are a notice. A notice from the shell
/// (the voice or the tones failed) takes the line while it is new: 10 s, or until a key, long
/// enough to be seen from the mat.
fn cue_of(app: &App, now: Instant) -> (String, bool) {
    let session = &app.session;
    match (app.notice.as_ref().filter(|_| app.notice_is_new(now)), session.index()) {
        (Some(notice), _) => (notice.clone(), true),
        (None, Some(index)) => (cue_text(session.plan(), index, session.display_secs(now), session.is_paused()), false),
        (None, None) => (String::new(), false),
    }
}

/// `cue` wrapped at its words to the rows of `area`; words that do not fit end the last row
/// with an ellipsis, so a cut is seen (the whole notice is behind `?`).
fn cue_lines(cue: &str, area: Rect) -> Vec<Line<'static>> {
    let width = usize::from(area.width);
    let mut lines = crate::domain::width::wrap(cue, width);
    let rows = usize::from(area.height);
    if lines.len() > rows && rows > 0 {
        let rest = lines.split_off(rows).join(" ");
        if let Some(last) = lines.last_mut() {
            *last = crate::domain::width::fit(&format!("{last} {rest}"), width);
        }
    }
    lines.into_iter().map(|line| Line::from(crate::domain::width::fit(&line, width))).collect()
}

/// Where everything goes on the session screen for `app` at `now`; `None` once finished.
pub(super) fn regions(app: &App, area: Rect, now: Instant) -> Option<Regions> {
    let session = &app.session;
    let (phase, index) = (session.phase()?, session.index()?);
    let plan = session.plan();
    let paused = session.is_paused();
    let side = shown_side(plan, index);
    let exercise = &plan.parts[phase.part].exercise;
    let figure = exercise.figure.is_some();
    // Whether the figure says where it is seen from, in any of its poses.
    let caption =
        exercise.figure.as_ref().is_some_and(|figure| !figure.seen(false).is_empty() || !figure.seen(true).is_empty());
    let digits = countdown_text(session.display_secs(now));
    let side_forms = |side: Side| exercise.side_means.shout(side);
    let side_measure = side.map(|side| widest_forms(exercise, side)).unwrap_or_default();
    let words = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
    let cue_rows = u16::try_from(crate::domain::width::wrap(&cue_of(app, now).0, usize::from(area.width)).len())
        .unwrap_or(u16::MAX)
        .clamp(1, 2);
    let content = if phase.kind == PhaseKind::GetReady {
        // Getting ready, the words are GET READY; the first side waits, smaller, beneath.
        let (lower, lower_measure) = match (paused, side) {
            (true, _) => (words(&["PAUSED"]), Vec::new()),
            (false, Some(side)) => (side_forms(side), side_measure),
            (false, None) => (Vec::new(), Vec::new()),
        };
        Content {
            top: Some(words(&["GET READY", "READY"])),
            top_measure: Vec::new(),
            digits,
            lower,
            lower_measure,
            lower_smaller: true,
            figure,
            caption,
            cue_rows,
        }
    } else {
        Content {
            top: side.map(side_forms),
            top_measure: side_measure,
            digits,
            lower: phase_words(phase.kind, paused),
            lower_measure: Vec::new(),
            lower_smaller: false,
            figure,
            caption,
            cue_rows,
        }
    };
    Some(layout::regions(area, &content))
}

/// Where the side's big label stands: the left side at the left, the right at the right.
fn alignment(side: Option<Side>) -> Alignment {
    match side {
        Some(Side::Left) => Alignment::Left,
        Some(Side::Right) => Alignment::Right,
        None => Alignment::Center,
    }
}

/// For each form of `side`'s label, the longest of that form over the exercise's sides: the
/// room the label keeps so both sides are drawn in the same font.
fn widest_forms(exercise: &crate::domain::exercise::Exercise, side: Side) -> Vec<String> {
    let mut widest = exercise.side_means.shout(side);
    for other in &exercise.sides {
        for (form, theirs) in widest.iter_mut().zip(exercise.side_means.shout(*other)) {
            if theirs.chars().count() > form.chars().count() {
                *form = theirs;
            }
        }
    }
    widest
}

/// The side on screen: the phase's own, or for getting ready and resting, the side that comes
/// next, so the user knows which side to start on.
fn shown_side(plan: &Plan, index: usize) -> Option<Side> {
    let phase = &plan.phases[index];
    match phase.kind {
        PhaseKind::GetReady | PhaseKind::Rest => {
            plan.phases.get(index + 1).filter(|next| next.part == phase.part).and_then(|next| next.side)
        }
        PhaseKind::Move | PhaseKind::Hold | PhaseKind::Return => phase.side,
    }
}

fn band(kind: PhaseKind, paused: bool) -> Band {
    match (paused, kind) {
        (true, _) => Band::Paused,
        (false, PhaseKind::GetReady) => Band::GetReady,
        (false, PhaseKind::Move | PhaseKind::Return) => Band::Move,
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
            Some(next) if next.kind == PhaseKind::Return => {
                format!("Next: back to the start, then {}", after(plan, phase, plan.phases.get(index + 2)))
            }
            next => format!("Next: {}", after(plan, phase, next)),
        },
        _ => phase.cue.clone(),
    }
}

/// What `next` is, coming after `phase`: `RIGHT KNEE`, `rep 2, LEFT again`, `rest 30 s`, the
/// next exercise, or the end.
fn after(plan: &Plan, phase: &Phase, next: Option<&Phase>) -> String {
    let side_words = |side: Side| side_words(plan, phase, side);
    match next {
        None => "the end of the session".to_owned(),
        Some(next) if next.part != phase.part => plan.parts[next.part].exercise.name.clone(),
        Some(next) if next.kind == PhaseKind::Rest => format!("rest {}", human(next.duration)),
        Some(next) => match next.side {
            Some(side) if next.side != phase.side => side_words(side),
            Some(side) => format!("rep {}, {} again", next.rep, side_words(side)),
            None => format!("rep {}", next.rep),
        },
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

/// The line at the top, for reading up close: the exercise, a marker when there are notes to
/// read behind `?`, and the side, rep, set and exercise in words at the right. When the line is
/// short, the marker loses its last words, then the programme's day goes (the marker whole again
/// if it then fits), then the exercise's name, then the marker.
fn header_line(app: &App, index: usize, width: u16, theme: Theme) -> Paragraph<'static> {
    let plan = app.session.plan();
    let phase = &plan.phases[index];
    let name = plan.parts[phase.part].exercise.name.clone();
    // While getting ready, where the session stands in the programme's day, if there is one: it
    // goes first when the line is short, before the exercise's name.
    let with_today = match (phase.kind, &app.today) {
        (PhaseKind::GetReady, Some(today)) => Some(format!("{name} · {today}")),
        _ => None,
    };
    let rep = rep_text(plan, phase);
    let marker = notes_marker(app, index);
    let width = usize::from(width);
    let fits = |parts: &[&str]| parts.iter().map(|p| columns(p)).sum::<usize>() + 3 * (parts.len() - 1) <= width;
    let mut spans = Vec::new();
    let mut used = 0;
    let mut push = |text: String, style: Style, spans: &mut Vec<Span<'static>>| {
        used += columns(&text);
        spans.push(Span::styled(text, style));
    };
    // The marker in full, or without its last words ("2 notes: press ?") to keep the name.
    let short = marker.as_ref().map(|marker| marker.trim_end_matches(MARKER_END).to_owned());
    let names = [with_today.as_ref(), Some(&name)].into_iter().flatten();
    let markers = || [&marker, &short].into_iter().flatten();
    let with_name = names.clone().find_map(|name| markers().find(|m| fits(&[name, m, &rep])).map(|m| (name, m)));
    match (&marker, with_name) {
        (_, Some((name, marker))) => {
            push(name.clone(), theme.quiet(), &mut spans);
            push("   ".to_owned(), theme.quiet(), &mut spans);
            push(marker.clone(), theme.notes(), &mut spans);
        }
        (Some(marker), None) if fits(&[marker, &rep]) => push(marker.clone(), theme.notes(), &mut spans),
        _ => {
            if let Some(name) = names.into_iter().find(|name| fits(&[name, &rep])) {
                push(name.clone(), theme.quiet(), &mut spans);
            }
        }
    }
    let gap = width.saturating_sub(used + columns(&rep));
    spans.push(Span::styled(" ".repeat(gap), theme.quiet()));
    spans.push(Span::styled(rep, theme.quiet()));
    Paragraph::new(Line::from(spans)).style(theme.quiet())
}

/// The marker that says notes wait behind `?`: remarks on the settings (a hold outside the
/// recommended range) and any notice from the shell (shown itself in the cue's line while it is
/// new).
fn notes_marker(app: &App, index: usize) -> Option<String> {
    let plan = app.session.plan();
    let notes = &plan.parts[plan.phases[index].part].notes;
    let count = notes.len() + usize::from(app.notice.is_some());
    let noun = match count {
        0 => return None,
        1 => "note",
        _ => "notes",
    };
    Some(format!("{count} {noun}: press ?{MARKER_END}"))
}

/// The notes marker's last words, left out where the line is short.
const MARKER_END: &str = " to read";

#[cfg(test)]
mod tests;
