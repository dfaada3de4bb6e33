//! Big text at the size the room allows: the pixel sizes of tui-big-text grouped by the rows
//! they take, and the choice of the largest that fits a width.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Rows a piece of big text may take: 8 and 4 are big glyphs, 1 is a line of bold text. The
/// smaller pixel sizes of tui-big-text draw with "Symbols for Legacy Computing", which common
/// terminal fonts (`DejaVu Sans Mono` among them) lack, so they are not used.
pub const SIZES: [u16; 3] = [8, 4, 1];

/// The pixel sizes that take `rows` rows, widest (and so easiest to read) first, with the
/// columns each character takes.
fn fonts(rows: u16) -> &'static [(PixelSize, u16)] {
    match rows {
        8 => &[(PixelSize::Full, 8), (PixelSize::HalfWidth, 4)],
        4 => &[(PixelSize::HalfHeight, 8), (PixelSize::Quadrant, 4)],
        _ => &[],
    }
}

/// Text to draw big, chosen for a width and a height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Big {
    pub text: String,
    /// `None`: a line of plain (bold) text.
    pub pixels: Option<PixelSize>,
    pub rows: u16,
    /// Columns the text takes.
    pub width: u16,
}

/// The form of `choices` (fullest first) that fits `width` in exactly `rows` rows, preferring
/// the fullest text, then the widest pixels. `None` if nothing fits at that height; at one
/// row, the first choice always fits (cut if it must be).
pub fn fit(choices: &[String], rows: u16, width: u16) -> Option<Big> {
    if rows == 1 {
        let text = choices.iter().find(|c| c.chars().count() <= usize::from(width)).or_else(|| choices.last())?;
        let width = (text.chars().count() as u16).min(width);
        return Some(Big { text: text.clone(), pixels: None, rows: 1, width });
    }
    choices.iter().find_map(|text| {
        let chars = text.chars().count() as u16;
        fonts(rows).iter().find(|(_, columns)| chars.saturating_mul(*columns) <= width).map(|(pixels, columns)| Big {
            text: text.clone(),
            pixels: Some(*pixels),
            rows,
            width: chars * columns,
        })
    })
}

/// The largest of [`SIZES`] up to `max_rows` at which `choices` fits `width`.
pub fn largest(choices: &[String], max_rows: u16, width: u16) -> Option<Big> {
    SIZES.iter().filter(|rows| **rows <= max_rows).find_map(|rows| fit(choices, *rows, width))
}

/// Draws `big` in `area` with `style`.
pub fn draw(frame: &mut Frame, area: Rect, big: &Big, style: Style, alignment: Alignment) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    if let Some(pixels) = big.pixels {
        let widget = BigText::builder()
            .pixel_size(pixels)
            .style(style)
            .alignment(alignment)
            .lines(vec![Line::from(big.text.clone())])
            .build();
        frame.render_widget(widget, area);
    } else {
        let line = Paragraph::new(Line::from(big.text.clone())).style(style).alignment(alignment);
        frame.render_widget(line, area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_fullest_text_wins_then_the_widest_pixels() {
        let knee = choices(&["LEFT KNEE", "LEFT"]);
        assert_eq!(fit(&knee, 8, 80).map(|b| (b.text, b.pixels)), Some(("LEFT KNEE".into(), Some(PixelSize::Full))));
        assert_eq!(fit(&knee, 8, 40).map(|b| b.pixels), Some(Some(PixelSize::HalfWidth)));
        assert_eq!(fit(&knee, 8, 30).map(|b| b.text), Some("LEFT".into()));
        assert_eq!(fit(&knee, 4, 15), None);
        assert_eq!(fit(&knee, 1, 5).map(|b| b.text), Some("LEFT".into()));
        assert_eq!(largest(&knee, 8, 15).map(|b| b.rows), Some(1));
        assert_eq!(largest(&knee, 4, 20).map(|b| (b.rows, b.text)), Some((4, "LEFT".into())));
    }
}
