use crate::domain::summary::Nothing;
use std::time::Duration;

use super::*;
use crate::domain::exercise;
use crate::domain::plan::{Overrides, Plan};

fn app(now: Instant) -> App {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    App::new(Session::start(
        Plan::new(exercise, &Overrides { get_ready: Some(Duration::from_secs(10)), ..Overrides::default() }),
        now,
    ))
}

#[test]
fn the_loop_wakes_for_frames_only_while_the_figure_moves() {
    // Get ready 10 s, move left 3 s, hold left 5 s.
    let t0 = Instant::now();
    let mut app = app(t0);
    let ms = |n: u64| t0 + Duration::from_millis(n);
    assert_eq!(app.next_wake(ms(2_500)), Some(ms(3_000)), "getting ready: once per displayed second");
    let move_end = ms(13_000);
    let mut now = ms(10_000);
    app.tick(now);
    let mut frames = Vec::new();
    while now < move_end {
        let wake = app.next_wake(now).expect("a wake");
        assert!(wake > now && wake <= move_end);
        frames.push(wake);
        // A loop that wakes a little late each time keeps to the same frames.
        now = wake + Duration::from_millis(7);
        app.tick(now);
    }
    assert_eq!(frames.last(), Some(&move_end), "the last frame is the hold's start, exactly");
    let gaps: Vec<Duration> = frames.windows(2).map(|pair| pair[1] - pair[0]).collect();
    assert!(gaps.iter().all(|gap| *gap <= Duration::from_millis(100)), "at least 10 a second: {gaps:?}");
    assert!(frames.len() >= 30, "{} frames in 3 s", frames.len());
    assert_eq!(app.session.state(), crate::domain::session::State::Running { index: 2, ends_at: ms(18_000) });
    assert_eq!(app.next_wake(ms(13_300)), Some(ms(14_000)), "holding: once per displayed second");
    app.handle(Action::Session(Command::Skip), ms(13_300));
    app.handle(Action::Session(Command::Pause), ms(13_400));
    assert_eq!(app.next_wake(ms(13_500)), None, "paused in a move: nothing moves");
}

#[test]
fn help_pauses_and_closing_it_resumes_where_it_was() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.handle(Action::ToggleHelp, t0 + Duration::from_secs(3));
    assert!(app.session.is_paused());
    let (_, flow) = app.handle(Action::Quit, t0 + Duration::from_secs(60));
    assert_eq!(flow, Flow::Continue, "q in the help only closes the help");
    assert!(!app.session.is_paused());
    assert_eq!(app.session.remaining(t0 + Duration::from_secs(60)), Duration::from_secs(7));
}

#[test]
fn help_does_not_resume_a_session_the_user_paused() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.handle(Action::Session(Command::Pause), t0);
    app.handle(Action::ToggleHelp, t0);
    app.handle(Action::ToggleHelp, t0);
    assert!(app.session.is_paused());
}

#[test]
fn a_signal_or_ctrl_c_stops_even_with_the_help_open() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.handle(Action::ToggleHelp, t0 + Duration::from_secs(1));
    let (events, flow) = app.handle(Action::Stop, t0 + Duration::from_secs(2));
    assert_eq!(flow, Flow::Exit);
    assert_eq!(events, vec![Event::Finished { completed: false, skipped: 0 }]);
    assert_eq!(app.help, None);
}

fn completed(t0: Instant) -> (App, Instant) {
    let mut app = app(t0);
    let end = t0 + app.session.plan().total();
    app.tick(end);
    (app, end)
}

fn kept() -> Kept {
    Kept { saved: Saved::Written, advice: Vec::new(), today: None, psfs: Vec::new() }
}

fn typed(app: &mut App, keys: &str, now: Instant) {
    for c in keys.chars() {
        app.handle(Action::Type(c), now);
    }
}

#[test]
fn one_q_asks_and_the_session_runs_on_and_any_other_key_goes_on() {
    let t0 = Instant::now();
    let mut app = app(t0);
    let (_, flow) = app.handle(Action::Quit, t0 + Duration::from_secs(1));
    assert_eq!(flow, Flow::Continue);
    assert!(
        app.stopping(t0 + Duration::from_secs(1)) && !app.session.is_finished() && !app.session.is_paused(),
        "asked, still running"
    );
    let (events, _) = app.handle(Action::Session(Command::Skip), t0 + Duration::from_secs(2));
    assert_eq!(events, [], "the other key only closes the question");
    assert!(!app.stopping(t0 + Duration::from_secs(2)) && !app.session.is_finished());
    app.handle(Action::Quit, t0 + Duration::from_secs(3));
    let (events, flow) = app.handle(Action::Quit, t0 + Duration::from_secs(4));
    assert_eq!(events, [Event::Finished { completed: false, skipped: 0 }], "q again stops");
    assert_eq!(flow, Flow::Continue, "on to the check-in, not out");
}

#[test]
fn an_unanswered_question_to_stop_goes_by_itself_and_the_next_key_acts_as_ever() {
    let t0 = Instant::now();
    let mut app = app(t0);
    let asked = t0 + Duration::from_secs(1);
    app.handle(Action::Quit, asked);
    let gone = asked + STOP_ASKED_FOR;
    let before = |ms: u64| asked + STOP_ASKED_FOR.saturating_sub(Duration::from_millis(ms));
    assert!(app.stopping(before(1)), "still asked just before its time");
    assert_eq!(app.next_wake(before(900)), Some(gone), "the screen is drawn again as it goes");
    assert!(!app.stopping(gone), "gone by itself: the countdown shows again");
    let (events, _) = app.handle(Action::Session(Command::Skip), gone);
    assert!(!events.is_empty(), "the next key is the session's again, not the question's answer");
    let (events, _) = app.handle(Action::Quit, gone + Duration::from_secs(1));
    assert!(events.is_empty() && app.stopping(gone + Duration::from_secs(1)), "a q asks afresh");
}

#[test]
fn a_question_to_stop_left_open_to_the_end_never_takes_the_check_in_s_first_answer() {
    let t0 = Instant::now();
    let mut app = app(t0);
    let total = app.session.plan().total();
    let end = t0 + total;
    app.handle(Action::Quit, t0 + total.saturating_sub(Duration::from_secs(2)));
    assert!(!app.stopping(end), "gone as the session runs out, before it is told so");
    app.tick(end);
    assert!(app.session.is_finished());
    app.keep(kept());
    typed(&mut app, "5", end + Duration::from_secs(1));
    app.handle(Action::Confirm, end + Duration::from_secs(1));
    assert_eq!(app.answers().pain.map(crate::domain::checkin::Pain::value), Some(5), "the first answer is the pain's");
}

#[test]
fn esc_never_ends_a_session_it_closes_what_is_open() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.handle(Action::Close, t0 + Duration::from_secs(1));
    assert!(!app.session.is_finished() && !app.exiting());
    app.handle(Action::Quit, t0 + Duration::from_secs(2));
    app.handle(Action::Close, t0 + Duration::from_secs(3));
    assert!(
        !app.stopping(t0 + Duration::from_secs(3)) && !app.session.is_finished(),
        "Esc closes the question to stop"
    );
    app.handle(Action::ToggleHelp, t0 + Duration::from_secs(4));
    app.handle(Action::Close, t0 + Duration::from_secs(5));
    assert_eq!(app.help, None);
    assert!(!app.session.is_finished() && !app.session.is_paused());
}

#[test]
fn quit_closes_the_help_before_it_asks() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.handle(Action::ToggleHelp, t0);
    app.handle(Action::Quit, t0);
    assert_eq!((app.help, app.stopping(t0)), (None, false));
}

#[test]
fn a_stopped_session_is_asked_why_first_and_a_completed_one_its_pain() {
    let t0 = Instant::now();
    let mut stopped = app(t0);
    stopped.handle(Action::Quit, t0 + Duration::from_secs(20));
    stopped.handle(Action::Quit, t0 + Duration::from_secs(20));
    assert_eq!(stopped.question(), None, "not before the session is kept");
    stopped.keep(kept());
    assert_eq!(stopped.question(), Some(Question::Why));
    typed(&mut stopped, "1", t0);
    stopped.handle(Action::Confirm, t0);
    assert_eq!((stopped.why(), stopped.question()), (Some(Why::Pain), Some(Question::Pain)));

    let (mut completed, end) = completed(t0);
    completed.keep(kept());
    assert_eq!(completed.question(), Some(Question::Pain));
    typed(&mut completed, "10", end);
    assert_eq!(completed.answers().pain, None, "nothing taken before Enter");
    completed.handle(Action::Confirm, end);
    assert_eq!(completed.answers().pain, crate::domain::checkin::Pain::new(10));
    assert_eq!(completed.question(), Some(Question::Hurt), "the trunk rotation has sides");
}

#[test]
fn nothing_is_asked_without_a_record_or_with_the_check_in_off() {
    let t0 = Instant::now();
    let (mut nothing, _) = completed(t0);
    nothing.keep(Kept::nothing(Nothing::GettingReady));
    assert_eq!(nothing.question(), None);
    // Stopped while the pain before is asked: nothing is kept, so nothing can be answered.
    let mut waiting = app(t0).asking_before(t0);
    waiting.handle(Action::Quit, t0);
    waiting.handle(Action::Quit, t0);
    waiting.keep(Kept::nothing(Nothing::GettingReady));
    assert!(!waiting.can_change(), "answers changed would go nowhere");
    waiting.handle(Action::Change, t0);
    assert_eq!(waiting.question(), None);
    let (off, _) = completed(t0);
    let mut off = off.without_checkin();
    off.keep(kept());
    assert_eq!(off.question(), None);
    assert!(!off.can_change());
}

#[test]
fn the_done_screen_leaves_on_enter_q_or_esc_and_c_asks_again() {
    let t0 = Instant::now();
    for leave in [Action::Confirm, Action::Quit, Action::Close] {
        let (mut app, end) = completed(t0);
        app.keep(kept());
        app.handle(Action::Close, end);
        assert_eq!(app.question(), None, "Esc closed the check-in");
        assert!(!app.exiting(), "Esc in the check-in only closes it");
        app.handle(Action::Change, end);
        assert_eq!(app.question(), Some(Question::Pain));
        app.handle(Action::Close, end);
        let (_, flow) = app.handle(leave, end);
        assert_eq!(flow, Flow::Exit, "{leave:?}");
    }
}

#[test]
fn q_in_the_check_in_leaves_with_the_answers_confirmed() {
    let t0 = Instant::now();
    let (mut app, end) = completed(t0);
    app.keep(kept());
    typed(&mut app, "4", end);
    app.handle(Action::Confirm, end);
    typed(&mut app, "2", end);
    let (_, flow) = app.handle(Action::Quit, end);
    assert_eq!(flow, Flow::Exit);
    assert_eq!((app.answers().pain, app.answers().hurt), (crate::domain::checkin::Pain::new(4), None));
}

#[test]
fn the_countdown_waits_for_the_pain_before_and_enter_or_space_starts_it() {
    let t0 = Instant::now();
    for start in [Action::Confirm, Action::Type(' ')] {
        let mut app = app(t0).asking_before(t0);
        assert_eq!(app.question(), Some(Question::PainBefore));
        assert!(app.session.is_paused());
        assert_eq!(app.next_wake(t0 + Duration::from_secs(30)), None, "nothing counts down");
        typed(&mut app, "3", t0 + Duration::from_secs(30));
        let (events, _) = app.handle(start, t0 + Duration::from_secs(31));
        assert_eq!(events, [Event::Resumed]);
        assert_eq!(app.question(), None);
        assert_eq!(app.session.remaining(t0 + Duration::from_secs(31)), Duration::from_secs(10), "the whole get-ready");
        assert_eq!(app.answers().pain_before, crate::domain::checkin::Pain::new(3), "{start:?} took the 3");
    }
}

#[test]
fn a_pain_before_at_the_programme_s_line_or_high_is_told_as_the_session_starts() {
    let t0 = Instant::now();
    let rule = next_step::StopRule {
        stop: crate::domain::programme::Stop { pain: Some(6), spreading: true, message: String::new() },
        who: String::new(),
    };
    let started = |typed_pain: &str, rule: Option<next_step::StopRule>| {
        let mut app = app(t0).asking_before(t0);
        app.stop_rule = rule;
        typed(&mut app, typed_pain, t0);
        app.handle(Action::Confirm, t0);
        assert!(!app.session.is_paused(), "it starts all the same: the choice is the user's");
        app.notice
    };
    let told = started("6", Some(rule.clone())).unwrap_or_default();
    assert!(told.starts_with("Stop: pain 6 of 10 before the session reaches your programme's limit of 6."), "{told}");
    assert_eq!(started("5", Some(rule)), None, "below the line");
    let told = started("8", None).unwrap_or_default();
    assert!(told.starts_with("Pain 8 of 10 before you start is high"), "{told}");
    assert_eq!(started("7", None), None, "below the high pain of 8, without a programme");
}

#[test]
fn the_first_session_of_a_programme_week_adds_the_psfs_to_the_check_in_on_screen() {
    let t0 = Instant::now();
    let (mut app, end) = completed(t0);
    app.keep(Kept {
        psfs: vec!["Putting on socks".to_owned()],
        today: Some("Today 2 of 2: all done".to_owned()),
        ..kept()
    });
    for _ in 0..4 {
        app.handle(Action::Confirm, end);
    }
    assert_eq!(app.question(), Some(Question::Psfs(0)), "after pain, side, spread and effort");
    assert!(app.form().words(Question::Psfs(0)).starts_with("Putting on socks: how well"));
    typed(&mut app, "6", end);
    app.handle(Action::Confirm, end);
    assert_eq!(app.question(), Some(Question::Note));
    let scores: Vec<(String, u8)> = app.answers().psfs.into_iter().map(|p| (p.activity, p.score)).collect();
    assert_eq!(scores, [("Putting on socks".to_owned(), 6)]);
}
