//! The shape a TOML file must have, checked before its values are: every key of the wrong
//! type, every unknown key and every missing one is found in one run, each at its line, in
//! words a file's author knows (`timing` must be a table), where serde stops at the first.
//! The file is mended as it is walked (`walk`), so its values can then be checked in the same
//! run ([`read_all`]).

mod walk;

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::domain::diagnostic::Diagnostic;
use crate::domain::fields::toml_message;
use crate::domain::spelling;

/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A string.
    Text,
    /// A string that is one of these words (`left` or `right`).
    Word(&'static [&'static str]),
    /// A figure's point `[x, y]` or line `[[x, y], [x, y], ...]` of whole numbers; how many,
    /// and where, is for the figure's reader.
    Points,
    /// An integer.
    Whole,
    /// `true` or `false`.
    Flag,
    /// Seconds as an integer, or a string such as `"1m30s"`.
    Seconds,
    /// A calendar day: a TOML date such as `2026-12-07`, or the same in quotes.
    Date,
    /// An array of values of one shape.
    List(&'static Shape),
    /// An array of exactly two values of one shape.
    Pair(&'static Shape),
    /// A table with these keys.
    Table(&'static [Field]),
    /// An array of tables, each with these keys (`[[name]]`).
    Tables(&'static [Field]),
    /// A table with these keys, and any other key whose value has the second shape (the config's
    /// `[exercise]`: `default`, and a table per exercise id).
    Map(&'static [Field], &'static Shape),
    /// A value of either shape, told apart by its kind (text, a table, ...).
    Either(&'static Shape, &'static Shape),
    /// Anything: the value has a shape of its own that its reader checks.
    Any,
}

/// One key of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
}

impl Field {
    /// A key that must be there.
    pub const fn required(name: &'static str, shape: Shape) -> Self {
        Field { name, shape, required: true }
    }

    /// A key that may be left out.
    pub const fn optional(name: &'static str, shape: Shape) -> Self {
        Field { name, shape, required: false }
    }
}

/// At most this many problems are reported one by one; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;

/// Every problem of shape in `source` against the top-level `fields`, in the order of the file,
/// at most [`MAX_PROBLEMS`] and a count of the rest. Empty when the file has the right shape
/// (its values may still be out of range: that is the caller's to check).
pub fn check(origin: &str, source: &str, fields: &'static [Field]) -> Vec<Diagnostic> {
    match mend(origin, source, fields) {
        Ok(mended) => capped(origin, mended.problems),
        Err(problems) => problems,
    }
}

/// A file's table with every problem of shape reported and mended.
struct Mended<'a> {
    root: toml::Spanned<DeTable<'a>>,
    problems: Vec<Diagnostic>,
    stand_ins: Vec<Range<usize>>,
}

/// Walks `source` against `fields`: the problems of shape in the file's order, and its table
/// mended; `Err` with the parser's problems when it is not TOML at all.
fn mend<'a>(origin: &str, source: &'a str, fields: &'static [Field]) -> Result<Mended<'a>, Vec<Diagnostic>> {
    let (mut root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        // A broken file's table is a guess; report only what the parser found.
        let mut errors: Vec<_> = errors.iter().collect();
        errors.sort_by_key(|e| e.span().map_or(0, |span| span.start));
        // Past a broken line the parser reads on as best it can: a table whose header it could
        // not close leaves its keys in the table above, where they clash with keys that are
        // there. A clash after such a header is that guess, not the file's.
        let on_header = |e: &toml::de::Error| {
            let start = e.span().map_or(0, |span| span.start).min(source.len());
            let line_start = source.get(..start).unwrap_or("").rfind('\n').map_or(0, |at| at + 1);
            source[line_start..].trim_start().starts_with('[')
        };
        let header = errors.iter().position(|e| on_header(e));
        let guessed = |n: usize, e: &toml::de::Error| header.is_some_and(|at| n > at) && e.message() == "duplicate key";
        let mut problems: Vec<Diagnostic> = errors
            .iter()
            .enumerate()
            .filter(|(n, e)| !guessed(*n, e))
            .map(|(_, e)| Diagnostic::at(origin, source, e.span(), toml_message(e)))
            .collect();
        // The parser can say the same thing twice at one place; once is enough.
        problems.dedup();
        return Err(capped(origin, problems));
    }
    let mut walk = walk::Walk { origin, source, problems: Vec::new(), stand_ins: Vec::new() };
    let span = root.span();
    walk.table("", root.get_mut(), &span, fields, None);
    walk.problems.sort_by_key(|(at, _)| *at);
    Ok(Mended { root, problems: walk.problems.into_iter().map(|(_, d)| d).collect(), stand_ins: walk.stand_ins })
}

/// A file's text read into `T`: UTF-8, not empty (else `empty`, a phrase that says what the
/// file needs), of the right shape (every problem of [`check`]), then read by serde. The text is
/// returned with it, for the places of later problems.
pub fn read<'a, T: serde::de::DeserializeOwned>(
    origin: &str,
    bytes: &'a [u8],
    fields: &'static [Field],
    empty: &str,
) -> Result<(&'a str, T), crate::domain::diagnostic::InvalidFile> {
    let read = read_all(origin, bytes, fields, empty)?;
    if read.problems.is_empty() {
        Ok((read.source, read.raw))
    } else {
        Err(crate::domain::diagnostic::InvalidFile { diagnostics: read.problems })
    }
}

/// A file read as far as it can be: the raw value with the parts of the wrong shape left out
/// or stood in for, the problems of shape, and where the stand-ins are.
pub struct Read<'a, T> {
    pub source: &'a str,
    pub raw: T,
    /// The problems of shape, in the file's order.
    pub problems: Vec<Diagnostic>,
    stand_ins: Vec<Range<usize>>,
}

impl<T> Read<'_, T> {
    /// The problems of shape and `later` ones (of values, from the raw value) together, in the
    /// file's order, at most [`MAX_PROBLEMS`]: a later problem at a value that was stood in for
    /// is left out, as its problem of shape is already told.
    pub fn all_problems(&self, origin: &str, later: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let at = |offset: usize| Diagnostic::at(origin, self.source, Some(offset..offset), "").position;
        let stood_in: Vec<_> = self.stand_ins.iter().map(|span| (at(span.start), at(span.end))).collect();
        let told = |diagnostic: &Diagnostic| {
            stood_in.iter().any(|(from, to)| {
                diagnostic.position >= *from
                    && (diagnostic.position < *to || (from == to && diagnostic.position == *from))
            })
        };
        let mut all = self.problems.clone();
        all.extend(later.into_iter().filter(|diagnostic| diagnostic.position.is_none() || !told(diagnostic)));
        // Problems of the whole file (without a place) last, as the shape's are.
        all.sort_by_key(|d| d.position.unwrap_or((usize::MAX, 0)));
        all.dedup();
        capped(origin, all)
    }
}

/// A file's text read into `T` as far as it can be: UTF-8, not empty (else `empty`, a phrase
/// that says what the file needs), parsed as TOML (else every syntax problem), every problem of
/// shape reported and mended, then read by serde. `Err` only when nothing more can be read.
pub fn read_all<'a, T: serde::de::DeserializeOwned>(
    origin: &str,
    bytes: &'a [u8],
    fields: &'static [Field],
    empty: &str,
) -> Result<Read<'a, T>, crate::domain::diagnostic::InvalidFile> {
    use serde::de::IntoDeserializer;

    use crate::domain::diagnostic::InvalidFile;
    let whole = |message: String| InvalidFile { diagnostics: vec![Diagnostic::whole_file(origin, message)] };
    let source = std::str::from_utf8(bytes)
        .map_err(|e| whole(format!("is not UTF-8 text (invalid byte at offset {})", e.valid_up_to())))?;
    if source.trim().is_empty() {
        return Err(whole(format!("is empty; {empty}")));
    }
    let mended = mend(origin, source, fields).map_err(|diagnostics| InvalidFile { diagnostics })?;
    match T::deserialize(mended.root.into_deserializer()) {
        Ok(raw) => Ok(Read { source, raw, problems: mended.problems, stand_ins: mended.stand_ins }),
        // What serde stops at after the shape's problems is likely one of them again.
        Err(_) if !mended.problems.is_empty() => Err(InvalidFile { diagnostics: capped(origin, mended.problems) }),
        Err(e) => Err(InvalidFile { diagnostics: vec![Diagnostic::at(origin, source, e.span(), toml_message(&e))] }),
    }
}

/// The first [`MAX_PROBLEMS`] problems, and a line counting the rest.
pub fn capped(origin: &str, mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if problems.len() > MAX_PROBLEMS {
        let rest = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        let more = if rest == 1 { "1 more problem".to_owned() } else { format!("{rest} more problems") };
        problems.push(Diagnostic::whole_file(origin, format!("and {more} not shown; fix these and check again")));
    }
    problems
}

/// Whether a value is of the kind a shape takes (its contents aside).
fn fits(shape: Shape, value: &DeValue<'_>) -> bool {
    matches!(
        (shape, value),
        (Shape::Text | Shape::Word(_), DeValue::String(_))
            | (Shape::Whole, DeValue::Integer(_))
            | (Shape::Flag, DeValue::Boolean(_))
            | (Shape::Seconds, DeValue::Integer(_) | DeValue::String(_))
            | (Shape::Date, DeValue::Datetime(_) | DeValue::String(_))
            | (Shape::List(_) | Shape::Pair(_) | Shape::Tables(_) | Shape::Points, DeValue::Array(_))
            | (Shape::Table(_) | Shape::Map(..), DeValue::Table(_))
            | (Shape::Any, _)
    ) || matches!(shape, Shape::Either(first, second) if fits(*first, value) || fits(*second, value))
}

/// `timing` must be a table, not a whole number.
fn mismatch(path: &str, shape: Shape, found: &DeValue<'_>) -> String {
    let found = match found {
        DeValue::String(_) => "text".to_owned(),
        DeValue::Integer(_) => "a whole number".to_owned(),
        DeValue::Float(_) => "a decimal number".to_owned(),
        DeValue::Boolean(value) => format!("`{value}`"),
        DeValue::Datetime(_) => "a date".to_owned(),
        DeValue::Array(items) => match items.len() {
            1 => "a list of 1 item".to_owned(),
            n => format!("a list of {n} items"),
        },
        DeValue::Table(_) => "a table".to_owned(),
    };
    format!("`{path}` must be {}, not {found}", expected(shape))
}

/// What a shape is, in words.
fn expected(shape: Shape) -> String {
    match shape {
        Shape::Text => "text in quotes, such as `\"...\"`".to_owned(),
        Shape::Word(words) => {
            let quoted: Vec<String> = words.iter().map(|w| format!("`\"{w}\"`")).collect();
            format!("one of {}", quoted.join(", "))
        }
        Shape::Points => "a point `[x, y]` or a line `[[x, y], [x, y], ...]` of whole numbers".to_owned(),
        Shape::Whole => "a whole number".to_owned(),
        Shape::Flag => "`true` or `false`".to_owned(),
        Shape::Seconds => "seconds, such as `5`, or a duration in quotes, such as `\"1m30s\"`".to_owned(),
        Shape::Date => "a day written `YYYY-MM-DD`, such as `2026-12-07`".to_owned(),
        Shape::List(Shape::Text) => "a list of text, such as `[\"...\", \"...\"]`".to_owned(),
        Shape::List(Shape::Word(words)) => {
            let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            format!("a list such as `[{}]`", quoted.join(", "))
        }
        Shape::List(item) => format!("a list, each item {}", expected(*item)),
        Shape::Pair(item) => format!("a pair such as `[low, high]`, each {}", expected(*item)),
        Shape::Table(_) | Shape::Map(..) => "a table".to_owned(),
        Shape::Either(first, second) => format!("{}, or {}", expected(*first), expected(*second)),
        Shape::Tables(_) => "a list of tables, each written `[[name]]`".to_owned(),
        Shape::Any => "a value".to_owned(),
    }
}

/// An unknown key of the table at `path`, with the nearest known one.
fn unknown(name: &str, path: &str, fields: &[Field]) -> String {
    let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
    let name_shown = crate::domain::untrusted::clean_line(name);
    let place = if path.is_empty() {
        "here".to_owned()
    } else {
        format!("in `{}`", crate::domain::untrusted::clean_line(path))
    };
    match spelling::nearest(name, &known) {
        Some(near) => {
            format!("unknown field `{name_shown}`, did you mean `{near}`? (known {place}: {})", known.join(", "))
        }
        None => format!("unknown field `{name_shown}` (known {place}: {})", known.join(", ")),
    }
}

/// The keys serde knows at the top of `T`, sorted, from its message for an unknown one added
/// after `before` (the keys `T` requires, if any): for tests that keep a shape in step with it.
#[cfg(test)]
pub(crate) fn serde_keys<T: serde::de::DeserializeOwned>(before: &str) -> Vec<String> {
    let error = toml::from_str::<T>(&format!("{before}zz_not_a_key = 1\n")).err().expect("an unknown key");
    let message = error.message().to_owned();
    let expected = message.split_once("expected").map_or("", |(_, rest)| rest);
    let mut keys: Vec<String> = expected.split('`').skip(1).step_by(2).map(str::to_owned).collect();
    keys.sort();
    keys
}

/// The keys of `fields`, sorted, to compare with [`serde_keys`].
#[cfg(test)]
pub(crate) fn keys(fields: &[Field]) -> Vec<String> {
    let mut keys: Vec<String> = fields.iter().map(|f| f.name.to_owned()).collect();
    keys.sort();
    keys
}

/// A TOML text with every key of `fields` given a value of its shape, for tests that keep a
/// shape in step with the struct serde reads.
#[cfg(test)]
pub(crate) fn sample(fields: &[Field]) -> String {
    fn value(shape: Shape) -> String {
        match shape {
            Shape::Text => "\"x\"".to_owned(),
            Shape::Word(words) => format!("\"{}\"", words.first().copied().unwrap_or("x")),
            Shape::Points => "[[1, 2], [3, 4]]".to_owned(),
            Shape::Whole => "2".to_owned(),
            Shape::Flag => "true".to_owned(),
            Shape::Seconds => "5".to_owned(),
            Shape::Date => "2026-12-07".to_owned(),
            Shape::List(item) => format!("[{}]", value(*item)),
            Shape::Pair(item) => format!("[{}, {}]", value(*item), value(*item)),
            Shape::Any => "{}".to_owned(),
            Shape::Table(fields) => {
                let pairs: Vec<String> = fields.iter().map(|f| format!("{} = {}", f.name, value(f.shape))).collect();
                format!("{{ {} }}", pairs.join(", "))
            }
            Shape::Tables(fields) => format!("[{}]", value(Shape::Table(fields))),
            Shape::Map(fields, other) => {
                let mut pairs: Vec<String> =
                    fields.iter().map(|f| format!("{} = {}", f.name, value(f.shape))).collect();
                pairs.push(format!("any-key = {}", value(*other)));
                format!("{{ {} }}", pairs.join(", "))
            }
            Shape::Either(first, _) => value(*first),
        }
    }
    let lines: Vec<String> = fields.iter().map(|f| format!("{} = {}", f.name, value(f.shape))).collect();
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests;
