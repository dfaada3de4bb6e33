//! The shape a TOML file must have, checked before its values are: every key of the wrong
//! type, every unknown key and every missing one is found in one run, each at its line, in
//! words a file's author knows (`timing` must be a table), where serde stops at the first.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::domain::diagnostic::Diagnostic;
use crate::domain::fields::toml_message;
use crate::domain::spelling;

/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A string.
    Text,
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
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        // A broken file's table is a guess; report only what the parser found.
        let mut errors: Vec<_> = errors.iter().collect();
        errors.sort_by_key(|e| e.span().map_or(0, |span| span.start));
        let mut problems: Vec<Diagnostic> =
            errors.iter().map(|e| Diagnostic::at(origin, source, e.span(), toml_message(e))).collect();
        // The parser can say the same thing twice at one place; once is enough.
        problems.dedup();
        return capped(origin, problems);
    }
    let mut walk = Walk { origin, source, problems: Vec::new() };
    walk.table("", root.get_ref(), root.span(), fields);
    walk.problems.sort_by_key(|(at, _)| *at);
    capped(origin, walk.problems.into_iter().map(|(_, d)| d).collect())
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
    use crate::domain::diagnostic::InvalidFile;
    let whole = |message: String| InvalidFile { diagnostics: vec![Diagnostic::whole_file(origin, message)] };
    let source = std::str::from_utf8(bytes)
        .map_err(|e| whole(format!("is not UTF-8 text (invalid byte at offset {})", e.valid_up_to())))?;
    if source.trim().is_empty() {
        return Err(whole(format!("is empty; {empty}")));
    }
    let problems = check(origin, source, fields);
    if !problems.is_empty() {
        return Err(InvalidFile { diagnostics: problems });
    }
    let raw = toml::from_str(source)
        .map_err(|e| InvalidFile { diagnostics: vec![Diagnostic::at(origin, source, e.span(), toml_message(&e))] })?;
    Ok((source, raw))
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

struct Walk<'a> {
    origin: &'a str,
    source: &'a str,
    /// Each with its byte offset, to sort them into the file's order.
    problems: Vec<(usize, Diagnostic)>,
}

impl Walk<'_> {
    fn report(&mut self, span: std::ops::Range<usize>, message: String) {
        let at = span.start;
        self.problems.push((at, Diagnostic::at(self.origin, self.source, Some(span), message)));
    }

    fn table(&mut self, path: &str, table: &DeTable<'_>, span: std::ops::Range<usize>, fields: &'static [Field]) {
        self.map(path, table, span, fields, None);
    }

    /// A table with `fields`, and other keys of the shape `other` if there is one.
    fn map(
        &mut self,
        path: &str,
        table: &DeTable<'_>,
        span: std::ops::Range<usize>,
        fields: &'static [Field],
        other: Option<Shape>,
    ) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            let full = if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
            match (fields.iter().find(|field| field.name == name), other) {
                (Some(field), _) => self.value(&full, value, field.shape),
                (None, Some(shape)) => self.value(&full, value, shape),
                (None, None) => self.report(key.span(), unknown(name, path, fields)),
            }
        }
        for field in fields.iter().filter(|f| f.required) {
            if !table.keys().any(|key| key.get_ref().as_ref() == field.name) {
                let full = if path.is_empty() { field.name.to_owned() } else { format!("{path}.{}", field.name) };
                let message = format!("missing field `{}`: `{full}` must be {}", field.name, expected(field.shape));
                if path.is_empty() {
                    // After the problems with a line: a misspelt key there often explains it.
                    self.problems.push((usize::MAX, Diagnostic::whole_file(self.origin, message)));
                } else {
                    self.report(span.clone(), message);
                }
            }
        }
    }

    fn value(&mut self, path: &str, value: &Spanned<DeValue<'_>>, shape: Shape) {
        let span = value.span();
        match (shape, value.get_ref()) {
            (Shape::Text, DeValue::String(_))
            | (Shape::Whole, DeValue::Integer(_))
            | (Shape::Flag, DeValue::Boolean(_))
            | (Shape::Seconds, DeValue::Integer(_) | DeValue::String(_))
            | (Shape::Date, DeValue::Datetime(_) | DeValue::String(_))
            | (Shape::Any, _) => {}
            (Shape::List(item), DeValue::Array(items)) => {
                for (index, element) in items.iter().enumerate() {
                    self.value(&format!("{path}[{}]", index + 1), element, *item);
                }
            }
            (Shape::Pair(item), DeValue::Array(items)) if items.len() == 2 => {
                for (index, element) in items.iter().enumerate() {
                    self.value(&format!("{path}[{}]", index + 1), element, *item);
                }
            }
            (Shape::Table(fields), DeValue::Table(table)) => self.table(path, table, span, fields),
            (Shape::Map(fields, other), DeValue::Table(table)) => self.map(path, table, span, fields, Some(*other)),
            (Shape::Either(first, second), found) => {
                if fits(*first, found) {
                    self.value(path, value, *first);
                } else if fits(*second, found) {
                    self.value(path, value, *second);
                } else {
                    self.report(span, mismatch(path, shape, found));
                }
            }
            (Shape::Tables(fields), DeValue::Array(items)) => {
                for (index, element) in items.iter().enumerate() {
                    match element.get_ref() {
                        DeValue::Table(table) => {
                            self.table(&format!("{path}[{}]", index + 1), table, element.span(), fields);
                        }
                        other => self.report(element.span(), mismatch(path, shape, other)),
                    }
                }
            }
            (_, other) => self.report(span, mismatch(path, shape, other)),
        }
    }
}

/// Whether a value is of the kind a shape takes (its contents aside).
fn fits(shape: Shape, value: &DeValue<'_>) -> bool {
    matches!(
        (shape, value),
        (Shape::Text, DeValue::String(_))
            | (Shape::Whole, DeValue::Integer(_))
            | (Shape::Flag, DeValue::Boolean(_))
            | (Shape::Seconds, DeValue::Integer(_) | DeValue::String(_))
            | (Shape::Date, DeValue::Datetime(_) | DeValue::String(_))
            | (Shape::List(_) | Shape::Pair(_) | Shape::Tables(_), DeValue::Array(_))
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
        Shape::Whole => "a whole number".to_owned(),
        Shape::Flag => "`true` or `false`".to_owned(),
        Shape::Seconds => "seconds, such as `5`, or a duration in quotes, such as `\"1m30s\"`".to_owned(),
        Shape::Date => "a day written `YYYY-MM-DD`, such as `2026-12-07`".to_owned(),
        Shape::List(Shape::Text) => "a list of text, such as `[\"...\", \"...\"]`".to_owned(),
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
