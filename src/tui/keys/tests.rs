use super::*;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_documented_keys_do_what_the_footer_says() {
    let pause = Some(Action::Session(Command::TogglePause));
    assert_eq!(action(press(KeyCode::Char(' '))), pause);
    assert_eq!(action(press(KeyCode::Char('p'))), pause);
    assert_eq!(action(press(KeyCode::Right)), Some(Action::Session(Command::Skip)));
    assert_eq!(action(press(KeyCode::Char('b'))), Some(Action::Session(Command::Back)));
    assert_eq!(action(press(KeyCode::Char('q'))), Some(Action::Quit));
    assert_eq!(action(press(KeyCode::Esc)), Some(Action::Close), "Esc never stops");
    assert_eq!(action(press(KeyCode::Enter)), None, "Enter does nothing in a session");
    assert_eq!(action(press(KeyCode::Char('?'))), Some(Action::ToggleHelp));
}

#[test]
fn control_keys_quit_and_suspend_but_others_are_ignored() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(action(ctrl('c')), Some(Action::Stop));
    assert_eq!(action(ctrl('z')), Some(Action::Suspend));
    assert_eq!(action(ctrl('s')), None, "Ctrl-S must not skip");
    assert_eq!(checkin_action(ctrl('c'), Kind::Text), Some(Action::Stop), "Ctrl-C is no letter of a note");
}

#[test]
fn every_bound_key_is_in_the_help_text_and_acts() {
    let help = help_text();
    for (_, table) in TABLES {
        for binding in table {
            assert!(help.contains(binding.keys), "{} is missing from --help", binding.keys);
            for code in binding.codes {
                assert!((binding.act)(*code).is_some(), "{} gives no action", binding.keys);
            }
        }
    }
    for word in ["h, F1", "Up, k", "Down, j", "PageUp", "PageDown", "Up, Shift-Tab"] {
        assert!(help.contains(word), "{word}: {help}");
    }
}

#[test]
fn the_readme_key_tables_are_this_table() {
    let readme = include_str!("../../../README.md");
    for (_, table) in TABLES {
        for binding in table {
            let row = format!("| {} | {} |", binding.keys, binding.does);
            assert!(readme.contains(&row), "README's Keys section lacks `{row}`");
        }
    }
}

#[test]
fn no_key_means_one_thing_in_the_session_and_another_in_the_check_in_or_on_the_done_screen() {
    // h, ? and F1 are the instructions in the session: nothing else anywhere.
    for (_, table) in &TABLES[1..] {
        for binding in *table {
            for code in [KeyCode::Char('h'), KeyCode::Char('?'), KeyCode::F(1), KeyCode::Char('s'), KeyCode::Char('b')]
            {
                assert!(!binding.codes.contains(&code), "{code:?} is bound in the check-in or done screen");
            }
        }
    }
    assert_eq!(checkin_action(press(KeyCode::Char('h')), Kind::Choice), Some(Action::Type('h')), "no answer: a hint");
}

#[test]
fn the_footer_shortens_to_fit() {
    assert_eq!(footer(SESSION, 80), "Space pause · s/→ skip · b/← back · ? instructions · q stop");
    assert_eq!(footer(SESSION, 50), "Spc pause s skip b back ? help q stop");
    assert_eq!(footer(SESSION, 30), "Spc pause s skip q stop");
    assert_eq!(footer(CHECKIN, 80), "Backspace: correct · Enter: confirm or skip · ↑ back · Esc: close");
    assert_eq!(footer(CHECKIN, 30), "Bksp Enter ok ↑ back Esc close");
    assert_eq!(footer(CHECKIN, 20), "Enter ok Esc close");
    assert_eq!(footer(DONE, 80), "Enter, q or Esc: exit · c: change answers");
}

#[test]
fn only_presses_count() {
    let mut release = press(KeyCode::Char('s'));
    release.kind = KeyEventKind::Release;
    assert_eq!(action(release), None);
    let mut typed = press(KeyCode::Char('7'));
    typed.kind = KeyEventKind::Release;
    assert_eq!(checkin_action(typed, Kind::Pain), None);
}

#[test]
fn checkin_keys_type_correct_confirm_and_move() {
    let key = |c, kind| checkin_action(press(KeyCode::Char(c)), kind);
    assert_eq!(key('1', Kind::Pain), Some(Action::Type('1')));
    assert_eq!(key('y', Kind::Choice), Some(Action::Type('y')));
    assert_eq!(key('q', Kind::Choice), Some(Action::Quit));
    assert_eq!(key('q', Kind::Text), Some(Action::Type('q')), "q is a letter of a note");
    assert_eq!(key(' ', Kind::Text), Some(Action::Type(' ')));
    assert_eq!(checkin_action(press(KeyCode::Backspace), Kind::Pain), Some(Action::Erase));
    assert_eq!(checkin_action(press(KeyCode::Enter), Kind::Text), Some(Action::Confirm));
    assert_eq!(checkin_action(press(KeyCode::Up), Kind::Choice), Some(Action::Previous));
    assert_eq!(checkin_action(press(KeyCode::Tab), Kind::Choice), Some(Action::Next));
    assert_eq!(checkin_action(press(KeyCode::Esc), Kind::Text), Some(Action::Close));
    assert_eq!(done_action(press(KeyCode::Enter)), Some(Action::Quit));
    assert_eq!(done_action(press(KeyCode::Char('c'))), Some(Action::Change));
    assert_eq!(done_action(press(KeyCode::Char('s'))), None);
}
