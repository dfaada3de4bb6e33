//! `trunkrot history`: the sessions done, as a report or exported, filtered by day and
//! exercise. The file itself is [`crate::shell::journal`]'s.

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::cli::HistoryArgs;
use crate::failure::Failure;
use crate::history::adherence::{self, Attempt, ProgrammeEvent, SkippedDay};
use crate::history::review::{self, psfs, psfs::PsfsAnswer};
use crate::history::stats::Tally;
use crate::history::{self, Entry, Record, Skipped, export, report};
use crate::shell::{catalog, journal, places};

/// At most this many damaged lines are named one by one; the rest are counted.
pub const NAMED_SKIPS: usize = 20;

/// `trunkrot history`, in one pass over the file: the exports are written out as the records
/// are read, and the report sums them up as they go, so memory does not grow with the file.
pub fn run(args: &HistoryArgs) -> Result<ExitCode, Failure> {
    let path = journal::path()?;
    let unreadable = |e: io::Error| Failure::Unreadable { path: path.display().to_string(), reason: e.to_string() };
    let reader = journal::open(&path).map_err(unreadable)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    let today = ZonedDateTime::now().date();
    let mut tally = Tally::new(today);
    // What the programme's adherence needs, gathered in the same pass: its events, the days
    // skipped, and each session that did an item (a few a day at most).
    let (mut events, mut days_off, mut attempts) = (Vec::new(), Vec::new(), Vec::new());
    let mut psfs_answers = Vec::new();
    let (mut recorded, mut matched, mut skips) = (false, 0_usize, 0_usize);
    let mut written = if args.json {
        out.write_all(export::JSON_OPEN.as_bytes())
    } else if args.csv {
        out.write_all(format!("{}\n", export::CSV_HEADER).as_bytes())
    } else {
        Ok(())
    };
    if let Some(reader) = reader {
        let stopped = written.is_err();
        let each = |record: Record| {
            recorded = true;
            attempts.extend(Attempt::of(&record));
            psfs_answers.extend(psfs::answers(std::slice::from_ref(&record)));
            let Some(record) = kept(args, record) else {
                return true;
            };
            matched += 1;
            written = if args.json {
                out.write_all(export::json_item(matched == 1, &record).as_bytes())
            } else if args.csv {
                out.write_all(export::csv_rows(&record).as_bytes())
            } else {
                // With `--exercise`, a routine's session is shown as the one exercise kept.
                tally.add(Record { routine: record.routine.filter(|_| args.exercise.is_none()), ..record });
                Ok(())
            };
            written.is_ok()
        };
        let skipped = |skipped: Skipped| {
            skips += 1;
            if skips <= NAMED_SKIPS {
                let _ = writeln!(err, "{skipped}");
            }
        };
        let other = |entry: Entry| match entry {
            Entry::Programme(event) => events.push(event),
            Entry::Skip(day) => days_off.push(day),
            _ => {}
        };
        if !stopped {
            history::read_entries(reader, each, other, skipped).map_err(unreadable)?;
        }
    }
    if skips > NAMED_SKIPS {
        let more = history::report::plural(skips - NAMED_SKIPS, "more damaged line", "more damaged lines");
        let _ = writeln!(err, "{}: {more} skipped", history::FILE_NAME);
    }
    if written.is_ok() {
        written = if args.json {
            out.write_all(export::JSON_CLOSE.as_bytes())
        } else if args.csv {
            Ok(())
        } else if recorded && matched == 0 {
            out.write_all(no_match(args).as_bytes())
        } else {
            let columns = crate::shell::columns::width();
            let page = report::of(&tally, columns, &routine_names());
            out.write_all(page.as_bytes()).and_then(|()| {
                let mut lines = programme_weeks(args, &events, &attempts, &days_off, today);
                let trend = psfs_trend(&psfs_answers);
                if !trend.is_empty() {
                    if !lines.is_empty() {
                        lines.push(String::new());
                    }
                    lines.extend(trend);
                }
                if lines.is_empty() {
                    return Ok(());
                }
                let weeks = crate::domain::width::wrap_lines(&format!("\n{}\n", lines.join("\n")), columns);
                out.write_all(weeks.as_bytes())
            })
        };
    }
    written.and_then(|()| out.flush()).map_err(Failure::output)?;
    Ok(ExitCode::SUCCESS)
}

/// The names of the built-in routines and of the user's that can be read, by id. A routine
/// that cannot be read, or a folder that cannot, leaves its rows with the id they recorded.
fn routine_names() -> report::RoutineNames {
    let entries = catalog::routine_entries(places::user_routines_dir().as_deref()).unwrap_or_default();
    entries.into_iter().filter_map(|(id, routine)| Some((id, routine.ok()?.name))).collect()
}

/// Each programme week's adherence, from the first event (or `--since`) to today, with the
/// 70% line; nothing when no programme was ever installed.
fn programme_weeks(
    args: &HistoryArgs,
    events: &[ProgrammeEvent],
    attempts: &[Attempt],
    days_off: &[SkippedDay],
    today: Date,
) -> Vec<String> {
    let Some(first) = events.iter().map(|event| event.date).min() else { return Vec::new() };
    let from = args.since.map_or(first, |since| since.max(first));
    // Today is not over: its weeks are counted to yesterday.
    let to = crate::domain::programme::add_days(today, -1);
    if to < from {
        return Vec::new();
    }
    adherence::text::weeks(&adherence::adherence(events, attempts, days_off, from, to))
}

/// The PSFS scores over time: each activity's answers in order, and the change of the weekly
/// mean from the first week to the latest, as the report works it out.
fn psfs_trend(answers: &[PsfsAnswer]) -> Vec<String> {
    let (Some(first), Some(last)) = (answers.iter().map(|a| a.date).min(), answers.iter().map(|a| a.date).max()) else {
        return Vec::new();
    };
    let mut lines = vec!["PSFS, how well each activity goes, 0 (unable) to 10 (as before the problem):".to_owned()];
    let mut names: Vec<&str> = Vec::new();
    for answer in answers {
        if !names.contains(&answer.activity.as_str()) {
            names.push(&answer.activity);
        }
    }
    for name in names {
        let scores: Vec<String> = answers
            .iter()
            .filter(|a| a.activity == name)
            .map(|a| format!("{} ({})", a.score, a.date.strftime("%-d %b")))
            .collect();
        lines.push(format!("  {name}: {}", scores.join(" → ")));
    }
    let change =
        review::period::Period::new(first, last).ok().and_then(|period| psfs::figures(period, answers).change());
    if let Some(change) = change {
        let important =
            if change + 1e-9 >= psfs::IMPORTANT_POINTS { ", a change that counts (2 points or more)" } else { "" };
        lines.push(format!("  mean of the activities, first week to latest: {change:+.1}{important}"));
    }
    lines
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

/// The session as `--since` and `--exercise` keep it: `None` when they leave it out, and with
/// `--exercise`, only that exercise of it (its check-in stays: it is the session's).
pub fn kept(args: &HistoryArgs, mut record: Record) -> Option<Record> {
    if args.since.is_some_and(|since| record.start.date() < since) {
        return None;
    }
    if let Some(id) = &args.exercise {
        record.exercises.retain(|e| &e.id == id);
    }
    (!record.exercises.is_empty()).then_some(record)
}
