//! The review as one self-contained HTML page: no script, no request, no outside font or image;
//! the charts inline SVG; a print stylesheet that fits one A4 or US Letter sheet. Every text
//! that came from a file (names, notes) is cleaned of control and direction characters, isolated
//! in `<bdi>` and escaped by maud, so it reads as the words it is and never as markup.

mod charts;
mod sections;

use jiff::civil::Date;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Facts, Review};
use crate::domain::untrusted::clean_line;

/// The stylesheet, inlined in the page.
const STYLE: &str = include_str!("page/style.css");

/// What the page allows itself, said to the browser too: nothing may load or run, whatever a
/// note holds. Styles are the page's own, inline.
pub const CONTENT_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// A sheet size to print on. Without one, the browser's print dialog chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// The CSS `@page` size.
    fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// The page, for `facts` and their `review`, made on `made`.
pub fn html(facts: &Facts, review: &Review, made: Date, paper: Option<Paper>) -> String {
    let title = match &facts.name {
        Some(name) => format!("Exercise report: {}", cut(&shown(name), sections::NAME_CHARS)),
        None => "Exercise report".to_owned(),
    };
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style {
                    (PreEscaped(STYLE))
                    @if let Some(paper) = paper { "@page { size: " (paper.css()) "; }" }
                }
            }
            body {
                main.sheet {
                    (sections::header(facts, made))
                    (sections::adherence(facts, review))
                    (sections::pain(facts, review))
                    (sections::dose(facts, review))
                    (sections::psfs(facts, review))
                    (sections::notes(review))
                }
            }
        }
    };
    markup.into_string()
}

/// Text from a file or a flag, as the page shows it: on one line, without control or direction
/// characters. maud escapes it where it is put.
pub fn shown(text: &str) -> String {
    clean_line(text)
}

/// Untrusted text as an isolated run, cut to `chars` characters: its direction cannot spill
/// onto the text around it.
fn isolated(text: &str, chars: usize) -> Markup {
    html! { bdi.wrap { (cut(&shown(text), chars)) } }
}

/// `text` cut to `chars` characters, the cut marked.
fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

/// `3 Mar`.
fn short_date(date: Date) -> String {
    date.strftime("%-d %b").to_string()
}

/// `3 Mar 2026`.
fn long_date(date: Date) -> String {
    date.strftime("%-d %b %Y").to_string()
}

/// One decimal: `5.4`.
fn decimal(value: f64) -> String {
    format!("{value:.1}")
}

/// A signed change with one decimal: `+1.5`, `−2.0` (a true minus sign), `0.0`.
fn signed(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}")
    } else if rounded < 0.0 {
        format!("\u{2212}{:.1}", -rounded)
    } else {
        "0.0".to_owned()
    }
}

/// `1 session`, `2 sessions`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests;
