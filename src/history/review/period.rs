//! The period a review covers, its weeks (counted from its first day, as a programme's weeks
//! are), and the columns its weekly charts and tables have room for on one page.

use jiff::ToSpan;
use jiff::civil::Date;

/// Days from `first` to `last`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    first: Date,
    last: Date,
}

/// The longest period one page shows: a year and a week, so that a year from any weekday fits.
pub const MAX_WEEKS: u32 = 53;

/// The most columns a weekly chart or table has on the page; longer periods put several weeks in
/// each column.
pub const MAX_COLUMNS: u32 = 13;

/// Why a period cannot be reviewed on one page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the period ends ({last}) before it starts ({first})")]
    Backwards { first: Date, last: Date },
    #[error(
        "the period from {first} to {last} is longer than one page shows ({MAX_WEEKS} weeks): narrow it with --since or --until"
    )]
    TooLong { first: Date, last: Date },
}

impl Period {
    /// The days from `first` to `last`, if they fit on one page.
    pub fn new(first: Date, last: Date) -> Result<Period, PeriodError> {
        if last < first {
            return Err(PeriodError::Backwards { first, last });
        }
        let period = Period { first, last };
        if period.days() > MAX_WEEKS * 7 {
            return Err(PeriodError::TooLong { first, last });
        }
        Ok(period)
    }

    pub fn first(self) -> Date {
        self.first
    }

    pub fn last(self) -> Date {
        self.last
    }

    /// How many days, both ends included.
    pub fn days(self) -> u32 {
        // Both dates are in jiff's range and at most MAX_WEEKS apart, or in order at least.
        let span = self.first.until(self.last).map_or(0, |span| span.get_days());
        u32::try_from(span).unwrap_or(0) + 1
    }

    /// Each day of the period, in order.
    pub fn dates(self) -> impl Iterator<Item = Date> {
        self.first.series(1.day()).take(self.days() as usize)
    }

    pub fn contains(self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }

    /// Days from the first day (0 for the first); `None` outside the period.
    pub fn day_index(self, date: Date) -> Option<u32> {
        if !self.contains(date) {
            return None;
        }
        let span = self.first.until(date).ok()?;
        u32::try_from(span.get_days()).ok()
    }

    /// How many weeks, counting a last part-week as one.
    pub fn weeks(self) -> u32 {
        self.days().div_ceil(7)
    }

    /// The week `date` falls in (0 for the first); `None` outside the period.
    pub fn week_index(self, date: Date) -> Option<u32> {
        self.day_index(date).map(|day| day / 7)
    }

    /// The day `days` after the first.
    pub fn nth_day(self, days: u32) -> Date {
        self.first.checked_add(i64::from(days).days()).unwrap_or(self.last)
    }

    /// The columns of the weekly charts and tables: one per week up to [`MAX_COLUMNS`] weeks, and
    /// for longer periods as few weeks in each as fit (the last may hold fewer).
    pub fn columns(self) -> Vec<Column> {
        let weeks = self.weeks();
        let per = weeks.div_ceil(MAX_COLUMNS).max(1);
        (0..weeks.div_ceil(per))
            .map(|n| {
                let first_week = n * per;
                let weeks = per.min(weeks - first_week);
                let first = self.nth_day(first_week * 7);
                let last = self.nth_day((first_week + weeks) * 7 - 1).min(self.last);
                Column { first_week, weeks, first, last }
            })
            .collect()
    }

    /// The column `date` falls in, with `columns` as [`Period::columns`] gives them.
    pub fn column_index(self, columns: &[Column], date: Date) -> Option<usize> {
        let week = self.week_index(date)?;
        columns.iter().position(|c| c.first_week <= week && week < c.first_week + c.weeks)
    }
}

/// Some whole weeks of the period, shown as one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The first week's index (0 for the period's first).
    pub first_week: u32,
    pub weeks: u32,
    pub first: Date,
    pub last: Date,
}

impl Column {
    /// `W3`, or `W1-4` for several weeks, counted from 1.
    pub fn label(self) -> String {
        if self.weeks == 1 {
            format!("W{}", self.first_week + 1)
        } else {
            format!("W{}-{}", self.first_week + 1, self.first_week + self.weeks)
        }
    }

    /// As short as a chart's axis needs: `W3`, or `1-4` for several weeks.
    pub fn short_label(self) -> String {
        if self.weeks == 1 { self.label() } else { format!("{}-{}", self.first_week + 1, self.first_week + self.weeks) }
    }

    /// How many days of the period it holds.
    pub fn days(self) -> u32 {
        Period { first: self.first, last: self.last }.days()
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_period_counts_both_ends_and_its_part_weeks() {
        let period = Period::new(date(2026, 3, 2), date(2026, 3, 16)).unwrap();
        assert_eq!((period.days(), period.weeks()), (15, 3));
        assert_eq!(period.week_index(date(2026, 3, 8)), Some(0));
        assert_eq!(period.week_index(date(2026, 3, 9)), Some(1));
        assert_eq!(period.week_index(date(2026, 3, 16)), Some(2));
        assert_eq!(period.week_index(date(2026, 3, 17)), None);
        assert_eq!(period.dates().count(), 15);
        let one = Period::new(date(2026, 3, 2), date(2026, 3, 2)).unwrap();
        assert_eq!((one.days(), one.weeks(), one.columns().len()), (1, 1, 1));
    }

    #[test]
    fn twelve_weeks_are_twelve_columns_and_a_year_is_eleven_of_five_weeks() {
        let twelve = Period::new(date(2026, 3, 2), date(2026, 5, 24)).unwrap();
        let columns = twelve.columns();
        assert_eq!(columns.len(), 12);
        assert_eq!(
            (columns[11].label(), columns[11].first, columns[11].last),
            ("W12".to_owned(), date(2026, 5, 18), date(2026, 5, 24))
        );
        let year = Period::new(date(2026, 1, 1), date(2026, 12, 31)).unwrap();
        assert_eq!(year.weeks(), 53);
        let columns = year.columns();
        assert_eq!(columns.len(), 11);
        assert_eq!(columns[0].label(), "W1-5");
        assert_eq!((columns[10].label(), columns[10].days()), ("W51-53".to_owned(), 15));
        assert_eq!(columns.iter().map(|c| c.days()).sum::<u32>(), 365);
        assert_eq!(year.column_index(&columns, date(2026, 12, 31)), Some(10));
    }

    #[test]
    fn a_period_backwards_or_longer_than_a_page_is_refused() {
        assert!(matches!(Period::new(date(2026, 3, 2), date(2026, 3, 1)), Err(PeriodError::Backwards { .. })));
        assert!(Period::new(date(2026, 1, 1), date(2027, 1, 6)).is_ok());
        let too_long = Period::new(date(2026, 1, 1), date(2027, 1, 7)).unwrap_err();
        assert!(too_long.to_string().contains("--since"), "{too_long}");
    }
}
