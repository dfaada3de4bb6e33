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
//!   files), [`places`] (the user's config and data dirs), [`cli`] and [`failure`], and
//!   [`commands`] (`check`, `list`, `show` with its text in [`show`], and `plan`).
//! - History: [`history`] (the record format and its summaries) and [`progress`] (when to do
//!   more or less) are pure; [`journal`] is the file on disk and the `history` command.

pub mod announce;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod cues;
pub mod diagnostic;
pub mod duration;
pub mod exercise;
pub mod failure;
pub mod fields;
pub mod history;
pub mod input;
pub mod journal;
pub mod keys;
pub mod places;
pub mod plain;
pub mod plan;
pub mod progress;
pub mod routine;
pub mod session;
pub mod shell_integration;
pub mod show;
pub mod speech;
pub mod suggest;
pub mod summary;
pub mod terminal;
pub mod untrusted;
pub mod view;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use cli::{Cli, Command, SessionArgs};
use failure::Failure;

/// Runs what the command line asks for.
pub fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    match &cli.command {
        None => run_session(&cli.session),
        Some(Command::Check { files }) => Ok(commands::check(files)),
        Some(Command::List { routines }) => commands::list(*routines),
        Some(Command::Show { exercise }) => commands::show(exercise),
        Some(Command::Plan { session }) => commands::plan(session),
        Some(cli::Command::Config { init, session }) => config::report::run(session, *init),
        Some(cli::Command::Completions { shell }) => shell_integration::completions(*shell),
        Some(cli::Command::Man) => shell_integration::man(),
        Some(Command::History(args)) => journal::run(args),
    }
}

/// Plans the session from the flags, the config and the files, runs it in the terminal or as
/// plain lines, prints the summary once the terminal is restored, and records it in the history.
fn run_session(args: &SessionArgs) -> Result<ExitCode, Failure> {
    let config = config::load()?.config;
    let plan = catalog::plan(args, &config)?;
    let (announcer, notice) = announcer(args, &config);
    let planned = plan.clone();
    let start = history::Started::from_zoned(&jiff::ZonedDateTime::now());
    let (summary, checkin, reader) = if args.plain || !std::io::stdout().is_terminal() {
        if let Some(notice) = notice {
            let _ = writeln!(std::io::stderr(), "trunkrot: {notice}");
        }
        let (summary, open) = plain::run(plan, announcer, &mut std::io::stdout().lock())?;
        (summary, history::Checkin::default(), open)
    } else {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let theme = view::Theme::new(config.theme.unwrap_or_default(), no_color);
        let presentation = terminal::Presentation { theme, notice, checkin: !args.no_checkin };
        let (summary, checkin) = terminal::run(plan, announcer, presentation)?;
        (summary, checkin, true)
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe loses the summary, but must not lose the session's record.
    if reader {
        let _ = out.write_all(summary::text(&summary).as_bytes()).and_then(|()| out.flush());
    }
    let suggestions = journal::save(&history::records(&summary, &planned, start, checkin), &planned.parts)?;
    if reader {
        for suggestion in suggestions {
            let _ = writeln!(out, "{suggestion}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The bells and voice the flags and config ask for, and a notice if the voice cannot be had.
fn announcer(args: &SessionArgs, config: &config::Config) -> (announce::Announcer, Option<String>) {
    let options = cues::Options { quiet: args.quiet || config.quiet == Some(true) };
    let (voice, notice) = if args.voice || config.voice == Some(true) {
        match speech::Voice::find(config.voice_command.as_deref(), std::env::var_os("PATH").as_deref()) {
            Ok(voice) => (Some(voice), None),
            Err(notice) => (None, Some(notice)),
        }
    } else {
        (None, None)
    };
    (announce::Announcer::new(options, voice), notice)
}
