//! `theme = "auto"` end to end: the real binary in a pseudo-terminal that answers (or does not
//! answer) the background query, and the colour the screen is then painted in.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Long enough for a loaded two-core machine; a passing test never waits this long.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The background query the binary sends, and the device attributes query after it.
const QUERY: &[u8] = b"\x1b]11;?";

/// What the terminal in the test does: its environment's `COLORFGBG`, and its answer to the
/// background query (`None`: it answers nothing at all).
struct Terminal {
    colorfgbg: Option<&'static str>,
    answer: Option<&'static [u8]>,
}

/// Runs a session in a terminal that behaves as `terminal` says; returns the colour the first
/// cell is painted in and whether the query was sent.
fn painted(terminal: &Terminal) -> (vt100::Color, bool) {
    let pair = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_trunkrot"));
    command.args(["--get-ready", "30", "--quiet"]);
    command.env("TERM", "xterm-256color");
    command.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/background-config"));
    command.env("XDG_DATA_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/background-data"));
    command.env_remove("NO_COLOR");
    match terminal.colorfgbg {
        Some(value) => command.env("COLORFGBG", value),
        None => command.env_remove("COLORFGBG"),
    }
    let mut child = pair.slave.spawn_command(command).expect("the binary starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("a writer")));
    let parser = Arc::new(Mutex::new(vt100::Parser::default()));
    let asked = Arc::new(Mutex::new(false));
    let (screen, answering, was_asked, answer) =
        (Arc::clone(&parser), Arc::clone(&writer), Arc::clone(&asked), terminal.answer);
    thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            seen.extend_from_slice(&buf[..n]);
            let mut asked = was_asked.lock().expect("the flag");
            if !*asked && seen.windows(QUERY.len()).any(|w| w == QUERY) {
                *asked = true;
                if let Some(answer) = answer {
                    let mut writer = answering.lock().expect("the writer");
                    writer.write_all(answer).and_then(|()| writer.flush()).expect("the answer is sent");
                }
            }
            screen.lock().expect("the parser").process(&buf[..n]);
        }
    });
    let give_up = Instant::now() + TIMEOUT;
    let colour = loop {
        let screen = parser.lock().expect("the parser").screen().clone();
        if screen.contents().contains("GET READY") {
            break screen.cell(0, 0).expect("a first cell").bgcolor();
        }
        assert!(Instant::now() < give_up, "the session never drew: {}", screen.contents());
        thread::sleep(Duration::from_millis(20));
    };
    child.kill().expect("the session is stopped");
    let _ = child.wait();
    let asked = *asked.lock().expect("the flag");
    (colour, asked)
}

/// The first cell's colour in the dark and the light theme: black and white of the 256-colour
/// cube, which every theme paints under everything.
const DARK: vt100::Color = vt100::Color::Idx(16);
const LIGHT: vt100::Color = vt100::Color::Idx(231);

#[test]
fn auto_asks_the_terminal_and_follows_its_answer() {
    let white = Terminal { colorfgbg: None, answer: Some(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c") };
    assert_eq!(painted(&white), (LIGHT, true));
    let black = Terminal { colorfgbg: None, answer: Some(b"\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c") };
    assert_eq!(painted(&black), (DARK, true));
}

#[test]
fn a_terminal_that_does_not_answer_gets_the_dark_theme_after_a_short_wait() {
    let mute = Terminal { colorfgbg: None, answer: None };
    assert_eq!(painted(&mute), (DARK, true));
    let attributes_only = Terminal { colorfgbg: None, answer: Some(b"\x1b[?1;2c") };
    assert_eq!(painted(&attributes_only), (DARK, true));
}

#[test]
fn colorfgbg_decides_without_asking() {
    assert_eq!(painted(&Terminal { colorfgbg: Some("0;15"), answer: None }), (LIGHT, false));
    assert_eq!(painted(&Terminal { colorfgbg: Some("15;0"), answer: None }), (DARK, false));
}
