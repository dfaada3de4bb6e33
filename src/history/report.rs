//! The readable history: totals, streaks, the last sessions as a table, and plain-text bar
//! charts of sessions and pain per day over four weeks. Pure text; no escape codes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};

use super::stats::{Day, Overview, Tally};
use super::{End, ExerciseRecord, Record};
use crate::domain::checkin::Pain;
use crate::domain::side::Side;
use crate::domain::width;

/// The names of the routines that can be run, by id: a routine's row says its name where its
/// file still gives one, else its id.
pub type RoutineNames = BTreeMap<String, String>;

/// The whole report for `records` as of `today`, in `columns` columns.
pub fn text(records: &[Record], today: Date, columns: usize, routines: &RoutineNames) -> String {
    let mut tally = Tally::new(today);
    for record in records {
        tally.add(record.clone());
    }
    of(&tally, columns, routines)
}

/// The whole report for the records summed up in `tally`, its lines at most `columns` wide:
/// the table's rows wrap at their words, and the charts show as many of the last 28 days as fit.
pub fn of(tally: &Tally, columns: usize, routines: &RoutineNames) -> String {
    let overview = tally.overview();
    if overview.sessions == 0 {
        return "No sessions recorded yet. Each session you do is added here.\n".to_owned();
    }
    let mut out = String::new();
    totals(&mut out, &overview);
    out.push('\n');
    table(&mut out, &tally.recent(), columns, routines);
    out.push('\n');
    // Two columns a day after the axis's six where they fit, else one; never fewer days.
    let days = &overview.days;
    let step = if CHART_LEFT + days.len() * 2 <= columns { 2 } else { 1 };
    sessions_chart(&mut out, days, step);
    out.push('\n');
    pain_chart(&mut out, days, step);
    width::wrap_lines(&out, columns)
}

/// The columns left of a chart's first day: its scale and axis.
const CHART_LEFT: usize = 6;

/// The columns the whole table row takes: where it fits, one line a session; else two.
const ROW: usize = 79;

/// `count` with the noun for one or for many: "1 session", "3 sessions".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn totals(out: &mut String, overview: &Overview) {
    let sessions = plural(overview.sessions, "session", "sessions");
    let _ = match (overview.sessions, overview.routines) {
        (_, 0) => writeln!(out, "{sessions}"),
        // A routine's session counts for each exercise it did, so the counts under it add up to
        // more than the sessions: say what they count.
        (all, routines) => {
            let which = if routines < all {
                format!("{routines} of them {}", if routines == 1 { "a routine" } else { "routines" })
            } else if all == 1 {
                "a routine".to_owned()
            } else {
                "all routines".to_owned()
            };
            writeln!(out, "{sessions}, {which}\nSessions with each exercise:")
        }
    };
    for exercise in &overview.per_exercise {
        let mut short = Vec::new();
        if exercise.stopped > 0 {
            short.push(format!("{} stopped early", exercise.stopped));
        }
        if exercise.skipped > 0 {
            short.push(format!("{} with holds skipped", exercise.skipped));
        }
        let note = if short.is_empty() { String::new() } else { format!(" ({})", short.join(", ")) };
        let _ = writeln!(out, "  {}: {}{note}", exercise.name, exercise.sessions);
    }
    let days = |n: u32| plural(n as usize, "day", "days");
    let _ = writeln!(out, "Streak: {} now, longest {}", days(overview.current_streak), days(overview.longest_streak));
    let _ = writeln!(
        out,
        "Last 7 days: {} · last 28 days: {}",
        plural(overview.last_7, "session", "sessions"),
        plural(overview.last_28, "session", "sessions")
    );
}

/// A routine's row: its name, or its id where its file no longer names it, marked as a routine
/// unless the name says so already ("Low-back routine"). The mark is never cut: the name is.
fn routine_cell(id: Option<&str>, routines: &RoutineNames) -> String {
    let Some(id) = id else { return "a routine".to_owned() };
    let name = routines.get(id).map_or(id, String::as_str);
    let whole = width::fit(name, NAME);
    if whole.to_lowercase().contains("routine") {
        whole
    } else {
        format!("{} (routine)", width::fit(name, NAME - " (routine)".len()))
    }
}

/// The columns of the table's Exercise column.
const NAME: usize = 20;

/// The reps of one exercise, per side: `L3/10 R2/10`, or `8/8` without sides.
fn reps_cell(exercise: &ExerciseRecord) -> String {
    let cells: Vec<String> = exercise
        .sides
        .iter()
        .map(|s| match s.side {
            Some(Side::Left) => format!("L{}/{}", s.done, s.planned),
            Some(Side::Right) => format!("R{}/{}", s.done, s.planned),
            None => format!("{}/{}", s.done, s.planned),
        })
        .collect();
    cells.join(" ")
}

/// What the table says after the effort: how a session stopped early ended, the holds skipped,
/// and a pain that spread into a buttock or a leg, which a physiotherapist must see.
fn remarks(record: &Record) -> String {
    let mut said = Vec::new();
    if let End::Stopped(why) = record.end {
        said.push(match why {
            Some(why) => format!("stopped early ({})", why.told()),
            None => "stopped early".to_owned(),
        });
    }
    let skipped = record.exercises.iter().fold(0, |sum: u32, e| sum.saturating_add(e.skipped));
    if skipped > 0 {
        said.push(crate::domain::summary::holds_skipped(skipped));
    }
    if record.checkin.spread == Some(true) {
        said.push("pain spread".to_owned());
    }
    said.join(", ")
}

/// The last sessions, one row each, within 80 columns with the pain and how it felt: the
/// columns a physiotherapist reads. A row's remarks (stopped early, pain that spread) go on a
/// line of their own under it.
fn table(out: &mut String, recent: &[&Record], columns: usize, routines: &RoutineNames) {
    let _ = writeln!(out, "Last {}", plural(recent.len(), "session", "sessions"));
    // Narrower than a row, each session takes two lines, the numbers under the names.
    let split = if columns < ROW { format!("\n{:14}", "") } else { " ".to_owned() };
    let header = format!(
        "{:<12}  {:<20}  {:<13}{split}{:>5} {:>5} {:>4}  {}",
        "When", "Exercise", "Reps", "Hold", "Time", "Pain", "Felt"
    );
    let header: Vec<&str> = header.lines().map(str::trim_end).collect();
    let _ = writeln!(out, "{}", header.join("\n"));
    for record in recent {
        let local = record.start.offset.to_datetime(record.start.at);
        let pain = record.checkin.pain.map_or_else(|| "-".to_owned(), |p| p.value().to_string());
        let felt = record.checkin.effort.map_or("-", |e| e.phrase());
        let (name, reps, hold) = match (&record.routine, record.exercises.as_slice()) {
            (None, [one]) => (one.name.clone(), reps_cell(one), format!("{} s", one.hold.as_secs())),
            // Even one stopped in its first exercise: its row says the routine, not that one.
            _ => (
                // A routine's session is one row, marked as one; its exercises are in the exports.
                routine_cell(record.routine.as_deref(), routines),
                format!("{}/{}", record.done(), record.planned()),
                "-".to_owned(),
            ),
        };
        let line = format!(
            "{:<12}  {:<20}  {:<13}{split}{:>5} {:>5} {:>4}  {felt}",
            local.strftime("%-d %b %H:%M").to_string(),
            width::fit(&name, NAME),
            reps,
            hold,
            clock(record.active),
            pain,
        );
        let line: Vec<&str> = line.lines().map(str::trim_end).collect();
        let _ = writeln!(out, "{}", line.join("\n"));
        let remarks = remarks(record);
        if !remarks.is_empty() {
            let _ = writeln!(out, "{:14}{remarks}", "");
        }
    }
}

/// A time as `m:ss`, short enough for a table's column.
fn clock(time: std::time::Duration) -> String {
    let secs = time.as_secs();
    format!("{}:{:02}", secs / 60, secs % 60)
}

fn day_label(date: Date) -> String {
    date.strftime("%-d %b").to_string()
}

/// The bottom lines of both charts: each Monday marked with its date under its bar (a single
/// letter a day could not tell Tuesday from Thursday), then the first and last dates.
fn axis(out: &mut String, days: &[Day], step: usize) {
    let mut mondays = String::new();
    for (index, day) in days.iter().enumerate() {
        let label = format!("Mo {}", day.date.day());
        let room = index * step + label.len() <= days.len() * step;
        if day.date.weekday() == Weekday::Monday && mondays.chars().count() <= index * step && room {
            let pad = index * step - mondays.chars().count();
            let _ = write!(mondays, "{:pad$}{label}", "");
        }
    }
    let _ = writeln!(out, "      {}", mondays.trim_end());
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        let (first, last) = (day_label(first.date), day_label(last.date));
        let width = (days.len() * step).saturating_sub(step - 1);
        let _ = writeln!(out, "      {first}{last:>pad$}", pad = width.saturating_sub(first.chars().count()));
    }
}

/// A day's cell in a chart: its mark, and a gap after it when each day has two columns.
fn cell(mark: char, step: usize) -> impl Iterator<Item = char> {
    std::iter::once(mark).chain((step > 1).then_some(' '))
}

fn sessions_chart(out: &mut String, days: &[Day], step: usize) {
    let _ = writeln!(out, "Sessions per day, last {} days", days.len());
    let most = days.iter().map(|d| d.sessions).max().unwrap_or(0).max(1);
    let rows = most.min(4);
    for row in (1..=rows).rev() {
        // With more than four a day, each row stands for a share of the busiest day.
        let threshold = (row * most).div_ceil(rows);
        let bars: String =
            days.iter().flat_map(|d| cell(if d.sessions >= threshold { '█' } else { ' ' }, step)).collect();
        let _ = writeln!(out, "  {threshold:>2} │{}", bars.trim_end());
    }
    let _ = writeln!(out, "     └{}", "─".repeat(days.len() * step));
    axis(out, days, step);
}

fn pain_chart(out: &mut String, days: &[Day], step: usize) {
    let answered: Vec<Pain> = days.iter().filter_map(|d| d.pain).collect();
    if answered.is_empty() {
        let _ = writeln!(out, "Pain after sessions: no answers in the last {} days", days.len());
        return;
    }
    let _ = writeln!(out, "Pain after sessions, the day's last answer (0 none to 10 worst; · no answer)");
    for top in (2..=Pain::MAX).rev().step_by(2) {
        let bars: String = days
            .iter()
            .flat_map(|d| {
                let pain = d.pain.map_or(0, Pain::value);
                let mark = if pain >= top {
                    '█'
                } else if pain + 1 == top {
                    '▄'
                } else {
                    ' '
                };
                cell(mark, step)
            })
            .collect();
        let _ = writeln!(out, "  {top:>2} │{}", bars.trim_end());
    }
    let base: String = days
        .iter()
        .flat_map(|d| std::iter::once(if d.pain.is_some() { '─' } else { '·' }).chain((step > 1).then_some('─')))
        .collect();
    let _ = writeln!(out, "   0 └{base}");
    axis(out, days, step);
    if let Some(trend) = trend(days) {
        let _ = writeln!(out, "{trend}");
    }
}

/// The average pain of the first and the last two weeks, when both have answers.
fn trend(days: &[Day]) -> Option<String> {
    let (early, late) = days.split_at(days.len() / 2);
    let mean = |days: &[Day]| {
        let pains: Vec<f64> = days.iter().filter_map(|d| d.pain).map(|p| f64::from(p.value())).collect();
        (!pains.is_empty()).then(|| pains.iter().sum::<f64>() / pains.len() as f64)
    };
    let (early, late) = (mean(early)?, mean(late)?);
    let direction = if late + 0.5 < early {
        "down"
    } else if late > early + 0.5 {
        "up"
    } else {
        "about the same"
    };
    Some(format!("Average pain: {early:.1} in the first two weeks, {late:.1} in the last two ({direction})"))
}

#[cfg(test)]
mod tests;
