//! What a session did: its summary's types (the session builds them) and its words, the done
//! screen's lines and the summary printed at exit.

use std::fmt::Write as _;

use crate::domain::duration::human;
use std::time::Duration;

use crate::domain::checkin::{Checkin, Psfs, Why};
use crate::domain::side::Side;

/// Reps done and planned for one side of one exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideReps {
    pub side: Option<Side>,
    /// Holds that ran to their end.
    pub done: u32,
    pub planned: u32,
}

/// What was done of one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSummary {
    pub name: String,
    pub id: String,
    pub reps: Vec<SideReps>,
    /// Holds gone past without running to their end: skipped.
    pub skipped: u32,
    pub hold: Duration,
    /// The time its phases ran, pauses left out (for a routine, the rest before it included).
    pub active: Duration,
}

/// What a session did, for the done screen, the printed summary and the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// What was done: a routine's name, else the exercise's.
    pub title: String,
    /// Every hold ran to its end.
    pub completed: bool,
    /// The session reached its end rather than being stopped early, skipped holds or not.
    pub reached_end: bool,
    /// Holds skipped, every exercise's together: in a session stopped early, those skipped
    /// before the stop.
    pub skipped: u32,
    pub parts: Vec<PartSummary>,
    /// Time spent in holds, whether or not each hold ran to its end.
    pub held: Duration,
    /// From start to end, pauses included.
    pub elapsed: Duration,
    /// Elapsed time less pauses.
    pub active: Duration,
    /// The exercise (its index in `parts`) a stopped session was stopped in while doing it (a
    /// move, a hold or a move back, under way); `None` for one stopped while getting ready or
    /// resting, or not stopped.
    pub stopped_in: Option<usize>,
}

/// Said once a session is written to the history.
pub const SAVED: &str = "Saved to your history.";

/// Why a session left nothing in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nothing {
    /// Stopped while getting ready, before the first move.
    GettingReady,
    /// Run to its end with every hold skipped.
    EveryHoldSkipped,
    /// Stopped with every hold before the stop skipped, and none under way.
    HoldsSkippedThenStopped,
}

impl Nothing {
    /// Why a session that leaves no record left none: one stopped in a move or a hold is kept, so
    /// one stopped and not kept was getting ready, or resting after skipping every hold so far.
    pub fn of(summary: &Summary) -> Self {
        match (summary.reached_end, summary.skipped) {
            (true, _) => Nothing::EveryHoldSkipped,
            (false, 0) => Nothing::GettingReady,
            (false, _) => Nothing::HoldsSkippedThenStopped,
        }
    }

    /// As the done screen and the printed summary say it.
    pub fn said(self) -> &'static str {
        match self {
            Nothing::GettingReady => "Nothing saved: stopped before the first move.",
            Nothing::EveryHoldSkipped => "Nothing saved: every hold was skipped.",
            Nothing::HoldsSkippedThenStopped => "Nothing saved: every hold before the stop was skipped.",
        }
    }
}

/// The done screen's lines: reps per side, time held, time taken.
pub fn lines(summary: &Summary) -> Vec<String> {
    let mut lines = Vec::new();
    if let [part] = summary.parts.as_slice() {
        lines.extend(part.reps.iter().map(reps_text));
    } else {
        // A routine: one line per exercise, e.g. `Knee to chest: left 3/3, right 2/3 reps`.
        for part in &summary.parts {
            let counts: Vec<String> = part
                .reps
                .iter()
                .map(|reps| match reps.side {
                    Some(side) => format!("{side} {}/{}", reps.done, reps.planned),
                    None => format!("{}/{}", reps.done, reps.planned),
                })
                .collect();
            let word = if part.reps.iter().all(|reps| reps.planned == 1) { "rep" } else { "reps" };
            lines.push(format!("{}: {} {word}", part.name, counts.join(", ")));
        }
    }
    if summary.skipped > 0 {
        lines.push(holds_skipped(summary.skipped));
    }
    lines.push(format!("Total hold time: {}", human(summary.held)));
    lines.push(format!("Elapsed: {}", elapsed_text(summary)));
    lines
}

/// `1 hold skipped`, `3 holds skipped`.
pub fn holds_skipped(count: u32) -> String {
    if count == 1 { "1 hold skipped".to_owned() } else { format!("{count} holds skipped") }
}

fn reps_text(reps: &SideReps) -> String {
    match reps.side {
        Some(side) => format!("{}: {} of {}", capitalized(side.word()), reps.done, of_reps(reps.planned)),
        None => format!("{} of {}", reps.done, of_reps(reps.planned)),
    }
}

/// `1 rep`, `10 reps`: the count planned, with the word that goes with it.
fn of_reps(planned: u32) -> String {
    crate::domain::plan::text::reps_text(planned)
}

fn elapsed_text(summary: &Summary) -> String {
    if summary.active == summary.elapsed {
        human(summary.elapsed)
    } else {
        format!("{} ({} without pauses)", human(summary.elapsed), human(summary.active))
    }
}

/// `word` with its first letter in capitals.
pub(crate) fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// `items` in words: `a`, `a and b`, `a, b and c`; empty without any.
pub(crate) fn listed<S: AsRef<str>>(items: &[S]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
        Some((only, _)) => only.as_ref().to_owned(),
        None => String::new(),
    }
}

/// The check-in's answers as one line, `Stopped for: pain · Pain before: 3/10 · Pain now:
/// 5/10 · ...`: on the done screen and in the summary printed after it.
pub fn answers(answers: &Checkin, why: Option<Why>) -> Option<String> {
    let mut said = Vec::new();
    if let Some(why) = why {
        said.push(format!("Stopped for: {}", why.told()));
    }
    if let Some(pain) = answers.pain_before {
        said.push(format!("Pain before: {}/10", pain.value()));
    }
    if let Some(pain) = answers.pain {
        said.push(format!("Pain now: {}/10", pain.value()));
    }
    if let Some(hurt) = answers.hurt {
        said.push(format!("Side: {}", hurt.word()));
    }
    if let Some(spread) = answers.spread {
        said.push(if spread { "Pain spread: yes".to_owned() } else { "Pain spread: no".to_owned() });
    }
    if let Some(effort) = answers.effort {
        said.push(format!("Felt: {}", effort.phrase()));
    }
    for psfs in &answers.psfs {
        said.push(format!("{}: {}/{}", psfs.activity, psfs.score, Psfs::MAX));
    }
    if let Some(note) = &answers.note {
        said.push(format!("Note: {note}"));
    }
    (!said.is_empty()).then(|| said.join(" · "))
}

/// The summary printed when the session ends, for the terminal's scrollback or a pipe.
pub fn text(summary: &Summary) -> String {
    let status = if summary.completed {
        "completed".to_owned()
    } else if summary.reached_end {
        format!("reached the end, {}", holds_skipped(summary.skipped))
    } else {
        "stopped early".to_owned()
    };
    let mut text = format!("{}: {status}\n", summary.title);
    for line in lines(summary) {
        let _ = writeln!(text, "  {line}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_in_words_puts_and_before_the_last() {
        assert_eq!(listed::<&str>(&[]), "");
        assert_eq!(listed(&["reps 8"]), "reps 8");
        assert_eq!(listed(&["Mon", "Fri"]), "Mon and Fri");
        assert_eq!(listed(&["a".to_owned(), "b".to_owned(), "c".to_owned()]), "a, b and c");
    }

    fn summary(completed: bool, paused: u64) -> Summary {
        Summary {
            title: "Lower trunk rotation".to_owned(),
            completed,
            reached_end: completed,
            skipped: 0,
            parts: vec![PartSummary {
                name: "Lower trunk rotation".to_owned(),
                id: "lower-trunk-rotation".to_owned(),
                reps: vec![
                    SideReps { side: Some(Side::Left), done: 3, planned: 10 },
                    SideReps { side: Some(Side::Right), done: 2, planned: 10 },
                ],
                skipped: 0,
                hold: Duration::from_secs(5),
                active: Duration::from_secs(75 - paused),
            }],
            stopped_in: None,
            held: Duration::from_secs(27),
            elapsed: Duration::from_secs(75),
            active: Duration::from_secs(75 - paused),
        }
    }

    #[test]
    fn the_printed_summary_says_how_it_ended_and_what_was_done() {
        assert_eq!(
            text(&summary(false, 0)),
            "Lower trunk rotation: stopped early\n  Left: 3 of 10 reps\n  Right: 2 of 10 reps\n  \
             Total hold time: 27 s\n  Elapsed: 1 min 15 s\n"
        );
        assert!(text(&summary(true, 0)).starts_with("Lower trunk rotation: completed\n"));
    }

    #[test]
    fn pauses_are_shown_only_when_there_were_some() {
        assert!(lines(&summary(true, 15)).contains(&"Elapsed: 1 min 15 s (1 min without pauses)".to_owned()));
    }

    #[test]
    fn a_session_that_reached_the_end_with_skips_says_how_many() {
        let mut skipped = summary(false, 0);
        skipped.reached_end = true;
        skipped.skipped = 2;
        let text = text(&skipped);
        assert!(text.starts_with("Lower trunk rotation: reached the end, 2 holds skipped\n"), "{text}");
        assert!(lines(&skipped).contains(&"2 holds skipped".to_owned()));
    }

    #[test]
    fn a_routine_gets_one_line_per_exercise() {
        let mut routine = summary(false, 0);
        let mut tilt = routine.parts[0].clone();
        tilt.name = "Pelvic tilt".to_owned();
        tilt.reps = vec![SideReps { side: None, done: 2, planned: 8 }];
        routine.parts.insert(0, tilt);
        routine.title = "Low-back routine".to_owned();
        let lines = lines(&routine);
        assert_eq!(lines[..2], ["Pelvic tilt: 2/8 reps", "Lower trunk rotation: left 3/10, right 2/10 reps"]);
        assert!(text(&routine).starts_with("Low-back routine: stopped early\n"), "titled by the routine's name");
    }

    #[test]
    fn one_rep_is_one_rep() {
        let mut one = summary(true, 0);
        one.parts[0].reps = vec![SideReps { side: Some(Side::Left), done: 1, planned: 1 }];
        assert_eq!(lines(&one)[0], "Left: 1 of 1 rep");

        // In a routine, as a fraction: `1/1 rep`, and `reps` as soon as one side plans more.
        let mut routine = summary(true, 0);
        routine.parts[0].reps = vec![SideReps { side: None, done: 1, planned: 1 }];
        let mut rotation = routine.parts[0].clone();
        rotation.reps = vec![
            SideReps { side: Some(Side::Left), done: 1, planned: 1 },
            SideReps { side: Some(Side::Right), done: 0, planned: 2 },
        ];
        routine.parts.push(rotation);
        assert_eq!(
            lines(&routine)[..2],
            ["Lower trunk rotation: 1/1 rep", "Lower trunk rotation: left 1/1, right 0/2 reps"]
        );
    }

    #[test]
    fn nothing_saved_says_why_from_how_the_session_ended() {
        let mut ended = summary(false, 0);
        assert_eq!(Nothing::of(&ended), Nothing::GettingReady);
        ended.skipped = 2;
        assert_eq!(Nothing::of(&ended), Nothing::HoldsSkippedThenStopped, "stopped resting after skipping");
        ended.reached_end = true;
        assert_eq!(Nothing::of(&ended), Nothing::EveryHoldSkipped);
    }

    #[test]
    fn the_answers_line_says_every_answer_in_the_order_asked_with_the_activities_scored() {
        use crate::domain::checkin::{Effort, Pain};
        let checkin = Checkin {
            pain: Pain::new(3),
            effort: Some(Effort::AboutRight),
            psfs: vec![
                Psfs { activity: "Walking 20 minutes".to_owned(), score: 6 },
                Psfs { activity: "Tying shoes".to_owned(), score: 4 },
            ],
            ..Checkin::default()
        };
        assert_eq!(
            answers(&checkin, Some(Why::NoTime)).as_deref(),
            Some(
                "Stopped for: no time · Pain now: 3/10 · Felt: about right · Walking 20 minutes: 6/10 · Tying shoes: 4/10"
            )
        );
        assert_eq!(answers(&Checkin::default(), None), None, "nothing answered, no line");
    }
}
