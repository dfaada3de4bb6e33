//! The voice as a queue with priorities: what to say next, in which form, and what waits.
//!
//! Nothing here speaks: the shell starts the words this hands out and says when they have
//! been said. The queue never cuts words of equal or higher priority; it cuts a count or a form
//! cue only for a phase's words. The form of an utterance is chosen as it starts, from the
//! time left before what must come next, at the speech command's rate.

use std::time::{Duration, Instant};

/// Whether the session speaks: the `voice` setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum VoiceMode {
    /// Speak when a speech command is found, the session is on the screen (plain mode is the
    /// screen reader's, which has a voice of its own), and `sound-check` did not find it silent.
    #[default]
    Auto,
    /// Speak, on the screen and in plain mode alike.
    On,
    /// Do not speak.
    Off,
}

impl VoiceMode {
    /// The name `trunkrot config` shows, as the config spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            VoiceMode::Auto => "auto",
            VoiceMode::On => "on",
            VoiceMode::Off => "off",
        }
    }

    /// The choice named `name` in the config (`"auto"`, `"on"`, `"off"`), if it is one; `true`
    /// and `false` are read as on and off.
    pub fn from_name(name: &str) -> Option<VoiceMode> {
        match name {
            "auto" => Some(VoiceMode::Auto),
            "on" => Some(VoiceMode::On),
            "off" => Some(VoiceMode::Off),
            _ => None,
        }
    }
}

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

    /// How long a command takes to say `text`, its silences included: in words' time (60/wpm
    /// seconds) 1.4 for the silences around the words, 0.56 for each syllable and 1.2 for each
    /// pause mark (`.,;:!?`) inside the text (one at its end adds nothing). Fitted to espeak-ng's
    /// own output for every phrase the shipped exercises make, at 175 and 140 wpm (README,
    /// "Sound"): 0.12 s off on average, at most 0.6 s short.
    pub fn time_to_say(self, text: &str) -> Duration {
        let syllables: usize = text.split_whitespace().map(syllables).sum();
        let trimmed = text.trim_end();
        let marks = trimmed.chars().filter(|c| is_pause(*c)).count();
        let pauses = marks - usize::from(trimmed.ends_with(is_pause));
        let units = 1.4 + 0.56 * syllables as f64 + 1.2 * pauses as f64;
        Duration::from_secs_f64(self.word_time() * units)
    }

    /// The time of one word at this rate.
    fn word_time(self) -> f64 {
        60.0 / f64::from(self.wpm.max(1))
    }

    /// When `text` is heard, from the command's start: after the silence before the words,
    /// until the silence after them (espeak-ng: 0.16 and 0.89 to 1.2 of a word's time).
    pub fn heard(self, text: &str) -> (Duration, Duration) {
        let whole = self.time_to_say(text);
        let before = self.silence_before();
        let after = Duration::from_secs_f64(self.word_time() * 0.89);
        (before, whole.saturating_sub(after).max(before))
    }

    /// The silence before the words: from the command's start to its first sound, lag aside.
    pub fn silence_before(self) -> Duration {
        Duration::from_secs_f64(self.word_time() * 0.1)
    }
}

fn is_pause(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?')
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

/// How much later than the tones the voice is heard, learned from its commands' run times: a
/// synthesizer into a sound server with a long buffer starts its sound late and exits late by
/// about as much (espeak-ng into a `PulseAudio` null sink at 2 s latency: heard 0.88 s after
/// paplay's tone started with it, and ran 0.85 s past its sound; at 10 ms, 0.02 s and 0.05 s).
/// The median of the last three, so that one cold start or a poor estimate does not decide.
#[derive(Debug, Clone, PartialEq)]
pub struct Lag {
    initial: Duration,
    /// The longest lag seen.
    longest: Duration,
    /// How much longer than estimated each of the last commands ran, in seconds (may be
    /// negative: the estimate is up to 0.9 s long).
    last: Vec<f64>,
}

/// A lag under this is taken as none: a voice heard this much late is a slow sound server
/// (espeak-ng into a `PulseAudio` null sink at its 2 s default: 0.85 s), not the estimate's error.
pub const SLOW: Duration = Duration::from_millis(400);

/// At most this much lag is believed: beyond it the voice is hung, not slow.
const MAX_LAG: Duration = Duration::from_secs(3);

/// How late a command may run before anything is learned: espeak-ng into `PulseAudio`'s null sink
/// at its 2 s default ran 1.9 s past its words, and a first run just after the sink woke did too.
pub const UNKNOWN_LAG: Duration = Duration::from_secs(2);

impl Lag {
    /// A lag of `initial` until something is learned.
    pub fn new(initial: Duration) -> Self {
        Lag { initial: initial.min(MAX_LAG), longest: Duration::ZERO, last: Vec::new() }
    }

    /// A command that was expected to take `expected` took `took`.
    pub fn observe(&mut self, took: Duration, expected: Duration) {
        if self.last.len() == 3 {
            self.last.remove(0);
        }
        self.last.push(took.as_secs_f64() - expected.as_secs_f64());
        self.longest = self.longest.max(took.saturating_sub(expected)).min(MAX_LAG);
    }

    /// How late a command may end and still not be hung: [`UNKNOWN_LAG`], or the longest lag
    /// seen if longer. A slow server's delay varies by a second (0.85 to 1.9 s for espeak-ng
    /// at 2 s), and a command killed within it would cut words still to be heard; one that
    /// hangs is found a little later, and holds nothing up meanwhile.
    pub fn allowance(&self) -> Duration {
        self.longest.max(self.initial).max(UNKNOWN_LAG)
    }

    /// The lag now: the median of what was learned, else the initial one; none when it is
    /// under [`SLOW`]. Below that, what is learned is mostly the estimate's own error (a tenth
    /// of a second or two either way) and a busy machine's slow exits, not a late sound.
    pub fn get(&self) -> Duration {
        let lag = self.median().unwrap_or(self.initial);
        if lag < SLOW { Duration::ZERO } else { lag }
    }

    fn median(&self) -> Option<Duration> {
        let mut sorted = self.last.clone();
        sorted.sort_by(f64::total_cmp);
        let median = *sorted.get(sorted.len() / 2)?;
        Some(Duration::from_secs_f64(median.clamp(0.0, MAX_LAG.as_secs_f64())))
    }
}

/// A voice that "speaks" in under this part of its words' time has said nothing: espeak-ng
/// exits 0 in 15 to 40 ms when there is no sound server; `spd-say` always returns at once.
pub const TOO_QUICK: u32 = 3;

/// Whether the voice is heard at all, judged from how long its commands run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Health {
    quick_in_a_row: u8,
}

impl Health {
    /// A command expected to take `expected` ended fine after `took`. Returns `true` once it
    /// has been too quick twice in a row: the voice counts as failing from then on.
    pub fn ended(&mut self, took: Duration, expected: Duration) -> bool {
        if took < expected / TOO_QUICK {
            self.quick_in_a_row = self.quick_in_a_row.saturating_add(1);
        } else {
            self.quick_in_a_row = 0;
        }
        self.quick_in_a_row >= 2
    }
}

/// What an utterance is for, lowest first: a phase's words cut a count or a form cue, nothing
/// but the next phase's words cuts a phase's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// The one form cue of a long hold.
    Form,
    /// A second of the countdown.
    Count,
    /// A check-in question after the session: said after the words before it, and replaced by
    /// the next one when it is answered.
    Question,
    /// The side and what to do now.
    Phase,
}

/// Words to say, their form already chosen for the time they have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub priority: Priority,
    pub text: String,
    /// When to start the command: its sound then follows the pattern before it.
    pub at: Instant,
    /// Dropped if it cannot start by this: a count heard late is worse than none.
    pub expires: Option<Instant>,
}

/// What the shell is to do with the speech command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speak {
    /// Stop what is being said (it is less important than what waits).
    Stop,
    /// Start saying `text`; the command is expected to end by `ends` (with the lag's
    /// allowance: later, it is hung). Whatever is still running is no longer waited for.
    Say { text: String, priority: Priority, ends: Instant },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Speaking {
    priority: Priority,
    /// Waited for until this: when its last word is expected to be heard. The command may run
    /// on (its silence after the words, a slow sound server): words after it start anyway.
    until: Instant,
}

/// Words waiting and what is being said.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    rate: Rate,
    lag: Lag,
    waiting: Vec<Utterance>,
    speaking: Option<Speaking>,
}

impl Queue {
    /// An empty queue for a voice speaking at `rate`, heard `lag` after the tones until it
    /// learns better.
    pub fn new(rate: Rate, lag: Duration) -> Self {
        Queue { rate, lag: Lag::new(lag), waiting: Vec::new(), speaking: None }
    }

    /// The rate the forms are chosen for.
    pub fn rate(&self) -> Rate {
        self.rate
    }

    /// The lag learned so far.
    pub fn lag(&self) -> Duration {
        self.lag.get()
    }

    /// A command that was to say `text` took `took`: the lag learns from it.
    pub fn learn(&mut self, text: &str, took: Duration) {
        self.lag.observe(took, self.rate.time_to_say(text));
    }

    /// Adds words. A phase's words replace everything else still waiting: it is stale now; a
    /// question replaces a question.
    pub fn push(&mut self, utterance: Utterance) {
        if utterance.priority == Priority::Phase {
            self.waiting.clear();
        }
        if utterance.priority == Priority::Question {
            self.waiting.retain(|w| w.priority != Priority::Question);
        }
        // Higher priority first; in order of arrival within one priority.
        let at = self.waiting.iter().position(|w| w.priority < utterance.priority).unwrap_or(self.waiting.len());
        self.waiting.insert(at, utterance);
    }

    /// Forgets everything waiting: the session was stopped, or the voice failed.
    pub fn clear(&mut self) {
        self.waiting.clear();
    }

    /// The shell's word that the words being said are over.
    pub fn said(&mut self) {
        self.speaking = None;
    }

    /// Whether words are being said (and waited for).
    pub fn is_speaking(&self) -> bool {
        self.speaking.is_some()
    }

    /// When the words being said are expected to be heard over, if words are being said.
    pub fn heard_until(&self) -> Option<Instant> {
        self.speaking.map(|s| s.until)
    }

    /// Whether nothing is said or waiting.
    pub fn is_idle(&self) -> bool {
        self.speaking.is_none() && self.waiting.is_empty()
    }

    /// What to do at `now`: stop less important words for a phase's, or start the next words
    /// whose time has come. Expired words are dropped, and words expected to be heard over are
    /// no longer waited for, whether their command has exited or not.
    pub fn next(&mut self, now: Instant) -> Option<Speak> {
        self.waiting.retain(|w| w.expires.is_none_or(|at| now <= at));
        if self.speaking.is_some_and(|s| now >= s.until) {
            self.speaking = None;
        }
        let ready = self.waiting.iter().position(|w| w.at <= now)?;
        let priority = self.waiting[ready].priority;
        let answered =
            priority == Priority::Question && self.speaking.is_some_and(|s| s.priority == Priority::Question);
        match self.speaking {
            Some(current) if (current.priority < Priority::Phase && priority == Priority::Phase) || answered => {
                self.speaking = None;
                return Some(Speak::Stop);
            }
            // A phase's words start on time whatever the words before them are doing.
            Some(_) if priority < Priority::Phase => return None,
            _ => {}
        }
        let utterance = self.waiting.remove(ready);
        let lag = self.lag.get();
        let ends = now + self.lag.allowance() + self.rate.time_to_say(&utterance.text);
        // Waited for while it is heard: its silence after, or a slow exit, holds nothing up.
        let heard = now + lag + self.rate.heard(&utterance.text).1;
        self.speaking = Some(Speaking { priority, until: heard });
        Some(Speak::Say { text: utterance.text, priority, ends })
    }

    /// When a question asked now starts: after the words waiting or being said, but not after
    /// an earlier question, which the new one answers and replaces.
    pub fn question_at(&self, now: Instant) -> Instant {
        let waiting = self.waiting.iter().filter(|w| w.priority != Priority::Question).map(|w| w.at);
        let speaking = self.speaking.filter(|s| s.priority != Priority::Question).map(|s| s.until);
        waiting.chain(speaking).fold(now, Instant::max)
    }

    /// When the queue next needs a look: words waiting for their time, or the end of the wait
    /// for words still running.
    pub fn next_start(&self) -> Option<Instant> {
        // While words are said, only a phase's words start before they end.
        let blocked = |w: &&Utterance| self.speaking.is_some() && w.priority < Priority::Phase;
        let waiting = self.waiting.iter().filter(|w| !blocked(w)).map(|w| w.at);
        waiting.chain(self.speaking.map(|s| s.until)).min()
    }
}
