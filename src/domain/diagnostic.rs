//! Errors in a source file, located by line and column and shown like a compiler's.

use std::fmt;
use std::ops::Range;

/// One problem in one file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file's name as the user gave it (a path, or `built-in NAME`).
    pub origin: String,
    /// 1-based line and column; `None` for problems of the whole file.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// The offending line, cleaned for display; empty when there is no position.
    pub source_line: String,
}

impl Diagnostic {
    /// A problem of the whole file (unreadable, not UTF-8, empty).
    pub fn whole_file(origin: &str, message: impl Into<String>) -> Self {
        Self { origin: origin.to_owned(), position: None, message: message.into(), source_line: String::new() }
    }

    /// A problem at a byte span of `source`; a span past the end points at the last line.
    pub fn at(origin: &str, source: &str, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        let Some(span) = span else {
            return Self::whole_file(origin, message);
        };
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let text = source[line_start..line_end].trim_end_matches('\r');
        Self {
            origin: origin.to_owned(),
            position: Some((line, column)),
            message: message.into(),
            source_line: crate::domain::untrusted::clean_line(&crate::domain::width::fit(text, 200)),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(f, "{}:{line}:{column}: {}", self.origin, self.message)?;
                if !self.source_line.is_empty() {
                    write!(f, "\n  {line:>4} | {}", self.source_line)?;
                }
                Ok(())
            }
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A file with these problems: why an exercise, a routine or the config was refused, every
/// problem found, each with its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InvalidFile {
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for InvalidFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_become_lines_and_columns() {
        let source = "name = \"x\"\nhold = \"five\"\n";
        let at = Diagnostic::at("a.toml", source, Some(18..24), "bad");
        assert_eq!(at.position, Some((2, 8)));
        assert_eq!(at.source_line, "hold = \"five\"");
        assert_eq!(at.to_string(), "a.toml:2:8: bad\n     2 | hold = \"five\"");
    }

    #[test]
    fn a_span_past_the_end_is_clamped() {
        let at = Diagnostic::at("a.toml", "a = [", Some(99..100), "unclosed");
        assert_eq!(at.position, Some((1, 6)));
    }

    #[test]
    fn no_span_means_the_whole_file() {
        let at = Diagnostic::at("a.toml", "", None, "empty");
        assert_eq!(at.to_string(), "a.toml: empty");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "name = \"é\" x";
        let at = Diagnostic::at("a.toml", source, Some(12..13), "junk");
        assert_eq!(at.position, Some((1, 12)));
    }
}
