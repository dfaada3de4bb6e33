use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use super::*;
use crate::domain::exercise;
use crate::domain::exercise::Side;
use crate::domain::plan::{Overrides, Plan};
use crate::domain::session::{Command, Session};
use crate::tui::app::Action;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn app(t0: Instant, overrides: &Overrides) -> App {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
    App::new(Session::start(Plan::new(exercise, overrides), t0))
}

/// Renders at a size and returns the terminal, for snapshots and buffer checks.
fn draw(app: &App, now: Instant, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| render(frame, app, now, Theme::standard())).unwrap();
    terminal
}

fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// The app 1.2 s into the left hold of rep 1 (get ready 10 s, move 3 s, hold 5 s).
fn holding_left(t0: Instant) -> (App, Instant) {
    let mut app = app(t0, &Overrides::default());
    let now = t0 + Duration::from_millis(14_200);
    app.tick(now);
    (app, now)
}

#[test]
fn get_ready_at_80x24() {
    let t0 = Instant::now();
    let app = app(t0, &Overrides::default());
    insta::assert_snapshot!("get_ready_80x24", draw(&app, t0, 80, 24).backend());
}

#[test]
fn holding_left_at_80x24() {
    let t0 = Instant::now();
    let (app, now) = holding_left(t0);
    let terminal = draw(&app, now, 80, 24);
    insta::assert_snapshot!("hold_left_80x24", terminal.backend());
    let text = screen_text(&terminal);
    assert!(text.contains("HOLD on the LEFT"));
    assert!(text.contains("4 s"));
    assert!(text.contains("rep 1 of 10"));
}

#[test]
fn the_sides_have_their_own_colours() {
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    let left = draw(&app, now, 80, 24);
    let right_at = now + secs(7);
    app.tick(right_at);
    assert_eq!(app.session.phase().unwrap().side, Some(Side::Right));
    let right = draw(&app, right_at, 80, 24);
    let banner_colour = |terminal: &Terminal<TestBackend>| {
        let buffer = terminal.backend().buffer();
        (0..80u16).flat_map(|x| (2..6u16).map(move |y| (x, y))).find_map(|(x, y)| {
            let cell = &buffer[(x, y)];
            (cell.symbol() != " ").then_some(cell.fg)
        })
    };
    assert_eq!(banner_colour(&left), Some(Color::Cyan));
    assert_eq!(banner_colour(&right), Some(Color::Yellow));
    insta::assert_snapshot!("hold_right_80x24", right.backend());
}

#[test]
fn paused_is_unmistakable() {
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    app.handle(Action::Session(Command::Pause), now);
    let terminal = draw(&app, now + secs(30), 80, 24);
    insta::assert_snapshot!("paused_80x24", terminal.backend());
    assert!(screen_text(&terminal).contains("PAUSED"));
    assert!(screen_text(&terminal).contains("4 s"), "the countdown stays where it stopped");
}

#[test]
fn help_overlay_shows_the_instructions() {
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    app.handle(Action::ToggleHelp, now);
    let terminal = draw(&app, now, 80, 24);
    insta::assert_snapshot!("help_80x24", terminal.backend());
    assert!(screen_text(&terminal).contains("Start position"));
}

/// A short session of 2 reps a side, run to its end (at 17 s): on the check-in's first question.
fn finished(t0: Instant) -> (App, Instant) {
    let overrides = Overrides {
        reps: Some(2),
        hold: Some(secs(3)),
        get_ready: Some(secs(1)),
        transition: Some(secs(1)),
        ..Overrides::default()
    };
    let mut app = app(t0, &overrides);
    app.tick(t0 + secs(17));
    (app, t0 + secs(20))
}

#[test]
fn done_screen_says_complete_with_the_figures() {
    let (app, now) = finished(Instant::now());
    let terminal = draw(&app.without_checkin(), now, 80, 24);
    insta::assert_snapshot!("done_80x24", terminal.backend());
    let text = screen_text(&terminal);
    assert!(text.contains("Session complete"));
    assert!(text.contains("Left: 2 of 2 reps"));
    assert!(text.contains("Total hold time: 12 s"));
    assert!(text.contains("Elapsed: 17 s"));
}

#[test]
fn the_checkin_asks_for_pain_with_its_keys_on_screen() {
    let t0 = Instant::now();
    let (app, now) = finished(t0);
    let terminal = draw(&app, now, 80, 24);
    insta::assert_snapshot!("checkin_pain_80x24", terminal.backend());
    let text = screen_text(&terminal);
    assert!(text.contains("How much does your back hurt now?"));
    assert!(text.contains("Press 0 to 9, or t for 10"));
    assert!(text.contains("Enter: skip"));
}

#[test]
fn the_checkin_then_asks_how_hard_and_shows_the_answers() {
    let t0 = Instant::now();
    let (mut app, now) = finished(t0);
    app.handle(Action::Pain(crate::domain::checkin::Pain::new(3).unwrap()), now);
    let asking = draw(&app, now, 80, 24);
    insta::assert_snapshot!("checkin_effort_80x24", asking.backend());
    assert!(screen_text(&asking).contains("e easy · r about right · h hard"));
    app.handle(Action::Effort(crate::domain::checkin::Effort::Right), now);
    let answered = draw(&app, now, 80, 24);
    insta::assert_snapshot!("checkin_answered_80x24", answered.backend());
    let text = screen_text(&answered);
    assert!(text.contains("Pain now: 3/10 · Felt: about right"));
    assert!(text.contains("Enter, q or Esc: exit"));
}

#[test]
fn the_checkin_fits_a_small_terminal() {
    let t0 = Instant::now();
    let (app, now) = finished(t0);
    insta::assert_snapshot!("checkin_pain_40x12", draw(&app, now, 40, 12).backend());
    for (width, height) in [(1, 1), (0, 0), (20, 6)] {
        draw(&app, now, width, height);
    }
}

#[test]
fn a_small_terminal_gets_the_compact_layout() {
    let t0 = Instant::now();
    let (app, now) = holding_left(t0);
    let terminal = draw(&app, now, 30, 8);
    insta::assert_snapshot!("hold_left_30x8", terminal.backend());
    let text = screen_text(&terminal);
    assert!(text.contains("LEFT"));
    assert!(text.contains("4 s"));
}

#[test]
fn a_medium_terminal_keeps_the_big_digits() {
    let t0 = Instant::now();
    let (app, now) = holding_left(t0);
    insta::assert_snapshot!("hold_left_50x16", draw(&app, now, 50, 16).backend());
}

#[test]
fn a_tiny_terminal_says_so() {
    let t0 = Instant::now();
    let (app, now) = holding_left(t0);
    let text = screen_text(&draw(&app, now, 19, 6));
    assert!(text.starts_with("Terminal too small"), "{text}");
}

#[test]
fn no_size_makes_it_panic() {
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    let sizes = [(0, 0), (1, 1), (0, 24), (80, 0), (1, 50), (200, 1), (20, 6), (31, 13), (40, 21), (255, 255)];
    for (width, height) in sizes {
        draw(&app, now, width, height);
    }
    app.handle(Action::ToggleHelp, now);
    for (width, height) in sizes {
        draw(&app, now, width, height);
    }
    app.tick(now + secs(600));
    for (width, height) in sizes {
        draw(&app, now + secs(600), width, height);
    }
}

#[test]
fn long_holds_count_down_in_minutes() {
    let t0 = Instant::now();
    let overrides = Overrides {
        hold: Some(secs(90)),
        get_ready: Some(Duration::ZERO),
        transition: Some(Duration::ZERO),
        ..Overrides::default()
    };
    let app = app(t0, &overrides);
    let text = screen_text(&draw(&app, t0, 80, 24));
    assert!(text.contains("90 s"), "{text}");
    assert!(text.contains("Note: hold 90 s is outside the recommended 3 to 5 s"), "{text}");
}

#[test]
fn hostile_text_from_a_file_is_drawn_without_control_characters() {
    let source = include_str!("../../../tests/valid_configs/hostile-text.toml");
    let exercise = exercise::parse("hostile", "hostile-text.toml", source.as_bytes()).unwrap();
    let t0 = Instant::now();
    let mut app = App::new(Session::start(Plan::new(exercise, &Overrides::default()), t0));
    let mut screens = Vec::new();
    for at in [0, 1, 2] {
        app.tick(t0 + secs(at));
        screens.push(screen_text(&draw(&app, t0 + secs(at), 80, 24)));
    }
    app.handle(Action::ToggleHelp, t0 + secs(2));
    screens.push(screen_text(&draw(&app, t0 + secs(2), 80, 40)));
    app.handle(Action::ToggleHelp, t0 + secs(2));
    app.tick(t0 + secs(60));
    screens.push(screen_text(&draw(&app, t0 + secs(60), 80, 24)));
    let all = screens.concat();
    assert!(all.contains("Tilt]2;pwned[2J"), "{all}");
    assert!(all.contains("Cue]52;c;cGF5bG9hZA=="), "the help overlay shows the mistake's cue: {all}");
    assert_eq!(all.chars().find(|c| c.is_control() && *c != '\n'), None, "{all:?}");
}

fn draw_in(app: &App, now: Instant, theme: Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| render(frame, app, now, theme)).unwrap();
    terminal
}

#[test]
fn no_color_keeps_bold_and_reverse_and_says_everything_in_words() {
    use ratatui::style::Modifier;
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    let theme = Theme::new(crate::domain::settings::ThemeName::Default, true);
    let terminal = draw_in(&app, now, theme);
    insta::assert_snapshot!("hold_left_no_color_80x24", terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(buffer.content.iter().all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset), "no colour at all");
    let text = screen_text(&terminal);
    assert!(text.contains("HOLD on the LEFT"), "the side in words");
    assert!(text.contains('━'), "the filled part of a bar is a thick line, not a colour");
    let banner_bold =
        (0..80u16).any(|x| buffer[(x, 3)].symbol() != " " && buffer[(x, 3)].modifier.contains(Modifier::BOLD));
    assert!(banner_bold, "the side banner stays bold");
    app.handle(Action::Session(Command::Pause), now);
    let paused = draw_in(&app, now, theme);
    let buffer = paused.backend().buffer();
    let reversed = buffer.content.iter().any(|cell| cell.symbol() == "P" && cell.modifier.contains(Modifier::REVERSED));
    assert!(reversed, "PAUSED stands out in reverse video");
}

#[test]
fn high_contrast_is_bold_white_on_black_with_bright_reversed_sides() {
    use ratatui::style::Modifier;
    let t0 = Instant::now();
    let (app, now) = holding_left(t0);
    let theme = Theme::new(crate::domain::settings::ThemeName::HighContrast, false);
    let terminal = draw_in(&app, now, theme);
    insta::assert_snapshot!("hold_left_high_contrast_80x24", terminal.backend());
    let buffer = terminal.backend().buffer();
    // The figure's blocks paint their lower pixel with the background colour: white or the side's.
    let pixel = |cell: &ratatui::buffer::Cell| {
        ["▀", "█"].contains(&cell.symbol()) && [Color::White, Color::LightCyan].contains(&cell.bg)
    };
    assert!(
        buffer
            .content
            .iter()
            .all(|cell| cell.bg == Color::Black || cell.modifier.contains(Modifier::REVERSED) || pixel(cell))
    );
    let label_row = (0..80u16).map(|x| &buffer[(x, 8)]);
    let side_word: Vec<_> = label_row.filter(|cell| cell.modifier.contains(Modifier::REVERSED)).collect();
    assert_eq!(side_word.iter().map(|cell| cell.symbol()).collect::<String>(), "LEFT");
    assert!(side_word.iter().all(|cell| cell.fg == Color::LightCyan));
    assert_eq!(buffer[(2, 3)].fg, Color::LightCyan, "the banner is bright");
}

#[test]
fn a_notice_from_the_shell_is_shown() {
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    app.notice = Some("no speech command found".to_owned());
    assert!(screen_text(&draw(&app, now, 80, 24)).contains("no speech command found"));
}

/// Each shipped exercise's screen halfway through its first move and a second into its first
/// hold, at the smallest common terminal and a large one.
#[test]
fn every_shipped_figure_mid_move_and_in_a_hold() {
    for (id, _) in exercise::BUILT_IN {
        let exercise = exercise::built_in(id).unwrap().unwrap();
        let timing = exercise.timing.clone();
        let t0 = Instant::now();
        let mut app = App::new(Session::start(Plan::new(exercise, &Overrides::default()), t0));
        let mid_move = t0 + timing.get_ready + timing.transition / 2;
        app.tick(mid_move);
        assert_eq!(app.session.phase().unwrap().kind, crate::domain::plan::PhaseKind::Move, "{id}");
        for (width, height) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("{id}_move_{width}x{height}"),
                draw(&app, mid_move, width, height).backend()
            );
        }
        let holding = t0 + timing.get_ready + timing.transition + secs(1);
        app.tick(holding);
        assert_eq!(app.session.phase().unwrap().kind, crate::domain::plan::PhaseKind::Hold, "{id}");
        for (width, height) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("{id}_hold_{width}x{height}"),
                draw(&app, holding, width, height).backend()
            );
        }
    }
}
