//! The default command: a guided session, on the screen or as plain lines, its record kept in
//! the history the moment it ends, then its summary.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::SessionArgs;
use crate::domain::checkin::Why;
use crate::failure::Failure;
use crate::history::Started;
use crate::shell::runner::{Ended, Ending, Keeping, Saved, SystemClock};
use crate::shell::{catalog, config, input, journal, plain, process_group, sound, terminal_background};
use crate::tui::{terminal, view};

/// Plans the session from the flags, the config and the files, runs it in the terminal or as
/// plain lines (keeping its record as it ends), and prints the summary once the terminal is
/// restored. A session ended by a signal exits with 128 plus its number.
pub fn run(args: &SessionArgs) -> Result<ExitCode, Failure> {
    let (settings, _) = config::resolve(&args.given())?;
    let plan = catalog::plan(&settings)?;
    // Signals are heard from here on, before anything is written to the terminal or asked of it.
    let listening = input::listen().map_err(Failure::io("listening for keys and signals"))?;
    let plain_mode = args.plain || !std::io::stdout().is_terminal();
    // What the speech command or a player detaches stays in this process's tree, to be ended.
    process_group::adopt_orphans();
    let sound::Setup { announcer, line, notices } = sound::setup(&settings, plain_mode, &sound::heard());
    let item = crate::shell::programme::item_done(&settings, &plan)?;
    // The advice keeps within what the programme allows the item this session does.
    let allowed = item.as_ref().and_then(|item| crate::shell::programme::allowed(&item.id));
    let path = journal::path()?;
    // A session after one that was told to stop says so first, as `today` does.
    // The copy is read once, for that and for its rule, which the advice after the session keeps.
    let programme = crate::shell::standing::copy().ok().flatten();
    let rule = programme.as_ref().and_then(crate::shell::programme::stop_rule_of);
    let told = programme.and_then(|programme| crate::shell::standing::stop_in_force(&path, &programme));
    let stopped = told.map(|(date, _)| {
        let day = crate::domain::programme::text::day(date);
        format!("Your last session, on {day}, was told to stop and get in touch first.")
    });
    // Where this session stands in the programme's day, and the PSFS its check-in adds.
    let day = crate::shell::standing::programme_day(&path, jiff::ZonedDateTime::now().date());
    let today = day.as_ref().map(|day| day.on_start(item.is_some()));
    let keeping = keeping(path, item, allowed, day, rule);
    let (ended, ending, reader) = if plain_mode {
        let columns = crate::shell::columns::width();
        for notice in stopped.iter().chain(&notices) {
            plain::tell(notice, columns);
        }
        // Asked only of someone at a terminal: piped in or out, plain mode never waits.
        let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let asking = plain::Asking {
            after: terminal && settings.checkin.value,
            before: terminal && settings.checkin_before.value,
        };
        let mut out = std::io::stdout().lock();
        // The first line says how the session sounds (a closed pipe is found on the next write).
        let mut first = format!("{line}\n");
        if let Some(today) = &today {
            let _ = writeln!(first, "{today}");
        }
        let _ = out.write_all(crate::domain::width::wrap_lines(&first, columns).as_bytes());
        let outcome = plain::run(plan, announcer, keeping, asking, &SystemClock, &mut out, listening)?;
        (outcome.ended, outcome.ending, outcome.reader)
    } else {
        // Before the key thread starts: the terminal's answer must not be read as keys.
        let colorfgbg = settings.colorfgbg.as_deref();
        let palette = view::Palette::chosen(settings.theme.value, || terminal_background::background(colorfgbg));
        let theme = view::Theme::new(palette, !settings.colour.value);
        let presentation = terminal::Presentation {
            theme,
            // The first notice says how the session sounds, after anything wrong with it.
            notice: Some(stopped.iter().chain(&notices).chain([&line]).cloned().collect::<Vec<_>>().join(" ")),
            checkin: settings.checkin.value,
            checkin_before: settings.checkin_before.value,
            today,
        };
        let outcome = terminal::run(plan, announcer, presentation, keeping, listening)
            .map_err(Failure::io("running the session on the terminal"))?;
        (outcome.ended, outcome.ending, true)
    };
    let exit = match ending {
        Ending::Left => Ok(ExitCode::SUCCESS),
        Ending::Signal(number) => Ok(signal_status(number)),
        Ending::Lost(reason) => Err(Failure::TerminalLost(reason)),
    };
    let (failure, said) = after(ended, &notices, reader);
    // Nothing the speech command or a player started outlives the session.
    process_group::end_descendants(std::time::Duration::from_millis(50));
    // A closed pipe or terminal loses the summary; the record is already kept.
    if let Some(said) = said {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(said.as_bytes()).and_then(|()| out.flush());
    }
    match failure {
        Some(failure) => Err(failure),
        None => exit,
    }
}

/// Who this session is, for its record: a fresh id (its start to the nanosecond and the
/// process id), its start, the history file, the end of the history for the advice, and the
/// programme item it does, with the programme's rule for stopping.
fn keeping(
    path: std::path::PathBuf,
    item: Option<crate::history::ItemDone>,
    allowed: Option<crate::history::next_step::Allowed>,
    day: Option<crate::shell::runner::ProgrammeDay>,
    stop: Option<crate::history::next_step::StopRule>,
) -> Keeping {
    let now = jiff::ZonedDateTime::now();
    let id = format!("{}-{}", now.timestamp().as_nanosecond(), std::process::id());
    let past = journal::latest(&path).unwrap_or_default();
    Keeping {
        store: Box::new(journal::HistoryFile::new(path)),
        id,
        started: Started::from_zoned(&now),
        past,
        item,
        allowed,
        day,
        stop,
    }
}

/// What is printed once the session is over (if anyone reads it): the summary, what went wrong
/// with sound, and the advice, which is the done screen's, from the same kept session. Also the
/// failure to save, the command's error.
fn after(ended: Ended, notices: &[String], reader: bool) -> (Option<Failure>, Option<String>) {
    let mut said = crate::domain::summary::text(ended.summary());
    // Whether it was kept, as the done screen says: plain mode has no done screen. A failure
    // to save is the command's error, said below.
    match ended.saved() {
        Saved::Written => {
            let _ = writeln!(said, "  {}", crate::domain::summary::SAVED);
        }
        Saved::NothingDone(nothing) => {
            let _ = writeln!(said, "  {}", nothing.said());
        }
        Saved::Failed(_) => {}
    }
    // The answers kept with it, as the done screen shows them: plain mode's questions scroll
    // away, and the screen's are gone once it closes. Why it stopped is said only as answered.
    if let Some(record) = ended.record() {
        let why = match record.end {
            crate::history::End::Stopped(why) => why.filter(|why| !matches!(why, Why::Signal | Why::Lost)),
            crate::history::End::Reached => None,
        };
        if let Some(answers) = crate::domain::summary::answers(&record.checkin, why) {
            let _ = writeln!(said, "  {answers}");
        }
    }
    if let Some(today) = ended.kept().today {
        let _ = writeln!(said, "{today}");
    }
    let advice = ended.advice();
    let (failure, sound) = ended.close();
    // What went wrong with sound: a session followed by ear alone must not be half heard
    // without the user knowing why.
    for problem in notices.iter().chain(&sound) {
        let _ = writeln!(said, "Sound: {problem}");
    }
    for suggestion in advice {
        let _ = writeln!(said, "{suggestion}");
    }
    let said = crate::domain::width::wrap_lines(&said, crate::shell::columns::width());
    (failure, reader.then_some(said))
}

/// 128 plus the signal's number, as shells report a process a signal ended.
fn signal_status(number: i32) -> ExitCode {
    ExitCode::from(u8::try_from(128 + number).unwrap_or(u8::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_exits_with_128_plus_its_number() {
        assert_eq!(signal_status(2), ExitCode::from(130));
        assert_eq!(signal_status(15), ExitCode::from(143));
        assert_eq!(signal_status(1), ExitCode::from(129));
    }
}
