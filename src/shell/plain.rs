//! The session as lines of text, a front end of the session runner: for pipes, logs and screen
//! readers.
//!
//! One line as each phase starts, and a line for each thing the voice says besides ("Switch
//! sides", the countdown "3", "2", "1", "Session complete"), each flushed at once. No escape
//! codes reach standard output; the bell, when wanted, goes to standard error and only if that
//! is a terminal.

use std::io::{self, IsTerminal, Write};
use std::time::Instant;

use signal_hook::consts::SIGINT;

use crate::domain::checkin::{Checkin, Why};
use crate::domain::cues::{self, voice::Rate};
use crate::domain::plan::{self, Plan};
use crate::domain::session::{Command, Event, Session};
use crate::failure::Failure;
use crate::shell::announce::Announcer;
use crate::shell::input::{self, Input};
use crate::shell::job;
use crate::shell::runner::{self, Clock, Ended, Ending, Front, Keeping, Kept, Reply, Runner};

/// What a plain session did and how it ended.
pub struct Outcome {
    /// The session as kept.
    pub ended: Ended,
    pub ending: Ending,
    /// Standard output is still open: a closed one (a reader that went away) stops the session
    /// early, and the summary has nowhere to go.
    pub reader: bool,
}

/// Runs the whole session, printing as it goes, and keeps its record as it ends.
pub fn run(
    plan: Plan,
    announcer: Announcer,
    keeping: Keeping,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<Outcome, Failure> {
    let mut inputs = input::spawn(false).map_err(Failure::io("listening for keys and signals"))?;
    let runner = Runner::new(announcer, keeping);
    let mut lines = Lines {
        session: Session::start(plan, clock.now()),
        clock,
        out,
        ring: io::stderr().is_terminal(),
        rate: runner.announcer().rate(),
        error: None,
    };
    let overview = plan::text::overview(lines.session.plan());
    for line in overview {
        if let Err(e) = writeln!(lines.out, "{line}") {
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
    rate: Rate,
    /// The first failure to write: the end of plain mode.
    error: Option<io::Error>,
}

impl Lines<'_> {
    fn print(&mut self, events: &[Event]) -> io::Result<()> {
        for event in events {
            for line in cues::lines(self.session.plan(), *event, self.rate) {
                writeln!(self.out, "{line}")?;
            }
            self.out.flush()?;
        }
        Ok(())
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
            let _ = writeln!(io::stderr(), "trunkrot: {notice}");
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

    fn input(&mut self, _input: Input, _now: Instant) -> Reply {
        Reply::default()
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

    fn kept(&mut self, _kept: Kept) {}

    fn answers(&self) -> (Checkin, Option<Why>) {
        (Checkin::default(), None)
    }

    fn done(&self, ended: &Ended) -> bool {
        // Bells nobody hears are not waited for. The last words and tones are, briefly, or
        // "Session complete" would be cut.
        self.error.is_some() || !(ended.sounding() || self.ring && ended.ringing())
    }
}
