//! The whole interactive app on a `TestBackend`: the real loop, keys, signals and time passing
//! together, with a scripted clock and no pseudo-terminal. Each script ends the run; the last
//! frame drawn stays in the backend's buffer to be read.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell as BufferCell;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Size};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use trunkrot::domain::checkin::Why;
use trunkrot::domain::checkin::{Checkin, Hurt, Pain};
use trunkrot::domain::cues::{Channel, Cue, Pattern};
use trunkrot::domain::exercise;
use trunkrot::domain::plan::{Overrides, Plan};
use trunkrot::domain::session::Session;
use trunkrot::domain::summary::Summary;
use trunkrot::failure::Failure;
use trunkrot::history::{self, Amendment, End, Entry, Record, Started};
use trunkrot::shell::announce::Announcer;
use trunkrot::shell::input::{Input, Inputs};
use trunkrot::shell::runner::{self, Clock, Ending, Keeping, Runner, Store};
use trunkrot::tui::app::App;
use trunkrot::tui::event_loop::{Console, Screen};
use trunkrot::tui::view::Theme;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// A clock that only moves when the script says time has passed.
#[derive(Clone)]
struct Scripted(Rc<Cell<Instant>>);

impl Clock for Scripted {
    fn now(&self) -> Instant {
        self.0.get()
    }
}

/// Inputs at set times after the start; waiting past a deadline moves the clock to it. When
/// the script is used up and nothing is due, the terminal closes.
struct Script {
    clock: Rc<Cell<Instant>>,
    t0: Instant,
    inputs: VecDeque<(Duration, Input)>,
}

impl Inputs for Script {
    fn next(&mut self, deadline: Option<Instant>) -> Option<Input> {
        let now = self.clock.get();
        if let Some(&(at, _)) = self.inputs.front()
            && deadline.is_none_or(|d| self.t0 + at <= d)
        {
            let (_, input) = self.inputs.pop_front()?;
            self.clock.set(now.max(self.t0 + at));
            Some(input)
        } else if let Some(deadline) = deadline {
            self.clock.set(now.max(deadline));
            None
        } else {
            Some(Input::Closed)
        }
    }
}

#[derive(Default)]
struct Calls {
    rings: usize,
    suspends: usize,
    resumes: usize,
}

struct FakeConsole(Rc<RefCell<Calls>>);

impl Console for FakeConsole {
    fn ring(&mut self) -> std::io::Result<()> {
        self.0.borrow_mut().rings += 1;
        Ok(())
    }
    fn suspend(&mut self) -> std::io::Result<bool> {
        self.0.borrow_mut().suspends += 1;
        Ok(true)
    }
    fn resume(&mut self) -> std::io::Result<bool> {
        self.0.borrow_mut().resumes += 1;
        Ok(true)
    }
}

/// The history in memory: every line the runner wrote, in order.
#[derive(Clone, Default)]
struct Memory(Rc<RefCell<Vec<String>>>);

impl Store for Memory {
    fn append(&mut self, lines: &[String]) -> Result<(), Failure> {
        self.0.borrow_mut().extend(lines.iter().cloned());
        Ok(())
    }
}

/// What was written: the sessions (answers applied) and the amendments, in order.
#[derive(Debug, Default)]
struct Kept {
    ended: Vec<Record>,
    answers: Vec<Checkin>,
}

impl Kept {
    fn of(lines: &[String]) -> Kept {
        let history = history::read(lines.join("\n").as_bytes());
        assert_eq!(history.skipped, vec![], "every line whole");
        let answers = lines
            .iter()
            .filter_map(|line| match history::parse_entry(line.as_bytes()) {
                Ok(Entry::Amendment(Amendment { checkin, .. })) => Some(checkin),
                _ => None,
            })
            .collect();
        Kept { ended: history.records, answers }
    }
}

/// A run's results: how it ended, what was kept, what the session did, the console's calls,
/// the last frame, the app.
struct Run<B: Backend> {
    ending: Ending,
    kept: Kept,
    summary: Summary,
    /// The advice as the lines after exit print it: the kept session's.
    advice: Vec<String>,
    calls: Calls,
    terminal: Terminal<B>,
    app: App,
}

/// One rep a side: get ready 3 s, then per side a 3 s move, a 5 s hold and the exercise's 3 s
/// move back to the middle: 25 s in all.
fn plan() -> Plan {
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    let overrides = Overrides {
        reps: Some(1),
        hold: Some(secs(5)),
        get_ready: Some(secs(3)),
        transition: Some(secs(3)),
        ..Overrides::default()
    };
    Plan::new(exercise, &overrides)
}

fn run_on<B: Backend>(backend: B, script: Vec<(Duration, Input)>) -> Run<B> {
    let t0 = Instant::now();
    let time = Rc::new(Cell::new(t0));
    let calls = Rc::new(RefCell::new(Calls::default()));
    let mut terminal = Terminal::new(backend).expect("a terminal");
    let memory = Memory::default();
    let mut app = App::new(Session::start(plan(), t0));
    let zoned: jiff::ZonedDateTime = "2026-06-01T08:00:00+02:00[+02:00]".parse().expect("a time");
    let keeping = Keeping {
        store: Box::new(memory.clone()),
        id: "test".to_owned(),
        started: Started::from_zoned(&zoned),
        past: Vec::new(),
        item: None,
        allowed: None,
        day: None,
        stop: None,
    };
    let runner = Runner::new(Announcer::new(Channel::Bell, None, None, Duration::ZERO), keeping);
    let mut screen = Screen {
        terminal: &mut terminal,
        console: FakeConsole(Rc::clone(&calls)),
        app: &mut app,
        theme: Theme::standard(),
    };
    let clock = Scripted(Rc::clone(&time));
    let mut inputs = Script { clock: Rc::clone(&time), t0, inputs: script.into() };
    let (ended, ending) = runner::run(runner, &mut screen, &clock, &mut inputs);
    let summary = ended.summary().clone();
    let advice = ended.advice().iter().map(ToString::to_string).collect();
    drop((ended, screen));
    let calls = Rc::try_unwrap(calls).ok().expect("one owner").into_inner();
    let kept = Kept::of(&memory.0.borrow());
    Run { ending, kept, summary, advice, calls, terminal, app }
}

fn run(script: Vec<(Duration, Input)>) -> Run<TestBackend> {
    run_on(TestBackend::new(80, 24), script)
}

fn key(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn ctrl(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn code(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn enter() -> Input {
    Input::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn at(s: u64, input: Input) -> (Duration, Input) {
    (secs(s), input)
}

fn millis(ms: u64, input: Input) -> (Duration, Input) {
    (Duration::from_millis(ms), input)
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
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

#[test]
fn a_whole_session_runs_to_the_done_screen_and_is_kept_as_it_ends() {
    // Enter skips each of the five questions, then leaves.
    let run = run((40..46).map(|s| at(s, enter())).collect());
    assert_eq!(run.ending, Ending::Left);
    assert_eq!(run.kept.ended.len(), 1, "kept once");
    let record = &run.kept.ended[0];
    assert!(record.completed() && record.end == End::Reached);
    assert_eq!(record.elapsed, secs(25), "kept as of the end, not as of leaving");
    assert!(run.calls.rings > 0, "the bells rang");
    assert!(screen(&run.terminal).contains("Session complete"), "{}", screen(&run.terminal));
    assert_eq!(run.kept.answers, [], "every question skipped");
}

#[test]
fn every_pattern_rings_whole_on_the_screen_too() {
    let run = run((40..46).map(|s| at(s, enter())).collect());
    // Get ready counts 2 and 1; go; hold and its 3, 2, 1; release (the move back); switch sides;
    // hold and 3, 2, 1; release; done.
    let cues = [Cue::Count, Cue::Count, Cue::Go, Cue::Hold, Cue::Count, Cue::Count, Cue::Count, Cue::Release]
        .into_iter()
        .chain([Cue::SwitchSides, Cue::Hold, Cue::Count, Cue::Count, Cue::Count, Cue::Release, Cue::Done]);
    let bells: usize = cues.map(|cue| Pattern::of(cue).bells.len()).sum();
    assert_eq!(run.calls.rings, bells, "each bell of each pattern at its own moment");
}

#[test]
fn space_pauses_and_the_time_stands_still() {
    let early = run(vec![millis(4200, key(' ')), at(60, Input::Closed)]);
    let text = screen(&early.terminal);
    assert!(text.contains("PAUSED"), "{text}");
    assert_eq!(shown_secs(&text), Some(2), "paused 1.2 s into the 3 s move, a minute ago: {text}");
    assert!(matches!(early.ending, Ending::Lost(_)));
    assert_eq!(early.kept.ended.len(), 1, "stopped in the first move: kept, with no hold done");
    assert_eq!((early.kept.ended[0].done(), early.kept.ended[0].end), (0, End::Stopped(Some(Why::Lost))));
    assert_eq!(early.summary.active, Duration::from_millis(4200), "the pause is not active time");
    // Paused in the right side's hold, a minute, then the terminal goes: kept, stopped early.
    let later = run(vec![millis(15_500, key(' ')), at(80, Input::Closed)]);
    assert_eq!(later.kept.ended.len(), 1, "a lost terminal still keeps the session");
    assert_eq!(later.kept.ended[0].end, End::Stopped(Some(Why::Lost)));
    assert_eq!(later.kept.ended[0].active, secs(15), "the pause is not active time (whole seconds)");
}

#[test]
fn skip_moves_on_and_back_comes_back() {
    // 4 s: moving left; s skips to holding left; s again to moving right; b at once returns.
    let forward = run(vec![at(4, key('s')), millis(4500, Input::Closed)]);
    let text = screen(&forward.terminal);
    assert!(text.contains("Hold. Keep both shoulders on the mat."), "{text}");
    assert_eq!(shown_secs(&text), Some(5), "{text}");
    let back = run(vec![at(4, key('s')), at(5, key('s')), millis(5200, key('b')), millis(5400, Input::Closed)]);
    let text = screen(&back.terminal);
    assert!(
        text.contains("Hold. Keep both shoulders on the mat."),
        "back within a phase's first seconds goes to the one before: {text}"
    );
}

#[test]
fn help_opens_paused_and_closes_where_it_was() {
    let open = run(vec![at(1, key('?')), at(30, Input::Closed)]);
    let text = screen(&open.terminal);
    assert!(text.contains("Instructions (paused)"), "{text}");
    let closed = run(vec![at(1, key('?')), at(30, key('?')), millis(30_500, Input::Closed)]);
    let text = screen(&closed.terminal);
    assert!(!text.contains("Instructions (paused)"), "{text}");
    assert_eq!(shown_secs(&text), Some(2), "1.5 s of the get-ready left: {text}");
}

#[test]
fn the_help_scrolls_within_the_text_the_screen_shows() {
    let end = run(vec![at(1, key('?')), millis(1100, code(KeyCode::End)), at(2, Input::Closed)]);
    let text = screen(&end.terminal);
    assert!(text.contains("higher note)"), "End shows the last line, the done sound's: {text}");
    // The loop hands the app the help's length as drawn, so one line up from the end moves at
    // once instead of first climbing back from past the end.
    let up =
        vec![at(1, key('?')), millis(1100, code(KeyCode::End)), millis(1200, code(KeyCode::Up)), at(2, Input::Closed)];
    let text = screen(&run(up).terminal);
    assert!(!text.contains("higher note)"), "one line up from the end: {text}");
    assert!(text.contains("next exercise"), "still near the end: {text}");
}

/// The countdown's seconds, from the small line under the big digits (e.g. `2 s`), which may
/// have the figure beside it.
fn shown_secs(screen: &str) -> Option<u64> {
    screen.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words.windows(2).find_map(|pair| if pair[1] == "s" { pair[0].parse().ok() } else { None })
    })
}

#[test]
fn q_asks_q_again_stops_keeps_the_session_and_asks_why_then_the_pain() {
    // One q and another key: the session goes on to its end.
    let on = run(vec![at(12, key('q')), millis(12_500, key('x')), at(30, Input::Closed)]);
    assert_eq!(on.kept.ended[0].end, End::Reached, "{}", screen(&on.terminal));
    // q, q: stopped; why (1, pain), then the pain (7); then q leaves.
    let script = [key('q'), key('q'), key('1'), enter(), key('7'), enter(), key('q')];
    let run = run(script.into_iter().enumerate().map(|(n, input)| millis(12_000 + 100 * n as u64, input)).collect());
    assert_eq!(run.ending, Ending::Left);
    assert_eq!(run.kept.ended.len(), 1);
    let record = &run.kept.ended[0];
    assert_eq!(record.end, End::Stopped(Some(Why::Pain)));
    assert_eq!(record.checkin.pain, Pain::new(7));
    assert_eq!(record.exercises[0].sides[0].done, 1, "the left hold ran to its end at 11 s");
    assert!(record.elapsed < secs(13), "kept as of the stop, not as of the answers");
}

#[test]
fn esc_never_ends_the_session() {
    let run = run(vec![at(5, Input::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))), at(30, Input::Closed)]);
    assert_eq!(run.kept.ended.len(), 1);
    assert_eq!(run.kept.ended[0].end, End::Reached, "the session ran to its end");
}

#[test]
fn ctrl_c_and_signals_end_with_their_signal() {
    let ctrl_c = run(vec![at(12, ctrl('c'))]);
    assert_eq!(ctrl_c.ending, Ending::Signal(SIGINT));
    assert_eq!(ctrl_c.kept.ended[0].end, End::Stopped(Some(Why::Signal)), "kept as stopped early, by a signal");
    let term = run(vec![at(12, Input::Signal(SIGTERM))]);
    assert_eq!(term.ending, Ending::Signal(SIGTERM));
    assert_eq!(term.kept.ended.len(), 1);
    let hup = run(vec![at(12, Input::Signal(SIGHUP))]);
    assert_eq!(hup.ending, Ending::Signal(SIGHUP));
    assert_eq!(hup.kept.ended.len(), 1, "a hang-up keeps the session too");
    assert_eq!(hup.kept.ended[0].end, End::Stopped(Some(Why::Lost)), "a hang-up is the terminal closed");
    assert_eq!(term.kept.ended[0].end, End::Stopped(Some(Why::Signal)));
    assert!(!screen(&hup.terminal).contains("STOP"), "nothing is drawn for a hang-up:\n{}", screen(&hup.terminal));
}

#[test]
fn the_checkin_answers_are_kept_as_they_are_given() {
    let script = vec![
        at(30, key('3')),
        millis(30_500, enter()),
        at(31, key('2')),
        millis(31_500, enter()),
        millis(31_700, enter()),
        at(32, key('3')),
        at(33, Input::Signal(SIGHUP)),
    ];
    let run = run(script);
    assert_eq!(run.kept.ended.len(), 1);
    let pain = Checkin { pain: Pain::new(3), ..Checkin::default() };
    let side = Checkin { hurt: Some(Hurt::Right), ..pain.clone() };
    assert_eq!(run.kept.answers, [pain, side.clone()], "each answer as it is confirmed; the 3 typed last was not");
    assert_eq!(run.kept.ended[0].checkin, side);
    assert!(screen(&run.terminal).contains("How hard did it feel?"), "{}", screen(&run.terminal));
}

#[test]
fn suspend_pauses_then_takes_the_terminal_back() {
    let run = run(vec![millis(4200, ctrl('z')), at(100, Input::Continue), at(101, Input::Closed)]);
    assert_eq!((run.calls.suspends, run.calls.resumes), (1, 1));
    let text = screen(&run.terminal);
    assert!(text.contains("PAUSED"), "back paused: {text}");
    assert_eq!(shown_secs(&text), Some(2), "{text}");
    let outside = run_on(TestBackend::new(80, 24), vec![at(4, Input::Suspend), at(5, Input::Closed)]);
    assert_eq!(outside.calls.suspends, 1, "a stop from outside gives the terminal back too");
}

#[test]
fn the_session_time_left_is_never_behind_the_countdown() {
    // 300 ms before the end of the last phase, the move back: both say 1 s.
    let run = run(vec![millis(24_700, Input::Closed)]);
    let text = screen(&run.terminal);
    assert!(text.contains(" 1 s left"), "{text}");
    assert_eq!(shown_secs(&text), Some(1), "{text}");
}

/// A backend that fails or panics once it has drawn `healthy` frames.
struct Failing {
    inner: TestBackend,
    healthy: usize,
    panics: bool,
}

impl Backend for Failing {
    type Error = std::io::Error;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a BufferCell)>>(&mut self, content: I) -> std::io::Result<()> {
        if self.healthy == 0 {
            assert!(!self.panics, "a bug in drawing");
            return Err(std::io::Error::from_raw_os_error(5));
        }
        self.healthy -= 1;
        self.inner.draw(content).map_err(std::io::Error::other)
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> std::io::Result<()> {
        Ok(())
    }
    fn clear(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn clear_region(&mut self, _: ClearType) -> std::io::Result<()> {
        Ok(())
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(Size::new(80, 24))
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: Size::new(80, 24), pixels: Size::new(0, 0) })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_terminal_that_fails_or_a_panic_while_drawing_still_keeps_the_session() {
    for panics in [false, true] {
        // Enough frames (the moves draw the figure 12.5 times a second) for the first hold to end, then the terminal fails.
        let backend = Failing { inner: TestBackend::new(80, 24), healthy: 60, panics };
        let run = run_on(backend, Vec::new());
        assert!(matches!(run.ending, Ending::Lost(_)), "{:?}", run.ending);
        assert_eq!(run.kept.ended.len(), 1, "panics: {panics}");
        assert!(!run.app.session.plan().phases.is_empty());
    }
}

/// The words of `text`, as one line: what is wrapped on screen reads whole again.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_done_screen_shows_the_advice_printed_after_exit_as_soon_as_the_pain_is_given() {
    // 1, 0, Enter: pain 10, then Esc closes the check-in.
    let esc = Input::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    let asked = run(vec![at(30, key('1')), millis(30_100, key('0')), millis(30_200, enter()), at(31, Input::Closed)]);
    assert_eq!(asked.kept.ended[0].checkin.pain, Pain::new(10));
    assert!(
        asked.advice.iter().any(|advice| advice.starts_with("Ease off: pain 10 out of 10 is high.")),
        "{:?}",
        asked.advice
    );
    let shown = words(&screen(&asked.terminal));
    for advice in &asked.advice {
        assert!(shown.contains(&words(advice)), "on the check-in at once: {advice}\n{}", screen(&asked.terminal));
    }
    let done = run(vec![
        at(30, key('1')),
        millis(30_100, key('0')),
        millis(30_200, enter()),
        at(31, esc),
        at(32, Input::Closed),
    ]);
    let shown = words(&screen(&done.terminal));
    assert!(!done.advice.is_empty());
    for advice in &done.advice {
        assert!(shown.contains(&words(advice)), "on the done screen: {advice}\n{}", screen(&done.terminal));
    }
}
