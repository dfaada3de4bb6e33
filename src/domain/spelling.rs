//! "Did you mean …?": the known word nearest to a misspelt one.

/// The candidate closest to `word` by edit distance (a swap of two neighbours is one edit), if it
/// is close enough to be a typo.
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .iter()
        .map(|candidate| (strsim::osa_distance(word, candidate), *candidate))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// The candidate `word` is surely a slip of: one edit away (a letter missed, added, changed, or
/// two swapped), and not the candidate with more added at its end, which may be a name of its
/// own (`glute-bridges`, `knee-to-chest-2` beside `glute-bridge`, `knee-to-chest`); or the
/// candidate written in other capitals or with other joins (`Knee-To-Chest`, `knee_to_chest`,
/// `kneetochest`), which an id never differs by.
pub fn slip_of<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let letters = |name: &str| -> String {
        name.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).flat_map(char::to_lowercase).collect()
    };
    candidates
        .iter()
        .filter(|candidate| **candidate != word)
        .find(|candidate| {
            (strsim::osa_distance(word, candidate) == 1 && !word.starts_with(**candidate))
                || letters(word) == letters(candidate)
        })
        .copied()
}

/// A name that means nothing known: what to say about it, with the nearest known one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no {kind} `{name}`{}{known}", hint(nearest.as_deref()))]
pub struct Unknown {
    /// What was looked for: "exercise", "routine".
    pub kind: &'static str,
    /// The name as given, cleaned for display.
    pub name: String,
    /// The known name nearest to it, if it is close enough to be a typo.
    pub nearest: Option<String>,
    /// Every known name, comma-separated.
    pub known: String,
}

impl Unknown {
    /// `name` of `kind` is none of `known`.
    pub fn new(kind: &'static str, name: &str, known: &[String]) -> Self {
        let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
        Unknown {
            kind,
            name: crate::domain::untrusted::clean_line(name),
            nearest: nearest(name, &candidates).map(str::to_owned),
            known: known.join(", "),
        }
    }
}

fn hint(nearest: Option<&str>) -> String {
    match nearest {
        Some(near) => format!(", did you mean `{near}`? Give a path to a TOML file, or one of: "),
        None => ": give a path to a TOML file, or one of: ".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_is_one_edit_from_a_name_and_not_a_name_with_more_at_its_end() {
        let known = ["knee-to-chest", "glute-bridge", "cat-cow"];
        assert_eq!(slip_of("knee-to-chst", &known), Some("knee-to-chest"));
        assert_eq!(slip_of("glute-brigde", &known), Some("glute-bridge"), "two letters swapped");
        assert_eq!(slip_of("knee-to-ches", &known), Some("knee-to-chest"), "its last letter missed");
        assert_eq!(slip_of("glute-bridges", &known), None, "a name of its own");
        assert_eq!(slip_of("knee-to-chest-2", &known), None);
        assert_eq!(slip_of("cat-cow", &known), None, "itself");
        assert_eq!(slip_of("Knee-To-Chest", &known), Some("knee-to-chest"), "capitals");
        assert_eq!(slip_of("knee_to_chest", &known), Some("knee-to-chest"), "other joins");
        assert_eq!(slip_of("kneetochest", &known), Some("knee-to-chest"), "none");
        assert_eq!(slip_of("kne-to-chst", &known), None, "two edits: perhaps another name");
    }

    #[test]
    fn typos_find_their_word() {
        let known = ["hold", "hold_range", "reps", "get_ready"];
        assert_eq!(nearest("hodl", &known), Some("hold"));
        assert_eq!(nearest("rep", &known), Some("reps"));
        assert_eq!(nearest("getready", &known), Some("get_ready"));
        assert_eq!(nearest("hlod", &known), Some("hold"), "a swap of neighbours is one edit");
    }

    #[test]
    fn an_unknown_name_says_what_it_is_and_the_nearest() {
        let known = ["cat-cow".to_owned(), "glute-bridge".to_owned()];
        let unknown = Unknown::new("exercise", "glute-brige", &known);
        assert_eq!(
            unknown.to_string(),
            "no exercise `glute-brige`, did you mean `glute-bridge`? Give a path to a TOML file, or one of: \
             cat-cow, glute-bridge"
        );
        let unknown = Unknown::new("routine", "x\u{1b}]2;t\u{7}", &known);
        assert!(unknown.to_string().starts_with("no routine `x"), "{unknown}");
        assert!(!unknown.to_string().contains('\u{1b}'), "cleaned: {unknown}");
    }

    #[test]
    fn unrelated_words_find_nothing() {
        assert_eq!(nearest("colour", &["hold", "reps"]), None);
    }
}
