//! The `[figure]` table as written, and its checked conversion into a [`Figure`].

use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::{BOX, Figure, LINE_WIDTH, MAX_WIDTH, POINT_WIDTH, Part, Point, Pose};
use crate::domain::fields::Checker;
use crate::domain::side::Side;
use crate::domain::untrusted::clean_line;

/// More would not be seen at a terminal's resolution, and would only cost drawing time.
const MAX_PARTS: usize = 24;
const MAX_POINTS: usize = 16;
/// A label is a letter or two beside a limb (`L`, `R`), read in one glance; a word would cover
/// the drawing.
const MAX_LABEL: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFigure {
    #[serde(default)]
    view: String,
    start: Spanned<RawPose>,
    left: Option<Spanned<RawPose>>,
    right: Option<Spanned<RawPose>>,
    hold: Option<Spanned<RawPose>>,
    widths: Option<Spanned<RawWidths>>,
    floor: Option<Spanned<RawPart>>,
    mirror: Option<Spanned<String>>,
    mirror_view: Option<Spanned<String>>,
    mirror_labels: Option<Spanned<Named<String>>>,
    labels: Option<Spanned<Named<String>>>,
    behind: Option<Vec<Spanned<String>>>,
    outline: Option<Vec<Spanned<String>>>,
    body_colour: Option<Vec<Spanned<String>>>,
}

/// A table of freely named entries, in the parser's order, each value with its place.
struct Named<V>(Vec<(String, Spanned<V>)>);

/// `[figure.widths]`: how thick some parts are drawn, by name (whole numbers: the file's shape
/// is checked first).
type RawWidths = Named<i64>;

/// A pose's parts as the parser gives them (by name); each keeps its place for messages.
type RawPose = Named<RawPart>;

/// A part: `[x, y]` for a point, or `[[x, y], [x, y], ...]` for a line.
struct RawPart(Vec<Spanned<RawCoordinate>>);

/// An element of a part: a number of a point, or a whole `[x, y]` point of a line.
enum RawCoordinate {
    Number(i64),
    Pair(Vec<i64>),
}

/// The name `[figure.widths]` gives the floor.
const FLOOR: &str = "floor";

const POINT_OR_LINE: &str = "a point `[x, y]` or a line `[[x, y], [x, y], ...]` of whole numbers";

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Named<V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NamedVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for NamedVisitor<V> {
            type Value = Named<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of parts by name")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Named<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Named(entries))
            }
        }
        deserializer.deserialize_map(NamedVisitor(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for RawPart {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PartVisitor;
        impl<'de> Visitor<'de> for PartVisitor {
            type Value = RawPart;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(POINT_OR_LINE)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawPart, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(RawPart(items))
            }
        }
        deserializer.deserialize_seq(PartVisitor)
    }
}

impl<'de> Deserialize<'de> for RawCoordinate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CoordinateVisitor;
        impl<'de> Visitor<'de> for CoordinateVisitor {
            type Value = RawCoordinate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number or a point `[x, y]`")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawCoordinate, E> {
                Ok(RawCoordinate::Number(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawCoordinate, E> {
                Ok(RawCoordinate::Number(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawCoordinate, A::Error> {
                let mut numbers = Vec::new();
                while let Some(n) = seq.next_element::<i64>()? {
                    numbers.push(n);
                }
                Ok(RawCoordinate::Pair(numbers))
            }
        }
        deserializer.deserialize_any(CoordinateVisitor)
    }
}

impl Checker<'_> {
    /// The checked figure, or `None` with every problem reported at its place. `sides` are the
    /// exercise's, which decide the poses it needs.
    pub(crate) fn figure(&mut self, raw: &Spanned<RawFigure>, sides: &[Side]) -> Option<Figure> {
        let figure = raw.get_ref();
        let problems = self.problems.len();
        // Read as far as it can be, so that the other poses are checked against it even when
        // one of its points is outside the box: every problem of the file in one run.
        let start = self.pose("figure.start", &figure.start, None);
        // An empty start (already told) names no parts to check the others against.
        let known = !start.pose.parts.is_empty() || !start.unreadable.is_empty();
        let mut holds = Vec::new();
        let wanted: Vec<Option<Side>> =
            if sides.is_empty() { vec![None] } else { sides.iter().copied().map(Some).collect() };
        let written = [(Some(Side::Left), &figure.left), (Some(Side::Right), &figure.right), (None, &figure.hold)];
        for (side, pose) in written {
            let name = side.map_or("hold", Side::word);
            match (pose, wanted.contains(&side)) {
                (Some(pose), true) => {
                    let checked = self.pose(&format!("figure.{name}"), pose, known.then_some(&start));
                    if checked.clean {
                        holds.push((side, checked.pose));
                    }
                }
                (Some(pose), false) => {
                    let why = if sides.is_empty() {
                        "the exercise has no `sides`, so its one pose is `[figure.hold]`".to_owned()
                    } else if side.is_none() {
                        "an exercise with `sides` has a pose for each side instead".to_owned()
                    } else {
                        "the exercise's `sides` do not name it".to_owned()
                    };
                    self.report(pose.span(), format!("`[figure.{name}]` is not used: {why}"));
                }
                (None, true) => {
                    self.report(
                        raw.span(),
                        format!("`[figure]` has no `[figure.{name}]` pose, which the exercise needs"),
                    );
                }
                (None, false) => {}
            }
        }
        // Holds in the order the exercise does them.
        holds.sort_by_key(|(side, _)| wanted.iter().position(|w| w == side));
        // The start pose's names and lines are known when every part of it could be read, even
        // with a point outside the box: then the fields that name its parts are checked too.
        let (start_ok, start) = (start.clean, (known && start.unreadable.is_empty()).then_some(start.pose));
        let floor_width = self.floor_width(figure.widths.as_ref(), figure.floor.is_some(), start.as_ref());
        let widths = start.as_ref().map(|start| self.widths(figure.widths.as_ref(), start));
        let labels = start.as_ref().map(|start| self.labels("labels", figure.labels.as_ref(), start));
        let mirror_labels =
            start.as_ref().map(|start| self.labels("mirror_labels", figure.mirror_labels.as_ref(), start));
        let behind =
            start.as_ref().map(|start| self.named("behind", figure.behind.as_deref().unwrap_or_default(), start));
        let outline = start.as_ref().map(|start| self.outline(figure, start));
        let body_colour = start
            .as_ref()
            .map(|start| self.named("body_colour", figure.body_colour.as_deref().unwrap_or_default(), start));
        let floor = match &figure.floor {
            None => Some(Vec::new()),
            Some(line) => match self.part("figure.floor", line).and_then(|(points, inside)| inside.then_some(points)) {
                Some(points) if points.len() == 1 => {
                    self.report(
                        line.span(),
                        "`figure.floor` is a point; write it as a line `[[x, y], [x, y], ...]`".to_owned(),
                    );
                    None
                }
                points => points,
            },
        };
        let mirror = figure.mirror.as_ref().and_then(|mirror| self.mirror(mirror, sides));
        self.mirrored(
            raw,
            mirror,
            start.as_ref(),
            labels.as_ref().and_then(Option::as_ref),
            mirror_labels.as_ref().and_then(Option::as_ref),
        );
        (self.problems.len() == problems)
            .then(|| {
                Some(Figure {
                    view: clean_line(&figure.view),
                    mirror_view: figure.mirror_view.as_ref().map(|view| clean_line(view.get_ref())).unwrap_or_default(),
                    mirror_labels: mirror_labels??,
                    start: start.filter(|_| start_ok)?,
                    holds,
                    widths: widths?,
                    floor: floor?,
                    mirror,
                    labels: labels??,
                    behind: behind??,
                    outline: outline??,
                    body_colour: body_colour??,
                    floor_width,
                })
            })
            .flatten()
    }

    /// The side `figure.mirror` names, if it is `left` or `right` and one of the exercise's sides.
    fn mirror(&mut self, mirror: &Spanned<String>, sides: &[Side]) -> Option<Side> {
        let side = match mirror.get_ref().as_str() {
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            _ => None,
        };
        let shown = clean_line(mirror.get_ref());
        match side {
            Some(side) if sides.contains(&side) => Some(side),
            Some(_) => {
                self.report(
                    mirror.span(),
                    format!("`figure.mirror` is `{shown}`, which is not one of the exercise's `sides`"),
                );
                None
            }
            None => {
                self.report(mirror.span(), format!("`figure.mirror` is `{shown}`; it must be `left` or `right`"));
                None
            }
        }
    }

    /// The floor's thickness, from `[figure.widths]`'s `floor` when no part has that name.
    fn floor_width(&mut self, raw: Option<&Spanned<RawWidths>>, has_floor: bool, start: Option<&Pose>) -> Option<u8> {
        if start.is_some_and(|start| start.parts.iter().any(|p| p.name == FLOOR)) {
            return None;
        }
        let (_, width) = raw?.get_ref().0.iter().find(|(name, _)| name == FLOOR)?;
        if !has_floor {
            self.report(width.span(), "`figure.widths.floor` is given, but `[figure]` has no `floor`".to_owned());
            return None;
        }
        self.width_in_range(FLOOR, width)
    }

    /// A width from `[figure.widths]`, if it is in range; otherwise reported.
    fn width_in_range(&mut self, name: &str, width: &Spanned<i64>) -> Option<u8> {
        match u8::try_from(*width.get_ref()) {
            Ok(n) if (1..=MAX_WIDTH).contains(&n) => Some(n),
            _ => {
                self.report(
                    width.span(),
                    format!("`figure.widths.{name}` is {}, outside the allowed 1 to {MAX_WIDTH}", width.get_ref()),
                );
                None
            }
        }
    }

    /// Where `name` is among the start pose's parts; reported as `what` (with the nearest name)
    /// when it is not one of them.
    fn part_index(&mut self, what: &str, name: &str, span: std::ops::Range<usize>, start: &Pose) -> Option<usize> {
        let found = start.parts.iter().position(|p| p.name == name);
        if found.is_none() {
            let known: Vec<&str> = start.parts.iter().map(|p| p.name.as_str()).collect();
            let hint = crate::domain::spelling::nearest(name, &known)
                .map_or(String::new(), |near| format!(" (did you mean `{near}`?)"));
            self.report(span, format!("{what} is not a part of `[figure.start]`{hint}"));
        }
        found
    }

    /// What tells the flipped poses apart from the others, checked against `mirror`: a flipped
    /// pose is seen from the other side of the body, so a view and letters written for the
    /// unflipped ones would be false for it. Without a `mirror` these fields would do nothing.
    fn mirrored(
        &mut self,
        raw: &Spanned<RawFigure>,
        mirror: Option<Side>,
        start: Option<&Pose>,
        labels: Option<&Vec<Option<String>>>,
        mirror_labels: Option<&Vec<Option<String>>>,
    ) {
        let figure = raw.get_ref();
        let Some(side) = mirror else {
            if figure.mirror.is_none() {
                if let Some(view) = &figure.mirror_view {
                    self.report(
                        view.span(),
                        "`figure.mirror_view` is given, but `[figure]` has no `mirror`".to_owned(),
                    );
                }
                if let Some(labels) = &figure.mirror_labels {
                    let message = "`[figure.mirror_labels]` is given, but `[figure]` has no `mirror`".to_owned();
                    self.report(labels.span(), message);
                }
            }
            return;
        };
        let side = side.word();
        let at = figure.mirror.as_ref().map_or_else(|| raw.span(), Spanned::span);
        if !figure.view.trim().is_empty() && figure.mirror_view.as_ref().is_none_or(|v| v.get_ref().trim().is_empty()) {
            self.report(
                at.clone(),
                format!(
                    "`figure.mirror` draws the `{side}` poses from the other side of the body, where `figure.view` is not true; \
                     say where they are seen from in `figure.mirror_view`"
                ),
            );
        }
        let (Some(start), Some(labels), Some(mirror_labels)) = (start, labels, mirror_labels) else {
            return;
        };
        let missing: Vec<usize> = (0..labels.len())
            .filter(|i| labels[*i].is_some() && mirror_labels.get(*i).is_none_or(Option::is_none))
            .collect();
        if !missing.is_empty() {
            let names: Vec<String> =
                missing.iter().filter_map(|i| start.parts.get(*i).map(|part| format!("`{}`", part.name))).collect();
            self.report(
                at,
                format!(
                    "`figure.mirror` draws the `{side}` poses from the other side of the body, where the near limb is the other one; \
                     give the letters they show in `[figure.mirror_labels]`, which has none for {}",
                    names.join(", ")
                ),
            );
        }
    }

    /// Each part's label, in the start pose's order, from `[figure.labels]` or
    /// `[figure.mirror_labels]` (`table`). A label belongs to a point, and is one to three
    /// letters or signs, with no space.
    fn labels(
        &mut self,
        table: &str,
        raw: Option<&Spanned<Named<String>>>,
        start: &Pose,
    ) -> Option<Vec<Option<String>>> {
        let problems = self.problems.len();
        let mut labels = vec![None; start.parts.len()];
        for (name, text) in raw.map(|l| l.get_ref().0.as_slice()).unwrap_or_default() {
            let shown = clean_line(name);
            let field = format!("figure.{table}.{shown}");
            let Some(index) = self.part_index(&format!("`{field}`"), &shown, text.span(), start) else {
                continue;
            };
            let cleaned = clean_line(text.get_ref());
            let letters = cleaned.chars().count();
            if start.parts[index].points.len() != 1 {
                self.report(text.span(), format!("`{field}` labels a line; a label stands at a point `[x, y]`"));
            } else if cleaned != *text.get_ref() || letters == 0 || letters > MAX_LABEL || cleaned.contains(' ') {
                self.report(
                    text.span(),
                    format!(
                        "`{field}` is `\"{cleaned}\"`; a label is 1 to {MAX_LABEL} letters or signs, with no space"
                    ),
                );
            } else {
                labels[index] = Some(cleaned);
            }
        }
        (self.problems.len() == problems).then_some(labels)
    }

    /// Whether each part of the start pose is named in the list `figure.{field}` (`behind`,
    /// `outline`, `body_colour`).
    fn named(&mut self, field: &str, raw: &[Spanned<String>], start: &Pose) -> Option<Vec<bool>> {
        let problems = self.problems.len();
        let mut named = vec![false; start.parts.len()];
        for name in raw {
            let shown = clean_line(name.get_ref());
            if let Some(index) = self.part_index(&format!("`{shown}` in `figure.{field}`"), &shown, name.span(), start)
            {
                named[index] = true;
            }
        }
        (self.problems.len() == problems).then_some(named)
    }

    /// Whether each part of the start pose is named in `outline`. An outlined part is drawn in
    /// front with its ring, so one that is labelled (written, not drawn) or `behind` is refused.
    fn outline(&mut self, figure: &RawFigure, start: &Pose) -> Option<Vec<bool>> {
        let raw = figure.outline.as_deref().unwrap_or_default();
        let outline = self.named("outline", raw, start);
        let labelled = |table: &Option<Spanned<Named<String>>>, name: &str| {
            table.as_ref().is_some_and(|table| table.get_ref().0.iter().any(|(part, _)| part == name))
        };
        let problems = self.problems.len();
        for name in raw {
            let shown = clean_line(name.get_ref());
            if labelled(&figure.labels, name.get_ref()) || labelled(&figure.mirror_labels, name.get_ref()) {
                self.report(
                    name.span(),
                    format!("`{shown}` in `figure.outline` is labelled: its letters are written, not drawn, so it has no ring"),
                );
            }
            if figure.behind.iter().flatten().any(|behind| behind.get_ref() == name.get_ref()) {
                self.report(
                    name.span(),
                    format!(
                        "`{shown}` in `figure.outline` is also in `figure.behind`: an outlined part is drawn in front"
                    ),
                );
            }
        }
        outline.filter(|_| self.problems.len() == problems)
    }

    /// Each part's thickness, in the start pose's order: as `[figure.widths]` gives it, else the
    /// default for a line or a point. Every name there must be a part (or the floor), every
    /// width in range.
    fn widths(&mut self, raw: Option<&Spanned<RawWidths>>, start: &Pose) -> Vec<u8> {
        let mut widths: Vec<u8> =
            start.parts.iter().map(|p| if p.points.len() == 1 { POINT_WIDTH } else { LINE_WIDTH }).collect();
        for (name, width) in raw.map(|w| w.get_ref().0.as_slice()).unwrap_or_default() {
            let shown = clean_line(name);
            if shown == FLOOR && !start.parts.iter().any(|p| p.name == FLOOR) {
                continue;
            }
            let Some(index) = start.parts.iter().position(|p| p.name == shown) else {
                let known: Vec<&str> = start.parts.iter().map(|p| p.name.as_str()).collect();
                let hint = crate::domain::spelling::nearest(&shown, &known)
                    .map_or(String::new(), |near| format!(" (did you mean `{near}`?)"));
                self.report(width.span(), format!("`figure.widths.{shown}` is not a part of `[figure.start]`{hint}"));
                continue;
            };
            if let Some(n) = self.width_in_range(&shown, width) {
                widths[index] = n;
            }
        }
        widths
    }

    /// A pose, checked; `like` is the start pose every other pose must match part for part. A
    /// part with a point outside the box is kept, that point moved onto the box's edge, so that
    /// the other poses are checked against its number of points all the same.
    fn pose(&mut self, field: &str, raw: &Spanned<RawPose>, like: Option<&ReadPose>) -> ReadPose {
        let written = &raw.get_ref().0;
        let problems = self.problems.len();
        if written.is_empty() {
            self.report(
                raw.span(),
                format!("`[{field}]` has no parts; give it lines and points such as `head = [50, 80]`"),
            );
        } else if written.len() > MAX_PARTS {
            self.report(
                raw.span(),
                format!("`[{field}]` has {} parts, more than the {MAX_PARTS} allowed", written.len()),
            );
        }
        let mut parts = Vec::new();
        let mut unreadable = Vec::new();
        for (name, part) in written {
            let shown = clean_line(name);
            let Some((points, _)) = self.part(&format!("{field}.{shown}"), part) else {
                unreadable.push(shown);
                continue;
            };
            if let Some(start) = like {
                match start.pose.parts.iter().find(|p| p.name == shown) {
                    None if start.unreadable.contains(&shown) => continue,
                    None => {
                        let known: Vec<&str> = start.pose.parts.iter().map(|p| p.name.as_str()).collect();
                        let hint = crate::domain::spelling::nearest(&shown, &known)
                            .map_or(String::new(), |near| format!(" (did you mean `{near}`?)"));
                        let message = format!("`{field}.{shown}` is not a part of `[figure.start]`{hint}");
                        self.report(part.span(), message);
                        continue;
                    }
                    Some(matching) if matching.points.len() != points.len() => {
                        let message = format!(
                            "`{field}.{shown}` has {} points, but it has {} in `[figure.start]`; a part keeps its points from pose to pose",
                            points.len(),
                            matching.points.len()
                        );
                        self.report(part.span(), message);
                        continue;
                    }
                    Some(_) => {}
                }
            }
            parts.push(Part { name: shown, points });
        }
        if let Some(start) = like {
            let names = start.pose.parts.iter().map(|p| &p.name).chain(&start.unreadable);
            for missing in names {
                if !written.iter().any(|(name, _)| clean_line(name) == *missing) {
                    let message =
                        format!("`[{field}]` has no `{missing}`; every pose has the parts of `[figure.start]`");
                    self.report(raw.span(), message);
                }
            }
            // The start pose's order, so parts match by position when they move.
            parts.sort_by_key(|p| start.pose.parts.iter().position(|q| q.name == p.name));
        }
        ReadPose { pose: Pose { parts }, clean: self.problems.len() == problems, unreadable }
    }

    /// A part's points: one for a point, two or more for a line, each inside the box; and whether
    /// they are. `None` when it is neither a point nor a line; a point outside the box, or not of
    /// two numbers, is reported and stands on the box's edge, so the part keeps its number of
    /// points.
    fn part(&mut self, field: &str, raw: &Spanned<RawPart>) -> Option<(Vec<Point>, bool)> {
        let items = &raw.get_ref().0;
        let numbers: Vec<&Spanned<RawCoordinate>> =
            items.iter().filter(|c| matches!(c.get_ref(), RawCoordinate::Number(_))).collect();
        let shape = if numbers.len() == items.len() && items.len() == 2 {
            Some(vec![(raw.span(), items.iter().map(number).collect::<Vec<_>>())])
        } else if numbers.is_empty() && items.len() >= 2 && items.len() <= MAX_POINTS {
            Some(items.iter().map(|item| (item.span(), pair(item))).collect())
        } else {
            None
        };
        let Some(shape) = shape else {
            let why = if items.len() > MAX_POINTS {
                format!("has {} points, more than the {MAX_POINTS} allowed", items.len())
            } else if items.len() == 1 && numbers.is_empty() {
                "is a line of one point; write a point as `[x, y]`".to_owned()
            } else {
                format!("is not {POINT_OR_LINE}")
            };
            self.report(raw.span(), format!("`{field}` {why}"));
            return None;
        };
        let problems = self.problems.len();
        let mut points = Vec::new();
        for (span, xy) in shape {
            match xy.as_slice() {
                [x, y] if inside(*x) && inside(*y) => {}
                [x, y] => {
                    self.report(span, format!("`{field}` has the point `[{x}, {y}]`, outside the box of 0 to {BOX}"));
                }
                _ => self.report(span, format!("`{field}` has a point of {} numbers; write it as `[x, y]`", xy.len())),
            }
            let at = |i: usize| xy.get(i).copied().unwrap_or_default();
            points.push(Point { x: to_coordinate(at(0)), y: to_coordinate(at(1)) });
        }
        Some((points, self.problems.len() == problems))
    }
}

fn number(item: &Spanned<RawCoordinate>) -> i64 {
    match item.get_ref() {
        RawCoordinate::Number(n) => *n,
        RawCoordinate::Pair(_) => -1,
    }
}

fn pair(item: &Spanned<RawCoordinate>) -> Vec<i64> {
    match item.get_ref() {
        RawCoordinate::Pair(numbers) => numbers.clone(),
        RawCoordinate::Number(n) => vec![*n],
    }
}

fn inside(n: i64) -> bool {
    (0..=i64::from(BOX)).contains(&n)
}

/// `n` on the box: one outside it stands on its nearer edge.
fn to_coordinate(n: i64) -> u8 {
    u8::try_from(n.clamp(0, i64::from(BOX))).unwrap_or(BOX)
}

/// A pose as far as it could be read.
struct ReadPose {
    /// Its parts that are points or lines, a point outside the box moved onto its edge.
    pose: Pose,
    /// Nothing in it was reported.
    clean: bool,
    /// The names of its parts that are neither a point nor a line.
    unreadable: Vec<String>,
}
