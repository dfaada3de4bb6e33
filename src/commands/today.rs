//! `trunkrot today`: what the programme makes due today, what is done and left, and the week so
//! far; a line for a shell prompt; a desktop notification; a day skipped with its reason.

use std::process::ExitCode;

use jiff::ZonedDateTime;

use super::{emit, say};
use crate::cli::TodayArgs;
use crate::domain::untrusted::clean_line;
use crate::failure::Failure;
use crate::history::adherence::SkippedDay;
use crate::history::adherence::text::{self, left};
use crate::shell::{journal, local_day, notify, programme as on_disk, standing};

/// Runs `trunkrot today`. Exit code 0 when nothing is left today (or the last session was told
/// to stop), 1 when a session is.
pub fn run(args: &TodayArgs) -> Result<ExitCode, Failure> {
    let path = journal::path()?;
    if args.prompt {
        let today = local_day::today();
        // Quiet and quick: nothing at all when nothing is due, or when anything is amiss.
        // Nor after a session that was told to stop: the prompt never asks for the next one.
        let line = standing::standing(&path, today, false)
            .ok()
            .flatten()
            .filter(|s| standing::stop_in_force(&path, &s.programme).is_none())
            .and_then(|s| text::prompt(&s.programme, &s.today));
        if let Some(line) = &line {
            emit(&format!("{line}\n"))?;
        }
        return Ok(if line.is_some() { ExitCode::FAILURE } else { ExitCode::SUCCESS });
    }
    // The clock is read once; everything below takes the day.
    let today = ZonedDateTime::now().date();
    if let Some(reason) = &args.skip {
        if clean_line(reason).is_empty() {
            return Err(Failure::Usage("`--skip` needs a reason, e.g. --skip \"flare-up\"".to_owned()));
        }
        if standing::copy()?.is_none() {
            return Err(Failure::NoProgramme);
        }
        standing::skip(&path, &SkippedDay::new(today, reason))?;
    }
    let Some(standing) = standing::standing(&path, today, true)? else {
        say("No programme is in effect: `trunkrot programme install FILE` puts one in effect.\n")?;
        return Ok(ExitCode::SUCCESS);
    };
    // The items' names, when the exercises they name can be read; else their ids.
    let names: Vec<String> = match on_disk::in_effect() {
        Ok(Some(loaded)) => loaded.names,
        _ => standing.programme.items.iter().map(|item| item.id.clone()).collect(),
    };
    // A session told to stop comes first, and no session is asked for until a later one.
    let told = standing::stop_in_force(&path, &standing.programme);
    let mut lines = text::today(&standing.programme, &names, &standing.today, &standing.week, told.is_some());
    if let Some((date, told)) = &told {
        lines.insert(0, format!("After your last session, on {}: {told}", crate::domain::programme::text::day(*date)));
        lines.insert(1, String::new());
    }
    say(&(lines.join("\n") + "\n"))?;
    if told.is_some() {
        return Ok(ExitCode::SUCCESS);
    }
    let left_today: u32 = standing.today.items.iter().map(|item| left(&item.figures)).sum();
    if args.notify && left_today > 0 {
        let summary = match left_today {
            1 => "1 exercise session left today".to_owned(),
            n => format!("{n} exercise sessions left today"),
        };
        let body = match standing.today.items.iter().position(|item| left(&item.figures) > 0) {
            Some(at) => {
                let next = &standing.today.items[at].figures;
                let name = standing.programme.items.iter().position(|item| item.id == standing.today.items[at].item);
                let name = name.and_then(|at| names.get(at)).map_or("the next item", String::as_str);
                let done = next.full + next.partial;
                format!("Next: {name}, {done} of {} done today. Run trunkrot to start it.", next.due)
            }
            None => String::new(),
        };
        if let Err(why) = notify::notify(&summary, &body) {
            // Without a notification service the reminder is still said, where a timer's log or
            // a terminal will show it.
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                format!("trunkrot: {summary} ({body}); no desktop notification: {why}\n").as_bytes(),
            );
        }
    }
    Ok(if left_today > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
