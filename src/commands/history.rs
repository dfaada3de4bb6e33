//! `trunkrot history`: the sessions done, as a report or exported, filtered by day and
//! exercise. The file itself is [`crate::shell::journal`]'s.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;
use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::failure::Failure;
use crate::history::{Record, export, report};
use crate::shell::journal;

/// `trunkrot history`: what to show and which records.
#[derive(Debug, Clone, Default, Args)]
pub struct HistoryArgs {
    /// Print every record as one JSON array
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,

    /// Print a CSV header and one row per record, for a spreadsheet
    #[arg(long)]
    pub csv: bool,

    /// Only sessions on or after this day (YYYY-MM-DD, the local date of the session)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    pub since: Option<Date>,

    /// Only sessions of this exercise (its id, as `--exercise` takes it)
    #[arg(long, value_name = "ID")]
    pub exercise: Option<String>,
}

/// `trunkrot history`.
pub fn run(args: &HistoryArgs) -> Result<ExitCode, Failure> {
    let path = journal::path()?;
    let history = journal::load(&path)
        .map_err(|e| Failure::Unreadable { path: path.display().to_string(), reason: e.to_string() })?;
    let mut err = io::stderr().lock();
    for skipped in &history.skipped {
        let _ = writeln!(err, "{skipped}");
    }
    let recorded = !history.records.is_empty();
    let records = filter(history.records, args);
    let text = if recorded && records.is_empty() && !args.json && !args.csv {
        no_match(args)
    } else if args.json {
        export::json(&records)
    } else if args.csv {
        export::csv(&records)
    } else {
        report::text(&records, ZonedDateTime::now().date())
    };
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(Failure::output)?;
    Ok(ExitCode::SUCCESS)
}

/// What to say when sessions were recorded but none passes the filters.
fn no_match(args: &HistoryArgs) -> String {
    let exercise = args.exercise.as_ref().map(|id| format!(" --exercise {}", crate::domain::untrusted::clean_line(id)));
    let since = args.since.map(|since| format!(" --since {since}"));
    format!(
        "No recorded session matches{}{}. `trunkrot list` names the exercise ids.\n",
        exercise.unwrap_or_default(),
        since.unwrap_or_default()
    )
}

/// The records `--since` and `--exercise` keep.
pub fn filter(records: Vec<Record>, args: &HistoryArgs) -> Vec<Record> {
    records
        .into_iter()
        .filter(|r| args.since.is_none_or(|since| r.start.date() >= since))
        .filter(|r| args.exercise.as_ref().is_none_or(|id| &r.exercise == id))
        .collect()
}

/// `--since`'s parser: a calendar day, and a message that says the form when it is not one.
fn day(text: &str) -> Result<Date, String> {
    text.trim().parse::<Date>().map_err(|_| "expected a day written YYYY-MM-DD, such as 2026-03-01".to_owned())
}
