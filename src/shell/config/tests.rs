use std::time::Duration;

use super::*;
use crate::domain::plan::Overrides;
use crate::domain::settings::ThemeName;

/// The exercises a config can name here: the built-ins, and one of the user's own.
fn known() -> Vec<String> {
    let built_in = crate::domain::exercise::BUILT_IN.iter().map(|(id, _)| (*id).to_owned());
    built_in.chain(["knee-to-chest-easy".to_owned()]).collect()
}

fn parse_text(text: &str) -> Result<Given, InvalidFile> {
    parse("/home/u/.config/trunkrot/config.toml", text.as_bytes(), &known())
}

fn error(text: &str) -> String {
    parse_text(text).unwrap_err().to_string()
}

#[test]
fn an_empty_config_changes_nothing() {
    assert_eq!(parse_text("").unwrap(), Given::default());
    assert_eq!(parse_text(INIT_TEXT).unwrap(), Given::default(), "the written config is all comments");
}

#[test]
fn every_key_of_the_written_config_parses_once_uncommented() {
    let uncommented: String = INIT_TEXT
        .lines()
        // Indented lines are an example of another form, tried below.
        .map(|line| line.strip_prefix("# ").filter(|rest| rest.contains(" = ") && !rest.starts_with(' ')).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let config = parse_text(&uncommented).unwrap();
    assert_eq!(config.overrides.reps, Some(10));
    assert_eq!(config.overrides.hold, Some(Duration::from_secs(5)));
    assert_eq!(config.overrides.rest, Some(Duration::from_secs(30)));
    assert_eq!(config.overrides.sets, Some(1));
    assert_eq!(config.quiet, Some(false));
    assert_eq!(config.bell, Some(crate::domain::cues::Bell::Auto));
    assert_eq!(config.player.as_deref(), Some(&["paplay".to_owned()][..]));
    assert_eq!(config.voice, Some(crate::domain::cues::voice::VoiceMode::Auto));
    assert_eq!(config.checkin, Some(true));
    assert_eq!(config.voice_command.as_deref(), Some(&["espeak-ng".to_owned(), "-s".into(), "140".into()][..]));
    assert_eq!(config.exercise.as_deref(), Some("lower-trunk-rotation"));
    assert_eq!(config.theme, Some(ThemeName::Auto));
}

#[test]
fn durations_read_as_in_exercise_files() {
    let config = parse_text("hold = \"1m30s\"\nget_ready = 0\ntransition = \"2s\"\ntheme = \"high-contrast\"").unwrap();
    assert_eq!(config.overrides.hold, Some(Duration::from_secs(90)));
    assert_eq!(config.overrides.get_ready, Some(Duration::ZERO));
    assert_eq!(config.overrides.transition, Some(Duration::from_secs(2)));
    assert_eq!(config.theme, Some(ThemeName::HighContrast));
}

#[test]
fn flags_win_over_the_config() {
    let config = parse_text("reps = 3\nhold = 7").unwrap();
    let flags = Overrides { hold: Some(Duration::from_secs(4)), ..Overrides::default() };
    let merged = flags.over(&config.overrides);
    assert_eq!(merged.hold, Some(Duration::from_secs(4)));
    assert_eq!(merged.reps, Some(3));
    assert_eq!(merged.transition, None, "left to the exercise file");
}

#[test]
fn an_unknown_key_names_the_file_line_and_a_suggestion() {
    let message = error("reps = 3\nholdd = 5\n");
    assert!(message.starts_with("/home/u/.config/trunkrot/config.toml:2:1: unknown field `holdd`"), "{message}");
    assert!(message.contains("did you mean `hold`?"), "{message}");
}

#[test]
fn bad_values_name_the_key_and_line() {
    let message = error("reps = 2\nhold = 0\n");
    assert!(message.contains("config.toml:2:8: `hold` is 0 s, outside the allowed 1 to 600 s"), "{message}");
    let message = error("quiet = \"yes\"\n");
    assert!(message.contains("config.toml:1:9: `quiet` must be `true` or `false`, not text"), "{message}");
    let message = error("theme = \"dim\"");
    assert!(message.contains("`theme` is `\"dim\"`"), "{message}");
    let message = error("voice_command = []");
    assert!(message.contains("`voice_command` needs a program"), "{message}");
    let message = error("reps = 0\ntransition = \"5x\"");
    assert_eq!(message.lines().filter(|l| l.contains("config.toml:")).count(), 2, "every problem: {message}");
}

#[test]
fn broken_syntax_is_an_error_not_a_panic() {
    for text in ["reps = ", "[reps", "reps = 3\nreps = 4", "\u{0}", "hold = 5\n[table]\nx = 1"] {
        let message = error(text);
        assert!(message.contains("config.toml:"), "{text:?}: {message}");
    }
    assert!(parse("c.toml", b"\xff\xfe", &[]).unwrap_err().to_string().contains("not UTF-8"));
}

#[test]
fn the_voice_is_auto_a_flag_or_refused_and_the_player_is_a_command() {
    use crate::domain::cues::voice::VoiceMode;
    assert_eq!(parse_text("voice = \"auto\"\n").unwrap().voice, Some(VoiceMode::Auto));
    assert_eq!(parse_text("voice = true\n").unwrap().voice, Some(VoiceMode::On));
    assert_eq!(parse_text("voice = false\n").unwrap().voice, Some(VoiceMode::Off));
    let message = error("voice = \"loud\"\n");
    assert!(message.contains("config.toml:1:9: `voice` must be `\"auto\"`, `true` or `false`"), "{message}");
    assert!(error("voice = 3\n").contains("`voice` must be"));
    let player = parse_text("player = [\"paplay\", \"--volume\", \"30000\"]\n").unwrap().player;
    assert_eq!(player, Some(vec!["paplay".to_owned(), "--volume".to_owned(), "30000".to_owned()]));
    assert!(error("player = []\n").contains("`player` needs a program first"));
}

#[test]
fn an_unknown_bell_is_refused_with_the_choices() {
    assert_eq!(parse_text("bell = \"tones\"\n").unwrap().bell, Some(crate::domain::cues::Bell::Tones));
    let message = error("bell = \"loud\"\n");
    assert!(
        message.contains(
            "config.toml:1:8: `bell` is `\"loud\"`; expected `\"auto\"`, `\"tones\"`, `\"terminal\"`, `\"none\"`"
        ),
        "{message}"
    );
}

#[test]
fn the_written_example_of_tables_per_exercise_parses_once_uncommented() {
    let example: String =
        INIT_TEXT.lines().filter_map(|line| line.strip_prefix("#     ")).flat_map(|line| [line, "\n"]).collect();
    let config = parse_text(&example).unwrap();
    assert_eq!(config.exercise.as_deref(), Some("lower-trunk-rotation"));
    let knee = Overrides { reps: Some(3), hold: Some(Duration::from_secs(20)), ..Overrides::default() };
    assert_eq!(config.exercises, vec![("knee-to-chest".to_owned(), knee)]);
}

#[test]
fn each_exercise_table_is_checked_at_its_lines_and_an_exercise_line_beside_them_is_explained() {
    let problems = error("[exercise.knee-to-chest]\nreps = 0\nhodl = 5\n[exercise.pelvic-tilt]\nhold = \"long\"\n");
    assert!(problems.contains(":3:1: unknown field `hodl`, did you mean `hold`?"), "{problems}");
    let problems = error("[exercise.knee-to-chest]\nreps = 0\n[exercise.pelvic-tilt]\nhold = \"long\"\n");
    assert!(problems.contains(":2:8: `exercise.knee-to-chest.reps` is 0, outside the allowed 1 to 100"), "{problems}");
    assert!(problems.contains(":4:8: `exercise.pelvic-tilt.hold` is `\"long\"`"), "{problems}");
    let beside = error("exercise = \"knee-to-chest\"\n[exercise.knee-to-chest]\nreps = 3\n");
    assert!(beside.contains("write `default = \"knee-to-chest\"` in an `[exercise]` table"), "{beside}");
    assert_eq!(beside.matches("config.toml:").count(), 1, "said once: {beside}");
    assert!(error("exercise = 5\n").contains("`exercise` must be text in quotes, such as `\"...\"`, or a table"));
}

#[test]
fn a_table_for_a_misspelt_exercise_is_reported_where_it_is_with_the_id_meant() {
    let text = "reps = 6\n\n[exercise.knee-to-chst]\nreps = 4\n\n[exercise.glute-brigde]\nhold = 3\n";
    let message = error(text);
    assert!(
        message.contains(
            "config.toml:3:11: `[exercise.knee-to-chst]` names no exercise, so its timing would never be \
             used: did you mean `[exercise.knee-to-chest]`?"
        ),
        "{message}"
    );
    assert!(message.contains("config.toml:6:11: `[exercise.glute-brigde]`"), "both in one run: {message}");
}

#[test]
fn a_table_for_an_exercise_known_or_like_none_or_the_default_by_path_is_taken() {
    let user_own = parse_text("[exercise.knee-to-chest-easy]\nreps = 4\n").unwrap();
    assert_eq!(user_own.exercises[0].0, "knee-to-chest-easy", "one of the user's own");
    let by_path = parse_text("[exercise.stretch-for-my-hips]\nreps = 4\n").unwrap();
    assert_eq!(by_path.exercises[0].0, "stretch-for-my-hips", "like nothing known: perhaps run by its path");
    for near in ["glute-bridges", "knee-to-chest-2", "cat-cow-slow"] {
        let config = format!("[exercise.{near}]\nreps = 4\n");
        assert_eq!(parse_text(&config).unwrap().exercises[0].0, near, "no slip: perhaps one run by its path");
    }
    let default = "[exercise]\ndefault = \"/home/u/glute-bridges.toml\"\n[exercise.glute-bridges]\nreps = 4\n";
    assert_eq!(parse_text(default).unwrap().exercises[0].0, "glute-bridges", "the default exercise, by its path");
}

#[test]
fn problems_of_shape_and_of_value_are_reported_together_in_the_files_order() {
    let message = error("reps = 0\nholdd = 5\nquiet = \"yes\"\ntheme = \"purple\"\n");
    let places: Vec<&str> = message.lines().filter_map(|line| line.split(": ").next()).collect();
    let lines: Vec<&str> =
        places.iter().filter_map(|place| place.strip_prefix("/home/u/.config/trunkrot/config.toml:")).collect();
    assert_eq!(lines, ["1:8", "2:1", "3:9", "4:9"], "{message}");
    assert!(message.contains("`reps` is 0") && message.contains("`holdd`"), "{message}");
}

#[test]
fn an_unknown_default_exercise_is_said_with_the_other_problems() {
    let message = error("reps = 0\n[exercise]\ndefault = \"pelvic-tlt\"\n");
    assert!(message.contains("config.toml:1:8: `reps` is 0"), "{message}");
    assert!(message.contains("config.toml:3:11: no exercise `pelvic-tlt`, did you mean `pelvic-tilt`?"), "{message}");
    let by_path = parse_text("exercise = \"mine.toml\"\n").unwrap();
    assert_eq!(by_path.exercise.as_deref(), Some("mine.toml"), "a path is looked for when it runs");
}
