use std::fmt::Write as _;

use super::*;

const INNER: &[Field] = &[Field::required("hold", Shape::Seconds), Field::optional("sets", Shape::Whole)];
const ROOT: &[Field] = &[
    Field::required("name", Shape::Text),
    Field::required("steps", Shape::List(&Shape::Text)),
    Field::optional("quiet", Shape::Flag),
    Field::required("timing", Shape::Table(INNER)),
    Field::optional("range", Shape::Pair(&Shape::Whole)),
    Field::optional("entry", Shape::Tables(INNER)),
];

fn messages(source: &str) -> Vec<String> {
    check("f.toml", source, ROOT).iter().map(ToString::to_string).collect()
}

#[test]
fn a_file_of_the_right_shape_has_no_problems() {
    let source =
        "name = \"x\"\nsteps = [\"a\"]\nquiet = true\nrange = [1, 2]\n[timing]\nhold = \"1m\"\n[[entry]]\nhold = 3\n";
    assert!(messages(source).is_empty(), "{:?}", messages(source));
}

#[test]
fn every_wrong_type_is_reported_at_its_line_in_file_order() {
    let source = "steps = \"one\"\nname = 5\nquiet = \"yes\"\nrange = [1]\ntiming = 5\n";
    let found = messages(source);
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(found[0].starts_with("f.toml:1:9: `steps` must be a list of text"), "{}", found[0]);
    assert!(found[1].starts_with("f.toml:2:8: `name` must be text in quotes"), "{}", found[1]);
    assert!(found[1].contains(", not a whole number"), "{}", found[1]);
    assert!(found[2].starts_with("f.toml:3:9: `quiet` must be `true` or `false`, not text"), "{}", found[2]);
    assert!(found[3].contains("`range` must be a pair such as `[low, high]`"), "{}", found[3]);
    assert!(found[4].starts_with("f.toml:5:10: `timing` must be a table, not a whole number"), "{}", found[4]);
}

#[test]
fn nested_keys_unknown_keys_and_missing_ones_are_named_with_their_path() {
    let source = "name = \"x\"\nstpes = [\"a\"]\n[timing]\nsets = 1.5\n[[entry]]\nhold = true\n";
    let found = messages(source);
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(found.iter().any(|m| m == "f.toml: missing field `steps`: `steps` must be a list of text, such as `[\"...\", \"...\"]`"), "{found:#?}");
    assert!(
        found.iter().any(|m| m.starts_with("f.toml:2:1: unknown field `stpes`, did you mean `steps`?")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|m| m.starts_with("f.toml:3:1: missing field `hold`: `timing.hold` must be seconds")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|m| m.starts_with("f.toml:4:8: `timing.sets` must be a whole number, not a decimal number")),
        "{found:#?}"
    );
    assert!(found.iter().any(|m| m.starts_with("f.toml:6:8: `entry[1].hold` must be seconds")), "{found:#?}");
}

#[test]
fn many_problems_are_capped_with_a_count_of_the_rest() {
    let mut source = String::new();
    for n in 0..30 {
        let _ = writeln!(source, "extra{n} = 1");
    }
    source.push_str("name = \"x\"\nsteps = []\n[timing]\nhold = 1\n");
    let found = messages(&source);
    assert_eq!(found.len(), MAX_PROBLEMS + 1);
    assert_eq!(found[MAX_PROBLEMS], "f.toml: and 10 more problems not shown; fix these and check again");
}

#[test]
fn syntax_errors_are_reported_with_their_line() {
    let found = messages("name = \"x\nsteps = [\n");
    assert!(!found.is_empty());
    assert!(found[0].starts_with("f.toml:1:"), "{found:#?}");
    // A table's header left open: its keys are read into the table above, and a clash there is
    // the parser's guess, not the file's.
    let found = messages("name = \"x\"\n[timing\nname = \"y\"\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("f.toml:2:") && found[0].contains("unclosed table"), "{found:#?}");
    let found = messages("name = \"x\"\n[[entry]\nname = \"y\"\n");
    assert!(!found.iter().any(|m| m.contains("duplicate key")), "an array of tables left open too: {found:#?}");
    // A clash of its own is told, before a broken line or after one that is not a header.
    let found = messages("name = \"x\"\nname = \"y\"\n");
    assert!(found.iter().any(|m| m.contains("duplicate key")), "{found:#?}");
    let found = messages("name = \"x\nquiet = true\nquiet = false\n");
    assert!(found.iter().any(|m| m.starts_with("f.toml:3:") && m.contains("duplicate key")), "{found:#?}");
}

/// What `ROOT` describes, as serde reads it.
#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Root {
    name: toml::Spanned<String>,
    steps: Vec<String>,
    quiet: Option<bool>,
    timing: Inner,
    range: Option<[i64; 2]>,
    #[serde(default)]
    entry: Vec<Inner>,
}

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Inner {
    hold: toml::Value,
    sets: Option<i64>,
}

#[test]
fn a_file_with_problems_of_shape_is_still_read_for_the_rest() {
    let source =
        "name = 5\nsteps = [\"a\", 3, \"b\"]\nquiet = \"yes\"\nnope = 1\n[timing]\nhold = 2\n[[entry]]\nsets = 3\n";
    let read = read_all::<Root>("f.toml", source.as_bytes(), ROOT, "empty").expect("readable");
    let messages: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
    assert_eq!(read.problems.len(), 5, "{messages:#?}");
    assert_eq!(read.raw.steps, ["a", "b"], "the item of the wrong kind is left out, the rest kept");
    assert_eq!(read.raw.quiet, None, "an optional value of the wrong kind is left out");
    assert!(read.raw.entry[0].hold.is_integer(), "a missing required value is stood in for");
    // A later check of the stood-in name would only repeat its problem; one elsewhere is kept.
    let at_name = Diagnostic::at("f.toml", source, Some(read.raw.name.span()), "`name` is empty");
    let elsewhere = Diagnostic::at("f.toml", source, Some(source.find("hold").unwrap_or(0)..0), "hold is odd");
    let all = read.all_problems("f.toml", vec![at_name, elsewhere]);
    assert_eq!(all.len(), 6, "{all:#?}");
    assert!(all.iter().any(|d| d.message == "hold is odd"));
    assert!(!all.iter().any(|d| d.message == "`name` is empty"));
    let lines: Vec<usize> = all.iter().filter_map(|d| d.position.map(|(line, _)| line)).collect();
    assert!(lines.windows(2).all(|pair| pair[0] <= pair[1]), "in the file's order: {all:#?}");
}

#[test]
fn a_word_must_be_one_of_its_words_with_a_hint() {
    const WORDS: &[Field] = &[Field::optional("side", Shape::Word(&["left", "right"]))];
    let found: Vec<String> = check("f.toml", "side = \"rigth\"\n", WORDS).iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("`side` is `rigth`; it must be `left` or `right` (did you mean `right`?)"), "{found:?}");
}
