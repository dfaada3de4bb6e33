//! The done screen: what was achieved, the check-in, and what the answers call for, until the
//! user leaves.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Keys, Theme, big, keys_line, wrap};
use crate::domain::checkin::Checkin;
use crate::domain::summary;
use crate::shell::runner::Saved;
use crate::tui::app::{App, Question};
use crate::tui::keys::PAIN_TEN;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let summary = app.session.summary(now);
    let title = if summary.reached_end { "Session complete" } else { "Session stopped early" };
    let bold = theme.base().add_modifier(Modifier::BOLD);
    let mut figures: Vec<(String, Style)> = vec![(title.to_owned(), theme.done()), (String::new(), bold)];
    figures.extend(summary::lines(&summary).into_iter().map(|line| (line, theme.base())));
    let saved = app.kept.as_ref().map(|kept| &kept.saved);
    if saved == Some(&Saved::Written) {
        figures.push(("Saved to your history.".to_owned(), theme.base()));
    }
    // What needs an answer or calls for action comes before the figures when room is short.
    let mut matters: Vec<(String, Style)> = Vec::new();
    if let Some(Saved::Failed(reason)) = saved {
        // Not kept is news that matters: it stays when the figures go.
        matters.push((String::new(), bold));
        matters.push((format!("Not saved: {reason}"), theme.advice()));
    }
    if let Some(answers) = answers_line(&app.answers()) {
        matters.push((String::new(), bold));
        matters.push((answers, bold));
    }
    let advice = app.kept.as_ref().map(|kept| kept.advice.as_slice()).unwrap_or_default();
    for suggestion in advice {
        let style = if suggestion.is_warning() { theme.advice() } else { bold };
        matters.push((String::new(), bold));
        matters.push((suggestion.to_string(), style));
    }
    if let Some((question, keys)) = question_lines(app.question()) {
        matters.push((String::new(), bold));
        matters.push((question.to_owned(), theme.question()));
        matters.push((keys, bold));
    }
    let width = area.width.saturating_sub(4).max(1);
    let wrapped = |paragraphs: Vec<(String, Style)>| -> Vec<Line<'static>> {
        paragraphs
            .into_iter()
            .flat_map(|(text, style)| wrap(&text, width).into_iter().map(move |line| Line::styled(line, style)))
            .collect()
    };
    let matters = wrapped(matters);
    let mut lines = wrapped(figures);
    if lines.len() + matters.len() >= usize::from(area.height) {
        // Keep the title; the figures are printed again in the shell.
        lines.truncate(1);
        if lines.len() + matters.len() >= usize::from(area.height) {
            lines.clear();
        }
    }
    let mut matters = matters;
    if lines.is_empty() && matters.first().is_some_and(|line| line.width() == 0) {
        matters.remove(0);
    }
    lines.extend(matters);
    let text_rows = lines.len() as u16;
    // The big word takes what the text and the footer leave, with a row above and below it.
    let room = area.height.saturating_sub(text_rows + 3);
    let word = if summary.reached_end { "DONE" } else { "STOP" };
    let big_word = big::largest(&[word.to_owned()], room, area.width).filter(|big| big.font.is_some());
    let big_rows = big_word.as_ref().map_or(0, |big| big.rows + 2);
    let spare = area.height.saturating_sub(big_rows + text_rows + 1);
    let mut y = area.y + spare / 2;
    if let Some(big_word) = &big_word {
        big::draw(frame, Rect { y: y + 1, height: big_word.rows, ..area }, big_word, theme.done(), Alignment::Center);
        y += big_rows;
    }
    let text = Rect { x: area.x + 2, y, width, height: text_rows.min(area.bottom().saturating_sub(y + 1)) };
    frame.render_widget(Paragraph::new(lines).centered(), text);
    let footer = Rect { y: area.bottom().saturating_sub(1), height: 1, ..area };
    let keys = keys_line(footer.width, if app.question().is_some() { Keys::Checkin } else { Keys::Done }, theme);
    frame.render_widget(Paragraph::new(keys).centered(), footer);
}

/// The question being asked and how to answer it.
fn question_lines(question: Option<Question>) -> Option<(&'static str, String)> {
    match question? {
        Question::Pain => Some((
            "How much does your back hurt now? 0 = no pain, 10 = worst",
            format!("Press 0 to 9, or {PAIN_TEN} for 10 · Enter to skip"),
        )),
        Question::Effort => {
            Some(("How hard did it feel?", "e easy · r about right · h hard · Enter to skip".to_owned()))
        }
    }
}

/// The answers given so far, if any.
fn answers_line(answers: &Checkin) -> Option<String> {
    let mut said = Vec::new();
    if let Some(pain) = answers.pain {
        said.push(format!("Pain now: {}/10", pain.value()));
    }
    if let Some(effort) = answers.effort {
        said.push(format!("Felt: {}", effort.phrase()));
    }
    (!said.is_empty()).then(|| said.join(" · "))
}
