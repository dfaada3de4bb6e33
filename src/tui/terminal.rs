//! The real terminal: raw mode and the alternate screen, set up and restored, stopping and
//! continuing, and the session run on it through the [`event_loop`](crate::tui::event_loop).
//!
//! Restoring a terminal that is gone is not an error: once it has failed or been given back,
//! writes to it are dropped, so nothing on the way out can fail or panic on a closed stdout.

use std::cell::Cell;
use std::io::{self, Stdout, Write};
use std::panic;
use std::rc::Rc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};

use crate::domain::plan::Plan;
use crate::domain::session::Session;
use crate::shell::announce::Announcer;
use crate::shell::input::{self, Listening};
use crate::shell::job;
use crate::shell::runner::{self, Clock, Ended, Ending, Keeping, Runner, SystemClock};
use crate::tui::app::App;
use crate::tui::event_loop::{Console, Screen};
use crate::tui::view::Theme;

/// How the interactive session looks and what it asks, besides the plan.
#[derive(Debug, Clone)]
pub struct Presentation {
    pub theme: Theme,
    /// Shown on screen from the start (e.g. that no speech command was found).
    pub notice: Option<String>,
    /// Ask the check-in questions on the done screen.
    pub checkin: bool,
    /// Ask the pain before the session too, on the get-ready screen.
    pub checkin_before: bool,
    /// Where the session stands in the programme's day, for the get-ready screen.
    pub today: Option<String>,
}

/// What the interactive session did and how it ended.
pub struct Outcome {
    /// The session as kept, with its answers.
    pub ended: Ended,
    pub ending: Ending,
}

/// Runs the interactive session, keeping its record as it ends, and returns once the terminal
/// is restored.
pub fn run(
    plan: Plan,
    announcer: Announcer,
    presentation: Presentation,
    keeping: Keeping,
    listening: Listening,
) -> io::Result<Outcome> {
    listening.keys()?;
    let mut inputs = listening.inputs;
    install_panic_hook();
    let (mut terminal, gone) = enter()?;
    let clock = SystemClock;
    let start = clock.now();
    let app = App::new(Session::start(plan, start));
    let app = if presentation.checkin { app } else { app.without_checkin() };
    let mut app = if presentation.checkin_before { app.asking_before(start) } else { app };
    if let Some(notice) = presentation.notice {
        app.tell(notice, start);
    }
    app.today = presentation.today;
    app.stop_rule.clone_from(&keeping.stop);
    let runner = Runner::new(announcer, keeping);
    let runner = if presentation.checkin_before { runner.waiting() } else { runner };
    let mut screen = Screen { terminal: &mut terminal, console: RealConsole, app: &mut app, theme: presentation.theme };
    let (ended, ending) = runner::run(runner, &mut screen, &clock, &mut inputs);
    restore();
    // Ratatui shows the cursor again when dropped: on a terminal that is gone, that write
    // would fail and be reported to a standard error that is gone too.
    gone.set(true);
    drop(terminal);
    Ok(Outcome { ended, ending })
}

/// Standard output that drops what is written once the terminal is given back or has failed,
/// so that ratatui's own restore on drop cannot fail on a terminal that is gone.
struct Tty {
    out: Stdout,
    /// Shared with [`run`], which sets it once the terminal is given back.
    gone: Rc<Cell<bool>>,
}

impl Write for Tty {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.gone.get() {
            return Ok(bytes.len());
        }
        self.out.write(bytes).inspect_err(|_| self.gone.set(true))
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.gone.get() {
            return Ok(());
        }
        self.out.flush().inspect_err(|_| self.gone.set(true))
    }
}

/// The real terminal as ratatui draws on it.
type Real = Terminal<CrosstermBackend<Tty>>;

/// Sets the terminal up; the flag, once set, silences it.
fn enter() -> io::Result<(Real, Rc<Cell<bool>>)> {
    set_up()?;
    let gone = Rc::new(Cell::new(false));
    let tty = Tty { out: io::stdout(), gone: Rc::clone(&gone) };
    let terminal = Terminal::new(CrosstermBackend::new(tty)).inspect_err(|_| restore())?;
    Ok((terminal, gone))
}

/// The real terminal's bell, stop and continue.
struct RealConsole;

impl Console for RealConsole {
    fn ring(&mut self) -> io::Result<()> {
        let mut out = io::stdout();
        out.write_all(b"\x07")?;
        out.flush()
    }

    fn suspend(&mut self) -> io::Result<bool> {
        restore();
        job::stop();
        self.resume()
    }

    fn resume(&mut self) -> io::Result<bool> {
        // Continued in the background (`bg`), touching the terminal would stop the process
        // again; wait for `fg`, whose continue comes here once more.
        if !job::in_foreground() {
            return Ok(false);
        }
        set_up()?;
        input::back();
        Ok(true)
    }
}

/// Whether the terminal is set up (raw, alternate screen), so it is restored only once: leaving
/// the alternate screen twice would move the cursor back over what was printed in between,
/// such as a panic's message.
static SET_UP: AtomicBool = AtomicBool::new(false);

/// Raw mode, the alternate screen and a hidden cursor. Called again after a stop, it redoes
/// raw mode (the shell may have reset it) but does not enter the alternate screen twice.
fn set_up() -> io::Result<()> {
    let entered = SET_UP.swap(true, Ordering::SeqCst);
    enable_raw_mode().inspect_err(|_| restore())?;
    if entered { execute!(io::stdout(), Hide) } else { execute!(io::stdout(), EnterAlternateScreen, Hide) }
        .inspect_err(|_| restore())
}

/// Puts the terminal back as it was, if it is set up; errors are ignored, as the terminal may
/// be gone.
fn restore() {
    if SET_UP.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
    }
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let report = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            restore();
            report(info);
        }));
    });
}
