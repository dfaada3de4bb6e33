//! A programme's `[[item]]` tables as written: what each is done with, its dose, how often, its
//! planned steps and the progression it allows.

use toml::Spanned;

use super::{Checker, RawDuration, dose_fields, weekday, with_dose};
use crate::domain::diagnostic::Diagnostic;
use crate::domain::exercise::limits as dose_limits;
use crate::domain::programme::{Days, Item, Progression, Step, What, limits};
use crate::domain::shape::{
    Field,
    Shape::{List, Seconds, Table, Tables, Text, Whole},
};
use crate::domain::untrusted::clean_line;

pub(super) const ITEM: &[Field] = dose_fields!(
    Field::optional("id", Text),
    Field::optional("short", Text),
    Field::optional("exercise", Text),
    Field::optional("routine", Text),
    Field::optional("times_a_day", Whole),
    Field::optional("days", List(&Text)),
    Field::optional("days_a_week", Whole),
    Field::optional("step", Tables(STEP)),
    Field::optional("progression", Table(PROGRESSION)),
);

pub(super) const STEP: &[Field] = dose_fields!(Field::required("week", Whole));

pub(super) const PROGRESSION: &[Field] = &[
    Field::optional("reps", Whole),
    Field::optional("hold", Seconds),
    Field::optional("up_to_reps", Whole),
    Field::optional("up_to_hold", Seconds),
    Field::optional("after_days", Whole),
];

with_dose! {
    pub(super) struct RawItem {
        id: Option<Spanned<String>>,
        short: Option<Spanned<String>>,
        exercise: Option<Spanned<String>>,
        routine: Option<Spanned<String>>,
        times_a_day: Option<Spanned<i64>>,
        days: Option<Spanned<Vec<Spanned<String>>>>,
        days_a_week: Option<Spanned<i64>>,
        #[serde(default)]
        step: Vec<RawStep>,
        progression: Option<Spanned<RawProgression>>,
    }
}

with_dose! {
    struct RawStep {
        week: Spanned<i64>,
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgression {
    reps: Option<Spanned<i64>>,
    hold: Option<Spanned<RawDuration>>,
    up_to_reps: Option<Spanned<i64>>,
    up_to_hold: Option<Spanned<RawDuration>>,
    after_days: Option<Spanned<i64>>,
}

impl Checker<'_> {
    /// The items, each checked, and for each kept, where it names what it is done with and its
    /// number in the file (1 for the first `[[item]]`). `weeks` bounds the steps.
    pub(super) fn items(&mut self, raw: &Spanned<Vec<RawItem>>, weeks: u32) -> (Vec<Item>, Vec<(Diagnostic, usize)>) {
        let (mut items, mut places) = (Vec::new(), Vec::new());
        if raw.get_ref().is_empty() {
            self.report(
                raw.span(),
                "a programme needs at least one `[[item]]` with an `exercise` or a `routine`".to_owned(),
            );
        }
        if raw.get_ref().len() > limits::ITEMS {
            let message =
                format!("a programme has at most {} items; this one has {}", limits::ITEMS, raw.get_ref().len());
            self.report(raw.span(), message);
        }
        for (index, item) in raw.get_ref().iter().enumerate().take(limits::ITEMS) {
            let field = format!("item[{}]", index + 1);
            // An item that names nothing it can be done with is not kept, but the rest of it is
            // still checked: one problem never hides another.
            let what = self.what(&field, item, raw.span());
            let id = match (&item.id, &what) {
                (Some(id), _) => clean_line(id.get_ref()),
                (None, Some((what, _))) => crate::domain::programme::item_id(what.name()),
                (None, None) => field.clone(),
            };
            let id_span = item.id.as_ref().map(Spanned::span).or_else(|| what.as_ref().map(|(_, named)| named.clone()));
            let id_span = id_span.unwrap_or_else(|| raw.span());
            if id.is_empty() {
                self.report(id_span.clone(), format!("`{field}.id` is empty"));
            }
            if items.iter().any(|other: &Item| other.id == id) {
                let message = format!(
                    "`{field}` has the id `{id}` of an item above it; give each an `id` of its own, e.g. `id = \"{id}-evening\"`"
                );
                self.report(id_span, message);
            }
            let short = match &item.short {
                Some(short) => {
                    let text = clean_line(short.get_ref());
                    if text.is_empty() || text.chars().count() > limits::SHORT_CHARS || text.contains(' ') {
                        let message = format!(
                            "`{field}.short` is `{text}`; a short name is one word of 1 to {} characters, for a shell prompt",
                            limits::SHORT_CHARS
                        );
                        self.report(short.span(), message);
                    }
                    text
                }
                None => crate::domain::programme::short_name(&id),
            };
            let times_a_day = item
                .times_a_day
                .as_ref()
                .map_or(Some(1), |n| self.count(&format!("{field}.times_a_day"), n, limits::TIMES_A_DAY));
            let days = self.days(&field, item);
            let steps = self.steps(&field, &item.step, weeks);
            let progression = item.progression.as_ref().map(|p| self.progression(&field, p));
            let dose = self.dose(&field, &item.dose());
            let Some((what, named)) = what else { continue };
            places.push((Diagnostic::at(self.origin, self.source, Some(named), String::new()), index + 1));
            items.push(Item {
                id,
                short,
                what,
                dose,
                times_a_day: times_a_day.unwrap_or(1),
                days,
                steps,
                progression: progression.flatten(),
            });
        }
        (items, places)
    }

    /// What the item is done with, and where the file names it.
    fn what(
        &mut self,
        field: &str,
        item: &RawItem,
        table: std::ops::Range<usize>,
    ) -> Option<(What, std::ops::Range<usize>)> {
        let named = |checker: &mut Self, key: &str, name: &Spanned<String>| {
            let text = name.get_ref().trim().to_owned();
            if text.is_empty() {
                checker.report(
                    name.span(),
                    format!("`{field}.{key}` is empty; give an id from `trunkrot list` or a file's path"),
                );
            }
            text
        };
        match (&item.exercise, &item.routine) {
            (Some(exercise), None) => Some((What::Exercise(named(self, "exercise", exercise)), exercise.span())),
            (None, Some(routine)) => Some((What::Routine(named(self, "routine", routine)), routine.span())),
            (Some(_), Some(routine)) => {
                let message = format!("`{field}` names both an `exercise` and a `routine`; an item is one of them");
                self.report(routine.span(), message);
                None
            }
            (None, None) => {
                let at = item.id.as_ref().map_or(table, Spanned::span);
                let message = format!(
                    "`{field}` needs an `exercise` or a `routine`: an id from `trunkrot list`, or a file's path"
                );
                self.report(at, message);
                None
            }
        }
    }

    fn days(&mut self, field: &str, item: &RawItem) -> Days {
        let on = item.days.as_ref().map(|days| self.weekdays(field, days));
        match (on, &item.days_a_week) {
            (Some(_), Some(per_week)) => {
                let message = format!("`{field}` gives both `days` and `days_a_week`; keep one");
                self.report(per_week.span(), message);
                Days::Every
            }
            (None, Some(per_week)) => self
                .count(&format!("{field}.days_a_week"), per_week, limits::DAYS_A_WEEK)
                .map_or(Days::Every, |n| if n == 7 { Days::Every } else { Days::PerWeek(n) }),
            (Some(on), None) if on.len() == 7 => Days::Every,
            (Some(on), None) => Days::On(on),
            (None, None) => Days::Every,
        }
    }

    /// The weekdays a `days` list names, Monday first, each once.
    fn weekdays(&mut self, field: &str, days: &Spanned<Vec<Spanned<String>>>) -> Vec<jiff::civil::Weekday> {
        let mut on = Vec::new();
        for day in days.get_ref() {
            match weekday(day.get_ref()) {
                Some(weekday) if on.contains(&weekday) => {
                    self.report(day.span(), format!("`{field}.days` names `{}` twice", clean_line(day.get_ref())));
                }
                Some(weekday) => on.push(weekday),
                None => {
                    let keys: Vec<&str> = crate::domain::programme::WEEKDAYS.iter().map(|(key, _)| *key).collect();
                    let word = day.get_ref().trim().to_ascii_lowercase();
                    let hint = crate::domain::spelling::nearest(&word, &keys)
                        .map(|near| format!(", did you mean `{near}`?"))
                        .unwrap_or_default();
                    let shown = clean_line(day.get_ref());
                    let message = format!(
                        "`{field}.days` has `{shown}`, which is not a day of the week{hint} (write mon, tue, wed, thu, fri, sat, sun)"
                    );
                    self.report(day.span(), message);
                }
            }
        }
        if days.get_ref().is_empty() {
            self.report(days.span(), format!("`{field}.days` is empty; leave it out for every day"));
        }
        on.sort_by_key(|day| day.to_monday_zero_offset());
        on
    }

    fn steps(&mut self, field: &str, raw: &[RawStep], weeks: u32) -> Vec<Step> {
        let mut steps: Vec<Step> = Vec::new();
        for (index, step) in raw.iter().enumerate() {
            let name = format!("{field}.step[{}]", index + 1);
            let week = self.count(&format!("{name}.week"), &step.week, 2..=weeks.max(2));
            if weeks < 2 {
                continue;
            }
            if let (Some(week), Some(before)) = (week, steps.last())
                && week <= before.week
            {
                let message = format!(
                    "`{name}.week` is {week}, not after the step above it (week {}); keep them in order",
                    before.week
                );
                self.report(step.week.span(), message);
            }
            let dose = step.dose();
            if dose.is_empty() {
                self.report(
                    step.week.span(),
                    format!(
                        "`{name}` changes nothing; give `reps`, `hold`, `sets`, `rest`, `get_ready` or `transition`"
                    ),
                );
            }
            let dose = self.dose(&name, &dose);
            if let Some(week) = week {
                steps.push(Step { week, dose });
            }
        }
        steps
    }

    fn progression(&mut self, field: &str, raw: &Spanned<RawProgression>) -> Option<Progression> {
        let name = |key: &str| format!("{field}.progression.{key}");
        let rules = raw.get_ref();
        let reps = rules.reps.as_ref().map_or(Some(0), |n| self.count(&name("reps"), n, limits::STEP_REPS));
        let hold = rules
            .hold
            .as_ref()
            .map_or(Some(std::time::Duration::ZERO), |d| self.seconds(&name("hold"), d, limits::STEP_HOLD_SECS));
        let up_to_reps = rules.up_to_reps.as_ref().and_then(|n| self.count(&name("up_to_reps"), n, dose_limits::REPS));
        let up_to_hold =
            rules.up_to_hold.as_ref().and_then(|d| self.seconds(&name("up_to_hold"), d, dose_limits::HOLD_SECS));
        let after_days =
            rules.after_days.as_ref().map_or(Some(3), |n| self.count(&name("after_days"), n, limits::AFTER_DAYS));
        if reps == Some(0) && hold.is_some_and(|h| h.is_zero()) {
            let message = format!(
                "`{field}.progression` adds nothing; give `reps` (reps added per step) or `hold` (seconds added)"
            );
            self.report(raw.span(), message);
        }
        Some(Progression { reps: reps?, hold: hold?, up_to_reps, up_to_hold, after_days: after_days? })
    }
}

#[cfg(test)]
pub(super) fn serde_keys() -> Vec<String> {
    crate::domain::shape::serde_keys::<RawItem>("")
}

#[cfg(test)]
pub(super) fn step_keys() -> Vec<String> {
    crate::domain::shape::serde_keys::<RawStep>("week = 2\n")
}

#[cfg(test)]
pub(super) fn progression_keys() -> Vec<String> {
    crate::domain::shape::serde_keys::<RawProgression>("")
}
