//! Was it done: sessions done against sessions due, per day (the calendar), per column of weeks
//! (the bars) and over the whole period. With a programme these come from its own adherence
//! figures; with none, from [`days_with_a_full_session`].

use jiff::civil::Date;

use super::Period;
use crate::history::Record;

/// The usual line for adherent, in percent of what was due.
pub const LINE_PERCENT: u32 = 70;

/// Done against due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub done: u32,
    pub due: u32,
}

impl Count {
    /// The share done, in whole percent rounded down (so that 69.9% never reads as 70%); `None`
    /// when nothing was due.
    pub fn percent(self) -> Option<u32> {
        (self.due > 0).then(|| (u64::from(self.done.min(self.due)) * 100 / u64::from(self.due)) as u32)
    }

    /// At or above [`LINE_PERCENT`], exactly: `done / due >= 0.7`.
    pub fn meets_line(self) -> bool {
        self.due > 0 && u64::from(self.done) * 100 >= u64::from(self.due) * u64::from(LINE_PERCENT)
    }

    /// `62 of 84`.
    pub fn of(self) -> String {
        format!("{} of {}", self.done, self.due)
    }
}

/// What adherence is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Sessions due by the programme.
    Programme,
    /// No programme: each day of the period counts once, done when it has a full session.
    DaysWithAFullSession,
}

/// How a day went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayStatus {
    /// Everything due was done in full.
    Done,
    /// Something was done, not all of it in full.
    Partial,
    /// Something was due and nothing done.
    Missed,
    /// Skipped, with a reason given.
    Skipped,
    /// Nothing was due (a rest day, or before the programme).
    NotDue,
    /// Not counted yet: the day is not over (today, when the period runs to it).
    NotOver,
}

/// One day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub status: DayStatus,
}

/// Adherence over a period, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adherence {
    pub basis: Basis,
    /// Every day of the period, in order.
    pub days: Vec<Day>,
    /// One count per column of [`Period::columns`].
    pub columns: Vec<Count>,
    pub whole: Count,
    /// The last day counted: the days after it (today, not over yet) are shown, not counted.
    pub counted_to: Date,
}

impl Adherence {
    /// How many days had each status.
    pub fn tally(&self, status: DayStatus) -> u32 {
        self.days.iter().filter(|d| d.status == status).count() as u32
    }
}

/// Adherence with no programme: the share of the period's days to `counted_to` with at least one
/// full session. A day with sessions, none of them full, is partial and does not count as done;
/// the days after `counted_to` are not counted.
pub fn days_with_a_full_session(period: Period, sessions: &[Record], counted_to: Date) -> Adherence {
    let mut status: Vec<DayStatus> =
        period.dates().map(|date| if date > counted_to { DayStatus::NotOver } else { DayStatus::Missed }).collect();
    for session in sessions {
        let Some(index) = period.day_index(session.start.date()) else { continue };
        let day = &mut status[index as usize];
        if *day == DayStatus::NotOver {
            continue;
        }
        if session.completed() {
            *day = DayStatus::Done;
        } else if *day == DayStatus::Missed && session.done() > 0 {
            // A session stopped in its first move, no hold done, leaves the day missed.
            *day = DayStatus::Partial;
        }
    }
    let days: Vec<Day> = period.dates().zip(status).map(|(date, status)| Day { date, status }).collect();
    let count = |days: &[Day]| Count {
        done: days.iter().filter(|d| d.status == DayStatus::Done).count() as u32,
        due: days.iter().filter(|d| !matches!(d.status, DayStatus::NotDue | DayStatus::NotOver)).count() as u32,
    };
    let columns = period
        .columns()
        .iter()
        .map(|column| {
            let first = period.day_index(column.first).unwrap_or(0) as usize;
            count(&days[first..(first + column.days() as usize).min(days.len())])
        })
        .collect();
    Adherence {
        basis: Basis::DaysWithAFullSession,
        whole: count(&days),
        days,
        columns,
        counted_to: counted_to.min(period.last()),
    }
}
