//! When the audio path fails, the session says so and goes on: a speech command that hangs, one
//! that exits at once, one that forks with `setsid`, a player that hangs, a player that fails
//! followed by one that works. For each: the notice (on standard error in plain mode, and after
//! the summary), the fallback, the timing, and that no process is left afterwards.
//!
//! The timing is the session's own (real seconds), with the slack a loaded machine needs.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use support::home::{HANG, Home, process};
use support::standin::{self, Sound};
use trunkrot::domain::cues::voice::{Rate, UNKNOWN_LAG};
use trunkrot::shell::process_group::{HUNG_AFTER, STUCK_AFTER};
use trunkrot::shell::tones::{DEFAULT_DRAIN, file_length};

/// The session every case runs: 3 s to get ready, one rep a side, 2 s moves, 3 s holds.
const ARGS: [&str; 9] = ["--plain", "--reps", "1", "--get-ready", "3", "--hold", "3", "--transition", "2"];

/// How late a process may start, or how early it may seem killed, on a busy machine, in seconds.
const SLACK: f64 = 0.5;

/// How late a hung process may be killed on a busy machine, in seconds: trunkrot's loop and the
/// 20 ms sampling here both wake late at a load of 6 or more on 2 cores (up to 0.9 s more was
/// seen). Waiting for the hung process would be many seconds late, or never.
const LATE_SLACK: f64 = 1.5;

/// How many words a voice that says nothing may be given before it is turned off: two quick
/// exits in a row, and on a busy machine one or two more, whose exit trunkrot saw late and so
/// not as quick. A voice never judged silent is given every one of the session's words.
const QUICK_SAID: std::ops::RangeInclusive<usize> = 2..=4;

/// One case's folder, with its stand-ins written.
struct Case {
    home: Home,
    log: PathBuf,
}

impl Case {
    /// Writes the stand-ins: the voice through `/bin/sh` from the config (doing `voice` first),
    /// and `paplay` and `pw-play` on the `PATH` (doing `paplay` and `pw_play` first).
    fn new(name: &str, voice: Option<&str>, paplay: &str, pw_play: &str) -> Case {
        let _ = name;
        let home = Home::new();
        let dir: &Path = &home;
        fs::create_dir_all(dir.join("bin")).expect("a folder for the players");
        let log = dir.join("log");
        let words = dir.join("words");
        let tones = dir.join("tones");
        let plan = standin::plan_of(&ARGS[1..]);
        fs::write(&words, standin::durations(&standin::phrases(&plan), Rate::default())).expect("a table");
        fs::write(&tones, standin::tone_lengths()).expect("a table");
        let config = match voice {
            Some(extra) => {
                fs::write(dir.join("voice.sh"), standin::script(&log, &words, "voice", extra)).expect("a script");
                format!("voice = true\nvoice_command = [\"/bin/sh\", \"{}\"]\n", dir.join("voice.sh").display())
            }
            None => "voice = false\n".to_owned(),
        };
        home.file("config.toml", config);
        for (name, extra) in [("paplay", paplay), ("pw-play", pw_play)] {
            let path = dir.join("bin").join(name);
            let script = standin::script(&log, &tones, name, extra);
            fs::write(&path, format!("#!/bin/sh\n{script}")).expect("a player");
            fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("executable");
        }
        Case { home, log }
    }

    /// Runs the session; returns its output, how long it took, and when each process seen
    /// below it was last seen alive (sampled every 20 ms).
    fn run(&self) -> (Output, Duration, BTreeMap<u32, f64>) {
        let path = format!("{}:/usr/bin:/bin", self.home.join("bin").display());
        let started = Instant::now();
        let mut child = process(&self.home)
            .args(ARGS)
            .env("PATH", path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("trunkrot starts");
        let pid = child.id();
        let mut seen: BTreeMap<u32, f64> = BTreeMap::new();
        while child.try_wait().expect("trunkrot can be waited for").is_none() {
            assert!(started.elapsed() < HANG, "the session ended");
            for below in trunkrot::shell::process_group::descendants(
                rustix::process::Pid::from_raw(pid.cast_signed()).expect("a pid"),
            ) {
                seen.insert(below.as_raw_nonzero().get() as u32, standin::now());
            }
            thread::sleep(Duration::from_millis(20));
        }
        let took = started.elapsed();
        let output = child.wait_with_output().expect("its output");
        (output, took, seen)
    }

    fn sounds(&self) -> Vec<Sound> {
        standin::sounds(&self.log)
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn hung_voice(case: &Case) {
    let (output, took, seen) = case.run();
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{output:?}");
    let notice = "Voice: sh was still running 1.0 s after its words should have ended; stopped it";
    assert_eq!(stderr.matches(notice).count(), 1, "told once: {stderr}");
    assert!(stdout.contains(&format!("Sound: {notice}")), "and after the summary: {stdout}");
    let voice: Vec<Sound> = case.sounds().into_iter().filter(|s| s.kind == "voice").collect();
    // Each phase's words still start: none waits for the hung one before it.
    let phases = voice.iter().filter(|s| !["1", "2", "3"].contains(&s.what.as_str())).count();
    assert_eq!(phases, phase_words(), "{voice:?}");
    // Each is killed a second after it was expected to end (nothing learned: its words' time and
    // the unknown lag's allowance), or sooner when a later one is stuck too; the first, exactly.
    let last = voice.last().map(|s| s.pid);
    for (n, said) in voice.iter().enumerate().filter(|(_, s)| Some(s.pid) != last) {
        let last_seen = seen.get(&said.pid).copied().unwrap_or(said.started);
        let expected = said.started + UNKNOWN_LAG.as_secs_f64() + Rate::default().time_to_say(&said.what).as_secs_f64();
        let killed = last_seen - expected;
        assert!(
            killed < HUNG_AFTER.as_secs_f64() + LATE_SLACK,
            "`{}` killed {killed:.2} s after its expected end",
            said.what
        );
        if n == 0 {
            assert!(
                killed > HUNG_AFTER.as_secs_f64() - SLACK,
                "`{}` killed {killed:.2} s after its expected end",
                said.what
            );
        }
    }
    // At most one stuck at a time: running past its expected end and the 0.4 s it is waited for
    // (sampled every 20 ms: a tenth of a second's grace either side).
    let expected_end =
        |said: &Sound| said.started + UNKNOWN_LAG.as_secs_f64() + Rate::default().time_to_say(&said.what).as_secs_f64();
    let (first, end) = (voice[0].started, standin::now());
    let mut t = first;
    while t < end {
        let stuck = voice
            .iter()
            .filter(|said| t >= expected_end(said) + STUCK_AFTER.as_secs_f64() + 0.1)
            .filter(|said| seen.get(&said.pid).is_some_and(|last| t <= last - 0.1))
            .count();
        assert!(stuck <= 1, "{stuck} voices stuck at once, {:.2} s in", t - first);
        t += 0.05;
    }
    // The plan, then "done" (1.3 s) and "Session complete" (1 s): the end waits for the last
    // words' time, not for the hung command.
    // From its first words' fork, so that a busy machine's slow start of trunkrot itself is
    // not counted.
    assert!(end - first < Duration::from_secs(planned() + 3).as_secs_f64(), "{:.2} s, {took:?} in all", end - first);
    for said in &voice {
        assert!(standin::gone(said.pid), "process {} outlived trunkrot", said.pid);
    }
}

fn quick_voice(case: &Case) {
    let (output, _, _) = case.run();
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stderr.matches("Voice off: sh finished twice in a row").count(), 1, "{stderr}");
    assert!(stdout.contains("Sound: Voice off: sh finished twice"), "{stdout}");
    let sounds = case.sounds();
    let voice = sounds.iter().filter(|s| s.kind == "voice").count();
    assert!(QUICK_SAID.contains(&voice), "the voice is off after its second quick exit: {voice} said");
    // The tones go on: every pattern of the session.
    let tones = sounds.iter().filter(|s| s.kind != "voice").count();
    assert_eq!(tones, patterns(), "{sounds:?}");
}

fn setsid_voice(case: &Case, pids: &Path) {
    let (output, _, _) = case.run();
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{output:?}");
    assert!(stderr.contains("Voice off: sh finished twice in a row"), "{stderr}");
    let forked = fs::read_to_string(pids).expect("the voice forked");
    let said = case.sounds().iter().filter(|s| s.kind == "voice").count();
    assert!(QUICK_SAID.contains(&said), "the voice is off after its second quick exit: {said} said");
    assert_eq!(forked.lines().count(), said, "each forked: {forked}");
    for pid in forked.lines() {
        assert!(standin::gone(pid.parse().expect("a pid")), "the detached process {pid} outlived trunkrot");
    }
}

/// How many patterns the session has: one for each event with a cue.
fn patterns() -> usize {
    let plan = standin::plan_of(&ARGS[1..]);
    standin::events(&plan).iter().filter(|(_, event)| trunkrot::domain::cues::cue(&plan, *event).is_some()).count()
}

/// How many of the session's events have words of their own: its phases, and the end.
fn phase_words() -> usize {
    standin::plan_of(&ARGS[1..]).phases.len() + 1
}

/// How long the session runs, in whole seconds.
fn planned() -> u64 {
    standin::plan_of(&ARGS[1..]).total().as_secs()
}

fn hung_player(case: &Case) {
    let (output, _, seen) = case.run();
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{output:?}");
    let notice = "Tones: paplay was still playing 1 s after its end; stopped it; playing them with pw-play now";
    assert_eq!(stderr.matches(notice).count(), 1, "{stderr}");
    assert!(stdout.contains(&format!("Sound: {notice}")), "{stdout}");
    let sounds = case.sounds();
    let hung: Vec<&Sound> = sounds.iter().filter(|s| s.kind == "paplay").collect();
    let first = hung.first().expect("paplay was tried first");
    // Killed a second after its expected end: the tick's file and the drain allowed before one
    // is measured.
    let expected = first.started + (file_length(trunkrot::domain::cues::Cue::Count) + DEFAULT_DRAIN).as_secs_f64();
    let killed = seen.get(&first.pid).copied().unwrap_or(first.started) - expected;
    assert!(
        killed > HUNG_AFTER.as_secs_f64() - SLACK && killed < HUNG_AFTER.as_secs_f64() + LATE_SLACK,
        "killed {killed:.2} s after its end"
    );
    // pw-play takes over from the next pattern on, and plays every one after.
    let after: Vec<&Sound> = sounds.iter().filter(|s| s.kind == "pw-play").collect();
    assert!(!after.is_empty() && after.iter().all(|s| s.started >= expected + HUNG_AFTER.as_secs_f64() - SLACK));
    assert_eq!(hung.len() + after.len(), patterns(), "{sounds:?}");
    for sound in &sounds {
        assert!(standin::gone(sound.pid), "process {} outlived trunkrot", sound.pid);
    }
}

fn failing_player(case: &Case) {
    let (output, _, _) = case.run();
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{output:?}");
    let notice = "Tones: paplay exited with exit status: 1; playing them with pw-play now";
    assert_eq!(stderr.matches(notice).count(), 1, "{stderr}");
    assert!(stdout.contains(&format!("Sound: {notice}")), "{stdout}");
    let sounds = case.sounds();
    let failed: Vec<&Sound> = sounds.iter().filter(|s| s.kind == "paplay").collect();
    let played: Vec<&Sound> = sounds.iter().filter(|s| s.kind == "pw-play").collect();
    assert_eq!(failed.len(), 1, "paplay is not tried again");
    // The lost pattern is played again at once, and every pattern after it.
    assert_eq!(played[0].what, failed[0].what);
    // From the moment paplay exited (its script's one line ran just before) to pw-play's fork.
    assert!(played[0].started - failed[0].ran < 0.15 + SLACK, "replayed late");
    assert_eq!(played.len(), patterns(), "{sounds:?}");
}

// One test in this binary: it executes players it has just written, which fails with "text file
// busy" if another test thread forks meanwhile. All are written first, then run together.
#[test]
fn a_failing_voice_or_player_is_told_replaced_and_ended() {
    let works = "";
    let hangs = "exec sleep 600";
    let fails = "exit 1";
    let hung = Case::new("hung-voice", Some(hangs), works, works);
    let quick = Case::new("quick-voice", Some("exit 0"), works, works);
    let setsid = Case::new("setsid-voice", None, works, works);
    let pids = setsid.home.join("pids");
    let fork = format!("setsid sleep 600 & echo $! >> '{}'; exit 0", pids.display());
    fs::write(setsid.home.join("voice.sh"), standin::script(&setsid.log, &setsid.home.join("words"), "voice", &fork))
        .expect("a script");
    let config =
        format!("voice = true\nvoice_command = [\"/bin/sh\", \"{}\"]\n", setsid.home.join("voice.sh").display());
    setsid.home.file("config.toml", config);
    let player_hangs = Case::new("hung-player", None, hangs, works);
    let player_fails = Case::new("failing-player", None, fails, works);
    let runs: Vec<thread::JoinHandle<()>> = vec![
        thread::spawn(move || hung_voice(&hung)),
        thread::spawn(move || quick_voice(&quick)),
        thread::spawn(move || setsid_voice(&setsid, &pids)),
        thread::spawn(move || hung_player(&player_hangs)),
        thread::spawn(move || failing_player(&player_fails)),
    ];
    for run in runs {
        run.join().expect("each case's checks pass");
    }
}
