//! The check-in: what the user says about a session (pain before and after, which side hurt,
//! whether the pain spread, how hard it felt, a short note) and, for a session stopped early,
//! why. Every answer may be skipped.

pub mod form;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::untrusted::clean_line;

/// How bad the back feels, from 0 (no pain) to 10 (the worst imaginable).
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
pub enum Effort {
    #[serde(rename = "easy")]
    Easy,
    /// Stored as `about right`; the first two formats wrote `right`, still read.
    #[serde(rename = "about right", alias = "right")]
    AboutRight,
    #[serde(rename = "hard")]
    Hard,
}

impl Effort {
    /// Every answer, from the easiest.
    pub const ALL: [Effort; 3] = [Effort::Easy, Effort::AboutRight, Effort::Hard];

    /// In full, as it reads on screen, in the history and in exports: "easy", "about right",
    /// "hard".
    pub fn phrase(self) -> &'static str {
        match self {
            Effort::Easy => "easy",
            Effort::AboutRight => "about right",
            Effort::Hard => "hard",
        }
    }
}

/// Which side hurt, for an exercise done on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Hurt {
    Left,
    Right,
    Both,
    Neither,
}

impl Hurt {
    /// Every answer, in the order they are offered.
    pub const ALL: [Hurt; 4] = [Hurt::Left, Hurt::Right, Hurt::Both, Hurt::Neither];

    /// As it is stored and shown: `left`, `right`, `both`, `neither`.
    pub fn word(self) -> &'static str {
        match self {
            Hurt::Left => "left",
            Hurt::Right => "right",
            Hurt::Both => "both",
            Hurt::Neither => "neither",
        }
    }
}

/// Why a session was stopped before its end: the user's answer, or what ended it when nobody
/// could be asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Why {
    /// It hurt: the ease-off advice follows.
    #[serde(rename = "pain")]
    Pain,
    #[serde(rename = "no time")]
    NoTime,
    #[serde(rename = "something else")]
    Other,
    /// Ctrl-C or a signal ended it at once.
    #[serde(rename = "signal")]
    Signal,
    /// The terminal or the output went away.
    #[serde(rename = "lost")]
    Lost,
}

impl Why {
    /// The answers a user can give, in the order they are offered.
    pub const ASKED: [Why; 3] = [Why::Pain, Why::NoTime, Why::Other];

    /// As the history and the done screen say it: the stored phrase, but for the endings the
    /// user did not choose, said in their words.
    pub fn told(self) -> &'static str {
        match self {
            Why::Signal => "Ctrl-C or a signal",
            Why::Lost => "the terminal closed",
            asked => asked.phrase(),
        }
    }

    /// As stored and shown: `pain`, `no time`, `something else`, `signal`, `lost`.
    pub fn phrase(self) -> &'static str {
        match self {
            Why::Pain => "pain",
            Why::NoTime => "no time",
            Why::Other => "something else",
            Why::Signal => "signal",
            Why::Lost => "lost",
        }
    }
}

/// A short note in the user's words. It is untrusted text: kept on one line, without control
/// characters, at most [`Note::MAX_CHARS`] characters; an empty note is no note.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Note(String);

impl Note {
    /// The longest note kept, in characters; the rest is cut.
    pub const MAX_CHARS: usize = 200;

    /// The note made safe and short; `None` when nothing is left.
    pub fn new(text: &str) -> Option<Self> {
        let clean = clean_line(text);
        let cut: String = clean.chars().take(Self::MAX_CHARS).collect();
        let cut = cut.trim_end().to_owned();
        (!cut.is_empty()).then_some(Note(cut))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The answers about one session, each of them optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checkin {
    /// Pain before the session, when asked for (`checkin_before`).
    pub pain_before: Option<Pain>,
    /// Pain after it.
    pub pain: Option<Pain>,
    /// Which side hurt, asked only for exercises done on each side.
    pub hurt: Option<Hurt>,
    /// Whether the pain spread into a buttock or down a leg.
    pub spread: Option<bool>,
    pub effort: Option<Effort>,
    pub note: Option<Note>,
    /// The Patient-Specific Functional Scale, asked in the first session of each programme week:
    /// each activity the programme names with the score given, in the programme's order.
    pub psfs: Vec<Psfs>,
}

/// One activity of the Patient-Specific Functional Scale and how well it can be done now: 0
/// (unable) to 10 (as before the problem).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Psfs {
    pub activity: String,
    /// 0 to [`Psfs::MAX`].
    pub score: u8,
}

impl Psfs {
    pub const MAX: u8 = 10;
}

impl Checkin {
    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        *self == Checkin::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_one_clean_line_cut_to_its_length() {
        assert_eq!(
            Note::new("  sore\n\tafter \u{1b}[2Jthe bridge "),
            Some(Note("sore after [2Jthe bridge".to_owned()))
        );
        assert_eq!(Note::new(" \u{7} \n"), None, "nothing left is no note");
        let long = Note::new(&"é".repeat(500)).expect("a note");
        assert_eq!(long.as_str().chars().count(), Note::MAX_CHARS);
    }

    #[test]
    fn effort_is_stored_in_full_and_the_old_word_still_reads() {
        assert_eq!(serde_json::to_string(&Effort::AboutRight).expect("json"), r#""about right""#);
        assert_eq!(serde_json::from_str::<Effort>(r#""right""#).expect("the old word"), Effort::AboutRight);
        assert_eq!(serde_json::to_string(&Why::NoTime).expect("json"), r#""no time""#);
    }
}
