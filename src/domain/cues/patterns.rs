//! The table of sound patterns: one per kind of cue, as tones and as a rhythm of terminal bells.
//!
//! The terminal bell is one sound, so there a pattern is only a rhythm; with tones each pattern
//! also has its own pitches and lengths. No two cues share a pattern in either form, and
//! "done" is the only one that ends on a long high note and the only one with six bells.

use std::time::Duration;

use super::Cue;

/// One note of a tone pattern; a frequency of 0 is a silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Note {
    pub hz: u16,
    pub ms: u16,
}

/// How one kind of cue sounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern {
    pub cue: Cue,
    /// The notes in order, for the tones.
    pub notes: &'static [Note],
    /// When each terminal bell rings, in milliseconds from the first.
    pub bells: &'static [u16],
    /// How the tones sound, in words.
    pub tones_heard: &'static str,
    /// How the bells sound, in words.
    pub bells_heard: &'static str,
}

/// Terminals merge bells sent close together into one sound: bells are at least this far apart.
pub const BELL_GAP: Duration = Duration::from_millis(250);

/// How long one terminal bell is taken to sound, so a pattern's length covers its last bell.
const BELL_SOUNDS_FOR: Duration = Duration::from_millis(150);

const fn note(hz: u16, ms: u16) -> Note {
    Note { hz, ms }
}

const GAP: Note = note(0, 40);

/// Every pattern, in the order the table shows them.
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        cue: Cue::Count,
        notes: &[note(880, 90)],
        bells: &[0],
        tones_heard: "one short high tick",
        bells_heard: "one bell",
    },
    Pattern {
        cue: Cue::Go,
        notes: &[note(440, 150), GAP, note(660, 250)],
        bells: &[0, 250, 500],
        tones_heard: "two notes going up",
        bells_heard: "three quick bells",
    },
    Pattern {
        cue: Cue::Hold,
        notes: &[note(660, 450)],
        bells: &[0, 250],
        tones_heard: "one long middle tone",
        bells_heard: "two quick bells",
    },
    Pattern {
        cue: Cue::Release,
        notes: &[note(660, 150), GAP, note(440, 250)],
        bells: &[0, 600],
        tones_heard: "two notes going down",
        bells_heard: "two slow bells",
    },
    Pattern {
        cue: Cue::SwitchSides,
        notes: &[note(523, 100), GAP, note(784, 100), GAP, note(523, 100), GAP, note(784, 100)],
        bells: &[0, 600, 850],
        tones_heard: "four quick notes, low-high-low-high",
        bells_heard: "one bell, then two quick ones",
    },
    Pattern {
        cue: Cue::Rest,
        notes: &[note(330, 700)],
        bells: &[0, 600, 1200],
        tones_heard: "one long low tone",
        bells_heard: "three slow bells",
    },
    Pattern {
        cue: Cue::NextExercise,
        notes: &[note(392, 120), GAP, note(523, 120), GAP, note(659, 120)],
        bells: &[0, 250, 500, 750],
        tones_heard: "three quick notes going up",
        bells_heard: "four quick bells",
    },
    Pattern {
        cue: Cue::Done,
        notes: &[note(1047, 200), GAP, note(784, 200), GAP, note(1047, 200), GAP, note(1319, 700)],
        bells: &[0, 250, 500, 1100, 1350, 1600],
        tones_heard: "high, lower, high, then a long higher note",
        bells_heard: "three quick bells, a pause, three more",
    },
];

impl Pattern {
    /// The pattern of a cue.
    pub fn of(cue: Cue) -> &'static Pattern {
        PATTERNS.iter().find(|p| p.cue == cue).unwrap_or(&PATTERNS[0])
    }

    /// How long the tones play.
    pub fn tones_length(&self) -> Duration {
        Duration::from_millis(self.notes.iter().map(|n| u64::from(n.ms)).sum())
    }

    /// How long the bells take, the last one's sound included.
    pub fn bells_length(&self) -> Duration {
        let last = self.bells.last().copied().unwrap_or(0);
        Duration::from_millis(u64::from(last)) + BELL_SOUNDS_FOR
    }

    /// When bell `n` rings, after the pattern's start.
    pub fn bell_at(&self, n: usize) -> Option<Duration> {
        self.bells.get(n).map(|ms| Duration::from_millis(u64::from(*ms)))
    }
}
