//! The colours of the screen, chosen once: the default, high contrast, and none (`NO_COLOR`).
//!
//! Colour never carries meaning alone: every side, pause and note is also written in words, so
//! bold and reverse video are all a colourless screen needs.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols;

use crate::domain::exercise::Side;
use crate::domain::settings::ThemeName;

/// How the screen is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` is set: bold and reverse video only.
    pub colour: bool,
    /// Bold white on black, bright sides, the side's name in reverse video.
    pub high_contrast: bool,
}

impl Theme {
    /// The theme the user chose; `no_color` is whether `NO_COLOR` is set to something.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        Theme { colour: !no_color, high_contrast: name == ThemeName::HighContrast }
    }

    /// The default theme, in colour.
    pub fn standard() -> Self {
        Theme { colour: true, high_contrast: false }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour { Style::new().fg(colour) } else { Style::new() }
    }

    /// Under everything: bold white on black in high contrast, the terminal's own otherwise.
    pub fn base(self) -> Style {
        match (self.high_contrast, self.colour) {
            (true, true) => Style::new().fg(Color::White).bg(Color::Black).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new(),
        }
    }

    /// The colour that marks a side everywhere on screen.
    pub fn side_colour(self, side: Option<Side>) -> Option<Color> {
        if !self.colour {
            return None;
        }
        Some(match (side, self.high_contrast) {
            (Some(Side::Left), false) => Color::Cyan,
            (Some(Side::Right), false) => Color::Yellow,
            (None, false) => Color::Green,
            (Some(Side::Left), true) => Color::LightCyan,
            (Some(Side::Right), true) => Color::LightYellow,
            (None, true) => Color::LightGreen,
        })
    }

    /// The big banner and digits of a side: its colour, bold.
    pub fn side(self, side: Option<Side>) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        self.side_colour(side).map_or(style, |colour| style.fg(colour))
    }

    /// The side's name in the label line; in reverse video in high contrast.
    pub fn side_word(self, side: Option<Side>) -> Style {
        let style = self.side(side);
        if self.high_contrast { style.add_modifier(Modifier::REVERSED) } else { style }
    }

    /// The paused banner: reverse video always, black on yellow where there is colour.
    pub fn paused(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        if self.colour { style.fg(Color::Black).bg(Color::Yellow) } else { style }
    }

    /// Notes on settings outside the exercise's recommended range, and notices.
    pub fn notes(self) -> Style {
        let colour = if self.high_contrast { Color::LightMagenta } else { Color::Magenta };
        self.fg(colour)
    }

    /// The bar of the whole session.
    pub fn session_bar(self) -> Style {
        self.fg(if self.high_contrast { Color::LightBlue } else { Color::Blue })
    }

    /// A check-in question on the done screen: bold, and yellow where there is colour.
    pub fn question(self) -> Style {
        self.fg(if self.high_contrast { Color::LightYellow } else { Color::Yellow }).add_modifier(Modifier::BOLD)
    }

    /// The done screen's title and big word.
    pub fn done(self) -> Style {
        self.fg(if self.high_contrast { Color::LightGreen } else { Color::Green }).add_modifier(Modifier::BOLD)
    }

    /// The filled and unfilled parts of a bar: a thick line on a thin one when colour alone
    /// would not tell them apart.
    pub fn bar_symbols(self) -> (&'static str, &'static str) {
        if self.colour && !self.high_contrast {
            (symbols::line::HORIZONTAL, symbols::line::HORIZONTAL)
        } else {
            (symbols::line::THICK_HORIZONTAL, symbols::line::HORIZONTAL)
        }
    }
}
