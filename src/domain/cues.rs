//! What each session event sounds like, says and prints. Pure: the shell rings, plays, speaks
//! and prints what this decides, so the session can be followed by ear alone.
//!
//! Every event the user acts on is a [`Cue`] with its own [`Pattern`]; `sounds` decides which
//! pattern sounds when two come close; [`voice`] queues the words by priority.

mod patterns;
mod sounds;
/// The voice's queue, its priorities and its time estimate.
pub mod voice;

use std::time::{Duration, Instant};

pub use patterns::{BELL_GAP, Note, PATTERNS, Pattern};
pub use sounds::{Bell, Due, Sounds};
use voice::{Priority, Rate, Utterance};

use crate::domain::plan::{self, Phase, PhaseKind, Plan};
use crate::domain::session::{COUNTDOWN_FROM, Event, counts_down};

/// A moment the user must act on, each kind with its own sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// One of the last seconds of getting ready, of a hold or of a rest.
    Count,
    /// Start moving: the time to get ready, or a rest, is over.
    Go,
    /// Hold the position.
    Hold,
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
    pub const ALL: [Cue; 8] =
        [Cue::Count, Cue::Go, Cue::Hold, Cue::Release, Cue::SwitchSides, Cue::Rest, Cue::NextExercise, Cue::Done];

    /// The cue's name in the table of patterns and in `sound-check`.
    pub fn name(self) -> &'static str {
        match self {
            Cue::Count => "count",
            Cue::Go => "go",
            Cue::Hold => "hold",
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
            Cue::Release => "a hold ends: the move back to the start, or the next move on the same side",
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
            Cue::Release => 3,
            Cue::Hold => 4,
            Cue::SwitchSides => 5,
            Cue::NextExercise => 6,
            Cue::Done => 7,
        }
    }
}

/// Whether phase `index` starts on the other side from the last phase that had one (in the
/// same exercise): the moment to say "switch sides".
pub fn switches_side(plan: &Plan, index: usize) -> bool {
    let Some(phase) = plan.phases.get(index) else {
        return false;
    };
    let Some(side) = phase.side else {
        return false;
    };
    let mut before = plan.phases[..index].iter().rev().take_while(|p| p.part == phase.part);
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
                PhaseKind::Return => Some(Cue::Release),
                PhaseKind::Move if after_hold => Some(Cue::Release),
                PhaseKind::Move => Some(Cue::Go),
            }
        }
        Event::Countdown(_) => Some(Cue::Count),
        Event::Finished { completed: true } => Some(Cue::Done),
        Event::Finished { completed: false } | Event::Paused | Event::Resumed => None,
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
        Event::Finished { completed: true } => vec!["Session complete".to_owned()],
        Event::Finished { completed: false } | Event::Paused | Event::Resumed => Vec::new(),
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
    if starts_next_exercise(plan, index) {
        // A routine without rests: the exercise's name comes first, if there is time.
        let last = forms.last().cloned().unwrap_or_default();
        let mut named: Vec<String> = forms.iter().map(|form| format!("Next: {name}. {form}")).collect();
        named.push(last);
        return named;
    }
    forms
}

/// The silence before a form cue, and after it before the count.
const FORM_CUE_MARGIN: Duration = Duration::from_millis(300);

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

/// The one form cue spoken in hold `index`, if the hold is long enough for its side, the cue
/// and a pause on each side of it before the count: the hold's own cue, which rotates through
/// the exercise's hold cues and its mistakes' cues rep by rep. A leading "Hold." is left out:
/// the hold's start has said it.
pub fn form_cue(plan: &Plan, index: usize, rate: Rate) -> Option<String> {
    let phase = plan.phases.get(index).filter(|p| p.kind == PhaseKind::Hold)?;
    let text = phase.cue.trim();
    let text = text.strip_prefix("Hold.").map_or(text, str::trim_start);
    let text = text.trim_start_matches(|c: char| c == '-' || c.is_whitespace());
    if text.is_empty() {
        return None;
    }
    let opening = words(plan, Event::PhaseStarted(index));
    let said = opening.first().map_or(Duration::ZERO, |first| rate.time_to_say(first));
    let needed = said + FORM_CUE_MARGIN + rate.time_to_say(text) + FORM_CUE_MARGIN;
    (needed <= until_count(phase)).then(|| text.to_owned())
}

/// What the voice is to say for an event that happens at `now`: the words with their priority
/// and timing, and for a long hold its form cue after them.
pub fn speech(plan: &Plan, event: Event, now: Instant, rate: Rate) -> Vec<Utterance> {
    let forms = words(plan, event);
    if forms.is_empty() {
        return Vec::new();
    }
    match event {
        Event::PhaseStarted(index) => {
            let [count_at, end_at] = rooms(plan, event).map(|room| now + room);
            let mut said = vec![Utterance {
                priority: Priority::Phase,
                forms,
                not_before: now,
                fit_by: count_at,
                end_by: end_at,
                expires: None,
            }];
            if let Some(text) = form_cue(plan, index, rate) {
                let latest = count_at.checked_sub(rate.time_to_say(&text) + FORM_CUE_MARGIN);
                said.push(Utterance {
                    priority: Priority::Form,
                    forms: vec![text],
                    not_before: now,
                    fit_by: count_at,
                    end_by: count_at,
                    expires: Some(latest.unwrap_or(now)),
                });
            }
            said
        }
        Event::Countdown(_) => vec![Utterance {
            priority: Priority::Count,
            forms,
            not_before: now,
            fit_by: now + Duration::from_secs(1),
            end_by: now + Duration::from_secs(1),
            // A number said half a second late is already wrong.
            expires: Some(now + Duration::from_millis(500)),
        }],
        _ => vec![Utterance {
            priority: Priority::Phase,
            forms,
            not_before: now,
            fit_by: now + LAST_WORDS,
            end_by: now + LAST_WORDS,
            expires: None,
        }],
    }
}

/// The words the voice says for an event when it starts on time: the longest form over before
/// the count, else before the next phase, at `rate`.
pub fn said(plan: &Plan, event: Event, rate: Rate) -> Option<String> {
    voice::choose(&words(plan, event), rooms(plan, event), rate).map(str::to_owned)
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

/// The lines plain mode prints for an event: the words the voice says, each phase's full
/// description, and a long hold's form cue.
pub fn lines(plan: &Plan, event: Event, rate: Rate) -> Vec<String> {
    match event {
        Event::PhaseStarted(index) => {
            let mut lines: Vec<String> = plan::text::part_heading(plan, index).into_iter().collect();
            lines.extend(said(plan, event, rate));
            lines.push(plan::text::describe(plan, index));
            lines.extend(form_cue(plan, index, rate));
            lines
        }
        Event::Countdown(_) | Event::Finished { completed: true } => words(plan, event).into_iter().take(1).collect(),
        Event::Finished { completed: false } | Event::Paused | Event::Resumed => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
