//! The ways a session on the screen ends that go through the terminal or the shell: Ctrl-Z under
//! a wrapper (`sh -c 'trunkrot; echo done'`), a signal in the first moments on a terminal that
//! never answers its query, a closed window, and a flood of input before `q`. The real binary in
//! a pseudo-terminal; every wait is for what the screen or the process shows.

mod support;

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use support::pty::{Pty, TIMEOUT, Terminal};

/// A session that runs for minutes, its left hold done 2 s in.
const LONG: [&str; 9] = ["--get-ready", "0", "--transition", "0", "--hold", "2", "--reps", "60", "--quiet"];

/// Whether the header, the screen's first line, names the right side: the left hold is done.
fn right_side(screen: &vt100::Screen) -> bool {
    screen.contents().lines().next().is_some_and(|header| header.contains("RIGHT"))
}

#[test]
fn ctrl_z_under_a_wrapper_gives_the_shell_the_terminal_and_fg_comes_back_paused() {
    let mut pty = Pty::spawn_shell();
    pty.expect_text("$ ", TIMEOUT);
    pty.send(&format!("sh -c '$TRUNKROT {}; echo wrapper done'\r", LONG.join(" ")));
    assert!(pty.wait_until(TIMEOUT, right_side), "{}", pty.contents());
    pty.send("\x1a");
    // The whole job stops, the wrapper with it: the shell has the terminal again.
    let stopped = |screen: &vt100::Screen| !screen.alternate_screen() && screen.contents().contains("Stopped");
    assert!(pty.wait_until(TIMEOUT, stopped), "the shell's screen, with the job stopped: {}", pty.contents());
    pty.send("echo the shell answers\r");
    let answered = |screen: &vt100::Screen| screen.contents().lines().any(|line| line.trim() == "the shell answers");
    assert!(pty.wait_until(TIMEOUT, answered), "{}", pty.contents());
    pty.send("fg\r");
    let back = pty.wait_until(TIMEOUT, |screen| screen.alternate_screen() && screen.contents().contains("PAUSED"));
    assert!(back, "back paused: {}", pty.contents());
    // q asks, q stops, q leaves the check-in; then the wrapper goes on.
    pty.send("qqq");
    pty.expect_text("wrapper done", TIMEOUT);
    assert_eq!(pty.home().records().len(), 1);
}

/// A terminal that answers nothing: the background query waits out its time.
fn silent() -> Terminal {
    Terminal { answers: Vec::new(), ..Terminal::default() }
}

#[test]
fn a_signal_in_the_first_moments_on_a_terminal_that_never_answers_restores_it() {
    for (name, number) in [("TERM", 15), ("HUP", 1)] {
        let mut pty = Pty::spawn_in(&LONG, &silent());
        // While the program waits for the terminal's answer about its background, or sets the
        // screen up: the moment the issue saw it die with the terminal left raw.
        thread::sleep(Duration::from_millis(50));
        let sent = Command::new("kill").args(["-s", name, &pty.pid().to_string()]).status().expect("kill runs");
        assert!(sent.success());
        let status = pty.wait_exit(TIMEOUT).expect("the process exits");
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}: {status:?}: {}", pty.contents());
        if number == 15 {
            pty.expect_restored(TIMEOUT);
        } else {
            // Nobody is left to read a summary after a hangup; the terminal is given back all
            // the same.
            assert!(!pty.raw_mode(), "SIG{name}: raw mode is still on");
        }
        // Sound clients keep their own folders there (pulse); only trunkrot's tones count.
        let tones = std::fs::read_dir(pty.home().join("run"))
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|entry| entry.file_name().to_string_lossy().starts_with("trunkrot-tones-"))
                    .count()
            })
            .unwrap_or_default();
        assert_eq!(tones, 0, "SIG{name}: the tones' folder is removed");
    }
}

#[test]
fn a_closed_window_exits_129_and_keeps_the_session() {
    let mut pty = Pty::spawn(&LONG);
    assert!(pty.wait_until(TIMEOUT, right_side), "{}", pty.contents());
    let status = pty.close(TIMEOUT).expect("the process ends when its terminal closes");
    assert_eq!(status.exit_code(), 129, "a hangup: {status:?}");
    let kept = pty.home().records();
    assert_eq!(kept.len(), 1);
}

#[test]
fn a_flood_of_input_then_q_stops_at_once() {
    let mut pty = Pty::spawn(&LONG);
    assert!(pty.wait_until(TIMEOUT, right_side), "{}", pty.contents());
    // An unterminated escape, then 10 KB of letters, then q twice (q asks, q stops).
    let garbage = format!("\x1b[{}", "xyzzy".repeat(2_000));
    pty.send(&garbage);
    let sent = Instant::now();
    pty.send("qq");
    let asked = pty.wait_until(TIMEOUT, |screen| screen.contents().contains("Why did you stop?"));
    assert!(asked, "q acted through the flood: {}", pty.contents());
    println!("q answered {:?} after 10 KB of input", sent.elapsed());
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT).expect("the process exits");
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert_eq!(pty.home().records().len(), 1);
}
