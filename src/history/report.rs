//! The readable history: totals, streaks, the last sessions as a table, and plain-text bar
//! charts of sessions and pain per day over four weeks. Pure text; no escape codes.

use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};

use super::stats::{Day, Overview, Tally};
use super::{End, ExerciseRecord, Record};
use crate::domain::checkin::Pain;
use crate::domain::duration::human;
use crate::domain::side::Side;
use crate::domain::width;

/// The whole report for `records` as of `today`.
pub fn text(records: &[Record], today: Date) -> String {
    let mut tally = Tally::new(today);
    for record in records {
        tally.add(record.clone());
    }
    of(&tally)
}

/// The whole report for the records summed up in `tally`.
pub fn of(tally: &Tally) -> String {
    let overview = tally.overview();
    if overview.sessions == 0 {
        return "No sessions recorded yet. Each session you do is added here.\n".to_owned();
    }
    let mut out = String::new();
    totals(&mut out, &overview);
    out.push('\n');
    table(&mut out, &tally.recent());
    out.push('\n');
    sessions_chart(&mut out, &overview.days);
    out.push('\n');
    pain_chart(&mut out, &overview.days);
    out
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn totals(out: &mut String, overview: &Overview) {
    let _ = writeln!(out, "{}", plural(overview.sessions, "session", "sessions"));
    for exercise in &overview.per_exercise {
        let stopped = exercise.sessions - exercise.completed;
        let note = if stopped > 0 { format!(" ({stopped} stopped early)") } else { String::new() };
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

/// The reps of one exercise, per side: `L 3/10 R 2/10`, or `8/8` without sides.
fn reps_cell(exercise: &ExerciseRecord) -> String {
    let cells: Vec<String> = exercise
        .sides
        .iter()
        .map(|s| match s.side {
            Some(Side::Left) => format!("L {}/{}", s.done, s.planned),
            Some(Side::Right) => format!("R {}/{}", s.done, s.planned),
            None => format!("{}/{}", s.done, s.planned),
        })
        .collect();
    cells.join(" ")
}

/// What the table says after the effort: how a session stopped early ended, and a pain that
/// spread into a buttock or a leg, which a physiotherapist must see.
fn remarks(record: &Record) -> String {
    let mut said = Vec::new();
    if let End::Stopped(why) = record.end {
        said.push(match why {
            Some(why) => format!("stopped early ({})", why.phrase()),
            None => "stopped early".to_owned(),
        });
    }
    if record.checkin.spread == Some(true) {
        said.push("pain spread".to_owned());
    }
    said.join(", ")
}

fn table(out: &mut String, recent: &[&Record]) {
    let _ = writeln!(out, "Last {}", plural(recent.len(), "session", "sessions"));
    let header = format!(
        "  {:<16}  {:<22}  {:<15}  {:>5}  {:>10}  {:>4}  {}",
        "When", "Exercise", "Reps", "Hold", "Time", "Pain", "Felt"
    );
    let _ = writeln!(out, "{header}");
    for record in recent {
        let local = record.start.offset.to_datetime(record.start.at);
        let pain = record.checkin.pain.map_or_else(|| "-".to_owned(), |p| p.value().to_string());
        let felt = record.checkin.effort.map_or("-", |e| e.phrase());
        let remarks = remarks(record);
        let remarks = if remarks.is_empty() { remarks } else { format!("  {remarks}") };
        let (name, reps, hold) = match record.exercises.as_slice() {
            [one] => (one.name.clone(), reps_cell(one), human(one.hold)),
            several => (
                // A routine's session is one row; its exercises are in the exports.
                format!("{} ({} exercises)", record.routine.as_deref().unwrap_or("routine"), several.len()),
                format!("{}/{}", record.done(), record.planned()),
                "-".to_owned(),
            ),
        };
        let line = format!(
            "  {:<16}  {:<22}  {:<15}  {:>5}  {:>10}  {:>4}  {:<11}{remarks}",
            local.strftime("%Y-%m-%d %H:%M").to_string(),
            width::fit(&name, 22),
            reps,
            hold,
            human(record.active),
            pain,
            felt,
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn day_label(date: Date) -> String {
    date.strftime("%-d %b").to_string()
}

fn weekday_letter(date: Date) -> char {
    match date.weekday() {
        Weekday::Monday => 'M',
        Weekday::Tuesday | Weekday::Thursday => 'T',
        Weekday::Wednesday => 'W',
        Weekday::Friday => 'F',
        Weekday::Saturday | Weekday::Sunday => 'S',
    }
}

/// The bottom lines of both charts: a weekday letter under each day, then the first and last
/// dates.
fn axis(out: &mut String, days: &[Day]) {
    let letters: String = days.iter().flat_map(|d| [weekday_letter(d.date), ' ']).collect();
    let _ = writeln!(out, "      {}", letters.trim_end());
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        let (first, last) = (day_label(first.date), day_label(last.date));
        let width = (days.len() * 2).saturating_sub(1);
        let _ = writeln!(out, "      {first}{last:>pad$}", pad = width.saturating_sub(first.chars().count()));
    }
}

fn sessions_chart(out: &mut String, days: &[Day]) {
    let _ = writeln!(out, "Sessions per day, last {} days", days.len());
    let most = days.iter().map(|d| d.sessions).max().unwrap_or(0).max(1);
    let rows = most.min(4);
    for row in (1..=rows).rev() {
        // With more than four a day, each row stands for a share of the busiest day.
        let threshold = (row * most).div_ceil(rows);
        let bars: String = days.iter().flat_map(|d| [if d.sessions >= threshold { '█' } else { ' ' }, ' ']).collect();
        let _ = writeln!(out, "  {threshold:>2} │{}", bars.trim_end());
    }
    let _ = writeln!(out, "     └{}", "─".repeat(days.len() * 2));
    axis(out, days);
}

fn pain_chart(out: &mut String, days: &[Day]) {
    let answered: Vec<Pain> = days.iter().filter_map(|d| d.pain).collect();
    if answered.is_empty() {
        let _ = writeln!(out, "Pain after sessions: no answers in the last {} days", days.len());
        return;
    }
    let _ = writeln!(out, "Pain after sessions (0 none to 10 worst; · no answer)");
    for top in (2..=Pain::MAX).rev().step_by(2) {
        let bars: String = days
            .iter()
            .flat_map(|d| {
                let pain = d.pain.map_or(0, Pain::value);
                let cell = if pain >= top {
                    '█'
                } else if pain + 1 == top {
                    '▄'
                } else {
                    ' '
                };
                [cell, ' ']
            })
            .collect();
        let _ = writeln!(out, "  {top:>2} │{}", bars.trim_end());
    }
    let base: String = days.iter().flat_map(|d| [if d.pain.is_some() { '─' } else { '·' }, '─']).collect();
    let _ = writeln!(out, "   0 └{base}");
    axis(out, days);
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
