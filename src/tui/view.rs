//! Drawing the interactive session with ratatui. Reads the app and the time; changes nothing.
//!
//! The session screen grows its big text with the terminal, in the order of what matters from
//! the mat (see `layout`). Below the smallest useful size it says the terminal is too small.
//! No size makes it panic.

mod big;
mod checkin;
#[cfg(test)]
mod contrast;
mod done;
pub mod figure;
mod help;
mod layout;
mod session;
mod theme;

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use ratatui::crossterm::event::KeyCode;

use crate::tui::app::{App, HelpSize};
use crate::tui::keys;

pub use theme::{Palette, Theme};

/// The smallest area the compact layout needs.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

/// Draws the whole screen for `app` as of `now`, in `theme`.
pub fn render(frame: &mut Frame, app: &App, now: Instant, theme: Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    frame.buffer_mut().set_style(area, theme.base());
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    if app.session.is_finished() {
        done::render(frame, area, app, now, theme);
    } else {
        session::render(frame, area, app, now, theme);
        checkin::before(frame, area, app, theme);
    }
    if app.stopping(now) {
        checkin::stop(frame, area, theme);
    }
    if let Some(scroll) = app.help {
        help::render(frame, area, app, scroll, theme);
    }
}

/// The help overlay's length against a screen of `area`, if it is open and drawn there: the
/// loop hands it to the app ([`App::help_measured`]), which keeps the scrolling within it.
pub fn help_size(app: &App, area: Rect) -> Option<HelpSize> {
    let drawn = app.help.is_some() && area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT;
    drawn.then(|| help::size(app, area))
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!("Terminal too small: make it at least {MIN_WIDTH}x{MIN_HEIGHT}. q quits.");
    let message = Paragraph::new(text).style(Style::new().add_modifier(Modifier::BOLD)).wrap(Wrap { trim: true });
    frame.render_widget(message, area);
}

/// Which screen's keys the footer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    Session,
    Paused,
    Checkin,
    /// Once the check-in is over; whether it can be asked again.
    Done(bool),
}

/// A line of keys for the footer, from the key table, shortened to fit `width`.
fn keys_line(width: u16, screen: Keys, theme: Theme) -> Line<'static> {
    let keys = match screen {
        Keys::Session => keys::footer(keys::SESSION, width),
        Keys::Paused => {
            // Paused, the first thing to know is how to go on.
            let resume = "Space resumes · ";
            let others: Vec<keys::Binding> =
                keys::SESSION.iter().filter(|binding| !binding.codes.contains(&KeyCode::Char(' '))).copied().collect();
            format!("{resume}{}", keys::footer(&others, width.saturating_sub(resume.chars().count() as u16)))
        }
        Keys::Checkin => keys::footer(keys::CHECKIN, width),
        Keys::Done(change) => {
            let table: &[keys::Binding] = if change { keys::DONE } else { &keys::DONE[..1] };
            keys::footer(table, width)
        }
    };
    Line::from(keys).style(theme.quiet())
}

/// `text` wrapped at word boundaries to `width` columns, by display width; a word wider than
/// that is cut across lines rather than off the screen's edge.
fn wrap(text: &str, width: u16) -> Vec<String> {
    crate::domain::width::wrap_cut(text, usize::from(width.max(1)))
}

#[cfg(test)]
mod tests;
