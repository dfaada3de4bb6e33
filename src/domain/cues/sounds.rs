//! Which pattern sounds when: one at a time, the more important one winning when two come
//! close together.
//!
//! A cue that comes while a more important pattern is still sounding is dropped (a count over
//! "switch sides"); one at least as important cuts the rest of the older pattern short and
//! starts at once. With the terminal's bell, a pattern's first bell waits for the pause that
//! sets it apart from the last bell rung ([`Pattern::bell_pause_before`]), so two patterns are
//! never heard as one: after a one-second move, the hold's bells come up to half a second late
//! rather than run into the move's, and after the move's words when they run on. A count is never
//! late: it rings on its tick or not at all.

use std::time::{Duration, Instant};

use super::Cue;
use super::patterns::{Channel, Pattern};

/// How the user wants to hear the patterns: the `bell` setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Bell {
    /// Tones through the first audio player that works (the configured `player`, else the
    /// known ones in turn), else the terminal's bell.
    #[default]
    Auto,
    /// Short generated tones played by the audio player; the terminal's bell, with a notice,
    /// when no player works.
    Tones,
    /// The terminal's bell: one sound, so each pattern is a rhythm.
    Terminal,
    /// No sound but the voice.
    None,
}

impl Bell {
    /// Every choice, as the config and `--bell` spell it.
    pub const NAMES: [&'static str; 4] = ["auto", "tones", "terminal", "none"];

    /// The name the config and `--bell` use.
    pub fn as_str(self) -> &'static str {
        match self {
            Bell::Auto => "auto",
            Bell::Tones => "tones",
            Bell::Terminal => "terminal",
            Bell::None => "none",
        }
    }

    /// The choice named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Bell> {
        match name {
            "auto" => Some(Bell::Auto),
            "tones" => Some(Bell::Tones),
            "terminal" => Some(Bell::Terminal),
            "none" => Some(Bell::None),
            _ => None,
        }
    }
}

/// What is due to sound now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Due {
    /// A pattern that starts now: with tones, play it whole.
    pub starts: Option<Cue>,
    /// Terminal bells to ring now (more than one only after a late wake-up).
    pub bells: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sounding {
    cue: Cue,
    at: Instant,
    started: bool,
    rung: usize,
}

impl Sounding {
    fn pattern(&self) -> &'static Pattern {
        Pattern::of(self.cue)
    }

    fn ends(&self, channel: Channel, count_words: Duration) -> Instant {
        let words = if self.cue == Cue::Count && channel == Channel::Tones { count_words } else { Duration::ZERO };
        self.at
            + words
            + if channel == Channel::Tones { self.pattern().tones_length() } else { self.pattern().bells_length() }
    }

    fn next_bell(&self) -> Option<Instant> {
        self.pattern().bell_at(self.rung).map(|after| self.at + after)
    }
}

/// The pattern sounding or about to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sounds {
    channel: Channel,
    /// How much longer a count's tones play: its word, when the tones say it.
    count_words: Duration,
    current: Option<Sounding>,
    /// When the last terminal bell rang, and the pattern it was part of.
    last_bell: Option<(Instant, Cue)>,
}

impl Sounds {
    /// Nothing sounding yet, sounding through `channel`.
    pub fn new(channel: Channel) -> Self {
        Sounds { channel, count_words: Duration::ZERO, current: None, last_bell: None }
    }

    /// The channel the patterns sound through.
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// From now on a count's tones also say its number, which takes this much longer.
    pub fn count_words(&mut self, length: Duration) {
        self.count_words = length;
    }

    /// Asks for `cue`'s pattern at `now`. Returns whether it will sound: `false` when a more
    /// important pattern is still sounding, or when sound is off.
    pub fn add(&mut self, cue: Cue, now: Instant) -> bool {
        self.add_after(cue, now, None)
    }

    /// As [`Sounds::add`], and with the terminal's bell the pattern's first bell also waits for
    /// `words_over`, when words still heard end then (with their pause), so that it does not
    /// ring under them; the schedule says how long it may wait. Tones are never held back:
    /// their words are timed to end before them.
    pub fn add_after(&mut self, cue: Cue, now: Instant, words_over: Option<Instant>) -> bool {
        if self.channel == Channel::Off {
            return false;
        }
        // With bells, a pattern whose bells have all rung gives way: the next one waits for
        // its pause after them.
        let sounding = |c: &Sounding| match self.channel {
            Channel::Bell => !c.started || c.next_bell().is_some(),
            _ => now < c.ends(self.channel, self.count_words),
        };
        if let Some(current) = &self.current
            && sounding(current)
            && cue.priority() < current.cue.priority()
        {
            return false;
        }
        let at = match (self.channel, self.last_bell) {
            (Channel::Bell, Some((last, rung))) => {
                (last + Pattern::of(rung).bell_pause_before(Pattern::of(cue))).max(now)
            }
            _ => now,
        };
        let at = match (self.channel, words_over) {
            (Channel::Bell, Some(over)) => at.max(over),
            _ => at,
        };
        if cue == Cue::Count && at > now {
            return false;
        }
        self.current = Some(Sounding { cue, at, started: false, rung: 0 });
        true
    }

    /// Takes what is due by `now`.
    pub fn take_due(&mut self, now: Instant) -> Due {
        let mut due = Due::default();
        let Some(current) = &mut self.current else {
            return due;
        };
        if current.at > now {
            return due;
        }
        if !current.started {
            current.started = true;
            due.starts = Some(current.cue);
        }
        if self.channel == Channel::Bell {
            while let Some(at) = current.next_bell().filter(|at| *at <= now) {
                current.rung += 1;
                due.bells += 1;
                self.last_bell = Some((at, current.cue));
            }
        }
        // A pattern with nothing more to hand out stays, to judge what comes while it sounds.
        due
    }

    /// When something next is due, for the loop to wake.
    pub fn next(&self) -> Option<Instant> {
        let current = self.current.as_ref()?;
        if !current.started {
            return Some(current.at);
        }
        if self.channel == Channel::Bell { current.next_bell() } else { None }
    }

    /// When the pattern sounding or about to has been heard and the pause after it is over, so
    /// that a count may follow, if there is one.
    pub fn clear_at(&self) -> Option<Instant> {
        self.current.as_ref().map(|c| c.at + c.pattern().clear_after(self.channel))
    }

    /// When the pattern sounding or about to is over, if there is one.
    pub fn heard_until(&self) -> Option<Instant> {
        self.current.as_ref().map(|c| c.ends(self.channel, self.count_words))
    }

    /// Whether a pattern is still sounding at `now`.
    pub fn is_sounding(&self, now: Instant) -> bool {
        self.current.as_ref().is_some_and(|c| now < c.ends(self.channel, self.count_words))
    }
}
