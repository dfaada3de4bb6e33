//! `theme = "auto"` end to end: the real binary in a pseudo-terminal that answers (or does not
//! answer) the background query, and the colour the screen is then painted in.

mod support;

use support::pty::{Pty, TIMEOUT, Terminal};

/// The background query the binary sends.
const QUERY: &[u8] = b"\x1b]11;?";

/// Runs a session in a terminal whose environment's `COLORFGBG` is `colorfgbg` and which
/// answers the background query with `answer` (`None`: it answers nothing at all, not even the
/// device attributes); returns the colour the first cell is painted in and whether the query
/// was sent.
fn painted(colorfgbg: Option<&'static str>, answer: Option<&'static [u8]>) -> (vt100::Color, bool) {
    let mut terminal =
        Terminal { env: colorfgbg.map(|value| ("COLORFGBG", value)).into_iter().collect(), ..Terminal::default() };
    terminal.answers = match answer {
        Some(answer) => vec![(QUERY, answer)],
        // Asked, it says nothing, not even to the device attributes: the query is only noted.
        None => vec![(QUERY, b"")],
    };
    let pty = Pty::spawn_in(&["--get-ready", "30", "--quiet"], &terminal);
    pty.expect_text("GET READY", TIMEOUT);
    let colour = pty.screen().cell(0, 0).expect("a first cell").bgcolor();
    (colour, pty.asked(QUERY))
}

/// The first cell's colour in the dark and the light theme: black and white of the 256-colour
/// cube, which every theme paints under everything.
const DARK: vt100::Color = vt100::Color::Idx(16);
const LIGHT: vt100::Color = vt100::Color::Idx(231);

#[test]
fn auto_asks_the_terminal_and_follows_its_answer() {
    let white: &[u8] = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";
    assert_eq!(painted(None, Some(white)), (LIGHT, true));
    let black: &[u8] = b"\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c";
    assert_eq!(painted(None, Some(black)), (DARK, true));
}

#[test]
fn a_terminal_that_does_not_answer_gets_the_dark_theme_after_a_short_wait() {
    assert_eq!(painted(None, None), (DARK, true), "a terminal that answers nothing");
    assert_eq!(painted(None, Some(b"\x1b[?1;2c")), (DARK, true), "only the device attributes");
}

#[test]
fn colorfgbg_decides_without_asking() {
    assert_eq!(painted(Some("0;15"), None), (LIGHT, false));
    assert_eq!(painted(Some("15;0"), None), (DARK, false));
}
