//! The instructions overlay: start position, steps and mistakes, over the paused session, with
//! the figure's start pose beside them where there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::Theme;
use super::figure::FigureView;
use crate::tui::app::App;
use crate::tui::keys;

/// The overlay shows the start pose beside the steps when it is at least this wide.
const FIGURE_BESIDE: u16 = 64;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: Theme) {
    let plan = app.session.plan();
    let part = app.session.phase().map_or(0, |p| p.part);
    let exercise = &plan.parts[part].exercise;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::from(Span::styled("Start position", bold))];
    lines.push(Line::from(exercise.start_position.replace('\n', " ")));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Steps", bold)));
    for (n, step) in exercise.steps.iter().enumerate() {
        lines.push(Line::from(format!("{}. {step}", n + 1)));
    }
    if !exercise.mistakes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Mistakes to avoid", bold)));
        for mistake in &exercise.mistakes {
            lines.push(Line::from(vec![
                Span::from(format!("{}: ", mistake.name)).bold(),
                Span::from(mistake.explanation.clone()),
            ]));
            if !mistake.cue.is_empty() {
                lines.push(Line::from(format!("  → {}", mistake.cue)).italic());
            }
        }
    }
    if !exercise.precautions.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Stop and ask", bold)));
        lines.extend(exercise.precautions.iter().map(|p| Line::from(format!("• {p}"))));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Keys", bold)));
    lines.extend(keys::listing(keys::SESSION, "").into_iter().map(Line::from));
    let block = Block::bordered()
        .title(format!(" {}: instructions (paused) ", exercise.name))
        .title_bottom(" ↑/↓ scroll · ? or Esc: back to the session ");
    frame.render_widget(Clear, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut text_area = inner;
    if let Some(figure) = &exercise.figure
        && inner.width >= FIGURE_BESIDE
    {
        // A third of the width at most, as tall as its shape needs.
        let first_side = exercise.side_slots().first().copied().flatten();
        let stance = figure.still(&figure.start, first_side);
        let fitted = FigureView::fit(Rect { width: inner.width / 3, ..inner }, &stance.extent);
        if !fitted.is_empty() {
            let figure_area = Rect { x: inner.right() - fitted.width, y: inner.y, ..fitted };
            frame.render_widget(FigureView::new(&stance, theme), figure_area);
            text_area.width -= fitted.width + 1;
        }
    }
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true }).scroll((scroll, 0));
    frame.render_widget(paragraph, text_area);
}
