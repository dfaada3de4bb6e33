use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::voice::{Priority, Queue, Rate, Speak, Utterance};
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
                Event::PhaseStarted(_) | Event::Countdown(_) | Event::Finished { completed: true, .. } => Some(()),
                _ => None,
            };
            assert_eq!(cue(&plan, event).map(|_| ()), expected, "{name}: {event:?}");
            let said = words(&plan, event);
            assert_eq!(said.is_empty(), matches!(event, Event::Finished { completed: false, .. }), "{name}: {event:?}");
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
    assert_eq!(cue(&plan, Event::Finished { completed: true, skipped: 0 }), Some(Cue::Done));
    assert_eq!(cue(&plan, Event::Finished { completed: false, skipped: 0 }), None);
    assert_eq!(
        cue(&plan, Event::Finished { completed: true, skipped: 2 }),
        Some(Cue::Done),
        "the end's tone, skipped or not"
    );
    assert_eq!(cue(&plan, Event::Finished { completed: false, skipped: 2 }), None);
    assert_eq!(cue(&plan, Event::Paused), None);

    // Without sides, a hold's end is a release.
    let tilt = plan_of("pelvic-tilt", &Overrides::timing(2, 5, 10, 2));
    assert_eq!(cue(&tilt, Event::PhaseStarted(3)), Some(Cue::Release));
    let sets = plan_of("pelvic-tilt", &Overrides { sets: Some(2), reps: Some(1), ..Overrides::default() });
    let rest = sets.phases.iter().position(|p| p.kind == PhaseKind::Rest).unwrap();
    assert_eq!(cue(&sets, Event::PhaseStarted(rest)), Some(Cue::Rest));
    assert_eq!(cue(&sets, Event::PhaseStarted(rest + 1)), Some(Cue::Go), "the rest is over");
    // With sides too: the set after the rest starts afresh on whatever side, with "go", not
    // "switch sides", and its words still name the side.
    let sided = plan_of(exercise::DEFAULT_ID, &Overrides { sets: Some(2), reps: Some(1), ..Overrides::default() });
    let rest = sided.phases.iter().position(|p| p.kind == PhaseKind::Rest).unwrap();
    let first = &sided.phases[rest + 1];
    assert_eq!((first.kind, first.side.is_some()), (PhaseKind::Move, true));
    assert_eq!(cue(&sided, Event::PhaseStarted(rest + 1)), Some(Cue::Go), "the rest is over, on a side");
    let said = words(&sided, Event::PhaseStarted(rest + 1));
    assert!(said.iter().all(|w| !w.contains("Switch")) && said[0].to_lowercase().contains(first.side.unwrap().word()));
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
fn patterns_that_can_meet_in_one_exercise_differ_in_notes_or_rhythm() {
    assert_eq!(PATTERNS.len(), Cue::ALL.len());
    for cue in Cue::ALL {
        assert_eq!(Pattern::of(cue).cue, cue);
    }
    let t0 = Instant::now();
    for (name, plan) in shipped_plans() {
        for part in 0..plan.parts.len() {
            // The cues of one exercise: its phases' and counts', and the end.
            let mut met: Vec<Cue> = events(&plan, t0)
                .iter()
                .filter(|(_, event)| match event {
                    Event::PhaseStarted(index) => plan.phases[*index].part == part,
                    _ => true,
                })
                .filter_map(|(_, event)| cue(&plan, *event))
                .collect();
            met.sort_by_key(|cue| cue.priority());
            met.dedup();
            for (i, a) in met.iter().enumerate() {
                for b in &met[i + 1..] {
                    let (a, b) = (Pattern::of(*a), Pattern::of(*b));
                    assert!(a.differs_from(b), "{name}: {:?} and {:?} sound alike", a.cue, b.cue);
                }
            }
        }
    }
    // Tempo or pitch alone is not another pattern.
    let quick = Pattern { bells: &[0, 250], ..*Pattern::of(Cue::Hold) };
    let slow = Pattern { bells: &[0, 400], ..*Pattern::of(Cue::Hold) };
    assert!(!quick.bells_differ(&slow));
    let up = Pattern { notes: &[Note { hz: 440, ms: 100 }, Note { hz: 660, ms: 100 }], ..*Pattern::of(Cue::Go) };
    let down = Pattern { notes: &[Note { hz: 660, ms: 100 }, Note { hz: 440, ms: 100 }], ..*Pattern::of(Cue::Go) };
    assert!(!up.tones_differ(&down));
    // "Done" is unlike any other: the most bells, and the only long high note at the end.
    let done = Pattern::of(Cue::Done);
    assert!(PATTERNS.iter().filter(|p| p.cue != Cue::Done).all(|p| p.bells.len() < done.bells.len()));
    let ends_high_and_long = |p: &Pattern| p.notes.last().is_some_and(|n| n.hz > 1000 && n.ms >= 500);
    assert_eq!(PATTERNS.iter().filter(|p| ends_high_and_long(p)).count(), 1);
    // Every pattern but "done" is over within half a second as tones: it stands apart from what
    // comes a second later, and leaves words their room.
    for pattern in PATTERNS.iter().filter(|p| p.cue != Cue::Done) {
        assert!(pattern.tones_length() <= Duration::from_millis(450), "{:?}", pattern.cue);
    }
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
fn sound(plan: &Plan, channel: Channel, t0: Instant) -> (Vec<(Instant, Cue)>, Vec<Instant>) {
    let mut sounds = Sounds::new(channel);
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
        let (started, bells) = sound(&plan, Channel::Bell, t0);
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
    // One-second moves and holds: the switch's bells (700 ms) end before the hold, the hold's
    // (450 ms) before a count; nothing is lost.
    let quick = plan_of(exercise::DEFAULT_ID, &Overrides::timing(2, 1, 0, 1));
    let (started, bells) = sound(&quick, Channel::Bell, t0);
    assert_eq!(started.iter().filter(|(_, c)| *c == Cue::SwitchSides).count(), 3);
    assert!(bells.windows(2).all(|w| w[1] - w[0] >= BELL_GAP));

    // A count that comes while the rest's four bells still ring gives way to them.
    let mut sounds = Sounds::new(Channel::Bell);
    assert!(sounds.add(Cue::Rest, t0));
    assert!(!sounds.add(Cue::Count, t0 + Duration::from_millis(500)), "a count gives way to the rest");
    // A late wake-up that crossed several phases at once: the most important one sounds.
    let mut sounds = Sounds::new(Channel::Tones);
    for cue in [Cue::Count, Cue::Release, Cue::Hold, Cue::Count] {
        sounds.add(cue, t0);
    }
    assert_eq!(sounds.take_due(t0).starts, Some(Cue::Hold));
    // A more important pattern cuts a less important one short, its first bell after the pause
    // that sets the two apart: half as long again as the widest gap inside either (done's 600 ms).
    let mut sounds = Sounds::new(Channel::Bell);
    sounds.add(Cue::Rest, t0);
    assert_eq!(sounds.take_due(t0).bells, 1);
    assert!(sounds.add(Cue::Done, t0 + Duration::from_millis(100)));
    let apart = t0 + Duration::from_millis(900);
    assert_eq!(sounds.next(), Some(apart));
    assert_eq!(sounds.take_due(t0 + Duration::from_millis(899)), Due::default());
    assert_eq!(sounds.take_due(apart), Due { starts: Some(Cue::Done), bells: 1 });
    // A count in that pause is not rung late: it is left out.
    assert!(!sounds.add(Cue::Count, apart + Duration::from_millis(100)));
    // After a one-second move, the hold waits for the go's bells to be heard apart, not fused.
    let mut sounds = Sounds::new(Channel::Bell);
    sounds.add(Cue::Go, t0);
    while let Some(wake) = sounds.next() {
        sounds.take_due(wake);
    }
    assert!(sounds.add(Cue::Hold, t0 + secs(1)));
    assert_eq!(
        sounds.next(),
        Some(t0 + Duration::from_millis(750 + 750)),
        "the go's last bell, then 1.5 of its 500 ms gap"
    );
    // Off is off.
    let mut sounds = Sounds::new(Channel::Off);
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
    assert_eq!(say(1), ["Slowly rotate your knees to the left", "Move, left", "Left."]);
    assert_eq!(say(2), ["Hold, left", "Left."]);
    assert_eq!(say(3), ["Switch sides. Slowly rotate your knees to the right", "Switch sides. Right.", "Right."]);
    assert_eq!(words(&plan, Event::Countdown(3)), ["3"]);
    assert_eq!(words(&plan, Event::Finished { completed: true, skipped: 0 }), ["Session complete"]);
    assert_eq!(
        words(&plan, Event::Finished { completed: true, skipped: 2 }),
        ["Session ended, 2 holds skipped", "Session ended"],
        "an end reached past skipped holds is not complete, as the done screen heads it"
    );
    assert!(words(&plan, Event::Paused).is_empty());

    let no_moves = super::tests::plan(0);
    assert_eq!(words(&no_moves, Event::PhaseStarted(1)), ["Hold, left", "Left."]);
    assert_eq!(words(&no_moves, Event::PhaseStarted(2)), ["Switch sides. Hold, right.", "Right. Hold.", "Right."]);
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
    let voicing = Voicing::default();
    let quiet = Pattern::of(Cue::Hold).tones_length();
    let short = plan_of(exercise::DEFAULT_ID, &Overrides::timing(2, 5, 10, 3));
    assert_eq!(form_cue(&short, 2, voicing, quiet), None, "5 s: the count starts 2 s in");
    let long = plan_of("knee-to-chest", &Overrides::default());
    let holds: Vec<usize> = (0..long.phases.len()).filter(|i| long.phases[*i].kind == PhaseKind::Hold).collect();
    let cues: Vec<String> = holds.iter().filter_map(|i| form_cue(&long, *i, voicing, quiet)).map(|t| t.text).collect();
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
    assert!((fast.as_secs_f64() - 3.2).abs() < 0.2, "{fast:?}");
    assert!((slow.as_secs_f64() - 4.08).abs() < 0.2, "{slow:?}");
    // A pause mark at the end is the silence after the words, already counted; "Right." took
    // 0.64 s, of which 0.34 s heard.
    let right = Rate::default();
    assert!((right.time_to_say("Right.").as_secs_f64() - 0.64).abs() < 0.1);
    assert!((right.heard("Right.").1.as_secs_f64() - 0.34).abs() < 0.1);
}

#[test]
fn a_phase_cuts_a_count_or_tip_and_starts_on_time_whatever_was_said_before() {
    let t0 = Instant::now();
    let rate = Rate::default();
    let mut queue = Queue::new(rate, Duration::ZERO);
    let utterance = |priority, text: &str, expires| Utterance { priority, text: text.to_owned(), at: t0, expires };
    let say = |text: &str, priority, at: Instant| {
        // Nothing is learned yet: a command may run up to the unknown lag past its words.
        Some(Speak::Say { text: text.to_owned(), priority, ends: at + voice::UNKNOWN_LAG + rate.time_to_say(text) })
    };
    queue.push(utterance(Priority::Form, "Keep breathing.", None));
    assert_eq!(queue.next(t0), say("Keep breathing.", Priority::Form, t0));
    queue.push(utterance(Priority::Count, "3", Some(t0 + secs(1))));
    assert_eq!(queue.next(t0), None, "a count waits for the tip");
    queue.push(utterance(Priority::Phase, "Hold, left", None));
    assert_eq!(queue.next(t0), Some(Speak::Stop), "a phase cuts the tip");
    assert_eq!(queue.next(t0), say("Hold, left", Priority::Phase, t0));
    queue.push(utterance(Priority::Count, "2", Some(t0 + secs(1))));
    queue.push(utterance(Priority::Phase, "Switch sides. Right.", None));
    assert_eq!(queue.next(t0), say("Switch sides. Right.", Priority::Phase, t0), "on time, not waiting");
    // Words are waited for while they are heard, not for their command's silence after them.
    queue.push(Utterance { at: t0, ..utterance(Priority::Form, "Breathe.", None) });
    let heard = t0 + rate.heard("Switch sides. Right.").1;
    assert_eq!(queue.next(heard.checked_sub(Duration::from_millis(1)).unwrap()), None);
    assert_eq!(queue.next_start(), Some(heard));
    assert_eq!(queue.next(heard), say("Breathe.", Priority::Form, heard));
    queue.said();
    assert!(queue.is_idle(), "the stale count was dropped");
}

#[test]
fn the_lag_is_the_median_of_the_last_three_and_a_quick_voice_fails_on_the_second_time() {
    let mut lag = voice::Lag::new(Duration::from_millis(50));
    assert_eq!(lag.get(), Duration::ZERO, "under a slow server's: none");
    assert_eq!(lag.allowance(), voice::UNKNOWN_LAG, "nothing learned: a slow server is allowed for");
    let said = |ms: u64| Duration::from_millis(ms);
    lag.observe(said(2_000), said(1_000));
    assert_eq!(lag.get(), secs(1), "one slow start decides until more come");
    lag.observe(said(1_900), said(1_000));
    lag.observe(said(1_850), said(1_000));
    assert_eq!(lag.get(), Duration::from_millis(900), "the median of 1, 0.9 and 0.85 s");
    lag.observe(said(1_200), said(1_000));
    lag.observe(said(900), said(1_000));
    assert_eq!(lag.get(), Duration::ZERO, "a busy machine's or the estimate's tenths are no lag");
    assert_eq!(lag.allowance(), voice::UNKNOWN_LAG, "a command is hung only past the longest lag seen");
    lag.observe(said(3_500), said(1_000));
    assert_eq!(lag.allowance(), Duration::from_millis(2_500));
    let mut health = voice::Health::default();
    assert!(!health.ended(said(10), secs(1)));
    assert!(!health.ended(said(900), secs(1)), "a real one in between");
    assert!(!health.ended(said(10), secs(1)));
    assert!(health.ended(said(10), secs(1)), "twice in a row");
}

#[test]
fn plain_lines_say_what_the_voice_says() {
    let plan = plan(3);
    let rate = Voicing::default();
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
    assert_eq!(lines(&plan, Event::Finished { completed: true, skipped: 0 }, rate), ["Session complete"]);
    assert_eq!(lines(&plan, Event::Finished { completed: true, skipped: 1 }, rate), ["Session ended, 1 hold skipped"]);
    assert!(lines(&plan, Event::Resumed, rate).is_empty());
    let long = plan_of("knee-to-chest", &Overrides::default());
    let hold = long.phases.iter().position(|p| p.kind == PhaseKind::Hold).unwrap();
    let printed = lines(&long, Event::PhaseStarted(hold), rate);
    let quiet = Pattern::of(Cue::Hold).tones_length();
    assert_eq!(
        printed.last(),
        form_cue(&long, hold, rate, quiet).map(|t| t.text).as_ref(),
        "the form cue is printed too"
    );
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
fn a_short_rest_still_names_the_next_exercise_and_its_counting_starts_after() {
    let (_, routine) = shipped_plans().into_iter().find(|(name, _)| name == "low-back").unwrap();
    let mut short = routine.clone();
    for phase in &mut short.phases {
        if phase.kind == PhaseKind::Rest {
            phase.duration = secs(4);
        }
    }
    let rest = short.phases.iter().position(|p| p.kind == PhaseKind::Rest).unwrap();
    let name = &short.parts[short.phases[rest].part].exercise.name;
    // No form fits before the count 1 s in; the phase's words still come first, whole, and the
    // counting starts after them.
    let voicing = Voicing::default();
    assert_eq!(said(&short, Event::PhaseStarted(rest), voicing), Some(format!("Next: {name}.")));
    let quiet = pattern_heard(&short, Event::PhaseStarted(rest), Channel::Tones);
    let from = counts_from(&short, rest, voicing, quiet).expect("the counting waits");
    let timed = timed_words(&short, Event::PhaseStarted(rest), voicing, quiet).unwrap();
    assert_eq!(from, timed.heard_until + WORDS_BEFORE_PATTERN);
    assert!(from > until_count(&short.phases[rest]) && from < short.phases[rest].duration);
}

#[test]
fn a_count_is_heard_after_its_tick_within_150_ms_or_not_said() {
    let plan = plan(3);
    let tick = Pattern::of(Cue::Count).tones_length();
    let at = |lag_ms| {
        let voicing = Voicing { lag: Duration::from_millis(lag_ms), ..Voicing::default() };
        timed_words(&plan, Event::Countdown(2), voicing, tick)
            .map(|t| (t.start, t.start + voicing.lag + voicing.rate.silence_before()))
    };
    let (start, heard) = at(0).expect("said");
    assert!(heard > tick && heard <= COUNT_LATE, "{heard:?}");
    assert!(start > Duration::ZERO, "started so as to be heard after the tick");
    assert_eq!(at(400), None, "a slow voice would say it late");
    // After the terminal bell's sound there is no room for the word.
    let bell = Pattern::of(Cue::Count).heard_for(Channel::Bell);
    assert_eq!(timed_words(&plan, Event::Countdown(2), Voicing::default(), bell), None);
    // Without a pattern, the word is the tick.
    assert_eq!(
        timed_words(&plan, Event::Countdown(2), Voicing::default(), Duration::ZERO).unwrap().start,
        Duration::ZERO
    );
}

#[test]
fn the_move_back_sounds_the_return_and_the_next_move_the_switch() {
    let plan = Plan::new(exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap(), &Overrides::timing(1, 5, 0, 3));
    let kinds: Vec<PhaseKind> = plan.phases.iter().map(|p| p.kind).collect();
    assert_eq!(kinds[..4], [PhaseKind::Move, PhaseKind::Hold, PhaseKind::Return, PhaseKind::Move]);
    assert_eq!(cue(&plan, Event::PhaseStarted(2)), Some(Cue::Return), "let go of the hold, come back");
    assert_eq!(words(&plan, Event::PhaseStarted(2))[0], "Release. Bring your knees back to the middle, slowly");
    assert_eq!(words(&plan, Event::PhaseStarted(2)).last().map(String::as_str), Some("Release"));
    assert_eq!(cue(&plan, Event::PhaseStarted(3)), Some(Cue::SwitchSides), "then over to the other side");
    let bridge = Plan::new(exercise::built_in("glute-bridge").unwrap().unwrap(), &Overrides::timing(2, 5, 0, 3));
    assert_eq!(cue(&bridge, Event::PhaseStarted(2)), Some(Cue::Return), "lower the hips");
    assert_eq!(cue(&bridge, Event::PhaseStarted(3)), Some(Cue::Go), "lift again");
}
