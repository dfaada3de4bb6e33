//! Adherence and trend from the records: sessions per exercise, daily streaks, the last 7 and
//! 28 days, and per-day counts and pain for the last four weeks. Days are the user's local days
//! as each record's own UTC offset gives them; "today" is an argument.

use jiff::ToSpan;
use jiff::civil::Date;

use super::Record;
use crate::domain::checkin::Pain;

/// The days the charts and the longer window cover.
pub const WINDOW_DAYS: usize = 28;

/// Sessions of one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseCount {
    pub exercise: String,
    pub name: String,
    pub sessions: usize,
    pub completed: usize,
}

/// One day of the four-week window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub sessions: u32,
    /// The last pain score given that day.
    pub pain: Option<Pain>,
}

/// Everything `trunkrot history` shows, bar the table of recent sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub sessions: usize,
    /// In order of first appearance.
    pub per_exercise: Vec<ExerciseCount>,
    /// Days in a row with a session, ending today (or yesterday, as today is not over yet).
    pub current_streak: u32,
    pub longest_streak: u32,
    /// Sessions in the last 7 and 28 days, today included.
    pub last_7: usize,
    pub last_28: usize,
    /// The last [`WINDOW_DAYS`] days, oldest first, ending today.
    pub days: Vec<Day>,
}

/// Sums up `records` as of `today`.
pub fn overview(records: &[Record], today: Date) -> Overview {
    let mut per_exercise: Vec<ExerciseCount> = Vec::new();
    let window = window(today);
    let first = window.first().copied().unwrap_or(today);
    let mut days: Vec<Day> = window.iter().map(|&date| Day { date, sessions: 0, pain: None }).collect();
    let mut dates = Vec::with_capacity(records.len());
    let mut latest_pain: Vec<Option<jiff::Timestamp>> = vec![None; days.len()];
    let mut sessions = 0;
    let mut previous: Option<&Record> = None;
    for record in records {
        // The exercises of one routine are one session.
        let new_session = !continues(previous, record);
        previous = Some(record);
        sessions += usize::from(new_session);
        match per_exercise.iter_mut().find(|e| e.exercise == record.exercise) {
            Some(count) => {
                count.sessions += 1;
                count.completed += usize::from(record.completed);
            }
            None => per_exercise.push(ExerciseCount {
                exercise: record.exercise.clone(),
                name: record.name.clone(),
                sessions: 1,
                completed: usize::from(record.completed),
            }),
        }
        // A start is never in the future, but its local day can be ahead of today's: made
        // further east, read back further west. It counts for today.
        let date = record.start.date().min(today);
        dates.push(date);
        if (first..=today).contains(&date) {
            let index = days_between(first, date);
            let day = &mut days[index];
            day.sessions += u32::from(new_session);
            if let Some(pain) = record.checkin.pain
                && latest_pain[index].is_none_or(|at| at <= record.start.at)
            {
                latest_pain[index] = Some(record.start.at);
                day.pain = Some(pain);
            }
        }
    }
    dates.sort_unstable();
    dates.dedup();
    let last_7 = days[WINDOW_DAYS - 7..].iter().map(|d| d.sessions as usize).sum();
    let last_28 = days.iter().map(|d| d.sessions as usize).sum();
    Overview {
        sessions,
        per_exercise,
        current_streak: current_streak(&dates, today),
        longest_streak: longest_streak(&dates),
        last_7,
        last_28,
        days,
    }
}

/// Whether `record` is a later exercise of the same routine session as `previous`: a routine's
/// records are written together, with the routine's id and the session's start.
fn continues(previous: Option<&Record>, record: &Record) -> bool {
    previous.is_some_and(|p| record.routine.is_some() && p.routine == record.routine && p.start == record.start)
}

/// The [`WINDOW_DAYS`] days ending `today`, oldest first.
fn window(today: Date) -> Vec<Date> {
    let mut days: Vec<Date> = std::iter::successors(Some(today), |d| d.yesterday().ok()).take(WINDOW_DAYS).collect();
    days.reverse();
    days
}

fn days_between(from: Date, to: Date) -> usize {
    to.since(from).map_or(0, |span| span.get_days()).try_into().unwrap_or(0)
}

/// The run of days ending today, or yesterday if there is nothing yet today. `dates` is sorted
/// and without repeats.
fn current_streak(dates: &[Date], today: Date) -> u32 {
    let has = |date: &Date| dates.binary_search(date).is_ok();
    let end = if has(&today) {
        today
    } else {
        match today.checked_sub(1.day()) {
            Ok(yesterday) if has(&yesterday) => yesterday,
            _ => return 0,
        }
    };
    let run = std::iter::successors(Some(end), |d| d.yesterday().ok()).take_while(has).count();
    u32::try_from(run).unwrap_or(u32::MAX)
}

/// The longest run of consecutive days. `dates` is sorted and without repeats.
fn longest_streak(dates: &[Date]) -> u32 {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<Date> = None;
    for &date in dates {
        run = match previous.and_then(|p| p.tomorrow().ok()) {
            Some(next) if next == date => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(date);
    }
    longest
}

/// The records in the order they started, the most recent `count` of them.
pub fn recent(records: &[Record], count: usize) -> Vec<&Record> {
    let mut recent: Vec<&Record> = records.iter().collect();
    if !recent.is_sorted_by_key(|r| r.start.at) {
        recent.sort_by_key(|r| r.start.at);
    }
    recent.split_off(recent.len().saturating_sub(count))
}

#[cfg(test)]
mod tests;
