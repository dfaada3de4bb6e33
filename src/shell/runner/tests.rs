use crate::domain::summary::Nothing;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use super::*;
use crate::domain::checkin::{Effort, Pain};
use crate::domain::cues::Channel;
use crate::domain::exercise;
use crate::domain::plan::{Overrides, Plan};
use crate::history::Entry;
use crate::shell::input::Input;

/// The history in memory, or one that refuses every write.
#[derive(Clone, Default)]
struct Memory {
    lines: Rc<RefCell<Vec<String>>>,
    broken: bool,
}

impl Store for Memory {
    fn append(&mut self, lines: &[String]) -> Result<(), Failure> {
        if self.broken {
            return Err(Failure::HistoryUnwritable {
                path: "/nowhere/history.jsonl".to_owned(),
                reason: "the disk is full".to_owned(),
            });
        }
        self.lines.borrow_mut().extend(lines.iter().cloned());
        Ok(())
    }
}

/// A front end with nothing to show: the session and the answers a test gives it.
struct Bare {
    session: Session,
    answers: Checkin,
    why: Option<Why>,
    shown: Vec<Event>,
    refuses: bool,
    rings: usize,
}

impl Front for Bare {
    fn session(&self) -> &Session {
        &self.session
    }
    fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }
    fn show(&mut self, events: &[Event], _: Option<&str>, _: Instant) -> Result<(), String> {
        self.shown.extend(events);
        if self.refuses { Err("the terminal is gone".to_owned()) } else { Ok(()) }
    }
    fn ring(&mut self) -> Result<(), String> {
        self.rings += 1;
        Ok(())
    }
    fn wake(&self, _: Instant) -> Option<Instant> {
        None
    }
    fn input(&mut self, _: Input, _: Instant) -> Reply {
        Reply::default()
    }
    fn suspend(&mut self, _: Instant) -> (Vec<Event>, bool) {
        (Vec::new(), true)
    }
    fn continued(&mut self, _: Instant) -> (Vec<Event>, bool) {
        (Vec::new(), true)
    }
    fn take_back(&mut self) -> bool {
        true
    }
    fn kept(&mut self, _: Kept) {}
    fn answers(&self) -> (Checkin, Option<Why>) {
        (self.answers.clone(), self.why)
    }
    fn done(&self, _: &Ended) -> bool {
        true
    }
}

fn plan() -> Plan {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    Plan::new(exercise, &Overrides { reps: Some(1), get_ready: Some(Duration::from_secs(2)), ..Overrides::default() })
}

fn runner(memory: &Memory, past: Vec<Record>) -> Runner {
    runner_with(memory, past, Announcer::silent())
}

fn runner_with(memory: &Memory, past: Vec<Record>, announcer: Announcer) -> Runner {
    let zoned: jiff::ZonedDateTime = "2026-06-01T08:00:00+02:00[+02:00]".parse().expect("a time");
    let keeping = Keeping {
        store: Box::new(memory.clone()),
        id: "s1".to_owned(),
        started: Started::from_zoned(&zoned),
        past,
        item: None,
        allowed: None,
        day: None,
        stop: None,
    };
    Runner::new(announcer, keeping)
}

fn front(t0: Instant) -> Bare {
    Bare {
        session: Session::start(plan(), t0),
        answers: Checkin::default(),
        why: None,
        shown: Vec::new(),
        refuses: false,
        rings: 0,
    }
}

fn entries(memory: &Memory) -> Vec<Entry> {
    memory.lines.borrow().iter().map(|line| history::parse_entry(line.as_bytes()).expect("a whole line")).collect()
}

#[test]
fn the_end_is_announced_then_the_record_written_once_with_the_answers_so_far() {
    let t0 = Instant::now();
    let memory = Memory::default();
    let mut front = front(t0);
    let mut runner = runner(&memory, Vec::new());
    let first = runner.turn(&mut front.session, t0);
    assert_eq!(first.events, [Event::PhaseStarted(0)]);
    let end = t0 + front.session.plan().total();
    let last = runner.turn(&mut front.session, end);
    assert!(front.session.is_finished());
    assert!(!last.events.contains(&Event::Finished { completed: true, skipped: 0 }), "the end is finish's to announce");
    assert!(memory.lines.borrow().is_empty(), "nothing is written before finish");
    front.answers.pain_before = Pain::new(2);
    let ended = runner.finish(&mut front, end, None);
    assert_eq!(front.shown.last(), Some(&Event::Finished { completed: true, skipped: 0 }), "the end was shown");
    assert_eq!(ended.saved(), &Saved::Written);
    let written = entries(&memory);
    assert_eq!(written.len(), 1);
    let Entry::Session(record) = &written[0] else { panic!("a session: {written:?}") };
    assert_eq!(Some(record), ended.record());
    assert_eq!((record.end, record.checkin.pain_before), (End::Reached, Pain::new(2)));
    assert_eq!(record.id.as_deref(), Some("s1"));
}

#[test]
fn the_ends_sound_is_started_and_its_bell_rung_by_finish_before_the_record_is_written() {
    // Writing the record may be slow: the done pattern starts at the end, not after the save,
    // or the words timed after it would start under it. Holds of 3 s, so the last bells before
    // the end are long enough ago for the done pattern's first to be due at the end itself.
    let ended_by = |why: Option<Why>| {
        let t0 = Instant::now();
        let memory = Memory::default();
        let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
        let mut front = front(t0);
        front.session = Session::start(Plan::new(exercise, &Overrides::timing(1, 3, 2, 2)), t0);
        let bell = Announcer::new(Channel::Bell, None, None, Duration::ZERO);
        let mut runner = runner_with(&memory, Vec::new(), bell);
        let end = t0 + front.session.plan().total();
        let mut at = t0;
        while at < end {
            runner.turn(&mut front.session, at);
            at = runner.wake(Some(end)).expect("the end at the latest").max(at + Duration::from_millis(1));
        }
        front.rings = 0;
        let mut ended = runner.finish(&mut front, end, why);
        (front.rings, ended.wake(None).map(|next| (next - end, ended.turn(next).bells)))
    };
    let (rings, next) = ended_by(None);
    assert_eq!(rings, 1, "the done pattern's first bell rang in finish");
    let (after, bells) = next.expect("the done pattern's later bells");
    assert!(after > Duration::ZERO, "nothing due at the end waits for a later turn: {after:?}");
    assert_eq!(bells, 1, "the next bell, on its own turn");
    assert_eq!(ended_by(Some(Why::Signal)).0, 0, "ended by a signal, nobody is left to hear it");
}

#[test]
fn each_change_of_answers_is_one_amendment_and_the_record_keeps_the_last() {
    let t0 = Instant::now();
    let memory = Memory::default();
    let mut front = front(t0);
    // Get ready 2 s, move 3 s, hold 5 s: the left hold is done at 10 s.
    let at = t0 + Duration::from_secs(12);
    front.session.tick(at);
    front.session.apply(crate::domain::session::Command::Stop, at);
    let mut ended = runner(&memory, Vec::new()).finish(&mut front, at, None);
    assert_eq!(ended.record().map(|r| r.end), Some(End::Stopped(None)));
    let pain = Checkin { pain: Pain::new(10), ..Checkin::default() };
    assert_eq!(ended.answer(&pain, Some(Why::Pain)), None);
    assert_eq!(ended.answer(&pain, Some(Why::Pain)), None, "the same answers again write nothing");
    let both = Checkin { effort: Some(Effort::Hard), ..pain };
    assert_eq!(ended.answer(&both, Some(Why::Pain)), None);
    assert_eq!(memory.lines.borrow().len(), 3, "the record and two amendments");
    let read = history::read(memory.lines.borrow().join("\n").as_bytes());
    assert_eq!(read.records.len(), 1);
    assert_eq!(Some(&read.records[0]), ended.record(), "what is read back is what the screen holds");
    assert_eq!(read.records[0].end, End::Stopped(Some(Why::Pain)));
    assert_eq!(read.records[0].checkin, both);
}

#[test]
fn a_session_stopped_getting_ready_writes_nothing_not_even_its_answers() {
    let t0 = Instant::now();
    let memory = Memory::default();
    let mut front = front(t0);
    let mut ended = runner(&memory, Vec::new()).finish(&mut front, t0 + Duration::from_secs(1), Some(Why::Signal));
    assert_eq!(ended.saved(), &Saved::NothingDone(Nothing::GettingReady));
    assert_eq!(ended.answer(&Checkin { pain: Pain::new(1), ..Checkin::default() }, None), None);
    assert!(memory.lines.borrow().is_empty());
    assert!(ended.advice().is_empty());
    assert!(front.shown.is_empty(), "ended by a signal: nothing is shown");
}

#[test]
fn a_history_that_cannot_be_written_is_said_on_the_done_screen_and_is_the_failure_after() {
    let t0 = Instant::now();
    let memory = Memory { broken: true, ..Memory::default() };
    let mut front = front(t0);
    let end = t0 + front.session.plan().total();
    let mut ended = runner(&memory, Vec::new()).finish(&mut front, end, None);
    let Saved::Failed(reason) = ended.saved().clone() else { panic!("{:?}", ended.saved()) };
    assert!(reason.contains("cannot save this session") && reason.contains("the disk is full"), "{reason}");
    assert_eq!(ended.kept().saved, Saved::Failed(reason));
    assert_eq!(ended.answer(&Checkin { pain: Pain::new(9), ..Checkin::default() }, None), None, "told once");
    assert!(ended.advice().iter().any(Suggestion::is_warning), "the advice still follows the answers");
    let (failure, _) = ended.close();
    assert!(matches!(failure, Some(Failure::HistoryUnwritable { .. })));
}

#[test]
fn a_failure_to_show_the_end_never_stops_the_save() {
    let t0 = Instant::now();
    let memory = Memory::default();
    let mut front = front(t0);
    front.refuses = true;
    let end = t0 + front.session.plan().total();
    let ended = runner(&memory, Vec::new()).finish(&mut front, end, None);
    assert_eq!(ended.lost(), Some("the terminal is gone"));
    assert_eq!(ended.saved(), &Saved::Written);
    assert_eq!(memory.lines.borrow().len(), 1);
}

#[test]
fn the_advice_reads_the_past_and_this_session_with_its_answers() {
    let t0 = Instant::now();
    let memory = Memory::default();
    let mut front = front(t0);
    let end = t0 + front.session.plan().total();
    let mut ended = runner(&memory, Vec::new()).finish(&mut front, end, None);
    assert_eq!(ended.advice(), []);
    ended.answer(&Checkin { pain: Pain::new(10), ..Checkin::default() }, None);
    let advice = ended.advice();
    assert!(matches!(advice.as_slice(), [Suggestion::HighPain { pain: 10, .. }]), "{advice:?}");
    assert_eq!(ended.kept().advice, advice, "the done screen's advice is this one");
}

#[test]
fn a_session_waiting_for_the_pain_before_announces_its_first_phase_when_it_starts() {
    let t0 = Instant::now();
    let memory = Memory::default();
    let mut front = front(t0);
    front.session.apply(crate::domain::session::Command::Pause, t0);
    let mut runner = runner(&memory, Vec::new()).waiting();
    assert!(runner.is_waiting());
    assert_eq!(runner.turn(&mut front.session, t0).events, [], "nothing while it waits");
    let later = t0 + Duration::from_secs(40);
    runner.push(front.session.apply(crate::domain::session::Command::Resume, later));
    assert_eq!(runner.turn(&mut front.session, later).events, [Event::Resumed, Event::PhaseStarted(0)]);
    assert!(!runner.is_waiting());
}
