//! What each session event sounds like, says and prints. Pure: the shell rings, plays, speaks
//! and prints what this decides, so the session can be followed by ear alone.
//!
//! Every event the user acts on is a [`Cue`] with its own [`Pattern`]; [`Sounds`] decides which
//! pattern sounds when two come close; [`voice`] queues the words by priority; [`Schedule`]
//! puts the two together so that words follow their pattern and are over before the next.

/// What `sound-check` heard, kept between runs.
pub mod heard;
mod patterns;
mod schedule;
mod sounds;
/// The voice's queue, its priorities and its time estimate.
pub mod voice;

use std::time::{Duration, Instant};

pub use patterns::{BELL_GAP, Channel, Note, PATTERNS, Pattern, TONE_LEAD};
pub use schedule::{Schedule, Starts};
pub use sounds::{Bell, Due, Sounds};
use voice::{Priority, Rate, Utterance};

use crate::domain::checkin::form::{Form, Question};
use crate::domain::plan::{self, Phase, PhaseKind, Plan};
use crate::domain::session::{COUNTDOWN_FROM, Event, counts_down};
use crate::domain::summary;

/// A moment the user must act on, each kind with its own sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// One of the last seconds of getting ready, of a hold or of a rest.
    Count,
    /// Start moving: the time to get ready, or a rest, is over.
    Go,
    /// Hold the position.
    Hold,
    /// The hold is over: move back to the start position (an exercise with a return phase).
    Return,
    /// The hold is over: let go and move again, on the same side.
    Release,
    /// Move to the other side (the hold before, if any, is over).
    SwitchSides,
    /// A rest between sets.
    Rest,
    /// The next exercise of a routine: a rest to set up for it, or it starts at once.
    NextExercise,
    /// The session is complete.
    Done,
}

impl Cue {
    /// Every cue, in the order of the table of patterns.
    pub const ALL: [Cue; 9] = [
        Cue::Count,
        Cue::Go,
        Cue::Hold,
        Cue::Return,
        Cue::Release,
        Cue::SwitchSides,
        Cue::Rest,
        Cue::NextExercise,
        Cue::Done,
    ];

    /// The cue's name in the table of patterns and in `sound-check`.
    pub fn name(self) -> &'static str {
        match self {
            Cue::Count => "count",
            Cue::Go => "go",
            Cue::Hold => "hold",
            Cue::Return => "return",
            Cue::Release => "release",
            Cue::SwitchSides => "switch sides",
            Cue::Rest => "rest",
            Cue::NextExercise => "next exercise",
            Cue::Done => "done",
        }
    }

    /// When it sounds, in words.
    pub fn when(self) -> &'static str {
        match self {
            Cue::Count => "each of the last 3 s of getting ready, a hold or a rest",
            Cue::Go => "the first move, after getting ready or a rest",
            Cue::Hold => "a hold starts",
            Cue::Return => "a hold ends: the move back to the start",
            Cue::Release => "a hold ends and the next move is on the same side",
            Cue::SwitchSides => "a hold ends and the next move (or hold) is on the other side",
            Cue::Rest => "a rest between sets",
            Cue::NextExercise => "the next exercise of a routine",
            Cue::Done => "the session is complete",
        }
    }

    /// Which pattern wins when two come close together: the higher.
    pub fn priority(self) -> u8 {
        match self {
            Cue::Count => 0,
            Cue::Rest => 1,
            Cue::Go => 2,
            Cue::Return | Cue::Release => 3,
            Cue::Hold => 4,
            Cue::SwitchSides => 5,
            Cue::NextExercise => 6,
            Cue::Done => 7,
        }
    }
}

/// Whether phase `index` starts on the other side from the last phase that had one (in the
/// same exercise, since its last rest): the moment to say "switch sides".
pub fn switches_side(plan: &Plan, index: usize) -> bool {
    let Some(phase) = plan.phases.get(index) else {
        return false;
    };
    let Some(side) = phase.side else {
        return false;
    };
    // A rest starts the sides afresh: the first move after it is "go", whatever side it is on.
    let mut before =
        plan.phases[..index].iter().rev().take_while(|p| p.part == phase.part && p.kind != PhaseKind::Rest);
    before.find_map(|p| p.side).is_some_and(|last| last != side)
}

/// Whether phase `index` is the first of a later exercise of a routine.
fn starts_next_exercise(plan: &Plan, index: usize) -> bool {
    index > 0
        && plan.phases.get(index).zip(plan.phases.get(index - 1)).is_some_and(|(now, before)| now.part != before.part)
}

/// The cue an event sounds, if any. Getting ready at the very start is silent: the user has
/// just started the session.
pub fn cue(plan: &Plan, event: Event) -> Option<Cue> {
    match event {
        Event::PhaseStarted(index) => {
            let phase = plan.phases.get(index)?;
            if starts_next_exercise(plan, index) {
                return Some(Cue::NextExercise);
            }
            if switches_side(plan, index) {
                return Some(Cue::SwitchSides);
            }
            let after_hold = index > 0 && plan.phases[index - 1].kind == PhaseKind::Hold;
            match phase.kind {
                PhaseKind::GetReady => None,
                PhaseKind::Rest => Some(Cue::Rest),
                PhaseKind::Hold => Some(Cue::Hold),
                // Let go of the hold and come back: the release, as when a move follows a hold.
                PhaseKind::Return => Some(Cue::Return),
                PhaseKind::Move if after_hold => Some(Cue::Release),
                PhaseKind::Move => Some(Cue::Go),
            }
        }
        Event::Countdown(_) => Some(Cue::Count),
        Event::Finished { completed: true, .. } => Some(Cue::Done),
        Event::Finished { completed: false, .. } | Event::Paused | Event::Resumed => None,
    }
}

/// `Left`, `Right`: a side at the start of a sentence.
fn side_title(phase: &Phase) -> Option<&'static str> {
    phase.side.map(|side| if side.word() == "left" { "Left" } else { "Right" })
}

/// What to do in a move, naming the side even when the exercise's cue does not.
fn move_text(phase: &Phase) -> String {
    match (phase.side, side_title(phase)) {
        (Some(side), Some(title)) if !phase.cue.to_lowercase().contains(side.word()) => {
            format!("{title}. {}", phase.cue)
        }
        _ => phase.cue.clone(),
    }
}

/// `Hold, left`, or `Hold` without a side.
fn hold_text(phase: &Phase) -> String {
    phase.side.map_or_else(|| "Hold".to_owned(), |side| format!("Hold, {side}"))
}

/// `Move, left`, `Release`: a verb and the side.
fn verb_side(verb: &str, phase: &Phase) -> String {
    phase.side.map_or_else(|| verb.to_owned(), |side| format!("{verb}, {side}"))
}

/// The words for an event, longest form first: the voice says the longest that fits the time
/// before what must come next, and the last when none fits. Every hold's start and every move
/// names the side.
pub fn words(plan: &Plan, event: Event) -> Vec<String> {
    let forms = match event {
        Event::PhaseStarted(index) => phase_words(plan, index),
        Event::Countdown(secs) => vec![secs.to_string()],
        Event::Finished { completed: true, skipped: 0 } => vec!["Session complete".to_owned()],
        // As the done screen heads it: the end was reached, but not every hold was done.
        Event::Finished { completed: true, skipped } => {
            vec![format!("Session ended, {}", summary::holds_skipped(skipped)), "Session ended".to_owned()]
        }
        Event::Finished { completed: false, .. } | Event::Paused | Event::Resumed => Vec::new(),
    };
    // Each text becomes a command's argument: a leading dash must not read as an option.
    let clean = |text: &String| text.trim_start_matches(|c: char| c == '-' || c.is_whitespace()).trim_end().to_owned();
    let mut cleaned: Vec<String> = forms.iter().map(clean).filter(|text| !text.is_empty()).collect();
    cleaned.dedup();
    cleaned
}

fn phase_words(plan: &Plan, index: usize) -> Vec<String> {
    let Some(phase) = plan.phases.get(index) else {
        return Vec::new();
    };
    let name = &plan.parts[phase.part].exercise.name;
    let title = side_title(phase);
    let forms = match phase.kind {
        PhaseKind::GetReady => {
            vec![format!("{name}. {}", phase.cue), format!("{name}. Get ready."), "Get ready".to_owned()]
        }
        PhaseKind::Rest if starts_next_exercise(plan, index) => {
            return vec![phase.cue.clone(), format!("Next: {name}."), "Next exercise".to_owned()];
        }
        PhaseKind::Rest => vec![phase.cue.clone(), "Rest".to_owned()],
        PhaseKind::Move if switches_side(plan, index) => {
            let title = title.unwrap_or_default();
            vec![format!("Switch sides. {}", move_text(phase)), format!("Switch sides. {title}."), format!("{title}.")]
        }
        PhaseKind::Move if index > 0 && plan.phases[index - 1].kind == PhaseKind::Hold => {
            vec![format!("Release. {}", move_text(phase)), verb_side("Release", phase)]
        }
        PhaseKind::Move => vec![move_text(phase), verb_side("Move", phase)],
        PhaseKind::Return => vec![format!("Release. {}", phase.cue), "Release".to_owned()],
        PhaseKind::Hold if switches_side(plan, index) => {
            vec![format!("Switch sides. {}.", hold_text(phase)), format!("{}. Hold.", title.unwrap_or_default())]
        }
        PhaseKind::Hold => vec![hold_text(phase)],
    };
    // The shortest of all, for a phase of a second: the side alone (its pattern says the rest).
    let mut forms = forms;
    if let Some(title) = title.filter(|_| matches!(phase.kind, PhaseKind::Move | PhaseKind::Hold)) {
        forms.push(format!("{title}."));
    }
    if starts_next_exercise(plan, index) {
        // A routine without rests: the exercise's name comes first, if there is time.
        let last = forms.last().cloned().unwrap_or_default();
        let mut named: Vec<String> = forms.iter().map(|form| format!("Next: {name}. {form}")).collect();
        named.push(last);
        return named;
    }
    forms
}

/// How long after a phase's start its countdown begins: the time its first words have before
/// the count. The whole phase for phases without one.
pub fn until_count(phase: &Phase) -> Duration {
    let secs = phase.duration.as_secs() + u64::from(phase.duration.subsec_nanos() > 0);
    let counted = secs.saturating_sub(1).min(COUNTDOWN_FROM);
    if counts_down(phase.kind) && counted > 0 {
        phase.duration.saturating_sub(Duration::from_secs(counted))
    } else {
        phase.duration
    }
}

/// What the choice and the timing of words depend on besides the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voicing {
    pub rate: Rate,
    /// How much later than a tone started with them the words are heard (learned as the
    /// session goes: [`voice::Lag`]).
    pub lag: Duration,
    /// What sounds the patterns: the words wait for them.
    pub channel: Channel,
}

impl Default for Voicing {
    fn default() -> Self {
        Voicing { rate: Rate::default(), lag: Duration::ZERO, channel: Channel::Tones }
    }
}

/// The silence between a pattern and the words after it: room for the player's start-up, which
/// varies by some 30 ms from one tone to the next (README, "Sound").
const WORDS_AFTER_PATTERN: Duration = Duration::from_millis(80);

/// The silence left between words and the pattern after them: room for the time estimate's
/// own error, which on short phrases is within this (README, "Sound").
pub const WORDS_BEFORE_PATTERN: Duration = Duration::from_millis(200);

/// A spoken count is heard within this of its tick, or not said.
pub const COUNT_LATE: Duration = Duration::from_millis(150);

/// The silence between a count's tick and its word, with the same room as
/// [`WORDS_AFTER_PATTERN`] for less.
const COUNT_AFTER_TICK: Duration = Duration::from_millis(50);

/// The silence before a form cue, and after it before the count.
const FORM_CUE_MARGIN: Duration = Duration::from_millis(300);

/// Words with their timing, as offsets from the moment of their event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timed {
    pub text: String,
    /// When the command starts.
    pub start: Duration,
    /// When its last word is expected to be heard.
    pub heard_until: Duration,
}

/// How long an event's pattern is heard for on `channel`, from its start; zero without one.
pub fn pattern_heard(plan: &Plan, event: Event, channel: Channel) -> Duration {
    cue(plan, event).map_or(Duration::ZERO, |cue| Pattern::of(cue).heard_for(channel))
}

/// Times the longest of `forms` (longest first) whose words are heard over before the first of
/// `rooms`, else before the second, else the shortest: started so that they are heard just
/// after the pattern heard until `quiet`.
fn timed(forms: &[String], voicing: Voicing, quiet: Duration, rooms: [Duration; 2]) -> Option<Timed> {
    let onset = if quiet.is_zero() { Duration::ZERO } else { quiet + WORDS_AFTER_PATTERN };
    // Started so that, heard at once, its first word follows the pattern; a lag makes it later,
    // never earlier (a lag is learned from exits, which a busy machine slows too).
    let start = onset.saturating_sub(voicing.rate.silence_before());
    let heard_until = |text: &String| start + voicing.lag + voicing.rate.heard(text).1;
    let within = |room: Duration| forms.iter().find(move |text| heard_until(text) + WORDS_BEFORE_PATTERN <= room);
    let text = within(rooms[0]).or_else(|| within(rooms[1])).or(forms.last())?;
    Some(Timed { text: text.clone(), start, heard_until: heard_until(text) })
}

/// The words an event's voice says with their timing, after a pattern heard until `quiet`
/// (from the event's moment): for a phase, the longest form over before its count, else
/// before its end; for a count, started so that it is heard after its tick and within
/// [`COUNT_LATE`] of it, or `None`.
pub fn timed_words(plan: &Plan, event: Event, voicing: Voicing, quiet: Duration) -> Option<Timed> {
    let forms = words(plan, event);
    match event {
        Event::Countdown(_) => {
            let onset = if quiet.is_zero() { Duration::ZERO } else { quiet + COUNT_AFTER_TICK };
            let before = voicing.rate.silence_before();
            let start = onset.saturating_sub(before);
            let text = forms.into_iter().next()?;
            let heard_until = start + voicing.lag + voicing.rate.heard(&text).1;
            (start + voicing.lag + before <= COUNT_LATE).then_some(Timed { text, start, heard_until })
        }
        _ => timed(&forms, voicing, quiet, rooms(plan, event)),
    }
}

/// When, from phase `index`'s start, its counting may begin: after its words (and a pause
/// before the tick), when they do not fit before the first count. `None` when they fit.
pub fn counts_from(plan: &Plan, index: usize, voicing: Voicing, quiet: Duration) -> Option<Duration> {
    let phase = plan.phases.get(index).filter(|p| counts_down(p.kind))?;
    let said = timed_words(plan, Event::PhaseStarted(index), voicing, quiet)?;
    let clear = said.heard_until + WORDS_BEFORE_PATTERN;
    (clear > until_count(phase)).then_some(clear)
}

/// The one form cue spoken in hold `index` and when it starts, if the hold leaves room for it
/// between the hold's words and the count, with a pause on each side: the hold's own cue,
/// which rotates through the exercise's hold cues and its mistakes' cues rep by rep. A leading
/// "Hold." is left out: the hold's start has said it.
pub fn form_cue(plan: &Plan, index: usize, voicing: Voicing, quiet: Duration) -> Option<Timed> {
    let phase = plan.phases.get(index).filter(|p| p.kind == PhaseKind::Hold)?;
    let text = phase.cue.trim();
    let text = text.strip_prefix("Hold.").map_or(text, str::trim_start);
    let text = text.trim_start_matches(|c: char| c == '-' || c.is_whitespace());
    if text.is_empty() {
        return None;
    }
    let opening = timed_words(plan, Event::PhaseStarted(index), voicing, quiet)?;
    let start = opening.heard_until + FORM_CUE_MARGIN;
    let heard_until = start + voicing.lag + voicing.rate.heard(text).1;
    (heard_until + FORM_CUE_MARGIN <= until_count(phase)).then(|| Timed { text: text.to_owned(), start, heard_until })
}

/// What the voice is to say for an event that happens at `now`, after a pattern heard until
/// `quiet` from then: the words with their priority and timing, and for a long hold its form
/// cue after them.
pub fn speech(plan: &Plan, event: Event, now: Instant, voicing: Voicing, quiet: Duration) -> Vec<Utterance> {
    let Some(said) = timed_words(plan, event, voicing, quiet) else {
        return Vec::new();
    };
    match event {
        Event::Countdown(_) => {
            let latest = COUNT_LATE.saturating_sub(voicing.lag + voicing.rate.silence_before());
            // Never before its planned start: the check above kept `latest` at or after it.
            vec![Utterance {
                priority: Priority::Count,
                text: said.text,
                at: now + said.start,
                expires: Some(now + latest),
            }]
        }
        Event::PhaseStarted(index) => {
            let mut utterances =
                vec![Utterance { priority: Priority::Phase, text: said.text, at: now + said.start, expires: None }];
            if let Some(tip) = form_cue(plan, index, voicing, quiet) {
                // Dropped if the hold's words ran so late that it would run into the count.
                let room = plan.phases.get(index).map_or(Duration::ZERO, until_count);
                let latest = room.checked_sub(tip.heard_until.saturating_sub(tip.start) + FORM_CUE_MARGIN);
                utterances.push(Utterance {
                    priority: Priority::Form,
                    text: tip.text,
                    at: now + tip.start,
                    expires: Some(now + latest.unwrap_or(tip.start)),
                });
            }
            utterances
        }
        _ => vec![Utterance { priority: Priority::Phase, text: said.text, at: now + said.start, expires: None }],
    }
}

/// The words the voice says for an event when it starts on time, after its own pattern.
pub fn said(plan: &Plan, event: Event, voicing: Voicing) -> Option<String> {
    let quiet = pattern_heard(plan, event, voicing.channel);
    timed_words(plan, event, voicing, quiet).map(|said| said.text)
}

/// The time the session's last words have.
const LAST_WORDS: Duration = Duration::from_secs(60);

/// The time an event's words have: preferably until the phase's count, at most until its end;
/// a second for a count.
fn rooms(plan: &Plan, event: Event) -> [Duration; 2] {
    match event {
        Event::PhaseStarted(index) => {
            plan.phases.get(index).map_or([Duration::ZERO; 2], |phase| [until_count(phase), phase.duration])
        }
        Event::Countdown(_) => [Duration::from_secs(1); 2],
        _ => [LAST_WORDS; 2],
    }
}

/// A check-in question as the voice says it: its words as the screen shows them (a PSFS
/// question with its activity), then its choices with their keys ("How hard did it feel? 1,
/// easy. 2, about right. 3, hard.").
pub fn question_words(form: &Form, question: Question) -> String {
    let words = form.words(question);
    let choices: Vec<String> = question.choices().iter().map(|(key, word)| format!("{key}, {word}.")).collect();
    if choices.is_empty() { words } else { format!("{words} {}", choices.join(" ")) }
}

/// The lines plain mode prints for an event: the words the voice says (in the form it has time
/// for), each phase's full description, and a long hold's form cue.
pub fn lines(plan: &Plan, event: Event, voicing: Voicing) -> Vec<String> {
    match event {
        Event::PhaseStarted(index) => {
            let mut lines: Vec<String> = plan::text::part_heading(plan, index).into_iter().collect();
            lines.extend(said(plan, event, voicing));
            lines.push(plan::text::describe(plan, index));
            let quiet = pattern_heard(plan, event, voicing.channel);
            lines.extend(form_cue(plan, index, voicing, quiet).map(|tip| tip.text));
            lines
        }
        Event::Countdown(_) | Event::Finished { completed: true, .. } => {
            words(plan, event).into_iter().take(1).collect()
        }
        Event::Finished { completed: false, .. } | Event::Paused | Event::Resumed => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
