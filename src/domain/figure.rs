//! The figure of an exercise: named poses of a stick body, and the poses in between.
//!
//! A figure is data from the exercise file, checked by `raw`: a start pose and one pose per
//! side (or one `hold` pose without sides), all with the same parts and the same number of
//! points, so any pose can turn smoothly into any other. Coordinates lie in a box from 0 to
//! [`BOX`] both ways, `y` going up from the floor.

pub(crate) mod raw;

use crate::domain::side::Side;

/// The largest coordinate; the smallest is 0.
pub const BOX: u8 = 100;

/// A point of a pose, in the box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub x: u8,
    pub y: u8,
}

/// One named part of a pose: a single point (such as the head) or a line through its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub points: Vec<Point>,
}

/// A still position of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pose {
    /// By name; every pose of a figure has the same names in the same order, so parts match by
    /// position.
    pub parts: Vec<Part>,
}

/// A checked figure: every pose has the parts of `start`, each with as many points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Where the body is seen from, e.g. `from above: on your back, knees bent`; may be empty.
    pub view: String,
    pub start: Pose,
    /// The pose held on each side, or under `None` for an exercise without sides.
    pub holds: Vec<(Option<Side>, Pose)>,
    /// How thick each part of `start` is drawn, in its order, in box units: a line's width, a
    /// point's diameter.
    pub widths: Vec<u8>,
    /// The floor, or the outline of the mat, as a line: drawn thin and quiet under the body,
    /// the same in every pose. Empty when the file has none.
    pub floor: Vec<Point>,
    /// The side whose poses (and the start pose, while that side is worked) are drawn flipped
    /// left to right: a side view then shows each side from that side, so left and right differ
    /// in shape as well as colour.
    pub mirror: Option<Side>,
    /// Where the body is seen from in the flipped poses (the other side of it); empty without
    /// a `mirror`.
    pub mirror_view: String,
    /// For each part of `start`, in its order: the letters drawn at its point in the flipped
    /// poses, where the near limb is the other side's; all `None` without a `mirror`.
    pub mirror_labels: Vec<Option<String>>,
    /// For each part of `start`, in its order: the letters drawn at its point instead of a disc
    /// (such as `L` beside the left knee), so which limb is which never rests on a convention.
    pub labels: Vec<Option<String>>,
    /// For each part of `start`, in its order: whether it is drawn behind the body in a quieter
    /// ink: the far leg of a body seen from the side, a pillow, a mat.
    pub behind: Vec<bool>,
    /// For each part of `start`, in its order: whether it is drawn in front, with a thin ring of
    /// the page around it over the side-coloured parts it crosses, so a limb in front of another (an arm
    /// round a knee, the upper of two legs) stays a limb of its own instead of merging into one
    /// block of the side's colour.
    pub outline: Vec<bool>,
    /// For each part of `start`, in its order: whether it keeps the body's colour even where it
    /// moves, so the side's colour marks only the limb being worked and not the hands that
    /// pull it.
    pub body_colour: Vec<bool>,
    /// How thick the floor is drawn, in box units: a mat rather than a line when it is thick;
    /// `None` for the thinnest line that stays unbroken.
    pub floor_width: Option<u8>,
}

/// How thick a line is drawn when the file does not say, in box units.
pub const LINE_WIDTH: u8 = 5;
/// How wide a point (a head, say) is drawn when the file does not say, in box units.
pub const POINT_WIDTH: u8 = 14;
/// The thickest a part may be drawn: a trunk seen from above is about a fifth of the box.
pub const MAX_WIDTH: u8 = 40;

impl Figure {
    /// The pose held on `side`; the start pose if there is none for it.
    pub fn hold(&self, side: Option<Side>) -> &Pose {
        self.holds.iter().find(|(s, _)| *s == side).map_or(&self.start, |(_, pose)| pose)
    }

    /// Whether the poses of `side` are drawn flipped, seen from the other side of the body.
    pub fn flips(&self, side: Option<Side>) -> bool {
        self.mirror.is_some() && self.mirror == side
    }

    /// Where the body is seen from, as drawn flipped or not (see [`Stance::flipped`]).
    pub fn seen(&self, flipped: bool) -> &str {
        if flipped { &self.mirror_view } else { &self.view }
    }

    /// The figure standing still in `pose`, worked on `side`: the parts that move between the
    /// start pose and that side's pose are in the side's colour.
    pub fn still(&self, pose: &Pose, side: Option<Side>) -> Stance {
        self.place(interpolate(pose, pose, 0.0), side)
    }

    /// The figure with its parts at `points` (as [`interpolate`] gives them), worked on `side`:
    /// each part as thick as the file says, the ones that differ between the start pose and
    /// that side's pose in the side's colour, except those kept in the body's colour.
    pub fn place(&self, points: Vec<Vec<(f64, f64)>>, side: Option<Side>) -> Stance {
        let held = self.hold(side);
        let flipped = self.flips(side);
        let flip = |(x, y): (f64, f64)| if flipped { (f64::from(BOX) - x, y) } else { (x, y) };
        let labels = if flipped { &self.mirror_labels } else { &self.labels };
        let parts = points
            .into_iter()
            .zip(self.start.parts.iter().zip(&held.parts))
            .zip(&self.widths)
            .enumerate()
            .map(|(index, ((points, (start, held)), width))| Placed {
                points: points.into_iter().map(flip).collect(),
                in_side_colour: start.points != held.points && !self.body_colour.get(index).copied().unwrap_or(false),
                width: f64::from(*width),
                label: labels.get(index).cloned().flatten(),
                behind: self.behind.get(index).copied().unwrap_or(false),
                outlined: self.outline.get(index).copied().unwrap_or(false),
            })
            .collect();
        let floor = self.floor.iter().map(|p| flip((f64::from(p.x), f64::from(p.y)))).collect();
        Stance { parts, floor, floor_width: self.floor_width.map(f64::from), side, flipped, extent: self.extent() }
    }

    /// The box every pose fits in, with room for each part's thickness around its points: the
    /// view draws this much, so a figure lying on the floor fills its area instead of a square.
    pub fn extent(&self) -> Extent {
        let mut extent = Extent { left: f64::MAX, right: f64::MIN, bottom: f64::MAX, top: f64::MIN };
        let mut take = |point: &Point, room: f64| {
            let (x, y) = (f64::from(point.x), f64::from(point.y));
            extent.left = extent.left.min(x - room);
            extent.right = extent.right.max(x + room);
            extent.bottom = extent.bottom.min(y - room);
            extent.top = extent.top.max(y + room);
        };
        for (_, _, pose) in self.named_poses() {
            for (part, width) in pose.parts.iter().zip(&self.widths) {
                part.points.iter().for_each(|point| take(point, f64::from(*width) / 2.0 + MARGIN));
            }
        }
        let floor_room = self.floor_width.map_or(0.0, |width| f64::from(width) / 2.0);
        self.floor.iter().for_each(|point| take(point, floor_room + MARGIN));
        if extent.left > extent.right {
            return Extent { left: 0.0, right: f64::from(BOX), bottom: 0.0, top: f64::from(BOX) };
        }
        if self.mirror.is_some() {
            // Flipped poses share the frame, so the drawing does not jump when the view turns.
            let (left, right) =
                (extent.left.min(f64::from(BOX) - extent.right), extent.right.max(f64::from(BOX) - extent.left));
            extent.left = left;
            extent.right = right;
        }
        extent
    }

    /// The poses in the file's order, each with its name and the side it is drawn for:
    /// `start` (drawn for the first side), then `left`, `right` or `hold`.
    pub fn named_poses(&self) -> Vec<(&'static str, Option<Side>, &Pose)> {
        let first = self.holds.first().and_then(|(side, _)| *side);
        let mut poses = vec![("start", first, &self.start)];
        for (side, pose) in &self.holds {
            poses.push((side.map_or("hold", Side::word), *side, pose));
        }
        poses
    }
}

/// Room kept around a figure's strokes, in box units, so the drawing never touches what is
/// beside it.
pub const MARGIN: f64 = 2.0;

/// The part of the box a figure is drawn in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub top: f64,
}

impl Extent {
    /// How many times wider than tall.
    pub fn aspect(&self) -> f64 {
        (self.right - self.left) / (self.top - self.bottom).max(1.0)
    }
}

/// A part placed at one moment, in box coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub points: Vec<(f64, f64)>,
    /// Drawn in the side's colour, over the parts in the body's colour: the part moves between
    /// the start pose and this side's, and the figure does not keep it in the body's colour
    /// (`body_colour`). A part that moves can still be false.
    pub in_side_colour: bool,
    /// How thick it is drawn, in box units: a line's width, a point's diameter.
    pub width: f64,
    /// Letters drawn at the part's point instead of a disc, if it has them.
    pub label: Option<String>,
    /// Drawn behind the body, in a quieter ink: a far leg, a pillow, a mat.
    pub behind: bool,
    /// Drawn in front, with a thin ring of the page around it over the side-coloured parts it crosses.
    pub outlined: bool,
}

/// The figure as it stands at one moment: what the view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    pub parts: Vec<Placed>,
    /// The floor's line, in box coordinates; empty for none.
    pub floor: Vec<(f64, f64)>,
    /// How thick the floor is drawn, in box units; `None` for the thinnest unbroken line.
    pub floor_width: Option<f64>,
    /// The side being worked, for the colour of the parts in the side's colour.
    pub side: Option<Side>,
    /// Drawn flipped left to right, seen from the other side of the body: the figure's
    /// `mirror_view` says where from, not its `view`.
    pub flipped: bool,
    /// What of the box to draw: the same for every stance of a figure, so it never jumps.
    pub extent: Extent,
}

/// The pose between `from` (at 0) and `to` (at 1); `fraction` is clamped to that range. Poses
/// of one figure have matching parts; any extra parts or points of either are left out.
pub fn interpolate(from: &Pose, to: &Pose, fraction: f64) -> Vec<Vec<(f64, f64)>> {
    let t = fraction.clamp(0.0, 1.0);
    let between = |a: u8, b: u8| f64::from(a) + (f64::from(b) - f64::from(a)) * t;
    from.parts
        .iter()
        .zip(&to.parts)
        .map(|(a, b)| a.points.iter().zip(&b.points).map(|(p, q)| (between(p.x, q.x), between(p.y, q.y))).collect())
        .collect()
}

#[cfg(test)]
mod tests;
