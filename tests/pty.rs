//! End-to-end: the real binary in an 80x24 pseudo-terminal, driven by keys and signals, its
//! screen read back through a vt100 parser. Waits poll the screen; none sleeps long.

mod support;

use std::process::Command;
use std::thread;
use std::time::Duration;

use support::pty::{Pty, TIMEOUT};

/// A session that starts straight on a long hold of the left side.
fn holding_left() -> Pty {
    let pty = Pty::spawn(&["--get-ready", "0", "--transition", "0", "--hold", "60", "--quiet"]);
    pty.expect_text("LEFT", TIMEOUT);
    pty
}

/// The countdown's seconds, from the small line under the big digits (e.g. `59 s`), which may
/// have the figure beside it.
fn countdown(screen: &str) -> Option<u64> {
    screen.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words.windows(2).find_map(|pair| if pair[1] == "s" { pair[0].parse().ok() } else { None })
    })
}

fn wait_for_countdown(pty: &Pty, check: impl Fn(u64) -> bool) -> u64 {
    let shown = pty.wait_until(TIMEOUT, |screen| countdown(&screen.contents()).is_some_and(&check));
    assert!(shown, "the countdown never got there; the screen:\n{}", pty.contents());
    countdown(&pty.contents()).expect("a countdown")
}

#[test]
fn the_hold_screen_shows_the_side_and_counts_down() {
    let pty = holding_left();
    assert!(pty.raw_mode(), "the session runs in raw mode");
    assert!(pty.wait_until(TIMEOUT, vt100::Screen::alternate_screen));
    let first = wait_for_countdown(&pty, |secs| secs <= 60);
    wait_for_countdown(&pty, |secs| secs < first);
}

#[test]
fn space_stops_the_countdown_and_space_resumes_it() {
    let mut pty = holding_left();
    pty.send(" ");
    pty.expect_text("PAUSED", TIMEOUT);
    let paused = countdown(&pty.contents()).expect("a countdown");
    // Paused, the digit must not move: look again after more than a second has passed (a check
    // that nothing happens has no event to wait for; a slow machine cannot make it fail).
    thread::sleep(Duration::from_millis(1300));
    assert_eq!(countdown(&pty.contents()), Some(paused), "the countdown moved while paused");
    pty.send(" ");
    assert!(pty.wait_until(TIMEOUT, |screen| !screen.contents().contains("PAUSED")));
    wait_for_countdown(&pty, |secs| secs < paused);
}

#[test]
fn s_skips_to_the_right_side() {
    let mut pty = holding_left();
    pty.send("s");
    pty.expect_text("RIGHT", TIMEOUT);
}

#[test]
fn ctrl_z_comes_back_paused_and_redrawn() {
    let mut pty = holding_left();
    // Spawned as a session leader with no job-control shell, the stop itself is discarded by
    // the kernel, but the way back (restore, then set up and repaint) runs as after `fg`.
    pty.send("\x1a");
    pty.expect_text("PAUSED", TIMEOUT);
    let back = pty.wait_until(TIMEOUT, |screen| screen.alternate_screen() && screen.contents().contains("rep 1 of 10"));
    assert!(back, "{}", pty.contents());
    assert!(pty.raw_mode(), "raw mode is back on");
    pty.send(" ");
    assert!(pty.wait_until(TIMEOUT, |screen| !screen.contents().contains("PAUSED")));
}

#[test]
fn q_exits_cleanly_and_gives_the_terminal_back() {
    let mut pty = holding_left();
    // q asks, q stops, q leaves the done screen.
    pty.send("qqq");
    let status = pty.wait_exit(TIMEOUT).expect("the process exits");
    assert!(status.success(), "{status:?}");
    assert_restored(&pty);
}

#[test]
fn sigterm_gives_the_terminal_back_and_exits() {
    let mut pty = holding_left();
    let killed = Command::new("kill").args(["-TERM", &pty.pid().to_string()]).status().expect("kill runs");
    assert!(killed.success());
    pty.wait_exit(TIMEOUT).expect("the process exits");
    assert_restored(&pty);
}

/// The terminal given back (see `Pty::expect_restored`), with the summary of what was done.
fn assert_restored(pty: &Pty) {
    pty.expect_restored(TIMEOUT);
    assert!(pty.contents().contains("Left: 0 of 10 reps"), "{}", pty.contents());
}
