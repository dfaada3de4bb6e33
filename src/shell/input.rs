//! Everything that can wake the shell, as one channel: key presses, resizes and signals.
//!
//! Each source is a thread blocked in a read, so waiting costs nothing; the loop waits on the
//! channel with a deadline instead of polling.

use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use ratatui::crossterm::event::{self, Event, KeyEvent};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Something that happened outside the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    /// The terminal changed size.
    Resize,
    /// Ctrl-C from outside raw mode, or `kill`: stop with the summary.
    Interrupt,
    Terminate,
    /// The terminal went away.
    HangUp,
    /// The process was continued after being stopped from outside.
    Continue,
    /// The terminal's input ended or failed.
    Closed,
}

/// Starts the signal thread and, for the interactive session, the key thread.
pub fn spawn(keys: bool) -> io::Result<Receiver<Input>> {
    let (sender, receiver) = mpsc::channel();
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGCONT])?;
    let signal_sender = sender.clone();
    thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            let input = match signal {
                SIGINT => Input::Interrupt,
                SIGTERM => Input::Terminate,
                SIGHUP => Input::HangUp,
                _ => Input::Continue,
            };
            if signal_sender.send(input).is_err() {
                break;
            }
        }
    })?;
    if keys {
        thread::Builder::new().name("keys".into()).spawn(move || read_keys(&sender))?;
    }
    Ok(receiver)
}

fn read_keys(sender: &Sender<Input>) {
    loop {
        let input = match event::read() {
            Ok(Event::Key(key)) => Input::Key(key),
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
