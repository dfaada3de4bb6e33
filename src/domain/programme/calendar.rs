//! The programme as an iCalendar file (RFC 5545) for phones and calendars to remind without a
//! server: one event per daily slot that repeats until the programme ends, each with an alarm,
//! and the review as an all-day event. Written by hand: the format is a few rules (CRLF line
//! ends, lines folded at 75 octets, text escaped), and the crate for it would bring a second
//! date library and a random-number source for what is a deterministic text.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::civil::{Date, Time};

use super::{Days, Programme, add_days, weekday_key};

/// The time of each daily slot when none is given: the first at 8:00, the others spread to the
/// evening.
pub fn default_slots(count: u32) -> Vec<Time> {
    let hours: &[i8] = match count {
        0 | 1 => &[8],
        2 => &[8, 18],
        3 => &[8, 13, 18],
        4 => &[8, 12, 16, 20],
        5 => &[8, 11, 14, 17, 20],
        _ => &[8, 10, 12, 14, 16, 18],
    };
    hours.iter().map(|hour| Time::constant(*hour, 0, 0, 0)).collect()
}

/// How long a reminder's event lasts, in minutes: a session of a few exercises.
const EVENT_MINUTES: u32 = 15;

/// The calendar: `names` are the items' names (one per item), `slots` the times of day of the
/// first, second, ... session of a day (missing ones from [`default_slots`]), `stamp` the moment
/// it is written (RFC 5545's DTSTAMP).
pub fn ics(programme: &Programme, names: &[String], first_day: Date, slots: &[Time], stamp: Timestamp) -> String {
    let most = programme.items.iter().map(|item| item.times_a_day).max().unwrap_or(1);
    let defaults = default_slots(most);
    let last_day = add_days(programme.end(first_day), -1);
    let until = format!("{}T235959", compact(last_day));
    let stamp = stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//trunkrot//programme//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", text(&programme.name)),
    ];
    let uid_base = format!("{}-{}", compact(first_day), uid_word(&programme.name));
    for slot in 0..most {
        let time = slots.get(slot as usize).or_else(|| defaults.get(slot as usize)).copied().unwrap_or_default();
        // Items due at this slot, grouped by the days they are due, so each event repeats on
        // its own days.
        let mut groups: Vec<(&Days, Vec<&str>)> = Vec::new();
        for (item, name) in programme.items.iter().zip(names).filter(|(item, _)| item.times_a_day > slot) {
            match groups.iter_mut().find(|(days, _)| **days == item.days) {
                Some((_, group)) => group.push(name),
                None => groups.push((&item.days, vec![name])),
            }
        }
        for (group, (days, names)) in groups.iter().enumerate() {
            let start = first_on(first_day, days);
            let rule = match days {
                Days::On(weekdays) => {
                    let by: Vec<String> = weekdays.iter().map(|d| weekday_key(*d)[..2].to_ascii_uppercase()).collect();
                    format!("RRULE:FREQ=WEEKLY;BYDAY={};UNTIL={until}", by.join(","))
                }
                Days::Every | Days::PerWeek(_) => format!("RRULE:FREQ=DAILY;UNTIL={until}"),
            };
            let session = if most > 1 { format!(" ({} of the day)", ordinal(slot + 1)) } else { String::new() };
            let summary = format!("Exercises{session}: {}", names.join(", "));
            let mut description = format!("{}. Run `trunkrot` to start the next one due", programme.name);
            if let Days::PerWeek(n) = days {
                let _ = write!(description, "; due on any {n} days of each week");
            }
            let _ = write!(description, ". `trunkrot today` says what is left.");
            lines.extend([
                "BEGIN:VEVENT".to_owned(),
                format!("UID:{uid_base}-{}-{}@trunkrot", slot + 1, group + 1),
                format!("DTSTAMP:{stamp}"),
                format!("DTSTART:{}T{}", compact(start), clock(time)),
                format!("DURATION:PT{EVENT_MINUTES}M"),
                rule,
                format!("SUMMARY:{}", text(&summary)),
                format!("DESCRIPTION:{}", text(&description)),
                "BEGIN:VALARM".to_owned(),
                "ACTION:DISPLAY".to_owned(),
                format!("DESCRIPTION:{}", text(&summary)),
                "TRIGGER:PT0S".to_owned(),
                "END:VALARM".to_owned(),
                "END:VEVENT".to_owned(),
            ]);
        }
    }
    let review = programme.review_day(first_day);
    let with = if programme.prescriber.name.is_empty() {
        String::new()
    } else {
        format!(" with {}", programme.prescriber.name)
    };
    lines.extend([
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{uid_base}-review@trunkrot"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", compact(review)),
        format!("DTEND;VALUE=DATE:{}", compact(add_days(review, 1))),
        format!("SUMMARY:{}", text(&format!("Review of the exercise programme{with}"))),
        format!("DESCRIPTION:{}", text("`trunkrot history` shows each week done against the programme.")),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ]);
    lines.iter().map(|line| fold(line)).collect()
}

/// The first day on or after `from` that `days` allows.
fn first_on(from: Date, days: &Days) -> Date {
    match days {
        Days::On(weekdays) if !weekdays.is_empty() => {
            (0..7).map(|n| add_days(from, n)).find(|day| weekdays.contains(&day.weekday())).unwrap_or(from)
        }
        _ => from,
    }
}

fn ordinal(n: u32) -> String {
    match n {
        1 => "first".to_owned(),
        2 => "second".to_owned(),
        3 => "third".to_owned(),
        n => format!("{n}th"),
    }
}

/// `20261207`.
fn compact(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// `080000`.
fn clock(time: Time) -> String {
    time.strftime("%H%M%S").to_string()
}

/// A word for UIDs: the name's letters and digits, lower case.
fn uid_word(name: &str) -> String {
    let word: String =
        name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).take(32).collect();
    if word.is_empty() { "programme".to_owned() } else { word }
}

/// A TEXT value escaped as RFC 5545 (3.3.11) asks: backslash, semicolon, comma and newline.
pub fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// One content line, ended by CRLF and folded (RFC 5545, 3.1): no line longer than 75 octets,
/// each continuation starting with a space, never inside a character.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut folded = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut rest = line;
    let mut room = LIMIT;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        folded.push_str(&rest[..cut]);
        folded.push_str("\r\n ");
        rest = &rest[cut..];
        // The space that starts a continuation is one of its 75 octets.
        room = LIMIT - 1;
    }
    folded.push_str(rest);
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests;
