//! The programme in words, as `trunkrot programme` prints it: when it runs and where it stands,
//! each item with its dose this week and how often, what may change, and when to stop.

use std::time::Duration;

use jiff::civil::Date;

use super::{Days, Item, Programme, add_days, days_between};
use crate::domain::plan::Overrides;
use crate::domain::plan::Part;
use crate::domain::plan::text::{reps_text, settings_text};

/// `Mon 7 Dec 2026`.
pub fn day(date: Date) -> String {
    date.strftime("%a %-d %b %Y").to_string()
}

/// `once a day`, `twice a day`, `3 times a day`.
pub fn times_a_day(times: u32) -> String {
    match times {
        1 => "once a day".to_owned(),
        2 => "twice a day".to_owned(),
        n => format!("{n} times a day"),
    }
}

/// The lines of `trunkrot programme`: `names` and `parts` are each item's name and its
/// exercises at this week's dose, `first_day` the programme's, `today` the day it is read.
pub fn words(
    programme: &Programme,
    names: &[String],
    parts: &[Vec<Part>],
    first_day: Date,
    today: Date,
) -> Vec<String> {
    let end = programme.end(first_day);
    let last = add_days(end, -1);
    let mut lines = vec![format!("{}: {} weeks, {} to {}", programme.name, programme.weeks, day(first_day), day(last))];
    let prescriber = &programme.prescriber;
    match (prescriber.name.is_empty(), prescriber.contact.is_empty()) {
        (false, _) => lines.push(format!("Prescribed by {}", who(prescriber))),
        (true, false) => lines.push(format!("Contact: {}", who(prescriber))),
        (true, true) => {}
    }
    lines.push(standing(programme, first_day, today));
    let review = programme.review_day(first_day);
    let until = days_between(today, review);
    let when = match until {
        0 => " (today)".to_owned(),
        1 => " (tomorrow)".to_owned(),
        n if n > 1 => format!(" (in {n} days)"),
        _ => String::new(),
    };
    lines.push(format!("Review: {}{when}", day(review)));
    lines.push(String::new());
    for ((item, name), parts) in programme.items.iter().zip(names).zip(parts) {
        lines.push(format!("{name}: {}, {}", times_a_day(item.times_a_day), days_text(&item.days)));
        for part in parts {
            let label = if parts.len() > 1 { format!("{}: ", part.exercise.name) } else { String::new() };
            lines.push(format!("  {label}{}", settings_text(part)));
            lines.extend(part.notes.iter().map(|note| format!("  note: {note}")));
        }
        lines.extend(changes(programme, item, first_day, today));
    }
    lines.push(String::new());
    lines.extend(stop_text(programme));
    if !programme.psfs.is_empty() {
        lines.push(format!("The first session of each week asks how well you manage: {}.", programme.psfs.join("; ")));
    }
    lines
}

/// Where today stands: before, in which week, or after.
fn standing(programme: &Programme, first_day: Date, today: Date) -> String {
    match programme.week_of(first_day, today) {
        Some(week) => format!("Today is in week {week} of {}.", programme.weeks),
        None if today < first_day => format!("It starts in {} days.", days_between(today, first_day)),
        None => "It has ended: `trunkrot programme end` says so, and the history keeps its sessions.".to_owned(),
    }
}

/// `every day`, `on Mon, Wed and Fri`, `on any 3 days of each week`.
fn days_text(days: &Days) -> String {
    match days {
        Days::PerWeek(n) => format!("on any {n} days of each week"),
        other => other.to_string(),
    }
}

/// The changes still to come: each planned step after today, and the progression allowed.
fn changes(programme: &Programme, item: &Item, first_day: Date, today: Date) -> Vec<String> {
    let mut lines = Vec::new();
    for step in &item.steps {
        let from = add_days(first_day, 7 * i64::from(step.week - 1));
        if from > today {
            lines.push(format!("  from week {} ({}): {}", step.week, day(from), dose_text(&step.dose)));
        }
    }
    let accepted = programme.accepted.iter().rfind(|a| a.item == item.id && a.date <= today);
    if let Some(accepted) = accepted {
        lines.push(format!("  step accepted on {}: {}", day(accepted.date), dose_text(&accepted.dose)));
    }
    if let Some(progression) = &item.progression {
        let mut what = Vec::new();
        if progression.reps > 0 {
            let most = progression.up_to_reps.map(|n| format!(" (up to {n})")).unwrap_or_default();
            what.push(format!("{} a step{most}", reps_text(progression.reps)));
        }
        if !progression.hold.is_zero() {
            let most = progression.up_to_hold.map(|d| format!(" (up to {} s)", d.as_secs())).unwrap_or_default();
            what.push(format!("{} s of hold a step{most}", progression.hold.as_secs()));
        }
        // The last days it was done, not every day of the calendar: a day done in part starts
        // the count again, a day without it does not.
        let days = match progression.after_days {
            1 => "the last day it was done was".to_owned(),
            days => format!("the last {days} days it was done were each"),
        };
        lines.push(format!("  may add {} once {days} done in full, with no rise in pain", what.join(", or ")));
    }
    lines
}

/// The values a change gives: `hold 5 s`, `9 reps, 2 sets`.
pub fn dose_text(dose: &Overrides) -> String {
    let secs = |d: Duration| d.as_secs();
    let mut parts = Vec::new();
    parts.extend(dose.reps.map(reps_text));
    parts.extend(dose.hold.map(|d| format!("hold {} s", secs(d))));
    parts.extend(dose.sets.map(|n| format!("{n} sets")));
    parts.extend(dose.rest.map(|d| format!("rest {} s", secs(d))));
    parts.extend(dose.get_ready.map(|d| format!("get ready {} s", secs(d))));
    parts.extend(dose.transition.map(|d| format!("move {} s", secs(d))));
    parts.join(", ")
}

/// The prescriber as every text says them: `A. Physio (0123 456)`, the name or the contact
/// alone, or nothing.
pub fn who(prescriber: &crate::domain::programme::Prescriber) -> String {
    match (prescriber.name.is_empty(), prescriber.contact.is_empty()) {
        (false, false) => format!("{} ({})", prescriber.name, prescriber.contact),
        (false, true) => prescriber.name.clone(),
        _ => prescriber.contact.clone(),
    }
}

/// The pain ceiling in words, if the programme has one.
pub fn stop_text(programme: &Programme) -> Vec<String> {
    let stop = &programme.stop;
    let mut when = Vec::new();
    when.extend(stop.pain.map(|pain| format!("pain reaches {pain} of 10")));
    if stop.spreading {
        when.push("pain spreads into a buttock or down a leg".to_owned());
    }
    if when.is_empty() && stop.message.is_empty() {
        return Vec::new();
    }
    let mut line = if when.is_empty() { String::new() } else { format!("Stop if {}.", when.join(", or if ")) };
    if !stop.message.is_empty() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&stop.message);
    }
    vec![line]
}
