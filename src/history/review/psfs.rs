//! The Patient-Specific Functional Scale: each activity's score (0 unable to 10 as before) week by
//! week, the weekly mean of the activities, and its change from the first week; a rise of 2
//! points in the mean is clinically important.

use jiff::civil::Date;

use super::Period;
use crate::history::Record;

/// One activity's score on a day: 0 (unable) to 10 (as before the problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsfsAnswer {
    pub date: Date,
    pub activity: String,
    pub score: u8,
}

/// Every PSFS answer the sessions' check-ins hold, in their order.
pub fn answers(sessions: &[Record]) -> Vec<PsfsAnswer> {
    sessions
        .iter()
        .flat_map(|session| {
            session.checkin.psfs.iter().map(|answer| PsfsAnswer {
                date: session.start.date(),
                activity: answer.activity.clone(),
                score: answer.score,
            })
        })
        .collect()
}

/// The smallest rise of the mean that counts as clinically important.
pub const IMPORTANT_POINTS: f64 = 2.0;

/// One activity, week by week.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub name: String,
    /// The mean score of each column of [`Period::columns`] with an answer.
    pub columns: Vec<Option<f64>>,
    /// The latest week's score minus the first week's, when both weeks have an answer and differ.
    pub change: Option<f64>,
}

/// A week's mean score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekScore {
    /// The week's index in the period (0 for the first).
    pub week: u32,
    pub mean: f64,
}

/// The PSFS figures of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct PsfsFigures {
    /// In order of first answer.
    pub activities: Vec<Activity>,
    /// The mean of the activities' means, per column.
    pub columns: Vec<Option<f64>>,
    /// The mean of the first week with answers, and of the last when it is another.
    pub first: Option<WeekScore>,
    pub latest: Option<WeekScore>,
}

impl PsfsFigures {
    /// The latest week's mean minus the first week's (positive is better).
    pub fn change(&self) -> Option<f64> {
        Some(self.latest?.mean - self.first?.mean)
    }

    /// Whether the mean rose by a clinically important amount.
    pub fn important(&self) -> bool {
        self.change().is_some_and(|change| change + 1e-9 >= IMPORTANT_POINTS)
    }
}

/// Sums of scores, one per activity, for each of a number of slots (weeks or columns).
struct Sums {
    /// `[activity][slot] = (sum, count)`.
    cells: Vec<Vec<(u32, u32)>>,
}

impl Sums {
    fn new(activities: usize, slots: usize) -> Self {
        Sums { cells: vec![vec![(0, 0); slots]; activities] }
    }

    fn add(&mut self, activity: usize, slot: usize, score: u8) {
        let cell = &mut self.cells[activity][slot];
        cell.0 += u32::from(score);
        cell.1 += 1;
    }

    fn mean(&self, activity: usize, slot: usize) -> Option<f64> {
        let (sum, count) = self.cells[activity][slot];
        (count > 0).then(|| f64::from(sum) / f64::from(count))
    }

    /// The mean of the activities' means in `slot`, over the activities answered in it.
    fn slot_mean(&self, slot: usize) -> Option<f64> {
        let means: Vec<f64> = (0..self.cells.len()).filter_map(|a| self.mean(a, slot)).collect();
        (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
    }
}

/// The PSFS figures of `answers` over `period`. Answers outside it, or above 10, are left out.
pub fn figures(period: Period, answers: &[PsfsAnswer]) -> PsfsFigures {
    let columns = period.columns();
    let mut names: Vec<String> = Vec::new();
    let mut found = Vec::new();
    for answer in answers.iter().filter(|a| a.score <= 10) {
        let (Some(week), Some(column)) = (period.week_index(answer.date), period.column_index(&columns, answer.date))
        else {
            continue;
        };
        let activity = names.iter().position(|n| *n == answer.activity).unwrap_or_else(|| {
            names.push(answer.activity.clone());
            names.len() - 1
        });
        found.push((activity, week as usize, column, answer.score));
    }
    let (mut weeks, mut by_column) =
        (Sums::new(names.len(), period.weeks() as usize), Sums::new(names.len(), columns.len()));
    for &(activity, week, column, score) in &found {
        weeks.add(activity, week, score);
        by_column.add(activity, column, score);
    }
    let week_score = |week: usize| weeks.slot_mean(week).map(|mean| WeekScore { week: week as u32, mean });
    let first = (0..period.weeks() as usize).find_map(week_score);
    let latest =
        (0..period.weeks() as usize).rev().find_map(week_score).filter(|l| Some(l.week) != first.map(|f| f.week));
    let activities = names
        .into_iter()
        .enumerate()
        .map(|(a, name)| {
            let mean = |week: usize| weeks.mean(a, week);
            let first = (0..period.weeks() as usize).find_map(|w| mean(w).map(|m| (w, m)));
            let last = (0..period.weeks() as usize).rev().find_map(|w| mean(w).map(|m| (w, m)));
            let change = match (first, last) {
                (Some((fw, f)), Some((lw, l))) if lw != fw => Some(l - f),
                _ => None,
            };
            Activity { name, columns: (0..columns.len()).map(|c| by_column.mean(a, c)).collect(), change }
        })
        .collect();
    PsfsFigures { activities, columns: (0..columns.len()).map(|c| by_column.slot_mean(c)).collect(), first, latest }
}
