//! Adherence and trend from the sessions: sessions per exercise, daily streaks, the last 7 and
//! 28 days, and per-day counts and pain for the last four weeks. Days are the user's local days
//! as each record's own UTC offset gives them; "today" is an argument.

use std::collections::{BTreeSet, HashMap, VecDeque};

use jiff::ToSpan;
use jiff::civil::Date;

use super::{End, Record};
use crate::domain::checkin::Pain;

/// The days the charts and the longer window cover.
pub const WINDOW_DAYS: usize = 28;

/// Sessions of one exercise, and of those, the ones that did not do all its holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseCount {
    pub exercise: String,
    pub name: String,
    pub sessions: usize,
    /// Stopped early while it was under way.
    pub stopped: usize,
    /// Run to the end with some of its holds skipped.
    pub skipped: usize,
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
    /// The sessions that ran a routine, each counted for every exercise it did below.
    pub routines: usize,
    /// In order of first appearance.
    pub per_exercise: Vec<ExerciseCount>,
    /// Days in a row with a hold done, ending today (or yesterday, as today is not over yet): a
    /// session stopped in its first move counts as a session, not as a day of exercise.
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
    let mut tally = Tally::new(today);
    for record in records {
        tally.add(record.clone());
    }
    tally.overview()
}

/// The running sums behind an [`Overview`], fed one record at a time in file order, so that a
/// history of any length is summed up holding only counts, the days with a session, and the
/// few latest records the report lists. Each record costs the same whatever came before: the
/// exercises are found by id in a map, not by a search of the list.
#[derive(Debug, Clone)]
pub struct Tally {
    today: Date,
    first: Date,
    sessions: usize,
    routines: usize,
    per_exercise: Vec<ExerciseCount>,
    index: HashMap<String, usize>,
    days: Vec<Day>,
    latest_pain: Vec<Option<jiff::Timestamp>>,
    dates: BTreeSet<Date>,
    recent: Recent<Record>,
}

impl Tally {
    /// Nothing summed yet, as of `today`.
    pub fn new(today: Date) -> Self {
        let window = window(today);
        let first = window.first().copied().unwrap_or(today);
        let days: Vec<Day> = window.iter().map(|&date| Day { date, sessions: 0, pain: None }).collect();
        Tally {
            today,
            first,
            sessions: 0,
            routines: 0,
            per_exercise: Vec::new(),
            index: HashMap::new(),
            latest_pain: vec![None; days.len()],
            days,
            dates: BTreeSet::new(),
            recent: Recent::new(RECENT),
        }
    }

    /// Counts one more session, the next in the file (kept only if it is among the latest).
    pub fn add(&mut self, record: Record) {
        self.sessions += 1;
        self.routines += usize::from(record.routine.is_some());
        let stopped = matches!(record.end, End::Stopped(_));
        // A stopped session was stopped in its last exercise kept; one before it that is not
        // complete had holds skipped.
        let last = record.exercises.len().saturating_sub(1);
        for (index, exercise) in record.exercises.iter().enumerate() {
            let at = *self.index.entry(exercise.id.clone()).or_insert_with(|| {
                self.per_exercise.push(ExerciseCount {
                    exercise: exercise.id.clone(),
                    name: exercise.name.clone(),
                    sessions: 0,
                    stopped: 0,
                    skipped: 0,
                });
                self.per_exercise.len() - 1
            });
            let count = &mut self.per_exercise[at];
            count.sessions += 1;
            if !exercise.completed {
                if stopped && index == last { count.stopped += 1 } else { count.skipped += 1 }
            }
        }
        // A start is never in the future, but its local day can be ahead of today's: made
        // further east, read back further west. It counts for today.
        let date = record.start.date().min(self.today);
        if record.done() > 0 {
            self.dates.insert(date);
        }
        if (self.first..=self.today).contains(&date) {
            let index = days_between(self.first, date);
            let day = &mut self.days[index];
            day.sessions += 1;
            if let Some(pain) = record.checkin.pain
                && self.latest_pain[index].is_none_or(|at| at <= record.start.at)
            {
                self.latest_pain[index] = Some(record.start.at);
                day.pain = Some(pain);
            }
        }
        self.recent.add(record.start.at, record);
    }

    /// The latest records by start, oldest first: the [`RECENT`] the report lists.
    pub fn recent(&self) -> Vec<&Record> {
        self.recent.items().collect()
    }

    /// What the records added so far add up to.
    pub fn overview(&self) -> Overview {
        let dates: Vec<Date> = self.dates.iter().copied().collect();
        let last_7 = self.days[WINDOW_DAYS - 7..].iter().map(|d| d.sessions as usize).sum();
        let last_28 = self.days.iter().map(|d| d.sessions as usize).sum();
        Overview {
            sessions: self.sessions,
            routines: self.routines,
            per_exercise: self.per_exercise.clone(),
            current_streak: current_streak(&dates, self.today),
            longest_streak: longest_streak(&dates),
            last_7,
            last_28,
            days: self.days.clone(),
        }
    }
}

/// How many records the report's table lists.
pub const RECENT: usize = 10;

/// The `count` latest items by start, ties kept in file order, as a file is read.
#[derive(Debug, Clone)]
struct Recent<T> {
    count: usize,
    /// At most `count`, sorted by (start, place in the file).
    /// A deque: records nearly always come in order of start, so each new one goes on the end
    /// and the oldest leaves the front, with nothing shifted.
    kept: VecDeque<(jiff::Timestamp, usize, T)>,
    seen: usize,
}

impl<T> Recent<T> {
    fn new(count: usize) -> Self {
        Recent { count, kept: VecDeque::with_capacity(count + 1), seen: 0 }
    }

    /// Takes `item`, which started `at`, if it is among the latest so far.
    fn add(&mut self, at: jiff::Timestamp, item: T) {
        let key = (at, self.seen);
        self.seen += 1;
        if self.count == 0 || (self.kept.len() == self.count && self.kept.front().is_some_and(|k| (k.0, k.1) > key)) {
            return;
        }
        let place = self.kept.partition_point(|k| (k.0, k.1) < key);
        self.kept.insert(place, (key.0, key.1, item));
        if self.kept.len() > self.count {
            self.kept.pop_front();
        }
    }

    fn items(&self) -> impl Iterator<Item = &T> {
        self.kept.iter().map(|(_, _, item)| item)
    }
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
    let mut recent = Recent::new(count);
    for record in records {
        recent.add(record.start.at, record);
    }
    recent.items().copied().collect()
}

#[cfg(test)]
mod tests;
