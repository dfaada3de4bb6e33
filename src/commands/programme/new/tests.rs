use std::io::Cursor;
use std::time::Duration;

use jiff::civil::{Weekday, date};

use super::*;

fn timing() -> Timing {
    crate::domain::exercise::built_in("knee-to-chest").expect("built in").expect("valid").timing
}

fn look_up(name: &str) -> Result<Found, String> {
    match name {
        "knee-to-chest" | "pelvic-tilt" => Ok(Found::Exercise(timing())),
        "low-back" => Ok(Found::Routine),
        other => Err(format!("no exercise `{other}`")),
    }
}

fn asked(answers: &str) -> (Option<Programme>, String) {
    let mut out = Vec::new();
    let programme = ask(&mut Cursor::new(answers), &mut out, date(2026, 12, 7), &look_up).expect("in memory");
    (programme, String::from_utf8(out).expect("UTF-8"))
}

#[test]
fn every_question_answered_gives_the_programme_and_a_bad_answer_is_asked_again() {
    let answers = "Back\n0\n6\n\nknee-to-chst\nknee-to-chest\n2\nmon,thurs\nmon,wed\n4\n25\n\nlow-back\n\n3\n\n11\n7\nSocks\nCar\n\nA. Physio\n0123\n";
    let (programme, said) = asked(answers);
    let programme = programme.expect("a programme");
    assert!(said.contains("How many weeks does it last, 1 to 52? [6]: "), "{said}");
    assert!(said.contains("  `0` does not do here; the question says what does. Try again."), "{said}");
    assert!(said.contains("  no exercise `knee-to-chst`"), "{said}");
    assert_eq!((programme.name.as_str(), programme.weeks, programme.start), ("Back", 6, Some(date(2026, 12, 7))));
    let knee = &programme.items[0];
    assert_eq!((knee.times_a_day, &knee.days), (2, &Days::On(vec![Weekday::Monday, Weekday::Wednesday])));
    assert_eq!(knee.dose, Overrides { reps: Some(4), hold: Some(Duration::from_secs(25)), ..Overrides::default() });
    let routine = &programme.items[1];
    assert_eq!((&routine.what, &routine.days), (&What::Routine("low-back".into()), &Days::PerWeek(3)));
    assert_eq!(programme.stop.pain, Some(7));
    assert_eq!(programme.psfs, ["Socks", "Car"]);
    assert_eq!((programme.prescriber.name.as_str(), programme.prescriber.contact.as_str()), ("A. Physio", "0123"));
    let text = writing::toml(&programme);
    assert_eq!(crate::domain::programme::parse("p.toml", text.as_bytes()).expect("reads back").programme, programme);
}

#[test]
fn a_text_too_long_or_an_activity_listed_twice_is_asked_again_not_refused_at_the_end() {
    let long = "x".repeat(201);
    let answers = format!("{long}\nBack\n6\n\nknee-to-chest\n\n\n\n\n\n\n\nSocks\nSocks\nCar\n\n{long}\nA. Physio\n\n");
    let (programme, said) = asked(&answers);
    let programme = programme.expect("a programme");
    assert!(said.contains("  That is 201 characters; at most 200 fit. Try again."), "{said}");
    assert!(said.contains("  It is already listed."), "{said}");
    assert_eq!((programme.name.as_str(), programme.prescriber.name.as_str()), ("Back", "A. Physio"));
    assert_eq!(programme.psfs, ["Socks", "Car"]);
    assert_eq!((programme.stop.pain, programme.stop.spreading), (None, true), "spreading stops without a pain line");
    let text = writing::toml(&programme);
    assert_eq!(crate::domain::programme::parse("p.toml", text.as_bytes()).expect("reads back").programme, programme);
}

#[test]
fn the_end_of_the_input_writes_nothing() {
    assert_eq!(asked("Back\n6\n").0, None);
    assert_eq!(asked("").0, None);
}

#[test]
fn an_empty_first_item_is_asked_again_and_the_same_one_twice_refused() {
    let (programme, said) = asked("\n\n\n\npelvic-tilt\n\n\n\n\n\npelvic-tilt\n\n\n\n\n\n");
    assert!(said.contains("A programme needs at least one."), "{said}");
    assert!(said.contains("It is already in the programme."), "{said}");
    let programme = programme.expect("a programme");
    assert_eq!(programme.items.len(), 1);
    assert_eq!(programme.items[0].dose, Overrides::default(), "Enter keeps the exercise's own");
    assert_eq!(programme.name, DEFAULT_NAME);
}

#[test]
fn flags_make_one_item_and_say_which_are_missing() {
    let flags = |args: &[&str]| {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from(["trunkrot", "programme", "new"].iter().chain(args)).expect("parses");
        match cli.command {
            Some(crate::cli::Command::Programme(crate::cli::ProgrammeArgs {
                action: Some(crate::cli::ProgrammeAction::New(flags)),
                ..
            })) => *flags,
            other => panic!("{other:?}"),
        }
    };
    let programme = from_flags(&flags(&[
        "--exercise",
        "lower-trunk-rotation",
        "--reps",
        "10",
        "--hold",
        "5",
        "--times-a-day",
        "2",
        "--weeks",
        "6",
    ]))
    .expect("enough flags");
    let item = &programme.items[0];
    assert_eq!((item.id.as_str(), item.times_a_day, programme.weeks), ("lower-trunk-rotation", 2, 6));
    assert_eq!(item.dose.reps, Some(10));
    let missing = from_flags(&flags(&["--reps", "3", "--weeks", "2"])).expect_err("no exercise");
    assert!(missing.to_string().contains("--exercise ID"), "{missing}");
    let missing = from_flags(&flags(&["--exercise", "pelvic-tilt"])).expect_err("no weeks");
    assert!(missing.to_string().contains("--weeks N"), "{missing}");
    let bad_day = from_flags(&flags(&["--exercise", "pelvic-tilt", "--weeks", "2", "--days", "mon,funday"]))
        .expect_err("a bad day");
    assert!(bad_day.to_string().contains("`funday` is not a day of the week"), "{bad_day}");
    assert!(bad_day.is_usage());
}
