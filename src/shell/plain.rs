//! The session as lines of text: for pipes, logs and screen readers.
//!
//! One line as each phase starts, and a line for each thing the voice says besides ("Switch
//! sides", the countdown "3", "2", "1", "Session complete"), each flushed at once. No escape
//! codes reach standard output; the bell, when wanted, goes to standard error and only if that
//! is a terminal.

use std::io::{self, IsTerminal, Write};
use std::time::Instant;

use signal_hook::consts::SIGINT;

use crate::domain::cues;
use crate::domain::plan::{self, Plan};
use crate::domain::session::{Command, Session};
use crate::domain::summary::Summary;
use crate::failure::Failure;
use crate::shell::announce::Announcer;
use crate::shell::input::{self, Input, Inputs};
use crate::shell::job;
use crate::shell::step::{Keeper, Stepper};

/// What a plain session did and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub summary: Summary,
    /// Standard output is still open: a closed one (a reader that went away) stops the session
    /// early, and the summary has nowhere to go.
    pub reader: bool,
    /// The terminating signal that ended it, if one did.
    pub signal: Option<i32>,
    /// What went wrong with sound, for the summary.
    pub sound: Vec<String>,
}

/// Runs the whole session, printing as it goes, and keeps its record through `keeper` the
/// moment it ends.
pub fn run(
    plan: Plan,
    announcer: Announcer,
    out: &mut impl Write,
    keeper: &mut dyn Keeper,
) -> Result<Outcome, Failure> {
    let mut inputs = input::spawn(false).map_err(Failure::io("listening for keys and signals"))?;
    let ring = io::stderr().is_terminal();
    let mut stepper = Stepper::new(announcer);
    let mut session = Session::start(plan, Instant::now());
    let mut signal = None;
    let printed = (|| -> io::Result<()> {
        for line in plan::text::overview(session.plan()) {
            writeln!(out, "{line}")?;
        }
        loop {
            let now = Instant::now();
            let turn = stepper.turn(&mut session, now, keeper);
            for event in turn.events {
                for line in cues::lines(session.plan(), event, stepper.announcer().rate()) {
                    writeln!(out, "{line}")?;
                }
                out.flush()?;
            }
            if let Some(notice) = turn.notice {
                let _ = writeln!(io::stderr(), "trunkrot: {notice}");
            }
            if turn.bells > 0 && ring {
                ring_bell();
            }
            // Bells nobody hears are not waited for: the session is over, and kept. Its last
            // words and tones are, briefly, or "Session complete" would be cut.
            if session.is_finished() && !(ring && stepper.ringing()) && !stepper.sounding() {
                return Ok(());
            }
            // Nothing shows the seconds here: sleep until the next countdown second or the
            // phase's end; after the end, only until the last sound and words are over.
            let wake = stepper.wake(session.next_event(now));
            match inputs.next(wake) {
                Some(Input::Signal(number)) => {
                    if number == SIGINT && io::stdout().is_terminal() {
                        // The terminal has echoed `^C` where the next line would start.
                        writeln!(out)?;
                    }
                    signal = Some(number);
                    stepper.push(session.apply(Command::Stop, Instant::now()));
                }
                Some(Input::Suspend) => {
                    // Paused while stopped, so the stop costs no time.
                    stepper.push(session.apply(Command::Pause, Instant::now()));
                    job::stop();
                    stepper.push(session.apply(Command::Resume, Instant::now()));
                }
                // Only if the signal thread has died; without it nothing could stop the session.
                Some(Input::Closed) => stepper.push(session.apply(Command::Stop, Instant::now())),
                Some(Input::Key(_) | Input::Resize | Input::Continue) | None => {}
            }
        }
    })();
    let sound = stepper.announcer().problems().to_vec();
    match printed {
        Ok(()) => Ok(Outcome { summary: session.summary(Instant::now()), reader: true, signal, sound }),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            let now = Instant::now();
            stepper.push(session.apply(Command::Stop, now));
            stepper.keep(&session, now, keeper);
            Ok(Outcome { summary: session.summary(now), reader: false, signal, sound })
        }
        Err(e) => {
            let now = Instant::now();
            stepper.push(session.apply(Command::Stop, now));
            stepper.keep(&session, now, keeper);
            Err(Failure::output(e))
        }
    }
}

fn ring_bell() {
    let mut err = io::stderr().lock();
    let _ = err.write_all(b"\x07").and_then(|()| err.flush());
}
