//! The moving figure: a stance of the exercise's body drawn with thick half-block strokes.
//!
//! Self-contained: give it an area, the [`Stance`] and the theme. The drawing keeps the figure's
//! box square on screen (a cell is about twice as tall as wide, a half-block pixel is square) and
//! centres it in the area; its strokes thicken as it grows, so it reads from the mat.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line, Points};

use super::Theme;
use crate::domain::figure::{Extent, Stance};

/// The smallest figure worth drawing, in cells: smaller, a stroke is most of the drawing.
pub const MIN_WIDTH: u16 = 12;
pub const MIN_HEIGHT: u16 = 6;

/// A point part (such as a head) is a disc this wide, in box units.
const DISC_RADIUS: f64 = 8.0;

/// The figure of one stance, drawn into whatever area it is given.
pub struct FigureView<'a> {
    stance: &'a Stance,
    theme: Theme,
}

impl<'a> FigureView<'a> {
    pub fn new(stance: &'a Stance, theme: Theme) -> Self {
        FigureView { stance, theme }
    }

    /// The part of `area` the figure takes: the largest box of its frame's shape inside it
    /// (a half-block pixel is square: one column, half a row), centred. Empty when that is
    /// smaller than the figure's minimum.
    pub fn fit(area: Rect, extent: &Extent) -> Rect {
        let aspect = extent.aspect();
        // Columns for the full height, or rows for the full width, whichever fits.
        let full_height = (f64::from(area.height) * 2.0 * aspect).floor();
        let (width, height) = if full_height <= f64::from(area.width) {
            (full_height as u16, area.height)
        } else {
            (area.width, (f64::from(area.width) / aspect / 2.0).floor() as u16)
        };
        if height < MIN_HEIGHT || width < MIN_WIDTH {
            return Rect::new(area.x, area.y, 0, 0);
        }
        Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
    }
}

impl Widget for FigureView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let frame = self.stance.extent;
        let area = Self::fit(area.intersection(buf.area), &frame);
        if area.is_empty() {
            return;
        }
        let base = self.theme.base();
        let still = base.fg.unwrap_or(Color::Reset);
        let moving = self.theme.side_colour(self.stance.side).unwrap_or(still);
        // One pixel in box units, across and up: strokes are drawn again at these offsets.
        let pixel = (
            (frame.right - frame.left) / f64::from(area.width),
            (frame.top - frame.bottom) / (f64::from(area.height) * 2.0),
        );
        // Two pixels wide on a small figure, more as it grows: about a twentieth of the box.
        let thickness = (area.width / 20).max(2);
        // Whole pixels either way of the line, so each copy lands on its own pixels.
        let offsets: Vec<(f64, f64)> = (0..thickness)
            .flat_map(|i| (0..thickness).map(move |j| (i, j)))
            .map(|(i, j)| {
                let shift = |n: u16| f64::from(n) - f64::from(thickness / 2);
                (shift(i) * pixel.0, shift(j) * pixel.1)
            })
            .collect();
        let canvas = Canvas::default()
            .marker(Marker::HalfBlock)
            .background_color(base.bg.unwrap_or(Color::Reset))
            .x_bounds([frame.left, frame.right])
            .y_bounds([frame.bottom, frame.top])
            .paint(|ctx| {
                // Still parts first, so the moving ones are drawn over them.
                for (is_moving, colour) in [(false, still), (true, moving)] {
                    for part in self.stance.parts.iter().filter(|p| p.moving == is_moving) {
                        stroke(ctx, &part.points, colour, &offsets, pixel);
                    }
                }
            });
        canvas.render(area, buf);
    }
}

/// A line through `points`, or a disc for a single point, thickened by drawing it at each offset.
fn stroke(ctx: &mut Context, points: &[(f64, f64)], color: Color, offsets: &[(f64, f64)], pixel: (f64, f64)) {
    if let [(x, y)] = points {
        let disc = disc(*x, *y, pixel);
        ctx.draw(&Points { coords: &disc, color });
        return;
    }
    for pair in points.windows(2) {
        let [(x1, y1), (x2, y2)] = [pair[0], pair[1]];
        for (dx, dy) in offsets {
            ctx.draw(&Line { x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, color });
        }
    }
}

/// The pixel centres of a filled disc around `(x, y)`.
fn disc(x: f64, y: f64, pixel: (f64, f64)) -> Vec<(f64, f64)> {
    let mut coords = Vec::new();
    let steps = |size: f64| (DISC_RADIUS / size).ceil() as i32;
    for i in -steps(pixel.0)..=steps(pixel.0) {
        for j in -steps(pixel.1)..=steps(pixel.1) {
            let (dx, dy) = (f64::from(i) * pixel.0, f64::from(j) * pixel.1);
            if dx * dx + dy * dy <= DISC_RADIUS * DISC_RADIUS {
                coords.push((x + dx, y + dy));
            }
        }
    }
    coords
}

/// The stance drawn without colour, as lines of text: as large as fits in `width` x `height`
/// cells, with no blank rows around it.
pub fn text_lines(stance: &Stance, width: u16, height: u16) -> Vec<String> {
    let fitted = FigureView::fit(Rect::new(0, 0, width, height), &stance.extent);
    let area = Rect::new(0, 0, width, fitted.height);
    let mut buffer = Buffer::empty(area);
    FigureView::new(stance, Theme::new(super::Palette::Dark, true)).render(area, &mut buffer);
    (0..area.height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect::<String>().trim_end().to_owned())
        .collect()
}
