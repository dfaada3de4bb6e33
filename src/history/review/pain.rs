//! Did it help: pain after each session (0 to 10) against its baseline, the first week's mean,
//! and the band of a clinically important drop; the weekly means; which side hurt.

use jiff::civil::Date;

use super::Period;
use crate::domain::checkin::{Hurt, Pain};
use crate::history::Record;

/// The smallest drop in points that counts as clinically important.
pub const IMPORTANT_POINTS: f64 = 2.0;

/// The smallest drop, as a share of the baseline, that counts as clinically important.
pub const IMPORTANT_SHARE: f64 = 0.3;

/// Tolerance for comparing means: a mean of thirds can miss an exact bound by a rounding error.
const EPSILON: f64 = 1e-9;

/// The mean pain of one week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekMean {
    /// The week's index in the period (0 for the first).
    pub week: u32,
    pub mean: f64,
    pub answers: u32,
}

/// One session's pain answers, for the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub date: Date,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// The pain figures of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct PainFigures {
    /// The mean of the first week with an answer after a session; usually the period's first.
    pub baseline: Option<WeekMean>,
    /// The mean of the last week with an answer, when it is not the baseline's week.
    pub latest: Option<WeekMean>,
    /// The mean of each column of [`Period::columns`] with an answer.
    pub columns: Vec<Option<f64>>,
    /// Every session with a pain answer, in order.
    pub answers: Vec<Answer>,
}

impl PainFigures {
    /// How far pain must drop from the baseline to be clinically important: 2 points or 30% of
    /// the baseline, whichever is larger.
    pub fn important_drop(&self) -> Option<f64> {
        self.baseline.map(|b| important_drop(b.mean))
    }

    /// The highest mean pain that is a clinically important drop from the baseline: the top of
    /// the band. `None` without a baseline, or when the baseline is too low for such a drop.
    pub fn band_top(&self) -> Option<f64> {
        let baseline = self.baseline?.mean;
        let top = baseline - important_drop(baseline);
        (top > -EPSILON).then_some(top.max(0.0))
    }

    /// The latest week's mean minus the baseline (negative is better).
    pub fn change(&self) -> Option<f64> {
        Some(self.latest?.mean - self.baseline?.mean)
    }

    /// Whether the latest week's mean is a clinically important drop from the baseline.
    pub fn important(&self) -> bool {
        match (self.change(), self.important_drop()) {
            (Some(change), Some(drop)) => -change + EPSILON >= drop,
            _ => false,
        }
    }
}

/// The drop from `baseline` that counts as clinically important.
pub fn important_drop(baseline: f64) -> f64 {
    IMPORTANT_POINTS.max(IMPORTANT_SHARE * baseline)
}

/// The pain figures of `sessions` over `period`: pain after each session, as that is the answer
/// every check-in asks; pain before is shown on the chart beside it.
pub fn figures(period: Period, sessions: &[Record]) -> PainFigures {
    let mut weeks = vec![(0_u32, 0_u32); period.weeks() as usize];
    let columns = period.columns();
    let mut by_column = vec![(0_u32, 0_u32); columns.len()];
    let mut answers = Vec::new();
    for session in sessions {
        let date = session.start.date();
        let (before, after) = (session.checkin.pain_before.map(Pain::value), session.checkin.pain.map(Pain::value));
        if before.is_some() || after.is_some() {
            answers.push(Answer { date, before, after });
        }
        let (Some(after), Some(week)) = (after, period.week_index(date)) else { continue };
        let add = |(sum, count): &mut (u32, u32)| {
            *sum += u32::from(after);
            *count += 1;
        };
        add(&mut weeks[week as usize]);
        if let Some(column) = period.column_index(&columns, date) {
            add(&mut by_column[column]);
        }
    }
    let mean = |(sum, count): (u32, u32)| (count > 0).then(|| f64::from(sum) / f64::from(count));
    let week_mean = |(week, &(sum, count)): (usize, &(u32, u32))| {
        mean((sum, count)).map(|mean| WeekMean { week: week as u32, mean, answers: count })
    };
    let baseline = weeks.iter().enumerate().find_map(week_mean);
    let latest = weeks
        .iter()
        .enumerate()
        .rev()
        .find_map(week_mean)
        .filter(|latest| Some(latest.week) != baseline.map(|b| b.week));
    PainFigures { baseline, latest, columns: by_column.into_iter().map(mean).collect(), answers }
}

/// How many times each side was named as the one that hurt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SideCounts {
    pub left: u32,
    pub right: u32,
    pub both: u32,
    pub neither: u32,
}

impl SideCounts {
    /// How many sessions had an answer.
    pub fn answered(self) -> u32 {
        self.left + self.right + self.both + self.neither
    }
}

/// Which side hurt, counted over the sessions that asked.
pub fn sides(sessions: &[Record]) -> SideCounts {
    let mut counts = SideCounts::default();
    for side in sessions.iter().filter_map(|s| s.checkin.hurt) {
        match side {
            Hurt::Left => counts.left += 1,
            Hurt::Right => counts.right += 1,
            Hurt::Both => counts.both += 1,
            Hurt::Neither => counts.neither += 1,
        }
    }
    counts
}
