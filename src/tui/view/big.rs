//! Big text at the size the room allows: the pixel sizes of tui-big-text grouped by the rows
//! they take, and the choice of the largest that fits a width.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::domain::width::columns;

/// Rows a piece of big text may take: 16, 8 and 4 are big glyphs, 1 is a line of bold text.
/// The smaller pixel sizes of tui-big-text draw with "Symbols for Legacy Computing", which
/// common terminal fonts (`DejaVu Sans Mono` among them) lack, so they are not used; 16 is the
/// full size drawn twice as large, for large terminals.
pub const SIZES: [u16; 4] = [16, 8, 4, 1];

/// The pixel sizes that take `rows` rows, widest (and so easiest to read) first, with the
/// columns each character takes and how many cells each way a drawn cell becomes.
fn fonts(rows: u16) -> &'static [(PixelSize, u16, u16)] {
    match rows {
        16 => &[(PixelSize::Full, 16, 2)],
        8 => &[(PixelSize::Full, 8, 1), (PixelSize::HalfWidth, 4, 1)],
        4 => &[(PixelSize::HalfHeight, 8, 1), (PixelSize::Quadrant, 4, 1)],
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
    /// Cells each way that one cell of the drawing becomes: 2 for the doubled full size.
    pub scale: u16,
}

/// The form of `choices` (fullest first) that fits `width` in exactly `rows` rows, preferring
/// the fullest text, then the widest pixels. `None` if nothing fits at that height; at one
/// row, the first choice always fits (cut if it must be).
pub fn fit(choices: &[String], rows: u16, width: u16) -> Option<Big> {
    if rows == 1 {
        let text = choices.iter().find(|c| columns(c) <= usize::from(width)).or_else(|| choices.last())?;
        let width = (columns(text) as u16).min(width);
        return Some(Big { text: text.clone(), pixels: None, rows: 1, width, scale: 1 });
    }
    choices.iter().find_map(|text| {
        let chars = text.chars().count() as u16;
        fonts(rows).iter().find(|(_, columns, _)| chars.saturating_mul(*columns) <= width).map(
            |(pixels, columns, scale)| Big {
                text: text.clone(),
                pixels: Some(*pixels),
                rows,
                width: chars * columns,
                scale: *scale,
            },
        )
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
        if big.scale > 1 {
            scaled(frame, area, &widget, big.scale);
        } else {
            frame.render_widget(widget, area);
        }
    } else {
        let line = Paragraph::new(Line::from(big.text.clone())).style(style).alignment(alignment);
        frame.render_widget(line, area);
    }
}

/// Draws `widget` `scale` times as large: into a buffer `scale` times smaller than `area`, each
/// of whose cells then fills `scale` x `scale` cells. Only for full-size pixels, which are
/// whole cells, so nothing is lost.
fn scaled(frame: &mut Frame, area: Rect, widget: &BigText, scale: u16) {
    let small = Rect::new(0, 0, area.width / scale, area.height / scale);
    let mut buffer = Buffer::empty(small);
    widget.render(small, &mut buffer);
    let target = frame.buffer_mut();
    for y in 0..small.height {
        for x in 0..small.width {
            let cell = buffer[(x, y)].clone();
            for (dx, dy) in (0..scale).flat_map(|dx| (0..scale).map(move |dy| (dx, dy))) {
                let position = (area.x + x * scale + dx, area.y + y * scale + dy);
                if let Some(target) = target.cell_mut(position) {
                    *target = cell.clone();
                }
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
