use std::time::Duration;

use super::*;

const MINIMAL: &str = r#"
name = "Pelvic tilt"
start_position = "Lie on your back."
steps = ["Flatten your low back."]
[timing]
hold = 5
reps = 10
"#;

fn errors(source: &str) -> Vec<String> {
    parse("t", "t.toml", source.as_bytes()).unwrap_err().diagnostics.iter().map(ToString::to_string).collect()
}

fn first_error(source: &str) -> String {
    errors(source).remove(0)
}

#[test]
fn the_default_exercise_loads_with_its_documented_values() {
    let exercise = built_in(DEFAULT_ID).unwrap().unwrap();
    assert_eq!(exercise.name, "Lower trunk rotation");
    assert_eq!(exercise.also_known_as, ["Supine knees side to side"]);
    assert_eq!(exercise.sides, [Side::Left, Side::Right]);
    assert_eq!(exercise.timing.hold, Duration::from_secs(5));
    assert_eq!(exercise.timing.hold_range, Duration::from_secs(3)..=Duration::from_secs(5));
    assert_eq!(exercise.timing.reps, 10);
    assert_eq!(exercise.timing.reps_range, 5..=10);
    assert_eq!(exercise.mistakes.len(), 2);
    assert!(exercise.mistakes.iter().all(|m| !m.cue.is_empty()));
    assert!(!exercise.precautions.is_empty());
    assert_eq!(exercise.move_cue(Some(Side::Left)), "Slowly rotate your knees to the left");
}

#[test]
fn a_minimal_file_gets_sensible_defaults() {
    let exercise = parse("tilt", "tilt.toml", MINIMAL.as_bytes()).unwrap();
    assert!(exercise.sides.is_empty());
    assert_eq!(exercise.timing.get_ready, Duration::from_secs(10));
    assert_eq!(exercise.timing.sets, 1);
    assert_eq!(exercise.cues.hold, ["Hold"]);
    assert_eq!(exercise.cues.get_ready, "Lie on your back.");
    assert_eq!(exercise.move_cue(None), "Move into position");
}

#[test]
fn durations_may_be_written_with_units() {
    let source = MINIMAL.replace("hold = 5", "hold = \"1m30s\"\nhold_range = [\"30s\", \"2m\"]");
    let exercise = parse("t", "t.toml", source.as_bytes()).unwrap();
    assert_eq!(exercise.timing.hold, Duration::from_secs(90));
}

#[test]
fn syntax_errors_point_at_the_line() {
    let error = first_error("name = \"x\nsteps = []\n");
    assert!(error.starts_with("t.toml:1:"), "{error}");
}

#[test]
fn unknown_fields_are_refused_by_name() {
    let error =
        parse("t", "t.toml", MINIMAL.replace("hold = 5", "hodl = 5").as_bytes()).expect_err("refused").to_string();
    assert!(error.contains("t.toml:6:1: unknown field `hodl`, did you mean `hold`?"), "{error}");
    assert!(error.contains("t.toml:5:1: missing field `hold`: `timing.hold` must be seconds"), "{error}");
}

#[test]
fn wrong_types_and_bad_durations_name_the_field_and_value() {
    let error = first_error(&MINIMAL.replace("hold = 5", "hold = \"five\""));
    assert!(error.starts_with("t.toml:6:8: `timing.hold` is `\"five\"`"), "{error}");
    let error = first_error(&MINIMAL.replace("reps = 10", "reps = \"ten\""));
    assert!(error.starts_with("t.toml:7:"), "{error}");
}

#[test]
fn zero_negative_and_huge_values_are_refused() {
    assert!(
        first_error(&MINIMAL.replace("hold = 5", "hold = 0"))
            .contains("`timing.hold` is 0 s, outside the allowed 1 to 600 s")
    );
    assert!(first_error(&MINIMAL.replace("hold = 5", "hold = -5")).contains("cannot be negative"));
    assert!(first_error(&MINIMAL.replace("hold = 5", "hold = 1000000000000")).contains("1000000000000 s"));
    assert!(first_error(&MINIMAL.replace("reps = 10", "reps = 0")).contains("`timing.reps` is 0"));
    assert!(first_error(&MINIMAL.replace("reps = 10", "reps = 99999999999")).contains("`timing.reps` is 99999999999"));
}

#[test]
fn a_move_back_is_none_or_at_least_two_seconds() {
    let error = first_error(&MINIMAL.replace("hold = 5", "hold = 5\nreturn = 1"));
    assert!(
        error.starts_with("t.toml:7:10: `timing.return` is 1 s; a move back takes 2 to 60 s (or 0 for none)"),
        "{error}"
    );
    for fine in ["0", "2"] {
        let exercise =
            parse("t", "t.toml", MINIMAL.replace("hold = 5", &format!("hold = 5\nreturn = {fine}")).as_bytes());
        assert!(exercise.is_ok(), "return = {fine}: {exercise:?}");
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let source = MINIMAL.replace("hold = 5", "hold = 0").replace("reps = 10", "reps = 0");
    assert_eq!(errors(&source).len(), 2);
}

#[test]
fn defaults_must_lie_within_their_own_range() {
    let error = first_error(&MINIMAL.replace("hold = 5", "hold = 8\nhold_range = [3, 5]"));
    assert!(error.contains("outside its own `hold_range`"), "{error}");
    let error = first_error(&MINIMAL.replace("reps = 10", "reps = 5\nreps_range = [10, 5]"));
    assert!(error.contains("high to low"), "{error}");
}

#[test]
fn missing_required_fields_are_named() {
    let error = first_error("name = \"x\"\nstart_position = \"y\"\n[timing]\nhold = 5\nreps = 1\n");
    assert!(error.contains("steps"), "{error}");
}

#[test]
fn sides_must_be_left_or_right_once_each() {
    assert!(first_error(&format!("sides = [\"up\"]\n{MINIMAL}")).contains("up"));
    assert!(first_error(&format!("sides = [\"left\", \"left\"]\n{MINIMAL}")).contains("`sides` names `left` twice"));
    let one = parse("t", "t.toml", format!("sides = [\"right\"]\n{MINIMAL}").as_bytes()).unwrap();
    assert_eq!(one.sides, [Side::Right]);
}

#[test]
fn a_side_placeholder_needs_sides() {
    let source = format!("{MINIMAL}[cues]\nmove = \"Lift to the {{side}}\"\n");
    assert!(first_error(&source).contains("has no `sides`"));
}

#[test]
fn a_word_in_braces_other_than_side_is_reported_not_shown_as_it_is() {
    let cue = |text: &str| {
        format!("sides = [\"left\", \"right\"]\n{MINIMAL}[cues]\nmove = \"{text}\"\nreturn = \"Back {{sid\"\n")
    };
    let error = first_error(&cue("Move {sid}"));
    assert!(error.contains("`cues.move` says `{sid}`; the only word in braces it can say is `{side}`"), "{error}");
    let problems = match parse("t", "t.toml", cue("Move {side}").as_bytes()) {
        Err(invalid) => invalid.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>(),
        Ok(_) => Vec::new(),
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("`cues.return` says `{sid`"), "an unclosed brace too: {problems:?}");
    assert!(parse("t", "t.toml", cue("Move {side}").replace("Back {sid", "Back").as_bytes()).is_ok());
}

#[test]
fn empty_and_non_text_files_are_refused_as_a_whole() {
    assert_eq!(
        errors(""),
        ["t.toml: is empty; an exercise needs at least `name`, `start_position`, `steps` and a `[timing]` table"]
    );
    let error = parse("t", "t.toml", b"name = \"\xff\xfe\"").unwrap_err().to_string();
    assert!(error.starts_with("t.toml: is not UTF-8 text"), "{error}");
}

#[test]
fn deeply_nested_arrays_are_an_error_not_a_crash() {
    let source = format!("name = {}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(parse("t", "t.toml", source.as_bytes()).is_err());
}

#[test]
fn escape_sequences_in_text_never_reach_the_screen() {
    let source = MINIMAL.replace("Pelvic tilt", "Tilt\\u001b]2;title\\u0007\\u001b[2J");
    let exercise = parse("t", "t.toml", source.as_bytes()).unwrap();
    assert_eq!(exercise.name, "Tilt]2;title[2J");
}

#[test]
fn hostile_text_in_every_field_is_cleaned_at_load() {
    let source = include_str!("../../../tests/valid_configs/hostile-text.toml");
    let exercise = parse("hostile", "hostile-text.toml", source.as_bytes()).unwrap();
    let mut texts = vec![
        &exercise.name,
        &exercise.summary,
        &exercise.start_position,
        &exercise.tempo,
        &exercise.breathing,
        &exercise.cues.get_ready,
        &exercise.cues.move_to,
        &exercise.cues.rest,
    ];
    for list in [
        &exercise.also_known_as,
        &exercise.muscles,
        &exercise.steps,
        &exercise.benefits,
        &exercise.precautions,
        &exercise.progressions,
        &exercise.regressions,
        &exercise.cues.hold,
    ] {
        assert!(!list.is_empty());
        texts.extend(list);
    }
    for mistake in &exercise.mistakes {
        texts.extend([&mistake.name, &mistake.explanation, &mistake.cue]);
    }
    assert_eq!(texts.len(), 8 + 8 + 3);
    for text in texts {
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        assert!(!text.contains(['\u{202E}', '\u{9b}']), "{text:?}");
    }
    assert_eq!(exercise.start_position, "Start[2J\npositionreversed", "paragraphs survive, the override does not");
}

#[test]
fn side_means_says_what_a_side_is_on_screen() {
    let knee = built_in("knee-to-chest").unwrap().unwrap();
    assert_eq!(knee.side_means, SideMeans::Knee);
    assert_eq!(knee.side_means.shout(Side::Left), ["LEFT KNEE", "LEFT"]);
    let rotation = built_in(DEFAULT_ID).unwrap().unwrap();
    assert_eq!(rotation.side_means.shout(Side::Right), ["RIGHT >>", "RIGHT>", "RIGHT"]);
    let plain = MINIMAL.replace("steps =", "sides = [\"left\"]\nsteps =");
    assert_eq!(parse("t", "t.toml", plain.as_bytes()).unwrap().side_means.shout(Side::Left), ["LEFT"]);
}

#[test]
fn a_bad_side_means_is_placed_by_line_and_column() {
    let source = MINIMAL.replace("steps =", "sides = [\"left\"]\nside_means = \"elbow\"\nsteps =");
    let error = first_error(&source);
    assert!(error.starts_with("t.toml:5:14: "), "{error}");
    assert!(error.contains("elbow") && error.contains("knee"), "{error}");
    let no_sides = MINIMAL.replace("steps =", "side_means = \"leg\"\nsteps =");
    let error = first_error(&no_sides);
    assert!(error.starts_with("t.toml:4:14: ") && error.contains("no `sides`"), "{error}");
}
