//! `trunkrot programme`: the programme in effect in words, as a calendar, or installed, written
//! or ended. The file and its copy are [`crate::shell::programme`]'s; what it says, the domain's.

mod new;

use std::fmt::Write as _;
use std::process::ExitCode;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use super::emit;
use crate::cli::{ProgrammeAction, ProgrammeArgs};
use crate::domain::programme::{calendar, text};
use crate::failure::Failure;
use crate::history::adherence::{Change, ProgrammeEvent};
use crate::shell::programme::{self as on_disk, Loaded};
use crate::shell::{catalog, journal, standing};

/// Runs `trunkrot programme` and its actions.
pub fn run(args: &ProgrammeArgs) -> Result<ExitCode, Failure> {
    let today = ZonedDateTime::now().date();
    match &args.action {
        Some(ProgrammeAction::Install { file }) => install(file, today),
        Some(ProgrammeAction::End) => end(today),
        Some(ProgrammeAction::New(flags)) => new::run(flags, today),
        None if args.ics => ics(&args.at),
        None => show(today),
    }
}

/// The programme in effect, or the failure that says there is none and how to have one.
fn in_effect() -> Result<Loaded, Failure> {
    on_disk::in_effect()?.ok_or(Failure::NoProgramme)
}

/// `trunkrot programme`: each item with its dose this week and how often, and the review.
fn show(today: Date) -> Result<ExitCode, Failure> {
    let loaded = in_effect()?;
    let (settings, _) = crate::shell::config::resolve(&crate::domain::settings::Given::default())?;
    let programme = loaded.programme();
    let first_day = programme.first_day(today);
    let parts =
        (0..programme.items.len()).map(|item| loaded.parts(item, &settings, today)).collect::<Result<Vec<_>, _>>()?;
    let lines = text::words(programme, &loaded.names, &parts, first_day, today);
    emit(&(lines.join("\n") + "\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// `trunkrot programme install FILE`: checked, settled (its start, absolute paths) and kept.
fn install(file: &std::path::Path, today: Date) -> Result<ExitCode, Failure> {
    let loaded = on_disk::load_path(file)?;
    put_in_effect(&loaded, file.parent(), today, None)
}

/// Makes a checked programme the one in effect (starting `today` if it names no start, its
/// relative paths from `folder`), also written to `save` if given, and says so with its notes.
fn put_in_effect(
    loaded: &Loaded,
    folder: Option<&std::path::Path>,
    today: Date,
    save: Option<&std::path::Path>,
) -> Result<ExitCode, Failure> {
    let before = on_disk::in_effect().ok().flatten();
    let settled = on_disk::settled(loaded.programme(), folder, today);
    if let Some(save) = save {
        let cannot = |e: std::io::Error| Failure::Unwritable { path: catalog::shown(save), reason: e.to_string() };
        std::fs::write(save, crate::domain::programme::writing::toml(&settled)).map_err(cannot)?;
    }
    let path = on_disk::keep(&settled)?;
    // The history keeps every prescription with the day it took effect, for adherence later.
    let change = if before.is_some() { Change::Changed(settled.clone()) } else { Change::Installed(settled.clone()) };
    standing::record_event(&journal::path()?, &ProgrammeEvent { date: today, change })?;
    let mut out = String::new();
    if let Some(before) = before {
        let _ = writeln!(out, "It replaces {}.", before.programme().name);
    }
    let first_day = text::day(settled.first_day(today));
    let _ = writeln!(
        out,
        "Installed {}: {} weeks from {first_day}, kept in {}.",
        settled.name,
        settled.weeks,
        path.display()
    );
    for note in &loaded.review.notes {
        let _ = writeln!(out, "{}", note.message);
    }
    let _ = writeln!(out, "`trunkrot programme` shows it; `trunkrot today` says what is due.");
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `trunkrot programme end`: the copy in effect removed.
fn end(today: Date) -> Result<ExitCode, Failure> {
    // A copy that no longer reads can still be ended.
    let name = on_disk::in_effect().ok().flatten().map(|loaded| loaded.programme().name.clone());
    if !on_disk::remove()? {
        return Err(Failure::NoProgramme);
    }
    standing::record_event(&journal::path()?, &ProgrammeEvent { date: today, change: Change::Ended })?;
    let name = name.unwrap_or_else(|| "The programme".to_owned());
    emit(&format!("{name} has ended; the history keeps its sessions.\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// `trunkrot programme --ics`: the calendar on standard output.
fn ics(at: &[jiff::civil::Time]) -> Result<ExitCode, Failure> {
    let loaded = in_effect()?;
    let now = ZonedDateTime::now();
    let programme = loaded.programme();
    let first_day = programme.first_day(now.date());
    emit(&calendar::ics(programme, &loaded.names, first_day, at, now.timestamp()))?;
    Ok(ExitCode::SUCCESS)
}
