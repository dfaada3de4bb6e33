//! The default command: a guided session, on the screen or as plain lines, then its summary and
//! its record in the history.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::SessionArgs;
use crate::domain::cues;
use crate::domain::settings::Resolved;
use crate::failure::Failure;
use crate::history;
use crate::shell::{announce, catalog, config, journal, plain, speech};
use crate::tui::{terminal, view};

/// Plans the session from the flags, the config and the files, runs it in the terminal or as
/// plain lines, prints the summary once the terminal is restored, and records it in the history.
pub fn run(args: &SessionArgs) -> Result<ExitCode, Failure> {
    let (settings, _) = config::resolve(&args.given())?;
    let plan = catalog::plan(&settings)?;
    let (announcer, notice) = announcer(&settings);
    let planned = plan.clone();
    let start = history::Started::from_zoned(&jiff::ZonedDateTime::now());
    let (summary, checkin, reader) = if args.plain || !std::io::stdout().is_terminal() {
        if let Some(notice) = notice {
            let _ = writeln!(std::io::stderr(), "trunkrot: {notice}");
        }
        let (summary, open) = plain::run(plan, announcer, &mut std::io::stdout().lock())?;
        (summary, history::Checkin::default(), open)
    } else {
        let theme = view::Theme::new(settings.theme.value, !settings.colour.value);
        let presentation = terminal::Presentation { theme, notice, checkin: settings.checkin.value };
        let (summary, checkin) =
            terminal::run(plan, announcer, presentation).map_err(Failure::io("running the session on the terminal"))?;
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

/// The bells and voice the settings ask for, and a notice if the voice cannot be had.
fn announcer(settings: &Resolved) -> (announce::Announcer, Option<String>) {
    let options = cues::Options { quiet: settings.quiet.value };
    let (voice, notice) = if settings.voice.value {
        match speech::Voice::find(settings.voice_command.as_deref(), settings.path.as_deref()) {
            Ok(voice) => (Some(voice), None),
            Err(notice) => (None, Some(notice)),
        }
    } else {
        (None, None)
    };
    (announce::Announcer::new(options, voice), notice)
}
