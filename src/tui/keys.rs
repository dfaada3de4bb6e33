//! Which key does what: a pure mapping from key presses to actions.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::domain::session::Command;
use crate::history::{Effort, Pain};
use crate::tui::app::Action;

/// The action of a key event; `None` for releases, repeats and unbound keys.
pub fn action(key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Stop,
        KeyCode::Char('z') if ctrl => Action::Suspend,
        _ if ctrl => return None,
        KeyCode::Char(' ' | 'p') => Action::Session(Command::TogglePause),
        KeyCode::Char('s') | KeyCode::Right => Action::Session(Command::Skip),
        KeyCode::Char('b') | KeyCode::Left => Action::Session(Command::Back),
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        KeyCode::Char('?' | 'h') | KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::Up | KeyCode::Char('k') => Action::ScrollHelp(-1),
        KeyCode::Down | KeyCode::Char('j') => Action::ScrollHelp(1),
        KeyCode::PageUp => Action::ScrollHelp(-10),
        KeyCode::PageDown => Action::ScrollHelp(10),
        KeyCode::Enter => Action::Confirm,
        _ => return None,
    })
}

/// The key for a pain score of 10 in the check-in (the digits give 0 to 9).
pub const PAIN_TEN: char = 't';

/// The action of a key while the done screen asks the check-in questions: digits and
/// [`PAIN_TEN`] answer the pain question, e, r and h the effort one, Enter skips, q and Esc
/// leave.
pub fn checkin_action(key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return action(key);
    }
    Some(match key.code {
        KeyCode::Char(digit @ '0'..='9') => Action::Pain(Pain::new(digit as u8 - b'0')?),
        KeyCode::Char(PAIN_TEN) => Action::Pain(Pain::new(Pain::MAX)?),
        KeyCode::Char('e') => Action::Effort(Effort::Easy),
        KeyCode::Char('r') => Action::Effort(Effort::Right),
        KeyCode::Char('h') => Action::Effort(Effort::Hard),
        KeyCode::Enter => Action::Confirm,
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
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
        assert_eq!(action(press(KeyCode::Esc)), Some(Action::Quit));
        assert_eq!(action(press(KeyCode::Char('?'))), Some(Action::ToggleHelp));
    }

    #[test]
    fn control_keys_quit_and_suspend_but_others_are_ignored() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl('c')), Some(Action::Stop));
        assert_eq!(action(ctrl('z')), Some(Action::Suspend));
        assert_eq!(action(ctrl('s')), None, "Ctrl-S must not skip");
    }

    #[test]
    fn only_presses_count() {
        let mut release = press(KeyCode::Char('s'));
        release.kind = KeyEventKind::Release;
        assert_eq!(action(release), None);
    }

    #[test]
    fn checkin_keys_answer_skip_and_leave() {
        let answer = |c| checkin_action(press(KeyCode::Char(c)));
        assert_eq!(answer('0'), Some(Action::Pain(Pain::new(0).unwrap())));
        assert_eq!(answer('7'), Some(Action::Pain(Pain::new(7).unwrap())));
        assert_eq!(answer(PAIN_TEN), Some(Action::Pain(Pain::new(10).unwrap())));
        assert_eq!(answer('h'), Some(Action::Effort(Effort::Hard)), "h is hard here, not help");
        assert_eq!(answer('s'), None, "session keys do nothing in the check-in");
        assert_eq!(checkin_action(press(KeyCode::Enter)), Some(Action::Confirm));
        assert_eq!(checkin_action(press(KeyCode::Esc)), Some(Action::Quit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(checkin_action(ctrl_c), Some(Action::Stop));
    }
}
