//! The default command: a guided session, on the screen or as plain lines, then its summary and
//! its record in the history.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::SessionArgs;
use crate::domain::cues;
use crate::failure::Failure;
use crate::history;
use crate::shell::{announce, catalog, config, journal, plain, speech};
use crate::tui::{terminal, view};

/// Plans the session from the flags, the config and the files, runs it in the terminal or as
/// plain lines, prints the summary once the terminal is restored, and records it in the history.
pub fn run(args: &SessionArgs) -> Result<ExitCode, Failure> {
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
        let _ = out.write_all(crate::domain::summary::text(&summary).as_bytes()).and_then(|()| out.flush());
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
