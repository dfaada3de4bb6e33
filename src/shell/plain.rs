//! The session as lines of text, a front end of the session runner: for pipes, logs and screen
//! readers.
//!
//! One line as each phase starts, and a line for each thing the voice says besides ("Switch
//! sides", the countdown "3", "2", "1", "Session complete"), each flushed at once. No escape
//! codes reach standard output; the bell, when wanted, goes to standard error and only if that
//! is a terminal. In a terminal, the check-in is asked as lines, in the screen's words: a
//! question, the answer typed and Enter.

use crate::domain::width;
use std::io::{self, IsTerminal, Write};
use std::time::Instant;

use signal_hook::consts::SIGINT;

use crate::domain::checkin::form::{Form, Question};
use crate::domain::checkin::{Checkin, Why};
use crate::domain::cues::{self, Voicing};
use crate::domain::plan::{self, Plan};
use crate::domain::session::{Command, Event, Session};
use crate::failure::Failure;
use crate::history::next_step::{self, StopRule, Suggestion};
use crate::shell::announce::Announcer;
use crate::shell::input::{Input, LineReader, Listening};
use crate::shell::job;
use crate::shell::runner::{self, Clock, Ended, Ending, Front, Keeping, Kept, Reply, Runner, Saved};

/// Said when Ctrl-C stops the session and plain mode goes on to its questions.
pub const STOPPED: &str = "Stopped.";

/// What a plain session did and how it ended.
pub struct Outcome {
    /// The session as kept.
    pub ended: Ended,
    pub ending: Ending,
    /// Standard output is still open: a closed one (a reader that went away) stops the session
    /// early, and the summary has nowhere to go.
    pub reader: bool,
}

/// Which check-in plain mode asks: only in a terminal, which the caller judges.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Asking {
    /// The questions after the session.
    pub after: bool,
    /// The pain before it; the session waits for the answer.
    pub before: bool,
}

/// Writes a notice to standard error, `trunkrot: ` first, wrapped at its words to `columns`.
pub fn tell(notice: &str, columns: usize) {
    let _ = write!(io::stderr(), "{}", width::wrap_lines(&format!("trunkrot: {notice}\n"), columns));
}

/// Runs the whole session, printing as it goes, keeps its record as it ends, and asks the
/// check-in as `asking` says.
pub fn run(
    plan: Plan,
    announcer: Announcer,
    keeping: Keeping,
    asking: Asking,
    clock: &dyn Clock,
    out: &mut dyn Write,
    listening: Listening,
) -> Result<Outcome, Failure> {
    let reader = listening.lines();
    let mut inputs = listening.inputs;
    let stop_rule = keeping.stop.clone();
    let runner = Runner::new(announcer, keeping);
    let runner = if asking.before { runner.waiting() } else { runner };
    let start = clock.now();
    let mut lines = Lines {
        session: Session::start(plan, start),
        clock,
        out,
        ring: io::stderr().is_terminal(),
        columns: crate::shell::columns::width(),
        voicing: runner.announcer().voicing(),
        error: None,
        asking,
        form: Form::none(Checkin::default()),
        waiting: false,
        prompted: false,
        warned: None,
        reader,
        stop_rule,
    };
    if asking.before {
        lines.form = Form::before();
        lines.waiting = true;
        lines.session.apply(Command::Pause, start);
        lines.reader.start();
    }
    let overview = plan::text::overview(lines.session.plan());
    for line in overview {
        if let Err(e) = write!(lines.out, "{}", width::wrap_lines(&line, lines.columns)) {
            lines.error = Some(e);
            break;
        }
    }
    let (ended, ending) = runner::run(runner, &mut lines, clock, &mut inputs);
    match lines.error {
        None => Ok(Outcome { ended, ending, reader: true }),
        // A reader that went away: the session is kept, and there is no one to tell.
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome { ended, ending: Ending::Left, reader: false }),
        Some(e) => Err(Failure::output(e)),
    }
}

/// Plain mode's front end: the session, and where its lines go.
struct Lines<'a> {
    session: Session,
    /// For the time after a stop: plain mode reads no clock of its own.
    clock: &'a dyn Clock,
    out: &'a mut dyn Write,
    /// Whether the bell is rung (on standard error, when that is a terminal).
    ring: bool,
    /// The width lines wrap to, at their words.
    columns: usize,
    /// How the voice chooses its words, for printing the same ones.
    voicing: Voicing,
    /// The first failure to write: the end of plain mode.
    error: Option<io::Error>,
    asking: Asking,
    /// The check-in: the pain before while the session waits for it, then the questions after.
    form: Form,
    /// The session waits, paused, for the pain before it.
    waiting: bool,
    /// The question asked now has been printed.
    prompted: bool,
    /// The warnings already printed, so each is said once, as soon as it applies; `None` until
    /// the session has ended and been kept.
    warned: Option<Vec<Suggestion>>,
    reader: LineReader,
    /// The programme's rule for stopping, for what a pain before the session calls for.
    stop_rule: Option<StopRule>,
}

impl Lines<'_> {
    fn print(&mut self, events: &[Event]) -> io::Result<()> {
        for event in events {
            for line in cues::lines(self.session.plan(), *event, self.voicing) {
                write!(self.out, "{}", width::wrap_lines(&line, self.columns))?;
            }
            self.out.flush()?;
        }
        if let Some(question) = self.form.question().filter(|_| !self.prompted) {
            // On its own line, the answer typed after it.
            write!(self.out, "{} ", self.form.prompt(question))?;
            self.out.flush()?;
            self.prompted = true;
        }
        Ok(())
    }

    /// Takes a line typed (or the end of the input) as the answer to the question asked, and
    /// starts the session that waited for the pain before it.
    fn answer(&mut self, line: Option<String>, now: Instant) -> Vec<Event> {
        match line {
            Some(line) => {
                if let Err(hint) = self.form.answer_line(&line) {
                    let _ = writeln!(self.out, "({hint})");
                }
            }
            // Nothing more can be typed: the questions are over.
            None => self.form.close(),
        }
        self.prompted = false;
        if self.waiting && self.form.question().is_none() {
            self.waiting = false;
            // A pain before at the programme's line or high is said as the session starts.
            let pain = self.form.answers().0.pain_before;
            if let Some(told) = pain.and_then(|pain| next_step::before_start(pain, self.stop_rule.as_ref())) {
                let _ = write!(self.out, "{}", width::wrap_lines(&format!("{told}\n"), self.columns));
            }
            return self.session.apply(Command::Resume, now);
        }
        Vec::new()
    }
}

impl Front for Lines<'_> {
    fn session(&self) -> &Session {
        &self.session
    }

    fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    fn show(&mut self, events: &[Event], notice: Option<&str>, _now: Instant) -> Result<(), String> {
        if let Some(notice) = notice {
            tell(notice, self.columns);
        }
        if self.error.is_some() {
            return Err("standard output failed".to_owned());
        }
        self.print(events).map_err(|e| {
            let reason = e.to_string();
            self.error = Some(e);
            reason
        })
    }

    fn ring(&mut self) -> Result<(), String> {
        if self.ring {
            let mut err = io::stderr().lock();
            let _ = err.write_all(b"\x07").and_then(|()| err.flush());
        }
        Ok(())
    }

    fn wake(&self, now: Instant) -> Option<Instant> {
        // Nothing shows the seconds here: sleep until the next countdown second or the phase's
        // end.
        self.session.next_event(now)
    }

    fn input(&mut self, input: Input, now: Instant) -> Reply {
        match input {
            Input::Line(line) => Reply { events: self.answer(line, now), ..Reply::default() },
            _ => Reply::default(),
        }
    }

    fn suspend(&mut self, now: Instant) -> (Vec<Event>, bool) {
        // Paused while stopped, so the stop costs no time.
        let mut events = self.session.apply(Command::Pause, now);
        job::stop();
        events.extend(self.session.apply(Command::Resume, self.clock.now().max(now)));
        (events, true)
    }

    fn continued(&mut self, _now: Instant) -> (Vec<Event>, bool) {
        (Vec::new(), true)
    }

    fn take_back(&mut self) -> bool {
        true
    }

    fn interrupted(&mut self, signal: i32) {
        if signal == SIGINT && io::stdout().is_terminal() {
            // The terminal has echoed `^C` where the next line would start.
            let _ = writeln!(self.out);
        }
    }

    fn stop_for(&mut self, signal: i32, now: Instant) -> Option<Vec<Event>> {
        // Stopped from the keyboard with the check-in to follow: asked why, as `q` on the
        // screen is. A second Ctrl-C, during the questions, leaves at once.
        let asks = signal == SIGINT && self.asking.after && !self.session.is_finished() && job::in_foreground();
        asks.then(|| {
            // A phase whose end has passed ended before the stop: a hold run to its end is done,
            // and a session whose end came first has nothing left to stop.
            let mut events = self.session.tick(now);
            if self.session.is_finished() {
                return events;
            }
            self.interrupted(signal);
            let _ = writeln!(self.out, "{STOPPED}");
            if self.waiting {
                // Stopped at the pain before: the session never began, and that question
                // goes unanswered, not waited for.
                self.waiting = false;
                self.form.close();
            }
            events.extend(self.session.apply(Command::Stop, now));
            events
        })
    }

    fn kept(&mut self, kept: Kept) {
        let first = self.warned.is_none();
        if first && self.asking.after && !matches!(kept.saved, Saved::NothingDone(_)) && job::in_foreground() {
            let stopped = !self.session.summary(self.clock.now()).reached_end;
            self.form = Form::after(stopped, self.session.worked_a_side(), self.form.answers().0).with_psfs(&kept.psfs);
            self.prompted = false;
            self.reader.start();
        }
        // What calls for less or for a stop is said at once, as the screen shows it.
        let warned = self.warned.get_or_insert_with(Vec::new);
        for warning in kept.advice.into_iter().filter(Suggestion::is_warning) {
            if !warned.contains(&warning) {
                let _ = write!(self.out, "\n{}", width::wrap_lines(&warning.to_string(), self.columns));
                self.prompted = false;
                warned.push(warning);
            }
        }
    }

    fn answers(&self) -> (Checkin, Option<Why>) {
        self.form.answers()
    }

    fn question(&self) -> Option<(Question, String)> {
        self.form.question().map(|question| (question, cues::question_words(&self.form, question)))
    }

    fn done(&self, ended: &Ended) -> bool {
        // Bells nobody hears are not waited for. The last words and tones are, briefly, or
        // "Session complete" would be cut.
        let asked = self.form.question().is_none() || self.error.is_some();
        asked && (self.error.is_some() || !(ended.sounding() || self.ring && ended.ringing()))
    }
}
