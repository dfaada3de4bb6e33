//! A programme written back as a commented TOML file, as `trunkrot programme new` saves it: the
//! same format a physiotherapist writes by hand, so it can be read, changed and checked.

use std::fmt::Write as _;
use std::time::Duration;

use super::{Days, Item, Programme, What, weekday_key};
use crate::domain::plan::Overrides;

/// The file's text. Reading it back gives the same programme.
pub fn toml(programme: &Programme) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# An exercise programme for trunkrot: `trunkrot programme install FILE` puts it in effect,");
    let _ = writeln!(out, "# `trunkrot check FILE` checks it. Every field is described in exercises/README.md.");
    let _ = writeln!(out);
    let _ = writeln!(out, "name = {}", quoted(&programme.name));
    match programme.start {
        Some(start) => {
            commented(&mut out, &format!("start = {start}"), "the first day");
        }
        None => {
            commented(&mut out, "# start = 2026-12-07", "the first day; without it, the day it is installed");
        }
    }
    commented(&mut out, &format!("weeks = {}", programme.weeks), "how long it lasts");
    if let Some(review) = programme.review {
        commented(&mut out, &format!("review = {review}"), "the day of the review");
    }
    if !programme.psfs.is_empty() {
        let activities: Vec<String> = programme.psfs.iter().map(|a| quoted(a)).collect();
        let _ = writeln!(out, "# Activities scored 0 (unable) to 10 (as before the problem), once a week:");
        let _ = writeln!(out, "psfs = [{}]", activities.join(", "));
    }
    let prescriber = &programme.prescriber;
    if !prescriber.name.is_empty() || !prescriber.contact.is_empty() {
        let _ = writeln!(out, "\n[prescriber]");
        if !prescriber.name.is_empty() {
            let _ = writeln!(out, "name = {}", quoted(&prescriber.name));
        }
        if !prescriber.contact.is_empty() {
            let _ = writeln!(out, "contact = {}", quoted(&prescriber.contact));
        }
    }
    let stop = &programme.stop;
    if stop.pain.is_some() || stop.spreading || !stop.message.is_empty() {
        out.push('\n');
        commented(&mut out, "[stop]", "when to stop and get in touch");
        if let Some(pain) = stop.pain {
            commented(&mut out, &format!("pain = {pain}"), "pain reaches this, 1 to 10");
        }
        if stop.spreading {
            commented(&mut out, "spreading = true", "pain spreads into a buttock or down a leg");
        }
        if !stop.message.is_empty() {
            let _ = writeln!(out, "message = {}", quoted(&stop.message));
        }
    }
    for item in &programme.items {
        item_toml(&mut out, item);
    }
    for accepted in &programme.accepted {
        out.push('\n');
        commented(&mut out, "[[accepted]]", "a step taken with `trunkrot programme accept`");
        let _ = writeln!(out, "item = {}", quoted(&accepted.item));
        let _ = writeln!(out, "date = {}", accepted.date);
        dose_toml(&mut out, &accepted.dose);
    }
    out
}

fn item_toml(out: &mut String, item: &Item) {
    let _ = writeln!(out, "\n[[item]]");
    let (key, name) = match &item.what {
        What::Exercise(name) => ("exercise", name),
        What::Routine(name) => ("routine", name),
    };
    if item.id != *name {
        let _ = writeln!(out, "id = {}", quoted(&item.id));
    }
    let _ = writeln!(out, "{key} = {}", quoted(name));
    if item.short != super::short_name(&item.id) {
        let _ = writeln!(out, "short = {}", quoted(&item.short));
    }
    let _ = writeln!(out, "times_a_day = {}", item.times_a_day);
    match &item.days {
        Days::Every => {}
        Days::On(days) => {
            let names: Vec<String> = days.iter().map(|day| quoted(weekday_key(*day))).collect();
            let _ = writeln!(out, "days = [{}]", names.join(", "));
        }
        Days::PerWeek(n) => {
            let _ = writeln!(out, "days_a_week = {n}");
        }
    }
    dose_toml(out, &item.dose);
    for step in &item.steps {
        out.push('\n');
        commented(out, "[[item.step]]", "from this week on");
        let _ = writeln!(out, "week = {}", step.week);
        dose_toml(out, &step.dose);
    }
    if let Some(progression) = &item.progression {
        out.push('\n');
        commented(out, "[item.progression]", "what may be added, one step at a time");
        if progression.reps > 0 {
            let _ = writeln!(out, "reps = {}", progression.reps);
        }
        if !progression.hold.is_zero() {
            let _ = writeln!(out, "hold = {}", progression.hold.as_secs());
        }
        if let Some(reps) = progression.up_to_reps {
            let _ = writeln!(out, "up_to_reps = {reps}");
        }
        if let Some(hold) = progression.up_to_hold {
            let _ = writeln!(out, "up_to_hold = {}", hold.as_secs());
        }
        let _ =
            writeln!(out, "after_days = {}              # days done in full, pain not rising", progression.after_days);
    }
}

fn dose_toml(out: &mut String, dose: &Overrides) {
    let secs = |d: Duration| d.as_secs();
    if let Some(reps) = dose.reps {
        let _ = writeln!(out, "reps = {reps}");
    }
    if let Some(hold) = dose.hold {
        let _ = writeln!(out, "hold = {}", secs(hold));
    }
    if let Some(sets) = dose.sets {
        let _ = writeln!(out, "sets = {sets}");
    }
    if let Some(rest) = dose.rest {
        let _ = writeln!(out, "rest = {}", secs(rest));
    }
    if let Some(get_ready) = dose.get_ready {
        let _ = writeln!(out, "get_ready = {}", secs(get_ready));
    }
    if let Some(transition) = dose.transition {
        let _ = writeln!(out, "transition = {}", secs(transition));
    }
}

/// A line with its comment in the column the others use.
fn commented(out: &mut String, line: &str, comment: &str) {
    let _ = writeln!(out, "{line:<28}# {comment}");
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}
