//! The check-in on screen: the question asked now, in its own words, and what is typed for it
//! (a pain in big digits, to be read from the mat; the choices, the one picked marked; a note
//! with its cursor); the question before the session, over the get-ready screen; and the
//! question to stop.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{Theme, big, wrap};
use crate::domain::checkin::form::{Form, Kind, Question};
use crate::domain::width::columns;
use crate::tui::app::App;

/// The rows the question needs at the least in `width` columns: its words, one row of answer,
/// and its hint.
pub(super) fn least_rows(form: &Form, question: Question, width: u16) -> u16 {
    let words = wrap(&form.words(question), width).len() as u16;
    let hint = form.hint().map_or(0, |hint| wrap(hint, width).len() as u16);
    words + 1 + hint
}

/// Draws the question asked now in `area`: its words, what is typed, and a hint, the answer as
/// large as the room allows.
pub(super) fn question(frame: &mut Frame, area: Rect, form: &Form, question: Question, theme: Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let words: Vec<Line> =
        wrap(&form.words(question), area.width).into_iter().map(|line| Line::styled(line, theme.question())).collect();
    let hint: Vec<Line> = form
        .hint()
        .map(|hint| wrap(hint, area.width))
        .unwrap_or_default()
        .into_iter()
        .map(|line| Line::styled(line, theme.advice()))
        .collect();
    let fixed = (words.len() + hint.len()) as u16;
    let room = area.height.saturating_sub(fixed);
    let answer = answer_lines(form, question, area.width, room, theme);
    let big = match (question.kind(), form.typed()) {
        (Kind::Pain, typed) if !typed.is_empty() => {
            // A row above and below the digits when there is room for them.
            big::largest(&[typed.to_owned()], room.saturating_sub(2).max(1), area.width)
        }
        _ => None,
    };
    let answer_rows = big.as_ref().map_or(answer.len() as u16, |big| big.rows).min(room);
    let gap = u16::from(room > answer_rows + 1);
    let used = fixed + answer_rows + 2 * gap;
    let mut y = area.y + area.height.saturating_sub(used) / 2;
    let put = |frame: &mut Frame, lines: Vec<Line<'static>>, y: &mut u16| {
        let rows = (lines.len() as u16).min(area.bottom().saturating_sub(*y));
        frame.render_widget(Paragraph::new(lines).centered(), Rect { y: *y, height: rows, ..area });
        *y += rows;
    };
    put(frame, words, &mut y);
    y += gap;
    match &big {
        Some(big) => {
            big::draw(frame, Rect { y, height: answer_rows, ..area }, big, theme.question(), Alignment::Center);
            y += answer_rows;
        }
        None => put(frame, answer.into_iter().take(usize::from(answer_rows)).collect(), &mut y),
    }
    y += gap;
    put(frame, hint, &mut y);
}

/// The answer as lines of text, for `rows` rows at most: what to type when nothing is, a
/// choice a line (or all on one line when rows are short), a note with its cursor.
fn answer_lines(form: &Form, question: Question, width: u16, rows: u16, theme: Theme) -> Vec<Line<'static>> {
    let bold = theme.base().add_modifier(Modifier::BOLD);
    let picked = bold.add_modifier(Modifier::REVERSED);
    match question.kind() {
        Kind::Pain if form.typed().is_empty() => {
            vec![Line::styled(if width >= 30 { "type a number, then Enter" } else { "0 to 10, Enter" }, bold)]
        }
        Kind::Pain => vec![Line::styled(form.typed().to_owned(), theme.question())],
        Kind::Choice => {
            let choice = |key: char, word: &str| {
                let chosen = form.typed().starts_with(key);
                let text = format!(" {key} {word} ");
                Span::styled(text, if chosen { picked } else { bold })
            };
            let choices = question.choices();
            let one_line: usize = choices.iter().map(|(key, word)| columns(word) + key.len_utf8() + 3).sum();
            if usize::from(rows) >= choices.len() && choices.len() > 2 || one_line > usize::from(width) {
                choices.iter().map(|(key, word)| Line::from(choice(*key, word))).collect()
            } else {
                vec![Line::from(choices.iter().map(|(key, word)| choice(*key, word)).collect::<Vec<_>>())]
            }
        }
        Kind::Text => {
            let typed = format!("{}▏", form.typed());
            let lines = wrap(&typed, width.saturating_sub(2));
            let keep = lines.len().saturating_sub(usize::from(rows.max(1)));
            lines.into_iter().skip(keep).map(|line| Line::styled(line, bold)).collect()
        }
    }
}

/// The pain before the session, asked in a box over the get-ready screen: the countdown waits
/// for it.
pub(super) fn before(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(asked) = app.question() else { return };
    let width = area.width.min(64);
    let inner_width = width.saturating_sub(4);
    // Room for the digits at their largest but one (8 rows), with a row above and below.
    let wanted = least_rows(app.form(), asked, inner_width) + 12;
    let height = area.height.min(wanted.max(6));
    let area = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    let bottom = if width >= 44 { " Enter: start (nothing typed: skip) " } else { " Enter starts " };
    let block = Block::bordered().title(" Before you start ").title_bottom(bottom).style(theme.base());
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let inner = Rect { x: area.x + 2, y: area.y + 1, width: inner_width, height: area.height.saturating_sub(2) };
    question(frame, inner, app.form(), asked, theme);
}

/// "Stop here?" in a box over the session, STOP? in big letters above it where there is room:
/// q again stops, any other key goes on.
pub(super) fn stop(frame: &mut Frame, area: Rect, theme: Theme) {
    let asked = "STOP?";
    let how = "Stop here? q again to stop, any other key goes on";
    let width = area.width.min(60);
    let inner_width = width.saturating_sub(4);
    let how_lines = wrap(how, inner_width);
    let room = area.height.saturating_sub(how_lines.len() as u16 + 3);
    let big = big::largest(&[asked.to_owned()], room.min(8), inner_width).filter(|big| big.font.is_some());
    let asked_rows = big.as_ref().map_or(0, |big| big.rows);
    let height = (asked_rows + how_lines.len() as u16 + 2 + u16::from(big.is_some())).min(area.height);
    let area = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    frame.render_widget(Clear, area);
    frame.render_widget(Block::bordered().style(theme.base()), area);
    let inner = Rect { x: area.x + 2, y: area.y + 1, width: inner_width, height: area.height.saturating_sub(2) };
    let top = Rect { height: asked_rows.min(inner.height), ..inner };
    if let Some(big) = &big {
        big::draw(frame, top, big, theme.question(), Alignment::Center);
    }
    let below = if big.is_some() { top.bottom() + 1 } else { top.bottom() };
    let rest = Rect { y: below, height: inner.bottom().saturating_sub(below), ..inner };
    let lines: Vec<Line> = how_lines.into_iter().map(|line| Line::styled(line, bold(theme))).collect();
    frame.render_widget(Paragraph::new(lines).centered(), rest);
}

fn bold(theme: Theme) -> Style {
    theme.base().add_modifier(Modifier::BOLD)
}
