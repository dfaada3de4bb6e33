//! The crate's source read as text, for the tests that keep its shape (purity, layers): its
//! files, and the code of each without its comments and unit tests.
// Each test file uses the part of this it needs.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `path` (or `path` itself), in a stable order.
pub fn rust_files(path: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    collect(path, &mut found);
    found.sort();
    found
}

fn collect(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("a source folder") {
            collect(&entry.expect("a folder entry").path(), found);
        }
    } else if path.is_file() && path.extension().is_some_and(|ext| ext == "rs") {
        found.push(path.to_path_buf());
    }
}

/// The code of a file as its lines, without comments and unit tests, each line kept at its
/// number (what is left out becomes empty lines). A `tests.rs` file is all test; elsewhere each
/// `#[cfg(test)]` item is left out, whether a `mod x;` line or a block up to its closing brace.
pub fn code_of(path: &Path) -> Vec<String> {
    if path.file_name().is_some_and(|name| name == "tests.rs") {
        return Vec::new();
    }
    code_of_text(&fs::read_to_string(path).expect("a source file"))
}

/// [`code_of`] for a file's text.
pub fn code_of_text(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(without_comment).collect();
    let mut at = 0;
    while at < lines.len() {
        if lines[at].trim() == "#[cfg(test)]" {
            let end = item_end(&lines, at + 1).min(lines.len() - 1);
            for line in &mut lines[at..=end] {
                line.clear();
            }
            at = end;
        }
        at += 1;
    }
    lines
}

/// The last line of the item that starts at line `from`: the first line ending it with `;`, or
/// the one that closes its first brace.
fn item_end(lines: &[String], from: usize) -> usize {
    let mut depth = 0_i32;
    for (at, line) in lines.iter().enumerate().skip(from) {
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
        }
        let opened = lines[from..=at].iter().any(|l| l.contains('{'));
        if (opened && depth <= 0) || (!opened && line.trim_end().ends_with(';')) {
            return at;
        }
    }
    lines.len()
}

/// `line` without a `//` comment (doc comments included); a `//` inside a string is rare in
/// this crate's code and only shortens what is read.
fn without_comment(line: &str) -> String {
    line.find("//").map_or(line, |at| &line[..at]).to_owned()
}
