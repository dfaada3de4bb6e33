use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use super::*;
use crate::domain::exercise;
use crate::domain::plan::{Overrides, Plan};
use crate::domain::session::{Command, Session};
use crate::tui::app::Action;
use crate::tui::view::Palette;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn app(t0: Instant, overrides: &Overrides) -> App {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    App::new(Session::start(Plan::new(exercise, overrides), t0))
}

/// Renders at a size and returns the terminal, for snapshots and buffer checks.
/// Every drawing in these tests, snapshot or not, must also meet the contrast targets.
fn draw(app: &App, now: Instant, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| render(frame, app, now, Theme::standard())).unwrap();
    assert_contrast(&terminal, Theme::standard());
    terminal
}

fn assert_contrast(terminal: &Terminal<TestBackend>, theme: Theme) {
    if theme.colour {
        let failures = super::contrast::failures(terminal.backend().buffer(), theme);
        assert!(failures.is_empty(), "below the contrast targets in {theme:?}: {failures:?}");
    }
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
    let mut app = app(t0, &Overrides { get_ready: Some(Duration::from_secs(10)), ..Overrides::default() });
    let now = t0 + Duration::from_millis(14_200);
    app.tick(now);
    (app, now)
}

#[test]
fn help_overlay_shows_the_instructions() {
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    app.handle(Action::ToggleHelp, now);
    let terminal = draw(&app, now, 80, 24);
    assert!(screen_text(&terminal).contains("Start position"));
}

#[test]
fn the_notes_the_session_points_to_are_the_first_thing_the_help_shows() {
    let t0 = Instant::now();
    // 2 reps is outside the recommended range: a note, and the marker "1 note: press ? to read".
    let mut app =
        app(t0, &Overrides { reps: Some(2), get_ready: Some(Duration::from_secs(10)), ..Overrides::default() });
    let now = t0 + Duration::from_millis(14_200);
    app.tick(now);
    assert!(screen_text(&draw(&app, now, 80, 24)).contains("press ? to read"));
    app.handle(Action::ToggleHelp, now);
    let text = screen_text(&draw(&app, now, 80, 24));
    let (notes, start) = (text.find("Notes"), text.find("Start position"));
    assert!(notes.is_some() && notes < start, "the notes before the start position: {text}");
    assert!(text.contains("2 reps is outside the recommended 5 to 10"), "on the first page: {text}");
}

#[test]
fn help_says_where_each_side_of_a_figure_that_turns_is_seen_from() {
    let t0 = Instant::now();
    let exercise = exercise::built_in("knee-to-chest").expect("built in").expect("valid");
    let mut app = App::new(Session::start(Plan::new(exercise, &Overrides::timing(2, 5, 10, 4)), t0));
    // In the right hold, drawn from the right; the help says which side is drawn from where.
    let now = t0 + secs(25);
    app.tick(now);
    assert_eq!(app.session.phase().and_then(|p| p.side), Some(crate::domain::side::Side::Right));
    app.handle(Action::ToggleHelp, now);
    let text = screen_text(&draw(&app, now, 120, 50));
    assert!(text.contains("The body is seen from the side being worked:"), "{text}");
    assert!(text.contains("• Left: seen from your left side, head on the right."), "{text}");
    assert!(text.contains("• Right: seen from your right side, head on the left."), "{text}");
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
    assert_contrast(&terminal, theme);
    terminal
}

#[test]
fn no_color_keeps_bold_and_reverse_and_says_everything_in_words() {
    use ratatui::style::Modifier;
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    let theme = Theme::new(Palette::Dark, true);
    let terminal = draw_in(&app, now, theme);
    let buffer = terminal.backend().buffer();
    assert!(buffer.content.iter().all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset), "no colour at all");
    let text = screen_text(&terminal);
    assert!(text.contains('█') && text.contains('░'), "the filled part of a bar is solid, the rest shaded");
    let hold_reversed =
        buffer.content.iter().any(|cell| cell.symbol() != " " && cell.modifier.contains(Modifier::REVERSED));
    assert!(hold_reversed, "the hold's band is reverse video");
    app.handle(Action::Session(Command::Pause), now);
    let paused = draw_in(&app, now, theme);
    assert!(screen_text(&paused).contains("Space resumes"));
}

/// The sizes every screen is drawn at, from a small window to a large monitor.
const SIZES: [(u16, u16); 7] = [(30, 8), (40, 12), (60, 20), (80, 20), (80, 24), (120, 40), (160, 50)];

const THEMES: [(&str, Palette); 3] =
    [("dark", Palette::Dark), ("light", Palette::Light), ("high_contrast", Palette::HighContrast)];

/// Knee to chest, two sets of 3 reps a side with a rest between, at one moment of each screen
/// the user sees: `(name, app, now)`.
fn every_screen(t0: Instant) -> Vec<(&'static str, App, Instant)> {
    use crate::domain::plan::PhaseKind;
    let exercise = exercise::built_in("knee-to-chest").unwrap().unwrap();
    let overrides = Overrides { reps: Some(3), sets: Some(2), ..Overrides::default() };
    let plan = Plan::new(exercise, &overrides);
    let starts: Vec<Duration> = plan.starts().collect();
    let start_of = |kind: PhaseKind| {
        let index = plan.phases.iter().position(|p| p.kind == kind).unwrap();
        t0 + starts[index]
    };
    let (moving, holding, resting) = (start_of(PhaseKind::Move), start_of(PhaseKind::Hold), start_of(PhaseKind::Rest));
    let fresh = |at: Instant| {
        let mut app = App::new(Session::start(plan.clone(), t0));
        app.tick(at);
        app
    };
    let mut paused = fresh(holding + secs(1));
    paused.handle(Action::Session(Command::Pause), holding + secs(1));
    let mut help = fresh(holding + secs(1));
    help.handle(Action::ToggleHelp, holding + secs(1));
    vec![
        ("get_ready", fresh(t0), t0),
        ("move", fresh(moving + Duration::from_millis(500)), moving + Duration::from_millis(500)),
        ("hold", fresh(holding + Duration::from_millis(1200)), holding + Duration::from_millis(1200)),
        ("paused", paused, holding + secs(30)),
        ("rest", fresh(resting + secs(1)), resting + secs(1)),
        ("help", help, holding + secs(1)),
    ]
}

fn draw_themed(app: &App, now: Instant, (width, height): (u16, u16), palette: Palette) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test backend");
    terminal.draw(|frame| render(frame, app, now, Theme::new(palette, false))).expect("a draw");
    assert_contrast(&terminal, Theme::new(palette, false));
    terminal
}

#[test]
fn every_cell_of_every_screen_meets_wcag_aa() {
    let t0 = Instant::now();
    for (screen, app, now) in every_screen(t0) {
        for (theme, palette) in THEMES {
            for size in SIZES.into_iter().chain([(20, 6), (33, 17), (100, 30)]) {
                let terminal = draw_themed(&app, now, size, palette);
                let failures = super::contrast::failures(terminal.backend().buffer(), Theme::new(palette, false));
                assert!(failures.is_empty(), "{screen} in {theme} at {size:?}: {failures:?}");
            }
        }
    }
}

#[test]
fn the_screens_say_what_matters_at_every_size() {
    let t0 = Instant::now();
    let screens = every_screen(t0);
    let text = |name: &str, size| {
        let (_, app, now) = screens.iter().find(|(n, _, _)| *n == name).unwrap();
        screen_text(&draw_themed(app, *now, size, Palette::Dark))
    };
    for size in SIZES {
        let hold = text("hold", size);
        assert!(hold.contains("LEFT") || hold.contains('█'), "{size:?}: {hold}");
        assert!(text("paused", size).contains("Space resumes"), "{size:?}");
    }
    assert!(text("hold", (20, 6)).contains("LEFT"), "the side in words when it cannot be big");
    assert!(text("get_ready", (80, 24)).contains("First: LEFT KNEE"));
    let last_second = {
        let (_, app, now) = &screens[2];
        let near_end = *now + app.session.remaining(*now).saturating_sub(secs(2));
        screen_text(&draw_themed(app, near_end, (80, 24), Palette::Dark))
    };
    assert!(last_second.contains("Next: back to the start, then RIGHT KNEE"), "{last_second}");
}

#[test]
fn no_screen_panics_at_any_odd_size_in_any_theme() {
    let t0 = Instant::now();
    let odd = [(0, 0), (1, 1), (0, 30), (30, 0), (2, 3), (19, 5), (21, 7), (37, 9), (61, 13), (255, 3), (3, 255)];
    for (_, app, now) in every_screen(t0) {
        for (_, palette) in THEMES {
            for size in odd {
                draw_themed(&app, now, size, palette);
            }
        }
        draw_in(&app, now, Theme::new(Palette::Dark, true));
    }
}

#[test]
fn the_help_scrolls_to_its_end_and_no_further() {
    let t0 = Instant::now();
    let (mut app, now) = holding_left(t0);
    assert_eq!(help_size(&app, Rect::new(0, 0, 40, 12)), None, "closed, the help has no size");
    app.handle(Action::ToggleHelp, now);
    let first = screen_text(&draw(&app, now, 40, 12));
    assert_eq!(help_size(&app, Rect::new(0, 0, MIN_WIDTH - 1, 12)), None, "too small to be drawn");
    // The loop hands the app what the view measured; drawing itself changes nothing.
    let size = help_size(&app, Rect::new(0, 0, 40, 12)).expect("the help is drawn at 40x12");
    assert_eq!(size.page, 9, "10 lines of text on screen, less one");
    app.help_measured(size);
    assert!(first.contains("Instructions (paused)") && first.contains("? back"), "titles fit at 40: {first}");
    app.handle(Action::ScrollHelp(i16::MAX), now);
    let end = app.help.expect("the help is open");
    let last = screen_text(&draw(&app, now, 40, 12));
    assert!(last.contains("higher note)"), "End shows the last sound, done's: {last}");
    app.handle(Action::PageHelp(1), now);
    assert_eq!(app.help, Some(end), "PageDown at the end stays there");
    app.handle(Action::PageHelp(-1), now);
    assert_eq!(app.help, Some(end - 9), "PageUp from the end moves at once, by the 10 lines shown less one");
    app.handle(Action::ScrollHelp(i16::MIN), now);
    assert_eq!(app.help, Some(0), "Home");
    let wrapped = screen_text(&draw(&app, now, 40, 30));
    assert!(
        wrapped.lines().any(|line| line.starts_with("│    ")),
        "a wrapped step is indented under its text: {wrapped}"
    );
}
