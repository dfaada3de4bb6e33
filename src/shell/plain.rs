//! The session as lines of text: for pipes, logs and screen readers.
//!
//! One line as each phase starts, and a line for each thing the voice says besides ("Switch
//! sides", the countdown "3", "2", "1", "Session complete"), each flushed at once. No escape
//! codes reach standard output; the bell, when wanted, goes to standard error and only if that
//! is a terminal.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Instant;

use crate::domain::cues;
use crate::domain::plan::{self, Plan};
use crate::domain::session::{Command, Event, Session, Summary};
use crate::failure::Failure;
use crate::shell::announce::Announcer;
use crate::shell::input::{self, Input};

/// Runs the whole session, printing as it goes. Returns its summary, and whether standard
/// output is still open: a closed one (a reader that went away) stops the session early.
pub fn run(plan: Plan, announcer: Announcer, out: &mut impl Write) -> Result<(Summary, bool), Failure> {
    let inputs = input::spawn(false).map_err(Failure::io("listening for keys and signals"))?;
    let ring = io::stderr().is_terminal();
    let mut announcer = announcer;
    let mut session = Session::start(plan, Instant::now());
    let printed = (|| -> io::Result<()> {
        for line in plan::overview(session.plan()) {
            writeln!(out, "{line}")?;
        }
        let mut events = vec![Event::PhaseStarted(0)];
        loop {
            let now = Instant::now();
            events.extend(session.tick(now));
            for event in events.drain(..) {
                for line in cues::lines(session.plan(), event) {
                    writeln!(out, "{line}")?;
                }
                out.flush()?;
                if let Some(notice) = announcer.announce(session.plan(), event, now) {
                    let _ = writeln!(io::stderr(), "trunkrot: {notice}");
                }
            }
            if announcer.due(now) > 0 && ring {
                ring_bell();
            }
            // Nothing shows the seconds here: sleep until the next countdown second or the
            // phase's end; after the end, only until the last bell.
            let Some(wake) = announcer.wake(session.next_event(now)) else {
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
        Ok(()) => Ok((session.summary(Instant::now()), true)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            session.apply(Command::Stop, Instant::now());
            Ok((session.summary(Instant::now()), false))
        }
        Err(e) => Err(Failure::output(e)),
    }
}

fn ring_bell() {
    let mut err = io::stderr().lock();
    let _ = err.write_all(b"\x07").and_then(|()| err.flush());
}
