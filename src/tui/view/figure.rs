//! The moving figure: a stance of the exercise's body drawn as filled, round-ended strokes in
//! quarter blocks (`▖ ▞ ▙ █`, two across and two down a cell).
//!
//! Self-contained: give it an area, the [`Stance`] and the theme. The drawing keeps the figure's
//! box in proportion on screen (a cell is about twice as tall as wide; the figure is laid out in
//! square units of a column by half a row, each drawn as 2 x 2 finer square pixels, a cell as
//! 2 x 4, read back in quarters of a cell, so an edge can fall inside a cell) and centres it in
//! the area. Each part is as thick as the exercise file says, in box units, so a trunk reads as a
//! trunk and a head as a head at every size; a stroke is never thinner than about a column, so
//! nothing breaks up on a small figure or fades from the mat.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::Theme;
use crate::domain::figure::{Extent, Placed, Stance};

/// The smallest figure worth drawing, in cells: smaller, a stroke is most of the drawing.
pub const MIN_WIDTH: u16 = 12;
pub const MIN_HEIGHT: u16 = 6;

/// The thinnest stroke, as a radius in square units of a column by half a row: a line at any
/// angle stays unbroken.
const MIN_RADIUS_UNITS: f64 = 0.75;

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
    /// (its units are square: one column, half a row), centred. Empty when that is
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

/// The fewest columns a figure of `extent` needs to be drawn at all: its minimum height at its
/// shape. A wide, low figure (a body lying, seen from the side) needs more than a third of 80.
pub fn min_columns(extent: &Extent) -> u16 {
    let columns = (f64::from(MIN_HEIGHT) * 2.0 * extent.aspect()).ceil();
    (columns.min(f64::from(u16::MAX)) as u16).max(MIN_WIDTH)
}

/// What a pixel shows, when not the page: the floor, a part behind the body, a part in the body's
/// colour, or one in the side's colour (a part that moves on the side being worked). In that
/// order they rank, lowest first, when the pixels of a quarter of a cell differ: the moving part's
/// wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ink {
    Floor,
    Behind,
    Body,
    Side,
}

impl Ink {
    /// The ink a part is drawn in.
    fn of(part: &Placed) -> Ink {
        match (part.in_side_colour, part.behind) {
            (true, _) => Ink::Side,
            (false, true) => Ink::Behind,
            (false, false) => Ink::Body,
        }
    }
}

impl Widget for FigureView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = Self::fit(area.intersection(buf.area), &self.stance.extent);
        if area.is_empty() {
            return;
        }
        let base = self.theme.base();
        let background = base.bg.unwrap_or(Color::Reset);
        let body = base.fg.unwrap_or(Color::Reset);
        let side = self.theme.side_colour(self.stance.side).unwrap_or(body);
        let floor = self.theme.behind().fg.unwrap_or(body);
        let colour = |ink: Ink| match ink {
            Ink::Floor | Ink::Behind => floor,
            Ink::Body => body,
            Ink::Side => side,
        };
        let pixels = rasterize(self.stance, area.width * 2, area.height * 4, DENSITY);
        for row in 0..area.height {
            for column in 0..area.width {
                let Some((symbol, fg, bg)) = cell_of(quarters(&pixels, area.width * 2, column, row)) else { continue };
                // Two inks of one colour (without colours, all are) are one block: the page
                // never shows through a part drawn whole.
                let (symbol, bg) = match bg.map(colour) {
                    Some(same) if same == colour(fg) => ("█", same),
                    other => (symbol, other.unwrap_or(background)),
                };
                if let Some(cell) = buf.cell_mut((area.x + column, area.y + row)) {
                    cell.set_symbol(symbol).set_fg(colour(fg)).set_bg(bg);
                }
            }
        }
        // Labels last, in their part's ink and bold, on the page: a letter is never hidden.
        for (text, (x, y), ink) in labels(self.stance, area.width, area.height * 2) {
            let letters = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
            let column =
                (x.floor().max(0.0) as u16).saturating_sub(letters / 2).min(area.width.saturating_sub(letters));
            let row = ((y / 2.0).floor().max(0.0) as u16).min(area.height - 1);
            let style = Style::new().fg(colour(ink)).bg(background).add_modifier(Modifier::BOLD);
            buf.set_string(area.x + column, area.y + row, &text, style);
        }
    }
}

/// The box's point `(x, y)` as a position in `width` x `height` square pixels, from the top left.
fn pixel_of(extent: &Extent, width: u16, height: u16) -> impl Fn((f64, f64)) -> (f64, f64) + use<> {
    let unit = ((extent.right - extent.left) / f64::from(width), (extent.top - extent.bottom) / f64::from(height));
    let (left, top) = (extent.left, extent.top);
    move |(x, y)| ((x - left) / unit.0, (top - y) / unit.1)
}

/// The labelled parts: each one's letters, where its point falls in `width` x `height` units (a
/// column by half a row), and its ink.
fn labels(stance: &Stance, width: u16, height: u16) -> Vec<(String, (f64, f64), Ink)> {
    let to_pixel = pixel_of(&stance.extent, width, height);
    stance
        .parts
        .iter()
        .filter_map(|part| {
            let text = part.label.clone()?;
            let point = part.points.first().copied()?;
            Some((text, to_pixel(point), Ink::of(part)))
        })
        .collect()
}

/// The stance as `width` x `height` square pixels, row by row from the top: for each, the ink
/// of the last part drawn over it. The floor is drawn first, then the parts behind the body (a far
/// leg, a pillow), then the rest. In each of those, the parts in the body's colour go under those in the side's, in
/// the figure's order, and the outlined parts come last: an outlined part is in front of what it
/// crosses. A labelled part is not painted: its letters are written over the cells afterwards.
fn rasterize(stance: &Stance, width: u16, height: u16, density: f64) -> Vec<Option<Ink>> {
    let extent = stance.extent;
    let mut pixels = vec![None; usize::from(width) * usize::from(height)];
    if width == 0 || height == 0 {
        return pixels;
    }
    let to_pixel = pixel_of(&extent, width, height);
    // Box units per pixel (equal across and up, but for rounding of the fitted area).
    let scale = f64::midpoint(
        (extent.right - extent.left) / f64::from(width),
        (extent.top - extent.bottom) / f64::from(height),
    );
    let floor: Vec<(f64, f64)> = stance.floor.iter().copied().map(&to_pixel).collect();
    let thinnest = MIN_RADIUS_UNITS * density;
    let floor_radius = stance.floor_width.map_or(thinnest, |w| (w / 2.0 / scale).max(thinnest));
    paint(&mut pixels, width, height, &floor, floor_radius, Ink::Floor);
    // What lies under the parts in the side's colour: the floor and every other part. A ring cut
    // into one shows this, not the page, so it never makes a hole in the trunk or the floor a
    // moving leg lies on. Kept only where a part has a ring to cut.
    let mut beneath = stance.parts.iter().any(|part| part.outlined).then(|| pixels.clone());
    for behind in [true, false] {
        for (outlined, side) in [(false, false), (false, true), (true, false), (true, true)] {
            let layer = |p: &&Placed| p.behind == behind && p.outlined == outlined && p.in_side_colour == side;
            for part in stance.parts.iter().filter(layer).filter(|p| p.label.is_none()) {
                let points: Vec<(f64, f64)> = part.points.iter().copied().map(&to_pixel).collect();
                let own = part.width / 2.0 / scale;
                let radius = own.max(thinnest);
                // Drawn at the thinnest, a ring would be as wide as the part: none then.
                if let Some(beneath) = beneath.as_deref().filter(|_| part.outlined && own >= thinnest) {
                    let ring = Ring { points: &points, radius: radius + OUTLINE_UNITS * density };
                    ring.cut(&mut pixels, beneath, width, height);
                }
                let ink = Ink::of(part);
                paint(&mut pixels, width, height, &points, radius, ink);
                if let Some(beneath) = beneath.as_mut().filter(|_| ink != Ink::Side) {
                    paint(beneath, width, height, &points, radius, ink);
                }
            }
        }
    }
    pixels
}

/// How wide the ring of page round an outlined part is, in units of a column by half a row: one
/// and a half, at every size, so it parts two limbs without eating either. Drawn in quarters two
/// fine pixels tall, a ring of two fine pixels could fall across two quarters, each then inked by
/// its other pixel, and leave no gap: three always hold one whole quarter.
const OUTLINE_UNITS: f64 = 1.5;

/// Fine square pixels drawn for each unit, across and down: a cell is drawn as 2 x 4
/// of them, read back as its four quarters (two across, two down), each two pixels tall.
const DENSITY: f64 = 2.0;

/// The inks of the four quarters of the cell at `column`, `row` in pixels `width` wide at 2 x 4
/// a cell: top left, top right, bottom left, bottom right. A quarter has the ink of either of its
/// two pixels, the side's over the body's over the rest: a thin part never drops out.
fn quarters(pixels: &[Option<Ink>], width: u16, column: u16, row: u16) -> [Option<Ink>; 4] {
    let at = |x: u16, y: u16| pixels[usize::from(y) * usize::from(width) + usize::from(x)];
    let quarter = |across: u16, down: u16| {
        let (x, y) = (column * 2 + across, row * 4 + down * 2);
        [at(x, y), at(x, y + 1)].into_iter().flatten().max()
    };
    [quarter(0, 0), quarter(1, 0), quarter(0, 1), quarter(1, 1)]
}

/// The block that draws four quarters, its ink and its background (`None`: the page). A cell
/// holds two colours: where the quarters have two inks and the page, the lesser ink is drawn
/// in the greater's.
fn cell_of(quarters: [Option<Ink>; 4]) -> Option<(&'static str, Ink, Option<Ink>)> {
    let count = |ink: Ink| quarters.iter().filter(|q| **q == Some(ink)).count();
    let main = quarters.iter().flatten().copied().max_by_key(|ink| (count(*ink), *ink))?;
    let other = quarters.iter().flatten().copied().filter(|ink| *ink != main).max_by_key(|ink| (count(*ink), *ink));
    let background = other.filter(|_| quarters.iter().all(Option::is_some));
    let shows = |quarter: &Option<Ink>| match background {
        Some(_) => *quarter == Some(main),
        None => quarter.is_some(),
    };
    let mask = quarters.iter().enumerate().filter(|(_, q)| shows(q)).fold(0, |mask, (i, _)| mask | (8 >> i));
    Some((QUARTER_BLOCKS[mask], main, background))
}

/// The block for each set of quarters: bit 8 the top left, 4 the top right, 2 the bottom left,
/// 1 the bottom right.
const QUARTER_BLOCKS: [&str; 16] = [" ", "▗", "▖", "▄", "▝", "▐", "▞", "▟", "▘", "▚", "▌", "▙", "▀", "▜", "▛", "█"];

/// Whether `symbol` is a block the figure is drawn with, as tests read a screen.
#[cfg(test)]
pub fn is_ink(symbol: &str) -> bool {
    inked_quarters(symbol).contains(&true)
}

/// Which quarters of a cell drawing `symbol` are in its ink: top left, top right, bottom left,
/// bottom right; all four blank for anything but a block. For tests that read a screen.
#[cfg(test)]
pub fn inked_quarters(symbol: &str) -> [bool; 4] {
    let mask = QUARTER_BLOCKS.iter().position(|block| *block == symbol).unwrap_or(0);
    [mask & 8 != 0, mask & 4 != 0, mask & 2 != 0, mask & 1 != 0]
}

/// The ring of page round an outlined part: the pixels within `radius` of the line through
/// `points`.
struct Ring<'a> {
    points: &'a [(f64, f64)],
    radius: f64,
}

impl Ring<'_> {
    /// Cuts the ring into the parts in the side's colour drawn so far, showing what is `beneath`
    /// them there (the page, or a part in the body's colour or the floor they lie on). Only those
    /// are cut: in colour they share the side's, so two of them (an arm round the knee it pulls) would merge
    /// into one block. A part in the body's colour is never cut, even where no colour sets it apart (`NO_COLOR`,
    /// `show`): one such part lying on another (the arm at rest along the trunk) would come out
    /// as a hollow loop. A side-coloured part joined to the outlined one is parted from it at the joint.
    fn cut(&self, pixels: &mut [Option<Ink>], beneath: &[Option<Ink>], width: u16, height: u16) {
        let mut ring = vec![None; pixels.len()];
        paint(&mut ring, width, height, self.points, self.radius, Ink::Side);
        for ((pixel, covered), under) in pixels.iter_mut().zip(ring).zip(beneath) {
            if covered.is_some() && *pixel == Some(Ink::Side) {
                *pixel = *under;
            }
        }
    }
}

/// Marks every pixel whose centre lies within `radius` of the line through `points` (of the
/// point, for one): a thick stroke with round ends and joints.
fn paint(pixels: &mut [Option<Ink>], width: u16, height: u16, points: &[(f64, f64)], radius: f64, ink: Ink) {
    let segments: Vec<((f64, f64), (f64, f64))> = match points {
        [] => return,
        [only] => vec![(*only, *only)],
        _ => points.windows(2).map(|pair| (pair[0], pair[1])).collect(),
    };
    for (a, b) in segments {
        let span = |low: f64, high: f64, limit: u16| {
            let first = (low - radius - 0.5).floor().max(0.0) as u16;
            let last = ((high + radius - 0.5).ceil().max(0.0) as u16).min(limit.saturating_sub(1));
            first..=last
        };
        for y in span(a.1.min(b.1), a.1.max(b.1), height) {
            for x in span(a.0.min(b.0), a.0.max(b.0), width) {
                let centre = (f64::from(x) + 0.5, f64::from(y) + 0.5);
                if distance(centre, a, b) <= radius {
                    pixels[usize::from(y) * usize::from(width) + usize::from(x)] = Some(ink);
                }
            }
        }
    }
}

/// The distance from `point` to the segment from `start` to `end`.
fn distance(point: (f64, f64), start: (f64, f64), end: (f64, f64)) -> f64 {
    let (dx, dy) = (end.0 - start.0, end.1 - start.1);
    let length = dx * dx + dy * dy;
    let along = if length == 0.0 {
        0.0
    } else {
        (((point.0 - start.0) * dx + (point.1 - start.1) * dy) / length).clamp(0.0, 1.0)
    };
    let nearest = (start.0 + along * dx, start.1 + along * dy);
    ((point.0 - nearest.0).powi(2) + (point.1 - nearest.1).powi(2)).sqrt()
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

/// The stance at one pixel a unit (a column by half a row), as tests count them.
#[cfg(test)]
fn rasterize_plain(stance: &Stance, width: u16, height: u16) -> Vec<Option<Ink>> {
    rasterize(stance, width, height, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figure::Extent;

    fn stance(parts: Vec<Placed>) -> Stance {
        Stance {
            parts,
            floor: Vec::new(),
            floor_width: None,
            side: None,
            flipped: false,
            extent: Extent { left: 0.0, right: 100.0, bottom: 0.0, top: 50.0 },
        }
    }

    fn line(points: &[(f64, f64)], width: f64, in_side_colour: bool) -> Placed {
        Placed { points: points.to_vec(), in_side_colour, width, label: None, behind: false, outlined: false }
    }

    #[test]
    fn a_stroke_is_as_thick_as_its_width_and_round_at_the_ends() {
        // 100 x 50 box units in 100 x 50 pixels: a unit is a pixel.
        let drawn = rasterize_plain(&stance(vec![line(&[(20.0, 25.0), (80.0, 25.0)], 10.0, false)]), 100, 50);
        let column = |x: usize| (0..50).filter(|y| drawn[y * 100 + x].is_some()).count();
        assert_eq!(column(50), 10, "ten units thick in the middle");
        assert!(column(16) > 0 && column(16) < 10, "rounded past the end");
        assert_eq!(column(10), 0, "nothing beyond the round end");
    }

    #[test]
    fn a_thin_line_never_breaks_up_on_a_small_figure() {
        let thin = stance(vec![line(&[(0.0, 0.0), (100.0, 50.0)], 0.1, false)]);
        let drawn = rasterize_plain(&thin, 20, 10);
        for x in 0..20 {
            assert!((0..10).any(|y| drawn[y * 20 + x].is_some()), "column {x} has a pixel of the diagonal");
        }
    }

    #[test]
    fn moving_parts_are_drawn_over_still_ones() {
        let crossing = stance(vec![
            line(&[(50.0, 0.0), (50.0, 50.0)], 10.0, true),
            line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, false),
        ]);
        let drawn = rasterize_plain(&crossing, 100, 50);
        assert_eq!(drawn[25 * 100 + 50], Some(Ink::Side));
        assert_eq!(drawn[25 * 100 + 10], Some(Ink::Body));
    }

    /// The colour each quarter of the cell at `(x, y)` shows: top left, top right, bottom left,
    /// bottom right.
    fn quarter_colours(buffer: &Buffer, x: u16, y: u16) -> [Color; 4] {
        let cell = &buffer[(x, y)];
        inked_quarters(cell.symbol()).map(|inked| if inked { cell.fg } else { cell.bg })
    }

    #[test]
    fn two_inks_share_a_cell_as_an_upper_half_over_a_lower() {
        let two = stance(vec![
            line(&[(0.0, 50.0), (100.0, 50.0)], 50.0, false),
            line(&[(0.0, 0.0), (100.0, 0.0)], 50.0, true),
        ]);
        let area = Rect::new(0, 0, 100, 25);
        let mut buffer = Buffer::empty(area);
        let theme = Theme::standard();
        FigureView::new(&two, theme).render(area, &mut buffer);
        let (body, side) = (theme.base().fg.unwrap(), theme.side_colour(None).unwrap());
        assert_eq!(quarter_colours(&buffer, 50, 12), [body, body, side, side]);
        // Without colours the two inks are one block, not a half with the page below it.
        let mut plain = Buffer::empty(area);
        FigureView::new(&two, Theme::new(super::super::Palette::Dark, true)).render(area, &mut plain);
        assert_eq!(plain[(50, 12)].symbol(), "█");
    }

    #[test]
    fn a_cell_is_drawn_in_quarters_twice_as_fine_across_as_a_half_block() {
        // 100 x 50 box units in 50 x 12 cells: a cell is 2 units across, a quarter one. A bar
        // three units wide (the thinnest stroke) from unit 50 fills cell 25 and the left
        // quarters of cell 26: its edge falls inside a cell, where a half-block has none.
        let bar = stance(vec![line(&[(51.5, 0.0), (51.5, 50.0)], 3.0, false)]);
        let area = Rect::new(0, 0, 50, 25);
        let mut buffer = Buffer::empty(area);
        FigureView::new(&bar, Theme::standard()).render(area, &mut buffer);
        let row = |x: u16| buffer[(x, 12)].symbol().to_owned();
        assert_eq!([row(24), row(25), row(26), row(27)], [" ", "█", "▌", " "]);
    }

    #[test]
    fn an_outline_keeps_a_gap_of_page_in_the_quarters_at_every_height_without_colours() {
        // A moving bar lying across, and an outlined moving one (a hand) just above it: without
        // colours they share one ink, and only the ring parts them. At every height of the hand
        // against the quarters' rows, a blank quarter is left between the two in every column.
        for step in 0..8 {
            let hand_at = 24.0 + f64::from(step) * 0.25;
            let lying = line(&[(0.0, 10.0), (100.0, 10.0)], 20.0, true);
            let mut hand = line(&[(0.0, hand_at), (100.0, hand_at)], 6.0, true);
            hand.outlined = true;
            let area = Rect::new(0, 0, 50, 25);
            let mut buffer = Buffer::empty(area);
            FigureView::new(&stance(vec![lying, hand]), Theme::new(super::super::Palette::Dark, true))
                .render(area, &mut buffer);
            let column: Vec<bool> = (0..25_u16)
                .flat_map(|y| {
                    let quarters = inked_quarters(buffer[(25, y)].symbol());
                    [quarters[0], quarters[2]]
                })
                .collect();
            let first = column.iter().position(|inked| *inked).expect("the hand");
            let last = column.iter().rposition(|inked| *inked).expect("the bar");
            assert!(
                column[first..=last].iter().any(|inked| !inked),
                "hand at {hand_at}: the hand runs into the bar: {column:?}"
            );
        }
    }

    #[test]
    fn a_cell_with_the_page_and_two_inks_draws_the_lesser_in_the_greater() {
        // Body in three quarters, the side's in one: the page stays the page.
        let (body, side) = (Some(Ink::Body), Some(Ink::Side));
        assert_eq!(cell_of([body, body, None, side]), Some(("▜", Ink::Body, None)));
        // Two inks and no page: the first in its shape over the other.
        assert_eq!(cell_of([side, side, body, body]), Some(("▀", Ink::Side, Some(Ink::Body))));
        // Three inks and no page: the background is the next most common, the moving part's
        // first among equals, never the floor over the body.
        let floor = Some(Ink::Floor);
        assert_eq!(cell_of([floor, side, side, body]), Some(("▞", Ink::Side, Some(Ink::Body))));
        // Of two pixels in a quarter, the moving part's.
        let pixels = [side, None, None, None, body, None, None, None];
        assert_eq!(quarters(&pixels, 2, 0, 0), [side, None, body, None]);
        assert_eq!(cell_of([None; 4]), None);
    }

    #[test]
    fn a_label_is_written_in_bold_at_its_point_and_not_painted() {
        let mut label = line(&[(50.0, 25.0)], 14.0, true);
        label.label = Some("L".to_owned());
        let area = Rect::new(0, 0, 100, 25);
        let mut buffer = Buffer::empty(area);
        let theme = Theme::standard();
        FigureView::new(&stance(vec![label]), theme).render(area, &mut buffer);
        let cell = &buffer[(50, 12)];
        assert_eq!(cell.symbol(), "L");
        assert!(cell.modifier.contains(Modifier::BOLD));
        assert_eq!(Some(cell.fg), theme.side_colour(None), "a moving label has the side's colour");
        let painted = area.positions().filter(|p| buffer[*p].symbol() != " ").count();
        assert_eq!(painted, 1, "the letter alone, no disc around it");
    }

    #[test]
    fn an_outlined_part_keeps_a_ring_of_page_over_the_moving_parts_it_crosses() {
        // 100 x 50 box units in 100 x 50 pixels: a unit is a pixel. A moving bar across (an arm,
        // say), a moving one down over it (the leg it holds), and a floor under both.
        let across = line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, true);
        let mut down = line(&[(50.0, 0.0), (50.0, 50.0)], 10.0, true);
        let mut figure = stance(vec![across.clone(), down.clone()]);
        figure.floor = vec![(0.0, 2.0), (100.0, 2.0)];
        figure.floor_width = Some(4.0);
        let plain = rasterize_plain(&figure, 100, 50);
        down.outlined = true;
        figure.parts = vec![across, down.clone()];
        let outlined = rasterize_plain(&figure, 100, 50);
        let at = |drawn: &[Option<Ink>], x: usize, y: usize| drawn[y * 100 + x];
        // The bar down covers columns 45 to 54; the pixel and a half either side (pixels 43 and
        // 44, 55 and 56, whose centres lie within it) is the ring.
        for x in [43, 44, 55, 56] {
            assert_eq!(at(&plain, x, 25), Some(Ink::Side), "without an outline the bars merge");
            assert_eq!(at(&outlined, x, 25), None, "column {x}: the ring parts the bars");
        }
        for x in 45..55 {
            assert_eq!(at(&outlined, x, 25), Some(Ink::Side), "the outlined part itself is whole");
        }
        assert_eq!(at(&outlined, 42, 25), Some(Ink::Side), "the ring's width, no more");
        assert_eq!(at(&outlined, 57, 25), Some(Ink::Side), "the ring's width, no more");
        assert_eq!(at(&outlined, 44, 48), Some(Ink::Floor), "the floor is never cut");
        // Over a still part (the trunk under the arm), no ring: the colours part them. Still over
        // still (the arm at rest along the trunk while getting ready), no ring either: it would
        // leave a hollow loop round the arm.
        let trunk = line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, false);
        let drawn = rasterize_plain(&stance(vec![trunk.clone(), down]), 100, 50);
        assert_eq!(drawn[25 * 100 + 44], Some(Ink::Body), "no ring over a still part");
        let mut at_rest = line(&[(50.0, 0.0), (50.0, 50.0)], 4.0, false);
        at_rest.outlined = true;
        let drawn = rasterize_plain(&stance(vec![trunk, at_rest]), 100, 50);
        assert!((20..30).all(|y| (40..60).all(|x| drawn[y * 100 + x] == Some(Ink::Body))), "no loop at rest");
        // Outlined and still, it is drawn over the moving parts all the same, with its ring: it
        // is in front.
        let mut across = line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, false);
        across.outlined = true;
        let down = line(&[(50.0, 0.0), (50.0, 50.0)], 10.0, true);
        let drawn = rasterize_plain(&stance(vec![across, down]), 100, 50);
        assert_eq!(drawn[25 * 100 + 50], Some(Ink::Body), "the outlined part is on top");
        assert_eq!(drawn[19 * 100 + 50], None, "with its ring over the moving one");
        assert_eq!(drawn[10 * 100 + 50], Some(Ink::Side));
    }

    #[test]
    fn an_outline_shows_what_lies_under_the_moving_part_it_cuts_and_none_on_the_thinnest_part() {
        // A still trunk across, a moving thigh lying along it, a moving foot on the floor, and
        // an outlined moving arm down across all three. 100 x 50 pixels, a unit a pixel.
        let trunk = line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, false);
        let thigh = line(&[(0.0, 25.0), (100.0, 25.0)], 4.0, true);
        let foot = line(&[(0.0, 2.0), (100.0, 2.0)], 2.0, true);
        let mut arm = line(&[(50.0, 0.0), (50.0, 50.0)], 10.0, true);
        arm.outlined = true;
        let mut figure = stance(vec![trunk, thigh, foot, arm.clone()]);
        figure.floor = vec![(0.0, 2.0), (100.0, 2.0)];
        figure.floor_width = Some(4.0);
        let drawn = rasterize_plain(&figure, 100, 50);
        assert_eq!(drawn[25 * 100 + 44], Some(Ink::Body), "the trunk under the thigh shows in the ring, no hole");
        assert_eq!(drawn[25 * 100 + 42], Some(Ink::Side), "the thigh beyond the ring");
        assert_eq!(drawn[48 * 100 + 44], Some(Ink::Floor), "the floor under the foot shows in the ring");
        // Drawn at the thinnest (a part thinner than the smallest stroke), no ring: it would be
        // as wide as the part.
        let leg = line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, true);
        let mut thin = line(&[(50.0, 0.0), (50.0, 50.0)], 1.0, true);
        thin.outlined = true;
        let drawn = rasterize_plain(&stance(vec![leg, thin]), 100, 50);
        assert!((40..60).all(|x| drawn[25 * 100 + x] == Some(Ink::Side)), "no ring round a hairline");
    }

    #[test]
    fn a_part_behind_is_drawn_under_the_body_in_the_quiet_ink() {
        let mut far = line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, true);
        far.behind = true;
        let near = line(&[(50.0, 0.0), (50.0, 50.0)], 10.0, false);
        let drawn = rasterize_plain(&stance(vec![near, far]), 100, 50);
        assert_eq!(drawn[25 * 100 + 50], Some(Ink::Body), "the near part covers the one behind, moving or not");
        assert_eq!(drawn[25 * 100 + 10], Some(Ink::Side));
        let mut still_far = line(&[(0.0, 25.0), (100.0, 25.0)], 10.0, false);
        still_far.behind = true;
        let drawn = rasterize_plain(&stance(vec![still_far]), 100, 50);
        assert_eq!(drawn[25 * 100 + 10], Some(Ink::Behind));
    }

    #[test]
    fn a_thick_floor_is_a_mat() {
        let mut mat = stance(Vec::new());
        mat.floor = vec![(0.0, 5.0), (100.0, 5.0)];
        let rows = |stance: &Stance| {
            let drawn = rasterize_plain(stance, 100, 50);
            (0..50).filter(|y| drawn[y * 100 + 50].is_some()).count()
        };
        assert!(rows(&mat) <= 2, "thin by default");
        mat.floor_width = Some(6.0);
        assert_eq!(rows(&mat), 6);
    }
}
