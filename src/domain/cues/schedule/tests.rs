//! Whole sessions through the schedule with a model player and a model voice that take exactly
//! the estimated time: what is heard when, checked against the rules of the cues.

use std::time::{Duration, Instant};

use super::*;
use crate::domain::cues::voice::Priority;
use crate::domain::cues::{self, BELL_GAP, COUNT_LATE, Pattern, TONE_LEAD};
use crate::domain::exercise;
use crate::domain::plan::{Overrides, PhaseKind};
use crate::domain::routine;
use crate::domain::session::{Session, State};

/// How long one terminal bell is heard, as the schedule assumes.
const BELL_SOUND: Duration = Duration::from_millis(200);

#[derive(Debug, Clone, PartialEq, Eq)]
enum What {
    Pattern(Cue),
    Bell,
    Words(String, Priority),
}

/// Something heard, from when to when.
#[derive(Debug, Clone)]
struct Heard {
    what: What,
    /// When it was started (the event's moment for a pattern, the command's start for words).
    started: Instant,
    from: Instant,
    until: Instant,
    cut: bool,
}

/// A session run through the schedule: everything heard, every pattern started, and every
/// event with its moment.
struct Run<'a> {
    plan: &'a Plan,
    channel: Channel,
    heard: Vec<Heard>,
    patterns: Vec<(Instant, Cue)>,
    events: Vec<(Instant, Event)>,
}

/// Every event of an uninterrupted session with the instant it happens.
fn events(plan: &Plan, t0: Instant) -> Vec<(Instant, Event)> {
    let mut session = Session::start(plan.clone(), t0);
    let mut events = vec![(t0, Event::PhaseStarted(0))];
    let mut now = t0;
    while let Some(next) = session.next_event(now) {
        now = next;
        events.extend(session.tick(now).into_iter().map(|e| (now, e)));
    }
    assert!(matches!(session.state(), State::Finished { completed: true, .. }));
    events
}

/// Runs `plan` through a schedule sounding through `channel`, with a voice at `rate` heard
/// `lag` after the tones, if any.
fn run(plan: &Plan, channel: Channel, voice: Option<Rate>, lag: Duration) -> Run<'_> {
    run_asking(plan, channel, voice, lag, &[])
}

/// As [`run`], and after the session's end the check-in asks each of `asks` (its words) that
/// long after the end, as the done screen does when the one before is answered.
fn run_asking<'a>(
    plan: &'a Plan,
    channel: Channel,
    voice: Option<Rate>,
    lag: Duration,
    asks: &[(Duration, &str)],
) -> Run<'a> {
    let t0 = Instant::now();
    let events = events(plan, t0);
    let end = events.last().expect("an end").0;
    let mut asks = asks.iter().map(|(after, words)| (end + *after, (*words).to_owned())).peekable();
    let mut schedule = Schedule::new(channel, voice.map(|rate| (rate, lag)));
    let rate = voice.unwrap_or_default();
    let mut heard: Vec<Heard> = Vec::new();
    let mut patterns = Vec::new();
    // Commands running: when each exits, what it says, the index of its words in `heard`.
    let mut running: Vec<(Instant, Instant, String, usize)> = Vec::new();
    let mut current: Option<usize> = None;
    let mut pending = events.iter().peekable();
    let mut now = t0;
    for _ in 0..100_000 {
        let exits = running.iter().map(|(_, exit, ..)| *exit).min();
        let asked = asks.peek().map(|(at, _)| *at);
        let next = [pending.peek().map(|(at, _)| *at), schedule.next(), exits, asked].into_iter().flatten().min();
        let Some(next) = next else { break };
        now = next.max(now);
        // Commands that have ended.
        while let Some(at) = running.iter().position(|(_, exit, ..)| *exit <= now) {
            let (start, exit, text, index) = running.remove(at);
            if current == Some(index) {
                current = None;
                schedule.said(&text, exit - start);
            } else {
                schedule.learn(&text, exit - start);
            }
        }
        while let Some((at, event)) = pending.next_if(|(at, _)| *at <= now) {
            schedule.event(plan, *event, *at);
        }
        while let Some((at, words)) = asks.next_if(|(at, _)| *at <= now) {
            schedule.ask(words, at);
        }
        let starts = schedule.take(now);
        patterns.extend(starts.pattern.map(|cue| (now, cue)));
        if let Some(cue) = starts.pattern
            && channel == Channel::Tones
        {
            let pattern = Pattern::of(cue);
            let from = now + TONE_LEAD;
            heard.push(Heard {
                what: What::Pattern(cue),
                started: now,
                from,
                until: now + pattern.tones_length(),
                cut: false,
            });
        }
        for _ in 0..starts.bells {
            heard.push(Heard { what: What::Bell, started: now, from: now, until: now + BELL_SOUND, cut: false });
        }
        for action in starts.speak {
            match action {
                Speak::Stop => {
                    let index = current.take().expect("something to stop");
                    heard[index].until = heard[index].until.min(now);
                    heard[index].cut = true;
                    running.retain(|(.., i)| *i != index);
                }
                Speak::Say { text, priority, ends } => {
                    let (before, after) = rate.heard(&text);
                    let exit = now + lag + rate.time_to_say(&text);
                    assert!(ends >= exit, "the model voice is never hung");
                    heard.push(Heard {
                        what: What::Words(text.clone(), priority),
                        started: now,
                        from: now + lag + before,
                        until: now + lag + after,
                        cut: false,
                    });
                    current = Some(heard.len() - 1);
                    running.push((now, exit, text, heard.len() - 1));
                }
            }
        }
    }
    assert!(pending.peek().is_none() && asks.peek().is_none() && running.is_empty(), "the run ended");
    Run { plan, channel, heard, patterns, events }
}

fn overlaps(a: &Heard, b: &Heard) -> bool {
    a.from < b.until && b.from < a.until
}

fn words(heard: &Heard) -> Option<(&str, Priority)> {
    match &heard.what {
        What::Words(text, priority) => Some((text.as_str(), *priority)),
        _ => None,
    }
}

impl Run<'_> {
    fn words(&self) -> impl Iterator<Item = &Heard> {
        self.heard.iter().filter(|h| words(h).is_some())
    }

    fn sounds(&self) -> impl Iterator<Item = &Heard> {
        self.heard.iter().filter(|h| words(h).is_none())
    }

    /// No words under a pattern or a bell, and no two words at once.
    fn nothing_covers_anything(&self, name: &str) {
        for said in self.words() {
            for sound in self.sounds() {
                assert!(!overlaps(said, sound), "{name}: {:?} under {:?}", said.what, sound.what);
            }
            for other in self.words() {
                if !std::ptr::eq(said, other) {
                    assert!(!overlaps(said, other), "{name}: {:?} over {:?}", said.what, other.what);
                }
            }
        }
    }

    /// Each pattern is whole and heard apart from the next: with tones, after
    /// [`Pattern::clear_after`]; with bells, a gap half as wide again as the widest inside
    /// either pattern, and at least two bell gaps.
    fn patterns_whole_and_apart(&self, name: &str) {
        assert_eq!(self.fused(name), [], "{name}: patterns heard as one");
    }

    /// The patterns that run into the next one (each with the next, and when), after checking
    /// that every pattern is whole.
    fn fused(&self, name: &str) -> Vec<(Cue, Cue, Duration)> {
        let t0 = self.events[0].0;
        let bells: Vec<Instant> = self.sounds().filter(|h| h.what == What::Bell).map(|h| h.started).collect();
        let mut fused = Vec::new();
        for (i, (at, cue)) in self.patterns.iter().enumerate() {
            let pattern = Pattern::of(*cue);
            let next = self.patterns.get(i + 1);
            match self.channel {
                Channel::Tones => {
                    if let Some((next_at, next_cue)) = next
                        && *next_at < *at + pattern.clear_after(Channel::Tones)
                    {
                        fused.push((*cue, *next_cue, *next_at - t0));
                    }
                }
                Channel::Bell => {
                    let until = next.map(|(next_at, _)| *next_at);
                    let own: Vec<&Instant> =
                        bells.iter().filter(|b| **b >= *at && until.is_none_or(|u| **b < u)).collect();
                    assert_eq!(own.len(), pattern.bells.len(), "{name}: {cue:?} at {:?} lost bells", *at - t0);
                    if let (Some((_, next_cue)), Some(last)) = (next, own.last()) {
                        let first_next = bells.iter().find(|b| until.is_some_and(|u| **b >= u)).expect("its bells");
                        let widest = pattern.longest_bell_gap().max(Pattern::of(*next_cue).longest_bell_gap());
                        if *first_next - **last < (widest * 3 / 2).max(2 * BELL_GAP) {
                            fused.push((*cue, *next_cue, *first_next - t0));
                        }
                    }
                }
                Channel::Off => {}
            }
        }
        fused
    }

    /// The cues of the events that made no pattern. A bell pattern may wait, but no longer than
    /// the rules say: for the pause that sets it apart from the last bell rung, and for words
    /// still heard when it was due. A count never waits.
    fn lost(&self) -> Vec<(Duration, Event)> {
        let t0 = self.events[0].0;
        let mut started = self.patterns.iter().peekable();
        let mut lost = Vec::new();
        for (at, event) in &self.events {
            let Some(cue) = cues::cue(self.plan, *event) else { continue };
            let soon = match started.peek() {
                Some((when, _)) if self.channel == Channel::Bell && cue != Cue::Count => {
                    let words = self.words().filter(|h| h.started <= *at && h.until > *at);
                    let words = words.map(|h| h.until + cues::WORDS_BEFORE_PATTERN);
                    words.chain(self.pause_before(*when, cue)).fold(*at, Instant::max)
                }
                _ => *at,
            };
            if started.next_if(|(when, what)| when >= at && *when <= soon && *what == cue).is_none() {
                lost.push((*at - t0, *event));
            }
        }
        lost
    }

    /// When a bell pattern for `cue` may ring, at the earliest, after the last bell rung before
    /// `when`: the pause that sets the two patterns apart.
    fn pause_before(&self, when: Instant, cue: Cue) -> Option<Instant> {
        let rung = self.sounds().filter(|h| h.what == What::Bell && h.started < when).map(|h| h.started).last()?;
        let (_, before) = self.patterns.iter().rev().find(|(at, _)| *at <= rung)?;
        Some(rung + Pattern::of(*before).bell_pause_before(Pattern::of(cue)))
    }

    /// Each count said is heard after its tick, and within [`COUNT_LATE`] of it.
    fn counts_on_their_tick(&self, name: &str) {
        for said in self.words().filter(|h| words(h).is_some_and(|(_, p)| p == Priority::Count)) {
            let tick = self.events.iter().rev().map(|(at, _)| *at).find(|at| *at <= said.started).expect("a tick");
            assert!(
                said.from <= tick + COUNT_LATE,
                "{name}: {:?} heard {:?} after its tick",
                said.what,
                said.from - tick
            );
        }
    }

    /// Every phase's words are said whole and start when planned; every move and hold names
    /// its side.
    fn phases_said_whole_with_their_side(&self, name: &str) {
        for said in self.words() {
            let (text, priority) = words(said).expect("words");
            assert!(!said.cut || priority != Priority::Phase, "{name}: `{text}` was cut");
        }
        for (at, event) in &self.events {
            let Event::PhaseStarted(index) = event else { continue };
            let phase = &self.plan.phases[*index];
            let end = *at + phase.duration;
            let said: Vec<&str> = self
                .words()
                .filter(|h| h.started >= *at && h.started < end)
                .filter_map(|h| words(h).filter(|(_, p)| *p == Priority::Phase).map(|(t, _)| t))
                .collect();
            assert_eq!(said.len(), 1, "{name}: phase {index} said {said:?}");
            if let Some(side) = phase.side.filter(|_| matches!(phase.kind, PhaseKind::Move | PhaseKind::Hold)) {
                assert!(said[0].to_lowercase().contains(side.word()), "{name}: phase {index}: `{}`", said[0]);
            }
        }
    }
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// Every shipped exercise as it comes, with moves of 1 s and without moves, and in two sets;
/// every shipped routine as it comes and without rests.
fn shipped_plans() -> Vec<(String, Plan)> {
    let mut plans = Vec::new();
    for (id, _) in exercise::BUILT_IN {
        let plan = |overrides: &Overrides| Plan::new(exercise::built_in(id).unwrap().unwrap(), overrides);
        plans.push(((*id).to_owned(), plan(&Overrides::default())));
        for transition in [0, 1] {
            let overrides = Overrides { transition: Some(secs(transition)), ..Overrides::default() };
            plans.push((format!("{id} --transition {transition}"), plan(&overrides)));
        }
        let sets = Overrides { sets: Some(2), reps: Some(2), ..Overrides::default() };
        plans.push((format!("{id} --sets 2"), plan(&sets)));
    }
    for (id, _) in routine::BUILT_IN {
        let routine = routine::built_in(id).unwrap().unwrap();
        let exercises = || {
            routine
                .entries
                .iter()
                .map(|entry| (exercise::built_in(&entry.exercise).unwrap().unwrap(), entry.overrides.clone()))
        };
        let rest = routine.rest.unwrap_or(routine::DEFAULT_REST);
        plans.push(((*id).to_owned(), Plan::routine(exercises().collect(), rest)));
        plans.push((format!("{id} --rest 0"), Plan::routine(exercises().collect(), Duration::ZERO)));
    }
    plans
}

/// How much later than the tones a desktop's voice is heard: next to nothing (espeak-ng 23 ms
/// after paplay, started together, into `PulseAudio` at 10 ms; the gaps allow for it).
const DESKTOP: Duration = Duration::ZERO;

#[test]
fn with_tones_and_the_voice_nothing_covers_anything_and_nothing_is_lost() {
    for wpm in [175, 140] {
        for (name, plan) in shipped_plans() {
            let name = format!("{name} -s {wpm}");
            let run = run(&plan, Channel::Tones, Some(Rate { wpm }), DESKTOP);
            run.nothing_covers_anything(&name);
            run.patterns_whole_and_apart(&name);
            assert_eq!(run.lost(), [], "{name}: every cue sounds, every count ticks");
            run.counts_on_their_tick(&name);
            run.phases_said_whole_with_their_side(&name);
            let counts = run.words().filter(|h| words(h).is_some_and(|(_, p)| p == Priority::Count)).count();
            let due = run.events.iter().filter(|(_, e)| matches!(e, Event::Countdown(_))).count();
            assert_eq!(counts, due, "{name}: every count said");
        }
    }
}

#[test]
fn tones_alone_and_the_voice_alone_keep_every_cue() {
    for (name, plan) in shipped_plans() {
        let run = run(&plan, Channel::Tones, None, DESKTOP);
        run.patterns_whole_and_apart(&name);
        assert_eq!(run.lost(), [], "{name}");
        let run = run_voice_alone(&plan);
        run.nothing_covers_anything(&name);
        run.counts_on_their_tick(&name);
        run.phases_said_whole_with_their_side(&name);
    }
}

fn run_voice_alone(plan: &Plan) -> Run<'_> {
    run(plan, Channel::Off, Some(Rate::default()), DESKTOP)
}

#[test]
fn with_bells_the_patterns_are_whole_and_apart() {
    for (name, plan) in shipped_plans() {
        let run = run(&plan, Channel::Bell, Some(Rate::default()), DESKTOP);
        run.patterns_whole_and_apart(&name);
        run.nothing_covers_anything(&name);
        // A count ticks unless the phase's words need its time.
        for (at, event) in run.lost() {
            assert!(matches!(event, Event::Countdown(_)), "{name}: {event:?} lost");
            let t0 = run.events[0].0;
            let words = run.words().any(|h| h.started - t0 < at && h.until - t0 + cues::WORDS_BEFORE_PATTERN > at);
            // Or the bells before it, a phase's that waited for words, leave it no pause.
            let bells = run.pause_before(t0 + at, Cue::Count).is_some_and(|from| from > t0 + at);
            assert!(words || bells, "{name}: the count at {at:?} was lost with nothing in its way");
        }
        run.phases_said_whole_with_their_side(&name);
    }
}

#[test]
fn with_bells_the_shortest_phases_keep_every_pattern_whole_and_apart() {
    // One-second holds and moves, and the shortest move back, in every exercise: no time to spare.
    for (id, _) in exercise::BUILT_IN {
        let mut exercise = exercise::built_in(id).unwrap().unwrap();
        exercise.timing.back = secs(exercise::limits::RETURN_MIN_SECS);
        let overrides =
            Overrides { hold: Some(secs(1)), transition: Some(secs(1)), sets: Some(2), ..Overrides::default() };
        let plan = Plan::new(exercise, &overrides);
        let name = format!("{id} --hold 1 --transition 1, return 2");
        for voice in [None, Some(Rate::default()), Some(Rate { wpm: 140 })] {
            let run = run(&plan, Channel::Bell, voice, DESKTOP);
            run.patterns_whole_and_apart(&name);
            // One-second holds and moves leave no room for the words between the bells (the
            // README says so): the bells wait for words only so long (schedule's `WORDS_WAIT`),
            // never drift from their phases, and keep every bell.
            for (at, cue) in &run.patterns {
                let due = run.events.iter().rev().find(|(when, _)| when <= at).expect("an event").0;
                assert!(*at - due <= Duration::from_secs(1), "{name}: {cue:?} {:?} late", *at - due);
            }
            let lost = run.lost();
            assert!(lost.iter().all(|(_, event)| matches!(event, Event::Countdown(_))), "{name}: {lost:?}");
        }
    }
}

#[test]
fn a_slow_sound_server_drops_the_counts_but_not_their_ticks_nor_the_phases() {
    let plan = Plan::new(exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap(), &Overrides::default());
    // espeak-ng into a null sink at its 2 s default latency: heard 0.9 s late.
    let run = run(&plan, Channel::Tones, Some(Rate::default()), Duration::from_millis(900));
    assert_eq!(run.lost(), [], "every tick sounds");
    let counts = run.words().filter(|h| words(h).is_some_and(|(_, p)| p == Priority::Count)).count();
    assert_eq!(counts, 0, "a count heard 0.9 s late is not said");
    run.phases_said_whole_with_their_side("slow");
    run.nothing_covers_anything("slow");
}

#[test]
fn when_the_tones_say_the_counts_the_voice_does_not_and_each_tick_carries_its_number() {
    let plan = Plan::new(exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap(), &Overrides::default());
    let t0 = Instant::now();
    let mut schedule = Schedule::new(Channel::Tones, Some((Rate::default(), Duration::ZERO)));
    let word = Duration::from_millis(300);
    schedule.spoken_counts(Some(word));
    assert!(schedule.says_counts());
    let mut counts = Vec::new();
    for (at, event) in events(&plan, t0) {
        schedule.event(&plan, event, at);
        let starts = schedule.take(at);
        if let Event::Countdown(n) = event {
            assert_eq!((starts.pattern, starts.count), (Some(Cue::Count), Some(n)), "{event:?}");
            let heard = schedule.heard_until().expect("the tick and its word");
            assert_eq!(heard, at + Pattern::of(Cue::Count).tones_length() + word);
            counts.push(n);
        }
        assert!(starts.speak.iter().all(|s| !matches!(s, Speak::Say { priority: Priority::Count, .. })));
    }
    assert_eq!(counts.len(), events(&plan, t0).iter().filter(|(_, e)| matches!(e, Event::Countdown(_))).count());
    // Falling back to the bell, the voice says the counts again.
    schedule.fall_back(Channel::Bell, None, t0);
    assert!(!schedule.says_counts());
}

#[test]
fn the_check_in_questions_follow_the_end_one_at_a_time_each_answer_moving_on() {
    let overrides = Overrides { reps: Some(1), ..Overrides::default() };
    let plan = Plan::new(exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap(), &overrides);
    let pain = "Pain now, 0 to 10";
    let hurt = "Which side hurt? 1, left. 2, right. 3, both. 4, neither.";
    let said = |run: &Run, text: &str| run.words().filter(|h| words(h).is_some_and(|(t, _)| t == text)).count();
    let heard =
        |run: &Run, text: &str| run.words().find(|h| words(h).is_some_and(|(t, _)| t == text)).cloned().expect("said");

    // Asked as the session ends: said after the end's words, under nothing, whole.
    let asked = run_asking(&plan, Channel::Tones, Some(Rate::default()), DESKTOP, &[(Duration::ZERO, pain)]);
    asked.nothing_covers_anything("asked at the end");
    asked.phases_said_whole_with_their_side("asked at the end");
    let complete = heard(&asked, "Session complete");
    let question = heard(&asked, pain);
    assert!(question.from >= complete.until && !question.cut, "{question:?} after {complete:?}");
    assert_eq!(said(&asked, pain), 1);

    // Answered before it was said (a quick key while the end is still heard): only the next.
    let quick = [(Duration::ZERO, pain), (Duration::from_millis(300), hurt)];
    let run = run_asking(&plan, Channel::Tones, Some(Rate::default()), DESKTOP, &quick);
    run.nothing_covers_anything("answered at once");
    assert_eq!((said(&run, pain), said(&run, hurt)), (0, 1), "the answered question is not said");
    assert!(heard(&run, hurt).from >= heard(&run, "Session complete").until);

    // Answered while it is said: it stops, and the next starts at once.
    let during = question.from + Duration::from_millis(200) - asked.events.last().unwrap().0;
    let run =
        run_asking(&plan, Channel::Tones, Some(Rate::default()), DESKTOP, &[(Duration::ZERO, pain), (during, hurt)]);
    run.nothing_covers_anything("answered while said");
    let (first, next) = (heard(&run, pain), heard(&run, hurt));
    assert!(first.cut, "{first:?}");
    assert_eq!(next.started, first.until, "the next question starts when the answered one is stopped");

    // Without a voice nothing is said, and the patterns are as before.
    let quiet = run_asking(&plan, Channel::Tones, None, DESKTOP, &[(Duration::ZERO, pain)]);
    assert_eq!(quiet.words().count(), 0);
    quiet.patterns_whole_and_apart("no voice");
}
