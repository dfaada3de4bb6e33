//! The voice as a user lying on the floor hears it: a fake speech command on `PATH` records
//! every utterance of a short plain session.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

mod support;

use support::home::{Home, trunkrot};

/// Waits for the speech log to hold `last`: speech runs on its own and may finish after
/// trunkrot has exited. Gives up after a generous bound rather than hanging.
fn spoken(log: &Path, last: &str) -> String {
    let started = Instant::now();
    loop {
        let text = fs::read_to_string(log).unwrap_or_default();
        if text.contains(last) || started.elapsed() > Duration::from_secs(60) {
            return text;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

// One test in this binary: writing a script and executing it while another test thread forks
// can fail with "text file busy".
#[test]
fn a_plain_session_with_voice_speaks_each_cue_through_the_first_speech_command_on_path() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Home::new();
    let bin = dir.join("bin");
    fs::create_dir_all(&bin).unwrap();
    let log = dir.join("spoken.txt");
    let script = bin.join("espeak-ng");
    // It takes a while, as a real voice does: one that is done at once is not heard.
    fs::write(&script, format!("#!/bin/sh\nprintf '%s|%s\\n' \"$#\" \"$*\" >> '{}'\nsleep 0.5\n", log.display()))
        .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths([bin.as_path(), Path::new("/usr/bin"), Path::new("/bin")]).unwrap();

    let output = trunkrot(&dir)
        .args([
            "--plain",
            "--voice",
            "--bell",
            "none",
            "--hold",
            "1",
            "--reps",
            "1",
            "--get-ready",
            "0",
            "--transition",
            "0",
        ])
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("No voice"), "{stderr}");

    let text = spoken(&log, "Session complete");
    // Each utterance is one argument (`$#` is 1), in the order of the session.
    // One-second holds are too short for "Hold, left" or "Right. Hold.": the side alone is said.
    assert_eq!(text, "1|Left.\n1|Right.\n1|Session complete\n");
    let stdout = String::from_utf8_lossy(&output.stdout);
    for words in ["Left.", "Right.", "Session complete"] {
        assert!(stdout.contains(words), "plain mode says what the voice says: {stdout}");
    }
}
