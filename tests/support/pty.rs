//! The real binary in a pseudo-terminal, with its screen kept by a vt100 parser: shared by the
//! end-to-end tests and the process benchmark. Every wait here is for what the screen or the
//! process shows, with a time-out only as a last guard.

// Each crate that includes this uses only part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::home::{Home, UNSET};

/// The device attributes query, which every real terminal answers at once, and this one's
/// answer (a VT220-class terminal). trunkrot's `auto` theme sends it after its background query
/// and stops waiting when it is answered, as it is in any real terminal.
pub const ATTRIBUTES_QUERY: &[u8] = b"\x1b[c";
pub const ATTRIBUTES_ANSWER: &[u8] = b"\x1b[?62;22c";

/// A last guard for every wait on the screen or the process: far longer than anything takes on
/// a loaded machine, so only a real failure reaches it; a passing test never waits this long.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(20);

/// The terminal a test runs the program in: its size, the variables it sets, and what it answers
/// to the queries the program writes.
pub struct Terminal {
    pub cols: u16,
    pub rows: u16,
    /// Variables beyond the home's, e.g. `COLORFGBG`.
    pub env: Vec<(&'static str, &'static str)>,
    /// Each query (as the program writes it) with the terminal's answer, sent the first time the
    /// query is seen. By default only the device attributes are answered, as every terminal does.
    pub answers: Vec<(&'static [u8], &'static [u8])>,
}

impl Default for Terminal {
    fn default() -> Terminal {
        Terminal { cols: 80, rows: 24, env: Vec::new(), answers: vec![(ATTRIBUTES_QUERY, ATTRIBUTES_ANSWER)] }
    }
}

/// A running `trunkrot` (or a shell) in a pseudo-terminal, in a fresh [`Home`] of its own.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Both `None` once the terminal is closed.
    master: Option<Box<dyn MasterPty + Send>>,
    /// Shared with the reader thread, which answers the terminal queries a real one would.
    writer: Arc<Mutex<Option<Box<dyn Write + Send>>>>,
    child: Box<dyn Child + Send + Sync>,
    /// When the spawn began, and when the screen first showed anything.
    spawned_at: Instant,
    first_content_at: Arc<OnceLock<Instant>>,
    /// Tells the reader thread to drop its end of the terminal after its next read.
    closing: Arc<AtomicBool>,
    /// The queries the program has written, of those the terminal answers.
    asked: Arc<Mutex<Vec<&'static [u8]>>>,
    home: Home,
}

impl Pty {
    /// Starts the binary with `args` in a fresh 80x24 terminal.
    pub fn spawn(args: &[&str]) -> Pty {
        Pty::spawn_in(args, &Terminal::default())
    }

    /// Starts the binary with `args` in a fresh terminal of `cols` x `rows`.
    pub fn spawn_sized(args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_in(args, &Terminal { cols, rows, ..Terminal::default() })
    }

    /// Starts the binary with `args` in `terminal`.
    pub fn spawn_in(args: &[&str], terminal: &Terminal) -> Pty {
        Pty::spawn_program(env!("CARGO_BIN_EXE_trunkrot"), args, terminal)
    }

    /// Starts an interactive bash with job control in an 80x24 terminal, for the binary to be
    /// run from as a user does (`$TRUNKROT` names it).
    pub fn spawn_shell() -> Pty {
        Pty::spawn_program("bash", &["--norc", "--noprofile", "-i"], &Terminal::default())
    }

    fn spawn_program(program: &str, args: &[&str], terminal: &Terminal) -> Pty {
        let (cols, rows) = (terminal.cols, terminal.rows);
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let home = Home::new();
        let mut command = CommandBuilder::new(program);
        command.args(args);
        // Its config and history in its own home, as `trunkrot()` runs it.
        for (name, value) in home.vars() {
            command.env(name, value);
        }
        for name in UNSET {
            command.env_remove(name);
        }
        command.env("TERM", "xterm-256color");
        command.env("PS1", "$ ");
        command.env("TRUNKROT", env!("CARGO_BIN_EXE_trunkrot"));
        for (name, value) in &terminal.env {
            command.env(name, value);
        }
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal of at least 1x1");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let first_content_at = Arc::new(OnceLock::new());
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer: Arc<Mutex<Option<Box<dyn Write + Send>>>> =
            Arc::new(Mutex::new(Some(pair.master.take_writer().expect("a writer"))));
        let spawned_at = Instant::now();
        let child = pair.slave.spawn_command(command).expect("the program starts");
        drop(pair.slave);
        let (screen, first) = (Arc::clone(&parser), Arc::clone(&first_content_at));
        let closing = Arc::new(AtomicBool::new(false));
        let close = Arc::clone(&closing);
        let answering = Arc::clone(&writer);
        let asked = Arc::new(Mutex::new(Vec::new()));
        let was_asked = Arc::clone(&asked);
        let answers = terminal.answers.clone();
        thread::spawn(move || {
            let mut seen: Vec<u8> = Vec::new();
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if close.load(Ordering::SeqCst) {
                    break;
                }
                // A query may come in two reads: look from a little before this one.
                let from = seen.len().saturating_sub(16);
                seen.extend_from_slice(&buf[..n]);
                let mut asked = was_asked.lock().expect("the queries");
                for (query, answer) in &answers {
                    if !asked.contains(query) && seen[from..].windows(query.len()).any(|window| window == *query) {
                        asked.push(query);
                        if let Some(writer) = answering.lock().expect("the writer").as_mut() {
                            let _ = writer.write_all(answer).and_then(|()| writer.flush());
                        }
                    }
                }
                drop(asked);
                let mut parser = screen.lock().expect("the parser");
                parser.process(&buf[..n]);
                if first.get().is_none() && !parser.screen().contents().trim().is_empty() {
                    let _ = first.set(Instant::now());
                }
            }
        });
        Pty { parser, master: Some(pair.master), writer, child, spawned_at, first_content_at, closing, asked, home }
    }

    /// The home the program runs in: its config and its history.
    pub fn home(&self) -> &Home {
        &self.home
    }

    /// Whether the program has written `query`, one of those the terminal answers.
    pub fn asked(&self, query: &[u8]) -> bool {
        self.asked.lock().expect("the queries").contains(&query)
    }

    /// The screen as it is now.
    pub fn screen(&self) -> vt100::Screen {
        self.parser.lock().expect("the parser").screen().clone()
    }

    /// Closes the terminal, as closing its window does, and waits for the process to end.
    /// The reader drops its end after its next read, which a resize provokes.
    pub fn close(&mut self, timeout: Duration) -> Option<ExitStatus> {
        self.closing.store(true, Ordering::SeqCst);
        if let Some(master) = &self.master {
            let _ = master.resize(PtySize { rows: 25, cols: 80, pixel_width: 0, pixel_height: 0 });
        }
        *self.writer.lock().expect("the writer") = None;
        self.master = None;
        self.wait_exit(timeout)
    }

    /// From just before the spawn to the first text on screen, once there is some.
    pub fn time_to_first_content(&self) -> Option<Duration> {
        self.first_content_at.get().map(|at| at.duration_since(self.spawned_at))
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// Types `keys` into the terminal.
    pub fn send(&mut self, keys: &str) {
        let mut writer = self.writer.lock().expect("the writer");
        let writer = writer.as_mut().expect("an open terminal");
        writer.write_all(keys.as_bytes()).expect("the terminal takes input");
        writer.flush().expect("the terminal takes input");
    }

    /// The text on screen now.
    pub fn contents(&self) -> String {
        self.parser.lock().expect("the parser").screen().contents()
    }

    /// Runs `check` on the screen until it holds or `timeout` passes; returns whether it held.
    pub fn wait_until(&self, timeout: Duration, check: impl Fn(&vt100::Screen) -> bool) -> bool {
        let give_up = Instant::now() + timeout;
        loop {
            if check(self.parser.lock().expect("the parser").screen()) {
                return true;
            }
            if Instant::now() > give_up {
                return false;
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on screen, failing with the screen's contents if it never comes.
    pub fn expect_text(&self, text: &str, timeout: Duration) {
        let shown = self.wait_until(timeout, |screen| screen.contents().contains(text));
        assert!(shown, "`{text}` never appeared; the screen:\n{}", self.contents());
    }

    /// Waits for the process to end.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let give_up = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                return Some(status);
            }
            if Instant::now() > give_up {
                return None;
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until a session stopped early has given the terminal back: the summary printed,
    /// raw mode off, the alternate screen left and the cursor shown.
    pub fn expect_restored(&self, timeout: Duration) {
        self.expect_text("stopped early", timeout);
        let give_up = Instant::now() + timeout;
        while self.raw_mode() && Instant::now() < give_up {
            thread::sleep(POLL);
        }
        assert!(!self.raw_mode(), "raw mode is still on");
        assert!(self.wait_until(timeout, |screen| !screen.alternate_screen() && !screen.hide_cursor()));
    }

    /// Whether the terminal is in raw mode (no echo, no line editing), as the kernel sees it.
    pub fn raw_mode(&self) -> bool {
        let termios = self.master.as_ref().expect("an open terminal").get_termios().expect("the terminal's settings");
        let flags = format!("{:?}", termios.local_flags);
        let mut names = flags.split(|c: char| !c.is_ascii_alphanumeric());
        !names.any(|name| name == "ECHO" || name == "ICANON")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
