//! `trunkrot sound-check` with stand-in players and speech commands: it plays every pattern with
//! its name through each player until one is heard, asks "Did you hear it?", keeps the answers,
//! and sessions go by them; what could not be played or said is reported with exit code 1.

use std::fs;
use std::path::{Path, PathBuf};

mod support;

use support::home::{Home, trunkrot};

/// Runs `trunkrot ARGS` with only `dir/bin` on the `PATH`, `answers` on standard input.
fn run(dir: &Home, args: &[&str], answers: &str) -> (i32, String) {
    let output =
        trunkrot(dir).args(args).env("PATH", dir.join("bin")).write_stdin(answers).output().expect("trunkrot runs");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

fn player(dir: &Path, name: &str, log: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("bin").join(name);
    fs::write(&path, format!("#!/bin/sh\necho \"{name} ${{1##*/}}\" >> '{}'\n", log.display())).expect("a player");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("executable");
    path
}

// One test in this binary: it executes scripts it has just written, which fails with "text
// file busy" if another test thread forks meanwhile.
#[test]
fn each_pattern_is_played_and_asked_about_and_the_answers_are_kept_and_used() {
    let dir = Home::new();
    fs::create_dir_all(dir.join("bin")).expect("a folder for the players");
    let log = dir.join("played");
    let paplay = player(&dir, "paplay", &log);
    let pw_play = player(&dir, "pw-play", &log);

    // Not heard through paplay, heard through pw-play.
    let (code, out) = run(&dir, &["sound-check", "--bell", "tones", "--no-voice"], "n\ny\n");
    assert_eq!(code, 0, "one player heard is enough: {out}");
    assert!(out.contains("trying the next player"), "{out}");
    assert!(out.contains(&format!("player: {}", paplay.display())), "{out}");
    assert!(out.contains(&format!("player: {}", pw_play.display())), "{out}");
    assert_eq!(out.matches("Did you hear the tones? [y/n]").count(), 2, "{out}");
    for name in ["count", "go", "hold", "return", "release", "switch sides", "rest", "next exercise", "done"] {
        assert!(out.lines().filter(|line| line.starts_with(name)).count() >= 2, "{name}: {out}");
    }
    let played = fs::read_to_string(&log).expect("the players ran");
    assert_eq!(played.lines().filter(|l| l.starts_with("paplay ")).count(), 9, "{played}");
    assert_eq!(played.lines().filter(|l| l.starts_with("pw-play ")).count(), 9, "{played}");
    assert!(played.lines().all(|line| Path::new(line).extension().is_some_and(|ext| ext == "wav")), "{played}");
    let kept = fs::read_to_string(dir.data_dir().join("sound-check.toml")).expect("the answers kept");
    assert!(kept.contains(&format!("\"{}\" = false", paplay.display())), "{kept}");
    assert!(kept.contains(&format!("\"{}\" = true", pw_play.display())), "{kept}");

    // A session goes by them: pw-play, heard, before paplay, not heard.
    fs::remove_file(&log).expect("a fresh log");
    let (code, out) =
        run(&dir, &["--plain", "--reps", "1", "--hold", "1", "--get-ready", "0", "--transition", "0"], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("Sound: pw-play tones"), "{out}");
    let played = fs::read_to_string(&log).expect("pw-play ran");
    assert!(played.lines().all(|l| l.starts_with("pw-play ")), "{played}");

    // A speech command that exits non-zero, and no player at all.
    fs::remove_file(&paplay).expect("the player removed");
    fs::remove_file(&pw_play).expect("the player removed");
    let script = dir.join("speak.sh");
    fs::write(&script, "exit 3\n").expect("a script");
    let config = format!("voice = true\nvoice_command = [\"/bin/sh\", \"{}\"]\n", script.display());
    dir.file("config.toml", config);
    let (code, out) = run(&dir, &["sound-check", "--bell", "tones"], "");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("problem: No tones: none of paplay, pw-play, aplay, afplay found"), "{out}");
    assert!(out.contains("problem: Voice failed: /bin/sh exited with exit status: 3"), "{out}");
    assert!(out.contains("problem(s)"), "{out}");
}
