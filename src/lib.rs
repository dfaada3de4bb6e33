//! trunkrot: a guided timer for low back exercises, in the terminal.
//!
//! The layers, from the pure core outwards:
//!
//! - [`exercise`] (with [`duration`], [`untrusted`], [`diagnostic`]): an exercise file checked
//!   into a validated [`exercise::Exercise`].
//! - [`plan`]: an exercise and the user's overrides laid out as timed phases.
//! - [`session`]: the state machine that walks a plan; time is an argument, never read.
//! - [`app`], [`keys`], [`cues`], [`summary`]: the interactive session's state, the key map,
//!   the sounds each event makes, and the words for what was done. Still pure.
//! - [`view`]: ratatui drawing of the app; no I/O.
//! - The shell: [`terminal`] (the one interactive loop), [`plain`] (lines for pipes and screen
//!   readers), [`input`] (keys and signals as one stream), [`catalog`] (reading exercise
//!   files), [`places`] (the user's config and data dirs), [`cli`] and [`failure`].
//! - History: [`history`] (the record format and its summaries) and [`progress`] (when to do
//!   more or less) are pure; [`journal`] is the file on disk and the `history` command.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod cues;
pub mod diagnostic;
pub mod duration;
pub mod exercise;
pub mod failure;
pub mod history;
pub mod input;
pub mod journal;
pub mod keys;
pub mod places;
pub mod plain;
pub mod plan;
pub mod progress;
pub mod session;
pub mod suggest;
pub mod summary;
pub mod terminal;
pub mod untrusted;
pub mod view;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use cli::{Cli, SessionArgs};
use failure::Failure;
use plan::Plan;

/// Runs what the command line asks for.
pub fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    match &cli.command {
        Some(cli::Subcommand::History(args)) => journal::run(args),
        None => run_session(&cli.session),
    }
}

/// Loads the exercise, runs the session in the terminal or as plain lines, and prints the
/// summary once the terminal is restored.
fn run_session(args: &SessionArgs) -> Result<ExitCode, Failure> {
    let exercise = catalog::load(args.exercise.as_deref())?;
    let plan = Plan::new(exercise, &args.overrides());
    let options = cues::Options { quiet: args.quiet };
    let (parts, start) = (plan.parts.clone(), history::Started::from_zoned(&jiff::ZonedDateTime::now()));
    let (summary, checkin) = if args.plain || !std::io::stdout().is_terminal() {
        match plain::run(plan, &options, &mut std::io::stdout().lock())? {
            Some(summary) => (summary, history::Checkin::default()),
            // Standard output went away (a closed pipe): nobody is left to read a summary.
            None => return Ok(ExitCode::SUCCESS),
        }
    } else {
        terminal::run(plan, &options, !args.no_checkin)?
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe loses the summary, but must not turn a finished session into an error.
    let _ = out.write_all(summary::text(&summary).as_bytes()).and_then(|()| out.flush());
    for suggestion in journal::save(&history::records(&summary, &parts, start, checkin), &parts)? {
        let _ = writeln!(out, "{suggestion}");
    }
    Ok(ExitCode::SUCCESS)
}
