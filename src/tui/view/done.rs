//! The done screen: the check-in's questions one at a time, then what was achieved, whether it
//! was saved, the answers and what they call for, until the user leaves.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Keys, Theme, big, checkin, keys_line, wrap};
use crate::domain::summary::{self, Summary};
use crate::shell::runner::Saved;
use crate::tui::app::App;

pub(super) fn render(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let footer = Rect { y: area.bottom().saturating_sub(1), height: 1, ..area };
    let body = Rect { height: area.height.saturating_sub(1), ..area };
    if app.question().is_some() {
        asking(frame, body, app, now, theme);
    } else {
        done(frame, body, app, now, theme);
    }
    let keys = keys_line(
        footer.width,
        if app.question().is_some() { Keys::Checkin } else { Keys::Done(app.can_change()) },
        theme,
    );
    frame.render_widget(Paragraph::new(keys).centered(), footer);
}

/// A paragraph: its text and its style.
type Said = (String, Style);

/// What calls for action, first when room is short: a record that could not be saved, and
/// the advice that says to do less or to stop (all of it once the check-in is over).
fn matters(app: &App, all: bool, theme: Theme) -> Vec<Said> {
    let mut said = Vec::new();
    if let Some(Saved::Failed(reason)) = app.kept.as_ref().map(|kept| &kept.saved) {
        said.push((format!("Not saved: {reason}"), theme.advice()));
    }
    let advice = app.kept.as_ref().map(|kept| kept.advice.as_slice()).unwrap_or_default();
    for suggestion in advice.iter().filter(|s| all || s.is_warning()) {
        let style = if suggestion.is_warning() { theme.advice() } else { bold(theme) };
        said.push((suggestion.to_string(), style));
    }
    said
}

/// The check-in: the question takes the room it needs, and above it, as room allows, what
/// calls for action now (the advice after a pain of 8 or more, or pain that spread), the title
/// and the answers so far.
fn asking(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let Some(question) = app.question() else { return };
    let width = area.width.saturating_sub(4).max(1);
    let least = checkin::least_rows(app.form(), question, width);
    let mut room = usize::from(area.height.saturating_sub(least + 1));
    let mut above: Vec<Line<'static>> = Vec::new();
    let take = |lines: Vec<Line<'static>>, room: &mut usize| {
        if lines.len() < *room {
            *room -= lines.len() + 1;
            Some(lines)
        } else {
            None
        }
    };
    let warnings = take(wrapped(matters(app, false, theme), width), &mut room);
    let title = take(vec![Line::styled(title(&app.session.summary(now)).to_owned(), theme.done())], &mut room);
    let answers = summary::answers(&app.answers(), app.why())
        .and_then(|text| take(wrapped(vec![(text, bold(theme))], width), &mut room));
    for part in [title, answers, warnings].into_iter().flatten() {
        above.extend(part);
        above.push(Line::default());
    }
    let top = Rect { x: area.x + 2, width, height: (above.len() as u16).min(area.height), ..area };
    frame.render_widget(Paragraph::new(above).centered(), top);
    let rest = Rect { y: top.bottom(), height: area.bottom().saturating_sub(top.bottom()), ..top };
    checkin::question(frame, rest, app.form(), question, theme);
}

/// The heading: complete only when every hold was done; a session that reached its end past
/// skipped holds ended, and the figures under it say how many.
fn title(summary: &Summary) -> &'static str {
    match (summary.completed, summary.reached_end) {
        (true, _) => "Session complete",
        (false, true) => "Session ended",
        (false, false) => "Session stopped early",
    }
}

fn completed(app: &App) -> bool {
    matches!(app.session.state(), crate::domain::session::State::Finished { completed: true, .. })
}

fn bold(theme: Theme) -> Style {
    theme.base().add_modifier(Modifier::BOLD)
}

fn wrapped(paragraphs: Vec<Said>, width: u16) -> Vec<Line<'static>> {
    paragraphs
        .into_iter()
        .flat_map(|(text, style)| wrap(&text, width).into_iter().map(move |line| Line::styled(line, style)))
        .collect()
}

/// Once the check-in is over: the big word, the title, the figures, whether it was saved, the
/// answers and the advice; what matters kept first when room is short.
fn done(frame: &mut Frame, area: Rect, app: &App, now: Instant, theme: Theme) {
    let summary = app.session.summary(now);
    let mut figures: Vec<Said> = vec![(title(&summary).to_owned(), theme.done()), (String::new(), bold(theme))];
    figures.extend(summary::lines(&summary).into_iter().map(|line| (line, theme.base())));
    match app.kept.as_ref().map(|kept| &kept.saved) {
        Some(Saved::Written) => figures.push((summary::SAVED.to_owned(), theme.base())),
        // Stopped while getting ready, or every hold skipped: say so, rather than leave the
        // user to wonder.
        Some(Saved::NothingDone(nothing)) => figures.push((nothing.said().to_owned(), theme.base())),
        // A failure is said above, with its reason; before the keeping, nothing is known yet.
        Some(Saved::Failed(_)) | None => {}
    }
    if let Some(today) = app.kept.as_ref().and_then(|kept| kept.today.clone()) {
        figures.push((today, theme.base()));
    }
    let mut said: Vec<Said> = Vec::new();
    if let Some(answers) = summary::answers(&app.answers(), app.why()) {
        said.push((answers, bold(theme)));
    }
    said.extend(matters(app, true, theme));
    let width = area.width.saturating_sub(4).max(1);
    let spaced: Vec<Said> = said.into_iter().flat_map(|s| [(String::new(), bold(theme)), s]).collect();
    let mut matters = wrapped(spaced, width);
    let mut lines = wrapped(figures, width);
    if lines.len() + matters.len() > usize::from(area.height) {
        // Keep the title; the figures are printed again in the shell.
        lines.truncate(1);
        if lines.len() + matters.len() > usize::from(area.height) {
            lines.clear();
        }
    }
    if lines.is_empty() && matters.first().is_some_and(|line| line.width() == 0) {
        matters.remove(0);
    }
    lines.extend(matters);
    let text_rows = (lines.len() as u16).min(area.height);
    // The big word takes what the text leaves, with a row above and below it.
    let room = area.height.saturating_sub(text_rows + 2);
    let word = if completed(app) { "DONE" } else { "STOP" };
    let big_word = big::largest(&[word.to_owned()], room, area.width).filter(|big| big.font.is_some());
    let big_rows = big_word.as_ref().map_or(0, |big| big.rows + 2);
    let spare = area.height.saturating_sub(big_rows + text_rows);
    let mut y = area.y + spare / 2;
    if let Some(big_word) = &big_word {
        big::draw(frame, Rect { y: y + 1, height: big_word.rows, ..area }, big_word, theme.done(), Alignment::Center);
        y += big_rows;
    }
    let text = Rect { x: area.x + 2, y, width, height: text_rows.min(area.bottom().saturating_sub(y)) };
    frame.render_widget(Paragraph::new(lines).centered(), text);
}

#[cfg(test)]
mod tests;
