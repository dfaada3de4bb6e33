//! The terminal's background, for `theme = "auto"`: from `COLORFGBG`, else from asking the
//! terminal (OSC 11) before the key thread starts reading. What it looks like on that background
//! is for the view to choose.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// How long to wait for the terminal's answer. Terminals that know OSC 11 answer within a few
/// milliseconds, and the query is followed by one every terminal answers (device attributes),
/// so the wait is cut short everywhere but on a terminal that answers nothing at all.
const ANSWER_TIMEOUT: Duration = Duration::from_millis(200);

/// What the terminal says its background is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// One of the terminal's numbered colours, as `COLORFGBG` names it (0 to 15 are the sixteen
    /// standard ones).
    Numbered(u8),
    /// A colour, 0 to 255 each channel, as the terminal answers OSC 11.
    Rgb([u8; 3]),
}

/// The terminal's background: from `colorfgbg` (the `COLORFGBG` variable) if it names one, else
/// the terminal's answer when both stdin and stdout are one; `None` if neither says.
pub fn background(colorfgbg: Option<&str>) -> Option<Background> {
    colorfgbg.and_then(from_colorfgbg).or_else(|| ask_background().map(Background::Rgb))
}

/// The background `COLORFGBG` names (`15;0`: foreground 15 on background 0, the background
/// last), if it names one.
fn from_colorfgbg(value: &str) -> Option<Background> {
    value.rsplit(';').next()?.trim().parse().ok().map(Background::Numbered)
}

/// Asks the terminal for its background colour, in raw mode so the answer is not echoed.
fn ask_background() -> Option<[u8; 3]> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::enable_raw_mode().ok()?;
    let answer = query();
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    answer.as_deref().and_then(parse_answer)
}

#[cfg(unix)]
fn query() -> Option<Vec<u8>> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::os::fd::AsFd;

    let mut out = io::stdout().lock();
    // The background query, then device attributes (`ESC [ c`), which every terminal answers.
    out.write_all(b"\x1b]11;?\x07\x1b[c").and_then(|()| out.flush()).ok()?;
    let stdin = io::stdin();
    let fd = stdin.as_fd();
    let deadline = Instant::now() + ANSWER_TIMEOUT;
    let mut got = Vec::new();
    while !attributes_answered(&got) {
        let left = deadline.saturating_duration_since(Instant::now());
        let timeout = Timespec::try_from(left).ok()?;
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        if left.is_zero() || poll(&mut fds, Some(&timeout)).ok()? == 0 {
            break;
        }
        let mut buffer = [0u8; 256];
        // Read the descriptor itself: std's buffered stdin would keep bytes the key thread needs.
        let read = rustix::io::read(fd, &mut buffer).ok()?;
        if read == 0 {
            break;
        }
        got.extend_from_slice(&buffer[..read]);
    }
    Some(got)
}

#[cfg(not(unix))]
fn query() -> Option<Vec<u8>> {
    None
}

/// Whether the answer to the device attributes query (`ESC [ ? ... c`) has arrived.
fn attributes_answered(got: &[u8]) -> bool {
    got.windows(3).position(|w| w == b"\x1b[?").is_some_and(|at| got[at..].contains(&b'c'))
}

/// The colour in an OSC 11 answer, `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or ST; each
/// channel may have one to four hex digits.
fn parse_answer(got: &[u8]) -> Option<[u8; 3]> {
    let text = String::from_utf8_lossy(got);
    let start = text.find("]11;rgb:")? + "]11;rgb:".len();
    let rest = &text[start..];
    let end = rest.find(['\x07', '\x1b']).unwrap_or(rest.len());
    let mut channels = rest[..end].split('/').map(|hex| {
        let digits = hex.len();
        let value = u32::from_str_radix(hex, 16).ok().filter(|_| (1..=4).contains(&digits))?;
        let max = (1u32 << (4 * digits)) - 1;
        u8::try_from(value * 255 / max).ok()
    });
    let rgb = [channels.next()??, channels.next()??, channels.next()??];
    channels.next().is_none().then_some(rgb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_osc_11_answer_gives_the_colour() {
        assert_eq!(parse_answer(b"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?64;1c"), Some([255, 255, 255]));
        assert_eq!(parse_answer(b"\x1b]11;rgb:0000/2b2b/3636\x1b\\"), Some([0, 0x2b, 0x36]));
        assert_eq!(parse_answer(b"\x1b]11;rgb:ff/80/0\x07"), Some([255, 128, 0]));
        assert_eq!(parse_answer(b"\x1b[?1;2c"), None, "a terminal that does not know OSC 11");
        assert_eq!(parse_answer(b"\x1b]11;rgb:ffff/ffff\x07"), None);
        assert_eq!(parse_answer(b"\x1b]11;rgb:fffff/0/0\x07"), None);
        assert_eq!(parse_answer(b""), None);
    }

    #[test]
    fn the_wait_ends_with_the_device_attributes() {
        assert!(attributes_answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"));
        assert!(!attributes_answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;2"));
        assert!(!attributes_answered(b"\x1b]11;rgb:0/0/0\x07"));
    }

    #[test]
    fn colorfgbg_names_the_background_last() {
        assert_eq!(from_colorfgbg("15;0"), Some(Background::Numbered(0)));
        assert_eq!(from_colorfgbg("0;15"), Some(Background::Numbered(15)));
        assert_eq!(from_colorfgbg("0;default;7"), Some(Background::Numbered(7)));
        assert_eq!(from_colorfgbg("default"), None);
        assert_eq!(from_colorfgbg(""), None);
        assert_eq!(background(Some("7;8")), Some(Background::Numbered(8)), "COLORFGBG first");
    }
}
