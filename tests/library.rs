//! Every shipped exercise, driven through a whole simulated session: jump from deadline to
//! deadline until it ends, and check that sides and reps come in order and the time adds up.

use std::time::Instant;

use trunkrot::domain::exercise::{self, BUILT_IN, Exercise};
use trunkrot::domain::plan::{Overrides, PhaseKind, Plan};
use trunkrot::domain::session::{Event, Session, State};
use trunkrot::domain::side::Side;

fn shipped() -> Vec<Exercise> {
    BUILT_IN.iter().map(|(id, _)| exercise::built_in(id).expect("listed").expect("valid")).collect()
}

/// The holds `(rep, side)` a session started, in order.
fn drive(plan: Plan) -> (Vec<(u32, Option<Side>)>, Session, Instant) {
    let t0 = Instant::now();
    let mut session = Session::start(plan, t0);
    let mut holds = Vec::new();
    let mut events = vec![Event::PhaseStarted(0)];
    let mut steps = 0;
    loop {
        for event in events.drain(..) {
            if let Event::PhaseStarted(index) = event {
                let phase = &session.plan().phases[index];
                if phase.kind == PhaseKind::Hold {
                    holds.push((phase.rep, phase.side));
                }
            }
        }
        let State::Running { ends_at, .. } = session.state() else { break };
        events = session.tick(ends_at);
        steps += 1;
        assert!(steps <= session.plan().phases.len(), "the session never ends");
    }
    (holds, session, t0)
}

#[test]
fn there_are_at_least_five_shipped_exercises_each_fully_written() {
    let all = shipped();
    assert!(all.len() >= 5);
    for exercise in &all {
        let id = &exercise.id;
        assert!(!exercise.summary.is_empty(), "{id}: summary");
        assert!(exercise.steps.len() >= 3, "{id}: steps");
        assert!(exercise.mistakes.iter().all(|m| !m.cue.is_empty()) && !exercise.mistakes.is_empty(), "{id}");
        assert!(!exercise.precautions.is_empty(), "{id}: precautions");
        assert!(!exercise.progressions.is_empty() && !exercise.regressions.is_empty(), "{id}");
        assert!(exercise.timing.hold_range.start() < exercise.timing.hold_range.end(), "{id}: hold range");
        assert!(exercise.timing.reps_range.start() < exercise.timing.reps_range.end(), "{id}: reps range");
    }
    let sides = |id: &str| all.iter().find(|e| e.id == id).map(|e| e.sides.clone());
    assert_eq!(sides("knee-to-chest"), Some(vec![Side::Left, Side::Right]));
    for id in ["pelvic-tilt", "glute-bridge", "cat-cow"] {
        assert_eq!(sides(id), Some(vec![]), "{id} is done with both sides at once");
    }
}

#[test]
fn every_shipped_exercise_runs_a_whole_session_in_order_and_on_plan() {
    for exercise in shipped() {
        let id = exercise.id.clone();
        let reps = exercise.timing.reps;
        let sides: Vec<Option<Side>> =
            if exercise.sides.is_empty() { vec![None] } else { exercise.sides.iter().copied().map(Some).collect() };
        let plan = Plan::new(exercise, &Overrides::default());
        let total = plan.total();
        let (holds, session, t0) = drive(plan);
        let expected: Vec<(u32, Option<Side>)> =
            (1..=reps).flat_map(|rep| sides.iter().map(move |&side| (rep, side))).collect();
        assert_eq!(holds, expected, "{id}");
        let State::Finished { completed, at } = session.state() else { panic!("{id}: not finished") };
        assert!(completed, "{id}");
        assert_eq!(at - t0, total, "{id}: the session lasts exactly its plan");
        let summary = session.summary(at);
        assert!(summary.parts[0].reps.iter().all(|r| r.done == reps && r.planned == reps), "{id}: {summary:?}");
        assert_eq!(summary.held, summary.parts[0].hold * reps * sides.len() as u32, "{id}");
    }
}

#[test]
fn sets_and_rests_of_every_shipped_exercise_run_in_order() {
    for exercise in shipped() {
        let id = exercise.id.clone();
        let sides = exercise.sides.len().max(1);
        let overrides = Overrides { reps: Some(2), sets: Some(2), ..Overrides::default() };
        let plan = Plan::new(exercise, &overrides);
        let rests = plan.phases.iter().filter(|p| p.kind == PhaseKind::Rest).count();
        assert_eq!(rests, 1, "{id}");
        let total = plan.total();
        let (holds, session, t0) = drive(plan);
        assert_eq!(holds.len(), 2 * 2 * sides, "{id}");
        let State::Finished { at, .. } = session.state() else { panic!("{id}: not finished") };
        assert_eq!(at - t0, total, "{id}");
    }
}

#[test]
fn every_file_in_exercises_is_built_in_under_its_own_name() {
    let mut files: Vec<String> = std::fs::read_dir("exercises")
        .expect("exercises/ exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| path.file_stem().expect("a name").to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut built_in: Vec<String> = BUILT_IN.iter().map(|(id, _)| (*id).to_owned()).collect();
    built_in.sort();
    assert_eq!(files, built_in);
    for (id, source) in BUILT_IN {
        assert_eq!(std::fs::read_to_string(format!("exercises/{id}.toml")).ok().as_deref(), Some(*source));
    }
}

#[test]
fn the_annotated_example_in_the_docs_is_a_valid_exercise() {
    let docs = std::fs::read_to_string("exercises/README.md").expect("the format's docs");
    let example = docs.split("```toml\n").nth(1).and_then(|rest| rest.split("```").next()).expect("a toml block");
    let exercise = exercise::parse("heel-slide", "README example", example.as_bytes()).expect("the example is valid");
    assert_eq!(exercise.sides, [Side::Left, Side::Right]);
    assert_eq!(exercise.timing.transition, std::time::Duration::from_secs(4));
    assert_eq!(exercise.mistakes.len(), 1);
    let figure = exercise.figure.expect("the example draws a figure");
    assert_eq!(figure.holds.len(), 2, "a pose for each side");
}
