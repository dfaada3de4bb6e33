//! The interactive session's whole state: the session plus what only the screen knows (the help
//! overlay, the question to stop, the check-in, the done screen). Pure: the terminal loop feeds
//! it actions and the time.

use std::time::{Duration, Instant};

use crate::domain::checkin::form::{Form, Question};
use crate::domain::checkin::{Checkin, Why};
use crate::domain::session::{Command, Event, Session, State};
use crate::history::next_step::{self, StopRule};
use crate::shell::runner::{Kept, Saved};

/// How long a notice from the shell stays in full on screen, unless a key is pressed first.
pub const NOTICE_FOR: Duration = Duration::from_secs(10);

/// How long "Stop here?" waits for its answer: time to reach the keyboard and press q again,
/// while a q pressed by mistake, from the mat, hides the countdown for no longer.
pub const STOP_ASKED_FOR: Duration = Duration::from_secs(8);

/// What a key asks for, before it is known what it means in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Session(Command),
    ToggleHelp,
    ScrollHelp(i16),
    /// Scrolls the help by whole pages of what is on screen: -1 up, 1 down.
    PageHelp(i16),
    /// q: close the help; in a session, ask whether to stop, and stop once asked; in the
    /// check-in or on the done screen, leave.
    Quit,
    /// Esc: close what is open (the help, the question to stop, the check-in); leave the done
    /// screen. Never ends a session.
    Close,
    /// Ctrl-C, SIGINT, SIGTERM or a lost terminal: stop early and leave, whatever is shown.
    Stop,
    /// Enter: take the answer typed; leave the done screen.
    Confirm,
    /// Ctrl-Z: the shell suspends the process; the session pauses first.
    Suspend,
    /// A character typed into the check-in's answer.
    Type(char),
    /// Backspace: takes back the last character typed.
    Erase,
    /// Back to the check-in's question before.
    Previous,
    /// On to the check-in's next question, its answer kept.
    Next,
    /// On the done screen: ask the check-in again, to change the answers.
    Change,
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

/// Whether the user is on the way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quit {
    No,
    /// q was pressed once in a session: "Stop here?" is asked, until the session ends or
    /// this time comes.
    Asked(Instant),
    /// The user has left (or Ctrl-C).
    Leaving,
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
    /// Whether the check-in is asked (not with `--no-checkin`).
    asks: bool,
    /// The check-in: the pain before the session while it waits for it, then, once the
    /// session is kept, the questions after it.
    form: Form,
    /// The session waits, paused, for the pain before it.
    waiting: bool,
    quit: Quit,
    /// A one-line notice from the shell, e.g. that no speech command was found.
    pub notice: Option<String>,
    /// Until when the notice is shown in full (then as a marker): [`NOTICE_FOR`] after it came,
    /// or until a key is pressed.
    notice_until: Option<Instant>,
    /// Where the session stands in the programme's day (`Today 2 of 4`), shown while getting
    /// ready.
    pub today: Option<String>,
    /// Once the session has ended: whether it was saved, and the advice, as the runner kept it.
    pub kept: Option<Kept>,
    /// The programme's rule for stopping, for what a pain before the session calls for.
    pub stop_rule: Option<StopRule>,
}

impl App {
    /// An app that asks the check-in questions once the session is kept.
    pub fn new(session: Session) -> Self {
        App {
            session,
            help: None,
            // Until the first drawing measures it: no end yet, and pages of 10 lines.
            help_size: HelpSize { end: u16::MAX, page: 10 },
            paused_by_help: false,
            asks: true,
            form: Form::none(Checkin::default()),
            waiting: false,
            quit: Quit::No,
            notice: None,
            notice_until: None,
            today: None,
            kept: None,
            stop_rule: None,
        }
    }

    /// Shows a notice from the shell (a voice that failed, a history that cannot be written)
    /// at `now`: in full for [`NOTICE_FOR`], long enough to be seen from the mat, or until a key
    /// is pressed; then as a marker, and in the help.
    pub fn tell(&mut self, notice: String, now: Instant) {
        self.notice = Some(notice);
        self.notice_until = Some(now + NOTICE_FOR);
    }

    /// Whether the notice is still shown in full at `now`.
    pub fn notice_is_new(&self, now: Instant) -> bool {
        self.notice.is_some() && self.notice_until.is_some_and(|until| now < until)
    }

    /// A key was pressed: the notice has been seen, and goes to its marker.
    pub fn notice_seen(&mut self) {
        self.notice_until = None;
    }

    /// The same app without the check-in (`--no-checkin`).
    #[must_use]
    pub fn without_checkin(mut self) -> Self {
        self.asks = false;
        self
    }

    /// The same app asking the pain before the session starts, at `now`: the get-ready
    /// countdown waits, paused, for the answer or for Enter.
    #[must_use]
    pub fn asking_before(mut self, now: Instant) -> Self {
        self.form = Form::before();
        self.waiting = true;
        self.session.apply(Command::Pause, now);
        self
    }

    /// The session has ended and the runner kept it: whether it was saved, and the advice.
    /// The first time, the check-in starts (why first if the user stopped it; which side hurt
    /// only after an exercise with sides was worked), unless there was nothing to keep.
    pub fn keep(&mut self, kept: Kept) {
        let first = self.kept.is_none();
        if first && self.asks && !matches!(kept.saved, Saved::NothingDone(_)) {
            let stopped = matches!(self.session.state(), State::Finished { completed: false, .. });
            self.form = Form::after(stopped, self.session.worked_a_side(), self.form.answers().0).with_psfs(&kept.psfs);
        } else if first {
            // Stopped before the pain before was answered: nothing more is asked.
            self.form.close();
        }
        self.kept = Some(kept);
    }

    /// The check-in question asked now, if any: the pain before the session while it waits,
    /// then the questions after it.
    pub fn question(&self) -> Option<Question> {
        (self.waiting || self.session.is_finished()).then(|| self.form.question()).flatten()
    }

    /// The check-in as it stands: what is typed, a hint.
    pub fn form(&self) -> &Form {
        &self.form
    }

    /// The check-in answers given so far.
    pub fn answers(&self) -> Checkin {
        self.form.answers().0
    }

    /// Why the user stopped the session early, if they said.
    pub fn why(&self) -> Option<Why> {
        self.form.answers().1
    }

    /// Whether "Stop here?" is asked at `now`: from the first q for [`STOP_ASKED_FOR`], and
    /// never once the session has run out (even before it is told so), so that the
    /// check-in's first answer is never taken as the question's.
    pub fn stopping(&self, now: Instant) -> bool {
        matches!(self.quit, Quit::Asked(until) if now < until) && !self.session.session_remaining(now).is_zero()
    }

    /// Whether the check-in can be asked again from the done screen: not when nothing was kept,
    /// as the answers would go nowhere.
    pub fn can_change(&self) -> bool {
        let kept = self.kept.as_ref().is_some_and(|kept| !matches!(kept.saved, Saved::NothingDone(_)));
        self.session.is_finished() && self.form.asks() && kept
    }

    /// Whether the user has left (early, or from the done screen).
    pub fn exiting(&self) -> bool {
        self.quit == Quit::Leaving
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
        let frame = crate::domain::motion::next_frame(&self.session, now);
        // A notice shown in full goes to its marker when its time is up, and "Stop here?" goes.
        let notice = self.notice_until.filter(|until| *until > now);
        let stop = match self.quit {
            Quit::Asked(until) if until > now => Some(until),
            _ => None,
        };
        [change, frame, notice, stop].into_iter().flatten().min()
    }

    /// Carries out an action at `now`, returning what happened to the session.
    pub fn handle(&mut self, action: Action, now: Instant) -> (Vec<Event>, Flow) {
        let mut events = self.session.tick(now);
        let asked = self.stopping(now);
        if matches!(self.quit, Quit::Asked(_)) {
            self.quit = Quit::No;
        }
        if asked {
            match action {
                // The second q: stop. Ctrl-C and Ctrl-Z act as ever; any other key goes on.
                Action::Quit => events.extend(self.session.apply(Command::Stop, now)),
                Action::Stop | Action::Suspend => events.extend(self.act(action, now)),
                _ => {}
            }
        } else {
            events.extend(self.act(action, now));
        }
        let flow = if self.quit == Quit::Leaving { Flow::Exit } else { Flow::Continue };
        (events, flow)
    }

    fn act(&mut self, action: Action, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        let asking = self.question().is_some();
        let finished = self.session.is_finished();
        match action {
            Action::ToggleHelp if self.help.is_some() => events.extend(self.close_help(now)),
            Action::ToggleHelp => {
                self.help = Some(0);
                if !self.session.is_paused() && !finished {
                    self.paused_by_help = true;
                    events.extend(self.session.apply(Command::Pause, now));
                }
            }
            Action::ScrollHelp(by) => self.scroll_help(by),
            Action::PageHelp(pages) => {
                let page = i16::try_from(self.help_size.page.max(1)).unwrap_or(i16::MAX);
                self.scroll_help(pages.saturating_mul(page));
            }
            Action::Quit | Action::Close if self.help.is_some() => events.extend(self.close_help(now)),
            Action::Quit if !finished => self.quit = Quit::Asked(now + STOP_ASKED_FOR),
            Action::Quit => self.quit = Quit::Leaving,
            Action::Close if asking => {
                self.form.close();
                events.extend(self.started(now));
            }
            Action::Close if finished => self.quit = Quit::Leaving,
            Action::Close => {}
            Action::Stop => {
                self.help = None;
                events.extend(self.session.apply(Command::Stop, now));
                self.quit = Quit::Leaving;
            }
            // Paused for the pain before the session, the footer says Space resumes: it starts.
            Action::Confirm | Action::Type(' ') if asking && self.waiting => {
                self.form.confirm();
                events.extend(self.started(now));
            }
            Action::Confirm if asking => {
                self.form.confirm();
                events.extend(self.started(now));
            }
            Action::Confirm if finished => self.quit = Quit::Leaving,
            Action::Confirm => {}
            Action::Type(c) if asking => self.form.type_char(c),
            Action::Erase if asking => self.form.erase(),
            Action::Previous if asking => self.form.previous(),
            Action::Next if asking => {
                self.form.next();
                events.extend(self.started(now));
            }
            Action::Change if self.can_change() => self.form.reopen(),
            Action::Type(_) | Action::Erase | Action::Previous | Action::Next | Action::Change => {}
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
        events
    }

    /// Starts the countdown that waited for the pain before the session, once that question is
    /// answered or closed.
    /// A pain before it at the programme's line or high is told as it starts.
    fn started(&mut self, now: Instant) -> Vec<Event> {
        if self.waiting && self.form.question().is_none() {
            self.waiting = false;
            let told =
                self.answers().pain_before.and_then(|pain| next_step::before_start(pain, self.stop_rule.as_ref()));
            if let Some(told) = told {
                self.tell(told, now);
            }
            return self.session.apply(Command::Resume, now);
        }
        Vec::new()
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

    fn close_help(&mut self, now: Instant) -> Vec<Event> {
        self.help = None;
        if std::mem::take(&mut self.paused_by_help) { self.session.apply(Command::Resume, now) } else { Vec::new() }
    }
}

#[cfg(test)]
mod tests;
