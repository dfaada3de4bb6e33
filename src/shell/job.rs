//! Job control: stopping the process as a shell's Ctrl-Z would, and telling whether it owns
//! the terminal again once continued.

use std::io::{self, IsTerminal};

use rustix::process::{Signal, getpgrp, getsid, kill_process_group};

/// Stops the whole job until it is continued (`fg`, `bg`, `kill -CONT`): the process group,
/// as vim and less do. Stopping this process alone would leave a wrapper that waits for it
/// (`sh -c 'trunkrot; echo done'`) running, and the shell, waiting for the job, would not take
/// the terminal back. A process that leads its own session has no job-control shell to continue
/// it, so it is not stopped at all, just as the kernel drops a terminal stop sent to such a
/// process. Helper programs run in groups of their own and are not stopped.
pub fn stop() {
    let group = getpgrp();
    if getsid(None).is_ok_and(|session| session == group) {
        return;
    }
    // SIGSTOP rather than SIGTSTP: this process catches SIGTSTP to give the terminal back first.
    if kill_process_group(group, Signal::STOP).is_err() {
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    }
}

/// Whether the process is in the terminal's foreground, so it may change the terminal's modes
/// and draw without being stopped for terminal output. Without a terminal, it is.
pub fn in_foreground() -> bool {
    let out = io::stdout();
    if !out.is_terminal() {
        return true;
    }
    rustix::termios::tcgetpgrp(&out).is_ok_and(|group| group == getpgrp())
}
