//! The physiotherapist's review: what a period of sessions comes to, as the one-page report
//! (`trunkrot report`) shows it. [`Facts`] is what the page is made from (the period, the
//! programme if there is one, the sessions, the PSFS answers); [`Review::of`] works out every
//! figure on the page from them, each in a module of its own; [`page`] writes the page. Pure:
//! "today" and the history come in as arguments.
//!
//! The figures, as a clinician reads them: adherence is sessions done against sessions due, with
//! 70% as the usual line (with no programme, the share of days with at least one full session);
//! pain is 0 to 10 after each session, against its baseline (the first week's mean) and the band
//! of a clinically important drop (2 points or 30% of the baseline, whichever is larger); the
//! Patient-Specific Functional Scale is each activity's weekly score and the mean's change from
//! the first week (2 points is clinically important).

pub mod adherence;
pub mod dose;
pub mod facts;
pub mod page;
pub mod pain;
pub mod period;
pub mod programme;
pub mod psfs;
pub mod sessions;

pub use facts::{Facts, ProgrammeFacts};
pub use period::Period;

use jiff::civil::Date;

use crate::domain::checkin::{Pain, Why};
use crate::history::{End, Record};

/// Every figure the page shows, worked out from [`Facts`].
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub adherence: adherence::Adherence,
    pub pain: pain::PainFigures,
    pub sides: pain::SideCounts,
    pub alarms: Vec<Alarm>,
    /// Each session stopped early.
    pub stops: Vec<Stop>,
    pub dose: Vec<dose::ItemDose>,
    pub progressions: Vec<dose::Progression>,
    pub psfs: psfs::PsfsFigures,
    pub notes: Vec<(Date, String)>,
}

/// A session stopped early: its day, why when it is known, and how many holds it had done,
/// for a stop in the first move counts for no programme session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    pub date: Date,
    pub why: Option<Why>,
    pub holds_done: u32,
}

impl Review {
    /// Every figure of the page, from what happened in the period.
    pub fn of(facts: &Facts) -> Review {
        let period = facts.period;
        let sessions = facts.in_period();
        Review {
            adherence: facts
                .adherence
                .clone()
                .unwrap_or_else(|| adherence::days_with_a_full_session(period, sessions, facts.counted_to)),
            pain: pain::figures(period, sessions),
            sides: pain::sides(sessions),
            alarms: alarms(sessions, high_from(facts.programme.as_ref())),
            stops: sessions
                .iter()
                .filter_map(|s| match s.end {
                    End::Stopped(why) => Some(Stop { date: s.start.date(), why, holds_done: s.done() }),
                    End::Reached => None,
                })
                .collect(),
            dose: dose::by_item(period, facts.programme.as_ref(), sessions),
            progressions: dose::progressions(period, facts.programme.as_ref()),
            psfs: psfs::figures(period, &psfs::answers(sessions)),
            notes: sessions
                .iter()
                .filter_map(|s| s.checkin.note.as_ref().map(|note| (s.start.date(), note.as_str().to_owned())))
                .collect(),
        }
    }
}

/// A pain answer of [`HIGH_PAIN`] or more, or pain that spread into a buttock or down a leg: the
/// answers a clinician wants to see one by one, with their dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alarm {
    /// Pain of [`HIGH_PAIN`] or more, before or after the session.
    HighPain { date: Date, pain: Pain, before: bool },
    /// Pain spread into a buttock or down a leg.
    Spread { date: Date },
}

impl Alarm {
    /// The day of the session.
    pub fn date(self) -> Date {
        match self {
            Alarm::HighPain { date, .. } | Alarm::Spread { date } => date,
        }
    }
}

/// The lowest pain answer listed as high, unless the programme's stop line is lower.
pub const HIGH_PAIN: u8 = 7;

/// The lowest pain answer the page lists as high: [`HIGH_PAIN`], or the programme's stop line
/// where that is lower, so that every session told to stop is listed.
pub fn high_from(programme: Option<&ProgrammeFacts>) -> u8 {
    programme.and_then(|programme| programme.stop_pain).map_or(HIGH_PAIN, |stop| stop.min(HIGH_PAIN))
}

/// Every pain of `high` or more and every spread into a leg, in order of the sessions. A
/// session with both a high pain before and after lists both.
pub fn alarms(sessions: &[Record], high: u8) -> Vec<Alarm> {
    let mut found = Vec::new();
    for session in sessions {
        let date = session.start.date();
        for (pain, before) in [(session.checkin.pain_before, true), (session.checkin.pain, false)] {
            if let Some(pain) = pain.filter(|p| p.value() >= high) {
                found.push(Alarm::HighPain { date, pain, before });
            }
        }
        if session.checkin.spread == Some(true) {
            found.push(Alarm::Spread { date });
        }
    }
    found
}

#[cfg(test)]
mod tests;
