use super::*;

fn typed(form: &mut Form, keys: &str) {
    for c in keys.chars() {
        form.type_char(c);
    }
}

#[test]
fn ten_is_typed_as_it_is_and_a_half_typed_answer_is_never_taken() {
    let mut form = Form::after(false, true, Checkin::default());
    assert_eq!(form.question(), Some(Question::Pain));
    typed(&mut form, "1");
    assert_eq!((form.typed(), form.answers().0.pain), ("1", None), "nothing taken before Enter");
    typed(&mut form, "0");
    form.confirm();
    assert_eq!(form.answers().0.pain, Pain::new(10));
    assert_eq!(form.question(), Some(Question::Hurt));
}

#[test]
fn digits_that_make_no_pain_are_refused_with_a_hint() {
    let mut form = Form::after(false, false, Checkin::default());
    typed(&mut form, "11");
    assert_eq!((form.typed(), form.hint()), ("1", Some("pain is a number from 0 to 10")));
    form.erase();
    typed(&mut form, "05x");
    assert_eq!(form.typed(), "0", "no 05, no letters");
    typed(&mut form, "");
    form.erase();
    assert_eq!(form.hint(), None);
    typed(&mut form, "7");
    form.confirm();
    assert_eq!(form.answers().0.pain, Pain::new(7));
}

#[test]
fn enter_with_nothing_typed_skips_and_every_question_is_asked_in_order() {
    use Question::{Effort as E, Hurt as H, Note as N, Pain as P, Spread as S, Why as W};
    let mut form = Form::after(true, true, Checkin::default());
    let mut asked = Vec::new();
    while let Some(question) = form.question() {
        asked.push(question);
        form.confirm();
    }
    assert_eq!(asked, [W, P, H, S, E, N]);
    assert_eq!(form.answers(), (Checkin::default(), None));
    let without_sides = Form::after(false, false, Checkin::default());
    assert_eq!(without_sides.questions, [P, S, E, N], "no side asked of an exercise without sides");
}

#[test]
fn an_answer_is_changed_by_going_back_and_backspace_edits_it() {
    let mut form = Form::after(false, false, Checkin { pain_before: Pain::new(2), ..Checkin::default() });
    typed(&mut form, "10");
    form.confirm();
    typed(&mut form, "y");
    form.confirm();
    form.previous();
    form.previous();
    assert_eq!((form.question(), form.typed()), (Some(Question::Pain), "10"), "the answer, ready to change");
    form.erase();
    form.confirm();
    assert_eq!(form.answers().0.pain, Pain::new(1), "Backspace took the 0 off");
    form.next();
    typed(&mut form, "3");
    form.confirm();
    let (answers, _) = form.answers();
    assert_eq!(answers.spread, Some(true), "kept as it was");
    assert_eq!((answers.effort, answers.pain_before), (Some(Effort::Hard), Pain::new(2)));
    form.reopen();
    assert_eq!((form.question(), form.typed()), (Some(Question::Pain), "1"));
    typed(&mut form, "4");
    assert_eq!(form.typed(), "4", "the first key typed replaces the answer shown");
}

#[test]
fn choices_take_their_key_and_a_note_any_letter() {
    let mut form = Form::after(true, true, Checkin::default());
    typed(&mut form, "x");
    assert_eq!(form.hint(), Some("press the key of one of the choices"));
    typed(&mut form, "21");
    assert_eq!(form.typed(), "1", "a second choice replaces the first");
    form.confirm();
    form.confirm();
    typed(&mut form, "4");
    form.confirm();
    typed(&mut form, "Y");
    form.confirm();
    typed(&mut form, "2");
    form.confirm();
    typed(&mut form, "q uit \u{1b}[2J");
    form.confirm();
    assert_eq!(form.question(), None);
    let (answers, why) = form.answers();
    assert_eq!(why, Some(Why::Pain));
    assert_eq!(
        (answers.hurt, answers.spread, answers.effort),
        (Some(Hurt::Neither), Some(true), Some(Effort::AboutRight))
    );
    assert_eq!(answers.note.map(|n| n.to_string()), Some("q uit [2J".to_owned()), "cleaned");
}

#[test]
fn plain_mode_answers_a_line_by_key_or_by_word_and_refuses_the_rest() {
    let mut form = Form::after(false, true, Checkin::default());
    assert_eq!(Question::Pain.prompt(), "Pain now, 0 to 10 (Enter to skip):");
    assert_eq!(form.answer_line("ten"), Err("pain is a number from 0 to 10, or just Enter to skip"));
    assert_eq!(form.answer_line(" 10 "), Ok(()));
    assert_eq!(Question::Hurt.prompt(), "Which side hurt? 1 left, 2 right, 3 both, 4 neither (Enter to skip):");
    assert_eq!(form.answer_line("Right"), Ok(()));
    assert_eq!(form.answer_line("maybe"), Err("type the key or the word of one of the choices, or just Enter to skip"));
    assert_eq!(form.answer_line("yes"), Ok(()));
    assert_eq!(form.answer_line(""), Ok(()), "Enter skips");
    assert_eq!(form.answer_line("sore left hip"), Ok(()));
    let (answers, _) = form.answers();
    assert_eq!((answers.pain, answers.hurt, answers.spread), (Pain::new(10), Some(Hurt::Right), Some(true)));
    assert_eq!((answers.effort, answers.note.map(|n| n.to_string())), (None, Some("sore left hip".to_owned())));
}

#[test]
fn closing_keeps_what_was_confirmed_and_drops_what_was_not() {
    let mut form = Form::before();
    assert_eq!(form.question(), Some(Question::PainBefore));
    typed(&mut form, "6");
    form.close();
    assert_eq!((form.question(), form.answers().0), (None, Checkin::default()));
}

#[test]
fn the_psfs_activities_are_asked_before_the_note_each_by_name_and_kept_in_the_programmes_order() {
    let activities = ["Putting on socks".to_owned(), "Getting out of the car".to_owned()];
    let mut form = Form::after(false, false, Checkin::default()).with_psfs(&activities);
    for line in ["3", "", "", "7"] {
        form.answer_line(line).expect("an answer");
    }
    assert_eq!(form.question(), Some(Question::Psfs(1)), "pain, spread, effort, then the first activity");
    assert_eq!(
        form.words(Question::Psfs(1)),
        "Getting out of the car: how well can you do it now? 0 unable, 10 as well as before the problem"
    );
    assert_eq!(form.prompt(Question::Psfs(1)), format!("{} (Enter to skip):", form.words(Question::Psfs(1))));
    assert_eq!(form.answer_line("11"), Err("a score is a number from 0 to 10, or just Enter to skip"));
    typed(&mut form, "12");
    assert_eq!((form.typed(), form.hint()), ("1", Some("a score is a number from 0 to 10")));
    form.erase();
    form.answer_line("5").expect("a score");
    assert_eq!(form.question(), Some(Question::Note));
    form.previous();
    form.previous();
    assert_eq!((form.question(), form.typed()), (Some(Question::Psfs(0)), "7"), "its answer ready to change");
    form.answer_line("4").expect("changed");
    let scores: Vec<(String, u8)> = form.answers().0.psfs.into_iter().map(|p| (p.activity, p.score)).collect();
    assert_eq!(scores, [("Putting on socks".to_owned(), 4), ("Getting out of the car".to_owned(), 5)]);
    assert_eq!(
        Form::after(false, false, Checkin::default()).with_psfs(&[]),
        Form::after(false, false, Checkin::default())
    );
}

#[test]
fn a_full_note_takes_no_more_and_says_why() {
    let mut form = Form::of(vec![Question::Note], Checkin::default());
    typed(&mut form, &"a".repeat(Note::MAX_CHARS));
    assert_eq!(form.hint(), None);
    typed(&mut form, "b");
    assert_eq!((form.typed().chars().count(), form.hint()), (Note::MAX_CHARS, Some(NOTE_FULL)));
    assert!(NOTE_FULL.contains(&Note::MAX_CHARS.to_string()), "the hint says the limit in force");
    form.erase();
    assert_eq!(form.hint(), None, "taking one back makes room again");

    let mut plain = Form::of(vec![Question::Note], Checkin::default());
    let long = "b".repeat(Note::MAX_CHARS + 1);
    assert_eq!(plain.answer_line(&long), Err(NOTE_TOO_LONG), "a line too long is asked again, not cut unseen");
    assert!(NOTE_TOO_LONG.contains(&Note::MAX_CHARS.to_string()));
    assert_eq!(plain.question(), Some(Question::Note));
    assert_eq!(plain.answer_line(&long[1..]), Ok(()));
    assert_eq!(plain.answers().0.note.map(|note| note.as_str().len()), Some(Note::MAX_CHARS));
}
