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
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_columns_not_characters() {
        assert_eq!(fit("Supine lower trunk rotation with a ball", 22), "Supine lower trunk ro…");
        assert_eq!(fit("short", 22), "short");
        assert_eq!(fit("体操体操体操", 7), "体操体…", "each character takes two columns");
        assert_eq!(columns(&fit("体操体操体操", 7)), 7);
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn wrap_breaks_between_words_by_columns() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh ij", 4), ["abcdefgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        assert_eq!(wrap("体操 体操 ab", 5), ["体操", "体操", "ab"], "a wide word fills its columns");
    }
}
