//! The figure of an exercise: named poses of a stick body, and the poses in between.
//!
//! A figure is data from the exercise file, checked by [`raw`]: a start pose and one pose per
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
    /// Where the body is seen from, e.g. `from the feet`; may be empty.
    pub view: String,
    pub start: Pose,
    /// The pose held on each side, or under `None` for an exercise without sides.
    pub holds: Vec<(Option<Side>, Pose)>,
}

impl Figure {
    /// The pose held on `side`; the start pose if there is none for it.
    pub fn hold(&self, side: Option<Side>) -> &Pose {
        self.holds.iter().find(|(s, _)| *s == side).map_or(&self.start, |(_, pose)| pose)
    }

    /// The figure standing still in `pose`, worked on `side`: the parts that move between the
    /// start pose and that side's pose are the moving ones.
    pub fn still(&self, pose: &Pose, side: Option<Side>) -> Stance {
        let held = self.hold(side);
        let parts = interpolate(pose, pose, 0.0)
            .into_iter()
            .zip(self.start.parts.iter().zip(&held.parts))
            .map(|(points, (start, held))| Placed { points, moving: start.points != held.points })
            .collect();
        Stance { parts, side, extent: self.extent() }
    }

    /// The box every pose fits in, with room for a head's disc around the points: the view
    /// draws this much, so a figure lying on the floor fills its area instead of a square.
    pub fn extent(&self) -> Extent {
        let points = || self.named_poses().into_iter().flat_map(|(_, _, pose)| &pose.parts).flat_map(|p| &p.points);
        let low = |of: fn(&Point) -> u8| points().map(of).min().map_or(0.0, |n| f64::from(n) - MARGIN);
        let high = |of: fn(&Point) -> u8| points().map(of).max().map_or(f64::from(BOX), |n| f64::from(n) + MARGIN);
        Extent { left: low(|p| p.x), right: high(|p| p.x), bottom: low(|p| p.y), top: high(|p| p.y) }
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

/// Room kept around a figure's points, in box units: a head's disc and a thick stroke fit.
pub const MARGIN: f64 = 10.0;

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
    /// The part moves in this exercise's current rep, so it is drawn in the side's colour.
    pub moving: bool,
}

/// The figure as it stands at one moment: what the view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    pub parts: Vec<Placed>,
    /// The side being worked, for the moving parts' colour.
    pub side: Option<Side>,
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
