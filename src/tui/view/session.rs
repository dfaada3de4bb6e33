//! The screen during the session: side, phase, countdown, cue, the moving figure and progress.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::figure::FigureView;
use super::{Keys, Theme, keys_line};
use crate::domain::duration::human;
use crate::domain::exercise::Side;
use crate::domain::figure::Extent;
use crate::domain::plan::{Phase, PhaseKind};
use crate::tui::app::App;

/// Rows the large layout needs: header, banner (4), label, digits (8), seconds, cue (2), two
/// gauges, notes and footer.
const LARGE_HEIGHT: u16 = 21;
/// Rows the medium layout needs: header, label, digits (8), seconds, cue, gauge and footer.
const MEDIUM_HEIGHT: u16 = 14;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let session = &app.session;
    let Some(phase) = session.phase() else {
        return;
    };
    let secs = session.display_secs(now);
    let countdown = countdown_text(secs);
    let digits_fit = area.width >= big_width(&countdown, 1);
    let banner = banner_text(phase, area.width);
    let side_style = theme.side(phase.side);
    let bar_style = theme.side_colour(phase.side).map_or(Style::new(), |colour| Style::new().fg(colour));
    let (filled, unfilled) = theme.bar_symbols();

    let notes = notes_line(app, phase);
    let large = area.height >= LARGE_HEIGHT && digits_fit && banner.is_some();
    let medium = area.height >= MEDIUM_HEIGHT && digits_fit;
    let layout = rows(area, large, medium, notes.is_some());
    let [header, _, banner_area, _, label, digits, seconds, cue, _, phase_gauge, session_gauge, notes_area, footer] =
        *layout
    else {
        return;
    };
    // The figure takes the right of the middle rows, only what the digits and words leave.
    let top = if banner_area.height > 0 { banner_area.bottom() } else { header.bottom() };
    let bottom = if phase_gauge.height > 0 { phase_gauge.y } else { session_gauge.y };
    let middle = Rect::new(area.x, top, area.width, bottom.saturating_sub(top));
    // The cue keeps its rows: wrapped over them with room to spare, or on one full line.
    let cue_width = (phase.cue.chars().count() as u16).div_ceil(cue.height.max(1)).saturating_add(4).min(area.width);
    let digits_width = if digits.height > 0 { big_width(&countdown, 1) } else { 0 };
    let words = digits_width.max(WORDS_WIDTH).max(cue_width);
    let stance = crate::domain::figure::stance(session, now);
    let figure_area = stance.as_ref().and_then(|stance| figure_column(middle, words, &stance.extent));
    let [label, digits, seconds, cue] = [label, digits, seconds, cue]
        .map(|row| figure_area.map_or(row, |figure| Rect { width: row.width.saturating_sub(figure.width), ..row }));
    if let (Some(stance), Some(figure_area)) = (&stance, figure_area) {
        frame.render_widget(FigureView::new(stance, theme), figure_area);
    }

    frame.render_widget(header_line(app, phase, header.width), header);
    if let Some(text) = banner
        && banner_area.height > 0
    {
        let alignment = match phase.side {
            Some(Side::Left) => Alignment::Left,
            Some(Side::Right) => Alignment::Right,
            None => Alignment::Center,
        };
        let big = BigText::builder()
            .pixel_size(PixelSize::HalfHeight)
            .style(side_style)
            .alignment(alignment)
            .lines(vec![Line::from(text)])
            .build();
        frame.render_widget(big, banner_area);
    }
    frame.render_widget(label_line(phase, session.is_paused(), theme), label);
    if digits.height > 0 {
        let style = if session.is_paused() { Style::new().add_modifier(Modifier::DIM) } else { side_style };
        let big = BigText::builder()
            .pixel_size(PixelSize::Full)
            .style(style)
            .alignment(Alignment::Center)
            .lines(vec![Line::from(countdown)])
            .build();
        frame.render_widget(big, digits);
    }
    let seconds_line = Line::from(format!("{secs} s")).bold();
    frame.render_widget(Paragraph::new(seconds_line).centered(), seconds);
    let cue_text = Paragraph::new(phase.cue.as_str())
        .style(Style::new().add_modifier(Modifier::ITALIC))
        .centered()
        .wrap(Wrap { trim: true });
    frame.render_widget(cue_text, cue);
    if phase_gauge.height > 0 {
        let gauge = LineGauge::default()
            .ratio(session.phase_fraction(now).clamp(0.0, 1.0))
            .label(format!("{:<8}", phase.kind.label().to_lowercase()))
            .filled_symbol(filled)
            .unfilled_symbol(unfilled)
            .filled_style(bar_style);
        frame.render_widget(gauge, phase_gauge);
    }
    let fraction = session.session_fraction(now);
    let left = Duration::from_secs(session.session_display_secs(now));
    let gauge = LineGauge::default()
        .ratio(fraction)
        .label(format!("{:<8}", "session"))
        .filled_symbol(filled)
        .unfilled_symbol(unfilled)
        .filled_style(theme.session_bar());
    let left = format!(" {} left", human(left));
    let [gauge_area, left_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(left.chars().count() as u16)]).areas(session_gauge);
    frame.render_widget(gauge, gauge_area);
    frame.render_widget(Paragraph::new(left).right_aligned(), left_area);
    if let Some(notes) = notes {
        frame.render_widget(Paragraph::new(notes).style(theme.notes()), notes_area);
    }
    frame.render_widget(Paragraph::new(keys_line(footer.width, Keys::Session)), footer);
}

/// The thirteen rows of the screen, some of zero height in the smaller layouts: header, gap,
/// banner, gap, label, digits, seconds, cue, gap, phase gauge, session gauge, notes, footer.
fn rows(area: Rect, large: bool, medium: bool, notes: bool) -> std::rc::Rc<[Rect]> {
    if large {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(8),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(u16::from(notes)),
            Constraint::Length(1),
        ])
        .split(area)
    } else if medium {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(0),
            Constraint::Length(0),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(8),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(0),
            Constraint::Length(1),
            Constraint::Length(0),
            Constraint::Length(1),
        ])
        .split(area)
    } else {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(0),
            Constraint::Length(0),
            Constraint::Length(0),
            Constraint::Length(1),
            Constraint::Length(0),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(0),
            Constraint::Length(0),
            Constraint::Length(1),
            Constraint::Length(0),
            Constraint::Length(1),
        ])
        .split(area)
    }
}

/// Columns kept for the phase and the cue beside the figure (`PAUSED · RIGHT: Space resumes`).
const WORDS_WIDTH: u16 = 32;

/// The right of `middle` for the figure: its extent's shape as tall as the middle rows, in what
/// is left once `words` columns are kept for the rest; `None` if too small to read.
fn figure_column(middle: Rect, words: u16, extent: &Extent) -> Option<Rect> {
    let spare = middle.width.saturating_sub(words + 2);
    let fitted = FigureView::fit(Rect { width: spare, ..middle }, extent);
    let width = fitted.width + 1;
    let area = Rect::new(middle.right().saturating_sub(width), middle.y, width, middle.height);
    (!fitted.is_empty()).then_some(area)
}

/// `5`, `42`, or `1:30` for a minute and more.
fn countdown_text(secs: u64) -> String {
    if secs < 60 { secs.to_string() } else { format!("{}:{:02}", secs / 60, secs % 60) }
}

/// Columns that `text` takes in big letters; `halves` is 2 for half-width pixels.
fn big_width(text: &str, halves: u16) -> u16 {
    (text.chars().count() as u16).saturating_mul(8 / halves)
}

/// The big banner above the countdown, if one fits: the side with arrows, or the phase.
fn banner_text(phase: &Phase, width: u16) -> Option<&'static str> {
    let choices: &[&'static str] = match (phase.side, phase.kind) {
        (Some(Side::Left), _) => &["<< LEFT", "<LEFT", "LEFT"],
        (Some(Side::Right), _) => &["RIGHT >>", "RIGHT>", "RIGHT"],
        (None, PhaseKind::GetReady) => &["GET READY", "READY"],
        (None, PhaseKind::Move) => &["MOVE"],
        (None, PhaseKind::Hold) => &["HOLD"],
        (None, PhaseKind::Rest) => &["REST"],
    };
    choices.iter().copied().find(|text| big_width(text, 1) <= width)
}

/// The phase in words: `HOLD on the LEFT`, `MOVE to the RIGHT`, `GET READY`, or `PAUSED`.
fn label_line(phase: &Phase, paused: bool, theme: Theme) -> Paragraph<'static> {
    if paused {
        // The side stays in words, for layouts too small for the banner.
        let text = match phase.side {
            Some(side) => format!(" PAUSED · {}: Space resumes ", side.shout()),
            None => " PAUSED: Space to resume ".to_owned(),
        };
        let paused = Span::from(text).style(theme.paused());
        return Paragraph::new(Line::from(paused)).centered();
    }
    let mut spans = vec![Span::from(phase.kind.label()).bold()];
    if let Some(side) = phase.side {
        let preposition = if phase.kind == PhaseKind::Move { " to the " } else { " on the " };
        spans.push(Span::from(preposition));
        spans.push(Span::from(side.shout()).style(theme.side_word(phase.side)));
    }
    Paragraph::new(Line::from(spans)).centered()
}

fn rep_text(app: &App, phase: &Phase) -> String {
    let plan = app.session.plan();
    let settings = plan.parts[phase.part].settings;
    let mut text = if phase.rep == 0 {
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

fn header_line(app: &App, phase: &Phase, width: u16) -> Paragraph<'static> {
    let name = app.session.plan().parts[phase.part].exercise.name.clone();
    let rep = rep_text(app, phase);
    let gap = usize::from(width).saturating_sub(name.chars().count() + rep.chars().count());
    if gap == 0 {
        return Paragraph::new(Line::from(rep).bold());
    }
    let line = Line::from(vec![Span::from(name).bold(), Span::from(" ".repeat(gap)), Span::from(rep).bold()]);
    Paragraph::new(line)
}

/// Remarks on the current exercise's settings (such as a hold outside the recommended range),
/// after any notice from the shell.
fn notes_line(app: &App, phase: &Phase) -> Option<String> {
    let notes = &app.session.plan().parts[phase.part].notes;
    let notes = (!notes.is_empty()).then(|| format!("Note: {}", notes.join("; ")));
    match (&app.notice, notes) {
        (Some(notice), Some(notes)) => Some(format!("{notice} · {notes}")),
        (Some(notice), None) => Some(notice.clone()),
        (None, notes) => notes,
    }
}
