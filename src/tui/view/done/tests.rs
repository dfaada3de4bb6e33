//! The done screen, the check-in, the question before the session and the question to stop:
//! what each must show at every size, in every palette. Two named snapshots are kept for a person
//! to review (`cargo insta review`): the pain typed, and the done screen with its advice.

use crate::domain::summary::Nothing;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::domain::checkin::form::Question;
use crate::domain::exercise;
use crate::domain::plan::{Overrides, Plan};
use crate::domain::session::Session;
use crate::history::next_step::{Keep, Suggestion};
use crate::shell::runner::{Kept, Saved};
use crate::tui::app::{Action, App};
use crate::tui::keys;
use crate::tui::view::{Palette, Theme, contrast, render};

/// From a small window to a large monitor, and the smallest the screen draws at all.
const SIZES: [(u16, u16); 8] = [(20, 6), (30, 8), (40, 12), (60, 20), (80, 20), (80, 24), (120, 40), (160, 50)];

const PALETTES: [Palette; 3] = [Palette::Dark, Palette::Light, Palette::HighContrast];

/// The trunk rotation, 2 reps a side, run to its end.
fn ended(t0: Instant) -> (App, Instant) {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    let overrides = Overrides { reps: Some(2), hold: Some(Duration::from_secs(3)), ..Overrides::default() };
    let mut app = App::new(Session::start(Plan::new(exercise, &overrides), t0));
    let end = t0 + app.session.plan().total();
    app.tick(end);
    (app, end)
}

/// The trunk rotation at its defaults, started at `t0`.
fn started(t0: Instant) -> App {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    App::new(Session::start(Plan::new(exercise, &Overrides::default()), t0))
}

fn kept(advice: Vec<Suggestion>) -> Kept {
    Kept { saved: Saved::Written, advice, today: None, psfs: Vec::new() }
}

fn typed(app: &mut App, keys: &str, now: Instant) {
    for c in keys.chars() {
        app.handle(Action::Type(c), now);
    }
}

/// The check-in's first question with `1` then `0` typed, not yet confirmed.
fn pain_typed(t0: Instant) -> (App, Instant) {
    let (mut app, now) = ended(t0);
    app.keep(kept(Vec::new()));
    typed(&mut app, "10", now);
    (app, now)
}

/// The spread question answered yes: the advice to see a clinician is kept, and the effort
/// question is asked.
fn spread_answered(t0: Instant) -> (App, Instant) {
    let (mut app, now) = ended(t0);
    app.keep(kept(Vec::new()));
    for answer in ["3", "1", "y"] {
        typed(&mut app, answer, now);
        app.handle(Action::Confirm, now);
    }
    app.keep(kept(vec![Suggestion::SeeClinician]));
    (app, now)
}

/// The advice after a pain of 9 in the default exercise, at its lowest reps.
fn high_pain_advice() -> Suggestion {
    Suggestion::HighPain {
        exercise: exercise::DEFAULT_ID.to_owned(),
        pain: 9,
        reps: None,
        per_side: true,
        keep: Keep::default(),
    }
}

/// The check-in over, pain 9 answered: the advice to ease off.
fn done(t0: Instant) -> (App, Instant) {
    let (mut app, now) = ended(t0);
    app.keep(kept(Vec::new()));
    typed(&mut app, "9", now);
    app.handle(Action::Confirm, now);
    app.handle(Action::Close, now);
    app.keep(kept(vec![high_pain_advice()]));
    (app, now)
}

fn draw(app: &App, now: Instant, (width, height): (u16, u16), palette: Palette) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test backend");
    let theme = Theme::new(palette, false);
    terminal.draw(|frame| render(frame, app, now, theme)).expect("a draw");
    let failures = contrast::failures(terminal.backend().buffer(), theme);
    assert!(failures.is_empty(), "{palette:?} at {width}x{height}: {failures:?}");
    terminal
}

fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect()
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    rows(terminal).join("\n")
}

/// The words on screen, in order, as one line, boxes' borders left out: wrapped text reads
/// whole again.
fn words(terminal: &Terminal<TestBackend>) -> String {
    let text: String = text(terminal).chars().filter(|c| !matches!(c, '│' | '─' | '┌' | '┐' | '└' | '┘')).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many rows hold cells of big glyphs.
fn big_rows(terminal: &Terminal<TestBackend>) -> usize {
    rows(terminal).iter().filter(|row| row.contains(['█', '▀', '▄'])).count()
}

/// Every size draws without a panic and with contrast in every palette (checked by `draw`).
fn every_way(app: &App, now: Instant, mut check: impl FnMut((u16, u16), &Terminal<TestBackend>)) {
    for size in SIZES {
        for palette in PALETTES {
            let terminal = draw(app, now, size, palette);
            check(size, &terminal);
        }
    }
}

#[test]
fn the_pain_typed_is_big_whole_and_under_its_question_at_every_size() {
    let (app, now) = pain_typed(Instant::now());
    assert_eq!(app.question(), Some(Question::Pain));
    every_way(&app, now, |(width, height), terminal| {
        let said = words(terminal);
        assert!(said.contains("Pain now, 0 to 10"), "{width}x{height}: the question, whole: {said}");
        // The 8-row digits leave their last row empty, the 4-row ones their last half row.
        if height >= 20 {
            assert!(big_rows(terminal) >= 7, "{width}x{height}: 10 in big digits:\n{}", text(terminal));
        } else if height >= 12 {
            assert!(big_rows(terminal) >= 3, "{width}x{height}: 10 in big digits:\n{}", text(terminal));
        } else {
            assert!(said.contains("10"), "{width}x{height}: at least the digits: {said}");
        }
        let footer = rows(terminal).last().cloned().unwrap_or_default();
        assert_eq!(footer.trim(), keys::footer(keys::CHECKIN, width), "{width}x{height}: the keys, not cut");
    });
    insta::assert_snapshot!("checkin_pain_typed_80x24", text(&draw(&app, now, (80, 24), Palette::Dark)));
}

#[test]
fn a_refused_digit_says_why_where_there_is_room() {
    let (mut app, now) = pain_typed(Instant::now());
    typed(&mut app, "5", now);
    every_way(&app, now, |(width, height), terminal| {
        if height >= 8 {
            assert!(words(terminal).contains("pain is a number from 0 to 10"), "{width}x{height}:\n{}", text(terminal));
        }
        assert!(words(terminal).contains("Pain now"), "{width}x{height}: the question stays");
    });
}

#[test]
fn a_yes_to_spread_shows_the_clinician_advice_at_once_over_the_next_question() {
    let (app, now) = spread_answered(Instant::now());
    assert_eq!(app.question(), Some(Question::Effort));
    every_way(&app, now, |(width, height), terminal| {
        let said = words(terminal);
        assert!(said.contains("How hard did it feel?"), "{width}x{height}: {said}");
        if height >= 20 && width >= 60 {
            assert!(said.contains(&Suggestion::SeeClinician.to_string()), "{width}x{height}: whole: {said}");
            assert!(said.contains("1 easy") && said.contains("3 hard"), "{width}x{height}: the choices: {said}");
        }
    });
}

#[test]
fn the_done_screen_says_what_was_done_saved_and_the_advice() {
    let (app, now) = done(Instant::now());
    assert_eq!(app.question(), None);
    let advice = high_pain_advice().to_string();
    every_way(&app, now, |(width, height), terminal| {
        let said = words(terminal);
        if width >= 40 && height >= 12 {
            assert!(said.contains(&advice), "{width}x{height}: the advice, whole, first to stay: {said}");
            assert!(said.contains("Pain now: 9/10"), "{width}x{height}");
        }
        if height >= 24 {
            for line in ["Session complete", "Left: 2 of 2 reps", "Right: 2 of 2 reps", "Saved to your history."] {
                assert!(said.contains(line), "{width}x{height}: {line}: {said}");
            }
        }
        let footer = rows(terminal).last().cloned().unwrap_or_default();
        assert_eq!(footer.trim(), keys::footer(keys::DONE, width), "{width}x{height}");
    });
    insta::assert_snapshot!("done_80x24", text(&draw(&app, now, (80, 24), Palette::Dark)));
}

#[test]
fn a_session_that_could_not_be_saved_says_so_before_anything_else() {
    let (mut app, now) = done(Instant::now());
    app.keep(Kept {
        saved: Saved::Failed("/data/history.jsonl: cannot save this session".to_owned()),
        advice: Vec::new(),
        today: None,
        psfs: Vec::new(),
    });
    every_way(&app, now, |(width, height), terminal| {
        let said = words(terminal);
        assert!(said.contains("Not saved"), "{width}x{height}: {said}");
        assert!(!said.contains("Saved to your history"), "{width}x{height}");
    });
}

#[test]
fn a_stopped_session_asks_why_and_its_big_word_is_stop() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let at = t0 + Duration::from_secs(20);
    app.handle(Action::Quit, at);
    app.handle(Action::Quit, at);
    app.keep(kept(Vec::new()));
    every_way(&app, at, |(width, height), terminal| {
        let said = words(terminal);
        assert!(said.contains("Why did you stop?"), "{width}x{height}: {said}");
        if height >= 12 {
            assert!(
                said.contains("1 pain") && said.contains("2 no time") && said.contains("3 something else"),
                "{said}"
            );
        }
    });
    app.handle(Action::Close, at);
    let stopped = words(&draw(&app, at, (80, 24), Palette::Dark));
    assert!(stopped.contains("Session stopped early"), "{stopped}");
}

#[test]
fn the_question_to_stop_is_whole_at_every_size() {
    let t0 = Instant::now();
    let mut app = started(t0);
    app.handle(Action::Quit, t0 + Duration::from_secs(1));
    every_way(&app, t0 + Duration::from_secs(1), |(width, height), terminal| {
        let said = words(terminal);
        assert!(said.contains("Stop here? q again to stop, any other key goes on"), "{width}x{height}: {said}");
        if height >= 20 {
            assert!(big_rows(terminal) >= 4, "{width}x{height}: STOP? big:\n{}", text(terminal));
        }
    });
}

#[test]
fn the_pain_before_is_asked_over_the_get_ready_screen() {
    let t0 = Instant::now();
    let mut app = started(t0).asking_before(t0);
    typed(&mut app, "4", t0);
    every_way(&app, t0, |(width, height), terminal| {
        let said = words(terminal);
        assert!(said.contains("Pain now, before you start, 0 to 10") || height < 8, "{width}x{height}: {said}");
        if height >= 20 {
            assert!(big_rows(terminal) >= 7, "{width}x{height}: the 4 big:\n{}", text(terminal));
        }
    });
}

#[test]
fn with_a_programme_the_done_screen_says_where_the_session_leaves_the_day() {
    let (mut app, now) = done(Instant::now());
    app.keep(Kept { today: Some("Today 2 of 2: all done".to_owned()), ..kept(Vec::new()) });
    let terminal = draw(&app, now, (80, 24), Palette::Dark);
    assert!(words(&terminal).contains("Today 2 of 2: all done"), "{}", text(&terminal));
}

#[test]
fn a_session_stopped_while_getting_ready_says_nothing_was_saved() {
    let t0 = Instant::now();
    let mut app = started(t0);
    let at = t0 + Duration::from_secs(1);
    app.handle(Action::Quit, at);
    app.handle(Action::Quit, at);
    app.keep(Kept::nothing(Nothing::GettingReady));
    let said = words(&draw(&app, at, (80, 24), Palette::Dark));
    assert!(said.contains("Nothing saved: stopped before the first move."), "{said}");
    assert!(!said.contains("Saved to your history"), "{said}");
}

#[test]
fn a_note_typed_without_a_space_is_all_in_sight_and_a_full_one_says_so() {
    let (mut app, now) = spread_answered(Instant::now());
    typed(&mut app, "2", now);
    app.handle(Action::Confirm, now);
    let note = format!("{}END", "x".repeat(crate::domain::checkin::Note::MAX_CHARS - 3));
    typed(&mut app, &note, now);
    for size in [(80, 24), (60, 20)] {
        let terminal = draw(&app, now, size, Palette::Dark);
        let typed: String = rows(&terminal).iter().map(|row| row.trim()).filter(|row| row.starts_with("xx")).collect();
        assert_eq!(typed, format!("{note}▏"), "{size:?}: every letter in sight, once:\n{}", text(&terminal));
    }
    typed(&mut app, "y", now);
    let shown = words(&draw(&app, now, (80, 24), Palette::Dark));
    assert!(shown.contains("a note is 200 characters at most"), "{shown}");
}

#[test]
fn a_session_run_to_its_end_with_every_hold_skipped_says_so_as_why_nothing_was_saved() {
    let t0 = Instant::now();
    let mut app = started(t0);
    while !app.session.is_finished() {
        app.handle(Action::Session(crate::domain::session::Command::Skip), t0);
    }
    app.keep(Kept::nothing(Nothing::EveryHoldSkipped));
    let said = words(&draw(&app, t0, (80, 24), Palette::Dark));
    assert!(said.contains("Nothing saved: every hold was skipped."), "{said}");
    assert!(!said.contains("stopped before the first move"), "{said}");
    assert!(said.contains("Session ended") && !said.contains("Session complete"), "not complete: {said}");
}
