//! One turn of a running session, shared by the screen and plain mode: tick the session, ring
//! and speak what is due, keep the record the moment the session ends, and say when to wake.

use std::time::Instant;

use crate::domain::checkin::Checkin;
use crate::domain::session::{Event, Session};
use crate::domain::summary::Summary;
use crate::shell::announce::Announcer;

/// Where a session is kept: its record the moment it ends, by whatever path, and the check-in
/// answers given after that. Each returns a notice for the user when keeping failed.
pub trait Keeper {
    /// The session has ended; called once, before anything else can fail on a dead terminal.
    fn ended(&mut self, summary: &Summary) -> Option<String>;
    /// The check-in answers so far, given on the done screen after the record was kept.
    fn answered(&mut self, checkin: Checkin) -> Option<String>;
}

/// What one turn did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Turn {
    /// The session's events since the last turn, in order.
    pub events: Vec<Event>,
    /// The bells to ring now; bells due together merge into one sound anyway.
    pub bells: usize,
    /// Something the user should be told: the voice failed, or the record could not be kept.
    pub notice: Option<String>,
}

/// The events waiting to be announced, the announcer, and whether the record is kept.
#[derive(Debug)]
pub struct Stepper {
    announcer: Announcer,
    pending: Vec<Event>,
    kept: bool,
}

impl Stepper {
    /// A stepper for a session that has just started: its first phase is announced first.
    pub fn new(announcer: Announcer) -> Self {
        Stepper { announcer, pending: vec![Event::PhaseStarted(0)], kept: false }
    }

    /// Events a command caused, to announce on the next turn.
    pub fn push(&mut self, events: impl IntoIterator<Item = Event>) {
        self.pending.extend(events);
    }

    /// Moves the session on to `now`, announces every event since the last turn, keeps the
    /// record if the session has ended, and takes the bells due.
    pub fn turn(&mut self, session: &mut Session, now: Instant, keeper: &mut dyn Keeper) -> Turn {
        self.pending.extend(session.tick(now));
        let mut turn = Turn { notice: self.keep(session, now, keeper), ..Turn::default() };
        for event in std::mem::take(&mut self.pending) {
            if let Some(notice) = self.announcer.announce(session.plan(), event, now) {
                turn.notice.get_or_insert(notice);
            }
            turn.events.push(event);
        }
        turn.bells = self.announcer.due(now);
        if let Some(notice) = self.announcer.take_notice() {
            // One at a time: any other is told on a later turn.
            turn.notice.get_or_insert(notice);
        }
        turn
    }

    /// Keeps the record of a session that has ended, once; does nothing while it runs.
    pub fn keep(&mut self, session: &Session, now: Instant, keeper: &mut dyn Keeper) -> Option<String> {
        if !session.is_finished() || std::mem::replace(&mut self.kept, true) {
            return None;
        }
        keeper.ended(&session.summary(now))
    }

    /// When the loop must wake: the earlier of the session's `deadline` and the next bell.
    pub fn wake(&self, deadline: Option<Instant>) -> Option<Instant> {
        self.announcer.wake(deadline)
    }

    /// Whether bells are still waiting to ring, or words or tones are still being played.
    pub fn ringing(&self) -> bool {
        self.announcer.wake(None).is_some()
    }

    /// Whether words or tones are still being played: what is heard without the terminal bell.
    pub fn sounding(&self) -> bool {
        self.announcer.sounding()
    }

    /// The announcer, for the voice's rate and what went wrong with sound.
    pub fn announcer(&self) -> &Announcer {
        &self.announcer
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::domain::cues::Bell;
    use crate::domain::exercise;
    use crate::domain::plan::{Overrides, Plan};
    use crate::domain::session::Command;

    #[derive(Default)]
    struct Kept(Vec<Summary>);

    impl Keeper for Kept {
        fn ended(&mut self, summary: &Summary) -> Option<String> {
            self.0.push(summary.clone());
            None
        }
        fn answered(&mut self, _: Checkin) -> Option<String> {
            None
        }
    }

    fn session(t0: Instant) -> Session {
        let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
        let overrides = Overrides { reps: Some(1), get_ready: Some(Duration::from_secs(2)), ..Overrides::default() };
        Session::start(Plan::new(exercise, &overrides), t0)
    }

    #[test]
    fn the_record_is_kept_in_the_turn_the_session_ends_and_only_once() {
        let t0 = Instant::now();
        let mut session = session(t0);
        let mut stepper = Stepper::new(Announcer::new(Bell::Terminal, None, None));
        let mut kept = Kept::default();
        let first = stepper.turn(&mut session, t0, &mut kept);
        assert_eq!(first.events, [Event::PhaseStarted(0)]);
        let end = t0 + session.plan().total();
        let last = stepper.turn(&mut session, end, &mut kept);
        assert_eq!(last.events.last(), Some(&Event::Finished { completed: true }));
        assert_eq!(kept.0.len(), 1, "kept as the session ended, before its bells");
        assert!(kept.0[0].completed);
        assert!(stepper.ringing(), "the done bells are still to come");
        stepper.turn(&mut session, end + Duration::from_secs(1), &mut kept);
        assert_eq!(kept.0.len(), 1);
    }

    #[test]
    fn a_session_stopped_by_a_command_is_kept_on_the_next_turn() {
        let t0 = Instant::now();
        let mut session = session(t0);
        let mut stepper = Stepper::new(Announcer::new(Bell::None, None, None));
        let mut kept = Kept::default();
        stepper.turn(&mut session, t0, &mut kept);
        stepper.push(session.apply(Command::Stop, t0 + Duration::from_secs(1)));
        let turn = stepper.turn(&mut session, t0 + Duration::from_secs(1), &mut kept);
        assert_eq!(turn.events, [Event::Finished { completed: false }]);
        assert_eq!(kept.0.len(), 1);
        assert!(!kept.0[0].reached_end);
    }
}
