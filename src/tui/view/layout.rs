//! Where each part of the session screen goes, by order of importance: the side, then the
//! seconds, then the phase, then the cue, then the rest.
//!
//! ```text
//! header            exercise, notes marker, side and rep in words
//! TOP               the side (getting ready: GET READY), biggest
//! DIGITS  | figure  the seconds, and the figure of the body beside them
//! LOWER   |         the phase as a band (getting ready: the first side, smaller)
//! cue               the one line of words
//! bars, keys
//! ```
//!
//! Everything starts as one line of text and is then grown one step at a time, in a fixed
//! order, for as long as the rows allow. Read backwards, the order is what goes first when room
//! is short: the cue's second line, the figure's caption, the largest sizes, the footer, the
//! figure, the doubled sizes, the bars and the header, and last the big sizes of the phase, the
//! seconds and the side. The top is never smaller than the seconds, nor the seconds than the
//! lower text, at any size, because each grows only after the one above it; past 8 rows the side
//! is a size ahead of the seconds. The rows left over go to the figure.

use ratatui::layout::Rect;

use super::big::{self, Big};

/// The fewest rows a figure of the body is drawn in, beside the seconds.
pub const FIGURE_MIN_ROWS: u16 = 10;

/// The left column (seconds and phase) takes at most this share of the width, in fifths, when
/// a figure is beside it.
const LEFT_FIFTHS: u16 = 2;

/// What there is to place, measured in the words it may be written with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Content {
    /// The biggest text, its forms fullest first: the side's, or getting ready, the phase's
    /// words. `None` for a phase of an exercise without sides: the seconds are then biggest.
    pub top: Option<Vec<String>>,
    /// The forms the top must leave room for as well (the other side's), so that LEFT and
    /// RIGHT are drawn in the same font and form.
    pub top_measure: Vec<String>,
    pub digits: String,
    /// Under the seconds: the phase's words, or getting ready, the first side's forms.
    pub lower: Vec<String>,
    /// The forms the lower text must leave room for as well.
    pub lower_measure: Vec<String>,
    /// The lower text must be smaller than the top (the first side while getting ready).
    pub lower_smaller: bool,
    /// Whether a figure of the body is to be drawn.
    pub figure: bool,
    /// Whether the figure has a line of words under it (where it is seen from): a row is found
    /// for it on top of the figure's minimum, after every size.
    pub caption: bool,
    /// The rows the cue's words take at the screen's width (a long notice takes two): a second
    /// row is found for them before the figure grows, so they are not cut.
    pub cue_rows: u16,
}

/// The screen's regions; a region of zero height is not drawn.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Regions {
    pub header: Rect,
    pub top: Option<(Rect, Big)>,
    pub digits: Option<(Rect, Big)>,
    /// The lower text's rows across the left column: the phase's band.
    pub lower: Option<(Rect, Big)>,
    /// Where the figure of the body goes: beside the seconds and the lower text.
    pub figure: Rect,
    pub cue: Rect,
    pub phase_bar: Rect,
    pub session_bar: Rect,
    pub footer: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Header,
    Top,
    Digits,
    Lower,
    /// Rows added to the middle band for the figure.
    Figure,
    Cue,
    /// The cue's second row when its words need it: a step of its own, taken before the
    /// figure and the larger sizes, in the cue's slot, and in the session bar's row if need be.
    LongCue,
    PhaseBar,
    SessionBar,
    Footer,
}

/// The growth steps, in order: an item and the rows it grows to. A step that does not fit is
/// skipped, and later (smaller) steps may still be taken.
const STEPS: &[(Item, u16)] = &[
    (Item::Top, 1),
    (Item::Digits, 1),
    (Item::Lower, 1),
    (Item::Cue, 1),
    (Item::Top, 4),
    (Item::Digits, 4),
    (Item::Lower, 4),
    (Item::PhaseBar, 1),
    (Item::Header, 1),
    (Item::SessionBar, 1),
    (Item::Top, 8),
    (Item::Digits, 8),
    // Again, for a lower text that must stay smaller than the top, now that the top is bigger.
    (Item::Lower, 4),
    (Item::LongCue, 2),
    (Item::Figure, FIGURE_MIN_ROWS),
    (Item::Top, 12),
    (Item::Top, 16),
    (Item::Digits, 12),
    (Item::Digits, 16),
    (Item::Lower, 8),
    (Item::Footer, 1),
    (Item::Top, 24),
    // The seconds a size behind the side: 16 under a side of 24, 24 under one of 32.
    (Item::Digits, 16),
    (Item::Digits, 24),
    (Item::Lower, 12),
    (Item::Lower, 16),
    (Item::Top, 32),
    (Item::Digits, 24),
    (Item::Digits, 32),
    (Item::Lower, 24),
    // The figure's caption, on top of its minimum: after every size, so it never costs one.
    (Item::Figure, FIGURE_MIN_ROWS + 1),
    (Item::Cue, 2),
];

/// The order of the items on screen; the figure's rows belong to the middle band.
const ORDER: [Item; 9] = [
    Item::Header,
    Item::Top,
    Item::Digits,
    Item::Lower,
    Item::Figure,
    Item::Cue,
    Item::PhaseBar,
    Item::SessionBar,
    Item::Footer,
];

fn slot(item: Item) -> usize {
    let item = if item == Item::LongCue { Item::Cue } else { item };
    ORDER.iter().position(|i| *i == item).unwrap_or(0)
}

/// Lays out `content` in `area`.
pub fn regions(area: Rect, content: &Content) -> Regions {
    let mut rows = [0u16; ORDER.len()];
    let mut top: Option<Big> = None;
    let mut digits: Option<Big> = None;
    let mut lower: Option<Big> = None;
    // The figure needs its columns: where it has too few, the left column takes the width.
    let figure = content.figure && area.width >= 50;
    let full = inset(area).width;
    let left = if figure { (area.width * LEFT_FIFTHS / 5).max(24) } else { full };
    let digit_forms = [content.digits.clone()];
    for &(item, want) in STEPS {
        let used: u16 = rows.iter().sum();
        let current = rows[slot(item)];
        let (wanted, big) = match item {
            Item::Top => match &content.top {
                Some(forms) => match big::fit_like(fuller(forms, top.as_ref()), &content.top_measure, want, full) {
                    Some(big) => (want, Some(big)),
                    None => continue,
                },
                None => continue,
            },
            Item::Digits | Item::Lower => {
                let above = if item == Item::Digits { rows[slot(Item::Top)] } else { rows[slot(Item::Digits)] };
                // Never bigger than what is above it: the side first, then the seconds.
                if (item == Item::Lower || content.top.is_some()) && want > above {
                    continue;
                }
                // Past the 8-row size, the side stays a size ahead of the seconds: the biggest
                // text on the screen, not one of two.
                if item == Item::Digits && content.top.is_some() && want == above && want > 8 {
                    continue;
                }
                // The first side, while getting ready, is smaller than GET READY and than the side
                // itself once moving (never less than 8 rows from 60x20 up).
                if item == Item::Lower
                    && content.lower_smaller
                    && want > 1
                    && (want >= rows[slot(Item::Top)] || want > 4)
                {
                    continue;
                }
                let fitted = if item == Item::Digits {
                    big::fit(&digit_forms, want, left)
                } else {
                    big::fit_like(fuller(&content.lower, lower.as_ref()), &content.lower_measure, want, left)
                };
                match fitted {
                    Some(big) => (want, Some(big)),
                    None => continue,
                }
            }
            Item::LongCue => {
                if content.cue_rows < want {
                    continue;
                }
                // The cue comes before progress: where there is no other row for its words,
                // the session's bar gives up its own while they show.
                let bar = rows[slot(Item::SessionBar)];
                if want > current && used - current + want > area.height && used - bar - current + want <= area.height {
                    rows[slot(Item::SessionBar)] = 0;
                    rows[slot(Item::Cue)] = want;
                    continue;
                }
                (want, None)
            }
            Item::Figure => {
                if !figure || (want > FIGURE_MIN_ROWS && !content.caption) {
                    continue;
                }
                // Enough rows beside the seconds and the phase for the figure's minimum.
                let beside = rows[slot(Item::Digits)] + rows[slot(Item::Lower)];
                (want.saturating_sub(beside), None)
            }
            _ => (want, None),
        };
        if wanted <= current || used - current + wanted > area.height {
            continue;
        }
        rows[slot(item)] = wanted;
        match item {
            Item::Top => top = big,
            Item::Digits => digits = big,
            Item::Lower => lower = big,
            _ => {}
        }
    }
    // Rows added for the figure's minimum (and its caption) that the seconds and the phase have
    // since grown into.
    let beside = rows[slot(Item::Digits)] + rows[slot(Item::Lower)];
    let least = FIGURE_MIN_ROWS + u16::from(content.caption);
    rows[slot(Item::Figure)] = rows[slot(Item::Figure)].min(least.saturating_sub(beside));
    let mut spare = area.height.saturating_sub(rows.iter().sum());
    // The gap before the phase lies in the figure's band: where the spare rows reach it, it
    // makes the caption's row, and the row taken for it goes back to the gaps.
    let in_band = GAPS.iter().position(|item| *item == Item::Lower).unwrap_or(0);
    if content.caption
        && beside < FIGURE_MIN_ROWS
        && beside + rows[slot(Item::Figure)] == least
        && usize::from(spare) >= in_band
    {
        rows[slot(Item::Figure)] -= 1;
        spare += 1;
    }
    let gaps = spread(spare, figure, &mut rows[slot(Item::Figure)]);
    place(area, &rows, &gaps, [top, digits, lower], if figure { Some(left) } else { None })
}

/// The regions of items `rows` tall, each after its gap, from the top of `area`, with the big
/// texts chosen (top, seconds, lower); beside the seconds and the phase, the figure, where
/// there is one, right of a left column at most `left` wide.
fn place(
    area: Rect,
    rows: &[u16; ORDER.len()],
    gaps: &[u16; ORDER.len()],
    [top, digits, lower]: [Option<Big>; 3],
    left: Option<u16>,
) -> Regions {
    let mut regions = Regions::default();
    let mut y = area.y;
    let mut middle = Rect::default();
    for (i, item) in ORDER.iter().enumerate() {
        y += gaps[i];
        let rect = Rect { x: area.x, y, width: area.width, height: rows[i] };
        y += rows[i];
        if matches!(item, Item::Digits | Item::Lower | Item::Figure) && rows[i] > 0 {
            middle = if middle.is_empty() { rect } else { middle.union(rect) };
        }
        match item {
            Item::Header => regions.header = rect,
            Item::Top => regions.top = top.clone().filter(|_| rect.height > 0).map(|big| (rect, big)),
            Item::Digits => regions.digits = digits.clone().filter(|_| rect.height > 0).map(|big| (rect, big)),
            Item::Lower => regions.lower = lower.clone().filter(|_| rect.height > 0).map(|big| (rect, big)),
            Item::Cue => regions.cue = rect,
            Item::PhaseBar => regions.phase_bar = rect,
            Item::SessionBar => regions.session_bar = rect,
            Item::Footer => regions.footer = rect,
            Item::Figure | Item::LongCue => {}
        }
    }
    if let Some(left) = left.filter(|_| !middle.is_empty()) {
        // The left column as wide as its widest text and a margin, the figure the rest.
        let texts = [&regions.digits, &regions.lower].map(|part| part.as_ref().map_or(0, |(_, big)| big.width));
        let column = (texts.into_iter().max().unwrap_or(0) + 4).clamp(left.min(12), left);
        for part in [&mut regions.digits, &mut regions.lower].into_iter().flatten() {
            part.0.width = column;
        }
        let x = middle.x + column + 1;
        regions.figure = Rect { x, width: middle.right().saturating_sub(x + 1), ..middle };
    }
    regions
}

/// The forms no shorter than the one `current` shows: growing never trades words for size
/// (`LEFT KNEE` does not become a bigger `LEFT`, nor `GET READY` a bigger `READY`).
fn fuller<'a>(forms: &'a [String], current: Option<&Big>) -> &'a [String] {
    let shown = current.filter(|big| big.font.is_some()).and_then(|big| forms.iter().position(|f| *f == big.text));
    shown.map_or(forms, |index| &forms[..=index])
}

/// A margin of one column each side, where there is room for it.
pub fn inset(rect: Rect) -> Rect {
    if rect.width > 20 { Rect { x: rect.x + 1, width: rect.width - 2, ..rect } } else { rect }
}

/// The gaps the spare rows go to, one each, in this order.
const GAPS: [Item; 5] = [Item::Digits, Item::Cue, Item::Lower, Item::PhaseBar, Item::Top];

/// Shares the spare rows out as gaps before items (by [`ORDER`]): one under the top and one
/// above the cue first, so the big parts do not run together; then the figure takes the rest
/// if there is one, else the rest is split above the top and above the bars.
fn spread(spare: u16, figure: bool, figure_rows: &mut u16) -> [u16; ORDER.len()] {
    let mut gaps = [0u16; ORDER.len()];
    let mut spare = spare;
    for item in GAPS {
        if spare == 0 {
            break;
        }
        gaps[slot(item)] += 1;
        spare -= 1;
    }
    if figure {
        *figure_rows += spare;
    } else {
        gaps[slot(Item::Top)] += spare / 2;
        gaps[slot(Item::PhaseBar)] += spare - spare / 2;
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(forms: &[&str]) -> Vec<String> {
        forms.iter().map(|s| (*s).to_owned()).collect()
    }

    fn content(side: &[&str], figure: bool) -> Content {
        Content {
            top: Some(words(side)),
            top_measure: Vec::new(),
            digits: "5".to_owned(),
            lower: words(&["HOLD"]),
            lower_measure: Vec::new(),
            lower_smaller: false,
            figure,
            caption: false,
            cue_rows: 1,
        }
    }

    fn heights(regions: &Regions) -> [u16; 4] {
        let rows = |part: &Option<(Rect, Big)>| part.as_ref().map_or(0, |(_, big)| big.rows);
        [rows(&regions.top), rows(&regions.digits), rows(&regions.lower), regions.footer.height]
    }

    #[test]
    fn the_top_is_never_smaller_than_the_seconds_nor_they_than_the_phase_and_never_dropped() {
        for width in 20..=170 {
            for height in 6..=55 {
                let regions = regions(Rect::new(0, 0, width, height), &content(&["LEFT KNEE", "LEFT"], true));
                let [top, digits, lower, _] = heights(&regions);
                assert!(top >= 1, "{width}x{height}");
                assert!(top >= digits, "{width}x{height}: top {top}, digits {digits}");
                assert!(top > digits || top <= 8, "{width}x{height}: past 8 rows, the side is ahead: {top}, {digits}");
                assert!(digits >= lower, "{width}x{height}: digits {digits}, phase {lower}");
                let bottom = [regions.footer, regions.session_bar, regions.figure].map(|r| r.y + r.height);
                assert!(bottom.iter().all(|b| *b <= height), "{width}x{height}: {regions:?}");
            }
        }
    }

    #[test]
    fn big_text_grows_with_the_terminal() {
        let at = |w, h| heights(&regions(Rect::new(0, 0, w, h), &content(&["LEFT KNEE", "LEFT"], false)));
        assert_eq!(at(30, 8), [4, 1, 1, 0]);
        assert_eq!(at(60, 20), [8, 4, 4, 0]);
        assert_eq!(at(160, 50), [16, 12, 12, 1], "the seconds a size behind the side");
        assert_eq!(at(300, 90), [32, 24, 24, 1]);
    }

    #[test]
    fn the_figure_has_its_rows_at_80x24_and_takes_the_room_left() {
        let small = regions(Rect::new(0, 0, 80, 24), &content(&["<< LEFT"], true));
        assert!(small.figure.height >= FIGURE_MIN_ROWS && small.figure.width >= 40, "{:?}", small.figure);
        assert_eq!(heights(&small)[0], 8);
        let big = regions(Rect::new(0, 0, 200, 60), &content(&["<< LEFT"], true));
        let used = big.figure.y + big.figure.height;
        assert!(big.figure.height >= 25 && used + 6 >= 60, "the figure takes the spare rows: {big:?}");
    }

    #[test]
    fn a_caption_takes_a_spare_row_only_where_the_figure_has_none_for_it_and_never_a_size() {
        let mut get_ready = content(&["GET READY", "READY"], true);
        get_ready.lower = Vec::new();
        let mut gained = Vec::new();
        for base in [content(&["<< LEFT"], true), get_ready] {
            let captioned = Content { caption: true, ..base.clone() };
            for width in [60, 80, 100, 120, 200] {
                for height in 20..=60 {
                    let area = Rect::new(0, 0, width, height);
                    let (plain, with) = (regions(area, &base), regions(area, &captioned));
                    let at = format!("{width}x{height}");
                    assert_eq!(heights(&plain), heights(&with), "{at}: the sizes stay");
                    if plain.figure.height > FIGURE_MIN_ROWS || with == plain {
                        assert_eq!(plain, with, "{at}: the band has a row for it already, or no row is spare");
                    } else {
                        assert_eq!(with.figure.height, FIGURE_MIN_ROWS + 1, "{at}: one spare row, the caption's");
                        gained.push((width, height, base.lower.is_empty()));
                    }
                }
            }
        }
        assert!(gained.iter().any(|(.., ready)| *ready), "some get-ready sizes give the caption its row: {gained:?}");
    }

    #[test]
    fn getting_ready_the_first_side_is_smaller_than_get_ready() {
        let mut get_ready = content(&["GET READY", "READY"], true);
        get_ready.lower = words(&["<< LEFT", "<LEFT", "LEFT"]);
        get_ready.lower_measure = words(&["RIGHT >>", "RIGHT>", "RIGHT"]);
        get_ready.lower_smaller = true;
        for (width, height) in [(40, 12), (60, 20), (80, 24), (120, 40), (200, 60)] {
            let [top, digits, lower, _] = heights(&regions(Rect::new(0, 0, width, height), &get_ready));
            assert!(lower < top || top == 1, "{width}x{height}: {top} {digits} {lower}");
        }
    }
}
