//! The page: self-contained, inert whatever the history holds, and carrying every figure of the
//! review as a number. (Its layout and printing are tested in a real browser:
//! `tests/report_browser.rs`.)

use std::time::Duration;

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;
use crate::domain::checkin::{Checkin, Hurt, Note, Pain, Psfs, Why};
use crate::domain::side::Side;
use crate::domain::summary::SideReps;
use crate::history::End;
use crate::history::review::facts::{Dose, Prescription};
use crate::history::review::{Period, ProgrammeFacts};

const MADE: Date = date(2026, 4, 1);

/// Text that must come out as text.
const HOSTILE: &str =
    "<script>alert(1)</script> &amp; &lt;b&gt; \u{202E}thgir\u{202C} \u{1b}]2;t\u{7} <img src=x onerror=alert(2)>";

fn dose(reps: u32, sets: u32, hold: u64) -> Dose {
    Dose { reps, sets, hold: Duration::from_secs(hold) }
}

/// Three weeks from Monday 2 March with a programme; every text field is `text`.
fn facts(text: &str) -> Facts {
    let first = date(2026, 3, 2);
    let day = |n: i32| first.checked_add(n.days()).unwrap();
    let prescription = |from: Date, dose: Dose, progression: bool| Prescription {
        from,
        item: crate::domain::exercise::DEFAULT_ID.to_owned(),
        name: text.to_owned(),
        dose,
        accepted: progression.then(|| "rot".to_owned()),
    };
    let programme = ProgrammeFacts {
        name: format!("Back {text}"),
        prescriber: Some(format!("Dr {text}")),
        start: first,
        weeks: 3,
        review: Some(day(25)),
        stop_pain: None,
        prescriptions: vec![prescription(first, dose(10, 2, 5), false), prescription(day(14), dose(12, 2, 5), true)],
    };
    let sessions = (0..21)
        .filter(|n| n % 4 != 3)
        .map(|n| {
            let mut record = crate::history::tests::record(&format!("{}T08:00:00+01:00", day(n)));
            let exercise = &mut record.exercises[0];
            exercise.name = text.to_owned();
            (exercise.reps, exercise.sets) = (10, 2);
            exercise.sides =
                [Side::Left, Side::Right].map(|side| SideReps { side: Some(side), done: 20, planned: 20 }).to_vec();
            if n == 9 {
                record.end = End::Stopped(Some(Why::NoTime));
            }
            record.checkin = Checkin {
                pain_before: Pain::new(5),
                pain: Pain::new(u8::try_from(8 - n / 3).unwrap()),
                hurt: Some(if n % 2 == 0 { Hurt::Left } else { Hurt::Neither }),
                spread: Some(n == 5),
                note: (n % 5 == 0).then(|| Note::new(&format!("note {n}: {text}"))).flatten(),
                // The PSFS on the first session of each week (days 0, 8 and 14).
                psfs: match n {
                    0 | 8 | 14 => {
                        let week = u8::try_from(n / 7).unwrap();
                        vec![
                            Psfs { activity: text.to_owned(), score: 2 + week },
                            Psfs { activity: "Sitting".to_owned(), score: 4 + week * 2 },
                        ]
                    }
                    _ => Vec::new(),
                },
                ..Checkin::default()
            };
            record
        })
        .collect();
    let mut facts = Facts::new(Period::new(first, day(20)).unwrap(), Some(text.to_owned()), sessions);
    facts.programme = Some(programme);
    facts
}

fn page_of(facts: &Facts) -> String {
    html(facts, &Review::of(facts), MADE, None)
}

#[test]
fn the_page_loads_nothing_and_runs_nothing() {
    let page = page_of(&facts("Ana"));
    let lower = page.to_lowercase();
    for word in ["<script", "<link", "<img", "<iframe", "<object", "src=", "http:", "https:", "@import", "@font-face"] {
        assert!(!lower.contains(word), "the page has `{word}`");
    }
    assert_eq!(lower.matches("url(").count(), lower.matches("url(#").count(), "only patterns of the page itself");
    assert!(page.contains(&format!(r#"<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">"#)));
    assert!(CONTENT_POLICY.starts_with("default-src 'none'"));
    assert!(page.starts_with("<!DOCTYPE html>"));
}

#[test]
fn hostile_names_and_notes_come_out_as_inert_text() {
    let page = page_of(&facts(HOSTILE));
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<img"), "no markup from the history");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    assert!(page.contains("&amp;amp; &amp;lt;b&amp;gt;"), "entities are shown as written, not decoded");
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
    for control in ['\u{202E}', '\u{202C}', '\u{1b}', '\u{7}'] {
        assert!(!page.contains(control), "{control:?} is removed");
    }
    assert!(page.contains("<bdi class=\"wrap\">note 0: &lt;script&gt;"), "a note is an isolated run of text");
    let title = page.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap();
    assert!(title.starts_with("Exercise report: &lt;script&gt;"), "{title}");
}

#[test]
fn the_name_shows_only_when_given_and_no_programme_is_said() {
    let mut facts = facts("Ana");
    assert!(page_of(&facts).contains("<h1>Exercise report: <bdi class=\"wrap\">Ana</bdi></h1>"));
    assert!(
        page_of(&facts).contains(
            "prescribed by <bdi class=\"wrap\">Dr Ana</bdi>; started 2 Mar 2026, 3 weeks; review 27 Mar 2026."
        )
    );
    facts.name = None;
    facts.programme = None;
    let page = page_of(&facts);
    assert!(page.contains("<h1>Exercise report</h1>"), "no name");
    assert!(page.contains("<p class=\"write-in\">Name: <span class=\"blank\"></span></p>"), "a line to write it on");
    assert!(page.contains("No programme. </b>Adherence is the share of days with at least one full session."));
    assert!(page.contains(" days had a full session "));
}

#[test]
fn a_paper_size_is_set_only_when_asked_for() {
    let facts = facts("Ana");
    let review = Review::of(&facts);
    assert!(!html(&facts, &review, MADE, None).contains("@page { size"));
    assert!(html(&facts, &review, MADE, Some(Paper::A4)).contains("@page { size: A4; }"));
    assert!(html(&facts, &review, MADE, Some(Paper::Letter)).contains("@page { size: letter; }"));
}

/// The text of the page as a reader sees it: no style, no tags, white space made one space,
/// none before punctuation.
fn text_of(page: &str) -> String {
    let page = match (page.find("<style>"), page.find("</style>")) {
        (Some(start), Some(end)) => format!("{}{}", &page[..start], &page[end..]),
        _ => page.to_owned(),
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    [",", ".", ":", ";", ")"].iter().fold(text, |text, mark| text.replace(&format!(" {mark}"), mark))
}

#[test]
fn every_figure_of_the_review_is_on_the_page_as_a_number() {
    let facts = facts("Ana");
    let review = Review::of(&facts);
    let text = text_of(&html(&facts, &review, MADE, None));
    let has = |figure: &str| assert!(text.contains(figure), "`{figure}` on the page:\n{text}");
    // Adherence (none given, so days with a full session): sessions on 16 of the 21 days (none
    // on days 3, 7, 11, 15, 19), the one on day 9 stopped early: 15 full days, 71%.
    let whole = review.adherence.whole;
    assert_eq!((whole.done, whole.due), (15, 21));
    has("71% 15 of 21 days had a full session at or above the 70% line");
    has("W1 6/7 W2 4/7 W3 5/7 85% 57% 71% 70%");
    has("done 15 partial 1 no session 5");
    has("Stopped early: 1. No time 1: 11 Mar");
    // Pain after is 8 - day/3. Week 1 (days 0, 1, 2, 4, 5, 6): 8, 8, 8, 7, 7, 6, mean 7.3; week 3
    // (days 14, 16, 17, 18, 20): 4, 3, 3, 2, 2, mean 2.8; a drop of 4.5 where 2.2 counts.
    has("Baseline 7.3, the mean of week 1 (6 answers)");
    has("Latest 2.8, week 3 (5 answers): \u{2212}4.5 clinically important drop");
    has("important drop: pain 5.1 or less");
    has("baseline 7.3");
    // Week 2 (days 8, 9, 10, 12, 13): 6, 5, 5, 4, 4.
    has("W1 7.3 W2 4.8 W3 2.8");
    has("Pain 7 or more: 5 2 Mar 8 3 Mar 8 4 Mar 8 6 Mar 7 7 Mar 7");
    assert!(!text.contains("b: before the session"), "no answer before is high: no key to one");
    has("Pain spread into a buttock or down a leg: 1 7 Mar");
    has("Which side hurt (16 answers): left 11, right 0, both 0, neither 5");
    // Dose: the programme's 10×2 5 s, 12×2 5 s from day 14; done at 10×2 5 s throughout.
    has("Ana prescribed 10×2 5s 10×2 5s 12×2 5s done 10×2 5s 6 · 100% 10×2 5s 5 · 100% 10×2 5s 5 · 100%");
    assert!(
        html(&facts, &review, MADE, None).contains(r#"<td class="off">10×2 5s"#),
        "the week off the prescription is marked"
    );
    has("Progressions accepted: 1. 16 Mar Ana: 10×2 5s → 12×2 5s");
    // PSFS: Ana 2, 3, 4 and Sitting 4, 6, 8: means 3, 4.5, 6; +3.0 in all.
    has("Mean 3.0 in week 1, 6.0 in week 3: +3.0 clinically important rise");
    has("Ana 2 3 4 +2.0");
    has("Sitting 4 6 8 +4.0");
    has("mean 3 4.5 6 +3.0");
    // Notes, with their dates.
    has("2 Mar note 0: Ana 7 Mar note 5: Ana 12 Mar note 10: Ana 22 Mar note 20: Ana");
}

#[test]
fn one_step_of_a_routine_raising_two_exercises_is_one_progression() {
    let mut facts = facts("Ana");
    let programme = facts.programme.as_mut().unwrap();
    let mut second = programme.prescriptions.clone();
    for prescription in &mut second {
        prescription.item = "pelvic-tilt".to_owned();
        prescription.name = "Tilt".to_owned();
    }
    programme.prescriptions.extend(second);
    for prescription in &mut programme.prescriptions {
        prescription.accepted = prescription.accepted.as_ref().map(|_| "low-back".to_owned());
    }
    let review = Review::of(&facts);
    let text = text_of(&html(&facts, &review, MADE, None));
    assert!(
        text.contains("Progressions accepted: 1, raising 2 exercises' doses. 16 Mar Ana: 10×2 5s → 12×2 5s"),
        "{text}"
    );
    assert!(text.contains("16 Mar Tilt: 10×2 5s → 12×2 5s"), "{text}");
}

#[test]
fn long_lists_are_capped_with_how_many_more() {
    let mut facts = facts("Ana");
    for session in &mut facts.sessions {
        session.checkin.pain = Pain::new(9);
        session.checkin.note = Note::new(&"x".repeat(500));
    }
    let extra: Vec<_> = facts.sessions.iter().cloned().chain(facts.sessions.iter().cloned()).collect();
    facts.sessions = extra;
    let review = Review::of(&facts);
    let text = text_of(&html(&facts, &review, MADE, None));
    assert!(text.contains("Pain 7 or more: 32"), "{text}");
    assert!(text.contains(&format!("… and {} more, the last on 22 Mar", 32 - sections::MAX_ALARMS)), "{text}");
    assert!(text.contains(&format!("(the latest {} of 32)", sections::MAX_NOTES)), "{text}");
    assert!(text.contains(&format!("{}…", "x".repeat(sections::NOTE_CHARS))), "a long note is cut");
    assert!(!text.contains(&"x".repeat(sections::NOTE_CHARS + 1)));
}

#[test]
fn a_day_not_over_is_marked_and_keyed_as_such_and_only_then() {
    let mut facts = facts("Ana");
    assert!(!text_of(&page_of(&facts)).contains("not over yet"));
    facts.counted_to = date(2026, 3, 21);
    let page = page_of(&facts);
    assert!(text_of(&page).contains("not over yet 1"), "{}", text_of(&page));
    assert!(page.contains("circle class=\"not-over\""), "its own mark in the calendar");
}

#[test]
fn a_high_pain_before_the_session_is_marked_b_with_its_key() {
    let mut facts = facts("Ana");
    facts.sessions[0].checkin.pain_before = Pain::new(9);
    let text = text_of(&page_of(&facts));
    assert!(text.contains("Pain 7 or more: 6 (b: before the session) 2 Mar 9b 2 Mar 8"), "{text}");
}

#[test]
fn stops_before_any_hold_are_counted_among_the_stops_and_said_apart() {
    let mut facts = facts("Ana");
    let text = |facts: &Facts| text_of(&page_of(facts));
    assert!(!text(&facts).contains("before any hold"), "the one stop had holds done");
    // Day 10 stopped in its first move, for pain: no hold done.
    let false_start = facts.sessions.iter_mut().find(|s| s.start.date() == date(2026, 3, 12)).unwrap();
    false_start.end = End::Stopped(Some(Why::Pain));
    for side in &mut false_start.exercises[0].sides {
        side.done = 0;
    }
    assert!(
        text(&facts).contains("Stopped early: 2 (1 before any hold was done). Pain 1: 12 Mar; No time 1: 11 Mar"),
        "{}",
        text(&facts)
    );
    facts.sessions.retain(|s| s.start.date() != date(2026, 3, 11));
    assert!(text(&facts).contains("Stopped early: 1 (before any hold was done). Pain 1: 12 Mar"), "{}", text(&facts));
}

#[test]
fn signs_and_decimals_read_as_a_clinician_writes_them() {
    assert_eq!(signed(-2.04), "\u{2212}2.0");
    assert_eq!(signed(0.04), "0.0");
    assert_eq!(signed(-0.04), "0.0");
    assert_eq!(signed(1.25), "+1.3");
    assert_eq!(decimal(5.0), "5.0");
    assert_eq!(cut("abcdef", 3), "abc…");
    assert_eq!(cut("abc", 3), "abc");
}

#[test]
fn a_period_not_over_yet_says_nothing_is_counted_rather_than_nothing_was_due() {
    let mut facts = facts("Ana");
    facts.programme = None;
    facts.counted_to = date(2026, 3, 1);
    let text = text_of(&page_of(&facts));
    assert!(text.contains("Nothing counted yet: the period's days are not over."), "{text}");
    facts.counted_to = date(2026, 3, 22);
    assert!(!text_of(&page_of(&facts)).contains("Nothing counted yet"));
}

#[test]
fn the_pain_chart_keys_an_open_dot_only_when_a_pain_before_is_drawn() {
    let mut facts = facts("Ana");
    assert!(text_of(&page_of(&facts)).contains("● after ○ before"), "answers before the sessions");
    for session in &mut facts.sessions {
        session.checkin.pain_before = None;
    }
    let text = text_of(&page_of(&facts));
    assert!(text.contains("● after mean of the week") && !text.contains("○"), "{text}");
}

#[test]
fn the_high_pains_say_where_the_programmes_stop_line_is() {
    let mut facts = facts("Ana");
    // From the `Pain` before ` or more` to the colon before the count.
    let heading = |facts: &Facts| {
        let text = text_of(&page_of(facts));
        let more = text.find(" or more").expect("the heading");
        let from = text[..more].rfind("Pain ").expect("the heading's start");
        text[from..].split(':').next().unwrap_or_default().to_owned()
    };
    assert_eq!(heading(&facts), "Pain 7 or more", "a programme without a stop line");
    for (stop, expected) in [
        (1, "Pain 1 or more (stop line)"),
        (5, "Pain 5 or more (stop line)"),
        (7, "Pain 7 or more (stop line)"),
        (8, "Pain 7 or more (stop line 8)"),
        (10, "Pain 7 or more (stop line 10)"),
    ] {
        facts.programme.as_mut().expect("a programme").stop_pain = Some(stop);
        assert_eq!(heading(&facts), expected);
    }
    facts.programme = None;
    assert_eq!(heading(&facts), "Pain 7 or more", "without a programme");
}
