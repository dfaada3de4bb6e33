//! Every way an interactive session can end keeps its record: the real binary in a
//! pseudo-terminal, closed at each screen as a window is closed, ended by each terminating
//! signal, by q and by Ctrl-C. Each test has its own history.

mod support;

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
use support::pty::{Pty, TIMEOUT};
use trunkrot::domain::checkin::Pain;
use trunkrot::history::Record;

/// Short holds with no get-ready or moves: the left hold is done a second in, and the session
/// runs on for minutes, so however slow the machine it is still running when the test ends it.
const SHORT_HOLDS: [&str; 9] = ["--get-ready", "0", "--transition", "0", "--hold", "1", "--reps", "60", "--quiet"];

/// The header's words once a phase of the right side has begun (a hold's last seconds already
/// name the right side as what comes next).
const ON_THE_RIGHT: &str = "RIGHT · rep";

/// Waits until the left hold is done: the right side is on screen.
fn past_the_first_hold(args: &[&str]) -> Pty {
    let pty = Pty::spawn(args);
    pty.expect_text(ON_THE_RIGHT, TIMEOUT);
    pty
}

fn left_done(record: &Record) -> u32 {
    record.exercises[0].sides[0].done
}

#[test]
fn closing_the_window_during_a_hold_or_paused_keeps_the_session() {
    for pause in [false, true] {
        let mut pty = past_the_first_hold(&SHORT_HOLDS);
        if pause {
            pty.send(" ");
            pty.expect_text("PAUSED", TIMEOUT);
        }
        let status = pty.close(TIMEOUT).expect("the process ends when its terminal closes");
        assert_ne!(status.exit_code(), 101, "no panic on the way out");
        let kept = pty.home().records();
        assert_eq!(kept.len(), 1, "paused: {pause}; exit {status:?}");
        assert!(!kept[0].completed());
        // One left hold was seen done; a slow machine may have done more before the close.
        assert!(left_done(&kept[0]) >= 1, "{:?}", kept[0]);
    }
}

#[test]
fn closing_the_window_while_getting_ready_again_keeps_the_session() {
    // Moves far longer than the test: keys move it from phase to phase, and only the 1 s hold
    // ends by itself.
    let args = ["--get-ready", "30", "--transition", "60", "--hold", "1", "--reps", "3", "--quiet"];
    let mut pty = Pty::spawn(&args);
    pty.expect_text("READY", TIMEOUT);
    // Past the get-ready and the left move; the left hold runs out into the right move.
    pty.send("ss");
    pty.expect_text(ON_THE_RIGHT, TIMEOUT);
    // Back over the left hold and move to the get-ready. Each b goes back a phase, or restarts
    // the phase on screen if it began a while ago (a slow machine): press it until it is there.
    let ready =
        |screen: &vt100::Screen| screen.contents().contains("READY") && !screen.contents().contains(ON_THE_RIGHT);
    let give_up = Instant::now() + TIMEOUT;
    while !pty.wait_until(Duration::from_millis(300), ready) {
        assert!(Instant::now() < give_up, "never back to the get-ready: {}", pty.contents());
        pty.send("b");
    }
    pty.close(TIMEOUT).expect("the process ends when its terminal closes");
    let kept = pty.home().records();
    assert_eq!(kept.len(), 1);
    assert_eq!(left_done(&kept[0]), 1);
}

#[test]
fn closing_the_window_on_the_done_screen_keeps_the_session_and_the_answer_given() {
    let args = ["--get-ready", "0", "--transition", "0", "--hold", "1", "--reps", "1", "--quiet"];
    let mut pty = Pty::spawn(&args);
    pty.expect_text("Pain now, 0 to 10", TIMEOUT);
    pty.send("5\r");
    pty.expect_text("Which side hurt?", TIMEOUT);
    // Typed, not confirmed: not an answer.
    pty.send("2");
    let status = pty.close(TIMEOUT).expect("the process ends when its terminal closes");
    assert_ne!(status.exit_code(), 101, "no panic on the way out");
    let kept = pty.home().records();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].completed());
    assert_eq!((kept[0].checkin.pain, kept[0].checkin.hurt), (Pain::new(5), None));
}

#[test]
fn each_terminating_signal_restores_the_terminal_saves_and_exits_128_plus_it() {
    let signals = [
        ("INT", SIGINT),
        ("TERM", SIGTERM),
        ("HUP", SIGHUP),
        ("QUIT", SIGQUIT),
        ("USR1", SIGUSR1),
        ("USR2", SIGUSR2),
        ("ALRM", SIGALRM),
        ("PIPE", SIGPIPE),
    ];
    // All at once: each waits for its first hold in parallel.
    let runs: Vec<_> = signals
        .iter()
        .map(|&(name, number)| {
            thread::spawn(move || {
                let mut pty = past_the_first_hold(&SHORT_HOLDS);
                let sent = Command::new("kill").args(["-s", name, &pty.pid().to_string()]).status().expect("kill runs");
                assert!(sent.success());
                let status = pty.wait_exit(TIMEOUT).expect("the process exits");
                assert_eq!(status.exit_code(), 128 + number as u32, "SIG{name}: {status:?}");
                pty.expect_restored(TIMEOUT);
                assert_eq!(pty.home().records().len(), 1, "SIG{name} keeps the session");
            })
        })
        .collect();
    for run in runs {
        run.join().expect("each signal's check passes");
    }
}

#[test]
fn q_q_then_q_and_ctrl_c_save_and_exit_0_and_130() {
    // q asks, q stops, and on the check-in's first question (why) q leaves.
    for (key, code) in [("qqq", 0), ("\x03", 130)] {
        let mut pty = past_the_first_hold(&SHORT_HOLDS);
        pty.send(key);
        let status = pty.wait_exit(TIMEOUT).expect("the process exits");
        assert_eq!(status.exit_code(), code, "{key:?}: {status:?}");
        pty.expect_restored(TIMEOUT);
        let kept = pty.home().records();
        assert_eq!(kept.len(), 1, "{key:?}");
        assert!(left_done(&kept[0]) >= 1);
    }
}
