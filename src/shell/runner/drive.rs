//! The runner's one loop, for both front ends: read `now`, move the session on, announce, show,
//! wait for the next input or deadline, hand keys and lines to the front end; then, however the
//! session ends, [`Runner::finish`] it once, and run the check-in until the user leaves.
//!
//! Signals, a closed input and stops from outside are the loop's; what a key or a typed line
//! means is the front end's ([`Front::input`]).

use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use crate::domain::checkin::{Checkin, Why};
use crate::domain::session::{Event, Session};
use crate::shell::input::{Input, Inputs};
use crate::shell::runner::{Clock, Ended, Kept, Runner};

/// How often a session continued in the background looks whether it is in the foreground.
const AWAY_CHECK: Duration = Duration::from_millis(200);

/// How the run ended, for the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The user left: the done screen, or plain mode's end.
    Left,
    /// Ctrl-C or a terminating signal, by its number.
    Signal(i32),
    /// The terminal or the output failed or went away, or drawing panicked: why.
    Lost(String),
}

/// What a front end made of an input.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reply {
    /// What the input did to the session, to announce.
    pub events: Vec<Event>,
    /// Ctrl-C read as a key: end at once, as SIGINT would.
    pub signal: Option<i32>,
    /// Ctrl-Z read as a key: give the terminal back and stop, as SIGTSTP would.
    pub suspend: bool,
}

/// What a front end (the screen, plain mode, a test's) gives the loop. It owns the session it
/// shows; the loop moves it on through the runner.
pub trait Front {
    fn session(&self) -> &Session;
    fn session_mut(&mut self) -> &mut Session;
    /// Shows the state as of `now`: the session's `events` since the last showing (the end's
    /// included, when the runner finishes), and a `notice` to tell, if any. An error is the
    /// output gone, and why.
    fn show(&mut self, events: &[Event], notice: Option<&str>, now: Instant) -> Result<(), String>;
    /// Rings the terminal bell once; an error is the output gone, and why.
    fn ring(&mut self) -> Result<(), String>;
    /// When the front must show something new without input besides the session's events (the
    /// next displayed second, a figure's frame).
    fn wake(&self, now: Instant) -> Option<Instant>;
    /// A key, a resize or a typed line, at `now`.
    fn input(&mut self, input: Input, now: Instant) -> Reply;
    /// A stop (Ctrl-Z or from outside): pauses, gives the terminal back and stops the process
    /// until continued. Returns the events and whether the terminal is the front's again.
    fn suspend(&mut self, now: Instant) -> (Vec<Event>, bool);
    /// Continued after a stop it did not see coming: the same return as [`suspend`](Self::suspend).
    fn continued(&mut self, now: Instant) -> (Vec<Event>, bool);
    /// While in the background: whether the terminal is the front's again.
    fn take_back(&mut self) -> bool;
    /// A signal is ending the session at once.
    fn interrupted(&mut self, _signal: i32) {}
    /// What was kept, once the session has ended, and again after each answer.
    fn kept(&mut self, kept: Kept);
    /// The check-in's answers so far, and why a session stopped early was stopped.
    fn answers(&self) -> (Checkin, Option<Why>);
    /// After the end: whether the loop may return (the user left, and nothing it must wait
    /// for is still sounding).
    fn done(&self, ended: &Ended) -> bool;
}

/// Runs the session to its end through `runner`, keeps it, then runs the check-in until the
/// user leaves. However it ends (the end, q, a signal, a lost terminal), the session is kept
/// exactly once, by [`Runner::finish`].
///
/// A panic in the loop (a bug) ends the session as a lost terminal would: it is still kept.
pub fn run(mut runner: Runner, front: &mut dyn Front, clock: &dyn Clock, inputs: &mut dyn Inputs) -> (Ended, Ending) {
    let ran = panic::catch_unwind(AssertUnwindSafe(|| session(&mut runner, &mut *front, clock, &mut *inputs)));
    let (why, ending) = ran.unwrap_or_else(|_| (Some(Why::Lost), Some(Ending::Lost(BUG.to_owned()))));
    let ended = runner.finish(front, clock.now(), why);
    if let Some(ending) = ending {
        return (ended, ending);
    }
    if let Some(reason) = ended.lost() {
        let reason = reason.to_owned();
        return (ended, Ending::Lost(reason));
    }
    // Each answer is saved as it is given, so a panic on the done screen loses none of them.
    let mut ended = ended;
    let ran = panic::catch_unwind(AssertUnwindSafe(|| after(&mut ended, front, clock, inputs)));
    let ending = ran.unwrap_or_else(|_| Ending::Lost(BUG.to_owned()));
    (ended, ending)
}

/// What a panic in the loop is said to be.
const BUG: &str = "the session failed (a bug; the session was saved)";

/// What the next wait is for: the deadline, and while away, a look at the terminal soon.
fn wake(deadline: Option<Instant>, away: bool, now: Instant) -> Option<Instant> {
    if away {
        // `fg` on a job running in the background sends no signal: look again soon.
        let check = now + AWAY_CHECK;
        Some(deadline.map_or(check, |deadline| deadline.min(check)))
    } else {
        deadline
    }
}

/// The session's turns until it ends: by itself or the user's stop (no reason yet), or by a
/// signal or a lost terminal (with the ending it forces).
fn session(
    runner: &mut Runner,
    front: &mut dyn Front,
    clock: &dyn Clock,
    inputs: &mut dyn Inputs,
) -> (Option<Why>, Option<Ending>) {
    // While stopped or in the background, the terminal is the shell's: nothing is shown.
    let mut away = false;
    loop {
        let now = clock.now();
        let turn = runner.turn(front.session_mut(), now);
        if !away {
            let shown = front.show(&turn.events, turn.notice.as_deref(), now);
            let rung = if turn.bells > 0 { front.ring() } else { Ok(()) };
            if let Err(reason) = shown.and(rung) {
                return (Some(Why::Lost), Some(Ending::Lost(reason)));
            }
        }
        if front.session().is_finished() {
            return (None, None);
        }
        let input = inputs.next(wake(runner.wake(front.wake(now)), away, now));
        let now = clock.now();
        let reply = match input {
            None if away => {
                away = !front.take_back();
                continue;
            }
            None => continue,
            Some(Input::Signal(number)) => {
                front.interrupted(number);
                return (Some(Why::Signal), Some(Ending::Signal(number)));
            }
            Some(Input::Closed) => {
                return (Some(Why::Lost), Some(Ending::Lost("the terminal's input closed".to_owned())));
            }
            Some(Input::Suspend) => Reply { suspend: true, ..Reply::default() },
            Some(Input::Continue) => {
                let (events, back) = front.continued(now);
                runner.push(events);
                away = !back;
                continue;
            }
            Some(other) => front.input(other, now),
        };
        runner.push(reply.events);
        if let Some(number) = reply.signal {
            front.interrupted(number);
            return (Some(Why::Signal), Some(Ending::Signal(number)));
        }
        if reply.suspend {
            let (events, back) = front.suspend(now);
            runner.push(events);
            away = !back;
        }
    }
}

/// After the session is kept: the done screen or plain mode's questions, each change of the
/// answers saved as it is given, until the front end is done.
fn after(ended: &mut Ended, front: &mut dyn Front, clock: &dyn Clock, inputs: &mut dyn Inputs) -> Ending {
    front.kept(ended.kept());
    let mut answers = front.answers();
    let mut notice: Option<String> = None;
    let mut away = false;
    loop {
        let now = clock.now();
        let turn = ended.turn(now);
        if !away {
            let told = notice.take().or(turn.notice);
            let shown = front.show(&[], told.as_deref(), now);
            let rung = if turn.bells > 0 { front.ring() } else { Ok(()) };
            if let Err(reason) = shown.and(rung) {
                return Ending::Lost(reason);
            }
        }
        if front.done(ended) {
            return Ending::Left;
        }
        let input = inputs.next(wake(ended.wake(front.wake(now)), away, now));
        let now = clock.now();
        let reply = match input {
            None if away => {
                away = !front.take_back();
                continue;
            }
            None => continue,
            Some(Input::Signal(number)) => {
                front.interrupted(number);
                return Ending::Signal(number);
            }
            Some(Input::Closed) => return Ending::Lost("the terminal's input closed".to_owned()),
            Some(Input::Suspend) => Reply { suspend: true, ..Reply::default() },
            Some(Input::Continue) => {
                away = !front.continued(now).1;
                continue;
            }
            Some(other) => front.input(other, now),
        };
        if let Some(number) = reply.signal {
            front.interrupted(number);
            return Ending::Signal(number);
        }
        let given = front.answers();
        if given != answers {
            answers = given;
            notice = ended.answer(&answers.0, answers.1);
            front.kept(ended.kept());
        }
        if reply.suspend {
            away = !front.suspend(now).1;
        }
    }
}
