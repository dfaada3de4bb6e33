//! `trunkrot check` in one pass: the examples, each a single run that reports every
//! problem a file has (shape, values and figure together; a routine's missing ids with its bad
//! values), names that `show` takes, and messages in the user's words.

use predicates::prelude::*;
use predicates::str::contains;

mod support;

use support::home::{Home, trunkrot};

/// The shipped trunk rotation with four mistakes the issue found one run at a time.
fn four_mistakes() -> String {
    let good = include_str!("../exercises/lower-trunk-rotation.toml");
    let (before, poses) = good.split_at(good.find("[figure.left]").expect("a left pose"));
    let before = before.replace("sides = [\"left\", \"right\"]", "sides = [\"left\", \"up\"]");
    let before = before.replace("hold_range = [3, 5]", "hold_range = [5, 3]");
    let poses = poses.replacen("head = [9, 50]", "head = [9, 186]", 1);
    let poses = poses.replacen("shin_l = [[62, 70], [82, 58]]", "shin_l = [[62, 70], [82, 58], [84, 58]]", 1);
    assert_ne!(poses, good.split_at(good.find("[figure.left]").expect("a left pose")).1, "the poses changed");
    before + &poses
}

#[test]
fn shape_values_and_figure_problems_come_in_one_run() {
    let home = Home::new();
    let path = home.file("mine.toml", four_mistakes());
    let output = trunkrot(&home).arg("check").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    for wanted in [
        "`sides[2]` is `up`; it must be `left` or `right`",
        "`timing.hold_range` goes from high to low",
        "`figure.left.head` has the point `[9, 186]`, outside the box",
        "`figure.left.shin_l` has 3 points, but it has 2 in `[figure.start]`",
    ] {
        assert!(stderr.contains(wanted), "missing `{wanted}` in:\n{stderr}");
    }
    assert!(!stderr.contains("unknown variant") && !stderr.contains("os error"), "{stderr}");
    let lines: Vec<usize> =
        stderr.lines().filter_map(|line| line.split(':').nth(1).and_then(|n| n.parse().ok())).collect();
    assert!(lines.windows(2).all(|pair| pair[0] <= pair[1]), "in the file's order: {stderr}");
}

#[test]
fn a_wrong_type_and_a_wrong_value_come_in_one_run() {
    let home = Home::new();
    let text = "name = \"Mine\"\nstart_position = \"Lie down.\"\nsteps = [\"Lift.\"]\nside_means = \"kne\"\n\
                [timing]\nhold = 5\nhold_range = [6, 9]\nreps = \"ten\"\nsets = 0\n";
    let path = home.file("mine.toml", text);
    trunkrot(&home).arg("check").arg(&path).assert().code(1).stderr(
        contains("`timing.reps` must be a whole number, not text")
            .and(contains("`timing.hold` is 5 s, outside its own `hold_range` of 6 to 9 s"))
            .and(contains("`timing.sets` is 0, outside the allowed 1 to 20"))
            .and(contains(
                "`side_means` is `kne`; it must be one of `side`, `turn`, `leg`, `knee`, `arm` (did you mean `knee`?)",
            )),
    );
}

#[test]
fn a_routine_reports_its_missing_ids_and_its_bad_values_together() {
    let home = Home::new();
    let path = home.file("r.toml", "name = \"R\"\n[[exercise]]\nid = \"knee-to-chst\"\nsets = 0\n");
    trunkrot(&home).arg("check").arg(&path).assert().code(1).stderr(
        contains("3:6: no exercise `knee-to-chst`, did you mean `knee-to-chest`?")
            .and(contains("4:8: `exercise.sets` is 0, outside the allowed 1 to 20")),
    );
    trunkrot(&home).arg("--routine").arg(&path).assert().code(1).stderr(contains("knee-to-chst").and(contains("sets")));
}

#[test]
fn a_name_that_show_takes_check_takes_too() {
    let home = Home::new().with("exercises/mine.toml", include_str!("valid_configs/minimal.toml"));
    trunkrot(&home)
        .args(["check", "lower-trunk-rotation", "low-back", "mine"])
        .assert()
        .success()
        .stdout("ok lower-trunk-rotation\nok low-back\nok mine\n");
    trunkrot(&home).args(["check", "lower-trunk-rotaton", "gone.toml"]).assert().code(1).stderr(
        contains("did you mean `lower-trunk-rotation`?")
            .and(contains("gone.toml: cannot read: no such file"))
            .and(contains("os error").not()),
    );
}

#[test]
fn a_large_routine_is_not_called_an_exercise_file() {
    let home = Home::new();
    let mut text = "name = \"Big\"\n[[exercise]]\nid = \"cat-cow\"\n".to_owned();
    text.push_str("# ");
    text.push_str(&"x".repeat(1_100_000));
    text.push('\n');
    let path = home.file("big.toml", text);
    let refused = trunkrot(&home).arg("--routine").arg(&path).assert().code(1);
    refused.stderr(contains("too large for a routine file"));
    trunkrot(&home).arg("check").arg(&path).assert().code(1).stderr(contains("an exercise file").not());
}

#[test]
fn a_broken_programme_reports_every_problem_with_its_line_and_column_in_one_run() {
    let home = Home::new();
    // Shape (an unknown key, a word for a number), values, a name that leads nowhere and a
    // dose too long for a session, each of which used to hide the ones after it.
    let text = "name = \"Back\"\nweeks = 0\nstart = \"2026-13-01\"\n\n[stop]\npain = 11\n\n\
                [[item]]\nexercise = \"lower-trunk-rotation\"\nreps = 10\nhold = 300\nsets = 10\n\n\
                [[item]]\nexercise = \"knee-to-chset\"\ntimes_a_day = \"twice\"\n\n\
                [[item]]\nexercise = \"pelvic-tilt\"\nrest_secs = 3\ndays = [\"mon\", \"thurs\"]\n";
    let path = home.file("programme.toml", text);
    let output = trunkrot(&home).arg("check").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "no `ok`");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let folder = format!("{}/", path.parent().expect("a folder").display());
    let problems: Vec<&str> = stderr.lines().filter_map(|line| line.strip_prefix(&folder)).collect();
    let expected = [
        "programme.toml:2:9: `weeks` is 0, outside the allowed 1 to 52",
        "programme.toml:3:9: `start` is `2026-13-01`, which is not a day",
        "programme.toml:6:8: `stop.pain` is 11, outside the allowed 1 to 10",
        "programme.toml:9:12: `item[1]` from the start: a session would run ",
        "programme.toml:15:12: no exercise `knee-to-chset`, did you mean `knee-to-chest`?",
        "programme.toml:16:15: `item[2].times_a_day` must be a whole number, not text",
        "programme.toml:20:1: unknown field `rest_secs`",
        "programme.toml:21:16: `item[3].days` has `thurs`, which is not a day of the week, did you mean `thu`?",
    ];
    assert_eq!(problems.len(), expected.len(), "{stderr}");
    for (problem, expected) in problems.iter().zip(expected) {
        assert!(problem.starts_with(expected), "{expected:?} in the file's order:\n{stderr}");
    }
    assert!(!stderr.contains("invalid type") && !stderr.contains("os error"), "the user's words: {stderr}");
}

#[test]
fn an_item_naming_both_an_exercise_and_a_routine_is_still_checked_and_the_items_after_it_keep_their_numbers() {
    let home = Home::new();
    let text = "name = \"Back\"\nweeks = 2\n\n[[item]]\nexercise = \"pelvic-tilt\"\n\n\
                [[item]]\nroutine = \"low-back\"\nexercise = \"knee-to-chest\"\nshort = \"a very long short name\"\n\n\
                [[item]]\nexercise = \"glute-bridge\"\nreps = 100\nhold = 600\nsets = 20\n";
    let path = home.file("programme.toml", text);
    let output = trunkrot(&home).arg("check").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let folder = format!("{}/", path.parent().expect("a folder").display());
    let problems: Vec<&str> = stderr.lines().filter_map(|line| line.strip_prefix(&folder)).collect();
    let expected = [
        "programme.toml:8:11: `item[2]` names both an `exercise` and a `routine`",
        "programme.toml:10:9: `item[2].short` is `a very long short name`",
        "programme.toml:13:12: `item[3]` from the start: a session would run ",
    ];
    assert_eq!(problems.len(), expected.len(), "{stderr}");
    for (problem, expected) in problems.iter().zip(expected) {
        assert!(problem.starts_with(expected), "{expected:?}:\n{stderr}");
    }
}

#[test]
fn a_config_is_checked_as_a_config_every_problem_in_one_run() {
    let home = Home::new();
    let bad = home.file("config.toml", "reps = 0\nholdd = 5\n[exercise.knee-to-chst]\nreps = 4\n");
    let good = home.file("elsewhere/config.toml", "reps = 6\n[exercise.knee-to-chest]\nreps = 4\n");
    trunkrot(&home)
        .arg("check")
        .arg(&good)
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(contains(format!("ok {}", good.display())))
        .stderr(
            contains("config.toml:1:8: `reps` is 0")
                .and(contains("config.toml:2:1: unknown field `holdd`, did you mean `hold`?"))
                .and(contains("config.toml:3:11: `[exercise.knee-to-chst]` names no exercise"))
                .and(contains("`name`").not()),
        );
}
