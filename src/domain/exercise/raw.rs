//! The exercise file's TOML schema as written, and its checked conversion into an [`Exercise`].

use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use super::{Cues, Exercise, Mistake, SideMeans, Timing, limits};
use crate::domain::diagnostic::Diagnostic;
use crate::domain::fields::{Checker, RawDuration};
use crate::domain::figure::raw::RawFigure;
use crate::domain::shape::{
    self, Field,
    Shape::{List, Map, Pair, Points, Seconds, Table, Tables, Text, Whole, Word},
};
use crate::domain::side::Side;
use crate::domain::untrusted::{clean, clean_line};

/// The file's shape, checked first so that every key of the wrong type is reported in one run;
/// it lists the keys of the structs below, and a test keeps the two in step.
pub(super) const SHAPE: &[Field] = &[
    Field::required("name", Text),
    Field::optional("also_known_as", List(&Text)),
    Field::optional("summary", Text),
    Field::optional("muscles", List(&Text)),
    Field::required("start_position", Text),
    Field::required("steps", List(&Text)),
    Field::optional("sides", List(&Word(&["left", "right"]))),
    Field::optional("side_means", Word(&["side", "turn", "leg", "knee", "arm"])),
    Field::optional("tempo", Text),
    Field::optional("breathing", Text),
    Field::required("timing", Table(TIMING)),
    Field::optional("cues", Table(CUES)),
    Field::optional("mistakes", Tables(MISTAKE)),
    Field::optional("benefits", List(&Text)),
    Field::optional("precautions", List(&Text)),
    Field::optional("progressions", List(&Text)),
    Field::optional("regressions", List(&Text)),
    Field::optional("figure", Table(FIGURE)),
];

/// The poses are tables of freely named parts, each a point or a line: the figure's own reader
/// checks how many points and where.
const FIGURE: &[Field] = &[
    Field::optional("view", Text),
    Field::required("start", POSE),
    Field::optional("left", POSE),
    Field::optional("right", POSE),
    Field::optional("hold", POSE),
    Field::optional("widths", Map(&[], &Whole)),
    Field::optional("floor", Points),
    Field::optional("mirror", Word(&["left", "right"])),
    Field::optional("mirror_view", Text),
    Field::optional("mirror_labels", Map(&[], &Text)),
    Field::optional("labels", Map(&[], &Text)),
    Field::optional("behind", List(&Text)),
    Field::optional("outline", List(&Text)),
    Field::optional("body_colour", List(&Text)),
];

const POSE: crate::domain::shape::Shape = Map(&[], &Points);

const TIMING: &[Field] = &[
    Field::required("hold", Seconds),
    Field::optional("hold_range", Pair(&Seconds)),
    Field::required("reps", Whole),
    Field::optional("reps_range", Pair(&Whole)),
    Field::optional("get_ready", Seconds),
    Field::optional("transition", Seconds),
    Field::optional("return", Seconds),
    Field::optional("sets", Whole),
    Field::optional("rest", Seconds),
];

const CUES: &[Field] = &[
    Field::optional("get_ready", Text),
    Field::optional("move", Text),
    Field::optional("hold", List(&Text)),
    Field::optional("return", Text),
    Field::optional("rest", Text),
];

const MISTAKE: &[Field] =
    &[Field::required("name", Text), Field::optional("explanation", Text), Field::required("cue", Text)];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    name: Spanned<String>,
    #[serde(default)]
    also_known_as: Vec<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    muscles: Vec<String>,
    start_position: String,
    steps: Spanned<Vec<String>>,
    sides: Option<Spanned<Vec<Spanned<RawSide>>>>,
    side_means: Option<Spanned<SideMeans>>,
    #[serde(default)]
    tempo: String,
    #[serde(default)]
    breathing: String,
    timing: RawTiming,
    #[serde(default)]
    cues: RawCues,
    #[serde(default)]
    mistakes: Vec<RawMistake>,
    #[serde(default)]
    benefits: Vec<String>,
    #[serde(default)]
    precautions: Vec<String>,
    #[serde(default)]
    progressions: Vec<String>,
    #[serde(default)]
    regressions: Vec<String>,
    figure: Option<Spanned<RawFigure>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum RawSide {
    Left,
    Right,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTiming {
    hold: Spanned<RawDuration>,
    hold_range: Option<Spanned<[Spanned<RawDuration>; 2]>>,
    reps: Spanned<i64>,
    reps_range: Option<Spanned<[Spanned<i64>; 2]>>,
    get_ready: Option<Spanned<RawDuration>>,
    transition: Option<Spanned<RawDuration>>,
    #[serde(rename = "return")]
    back: Option<Spanned<RawDuration>>,
    sets: Option<Spanned<i64>>,
    rest: Option<Spanned<RawDuration>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCues {
    get_ready: Option<String>,
    #[serde(rename = "move")]
    move_to: Option<Spanned<String>>,
    #[serde(default)]
    hold: Vec<String>,
    #[serde(rename = "return")]
    back: Option<Spanned<String>>,
    rest: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMistake {
    name: String,
    #[serde(default)]
    explanation: String,
    cue: String,
}

impl Checker<'_> {
    /// Every cue within [`limits::CUE_CHARS`].
    fn cue_lengths(&mut self, cues: &RawCues, mistakes: &[RawMistake]) {
        let move_to = cues.move_to.as_ref().map(|cue| ("cues.move".to_owned(), cue.get_ref()));
        let back = cues.back.as_ref().map(|cue| ("cues.return".to_owned(), cue.get_ref()));
        let named = [("cues.get_ready", cues.get_ready.as_ref()), ("cues.rest", cues.rest.as_ref())];
        let hold = cues.hold.iter().enumerate().map(|(n, cue)| (format!("cues.hold[{}]", n + 1), cue));
        let corrective = mistakes.iter().enumerate().map(|(n, m)| (format!("mistakes[{}].cue", n + 1), &m.cue));
        let all = named
            .into_iter()
            .filter_map(|(field, cue)| cue.map(|cue| (field.to_owned(), cue)))
            .chain(move_to)
            .chain(back)
            .chain(hold)
            .chain(corrective);
        for (field, cue) in all {
            let chars = cue.chars().count();
            if chars > limits::CUE_CHARS {
                let message = format!(
                    "`{field}` is {chars} characters long; a cue is at most {}, short enough to read from the mat",
                    limits::CUE_CHARS
                );
                match (&cues.move_to, &cues.back, field.as_str()) {
                    (Some(spanned), _, "cues.move") | (_, Some(spanned), "cues.return") => {
                        self.report(spanned.span(), message);
                    }
                    _ => self.problems.push(Diagnostic::whole_file(self.origin, message)),
                }
            }
        }
    }

    fn timing(&mut self, raw: &RawTiming) -> Option<Timing> {
        let hold = self.seconds("timing.hold", &raw.hold, limits::HOLD_SECS);
        let reps = self.count("timing.reps", &raw.reps, limits::REPS);
        let hold_range = match &raw.hold_range {
            None => hold.map(|h| h..=h),
            Some(range) => {
                let [low, high] = range.get_ref();
                let low = self.seconds("timing.hold_range", low, limits::HOLD_SECS);
                let high = self.seconds("timing.hold_range", high, limits::HOLD_SECS);
                low.zip(high).map(|(low, high)| low..=high)
            }
        };
        let reps_range = match &raw.reps_range {
            None => reps.map(|r| r..=r),
            Some(range) => {
                let [low, high] = range.get_ref();
                let low = self.count("timing.reps_range", low, limits::REPS);
                let high = self.count("timing.reps_range", high, limits::REPS);
                low.zip(high).map(|(low, high)| low..=high)
            }
        };
        let optional = |checker: &mut Self, field, value: &Option<Spanned<RawDuration>>, bounds, default| {
            value.as_ref().map_or(Some(default), |v| checker.seconds(field, v, bounds))
        };
        let get_ready =
            optional(self, "timing.get_ready", &raw.get_ready, limits::GET_READY_SECS, Duration::from_secs(10));
        let transition =
            optional(self, "timing.transition", &raw.transition, limits::TRANSITION_SECS, Duration::from_secs(3));
        let back = optional(self, "timing.return", &raw.back, limits::TRANSITION_SECS, Duration::ZERO);
        if let (Some(short), Some(spanned)) =
            (back.filter(|b| !b.is_zero() && b.as_secs() < limits::RETURN_MIN_SECS), &raw.back)
        {
            self.report(
                spanned.span(),
                format!(
                    "`timing.return` is {}; a move back takes {} to {} s (or 0 for none), so it is slow and its sound is heard apart from the next move's",
                    crate::domain::duration::human(short),
                    limits::RETURN_MIN_SECS,
                    limits::TRANSITION_SECS.end()
                ),
            );
        }
        let rest = optional(self, "timing.rest", &raw.rest, limits::REST_SECS, Duration::from_secs(30));
        let sets = raw.sets.as_ref().map_or(Some(1), |s| self.count("timing.sets", s, limits::SETS));

        if let (Some(hold), Some(range), Some(spanned)) = (hold, &hold_range, &raw.hold_range) {
            if range.start() > range.end() {
                self.report(
                    spanned.span(),
                    "`timing.hold_range` goes from high to low; write `[low, high]`".to_owned(),
                );
            } else if !range.contains(&hold) {
                let (low, high) = (range.start().as_secs(), range.end().as_secs());
                self.report(
                    raw.hold.span(),
                    format!("`timing.hold` is {} s, outside its own `hold_range` of {low} to {high} s", hold.as_secs()),
                );
            }
        }
        if let (Some(reps), Some(range), Some(spanned)) = (reps, &reps_range, &raw.reps_range) {
            if range.start() > range.end() {
                self.report(
                    spanned.span(),
                    "`timing.reps_range` goes from high to low; write `[low, high]`".to_owned(),
                );
            } else if !range.contains(&reps) {
                self.report(
                    raw.reps.span(),
                    format!(
                        "`timing.reps` is {reps}, outside its own `reps_range` of {} to {}",
                        range.start(),
                        range.end()
                    ),
                );
            }
        }
        Some(Timing {
            hold: hold?,
            hold_range: hold_range?,
            reps: reps?,
            reps_range: reps_range?,
            get_ready: get_ready?,
            transition: transition?,
            back: back?,
            sets: sets?,
            rest: rest?,
        })
    }

    fn sides(&mut self, raw: Option<&Spanned<Vec<Spanned<RawSide>>>>) -> Vec<Side> {
        let mut sides = Vec::new();
        for side in raw.map(Spanned::get_ref).into_iter().flatten() {
            let domain = match side.get_ref() {
                RawSide::Left => Side::Left,
                RawSide::Right => Side::Right,
            };
            if sides.contains(&domain) {
                self.report(side.span(), format!("`sides` names `{domain}` twice"));
            } else {
                sides.push(domain);
            }
        }
        sides
    }
}

/// A move's or a return's cue, cleaned: `{side}` is its one placeholder, and only where the
/// exercise has sides; any other word in braces is reported (a misspelt `{sid}` would be
/// shown as it is).
fn side_cue(checker: &mut Checker<'_>, field: &str, cue: &Spanned<String>, has_sides: bool) -> String {
    let text = clean_line(cue.get_ref());
    if !has_sides && text.contains("{side}") {
        checker.report(cue.span(), format!("`{field}` says `{{side}}`, but the exercise has no `sides`"));
    }
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let word = rest[open..].find('}').map_or(&rest[open..], |close| &rest[open..=open + close]);
        if word != "{side}" {
            checker.report(
                cue.span(),
                format!("`{field}` says `{word}`; the only word in braces it can say is `{{side}}`"),
            );
        }
        rest = &rest[open + word.len()..];
    }
    text
}

fn lines(items: &[String]) -> Vec<String> {
    items.iter().map(|s| clean_line(s)).filter(|s| !s.is_empty()).collect()
}

/// Parses and checks an exercise file's text, reporting every problem found.
pub(super) fn validate(id: &str, origin: &str, source: &str) -> Result<Exercise, Vec<Diagnostic>> {
    // The shape's problems, and the values' below, in one run: the parts of the wrong shape
    // are left out of what serde reads.
    let read = shape::read_all::<RawExercise>(origin, source.as_bytes(), SHAPE, EMPTY)
        .map_err(|invalid| invalid.diagnostics)?;
    let raw = &read.raw;
    let mut checker = Checker { origin, source, problems: Vec::new() };

    let name = clean_line(raw.name.get_ref());
    if name.is_empty() {
        checker.report(raw.name.span(), "`name` is empty".to_owned());
    }
    let steps = lines(raw.steps.get_ref());
    if steps.is_empty() {
        checker.report(raw.steps.span(), "`steps` is empty; list at least one step".to_owned());
    }
    if steps.len() > limits::STEPS {
        let message = format!("`steps` lists {} steps; an exercise has at most {}", steps.len(), limits::STEPS);
        checker.report(raw.steps.span(), message);
    }
    checker.cue_lengths(&raw.cues, &raw.mistakes);
    let sides = checker.sides(raw.sides.as_ref());
    if let Some(means) = &raw.side_means
        && sides.is_empty()
    {
        checker.report(means.span(), "`side_means` says what a side is, but the exercise has no `sides`".to_owned());
    }
    let timing = checker.timing(&raw.timing);
    let figure = raw.figure.as_ref().map(|figure| checker.figure(figure, &sides));
    let start_position = clean(raw.start_position.trim());

    let move_to = match &raw.cues.move_to {
        Some(cue) => side_cue(&mut checker, "cues.move", cue, !sides.is_empty()),
        None if sides.is_empty() => "Move into position".to_owned(),
        None => "Move to the {side}".to_owned(),
    };
    let back = match &raw.cues.back {
        Some(cue) => side_cue(&mut checker, "cues.return", cue, !sides.is_empty()),
        None => "Back to the start".to_owned(),
    };
    let mut hold_cues = lines(&raw.cues.hold);
    if hold_cues.is_empty() {
        hold_cues.push("Hold".to_owned());
    }
    let cues = Cues {
        get_ready: raw.cues.get_ready.as_deref().map_or_else(|| clean_line(&start_position), clean_line),
        move_to,
        hold: hold_cues,
        back,
        rest: raw.cues.rest.as_deref().map_or_else(|| "Rest".to_owned(), clean_line),
    };

    let problems = read.all_problems(origin, checker.problems);
    match timing {
        Some(timing) if problems.is_empty() => Ok(Exercise {
            id: clean_line(id),
            name,
            also_known_as: lines(&raw.also_known_as),
            summary: clean_line(&raw.summary),
            muscles: lines(&raw.muscles),
            start_position,
            steps,
            sides,
            side_means: raw.side_means.as_ref().map_or(SideMeans::Side, |means| *means.get_ref()),
            tempo: clean_line(&raw.tempo),
            breathing: clean_line(&raw.breathing),
            timing,
            cues,
            mistakes: raw
                .mistakes
                .iter()
                .map(|m| Mistake {
                    name: clean_line(&m.name),
                    explanation: clean_line(&m.explanation),
                    cue: clean_line(&m.cue),
                })
                .collect(),
            benefits: lines(&raw.benefits),
            precautions: lines(&raw.precautions),
            progressions: lines(&raw.progressions),
            regressions: lines(&raw.regressions),
            figure: figure.flatten(),
        }),
        _ => Err(problems),
    }
}

/// What an empty file lacks.
const EMPTY: &str = "an exercise needs at least `name`, `start_position`, `steps` and a `[timing]` table";

#[cfg(test)]
mod shape_tests {
    use super::*;

    #[test]
    fn every_key_of_the_shape_is_one_serde_reads() {
        let sample = shape::sample(SHAPE)
            .replace("sides = [\"x\"]", "sides = [\"left\"]")
            .replace("side_means = \"x\"", "side_means = \"side\"")
            .replace("floor = {}", "floor = [[0, 0], [1, 1]]");
        let parsed: Result<RawExercise, _> = toml::from_str(&sample);
        assert!(parsed.is_ok(), "{sample}\n{:?}", parsed.err());
        assert!(shape::check("t.toml", &sample, SHAPE).is_empty());
    }

    #[test]
    fn the_shape_names_every_key_serde_reads() {
        assert_eq!(
            shape::keys(SHAPE),
            shape::serde_keys::<RawExercise>(""),
            "add the new key to SHAPE in exercise/raw.rs"
        );
        assert_eq!(shape::keys(TIMING), shape::serde_keys::<RawTiming>(""), "add the new key to TIMING");
        assert_eq!(shape::keys(CUES), shape::serde_keys::<RawCues>(""), "add the new key to CUES");
        assert_eq!(
            shape::keys(MISTAKE),
            shape::serde_keys::<RawMistake>("name = \"x\"\ncue = \"y\"\n"),
            "add it to MISTAKE"
        );
    }
}
