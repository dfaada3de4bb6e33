use jiff::civil::{date, time};

use super::*;
use crate::domain::programme::parse;

/// The content lines of a calendar, unfolded as a reader does (RFC 5545, 3.1), after checking
/// that every physical line ends in CRLF and holds at most 75 octets.
fn unfold(calendar: &str) -> Vec<String> {
    assert!(calendar.ends_with("\r\n"), "the last line ends in CRLF");
    let physical: Vec<&str> = calendar.strip_suffix("\r\n").unwrap_or(calendar).split("\r\n").collect();
    let mut lines: Vec<String> = Vec::new();
    for line in physical {
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line end in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None => lines.push(line.to_owned()),
        }
    }
    lines
}

/// Each component's properties, by the stack of BEGIN/END names that hold them.
fn components(lines: &[String]) -> Vec<(String, Vec<(String, String)>)> {
    let mut stack: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut done = Vec::new();
    for line in lines {
        let (name, value) = line.split_once(':').expect("NAME:VALUE");
        match name {
            "BEGIN" => stack.push((value.to_owned(), Vec::new())),
            "END" => {
                let component = stack.pop().expect("an open component");
                assert_eq!(component.0, value, "END matches BEGIN");
                done.push(component);
            }
            _ => stack.last_mut().expect("inside a component").1.push((name.to_owned(), value.to_owned())),
        }
    }
    assert!(stack.is_empty(), "every BEGIN has its END");
    done
}

fn property<'a>(properties: &'a [(String, String)], name: &str) -> Option<&'a str> {
    properties.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

const PROGRAMME: &str = "name = \"Low back, first six weeks; with a name long enough, to be folded over two lines or more\"\n\
    weeks = 6\n[prescriber]\nname = \"Dr Ólafsdóttir\"\n\
    [[item]]\nexercise = \"lower-trunk-rotation\"\ntimes_a_day = 2\n\
    [[item]]\nexercise = \"pelvic-tilt\"\n\
    [[item]]\nexercise = \"knee-to-chest\"\ndays = [\"mon\", \"wed\", \"fri\"]\n";

fn calendar() -> String {
    let programme = parse("p.toml", PROGRAMME.as_bytes()).expect("valid").programme;
    let names = ["Lower trunk rotation", "Pelvic tilt", "Knee to chest"].map(str::to_owned);
    let stamp: jiff::Timestamp = "2026-12-05T10:00:00Z".parse().expect("a timestamp");
    ics(&programme, &names, date(2026, 12, 8), &[time(7, 30, 0, 0)], stamp)
}

#[test]
fn the_calendar_parses_back_with_crlf_folded_lines_a_repeating_event_per_slot_and_alarms() {
    let text = calendar();
    assert!(text.contains("\r\n "), "the long name is folded");
    let lines = unfold(&text);
    let parts = components(&lines);
    let events: Vec<&Vec<(String, String)>> =
        parts.iter().filter(|(name, _)| name == "VEVENT").map(|(_, properties)| properties).collect();
    let alarms: Vec<&Vec<(String, String)>> =
        parts.iter().filter(|(name, _)| name == "VALARM").map(|(_, properties)| properties).collect();
    // A display alarm needs its action, its trigger and a description (RFC 5545, 3.6.6).
    for alarm in &alarms {
        assert_eq!(property(alarm, "ACTION"), Some("DISPLAY"), "{alarm:?}");
        assert_eq!(property(alarm, "TRIGGER"), Some("PT0S"), "at the session's time: {alarm:?}");
        assert!(property(alarm, "DESCRIPTION").is_some_and(|d| d.starts_with("Exercises")), "{alarm:?}");
    }
    let alarms = alarms.len();
    // 7:30: rotation and tilt every day, knee to chest on its days; 18:00: rotation; the review.
    assert_eq!(events.len(), 4, "{lines:#?}");
    assert_eq!(alarms, 3, "one per reminder, none on the review");
    assert_eq!(property(events[0], "DTSTART"), Some("20261208T073000"));
    assert_eq!(property(events[0], "RRULE"), Some("FREQ=DAILY;UNTIL=20270118T235959"));
    assert_eq!(
        property(events[0], "SUMMARY"),
        Some("Exercises (first of the day): Lower trunk rotation\\, Pelvic tilt")
    );
    assert_eq!(property(events[1], "DTSTART"), Some("20261209T073000"), "the first Wednesday on or after the start");
    assert_eq!(property(events[1], "RRULE"), Some("FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270118T235959"));
    assert_eq!(property(events[2], "DTSTART"), Some("20261208T180000"), "the second slot's default time");
    assert_eq!(property(events[3], "DTSTART;VALUE=DATE"), Some("20270119"), "the review after the last week");
    assert!(property(events[3], "SUMMARY").is_some_and(|s| s.contains("Ólafsdóttir")));
    let uids: Vec<&str> = events.iter().filter_map(|e| property(e, "UID")).collect();
    assert_eq!(uids.len(), 4);
    assert!(uids.iter().all(|uid| uids.iter().filter(|other| *other == uid).count() == 1), "{uids:?}");
    assert!(events.iter().all(|e| property(e, "DTSTAMP") == Some("20261205T100000Z")));
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0".to_owned()));
}

#[test]
fn folding_never_splits_a_character_and_keeps_every_octet() {
    let line = format!("SUMMARY:{}", "ó".repeat(100));
    let folded = fold(&line);
    let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(physical.iter().all(|part| part.len() <= 75), "{physical:?}");
    assert_eq!(physical[0].len(), 74, "75 octets would cut the 38th ó in two");
    let joined: String = physical.iter().enumerate().map(|(i, p)| if i == 0 { *p } else { &p[1..] }).collect();
    assert_eq!(joined, line);
    assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
    assert_eq!(fold(&"a".repeat(75)).len(), 77, "exactly 75 octets stay on one line");
}

#[test]
fn text_values_are_escaped() {
    assert_eq!(text("a, b; c\\d\ne\u{1b}"), "a\\, b\\; c\\\\d\\ne");
}
