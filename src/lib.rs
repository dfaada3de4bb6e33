//! trunkrot: a guided timer for low back exercises, in the terminal.
//!
//! The folders are the layers; arrows point down, never up, and never in a circle
//! (`tests/layers.rs` reads every import and fails on one that does):
//!
//! - [`commands`]: one file per subcommand, the session included. Each resolves its settings
//!   once ([`domain::settings`] ranks flags, config and environment; [`shell::config`] reads the
//!   file and the environment) and hands the one value down.
//! - [`tui`] (the app's state, the key bindings, the view, the screen as a front end of the
//!   session runner, generic over the backend, the real terminal) and [`shell`] (keys and
//!   signals, job control, the session runner shared by the screen and plain mode with its one
//!   end, [`shell::runner::Runner::finish`], plain mode, bells, tones and speech (what a session sounds
//!   with on this machine; their programs run in process groups of their own, killed with their
//!   tree when hung), the user's places, the programme in effect, finding
//!   and reading files (regular files only, reads capped), the config file, the history file on
//!   disk, executables on `PATH`, the browser that prints the report): the impure edge.
//! - [`history`]: pure; a session's record and its line, reading the file back into sessions,
//!   statistics, the report, exports, the next-step rule, and the physiotherapist's review page
//!   ([`history::review`]: its figures and its HTML).
//! - [`domain`]: pure; exercises, routines, programmes (what is prescribed, the dose on a day,
//!   the calendar), plans, the session state machine, durations, the check-in and its questions,
//!   diagnostics, a file's shape, untrusted text, the summary, spelling hints, the cues each
//!   event makes, and the resolved settings with where each came from.
//!
//! Beside them: [`cli`] (the command line's definition: used by the commands, it uses the key
//! table for its help) and [`failure`] (why a command failed: used by the shell and the commands).
//!
//! Where things go: a key is a row of [`tui::keys`]; a setting is a field of
//! [`domain::settings::Given`] and [`domain::settings::Resolved`], then its flag, config key and
//! `trunkrot config` row; a subcommand is a [`cli::Command`], a file in [`commands`] and a line
//! of [`run`].

pub mod cli;
pub mod commands;
pub mod domain;
pub mod failure;
pub mod history;
pub mod shell;
pub mod tui;

use std::process::ExitCode;

use cli::{Cli, Command};
use failure::Failure;

/// Runs what the command line asks for.
pub fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    match &cli.command {
        None => commands::session::run(&cli.session),
        Some(Command::Check { files }) => commands::check::check(files),
        Some(Command::List { routines }) => commands::list::list(*routines),
        Some(Command::Show { exercise }) => commands::show::show(exercise.as_deref()),
        Some(Command::Plan { plan }) => commands::plan::plan(plan),
        Some(Command::Config { init, session }) => commands::config::run(session, *init),
        Some(Command::Completions { shell }) => commands::shell_integration::completions(*shell),
        Some(Command::Man) => commands::shell_integration::man(),
        Some(Command::SoundCheck(args)) => commands::sound_check::run(args),
        Some(Command::History(args)) => commands::history::run(args),
        Some(Command::Programme(args)) => commands::programme::run(args),
        Some(Command::Today(args)) => commands::today::run(args),
        Some(Command::Report(args)) => commands::report::run(args),
    }
}
