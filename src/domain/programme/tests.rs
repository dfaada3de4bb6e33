use std::time::Duration;

use jiff::civil::{Date, Weekday, date};

use super::*;

const SIX_WEEKS: &str = include_str!("../../../exercises/programmes/low-back-6-weeks.toml");

fn read(source: &str) -> Programme {
    match parse("p.toml", source.as_bytes()) {
        Ok(file) => file.programme,
        Err(invalid) => panic!("{invalid}"),
    }
}

fn errors(source: &str) -> Vec<String> {
    parse("p.toml", source.as_bytes()).expect_err("a bad file").diagnostics.iter().map(ToString::to_string).collect()
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn the_shipped_example_reads_as_the_issue_describes_it() {
    let programme = read(SIX_WEEKS);
    assert_eq!(programme.weeks, 6);
    let ids: Vec<&str> = programme.items.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(ids, ["lower-trunk-rotation", "pelvic-tilt", "knee-to-chest"]);
    let times: Vec<u32> = programme.items.iter().map(|item| item.times_a_day).collect();
    assert_eq!(times, [2, 1, 1]);
    assert_eq!(programme.psfs.len(), 3);
    assert_eq!(programme.stop.pain, Some(7));
    assert!(programme.stop.spreading);
    assert!(programme.items[0].progression.is_some());
}

#[test]
fn a_minimal_programme_defaults_to_once_every_day_from_install() {
    let programme = read("weeks = 2\n[[item]]\nexercise = \"pelvic-tilt\"\n");
    assert_eq!(programme.name, "Programme");
    assert_eq!(programme.start, None);
    let item = &programme.items[0];
    assert_eq!((item.id.as_str(), item.times_a_day, &item.days), ("pelvic-tilt", 1, &Days::Every));
    assert_eq!(item.dose, Overrides::default());
    let first = date(2026, 12, 7);
    assert_eq!(programme.first_day(first), first);
    assert_eq!(programme.end(first), date(2026, 12, 21));
    assert_eq!(programme.review_day(first), date(2026, 12, 21));
}

#[test]
fn weeks_are_counted_from_the_first_day() {
    let programme = read("weeks = 2\n[[item]]\nexercise = \"a\"\n");
    let first = date(2026, 12, 7);
    assert_eq!(programme.week_of(first, date(2026, 12, 6)), None);
    assert_eq!(programme.week_of(first, first), Some(1));
    assert_eq!(programme.week_of(first, date(2026, 12, 13)), Some(1));
    assert_eq!(programme.week_of(first, date(2026, 12, 14)), Some(2));
    assert_eq!(programme.week_of(first, date(2026, 12, 20)), Some(2));
    assert_eq!(programme.week_of(first, date(2026, 12, 21)), None);
}

#[test]
fn the_dose_follows_planned_steps_and_accepted_ones_in_the_order_they_began() {
    let source = "weeks = 6\nstart = 2026-12-07\n[[item]]\nexercise = \"lower-trunk-rotation\"\nreps = 8\nhold = 3\n\
                  [[item.step]]\nweek = 3\nhold = 5\n[[accepted]]\nitem = \"lower-trunk-rotation\"\ndate = 2026-12-16\nreps = 9\n\
                  [[accepted]]\nitem = \"lower-trunk-rotation\"\ndate = \"2026-12-21\"\nhold = 4\n";
    let programme = read(source);
    let item = &programme.items[0];
    let first = date(2026, 12, 7);
    let dose = |day| programme.dose_on(item, first, day);
    assert_eq!((dose(date(2026, 12, 15)).reps, dose(date(2026, 12, 15)).hold), (Some(8), Some(secs(3))));
    assert_eq!((dose(date(2026, 12, 16)).reps, dose(date(2026, 12, 16)).hold), (Some(9), Some(secs(3))));
    assert_eq!(dose(date(2026, 12, 20)).hold, Some(secs(3)), "week 3 starts on the 21st");
    assert_eq!(dose(date(2026, 12, 21)).hold, Some(secs(4)), "accepted on the step's first day: accepted wins");
    assert_eq!(dose(date(2026, 12, 21)).reps, Some(9));
}

#[test]
fn days_read_as_weekdays_or_a_count_per_week() {
    let on = read("weeks = 1\n[[item]]\nexercise = \"a\"\ndays = [\"fri\", \"Monday\", \"wed\"]\n");
    assert_eq!(on.items[0].days, Days::On(vec![Weekday::Monday, Weekday::Wednesday, Weekday::Friday]));
    assert_eq!(on.items[0].due_on(Weekday::Wednesday), Some(1));
    assert_eq!(on.items[0].due_on(Weekday::Tuesday), Some(0));
    assert_eq!(on.items[0].days.to_string(), "on Mon, Wed and Fri");
    let per_week = read("weeks = 1\n[[item]]\nexercise = \"a\"\ndays_a_week = 3\n");
    assert_eq!(per_week.items[0].days, Days::PerWeek(3));
    assert_eq!(per_week.items[0].due_on(Weekday::Monday), None);
    let all = read("weeks = 1\n[[item]]\nexercise = \"a\"\ndays_a_week = 7\n");
    assert_eq!(all.items[0].days, Days::Every);
}

#[test]
fn the_same_exercise_twice_needs_ids_of_its_own() {
    let twice = "weeks = 1\n[[item]]\nexercise = \"a\"\n[[item]]\nexercise = \"a\"\n";
    let found = errors(twice);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("p.toml:5:12: `item[2]` has the id `a` of an item above it"), "{}", found[0]);
    let named = "weeks = 1\n[[item]]\nexercise = \"a\"\n[[item]]\nid = \"a-evening\"\nexercise = \"a\"\n";
    assert_eq!(read(named).items[1].id, "a-evening");
    let path = read("weeks = 1\n[[item]]\nexercise = \"./mine/heel-slide.toml\"\n");
    assert_eq!(path.items[0].id, "heel-slide");
}

#[test]
fn a_broken_programme_reports_every_problem_with_its_line_and_column() {
    let source = "\
name = \"Back\"
weeks = 0
start = \"2026-13-01\"
psfs = [\"socks\", \"car\", \"stairs\", \"sitting\"]

[stop]
pain = 11

[[item]]
exercise = \"lower-trunk-rotation\"
reps = 0
hold = \"five\"
times_a_day = 9
days = [\"mon\", \"thurs\"]

[[item]]
routine = \"low-back\"
exercise = \"pelvic-tilt\"

[[item]]
exercise = \"knee-to-chest\"
[[item.step]]
week = 1
wek = 2
";
    let found = errors(source);
    let expect = [
        "p.toml:2:9: `weeks` is 0, outside the allowed 1 to 52",
        "p.toml:3:9: `start` is `2026-13-01`, which is not a day",
        "p.toml:4:8: `psfs` lists 4 activities",
        "p.toml:7:8: `stop.pain` is 11, outside the allowed 1 to 10",
        "p.toml:11:8: `item[1].reps` is 0",
        "p.toml:12:8: `item[1].hold` is `\"five\"`",
        "p.toml:13:15: `item[1].times_a_day` is 9, outside the allowed 1 to 6",
        "p.toml:14:16: `item[1].days` has `thurs`, which is not a day of the week, did you mean `thu`?",
        "p.toml:17:11: `item[2]` names both an `exercise` and a `routine`",
        "p.toml:23:8: `item[3].step[1].week` is 1, outside the allowed 2 to 52",
        "p.toml:24:1: unknown field `wek`, did you mean `week`?",
    ];
    for expected in expect {
        assert!(found.iter().any(|line| line.starts_with(expected)), "missing {expected:?} in:\n{}", found.join("\n"));
    }
    assert!(found.len() > expect.len(), "the step that changes nothing too:\n{}", found.join("\n"));
}

#[test]
fn a_mistyped_key_gets_a_hint_and_a_wrong_type_is_said_in_words() {
    let found = errors(
        "weeks = 0\n[[item]]\nexercise = \"a\"\ntimes_a_dya = 2\n[item.progression]\nreps = \"one\"\nhold = 1\n",
    );
    assert!(found[0].starts_with("p.toml:1:9: `weeks` is 0"), "a value's problem with the shape's: {found:#?}");
    assert!(found[1].starts_with("p.toml:4:1: unknown field `times_a_dya`, did you mean `times_a_day`?"), "{found:#?}");
    assert!(
        found[2].starts_with("p.toml:6:8: `item[1].progression.reps` must be a whole number, not text"),
        "{found:#?}"
    );
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn missing_weeks_and_items_are_named() {
    let found = errors("name = \"x\"\n");
    assert!(found.iter().any(|line| line.contains("missing field `weeks`")), "{found:#?}");
    assert!(found.iter().any(|line| line.contains("missing field `item`")), "{found:#?}");
    assert!(errors("weeks = 1\n[[item]]\nid = \"x\"\n")[0].contains("needs an `exercise` or a `routine`"));
    assert!(errors("")[0].contains("is empty"));
}

#[test]
fn steps_and_accepted_steps_stay_in_order_and_name_known_items() {
    let steps =
        "weeks = 6\n[[item]]\nexercise = \"a\"\n[[item.step]]\nweek = 4\nreps = 3\n[[item.step]]\nweek = 3\nreps = 4\n";
    assert!(errors(steps)[0].contains("`item[1].step[2].week` is 3, not after the step above it (week 4)"));
    let accepted = "weeks = 6\n[[item]]\nexercise = \"lower-trunk-rotation\"\n[[accepted]]\nitem = \"lower-trunk-rotaton\"\ndate = 2026-12-01\nreps = 3\n";
    let found = errors(accepted);
    assert!(found[0].contains("no item's id, did you mean `lower-trunk-rotation`?"), "{found:#?}");
}

#[test]
fn a_review_before_the_start_and_a_time_of_day_are_refused() {
    assert!(
        errors("weeks = 1\nstart = 2026-12-07\nreview = 2026-12-01\n[[item]]\nexercise = \"a\"\n")[0]
            .contains("`review` is 2026-12-01, before the programme's `start` of 2026-12-07")
    );
    assert!(
        errors("weeks = 1\nstart = 2026-12-07T08:00:00\n[[item]]\nexercise = \"a\"\n")[0].contains("give only the day")
    );
}

#[test]
fn programmes_are_told_apart_from_exercises_and_routines() {
    assert!(is_programme(SIX_WEEKS.as_bytes()));
    assert!(is_programme(b"weeks = 2\n"));
    assert!(is_programme(b"[[item]]\nexercise = \"a\"\nbroken = \n"));
    assert!(!is_programme(include_str!("../../../exercises/routines/low-back.toml").as_bytes()));
    assert!(!is_programme(include_str!("../../../exercises/pelvic-tilt.toml").as_bytes()));
}

#[test]
fn a_written_programme_reads_back_the_same() {
    let programme = read(SIX_WEEKS);
    let text = writing::toml(&programme);
    assert_eq!(read(&text), programme, "{text}");
    let with_accepted = Programme {
        start: Some(date(2026, 12, 7)),
        accepted: vec![Accepted {
            item: "pelvic-tilt".into(),
            date: date(2026, 12, 20),
            dose: Overrides { reps: Some(11), ..Overrides::default() },
        }],
        ..programme
    };
    assert_eq!(read(&writing::toml(&with_accepted)), with_accepted);
}

#[test]
fn a_date_helper_saturates_instead_of_failing() {
    assert_eq!(add_days(Date::MAX, 1), Date::MAX);
    assert_eq!(days_between(date(2026, 12, 7), date(2026, 12, 1)), -6);
}

fn built_in(id: &str) -> crate::domain::exercise::Exercise {
    crate::domain::exercise::built_in(id).expect("built in").expect("valid")
}

#[test]
fn the_review_notes_each_dose_outside_the_recommended_range_once_and_refuses_an_endless_session() {
    let source = "weeks = 6\n[[item]]\nexercise = \"knee-to-chest\"\nreps = 6\n[[item.step]]\nweek = 2\nhold = 25\n\
                  [[item.step]]\nweek = 3\nhold = 40\n";
    let file = parse("p.toml", source.as_bytes()).expect("valid");
    let found = vec![vec![(built_in("knee-to-chest"), Overrides::default())]];
    let judged = review(&file, &found, &[Duration::ZERO]);
    assert!(judged.problems.is_empty(), "{:?}", judged.problems);
    let notes: Vec<String> = judged.notes.iter().map(|note| note.message.clone()).collect();
    assert_eq!(
        notes,
        [
            "note: `item[1]` from the start: knee-to-chest: 6 reps is outside the recommended 2 to 5",
            "note: `item[1]` from week 3: knee-to-chest: hold 40 s is outside the recommended 15 to 30 s",
        ]
    );
    assert_eq!(judged.notes[0].position, Some((3, 12)), "at the item's exercise");
    let long = "weeks = 1\n[[item]]\nexercise = \"knee-to-chest\"\nreps = 100\nsets = 20\nhold = 600\n";
    let file = parse("p.toml", long.as_bytes()).expect("valid limits each");
    let refused = review(&file, &found, &[Duration::ZERO]);
    assert!(refused.problems[0].message.contains("a session would run"), "{:?}", refused.problems);
}

#[test]
fn a_routine_item_gives_its_dose_to_each_exercise_over_the_routine_own() {
    let file = parse("p.toml", b"weeks = 1\n[[item]]\nroutine = \"low-back\"\nhold = 4\n").expect("valid");
    let found = vec![vec![
        (built_in("pelvic-tilt"), Overrides { reps: Some(8), hold: Some(secs(9)), ..Overrides::default() }),
        (built_in("knee-to-chest"), Overrides::default()),
    ]];
    let notes: Vec<String> = review(&file, &found, &[secs(15)]).notes.iter().map(|note| note.message.clone()).collect();
    assert_eq!(
        notes,
        ["note: `item[1]` from the start: knee-to-chest: hold 4 s is outside the recommended 15 to 30 s"]
    );
}

#[test]
fn weekdays_read_short_long_and_in_any_case() {
    assert_eq!(weekday("Mon"), Some(Weekday::Monday));
    assert_eq!(weekday(" SUNDAY"), Some(Weekday::Sunday));
    assert_eq!(weekday("mo"), None);
}

#[test]
fn the_documented_example_is_a_valid_programme() {
    let docs = include_str!("../../../exercises/README.md");
    let section = docs.split("## Programme files").nth(1).expect("a section on programmes");
    let example = section.split("```toml\n").nth(1).and_then(|rest| rest.split("```").next()).expect("a toml block");
    let programme = read(example);
    assert_eq!(programme.items[0].days, Days::On(vec![Weekday::Monday, Weekday::Wednesday, Weekday::Friday]));
    assert_eq!(programme.items[0].steps[0].week, 3);
}

#[test]
fn short_names_are_the_files_or_the_initials_of_the_id() {
    let shorts: Vec<String> = read(SIX_WEEKS).items.iter().map(|item| item.short.clone()).collect();
    assert_eq!(shorts, ["rot", "tilt", "knee"]);
    assert_eq!(short_name("lower-trunk-rotation"), "ltr");
    assert_eq!(short_name("bridge"), "brid");
    let found = errors("weeks = 1\n[[item]]\nexercise = \"a\"\nshort = \"two words\"\n");
    assert!(found[0].starts_with("p.toml:4:9: `item[1].short` is `two words`; a short name is one word"), "{found:#?}");
}

#[test]
fn a_progression_says_it_counts_the_last_days_the_item_was_done_each_in_full() {
    let said = |after_days: u32| {
        let source = format!(
            "weeks = 2\n[[item]]\nexercise = \"pelvic-tilt\"\n[item.progression]\nreps = 1\nafter_days = {after_days}\n"
        );
        let programme = read(&source);
        let first = date(2026, 12, 1);
        let lines = text::words(&programme, &["Pelvic tilt".to_owned()], &[Vec::new()], first, first);
        lines.into_iter().find(|line| line.contains("may add")).unwrap_or_default()
    };
    assert_eq!(
        said(3),
        "  may add 1 rep a step once the last 3 days it was done were each done in full, with no rise in pain"
    );
    assert_eq!(said(1), "  may add 1 rep a step once the last day it was done was done in full, with no rise in pain");
}
