//! Helper programs (the speech command, the audio player) run in a process group of their own:
//! never waited on by the timer, stopped as a whole group, and none left behind at exit.
//!
//! A group outlives its first process when that process forks (a speech script that starts
//! `espeak-ng &` and exits): such groups are remembered until they are empty, and killed when
//! the owner is dropped, so nothing outlives the session.

use std::ffi::OsStr;
use std::io;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};

use rustix::process::{Pid, Signal, kill_process_group, test_kill_process_group};

/// How a program run in the background ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It exited with status 0.
    Fine,
    /// It exited otherwise (or was killed by a signal not ours).
    Failed(ExitStatus),
}

/// Programs started and not yet gone.
#[derive(Debug, Default)]
pub struct Background {
    /// The program started last, still running: it is what is being said or played now.
    current: Option<Child>,
    /// Programs stopped or finished whose group may still have processes in it.
    groups: Vec<Pid>,
    /// Stopped children not yet reaped.
    stopped: Vec<Child>,
}

impl Background {
    /// Starts `program` with `args` in a group of its own, all three standard streams null, so
    /// it can neither read the keyboard nor draw over the screen. Whatever ran before is left
    /// to finish (see [`stop`](Self::stop) to end it).
    pub fn start<I, S>(&mut self, program: &Path, args: I) -> io::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.poll();
        let child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        if let Some(previous) = self.current.replace(child) {
            self.groups.push(Pid::from_child(&previous));
            self.stopped.push(previous);
        }
        Ok(())
    }

    /// Whether the program started last is still running.
    pub fn is_running(&self) -> bool {
        self.current.is_some()
    }

    /// Stops the program started last, with everything it started. It is reaped later.
    pub fn stop(&mut self) {
        if let Some(child) = self.current.take() {
            let group = Pid::from_child(&child);
            let _ = kill_process_group(group, Signal::KILL);
            self.stopped.push(child);
        }
    }

    /// Reaps what has ended, without blocking. Returns how the program started last ended, once,
    /// if it has.
    pub fn poll(&mut self) -> Option<Ended> {
        self.stopped.retain_mut(|child| !matches!(child.try_wait(), Ok(Some(_)) | Err(_)));
        // A group is gone once no process is left in it.
        self.groups.retain(|group| test_kill_process_group(*group).is_ok());
        let child = self.current.as_mut()?;
        let ended = match child.try_wait() {
            Ok(None) => return None,
            Ok(Some(status)) if status.success() => Ended::Fine,
            Ok(Some(status)) => Ended::Failed(status),
            // The child cannot be asked: count it as ended, so the voice does not wait for ever.
            Err(_) => Ended::Fine,
        };
        let done = self.current.take();
        if let Some(done) = done {
            self.groups.push(Pid::from_child(&done));
        }
        Some(ended)
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop();
        // Only groups that still have a process: an emptied group's number may since have been
        // given to someone else's process.
        self.groups.retain(|group| test_kill_process_group(*group).is_ok());
        for group in self.groups.drain(..) {
            let _ = kill_process_group(group, Signal::KILL);
        }
        for mut child in self.stopped.drain(..) {
            // Killed above: the wait returns at once, and leaves no zombie behind.
            let _ = child.wait();
        }
    }
}
