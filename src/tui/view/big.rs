//! Big text at the size the room allows: tui-big-text's glyphs, grown by whole cells for large
//! terminals, grouped by the rows they take, and the choice of the largest that fits a width.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::domain::width::columns;

/// The sizes [`largest`] chooses from: a word on its own, as on the done screen.
const WORD_SIZES: [u16; 4] = [16, 8, 4, 1];

/// One way of drawing text big: tui-big-text's pixels, at their own size or, for the full
/// size, scaled to `columns` x `rows` cells a character (by whole cells, so it stays sharp).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Font {
    pub pixels: PixelSize,
    /// Columns each character takes.
    pub columns: u16,
    /// Rows each character takes.
    pub rows: u16,
}

const fn font(pixels: PixelSize, columns: u16, rows: u16) -> Font {
    Font { pixels, columns, rows }
}

/// The fonts of each height big text may take, widest (and so easiest to read) first: 4 rows
/// and more are big glyphs (1 is a line of bold text). The narrower font of 8 rows is the same
/// letters squeezed, for narrow terminals; above 8 rows the letters keep the full size's shape,
/// scaled up. The smaller pixel sizes of tui-big-text draw with "Symbols for Legacy Computing",
/// which common terminal fonts (`DejaVu Sans Mono` among them) lack, so they are not used.
const FONTS: &[(u16, &[Font])] = {
    use PixelSize::{Full, HalfHeight, HalfWidth, Quadrant};
    &[
        (32, &[font(Full, 32, 32)]),
        (24, &[font(Full, 24, 24)]),
        (16, &[font(Full, 16, 16)]),
        (12, &[font(Full, 12, 12)]),
        (8, &[font(Full, 8, 8), font(HalfWidth, 4, 8)]),
        (4, &[font(HalfHeight, 8, 4), font(Quadrant, 4, 4)]),
    ]
};

/// The fonts that take `rows` rows, widest first.
fn fonts(rows: u16) -> &'static [Font] {
    FONTS.iter().find(|(height, _)| *height == rows).map_or(&[], |(_, fonts)| fonts)
}

/// Text to draw big, chosen for a width and a height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Big {
    pub text: String,
    /// `None`: a line of plain (bold) text.
    pub font: Option<Font>,
    pub rows: u16,
    /// Columns the text takes.
    pub width: u16,
}

/// The form of `choices` (fullest first) that fits `width` in exactly `rows` rows, preferring
/// the fullest text, then the widest font. `None` if nothing fits at that height; at one row,
/// the first choice that fits always does (the last, cut, if none does).
pub fn fit(choices: &[String], rows: u16, width: u16) -> Option<Big> {
    fit_like(choices, choices, rows, width)
}

/// As [`fit`], but each form takes the room of its counterpart in `measures`, so that texts
/// drawn in turn in one place (`LEFT` and then `RIGHT`) get the same font and form: a form is
/// chosen only if its measure fits too.
pub fn fit_like(choices: &[String], measures: &[String], rows: u16, width: u16) -> Option<Big> {
    let none = String::new();
    let pairs = || choices.iter().zip(measures.iter().chain(std::iter::repeat(&none)));
    if rows == 1 {
        let fits = |(text, measure): &(&String, &String)| columns(text).max(columns(measure)) <= usize::from(width);
        let text = pairs().find(fits).map(|(text, _)| text).or_else(|| choices.last())?;
        let width = (columns(text) as u16).min(width);
        return Some(Big { text: text.clone(), font: None, rows: 1, width });
    }
    pairs().find_map(|(text, measure)| {
        let chars = text.chars().count().max(measure.chars().count()) as u16;
        fonts(rows).iter().find(|font| chars.saturating_mul(font.columns) <= width).map(|font| Big {
            text: text.clone(),
            font: Some(*font),
            rows,
            width: text.chars().count() as u16 * font.columns,
        })
    })
}

/// The largest of 16, 8, 4 and 1 rows, up to `max_rows`, at which `choices` fits `width`.
pub fn largest(choices: &[String], max_rows: u16, width: u16) -> Option<Big> {
    WORD_SIZES.iter().filter(|rows| **rows <= max_rows).find_map(|rows| fit(choices, *rows, width))
}

/// Draws `big` in `area` with `style`.
pub fn draw(frame: &mut Frame, area: Rect, big: &Big, style: Style, alignment: Alignment) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let Some(font) = big.font else {
        let line = Paragraph::new(Line::from(big.text.clone())).style(style).alignment(alignment);
        frame.render_widget(line, area);
        return;
    };
    // Bold means nothing to a block, and some terminals draw it twice, a pixel apart, which
    // leaves seams inside the glyphs.
    let style = style.remove_modifier(Modifier::BOLD);
    let widget = BigText::builder()
        .pixel_size(font.pixels)
        .style(style)
        .alignment(alignment)
        .lines(vec![Line::from(big.text.clone())])
        .build();
    if (font.columns, font.rows) == (8, 8) || font.pixels != PixelSize::Full {
        frame.render_widget(widget, area);
    } else {
        let width = big.width.min(area.width);
        let x = match alignment {
            Alignment::Left => area.x,
            Alignment::Center => area.x + (area.width - width) / 2,
            Alignment::Right => area.right() - width,
        };
        scaled(frame.buffer_mut(), Rect { x, width, ..area }, &big.text, style, font);
    }
}

/// Draws `text` in the full-size font scaled to `font`'s cells a character, into `area` (as
/// wide as the text): drawn at its own size first, then each cell of the result copied from
/// the cell it falls on, so every stroke stays whole cells.
fn scaled(target: &mut Buffer, area: Rect, text: &str, style: Style, font: Font) {
    let chars = text.chars().count() as u16;
    let small = Rect::new(0, 0, chars.saturating_mul(8), 8);
    let mut buffer = Buffer::empty(small);
    BigText::builder()
        .pixel_size(PixelSize::Full)
        .style(style)
        .lines(vec![Line::from(text.to_owned())])
        .build()
        .render(small, &mut buffer);
    for y in 0..area.height.min(font.rows) {
        for x in 0..area.width {
            let (char_index, within) = (x / font.columns, x % font.columns);
            let from = (char_index * 8 + within * 8 / font.columns, y * 8 / font.rows);
            if let (Some(cell), Some(target)) = (buffer.cell(from), target.cell_mut((area.x + x, area.y + y))) {
                *target = cell.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_fullest_text_wins_then_the_widest_font() {
        let knee = choices(&["LEFT KNEE", "LEFT"]);
        let pixels = |big: Option<Big>| big.and_then(|b| b.font).map(|f| (f.pixels, f.columns));
        assert_eq!(fit(&knee, 8, 80).map(|b| b.text), Some("LEFT KNEE".into()));
        assert_eq!(pixels(fit(&knee, 8, 80)), Some((PixelSize::Full, 8)));
        assert_eq!(pixels(fit(&knee, 8, 40)), Some((PixelSize::HalfWidth, 4)));
        assert_eq!(fit(&knee, 8, 30).map(|b| b.text), Some("LEFT".into()));
        assert_eq!(fit(&knee, 4, 15), None);
        assert_eq!(fit(&knee, 1, 5).map(|b| b.text), Some("LEFT".into()));
        assert_eq!(largest(&knee, 8, 15).map(|b| b.rows), Some(1));
        assert_eq!(largest(&knee, 4, 20).map(|b| (b.rows, b.text)), Some((4, "LEFT".into())));
        assert_eq!(pixels(fit(&knee, 24, 300)), Some((PixelSize::Full, 24)));
        assert_eq!(fit(&knee, 16, 100).map(|b| b.text), Some("LEFT".into()), "no squeezed letters above 8 rows");
    }

    #[test]
    fn a_form_takes_the_room_of_its_counterpart() {
        let left = choices(&["LEFT KNEE", "LEFT"]);
        let right = choices(&["RIGHT KNEE", "RIGHT"]);
        // LEFT KNEE alone fits the full size in 72 columns; RIGHT KNEE does not, so neither does.
        assert_eq!(fit(&left, 8, 72).and_then(|b| b.font).map(|f| f.columns), Some(8));
        let like = fit_like(&left, &right, 8, 72).expect("fits narrower");
        assert_eq!((like.text.as_str(), like.font.map(|f| f.columns)), ("LEFT KNEE", Some(4)));
        assert_eq!(like.width, 36, "its own width, for placing it");
    }

    #[test]
    fn scaled_text_keeps_its_strokes_whole() {
        let big = fit(&choices(&["I"]), 16, 40).expect("fits");
        let area = Rect::new(0, 0, 16, 16);
        let mut buffer = Buffer::empty(area);
        scaled(&mut buffer, area, "I", Style::new(), big.font.expect("big"));
        let filled: Vec<(u16, u16)> =
            (0..16).flat_map(|y| (0..16).map(move |x| (x, y))).filter(|p| buffer[*p].symbol() == "█").collect();
        assert!(!filled.is_empty());
        // Twice the full size: every drawn cell is one of a 2 x 2 block.
        for (x, y) in &filled {
            let (bx, by) = (x / 2 * 2, y / 2 * 2);
            for p in [(bx, by), (bx + 1, by), (bx, by + 1), (bx + 1, by + 1)] {
                assert_eq!(buffer[p].symbol(), "█", "{p:?} of the block at {bx},{by}");
            }
        }
    }
}
