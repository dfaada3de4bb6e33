//! The done screen: what was achieved, until the user leaves.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::{Keys, Theme, keys_line};
use crate::domain::checkin::Checkin;
use crate::domain::summary;
use crate::tui::app::{App, Question};
use crate::tui::keys::PAIN_TEN;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let summary = app.session.summary(now);
    let title = if summary.reached_end { "Session complete" } else { "Session stopped early" };
    let mut lines = vec![Line::from(title).style(theme.done()), Line::default()];
    lines.extend(summary::lines(&summary).into_iter().map(Line::from));
    lines.extend(checkin_lines(app.question(), app.answers(), theme));
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
            .lines(vec![Line::from(if summary.reached_end { "DONE" } else { "STOP" })])
            .build();
        frame.render_widget(word, Rect { y: big.y + 1, height: big.height.saturating_sub(1), ..big });
    }
    frame.render_widget(Paragraph::new(lines).centered().wrap(Wrap { trim: true }), text);
    let keys = keys_line(footer.width, if app.question().is_some() { Keys::Checkin } else { Keys::Done });
    frame.render_widget(Paragraph::new(keys).centered(), footer);
}

/// The question being asked and how to answer it, or the answers once given.
fn checkin_lines(question: Option<Question>, answers: Checkin, theme: Theme) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let ask = |question: &'static str, keys: String| {
        vec![Line::default(), Line::from(question).style(theme.question()), Line::from(keys).style(bold)]
    };
    match question {
        Some(Question::Pain) => ask(
            "How much does your back hurt now? 0 = no pain, 10 = worst",
            format!("Press 0 to 9, or {PAIN_TEN} for 10 · Enter to skip"),
        ),
        Some(Question::Effort) => {
            ask("How hard did it feel?", "e easy · r about right · h hard · Enter to skip".to_owned())
        }
        None => {
            let mut said = Vec::new();
            if let Some(pain) = answers.pain {
                said.push(format!("Pain now: {}/10", pain.value()));
            }
            if let Some(effort) = answers.effort {
                said.push(format!("Felt: {}", effort.phrase()));
            }
            if said.is_empty() { Vec::new() } else { vec![Line::default(), Line::from(said.join(" · "))] }
        }
    }
}
