//! The user's config file as the binary reads it, `trunkrot config`, and the shell's extras
//! (completions, man page). Each test points `XDG_CONFIG_HOME` at its own temporary folder.

use std::fs;

use predicates::prelude::*;
use predicates::str::contains;

mod support;

use support::home::{Home, stdout, trunkrot};

#[test]
fn the_config_sets_defaults_and_flags_win_over_it() {
    let home = Home::with_config("reps = 1\nhold = 2\nget_ready = 0\ntransition = \"0s\"\nquiet = true\n");
    let assert = trunkrot(&home).arg("--plain").assert().success();
    let out = stdout(&assert);
    assert!(out.contains("1 rep per side, hold 2 s"), "the config's values: {out}");
    assert!(out.contains("total 4 s"), "{out}");

    let assert = trunkrot(&home).args(["config", "--plain", "--hold", "1"]).assert().success();
    let out = stdout(&assert);
    let row = |key: &str| out.lines().find(|line| line.starts_with(key)).unwrap_or_default().to_owned();
    assert!(row("hold").contains("1 s") && row("hold").ends_with("flag"), "{out}");
    assert!(row("reps").contains('1') && row("reps").ends_with("config.toml"), "{out}");
    assert!(row("rest").ends_with("exercise file"), "{out}");
    assert!(row("quiet").contains("yes") && row("quiet").ends_with("config.toml"), "{out}");
    assert!(row("theme").ends_with("default"), "{out}");
    assert!(out.starts_with(&format!("config file: {}", home.join("trunkrot/config.toml").display())), "{out}");
}

#[test]
fn a_bad_config_names_the_file_line_and_key_and_exits_1() {
    let home = Home::with_config("reps = 3\nhold = \"five\"\n");
    let path = home.join("trunkrot/config.toml").display().to_string();
    trunkrot(&home)
        .arg("--plain")
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!("trunkrot: error: {path}:2:8: `hold` is `\"five\"`")).and(contains("panicked").not()));
    let home = Home::with_config("voice = true\nvoise_command = [\"espeak\"]\n");
    trunkrot(&home)
        .arg("config")
        .assert()
        .code(1)
        .stderr(contains("config.toml:2:1: unknown field `voise_command`, did you mean `voice_command`?"));
}

#[test]
fn a_table_for_a_misspelt_exercise_is_refused_unless_the_user_has_an_exercise_of_that_id() {
    let config = "[exercise.knee-to-chst]\nreps = 4\n";
    let home = Home::with_config(config);
    trunkrot(&home).arg("plan").assert().code(1).stdout("").stderr(contains(
        "config.toml:1:11: `[exercise.knee-to-chst]` names no exercise, so its timing would never be used: did \
         you mean `[exercise.knee-to-chest]`?",
    ));
    let exercise = include_str!("../exercises/knee-to-chest.toml");
    let home = Home::with_config(config).with("exercises/knee-to-chst.toml", exercise);
    let assert = trunkrot(&home).args(["plan", "--exercise", "knee-to-chst"]).assert().success();
    assert!(stdout(&assert).contains("4 reps per side"), "{}", stdout(&assert));
}

#[test]
fn config_init_writes_a_commented_config_once() {
    let home = Home::new();
    trunkrot(&home).arg("config").assert().success().stdout(contains("not there: `trunkrot config --init`"));
    trunkrot(&home).args(["config", "--init"]).assert().success().stdout(contains("wrote"));
    let written = fs::read_to_string(home.join("trunkrot/config.toml")).unwrap();
    assert!(written.contains("# hold = 5") && written.contains("# voice_command"), "{written}");
    trunkrot(&home).args(["config", "--init"]).assert().code(1).stderr(contains("already exists"));
    assert_eq!(fs::read_to_string(home.join("trunkrot/config.toml")).unwrap(), written, "left untouched");
}

#[test]
fn a_missing_speech_command_is_one_notice_and_the_session_goes_on() {
    let home = Home::with_config("voice = true\nvoice_command = [\"/nonexistent/speak\"]\n");
    let assert = trunkrot(&home)
        .args(["--plain", "--hold", "1", "--reps", "1", "--get-ready", "0", "--transition", "0"])
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.matches("not found").count(), 1, "{stderr}");
    assert!(stdout(&assert).contains("Session complete"));
}

#[test]
fn completions_are_printed_for_every_shell() {
    let home = Home::new();
    for (shell, marker) in [
        ("bash", "_trunkrot()"),
        ("zsh", "#compdef trunkrot"),
        ("fish", "complete -c trunkrot"),
        ("elvish", "trunkrot"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let assert = trunkrot(&home).args(["completions", shell]).assert().success();
        let out = stdout(&assert);
        assert!(out.contains(marker), "{shell}: {out}");
        assert!(out.contains("hold") && out.contains("voice"), "{shell} completes the flags");
    }
    trunkrot(&home).args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn completions_offer_the_exercise_and_routine_ids_after_exercise_routine_and_show() {
    let home = Home::new().with("exercises/mine.toml", include_str!("valid_configs/minimal.toml"));
    let bash = stdout(&trunkrot(&home).args(["completions", "bash"]).assert().success());
    // The words offered right after a line that names the flag's case.
    let offered = |case: &str| {
        let mut lines = bash.lines().skip_while(|line| line.trim() != case).skip(1);
        lines.next().unwrap_or_default().to_owned()
    };
    let exercise = offered("--exercise)");
    for id in ["lower-trunk-rotation", "knee-to-chest", "glute-bridge", "mine"] {
        assert!(exercise.split([' ', '"']).any(|word| word == id), "{id}: {exercise}");
    }
    assert!(!exercise.contains("low-back"), "a routine is no exercise: {exercise}");
    assert!(offered("--routine)").contains("low-back"), "{bash}");
    let show = offered("trunkrot__subcmd__show)");
    for id in ["lower-trunk-rotation", "mine", "low-back"] {
        assert!(show.contains(id), "show offers {id}: {show}");
    }
    let fish = stdout(&trunkrot(&home).args(["completions", "fish"]).assert().success());
    // Fish lists each value on a line of its own after the flag's.
    let after = fish.split("-l exercise").nth(1).unwrap_or_default();
    let values = after.split("complete -c").next().unwrap_or_default();
    assert!(values.contains("knee-to-chest\\t") && values.contains("mine\\t"), "{fish}");
}

#[test]
fn the_man_page_is_roff_with_the_flags() {
    let home = Home::new();
    let assert = trunkrot(&home).arg("man").assert().success();
    let out = stdout(&assert);
    assert!(out.contains(".TH trunkrot"), "{}", &out[..200.min(out.len())]);
    assert!(out.contains("\\-\\-voice") && out.contains("completions"), "flags and subcommands are listed");
    for section in [".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS"] {
        assert!(out.contains(section), "{section}");
    }
    assert!(!out.contains("trunkrot\\-check(1)"), "no page that does not exist is named");
    assert!(out.contains("\\fBPageDown\\fR") && out.contains("\\fB?, h, F1\\fR"), "every key, one a line");
}

#[test]
fn config_with_a_routine_points_to_its_timeline() {
    let home = Home::new();
    let report = stdout(&trunkrot(&home).args(["config", "--routine", "low-back"]).assert().success());
    assert!(
        report.contains("routine        low-back: each exercise's settings are in `trunkrot plan --routine low-back`")
    );
}

#[test]
fn a_flag_turns_off_for_one_run_what_the_config_turns_on_and_the_reverse() {
    let home = Home::with_config("quiet = true\nvoice = true\ncheckin = false\ntheme = \"high-contrast\"\n");
    let report = stdout(
        &trunkrot(&home)
            .args(["config", "--no-quiet", "--no-voice", "--checkin", "--theme", "light"])
            .assert()
            .success(),
    );
    let row = |key: &str| report.lines().find(|line| line.starts_with(key)).unwrap_or_default().to_owned();
    assert!(row("quiet").contains("no") && row("quiet").ends_with("flag"), "{report}");
    assert!(row("voice ").contains("off") && row("voice ").ends_with("flag"), "{report}");
    assert!(row("checkin").contains("yes") && row("checkin").ends_with("flag"), "{report}");
    assert!(row("theme").contains("light") && row("theme").ends_with("flag"), "{report}");
    let report = stdout(&trunkrot(&home).arg("config").env("NO_COLOR", "1").assert().success());
    let row = |key: &str| report.lines().find(|line| line.starts_with(key)).unwrap_or_default().to_owned();
    assert!(row("quiet").contains("yes") && row("quiet").ends_with("config.toml"), "{report}");
    assert!(row("voice ").contains("on") && row("voice ").ends_with("config.toml"), "{report}");
    assert!(row("checkin").contains("no") && row("checkin").ends_with("config.toml"), "{report}");
    assert!(row("theme").contains("high-contrast (colours off: NO_COLOR is set)"), "{report}");
    trunkrot(&home).args(["plan", "--quiet"]).assert().code(2);
}

#[test]
fn the_configs_reps_are_the_default_exercises_and_never_change_knee_to_chest_and_sets_is_a_flag() {
    let home = Home::with_config("reps = 6\nhold = 5\nget_ready = 0\n[exercise.pelvic-tilt]\nreps = 12\n");
    let knee = stdout(&trunkrot(&home).args(["plan", "--exercise", "knee-to-chest"]).assert().success());
    assert!(knee.starts_with("Knee to chest: 3 reps per side, hold 20 s\n"), "{knee}");
    assert!(
        knee.contains("get ready 30 s"),
        "the top's get_ready is the default exercise's only: another gets the first get-ready's 30 s: {knee}"
    );
    let tilt = stdout(&trunkrot(&home).args(["plan", "--exercise", "pelvic-tilt"]).assert().success());
    assert!(tilt.starts_with("Pelvic tilt: 12 reps, hold 5 s\n"), "its own table, its file's hold: {tilt}");
    let rotation = stdout(&trunkrot(&home).args(["plan", "--sets", "2"]).assert().success());
    assert!(rotation.starts_with("Lower trunk rotation: 6 reps per side, 2 sets, hold 5 s\n"), "{rotation}");
    assert!(rotation.contains("rest 30 s"), "a rest between the 2 sets: {rotation}");
    let session = stdout(
        &trunkrot(&home)
            .args([
                "--plain",
                "--exercise",
                "knee-to-chest",
                "--sets",
                "2",
                "--reps",
                "1",
                "--hold",
                "1",
                "--transition",
                "0",
                "--get-ready",
                "0",
                "--rest",
                "1",
            ])
            .assert()
            .success(),
    );
    assert!(session.contains("rep 1/1 right set 2/2: hold 1 s"), "{session}");
    let rows = stdout(&trunkrot(&home).args(["config", "--exercise", "pelvic-tilt", "--sets", "2"]).assert().success());
    let row = |key: &str| rows.lines().find(|line| line.starts_with(key)).unwrap_or_default().to_owned();
    assert!(row("reps").ends_with("config.toml [exercise.pelvic-tilt]"), "{rows}");
    assert!(row("hold").ends_with("exercise file"), "{rows}");
    assert!(row("sets").contains('2') && row("sets").ends_with("flag"), "{rows}");
}

#[test]
fn the_report_names_a_configured_player_not_found_and_lists_every_exercise_table() {
    let home = Home::with_config(
        "player = [\"no-such-player\", \"--quiet\"]\n[exercise.knee-to-chest]\nreps = 6\nhold = 20\n\
         [exercise.pelvic-tilt]\nsets = 2\n",
    );
    let report = stdout(&trunkrot(&home).args(["config", "--exercise", "glute-bridge"]).assert().success());
    let row = |key: &str| report.lines().find(|line| line.starts_with(key)).unwrap_or_default().to_owned();
    assert!(row("player").contains("no-such-player") && row("player").ends_with("config.toml: not found"), "{report}");
    assert!(report.contains("config.toml [exercise.knee-to-chest]: reps 6, hold 20 s\n"), "{report}");
    assert!(report.contains("config.toml [exercise.pelvic-tilt]: sets 2\n"), "{report}");
}

#[test]
fn a_misspelt_key_among_the_exercise_tables_and_a_table_in_other_capitals_are_named() {
    let home = Home::with_config("[exercise]\ndefualt = \"pelvic-tilt\"\n[exercise.Knee-To-Chest]\nreps = 4\n");
    let assert = trunkrot(&home).arg("config").assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("config.toml:2:1: unknown field `defualt`, did you mean `default`?"), "{stderr}");
    assert!(!stderr.contains("must be a table"), "{stderr}");
    assert!(stderr.contains("did you mean `[exercise.knee-to-chest]`?"), "{stderr}");
}

#[test]
fn a_dose_too_long_to_run_says_where_it_comes_from_and_config_finds_it_first() {
    // The default exercise's own table makes every session of it 33 hours; knee to chest's
    // makes one of it too long too, though the session shown is the default's.
    let home = Home::with_config(
        "[exercise.lower-trunk-rotation]\nreps = 100\nhold = 600\n\n[exercise.knee-to-chest]\nreps = 50\nhold = 600\nsets = 20\n",
    );
    let from_table = "(reps 100 and hold 10 min from config.toml [exercise.lower-trunk-rotation])";
    trunkrot(&home)
        .arg("--plain")
        .assert()
        .code(1)
        .stderr(contains("this session would run 33 h 40 min").and(contains(from_table)));
    // A flag over one of them is named as such, the rest still as the config's.
    trunkrot(&home)
        .args(["--plain", "--hold", "300"])
        .assert()
        .code(1)
        .stderr(contains("(reps 100 from config.toml [exercise.lower-trunk-rotation]; hold 5 min from the flags)"));
    let assert = trunkrot(&home).arg("config").assert().code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(err.contains(from_table), "{err}");
    // Each session once, named by the command that would run it: the default one is not told
    // again for its table.
    assert_eq!(err.matches("this session would run").count(), 2, "{err}");
    assert!(err.contains("`trunkrot --exercise lower-trunk-rotation`: this session would run 33 h 40 min"), "{err}");
    // With a flag given to `config`, the session shown is said to be with it, and each table is
    // still judged at its own dose alone.
    let assert = trunkrot(&home).args(["config", "--sets", "2"]).assert().code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        err.contains("`trunkrot --exercise lower-trunk-rotation` with these flags: this session would run")
            && err.contains("`trunkrot --exercise lower-trunk-rotation`: this session would run 33 h 40 min"),
        "{err}"
    );
    assert!(
        err.contains("`trunkrot --exercise knee-to-chest`: this session would run")
            && err.contains("(reps 50, hold 10 min and sets 20 from config.toml [exercise.knee-to-chest])"),
        "{err}"
    );
    assert!(
        stdout(&assert).contains("config.toml [exercise.knee-to-chest]: reps 50"),
        "the settings are shown all the same"
    );
    // In a routine, a value the routine gives is named with its exercise.
    trunkrot(&home).args(["--plain", "--routine", "low-back"]).assert().code(1).stderr(
        contains("reps 8 from the routine's pelvic-tilt;")
            .and(contains("reps 100 and hold 10 min from config.toml [exercise.lower-trunk-rotation]")),
    );
    // A dose that fits is no problem.
    let fits = Home::with_config("[exercise.knee-to-chest]\nreps = 12\nhold = 30\n");
    trunkrot(&fits).arg("config").assert().success().stderr("");
}
