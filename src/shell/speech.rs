//! Speaking cues aloud through the system's speech command, without ever blocking the timer.
//!
//! The command is run directly (no shell) with the words as its last argument, in a process
//! group of its own with all three standard streams null ([`crate::shell::process_group`]). It is
//! never waited for: the announcer asks whether it is done, and stops it only for more
//! important words. A command that cannot start or exits non-zero is reported once. The
//! command comes from the user's config or `PATH`, never from an exercise file.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::domain::cues::voice::Rate;
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
    /// Set once the command cannot start: the voice then stays silent.
    broken: bool,
    /// Set once the command has exited non-zero, so it is reported once.
    failed: bool,
}

/// How the words last started went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// Still being said.
    Speaking,
    /// Said, or nothing was being said.
    Done,
    /// The command failed, for the first time: a notice for the user.
    Failed(String),
}

impl Voice {
    /// Finds the speech command: the configured one (`[program, args...]`), or else the first of
    /// [`KNOWN_COMMANDS`] on `path`. The error is a notice for the user.
    pub fn find(configured: Option<&[String]>, path: Option<&OsStr>) -> Result<Voice, String> {
        let found = |program: PathBuf, args: Vec<String>| Voice {
            program,
            args,
            running: Background::default(),
            broken: false,
            failed: false,
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

    /// The rate the command speaks at: its `-s` option, or espeak-ng's default.
    pub fn rate(&self) -> Rate {
        Rate::of_command(&self.args)
    }

    fn name(&self) -> String {
        clean_line(&self.program.display().to_string())
    }

    /// Starts saying `text`. The caller waits for [`Said::Done`] or calls [`stop`](Self::stop)
    /// first. Returns a notice the first time the command cannot be started; the voice is
    /// silent from then on.
    pub fn say(&mut self, text: &str) -> Option<String> {
        if self.broken {
            return None;
        }
        match self.running.start(&self.program, self.args.iter().map(String::as_str).chain([text])) {
            Ok(()) => None,
            Err(e) => {
                self.broken = true;
                Some(format!("No voice: {} failed to start: {e}", self.name()))
            }
        }
    }

    /// Stops the words being said, and whatever the command started.
    pub fn stop(&mut self) {
        self.running.stop();
    }

    /// How the words last started are going, without blocking; also reaps what has ended.
    pub fn poll(&mut self) -> Said {
        match self.running.poll() {
            None if self.running.is_running() => Said::Speaking,
            None | Some(Ended::Fine) => Said::Done,
            Some(Ended::Failed(_)) if self.failed => Said::Done,
            Some(Ended::Failed(status)) => {
                self.failed = true;
                Said::Failed(format!("Voice failed: {} exited with {status}", self.name()))
            }
        }
    }

    /// Whether the command can no longer be started.
    pub fn is_broken(&self) -> bool {
        self.broken
    }
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

    /// Waits until the voice has said its words, for a minute at most: a guard that a passing
    /// test never reaches, however busy the machine.
    fn said(voice: &mut Voice) -> Said {
        for _ in 0..2400 {
            match voice.poll() {
                Said::Speaking => std::thread::sleep(std::time::Duration::from_millis(25)),
                said => return said,
            }
        }
        Said::Speaking
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
        assert_eq!(voice.say("one"), None);
        for _ in 0..2400 {
            if fs::read_to_string(&pids).unwrap_or_default().lines().count() == 2 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        assert_eq!(voice.poll(), Said::Speaking);
        voice.stop();
        assert_eq!(said(&mut voice), Said::Done);
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
                std::thread::sleep(std::time::Duration::from_millis(25));
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
        voice.say("one");
        let Said::Failed(notice) = said(&mut voice) else { panic!("no failure reported") };
        assert!(notice.contains("exit status: 3"), "{notice}");
        voice.say("two");
        assert_eq!(said(&mut voice), Said::Done, "reported once");
    }

    #[test]
    fn a_command_that_cannot_start_silences_the_voice() {
        let dir = temp_dir("gone");
        let script = fake(&dir, "speak", "true");
        let mut voice = Voice::find(Some(&[script.display().to_string()]), None).unwrap();
        fs::remove_file(&script).unwrap();
        let notice = voice.say("one").expect("a notice");
        assert!(notice.contains("failed to start"), "{notice}");
        assert!(voice.is_broken());
        assert_eq!(voice.say("two"), None, "reported once");
    }

    #[test]
    fn configured_arguments_come_before_the_words() {
        let dir = temp_dir("args");
        let log = dir.join("log");
        let script = fake(&dir, "speak", &format!("echo \"$@\" >> '{}'", log.display())).display().to_string();
        let mut voice =
            Voice::find(Some(&["/bin/sh".to_owned(), script, "-s".to_owned(), "120".to_owned()]), None).unwrap();
        assert_eq!(voice.rate(), Rate { wpm: 120 });
        voice.say("Hold");
        assert_eq!(said(&mut voice), Said::Done);
        assert_eq!(fs::read_to_string(log).unwrap(), "-s 120 Hold\n");
    }
}
