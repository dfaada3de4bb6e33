//! The screen as a front end of the session runner ([`crate::shell::runner`]): it draws the app,
//! turns keys into the app's actions, rings the bell, and gives the terminal back on a stop.
//! Generic over ratatui's backend and the terminal's console, so tests run it whole on a
//! `TestBackend`.

use std::panic::{self, AssertUnwindSafe};
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use signal_hook::consts::SIGINT;

use crate::domain::checkin::form::Question;
use crate::domain::checkin::{Checkin, Why};
use crate::domain::cues;
use crate::domain::session::{Event, Session};
use crate::shell::input::Input;
use crate::shell::runner::{Ended, Front, Kept, Reply};
use crate::tui::app::{Action, App};
use crate::tui::keys;
use crate::tui::view::{self, Theme};

/// What the screen needs from the terminal besides drawing.
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

/// The interactive screen: the app, drawn on `terminal` in `theme`.
pub struct Screen<'a, B: Backend, K: Console> {
    pub terminal: &'a mut Terminal<B>,
    pub console: K,
    pub app: &'a mut App,
    pub theme: Theme,
}

impl<B: Backend, K: Console> Screen<'_, B, K> {
    /// Draws the app, then hands it what the view measured at the screen's size; a failure or a
    /// panic while drawing is a lost terminal, with its reason.
    fn draw(&mut self, now: Instant) -> Result<(), String> {
        let theme = self.theme;
        let terminal = &mut *self.terminal;
        let shown = &*self.app;
        let drawn = panic::catch_unwind(AssertUnwindSafe(|| {
            terminal.draw(|frame| view::render(frame, shown, now, theme)).map(|frame| frame.area)
        }));
        match drawn {
            Ok(Ok(area)) => {
                if let Some(size) = view::help_size(self.app, area) {
                    self.app.help_measured(size);
                }
                Ok(())
            }
            Ok(Err(e)) => Err(format!("drawing the screen on the terminal failed: {e}")),
            Err(_) => Err("drawing the screen failed (a bug; the session was saved)".to_owned()),
        }
    }

    /// Takes the terminal back with `how` (suspend or resume) and, if it is ours again, forgets
    /// what was drawn so the next turn paints every cell. Returns whether it is ours.
    fn take_back_with(&mut self, how: fn(&mut K) -> std::io::Result<bool>) -> bool {
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

impl<B: Backend, K: Console> Front for Screen<'_, B, K> {
    fn session(&self) -> &Session {
        &self.app.session
    }

    fn session_mut(&mut self) -> &mut Session {
        &mut self.app.session
    }

    fn show(&mut self, _events: &[Event], notice: Option<&str>, now: Instant) -> Result<(), String> {
        if let Some(notice) = notice {
            self.app.tell(notice.to_owned(), now);
        }
        self.draw(now)
    }

    fn ring(&mut self) -> Result<(), String> {
        self.console.ring().map_err(|e| format!("ringing the terminal bell failed: {e}"))
    }

    fn wake(&self, now: Instant) -> Option<Instant> {
        self.app.next_wake(now)
    }

    fn input(&mut self, input: Input, now: Instant) -> Reply {
        let Input::Key(key) = input else {
            // A resize: the next turn draws at the new size.
            return Reply::default();
        };
        // A key says the notice on screen has been seen.
        self.app.notice_seen();
        let action = if self.app.stopping(now) {
            // "Stop here? q again to stop, any other key goes on": every key answers it.
            keys::action(key).or(Some(Action::Close))
        } else if let Some(question) = self.app.question() {
            keys::checkin_action(key, question.kind())
        } else if self.app.session.is_finished() {
            keys::done_action(key)
        } else {
            keys::action(key)
        };
        match action {
            // Ctrl-C in raw mode is a key, but the shell expects SIGINT's status.
            Some(Action::Stop) => Reply { signal: Some(SIGINT), ..Reply::default() },
            Some(Action::Suspend) => Reply { suspend: true, ..Reply::default() },
            Some(action) => Reply { events: self.app.handle(action, now).0, ..Reply::default() },
            None => Reply::default(),
        }
    }

    fn suspend(&mut self, now: Instant) -> (Vec<Event>, bool) {
        // The session is paused first, so the stop costs no time.
        let events = self.app.handle(Action::Suspend, now).0;
        (events, self.take_back_with(K::suspend))
    }

    fn continued(&mut self, now: Instant) -> (Vec<Event>, bool) {
        // Stopped from outside (SIGSTOP), or back from a suspend: come back paused.
        let events = self.app.handle(Action::Suspend, now).0;
        (events, self.take_back_with(K::resume))
    }

    fn take_back(&mut self) -> bool {
        self.take_back_with(K::resume)
    }

    fn kept(&mut self, kept: Kept) {
        self.app.keep(kept);
    }

    fn answers(&self) -> (Checkin, Option<Why>) {
        (self.app.answers(), self.app.why())
    }

    fn question(&self) -> Option<(Question, String)> {
        self.app.question().map(|question| (question, cues::question_words(self.app.form(), question)))
    }

    fn done(&self, _ended: &Ended) -> bool {
        // The last bells are cut: the user has chosen to go.
        self.app.exiting()
    }
}
