//! The interactive session's whole state: the session plus what only the screen knows (the help
//! overlay, the done screen). Pure: the terminal loop feeds it actions and the time.

use std::time::Instant;

use crate::domain::checkin::{Checkin, Effort, Pain};
use crate::domain::session::{Command, Event, Session, State};
use crate::shell::runner::Kept;

/// What a key asks for, before it is known what it means in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Session(Command),
    ToggleHelp,
    ScrollHelp(i16),
    /// Scrolls the help by whole pages of what is on screen: -1 up, 1 down.
    PageHelp(i16),
    /// q or Esc: leave the help, stop early, or leave the done screen.
    Quit,
    /// Ctrl-C, SIGINT, SIGTERM or a lost terminal: stop early and leave, whatever is shown.
    Stop,
    /// Enter: leaves the done screen.
    Confirm,
    /// Ctrl-Z: the shell suspends the process; the session pauses first.
    Suspend,
    /// An answer to the check-in's pain question.
    Pain(Pain),
    /// An answer to the check-in's effort question.
    Effort(Effort),
}

/// The check-in question on screen at the end of a completed session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Pain,
    Effort,
}

/// The help overlay's length against the screen it is shown on, which only the view can
/// measure (it wraps the text): the loop hands it to the app with [`App::help_measured`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpSize {
    /// How far the help can scroll: its last line is then the last one on screen.
    pub end: u16,
    /// How many lines a page scrolls: the lines on screen less one.
    pub page: u16,
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
    /// The help's length against the screen it was last drawn on, as the view measured it: so
    /// scrolling stops at the end of the text rather than running on into an empty box.
    help_size: HelpSize,
    /// The help overlay paused the session and will resume it when closed.
    paused_by_help: bool,
    /// The check-in question still to ask once the session completes; `None` when done or off.
    checkin: Option<Question>,
    answers: Checkin,
    exit: bool,
    /// A one-line notice from the shell, e.g. that no speech command was found.
    pub notice: Option<String>,
    /// The phase the notice came in: it is shown in full there, then as a marker.
    notice_at: Option<usize>,
    /// Once the session has ended: whether it was saved, and the advice, as the runner kept it.
    pub kept: Option<Kept>,
}

impl App {
    /// An app that asks the check-in questions at the end of a completed session.
    pub fn new(session: Session) -> Self {
        let checkin = Some(Question::Pain);
        App {
            session,
            help: None,
            // Until the first drawing measures it: no end yet, and pages of 10 lines.
            help_size: HelpSize { end: u16::MAX, page: 10 },
            paused_by_help: false,
            checkin,
            answers: Checkin::default(),
            exit: false,
            notice: None,
            notice_at: None,
            kept: None,
        }
    }

    /// Shows a notice from the shell (a voice that failed, a history that cannot be written):
    /// in full during the phase it comes in.
    pub fn tell(&mut self, notice: String) {
        self.notice = Some(notice);
        self.notice_at = self.session.index();
    }

    /// Whether the notice came in during the phase on screen now.
    pub fn notice_is_new(&self) -> bool {
        self.notice.is_some() && self.notice_at.is_some() && self.notice_at == self.session.index()
    }

    /// The same app without the check-in (`--no-checkin`).
    #[must_use]
    pub fn without_checkin(mut self) -> Self {
        self.checkin = None;
        self
    }

    /// The check-in question being asked now, if any: only on the done screen of a session
    /// that ran to its end.
    pub fn question(&self) -> Option<Question> {
        matches!(self.session.state(), State::Finished { completed: true, .. }).then_some(self.checkin).flatten()
    }

    /// The check-in answers given so far.
    pub fn answers(&self) -> Checkin {
        self.answers.clone()
    }

    /// Whether the user has left (early, or from the done screen).
    pub fn exiting(&self) -> bool {
        self.exit
    }

    /// Moves time on; see [`Session::tick`].
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        self.session.tick(now)
    }

    /// When the loop must wake next to show what changes without input: the next displayed
    /// second or phase, or sooner, the next frame of a moving figure. Never a deadline: the
    /// session's deadlines stay where they are, however often the screen is drawn.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let change = self.session.next_change(now);
        match (change, crate::domain::motion::next_frame(&self.session, now)) {
            (Some(change), Some(frame)) => Some(change.min(frame)),
            (change, frame) => change.or(frame),
        }
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
            Action::ScrollHelp(by) => self.scroll_help(by),
            Action::PageHelp(pages) => {
                let page = i16::try_from(self.help_size.page.max(1)).unwrap_or(i16::MAX);
                self.scroll_help(pages.saturating_mul(page));
            }
            Action::Quit if self.help.is_some() => events.extend(self.close_help(now)),
            Action::Quit | Action::Stop => {
                self.help = None;
                events.extend(self.session.apply(Command::Stop, now));
                self.exit = true;
            }
            Action::Confirm if self.question().is_some() => self.next_question(),
            Action::Confirm if self.session.is_finished() => self.exit = true,
            Action::Confirm => {}
            Action::Pain(pain) if self.question() == Some(Question::Pain) => {
                self.answers.pain = Some(pain);
                self.next_question();
            }
            Action::Effort(effort) if self.question() == Some(Question::Effort) => {
                self.answers.effort = Some(effort);
                self.next_question();
            }
            Action::Pain(_) | Action::Effort(_) => {}
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

    /// What the view measured of the help at the screen's size: scrolling keeps within it.
    pub fn help_measured(&mut self, size: HelpSize) {
        self.help_size = size;
    }

    /// Scrolls the help by `by` lines, never past its end or above its top.
    fn scroll_help(&mut self, by: i16) {
        if let Some(offset) = self.help {
            let end = self.help_size.end;
            self.help = Some(offset.min(end).saturating_add_signed(by).min(end));
        }
    }

    fn next_question(&mut self) {
        self.checkin = match self.checkin {
            Some(Question::Pain) => Some(Question::Effort),
            Some(Question::Effort) | None => None,
        };
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
    use crate::domain::exercise;
    use crate::domain::plan::{Overrides, Plan};

    fn app(now: Instant) -> App {
        let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
        App::new(Session::start(Plan::new(exercise, &Overrides::default()), now))
    }

    #[test]
    fn the_loop_wakes_for_frames_only_while_the_figure_moves() {
        // Get ready 10 s, move left 3 s, hold left 5 s.
        let t0 = Instant::now();
        let mut app = app(t0);
        let ms = |n: u64| t0 + Duration::from_millis(n);
        assert_eq!(app.next_wake(ms(2_500)), Some(ms(3_000)), "getting ready: once per displayed second");
        let move_end = ms(13_000);
        let mut now = ms(10_000);
        app.tick(now);
        let mut frames = Vec::new();
        while now < move_end {
            let wake = app.next_wake(now).expect("a wake");
            assert!(wake > now && wake <= move_end);
            frames.push(wake);
            // A loop that wakes a little late each time keeps to the same frames.
            now = wake + Duration::from_millis(7);
            app.tick(now);
        }
        assert_eq!(frames.last(), Some(&move_end), "the last frame is the hold's start, exactly");
        let gaps: Vec<Duration> = frames.windows(2).map(|pair| pair[1] - pair[0]).collect();
        assert!(gaps.iter().all(|gap| *gap <= Duration::from_millis(100)), "at least 10 a second: {gaps:?}");
        assert!(frames.len() >= 30, "{} frames in 3 s", frames.len());
        assert_eq!(app.session.state(), crate::domain::session::State::Running { index: 2, ends_at: ms(18_000) });
        assert_eq!(app.next_wake(ms(13_300)), Some(ms(14_000)), "holding: once per displayed second");
        app.handle(Action::Session(Command::Skip), ms(13_300));
        app.handle(Action::Session(Command::Pause), ms(13_400));
        assert_eq!(app.next_wake(ms(13_500)), None, "paused in a move: nothing moves");
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
    fn a_signal_or_ctrl_c_stops_even_with_the_help_open() {
        let t0 = Instant::now();
        let mut app = app(t0);
        app.handle(Action::ToggleHelp, t0 + Duration::from_secs(1));
        let (events, flow) = app.handle(Action::Stop, t0 + Duration::from_secs(2));
        assert_eq!(flow, Flow::Exit);
        assert_eq!(events, vec![Event::Finished { completed: false }]);
        assert_eq!(app.help, None);
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
        let mut app = app(t0).without_checkin();
        let end = t0 + app.session.plan().total();
        let (_, flow) = app.handle(Action::Confirm, t0 + Duration::from_secs(10));
        assert_eq!(flow, Flow::Continue, "Enter does nothing mid-session");
        app.tick(end);
        assert!(app.session.is_finished());
        let (_, flow) = app.handle(Action::Confirm, end + Duration::from_secs(30));
        assert_eq!(flow, Flow::Exit);
        assert!(app.session.summary(end).completed);
    }

    fn completed(t0: Instant) -> (App, Instant) {
        let mut app = app(t0);
        let end = t0 + app.session.plan().total();
        app.tick(end);
        (app, end)
    }

    #[test]
    fn a_completed_session_asks_pain_then_effort_then_waits_to_exit() {
        let t0 = Instant::now();
        let (mut app, end) = completed(t0);
        assert_eq!(app.question(), Some(Question::Pain));
        app.handle(Action::Effort(Effort::Easy), end);
        assert_eq!(app.question(), Some(Question::Pain), "an effort key does not answer the pain question");
        app.handle(Action::Pain(Pain::new(3).unwrap()), end);
        assert_eq!(app.question(), Some(Question::Effort));
        let (_, flow) = app.handle(Action::Effort(Effort::Hard), end);
        assert_eq!(flow, Flow::Continue);
        assert_eq!(app.question(), None);
        assert_eq!(app.answers(), Checkin { pain: Pain::new(3), effort: Some(Effort::Hard), ..Checkin::default() });
        let (_, flow) = app.handle(Action::Confirm, end);
        assert_eq!(flow, Flow::Exit);
    }

    #[test]
    fn enter_skips_each_question() {
        let t0 = Instant::now();
        let (mut app, end) = completed(t0);
        app.handle(Action::Confirm, end);
        assert_eq!(app.question(), Some(Question::Effort));
        app.handle(Action::Effort(Effort::AboutRight), end);
        assert_eq!(app.answers(), Checkin { effort: Some(Effort::AboutRight), ..Checkin::default() });
        assert!(!app.exiting());
    }

    #[test]
    fn quit_during_the_checkin_exits_with_the_answers_given() {
        let t0 = Instant::now();
        let (mut app, end) = completed(t0);
        app.handle(Action::Pain(Pain::new(10).unwrap()), end);
        let (_, flow) = app.handle(Action::Quit, end);
        assert_eq!(flow, Flow::Exit);
        assert_eq!(app.answers(), Checkin { pain: Pain::new(10), ..Checkin::default() });
    }

    #[test]
    fn no_checkin_when_stopped_early_turned_off_or_still_running() {
        let t0 = Instant::now();
        let mut running = app(t0);
        running.handle(Action::Pain(Pain::new(2).unwrap()), t0);
        assert_eq!((running.question(), running.answers()), (None, Checkin::default()));
        let mut stopped = app(t0);
        stopped.handle(Action::Quit, t0 + Duration::from_secs(20));
        assert_eq!(stopped.question(), None);
        let (off, _) = completed(t0);
        assert_eq!(off.without_checkin().question(), None);
    }
}
