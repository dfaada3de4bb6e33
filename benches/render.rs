//! Render time of one frame: the view alone, and the whole draw the terminal loop does (view,
//! diff against the last frame, escape codes written out), once a second in a hold at 80x24,
//! and 12.5 times a second while the figure moves, at 80x24 and 160x50.
//!
//! Run with `cargo bench --bench render`.

use std::io;
use std::time::{Duration, Instant};

use divan::Bencher;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use trunkrot::domain::exercise;
use trunkrot::domain::plan::{Overrides, Plan};
use trunkrot::domain::session::Session;
use trunkrot::tui::app::App;

fn main() {
    divan::main();
}

/// A session holding the left side, as the hold screen shows it.
fn holding_left(t0: Instant) -> App {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    let overrides = Overrides {
        hold: Some(Duration::from_secs(60)),
        get_ready: Some(Duration::ZERO),
        transition: Some(Duration::ZERO),
        ..Overrides::default()
    };
    App::new(Session::start(Plan::new(exercise, &overrides), t0))
}

/// The view alone into an 80x24 buffer, a different second each frame.
#[divan::bench]
fn view_hold_80x24(bencher: Bencher) {
    draw_each_second(bencher, Terminal::new(TestBackend::new(80, 24)).expect("a test terminal"));
}

/// What the loop does each second at 80x24: view, diff, and the escape codes for the change.
#[divan::bench]
fn draw_hold_80x24_to_terminal(bencher: Bencher) {
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)) };
    draw_each_second(bencher, Terminal::with_options(CrosstermBackend::new(io::sink()), options).expect("a terminal"));
}

/// A session whose first phase is a minute's move to the left: the figure moving.
fn moving_left(t0: Instant) -> App {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    let overrides = Overrides {
        get_ready: Some(Duration::ZERO),
        transition: Some(Duration::from_secs(60)),
        ..Overrides::default()
    };
    App::new(Session::start(Plan::new(exercise, &overrides), t0))
}

/// The view alone of a moving figure into an 80x24 buffer, the next frame each time.
#[divan::bench]
fn view_move_80x24(bencher: Bencher) {
    draw_each_frame(bencher, Terminal::new(TestBackend::new(80, 24)).expect("a test terminal"));
}

/// The view alone of a moving figure into a 160x50 buffer, the next frame each time.
#[divan::bench]
fn view_move_160x50(bencher: Bencher) {
    draw_each_frame(bencher, Terminal::new(TestBackend::new(160, 50)).expect("a test terminal"));
}

/// What the loop does for each frame of a move at 80x24: view, diff, escape codes.
#[divan::bench]
fn draw_move_80x24_to_terminal(bencher: Bencher) {
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)) };
    draw_each_frame(bencher, Terminal::with_options(CrosstermBackend::new(io::sink()), options).expect("a terminal"));
}

/// What the loop does for each frame of a move at 160x50: view, diff, escape codes.
#[divan::bench]
fn draw_move_160x50_to_terminal(bencher: Bencher) {
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 160, 50)) };
    draw_each_frame(bencher, Terminal::with_options(CrosstermBackend::new(io::sink()), options).expect("a terminal"));
}

/// Draws the move into `terminal`, one figure frame later each time.
fn draw_each_frame<B: ratatui::backend::Backend>(bencher: Bencher, mut terminal: Terminal<B>) {
    let t0 = Instant::now();
    let app = moving_left(t0);
    let mut frame = 0u32;
    bencher.bench_local(|| {
        frame = (frame + 1) % 750;
        let now = t0 + trunkrot::domain::motion::FRAME * frame;
        terminal
            .draw(|f| trunkrot::tui::view::render(f, &app, now, trunkrot::tui::view::Theme::standard()))
            .expect("drawn");
    });
}

/// Draws the left hold into `terminal`, a different second each frame.
fn draw_each_second<B: ratatui::backend::Backend>(bencher: Bencher, mut terminal: Terminal<B>) {
    let t0 = Instant::now();
    let app = holding_left(t0);
    let mut second = 0;
    bencher.bench_local(|| {
        second = (second + 1) % 60;
        let now = t0 + Duration::from_secs(second);
        terminal
            .draw(|frame| trunkrot::tui::view::render(frame, &app, now, trunkrot::tui::view::Theme::standard()))
            .expect("drawn");
    });
}
