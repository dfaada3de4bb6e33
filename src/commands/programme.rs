//! `trunkrot programme`: the programme in effect in words, as a calendar, or installed, written
//! or ended. The file and its copy are [`crate::shell::programme`]'s; what it says, the domain's.

mod new;

use std::fmt::Write as _;
use std::process::ExitCode;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use super::{emit, say};
use crate::cli::{ProgrammeAction, ProgrammeArgs};
use crate::domain::plan::Overrides;
use crate::domain::programme::{Accepted, calendar, text};
use crate::failure::Failure;
use crate::history::adherence::{Change, ProgrammeEvent};
use crate::history::next_step::{self, Suggestion};
use crate::shell::programme::{self as on_disk, Loaded};
use crate::shell::{catalog, journal, standing};

/// Runs `trunkrot programme` and its actions.
pub fn run(args: &ProgrammeArgs) -> Result<ExitCode, Failure> {
    let today = ZonedDateTime::now().date();
    match &args.action {
        Some(ProgrammeAction::Install { file }) => install(file, today),
        Some(ProgrammeAction::End) => end(today),
        Some(ProgrammeAction::Accept { item }) => accept(item.as_deref(), today),
        Some(ProgrammeAction::New(flags)) => new::run(flags, today),
        None if args.ics => ics(&args.at),
        None => show(today),
    }
}

/// The programme in effect, or the failure that says there is none and how to have one.
fn in_effect() -> Result<Loaded, Failure> {
    on_disk::in_effect()?.ok_or(Failure::NoProgramme)
}

/// A failure to read a programme the user never saw as a file (one `programme new` wrote, or
/// one settled to start today), its problems told of `named` without a line in it.
fn whole_file(failure: Failure, named: &str) -> Failure {
    match failure {
        Failure::Invalid(invalid) => Failure::Invalid(crate::domain::diagnostic::InvalidFile {
            diagnostics: invalid
                .diagnostics
                .into_iter()
                .map(|d| crate::domain::diagnostic::Diagnostic::whole_file(named, d.message))
                .collect(),
        }),
        other => other,
    }
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
    say(&(lines.join("\n") + "\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// `trunkrot programme install FILE`: checked, settled (its start, absolute paths) and kept.
fn install(file: &std::path::Path, today: Date) -> Result<ExitCode, Failure> {
    let loaded = on_disk::load_path(file)?;
    put_in_effect(&loaded, &catalog::shown(file), file.parent(), today, None)
}

/// Makes a checked programme the one in effect (starting `today` if it names no start, its
/// relative paths from `folder`), also written to `save` if given, and says so with its notes.
/// `named` is what its problems are told of: its file, or the command that wrote it.
fn put_in_effect(
    loaded: &Loaded,
    named: &str,
    folder: Option<&std::path::Path>,
    today: Date,
    save: Option<&std::path::Path>,
) -> Result<ExitCode, Failure> {
    let before = on_disk::in_effect().ok().flatten();
    let settled = on_disk::settled(loaded.programme(), folder, today);
    // Settled, a programme that named no start starts today: a review day before today is
    // refused now, not found by every later reading of the copy.
    let written = crate::domain::programme::writing::toml(&settled);
    on_disk::read(std::path::Path::new("programme.toml"), written.as_bytes()).map_err(|f| whole_file(f, named))?;
    if let Some(save) = save {
        let cannot = |e: std::io::Error| Failure::Unwritable { path: catalog::shown(save), reason: e.to_string() };
        std::fs::write(save, &written).map_err(cannot)?;
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
    say(&out)?;
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
    say(&format!("{name} has ended; the history keeps its sessions.\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// `trunkrot programme accept [ITEM]`: the step the advice offers each item (or `item`) made its
/// dose from `today`: written into the copy in effect and, with the whole prescription, into the
/// history. Exit code 1 when no step is offered.
fn accept(only: Option<&str>, today: Date) -> Result<ExitCode, Failure> {
    let loaded = in_effect()?;
    let mut programme = loaded.programme().clone();
    if let Some(id) = only
        && programme.item(id).is_none()
    {
        let ids: Vec<String> = programme.items.iter().map(|item| item.id.clone()).collect();
        return Err(crate::domain::spelling::Unknown::new("programme item", id, &ids).into());
    }
    let path = journal::path()?;
    let past = journal::latest(&path)
        .map_err(|e| Failure::Unreadable { path: path.display().to_string(), reason: e.to_string() })?;
    // Told to stop after the last session, no step is taken until that has been seen to.
    if let Some((date, _)) = standing::stop_in_force(&path, loaded.programme()) {
        say(&format!(
            "No step now: the session of {} was told to stop. Speak to whoever prescribed the programme first.\n",
            text::day(date)
        ))?;
        return Ok(ExitCode::FAILURE);
    }
    let rule = on_disk::stop_rule_of(loaded.programme());
    let mut taken = Vec::new();
    for ((item, found), name) in loaded.programme().items.iter().zip(&loaded.found).zip(&loaded.names) {
        if only.is_some_and(|id| id != item.id) {
            continue;
        }
        let Some(allowed) = on_disk::allowed(&item.id) else { continue };
        // The offer is the advice's own: the same rule the done screen says it by.
        let step = found.iter().find_map(|(exercise, _)| {
            match next_step::suggest(&past, exercise, Some(&allowed), rule.as_ref()) {
                Some(Suggestion::Step { reps, hold, .. }) => Some(Overrides { reps, hold, ..Overrides::default() }),
                _ => None,
            }
        });
        if let Some(dose) = step {
            taken.push(format!("{name}: {} from {}", text::dose_text(&dose), text::day(today)));
            programme.accepted.push(Accepted { item: item.id.clone(), date: today, dose });
        }
    }
    if taken.is_empty() {
        say(
            "No step is offered now: the advice offers one after the days your programme asks, each done in full, with no rise in pain, no pain of 8 or more and none at your programme's stop line.\n",
        )?;
        return Ok(ExitCode::FAILURE);
    }
    on_disk::keep(&programme)?;
    standing::record_event(&path, &ProgrammeEvent { date: today, change: Change::Accepted(programme) })?;
    let mut out = String::new();
    for line in taken {
        let _ = writeln!(out, "Accepted {line}.");
    }
    let _ = writeln!(out, "`trunkrot programme` shows the dose now.");
    say(&out)?;
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
