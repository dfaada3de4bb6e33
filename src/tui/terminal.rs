//! The one impure loop: terminal set-up and restore, input, signals, bells and redraw timing.
//!
//! It reads the clock once per turn, ticks the app, draws, then sleeps on the input channel
//! until the next visible change or the next input. The terminal is restored on every way out:
//! the end, q, Ctrl-C, SIGINT, SIGTERM, SIGHUP, and a panic (restore first, then report).

use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::layout::Rect;

use crate::domain::plan::Plan;
use crate::domain::session::{Event, Session, Summary};
use crate::history::Checkin;
use crate::shell::announce::Announcer;
use crate::shell::input::{self, Input};
use crate::tui::app::{Action, App};
use crate::tui::keys;
use crate::tui::view::{self, Theme};

/// How the interactive session looks and what it asks, besides the plan.
#[derive(Debug, Clone)]
pub struct Presentation {
    pub theme: Theme,
    /// Shown on screen from the start (e.g. that no speech command was found).
    pub notice: Option<String>,
    /// Ask the check-in questions on the done screen of a completed session.
    pub checkin: bool,
}

/// Runs the interactive session and returns its summary and the check-in answers once the
/// terminal is restored.
pub fn run(plan: Plan, announcer: Announcer, presentation: Presentation) -> io::Result<(Summary, Checkin)> {
    let inputs = input::spawn(true)?;
    install_panic_hook();
    let mut screen = Screen::enter()?;
    let app = App::new(Session::start(plan, Instant::now()));
    let mut app = if presentation.checkin { app } else { app.without_checkin() };
    app.notice = presentation.notice;
    let mut announcer = announcer;
    let outcome = drive(&mut screen, &mut app, &inputs, &mut announcer, presentation.theme);
    drop(screen);
    outcome?;
    Ok((app.session.summary(Instant::now()), app.answers()))
}

fn drive(
    screen: &mut Screen,
    app: &mut App,
    inputs: &Receiver<Input>,
    announcer: &mut Announcer,
    theme: Theme,
) -> io::Result<()> {
    let mut events = vec![Event::PhaseStarted(0)];
    loop {
        let now = Instant::now();
        events.extend(app.tick(now));
        for event in events.drain(..) {
            if let Some(notice) = announcer.announce(app.session.plan(), event, now) {
                app.notice = Some(notice);
            }
        }
        screen.draw(app, now, theme)?;
        let bells = announcer.due(now);
        if bells > 0 {
            // Bells due together would merge into one sound anyway.
            screen.ring()?;
        }
        if app.exiting() {
            return Ok(());
        }
        let input = match announcer.wake(app.next_wake(now)) {
            Some(wake) => inputs.recv_timeout(wake.saturating_duration_since(Instant::now())),
            None => inputs.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let action = match input {
            Err(RecvTimeoutError::Timeout) => continue,
            Ok(Input::Key(key)) => {
                match if app.question().is_some() { keys::checkin_action(key) } else { keys::action(key) } {
                    Some(action) => action,
                    None => continue,
                }
            }
            Ok(Input::Resize) => continue,
            Ok(Input::Continue) => {
                // Stopped from outside (SIGSTOP) or back from Ctrl-Z: come back paused and
                // paint the whole screen, which the shell has drawn over.
                events.extend(app.handle(Action::Suspend, Instant::now()).0);
                screen.reenter()?;
                continue;
            }
            Ok(Input::HangUp | Input::Closed) | Err(RecvTimeoutError::Disconnected) => {
                // Nobody is left to see the screen: stop at once, without drawing again.
                app.handle(Action::Stop, Instant::now());
                return Ok(());
            }
            Ok(Input::Interrupt | Input::Terminate) => Action::Stop,
        };
        let (happened, _) = app.handle(action, Instant::now());
        events.extend(happened);
        if action == Action::Suspend {
            screen.suspend()?;
        }
    }
}

/// The terminal in raw mode on the alternate screen, restored when dropped.
struct Screen {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Screen {
    fn enter() -> io::Result<Self> {
        set_up()?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout())).inspect_err(|_| restore())?;
        Ok(Screen { terminal })
    }

    fn draw(&mut self, app: &App, now: Instant, theme: Theme) -> io::Result<()> {
        self.terminal.draw(|frame| view::render(frame, app, now, theme))?;
        Ok(())
    }

    fn ring(&mut self) -> io::Result<()> {
        let backend = self.terminal.backend_mut();
        backend.write_all(b"\x07")?;
        backend.flush()
    }

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); on `fg`, takes it
    /// again and redraws everything.
    fn suspend(&mut self) -> io::Result<()> {
        restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        self.reenter()
    }

    /// Sets the terminal up again after the process was stopped and continued.
    fn reenter(&mut self) -> io::Result<()> {
        set_up()?;
        self.redraw_all()
    }

    /// Clears the screen and forgets what was drawn, so the next draw paints every cell at the
    /// terminal's current size. Unlike `Terminal::clear`, it never asks the terminal where the
    /// cursor is: the key thread owns the input, so that query would time out.
    fn redraw_all(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal.resize(Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
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
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            report(info);
        }));
    });
}
