//! The instructions overlay: notes, start position, steps, mistakes, keys and the table of
//! sounds, over the paused session, scrolled within its own length, with the figure's start pose
//! beside them where there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::figure::FigureView;
use super::{Theme, wrap};
use crate::domain::cues::{Cue, Pattern};
use crate::domain::exercise::Exercise;
use crate::domain::figure::Stance;
use crate::tui::app::{App, HelpSize};
use crate::tui::keys;

/// Where the screen goes, so that what it shows matches the body on the mat.
pub const SCREEN_PLACE: &str = "Put the screen beyond your feet, 1 to 2 m away and facing you, on a chair or a low \
     table, where you see it by lifting your head a little: then the arrow by LEFT or RIGHT points to that side of \
     you. The line beneath the figure says where the body is seen from.";

/// The overlay shows the start pose beside the text when it is at least this wide.
const FIGURE_BESIDE: u16 = 64;

/// The help's length against `area`, the whole screen it is drawn over.
pub(super) fn size(app: &App, area: Rect) -> HelpSize {
    let (inner, _) = places(app, area);
    measure(lines(app, inner.width, Theme::standard()).len(), inner)
}

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: Theme) {
    let (inner, figure) = places(app, area);
    let lines = lines(app, inner.width, theme);
    let scroll = scroll.min(measure(lines.len(), inner).end);
    let title = if area.width >= 40 { " Instructions (paused) " } else { " Help " };
    let bottom = if area.width >= 40 { " ↑↓ PgUp PgDn Home End · ? back " } else { " ? back " };
    let block = Block::bordered().title(title).title_bottom(bottom).style(theme.base());
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines).style(theme.base()).scroll((scroll, 0)), inner);
    if let Some((stance, area)) = &figure {
        frame.render_widget(FigureView::new(stance, theme), *area);
    }
}

/// How far `lines` lines scroll in `inner`, and a page of it.
fn measure(lines: usize, inner: Rect) -> HelpSize {
    let lines = u16::try_from(lines).unwrap_or(u16::MAX);
    HelpSize { end: lines.saturating_sub(inner.height), page: inner.height.saturating_sub(1).max(1) }
}

/// Where the text goes in `area`, and the start pose beside it where there is room.
fn places(app: &App, area: Rect) -> (Rect, Option<(Stance, Rect)>) {
    let exercise = exercise(app);
    // A border, then a margin of one column inside it.
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    };
    // The start pose beside the text where there is room: a third of the width (at most a half
    // for a wide, low figure), as tall as its shape needs.
    let figure = exercise.figure.as_ref().filter(|_| inner.width >= FIGURE_BESIDE).and_then(|figure| {
        // Seen as the session sees it now: from the side being worked, where the figure turns.
        let side =
            app.session.phase().and_then(|phase| phase.side).or(exercise.side_slots().first().copied().flatten());
        let stance = figure.still(&figure.start, side);
        // A wide, low figure may take up to half the width, so that it is drawn at all.
        let width = (inner.width / 3).max(super::figure::min_columns(&stance.extent)).min(inner.width / 2);
        let fitted = FigureView::fit(Rect { width, ..inner }, &stance.extent);
        (!fitted.is_empty()).then(|| (stance, Rect { x: inner.right() - fitted.width, y: inner.y, ..fitted }))
    });
    let inner = figure.as_ref().map_or(inner, |(_, area)| Rect { width: inner.width - area.width - 1, ..inner });
    (inner, figure)
}

/// The exercise on screen (the first of a routine once it is over).
fn exercise(app: &App) -> &Exercise {
    let part = app.session.phase().map_or(0, |p| p.part);
    &app.session.plan().parts[part].exercise
}

/// Every line of the help, wrapped to `width`.
fn lines(app: &App, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let plan = app.session.plan();
    let part = app.session.phase().map_or(0, |p| p.part);
    let exercise = exercise(app);
    let heading = |text: &str| Line::from(Span::styled(text.to_owned(), theme.base().add_modifier(Modifier::BOLD)));
    let mut lines = vec![heading(&exercise.name), Line::default()];
    // The notes first: the session's marker sends the user here to read them.
    let notes = &plan.parts[part].notes;
    if !notes.is_empty() || app.notice.is_some() {
        lines.push(heading("Notes"));
        for note in app.notice.iter().chain(notes) {
            lines.extend(indented("• ", note, width, theme.notes()));
        }
        lines.push(Line::default());
    }
    lines.push(heading("Start position"));
    for paragraph in exercise.start_position.split("\n\n") {
        lines.extend(indented("", paragraph, width, theme.base()));
    }
    if let Some(figure) = &exercise.figure {
        lines.push(Line::default());
        lines.push(heading("The figure"));
        if figure.mirror.is_some() {
            // The figure turns with the side, so each side says where it is seen from.
            lines.extend(indented("", "The body is seen from the side being worked:", width, theme.base()));
            for side in &exercise.sides {
                let seen = figure.seen(figure.flips(Some(*side)));
                let text = format!("{}: seen {seen}.", crate::domain::summary::capitalized(side.word()));
                lines.extend(indented("• ", &text, width, theme.base()));
            }
        } else if !figure.view.is_empty() {
            lines.extend(indented("", &format!("The body is seen {}.", figure.view), width, theme.base()));
        }
        lines.extend(indented("", SCREEN_PLACE, width, theme.base()));
    }
    lines.push(Line::default());
    lines.push(heading("Steps"));
    for (n, step) in exercise.steps.iter().enumerate() {
        lines.extend(indented(&format!("{}. ", n + 1), step, width, theme.base()));
    }
    if !exercise.mistakes.is_empty() {
        lines.push(Line::default());
        lines.push(heading("Mistakes to avoid"));
        for mistake in &exercise.mistakes {
            let text = format!("{}: {}", mistake.name, mistake.explanation);
            lines.extend(indented("• ", &text, width, theme.base()));
            if !mistake.cue.is_empty() {
                lines.extend(indented("  → ", &mistake.cue, width, theme.base().add_modifier(Modifier::ITALIC)));
            }
        }
    }
    if !exercise.precautions.is_empty() {
        lines.push(Line::default());
        lines.push(heading("Stop and ask"));
        for precaution in &exercise.precautions {
            lines.extend(indented("• ", precaution, width, theme.base()));
        }
    }
    lines.push(Line::default());
    lines.push(heading("Keys"));
    let keys_width = keys::SESSION.iter().map(|binding| crate::domain::width::columns(binding.keys)).max().unwrap_or(0);
    for binding in keys::SESSION {
        let lead = format!("{:<keys_width$}  ", binding.keys);
        lines.extend(indented(&lead, binding.does, width, theme.base()));
    }
    lines.push(Line::default());
    lines.push(heading("Sounds"));
    let name_width = Cue::ALL.iter().map(|cue| cue.name().chars().count()).max().unwrap_or(0);
    for cue in Cue::ALL {
        let pattern = Pattern::of(cue);
        let lead = format!("{:<name_width$}  ", cue.name());
        let text = format!("{}: {} (tones: {})", cue.when(), pattern.bells_heard, pattern.tones_heard);
        lines.extend(indented(&lead, &text, width, theme.base()));
    }

    lines
}

/// `text` after `prefix`, wrapped to `width`, its later lines lined up under the text.
fn indented(prefix: &str, text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let indent = crate::domain::width::columns(prefix) as u16;
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 { prefix.to_owned() } else { " ".repeat(usize::from(indent)) };
            Line::from(vec![Span::styled(lead, style), Span::styled(line, style)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::domain::exercise;
    use crate::domain::plan::{Overrides, Plan};
    use crate::domain::session::Session;

    #[test]
    fn every_shipped_exercise_shows_its_start_pose_beside_the_text_at_80x24() {
        for (id, _) in exercise::BUILT_IN {
            let exercise = exercise::built_in(id).expect("listed").expect("valid");
            let app = App::new(Session::start(Plan::new(exercise, &Overrides::timing(10, 5, 10, 3)), Instant::now()));
            let (text, figure) = places(&app, Rect::new(0, 0, 80, 24));
            // A wide, low figure (the pelvic tilt lying on its side) was once too low for a
            // third of the width, and `?` showed no figure at all.
            let (_, area) = figure.unwrap_or_else(|| panic!("{id}: no figure in `?` at 80x24"));
            assert!(area.height >= super::super::figure::MIN_HEIGHT, "{id}: {area:?}");
            assert!(text.width >= 36, "{id}: the words keep their room: {text:?}");
        }
    }
}
