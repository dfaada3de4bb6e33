//! The questions at the end of a session: how much the back hurts, how hard it felt.

use serde::{Deserialize, Serialize};

/// How bad the back feels after a session, from 0 (no pain) to 10 (the worst imaginable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pain(u8);

impl Pain {
    pub const MAX: u8 = 10;

    /// `None` above [`Pain::MAX`].
    pub fn new(value: u8) -> Option<Self> {
        (value <= Self::MAX).then_some(Pain(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// How hard the session felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    Easy,
    Right,
    Hard,
}

impl Effort {
    /// The word stored and exported.
    pub fn word(self) -> &'static str {
        match self {
            Effort::Easy => "easy",
            Effort::Right => "right",
            Effort::Hard => "hard",
        }
    }

    /// As it reads on screen: "easy", "about right", "hard".
    pub fn phrase(self) -> &'static str {
        match self {
            Effort::Easy => "easy",
            Effort::Right => "about right",
            Effort::Hard => "hard",
        }
    }
}

/// The answers to the questions asked at the end of a session; each may be skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checkin {
    pub pain: Option<Pain>,
    pub effort: Option<Effort>,
}
