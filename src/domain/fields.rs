//! Checked values of user files: durations and counts with their places, and the collector of
//! every problem found. Exercise, routine and config files share these, so a bad value reads
//! the same wherever it is written.

use std::ops::RangeInclusive;
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::diagnostic::Diagnostic;
use crate::domain::untrusted::clean_line;

/// A duration as written: whole seconds, or a string such as `"1m30s"`.
pub enum RawDuration {
    Seconds(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for RawDuration {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawDuration;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("whole seconds (`5`) or a string such as `\"1m30s\"`")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawDuration, E> {
                Ok(RawDuration::Seconds(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawDuration, E> {
                Ok(RawDuration::Seconds(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawDuration, E> {
                Ok(RawDuration::Text(v.to_owned()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Collects every problem found instead of stopping at the first.
pub struct Checker<'a> {
    pub origin: &'a str,
    pub source: &'a str,
    pub problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub fn report(&mut self, span: std::ops::Range<usize>, message: String) {
        let diagnostic = Diagnostic::at(self.origin, self.source, Some(span), message);
        self.problems.push(diagnostic);
    }

    /// A duration within `bounds`, or `None` with the problem reported at its place.
    pub fn seconds(
        &mut self,
        field: &str,
        value: &Spanned<RawDuration>,
        bounds: RangeInclusive<u64>,
    ) -> Option<Duration> {
        let secs = match value.get_ref() {
            RawDuration::Seconds(n) if *n < 0 => {
                self.report(value.span(), format!("`{field}` is `{n}`, but a duration cannot be negative"));
                return None;
            }
            RawDuration::Seconds(n) => n.unsigned_abs(),
            RawDuration::Text(text) => match crate::domain::duration::parse(text) {
                Ok(duration) => duration.as_secs(),
                Err(why) => {
                    let shown = clean_line(text);
                    self.report(value.span(), format!("`{field}` is `\"{shown}\"`, which {why}"));
                    return None;
                }
            },
        };
        if bounds.contains(&secs) {
            Some(Duration::from_secs(secs))
        } else {
            let (min, max) = (bounds.start(), bounds.end());
            self.report(value.span(), format!("`{field}` is {secs} s, outside the allowed {min} to {max} s"));
            None
        }
    }

    /// A count within `bounds`, or `None` with the problem reported at its place.
    pub fn count(&mut self, field: &str, value: &Spanned<i64>, bounds: RangeInclusive<u32>) -> Option<u32> {
        let n = *value.get_ref();
        match u32::try_from(n) {
            Ok(n) if bounds.contains(&n) => Some(n),
            _ => {
                let (min, max) = (bounds.start(), bounds.end());
                self.report(value.span(), format!("`{field}` is {n}, outside the allowed {min} to {max}"));
                None
            }
        }
    }
}

/// The TOML parser's message on one line, with a suggestion for a misspelt field.
pub fn toml_message(error: &toml::de::Error) -> String {
    // serde's names for the Rust types, in words a file's author knows.
    let message = clean_line(error.message())
        .replace("expected i64", "expected a whole number")
        .replace("as i128, ", "too large, ")
        .replace("expected a sequence", "expected a list such as `[\"...\"]`")
        .replace("invalid basic string, expected `\"`", "this string has no closing `\"`")
        .replace(
            "cannot recurse further; max recursion depth met",
            "nested too deeply: lists or tables inside each other, where no field needs more than two levels",
        );
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message;
    };
    let Some((unknown, expected)) = rest.split_once("`, expected ") else {
        return message;
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match crate::domain::spelling::nearest(unknown, &known) {
        Some(near) => format!("unknown field `{unknown}`, did you mean `{near}`? (known here: {})", known.join(", ")),
        None => format!("unknown field `{unknown}` (known here: {})", known.join(", ")),
    }
}
