//! How wide the text commands write: `COLUMNS` when it is set (a shell sets it, and tests),
//! else the width of the terminal standard output goes to, else 80.

/// Text is never wrapped narrower than this, however small the terminal says it is.
pub const NARROWEST: usize = 20;

/// The width when standard output is not a terminal (a pipe, a file) and `COLUMNS` is unset.
pub const DEFAULT: usize = 80;

/// The columns text commands wrap their lines to.
pub fn width() -> usize {
    let from_env = std::env::var("COLUMNS").ok().and_then(|value| value.trim().parse::<usize>().ok());
    from_env.or_else(terminal).map_or(DEFAULT, |columns| columns.max(NARROWEST))
}

/// The width of the terminal on standard output, if it is one.
fn terminal() -> Option<usize> {
    let stdout = std::io::stdout();
    if !rustix::termios::isatty(&stdout) {
        return None;
    }
    let size = rustix::termios::tcgetwinsize(&stdout).ok()?;
    (size.ws_col > 0).then_some(usize::from(size.ws_col))
}
