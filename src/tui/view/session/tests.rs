//! The session screens (getting ready, moving, holding, resting, paused) at many sizes, as
//! assertions that can fail: the side is the biggest text, LEFT and RIGHT share a font, nothing
//! is cut, a note never shrinks the side, the figure has its room, contrast holds. A few named
//! snapshots are for a person to look at.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

use super::*;
use crate::domain::exercise;
use crate::domain::plan::Overrides;
use crate::domain::session::{Command, Session};
use crate::tui::app::Action;
use crate::tui::view::big::Big;
use crate::tui::view::{Palette, contrast, render};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// The sizes the session screen is measured at: every tenth of the range from 60x20 to 300x90,
/// and the common ones.
fn sizes() -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> =
        (60..=300).step_by(30).flat_map(|w| (20..=90).step_by(10).map(move |h| (w, h))).collect();
    sizes.extend([(80, 24), (80, 20), (100, 30), (120, 40), (160, 50), (200, 60), (300, 90)]);
    sizes
}

/// The app of a built-in exercise with `overrides`, at `at` after its start.
fn app_at(id: &str, overrides: &Overrides, at: Duration) -> (App, Instant) {
    let exercise = exercise::built_in(id).expect("built in").expect("valid");
    let t0 = Instant::now();
    let mut app = App::new(Session::start(Plan::new(exercise, overrides), t0));
    app.tick(t0 + at);
    (app, t0 + at)
}

/// Get ready 10 s, moves of 3 s, holds of 5 s, and the exercise's own moves back (3 s for the
/// trunk rotation, none for knee to chest).
fn default_timing() -> Overrides {
    Overrides::timing(10, 5, 10, 3)
}

/// `(name, app, now)` for each session screen of an exercise with sides, a second into its
/// phase (the return only where the exercise has one).
fn screens(id: &str, overrides: &Overrides) -> Vec<(&'static str, App, Instant)> {
    let at = |s: u64| app_at(id, overrides, secs(s));
    let back = exercise::built_in(id).expect("built in").expect("valid").timing.back.as_secs();
    let (get_ready, get_ready_at) = at(1);
    let (moving, moving_at) = at(11);
    let (left, left_at) = at(14);
    let (right, right_at) = at(22 + back);
    let (mut paused, paused_at) = at(15);
    paused.handle(Action::Session(Command::Pause), paused_at);
    let mut screens = vec![
        ("get ready", get_ready, get_ready_at),
        ("move", moving, moving_at),
        ("hold left", left, left_at),
        ("hold right", right, right_at),
        ("paused", paused, paused_at),
    ];
    if back > 0 {
        let (returning, returning_at) = at(19);
        screens.push(("return", returning, returning_at));
    }
    for (name, app, _) in &screens {
        let kind = app.session.phase().expect("running").kind;
        let expected = match *name {
            "get ready" => PhaseKind::GetReady,
            "move" => PhaseKind::Move,
            "return" => PhaseKind::Return,
            _ => PhaseKind::Hold,
        };
        assert_eq!(kind, expected, "{id}: the {name} screen");
    }
    screens
}

fn draw(app: &App, now: Instant, (width, height): (u16, u16), theme: Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test backend");
    terminal.draw(|frame| render(frame, app, now, theme)).expect("a draw");
    terminal.backend().buffer().clone()
}

fn layout_of(app: &App, now: Instant, (width, height): (u16, u16)) -> Regions {
    regions(app, Rect::new(0, 0, width, height), now).expect("a session screen")
}

fn rows(part: Option<&(Rect, Big)>) -> u16 {
    part.map_or(0, |(_, big)| big.rows)
}

/// The cells of `rect` in `buffer` that have ink (a symbol that is not blank).
fn ink(buffer: &Buffer, rect: Rect) -> usize {
    rect.positions().filter(|p| buffer.cell(*p).is_some_and(|cell| !cell.symbol().trim().is_empty())).count()
}

/// The ink `big` has when drawn with room to spare: what it must have on the screen too.
fn ink_alone(big: &Big) -> usize {
    let area = Rect::new(0, 0, big.width + 4, big.rows);
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("a test backend");
    terminal
        .draw(|frame| crate::tui::view::big::draw(frame, area, big, Style::new(), Alignment::Center))
        .expect("a draw");
    ink(terminal.backend().buffer(), area)
}

fn text_of(buffer: &Buffer) -> String {
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_side_is_the_biggest_text_and_whole_in_one_font_at_every_size() {
    for id in ["lower-trunk-rotation", "knee-to-chest"] {
        let screens = screens(id, &default_timing());
        for size in sizes() {
            let mut fonts = Vec::new();
            for (name, app, now) in &screens {
                if *name == "get ready" {
                    continue;
                }
                let at = format!("{id} {name} at {size:?}");
                let regions = layout_of(app, *now, size);
                let (top, big) = regions.top.clone().unwrap_or_else(|| panic!("{at}: no side"));
                assert!(big.rows >= 8, "{at}: the side is big: {big:?}");
                assert!(big.rows >= rows(regions.digits.as_ref()), "{at}: the seconds outgrow the side: {regions:?}");
                assert!(
                    big.rows > rows(regions.digits.as_ref()) || big.rows == 8,
                    "{at}: past 8 rows the side is bigger than the seconds: {regions:?}"
                );
                assert!(big.rows >= rows(regions.lower.as_ref()), "{at}: the phase outgrows the side: {regions:?}");
                assert!(big.width + 2 <= size.0, "{at}: {big:?}");
                let buffer = draw(app, *now, size, Theme::standard());
                assert_eq!(ink(&buffer, top), ink_alone(&big), "{at}: the side's label lost some of its ink");
                let (digits, seconds) = regions.digits.clone().unwrap_or_else(|| panic!("{at}: no seconds"));
                assert_eq!(ink(&buffer, digits), ink_alone(&seconds), "{at}: the seconds lost some of their ink");
                if name.starts_with("hold") {
                    let shown = |side: Side| app.session.plan().parts[0].exercise.side_means.shout(side);
                    let form = shown(Side::Left)
                        .iter()
                        .position(|f| *f == big.text)
                        .or_else(|| shown(Side::Right).iter().position(|f| *f == big.text));
                    fonts.push((big.font, big.rows, form));
                }
                let failures = contrast::failures(&buffer, Theme::standard());
                assert!(failures.is_empty(), "{at}: {failures:?}");
            }
            assert_eq!(fonts.len(), 2);
            assert_eq!(fonts[0], fonts[1], "{id} at {size:?}: LEFT and RIGHT in one font and form");
        }
    }
}

#[test]
fn without_sides_the_seconds_are_biggest() {
    let (app, now) = app_at("pelvic-tilt", &default_timing(), secs(14));
    for size in sizes() {
        let regions = layout_of(&app, now, size);
        assert!(regions.top.is_none(), "{size:?}");
        let digits = rows(regions.digits.as_ref());
        assert!(digits >= 8 && digits >= rows(regions.lower.as_ref()), "{size:?}: {regions:?}");
    }
}

#[test]
fn a_note_never_shrinks_the_side_and_waits_behind_the_question_mark() {
    // Two reps is outside the recommended 5 to 10: a note.
    let noted = Overrides { reps: Some(2), ..default_timing() };
    let (plain, plain_at) = app_at("lower-trunk-rotation", &default_timing(), secs(14));
    let (with_note, note_at) = app_at("lower-trunk-rotation", &noted, secs(14));
    assert_eq!(with_note.session.plan().parts[0].notes.len(), 1);
    for size in sizes() {
        let top = |app: &App, now| layout_of(app, now, size).top.map(|(rect, big)| (rect.height, big));
        assert_eq!(top(&plain, plain_at), top(&with_note, note_at), "{size:?}");
        let text = text_of(&draw(&with_note, note_at, size, Theme::standard()));
        assert!(text.contains("1 note: press ?"), "{size:?}: {text}");
        assert!(!text.contains("outside the recommended"), "{size:?}: the note itself is behind ?");
    }
    let (mut help, at) = app_at("lower-trunk-rotation", &noted, secs(14));
    help.handle(Action::ToggleHelp, at);
    let text = text_of(&draw(&help, at, (80, 100), Theme::standard()));
    assert!(text.contains("2 reps is outside the recommended 5 to 10"), "{text}");
}

#[test]
fn in_a_routine_at_80_columns_the_header_keeps_the_exercise_with_the_notes_marker_made_short() {
    let exercise = || exercise::built_in("lower-trunk-rotation").expect("built in").expect("valid");
    let noted = Overrides { reps: Some(2), ..default_timing() };
    let plan = Plan::routine(vec![(exercise(), noted.clone()), (exercise(), noted)], secs(20));
    let t0 = Instant::now();
    let mut app = App::new(Session::start(plan, t0));
    app.tick(t0 + secs(14));
    let header = text_of(&draw(&app, t0 + secs(14), (80, 24), Theme::standard())).lines().next().unwrap().to_owned();
    assert!(header.starts_with("Lower trunk rotation   1 note: press ?  "), "{header}");
    assert!(header.trim_end().ends_with("LEFT · rep 1 of 2 · exercise 1 of 2"), "{header}");
    let wide = text_of(&draw(&app, t0 + secs(14), (120, 40), Theme::standard()));
    assert!(wide.lines().next().unwrap().contains("1 note: press ? to read"), "in full where it fits: {wide}");
}

#[test]
fn getting_ready_says_get_ready_biggest_and_the_first_side_smaller_than_when_moving() {
    for id in ["lower-trunk-rotation", "knee-to-chest"] {
        let screens = screens(id, &default_timing());
        let (_, ready, ready_at) = &screens[0];
        let (_, holding, holding_at) = &screens[2];
        for size in sizes() {
            let at = format!("{id} at {size:?}");
            let regions = layout_of(ready, *ready_at, size);
            let (_, words) = regions.top.clone().unwrap_or_else(|| panic!("{at}: no words"));
            assert!(words.text == "GET READY" || words.text == "READY", "{at}: {words:?}");
            assert!(words.rows >= rows(regions.digits.as_ref()), "{at}: {regions:?}");
            let first = rows(regions.lower.as_ref());
            assert!(first >= 1, "{at}: the first side is shown");
            assert!(first < words.rows, "{at}: the first side is smaller than GET READY: {regions:?}");
            let moving = rows(layout_of(holding, *holding_at, size).top.as_ref());
            assert!(first < moving, "{at}: smaller than it is when moving ({first} against {moving})");
        }
    }
}

#[test]
fn the_figure_has_its_room_at_80x24_and_grows_with_the_terminal() {
    for (id, _) in exercise::BUILT_IN {
        let (app, now) = app_at(id, &default_timing(), secs(14));
        let figure_at = |size: (u16, u16)| {
            let regions = layout_of(&app, now, size);
            let buffer = draw(&app, now, size, Theme::new(Palette::Dark, true));
            let inked: Vec<(u16, u16)> = regions
                .figure
                .positions()
                .filter(|p| crate::tui::view::figure::is_ink(buffer[*p].symbol()))
                .map(|p| (p.x, p.y))
                .collect();
            let span = |of: fn(&(u16, u16)) -> u16| {
                inked.iter().map(of).max().unwrap_or(0) - inked.iter().map(of).min().unwrap_or(0) + 1
            };
            (span(|p| p.0), span(|p| p.1))
        };
        let (width, height) = figure_at((80, 24));
        assert!(height >= 10 || width >= 40, "{id} at 80x24: the figure is {width}x{height} cells");
        let (larger_width, larger_height) = figure_at((120, 40));
        assert!(
            larger_width > width && larger_height > height,
            "{id}: it grows at 120x40: {width}x{height} to {larger_width}x{larger_height}"
        );
    }
}

#[test]
fn left_and_right_poses_differ_in_shape_not_only_in_colour() {
    for id in ["lower-trunk-rotation", "knee-to-chest"] {
        let screens = screens(id, &default_timing());
        // The blocks of the figure at 80x24 without colour; letters (L, R) do not count.
        let shape = |index: usize| {
            let (_, app, now) = &screens[index];
            let regions = layout_of(app, *now, (80, 24));
            let buffer = draw(app, *now, (80, 24), Theme::new(Palette::Dark, true));
            regions
                .figure
                .positions()
                .map(|p| {
                    Some(buffer[p].symbol()).filter(|s| crate::tui::view::figure::is_ink(s)).unwrap_or(" ").to_owned()
                })
                .collect::<Vec<_>>()
        };
        let (left, right) = (shape(2), shape(3));
        let inked = left.iter().filter(|s| *s != " ").count();
        let differ = left.iter().zip(&right).filter(|(l, r)| l != r).count();
        assert!(
            differ * 3 >= inked,
            "{id}: without colour or letters, the two holds differ in {differ} of {inked} cells: not at a glance"
        );
    }
}

/// The words on the last row of the figure's band on `app`'s screen at `now`: its caption.
fn caption_of(app: &App, now: Instant, size: (u16, u16)) -> String {
    let regions = layout_of(app, now, size);
    let buffer = draw(app, now, size, Theme::standard());
    let below = Rect { y: regions.figure.bottom() - 1, height: 1, ..regions.figure };
    below.positions().map(|p| buffer[p].symbol()).collect::<String>().trim().to_owned()
}

#[test]
fn the_words_under_the_figure_say_where_the_pose_on_screen_is_seen_from() {
    let screens = screens_of_knee();
    let caption = |index: usize, size: (u16, u16)| {
        let (name, app, now) = &screens[index];
        (*name, caption_of(app, *now, size))
    };
    for size in [(80, 24), (120, 40)] {
        assert_eq!(caption(0, size), ("get ready", "seen from your left side, head on the right".to_owned()));
        assert_eq!(caption(2, size), ("hold left", "seen from your left side, head on the right".to_owned()));
        assert_eq!(caption(3, size), ("hold right", "seen from your right side, head on the left".to_owned()));
    }
}

#[test]
fn on_a_narrow_screen_the_words_under_the_figure_lose_their_seen_before_they_are_lost() {
    // The figure's band is 38 to 40 columns wide at some widths from 60 to 70: too narrow for
    // "seen from above: on your back, knees bent" (41) or "seen from your left side, head on the
    // right" (43), wide enough for them without "seen".
    let mut shortened = 0;
    for (id, _) in exercise::BUILT_IN {
        let exercise = exercise::built_in(id).expect("built in").expect("valid");
        let Some(figure) = exercise.figure.as_ref() else { continue };
        for (phase, at) in [("get ready", 1), ("hold", 14)] {
            let (app, now) = app_at(id, &default_timing(), secs(at));
            let view = figure.seen(crate::domain::motion::stance(&app.session, now).expect("a figure").flipped);
            for size in (60..=80).flat_map(|width| [(width, 24), (width, 30)]) {
                let band = layout_of(&app, now, size).figure;
                if band.height <= layout::FIGURE_MIN_ROWS || columns(view) > usize::from(band.width) {
                    continue;
                }
                let seen = format!("seen {view}");
                let caption = caption_of(&app, now, size);
                if columns(&seen) <= usize::from(band.width) {
                    assert_eq!(caption, seen, "{id}, {phase}, at {size:?}");
                } else {
                    assert_eq!(caption, view, "{id}, {phase}, at {size:?}: {} columns", band.width);
                    shortened += 1;
                }
            }
        }
    }
    assert!(shortened > 0, "some band is too narrow for `seen`, or this test tests nothing");
}

#[test]
fn every_figure_says_where_it_is_seen_from_while_getting_ready_and_holding_at_80x24_and_up() {
    // At 80x24 the figure's band is at its minimum while getting ready: the caption takes a row
    // of its own on top of it, not one of the figure's.
    for (id, _) in exercise::BUILT_IN {
        let exercise = exercise::built_in(id).expect("built in").expect("valid");
        let Some(figure) = exercise.figure.as_ref() else { continue };
        for (phase, at) in [("get ready", 1), ("hold", 14)] {
            let (app, now) = app_at(id, &default_timing(), secs(at));
            for size in [(80, 24), (100, 30), (120, 40)] {
                let flipped = crate::domain::motion::stance(&app.session, now).expect("a figure").flipped;
                let seen = format!("seen {}", figure.seen(flipped));
                assert_eq!(caption_of(&app, now, size), seen, "{id}, {phase}, at {size:?}");
                let regions = layout_of(&app, now, size);
                assert!(regions.figure.height > layout::FIGURE_MIN_ROWS, "{id}, {phase}, at {size:?}: {regions:?}");
            }
        }
    }
}

/// The inked quarters of cells (the figure's pixels, two across and two down a cell) of the
/// figure on `app`'s screen at `now`, drawn without colour: the columns and rows they span; how
/// many columns have a blank pixel between ink above and ink below in the lowest third of the
/// figure (daylight under the body, or under a bent knee); and how many in the left half have one
/// higher up (something drawn clear above the lying body).
fn figure_ink(app: &App, now: Instant, size: (u16, u16)) -> (u16, u16, usize, usize) {
    let figure = layout_of(app, now, size).figure;
    let buffer = draw(app, now, size, Theme::new(Palette::Dark, true));
    let (width, height) = (figure.width * 2, figure.height * 2);
    let inked = |x: u16, y: u16| {
        let symbol = buffer[(figure.x + x / 2, figure.y + y / 2)].symbol();
        crate::tui::view::figure::inked_quarters(symbol)[usize::from(y % 2) * 2 + usize::from(x % 2)]
    };
    let pixels: Vec<(u16, u16)> =
        (0..height).flat_map(|y| (0..width).map(move |x| (x, y))).filter(|(x, y)| inked(*x, *y)).collect();
    let min_of = |of: fn(&(u16, u16)) -> u16| pixels.iter().map(of).min().unwrap_or(0);
    let max_of = |of: fn(&(u16, u16)) -> u16| pixels.iter().map(of).max().unwrap_or(0);
    let span = |of: fn(&(u16, u16)) -> u16| max_of(of) - min_of(of) + 1;
    let (left, top, bottom) = (min_of(|p| p.0), min_of(|p| p.1), max_of(|p| p.1));
    let low = bottom - (bottom - top) / 3;
    let middle = left + span(|p| p.0) / 2;
    // For each column: the rows of the blank pixels with ink above and below them.
    let blanks = |x: u16| -> Vec<u16> {
        let ink: Vec<bool> = (0..height).map(|y| inked(x, y)).collect();
        let (Some(first), Some(last)) = (ink.iter().position(|i| *i), ink.iter().rposition(|i| *i)) else {
            return vec![];
        };
        (first..last).filter(|row| !ink[*row]).map(|row| row as u16).collect()
    };
    let gaps = (0..width).filter(|x| blanks(*x).iter().any(|y| *y >= low)).count();
    let above = (0..width).filter(|x| *x < middle && blanks(*x).iter().any(|y| *y < low)).count();
    (span(|p| p.0), span(|p| p.1), gaps, above)
}

#[test]
fn the_pelvic_tilt_at_one_scale_shows_daylight_under_the_low_back_at_the_start_and_an_arrow_on_it_in_the_hold() {
    let (ready, ready_at) = app_at("pelvic-tilt", &default_timing(), secs(1));
    let (hold, hold_at) = app_at("pelvic-tilt", &default_timing(), secs(14));
    let (bridge, bridge_at) = app_at("glute-bridge", &default_timing(), secs(1));
    assert_eq!(ready.session.phase().expect("running").kind, PhaseKind::GetReady);
    assert_eq!(hold.session.phase().expect("running").kind, PhaseKind::Hold);
    for size in [(80, 24), (120, 40)] {
        let (ready_width, _, ready_gaps, ready_above) = figure_ink(&ready, ready_at, size);
        let (hold_width, _, hold_gaps, hold_above) = figure_ink(&hold, hold_at, size);
        let (_, _, _, bridge_above) = figure_ink(&bridge, bridge_at, size);
        // The get-ready screen gives the figure another region: the start pose must not come
        // out smaller than the hold, or the change looks like a change of size.
        assert!(
            ready_width.abs_diff(hold_width) <= 4,
            "{size:?}: the start is {ready_width} half-columns wide, the hold {hold_width}"
        );
        // The arched low back leaves columns of daylight between the body and the mat that the
        // flat back in the hold does not (both have the gap under the bent knee).
        assert!(
            ready_gaps >= hold_gaps + 6,
            "{size:?}: daylight in {ready_gaps} half-columns at the start, {hold_gaps} in the hold"
        );
        // Only the hold has the arrow pressing the low back down, clear above the trunk: so it
        // is not the glute bridge's start (lying with the knees bent), nor its own start.
        assert!(
            hold_above >= 6 && ready_above == 0 && bridge_above == 0,
            "{size:?}: drawn above the trunk: {hold_above} half-columns in the hold, {ready_above} at the \
             start, {bridge_above} at the bridge's start"
        );
    }
}

#[test]
fn the_screen_uses_its_height_on_big_terminals() {
    for (id, _) in exercise::BUILT_IN {
        let (app, now) = app_at(id, &default_timing(), secs(14));
        for size in [(120, 40), (160, 50), (200, 60), (300, 90)] {
            let buffer = draw(&app, now, size, Theme::standard());
            let blank = (0..size.1).filter(|y| (0..size.0).all(|x| buffer[(x, *y)].symbol() == " ")).count();
            // A fifth at most (at 200x60, 18 rows were once blank; a figure lying down, as wide as
            // it can be, now stands at the foot of its band rather than afloat in it).
            let most = usize::from(size.1) / 5;
            assert!(blank <= most, "{id} at {size:?}: {blank} blank rows of {}", size.1);
        }
    }
}

#[test]
fn every_session_screen_meets_wcag_aa_in_every_theme() {
    for (_, app, now) in screens("knee-to-chest", &default_timing()) {
        for palette in [Palette::Dark, Palette::Light, Palette::HighContrast] {
            for size in [(20, 6), (40, 12), (60, 20), (80, 24), (120, 40), (200, 60)] {
                let buffer = draw(&app, now, size, Theme::new(palette, false));
                let failures = contrast::failures(&buffer, Theme::new(palette, false));
                assert!(failures.is_empty(), "{palette:?} at {size:?}: {failures:?}");
            }
        }
    }
}

#[test]
fn the_move_back_says_return_under_the_side() {
    let screens = screens("lower-trunk-rotation", &default_timing());
    let (_, returning, at) = screens.iter().find(|(name, _, _)| *name == "return").expect("a return");
    let regions = layout_of(returning, *at, (80, 24));
    assert_eq!(regions.lower.map(|(_, big)| big.text), Some("RETURN".to_owned()));
    assert_eq!(regions.top.map(|(_, big)| big.text), Some("<< LEFT".to_owned()), "back from the left");
    let text = text_of(&draw(returning, *at, (80, 24), Theme::standard()));
    assert!(text.contains("Bring your knees back to the middle, slowly"), "{text}");
    let (_, holding, hold_at) = &screens[2];
    let near_end = *hold_at + secs(3);
    let text = text_of(&draw(holding, near_end, (80, 24), Theme::standard()));
    assert!(text.contains("Next: back to the start, then RIGHT"), "{text}");
}

#[test]
fn paused_says_paused_and_how_to_go_on_and_keeps_its_seconds() {
    let screens = screens("lower-trunk-rotation", &default_timing());
    let (_, paused, at) = &screens[4];
    assert!(text_of(&draw(paused, *at, (40, 12), Theme::standard())).contains("Space resumes"));
    for size in [(60, 20), (80, 24), (120, 40)] {
        let regions = layout_of(paused, *at + secs(30), size);
        assert_eq!(regions.lower.map(|(_, big)| big.text), Some("PAUSED".to_owned()), "{size:?}");
        let text = text_of(&draw(paused, *at + secs(30), size, Theme::standard()));
        assert!(text.contains("Space resumes"), "{size:?}: {text}");
        assert!(text.contains(" 3 s"), "{size:?}: the countdown stays where it stopped: {text}");
    }
}

#[test]
fn small_terminals_keep_the_side_and_the_seconds_in_words() {
    let (app, now) = app_at("lower-trunk-rotation", &default_timing(), secs(14));
    let text = text_of(&draw(&app, now, (20, 6), Theme::standard()));
    assert!(text.contains("LEFT") && text.contains("HOLD") && text.contains(" 4 "), "{text}");
    assert!(text_of(&draw(&app, now, (50, 16), Theme::standard())).contains("███"));
}

#[test]
fn the_sides_have_their_own_colours() {
    let screens = screens("lower-trunk-rotation", &default_timing());
    let colour = |index: usize| {
        let (_, app, now) = &screens[index];
        let (rect, _) = layout_of(app, *now, (80, 24)).top.expect("a side");
        let buffer = draw(app, *now, (80, 24), Theme::standard());
        rect.positions().find(|p| buffer[*p].symbol() != " ").map(|p| buffer[p].fg)
    };
    assert_eq!(colour(2), Some(Color::Indexed(51)));
    assert_eq!(colour(3), Some(Color::Indexed(220)));
}

#[test]
fn long_holds_count_down_in_minutes() {
    assert_eq!(countdown_text(5), "5");
    assert_eq!(countdown_text(90), "1:30");
    let overrides = Overrides { hold: Some(secs(90)), ..Overrides::timing(10, 90, 0, 0) };
    let (app, now) = app_at("lower-trunk-rotation", &overrides, Duration::ZERO);
    let regions = layout_of(&app, now, (80, 24));
    assert_eq!(regions.digits.map(|(_, big)| big.text), Some("1:30".to_owned()));
}

#[test]
fn a_notice_from_the_shell_is_counted_with_the_notes() {
    let (mut app, now) = app_at("lower-trunk-rotation", &default_timing(), secs(14));
    app.tell("no speech command found".to_owned(), now);
    let text = text_of(&draw(&app, now, (80, 24), Theme::standard()));
    assert!(text.contains("1 note: press ? to read"), "{text}");
    app.handle(Action::ToggleHelp, now);
    assert!(text_of(&draw(&app, now, (80, 100), Theme::standard())).contains("no speech command found"));
}

#[test]
fn a_notice_takes_the_cues_line_for_ten_seconds_or_until_a_key() {
    let (mut app, now) = app_at("lower-trunk-rotation", &default_timing(), secs(14));
    let notice = "Voice: espeak-ng hung; stopped it";
    app.tell(notice.to_owned(), now);
    assert!(text_of(&draw(&app, now, (80, 24), Theme::standard())).contains(notice));
    // Through the phases that come, long enough to be seen from the mat.
    let still = now + secs(9);
    app.tick(still);
    assert!(text_of(&draw(&app, still, (80, 24), Theme::standard())).contains(notice));
    assert!(app.next_wake(still).is_some_and(|at| at <= now + secs(10)), "woken to put the cue back");
    let later = now + secs(10);
    app.tick(later);
    let text = text_of(&draw(&app, later, (80, 24), Theme::standard()));
    assert!(!text.contains(notice) && text.contains("1 note: press ? to read"), "{text}");
    // A key before then says it was seen.
    app.tell("Tones: paplay failed".to_owned(), later);
    app.notice_seen();
    assert!(!text_of(&draw(&app, later, (80, 24), Theme::standard())).contains("paplay failed"));
}

/// A few screens for a person to look at when the layout changes (`cargo insta review`).
#[test]
fn named_screens_for_review() {
    let screens = screens("lower-trunk-rotation", &default_timing());
    let (_, ready, ready_at) = &screens[0];
    let (_, right, right_at) = &screens[3];
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test backend");
    terminal.draw(|frame| render(frame, ready, *ready_at, Theme::standard())).expect("a draw");
    insta::assert_snapshot!("get_ready_80x24", terminal.backend());
    terminal.draw(|frame| render(frame, right, *right_at, Theme::standard())).expect("a draw");
    insta::assert_snapshot!("hold_right_80x24", terminal.backend());
    terminal.draw(|frame| render(frame, right, *right_at, Theme::new(Palette::Dark, true))).expect("a draw");
    insta::assert_snapshot!("hold_right_no_color_80x24", terminal.backend());
    let (_, knee, knee_at) = &screens_of_knee()[2];
    let mut large = Terminal::new(TestBackend::new(120, 40)).expect("a test backend");
    large.draw(|frame| render(frame, knee, *knee_at, Theme::standard())).expect("a draw");
    insta::assert_snapshot!("knee_to_chest_hold_left_120x40", large.backend());
}

fn screens_of_knee() -> Vec<(&'static str, App, Instant)> {
    screens("knee-to-chest", &default_timing())
}

#[test]
fn with_a_programme_getting_ready_says_where_the_session_stands_in_the_day_and_moving_does_not() {
    let (mut app, now) = app_at(exercise::DEFAULT_ID, &default_timing(), secs(1));
    app.today = Some("Today 2 of 4".to_owned());
    let theme = Theme::new(crate::tui::view::Palette::Dark, false);
    let ready = text_of(&draw(&app, now, (80, 24), theme));
    assert!(ready.lines().next().is_some_and(|top| top.contains("Lower trunk rotation · Today 2 of 4")), "{ready}");
    let (mut moving, later) = app_at(exercise::DEFAULT_ID, &default_timing(), secs(11));
    moving.today = app.today.clone();
    assert!(!text_of(&draw(&moving, later, (80, 24), theme)).contains("Today"), "only while getting ready");
    // A day too long for the line with the notes' marker goes, and the exercise's name stays.
    app.today = Some("Not in your programme: Nothing left for today, 4 of 4 done in full".to_owned());
    app.tell("Sound: no tones (on with --bell auto); no voice (on with --voice).".to_owned(), now);
    let top = text_of(&draw(&app, now, (80, 24), theme)).lines().next().unwrap_or_default().to_owned();
    assert!(top.starts_with("Lower trunk rotation   ") && top.contains("note: press ?"), "{top}");
}

#[test]
fn a_long_notice_is_shown_whole_where_a_second_row_fits_and_never_shrinks_the_side() {
    let notice = "Sound: paplay tones (off with --quiet); no voice, sound-check did not hear it (on with --voice).";
    let (plain, now) = app_at("lower-trunk-rotation", &default_timing(), secs(14));
    let (mut told, _) = app_at("lower-trunk-rotation", &default_timing(), secs(14));
    told.tell(notice.to_owned(), now);
    for size in sizes() {
        let top = |app: &App| layout_of(app, now, size).top.map(|(rect, big)| (rect.height, big));
        assert_eq!(top(&plain), top(&told), "{size:?}: the notice changed the side");
        let regions = layout_of(&told, now, size);
        let text = text_of(&draw(&told, now, size, Theme::standard()));
        let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if usize::from(size.0) >= columns(notice) {
            assert!(words.contains(notice), "{size:?}: on one row: {text}");
        } else if regions.cue.height >= 2 {
            assert!(words.contains(notice), "{size:?}: whole on two rows: {text}");
        } else {
            assert!(words.contains("Sound: paplay") && text.contains('…'), "{size:?}: a cut is seen: {text}");
        }
    }
    let at_80 = layout_of(&told, now, (80, 24));
    assert_eq!(at_80.cue.height, 2, "at 80x24 the notice has two rows: {at_80:?}");
    let figure = at_80.figure;
    assert!(figure.height >= layout::FIGURE_MIN_ROWS, "and the figure keeps its room: {figure:?}");
    assert_eq!(at_80.session_bar.height, 0, "the session's bar gives its row while the notice shows");
    assert_eq!(layout_of(&plain, now, (80, 24)).session_bar.height, 1, "and has it otherwise");
    let small = text_of(&draw(&told, now, (40, 12), Theme::standard()));
    assert!(small.contains("Sound: paplay") && small.contains('…'), "too small for it all, a cut is seen: {small}");
}

#[test]
fn at_every_size_from_60x20_to_300x90_the_side_is_biggest_fits_and_both_sides_share_a_font() {
    // The layout alone, at every width and height (the drawn ink is checked on the grid above).
    for id in ["lower-trunk-rotation", "knee-to-chest"] {
        let screens = screens(id, &default_timing());
        let holds: Vec<&(&str, App, Instant)> =
            screens.iter().filter(|(name, _, _)| name.starts_with("hold")).collect();
        for width in 60..=300 {
            for height in 20..=90 {
                let tops: Vec<Big> = holds
                    .iter()
                    .map(|(name, app, now)| {
                        let regions = layout_of(app, *now, (width, height));
                        let at = || format!("{id} {name} at {width}x{height}: {regions:?}");
                        let (rect, big) = regions.top.clone().unwrap_or_else(|| panic!("{}", at()));
                        assert!(big.rows >= 8 && big.rows <= rect.height, "{}", at());
                        assert!(big.rows >= rows(regions.digits.as_ref()), "{}", at());
                        assert!(big.rows > rows(regions.digits.as_ref()) || big.rows == 8, "{}", at());
                        assert!(big.rows >= rows(regions.lower.as_ref()), "{}", at());
                        assert!(big.width + 2 <= width, "a column lost: {}", at());
                        big
                    })
                    .collect();
                assert_eq!(tops[0].font, tops[1].font, "{id} at {width}x{height}: LEFT and RIGHT in one font");
                assert_eq!(tops[0].rows, tops[1].rows, "{id} at {width}x{height}");
                let means = &holds[0].1.session.plan().parts[0].exercise.side_means;
                let form = |side: Side, big: &Big| means.shout(side).iter().position(|f| *f == big.text);
                assert_eq!(
                    form(Side::Left, &tops[0]),
                    form(Side::Right, &tops[1]),
                    "{id} at {width}x{height}: one form: {tops:?}"
                );
                assert!(form(Side::Left, &tops[0]).is_some(), "{id} at {width}x{height}: {tops:?}");
            }
        }
    }
}
