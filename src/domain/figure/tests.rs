use super::*;
use crate::domain::exercise::{self, Exercise};

fn pose(parts: &[(&str, &[(u8, u8)])]) -> Pose {
    Pose {
        parts: parts
            .iter()
            .map(|(name, points)| Part {
                name: (*name).to_owned(),
                points: points.iter().map(|&(x, y)| Point { x, y }).collect(),
            })
            .collect(),
    }
}

/// The points of every part of a pose, as a stance places them.
fn points(pose: &Pose) -> Vec<Vec<(f64, f64)>> {
    interpolate(pose, pose, 0.0)
}

#[test]
fn interpolation_runs_from_one_pose_to_the_other() {
    let from = pose(&[("head", &[(50, 80)]), ("leg", &[(10, 10), (20, 40)])]);
    let to = pose(&[("head", &[(50, 80)]), ("leg", &[(10, 10), (60, 20)])]);
    assert_eq!(interpolate(&from, &to, 0.0), points(&from));
    assert_eq!(interpolate(&from, &to, 1.0), points(&to));
    assert_eq!(interpolate(&from, &to, 0.5)[1], vec![(10.0, 10.0), (40.0, 30.0)]);
    assert_eq!(interpolate(&from, &to, -3.0), points(&from), "clamped below");
    assert_eq!(interpolate(&from, &to, 7.0), points(&to), "clamped above");
}

fn check(figure: &str, sides: &str) -> Result<Exercise, Vec<String>> {
    let source = format!(
        "name = \"Test\"\nstart_position = \"Lie down.\"\nsteps = [\"Move.\"]\n{sides}\n\
         [timing]\nhold = 5\nreps = 2\n\n{figure}"
    );
    crate::domain::exercise::parse("test", "test.toml", source.as_bytes())
        .map_err(|e| e.diagnostics.iter().map(ToString::to_string).collect())
}

#[test]
fn an_exercise_without_sides_has_one_hold_pose() {
    let figure = "[figure.start]\nhead = [10, 10]\nback = [[0, 0], [50, 0]]\n\n\
                  [figure.hold]\nback = [[0, 0], [50, 40]]\nhead = [10, 10]\n";
    let exercise = check(figure, "").expect("valid");
    let figure = exercise.figure.expect("a figure");
    assert_eq!(figure.holds.len(), 1);
    assert_eq!(figure.holds[0].0, None);
    let names = |pose: &Pose| pose.parts.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(figure.hold(None)), names(&figure.start), "parts match by position");
    let still = figure.still(&figure.start, None);
    assert_eq!(still.parts.iter().map(|p| p.moving).collect::<Vec<_>>(), [true, false]);
}

#[test]
fn every_problem_of_a_figure_is_reported_at_its_place() {
    let figure = "[figure.start]\nhead = [10, 10]\n\n[figure.left]\nhead = [10, 101]\n\n[figure.hold]\nhead = [1, 1]\n";
    let problems = check(figure, "sides = [\"left\", \"right\"]").expect_err("refused");
    assert_eq!(problems.len(), 3, "{problems:#?}");
    // In the file's order: the missing pose is told at the `[figure]` table, where it belongs.
    assert!(problems[0].contains("has no `[figure.right]` pose"), "{problems:#?}");
    assert!(problems[1].starts_with("test.toml:13:8: `figure.left.head` has the point `[10, 101]`"), "{problems:#?}");
    assert!(problems[2].starts_with("test.toml:15:1: `[figure.hold]` is not used"), "{problems:#?}");

    let one_side = check("[figure.start]\nhead = [1, 1]\n\n[figure.right]\nhead = [1, 2]\n", "sides = [\"left\"]");
    let problems = one_side.expect_err("right is not a side of this exercise");
    assert!(problems.iter().any(|p| p.contains("`[figure.right]` is not used")), "{problems:#?}");
    assert!(problems.iter().any(|p| p.contains("no `[figure.left]` pose")), "{problems:#?}");

    let empty = check("[figure.start]\n\n[figure.hold]\nhead = [1, 1]\n", "").expect_err("no parts");
    assert!(empty[0].contains("`[figure.start]` has no parts"), "{empty:#?}");
}

#[test]
fn every_shipped_exercise_has_a_figure_with_a_pose_for_each_side() {
    for (id, _) in exercise::BUILT_IN {
        let exercise = exercise::built_in(id).expect("listed").expect("valid");
        let figure = exercise.figure.as_ref().unwrap_or_else(|| panic!("{id} has no figure"));
        for side in exercise.side_slots() {
            assert!(figure.holds.iter().any(|(s, _)| *s == side), "{id}: no pose for {side:?}");
            assert_ne!(figure.hold(side), &figure.start, "{id}: the pose for {side:?} does not move");
        }
    }
}
