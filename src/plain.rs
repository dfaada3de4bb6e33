//! The session as lines of text, one per phase: for pipes, logs and screen readers.
//!
//! Each line is flushed as its phase starts. No escape codes reach standard output; the bell,
//! when wanted, goes to standard error and only if that is a terminal.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Instant;

use crate::cues::{self, Options};
use crate::failure::Failure;
use crate::input::{self, Input};
use crate::plan::{self, Plan};
use crate::session::{Command, Event, Session, State, Summary};

/// Runs the whole session, printing as it goes. Returns `None` if standard output was closed.
pub fn run(plan: Plan, options: &Options, out: &mut impl Write) -> Result<Option<Summary>, Failure> {
    let inputs = input::spawn(false)?;
    let ring = !options.quiet && io::stderr().is_terminal();
    let mut session = Session::start(plan, Instant::now());
    let printed = (|| -> io::Result<()> {
        for line in plan::overview(session.plan()) {
            writeln!(out, "{line}")?;
        }
        print_event(out, &session, Event::PhaseStarted(0))?;
        loop {
            let now = Instant::now();
            for event in session.tick(now) {
                print_event(out, &session, event)?;
                if ring {
                    ring_bells(cues::bells(session.plan(), event, options));
                }
            }
            // Nothing shows the seconds here: sleep until the phase ends.
            let State::Running { ends_at: wake, .. } = session.state() else {
                return Ok(());
            };
            match inputs.recv_timeout(wake.saturating_duration_since(Instant::now())) {
                Ok(Input::Interrupt | Input::Terminate | Input::HangUp) => {
                    session.apply(Command::Stop, Instant::now());
                    return Ok(());
                }
                Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
    })();
    match printed {
        Ok(()) => Ok(Some(session.summary(Instant::now()))),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn print_event(out: &mut impl Write, session: &Session, event: Event) -> io::Result<()> {
    if let Event::PhaseStarted(index) = event {
        writeln!(out, "{}", plan::describe(session.plan(), index))?;
        out.flush()?;
    }
    Ok(())
}

fn ring_bells(count: usize) {
    if count > 0 {
        let mut err = io::stderr().lock();
        let _ = err.write_all(&b"\x07\x07\x07"[..count.min(3)]).and_then(|()| err.flush());
    }
}
