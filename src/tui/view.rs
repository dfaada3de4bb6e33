//! Drawing the interactive session with ratatui. Reads the app and the time; changes nothing.
//!
//! Three layouts by size: a large one with a big side banner and big digits for reading from
//! the floor, a medium one with big digits only, and a compact one in plain text. Below the
//! compact minimum it says the terminal is too small. No size makes it panic.

mod done;
pub mod figure;
mod help;
mod session;
mod theme;

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::App;

pub use theme::Theme;

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
    }
    if let Some(scroll) = app.help {
        help::render(frame, area, app, scroll, theme);
    }
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
    Checkin,
    Done,
}

/// A line of keys for the footer, from the key table, shortened to fit `width`.
fn keys_line(width: u16, screen: Keys) -> Line<'static> {
    let keys = match screen {
        Keys::Session => crate::tui::keys::footer(crate::tui::keys::SESSION, width),
        Keys::Checkin => crate::tui::keys::footer(crate::tui::keys::CHECKIN, width),
        Keys::Done => crate::tui::keys::DONE_FOOTER.to_owned(),
    };
    Line::from(keys).style(Style::new().add_modifier(Modifier::DIM))
}

#[cfg(test)]
mod tests;
