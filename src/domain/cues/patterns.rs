//! The table of sound patterns: one per kind of cue, as tones and as a rhythm of terminal bells.
//!
//! The terminal bell is one sound, so there a pattern is only a rhythm; with tones each pattern
//! also has its own pitches and lengths. Patterns that can come in one exercise differ in the
//! number of notes or in rhythm, in both forms, and "done" is the only one that ends on a long
//! high note and the only one with six bells.

use std::time::Duration;

use super::Cue;

/// How the patterns are actually sounding: what the [`Bell`](super::Bell) setting came to on this
/// machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Tones through an audio player.
    Tones,
    /// The terminal's bell.
    Bell,
    /// No patterns.
    Off,
}

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

/// Terminals merge bells sent close together into one sound (xterm drops a bell within 200 ms
/// of the last): bells are at least this far apart.
pub const BELL_GAP: Duration = Duration::from_millis(250);

/// How long one terminal bell is taken to sound, so a pattern's length covers its last bell.
const BELL_SOUNDS_FOR: Duration = Duration::from_millis(200);

/// The silence at the start of each tone file, before its first note. Players start a stream
/// whole into a `PulseAudio` sink at 10 ms or 2 s latency (README, "Sound"), so a little is enough;
/// it is part of how long the pattern takes to be heard.
pub const TONE_LEAD: Duration = Duration::from_millis(10);

const fn note(hz: u16, ms: u16) -> Note {
    Note { hz, ms }
}

const fn gap(ms: u16) -> Note {
    note(0, ms)
}

/// Every pattern, in the order the table shows them.
///
/// Each tone pattern but "done" is over in under half a second, so that it stands apart from
/// a pattern or a count one second later and leaves the words their room. Every two patterns
/// that can come in one exercise differ in their number of notes or in their rhythm (a note or
/// a gap at least `RHYTHM_RATIO` (1.8) times the other's), not only in pitch: see
/// [`Pattern::differs_from`]. "Switch sides" and "release" share their bells: an exercise has
/// one or the other after a hold, never both (sides alternate every rep, or there are none;
/// with a return phase, "return" comes after the hold instead).
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        cue: Cue::Count,
        notes: &[note(880, 50)],
        bells: &[0],
        tones_heard: "one short high tick",
        bells_heard: "one bell",
    },
    Pattern {
        cue: Cue::Go,
        notes: &[note(523, 70), gap(40), note(784, 150)],
        bells: &[0, 500, 750],
        tones_heard: "a short note, then a longer higher one",
        bells_heard: "one bell, then two quick ones",
    },
    Pattern {
        cue: Cue::Hold,
        notes: &[note(659, 280)],
        bells: &[0, 250],
        tones_heard: "one long middle tone",
        bells_heard: "two quick bells",
    },
    Pattern {
        cue: Cue::Return,
        notes: &[note(659, 120), gap(40), note(587, 120), gap(40), note(523, 120)],
        bells: &[0, 250, 750],
        tones_heard: "three slow notes going down",
        bells_heard: "two quick bells, then one",
    },
    Pattern {
        cue: Cue::Release,
        notes: &[note(784, 60), gap(30), note(659, 60), gap(30), note(523, 60)],
        bells: &[0, 250, 500],
        tones_heard: "three quick notes going down",
        bells_heard: "three quick bells",
    },
    Pattern {
        cue: Cue::SwitchSides,
        notes: &[note(523, 50), gap(35), note(784, 50), gap(35), note(523, 50), gap(35), note(784, 50)],
        bells: &[0, 250, 500],
        tones_heard: "four quick notes, low-high-low-high",
        bells_heard: "three quick bells",
    },
    Pattern {
        cue: Cue::Rest,
        notes: &[note(392, 150), gap(50), note(330, 150)],
        bells: &[0, 250, 500, 750],
        tones_heard: "two long low notes going down",
        bells_heard: "four quick bells",
    },
    Pattern {
        cue: Cue::NextExercise,
        notes: &[
            note(523, 50),
            gap(30),
            note(587, 50),
            gap(30),
            note(659, 50),
            gap(30),
            note(784, 50),
            gap(30),
            note(880, 50),
        ],
        bells: &[0, 250, 500, 750, 1000],
        tones_heard: "five quick notes going up",
        bells_heard: "five quick bells",
    },
    Pattern {
        cue: Cue::Done,
        notes: &[note(1047, 150), gap(50), note(784, 150), gap(50), note(1047, 150), gap(50), note(1319, 600)],
        bells: &[0, 250, 500, 1100, 1350, 1600],
        tones_heard: "high, lower, high, then a long higher note",
        bells_heard: "three quick bells, a pause, three more",
    },
];

/// The silence after a tone pattern before the next: at least twice any gap inside one.
const TONE_PAUSE: Duration = Duration::from_millis(150);

/// Two patterns with as many notes differ in rhythm when one note (or gap) lasts at least this
/// many times its counterpart: a tempo change alone is not heard as another pattern.
const RHYTHM_RATIO: f64 = 1.8;

/// The lengths that make a rhythm: each note's and each gap's, in order.
fn rhythm(lengths: impl Iterator<Item = u16>) -> Vec<f64> {
    lengths.map(f64::from).collect()
}

/// Whether two rhythms of as many parts differ by `RHYTHM_RATIO` (1.8) somewhere.
fn rhythms_differ(a: &[f64], b: &[f64]) -> bool {
    a.len() != b.len() || a.iter().zip(b).any(|(x, y)| x.max(*y) >= RHYTHM_RATIO * x.min(*y).max(1.0))
}

impl Pattern {
    /// The pattern of a cue.
    pub fn of(cue: Cue) -> &'static Pattern {
        PATTERNS.iter().find(|p| p.cue == cue).unwrap_or(&PATTERNS[0])
    }

    /// How long the tones play, from the start of the file to the end of the last note.
    pub fn tones_length(&self) -> Duration {
        TONE_LEAD + Duration::from_millis(self.notes.iter().map(|n| u64::from(n.ms)).sum())
    }

    /// How long the bells take, the last one's sound included.
    pub fn bells_length(&self) -> Duration {
        let last = self.bells.last().copied().unwrap_or(0);
        Duration::from_millis(u64::from(last)) + BELL_SOUNDS_FOR
    }

    /// How long the pattern is heard on `channel`, from its start.
    pub fn heard_for(&self, channel: Channel) -> Duration {
        match channel {
            Channel::Tones => self.tones_length(),
            Channel::Bell => self.bells_length(),
            Channel::Off => Duration::ZERO,
        }
    }

    /// How soon after this pattern's start the next may start without the two being heard as
    /// one: with tones, a pause of `TONE_PAUSE` (150 ms) after the last note; with bells, a gap after
    /// the last bell of half as much again as the widest gap inside (at least two bell gaps).
    pub fn clear_after(&self, channel: Channel) -> Duration {
        match channel {
            Channel::Tones => self.tones_length() + TONE_PAUSE,
            Channel::Bell => {
                let last = Duration::from_millis(u64::from(self.bells.last().copied().unwrap_or(0)));
                last + self.bell_pause_before(Pattern::of(Cue::Count))
            }
            Channel::Off => Duration::ZERO,
        }
    }

    /// The silence wanted after this pattern's last bell before `next`'s first, for the two to
    /// be heard as two: half as long again as the widest gap inside either, and at least two
    /// bell gaps.
    pub fn bell_pause_before(&self, next: &Pattern) -> Duration {
        (self.longest_bell_gap().max(next.longest_bell_gap()) * 3 / 2).max(2 * BELL_GAP)
    }

    /// When bell `n` rings, after the pattern's start.
    pub fn bell_at(&self, n: usize) -> Option<Duration> {
        self.bells.get(n).map(|ms| Duration::from_millis(u64::from(*ms)))
    }

    /// Whether this pattern is heard as another than `other`, as tones and as bells: a different
    /// number of notes (bells), or a different rhythm (see `RHYTHM_RATIO` (1.8)).
    pub fn differs_from(&self, other: &Pattern) -> bool {
        self.tones_differ(other) && self.bells_differ(other)
    }

    /// Whether the tones differ in number of notes or rhythm (silences count as gaps).
    pub fn tones_differ(&self, other: &Pattern) -> bool {
        let of = |p: &Pattern| rhythm(p.notes.iter().map(|n| n.ms));
        rhythms_differ(&of(self), &of(other))
    }

    /// Whether the bells differ in number or in the rhythm of their gaps.
    pub fn bells_differ(&self, other: &Pattern) -> bool {
        let of = |p: &Pattern| rhythm(p.bells.windows(2).map(|w| w[1] - w[0]));
        self.bells.len() != other.bells.len() || rhythms_differ(&of(self), &of(other))
    }

    /// The longest gap between two bells of the pattern (zero for one bell).
    pub fn longest_bell_gap(&self) -> Duration {
        let longest = self.bells.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        Duration::from_millis(u64::from(longest))
    }
}
