//! The side of the body an exercise works: left or right.
//!
//! A module of its own because exercises, figures, plans, sessions and the history all name a
//! side, and none of them should have to import the others for it.

use std::fmt;

/// Which way the knees (or the leg) go. Exercises without sides have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// `left` or `right`, as it reads inside a sentence.
    pub fn word(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    /// `LEFT` or `RIGHT`, as it stands on the screen.
    pub fn shout(self) -> &'static str {
        match self {
            Side::Left => "LEFT",
            Side::Right => "RIGHT",
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}
