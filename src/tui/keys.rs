//! Which key does what: the one table of key bindings. The key map, the footer, the `?`
//! overlay's list, `--help` and the man page are all made from it, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::domain::checkin::form::Kind;
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

/// The keys during a session.
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
        codes: &[KeyCode::Char('q')],
        keys: "q",
        does: "stop early: it asks first, and q again stops; the check-in follows",
        act: |_| Some(Action::Quit),
        hint: Some(Hint { wide: "q stop", short: "q stop", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Esc],
        keys: "Esc",
        does: "close the instructions or the question to stop; it never ends the session",
        act: |_| Some(Action::Close),
        hint: None,
    },
    Binding {
        ctrl: true,
        codes: &[KeyCode::Char('c')],
        keys: "Ctrl-C",
        does: "stop at once, whatever is shown (kept as stopped early; exit status 130)",
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

/// The digits, which type a pain or pick a numbered choice.
const DIGITS: &[KeyCode] = &[
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
];

/// The keys while a check-in question is asked (on the done screen, or the pain before the
/// session on the get-ready screen); Ctrl keys act as in [`SESSION`]. While a note is typed,
/// every printable key is part of it (q too).
pub const CHECKIN: &[Binding] = &[
    Binding {
        ctrl: false,
        codes: DIGITS,
        keys: "0-9",
        does: "type your pain (0 to 10: 1 then 0 is 10) or the number of a choice",
        act: typed,
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('y'), KeyCode::Char('n')],
        keys: "y, n",
        does: "yes or no",
        act: typed,
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Backspace],
        keys: "Backspace",
        does: "take back what you typed",
        act: |_| Some(Action::Erase),
        hint: Some(Hint { wide: "Backspace: correct", short: "Bksp", essential: false }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Enter],
        keys: "Enter",
        does: "confirm the answer; with nothing typed, skip the question",
        act: |_| Some(Action::Confirm),
        hint: Some(Hint { wide: "Enter: confirm or skip", short: "Enter ok", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Up, KeyCode::BackTab],
        keys: "Up, Shift-Tab",
        does: "back to the question before, to change its answer",
        act: |_| Some(Action::Previous),
        hint: Some(Hint { wide: "↑ back", short: "↑ back", essential: false }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Down, KeyCode::Tab],
        keys: "Down, Tab",
        does: "on to the next question, keeping this answer",
        act: |_| Some(Action::Next),
        hint: None,
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Esc],
        keys: "Esc",
        does: "close the check-in; the answers given are kept",
        act: |_| Some(Action::Close),
        hint: Some(Hint { wide: "Esc: close", short: "Esc close", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('q')],
        keys: "q",
        does: "leave at once; the answers given are kept (in a note, q is a letter)",
        act: |_| Some(Action::Quit),
        hint: None,
    },
];

/// The keys on the done screen once the check-in is over.
pub const DONE: &[Binding] = &[
    Binding {
        ctrl: false,
        codes: &[KeyCode::Enter, KeyCode::Char('q'), KeyCode::Esc],
        keys: "Enter, q, Esc",
        does: "leave the done screen",
        act: |_| Some(Action::Quit),
        hint: Some(Hint { wide: "Enter, q or Esc: exit", short: "Enter: exit", essential: true }),
    },
    Binding {
        ctrl: false,
        codes: &[KeyCode::Char('c')],
        keys: "c",
        does: "change your answers to the check-in",
        act: |_| Some(Action::Change),
        hint: Some(Hint { wide: "c: change answers", short: "c: change", essential: false }),
    },
];

/// A key that types itself into an answer.
fn typed(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char(c) => Some(Action::Type(c)),
        _ => None,
    }
}

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

/// The action of a key while a check-in question of `kind` is asked: see [`CHECKIN`]. In a
/// note every printable key types itself; elsewhere q leaves, and any other printable key is
/// typed too, so that a key which is no answer gets a hint rather than nothing.
pub fn checkin_action(key: KeyEvent, kind: Kind) -> Option<Action> {
    let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if key.kind == KeyEventKind::Press
        && plain
        && let KeyCode::Char(c) = key.code
    {
        return Some(if c == 'q' && kind != Kind::Text { Action::Quit } else { Action::Type(c) });
    }
    lookup(CHECKIN, key)
}

/// The action of a key on the done screen once the check-in is over.
pub fn done_action(key: KeyEvent) -> Option<Action> {
    lookup(DONE, key)
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

/// The table as two columns of text at `width` columns, one binding a line, each line starting
/// with `indent`: a description too long for its line goes on under itself, not under the keys.
pub fn listing(table: &[Binding], indent: &str, width: usize) -> String {
    let keys = table.iter().map(|binding| binding.keys.chars().count()).max().unwrap_or(0);
    let line = |binding: &Binding| {
        crate::domain::width::hanging(&format!("{indent}{:<keys$}  ", binding.keys), binding.does, width)
    };
    table.iter().map(line).collect()
}

/// Every table, with the words that introduce it: `--help`, the man page and the README list
/// them in this order.
pub const TABLES: [(&str, &[Binding]); 3] = [
    ("Keys during a session:", SESSION),
    ("The check-in (at the end, and before the start with --checkin-before):", CHECKIN),
    ("The done screen:", DONE),
];

/// The keys as `--help` lists them, after the flags, unwrapped.
pub fn help_text() -> String {
    help_text_at(usize::MAX)
}

/// The keys as `--help` lists them at `width` columns.
pub fn help_text_at(width: usize) -> String {
    let mut text = String::new();
    for (title, table) in TABLES {
        text.push_str(&crate::domain::width::wrap_lines(title, width));
        text.push_str(&listing(table, "  ", width));
    }
    text.push('\n');
    text.push_str(&crate::domain::width::wrap_lines(
        "Durations may be given as seconds (5) or with units (90s, 1m30s).",
        width,
    ));
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests;
