//! WCAG contrast measured on drawn buffers, with xterm's default palette: text needs 4.5:1
//! against the background it is drawn on, big glyphs and bars 3:1.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::Theme;
use super::theme::relative_luminance;

/// xterm's sixteen standard colours.
const XTERM_16: [u32; 16] = [
    0x00_0000, 0xcd_0000, 0x00_cd00, 0xcd_cd00, 0x00_00ee, 0xcd_00cd, 0x00_cdcd, 0xe5_e5e5, 0x7f_7f7f, 0xff_0000,
    0x00_ff00, 0xff_ff00, 0x5c_5cff, 0xff_00ff, 0x00_ffff, 0xff_ffff,
];

/// The RGB of one of xterm's 256 colours.
pub fn xterm(index: u8) -> [u8; 3] {
    match index {
        0..=15 => {
            let [_, r, g, b] = XTERM_16[usize::from(index)].to_be_bytes();
            [r, g, b]
        }
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = index - 16;
            [level(n / 36), level(n / 6 % 6), level(n % 6)]
        }
        232..=255 => {
            let grey = 8 + 10 * (index - 232);
            [grey; 3]
        }
    }
}

fn rgb(colour: Color, default: [u8; 3]) -> [u8; 3] {
    let indexed = |i: u8| xterm(i);
    match colour {
        Color::Reset => default,
        Color::Black => indexed(0),
        Color::Red => indexed(1),
        Color::Green => indexed(2),
        Color::Yellow => indexed(3),
        Color::Blue => indexed(4),
        Color::Magenta => indexed(5),
        Color::Cyan => indexed(6),
        Color::Gray => indexed(7),
        Color::DarkGray => indexed(8),
        Color::LightRed => indexed(9),
        Color::LightGreen => indexed(10),
        Color::LightYellow => indexed(11),
        Color::LightBlue => indexed(12),
        Color::LightMagenta => indexed(13),
        Color::LightCyan => indexed(14),
        Color::White => indexed(15),
        Color::Indexed(i) => indexed(i),
        Color::Rgb(r, g, b) => [r, g, b],
    }
}

/// The contrast ratio of two colours, from 1 to 21.
pub fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Whether a cell's symbol is a big glyph's or a bar's (3:1 is enough) rather than text.
fn is_graphic(symbol: &str) -> bool {
    symbol.chars().all(|c| {
        matches!(c, '\u{2580}'..='\u{259f}' | '\u{2500}'..='\u{257f}' | '\u{1fb00}'..='\u{1fbff}' | '\u{1cc00}'..='\u{1ceaf}')
    })
}

/// Every cell of `buffer` with ink whose contrast is below its target in `theme`, as
/// `(x, y, symbol, ratio)`: text 4.5:1 against its cell's background; a block or stroke 3:1
/// against its cell's background, or, where a cell holds two inks, each 3:1 against the page.
/// An unset background is the theme's own, an unset foreground its text colour.
pub fn failures(buffer: &Buffer, theme: Theme) -> Vec<(u16, u16, String, f64)> {
    let base = theme.base();
    let background = rgb(theme.background(), [0, 0, 0]);
    let text = rgb(base.fg.unwrap_or(Color::Reset), xterm(7));
    let mut failures = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            // A blank has no ink to read.
            if symbol.trim().is_empty() {
                continue;
            }
            let (mut fg, mut bg) = (rgb(cell.fg, text), rgb(cell.bg, background));
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let measured = ratio(fg, bg);
            let readable = if is_graphic(symbol) {
                // Blocks and strokes (a figure's, say) may fill a cell with two inks that touch:
                // then each must stand out from the page around them instead.
                measured >= 3.0 || (ratio(fg, background) >= 3.0 && ratio(bg, background) >= 3.0)
            } else {
                measured >= 4.5
            };
            // DIM has no defined colour: a terminal may draw it at any strength.
            if !readable || cell.modifier.contains(Modifier::DIM) {
                failures.push((x, y, symbol.to_owned(), measured));
            }
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_and_ratios_match_xterm_and_wcag() {
        assert_eq!(xterm(16), [0, 0, 0]);
        assert_eq!(xterm(231), [255, 255, 255]);
        assert_eq!(xterm(25), [0, 95, 175]);
        assert_eq!(xterm(244), [128, 128, 128]);
        assert_eq!(xterm(11), [255, 255, 0]);
        assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        // The measure: yellow text on white.
        assert!((ratio(xterm(11), xterm(15)) - 1.07).abs() < 0.01);
    }
}
