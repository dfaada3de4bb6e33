//! Render time of one frame at 80x24: the view alone, and the whole draw that the terminal loop
//! does once a second (view, diff against the last frame, escape codes written out).
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
