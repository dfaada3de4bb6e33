//! The done screen: what was achieved, until the user leaves.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::{Theme, keys_line};
use crate::app::App;
use crate::summary;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let summary = app.session.summary(now);
    let title = if summary.completed { "Session complete" } else { "Session stopped early" };
    let mut lines = vec![Line::from(title).style(theme.done()), Line::default()];
    lines.extend(summary::lines(&summary).into_iter().map(Line::from));
    let text_height = lines.len() as u16;
    let big_fits = area.height >= text_height + 7 && area.width >= 32;
    let [big, text, footer] = Layout::vertical([
        Constraint::Length(if big_fits { 5 } else { 0 }),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if big_fits {
        let word = BigText::builder()
            .pixel_size(PixelSize::HalfHeight)
            .style(theme.done())
            .centered()
            .lines(vec![Line::from(if summary.completed { "DONE" } else { "STOP" })])
            .build();
        frame.render_widget(word, Rect { y: big.y + 1, height: big.height.saturating_sub(1), ..big });
    }
    frame.render_widget(Paragraph::new(lines).centered().wrap(Wrap { trim: true }), text);
    frame.render_widget(Paragraph::new(keys_line(footer.width, true)).centered(), footer);
}
