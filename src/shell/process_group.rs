//! Helper programs (the speech command, the audio player) run in a process group of their own,
//! each with the moment it is expected to end: never waited on by the timer, killed with its
//! whole tree when it runs [`HUNG_AFTER`] past that moment, at most one left running past its
//! end at a time, and none left behind at exit.
//!
//! A tree can leave its group: a script that starts `setsid espeak-ng ... &` and exits. On
//! Linux the session becomes a child subreaper ([`adopt_orphans`]), so such processes become
//! its children instead of init's, and [`end_descendants`] ends every one at the session's end.

use std::ffi::OsStr;
use std::io;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process, kill_process_group, test_kill_process_group};

/// A program still running this long after its expected end is hung: it is killed.
pub const HUNG_AFTER: Duration = Duration::from_secs(1);

/// A program running this long past its expected end is no longer waited for ("stuck"); at most
/// one stuck program is left running at a time.
pub const STUCK_AFTER: Duration = Duration::from_millis(400);

/// How a program run in the background ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It exited with status 0.
    Fine,
    /// It exited otherwise (or was killed by a signal not ours).
    Failed(ExitStatus),
    /// It ran past its expected end and was killed, with everything it started.
    Hung,
}

/// A program that ended, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The number [`Background::start`] gave it.
    pub id: u64,
    /// How long it ran (until it was seen to end, or was killed).
    pub took: Duration,
    pub ended: Ended,
}

#[derive(Debug)]
struct Running {
    id: u64,
    child: Child,
    started: Instant,
    /// When it is expected to exit.
    ends: Instant,
}

/// Programs started and not yet gone.
#[derive(Debug, Default)]
pub struct Background {
    running: Vec<Running>,
    /// Programs ended whose group may still have processes in it.
    groups: Vec<Pid>,
    /// Killed children not yet reaped.
    stopped: Vec<Child>,
    next_id: u64,
}

impl Background {
    /// Starts `program` with `args` in a group of its own, all three standard streams null, so
    /// it can neither read the keyboard nor draw over the screen; it is expected to end by
    /// `ends`. Whatever runs already is left running. Returns its number.
    pub fn start<I, S>(&mut self, program: &Path, args: I, now: Instant, ends: Instant) -> io::Result<u64>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        self.next_id += 1;
        self.running.push(Running { id: self.next_id, child, started: now, ends: ends.max(now) });
        Ok(self.next_id)
    }

    /// Whether a program started here is still running.
    pub fn is_running(&self) -> bool {
        !self.running.is_empty()
    }

    /// Whether program `id` is still running.
    pub fn runs(&self, id: u64) -> bool {
        self.running.iter().any(|r| r.id == id)
    }

    /// The latest moment a program still running is expected to end.
    pub fn last_end(&self) -> Option<Instant> {
        self.running.iter().map(|r| r.ends).max()
    }

    /// When a program will have run [`STUCK_AFTER`] or [`HUNG_AFTER`] past its end: the next
    /// moment [`poll`](Self::poll) has something to do besides reaping.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.running.iter().flat_map(|r| [r.ends + STUCK_AFTER, r.ends + HUNG_AFTER]).min()
    }

    /// Stops program `id`, with everything it started. It is reaped later.
    pub fn stop(&mut self, id: u64) {
        if let Some(at) = self.running.iter().position(|r| r.id == id) {
            let running = self.running.remove(at);
            self.kill(running.child);
        }
    }

    /// Stops every program still running.
    pub fn stop_all(&mut self) {
        for running in std::mem::take(&mut self.running) {
            self.kill(running.child);
        }
    }

    fn kill(&mut self, child: Child) {
        let pid = Pid::from_child(&child);
        kill_tree(pid);
        let _ = kill_process_group(pid, Signal::KILL);
        self.stopped.push(child);
    }

    /// Reaps what has ended, and kills what has hung, without blocking: how each program that
    /// ended since the last call ended. A program [`HUNG_AFTER`] past its end is killed; so is
    /// the older of two programs both [`STUCK_AFTER`] past theirs.
    pub fn poll(&mut self, now: Instant) -> Vec<Outcome> {
        self.stopped.retain_mut(|child| !matches!(child.try_wait(), Ok(Some(_)) | Err(_)));
        // A group is gone once no process is left in it.
        self.groups.retain(|group| test_kill_process_group(*group).is_ok());
        let mut outcomes = Vec::new();
        let mut index = 0;
        while index < self.running.len() {
            let running = &mut self.running[index];
            let ended = match running.child.try_wait() {
                Ok(None) => None,
                Ok(Some(status)) if status.success() => Some(Ended::Fine),
                Ok(Some(status)) => Some(Ended::Failed(status)),
                // The child cannot be asked: count it as ended, so nothing waits for ever.
                Err(_) => Some(Ended::Fine),
            };
            if let Some(ended) = ended {
                let done = self.running.remove(index);
                outcomes.push(Outcome { id: done.id, took: now.saturating_duration_since(done.started), ended });
                self.groups.push(Pid::from_child(&done.child));
            } else {
                index += 1;
            }
        }
        let stuck: Vec<u64> = self.running.iter().filter(|r| now >= r.ends + STUCK_AFTER).map(|r| r.id).collect();
        let hung = self.running.iter().filter(|r| now >= r.ends + HUNG_AFTER).map(|r| r.id);
        // The oldest stuck ones go first, so that one at most is left.
        let mut killed: Vec<u64> = hung.collect();
        killed.extend(stuck.iter().take(stuck.len().saturating_sub(1)));
        killed.sort_unstable();
        killed.dedup();
        for id in killed {
            if let Some(at) = self.running.iter().position(|r| r.id == id) {
                let running = self.running.remove(at);
                outcomes.push(Outcome { id, took: now.saturating_duration_since(running.started), ended: Ended::Hung });
                self.kill(running.child);
            }
        }
        outcomes
    }

    /// The process ids of the programs still running, so that [`end_strays`] spares them.
    pub fn pids(&self) -> Vec<Pid> {
        self.running.iter().map(|r| Pid::from_child(&r.child)).collect()
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop_all();
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

/// Kills every process below `root` (not `root` itself): found before any is killed, since a
/// killed parent's children move to the subreaper and out of sight.
fn kill_tree(root: Pid) {
    for pid in descendants(root) {
        let _ = kill_process(pid, Signal::KILL);
    }
}

/// Makes this process the reaper of its orphaned descendants, so that what a helper program
/// detached (`setsid`, a double fork) stays in its tree and can be ended. Linux only; a no-op
/// elsewhere. Called by the session command only: a test process must not adopt other tests'
/// children.
pub fn adopt_orphans() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::set_child_subreaper(Some(rustix::process::getpid()));
    }
}

/// Kills this process's children other than `spare`, with their trees: what helper programs
/// left behind and this process adopted. Returns how many there were.
pub fn end_strays(spare: &[Pid]) -> usize {
    let me = rustix::process::getpid();
    let strays: Vec<Pid> = children_of(me).into_iter().filter(|pid| !spare.contains(pid)).collect();
    for pid in &strays {
        kill_tree(*pid);
        let _ = kill_process(*pid, Signal::KILL);
    }
    reap();
    strays.len()
}

/// Ends every descendant of this process and reaps them, waiting at most `limit` for them to
/// go: nothing a speech command or a player started outlives the session.
pub fn end_descendants(limit: Duration) {
    let me = rustix::process::getpid();
    let until = Instant::now() + limit;
    loop {
        let all = descendants(me);
        for pid in &all {
            let _ = kill_process(*pid, Signal::KILL);
        }
        reap();
        if all.is_empty() || Instant::now() >= until {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Reaps every child that has ended, without blocking.
fn reap() {
    use rustix::process::{WaitOptions, waitpid};
    while let Ok(Some(_)) = waitpid(None, WaitOptions::NOHANG) {}
}

/// Every process below `root`, parents before children, from `/proc` (empty elsewhere).
pub fn descendants(root: Pid) -> Vec<Pid> {
    let table = parents();
    let mut found = vec![root];
    let mut next = 0;
    while next < found.len() {
        let parent = found[next];
        found.extend(table.iter().filter(|(_, ppid)| *ppid == parent).map(|(pid, _)| *pid));
        next += 1;
    }
    found.remove(0);
    found
}

fn children_of(parent: Pid) -> Vec<Pid> {
    parents().into_iter().filter(|(_, ppid)| *ppid == parent).map(|(pid, _)| pid).collect()
}

/// Each process and its parent, from `/proc/PID/stat`.
fn parents() -> Vec<(Pid, Pid)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| {
            let name = entry.ok()?.file_name();
            let pid: i32 = name.to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            Some((Pid::from_raw(pid)?, Pid::from_raw(parent_in_stat(&stat)?)?))
        })
        .collect()
}

/// The parent's id in a `/proc/PID/stat` line: the second field after the command's name,
/// which is in parentheses and may itself hold spaces and parentheses.
fn parent_in_stat(stat: &str) -> Option<i32> {
    let after = &stat[stat.rfind(')')? + 1..];
    after.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parent_is_read_past_a_name_with_spaces_and_parentheses() {
        assert_eq!(parent_in_stat("42 (sh) S 7 42 42 0"), Some(7));
        assert_eq!(parent_in_stat("42 (a (b) c) R 9 1"), Some(9));
        assert_eq!(parent_in_stat("42 (x"), None);
    }

    #[test]
    fn a_program_past_its_end_is_killed_with_what_it_started_and_one_stuck_at_most() {
        let t0 = Instant::now();
        let mut background = Background::default();
        let sh = Path::new("/bin/sh");
        // Each forks a child that would outlive it.
        let first = background.start(sh, ["-c", "sleep 30 & wait"], t0, t0).expect("sh runs");
        let second = background.start(sh, ["-c", "sleep 30 & wait"], t0, t0 + Duration::from_secs(10)).expect("sh");
        let first_pid = background.pids()[0];
        // Wait for the forks, as a busy machine may start them late.
        for _ in 0..400 {
            if !descendants(first_pid).is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let below = descendants(first_pid);
        assert_eq!(below.len(), 1, "the sleep under the first");
        assert_eq!(background.next_deadline(), Some(t0 + STUCK_AFTER));
        assert!(background.poll(t0 + Duration::from_millis(100)).is_empty(), "not yet");
        let outcomes = background.poll(t0 + HUNG_AFTER);
        assert_eq!(outcomes.len(), 1);
        assert_eq!((outcomes[0].id, outcomes[0].ended, outcomes[0].took), (first, Ended::Hung, HUNG_AFTER));
        assert!(background.runs(second) && !background.runs(first));
        // The killed one's child is gone too (given a moment to die on a busy machine).
        let gone = |pid: Pid| {
            let stat = std::fs::read_to_string(format!("/proc/{}/stat", pid.as_raw_nonzero())).unwrap_or_default();
            stat.is_empty() || stat.contains(") Z ")
        };
        for _ in 0..400 {
            if gone(below[0]) {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(gone(below[0]), "the hung program's child outlived it");
        drop(background);
    }
}
