//! The check-in and stopping early, through the real binary in a pseudo-terminal: the pain as
//! typed (`1 0 Enter` is 10), Backspace, the advice on the done screen and the same advice
//! printed after it; one q asks, two stop and ask why; Esc never stops; plain mode asks in a
//! terminal and never waits when piped. Every wait is for what the screen shows.

mod support;

use support::pty::{Pty, TIMEOUT};
use trunkrot::domain::checkin::{Effort, Hurt, Pain, Why};
use trunkrot::history::End;

/// One rep a side of one-second holds, nothing between: done in about two seconds.
const SHORT: [&str; 9] = ["--get-ready", "0", "--transition", "0", "--hold", "1", "--reps", "1", "--quiet"];

/// Holds long enough to stop in: the session runs for minutes.
const LONG: [&str; 9] = ["--get-ready", "0", "--transition", "0", "--hold", "1", "--reps", "60", "--quiet"];

const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";
const ESC: &str = "\x1b";

/// The words of `text` as one line: text wrapped on screen or by the terminal reads whole.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Waits until `text` is on screen, wrapped or not.
fn expect_words(pty: &Pty, text: &str) {
    let wanted = words(text);
    let shown = pty.wait_until(TIMEOUT, |screen| words(&screen.contents()).contains(&wanted));
    assert!(shown, "`{text}` never appeared; the screen:\n{}", pty.contents());
}

#[test]
fn one_then_zero_then_enter_is_pain_ten_and_the_advice_on_screen_is_the_one_printed_after() {
    let mut pty = Pty::spawn(&SHORT);
    pty.expect_text("Pain now, 0 to 10", TIMEOUT);
    pty.send("1");
    // The 1 is typed, not taken: the question stays until Enter.
    pty.send("0");
    pty.send("\r");
    expect_words(&pty, "Ease off: pain 10 out of 10 is high.");
    pty.expect_text("Which side hurt?", TIMEOUT);
    pty.send(ESC);
    pty.expect_text("Enter, q or Esc: exit", TIMEOUT);
    let done = words(&pty.contents());
    pty.send("\r");
    let status = pty.wait_exit(TIMEOUT).expect("the process exits");
    assert!(status.success(), "{status:?}");
    let kept = pty.home().records();
    assert_eq!(kept[0].checkin.pain, Pain::new(10));
    // The advice after exit is on its own line(s) after the summary; the done screen showed it.
    let after = words(&pty.contents());
    let advice = after.split("Elapsed:").nth(1).and_then(|rest| rest.find("Ease off").map(|at| &rest[at..]));
    let advice = advice.expect("the advice printed after the summary");
    let advice = advice.split(" $").next().unwrap_or(advice).trim();
    assert!(advice.starts_with("Ease off: pain 10 out of 10 is high."), "{advice}");
    assert!(done.contains(advice), "the done screen said:\n{done}\nand after exit:\n{advice}");
}

#[test]
fn one_then_enter_is_one_and_backspace_changes_an_answer() {
    let mut pty = Pty::spawn(&SHORT);
    pty.expect_text("Pain now, 0 to 10", TIMEOUT);
    pty.send("1\r");
    pty.expect_text("Which side hurt?", TIMEOUT);
    pty.send("q");
    assert!(pty.wait_exit(TIMEOUT).expect("the process exits").success());
    assert_eq!(pty.home().records()[0].checkin.pain, Pain::new(1));

    let mut pty = Pty::spawn(&SHORT);
    pty.expect_text("Pain now, 0 to 10", TIMEOUT);
    pty.send("5\r");
    pty.expect_text("Which side hurt?", TIMEOUT);
    pty.send("2\r");
    pty.expect_text("Did the pain spread", TIMEOUT);
    // Back to the pain, shown as 5: Backspace takes it off, 3 and Enter change it.
    pty.send(UP);
    pty.send(UP);
    pty.expect_text("Pain now, 0 to 10", TIMEOUT);
    pty.send(BACKSPACE);
    pty.send("3\r");
    pty.expect_text("Which side hurt?", TIMEOUT);
    pty.send("\r");
    pty.expect_text("Did the pain spread", TIMEOUT);
    pty.send("n\r");
    pty.expect_text("How hard did it feel?", TIMEOUT);
    pty.send("3\r");
    pty.expect_text("A short note", TIMEOUT);
    pty.send("quite stiff\r");
    pty.expect_text("Enter, q or Esc: exit", TIMEOUT);
    pty.send("q");
    assert!(pty.wait_exit(TIMEOUT).expect("the process exits").success());
    let checkin = pty.home().records()[0].checkin.clone();
    assert_eq!((checkin.pain, checkin.hurt, checkin.spread), (Pain::new(3), Some(Hurt::Right), Some(false)));
    assert_eq!(
        (checkin.effort, checkin.note.map(|n| n.to_string())),
        (Some(Effort::Hard), Some("quite stiff".to_owned()))
    );
}

#[test]
fn one_q_asks_another_key_goes_on_esc_never_stops_and_q_q_stops_and_asks_why_then_the_pain() {
    let mut pty = Pty::spawn(&LONG);
    pty.expect_text("RIGHT · rep", TIMEOUT);
    pty.send("q");
    pty.expect_text("Stop here?", TIMEOUT);
    expect_words(&pty, "q again to stop, any other key goes on");
    pty.send("x");
    assert!(pty.wait_until(TIMEOUT, |screen| !screen.contents().contains("Stop here?")), "{}", pty.contents());
    // Esc closes nothing here and stops nothing: the next q still asks, so the session runs.
    pty.send(ESC);
    pty.send("q");
    pty.expect_text("Stop here?", TIMEOUT);
    pty.send(ESC);
    assert!(pty.wait_until(TIMEOUT, |screen| !screen.contents().contains("Stop here?")), "Esc closes the question");
    pty.send("q");
    pty.expect_text("Stop here?", TIMEOUT);
    pty.send("q");
    pty.expect_text("Why did you stop?", TIMEOUT);
    pty.send("1\r");
    pty.expect_text("Pain now, 0 to 10", TIMEOUT);
    pty.send("7\r");
    expect_words(&pty, "Ease off: you stopped because it hurt.");
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT).expect("the process exits");
    assert!(status.success(), "{status:?}");
    let kept = pty.home().records();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].end, End::Stopped(Some(Why::Pain)));
    assert_eq!(kept[0].checkin.pain, Pain::new(7));
    expect_words(&pty, "Ease off: you stopped because it hurt.");
}

#[test]
fn a_question_to_stop_left_unanswered_goes_at_the_end_and_the_first_key_answers_the_pain() {
    // One hold of 3 s a side: the session ends within the question's time, with it still up.
    let args = ["--get-ready", "0", "--transition", "0", "--hold", "3", "--reps", "1", "--quiet"];
    let mut pty = Pty::spawn(&args);
    pty.expect_text("LEFT", TIMEOUT);
    pty.send("q");
    pty.expect_text("Stop here?", TIMEOUT);
    pty.expect_text("Pain now, 0 to 10", TIMEOUT);
    assert!(!pty.contents().contains("Stop here?"), "{}", pty.contents());
    pty.send("5\r");
    pty.expect_text("Which side hurt?", TIMEOUT);
    pty.send("q");
    assert!(pty.wait_exit(TIMEOUT).expect("the process exits").success());
    let kept = pty.home().records();
    assert_eq!((kept[0].end, kept[0].checkin.pain), (End::Reached, Pain::new(5)), "the 5 is the pain's");
}

#[test]
fn a_pain_at_the_programme_s_line_is_told_to_stop_in_the_prescriber_s_words() {
    // The shipped programme stops at pain 7, below the general high pain of 8.
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/exercises/programmes/low-back-6-weeks.toml");
    let mut pty = Pty::spawn_shell();
    pty.expect_text("$ ", TIMEOUT);
    pty.send(&format!("$TRUNKROT programme install '{example}'\r"));
    pty.expect_text("Installed", TIMEOUT);
    pty.send("$TRUNKROT --plain --get-ready 0 --transition 0 --hold 1 --reps 1 --quiet\r");
    pty.expect_text("Pain now, 0 to 10 (Enter to skip):", TIMEOUT);
    pty.send("7\r");
    expect_words(
        &pty,
        "Stop: pain 7 of 10 reaches your programme's limit of 7. Stop, and call the clinic before the next session.",
    );
    assert!(!words(&pty.contents()).contains("Ease off"), "a first answer is no rise: {}", pty.contents());
}

#[test]
fn plain_mode_drops_a_key_typed_during_the_session_so_it_is_never_taken_as_the_pain() {
    // Without the pain before, and with it (the line reader then already runs in the session).
    for before in [false, true] {
        let mut args =
            vec!["--plain", "--get-ready", "0", "--transition", "0", "--hold", "5", "--reps", "1", "--quiet"];
        if before {
            args.push("--checkin-before");
        }
        let mut pty = Pty::spawn(&args);
        if before {
            pty.expect_text("Pain now, before you start, 0 to 10 (Enter to skip):", TIMEOUT);
            pty.send("2\r");
        }
        pty.expect_text("hold 5 s", TIMEOUT);
        // Typed, unseen by the session, during the first hold; the pain is then skipped with Enter.
        pty.send("7");
        pty.expect_text("Pain now, 0 to 10 (Enter to skip):", TIMEOUT);
        pty.send("\r");
        pty.expect_text("Which side hurt?", TIMEOUT);
        for question in ["Did the pain spread", "How hard did it feel?", "A short note"] {
            pty.send("\r");
            pty.expect_text(question, TIMEOUT);
        }
        pty.send("\r");
        let status = pty.wait_exit(TIMEOUT).expect("the process exits");
        assert!(status.success(), "{status:?}");
        let checkin = pty.home().records()[0].checkin.clone();
        assert_eq!(checkin.pain, None, "before: {before}: the 7 typed during the hold is not the pain");
        assert_eq!(checkin.pain_before, Pain::new(2).filter(|_| before));
    }
}

#[test]
fn plain_mode_in_a_terminal_asks_the_check_in_and_keeps_it() {
    let mut pty =
        Pty::spawn(&["--plain", "--get-ready", "0", "--transition", "0", "--hold", "1", "--reps", "1", "--quiet"]);
    pty.expect_text("Pain now, 0 to 10 (Enter to skip):", TIMEOUT);
    pty.send("eleven\r");
    pty.expect_text("(pain is a number from 0 to 10, or just Enter to skip)", TIMEOUT);
    pty.send("10\r");
    pty.expect_text("Ease off: pain 10 out of 10 is high.", TIMEOUT);
    pty.expect_text("Which side hurt? 1 left, 2 right, 3 both, 4 neither (Enter to skip):", TIMEOUT);
    pty.send("left\r");
    pty.expect_text("Did the pain spread into a buttock or down a leg? y yes, n no (Enter to skip):", TIMEOUT);
    pty.send("y\r");
    pty.expect_text("Stop: pain that spreads into a buttock or down a leg", TIMEOUT);
    pty.expect_text("How hard did it feel?", TIMEOUT);
    pty.send("\r");
    pty.expect_text("A short note for your physiotherapist? (Enter to skip):", TIMEOUT);
    pty.send("\r");
    let status = pty.wait_exit(TIMEOUT).expect("the process exits");
    assert!(status.success(), "{status:?}");
    let checkin = pty.home().records()[0].checkin.clone();
    assert_eq!(
        (checkin.pain, checkin.hurt, checkin.spread, checkin.effort),
        (Pain::new(10), Some(Hurt::Left), Some(true), None)
    );
    // The summary printed at the end repeats them, as the done screen does.
    expect_words(&pty, "Saved to your history. Pain now: 10/10 · Side: left · Pain spread: yes");
}

#[test]
fn plain_mode_asks_the_pain_before_and_the_session_waits_for_it() {
    let args = [
        "--plain",
        "--checkin-before",
        "--no-checkin",
        "--get-ready",
        "0",
        "--transition",
        "0",
        "--hold",
        "1",
        "--reps",
        "1",
        "--quiet",
    ];
    let mut pty = Pty::spawn(&args);
    pty.expect_text("Pain now, before you start, 0 to 10 (Enter to skip):", TIMEOUT);
    assert!(!pty.contents().contains("Hold, left"), "the session waits:\n{}", pty.contents());
    pty.send("2\r");
    pty.expect_text("Session complete", TIMEOUT);
    assert!(pty.wait_exit(TIMEOUT).expect("the process exits").success());
    assert!(!pty.contents().contains("Pain now, 0 to 10"), "--no-checkin: nothing after");
    assert!(!pty.contents().contains("before you start is high"), "2 is no high pain");
    assert_eq!(pty.home().records()[0].checkin.pain_before, Pain::new(2));
    expect_words(&pty, "Saved to your history. Pain before: 2/10");
    // A high pain before is said as the session starts; it starts all the same.
    let mut pty = Pty::spawn(&args);
    pty.expect_text("Pain now, before you start, 0 to 10 (Enter to skip):", TIMEOUT);
    pty.send("9\r");
    expect_words(&pty, "Pain 9 of 10 before you start is high: go gently, and stop if it gets worse.");
    pty.expect_text("Session complete", TIMEOUT);
    assert!(pty.wait_exit(TIMEOUT).expect("the process exits").success());
}

#[test]
fn piped_out_of_a_terminal_plain_mode_never_asks_nor_waits() {
    let mut pty = Pty::spawn_shell();
    pty.expect_text("$ ", TIMEOUT);
    pty.send(
        "$TRUNKROT --get-ready 0 --transition 0 --hold 1 --reps 1 --quiet --checkin-before | cat; echo status=$?\r",
    );
    pty.expect_text("status=0", TIMEOUT);
    assert!(!pty.contents().contains("Pain now"), "{}", pty.contents());
    assert!(pty.contents().contains("Lower trunk rotation: completed"), "{}", pty.contents());
}
