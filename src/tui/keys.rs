//! Which key does what: the one table of key bindings. The key map, the footer, the `?`
//! overlay's list, `--help` and the man page are all made from it, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::domain::checkin::{Effort, Pain};
use crate::domain::session::Command;
use crate::tui::app::Action;

/// One binding: the keys, what they do in words, and the action they give.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Held with Ctrl.
    pub ctrl: bool,
    pub codes: &'static [KeyCode],
    /// The keys as people write them: `Space, p`.
    pub keys: &'static str,
    /// What they do: `pause or resume`.
    pub does: &'static str,
    /// The action of one of [`Binding::codes`]; `None` if it has none after all.
    pub act: fn(KeyCode) -> Option<Action>,
    /// How the footer names it, if it does.
    pub hint: Option<Hint>,
}

/// A binding in the footer: wide, short (for narrower terminals), and whether it stays when
/// only the essentials fit.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub wide: &'static str,
    pub short: &'static str,
    pub essential: bool,
}

/// The keys during a session (and on the done screen, where Enter, q and Esc leave).
pub const SESSION: &[Binding] = &[
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char(' '), KeyCode::Char('p')],
        keys: "Space, p",
        does: "pause or resume",
        act: |_| Some(Action::Session(Command::TogglePause)),
        hint: Some(Hint { wide: "Space pause", short: "Spc pause", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('s'), KeyCode::Right],
        keys: "s, Right",
        does: "skip to the next phase",
        act: |_| Some(Action::Session(Command::Skip)),
        hint: Some(Hint { wide: "s/→ skip", short: "s skip", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('b'), KeyCode::Left],
        keys: "b, Left",
        does: "restart this phase (or go back one, if it has just begun)",
        act: |_| Some(Action::Session(Command::Back)),
        hint: Some(Hint { wide: "b/← back", short: "b back", essential: false }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('?'), KeyCode::Char('h'), KeyCode::F(1)],
        keys: "?, h, F1",
        does: "show or hide the instructions (the session pauses)",
        act: |_| Some(Action::ToggleHelp),
        hint: Some(Hint { wide: "? instructions", short: "? help", essential: false }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Up, KeyCode::Char('k')],
        keys: "Up, k",
        does: "scroll the instructions up",
        act: |_| Some(Action::ScrollHelp(-1)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Down, KeyCode::Char('j')],
        keys: "Down, j",
        does: "scroll the instructions down",
        act: |_| Some(Action::ScrollHelp(1)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::PageUp],
        keys: "PageUp",
        does: "scroll the instructions up a page",
        act: |_| Some(Action::PageHelp(-1)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::PageDown],
        keys: "PageDown",
        does: "scroll the instructions down a page",
        act: |_| Some(Action::PageHelp(1)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Home],
        keys: "Home",
        does: "scroll to the top of the instructions",
        act: |_| Some(Action::ScrollHelp(i16::MIN)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::End],
        keys: "End",
        does: "scroll to the end of the instructions",
        act: |_| Some(Action::ScrollHelp(i16::MAX)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('q'), KeyCode::Esc],
        keys: "q, Esc",
        does: "close the instructions; stop early (a summary is printed); leave the done screen",
        act: |_| Some(Action::Quit),
        hint: Some(Hint { wide: "q quit", short: "q quit", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Enter],
        keys: "Enter",
        does: "leave the done screen",
        act: |_| Some(Action::Confirm),
        hint: None,
    },
    Binding {
        ctrl: true,
        codes: &[KeyCode::Char('c')],
        keys: "Ctrl-C",
        does: "stop at once, whatever is shown",
        act: |_| Some(Action::Stop),
        hint: None,
    },
    Binding {
        ctrl: true,
        codes: &[KeyCode::Char('z')],
        keys: "Ctrl-Z",
        does: "suspend (the session pauses; `fg` brings it back)",
        act: |_| Some(Action::Suspend),
        hint: None,
    },
];

/// The key for a pain score of 10 in the check-in (the digits give 0 to 9).
pub const PAIN_TEN: char = 't';

/// The keys while the done screen asks the check-in questions; Ctrl keys act as in
/// [`SESSION`].
pub const CHECKIN: &[Binding] = &[
    Binding {
        ctrl: false,
        codes: &[
            KeyCode::Char('0'),
            KeyCode::Char('1'),
            KeyCode::Char('2'),
            KeyCode::Char('3'),
            KeyCode::Char('4'),
            KeyCode::Char('5'),
            KeyCode::Char('6'),
            KeyCode::Char('7'),
            KeyCode::Char('8'),
            KeyCode::Char('9'),
            KeyCode::Char(PAIN_TEN),
        ],
        keys: "0-9, t",
        does: "rate the pain (t is 10)",
        act: |code| match code {
            KeyCode::Char(digit @ '0'..='9') => Some(Action::Pain(Pain::new(digit as u8 - b'0')?)),
            _ => Some(Action::Pain(Pain::new(Pain::MAX)?)),
        },
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('e')],
        keys: "e",
        does: "it felt easy",
        act: |_| Some(Action::Effort(Effort::Easy)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('r')],
        keys: "r",
        does: "it felt about right",
        act: |_| Some(Action::Effort(Effort::AboutRight)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('h')],
        keys: "h",
        does: "it felt hard",
        act: |_| Some(Action::Effort(Effort::Hard)),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Enter],
        keys: "Enter",
        does: "skip the question",
        act: |_| Some(Action::Confirm),
        hint: Some(Hint { wide: "Enter: skip", short: "Enter: skip", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('q'), KeyCode::Esc],
        keys: "q, Esc",
        does: "leave",
        act: |_| Some(Action::Quit),
        hint: Some(Hint { wide: "q or Esc: exit", short: "q or Esc: exit", essential: true }),
    },
];

/// The action of `key` in `table`; `None` for releases, repeats and unbound keys.
fn lookup(table: &[Binding], key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let table = if ctrl { SESSION } else { table };
    let binding = table.iter().find(|binding| binding.ctrl == ctrl && binding.codes.contains(&key.code))?;
    (binding.act)(key.code)
}

/// The action of a key event during a session; `None` for releases, repeats and unbound keys.
pub fn action(key: KeyEvent) -> Option<Action> {
    lookup(SESSION, key)
}

/// The action of a key while the done screen asks the check-in questions: digits and
/// [`PAIN_TEN`] answer the pain question, e, r and h the effort one, Enter skips, q and Esc
/// leave.
pub fn checkin_action(key: KeyEvent) -> Option<Action> {
    lookup(CHECKIN, key)
}

/// The footer's line of keys for `table` in `width` columns: wide, short, or the essentials.
pub fn footer(table: &[Binding], width: u16) -> String {
    let hints = || table.iter().filter_map(|binding| binding.hint);
    let wide: Vec<&str> = hints().map(|hint| hint.wide).collect();
    let wide = wide.join(" · ");
    if wide.chars().count() <= usize::from(width) {
        return wide;
    }
    let short: Vec<&str> = hints().map(|hint| hint.short).collect();
    if short.join(" ").chars().count() <= usize::from(width) {
        return short.join(" ");
    }
    let essential: Vec<&str> = hints().filter(|hint| hint.essential).map(|hint| hint.short).collect();
    essential.join(" ")
}

/// The done screen's footer, once the check-in is over: the keys that leave it.
pub const DONE_FOOTER: &str = "Enter, q or Esc: exit";

/// The table as two columns of text, one binding a line, each line starting with `indent`.
pub fn listing(table: &[Binding], indent: &str) -> Vec<String> {
    let width = table.iter().map(|binding| binding.keys.chars().count()).max().unwrap_or(0);
    table.iter().map(|binding| format!("{indent}{:<width$}  {}", binding.keys, binding.does)).collect()
}

/// The keys as `--help` lists them, after the flags.
pub fn help_text() -> String {
    let mut text = String::from("Keys during a session:\n");
    text.push_str(&listing(SESSION, "  ").join("\n"));
    text.push_str("\nAt the end, the check-in:\n");
    text.push_str(&listing(CHECKIN, "  ").join("\n"));
    text.push_str("\n\nDurations may be given as seconds (5) or with units (90s, 1m30s).");
    text
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
    fn every_bound_key_is_in_the_help_text_and_acts() {
        let help = help_text();
        for binding in SESSION.iter().chain(CHECKIN) {
            assert!(help.contains(binding.keys), "{} is missing from --help", binding.keys);
            for code in binding.codes {
                assert!((binding.act)(*code).is_some(), "{} gives no action", binding.keys);
            }
        }
        for word in ["h, F1", "Up, k", "Down, j", "PageUp", "PageDown"] {
            assert!(help.contains(word), "{word}: {help}");
        }
    }

    #[test]
    fn the_readme_key_tables_are_this_table() {
        let readme = include_str!("../../README.md");
        for binding in SESSION.iter().chain(CHECKIN) {
            let row = format!("| {} | {} |", binding.keys, binding.does);
            assert!(readme.contains(&row), "README's Keys section lacks `{row}`");
        }
    }

    #[test]
    fn the_footer_shortens_to_fit() {
        assert_eq!(footer(SESSION, 80), "Space pause · s/→ skip · b/← back · ? instructions · q quit");
        assert_eq!(footer(SESSION, 50), "Spc pause s skip b back ? help q quit");
        assert_eq!(footer(SESSION, 30), "Spc pause s skip q quit");
        assert_eq!(footer(CHECKIN, 80), "Enter: skip · q or Esc: exit");
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
