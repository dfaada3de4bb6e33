//! Speaking cues aloud through the system's speech command, without ever blocking the timer.
//!
//! The command is run directly (no shell) with the words as its last argument, in a process
//! group of its own with all three standard streams null ([`crate::shell::process_group`]), and
//! with the moment it is expected to end: it is never waited for, and killed with everything it
//! started if it runs a second past that. A command that cannot start, exits non-zero, hangs,
//! or "speaks" far faster than its words take is reported. The command comes from the user's
//! config or `PATH`, never from an exercise file.

use std::ffi::OsStr;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use crate::domain::cues::voice::{Health, Rate};
use crate::domain::untrusted::clean_line;
use crate::shell::executables::locate;
use crate::shell::process_group::{Background, Ended};

/// The speech commands tried, in order, when the config names none.
pub const KNOWN_COMMANDS: &[&str] = &["espeak-ng", "espeak", "spd-say", "say"];

/// A speech command found and ready to speak.
#[derive(Debug)]
pub struct Voice {
    program: PathBuf,
    args: Vec<String>,
    running: Background,
    /// The words of each command still running, by its number, and whether it is the one
    /// the words after it wait for.
    said: Vec<(u64, String)>,
    /// The command started last, while it runs.
    current: Option<u64>,
    health: Health,
    /// Set once the command cannot start, or is not heard: the voice then stays silent.
    broken: bool,
    /// Failures already reported, so each kind is told once.
    told: Vec<&'static str>,
}

/// What happened to words started earlier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// The words the queue waits for were said, in `took`: the next may start.
    Done { text: String, took: Duration },
    /// Earlier words, no longer waited for, were said in `took`.
    Late { text: String, took: Duration },
    /// The words the queue waits for are over without having been said whole.
    Cut,
    /// Something failed: a notice for the user (once for each kind of failure).
    Failed(String),
    /// The voice is not heard at all: it is off from now on, with this notice.
    Silent(String),
}

impl Voice {
    /// Finds the speech command: the configured one (`[program, args...]`), or else the first of
    /// [`KNOWN_COMMANDS`] on `path`. The error is a notice for the user.
    pub fn find(configured: Option<&[String]>, path: Option<&OsStr>) -> Result<Voice, String> {
        let found = |program: PathBuf, args: Vec<String>| Voice {
            program,
            args,
            running: Background::default(),
            said: Vec::new(),
            current: None,
            health: Health::default(),
            broken: false,
            told: Vec::new(),
        };
        if let Some([program, args @ ..]) = configured {
            return match locate(program, path) {
                Some(found_at) => Ok(found(found_at, args.to_vec())),
                None => Err(format!("No voice: voice_command `{}` {}", clean_line(program), why_not(program, path))),
            };
        }
        let program = KNOWN_COMMANDS.iter().find_map(|name| locate(name, path));
        let none = || format!("No voice: none of {} found (set voice_command)", KNOWN_COMMANDS.join(", "));
        program.map(|program| found(program, Vec::new())).ok_or_else(none)
    }

    /// The program that speaks.
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// The program's file name, for the user.
    pub fn name(&self) -> String {
        clean_line(
            &self
                .program
                .file_name()
                .map_or_else(|| self.program.display().to_string(), |n| n.to_string_lossy().into_owned()),
        )
    }

    /// The options given before the words.
    pub fn args(&self) -> &[String] {
        &self.args
    }

    /// The rate the command speaks at: its `-s` option, or espeak-ng's default.
    pub fn rate(&self) -> Rate {
        Rate::of_command(&self.args)
    }

    /// Starts saying `text` at `now`, expected to be over by `ends`; whatever is still being
    /// said goes on, no longer waited for. Returns a notice the first time the command cannot
    /// be started; the voice is silent from then on.
    pub fn say(&mut self, text: &str, now: Instant, ends: Instant) -> Option<String> {
        if self.broken {
            return None;
        }
        match self.running.start(&self.program, self.args.iter().map(String::as_str).chain([text]), now, ends) {
            Ok(id) => {
                self.said.push((id, text.to_owned()));
                self.current = Some(id);
                None
            }
            Err(e) => {
                self.broken = true;
                Some(format!("No voice: {} failed to start: {e}", self.name()))
            }
        }
    }

    /// Stops the words being said, and whatever the command started.
    pub fn stop(&mut self) {
        if let Some(id) = self.current.take() {
            self.running.stop(id);
            self.said.retain(|(said, _)| *said != id);
        }
    }

    /// Stops everything still running.
    pub fn stop_all(&mut self) {
        self.current = None;
        self.said.clear();
        self.running.stop_all();
    }

    /// How words started earlier went, without blocking: reaps what has ended, kills what has
    /// hung. `expected` gives how long words take to say, to tell a voice that is not heard.
    pub fn poll(&mut self, now: Instant, expected: impl Fn(&str) -> Duration) -> Vec<Said> {
        let mut news = Vec::new();
        for outcome in self.running.poll(now) {
            let Some(at) = self.said.iter().position(|(id, _)| *id == outcome.id) else { continue };
            let (id, text) = self.said.remove(at);
            let current = self.current == Some(id);
            if current {
                self.current = None;
            }
            match outcome.ended {
                Ended::Fine => {
                    if self.health.ended(outcome.took, expected(&text)) {
                        self.broken = true;
                        self.stop_all();
                        let took = outcome.took.as_secs_f64();
                        let words = expected(&text).as_secs_f64();
                        news.push(Said::Silent(format!(
                            "Voice off: {} finished twice in a row far sooner than its words take \
                             ({took:.2} s for about {words:.1} s): it is not heard (no sound server?). \
                             `trunkrot sound-check` tests it",
                            self.name()
                        )));
                        return news;
                    }
                    news.push(if current {
                        Said::Done { text, took: outcome.took }
                    } else {
                        Said::Late { text, took: outcome.took }
                    });
                }
                Ended::Failed(status) => {
                    if current {
                        news.push(Said::Cut);
                    }
                    if self.tell("failed") {
                        news.push(Said::Failed(format!(
                            "Voice failed: {} exited with {status}",
                            self.program.display()
                        )));
                    }
                }
                Ended::Hung => {
                    if current {
                        news.push(Said::Cut);
                    }
                    if self.tell("hung") {
                        news.push(Said::Failed(format!(
                            "Voice: {} was still running {:.1} s after its words should have ended; stopped it \
                             (and will each time)",
                            self.name(),
                            crate::shell::process_group::HUNG_AFTER.as_secs_f64()
                        )));
                    }
                }
            }
        }
        news
    }

    /// Whether this kind of failure is to be told: the first time only.
    fn tell(&mut self, kind: &'static str) -> bool {
        !self.told.contains(&kind) && {
            self.told.push(kind);
            true
        }
    }

    /// Whether the command can no longer be started, or is not heard.
    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// Whether a command is still running.
    pub fn is_running(&self) -> bool {
        self.running.is_running()
    }

    /// The programs running, their deadlines and their ids, for the announcer.
    pub fn running(&self) -> &Background {
        &self.running
    }
}

/// The counts' words, recorded: each number with its samples (16-bit mono at 22 050 Hz).
pub type Words = Vec<(u64, Vec<i16>)>;

/// How long recording one count's word may take before it is given up.
const RECORDING_PATIENCE: Duration = Duration::from_secs(3);

impl Voice {
    /// Records the counts' words ("1", "2", "3") ahead of time in `folder`, for the tones to
    /// say right after each tick, so that no count waits for a synthesizer to start (espeak-ng
    /// took 50 to 250 ms to its first sound on a busy machine): with espeak-ng or espeak, whose
    /// `-w` writes the sound to a file, in a thread of its own, so the session waits for nothing.
    /// `None` for other commands, whose counts the voice says as before.
    pub fn record_counts(&self, folder: &Path) -> Option<Receiver<Words>> {
        let name = self.program.file_name()?.to_str()?;
        if !matches!(name, "espeak-ng" | "espeak") {
            return None;
        }
        let (program, args, folder) = (self.program.clone(), self.args.clone(), folder.to_path_buf());
        let (sender, receiver) = mpsc::channel();
        let recorded = move || {
            let words: Option<Words> = (1..=3)
                .map(|n| record(&program, &args, &folder.join(format!("word-{n}.wav")), n).map(|w| (n, w)))
                .collect();
            if let Some(words) = words {
                let _ = sender.send(words);
            }
        };
        thread::Builder::new().name("counts".into()).spawn(recorded).ok()?;
        Some(receiver)
    }
}

/// Has `program` write the word for `n` to `file` and reads it back.
fn record(program: &Path, args: &[String], file: &Path, n: u64) -> Option<Vec<i16>> {
    let mut child = Command::new(program)
        .args(args)
        .arg("-w")
        .arg(file)
        .arg(n.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .ok()?;
    let until = Instant::now() + RECORDING_PATIENCE;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < until => thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    };
    let samples = status.success().then(|| std::fs::read(file).ok()).flatten();
    let _ = std::fs::remove_file(file);
    samples.and_then(|bytes| crate::shell::tones::read_wav(&bytes))
}

/// Why a configured program cannot be run, in words: the notice must not say "not found" of a
/// folder or a file without the permission to run it.
fn why_not(program: &str, path: Option<&OsStr>) -> &'static str {
    let candidates: Vec<PathBuf> = if program.contains(std::path::MAIN_SEPARATOR) || program.contains('/') {
        vec![PathBuf::from(program)]
    } else {
        path.map(|path| std::env::split_paths(path).map(|dir| dir.join(program)).collect()).unwrap_or_default()
    };
    if candidates.iter().any(|candidate| candidate.is_dir()) {
        "is a folder, not a program"
    } else if candidates.iter().any(|candidate| candidate.is_file()) {
        "is not a program this user may run (no execute permission)"
    } else {
        "not found"
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    /// Writes a script. Tests run it through `/bin/sh` rather than executing it: executing a
    /// file just written races with other threads' forks ("text file busy").
    fn fake(dir: &Path, name: &str, script: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(name);
        fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("trunkrot-speech-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_first_known_command_on_the_path_is_chosen() {
        let (a, b) = (temp_dir("first-a"), temp_dir("first-b"));
        fake(&b, "espeak-ng", "true");
        fake(&a, "say", "true");
        fs::write(a.join("espeak"), "not executable").unwrap();
        let path = std::env::join_paths([&a, &b]).unwrap();
        let voice = Voice::find(None, Some(&path)).unwrap();
        assert_eq!(voice.program(), b.join("espeak-ng"));
    }

    #[test]
    fn no_command_is_a_notice_not_a_failure() {
        let empty = temp_dir("none");
        let notice = Voice::find(None, Some(empty.as_os_str())).unwrap_err();
        assert!(notice.starts_with("No voice: none of espeak-ng"), "{notice}");
        let notice = Voice::find(Some(&["nope-no-such".to_owned()]), None).unwrap_err();
        assert!(notice.contains("`nope-no-such`"), "{notice}");
    }

    /// What the voice reports, waiting for the first news a minute at most: a guard that a
    /// passing test never reaches, however busy the machine.
    fn news(voice: &mut Voice, now: Instant) -> Vec<Said> {
        for _ in 0..2400 {
            let news = voice.poll(now, |_| Duration::from_millis(30));
            if !news.is_empty() {
                return news;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        Vec::new()
    }

    /// Where the test's time starts: the commands are expected to end long after it.
    fn later() -> (Instant, Instant) {
        let now = Instant::now();
        (now, now + Duration::from_secs(60))
    }

    #[test]
    fn a_hung_command_is_stopped_with_everything_it_started() {
        let dir = temp_dir("hung");
        let pids = dir.join("pids");
        // The script forks a child that would outlive it, as a shell script calling a
        // synthesizer in the background does.
        let script = format!("sleep 30 & echo $! >> '{}'; echo $$ >> '{}'; wait", pids.display(), pids.display());
        let script = fake(&dir, "hang", &script).display().to_string();
        let mut voice = Voice::find(Some(&["/bin/sh".to_owned(), script]), None).unwrap();
        let (now, ends) = later();
        assert_eq!(voice.say("one", now, ends), None);
        for _ in 0..2400 {
            if fs::read_to_string(&pids).unwrap_or_default().lines().count() == 2 {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        assert!(voice.poll(now, |_| Duration::ZERO).is_empty(), "still speaking");
        voice.stop();
        assert!(!voice.is_running());
        drop(voice);
        for pid in fs::read_to_string(&pids).unwrap().lines() {
            // A killed process may still be running for a while on a busy machine: give the
            // signal up to a minute to take effect before calling it a survivor.
            let gone = || {
                let state = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                (state.is_empty() || state.contains(") Z "), state)
            };
            for _ in 0..2400 {
                if gone().0 {
                    break;
                }
                std::thread::sleep(Duration::from_millis(25));
            }
            let (dead, state) = gone();
            assert!(dead, "process {pid} outlived the voice: {state}");
        }
    }

    #[test]
    fn a_command_that_exits_non_zero_is_reported_once() {
        let dir = temp_dir("fails");
        let script = fake(&dir, "fail", "exit 3").display().to_string();
        let mut voice = Voice::find(Some(&["/bin/sh".to_owned(), script]), None).unwrap();
        let (now, ends) = later();
        voice.say("one", now, ends);
        let first = news(&mut voice, now);
        assert_eq!(first.len(), 2, "{first:?}");
        assert_eq!(first[0], Said::Cut);
        let Said::Failed(notice) = &first[1] else { panic!("no failure reported: {first:?}") };
        assert!(notice.contains("exit status: 3"), "{notice}");
        voice.say("two", now, ends);
        assert_eq!(news(&mut voice, now), [Said::Cut], "reported once");
    }

    #[test]
    fn a_command_that_cannot_start_silences_the_voice() {
        let dir = temp_dir("gone");
        let script = fake(&dir, "speak", "true");
        let mut voice = Voice::find(Some(&[script.display().to_string()]), None).unwrap();
        fs::remove_file(&script).unwrap();
        let (now, ends) = later();
        let notice = voice.say("one", now, ends).expect("a notice");
        assert!(notice.contains("failed to start"), "{notice}");
        assert!(voice.is_broken());
        assert_eq!(voice.say("two", now, ends), None, "reported once");
    }

    #[test]
    fn a_voice_done_far_too_soon_twice_in_a_row_is_silent() {
        let dir = temp_dir("quick");
        let script = fake(&dir, "quick", "true").display().to_string();
        let mut voice = Voice::find(Some(&["/bin/sh".to_owned(), script]), None).unwrap();
        let slow = |_: &str| Duration::from_secs(30);
        let now = Instant::now();
        voice.say("one", now, now);
        let first = loop {
            let news = voice.poll(Instant::now(), slow);
            if !news.is_empty() {
                break news;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(matches!(first[..], [Said::Done { .. }]), "once is not yet failing: {first:?}");
        voice.say("two", now, now);
        let second = loop {
            let news = voice.poll(Instant::now(), slow);
            if !news.is_empty() {
                break news;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let [Said::Silent(notice)] = &second[..] else { panic!("{second:?}") };
        assert!(notice.contains("not heard"), "{notice}");
        assert!(voice.is_broken());
        assert_eq!(voice.say("three", now, now), None);
        assert!(!voice.is_running(), "a silent voice starts nothing more");
    }

    #[test]
    fn configured_arguments_come_before_the_words() {
        let dir = temp_dir("args");
        let log = dir.join("log");
        let script = fake(&dir, "speak", &format!("echo \"$@\" >> '{}'", log.display())).display().to_string();
        let mut voice =
            Voice::find(Some(&["/bin/sh".to_owned(), script, "-s".to_owned(), "120".to_owned()]), None).unwrap();
        assert_eq!(voice.rate(), Rate { wpm: 120 });
        let (now, ends) = later();
        voice.say("Hold", now, ends);
        assert!(matches!(news(&mut voice, now)[..], [Said::Done { .. }]));
        assert_eq!(fs::read_to_string(log).unwrap(), "-s 120 Hold\n");
    }
}
