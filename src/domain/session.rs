//! The session: a pure state machine that walks a plan. Every method takes `now`.
//!
//! Deadlines, not countdowns, are stored: when a phase ends the next one ends its own duration
//! after the previous deadline, so a late wake-up never adds drift, and one tick after a long
//! stall crosses as many phases as have passed.

use std::time::{Duration, Instant};

use crate::domain::plan::{Phase, PhaseKind, Plan};

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Running {
        index: usize,
        ends_at: Instant,
    },
    Paused {
        index: usize,
        remaining: Duration,
        since: Instant,
    },
    /// `completed`: the session reached its end (rather than being stopped early), whether or
    /// not every hold was done.
    Finished {
        completed: bool,
        at: Instant,
    },
}

/// What the user asks of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    TogglePause,
    Pause,
    Resume,
    /// End the current phase now and start the next.
    Skip,
    /// Restart the current phase, or go to the previous one if this one has just begun.
    Back,
    /// Stop early.
    Stop,
}

/// Something that happened, for the shell to ring, say or print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    PhaseStarted(usize),
    /// The countdown shows this many seconds (3, 2, then 1): the last seconds of a hold, of the
    /// time to get ready, or of a rest.
    Countdown(u64),
    Paused,
    Resumed,
    /// `completed` as in [`State::Finished`]; `skipped`: the holds gone past without being
    /// done, so that a session that reached its end past skipped holds is not said to be
    /// complete.
    Finished {
        completed: bool,
        skipped: u32,
    },
}

/// A counted phase announces each of its last this many displayed seconds.
pub const COUNTDOWN_FROM: u64 = 3;

/// Whether a phase of this kind counts its last seconds aloud: the ones that end in something
/// to do. A move's end is the hold's start, cue enough.
pub fn counts_down(kind: PhaseKind) -> bool {
    matches!(kind, PhaseKind::GetReady | PhaseKind::Hold | PhaseKind::Rest)
}

/// Within this much of a phase's start, Back goes to the previous phase instead of restarting.
const BACK_GRACE: Duration = Duration::from_secs(2);

/// A session in progress over its plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    plan: Plan,
    state: State,
    started_at: Instant,
    paused_for: Duration,
    /// For each phase, the longest time it has run (holds count towards the time held).
    ran: Vec<Duration>,
    /// For each phase, whether it ran to its end.
    completed: Vec<bool>,
    /// The last countdown second announced in the current phase, so each is announced once.
    counted: Option<u64>,
    /// The phase under way when the session was stopped, if it was.
    stopped_at: Option<usize>,
}

impl Session {
    /// Starts the plan's first phase at `now`.
    pub fn start(plan: Plan, now: Instant) -> Self {
        let phases = plan.phases.len();
        let state = match plan.phases.first() {
            Some(first) => State::Running { index: 0, ends_at: now + first.duration },
            // Plans are never empty; should one be, it is over before it starts.
            None => State::Finished { completed: true, at: now },
        };
        Session {
            plan,
            state,
            started_at: now,
            paused_for: Duration::ZERO,
            ran: vec![Duration::ZERO; phases],
            completed: vec![false; phases],
            counted: None,
            stopped_at: None,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn state(&self) -> State {
        self.state
    }

    pub fn started_at(&self) -> Instant {
        self.started_at
    }

    /// The index of the current phase; `None` once finished.
    pub fn index(&self) -> Option<usize> {
        match self.state {
            State::Running { index, .. } | State::Paused { index, .. } => Some(index),
            State::Finished { .. } => None,
        }
    }

    /// The current phase; `None` once finished.
    pub fn phase(&self) -> Option<&Phase> {
        self.index().and_then(|i| self.plan.phases.get(i))
    }

    pub fn is_paused(&self) -> bool {
        matches!(self.state, State::Paused { .. })
    }

    pub fn is_finished(&self) -> bool {
        matches!(self.state, State::Finished { .. })
    }

    /// Time left in the current phase.
    pub fn remaining(&self, now: Instant) -> Duration {
        match self.state {
            State::Running { ends_at, .. } => ends_at.saturating_duration_since(now),
            State::Paused { remaining, .. } => remaining,
            State::Finished { .. } => Duration::ZERO,
        }
    }

    /// The whole seconds left as a countdown shows them: 4.2 s left shows as 5.
    pub fn display_secs(&self, now: Instant) -> u64 {
        let remaining = self.remaining(now);
        remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0)
    }

    /// Time left in the whole session: the current phase's and every later one's.
    pub fn session_remaining(&self, now: Instant) -> Duration {
        let Some(index) = self.index() else {
            return Duration::ZERO;
        };
        let later: Duration = self.plan.phases[index + 1..].iter().map(|p| p.duration).sum();
        self.remaining(now) + later
    }

    /// The whole seconds left in the session, rounded up as [`display_secs`](Self::display_secs)
    /// rounds the phase's: never fewer than the phase shows, so the last hold's `1 s` is never
    /// beside a session's `0 s left`.
    pub fn session_display_secs(&self, now: Instant) -> u64 {
        let remaining = self.session_remaining(now);
        remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0)
    }

    /// How far through the current phase, from 0 to 1.
    pub fn phase_fraction(&self, now: Instant) -> f64 {
        self.phase().map_or(1.0, |phase| {
            let done = phase.duration.saturating_sub(self.remaining(now));
            done.as_secs_f64() / phase.duration.as_secs_f64()
        })
    }

    /// How far through the whole plan, by planned time, from 0 to 1.
    pub fn session_fraction(&self, now: Instant) -> f64 {
        let total = self.plan.total().as_secs_f64();
        let Some(index) = self.index() else {
            return 1.0;
        };
        let before: Duration = self.plan.phases[..index].iter().map(|p| p.duration).sum();
        let current = self.plan.phases[index].duration.saturating_sub(self.remaining(now));
        ((before + current).as_secs_f64() / total).clamp(0.0, 1.0)
    }

    /// The next instant at which something visible changes without input: the displayed second
    /// or the phase. `None` while paused or finished.
    pub fn next_change(&self, now: Instant) -> Option<Instant> {
        let State::Running { ends_at, .. } = self.state else {
            return None;
        };
        let shown = self.display_secs(now);
        let change = ends_at.checked_sub(Duration::from_secs(shown.saturating_sub(1)));
        Some(change.unwrap_or(ends_at).max(now).min(ends_at))
    }

    /// The next instant at which the session has something to announce without input: a
    /// countdown second or the end of the phase. Plain mode, which shows no seconds, sleeps until
    /// then. `None` while paused or finished.
    pub fn next_event(&self, now: Instant) -> Option<Instant> {
        let State::Running { index, ends_at } = self.state else {
            return None;
        };
        let countdown = self.display_secs(now).saturating_sub(1).min(COUNTDOWN_FROM);
        if counts_down(self.plan.phases[index].kind) && countdown > 0 {
            ends_at.checked_sub(Duration::from_secs(countdown)).map(|at| at.max(now))
        } else {
            Some(ends_at)
        }
    }

    /// Moves the session on to `now`, crossing every phase whose deadline has passed.
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        while let State::Running { index, ends_at } = self.state {
            if now < ends_at {
                break;
            }
            self.ran[index] = self.plan.phases[index].duration;
            self.completed[index] = true;
            self.counted = None;
            if let Some(next) = self.plan.phases.get(index + 1) {
                events.push(Event::PhaseStarted(index + 1));
                self.state = State::Running { index: index + 1, ends_at: ends_at + next.duration };
            } else {
                self.state = State::Finished { completed: true, at: ends_at };
                events.push(self.finished(true));
            }
        }
        events.extend(self.countdown(now));
        events
    }

    /// The countdown second a running counted phase has just reached, if not yet announced. A
    /// phase's first second is never one: its start is cue enough.
    fn countdown(&mut self, now: Instant) -> Option<Event> {
        let State::Running { index, .. } = self.state else {
            return None;
        };
        let phase = &self.plan.phases[index];
        let shown = self.display_secs(now);
        let due = counts_down(phase.kind)
            && (1..=COUNTDOWN_FROM).contains(&shown)
            && shown < phase.duration.as_secs()
            && self.counted != Some(shown);
        due.then(|| {
            self.counted = Some(shown);
            Event::Countdown(shown)
        })
    }

    /// Carries out a command at `now`. Call [`tick`](Self::tick) first so the state is current.
    pub fn apply(&mut self, command: Command, now: Instant) -> Vec<Event> {
        match (command, self.state) {
            (_, State::Finished { .. }) => Vec::new(),
            (Command::TogglePause | Command::Pause, State::Running { index, ends_at }) => {
                let remaining = ends_at.saturating_duration_since(now);
                self.state = State::Paused { index, remaining, since: now };
                vec![Event::Paused]
            }
            (Command::TogglePause | Command::Resume, State::Paused { index, remaining, since }) => {
                self.paused_for += now.saturating_duration_since(since);
                self.state = State::Running { index, ends_at: now + remaining };
                vec![Event::Resumed]
            }
            (Command::Pause, State::Paused { .. }) | (Command::Resume, State::Running { .. }) => Vec::new(),
            (Command::Skip, _) => self.skip(now),
            (Command::Back, _) => self.back(now),
            (Command::Stop, _) => {
                self.note_progress(now);
                self.stopped_at = self.index();
                self.finish(false, now)
            }
        }
    }

    /// Ends the session at `now`, counting a pause in progress as paused time.
    fn finish(&mut self, completed: bool, now: Instant) -> Vec<Event> {
        if let State::Paused { since, .. } = self.state {
            self.paused_for += now.saturating_duration_since(since);
        }
        self.state = State::Finished { completed, at: now };
        vec![self.finished(completed)]
    }

    /// The event of the end just reached, with the holds skipped on the way.
    fn finished(&self, completed: bool) -> Event {
        let skipped = (0..self.plan.parts.len()).map(|part| self.holds_skipped(part)).sum();
        Event::Finished { completed, skipped }
    }

    fn skip(&mut self, now: Instant) -> Vec<Event> {
        let Some(index) = self.index() else {
            return Vec::new();
        };
        self.note_progress(now);
        if index + 1 >= self.plan.phases.len() {
            return self.finish(true, now);
        }
        self.enter(index + 1, now);
        vec![Event::PhaseStarted(index + 1)]
    }

    fn back(&mut self, now: Instant) -> Vec<Event> {
        let Some(index) = self.index() else {
            return Vec::new();
        };
        self.note_progress(now);
        let phase = &self.plan.phases[index];
        let into = phase.duration.saturating_sub(self.remaining(now));
        let target = if into < BACK_GRACE { index.saturating_sub(1) } else { index };
        self.enter(target, now);
        vec![Event::PhaseStarted(target)]
    }

    /// Starts phase `index` afresh at `now`, staying paused if the session is paused.
    fn enter(&mut self, index: usize, now: Instant) {
        let duration = self.plan.phases[index].duration;
        self.counted = None;
        self.state = match self.state {
            State::Paused { since, .. } => State::Paused { index, remaining: duration, since },
            _ => State::Running { index, ends_at: now + duration },
        };
    }

    /// Records how long the current phase has run so far.
    fn note_progress(&mut self, now: Instant) {
        if let Some(index) = self.index() {
            let ran = self.plan.phases[index].duration.saturating_sub(self.remaining(now));
            self.ran[index] = self.ran[index].max(ran);
        }
    }
}

mod summary;

#[cfg(test)]
mod tests;
