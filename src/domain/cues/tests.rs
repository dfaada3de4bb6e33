use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::voice::{Priority, Queue, Rate, Speak};
use super::*;
use crate::domain::exercise;
use crate::domain::plan::Overrides;
use crate::domain::routine;
use crate::domain::session::{Session, State};
use crate::domain::side::Side;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn plan_of(id: &str, overrides: &Overrides) -> Plan {
    Plan::new(exercise::without_return(id), overrides)
}

fn plan(transition: u64) -> Plan {
    plan_of(exercise::DEFAULT_ID, &Overrides::timing(2, 5, 10, transition))
}

/// Every shipped exercise as it comes, again without moves, and with two sets; every shipped
/// routine as it comes and without rests.
fn shipped_plans() -> Vec<(String, Plan)> {
    let mut plans = Vec::new();
    for (id, _) in exercise::BUILT_IN {
        plans.push(((*id).to_owned(), plan_of(id, &Overrides::default())));
        let no_moves = Overrides { transition: Some(Duration::ZERO), ..Overrides::default() };
        plans.push((format!("{id} --transition 0"), plan_of(id, &no_moves)));
        let sets = Overrides { sets: Some(2), reps: Some(2), ..Overrides::default() };
        plans.push((format!("{id} --sets 2"), plan_of(id, &sets)));
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

/// Every event of an uninterrupted session with the instant it happens, as plain mode wakes
/// for them.
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

#[test]
fn every_event_the_user_acts_on_has_its_cue() {
    let t0 = Instant::now();
    for (name, plan) in shipped_plans() {
        for (_, event) in events(&plan, t0) {
            let expected = match event {
                Event::PhaseStarted(0) if plan.phases[0].kind == PhaseKind::GetReady => None,
                Event::PhaseStarted(_) | Event::Countdown(_) | Event::Finished { completed: true } => Some(()),
                _ => None,
            };
            assert_eq!(cue(&plan, event).map(|_| ()), expected, "{name}: {event:?}");
            let said = words(&plan, event);
            assert_eq!(said.is_empty(), matches!(event, Event::Finished { completed: false }), "{name}: {event:?}");
        }
    }
}

#[test]
fn the_cues_follow_the_session() {
    let plan = plan(3);
    // Get ready, move left, hold left, move right, hold right, move left, hold left, ...
    let at = |index| cue(&plan, Event::PhaseStarted(index));
    assert_eq!(at(0), None, "starting is silent");
    assert_eq!(at(1), Some(Cue::Go), "the time to get ready is over");
    assert_eq!(at(2), Some(Cue::Hold));
    assert_eq!(at(3), Some(Cue::SwitchSides));
    assert_eq!(cue(&plan, Event::Countdown(3)), Some(Cue::Count));
    assert_eq!(cue(&plan, Event::Finished { completed: true }), Some(Cue::Done));
    assert_eq!(cue(&plan, Event::Finished { completed: false }), None);
    assert_eq!(cue(&plan, Event::Paused), None);

    // Without sides, a hold's end is a release.
    let tilt = plan_of("pelvic-tilt", &Overrides::timing(2, 5, 10, 2));
    assert_eq!(cue(&tilt, Event::PhaseStarted(3)), Some(Cue::Release));
    let sets = plan_of("pelvic-tilt", &Overrides { sets: Some(2), reps: Some(1), ..Overrides::default() });
    let rest = sets.phases.iter().position(|p| p.kind == PhaseKind::Rest).unwrap();
    assert_eq!(cue(&sets, Event::PhaseStarted(rest)), Some(Cue::Rest));
    assert_eq!(cue(&sets, Event::PhaseStarted(rest + 1)), Some(Cue::Go), "the rest is over");
}

#[test]
fn a_routine_announces_each_next_exercise() {
    let (_, routine) = shipped_plans().into_iter().find(|(name, _)| name == "low-back").unwrap();
    let starts: Vec<usize> = (1..routine.phases.len())
        .filter(|i| cue(&routine, Event::PhaseStarted(*i)) == Some(Cue::NextExercise))
        .collect();
    assert_eq!(starts.len(), routine.parts.len() - 1);
    for index in starts {
        assert_eq!(routine.phases[index].kind, PhaseKind::Rest);
        let name = &routine.parts[routine.phases[index].part].exercise.name;
        assert!(words(&routine, Event::PhaseStarted(index))[0].starts_with(&format!("Next: {name}.")));
    }
}

#[test]
fn no_two_cues_share_a_pattern() {
    let tones: HashSet<_> = PATTERNS.iter().map(|p| p.notes).collect();
    let bells: HashSet<_> = PATTERNS.iter().map(|p| p.bells).collect();
    assert_eq!(PATTERNS.len(), Cue::ALL.len());
    assert_eq!(tones.len(), Cue::ALL.len(), "tones");
    assert_eq!(bells.len(), Cue::ALL.len(), "bells");
    for cue in Cue::ALL {
        assert_eq!(Pattern::of(cue).cue, cue);
    }
    // "Done" is unlike any other: the most bells, and the only long high note at the end.
    let done = Pattern::of(Cue::Done);
    assert!(PATTERNS.iter().filter(|p| p.cue != Cue::Done).all(|p| p.bells.len() < done.bells.len()));
    let ends_high_and_long = |p: &Pattern| p.notes.last().is_some_and(|n| n.hz > 1000 && n.ms >= 500);
    assert_eq!(PATTERNS.iter().filter(|p| ends_high_and_long(p)).count(), 1);
}

#[test]
fn bells_of_a_pattern_never_run_into_one_another() {
    for pattern in PATTERNS {
        let gaps = pattern.bells.windows(2).map(|w| w[1] - w[0]);
        assert!(gaps.into_iter().all(|gap| u128::from(gap) >= BELL_GAP.as_millis()), "{:?}", pattern.cue);
        assert_eq!(pattern.bells[0], 0);
    }
}

/// Feeds a session's events to the sound schedule as the loop does, waking when it asks;
/// returns each pattern started with when, and each bell with when.
fn sound(plan: &Plan, bell: Bell, t0: Instant) -> (Vec<(Instant, Cue)>, Vec<Instant>) {
    let mut sounds = Sounds::new(bell);
    let mut started = Vec::new();
    let mut bells = Vec::new();
    let mut take = |sounds: &mut Sounds, now: Instant| {
        let due = sounds.take_due(now);
        started.extend(due.starts.map(|cue| (now, cue)));
        bells.extend(std::iter::repeat_n(now, due.bells));
    };
    for (at, event) in events(plan, t0) {
        while let Some(wake) = sounds.next().filter(|wake| *wake < at) {
            take(&mut sounds, wake);
        }
        if let Some(cue) = cue(plan, event) {
            sounds.add(cue, at);
        }
        take(&mut sounds, at);
    }
    while let Some(wake) = sounds.next() {
        take(&mut sounds, wake);
    }
    (started, bells)
}

#[test]
fn every_pattern_sounds_whole_in_every_shipped_session() {
    let t0 = Instant::now();
    for (name, plan) in shipped_plans() {
        let (started, bells) = sound(&plan, Bell::Terminal, t0);
        let expected: usize = started.iter().map(|(_, cue)| Pattern::of(*cue).bells.len()).sum();
        assert_eq!(bells.len(), expected, "{name}: a pattern was cut");
        assert!(bells.windows(2).all(|w| w[1] - w[0] >= BELL_GAP), "{name}: bells ran together");
        let cues: Vec<Cue> = events(&plan, t0).iter().filter_map(|(_, e)| cue(&plan, *e)).collect();
        assert_eq!(started.iter().map(|(_, c)| *c).collect::<Vec<_>>(), cues, "{name}: a cue was dropped");
        assert_eq!(started.last().map(|(_, c)| *c), Some(Cue::Done));
    }
}

#[test]
fn close_events_keep_the_more_important_pattern() {
    let t0 = Instant::now();
    // One-second moves and holds: the switch's bells (850 ms) end before the hold, the hold's
    // (250 ms) before a count; nothing is lost.
    let quick = plan_of(exercise::DEFAULT_ID, &Overrides::timing(2, 1, 0, 1));
    let (started, bells) = sound(&quick, Bell::Terminal, t0);
    assert_eq!(started.iter().filter(|(_, c)| *c == Cue::SwitchSides).count(), 3);
    assert!(bells.windows(2).all(|w| w[1] - w[0] >= BELL_GAP));

    // A two-second rest: its count comes while the rest's three slow bells still ring, and
    // gives way to them.
    let mut sounds = Sounds::new(Bell::Terminal);
    assert!(sounds.add(Cue::Rest, t0));
    assert!(!sounds.add(Cue::Count, t0 + secs(1)), "a count gives way to the rest");
    // A late wake-up that crossed several phases at once: the most important one sounds.
    let mut sounds = Sounds::new(Bell::Tones);
    for cue in [Cue::Count, Cue::Release, Cue::Hold, Cue::Count] {
        sounds.add(cue, t0);
    }
    assert_eq!(sounds.take_due(t0).starts, Some(Cue::Hold));
    // A more important pattern cuts a less important one short, one bell gap after its last bell.
    let mut sounds = Sounds::new(Bell::Terminal);
    sounds.add(Cue::Rest, t0);
    assert_eq!(sounds.take_due(t0).bells, 1);
    assert!(sounds.add(Cue::Done, t0 + Duration::from_millis(100)));
    assert_eq!(sounds.next(), Some(t0 + BELL_GAP));
    assert_eq!(sounds.take_due(t0 + BELL_GAP), Due { starts: Some(Cue::Done), bells: 1 });
    // Off is off.
    let mut sounds = Sounds::new(Bell::None);
    assert!(!sounds.add(Cue::Done, t0));
    assert_eq!(sounds.next(), None);
}

#[test]
fn the_voice_names_the_side_at_every_hold_and_move() {
    for (name, plan) in shipped_plans() {
        for (index, phase) in plan.phases.iter().enumerate() {
            let Some(side) = phase.side else { continue };
            if !matches!(phase.kind, PhaseKind::Hold | PhaseKind::Move) {
                continue;
            }
            for form in words(&plan, Event::PhaseStarted(index)) {
                assert!(form.to_lowercase().contains(side.word()), "{name}: phase {index}: {form}");
            }
        }
    }
}

#[test]
fn the_words_have_long_and_short_forms() {
    let plan = plan(3);
    let say = |index| words(&plan, Event::PhaseStarted(index));
    assert_eq!(say(0)[0], format!("Lower trunk rotation. {}", plan.phases[0].cue));
    assert_eq!(say(1), ["Slowly rotate your knees to the left", "Move, left"]);
    assert_eq!(say(2), ["Hold, left"]);
    assert_eq!(say(3), ["Switch sides. Slowly rotate your knees to the right", "Switch sides. Right.", "Right."]);
    assert_eq!(words(&plan, Event::Countdown(3)), ["3"]);
    assert_eq!(words(&plan, Event::Finished { completed: true }), ["Session complete"]);
    assert!(words(&plan, Event::Paused).is_empty());

    let no_moves = super::tests::plan(0);
    assert_eq!(words(&no_moves, Event::PhaseStarted(1)), ["Hold, left"]);
    assert_eq!(words(&no_moves, Event::PhaseStarted(2)), ["Switch sides. Hold, right.", "Right. Hold."]);
    let tilt = plan_of("pelvic-tilt", &Overrides::timing(2, 5, 10, 2));
    assert_eq!(words(&tilt, Event::PhaseStarted(3)), ["Release. Tighten your tummy and flatten your back", "Release"]);
}

#[test]
fn spoken_text_never_starts_with_a_dash() {
    let mut plan = plan(3);
    plan.phases[1].cue = " --rate 900 turn".to_owned();
    plan.phases[1].side = None;
    assert_eq!(words(&plan, Event::PhaseStarted(1))[0], "rate 900 turn");
    plan.phases[1].cue = "--".to_owned();
    assert_eq!(words(&plan, Event::PhaseStarted(1)), ["Move"]);
}

#[test]
fn a_form_cue_is_said_only_in_holds_long_enough_for_it() {
    let rate = Rate::default();
    let short = plan_of(exercise::DEFAULT_ID, &Overrides::timing(2, 5, 10, 3));
    assert_eq!(form_cue(&short, 2, rate), None, "5 s: the count starts 2 s in");
    let long = plan_of("knee-to-chest", &Overrides::default());
    let holds: Vec<usize> = (0..long.phases.len()).filter(|i| long.phases[*i].kind == PhaseKind::Hold).collect();
    let cues: Vec<String> = holds.iter().filter_map(|i| form_cue(&long, *i, rate)).collect();
    assert_eq!(cues.len(), holds.len(), "20 s holds each get one");
    assert!(cues.iter().all(|cue| !cue.starts_with("Hold.")));
    let exercise = &long.parts[0].exercise;
    let distinct: HashSet<&String> = cues.iter().collect();
    assert_eq!(distinct.len(), exercise.hold_cues().len().min(exercise.timing.reps as usize), "they rotate");
}

#[test]
fn the_rate_comes_from_the_voice_command() {
    let args = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(Rate::of_command(&args(&[])), Rate { wpm: 175 });
    assert_eq!(Rate::of_command(&args(&["-s", "140"])), Rate { wpm: 140 });
    assert_eq!(Rate::of_command(&args(&["-v", "en", "-s120"])), Rate { wpm: 120 });
    assert_eq!(Rate::of_command(&args(&["--speed=90"])), Rate { wpm: 90 });
    assert_eq!(Rate::of_command(&args(&["-s", "fast"])), Rate { wpm: 175 });
    assert_eq!(Rate::of_command(&args(&["-s", "0"])), Rate { wpm: 175 });
    let slow = Rate { wpm: 140 }.time_to_say("Switch sides. Slowly rotate your knees to the right");
    let fast = Rate { wpm: 175 }.time_to_say("Switch sides. Slowly rotate your knees to the right");
    assert!(slow > fast);
    // espeak-ng measured 3.20 s at 175 wpm and 4.08 s at 140 (README, "Sound").
    assert!((fast.as_secs_f64() - 3.2).abs() < 0.4, "{fast:?}");
    assert!((slow.as_secs_f64() - 4.08).abs() < 0.5, "{slow:?}");
}

/// One utterance as a stand-in speech command says it: exactly as long as the estimate.
#[derive(Debug)]
struct Spoken {
    text: String,
    priority: Priority,
    start: Instant,
    end: Instant,
    cut: bool,
    /// When the event that asked for it happened.
    asked: Instant,
}

/// Runs a whole session's words through the queue with a speaker that takes exactly the
/// estimated time for each utterance.
fn speak(plan: &Plan, rate: Rate, t0: Instant) -> Vec<Spoken> {
    let mut queue = Queue::new(rate);
    let mut spoken: Vec<Spoken> = Vec::new();
    let mut speaking: Option<usize> = None;
    let mut asked_at = Vec::new();
    let events = events(plan, t0);
    let mut pending = events.iter().peekable();
    let mut now = t0;
    loop {
        // What happens next: an event, the end of the words being said, or waiting words' time.
        let end = speaking.map(|i| spoken[i].end);
        let candidates = [pending.peek().map(|(at, _)| *at), end, queue.next_start().filter(|at| *at > now)];
        let Some(next) = candidates.into_iter().flatten().min() else { break };
        now = next;
        if end.is_some_and(|end| end <= now) {
            queue.said();
            speaking = None;
        }
        while let Some((at, event)) = pending.next_if(|(at, _)| *at <= now) {
            for utterance in speech(plan, *event, *at, rate) {
                asked_at.push((utterance.priority, *at));
                queue.push(utterance);
            }
        }
        while let Some(action) = queue.next(now) {
            match action {
                Speak::Stop => {
                    let i = speaking.take().expect("something to stop");
                    spoken[i].cut = true;
                    spoken[i].end = now;
                    queue.said();
                }
                Speak::Say(text, priority) => {
                    let asked = asked_at.iter().rev().find(|(p, _)| *p >= priority).map_or(now, |(_, at)| *at);
                    spoken.push(Spoken {
                        end: now + rate.time_to_say(&text),
                        text,
                        priority,
                        start: now,
                        cut: false,
                        asked,
                    });
                    speaking = Some(spoken.len() - 1);
                    break;
                }
            }
        }
        if pending.peek().is_none() && queue.is_idle() {
            break;
        }
    }
    spoken
}

#[test]
fn every_shipped_session_is_said_in_full_and_on_time() {
    let t0 = Instant::now();
    for wpm in [175, 140] {
        let rate = Rate { wpm };
        for (name, plan) in shipped_plans() {
            let spoken = speak(&plan, rate, t0);
            let phases: Vec<&Spoken> = spoken.iter().filter(|s| s.priority == Priority::Phase).collect();
            let asked = events(&plan, t0).iter().filter(|(_, e)| !words(&plan, *e).is_empty()).count();
            let counts = spoken.iter().filter(|s| s.priority == Priority::Count).count();
            assert_eq!(phases.len() + counts, asked, "{name}: all said");
            for said in &spoken {
                assert!(!said.cut || said.priority != Priority::Phase, "{name} {wpm}: `{}` was cut", said.text);
            }
            // Each phase's words start as the phase does and end before the next phase's.
            for pair in phases.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{name} {wpm}: `{}` runs into `{}`", pair[0].text, pair[1].text);
            }
            for said in &phases {
                assert_eq!(said.start, said.asked, "{name} {wpm}: `{}` started late", said.text);
            }
            // Every count is said, on time, and none is cut.
            let due = events(&plan, t0).iter().filter(|(_, e)| matches!(e, Event::Countdown(_))).count();
            assert_eq!(counts, due, "{name} {wpm}: counts dropped");
            for said in spoken.iter().filter(|s| s.priority == Priority::Count) {
                assert!(!said.cut && said.start - said.asked <= Duration::from_millis(500), "{name}: {said:?}");
            }
        }
    }
}

#[test]
fn form_cues_end_before_the_count() {
    let t0 = Instant::now();
    let rate = Rate::default();
    let plan = plan_of("knee-to-chest", &Overrides::default());
    let spoken = speak(&plan, rate, t0);
    let holds = plan.phases.iter().filter(|p| p.kind == PhaseKind::Hold).count();
    let tips: Vec<&Spoken> = spoken.iter().filter(|s| s.priority == Priority::Form).collect();
    assert_eq!(tips.len(), holds, "one form cue a hold");
    for tip in tips {
        let next_count = spoken.iter().find(|s| s.start > tip.start && s.priority == Priority::Count).unwrap();
        assert!(tip.end <= next_count.start, "{tip:?} runs into {next_count:?}");
        assert!(!tip.cut);
    }
}

#[test]
fn when_time_is_short_the_short_form_is_chosen_before_speaking() {
    let t0 = Instant::now();
    let rate = Rate::default();
    // A 3 s move cannot hold "Switch sides. Slowly rotate your knees to the right" (3.2 s).
    let spoken = speak(&plan(3), rate, t0);
    let switches: Vec<&str> = spoken.iter().map(|s| s.text.as_str()).filter(|t| t.starts_with("Switch")).collect();
    assert!(!switches.is_empty());
    assert!(switches.iter().all(|t| *t == "Switch sides. Right." || *t == "Switch sides. Left."), "{switches:?}");
    // Without moves, every hold still names its side.
    let spoken = speak(&plan(0), rate, t0);
    let holds: Vec<&str> = spoken.iter().map(|s| s.text.as_str()).filter(|t| t.contains("Hold")).collect();
    assert_eq!(holds, ["Hold, left", "Right. Hold.", "Left. Hold.", "Right. Hold."], "2 s before the count");
}

#[test]
fn a_phase_cuts_a_count_or_tip_but_nothing_cuts_a_phase() {
    let t0 = Instant::now();
    let mut queue = Queue::new(Rate::default());
    let utterance = |priority, text: &str, expires| voice::Utterance {
        priority,
        forms: vec![text.to_owned()],
        not_before: t0,
        fit_by: t0 + secs(10),
        end_by: t0 + secs(10),
        expires,
    };
    queue.push(utterance(Priority::Form, "Keep breathing.", None));
    assert_eq!(queue.next(t0), Some(Speak::Say("Keep breathing.".to_owned(), Priority::Form)));
    queue.push(utterance(Priority::Count, "3", Some(t0 + secs(1))));
    assert_eq!(queue.next(t0), None, "a count waits for the tip");
    queue.push(utterance(Priority::Phase, "Hold, left", None));
    assert_eq!(queue.next(t0), Some(Speak::Stop), "a phase cuts the tip");
    queue.said();
    assert_eq!(queue.next(t0), Some(Speak::Say("Hold, left".to_owned(), Priority::Phase)));
    queue.push(utterance(Priority::Count, "2", Some(t0 + secs(1))));
    queue.push(utterance(Priority::Phase, "Switch sides. Right.", None));
    assert_eq!(queue.next(t0), None, "never cut a phase");
    queue.said();
    assert_eq!(queue.next(t0 + secs(2)), Some(Speak::Say("Switch sides. Right.".to_owned(), Priority::Phase)));
    queue.said();
    assert!(queue.is_idle(), "the stale count was dropped");
}

#[test]
fn plain_lines_say_what_the_voice_says() {
    let plan = plan(3);
    let rate = Rate::default();
    assert_eq!(
        lines(&plan, Event::PhaseStarted(3), rate),
        ["Switch sides. Right.".to_owned(), plan::text::describe(&plan, 3)],
        "the form the voice has time for"
    );
    assert_eq!(
        lines(&super::tests::plan(5), Event::PhaseStarted(3), rate)[0],
        "Switch sides. Slowly rotate your knees to the right"
    );
    assert_eq!(lines(&plan, Event::PhaseStarted(2), rate), ["Hold, left".to_owned(), plan::text::describe(&plan, 2)]);
    assert_eq!(lines(&plan, Event::Countdown(2), rate), ["2"]);
    assert_eq!(lines(&plan, Event::Finished { completed: true }, rate), ["Session complete"]);
    assert!(lines(&plan, Event::Resumed, rate).is_empty());
    let long = plan_of("knee-to-chest", &Overrides::default());
    let hold = long.phases.iter().position(|p| p.kind == PhaseKind::Hold).unwrap();
    let printed = lines(&long, Event::PhaseStarted(hold), rate);
    assert_eq!(printed.last(), form_cue(&long, hold, rate).as_ref(), "the form cue is printed too");
    assert_eq!(long.phases[hold].side, Some(Side::Left));
}

#[test]
fn the_readme_has_the_table_of_patterns() {
    let readme = include_str!("../../../README.md");
    for pattern in PATTERNS {
        let cue = pattern.cue;
        let row = format!("| {} | {} | {} | {} |", cue.name(), cue.when(), pattern.bells_heard, pattern.tones_heard);
        assert!(readme.contains(&row), "README lacks: {row}");
    }
}

#[test]
fn a_short_rest_still_names_the_next_exercise_before_its_count() {
    let (_, routine) = shipped_plans().into_iter().find(|(name, _)| name == "low-back").unwrap();
    let mut short = routine.clone();
    for phase in &mut short.phases {
        if phase.kind == PhaseKind::Rest {
            phase.duration = secs(4);
        }
    }
    let rest = short.phases.iter().position(|p| p.kind == PhaseKind::Rest).unwrap();
    let name = &short.parts[short.phases[rest].part].exercise.name;
    // No form fits before the count 1 s in; the phase's words still come first, whole.
    assert_eq!(said(&short, Event::PhaseStarted(rest), Rate::default()), Some(format!("Next: {name}.")));
    let spoken = speak(&short, Rate::default(), Instant::now());
    assert!(spoken.iter().all(|s| !s.cut || s.priority != Priority::Phase));
    assert!(spoken.iter().any(|s| s.text == format!("Next: {name}.")));
}

#[test]
fn the_move_back_sounds_the_release_and_the_next_move_the_switch() {
    let plan = Plan::new(exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap(), &Overrides::timing(1, 5, 0, 3));
    let kinds: Vec<PhaseKind> = plan.phases.iter().map(|p| p.kind).collect();
    assert_eq!(kinds[..4], [PhaseKind::Move, PhaseKind::Hold, PhaseKind::Return, PhaseKind::Move]);
    assert_eq!(cue(&plan, Event::PhaseStarted(2)), Some(Cue::Release), "let go of the hold, come back");
    assert_eq!(words(&plan, Event::PhaseStarted(2))[0], "Release. Bring your knees back to the middle, slowly");
    assert_eq!(words(&plan, Event::PhaseStarted(2)).last().map(String::as_str), Some("Release"));
    assert_eq!(cue(&plan, Event::PhaseStarted(3)), Some(Cue::SwitchSides), "then over to the other side");
    let bridge = Plan::new(exercise::built_in("glute-bridge").unwrap().unwrap(), &Overrides::timing(2, 5, 0, 3));
    assert_eq!(cue(&bridge, Event::PhaseStarted(2)), Some(Cue::Release), "lower the hips");
    assert_eq!(cue(&bridge, Event::PhaseStarted(3)), Some(Cue::Go), "lift again");
}
