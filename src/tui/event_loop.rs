//! The interactive loop, generic over ratatui's [`Backend`] with the clock, the inputs and the
//! terminal's other duties passed in, so tests drive the whole app on a `TestBackend`.
//!
//! Each turn reads the clock once, steps the session (which keeps the record the moment it
//! ends), draws, rings, then waits for input until the next visible change. Every way out (the
//! end, q, Ctrl-C, a signal, a lost terminal, a panic while drawing) stops the session and keeps
//! its record before returning.

use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT};

use crate::shell::input::{Input, Inputs};
use crate::shell::step::{Keeper, Stepper};
use crate::tui::app::{Action, App};
use crate::tui::keys;
use crate::tui::view::{self, Theme};

/// How often a session continued in the background looks whether it is in the foreground.
const AWAY_CHECK: Duration = Duration::from_millis(200);

/// Where the time comes from: the system's clock, or a test's.
pub trait Clock {
    fn now(&self) -> Instant;
}

/// The system's monotonic clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// What the loop needs from the terminal besides drawing.
pub trait Console {
    /// Rings the bell once.
    fn ring(&mut self) -> std::io::Result<()>;
    /// Gives the terminal back and stops the process until it is continued; then takes the
    /// terminal again as [`resume`](Self::resume) does.
    fn suspend(&mut self) -> std::io::Result<bool>;
    /// After a continue: takes the terminal again and returns `true` if the process is in the
    /// foreground; in the background it leaves the terminal alone and returns `false`.
    fn resume(&mut self) -> std::io::Result<bool>;
}

/// How the interactive session ended, for the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The user left: the done screen, q, Esc.
    Left,
    /// Ctrl-C or a terminating signal, by its number.
    Signal(i32),
    /// The terminal failed or went away, or drawing panicked: why.
    Lost(String),
}

/// The loop's surroundings.
pub struct Driver<'a, B: Backend, C: Clock, I: Inputs, K: Console> {
    pub terminal: &'a mut Terminal<B>,
    pub clock: C,
    pub inputs: I,
    pub console: K,
    pub keeper: &'a mut dyn Keeper,
    pub theme: Theme,
}

impl<B: Backend, C: Clock, I: Inputs, K: Console> Driver<'_, B, C, I, K> {
    /// Runs the app until the user leaves or the session is ended from outside. However it
    /// ends, the session is stopped and its record kept before this returns.
    pub fn run(&mut self, app: &mut App, stepper: &mut Stepper) -> Ending {
        let ending = self.turns(app, stepper);
        let now = self.clock.now();
        if !app.session.is_finished() {
            stepper.push(app.handle(Action::Stop, now).0);
        }
        stepper.keep(&app.session, now, self.keeper);
        ending
    }

    fn turns(&mut self, app: &mut App, stepper: &mut Stepper) -> Ending {
        let mut signal = None;
        // While stopped or in the background, the terminal is the shell's: no drawing.
        let mut away = false;
        let mut answers = app.answers();
        loop {
            let now = self.clock.now();
            let turn = stepper.turn(&mut app.session, now, self.keeper);
            if let Some(notice) = turn.notice {
                app.tell(notice);
            }
            if !away {
                if let Err(reason) = self.draw(app, now) {
                    return Ending::Lost(reason);
                }
                if turn.bells > 0
                    && let Err(e) = self.console.ring()
                {
                    return Ending::Lost(format!("ringing the terminal bell failed: {e}"));
                }
            }
            if app.exiting() {
                return signal.map_or(Ending::Left, Ending::Signal);
            }
            let mut wake = stepper.wake(app.next_wake(now));
            if away {
                // `fg` on a job running in the background sends no signal: look again soon.
                let check = now + AWAY_CHECK;
                wake = Some(wake.map_or(check, |wake| wake.min(check)));
            }
            let input = self.inputs.next(wake);
            let now = self.clock.now();
            let action = match input {
                None if away => {
                    away = !self.take_back(K::resume);
                    continue;
                }
                None | Some(Input::Resize) => continue,
                Some(Input::Key(key)) => {
                    let action = if app.question().is_some() { keys::checkin_action(key) } else { keys::action(key) };
                    match action {
                        Some(Action::Stop) => {
                            // Ctrl-C in raw mode is a key, but the shell expects SIGINT's status.
                            signal.get_or_insert(SIGINT);
                            Action::Stop
                        }
                        Some(action) => action,
                        None => continue,
                    }
                }
                Some(Input::Continue) => {
                    // Stopped from outside (SIGSTOP), or back from a suspend: come back paused.
                    stepper.push(app.handle(Action::Suspend, now).0);
                    away = !self.take_back(K::resume);
                    continue;
                }
                Some(Input::Suspend) => Action::Suspend,
                // Nobody is left to see the screen: stop at once, without drawing again.
                Some(Input::Signal(SIGHUP)) => return Ending::Signal(SIGHUP),
                Some(Input::Closed) => return Ending::Lost("the terminal's input closed".to_owned()),
                Some(Input::Signal(number)) => {
                    signal.get_or_insert(number);
                    Action::Stop
                }
            };
            stepper.push(app.handle(action, now).0);
            if app.answers() != answers {
                answers = app.answers();
                if let Some(notice) = self.keeper.answered(answers) {
                    app.tell(notice);
                }
            }
            if action == Action::Suspend {
                // The session is paused first, so the stop costs no time.
                stepper.keep(&app.session, now, self.keeper);
                away = !self.take_back(K::suspend);
            }
        }
    }

    /// Draws the app, then hands it what the view measured at the screen's size; a failure or a
    /// panic while drawing is a lost terminal, with its reason.
    fn draw(&mut self, app: &mut App, now: Instant) -> Result<(), String> {
        let theme = self.theme;
        let terminal = &mut *self.terminal;
        let shown = &*app;
        let drawn = panic::catch_unwind(AssertUnwindSafe(|| {
            terminal.draw(|frame| view::render(frame, shown, now, theme)).map(|frame| frame.area)
        }));
        match drawn {
            Ok(Ok(area)) => {
                if let Some(size) = view::help_size(app, area) {
                    app.help_measured(size);
                }
                Ok(())
            }
            Ok(Err(e)) => Err(format!("drawing the screen on the terminal failed: {e}")),
            Err(_) => Err("drawing the screen failed (a bug; the session was saved)".to_owned()),
        }
    }

    /// Takes the terminal back with `how` (suspend or resume) and, if it is ours again, forgets
    /// what was drawn so the next turn paints every cell. Returns whether it is ours.
    fn take_back(&mut self, how: fn(&mut K) -> std::io::Result<bool>) -> bool {
        match how(&mut self.console) {
            Ok(true) => {
                // Unlike `Terminal::clear`, resizing never asks the terminal where the cursor
                // is: the key thread owns the input, so that query would time out.
                let size = self.terminal.size().unwrap_or_default();
                let _ = self.terminal.resize(Rect::new(0, 0, size.width, size.height));
                true
            }
            Ok(false) | Err(_) => false,
        }
    }
}
