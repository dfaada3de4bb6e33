//! What an exercise is: the validated form of an exercise file, whose invariants always hold.
//!
//! Raw TOML is read by `raw` and checked field by field; an [`Exercise`] that exists has a
//! name, at least one step, a non-zero hold within [`limits`], and text that is safe to show.

mod raw;

use std::ops::RangeInclusive;
use std::time::Duration;

use crate::domain::diagnostic::{Diagnostic, InvalidFile};
use crate::domain::figure::Figure;
use crate::domain::side::Side;

/// The bounds every source of settings shares: exercise files, the config and the flags.
pub mod limits {
    use std::ops::RangeInclusive;

    pub const HOLD_SECS: RangeInclusive<u64> = 1..=600;
    pub const REPS: RangeInclusive<u32> = 1..=100;
    pub const GET_READY_SECS: RangeInclusive<u64> = 0..=600;
    pub const TRANSITION_SECS: RangeInclusive<u64> = 0..=60;
    /// The shortest move back (`return`) other than none: slow by its nature, and the time its
    /// pattern (the terminal's bell takes 1.5 s to be heard apart from the next) needs.
    pub const RETURN_MIN_SECS: u64 = 2;
    pub const SETS: RangeInclusive<u32> = 1..=20;
    pub const REST_SECS: RangeInclusive<u64> = 0..=600;
    /// At most this many `steps`: a longer list is not one exercise.
    pub const STEPS: usize = 40;
    /// A cue's length in characters: it is shown large and spoken, and copied into every phase
    /// it belongs to, so a long one would be unreadable and fill memory.
    pub const CUE_CHARS: usize = 200;
}

/// What a side stands for on screen: a turn of the body, or one limb.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SideMeans {
    /// Just the side: `LEFT`.
    #[default]
    Side,
    /// A turn towards the side: `<< LEFT`, `RIGHT >>`.
    Turn,
    Leg,
    Knee,
    Arm,
}

impl SideMeans {
    /// How `side` stands on screen, from the fullest form to the shortest (always the bare
    /// side last): `["LEFT KNEE", "LEFT"]`, `["<< LEFT", "<LEFT", "LEFT"]`.
    pub fn shout(self, side: Side) -> Vec<String> {
        let bare = side.shout();
        let limb = |limb: &str| vec![format!("{bare} {limb}"), bare.to_owned()];
        match (self, side) {
            (SideMeans::Side, _) => vec![bare.to_owned()],
            (SideMeans::Turn, Side::Left) => vec![format!("<< {bare}"), format!("<{bare}"), bare.to_owned()],
            (SideMeans::Turn, Side::Right) => vec![format!("{bare} >>"), format!("{bare}>"), bare.to_owned()],
            (SideMeans::Leg, _) => limb("LEG"),
            (SideMeans::Knee, _) => limb("KNEE"),
            (SideMeans::Arm, _) => limb("ARM"),
        }
    }
}

/// The exercise's own timing: defaults and the range its guidance recommends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timing {
    pub hold: Duration,
    pub hold_range: RangeInclusive<Duration>,
    pub reps: u32,
    pub reps_range: RangeInclusive<u32>,
    pub get_ready: Duration,
    pub transition: Duration,
    /// The move back to the start position after each hold (`return` in the file); zero for
    /// none, when the next move starts from the held position.
    pub back: Duration,
    pub sets: u32,
    pub rest: Duration,
}

/// The short words shown (and later spoken) at each phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cues {
    pub get_ready: String,
    /// May contain `{side}`, replaced by `left` or `right`.
    pub move_to: String,
    /// Never empty; a hold shows one of these, or a mistake's cue, in turn.
    pub hold: Vec<String>,
    /// Shown while moving back to the start after a hold; may contain `{side}`.
    pub back: String,
    pub rest: String,
}

/// A common mistake and the cue that corrects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub name: String,
    pub explanation: String,
    pub cue: String,
}

/// A validated exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    /// The file's stem: how `--exercise` and `list` name it.
    pub id: String,
    pub name: String,
    pub also_known_as: Vec<String>,
    pub summary: String,
    pub muscles: Vec<String>,
    pub start_position: String,
    pub steps: Vec<String>,
    /// In the order they are done; empty for an exercise done with both sides at once.
    pub sides: Vec<Side>,
    /// What a side stands for on screen.
    pub side_means: SideMeans,
    pub tempo: String,
    pub breathing: String,
    pub timing: Timing,
    pub cues: Cues,
    pub mistakes: Vec<Mistake>,
    pub benefits: Vec<String>,
    pub precautions: Vec<String>,
    pub progressions: Vec<String>,
    pub regressions: Vec<String>,
    /// A drawing of the body in each pose, if the file has one.
    pub figure: Option<Figure>,
}

impl Exercise {
    /// The move cue for a side, e.g. "Slowly rotate your knees to the left".
    pub fn move_cue(&self, side: Option<Side>) -> String {
        match side {
            Some(side) => self.cues.move_to.replace("{side}", side.word()),
            None => self.cues.move_to.clone(),
        }
    }

    /// The cue of the move back to the start after a hold on `side`.
    pub fn back_cue(&self, side: Option<Side>) -> String {
        match side {
            Some(side) => self.cues.back.replace("{side}", side.word()),
            None => self.cues.back.clone(),
        }
    }

    /// The sides in the order they are done; `[None]` for an exercise without sides.
    pub fn side_slots(&self) -> Vec<Option<Side>> {
        if self.sides.is_empty() { vec![None] } else { self.sides.iter().copied().map(Some).collect() }
    }

    /// Every cue a hold may show, once each: the hold cues, then each mistake's corrective cue.
    pub fn hold_cues(&self) -> Vec<&str> {
        let mistakes = self.mistakes.iter().map(|m| m.cue.as_str()).filter(|c| !c.is_empty());
        let mut cues: Vec<&str> = Vec::new();
        for cue in self.cues.hold.iter().map(String::as_str).chain(mistakes) {
            if !cues.contains(&cue) {
                cues.push(cue);
            }
        }
        cues
    }
}

/// Reads an exercise from the bytes of a file. `id` names it in lists; `origin` names the file
/// in messages.
pub fn parse(id: &str, origin: &str, bytes: &[u8]) -> Result<Exercise, InvalidFile> {
    let fail = |message: &str| InvalidFile { diagnostics: vec![Diagnostic::whole_file(origin, message)] };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(&format!(
            "is not UTF-8 text (invalid byte at offset {}); is this really an exercise file?",
            e.valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(fail(
            "is empty; an exercise needs at least `name`, `start_position`, `steps` and a `[timing]` table",
        ));
    }
    raw::validate(id, origin, text).map_err(|diagnostics| InvalidFile { diagnostics })
}

/// The exercise that runs when no other is named.
pub const DEFAULT_ID: &str = "lower-trunk-rotation";

/// Exercise files compiled into the binary: `(id, TOML source)`.
pub const BUILT_IN: &[(&str, &str)] = &[
    (DEFAULT_ID, include_str!("../../exercises/lower-trunk-rotation.toml")),
    ("knee-to-chest", include_str!("../../exercises/knee-to-chest.toml")),
    ("pelvic-tilt", include_str!("../../exercises/pelvic-tilt.toml")),
    ("glute-bridge", include_str!("../../exercises/glute-bridge.toml")),
    ("cat-cow", include_str!("../../exercises/cat-cow.toml")),
];

/// A built-in exercise without its move back after each hold (`return`): the plans many
/// tests were written for, with a move straight from one hold to the next; the move back has
/// tests of its own.
#[cfg(test)]
pub(crate) fn without_return(id: &str) -> Exercise {
    let mut exercise = built_in(id).expect("built in").expect("valid");
    exercise.timing.back = std::time::Duration::ZERO;
    exercise
}

/// Loads a built-in exercise by id.
pub fn built_in(id: &str) -> Option<Result<Exercise, InvalidFile>> {
    BUILT_IN
        .iter()
        .find(|(built_in, _)| *built_in == id)
        .map(|(id, source)| parse(id, &format!("built-in {id}"), source.as_bytes()))
}

#[cfg(test)]
mod tests;
