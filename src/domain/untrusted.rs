//! Text that came from a file is shown, never obeyed: this strips what a terminal would act on.

/// Returns `text` without control characters, escape sequences' introducers or bidirectional
/// overrides. Newlines survive so that long passages keep their paragraphs; tabs become spaces.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Like [`clean`], and folds the text onto one line (for names, cues and list entries).
pub fn clean_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_power() {
        let hostile = "Hold\u{1b}]2;pwned\u{7} still\u{1b}[2J\r\u{9b}31m";
        let shown = clean(hostile);
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert_eq!(shown, "Hold]2;pwned still[2J31m");
    }

    #[test]
    fn paragraphs_survive_but_lines_fold() {
        assert_eq!(clean("a\n\tb"), "a\n b");
        assert_eq!(clean_line("  Lie   on\nyour back "), "Lie on your back");
    }

    #[test]
    fn bidirectional_overrides_are_removed() {
        assert_eq!(clean("left\u{202E}thgir"), "leftthgir");
    }
}
