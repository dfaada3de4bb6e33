//! Drawing the interactive session with ratatui. Reads the app and the time; changes nothing.
//!
//! Three layouts by size: a large one with a big side banner and big digits for reading from
//! the floor, a medium one with big digits only, and a compact one in plain text. Below the
//! compact minimum it says the terminal is too small. No size makes it panic.

mod done;
mod help;
mod session;

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::exercise::Side;

/// The smallest area the compact layout needs.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

/// Draws the whole screen for `app` as of `now`.
pub fn render(frame: &mut Frame, app: &App, now: Instant) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    if app.session.is_finished() {
        done::render(frame, area, app, now);
    } else {
        session::render(frame, area, app, now);
    }
    if let Some(scroll) = app.help {
        help::render(frame, area, app, scroll);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!("Terminal too small: make it at least {MIN_WIDTH}x{MIN_HEIGHT}. q quits.");
    let message = Paragraph::new(text).style(Style::new().add_modifier(Modifier::BOLD)).wrap(Wrap { trim: true });
    frame.render_widget(message, area);
}

/// The colour that marks a side everywhere on screen.
fn side_color(side: Option<Side>) -> Color {
    match side {
        Some(Side::Left) => Color::Cyan,
        Some(Side::Right) => Color::Yellow,
        None => Color::Green,
    }
}

/// A line of keys for the footer, shortened to fit `width`.
fn keys_line(width: u16, finished: bool) -> Line<'static> {
    let keys = if finished {
        "Enter, q or Esc: exit"
    } else if width >= 60 {
        "Space pause · s/→ skip · b/← back · ? instructions · q quit"
    } else if width >= 38 {
        "Spc pause s skip b back ? help q quit"
    } else {
        "Spc pause s skip q quit"
    };
    Line::from(keys).style(Style::new().add_modifier(Modifier::DIM))
}

#[cfg(test)]
mod tests;
