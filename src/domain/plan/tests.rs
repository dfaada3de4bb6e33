use std::time::Duration;

use super::text::{describe, part_heading, timeline};
use super::*;
use crate::domain::exercise;
use crate::domain::plan::PhaseKind::{GetReady, Hold, Move, Return};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn default_exercise() -> Exercise {
    exercise::without_return(exercise::DEFAULT_ID)
}

#[test]
fn the_default_plan_uses_the_exercise_timing_and_half_a_minute_to_get_down() {
    let plan = Plan::new(default_exercise(), &Overrides::default());
    let settings = plan.parts[0].settings;
    assert_eq!(
        (settings.reps, settings.hold, settings.get_ready, settings.transition),
        (10, secs(5), secs(30), secs(3))
    );
    let given = Plan::new(default_exercise(), &Overrides { get_ready: Some(secs(4)), ..Overrides::default() });
    assert_eq!(given.parts[0].settings.get_ready, secs(4), "a flag or the config still wins");
    // Get ready, then per rep and side a move and a hold.
    assert_eq!(plan.phases.len(), 1 + 10 * 2 * 2);
    assert_eq!(plan.total(), secs(30 + 10 * 2 * (3 + 5)));
    assert!(plan.parts[0].notes.is_empty(), "defaults are within the recommended range");
}

#[test]
fn phases_alternate_sides_within_each_rep() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(2, 4, 5, 2));
    let order: Vec<(PhaseKind, Option<Side>, u32, Duration)> =
        plan.phases.iter().map(|p| (p.kind, p.side, p.rep, p.duration)).collect();
    let (l, r) = (Some(Side::Left), Some(Side::Right));
    assert_eq!(
        order,
        [
            (GetReady, None, 0, secs(5)),
            (Move, l, 1, secs(2)),
            (Hold, l, 1, secs(4)),
            (Move, r, 1, secs(2)),
            (Hold, r, 1, secs(4)),
            (Move, l, 2, secs(2)),
            (Hold, l, 2, secs(4)),
            (Move, r, 2, secs(2)),
            (Hold, r, 2, secs(4)),
        ]
    );
}

#[test]
fn the_issue_examples_add_up() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(3, 4, 5, 2));
    assert_eq!(plan.total(), secs(41));
    let plan = Plan::new(default_exercise(), &Overrides::timing(2, 3, 1, 1));
    assert_eq!(plan.total(), secs(17));
}

#[test]
fn zero_length_phases_are_left_out() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(1, 1, 0, 0));
    assert!(plan.phases.iter().all(|p| p.kind == PhaseKind::Hold));
    assert_eq!(plan.phases.len(), 2);
}

#[test]
fn move_cues_name_the_side_and_holds_take_turns_with_the_cues() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(4, 5, 0, 3));
    assert_eq!(plan.phases[0].cue, "Slowly rotate your knees to the left");
    assert_eq!(plan.phases[2].cue, "Slowly rotate your knees to the right");
    let hold_cues: Vec<&str> = plan
        .phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Hold && p.side == Some(Side::Left))
        .map(|p| p.cue.as_str())
        .collect();
    assert_eq!(
        hold_cues,
        [
            "Hold. Keep both shoulders on the mat.",
            "Breathe normally.",
            "Only as far as is comfortable.",
            "Keep your belly button drawn in."
        ]
    );
}

#[test]
fn sets_are_separated_by_rests() {
    let mut plan_overrides = Overrides::timing(1, 5, 0, 0);
    plan_overrides.sets = Some(2);
    plan_overrides.rest = Some(secs(20));
    let plan = Plan::new(default_exercise(), &plan_overrides);
    let kinds: Vec<(PhaseKind, u32)> = plan.phases.iter().map(|p| (p.kind, p.set)).collect();
    assert_eq!(
        kinds,
        [(PhaseKind::Hold, 1), (PhaseKind::Hold, 1), (PhaseKind::Rest, 1), (PhaseKind::Hold, 2), (PhaseKind::Hold, 2)]
    );
    assert_eq!(describe(&plan, 3), "rep 1/1 left set 2/2: hold 5 s: Hold. Keep both shoulders on the mat.");
}

#[test]
fn settings_outside_the_recommended_range_are_noted_not_refused() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(12, 8, 10, 3));
    assert_eq!(
        plan.parts[0].notes,
        ["hold 8 s is outside the recommended 3 to 5 s", "12 reps is outside the recommended 5 to 10"]
    );
    assert_eq!(plan.holds_planned(0, Some(Side::Left)), 12);
}

#[test]
fn plain_lines_describe_each_phase() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(10, 5, 10, 3));
    assert_eq!(describe(&plan, 0), "get ready 10 s: Lie on your back, knees bent, feet flat, arms out to the sides.");
    assert_eq!(describe(&plan, 2), "rep 1/10 left: hold 5 s: Hold. Keep both shoulders on the mat.");
    assert_eq!(describe(&plan, 3), "rep 1/10 right: move 3 s: Slowly rotate your knees to the right");
    assert_eq!(describe(&plan, 999), "");
}

#[test]
fn starts_are_cumulative() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(1, 4, 5, 2));
    let starts: Vec<u64> = plan.starts().map(|d| d.as_secs()).collect();
    assert_eq!(starts, [0, 5, 7, 11, 13]);
}

#[test]
fn a_routine_runs_its_exercises_in_turn_with_rests_between() {
    let first = default_exercise();
    let mut second = default_exercise();
    second.name = "Second".to_owned();
    second.sides.clear();
    let plan =
        Plan::routine(vec![(first, Overrides::timing(1, 3, 4, 0)), (second, Overrides::timing(2, 5, 9, 0))], secs(20));
    let order: Vec<(PhaseKind, usize, Option<Side>, Duration)> =
        plan.phases.iter().map(|p| (p.kind, p.part, p.side, p.duration)).collect();
    let (l, r) = (Some(Side::Left), Some(Side::Right));
    assert_eq!(
        order,
        [
            (PhaseKind::GetReady, 0, None, secs(4)),
            (Hold, 0, l, secs(3)),
            (Hold, 0, r, secs(3)),
            (PhaseKind::Rest, 1, None, secs(20)),
            (Hold, 1, None, secs(5)),
            (Hold, 1, None, secs(5)),
        ],
        "the second exercise's get ready gives way to the rest"
    );
    assert!(plan.phases[3].cue.starts_with("Next: Second."), "{}", plan.phases[3].cue);
    assert_eq!(part_heading(&plan, 0).as_deref(), Some("exercise 1/2: Lower trunk rotation"));
    assert_eq!(part_heading(&plan, 1), None);
    assert_eq!(part_heading(&plan, 3).as_deref(), Some("exercise 2/2: Second"));
    let single = Plan::new(default_exercise(), &Overrides::default());
    assert_eq!(part_heading(&single, 0), None, "a single exercise needs no heading");
    assert_eq!(plan.holds_planned(1, None), 2);
    assert_eq!(plan.total(), secs(4 + 6 + 20 + 10));
}

#[test]
fn overrides_layer_over_each_other() {
    let flags = Overrides { reps: Some(3), ..Overrides::default() };
    let file = Overrides { reps: Some(8), hold: Some(secs(4)), ..Overrides::default() };
    assert_eq!(flags.over(&file), Overrides { reps: Some(3), hold: Some(secs(4)), ..Overrides::default() });
}

#[test]
fn the_timeline_gives_each_phase_its_start_and_ends_with_the_total() {
    let plan = Plan::new(default_exercise(), &Overrides::timing(3, 4, 5, 2));
    let lines = timeline(&plan);
    assert_eq!(lines[0], "Lower trunk rotation: 3 reps per side, hold 4 s");
    assert_eq!(lines[2], "   0:00  get ready 5 s: Lie on your back, knees bent, feet flat, arms out to the sides.");
    assert_eq!(lines[3], "   0:05  rep 1/3 left: move 2 s: Slowly rotate your knees to the left");
    assert_eq!(lines[4], "   0:07  rep 1/3 left: hold 4 s: Hold. Keep both shoulders on the mat.");
    assert!(lines[lines.len() - 2].starts_with("   0:37  rep 3/3 right: hold 4 s"), "{lines:#?}");
    assert_eq!(lines.last().map(String::as_str), Some("total 41 s"));
    assert_eq!(lines.len(), 2 + 1 + 12 + 1);
}

#[test]
fn the_planned_length_is_the_length_of_the_plan_laid_out() {
    let all: Vec<Exercise> =
        exercise::BUILT_IN.iter().map(|(id, _)| exercise::built_in(id).unwrap().unwrap()).collect();
    for (sets, rest, between) in [(1, 0, 0), (3, 20, 15), (2, 0, 30), (4, 7, 0)] {
        let settings = Overrides { sets: Some(sets), rest: Some(secs(rest)), ..Overrides::timing(3, 4, 5, 2) };
        let parts: Vec<(Exercise, Overrides)> =
            all.iter().map(|e| (e.clone(), settings.clone())).chain([(all[0].clone(), Overrides::default())]).collect();
        let expected = Plan::routine(parts.clone(), secs(between)).total();
        assert_eq!(planned_length(&parts, secs(between)), expected, "sets {sets}, rest {rest}, between {between}");
        let single = Plan::new(all[1].clone(), &settings).total();
        assert_eq!(planned_length(&parts[1..2], secs(between)), single);
    }
}

#[test]
fn the_length_of_a_huge_plan_is_worked_out_without_laying_it_out() {
    let huge = Overrides { reps: Some(100), sets: Some(20), hold: Some(secs(600)), ..Overrides::default() };
    let parts = vec![(default_exercise(), huge); 2000];
    let length = planned_length(&parts, secs(600));
    assert!(length > MAX_LENGTH * 1000, "{length:?}");
}

#[test]
fn only_the_first_exercise_gets_down_onto_the_mat_the_later_ones_take_their_own_time() {
    let knee = exercise::built_in("knee-to-chest").unwrap().unwrap();
    let parts = vec![(default_exercise(), Overrides::default()), (knee.clone(), Overrides::default())];
    let without_rest = Plan::routine(parts.clone(), Duration::ZERO);
    assert_eq!(without_rest.parts[0].settings.get_ready, FIRST_GET_READY);
    assert_eq!(without_rest.parts[1].settings.get_ready, knee.timing.get_ready, "no rest: its own time to get ready");
    assert_eq!(planned_length(&parts, Duration::ZERO), without_rest.total());
    let with_rest = Plan::routine(parts.clone(), secs(20));
    assert_eq!(with_rest.parts[1].settings.get_ready, Duration::ZERO, "the rest between is its time to get ready");
    assert_eq!(planned_length(&parts, secs(20)), with_rest.total());
}

#[test]
fn a_move_back_follows_each_hold_where_the_exercise_has_one() {
    let rotation = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
    let plan = Plan::new(rotation.clone(), &Overrides::timing(2, 5, 10, 3));
    let kinds: Vec<(PhaseKind, Option<Side>)> = plan.phases.iter().map(|p| (p.kind, p.side)).collect();
    let (left, right) = (Some(Side::Left), Some(Side::Right));
    let rep = [(Move, left), (Hold, left), (Return, left), (Move, right), (Hold, right), (Return, right)];
    assert_eq!(kinds, [&[(GetReady, None)][..], &rep, &rep].concat());
    let back = &plan.phases[3];
    assert_eq!((back.duration, back.cue.as_str()), (secs(3), "Bring your knees back to the middle, slowly"));
    assert_eq!(describe(&plan, 3), "rep 1/2 left: return 3 s: Bring your knees back to the middle, slowly");
    assert_eq!(plan.total(), secs(10 + 2 * 2 * (3 + 5 + 3)));
    assert_eq!(planned_length(&[(rotation.clone(), Overrides::timing(2, 5, 10, 3))], Duration::ZERO), plan.total());
    let holds_only = Plan::new(rotation, &Overrides::timing(2, 5, 10, 0));
    assert!(holds_only.phases.iter().all(|p| p.kind != Return), "no time to move: no move back either");
    let cat_cow = Plan::new(exercise::built_in("cat-cow").unwrap().unwrap(), &Overrides::timing(2, 5, 10, 3));
    assert!(cat_cow.phases.iter().all(|p| p.kind != Return), "cat-cow gives no move back, so it has none");
    for id in ["glute-bridge", "pelvic-tilt", "knee-to-chest"] {
        let plan = Plan::new(exercise::built_in(id).unwrap().unwrap(), &Overrides::default());
        assert!(plan.phases.iter().any(|p| p.kind == Return), "{id} comes back down after each hold");
    }
}
