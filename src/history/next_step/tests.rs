use super::*;
use crate::domain::checkin::{Checkin, Pain};
use crate::domain::exercise;
use crate::domain::side::Side;
use crate::domain::summary::SideReps;
use crate::history::tests::{exercise_record, record};

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
    let suggestion = suggest(&sessions(7, 5, &[Some(3), Some(3), Some(2)]), &exercise);
    assert_eq!(suggestion, Some(Suggestion::MoreReps { exercise: exercise.id.clone(), to: 8 }));
    assert_eq!(
        suggestion.unwrap().to_string(),
        "Next step: 3 sessions in a row done in full, no rise in pain reported. Try 8 reps per side: trunkrot --reps 8"
    );
    assert!(suggest(&sessions(7, 5, &[None, None, None]), &exercise).is_some(), "no answers is no rise");
}

#[test]
fn two_sessions_or_a_change_of_settings_are_not_enough() {
    let exercise = trunk_rotation();
    assert_eq!(suggest(&sessions(7, 5, &[Some(3), Some(3)]), &exercise), None);
    let mut changed = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    changed[0].exercises[0].reps = 6;
    assert_eq!(suggest(&changed, &exercise), None);
}

#[test]
fn a_session_stopped_early_or_felt_hard_holds_the_step_back() {
    let exercise = trunk_rotation();
    let mut stopped = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    stopped[1].exercises[0].completed = false;
    assert_eq!(suggest(&stopped, &exercise), None);
    let mut skipped = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    skipped[2].exercises[0].sides[1].done = 6;
    assert_eq!(suggest(&skipped, &exercise), None, "a skipped hold is not a session done in full");
    let mut hard = sessions(7, 5, &[Some(3), Some(3), Some(3)]);
    hard[2].checkin.effort = Some(Effort::Hard);
    assert_eq!(suggest(&hard, &exercise), None);
}

#[test]
fn pain_up_by_one_neither_steps_up_nor_eases_off() {
    assert_eq!(suggest(&sessions(7, 5, &[Some(3), Some(3), Some(4)]), &trunk_rotation()), None);
}

#[test]
fn pain_up_by_two_suggests_easing_off_within_the_range() {
    let exercise = trunk_rotation();
    let rising = sessions(7, 5, &[Some(4), Some(2), Some(4)]);
    assert_eq!(
        suggest(&rising, &exercise),
        Some(Suggestion::EaseOff { exercise: exercise.id.clone(), from: 2, to: 4, reps: Some(6) })
    );
    let text = suggest(&rising, &exercise).unwrap().to_string();
    assert!(text.starts_with("Ease off: pain went up from 2 to 4. Try 6 reps per side (trunkrot --reps 6)"), "{text}");
    let at_the_bottom = sessions(5, 5, &[Some(1), Some(5)]);
    assert_eq!(
        suggest(&at_the_bottom, &exercise),
        Some(Suggestion::EaseOff { exercise: exercise.id, from: 1, to: 5, reps: None })
    );
}

#[test]
fn at_the_top_of_the_reps_the_hold_grows_then_a_variation_is_offered() {
    let exercise = trunk_rotation();
    assert_eq!(
        suggest(&sessions(10, 3, &[None, None, None]), &exercise),
        Some(Suggestion::LongerHold { exercise: exercise.id.clone(), to: Duration::from_secs(5) }),
        "one step, kept within the 3 to 5 s range"
    );
    let top = suggest(&sessions(10, 5, &[None, None, None]), &exercise);
    assert!(matches!(top, Some(Suggestion::Variation { .. })), "{top:?}");
}

#[test]
fn only_the_exercise_s_own_sessions_count() {
    let mut other = trunk_rotation();
    other.id = "pelvic-tilt".to_owned();
    assert_eq!(suggest(&sessions(7, 5, &[None, None, None]), &other), None);
    let mut theirs = sessions(7, 5, &[None, None, None]);
    for record in &mut theirs {
        record.exercises[0].id = other.id.clone();
    }
    let text = suggest(&theirs, &other).unwrap().to_string();
    assert!(text.ends_with("trunkrot --exercise pelvic-tilt --reps 8"), "{text}");
}

#[test]
fn a_high_pain_answer_alone_calls_for_easing_off() {
    let exercise = trunk_rotation();
    let suggestion = suggest(&sessions(7, 5, &[Some(9)]), &exercise);
    assert_eq!(suggestion, Some(Suggestion::HighPain { exercise: exercise.id.clone(), pain: 9, reps: Some(6) }));
    assert!(suggestion.unwrap().to_string().starts_with("Ease off: pain 9 out of 10 is high. Try 6 reps per side"));
    assert_eq!(suggest(&sessions(7, 5, &[Some(7)]), &exercise), None, "7 alone is not high");
    let rise = suggest(&sessions(7, 5, &[Some(6), Some(9)]), &exercise);
    assert!(matches!(rise, Some(Suggestion::EaseOff { from: 6, to: 9, .. })), "a rise is named as one: {rise:?}");
}

#[test]
fn stopping_because_it_hurt_calls_for_easing_off() {
    let exercise = trunk_rotation();
    let mut stopped = sessions(7, 5, &[Some(3), Some(3), None]);
    stopped[2].end = End::Stopped(Some(Why::Pain));
    stopped[2].exercises[0].completed = false;
    let suggestion = suggest(&stopped, &exercise);
    assert_eq!(suggestion, Some(Suggestion::StoppedForPain { exercise: exercise.id.clone(), reps: Some(6) }));
    let text = suggestion.unwrap().to_string();
    assert!(text.starts_with("Ease off: you stopped because it hurt. Try 6 reps per side"), "{text}");
    stopped[2].end = End::Stopped(Some(Why::NoTime));
    assert_eq!(suggest(&stopped, &exercise), None, "no time is no reason to ease off, nor to step up");
}

#[test]
fn pain_that_spread_calls_for_a_clinician_before_anything_else() {
    let exercise = trunk_rotation();
    let mut spread = sessions(7, 5, &[Some(3), Some(3), Some(9)]);
    spread[2].checkin.spread = Some(true);
    assert_eq!(suggest(&spread, &exercise), Some(Suggestion::SeeClinician));
    assert!(Suggestion::SeeClinician.to_string().contains("buttock or down a leg"));
    spread[2].checkin.spread = Some(false);
    assert!(matches!(suggest(&spread, &exercise), Some(Suggestion::EaseOff { .. })));
}

#[test]
fn the_advice_after_a_session_reads_the_past_and_the_session_and_says_a_warning_once() {
    let exercise = trunk_rotation();
    let past = sessions(7, 5, &[Some(3), Some(3)]);
    let this = &sessions(7, 5, &[Some(2)])[0];
    let more = advice(&past, Some(this), &[&exercise]);
    assert_eq!(more, [Suggestion::MoreReps { exercise: exercise.id.clone(), to: 8 }], "the third session is this one");
    assert_eq!(advice(&past, None, &[&exercise]), [], "without it, two are not enough");
    let mut routine = this.clone();
    let mut tilt = exercise.clone();
    tilt.id = "pelvic-tilt".to_owned();
    routine.exercises.push(ExerciseRecord { id: tilt.id.clone(), ..exercise_record() });
    routine.checkin.spread = Some(true);
    assert_eq!(advice(&past, Some(&routine), &[&exercise, &tilt]), [Suggestion::SeeClinician]);
}
