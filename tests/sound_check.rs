//! `trunkrot sound-check` with stand-in players and speech commands: it plays every pattern
//! with its name, and reports what it could not play or say with exit code 1.

use std::fs;
use std::path::Path;

mod support;

use support::home::{Home, trunkrot};

fn check(dir: &Home, args: &[&str]) -> (i32, String) {
    let output =
        trunkrot(dir).arg("sound-check").args(args).env("PATH", dir.join("bin")).output().expect("trunkrot runs");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

// One test in this binary: it executes a script it has just written, which fails with "text
// file busy" if another test thread forks meanwhile.
#[test]
fn every_pattern_is_played_with_its_name_and_failures_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Home::new();
    fs::create_dir_all(dir.join("bin")).expect("a folder for the players");
    let log = dir.join("played");
    let player = dir.join("bin/paplay");
    fs::write(&player, format!("#!/bin/sh\necho \"${{1##*/}}\" >> '{}'\n", log.display())).expect("a player");
    fs::set_permissions(&player, fs::Permissions::from_mode(0o755)).expect("executable");

    let (code, out) = check(&dir, &["--bell", "tones", "--no-voice"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("player: {}", player.display())), "{out}");
    for name in ["count", "go", "hold", "release", "switch sides", "rest", "next exercise", "done"] {
        assert!(out.lines().any(|line| line.starts_with(name)), "{name} named: {out}");
    }
    let files = fs::read_to_string(&log).expect("the player ran");
    assert_eq!(files.lines().count(), 8, "{files}");
    assert!(files.lines().all(|file| Path::new(file).extension().is_some_and(|ext| ext == "wav")), "{files}");

    // A speech command that exits non-zero, and no player at all.
    fs::remove_file(&player).expect("the player removed");
    let script = dir.join("speak.sh");
    fs::write(&script, "exit 3\n").expect("a script");
    let config = format!("voice = true\nvoice_command = [\"/bin/sh\", \"{}\"]\n", script.display());
    dir.file("config.toml", config);
    let (code, out) = check(&dir, &["--bell", "tones"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("problem: No tones: none of pw-play, paplay, aplay, afplay found"), "{out}");
    assert!(out.contains("problem: Voice failed: /bin/sh exited with exit status: 3"), "{out}");
    assert!(out.contains("problem(s)"), "{out}");
}
