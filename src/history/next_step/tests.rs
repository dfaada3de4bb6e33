use super::*;
use crate::domain::checkin::{Checkin, Pain};
use crate::domain::exercise;
use crate::domain::programme::{Progression, Stop};
use crate::domain::side::Side;
use crate::domain::summary::SideReps;
use crate::history::tests::{exercise_record, record};

/// [`super::suggest`] without a programme's rule for stopping, as most tests here need it.
fn suggest(records: &[Record], exercise: &Exercise, allowed: Option<&Allowed>) -> Option<Suggestion> {
    super::suggest(records, exercise, allowed, None)
}

/// The default exercise: reps 5 to 10, hold 3 to 5 s.
fn trunk_rotation() -> Exercise {
    exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap()
}

/// Completed sessions on consecutive days at `reps` and `hold`, with these pain answers.
fn sessions(reps: u32, hold: u64, pains: &[Option<u8>]) -> Vec<Record> {
    pains
        .iter()
        .enumerate()
        .map(|(day, pain)| Record {
            exercises: vec![ExerciseRecord {
                reps,
                hold: Duration::from_secs(hold),
                sides: vec![
                    SideReps { side: Some(Side::Left), done: reps, planned: reps },
                    SideReps { side: Some(Side::Right), done: reps, planned: reps },
                ],
                ..exercise_record()
            }],
            checkin: Checkin { pain: pain.and_then(Pain::new), ..Checkin::default() },
            ..record(&format!("2026-06-{:02}T08:00:00+02:00", day + 1))
        })
        .collect()
}

#[test]
fn three_full_sessions_without_more_pain_suggest_one_more_rep() {
    let exercise = trunk_rotation();
    let suggestion = suggest(&sessions(7, 5, &[Some(3), Some(3), Some(2)]), &exercise, None);
    assert_eq!(
        suggestion,
        Some(Suggestion::MoreReps { exercise: exercise.id.clone(), to: 8, per_side: true, keep: Keep::default() })
    );
    assert_eq!(
        suggestion.unwrap().to_string(),
        "Next step: the last 3 days you did this exercise, you did all of it each day, with no rise in pain \
         reported. Try 8 reps per side: trunkrot --reps 8"
    );
    assert!(suggest(&sessions(7, 5, &[None, None, None]), &exercise, None).is_some(), "no answers is no rise");
}

#[test]
fn an_exercise_without_sides_is_told_reps_not_reps_per_side_and_the_days_need_not_follow_each_other() {
    let tilt = exercise::built_in("pelvic-tilt").unwrap().unwrap();
    // Three days a week apart: the last three days it was done, each in full.
    let days: Vec<Record> = [1, 8, 15]
        .iter()
        .map(|day| Record {
            exercises: vec![ExerciseRecord {
                id: tilt.id.clone(),
                reps: 10,
                hold: Duration::from_secs(5),
                sides: vec![SideReps { side: None, done: 10, planned: 10 }],
                ..exercise_record()
            }],
            ..record(&format!("2026-06-{day:02}T08:00:00+02:00"))
        })
        .collect();
    let suggestion = suggest(&days, &tilt, None).expect("a step");
    assert_eq!(
        suggestion.to_string(),
        "Next step: the last 3 days you did this exercise, you did all of it each day, with no rise in pain \
         reported. Try 11 reps: trunkrot --exercise pelvic-tilt --reps 11"
    );
    // Easing off, too: fewer reps, not fewer reps per side.
    let mut rising = days.clone();
    for (record, pain) in rising.iter_mut().zip([2, 2, 5]) {
        record.checkin.pain = Pain::new(pain);
    }
    let ease = suggest(&rising, &tilt, None).expect("easing off").to_string();
    assert!(
        ease.starts_with("Ease off: pain went up from 2 to 5. Try 9 reps (trunkrot --exercise pelvic-tilt --reps 9)"),
        "{ease}"
    );
    let step = Suggestion::Step {
        item: "tilt".into(),
        exercise: tilt.id.clone(),
        days: 4,
        reps: Some(11),
        per_side: false,
        hold: None,
    };
    assert_eq!(
        step.to_string(),
        "Next step: the last 4 days you did this exercise, you did all of it each day, with no rise in pain \
         reported. Your programme allows 11 reps from now on: trunkrot programme accept"
    );
    let one_day = Suggestion::Step {
        item: "tilt".into(),
        exercise: tilt.id.clone(),
        days: 1,
        reps: Some(1),
        per_side: false,
        hold: None,
    };
    assert!(
        one_day.to_string().starts_with(
            "Next step: the last day you did this exercise, you did all of it, with no rise in pain reported. \
             Your programme allows 1 rep from"
        ),
        "{one_day}"
    );
}

#[test]
fn two_sessions_or_a_change_of_settings_are_not_enough() {
    let exercise = trunk_rotation();
    assert_eq!(suggest(&sessions(7, 5, &[Some(3), Some(3)]), &exercise, None), None);
    let mut changed = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    changed[0].exercises[0].reps = 6;
    assert_eq!(suggest(&changed, &exercise, None), None);
}

#[test]
fn a_session_stopped_early_or_felt_hard_holds_the_step_back() {
    let exercise = trunk_rotation();
    let mut stopped = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    stopped[1].exercises[0].completed = false;
    assert_eq!(suggest(&stopped, &exercise, None), None);
    let mut skipped = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    skipped[2].exercises[0].sides[1].done = 6;
    assert_eq!(suggest(&skipped, &exercise, None), None, "a skipped hold is not a session done in full");
    let mut hard = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    hard[2].checkin.effort = Some(Effort::Hard);
    assert_eq!(suggest(&hard, &exercise, None), None);
}

#[test]
fn pain_up_by_one_neither_steps_up_nor_eases_off() {
    assert_eq!(suggest(&sessions(7, 5, &[Some(3), Some(3), Some(4)]), &trunk_rotation(), None), None);
}

#[test]
fn pain_up_by_two_suggests_easing_off_within_the_range() {
    let exercise = trunk_rotation();
    let rising = sessions(7, 5, &[Some(4), Some(2), Some(4)]);
    assert_eq!(
        suggest(&rising, &exercise, None),
        Some(Suggestion::EaseOff {
            exercise: exercise.id.clone(),
            from: 2,
            to: 4,
            reps: Some(6),
            per_side: true,
            keep: Keep::default()
        })
    );
    let text = suggest(&rising, &exercise, None).unwrap().to_string();
    assert!(text.starts_with("Ease off: pain went up from 2 to 4. Try 6 reps per side (trunkrot --reps 6)"), "{text}");
    let at_the_bottom = sessions(5, 5, &[Some(1), Some(5)]);
    assert_eq!(
        suggest(&at_the_bottom, &exercise, None),
        Some(Suggestion::EaseOff {
            exercise: exercise.id,
            from: 1,
            to: 5,
            reps: None,
            per_side: true,
            keep: Keep::default()
        })
    );
}

#[test]
fn a_rise_is_not_told_again_after_a_session_without_a_pain_answer() {
    // Told to ease off to 6 reps, the user did 6 and skipped the pain question: the rise is
    // old news, and asking for 5 reps now would step down on no new answer.
    let exercise = trunk_rotation();
    let mut after = sessions(7, 5, &[Some(2), Some(2), Some(4), None]);
    after[3].exercises[0].reps = 6;
    assert_eq!(suggest(&after, &exercise, None), None);
    // Nor does a rise, or a high pain, answered within the last three days open the way to a
    // step once later sessions skip the question.
    let rose = sessions(7, 5, &[Some(2), Some(2), Some(6), None, None]);
    assert_eq!(suggest(&rose, &exercise, None), None, "a rise two days ago is no steady three days");
    let high = sessions(7, 5, &[Some(9), None, None]);
    assert_eq!(suggest(&high, &exercise, None), None, "a pain of 9 two days ago is no steady three days");
    let later = sessions(7, 5, &[Some(2), Some(2), Some(6), None, None, None]);
    assert!(
        matches!(suggest(&later, &exercise, None), Some(Suggestion::MoreReps { to: 8, .. })),
        "three days after it, the step is open again"
    );
    let answered = sessions(7, 5, &[Some(2), Some(2), Some(4), Some(4)]);
    assert!(
        matches!(suggest(&answered, &exercise, None), Some(Suggestion::EaseOff { from: 2, to: 4, .. })),
        "an answer that is still up is a rise"
    );
}

#[test]
fn at_the_top_of_the_reps_the_hold_grows_then_a_variation_is_offered() {
    let exercise = trunk_rotation();
    assert_eq!(
        suggest(&sessions(10, 3, &[None, None, None]), &exercise, None),
        Some(Suggestion::LongerHold {
            exercise: exercise.id.clone(),
            to: Duration::from_secs(5),
            keep: Keep::default()
        }),
        "one step, kept within the 3 to 5 s range"
    );
    let top = suggest(&sessions(10, 5, &[None, None, None]), &exercise, None);
    assert!(matches!(top, Some(Suggestion::Variation { .. })), "{top:?}");
}

#[test]
fn only_the_exercise_s_own_sessions_count() {
    let mut other = trunk_rotation();
    other.id = "pelvic-tilt".to_owned();
    assert_eq!(suggest(&sessions(7, 5, &[None, None, None]), &other, None), None);
    let mut theirs = sessions(7, 5, &[None, None, None]);
    for record in &mut theirs {
        record.exercises[0].id = other.id.clone();
    }
    let text = suggest(&theirs, &other, None).unwrap().to_string();
    assert!(text.ends_with("trunkrot --exercise pelvic-tilt --reps 8"), "{text}");
}

#[test]
fn a_high_pain_answer_alone_calls_for_easing_off() {
    let exercise = trunk_rotation();
    let suggestion = suggest(&sessions(7, 5, &[Some(9)]), &exercise, None);
    assert_eq!(
        suggestion,
        Some(Suggestion::HighPain {
            exercise: exercise.id.clone(),
            pain: 9,
            reps: Some(6),
            per_side: true,
            keep: Keep::default()
        })
    );
    assert!(suggestion.unwrap().to_string().starts_with("Ease off: pain 9 out of 10 is high. Try 6 reps per side"));
    assert_eq!(suggest(&sessions(7, 5, &[Some(7)]), &exercise, None), None, "7 alone is not high");
    let rise = suggest(&sessions(7, 5, &[Some(6), Some(9)]), &exercise, None);
    assert!(matches!(rise, Some(Suggestion::EaseOff { from: 6, to: 9, .. })), "a rise is named as one: {rise:?}");
}

#[test]
fn stopping_because_it_hurt_calls_for_easing_off() {
    let exercise = trunk_rotation();
    let mut stopped = sessions(7, 5, &[Some(3), Some(3), None]);
    stopped[2].end = End::Stopped(Some(Why::Pain));
    stopped[2].exercises[0].completed = false;
    let suggestion = suggest(&stopped, &exercise, None);
    assert_eq!(
        suggestion,
        Some(Suggestion::StoppedForPain {
            exercise: exercise.id.clone(),
            reps: Some(6),
            per_side: true,
            keep: Keep::default()
        })
    );
    let text = suggestion.unwrap().to_string();
    assert!(text.starts_with("Ease off: you stopped because it hurt. Try 6 reps per side"), "{text}");
    // Stopped in the first move, no hold done: no count of reps, which would be one fewer than
    // planned and none done.
    let done = stopped[2].exercises[0].sides.clone();
    for side in &mut stopped[2].exercises[0].sides {
        side.done = 0;
    }
    let text = suggest(&stopped, &exercise, None).unwrap().to_string();
    assert_eq!(
        text,
        "Ease off: you stopped because it hurt. Take it gently, and if pain keeps rising, stop and ask your \
         physiotherapist."
    );
    stopped[2].exercises[0].sides = done;
    stopped[2].end = End::Stopped(Some(Why::NoTime));
    assert_eq!(suggest(&stopped, &exercise, None), None, "no time is no reason to ease off, nor to step up");
}

#[test]
fn pain_that_spread_calls_for_a_clinician_before_anything_else() {
    let exercise = trunk_rotation();
    let mut spread = sessions(7, 5, &[Some(3), Some(3), Some(9)]);
    spread[2].checkin.spread = Some(true);
    assert_eq!(suggest(&spread, &exercise, None), Some(Suggestion::SeeClinician));
    assert!(Suggestion::SeeClinician.to_string().contains("buttock or down a leg"));
    spread[2].checkin.spread = Some(false);
    assert!(matches!(suggest(&spread, &exercise, None), Some(Suggestion::EaseOff { .. })));
}

#[test]
fn the_advice_after_a_session_reads_the_past_and_the_session_and_says_a_warning_once() {
    let exercise = trunk_rotation();
    let past = sessions(7, 5, &[Some(3), Some(3)]);
    let this = &sessions(7, 5, &[Some(3), Some(3), Some(2)])[2];
    let more = advice(&past, Some(this), &[&exercise], None, None);
    assert_eq!(
        more,
        [Suggestion::MoreReps { exercise: exercise.id.clone(), to: 8, per_side: true, keep: Keep::default() }],
        "the third session is this one"
    );
    assert_eq!(advice(&past, None, &[&exercise], None, None), [], "without it, two are not enough");
    let mut routine = this.clone();
    let mut tilt = exercise.clone();
    tilt.id = "pelvic-tilt".to_owned();
    routine.exercises.push(ExerciseRecord { id: tilt.id.clone(), ..exercise_record() });
    routine.checkin.spread = Some(true);
    assert_eq!(advice(&past, Some(&routine), &[&exercise, &tilt], None, None), [Suggestion::SeeClinician]);
}

/// A programme's rule: stop at pain 7 and when pain spreads, with the prescriber's words.
fn rule(message: &str) -> StopRule {
    let stop = Stop { pain: Some(7), spreading: true, message: message.to_owned() };
    StopRule { stop, who: "A. Physio (0123 456)".to_owned() }
}

#[test]
fn the_programme_s_rule_for_stopping_comes_first_in_the_prescriber_s_words() {
    let exercise = trunk_rotation();
    let past = sessions(7, 5, &[Some(3), Some(3)]);
    let mut this = sessions(7, 5, &[Some(3), Some(3), Some(7)])[2].clone();
    let call = rule("Call the clinic before the next session.");
    let said = advice(&past, Some(&this), &[&exercise], None, Some(&call));
    assert_eq!(
        said[0],
        Suggestion::ProgrammeStop {
            pain: Some((7, 7)),
            before: false,
            message: "Call the clinic before the next session.".to_owned(),
            who: "A. Physio (0123 456)".to_owned()
        },
        "a pain at the programme's line, below the general high pain of 8"
    );
    assert_eq!(
        said[0].to_string(),
        "Stop: pain 7 of 10 reaches your programme's limit of 7. Call the clinic before the next session. \
         Get in touch: A. Physio (0123 456)."
    );
    assert!(said[0].is_warning());
    assert_eq!(said.len(), 1, "no smaller dose for a next session the rule puts off: {said:?}");
    let without_rule = advice(&past, Some(&this), &[&exercise], None, None);
    assert!(matches!(without_rule[..], [Suggestion::EaseOff { from: 3, to: 7, .. }]), "{without_rule:?}");
    // Three steady days at the line: told to stop, no step, here or from `programme accept`.
    let steady = sessions(7, 5, &[Some(7), Some(7), Some(7)]);
    let said = advice(&steady[..2], Some(&steady[2]), &[&exercise], None, Some(&call));
    assert!(said.iter().all(Suggestion::is_stop), "no next step beside a stop: {said:?}");
    assert_eq!(super::suggest(&steady, &exercise, None, Some(&call)), None, "a pain at the line holds the step back");
    assert!(suggest(&steady, &exercise, None).is_some(), "without the rule, 7 is no high pain");
    this.checkin.pain = Pain::new(6);
    let below = advice(&past, Some(&this), &[&exercise], None, Some(&call));
    assert!(!below.iter().any(|s| matches!(s, Suggestion::ProgrammeStop { .. })), "{below:?}");
    this.checkin.pain_before = Pain::new(8);
    let before = advice(&past, Some(&this), &[&exercise], None, Some(&call));
    assert!(
        matches!(before[0], Suggestion::ProgrammeStop { pain: Some((8, 7)), before: true, .. }),
        "the pain before counts, and is said as the pain before: {before:?}"
    );
    let plain = advice(&past, Some(&this), &[&exercise], None, Some(&rule("")));
    assert_eq!(
        plain[0].to_string(),
        "Stop: pain 8 of 10 before the session reaches your programme's limit of 7. \
         Do not go on with these exercises before you have spoken to your physiotherapist: A. Physio (0123 456)."
    );
}

#[test]
fn pain_that_spread_is_told_once_in_the_programme_s_words_where_its_rule_names_it() {
    let exercise = trunk_rotation();
    let past = sessions(7, 5, &[Some(3), Some(3)]);
    let mut this = sessions(7, 5, &[Some(3), Some(3), Some(3)])[2].clone();
    this.checkin.spread = Some(true);
    let said = advice(&past, Some(&this), &[&exercise], None, Some(&rule("Ring us.")));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].to_string().starts_with("Stop: your programme says to stop when pain spreads"), "{said:?}");
    let mut pain_only = rule("Ring us.");
    pain_only.stop.spreading = false;
    let said = advice(&past, Some(&this), &[&exercise], None, Some(&pain_only));
    assert_eq!(said, [Suggestion::SeeClinician], "a rule that does not name spreading leaves the general advice");
    assert_eq!(advice(&past, None, &[&exercise], None, Some(&rule("Ring us."))), [], "only a session's own answers");
}

/// Sessions of `item` at `reps` and hold 3 s: `per_day` a day on each of `days` days, a minute
/// apart.
fn item_sessions(item: &str, reps: u32, days: usize, per_day: usize) -> Vec<Record> {
    let mut records = Vec::new();
    for day in 0..days {
        for n in 0..per_day {
            let mut record = sessions(reps, 3, &[Some(2)]).remove(0);
            record.start = crate::history::Started::parse(&format!("2026-06-{:02}T08:0{n}:00+02:00", day + 1)).unwrap();
            record.item = Some(crate::history::ItemDone { id: item.to_owned(), holds: 2 * reps });
            records.push(record);
        }
    }
    records
}

fn allowed(progression: Option<Progression>) -> Allowed {
    Allowed { item: "rot".into(), times_a_day: 2, progression, reps: Some(8), hold: None }
}

fn one_rep_up_to(up_to: Option<u32>) -> Progression {
    Progression { reps: 1, hold: Duration::ZERO, up_to_reps: up_to, up_to_hold: None, after_days: 3 }
}

#[test]
fn three_full_sessions_in_three_minutes_bring_no_advice_to_do_more() {
    let exercise = trunk_rotation();
    let burst = item_sessions("rot", 7, 1, 3);
    assert_eq!(burst[0].start.date(), burst[2].start.date(), "one day");
    assert_eq!(suggest(&burst, &exercise, None), None);
    assert_eq!(suggest(&burst, &exercise, Some(&allowed(Some(one_rep_up_to(None))))), None);
    assert!(suggest(&item_sessions("rot", 7, 3, 1), &exercise, None).is_some(), "three days do");
}

#[test]
fn with_a_programme_a_high_pain_in_another_session_of_the_exercise_holds_the_step_back() {
    // The item done in full on three days, and on the second the routine that also has the
    // rotation, answered with a pain of 9: the item's sessions alone would offer the step.
    let exercise = trunk_rotation();
    let allowed = allowed(Some(one_rep_up_to(Some(9))));
    let mut days = item_sessions("rot", 8, 3, 2);
    assert!(suggest(&days, &exercise, Some(&allowed)).is_some(), "the step, without the other session");
    let mut routine = item_sessions("low-back", 8, 2, 1).remove(1);
    routine.checkin.pain = Pain::new(9);
    days.insert(4, routine);
    assert_eq!(suggest(&days, &exercise, Some(&allowed)), None);
}

#[test]
fn a_programme_item_steps_only_as_its_progression_allows_after_its_days_with_every_session_of_each() {
    let exercise = trunk_rotation();
    let days = item_sessions("rot", 8, 3, 2);
    let step = suggest(&days, &exercise, Some(&allowed(Some(one_rep_up_to(Some(9))))));
    assert_eq!(
        step,
        Some(Suggestion::Step {
            item: "rot".into(),
            exercise: exercise.id.clone(),
            days: 3,
            reps: Some(9),
            per_side: true,
            hold: None
        })
    );
    assert!(
        step.unwrap()
            .to_string()
            .ends_with("Your programme allows 9 reps per side from now on: trunkrot programme accept")
    );
    assert_eq!(suggest(&days, &exercise, Some(&allowed(None))), None, "no progression, no step");
    assert_eq!(
        suggest(&item_sessions("rot", 9, 3, 2), &exercise, Some(&allowed(Some(one_rep_up_to(Some(9)))))),
        None,
        "at its top"
    );
    let ten = suggest(&item_sessions("rot", 9, 3, 2), &exercise, Some(&allowed(Some(one_rep_up_to(None)))));
    assert!(matches!(ten, Some(Suggestion::Step { reps: Some(10), .. })), "the exercise's range is the top: {ten:?}");
    let once_a_day = item_sessions("rot", 8, 3, 1);
    assert_eq!(
        suggest(&once_a_day, &exercise, Some(&allowed(Some(one_rep_up_to(None))))),
        None,
        "a day done in full is both sessions"
    );
    let accepted = Allowed { reps: Some(9), ..allowed(Some(one_rep_up_to(Some(10)))) };
    assert_eq!(suggest(&days, &exercise, Some(&accepted)), None, "days at 8 reps once 9 are prescribed");
    let other_item = item_sessions("other", 8, 3, 2);
    assert_eq!(
        suggest(&other_item, &exercise, Some(&allowed(Some(one_rep_up_to(None))))),
        None,
        "only the item's sessions"
    );
    let beyond = Progression {
        reps: 0,
        hold: Duration::from_secs(2),
        up_to_reps: None,
        up_to_hold: Some(Duration::from_secs(4)),
        after_days: 2,
    };
    let hold = suggest(&days, &exercise, Some(&allowed(Some(beyond))));
    assert!(
        matches!(hold, Some(Suggestion::Step { reps: None, hold: Some(h), days: 2, .. }) if h == Duration::from_secs(4)),
        "{hold:?}"
    );
}

#[test]
fn the_suggested_command_keeps_the_sessions_other_settings() {
    let exercise = trunk_rotation();
    let mut held = sessions(7, 4, &[None, None, None]);
    for record in &mut held {
        record.exercises[0].sets = 2;
    }
    let text = suggest(&held, &exercise, None).unwrap().to_string();
    assert!(text.ends_with("Try 8 reps per side: trunkrot --reps 8 --hold 4 --sets 2"), "{text}");
    let mut routine = sessions(7, 5, &[None, None, None]);
    for record in &mut routine {
        record.routine = Some("low-back".into());
    }
    let text = suggest(&routine, &exercise, None).unwrap().to_string();
    assert!(
        text.ends_with("in config.toml, `reps = 8` in [exercise.lower-trunk-rotation] (for routine low-back)"),
        "{text}"
    );
}

#[test]
fn a_false_start_with_no_hold_done_neither_breaks_a_steady_day_nor_makes_one_unless_for_pain() {
    let exercise = trunk_rotation();
    let steady = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    let mut false_start = steady[2].clone();
    false_start.start = crate::history::Started::parse("2026-06-03T07:00:00+02:00").unwrap();
    for side in &mut false_start.exercises[0].sides {
        side.done = 0;
    }
    false_start.exercises[0].completed = false;
    false_start.end = End::Stopped(Some(Why::NoTime));
    let with = |start: &Record| {
        let mut records = steady.clone();
        records.insert(2, start.clone());
        suggest(&records, &exercise, None)
    };
    assert!(matches!(with(&false_start), Some(Suggestion::MoreReps { to: 8, .. })), "{:?}", with(&false_start));
    false_start.end = End::Stopped(Some(Why::Pain));
    assert_eq!(with(&false_start), None, "stopped for pain, even before a hold, holds the step back");
}

#[test]
fn a_routine_stopped_because_it_hurt_eases_off_the_exercise_it_was_stopped_in_once() {
    let rotation = trunk_rotation();
    let mut tilt = rotation.clone();
    tilt.id = "pelvic-tilt".to_owned();
    let mut knee = rotation.clone();
    knee.id = "knee-to-chest".to_owned();
    let past = sessions(7, 5, &[Some(3), Some(3)]);
    let mut routine = sessions(7, 5, &[None]).remove(0);
    routine.routine = Some("low-back".into());
    let done = routine.exercises[0].clone();
    let first = |id: &str| ExerciseRecord { id: id.to_owned(), ..done.clone() };
    routine.exercises = vec![first("pelvic-tilt"), first("knee-to-chest"), ExerciseRecord { completed: false, ..done }];
    routine.end = End::Stopped(Some(Why::Pain));
    let exercises = [&tilt, &knee, &rotation];
    let said = advice(&past, Some(&routine), &exercises, None, None);
    assert!(
        matches!(said.as_slice(), [Suggestion::StoppedForPain { exercise, .. }] if *exercise == rotation.id),
        "only the exercise stopped in, once: {said:?}"
    );
    // A pain of 8 answered too: each exercise eases off, but the same words are said once.
    routine.checkin.pain = Pain::new(8);
    for exercise in &mut routine.exercises {
        exercise.reps = 5;
    }
    let said: Vec<String> =
        advice(&past, Some(&routine), &exercises, None, None).iter().map(ToString::to_string).collect();
    let high = said.iter().filter(|text| text.starts_with("Ease off: pain 8 out of 10 is high.")).count();
    assert_eq!(high, 1, "the same words once: {said:?}");
}

#[test]
fn nothing_steps_up_after_a_session_stopped_because_it_hurt_or_with_a_high_pain() {
    let rotation = trunk_rotation();
    let mut knee = rotation.clone();
    knee.id = "knee-to-chest".to_owned();
    // Three steady sessions of the rotation: alone they call for one more rep.
    let past = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    assert!(matches!(suggest(&past, &rotation, None), Some(Suggestion::MoreReps { .. })));
    // Then a routine stopped because it hurt in knee to chest, before the rotation was reached.
    let mut routine = sessions(7, 5, &[None]).remove(0);
    routine.start = past[2].start;
    routine.routine = Some("low-back".into());
    routine.exercises[0].id = knee.id.clone();
    routine.exercises[0].completed = false;
    routine.end = End::Stopped(Some(Why::Pain));
    let said = advice(&past, Some(&routine), &[&knee, &rotation], None, None);
    assert!(
        matches!(said.as_slice(), [Suggestion::StoppedForPain { exercise, .. }] if *exercise == knee.id),
        "no step up for the rotation: {said:?}"
    );
    // Run to its end with a pain of 8: the same.
    routine.end = End::Reached;
    routine.exercises[0].completed = true;
    routine.checkin.pain = Pain::new(8);
    let said = advice(&past, Some(&routine), &[&knee, &rotation], None, None);
    assert!(said.iter().all(Suggestion::is_warning), "{said:?}");
}
