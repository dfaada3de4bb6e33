//! Speaking cues aloud through the system's speech command, without ever blocking the timer.
//!
//! The command is run directly (no shell) with the words as its last argument and all three
//! standard streams set to null, so it can neither read the keyboard nor draw over the screen.
//! It is never waited for: finished ones are reaped on later calls, and one still speaking when
//! the next words come is stopped and left behind. The command comes from the user's config or
//! `PATH`, never from an exercise file.

use crate::domain::untrusted::clean_line;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The speech commands tried, in order, when the config names none.
pub const KNOWN_COMMANDS: &[&str] = &["espeak-ng", "espeak", "spd-say", "say"];

/// A speech command found and ready to speak.
#[derive(Debug)]
pub struct Voice {
    program: PathBuf,
    args: Vec<String>,
    speaking: Option<Child>,
    /// Stopped children not yet reaped.
    stopped: Vec<Child>,
    /// Set once spawning fails: the voice then stays silent.
    broken: bool,
}

impl Voice {
    /// Finds the speech command: the configured one (`[program, args...]`), or else the first of
    /// [`KNOWN_COMMANDS`] on `path`. The error is a notice for the user.
    pub fn find(configured: Option<&[String]>, path: Option<&OsStr>) -> Result<Voice, String> {
        let found = |program: PathBuf, args: Vec<String>| Voice {
            program,
            args,
            speaking: None,
            stopped: Vec::new(),
            broken: false,
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

    /// Starts speaking `text`, stopping whatever is still being said. Returns a notice the first
    /// time the command cannot be started; the voice is silent from then on.
    pub fn say(&mut self, text: &str) -> Option<String> {
        self.reap();
        if self.broken {
            return None;
        }
        if let Some(mut old) = self.speaking.take() {
            // Stale words: stop them, and reap the child later rather than wait for it now.
            let _ = old.kill();
            self.stopped.push(old);
        }
        let spawned = Command::new(&self.program)
            .args(&self.args)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(child) => {
                self.speaking = Some(child);
                None
            }
            Err(e) => {
                self.broken = true;
                Some(format!("No voice: {} failed: {e}", clean_line(&self.program.display().to_string())))
            }
        }
    }

    /// Collects children that have finished, without blocking.
    pub fn reap(&mut self) {
        self.stopped.retain_mut(|child| !matches!(child.try_wait(), Ok(Some(_)) | Err(_)));
        if let Some(child) = &mut self.speaking
            && matches!(child.try_wait(), Ok(Some(_)) | Err(_))
        {
            self.speaking = None;
        }
    }
}

/// Where `program` is: a path as given (if it names an executable file), or the first match in
/// the directories of `path`.
fn locate(program: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    if program.contains(std::path::MAIN_SEPARATOR) || program.contains('/') {
        let given = PathBuf::from(program);
        return is_executable(&given).then_some(given);
    }
    std::env::split_paths(path?).map(|dir| dir.join(program)).find(|candidate| is_executable(candidate))
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

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
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

    #[test]
    fn a_hung_command_is_stopped_by_the_next_words() {
        let dir = temp_dir("hung");
        let log = dir.join("log");
        let script = format!("echo \"$1\" >> '{}'; exec sleep 30", log.display());
        let script = fake(&dir, "hang", &script).display().to_string();
        let mut voice = Voice::find(Some(&["/bin/sh".to_owned(), script]), None).unwrap();
        assert_eq!(voice.say("one"), None);
        let first = voice.speaking.as_ref().unwrap().id();
        assert_eq!(voice.say("two"), None);
        assert_ne!(voice.speaking.as_ref().unwrap().id(), first);
        // The stopped child is reaped on a later call, never waited for.
        let mut old = voice.stopped.pop().unwrap();
        assert!(old.wait().unwrap().code().is_none(), "killed by a signal");
        voice.speaking.take().unwrap().kill().unwrap();
    }

    #[test]
    fn configured_arguments_come_before_the_words() {
        let dir = temp_dir("args");
        let log = dir.join("log");
        let script = fake(&dir, "speak", &format!("echo \"$@\" >> '{}'", log.display())).display().to_string();
        let mut voice =
            Voice::find(Some(&["/bin/sh".to_owned(), script, "-s".to_owned(), "120".to_owned()]), None).unwrap();
        voice.say("Hold");
        voice.speaking.take().unwrap().wait().unwrap();
        assert_eq!(fs::read_to_string(log).unwrap(), "-s 120 Hold\n");
    }
}
