//! The instructions overlay: start position, steps and mistakes, over the paused session.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keys;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
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
    let paragraph = Paragraph::new(lines).block(block).wrap(Wrap { trim: true }).scroll((scroll, 0));
    frame.render_widget(paragraph, area);
}
