use std::time::{Duration, Instant};

use super::*;
use crate::domain::exercise::{self, Exercise};
use crate::domain::figure::Pose;
use crate::domain::plan::{Overrides, Plan};
use crate::domain::session::Command;
use crate::domain::side::Side;

fn default_exercise() -> Exercise {
    exercise::without_return(exercise::DEFAULT_ID)
}

/// The points of every part of a pose, as a stance places them.
fn points(pose: &Pose) -> Vec<Vec<(f64, f64)>> {
    interpolate(pose, pose, 0.0)
}

fn placed(stance: &Stance) -> Vec<Vec<(f64, f64)>> {
    stance.parts.iter().map(|p| p.points.clone()).collect()
}

#[test]
fn the_session_moves_the_figure_in_step_with_the_countdown() {
    // Get ready 10 s, move left 3 s, hold left 5 s, move right 3 s, hold right 5 s.
    let exercise = default_exercise();
    let figure = exercise.figure.clone().expect("the default exercise has a figure");
    let t0 = Instant::now();
    let mut session = Session::start(
        Plan::new(exercise, &Overrides { get_ready: Some(Duration::from_secs(10)), ..Overrides::default() }),
        t0,
    );
    let at = |session: &mut Session, ms: u64| {
        let now = t0 + Duration::from_millis(ms);
        session.tick(now);
        stance(session, now).expect("a stance")
    };
    let start = points(&figure.start);
    let left = points(figure.hold(Some(Side::Left)));
    let right = points(figure.hold(Some(Side::Right)));

    assert_eq!(placed(&at(&mut session, 0)), start, "getting ready");
    assert_eq!(placed(&at(&mut session, 9_999)), start, "still getting ready");
    assert_eq!(placed(&at(&mut session, 10_000)), start, "at the move's start");
    let halfway = at(&mut session, 11_500);
    assert_eq!(halfway.side, Some(Side::Left));
    // The point that moves furthest (a leg's) is on its way halfway through the move: neither
    // where it started nor where it ends, on the line between.
    let distance = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let (part, point) = (0..start.len())
        .flat_map(|part| (0..start[part].len()).map(move |point| (part, point)))
        .max_by(|a, b| distance(start[a.0][a.1], left[a.0][a.1]).total_cmp(&distance(start[b.0][b.1], left[b.0][b.1])))
        .expect("a point");
    let (from, to, half) = (start[part][point], left[part][point], halfway.parts[part].points[point]);
    let (gone, to_go, whole) = (distance(from, half), distance(half, to), distance(from, to));
    assert!(
        whole >= 10.0 && gone >= whole / 4.0 && to_go >= whole / 4.0 && (gone + to_go - whole).abs() < 1e-9,
        "in between: {from:?} to {half:?} to {to:?}"
    );
    assert_eq!(placed(&at(&mut session, 13_000)), left, "at the side's pose when the hold starts");
    assert_eq!(placed(&at(&mut session, 17_999)), left, "still through the hold");
    // To the other side, back through the middle: the start pose halfway.
    assert_eq!(placed(&at(&mut session, 18_000)), left, "the next move starts where the hold was");
    assert_eq!(placed(&at(&mut session, 19_500)), start, "through the middle");
    assert_eq!(placed(&at(&mut session, 21_000)), right);
    assert!(at(&mut session, 21_000).parts.iter().any(|p| p.in_side_colour && p.points != start[0]));
}

#[test]
fn a_paused_move_keeps_its_place_and_the_end_has_no_figure() {
    let t0 = Instant::now();
    let mut session = Session::start(
        Plan::new(default_exercise(), &Overrides { get_ready: Some(Duration::from_secs(10)), ..Overrides::default() }),
        t0,
    );
    let now = t0 + Duration::from_millis(11_500);
    session.tick(now);
    let before = stance(&session, now);
    session.apply(Command::Pause, now);
    assert_eq!(stance(&session, now + Duration::from_secs(60)), before);
    session.apply(Command::Stop, now);
    assert_eq!(stance(&session, now), None);
}

#[test]
fn an_exercise_without_a_figure_never_asks_for_frames() {
    let mut exercise = default_exercise();
    exercise.figure = None;
    let t0 = Instant::now();
    let mut session = Session::start(
        Plan::new(exercise, &Overrides { get_ready: Some(Duration::from_secs(10)), ..Overrides::default() }),
        t0,
    );
    let moving = t0 + Duration::from_millis(11_500);
    session.tick(moving);
    assert_eq!(session.phase().map(|p| p.kind), Some(PhaseKind::Move));
    assert_eq!(next_frame(&session, moving), None);
    assert_eq!(stance(&session, moving), None);
}

#[test]
fn the_move_back_brings_the_figure_to_the_start_and_the_next_move_leaves_from_there() {
    // Get ready 10 s, move left 3 s, hold left 5 s, back 3 s, move right 3 s, hold right 5 s.
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    assert_eq!(exercise.timing.back, Duration::from_secs(3), "the trunk rotation comes back to the middle");
    let figure = exercise.figure.clone().expect("a figure");
    let t0 = Instant::now();
    let overrides = Overrides { get_ready: Some(Duration::from_secs(10)), ..Overrides::default() };
    let mut session = Session::start(Plan::new(exercise, &overrides), t0);
    let at = |session: &mut Session, ms: u64| {
        let now = t0 + Duration::from_millis(ms);
        session.tick(now);
        (stance(session, now).expect("a stance"), next_frame(session, now))
    };
    let (start, left, right) =
        (points(&figure.start), points(figure.hold(Some(Side::Left))), points(figure.hold(Some(Side::Right))));
    assert_eq!(placed(&at(&mut session, 18_000).0), left, "the move back starts from the hold");
    let (halfway, frame) = at(&mut session, 19_500);
    assert!(frame.is_some(), "the figure moves: frames are drawn");
    assert!(placed(&halfway) != left && placed(&halfway) != start, "on its way back");
    assert_eq!(halfway.side, Some(Side::Left), "still the left side's colour");
    assert_eq!(placed(&at(&mut session, 21_000).0), start, "in the middle when the next move starts");
    let (quarter, _) = at(&mut session, 21_750);
    let knees = quarter.parts.iter().position(|p| p.in_side_colour && p.points.len() > 1).expect("a moving leg");
    assert!(quarter.parts[knees].points[1].0 > start[knees][1].0, "straight on to the right, not via the left");
    assert_eq!(placed(&at(&mut session, 24_000).0), right);
}

/// The figure of a session of `exercise` started at 0, at a time in milliseconds after it.
fn stances(exercise: Exercise, overrides: &Overrides) -> impl FnMut(u64) -> Stance + use<> {
    let t0 = Instant::now();
    let mut session = Session::start(Plan::new(exercise, overrides), t0);
    move |ms| {
        let now = t0 + Duration::from_millis(ms);
        session.tick(now);
        stance(&session, now).expect("a stance")
    }
}

/// Which side a stance is of, and whether it is seen from the other side.
fn seen(stance: &Stance) -> (Option<Side>, bool) {
    (stance.side, stance.flipped)
}

#[test]
fn a_figure_drawn_from_each_side_turns_in_the_start_pose_halfway_between_the_sides() {
    // Knee to chest without its move back, seen from the side being worked: get ready 10 s,
    // move left 4 s, hold left 5 s, move right 4 s (the left leg down, then the right one up),
    // hold right 5 s.
    let exercise = exercise::without_return("knee-to-chest");
    let figure = exercise.figure.clone().expect("a figure");
    assert_eq!(figure.mirror, Some(Side::Right), "the right side is drawn from the right");
    let mut at = stances(exercise, &Overrides::timing(2, 5, 10, 4));
    assert_eq!(seen(&at(1_000)), (None, false), "getting ready, seen as the first side");
    assert_eq!(seen(&at(12_000)), (Some(Side::Left), false));
    assert_eq!(seen(&at(16_000)), (Some(Side::Left), false), "the left hold");
    // Moving to the right: first the left knee comes down, still the left side's, seen as it was.
    let lowering = at(20_000);
    assert_eq!(seen(&lowering), (Some(Side::Left), false), "the left leg comes down before the view turns");
    let down = at(21_000);
    assert_eq!(placed(&down), placed(&figure.still(&figure.start, Some(Side::Right))), "both feet down halfway");
    assert_eq!(seen(&down), (Some(Side::Right), true), "the view turns in the start pose");
    assert_eq!(down.extent, lowering.extent, "in the same frame, so nothing jumps but the turn");
    assert_eq!(seen(&at(24_000)), (Some(Side::Right), true), "the right hold, from the right");
}

#[test]
fn knee_to_chest_lowers_the_held_leg_in_its_own_view_and_turns_as_the_next_move_starts() {
    // Get ready 10 s, move left 3 s, hold left 5 s, back 3 s, move right 3 s, hold right 5 s.
    let exercise = exercise::built_in("knee-to-chest").expect("built in").expect("valid");
    assert_eq!(exercise.timing.back, Duration::from_secs(3), "the held foot is lowered to the floor");
    let figure = exercise.figure.clone().expect("a figure");
    let mut at = stances(exercise, &Overrides::timing(2, 5, 10, 3));
    let lowering = at(19_500);
    assert_eq!(seen(&lowering), (Some(Side::Left), false), "the left leg comes down, seen from the left");
    assert!(placed(&lowering) != placed(&figure.still(&figure.start, Some(Side::Left))), "on its way down");
    let late = at(20_990);
    assert_eq!(seen(&late), (Some(Side::Left), false), "the whole way down");
    let turned = at(21_000);
    assert_eq!(placed(&turned), placed(&figure.still(&figure.start, Some(Side::Right))), "both feet down");
    assert_eq!(seen(&turned), (Some(Side::Right), true), "the view turns as the move to the right starts");
    let rising = at(22_500);
    assert_eq!(seen(&rising), (Some(Side::Right), true), "the whole move is seen from the right");
    assert_eq!(seen(&at(25_000)), (Some(Side::Right), true), "the right hold, from the right");
}
