//! The colours of the screen, chosen once: dark, light, high contrast, or none (`NO_COLOR`).
//!
//! Every colour theme paints its own background, so what it draws is read against a known
//! colour whatever the terminal's own is; the colours come from the 256-colour cube and grey
//! ramp, which terminals rarely re-theme. Text holds 4.5:1 against what it is drawn on and big
//! glyphs and bars 3:1 (WCAG AA, with xterm's palette), which `contrast` checks on every
//! snapshot. Colour never carries meaning alone: every side, phase and pause is also a word.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::settings::ThemeName;
use crate::domain::side::Side;
use crate::shell::terminal_background::Background;

/// A colour scheme once `auto` is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// Light text on black: for dark terminals, and when the background is unknown.
    Dark,
    /// Dark text on white.
    Light,
    /// Bold white on black, the brightest colours.
    HighContrast,
}

impl Palette {
    /// The palette for the theme the user chose. Only `auto` calls `background` (which may ask
    /// the terminal), and takes the dark palette, which paints its own background and so reads on
    /// any terminal, when the background is unknown.
    pub fn chosen(name: ThemeName, background: impl FnOnce() -> Option<Background>) -> Palette {
        match name {
            ThemeName::Dark => Palette::Dark,
            ThemeName::Light => Palette::Light,
            ThemeName::HighContrast => Palette::HighContrast,
            ThemeName::Auto => background().map_or(Palette::Dark, Palette::for_background),
        }
    }

    /// The palette for a terminal whose background is `background`: light text on a dark
    /// background and the other way round.
    pub fn for_background(background: Background) -> Palette {
        let light = match background {
            // 7 and 9 to 15 are the light ones of the sixteen standard colours.
            Background::Numbered(number) => number == 7 || (9..=15).contains(&number),
            // Split where black and white text would be equally readable.
            Background::Rgb(rgb) => relative_luminance(rgb) > 0.18,
        };
        if light { Palette::Light } else { Palette::Dark }
    }
}

/// WCAG's relative luminance of an sRGB colour, from 0 (black) to 1 (white).
pub fn relative_luminance(rgb: [u8; 3]) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// The phase shown in the phase band, each with its own look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    GetReady,
    Move,
    /// A solid fill: the phase that counts.
    Hold,
    Rest,
    /// A solid fill of its own colour.
    Paused,
}

/// The colours of one palette, as indexes into the 256-colour palette.
struct Colours {
    background: u8,
    text: u8,
    quiet: u8,
    /// The floor under a figure and the parts drawn behind its body: a grey set apart from the
    /// text on either background, and still 4.5:1 against it, since a label may be in it.
    behind: u8,
    left: u8,
    right: u8,
    neither: u8,
    hold_fill: u8,
    hold_word: u8,
    paused_fill: u8,
    bar_empty: u8,
    notes: u8,
    question: u8,
    advice: u8,
}

const DARK: Colours = Colours {
    background: 16,
    text: 252,
    quiet: 248,
    behind: 244,
    left: 51,
    right: 220,
    neither: 82,
    hold_fill: 252,
    hold_word: 16,
    paused_fill: 214,
    bar_empty: 242,
    notes: 213,
    question: 220,
    advice: 208,
};

const LIGHT: Colours = Colours {
    background: 231,
    text: 16,
    quiet: 240,
    behind: 243,
    left: 25,
    right: 130,
    neither: 22,
    hold_fill: 236,
    hold_word: 231,
    paused_fill: 214,
    bar_empty: 243,
    notes: 90,
    question: 18,
    advice: 124,
};

const HIGH_CONTRAST: Colours = Colours {
    background: 16,
    text: 231,
    quiet: 231,
    behind: 248,
    left: 51,
    right: 226,
    neither: 46,
    hold_fill: 231,
    hold_word: 16,
    paused_fill: 226,
    bar_empty: 248,
    notes: 213,
    question: 226,
    advice: 208,
};

/// How the screen is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub palette: Palette,
    /// False when `NO_COLOR` is set: bold and reverse video only.
    pub colour: bool,
}

impl Theme {
    /// The theme of `palette`; `no_color` is whether `NO_COLOR` is set to something.
    pub fn new(palette: Palette, no_color: bool) -> Self {
        Theme { palette, colour: !no_color }
    }

    /// The dark theme, in colour: what `auto` falls back to.
    pub fn standard() -> Self {
        Theme::new(Palette::Dark, false)
    }

    fn colours(self) -> &'static Colours {
        match self.palette {
            Palette::Dark => &DARK,
            Palette::Light => &LIGHT,
            Palette::HighContrast => &HIGH_CONTRAST,
        }
    }

    fn bold(self) -> Style {
        if self.palette == Palette::HighContrast { Style::new().add_modifier(Modifier::BOLD) } else { Style::new() }
    }

    /// A foreground colour, or nothing without colour.
    fn fg(self, pick: fn(&Colours) -> u8) -> Style {
        let style = self.bold();
        if self.colour { style.fg(Color::Indexed(pick(self.colours()))) } else { style }
    }

    /// Under everything: the palette's text on its own background.
    pub fn base(self) -> Style {
        let style = self.bold();
        if self.colour {
            let colours = self.colours();
            style.fg(Color::Indexed(colours.text)).bg(Color::Indexed(colours.background))
        } else {
            style
        }
    }

    /// The background the theme paints, as the terminal's own would be with no colour: what
    /// an unset background means when contrast is measured.
    pub fn background(self) -> Color {
        if self.colour { Color::Indexed(self.colours().background) } else { Color::Reset }
    }

    /// Text that matters less: the header's counts, the bars' labels.
    pub fn quiet(self) -> Style {
        self.fg(|c| c.quiet)
    }

    /// A figure's floor, and its parts behind the body (a far leg, a pillow, a mat): lighter
    /// than the body on a light background, darker on a dark one.
    pub fn behind(self) -> Style {
        self.fg(|c| c.behind)
    }

    /// The colour that marks a side everywhere on screen; `None` without colour.
    pub fn side_colour(self, side: Option<Side>) -> Option<Color> {
        let colours = self.colours();
        let index = match side {
            Some(Side::Left) => colours.left,
            Some(Side::Right) => colours.right,
            None => colours.neither,
        };
        self.colour.then_some(Color::Indexed(index))
    }

    /// The big side and digits, and the side's name in words: its colour, bold.
    pub fn side(self, side: Option<Side>) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        self.side_colour(side).map_or(style, |colour| style.fg(colour))
    }

    /// The phase band: the hold and the pause are solid fills (reverse video without colour),
    /// the others the word on the plain background.
    pub fn band(self, band: Band) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let colours = self.colours();
        match (band, self.colour) {
            (Band::Hold, true) => bold.fg(Color::Indexed(colours.hold_word)).bg(Color::Indexed(colours.hold_fill)),
            (Band::Paused, true) => bold.fg(Color::Indexed(16)).bg(Color::Indexed(colours.paused_fill)),
            (Band::Hold | Band::Paused, false) => bold.add_modifier(Modifier::REVERSED),
            (Band::GetReady | Band::Rest, true) => bold.fg(Color::Indexed(colours.neither)),
            (Band::Move, true) => bold.fg(Color::Indexed(colours.text)),
            (Band::GetReady | Band::Rest | Band::Move, false) => bold,
        }
    }

    /// The filled part of a bar: full blocks in the side's colour.
    pub fn bar_filled(self, side: Option<Side>) -> Style {
        self.side(side)
    }

    /// The empty part of a bar: a light shade, so it reads weaker than the filled part even
    /// without colour.
    pub fn bar_empty(self) -> Style {
        self.fg(|c| c.bar_empty)
    }

    /// Notes on settings outside the exercise's recommended range, and notices.
    pub fn notes(self) -> Style {
        self.fg(|c| c.notes)
    }

    /// A check-in question on the done screen, bold.
    pub fn question(self) -> Style {
        self.fg(|c| c.question).add_modifier(Modifier::BOLD)
    }

    /// Advice to ease off after a rise in pain, bold.
    pub fn advice(self) -> Style {
        self.fg(|c| c.advice).add_modifier(Modifier::BOLD)
    }

    /// The done screen's title and big word.
    pub fn done(self) -> Style {
        self.side(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_background_is_light_for_the_light_standard_colours() {
        assert_eq!(Palette::for_background(Background::Numbered(0)), Palette::Dark);
        assert_eq!(Palette::for_background(Background::Numbered(15)), Palette::Light);
        assert_eq!(Palette::for_background(Background::Numbered(7)), Palette::Light);
        assert_eq!(Palette::for_background(Background::Numbered(8)), Palette::Dark);
        assert_eq!(Palette::for_background(Background::Numbered(200)), Palette::Dark, "beyond the sixteen");
    }

    #[test]
    fn a_background_is_light_or_dark_by_its_luminance() {
        let palette = |rgb| Palette::for_background(Background::Rgb(rgb));
        assert_eq!(palette([255, 255, 255]), Palette::Light);
        assert_eq!(palette([0xfd, 0xf6, 0xe3]), Palette::Light, "solarized light");
        assert_eq!(palette([0, 0x2b, 0x36]), Palette::Dark, "solarized dark");
        assert_eq!(palette([0x30, 0x0a, 0x24]), Palette::Dark, "ubuntu's purple");
    }

    #[test]
    fn a_named_theme_never_asks_and_auto_follows_the_background() {
        let never = || -> Option<Background> { panic!("a named theme asked the terminal") };
        assert_eq!(Palette::chosen(ThemeName::Light, never), Palette::Light);
        assert_eq!(Palette::chosen(ThemeName::Dark, never), Palette::Dark);
        assert_eq!(Palette::chosen(ThemeName::HighContrast, never), Palette::HighContrast);
        assert_eq!(Palette::chosen(ThemeName::Auto, || Some(Background::Numbered(15))), Palette::Light);
        assert_eq!(Palette::chosen(ThemeName::Auto, || Some(Background::Rgb([0, 0, 0]))), Palette::Dark);
        assert_eq!(Palette::chosen(ThemeName::Auto, || None), Palette::Dark, "unknown: dark");
    }
}
