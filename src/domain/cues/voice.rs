//! The voice as a queue with priorities: what to say next, in which form, and what waits.
//!
//! Nothing here speaks: the shell starts the words this hands out and says when they have
//! been said. The queue never cuts words of equal or higher priority; it cuts a count or a form
//! cue only for a phase's words. The form of an utterance is chosen as it starts, from the
//! time left before what must come next, at the speech command's rate.

use std::time::{Duration, Instant};

/// espeak-ng's rate when none is given, in words a minute.
pub const DEFAULT_WPM: u32 = 175;

/// The speaking rate of the voice command, in words a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub wpm: u32,
}

impl Default for Rate {
    fn default() -> Self {
        Rate { wpm: DEFAULT_WPM }
    }
}

impl Rate {
    /// The rate a voice command sets with `-s N` (`-sN`, `--speed=N`), as espeak, espeak-ng and
    /// their look-alikes take it; the default rate otherwise. Only rates from 20 to 1000 count.
    pub fn of_command(args: &[String]) -> Rate {
        let mut wpm = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let value = match arg.as_str() {
                "-s" => args.next().map(String::as_str),
                _ => arg.strip_prefix("--speed=").or_else(|| arg.strip_prefix("-s")),
            };
            if let Some(n) = value.and_then(|v| v.parse::<u32>().ok()).filter(|n| (20..=1000).contains(n)) {
                wpm = Some(n);
            }
        }
        wpm.map_or_else(Rate::default, |wpm| Rate { wpm })
    }

    /// How long `text` takes to say: a lead-in and trailing silence, then 0.7 of a word's time
    /// for each syllable and for each pause mark (`.,;:!?`), a word being 60/wpm seconds.
    /// Fitted to espeak-ng's own output for every phrase the shipped exercises make, at 175 and
    /// 140 wpm (README, "Sound"): within 0.3 s for most, at most 0.6 s short.
    pub fn time_to_say(self, text: &str) -> Duration {
        let syllables: usize = text.split_whitespace().map(syllables).sum();
        let pauses = text.chars().filter(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?')).count();
        let per_word = 60.0 / f64::from(self.wpm.max(1));
        LEAD_IN + Duration::from_secs_f64(per_word * 0.7 * (syllables + pauses) as f64)
    }
}

/// A word's syllables, near enough: its groups of vowels, less a silent final `e`; a number
/// is one.
fn syllables(word: &str) -> usize {
    let letters: String = word.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let chars: Vec<char> = letters.chars().collect();
    let mut groups = chars.iter().enumerate().filter(|(i, c)| vowel(**c) && (*i == 0 || !vowel(chars[i - 1]))).count();
    if groups > 1 && letters.ends_with('e') && !letters.ends_with("le") {
        groups -= 1;
    }
    groups.max(1)
}

/// Silence a speech command adds around the words, as espeak-ng does.
const LEAD_IN: Duration = Duration::from_millis(400);

/// What an utterance is for, lowest first: a phase's words cut a count or a form cue, nothing
/// cuts a phase's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// The one form cue of a long hold.
    Form,
    /// A second of the countdown.
    Count,
    /// The side and what to do now.
    Phase,
}

/// Words waiting to be said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub priority: Priority,
    /// The forms, longest first; the last is said when none fits.
    pub forms: Vec<String>,
    /// Said no earlier than this.
    pub not_before: Instant,
    /// Preferably over by this (a phase's count): the longest form that ends by then is chosen.
    pub fit_by: Instant,
    /// Over by this (the phase's end), when no form fits `fit_by`: a phase's words come before
    /// its count, which waits or is dropped.
    pub end_by: Instant,
    /// Dropped if it cannot start by this: a late count or tip is worse than none.
    pub expires: Option<Instant>,
}

impl Utterance {
    /// The form to say if it starts at `now`.
    pub fn form(&self, now: Instant, rate: Rate) -> &str {
        let rooms = [self.fit_by, self.end_by].map(|by| by.saturating_duration_since(now));
        choose(&self.forms, rooms, rate).unwrap_or_default()
    }
}

/// The longest of `forms` (longest first) said within the first of `rooms`, else within the
/// second, at `rate`; else the shortest.
pub fn choose(forms: &[String], rooms: [Duration; 2], rate: Rate) -> Option<&str> {
    let within = |room: Duration| forms.iter().find(move |text| rate.time_to_say(text) <= room);
    within(rooms[0]).or_else(|| within(rooms[1])).or(forms.last()).map(String::as_str)
}

/// What the shell is to do with the speech command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speak {
    /// Stop what is being said (it is less important than what waits).
    Stop,
    /// Start saying this.
    Say(String, Priority),
}

/// Words waiting and what is being said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Queue {
    rate: Rate,
    waiting: Vec<Utterance>,
    /// The priority of the words being said, if any.
    speaking: Option<Priority>,
}

impl Queue {
    /// An empty queue for a voice speaking at `rate`.
    pub fn new(rate: Rate) -> Self {
        Queue { rate, waiting: Vec::new(), speaking: None }
    }

    /// The rate the forms are chosen for.
    pub fn rate(&self) -> Rate {
        self.rate
    }

    /// Adds words. A phase's words replace everything else still waiting: it is stale now.
    pub fn push(&mut self, utterance: Utterance) {
        if utterance.priority == Priority::Phase {
            self.waiting.clear();
        }
        // Higher priority first; in order of arrival within one priority.
        let at = self.waiting.iter().position(|w| w.priority < utterance.priority).unwrap_or(self.waiting.len());
        self.waiting.insert(at, utterance);
    }

    /// Forgets everything waiting: the session was stopped.
    pub fn clear(&mut self) {
        self.waiting.clear();
    }

    /// The shell's word that the words being said are over.
    pub fn said(&mut self) {
        self.speaking = None;
    }

    /// Whether words are being said.
    pub fn is_speaking(&self) -> bool {
        self.speaking.is_some()
    }

    /// Whether nothing is said or waiting.
    pub fn is_idle(&self) -> bool {
        self.speaking.is_none() && self.waiting.is_empty()
    }

    /// What to do at `now`: stop less important words for a phase's, or start the next words
    /// whose time has come. Expired words are dropped.
    pub fn next(&mut self, now: Instant) -> Option<Speak> {
        self.waiting.retain(|w| w.expires.is_none_or(|at| now <= at));
        let ready = self.waiting.iter().position(|w| w.not_before <= now)?;
        match self.speaking {
            Some(current) if current < Priority::Phase && self.waiting[ready].priority == Priority::Phase => {
                Some(Speak::Stop)
            }
            Some(_) => None,
            None => {
                let utterance = self.waiting.remove(ready);
                self.speaking = Some(utterance.priority);
                Some(Speak::Say(utterance.form(now, self.rate).to_owned(), utterance.priority))
            }
        }
    }

    /// When words now waiting for their time may start: the queue needs a look then.
    pub fn next_start(&self) -> Option<Instant> {
        self.waiting.iter().map(|w| w.not_before).min()
    }
}
