//! The voice through a recording stand-in speech command, run via `/bin/sh` from the config:
//! every hold names its side, nothing is cut, nothing the command starts outlives the session,
//! and a command that fails is reported on the way and in the summary.

use std::fs;
use std::process::Output;
use std::time::Duration;

mod support;

use support::home::{Home, trunkrot};

/// Runs a plain session with `script` as the speech command (through `/bin/sh`, so the file
/// just written is never executed itself).
fn session(dir: &Home, script: &str, args: &[&str]) -> Output {
    let script_path = dir.join("speak.sh");
    fs::write(&script_path, script).expect("the script");
    let config = format!("voice = true\nvoice_command = [\"/bin/sh\", \"{}\"]\n", script_path.display());
    dir.file("config.toml", config);
    trunkrot(dir).arg("--plain").args(args).output().expect("trunkrot runs")
}

#[test]
fn every_hold_names_its_side_and_nothing_is_cut() {
    let dir = Home::new();
    let log = dir.join("log");
    // Each utterance takes a while, as a real voice does; a cut one never logs its end.
    let script = format!("echo \"start|$1\" >> '{0}'\nsleep 0.3\necho \"end|$1\" >> '{0}'\n", log.display());
    let args = ["--hold", "4", "--reps", "1", "--get-ready", "0", "--transition", "2"];
    let output = session(&dir, &script, &args);
    assert!(output.status.success(), "{output:?}");
    let text = fs::read_to_string(&log).expect("the log");
    let starts: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("start|")).collect();
    let ends: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("end|")).collect();
    assert_eq!(starts, ends, "every utterance was said to its end, one at a time:\n{text}");
    let holds: Vec<&&str> = starts.iter().filter(|s| s.contains("Hold")).collect();
    assert_eq!(holds, [&"Hold, left", &"Hold, right"], "{text}");
    assert_eq!(starts.iter().filter(|s| s.starts_with("Switch sides. Right.")).count(), 1, "{text}");
    assert_eq!(starts.iter().filter(|s| ["3", "2", "1"].contains(s)).count(), 2 * 3, "{text}");
    assert_eq!(starts.last(), Some(&"Session complete"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for said in starts.iter().filter(|s| !["3", "2", "1"].contains(s)) {
        assert!(stdout.contains(said), "plain mode prints what the voice says: {said}\n{stdout}");
    }
}

/// Whether process `pid` is gone (or a zombie), allowing a killed one a moment to die: the kill
/// is sent before trunkrot exits, but a busy machine may run the dying process a little later.
fn gone(pid: &str) -> bool {
    let dead = || {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.is_empty() || stat.contains(") Z ")
    };
    let since = std::time::Instant::now();
    while !dead() {
        if since.elapsed() > Duration::from_secs(30) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    true
}

#[test]
fn nothing_the_speech_command_starts_outlives_the_session() {
    let dir = Home::new();
    let pids = dir.join("pids");
    // A script that leaves a child behind each time it speaks, as `espeak-ng "$1" &` would.
    let script = format!("sleep 60 &\necho $! >> '{}'\n", pids.display());
    let output = session(&dir, &script, &["--hold", "2", "--reps", "1", "--get-ready", "0", "--transition", "0"]);
    assert!(output.status.success(), "{output:?}");
    let pids = fs::read_to_string(&pids).expect("the script ran");
    assert!(pids.lines().count() >= 3, "{pids}");
    for pid in pids.lines() {
        assert!(gone(pid), "process {pid} outlived trunkrot");
    }
}

#[test]
fn a_speech_command_that_fails_is_reported_once_and_in_the_summary() {
    let dir = Home::new();
    let output = session(&dir, "exit 7\n", &["--hold", "1", "--reps", "1", "--get-ready", "0", "--transition", "0"]);
    assert!(output.status.success(), "sound failing soft: {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("exited with exit status: 7").count(), 1, "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Sound: Voice failed: /bin/sh exited with exit status: 7"), "{stdout}");
}

#[test]
fn the_last_words_do_not_outlive_trunkrot() {
    let dir = Home::new();
    let pids = dir.join("pids");
    // Words that never end: the queue waits for them, and trunkrot stops them as it exits. Were
    // it to wait for them to end, the run would outlast its guard and fail.
    let script = format!("echo $$ >> '{}'\nexec sleep 3600\n", pids.display());
    let output = session(&dir, &script, &["--hold", "1", "--reps", "1", "--get-ready", "0", "--transition", "0"]);
    assert!(output.status.success(), "{output:?}");
    let pids = fs::read_to_string(&pids).expect("the script ran");
    assert_eq!(pids.lines().count(), 1, "nothing cuts the phase's words: the rest wait behind them\n{pids}");
    for pid in pids.lines() {
        assert!(gone(pid), "process {pid} outlived trunkrot");
    }
}
