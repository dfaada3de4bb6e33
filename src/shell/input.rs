//! Everything that can wake the shell, as one channel: key presses, resizes, signals, and in
//! plain mode's check-in, lines typed.
//!
//! Each source is a thread blocked in a read, so waiting costs nothing; the loop waits on the
//! channel with a deadline instead of polling.

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use signal_hook::consts::{
    SIGALRM, SIGCHLD, SIGCONT, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};
use signal_hook::iterator::Signals;

/// Every catchable signal whose default would end the process: each stops the session, keeps
/// its record, and gives the terminal back, and the exit status is 128 plus its number. SIGPIPE
/// only comes from `kill`: Rust ignores it, so a closed pipe is an error on the write instead.
pub const TERMINATING: [i32; 8] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE];

/// Something that happened outside the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    /// The terminal changed size.
    Resize,
    /// A terminating signal (one of [`TERMINATING`]), by its number.
    Signal(i32),
    /// A stop from outside (SIGTSTP): give the terminal back first, then stop.
    Suspend,
    /// The process was continued after being stopped.
    Continue,
    /// The terminal's input ended or failed.
    Closed,
    /// A line typed on standard input (plain mode's check-in), without its newline; `None`
    /// when standard input has ended.
    Line(Option<String>),
    /// A child process (the speech command, a player) ended: time to look at it.
    Child,
}

/// A source of inputs that can be waited on until a deadline: the channel, or a script in tests.
pub trait Inputs {
    /// The next input, waiting at most until `deadline` (for ever without one); `None` when the
    /// deadline came first.
    fn next(&mut self, deadline: Option<Instant>) -> Option<Input>;

    /// An input that has already come, without waiting: the loop takes every one waiting before
    /// it draws again, so that under a flood of input (a paste, a terminal's garbage) `q` and
    /// Space still act at once.
    fn more(&mut self) -> Option<Input> {
        None
    }
}

impl Inputs for Receiver<Input> {
    fn next(&mut self, deadline: Option<Instant>) -> Option<Input> {
        let received = match deadline {
            Some(deadline) => self.recv_timeout(deadline.saturating_duration_since(Instant::now())),
            None => self.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Input::Closed),
        }
    }

    fn more(&mut self) -> Option<Input> {
        self.try_recv().ok()
    }
}

/// Starts reading standard input a line at a time, each line an [`Input::Line`] on the
/// channel: for plain mode's check-in, once there is a question to answer (a read from the
/// background would stop the process).
#[derive(Debug, Clone)]
pub struct LineReader {
    sender: Option<Sender<Input>>,
}

impl LineReader {
    /// Starts the thread (the first time only) when questions are about to be asked. What was
    /// typed before them, every time (a key pressed during the session, which plain mode does
    /// not read), is dropped first: it would otherwise be taken, unseen, as the first answer, a
    /// pain the user never gave.
    pub fn start(&mut self) {
        discard_typed_ahead();
        let Some(sender) = self.sender.take() else { return };
        let failed = sender.clone();
        let spawned = thread::Builder::new().name("lines".into()).spawn(move || {
            let stdin = io::stdin();
            loop {
                let mut line = String::new();
                let input = match stdin.read_line(&mut line) {
                    Ok(0) | Err(_) => Input::Line(None),
                    Ok(_) => Input::Line(Some(line.trim_end_matches(['\n', '\r']).to_owned())),
                };
                let ended = input == Input::Line(None);
                if sender.send(input).is_err() || ended {
                    return;
                }
            }
        });
        // Without the thread nothing can be answered: say so as the end of the input.
        if spawned.is_err() {
            let _ = failed.send(Input::Line(None));
        }
    }
}

/// Drops what the terminal holds typed but not yet read. Nothing to do when standard input is
/// not a terminal: a pipe's lines were written to be read.
fn discard_typed_ahead() {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        let _ = rustix::termios::tcflush(&stdin, rustix::termios::QueueSelector::IFlush);
    }
}

/// The one channel of inputs: the signals, heard from the moment it is made, and the keys or
/// lines that a front end starts reading later.
#[derive(Debug)]
pub struct Listening {
    /// Where every input arrives.
    pub inputs: Receiver<Input>,
    sender: Sender<Input>,
}

/// Starts the signal thread: from now on a terminating signal, a stop or a continue is an
/// input, not the end of the process. Called before anything is written to the terminal or
/// asked of it, so that a signal during the terminal's query about its background, or while the
/// screen is set up, still ends the session with the terminal restored and the exit status the
/// shell expects.
pub fn listen() -> io::Result<Listening> {
    let (sender, inputs) = mpsc::channel();
    let mut signals = Signals::new(TERMINATING.iter().chain(&[SIGTSTP, SIGCONT, SIGCHLD]))?;
    let signal_sender = sender.clone();
    thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            let input = match signal {
                SIGTSTP => {
                    away();
                    Input::Suspend
                }
                SIGCONT => Input::Continue,
                SIGCHLD => Input::Child,
                _ => Input::Signal(signal),
            };
            // Once the loop is gone, the signals go nowhere, but their handlers stay until the
            // process exits: dropping them while signals still come (a helper program's end,
            // SIGCHLD) livelocks signal-hook, whose handler then writes to its closed pipe and
            // raises SIGPIPE, handled in turn (seen in a session's last moments, in a test).
            let _ = signal_sender.send(input);
        }
    })?;
    Ok(Listening { inputs, sender })
}

impl Listening {
    /// Starts the key thread, for the interactive session: once the terminal's answers to
    /// queries are read, so that none is read as keys.
    pub fn keys(&self) -> io::Result<()> {
        let sender = self.sender.clone();
        thread::Builder::new().name("keys".into()).spawn(move || read_keys(&sender))?;
        Ok(())
    }

    /// A reader of lines on standard input, not started: for plain mode's check-in.
    pub fn lines(&self) -> LineReader {
        LineReader { sender: Some(self.sender.clone()) }
    }
}

/// Whether the terminal has been given back to the shell (Ctrl-Z, or a stop from outside) and
/// not yet taken again. Meanwhile the key thread does not read: a read from the background
/// stops the whole process (SIGTTIN), and the shell's job table can miss the `fg` that
/// continued it, leaving it stopped.
static AWAY: AtomicBool = AtomicBool::new(false);

/// How often the key thread looks whether the terminal is back.
const AWAY_POLL: Duration = Duration::from_millis(50);

/// Marks the terminal as given back: the key thread stops reading it.
pub fn away() {
    AWAY.store(true, Ordering::SeqCst);
}

/// Marks the terminal as taken again: the key thread reads it again.
pub fn back() {
    AWAY.store(false, Ordering::SeqCst);
}

fn read_keys(sender: &Sender<Input>) {
    let mut replies = Replies::default();
    loop {
        while AWAY.load(Ordering::SeqCst) {
            thread::sleep(AWAY_POLL);
        }
        let input = match event::read() {
            Ok(Event::Key(key)) if replies.swallows(key) => continue,
            Ok(Event::Key(key)) => {
                if is_suspend(key) {
                    // Before the next read: the process is about to be stopped.
                    away();
                }
                Input::Key(key)
            }
            Ok(Event::Resize(..)) => Input::Resize,
            Ok(_) => continue,
            Err(_) => {
                let _ = sender.send(Input::Closed);
                return;
            }
        };
        if sender.send(input).is_err() {
            return;
        }
    }
}

/// A terminal's answer to a query (`ESC ] 11 ; rgb:… BEL`) that comes after the query gave up
/// waiting for it, e.g. over a slow remote link. Read as keys, its `b` would mean Back: it
/// arrives as Alt-] and ends at BEL (Ctrl-G) or ST (Alt-\), and every key between is dropped.
#[derive(Debug, Default)]
struct Replies {
    /// Keys dropped from the answer being read, if one is.
    inside: Option<usize>,
}

/// No answer is longer than this; a lost terminator must not eat the user's keys for ever.
const MAX_REPLY_KEYS: usize = 64;

impl Replies {
    /// Whether `key` is part of a terminal's answer rather than a key the user pressed.
    fn swallows(&mut self, key: KeyEvent) -> bool {
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self.inside {
            None if alt && key.code == KeyCode::Char(']') => {
                self.inside = Some(0);
                true
            }
            None => false,
            Some(_) if (ctrl && key.code == KeyCode::Char('g')) || (alt && key.code == KeyCode::Char('\\')) => {
                self.inside = None;
                true
            }
            Some(count) if count >= MAX_REPLY_KEYS => {
                self.inside = None;
                false
            }
            Some(count) => {
                self.inside = Some(count + 1);
                true
            }
        }
    }
}

/// Ctrl-Z, which the interactive loop answers by stopping the process.
fn is_suspend(key: KeyEvent) -> bool {
    key.kind == KeyEventKind::Press && key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('z')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(text: &str) -> Vec<KeyEvent> {
        text.chars().map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).collect()
    }

    #[test]
    fn a_late_background_answer_is_not_read_as_keys() {
        let mut replies = Replies::default();
        let mut typed = vec![KeyEvent::new(KeyCode::Char(']'), KeyModifiers::ALT)];
        typed.extend(keys_of("11;rgb:ffff/ffff/ffff"));
        typed.push(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL));
        typed.extend(keys_of("b "));
        let passed: Vec<KeyEvent> = typed.into_iter().filter(|key| !replies.swallows(*key)).collect();
        assert_eq!(passed, keys_of("b "), "only the keys typed after the answer");
    }

    #[test]
    fn an_answer_ended_by_st_or_never_ended_gives_the_keys_back() {
        let mut replies = Replies::default();
        assert!(replies.swallows(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::ALT)));
        assert!(replies.swallows(KeyEvent::new(KeyCode::Char('\\'), KeyModifiers::ALT)));
        assert!(!replies.swallows(keys_of("q")[0]), "the answer ended at ST");
        assert!(replies.swallows(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::ALT)));
        let dropped = keys_of(&"f".repeat(MAX_REPLY_KEYS + 1)).into_iter().filter(|key| replies.swallows(*key)).count();
        assert_eq!(dropped, MAX_REPLY_KEYS, "an answer without its end stops eating keys");
    }

    #[test]
    fn the_channel_times_out_at_the_deadline_and_a_closed_one_is_closed_input() {
        let (sender, mut receiver) = mpsc::channel();
        assert_eq!(receiver.next(Some(Instant::now() + Duration::from_millis(5))), None);
        sender.send(Input::Resize).expect("an open channel");
        assert_eq!(receiver.next(None), Some(Input::Resize));
        drop(sender);
        assert_eq!(receiver.next(None), Some(Input::Closed));
        assert_eq!(receiver.next(Some(Instant::now())), Some(Input::Closed));
    }
}
