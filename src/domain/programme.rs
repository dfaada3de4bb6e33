//! A programme: what a physiotherapist prescribed (which exercises, at which dose, how often,
//! for how many weeks, what may be added and when to stop), read from a TOML file and checked
//! like exercise files are, with every problem at its line and column.
//!
//! Pure: this module checks the file; the shell finds the exercises and routines its items name
//! and [`review()`] then judges each dose against them. The dose of an item on a given day (its
//! planned steps by week and the steps the user accepted) is worked out here too.

pub mod calendar;
mod raw;
pub mod review;
pub mod text;
pub mod writing;

pub use raw::{Reading, is_programme, parse, read};
pub use review::review;

use std::fmt;
use std::time::Duration;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::domain::diagnostic::Diagnostic;
use crate::domain::plan::Overrides;

/// The bounds of a programme's own values; a dose shares the exercise's
/// ([`crate::domain::exercise::limits`]).
pub mod limits {
    use std::ops::RangeInclusive;

    pub const WEEKS: RangeInclusive<u32> = 1..=52;
    pub const TIMES_A_DAY: RangeInclusive<u32> = 1..=6;
    pub const DAYS_A_WEEK: RangeInclusive<u32> = 1..=7;
    /// Days done in full before a step may be offered.
    pub const AFTER_DAYS: RangeInclusive<u32> = 1..=28;
    /// How many reps one step of a progression may add.
    pub const STEP_REPS: RangeInclusive<u32> = 0..=10;
    /// How many seconds one step of a progression may add to the hold.
    pub const STEP_HOLD_SECS: RangeInclusive<u64> = 0..=60;
    pub const PAIN: RangeInclusive<u32> = 1..=10;
    /// At most this many items: more is not a home programme.
    pub const ITEMS: usize = 20;
    /// At most this many activities for the Patient-Specific Functional Scale, as it is used.
    pub const PSFS: usize = 3;
    /// At most this many steps the user accepted are kept in one file.
    pub const ACCEPTED: usize = 200;
    /// An item's short name, for a shell prompt, in characters.
    pub const SHORT_CHARS: usize = 8;
    /// A name, a contact, a message or an activity, in characters.
    pub const TEXT_CHARS: usize = 200;
}

/// A checked programme. Its invariants hold: at least one item, ids unique, every dose within
/// the exercise limits, steps in order inside the programme's weeks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub name: String,
    pub prescriber: Prescriber,
    /// The first day; `None` in a file that starts on the day it is installed.
    pub start: Option<Date>,
    pub weeks: u32,
    /// The day of the review, if the file names one.
    pub review: Option<Date>,
    pub items: Vec<Item>,
    /// When to stop and contact the prescriber.
    pub stop: Stop,
    /// The activities of the Patient-Specific Functional Scale, at most [`limits::PSFS`].
    pub psfs: Vec<String>,
    /// Steps of the progression the user accepted, oldest first.
    pub accepted: Vec<Accepted>,
}

/// Who prescribed the programme; either may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prescriber {
    pub name: String,
    pub contact: String,
}

/// The pain ceiling: when to stop and contact the prescriber.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stop {
    /// Stop when pain reaches this, 1 to 10.
    pub pain: Option<u8>,
    /// Stop when pain spreads into a buttock or down a leg.
    pub spreading: bool,
    /// The prescriber's own words, e.g. a phone number to call.
    pub message: String,
}

/// What an item is done with: an exercise or a routine, by id or path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    Exercise(String),
    Routine(String),
}

impl What {
    /// The id or path as written.
    pub fn name(&self) -> &str {
        match self {
            What::Exercise(name) | What::Routine(name) => name,
        }
    }
}

/// Which days an item is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Days {
    Every,
    /// These weekdays, Monday first, each once.
    On(Vec<Weekday>),
    /// Any this many days of each programme week.
    PerWeek(u32),
}

/// One prescribed exercise or routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// How the history names the item: unique in the programme.
    pub id: String,
    /// One word for a shell prompt: `rot` in `rot 1/2`.
    pub short: String,
    pub what: What,
    /// The dose from the first week; a field left out is the exercise's own.
    pub dose: Overrides,
    pub times_a_day: u32,
    pub days: Days,
    /// Planned changes of dose, by week, in order.
    pub steps: Vec<Step>,
    /// What may be added without asking, and when.
    pub progression: Option<Progression>,
}

/// A planned change of dose from the start of a week on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 2 or later: week 1 is the item's own dose.
    pub week: u32,
    pub dose: Overrides,
}

/// The progression the prescriber allows: "may add 1 rep, up to 10, once the last 3 days it was
/// done were each done in full, with no rise in pain".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progression {
    /// Reps per side one step adds (0: reps stay).
    pub reps: u32,
    /// Seconds one step adds to the hold (zero: the hold stays).
    pub hold: Duration,
    /// The most reps the steps may reach; else the top of the exercise's recommended range.
    pub up_to_reps: Option<u32>,
    /// The longest hold the steps may reach; else the top of the exercise's recommended range.
    pub up_to_hold: Option<Duration>,
    /// Days done in full, with no rise in pain, before a step is offered.
    pub after_days: u32,
}

/// A step the user accepted with `trunkrot programme accept`: from `date` on, the item's dose
/// has these values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub item: String,
    pub date: Date,
    pub dose: Overrides,
}

/// A programme as read from its file, with where each item names what it is done with, for
/// messages about a name that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeFile {
    pub programme: Programme,
    /// One per item, in order.
    pub places: Vec<Diagnostic>,
    /// Each item's number in the file, `[[item]]` by `[[item]]` from 1, as messages name it:
    /// an item the file gets wrong is left out of the programme, not out of the count.
    pub numbers: Vec<usize>,
}

impl Programme {
    /// The programme's first day: its own start, else `installed`.
    pub fn first_day(&self, installed: Date) -> Date {
        self.start.unwrap_or(installed)
    }

    /// The day after its last week, from its first day.
    pub fn end(&self, first_day: Date) -> Date {
        add_days(first_day, 7 * i64::from(self.weeks))
    }

    /// The review's day: the file's, else the day after the last week.
    pub fn review_day(&self, first_day: Date) -> Date {
        self.review.unwrap_or_else(|| self.end(first_day))
    }

    /// The programme week (1-based) `date` falls in, from `first_day`; `None` before the first
    /// day or after the last week.
    pub fn week_of(&self, first_day: Date, date: Date) -> Option<u32> {
        let days = days_between(first_day, date);
        let week = u32::try_from(days.div_euclid(7)).ok()? + 1;
        (days >= 0 && week <= self.weeks).then_some(week)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The dose of `item` on `date`: its own, then each planned step and each accepted step
    /// that has begun, in the order they began (a step planned for week 3 and accepted in week
    /// 2 both count; on the same day, the accepted one wins).
    pub fn dose_on(&self, item: &Item, first_day: Date, date: Date) -> Overrides {
        let mut changes: Vec<(Date, u8, &Overrides)> = item
            .steps
            .iter()
            .map(|step| (add_days(first_day, 7 * i64::from(step.week - 1)), 0, &step.dose))
            .chain(self.accepted.iter().filter(|a| a.item == item.id).map(|a| (a.date, 1, &a.dose)))
            .filter(|(from, _, _)| *from <= date)
            .collect();
        changes.sort_by_key(|(from, order, _)| (*from, *order));
        changes.into_iter().fold(item.dose.clone(), |dose, (_, _, change)| change.over(&dose))
    }
}

impl Item {
    /// How many sessions of the item are due on a day of the week, for items due on fixed days;
    /// `None` for an item due any N days of the week (it depends on the week so far).
    pub fn due_on(&self, weekday: Weekday) -> Option<u32> {
        match &self.days {
            Days::Every => Some(self.times_a_day),
            Days::On(days) => Some(if days.contains(&weekday) { self.times_a_day } else { 0 }),
            Days::PerWeek(_) => None,
        }
    }
}

impl fmt::Display for Days {
    /// `every day`, `on Mon, Wed and Fri`, `3 days a week`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Days::Every => f.write_str("every day"),
            Days::On(days) => {
                let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
                write!(f, "on {}", crate::domain::summary::listed(&names))
            }
            Days::PerWeek(1) => f.write_str("1 day a week"),
            Days::PerWeek(n) => write!(f, "{n} days a week"),
        }
    }
}

/// The weekday's short name, as files write it: `mon` to `sun`.
pub fn weekday_key(day: Weekday) -> &'static str {
    WEEKDAYS.iter().find(|(_, d)| *d == day).map_or("mon", |(key, _)| key)
}

/// `Mon` to `Sun`.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

/// The weekday a word names: `mon` or `monday`, in any case.
pub fn weekday(word: &str) -> Option<Weekday> {
    let word = word.trim().to_ascii_lowercase();
    WEEKDAYS.iter().find(|(key, day)| word == *key || word == long_name(*day)).map(|(_, day)| *day)
}

fn long_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

/// The names a file may give a weekday, short then long.
pub(crate) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// Whether an item's name is a file's path rather than an id, as the lookup of names takes it:
/// ids have no slash and no dot.
pub fn is_path(name: &str) -> bool {
    name.contains(['/', '\\', '.'])
}

/// An item's id when the file gives none: the exercise's or routine's id, or a file's stem.
pub fn item_id(name: &str) -> String {
    let stem = if is_path(name) {
        std::path::Path::new(name).file_stem().map(|stem| stem.to_string_lossy().into_owned())
    } else {
        None
    };
    crate::domain::untrusted::clean_line(stem.as_deref().unwrap_or(name))
}

/// An item's short name when the file gives none: the initials of its id's words
/// (`lower-trunk-rotation` is `ltr`), or its first letters when it is one word.
pub fn short_name(id: &str) -> String {
    let words: Vec<&str> = id.split(['-', '_', ' ', '.']).filter(|word| !word.is_empty()).collect();
    let short: String = if words.len() > 1 {
        words.iter().filter_map(|word| word.chars().next()).take(limits::SHORT_CHARS).collect()
    } else {
        id.chars().take(4).collect()
    };
    if short.is_empty() { "item".to_owned() } else { short.to_lowercase() }
}

/// `date` plus `days` (negative: before); saturates at the ends of jiff's calendar.
pub fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

#[cfg(test)]
mod tests;
