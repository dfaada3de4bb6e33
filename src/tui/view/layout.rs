//! Where each part of the session screen goes, by order of importance: the side, then the
//! seconds, then the phase, then the cue, then the rest.
//!
//! Everything starts as one line of text and is then grown one step at a time, in a fixed
//! order, for as long as the rows allow. Read backwards, the order is what goes first when room
//! is short: the footer, then the figure, then the doubled seconds, the bigger sizes of the
//! phase and side, the notes, the bars and the header, and last the big sizes of the seconds
//! and the side. Where the figure has no rows of its own, the session screen puts it beside
//! the seconds if it fits there. The side
//! is never dropped and never smaller than the seconds while the seconds are big, because it
//! grows first.

use ratatui::layout::Rect;

use super::big::{self, Big};

/// The fewest rows a figure of the body is worth drawing in; it takes every row left over.
pub const FIGURE_MIN_ROWS: u16 = 8;

/// What there is to place, measured in the words it may be written with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    /// The side's forms, fullest first; `None` for a phase without a side.
    pub side: Option<Vec<String>>,
    pub digits: String,
    /// The phase's forms, fullest first (`GET READY`, `READY`).
    pub phase: Vec<String>,
    /// Rows the notes take at this width; 0 for none.
    pub notes_rows: u16,
    /// Whether a figure of the body can be drawn.
    pub figure: bool,
}

/// The screen's regions, top to bottom; a region of zero height is not drawn.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Regions {
    pub header: Rect,
    pub side: Option<(Rect, Big)>,
    pub digits: Option<(Rect, Big)>,
    pub phase: Option<(Rect, Big)>,
    pub cue: Rect,
    /// Where the figure of the body goes.
    pub figure: Rect,
    pub phase_bar: Rect,
    pub session_bar: Rect,
    pub notes: Rect,
    pub footer: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Header,
    Side,
    Digits,
    Phase,
    Cue,
    Figure,
    PhaseBar,
    SessionBar,
    Notes,
    Footer,
}

/// The growth steps, in order: an item and the rows it grows to. A step that does not fit is
/// skipped, and later (smaller) steps may still be taken.
const STEPS: &[(Item, u16)] = &[
    (Item::Side, 1),
    (Item::Digits, 1),
    (Item::Phase, 1),
    (Item::Cue, 1),
    (Item::Side, 4),
    (Item::Digits, 4),
    (Item::Digits, 8),
    (Item::Phase, 4),
    (Item::PhaseBar, 1),
    (Item::Header, 1),
    (Item::SessionBar, 1),
    (Item::Notes, u16::MAX),
    (Item::Side, 8),
    (Item::Phase, 8),
    (Item::Digits, 16),
    (Item::Figure, FIGURE_MIN_ROWS),
    (Item::Footer, 1),
    (Item::Cue, 2),
];

/// The order of the items on screen.
const ORDER: [Item; 10] = [
    Item::Header,
    Item::Side,
    Item::Digits,
    Item::Phase,
    Item::Cue,
    Item::Figure,
    Item::PhaseBar,
    Item::SessionBar,
    Item::Notes,
    Item::Footer,
];

/// Lays out `content` in `area`.
pub fn regions(area: Rect, content: &Content) -> Regions {
    let mut rows = [0u16; ORDER.len()];
    let mut bigs: [Option<Big>; 3] = [None, None, None];
    let slot = |item: Item| ORDER.iter().position(|i| *i == item).unwrap_or(0);
    for &(item, want) in STEPS {
        let used: u16 = rows.iter().sum();
        let (wanted, big) = match item {
            Item::Side | Item::Digits | Item::Phase => {
                let choices = match item {
                    Item::Side => match &content.side {
                        Some(choices) => choices.clone(),
                        None => continue,
                    },
                    // Big seconds never outgrow the side they belong to.
                    Item::Digits if content.side.is_some() && rows[slot(Item::Side)] < want.min(4) => continue,
                    Item::Digits => vec![content.digits.clone()],
                    _ => content.phase.clone(),
                };
                match big::fit(&choices, want, area.width) {
                    Some(big) => (want, Some(big)),
                    None => continue,
                }
            }
            Item::Notes => (content.notes_rows, None),
            Item::Figure if !content.figure => continue,
            _ => (want, None),
        };
        let current = rows[slot(item)];
        if wanted <= current || used - current + wanted > area.height {
            continue;
        }
        rows[slot(item)] = wanted;
        if let Some(big) = big {
            bigs[big_slot(item)] = Some(big);
        }
    }
    let spare = area.height.saturating_sub(rows.iter().sum());
    let gaps = spread(spare, content.figure, &mut rows[slot(Item::Figure)]);

    let mut regions = Regions::default();
    let mut y = area.y;
    for (i, item) in ORDER.iter().enumerate() {
        y += gaps[i];
        let rect = Rect { x: area.x, y, width: area.width, height: rows[i] };
        y += rows[i];
        let with_big = |slot: usize| (rect.height > 0).then(|| bigs[slot].clone().map(|big| (rect, big))).flatten();
        match item {
            Item::Header => regions.header = rect,
            Item::Side => regions.side = with_big(0),
            Item::Digits => regions.digits = with_big(1),
            Item::Phase => regions.phase = with_big(2),
            Item::Cue => regions.cue = rect,
            Item::Figure => regions.figure = rect,
            Item::PhaseBar => regions.phase_bar = rect,
            Item::SessionBar => regions.session_bar = rect,
            Item::Notes => regions.notes = rect,
            Item::Footer => regions.footer = rect,
        }
    }
    regions
}

fn big_slot(item: Item) -> usize {
    match item {
        Item::Side => 0,
        Item::Digits => 1,
        _ => 2,
    }
}

/// Shares the spare rows out as gaps before each item (by [`ORDER`]): one between the big
/// parts first, so they do not run together, then the figure takes the rest if there is one,
/// else the rest is split above the side and above the bars.
fn spread(spare: u16, figure: bool, figure_rows: &mut u16) -> [u16; ORDER.len()] {
    let mut gaps = [0u16; ORDER.len()];
    let mut spare = spare;
    // Before the digits, the phase, the cue, the side and the bars, in that order.
    for at in [2, 3, 4, 1, 6] {
        if spare == 0 {
            break;
        }
        gaps[at] += 1;
        spare -= 1;
    }
    if figure && *figure_rows > 0 {
        *figure_rows += spare;
    } else {
        gaps[1] += spare / 2;
        gaps[6] += spare - spare / 2;
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(side: &[&str], notes_rows: u16, figure: bool) -> Content {
        Content {
            side: Some(side.iter().map(|s| (*s).to_owned()).collect()),
            digits: "5".to_owned(),
            phase: vec!["HOLD".to_owned()],
            notes_rows,
            figure,
        }
    }

    fn heights(regions: &Regions) -> [u16; 4] {
        let rows = |part: &Option<(Rect, Big)>| part.as_ref().map_or(0, |(_, big)| big.rows);
        [rows(&regions.side), rows(&regions.digits), rows(&regions.phase), regions.footer.height]
    }

    #[test]
    fn the_side_is_never_smaller_than_big_seconds_and_never_dropped() {
        for width in 20..=170 {
            for height in 6..=55 {
                let regions = regions(Rect::new(0, 0, width, height), &content(&["LEFT KNEE", "LEFT"], 2, true));
                let [side, digits, phase, _] = heights(&regions);
                assert!(side >= 1, "{width}x{height}");
                assert!(side >= digits.min(4), "{width}x{height}: side {side}, digits {digits}");
                assert!(digits >= phase.min(4), "{width}x{height}: digits {digits}, phase {phase}");
                let bottom = [regions.footer, regions.notes, regions.session_bar].map(|r| r.y + r.height);
                assert!(bottom.iter().all(|b| *b <= height), "{width}x{height}: {regions:?}");
            }
        }
    }

    #[test]
    fn big_text_grows_with_the_terminal() {
        let at = |w, h| heights(&regions(Rect::new(0, 0, w, h), &content(&["LEFT KNEE", "LEFT"], 0, false)));
        assert_eq!(at(30, 8), [4, 1, 1, 0]);
        assert_eq!(at(60, 20), [4, 8, 4, 0]);
        assert_eq!(at(160, 50), [8, 16, 8, 1]);
    }

    #[test]
    fn the_footer_goes_before_the_figure_and_the_figure_takes_the_room_left() {
        let with_figure = regions(Rect::new(0, 0, 160, 50), &content(&["LEFT"], 0, true));
        assert!(with_figure.figure.height >= FIGURE_MIN_ROWS);
        assert_eq!(with_figure.footer.height, 1);
        let tight = regions(Rect::new(0, 0, 160, 44), &content(&["LEFT"], 0, true));
        assert_eq!((tight.figure.height, tight.footer.height), (FIGURE_MIN_ROWS, 0));
    }
}
