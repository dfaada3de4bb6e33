//! Job control as a user meets it: the real binary started from an interactive bash in a
//! pseudo-terminal, stopped with Ctrl-Z or `kill -TSTP`, continued with `bg` and `fg`, ended
//! with `kill %1`. Also plain mode's Ctrl-C, echoed by the terminal as `^C`.

mod support;

use std::process::Command;
use std::time::Duration;

use support::pty::{Pty, TIMEOUT};
use trunkrot::domain::checkin::{Pain, Why};
use trunkrot::history::End;

/// The left hold is done 2 s in, and the session runs on for minutes: it is still running
/// whenever the test acts, however slow the machine.
const SESSION: &str = "$TRUNKROT --get-ready 0 --transition 0 --hold 2 --reps 60 --quiet\r";

/// A shell that has started a session and seen its left hold done.
fn shell_in_a_session() -> Pty {
    let mut pty = Pty::spawn_shell();
    pty.expect_text("$ ", TIMEOUT);
    pty.send(SESSION);
    assert!(pty.wait_until(TIMEOUT, right_side), "{}", pty.contents());
    pty
}

/// Whether the header, the screen's first line, names the right side: the left hold is done.
/// (Elsewhere the screen may already say what comes next.)
fn right_side(screen: &vt100::Screen) -> bool {
    screen.contents().lines().next().is_some_and(|header| header.contains("RIGHT"))
}

fn expect_stopped(pty: &Pty) {
    let back = pty.wait_until(TIMEOUT, |screen| !screen.alternate_screen() && screen.contents().contains("Stopped"));
    assert!(back, "the shell's screen, with the job stopped: {}", pty.contents());
}

#[test]
fn ctrl_z_then_kill_ends_the_stopped_job_with_143_and_keeps_it() {
    let mut pty = shell_in_a_session();
    pty.send("\x1a");
    expect_stopped(&pty);
    pty.send("kill %1\r");
    // bash reports a job's end at a prompt after it has seen it: ask until it has.
    let give_up = std::time::Instant::now() + TIMEOUT;
    while !pty.wait_until(Duration::from_millis(500), |screen| screen.contents().contains("Exit 143")) {
        assert!(std::time::Instant::now() < give_up, "{}", pty.contents());
        pty.send("jobs\r");
    }
    assert_eq!(pty.home().records().len(), 1);
}

#[test]
fn continued_in_the_background_it_waits_for_fg_then_comes_back_paused() {
    let mut pty = shell_in_a_session();
    let pid = session_pid(&pty);
    pty.send("\x1a");
    expect_stopped(&pty);
    pty.send("bg\r");
    pty.expect_text("&", TIMEOUT);
    // Typing to the shell meanwhile must not stop it for reading the terminal, nor anything
    // stop it for writing there.
    pty.send("echo typed meanwhile\r");
    let echoed = |screen: &vt100::Screen| screen.contents().lines().any(|line| line.trim() == "typed meanwhile");
    assert!(pty.wait_until(TIMEOUT, echoed), "{}", pty.contents());
    // That it does NOT stop has no event to wait for: give it a second to go wrong. A slow
    // machine only makes the check weaker, never a passing program fail.
    std::thread::sleep(Duration::from_secs(1));
    assert_ne!(process_state(&pid), 'T', "stopped in the background: {}", pty.contents());
    // `fg` on a job running in the background sends no signal: it must notice by itself.
    pty.send("fg\r");
    let back = pty.wait_until(TIMEOUT, |screen| screen.alternate_screen() && screen.contents().contains("PAUSED"));
    assert!(back, "{}", pty.contents());
    // q asks, q stops, q leaves the check-in.
    pty.send("qqq");
    // Typed before it exits, the next command would be read as keys by the session: wait for
    // the summary on the shell's screen (the done screen says "stopped early" too).
    let summary = |screen: &vt100::Screen| {
        !screen.alternate_screen() && screen.contents().contains("Lower trunk rotation: stopped early")
    };
    assert!(pty.wait_until(TIMEOUT, summary), "{}", pty.contents());
    pty.send("echo status=$?\r");
    pty.expect_text("status=0", TIMEOUT);
    assert_eq!(pty.home().records().len(), 1);
}

/// The session's process id: the shell's one child.
fn session_pid(pty: &Pty) -> String {
    let pid = Command::new("pgrep").args(["-P", &pty.pid().to_string()]).output().expect("pgrep runs");
    let pid = String::from_utf8(pid.stdout).expect("a pid").trim().to_owned();
    assert!(!pid.is_empty(), "no session under the shell");
    pid
}

/// The process's state letter from `/proc` (`T` when stopped).
fn process_state(pid: &str) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process's stat");
    let after_name = stat.rsplit_once(") ").expect("a stat line").1;
    after_name.chars().next().expect("a state")
}

#[test]
fn a_stop_from_outside_gives_the_screen_back_first() {
    let mut pty = shell_in_a_session();
    let pid = session_pid(&pty);
    let sent = Command::new("kill").args(["-TSTP", &pid]).status().expect("kill runs");
    assert!(sent.success());
    expect_stopped(&pty);
    pty.send("fg\r");
    let back = pty.wait_until(TIMEOUT, |screen| screen.alternate_screen() && screen.contents().contains("PAUSED"));
    assert!(back, "{}", pty.contents());
    pty.send("\x03");
    pty.expect_text("stopped early", TIMEOUT);
    pty.send("echo status=$?\r");
    pty.expect_text("status=130", TIMEOUT);
}

#[test]
fn plain_ctrl_c_says_stopped_early_on_a_line_of_its_own() {
    let mut pty = Pty::spawn_shell();
    pty.expect_text("$ ", TIMEOUT);
    pty.send("$TRUNKROT --plain --get-ready 30 --quiet\r");
    pty.expect_text("get ready", TIMEOUT);
    pty.send("\x03");
    pty.expect_text("stopped early", TIMEOUT);
    let contents = pty.contents();
    assert!(contents.lines().any(|line| line.starts_with("Lower trunk rotation: stopped early")), "{contents}");
    assert!(!contents.contains("^CLower"), "{contents}");
    // Stopped while getting ready, nothing is kept and nothing asked: the user's stop, left
    // normally.
    pty.expect_text("Nothing saved: stopped before the first move.", TIMEOUT);
    pty.send("echo status=$?\r");
    pty.expect_text("status=0", TIMEOUT);
    // Stopped at the pain before, the question is not waited for.
    pty.send("clear\r");
    pty.send("$TRUNKROT --plain --checkin-before --quiet\r");
    pty.expect_text("Pain now, before you start, 0 to 10 (Enter to skip):", TIMEOUT);
    pty.send("\x03");
    pty.expect_text("Nothing saved: stopped before the first move.", TIMEOUT);
    pty.send("echo status=$?\r");
    pty.expect_text("status=0", TIMEOUT);
}

#[test]
fn plain_ctrl_c_in_a_hold_asks_why_and_a_second_leaves_with_the_answers_so_far() {
    let mut pty = Pty::spawn_shell();
    pty.expect_text("$ ", TIMEOUT);
    pty.send("$TRUNKROT --plain --get-ready 0 --transition 0 --hold 5 --reps 60 --quiet\r");
    pty.expect_text("hold 5 s", TIMEOUT);
    pty.send("\x03");
    pty.expect_text("Stopped.", TIMEOUT);
    pty.expect_text("Why did you stop? 1 pain, 2 no time, 3 something else (Enter to skip):", TIMEOUT);
    pty.send("2\r");
    pty.expect_text("Pain now, 0 to 10 (Enter to skip):", TIMEOUT);
    pty.send("3\r");
    pty.expect_text("Which side hurt?", TIMEOUT);
    pty.send("\x03");
    pty.expect_text("Lower trunk rotation: stopped early", TIMEOUT);
    pty.expect_text("Stopped for: no time · Pain now: 3/10", TIMEOUT);
    pty.send("echo status=$?\r");
    pty.expect_text("status=130", TIMEOUT);
    let records = pty.home().records();
    let kept = records.last().expect("the session kept");
    assert_eq!(kept.end, End::Stopped(Some(Why::NoTime)), "the answer why, not the signal");
    assert_eq!(kept.checkin.pain, Pain::new(3));
}
