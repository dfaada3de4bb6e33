//! The interactive session's whole state: the session plus what only the screen knows (the help
//! overlay, the done screen). Pure: the terminal loop feeds it actions and the time.

use std::time::Instant;

use crate::session::{Command, Event, Session};

/// What a key asks for, before it is known what it means in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Session(Command),
    ToggleHelp,
    ScrollHelp(i16),
    /// q, Esc or Ctrl-C: leave the help, stop early, or leave the done screen.
    Quit,
    /// Enter: leaves the done screen.
    Confirm,
    /// Ctrl-Z: the shell suspends the process; the session pauses first.
    Suspend,
}

/// Whether the terminal loop should go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Exit,
}

/// The interactive session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct App {
    pub session: Session,
    /// The help overlay is shown, and how far it is scrolled.
    pub help: Option<u16>,
    /// The help overlay paused the session and will resume it when closed.
    paused_by_help: bool,
    exit: bool,
    /// A one-line notice from the shell, e.g. that no speech command was found.
    pub notice: Option<String>,
}

impl App {
    pub fn new(session: Session) -> Self {
        App { session, help: None, paused_by_help: false, exit: false, notice: None }
    }

    /// Whether the user has left (early, or from the done screen).
    pub fn exiting(&self) -> bool {
        self.exit
    }

    /// Moves time on; see [`Session::tick`].
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        self.session.tick(now)
    }

    /// Carries out an action at `now`, returning what happened to the session.
    pub fn handle(&mut self, action: Action, now: Instant) -> (Vec<Event>, Flow) {
        let mut events = self.session.tick(now);
        match action {
            Action::ToggleHelp if self.help.is_some() => events.extend(self.close_help(now)),
            Action::ToggleHelp => {
                self.help = Some(0);
                if !self.session.is_paused() && !self.session.is_finished() {
                    self.paused_by_help = true;
                    events.extend(self.session.apply(Command::Pause, now));
                }
            }
            Action::ScrollHelp(by) => {
                if let Some(offset) = self.help {
                    self.help = Some(offset.saturating_add_signed(by));
                }
            }
            Action::Quit if self.help.is_some() => events.extend(self.close_help(now)),
            Action::Quit => {
                events.extend(self.session.apply(Command::Stop, now));
                self.exit = true;
            }
            Action::Confirm if self.session.is_finished() => self.exit = true,
            Action::Confirm => {}
            Action::Suspend => events.extend(self.session.apply(Command::Pause, now)),
            Action::Session(command) => {
                if self.help.is_some() {
                    // Keys that drive the session first close the help, which owns the pause.
                    self.help = None;
                    self.paused_by_help = false;
                }
                events.extend(self.session.apply(command, now));
            }
        }
        let flow = if self.exit { Flow::Exit } else { Flow::Continue };
        (events, flow)
    }

    fn close_help(&mut self, now: Instant) -> Vec<Event> {
        self.help = None;
        if std::mem::take(&mut self.paused_by_help) { self.session.apply(Command::Resume, now) } else { Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::exercise;
    use crate::plan::{Overrides, Plan};

    fn app(now: Instant) -> App {
        let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
        App::new(Session::start(Plan::new(exercise, &Overrides::default()), now))
    }

    #[test]
    fn help_pauses_and_closing_it_resumes_where_it_was() {
        let t0 = Instant::now();
        let mut app = app(t0);
        app.handle(Action::ToggleHelp, t0 + Duration::from_secs(3));
        assert!(app.session.is_paused());
        let (_, flow) = app.handle(Action::Quit, t0 + Duration::from_secs(60));
        assert_eq!(flow, Flow::Continue, "q in the help only closes the help");
        assert!(!app.session.is_paused());
        assert_eq!(app.session.remaining(t0 + Duration::from_secs(60)), Duration::from_secs(7));
    }

    #[test]
    fn help_does_not_resume_a_session_the_user_paused() {
        let t0 = Instant::now();
        let mut app = app(t0);
        app.handle(Action::Session(Command::Pause), t0);
        app.handle(Action::ToggleHelp, t0);
        app.handle(Action::ToggleHelp, t0);
        assert!(app.session.is_paused());
    }

    #[test]
    fn quit_stops_early_and_exits() {
        let t0 = Instant::now();
        let mut app = app(t0);
        let (events, flow) = app.handle(Action::Quit, t0 + Duration::from_secs(1));
        assert_eq!(flow, Flow::Exit);
        assert_eq!(events, vec![Event::Finished { completed: false }]);
    }

    #[test]
    fn the_done_screen_waits_for_enter() {
        let t0 = Instant::now();
        let mut app = app(t0);
        let end = t0 + app.session.plan().total();
        let (_, flow) = app.handle(Action::Confirm, t0 + Duration::from_secs(10));
        assert_eq!(flow, Flow::Continue, "Enter does nothing mid-session");
        app.tick(end);
        assert!(app.session.is_finished());
        let (_, flow) = app.handle(Action::Confirm, end + Duration::from_secs(30));
        assert_eq!(flow, Flow::Exit);
        assert!(app.session.summary(end).completed);
    }
}
