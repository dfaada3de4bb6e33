//! Arrows point down, and never in a circle: `src/lib.rs`'s map of the layers, kept by a test
//! that reads every import in `src/` as text.
//!
//! Each top module has a layer: `main` above `lib` (the crate's root) above `commands` above
//! `cli` above `tui` and `shell` above `history` and `failure` above `domain`. A file may use
//! its own layer and those below; a use of a layer above is an offence. Two modules that use
//! each other, or a longer loop, are a circle: at every level of the tree, the modules under one
//! parent must not form one (a module and its own submodules are one, and may use each other).
//! Unit tests are left out; they may reach further than the code they test.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use support::source::{code_of, code_of_text, rust_files};

/// The layers, from the top: a module's layer is its first name's; higher uses lower.
const LAYERS: &[(&str, u8)] = &[
    ("main", 7),
    // The crate's root, `lib.rs`.
    ("", 6),
    ("commands", 5),
    ("cli", 4),
    ("tui", 3),
    ("shell", 3),
    ("history", 2),
    ("failure", 2),
    ("domain", 1),
];

/// A module's path from the crate's root: `["tui", "view", "help"]`; `lib.rs` is `[]` and
/// `main.rs` is `["main"]`.
type Module = Vec<String>;

/// One use of a module by another, at a line of the user's file (in this order, for sorting).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Arrow {
    /// The user's file, from the crate's folder: `src/tui/app.rs`.
    file: String,
    line: usize,
    from: Module,
    to: Module,
}

impl Arrow {
    /// `src/tui/app.rs:8`.
    fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// The module a file under `src` is.
fn module_of(relative: &Path) -> Module {
    let mut names: Vec<String> =
        relative.with_extension("").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if names.last().is_some_and(|last| last == "mod") {
        names.pop();
    }
    if names == ["lib"] { Vec::new() } else { names }
}

fn layer(module: &[String]) -> u8 {
    let top = module.first().map_or("", String::as_str);
    LAYERS.iter().find(|(name, _)| *name == top).map_or(0, |(_, layer)| *layer)
}

fn shown(module: &[String]) -> String {
    if module.is_empty() { "crate".to_owned() } else { module.join("::") }
}

/// The code's words and punctuation that paths are made of, each with its line.
fn tokens(lines: &[String]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (number, line) in lines.iter().enumerate() {
        let mut chars = line.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c.is_alphanumeric() || c == '_' {
                let mut end = at + c.len_utf8();
                while let Some(&(next, d)) = chars.peek() {
                    if !(d.is_alphanumeric() || d == '_') {
                        break;
                    }
                    end = next + d.len_utf8();
                    chars.next();
                }
                found.push((line[at..end].to_owned(), number + 1));
            } else if c == ':' && chars.peek().is_some_and(|&(_, d)| d == ':') {
                chars.next();
                found.push(("::".to_owned(), number + 1));
            } else if !c.is_whitespace() {
                found.push((c.to_string(), number + 1));
            }
        }
    }
    found
}

fn is_name(token: &str) -> bool {
    token.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Every path the code names that starts at the crate (`crate::`, or `trunkrot::` from
/// `main.rs`) or at a parent (`super::`), written whole or in a `use` tree with braces, as the
/// module it leads into; each with its line.
fn paths(module: &[String], lines: &[String]) -> Vec<(Module, usize)> {
    let tokens = tokens(lines);
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let (word, line) = &tokens[at];
        // `crate::` or `super::` begins a path; `pub(crate)` and the second `super` of
        // `super::super::` do not.
        let begins = (at == 0 || tokens[at - 1].0 != "::") && tokens.get(at + 1).is_some_and(|(t, _)| t == "::");
        let root = match word.as_str() {
            "crate" => Some(Vec::new()),
            "trunkrot" if module == ["main"] => Some(Vec::new()),
            "super" => module.split_last().map(|(_, parent)| parent.to_vec()),
            _ => None,
        };
        match root {
            Some(root) if begins => {
                let mut expanded = Vec::new();
                at = tree(&tokens, at + 1, root, &mut expanded);
                found.extend(expanded.into_iter().map(|path| (path, *line)));
            }
            _ => at += 1,
        }
    }
    found
}

/// Reads the rest of a path or `use` tree after `prefix`, from `at` (on a `::` or not); pushes
/// every whole path and returns where it stopped.
fn tree(tokens: &[(String, usize)], mut at: usize, mut prefix: Vec<String>, found: &mut Vec<Vec<String>>) -> usize {
    while tokens.get(at).is_some_and(|(t, _)| t == "::") {
        match tokens.get(at + 1).map(|(t, _)| t.as_str()) {
            Some("super") => {
                prefix.pop();
                at += 2;
            }
            Some("{") => {
                at += 2;
                loop {
                    match tokens.get(at).map(|(t, _)| t.as_str()) {
                        None => return at,
                        Some("}") => return at + 1,
                        Some(",") => at += 1,
                        Some("self") => {
                            found.push(prefix.clone());
                            at += 1;
                        }
                        Some(name) if is_name(name) => {
                            let mut inner = prefix.clone();
                            inner.push(name.to_owned());
                            at = tree(tokens, at + 1, inner, found);
                        }
                        Some(_) => at += 1,
                    }
                }
            }
            Some(name) if is_name(name) => {
                prefix.push(name.to_owned());
                at += 2;
            }
            _ => break,
        }
    }
    found.push(prefix);
    at
}

/// The module a path leads into: its longest beginning that is a module of the crate.
fn resolve(path: &[String], modules: &BTreeSet<Module>) -> Module {
    (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|m| modules.contains(m)).unwrap_or_default()
}

/// Every arrow between modules in the `src` folder under `root`.
fn arrows(root: &Path) -> Vec<Arrow> {
    let src = root.join("src");
    let files: Vec<_> = rust_files(&src)
        .into_iter()
        .map(|file| (module_of(file.strip_prefix(&src).expect("under src")), file))
        .collect();
    let modules: BTreeSet<Module> = files.iter().map(|(module, _)| module.clone()).collect();
    let mut found = BTreeSet::new();
    for (module, file) in &files {
        let relative = file.strip_prefix(root).expect("under the root").display().to_string();
        for (path, line) in paths(module, &code_of(file)) {
            let to = resolve(&path, &modules);
            if &to != module {
                found.insert(Arrow { file: relative.clone(), line, from: module.clone(), to });
            }
        }
    }
    found.into_iter().collect()
}

/// Arrows that run up a layer.
fn upward(arrows: &[Arrow]) -> Vec<String> {
    arrows
        .iter()
        .filter(|arrow| layer(&arrow.to) > layer(&arrow.from))
        .map(|arrow| {
            format!("{}: `{}` uses `{}`, a layer above its own", arrow.place(), shown(&arrow.from), shown(&arrow.to))
        })
        .collect()
}

/// Circles among the modules under one parent, each with the arrows that close it.
fn circles(arrows: &[Arrow]) -> Vec<String> {
    // Under each parent, arrows between its children, each with where it was seen first.
    let mut levels: BTreeMap<Module, BTreeMap<(String, String), String>> = BTreeMap::new();
    for arrow in arrows {
        let common = arrow.from.iter().zip(&arrow.to).take_while(|(a, b)| a == b).count();
        // A module and its own submodules are one: no arrow between siblings.
        let (Some(from), Some(to)) = (arrow.from.get(common), arrow.to.get(common)) else { continue };
        let parent = arrow.from[..common].to_vec();
        levels.entry(parent).or_default().entry((from.clone(), to.clone())).or_insert_with(|| arrow.place());
    }
    let mut found = Vec::new();
    for (parent, edges) in &levels {
        let reaches = |from: &str, to: &str| {
            let mut seen = BTreeSet::from([from.to_owned()]);
            let mut stack = vec![from.to_owned()];
            while let Some(at) = stack.pop() {
                for (_, b) in edges.keys().filter(|(a, _)| *a == at) {
                    if b == to {
                        return true;
                    }
                    if seen.insert(b.clone()) {
                        stack.push(b.clone());
                    }
                }
            }
            false
        };
        // An arrow is part of a circle when its end leads back to its start.
        let in_circles: Vec<_> = edges.iter().filter(|((a, b), _)| reaches(b, a)).collect();
        let mut members: Vec<BTreeSet<String>> = Vec::new();
        for ((a, _), _) in &in_circles {
            if members.iter().any(|group| group.contains(a)) {
                continue;
            }
            let group: BTreeSet<String> = in_circles
                .iter()
                .flat_map(|((x, y), _)| [x, y])
                .filter(|m| *m == a || (reaches(a, m) && reaches(m, a)))
                .cloned()
                .collect();
            members.push(group);
        }
        for group in members {
            let ties: Vec<String> = in_circles
                .iter()
                .filter(|((a, b), _)| group.contains(a) && group.contains(b))
                .map(|((a, b), place)| format!("{a} -> {b} ({place})"))
                .collect();
            let names: Vec<&str> = group.iter().map(String::as_str).collect();
            found.push(format!("a circle under `{}`: {}: {}", shown(parent), names.join(", "), ties.join(", ")));
        }
    }
    found
}

#[test]
fn no_file_uses_a_layer_above_its_own() {
    let found = upward(&arrows(Path::new(env!("CARGO_MANIFEST_DIR"))));
    assert!(found.is_empty(), "arrows that run up a layer:\n{}", found.join("\n"));
}

#[test]
fn no_modules_use_each_other_in_a_circle() {
    let found = circles(&arrows(Path::new(env!("CARGO_MANIFEST_DIR"))));
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn the_check_reads_the_crates_own_arrows() {
    let arrows = arrows(Path::new(env!("CARGO_MANIFEST_DIR")));
    let has = |from: &[&str], to: &[&str]| arrows.iter().any(|arrow| arrow.from == from && arrow.to == to);
    assert!(has(&["cli"], &["tui", "keys"]), "a whole path in an attribute");
    assert!(has(&["tui", "view", "help"], &["tui", "view", "figure"]), "a path from `super::`");
    assert!(has(&["commands", "session"], &["shell", "journal"]), "a `use` tree with braces");
    assert!(has(&["main"], &["cli"]), "the binary's `trunkrot::`");
}

#[test]
fn every_top_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in rust_files(&src) {
        let module = module_of(file.strip_prefix(&src).expect("under src"));
        let top = module.first().map_or("", String::as_str);
        assert!(LAYERS.iter().any(|(name, _)| *name == top), "{}: `{top}` has no layer in LAYERS", file.display());
    }
}

/// A crate in a temporary folder, from `(path under src, text)` pairs.
fn crate_of(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, text) in files {
        let path = dir.path().join("src").join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
        std::fs::write(path, text).expect("a file written");
    }
    dir
}

#[test]
fn the_check_catches_a_use_up_a_layer_in_any_form() {
    let dir = crate_of(&[
        ("lib.rs", "pub mod domain;\npub mod tui;\npub mod shell;\n"),
        ("domain.rs", "pub mod side;\n"),
        ("domain/side.rs", "//! Uses `crate::tui` in a comment only: fine.\npub enum Side { Left }\n"),
        (
            "domain/figure.rs",
            "use crate::domain::side::Side;\nuse crate::{\n    domain::side,\n    tui::view::Palette,\n};\n\
             fn f() -> crate::shell::Thing { todo!() }\n#[cfg(test)]\nmod tests {\n    use crate::tui::view;\n}\n",
        ),
        ("tui/view.rs", "pub enum Palette { Dark }\nuse crate::domain::side::Side;\n"),
        ("shell.rs", "use super::tui::view::Palette;\n"),
        ("tui.rs", "pub mod view;\n"),
    ]);
    let root = dir.path();
    assert_eq!(
        upward(&arrows(root)),
        [
            "src/domain/figure.rs:2: `domain::figure` uses `tui::view`, a layer above its own",
            "src/domain/figure.rs:6: `domain::figure` uses `shell`, a layer above its own",
        ],
        "the test module's use and the comment are left out; the shell may use the tui (one layer)"
    );
}

#[test]
fn the_check_catches_a_circle_at_any_level() {
    let dir = crate_of(&[
        ("lib.rs", "pub mod domain;\npub mod shell;\npub mod tui;\n"),
        ("domain.rs", "pub mod exercise;\npub mod figure;\npub mod plan;\n"),
        ("domain/exercise.rs", "mod raw;\nuse crate::domain::figure::Figure;\n"),
        ("domain/exercise/raw.rs", "use super::Exercise;\nuse super::super::plan::Phase;\n"),
        ("domain/figure.rs", "use crate::domain::plan::Phase;\n"),
        ("domain/plan.rs", "pub struct Phase;\n"),
        ("shell.rs", "pub mod input;\n"),
        ("shell/input.rs", "use crate::tui::app::App;\n"),
        ("tui.rs", "pub mod app;\n"),
        ("tui/app.rs", "use crate::shell::input::Input;\n"),
    ]);
    assert_eq!(
        circles(&arrows(dir.path())),
        ["a circle under `crate`: shell, tui: shell -> tui (src/shell/input.rs:1), tui -> shell (src/tui/app.rs:1)"],
        "a module and its submodule use each other freely; no circle in domain"
    );
    std::fs::write(dir.path().join("src/domain/plan.rs"), "use crate::domain::{exercise::Exercise, side};\n")
        .expect("written");
    assert_eq!(
        circles(&arrows(dir.path())),
        [
            "a circle under `crate`: shell, tui: shell -> tui (src/shell/input.rs:1), tui -> shell (src/tui/app.rs:1)",
            "a circle under `domain`: exercise, figure, plan: exercise -> figure (src/domain/exercise.rs:2), \
             exercise -> plan (src/domain/exercise/raw.rs:2), figure -> plan (src/domain/figure.rs:1), \
             plan -> exercise (src/domain/plan.rs:1)",
        ]
    );
}

#[test]
fn test_code_is_left_out_but_the_code_after_it_is_read() {
    let text = "#[cfg(test)]\nmod contrast;\nuse crate::a;\n#[cfg(test)]\nmod tests {\n    fn f() {\n    }\n}\n";
    let lines = code_of_text(text);
    assert_eq!(lines, ["", "", "use crate::a;", "", "", "", "", ""]);
}
