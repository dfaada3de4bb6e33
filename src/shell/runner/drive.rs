//! The runner's one loop, for both front ends: read `now`, move the session on, announce, show,
//! wait for the next input or deadline, hand keys and lines to the front end; then, however the
//! session ends, [`Runner::finish`] it once, and run the check-in until the user leaves.
//!
//! Signals, a closed input and stops from outside are the loop's; what a key or a typed line
//! means is the front end's ([`Front::input`]).

use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use crate::domain::checkin::form::Question;
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
    /// Whether the front takes `signal` as the user's stop rather than an end at once (plain
    /// mode's only way to stop, Ctrl-C, when the check-in follows): the stop's events if so.
    fn stop_for(&mut self, _signal: i32, _now: Instant) -> Option<Vec<Event>> {
        None
    }
    /// What was kept, once the session has ended, and again after each answer.
    fn kept(&mut self, kept: Kept);
    /// The check-in's answers so far, and why a session stopped early was stopped.
    fn answers(&self) -> (Checkin, Option<Why>);
    /// The check-in question asked now, if any, with its words as the voice says them
    /// ([`crate::domain::cues::question_words`]).
    fn question(&self) -> Option<(Question, String)> {
        None
    }
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
    let mut asked = None;
    loop {
        let now = clock.now();
        // The pain before, asked while the session waits for it, is said too; the first
        // phase's words cut it once it is answered.
        if runner.is_waiting()
            && let Some((question, words)) = front.question().filter(|(question, _)| asked != Some(*question))
        {
            runner.ask(words, now);
            asked = Some(question);
        }
        let turn = runner.turn(front.session_mut(), now);
        if !away {
            let shown = front.show(&turn.events, turn.notice.as_deref(), now);
            let rung = if turn.bells > 0 { front.ring() } else { Ok(()) };
            if let Err(reason) = shown.and(rung) {
                let ending = hung_up(reason, front, clock, inputs);
                return (Some(why_ended(&ending)), Some(ending));
            }
        }
        if front.session().is_finished() {
            return (None, None);
        }
        let mut input = inputs.next(wake(runner.wake(front.wake(now)), away, now));
        // Every input already waiting is taken before the next turn draws: under a flood of
        // input, each key is not drawn for, and `q` or Space acts at once.
        loop {
            let now = clock.now();
            let reply = match take(input, &mut away, front, clock, inputs, now) {
                Ok(reply) => reply,
                Err(ending) => return (Some(why_ended(&ending)), Some(ending)),
            };
            if let Some(reply) = reply {
                runner.push(reply.events);
                if let Some(number) = reply.signal {
                    front.interrupted(number);
                    let ending = Ending::Signal(number);
                    return (Some(why_ended(&ending)), Some(ending));
                }
                if reply.suspend {
                    let (events, back) = front.suspend(now);
                    runner.push(events);
                    away = !back;
                    break;
                }
            }
            // What comes after the session's end is the done screen's, taken on its own turns.
            if front.session().is_finished() {
                break;
            }
            match inputs.more() {
                Some(more) => input = Some(more),
                None => break,
            }
        }
    }
}

/// What one input comes to, the same during the session and after it: a front end's reply
/// (a resume's events are a reply too), nothing (a wake-up; while `away`, a look whether the
/// terminal is back), or the end a signal or a closed input forces.
fn take(
    input: Option<Input>,
    away: &mut bool,
    front: &mut dyn Front,
    clock: &dyn Clock,
    inputs: &mut dyn Inputs,
    now: Instant,
) -> Result<Option<Reply>, Ending> {
    Ok(match input {
        None if *away => {
            *away = !front.take_back();
            None
        }
        None => None,
        Some(Input::Signal(number)) => {
            let Some(events) = front.stop_for(number, now) else {
                front.interrupted(number);
                return Err(Ending::Signal(number));
            };
            Some(Reply { events, ..Reply::default() })
        }
        Some(Input::Closed) => return Err(hung_up("the terminal's input closed".to_owned(), front, clock, inputs)),
        Some(Input::Suspend) => Some(Reply { suspend: true, ..Reply::default() }),
        Some(Input::Continue) => {
            let (events, back) = front.continued(now);
            *away = !back;
            Some(Reply { events, ..Reply::default() })
        }
        Some(other) => Some(front.input(other, now)),
    })
}

/// Why the record says a session stopped that `ending` forced: a signal, or a lost terminal,
/// as a hangup is (the window closed).
fn why_ended(ending: &Ending) -> Why {
    match ending {
        Ending::Signal(number) if *number != signal_hook::consts::SIGHUP => Why::Signal,
        _ => Why::Lost,
    }
}

/// How long a closed input waits for the hangup signal behind it.
const HANGUP_WAIT: Duration = Duration::from_millis(500);

/// The terminal is gone (its input closed, or drawing on it failed: `reason`). A closed window
/// does that a moment before its SIGHUP comes: waited for briefly, the signal ends the session
/// as a hangup (129), as it should; without one, the terminal was lost.
fn hung_up(reason: String, front: &mut dyn Front, clock: &dyn Clock, inputs: &mut dyn Inputs) -> Ending {
    let until = clock.now() + HANGUP_WAIT;
    while clock.now() < until {
        match inputs.next(Some(until)) {
            Some(Input::Signal(number)) => {
                front.interrupted(number);
                return Ending::Signal(number);
            }
            Some(_) => {}
            None => break,
        }
    }
    Ending::Lost(reason)
}

/// After the session is kept: the done screen or plain mode's questions, each change of the
/// answers saved as it is given, until the front end is done.
fn after(ended: &mut Ended, front: &mut dyn Front, clock: &dyn Clock, inputs: &mut dyn Inputs) -> Ending {
    front.kept(ended.kept());
    let mut answers = front.answers();
    let mut notice: Option<String> = None;
    let mut away = false;
    let mut asked = None;
    loop {
        let now = clock.now();
        // Someone following by ear hears each question as it comes.
        if let Some((question, words)) = front.question().filter(|(question, _)| asked != Some(*question)) {
            ended.ask(words, now);
            asked = Some(question);
        }
        let turn = ended.turn(now);
        if !away {
            let told = notice.take().or(turn.notice);
            let shown = front.show(&[], told.as_deref(), now);
            let rung = if turn.bells > 0 { front.ring() } else { Ok(()) };
            if let Err(reason) = shown.and(rung) {
                return hung_up(reason, front, clock, inputs);
            }
        }
        if front.done(ended) {
            return Ending::Left;
        }
        let mut input = inputs.next(wake(ended.wake(front.wake(now)), away, now));
        // As in the session: every input already waiting is taken before the next drawing.
        loop {
            let now = clock.now();
            let reply = match take(input, &mut away, front, clock, inputs, now) {
                Ok(reply) => reply,
                Err(ending) => return ending,
            };
            if let Some(reply) = reply {
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
                    break;
                }
            }
            if front.done(ended) {
                break;
            }
            match inputs.more() {
                Some(more) => input = Some(more),
                None => break,
            }
        }
    }
}
