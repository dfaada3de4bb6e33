//! The schedule holds whatever the user does: help, pause, suspend and stray keys move what
//! follows by exactly the time paused, and skip or back re-plan only from the moment pressed.
//! Driven through the app as the terminal loop drives it, with time as an argument.

use std::time::{Duration, Instant};

mod support;

use proptest::prelude::*;
use trunkrot::domain::exercise;
use trunkrot::domain::plan::{Overrides, Plan};
use trunkrot::domain::session::{Command, Session, State};
use trunkrot::tui::app::{Action, App};

fn app(t0: Instant) -> App {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    let overrides = Overrides {
        reps: Some(3),
        hold: Some(Duration::from_secs(5)),
        get_ready: Some(Duration::from_secs(4)),
        transition: Some(Duration::from_secs(2)),
        ..Overrides::default()
    };
    App::new(Session::start(Plan::new(exercise, &overrides), t0))
}

/// Ticks from deadline to deadline until the session ends; returns when it ended.
fn run_to_the_end(app: &mut App) -> Instant {
    loop {
        match app.session.state() {
            State::Running { ends_at, .. } => drop(app.tick(ends_at)),
            State::Finished { at, .. } => return at,
            State::Paused { .. } => panic!("still paused"),
        }
    }
}

/// Actions that may pause the session but must never move it on.
fn pausing_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::ToggleHelp),
        Just(Action::Suspend),
        Just(Action::Session(Command::TogglePause)),
        Just(Action::Session(Command::Pause)),
        Just(Action::Session(Command::Resume)),
        (-3i16..3).prop_map(Action::ScrollHelp),
        Just(Action::Confirm),
    ]
}

proptest! {
    #![proptest_config(support::seeds::config(256))]

    #[test]
    fn pausing_actions_move_the_end_by_exactly_the_time_paused(
        steps in prop::collection::vec((0u64..20_000, pausing_action()), 0..40),
    ) {
        let t0 = Instant::now();
        let mut app = app(t0);
        let planned_end = t0 + app.session.plan().total();
        let mut now = t0;
        let mut paused = Duration::ZERO;
        for (gap_ms, action) in steps {
            let next = now + Duration::from_millis(gap_ms);
            if app.session.is_paused() {
                paused += next - now;
            }
            now = next;
            app.handle(action, now);
            // Only Enter on the done screen leaves.
            prop_assert!(!app.exiting() || app.session.is_finished());
        }
        // Close the help and resume, as the user would, then let the session run out.
        if app.help.is_some() {
            app.handle(Action::ToggleHelp, now);
        }
        if app.session.is_paused() {
            app.handle(Action::Session(Command::Resume), now);
        }
        if app.session.is_finished() {
            // Every phase ran out during the steps; it ended on plan plus what was paused.
            prop_assert_eq!(app.session.summary(now).elapsed, planned_end + paused - t0);
        } else {
            prop_assert_eq!(run_to_the_end(&mut app), planned_end + paused);
        }
        prop_assert_eq!(app.session.summary(now).active, app.session.plan().total());
    }
}

#[test]
fn skip_re_plans_the_rest_from_the_moment_it_is_pressed() {
    let t0 = Instant::now();
    let mut app = app(t0);
    let pressed = t0 + Duration::from_millis(2_345);
    app.handle(Action::Session(Command::Skip), pressed);
    let rest: Duration = app.session.plan().phases[1..].iter().map(|p| p.duration).sum();
    assert_eq!(run_to_the_end(&mut app), pressed + rest);
}

#[test]
fn back_restarts_the_phase_and_the_rest_follows_in_full() {
    let t0 = Instant::now();
    let mut app = app(t0);
    let pressed = t0 + Duration::from_millis(3_500);
    app.handle(Action::Session(Command::Back), pressed);
    assert_eq!(app.session.index(), Some(0));
    assert_eq!(run_to_the_end(&mut app), pressed + app.session.plan().total());
}

#[test]
fn suspend_then_continue_counts_no_time_while_stopped() {
    let t0 = Instant::now();
    let mut app = app(t0);
    let stopped = t0 + Duration::from_secs(1);
    app.handle(Action::Suspend, stopped);
    // The terminal loop handles SIGCONT by suspending again: it must not resume.
    app.handle(Action::Suspend, stopped + Duration::from_secs(600));
    assert!(app.session.is_paused());
    assert_eq!(app.session.remaining(stopped + Duration::from_secs(600)), Duration::from_secs(3));
    let resumed = stopped + Duration::from_secs(700);
    app.handle(Action::Session(Command::TogglePause), resumed);
    assert_eq!(run_to_the_end(&mut app), t0 + app.session.plan().total() + Duration::from_secs(700));
}

/// Where a `proptest!` block in `text` does not keep its failures' seeds: the config it opens
/// with must be [`support::seeds::config`] (or name `WithSource` persistence itself).
fn blocks_without_seeds(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let keeps = |line: &str| {
        line.contains("proptest_config(") && (line.contains("seeds::config(") || line.contains("WithSource("))
    };
    (0..lines.len())
        .filter(|&at| lines[at].trim() == "proptest! {")
        .filter(|&at| !lines[at + 1..].iter().find(|line| !line.trim().is_empty()).is_some_and(|line| keeps(line)))
        .map(|at| at + 1)
        .collect()
}

#[test]
fn every_property_test_in_the_tree_keeps_its_seeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for file in support::source::rust_files(&root.join("tests"))
        .into_iter()
        .chain(support::source::rust_files(&root.join("src")))
    {
        let text = std::fs::read_to_string(&file).expect("a source file");
        found.extend(blocks_without_seeds(&text).into_iter().map(|line| format!("{}:{line}", file.display())));
    }
    assert!(found.is_empty(), "property tests that forget their failures:\n{}", found.join("\n"));
    let forgets =
        "proptest! {\n    #![proptest_config(ProptestConfig { failure_persistence: None, ..Default::default() })]\n";
    assert_eq!(blocks_without_seeds(forgets), [1], "the check catches a block that keeps nothing");
    assert_eq!(blocks_without_seeds("proptest! {\n    #[test]\n"), [1], "nor one on the defaults");
}
