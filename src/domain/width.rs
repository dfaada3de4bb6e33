//! Text fitted to columns by its display width (a CJK character takes two, a combining accent
//! none), the one way every table, listing and snippet fits or wraps text.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How many columns `text` takes on a terminal.
pub fn columns(text: &str) -> usize {
    text.width()
}

/// `text` in at most `width` columns: whole if it fits, else cut and ended with `…`.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut short = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        short.push(c);
    }
    if width > 0 {
        short.push('…');
    }
    short
}

/// `text`'s words in lines of at most `width` columns; a word longer than that has a line of its
/// own. Never empty: empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_from(text, width, false)
}

/// [`wrap`], for `text` that starts inside a command in backquotes when `open_code`.
fn wrap_from(text: &str, width: usize, mut open_code: bool) -> Vec<String> {
    // Words that stay together where they fit: a number and its unit, a command in backquotes.
    let mut words: Vec<String> = Vec::new();
    let split: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in split.iter().enumerate() {
        let fits = |last: &String| last.width() + 1 + word.width() <= width;
        let closed = || split[i..].iter().any(|w| w.contains('`'));
        match words.last_mut() {
            Some(last) if glued(last, word, open_code && closed()) && fits(last) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push((*word).to_owned()),
        }
        open_code ^= odd_backquotes(word);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in &words {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// As [`wrap`], but a word wider than `width` is cut across lines, so none of it is lost off the
/// edge: for a screen, where a line is cut at its area's edge (a note typed without a space).
pub fn wrap_cut(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for line in wrap(text, width) {
        let mut piece = String::new();
        for c in line.chars() {
            if !piece.is_empty() && piece.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut piece));
            }
            piece.push(c);
        }
        lines.push(piece);
    }
    lines
}

/// `lead` then `text` wrapped to `width` columns, each later line indented as far as `lead`
/// goes, so the text stands in a column of its own; ends with a newline. When `lead` leaves the
/// text fewer than 20 columns, the later lines are indented by 4 instead.
pub fn hanging(lead: &str, text: &str, width: usize) -> String {
    let mut indent = columns(lead);
    if width < indent + 20 {
        indent = 4.min(indent);
    }
    let mut out = String::new();
    let first_room = width.saturating_sub(columns(lead)).max(1);
    let mut lines = wrap(text, first_room).into_iter();
    let first = lines.next().unwrap_or_default();
    out.push_str(lead);
    out.push_str(&first);
    out.push('\n');
    let rest: Vec<String> = lines.collect();
    let rest = wrap_from(&rest.join(" "), width.saturating_sub(indent).max(1), odd_backquotes(&first));
    for line in rest.into_iter().filter(|l| !l.is_empty()) {
        out.push_str(&" ".repeat(indent));
        out.push_str(&line);
        out.push('\n');
    }
    out.trim_end_matches(' ').to_owned()
}

/// Every line of `text` that is wider than `width` wrapped at its words, its later lines
/// indented two columns past the line's own indent; lines that fit are left as they are. The
/// first line keeps its spacing as written (a table's aligned columns stay aligned).
pub fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if columns(line) <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let Some(at) = last_break(line, indent, width) else {
            // No break within the width: a first word too long for the line, which has a line
            // of its own, or one that must stay with what follows (`20 s`, a command).
            let first = hanging(&line[..indent], line.trim_start(), width);
            let mut lines = first.lines();
            if let Some(head) = lines.next() {
                out.push_str(head);
                out.push('\n');
            }
            let rest: Vec<&str> = lines.map(str::trim_start).collect();
            if !rest.is_empty() {
                out.push_str(&hanging(&" ".repeat(indent + 2), &rest.join(" "), width));
            }
            continue;
        };
        out.push_str(line[..at].trim_end());
        out.push('\n');
        // Later lines two columns further in than the line itself: a continuation.
        out.push_str(&hanging(&" ".repeat(indent + 2), line[at..].trim_start(), width));
    }
    out
}

/// Where `line` can break, past its indent, with everything before it within `width`
/// columns: the last such space, if any.
fn last_break(line: &str, indent: usize, width: usize) -> Option<usize> {
    let mut used = 0;
    let mut found = None;
    for (at, c) in line.char_indices() {
        if used > width {
            break;
        }
        let before = &line[..at];
        if c == ' '
            && at > indent
            && !before.trim_end().is_empty()
            && !glued(before, &line[at..], odd_backquotes(before) && line[at..].contains('`'))
        {
            found = Some(at);
        }
        used += c.width().unwrap_or(0);
    }
    found
}

/// Whether `text` opens or closes a command in backquotes: an odd number of them.
fn odd_backquotes(text: &str) -> bool {
    text.matches('`').count() % 2 == 1
}

/// The units a number is written with, which a line never starts with.
const UNITS: [&str; 8] = ["s", "min", "h", "m", "ms", "%", "KiB", "MiB"];

/// Whether a line must not break at the space between the text `before` and the text `after`:
/// between a number and its unit (`20 s`), and inside a command in backquotes (`open_code`,
/// only when a backquote closes it later), which is read, and copied, whole.
fn glued(before: &str, after: &str, open_code: bool) -> bool {
    let (Some(last), Some(next)) = (before.split_whitespace().next_back(), after.split_whitespace().next()) else {
        return false;
    };
    let unit = next.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '%');
    open_code || (last.ends_with(|c: char| c.is_ascii_digit()) && UNITS.contains(&unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hanging_text_keeps_its_column_and_never_breaks_a_word() {
        let text = "Lying on your back with knees bent, let both knees turn slowly to one side.";
        let out = hanging("lower-trunk-rotation  ", text, 60);
        assert!(out.lines().all(|line| columns(line) <= 60), "{out}");
        assert!(out.lines().skip(1).all(|line| line.starts_with(&" ".repeat(22))), "{out}");
        assert_eq!(out.split_whitespace().skip(1).collect::<Vec<_>>().join(" "), text);
        let narrow = hanging("a-long-identifier-here  ", text, 30);
        assert!(narrow.lines().skip(1).all(|line| line.starts_with("    ") && columns(line) <= 30), "{narrow}");
        let lines = wrap_lines("  Your next step: hold 6 s next time, which is a little longer than now\nshort\n", 30);
        assert!(lines.lines().all(|line| columns(line) <= 30), "{lines}");
        assert!(lines.lines().nth(1).is_some_and(|line| line.starts_with("    ")), "{lines}");
        assert!(lines.ends_with("short\n"));
        let row = "  week  2 of 6  Mon 10 Mar 2025  ████··|··  5 of 24 (20%), 1 stopped early, 18 missed";
        let wrapped = wrap_lines(row, 60);
        assert!(wrapped.starts_with("  week  2 of 6  Mon 10 Mar 2025  ████··|··  5 of 24"), "aligned: {wrapped}");
        assert!(wrapped.lines().nth(1).is_some_and(|line| line.starts_with("    stopped")), "{wrapped}");
        assert!(wrapped.lines().all(|line| columns(line) <= 60), "{wrapped}");
        assert_eq!(wrapped.split_whitespace().collect::<Vec<_>>(), row.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_across_lines_on_a_screen_and_nothing_is_lost() {
        let typed = format!("{} then words", "x".repeat(25));
        let lines = wrap_cut(&typed, 10);
        assert_eq!(lines, ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx", "then words"]);
        assert_eq!(wrap_cut("体操体操体操", 5), ["体操", "体操", "体操"], "by columns, a wide character whole");
        assert_eq!(wrap_cut("", 10), [""]);
        assert_eq!(wrap(&typed, 10)[0].len(), 25, "the plain wrap keeps a word whole, for text to copy");
    }

    #[test]
    fn fit_counts_columns_not_characters() {
        assert_eq!(fit("Supine lower trunk rotation with a ball", 22), "Supine lower trunk ro…");
        assert_eq!(fit("short", 22), "short");
        assert_eq!(fit("体操体操体操", 7), "体操体…", "each character takes two columns");
        assert_eq!(columns(&fit("体操体操体操", 7)), 7);
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn a_number_keeps_its_unit_and_a_command_in_backquotes_stays_whole_where_it_fits() {
        assert_eq!(wrap("reps per side, hold 20 s, then", 23), ["reps per side, hold", "20 s, then"]);
        assert_eq!(wrap("up to 60 %.", 8), ["up to", "60 %."]);
        assert_eq!(wrap("3 sides", 1), ["3", "sides"], "not a unit");
        let said = "say `trunkrot --routine low-back` runs it";
        assert_eq!(wrap(said, 30), ["say", "`trunkrot --routine low-back`", "runs it"]);
        assert_eq!(wrap(said, 20), ["say", "`trunkrot --routine", "low-back` runs it"], "wider: broken");
        // The first line of a wrapped line breaks by the same rule.
        let line = "  Lower trunk rotation: 3 reps per side, hold 20 s";
        assert_eq!(wrap_lines(line, 48), "  Lower trunk rotation: 3 reps per side, hold\n    20 s\n");
        let line = "  Run it with `trunkrot --routine low-back` now";
        assert_eq!(wrap_lines(line, 40), "  Run it with\n    `trunkrot --routine low-back` now\n");
        // A lone backquote opens nothing: no backquote closes it.
        assert_eq!(wrap("it's a `lone quote then more words", 20), ["it's a `lone quote", "then more words"]);
        assert!(
            wrap_lines("  Note: a `lone backquote and then words", 30).starts_with("  Note: a `lone backquote and\n")
        );
    }

    #[test]
    fn every_line_fits_unless_one_word_is_wider() {
        let texts = [
            "row 1234567890 % and hold 20 s then `trunkrot --routine low-back --reps 5` runs it, 5 min in all",
            "x: `a b c d e f g h i j k l m n o p q r s t u v w` tail and 3 s, a `lone one, 12 KiB",
        ];
        for text in texts {
            for width in 3..=40 {
                for line in wrap(text, width) {
                    assert!(columns(&line) <= width || !line.contains(' '), "{width}: {line:?}");
                }
                for line in wrap_lines(&format!("  {text}"), width).lines() {
                    let words = line.split_whitespace().count();
                    assert!(columns(line) <= width || words == 1, "{width}: {line:?}");
                }
                let words: Vec<&str> = text.split_whitespace().collect();
                let joined = wrap(text, width).join(" ");
                assert_eq!(joined.split_whitespace().collect::<Vec<_>>(), words, "nothing lost at {width}");
            }
        }
    }

    #[test]
    fn wrap_breaks_between_words_by_columns() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh ij", 4), ["abcdefgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        assert_eq!(wrap("体操 体操 ab", 5), ["体操", "体操", "ab"], "a wide word fills its columns");
    }
}
