use std::time::{Duration, Instant};

use super::*;
use crate::domain::exercise;
use crate::domain::plan::Overrides;

fn plan(transition: u64) -> Plan {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
    let overrides = Overrides {
        reps: Some(2),
        get_ready: Some(Duration::from_secs(10)),
        transition: Some(Duration::from_secs(transition)),
        ..Overrides::default()
    };
    Plan::new(exercise, &overrides)
}

const ON: Options = Options { quiet: false };

#[test]
fn holds_ring_once_and_side_switches_twice() {
    let plan = plan(3);
    // Phases: get ready, move left, hold left, move right, hold right, move left, ...
    assert_eq!(plan.phases[3].kind, PhaseKind::Move);
    assert_eq!(bells(&plan, Event::PhaseStarted(0), &ON), 0, "getting ready is silent");
    assert_eq!(bells(&plan, Event::PhaseStarted(1), &ON), 0, "the first move is no switch");
    assert_eq!(bells(&plan, Event::PhaseStarted(2), &ON), 1, "the hold starts");
    assert_eq!(bells(&plan, Event::PhaseStarted(3), &ON), 2, "switch to the right");
    assert_eq!(bells(&plan, Event::PhaseStarted(5), &ON), 2, "switch back to the left");
    assert_eq!(bells(&plan, Event::Countdown(3), &ON), 1);
    assert_eq!(bells(&plan, Event::Finished { completed: true }, &ON), 2);
    assert_eq!(bells(&plan, Event::Finished { completed: false }, &ON), 0);
    assert_eq!(bells(&plan, Event::Paused, &ON), 0);
}

#[test]
fn quiet_silences_everything() {
    let plan = plan(3);
    let quiet = Options { quiet: true };
    for event in
        [Event::PhaseStarted(2), Event::PhaseStarted(3), Event::Countdown(1), Event::Finished { completed: true }]
    {
        assert_eq!(bells(&plan, event, &quiet), 0, "{event:?}");
    }
}

#[test]
fn the_voice_says_what_to_do_in_short_words() {
    let plan = plan(3);
    let say = |event| words(&plan, event);
    assert_eq!(say(Event::PhaseStarted(0)).unwrap(), plan.phases[0].cue);
    assert_eq!(say(Event::PhaseStarted(1)).as_deref(), Some("Slowly rotate your knees to the left"));
    assert_eq!(say(Event::PhaseStarted(2)).as_deref(), Some("Hold"));
    assert_eq!(say(Event::Countdown(3)).as_deref(), Some("3"));
    assert_eq!(say(Event::PhaseStarted(3)).as_deref(), Some("Switch sides. Slowly rotate your knees to the right"));
    assert_eq!(say(Event::Finished { completed: true }).as_deref(), Some("Session complete"));
    assert_eq!(say(Event::Finished { completed: false }), None);
    assert_eq!(say(Event::Paused), None);
}

#[test]
fn without_moves_the_switch_comes_with_the_hold() {
    let plan = plan(0);
    // Phases: get ready, hold left, hold right, ...
    assert_eq!(words(&plan, Event::PhaseStarted(1)).as_deref(), Some("Hold"));
    assert_eq!(words(&plan, Event::PhaseStarted(2)).as_deref(), Some("Switch sides. Hold"));
    assert_eq!(bells(&plan, Event::PhaseStarted(2), &ON), 2);
}

#[test]
fn spoken_text_never_starts_with_a_dash() {
    let mut plan = plan(3);
    plan.phases[1].cue = " --rate 900 turn".to_owned();
    assert_eq!(words(&plan, Event::PhaseStarted(1)).as_deref(), Some("rate 900 turn"));
    plan.phases[1].cue = "--".to_owned();
    assert_eq!(words(&plan, Event::PhaseStarted(1)), None);
}

#[test]
fn plain_lines_say_what_the_voice_says() {
    let plan = plan(3);
    assert_eq!(lines(&plan, Event::PhaseStarted(3)), ["Switch sides".to_owned(), plan::text::describe(&plan, 3)]);
    assert_eq!(lines(&plan, Event::PhaseStarted(2)), [plan::text::describe(&plan, 2)]);
    assert_eq!(lines(&plan, Event::Countdown(2)), ["2"]);
    assert_eq!(lines(&plan, Event::Finished { completed: true }), ["Session complete"]);
    assert!(lines(&plan, Event::Resumed).is_empty());
}

#[test]
fn bells_of_one_cue_are_spaced_in_time() {
    let t0 = Instant::now();
    let mut bells = Bells::default();
    bells.add(2, t0);
    assert_eq!(bells.take_due(t0), 1);
    assert_eq!(bells.next(), Some(t0 + BELL_GAP));
    assert_eq!(bells.take_due(t0 + Duration::from_millis(249)), 0);
    assert_eq!(bells.take_due(t0 + BELL_GAP), 1);
    assert_eq!(bells.next(), None);
}

#[test]
fn bells_queued_together_do_not_merge() {
    let t0 = Instant::now();
    let mut bells = Bells::default();
    bells.add(1, t0);
    bells.add(2, t0);
    assert_eq!(bells.take_due(t0), 1);
    assert_eq!(bells.take_due(t0 + BELL_GAP), 1);
    assert_eq!(bells.take_due(t0 + BELL_GAP * 2), 1);
    bells.add(1, t0 + Duration::from_secs(9));
    assert_eq!(bells.next(), Some(t0 + Duration::from_secs(9)), "a later bell waits for its own time");
    assert_eq!(bells.take_due(t0 + Duration::from_secs(60)), 1);
}
