//! The walk over a parsed file that finds every problem of shape and mends the table as it
//! goes: a value of the wrong kind or an unknown key is taken out (a required value is stood in
//! for by a harmless one), so serde can then read the rest and its values be checked in the
//! same run. The places of the values stood in for are kept, so no problem is reported twice.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::{Field, Shape, expected, mismatch, unknown};
use crate::domain::diagnostic::Diagnostic;

pub(super) struct Walk<'a> {
    pub origin: &'a str,
    pub source: &'a str,
    /// Each with its byte offset, to sort them into the file's order.
    pub problems: Vec<(usize, Diagnostic)>,
    /// The places of the values stood in for: a later check of their value would only repeat
    /// the problem already told.
    pub stand_ins: Vec<Range<usize>>,
}

impl Walk<'_> {
    fn report(&mut self, span: Range<usize>, message: String) {
        let at = span.start;
        self.problems.push((at, Diagnostic::at(self.origin, self.source, Some(span), message)));
    }

    /// A table with `fields`, and other keys of the shape `other` if there is one.
    pub fn table(
        &mut self,
        path: &str,
        table: &mut DeTable<'_>,
        span: &Range<usize>,
        fields: &'static [Field],
        other: Option<Shape>,
    ) {
        let mut drop: Vec<String> = Vec::new();
        for (key, value) in table.iter_mut() {
            let name = key.get_ref().as_ref();
            let full = if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
            let (shape, required) = match (fields.iter().find(|field| field.name == name), other) {
                (Some(field), _) => (field.shape, field.required),
                // A key of the wrong shape for the table's own keys, close to one of its fields
                // (`defualt = "..."` beside `[exercise.ID]` tables): a misspelt field.
                (None, Some(shape)) if !super::fits(shape, value.get_ref()) && near_field(name, fields) => {
                    self.report(key.span(), unknown(name, path, fields));
                    drop.push(name.to_owned());
                    continue;
                }
                (None, Some(shape)) => (shape, false),
                (None, None) => {
                    self.report(key.span(), unknown(name, path, fields));
                    drop.push(name.to_owned());
                    continue;
                }
            };
            if !self.value(&full, value, shape) {
                if required {
                    let span = value.span();
                    self.stand_ins.push(span.clone());
                    *value = Spanned::new(span, stand_in(shape));
                } else {
                    drop.push(name.to_owned());
                }
            }
        }
        for name in &drop {
            table.remove(name.as_str());
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
                // Where nothing was written, nothing more can be said about it.
                let nowhere = self.source.len()..self.source.len();
                self.stand_ins.push(nowhere.clone());
                let key = Spanned::new(nowhere.clone(), Cow::Borrowed(field.name));
                table.insert(key, Spanned::new(nowhere, stand_in(field.shape)));
            }
        }
    }

    /// Checks `value` against `shape`, mending what is inside it; `false` when the value itself
    /// is of the wrong kind (reported), to be taken out or stood in for by the caller.
    pub fn value(&mut self, path: &str, value: &mut Spanned<DeValue<'_>>, shape: Shape) -> bool {
        let span = value.span();
        match (shape, value.get_mut()) {
            (Shape::Text, DeValue::String(_))
            | (Shape::Whole, DeValue::Integer(_))
            | (Shape::Flag, DeValue::Boolean(_))
            | (Shape::Seconds, DeValue::Integer(_) | DeValue::String(_))
            | (Shape::Date, DeValue::Datetime(_) | DeValue::String(_))
            | (Shape::Any, _) => true,
            (Shape::Word(words), DeValue::String(text)) => {
                let ok = words.contains(&text.as_ref());
                if !ok {
                    self.report(span, word_problem(path, text, words));
                }
                ok
            }
            (Shape::Points, DeValue::Array(items)) => {
                let whole = |v: &DeValue<'_>| matches!(v, DeValue::Integer(_));
                let ok = items.iter().all(|item| match item.get_ref() {
                    DeValue::Integer(_) => true,
                    DeValue::Array(pair) => pair.iter().all(|n| whole(n.get_ref())),
                    _ => false,
                });
                if !ok {
                    self.report(span, format!("`{path}` must be {}", expected(shape)));
                }
                ok
            }
            (Shape::List(item), DeValue::Array(items)) => {
                self.items(path, items, *item);
                true
            }
            (Shape::Pair(item), DeValue::Array(items)) if items.len() == 2 => {
                let mut ok = true;
                for (index, element) in items.iter_mut().enumerate() {
                    ok &= self.value(&format!("{path}[{}]", index + 1), element, *item);
                }
                ok
            }
            (Shape::Table(fields), DeValue::Table(table)) => {
                self.table(path, table, &span, fields, None);
                true
            }
            (Shape::Map(fields, other), DeValue::Table(table)) => {
                self.table(path, table, &span, fields, Some(*other));
                true
            }
            (Shape::Either(first, second), found) => {
                if super::fits(*first, found) {
                    self.value(path, value, *first)
                } else if super::fits(*second, found) {
                    self.value(path, value, *second)
                } else {
                    self.report(span, mismatch(path, shape, found));
                    false
                }
            }
            (Shape::Tables(fields), DeValue::Array(items)) => {
                let mut kept: Vec<Spanned<DeValue<'_>>> = Vec::new();
                for (index, mut element) in std::mem::replace(items, DeArray::new()).into_iter().enumerate() {
                    let element_span = element.span();
                    match element.get_mut() {
                        DeValue::Table(table) => {
                            self.table(&format!("{path}[{}]", index + 1), table, &element_span, fields, None);
                            kept.push(element);
                        }
                        other => self.report(element_span, mismatch(path, shape, other)),
                    }
                }
                *items = kept.into_iter().collect();
                true
            }
            (_, other) => {
                self.report(span, mismatch(path, shape, other));
                false
            }
        }
    }

    /// The items of a list, each of `shape`: those of the wrong kind reported and taken out.
    fn items(&mut self, path: &str, items: &mut DeArray<'_>, shape: Shape) {
        let mut kept: Vec<Spanned<DeValue<'_>>> = Vec::new();
        for (index, mut element) in std::mem::replace(items, DeArray::new()).into_iter().enumerate() {
            if self.value(&format!("{path}[{}]", index + 1), &mut element, shape) {
                kept.push(element);
            }
        }
        *items = kept.into_iter().collect();
    }
}

/// `sides[2]` is `up`; it must be `left` or `right`.
fn word_problem(path: &str, text: &str, words: &[&str]) -> String {
    let shown = crate::domain::untrusted::clean_line(text);
    let hint = crate::domain::spelling::nearest(text, words)
        .map_or(String::new(), |near| format!(" (did you mean `{near}`?)"));
    let choices = if let [one, two] = words {
        format!("`{one}` or `{two}`")
    } else {
        let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
        format!("one of {}", quoted.join(", "))
    };
    format!("`{path}` is `{shown}`; it must be {choices}{hint}")
}

/// A harmless value of `shape`, standing in for a required one that was of the wrong kind or
/// missing: valid, so checking it finds nothing more to say.
fn stand_in(shape: Shape) -> DeValue<'static> {
    let number = || DeValue::parse("1").map_or(DeValue::Boolean(false), Spanned::into_inner);
    match shape {
        Shape::Text | Shape::Date | Shape::Any => DeValue::String(Cow::Borrowed("x")),
        Shape::Word(words) => DeValue::String(Cow::Borrowed(words.first().copied().unwrap_or("x"))),
        Shape::Whole | Shape::Seconds => number(),
        Shape::Flag => DeValue::Boolean(false),
        Shape::List(_) | Shape::Tables(_) | Shape::Points => DeValue::Array(DeArray::new()),
        Shape::Pair(item) => {
            let item = || Spanned::new(0..0, stand_in(*item));
            DeValue::Array([item(), item()].into_iter().collect())
        }
        Shape::Table(fields) | Shape::Map(fields, _) => {
            let mut table = DeTable::new();
            for field in fields.iter().filter(|f| f.required) {
                table.insert(Spanned::new(0..0, Cow::Borrowed(field.name)), Spanned::new(0..0, stand_in(field.shape)));
            }
            DeValue::Table(table)
        }
        Shape::Either(first, _) => stand_in(*first),
    }
}

/// Whether `name` is close to the name of one of `fields`, as a slip of the keyboard is.
fn near_field(name: &str, fields: &[Field]) -> bool {
    let names: Vec<&str> = fields.iter().map(|field| field.name).collect();
    crate::domain::spelling::nearest(name, &names).is_some()
}
