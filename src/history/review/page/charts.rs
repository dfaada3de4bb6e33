//! The page's charts, as inline SVG written by hand: adherence bars with the 70% line, the
//! calendar of days, and pain over time with its baseline and band. Each carries its numbers as
//! text, and tells its marks apart by shape and pattern as well as by colour, so that it reads
//! printed in black and white. One SVG user unit is one CSS pixel.

use std::collections::BTreeSet;

use jiff::civil::Date;
use maud::{Markup, html};

use super::decimal;
use crate::history::review::adherence::{Adherence, Basis, DayStatus, LINE_PERCENT};
use crate::history::review::pain::PainFigures;
use crate::history::review::period::{Column, Period};

/// A coordinate, to a tenth of a pixel.
fn at(value: f64) -> String {
    format!("{value:.1}")
}

/// Sessions done against due per column, as bars of the share done, with the 70% line. Each bar
/// has its percentage above it and `done/due` under its label; a bar under the line is hatched.
pub fn adherence_bars(adherence: &Adherence, columns: &[Column], width: f64) -> Markup {
    let (height, left, right, top, bottom) = (102.0, 26.0, 6.0, 11.0, 28.0);
    let plot = height - top - bottom;
    let y = |percent: f64| top + plot * (1.0 - percent / 100.0);
    let slot = (width - left - right) / columns.len().max(1) as f64;
    let bar = (slot * 0.62).min(26.0);
    let line = y(f64::from(LINE_PERCENT));
    let described = format!(
        "Sessions done against due, by week: {}",
        columns
            .iter()
            .zip(&adherence.columns)
            .map(|(c, n)| format!("{} {}/{}", c.label(), n.done, n.due))
            .collect::<Vec<_>>()
            .join(", ")
    );
    html! {
        svg.chart width=(at(width)) height=(at(height)) viewBox={ "0 0 " (at(width)) " " (at(height)) } role="img" aria-label=(described) {
            defs {
                pattern #under-line patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)" {
                    rect width="4" height="4" fill="#fbe3e1" {}
                    line x1="0" y1="0" x2="0" y2="4" stroke="#8c1d18" stroke-width="1.6" {}
                }
            }
            @for percent in [0_u32, 40, 100] {
                line.grid x1=(at(left)) x2=(at(width - right)) y1=(at(y(f64::from(percent)))) y2=(at(y(f64::from(percent)))) {}
                text.tick x=(at(left - 3.0)) y=(at(y(f64::from(percent)) + 3.0)) text-anchor="end" { (percent) "%" }
            }
            @for (n, (column, count)) in columns.iter().zip(&adherence.columns).enumerate() {
                @let centre = left + slot * (n as f64 + 0.5);
                @let share = count.percent();
                @if let Some(percent) = share {
                    @let top_of_bar = y(f64::from(percent));
                    rect.{ "bar " (if count.meets_line() { "over" } else { "under" }) }
                        x=(at(centre - bar / 2.0)) y=(at(top_of_bar)) width=(at(bar)) height=(at(y(0.0) - top_of_bar)) {}
                }
                text.tick x=(at(centre)) y=(at(height - bottom + 11.0)) text-anchor="middle" { (column.short_label()) }
                text.count x=(at(centre)) y=(at(height - bottom + 22.0)) text-anchor="middle" {
                    @if share.is_some() { (count.done) "/" (count.due) } @else { "none due" }
                }
            }
            line.target x1=(at(left - 2.0)) x2=(at(width - right)) y1=(at(line)) y2=(at(line)) {}
            // Each bar's share over the line, on a ground of its own so the line never crosses it.
            @for (n, count) in adherence.columns.iter().enumerate() {
                @if let Some(percent) = count.percent() {
                    (label(&format!("{percent}%"), left + slot * (n as f64 + 0.5), y(f64::from(percent)) - 2.5, Anchor::Middle))
                }
            }
            text.target-label x=(at(left - 3.0)) y=(at(line + 3.0)) text-anchor="end" { (LINE_PERCENT) "%" }
        }
    }
}

/// The days of the period, a column per week and a row per day of the week, each day's mark a
/// shape: filled done, half-filled partial, empty missed, crossed skipped, a dot not due.
pub fn calendar(period: Period, adherence: &Adherence, width: f64) -> Markup {
    let weeks = period.weeks().max(1);
    let (left, top) = (14.0, 12.0);
    let cell = ((width - left) / f64::from(weeks)).clamp(5.0, 14.0);
    let size = cell * 0.8;
    let height = top + cell * 7.0 + 2.0;
    let every = weeks.div_ceil(13);
    let first_weekday = period.first().weekday();
    html! {
        svg.chart width=(at(width)) height=(at(height)) viewBox={ "0 0 " (at(width)) " " (at(height)) } role="img"
            aria-label="Calendar of days: done, partial, missed, skipped, not due" {
            // Small cells have room for every other day's letter only.
            @for row in (0..7_i8).step_by(if cell < 9.0 { 2 } else { 1 }) {
                @let weekday = first_weekday.wrapping_add(row);
                text.tick x="0" y=(at(top + cell * f64::from(row) + size / 2.0 + 3.0)) { (weekday_letter(weekday)) }
            }
            @for week in (0..weeks).step_by(every as usize) {
                text.tick x=(at(left + cell * f64::from(week))) y="8" { (week + 1) }
            }
            @for (n, day) in adherence.days.iter().enumerate() {
                @let (x, y) = (left + cell * (n / 7) as f64, top + cell * (n % 7) as f64);
                (day_mark(day.status, x, y, size))
            }
        }
    }
}

fn weekday_letter(weekday: jiff::civil::Weekday) -> &'static str {
    use jiff::civil::Weekday;
    match weekday {
        Weekday::Monday => "M",
        Weekday::Tuesday | Weekday::Thursday => "T",
        Weekday::Wednesday => "W",
        Weekday::Friday => "F",
        Weekday::Saturday | Weekday::Sunday => "S",
    }
}

/// One day's mark at `(x, y)`, `size` wide: also used, small, in the legend.
pub fn day_mark(status: DayStatus, x: f64, y: f64, size: f64) -> Markup {
    let (x1, y1) = (x + size, y + size);
    html! {
        @match status {
            DayStatus::Done => rect.done x=(at(x)) y=(at(y)) width=(at(size)) height=(at(size)) {},
            DayStatus::Partial => {
                rect.open x=(at(x)) y=(at(y)) width=(at(size)) height=(at(size)) {}
                polygon.partial points={ (at(x)) "," (at(y)) " " (at(x)) "," (at(y1)) " " (at(x1)) "," (at(y1)) } {}
            }
            DayStatus::Missed => rect.missed x=(at(x)) y=(at(y)) width=(at(size)) height=(at(size)) {},
            DayStatus::Skipped => {
                rect.open x=(at(x)) y=(at(y)) width=(at(size)) height=(at(size)) {}
                line.skipped x1=(at(x)) y1=(at(y1)) x2=(at(x1)) y2=(at(y)) {}
                line.skipped x1=(at(x)) y1=(at(y)) x2=(at(x1)) y2=(at(y1)) {}
            }
            DayStatus::NotDue => circle.not-due cx=(at(x + size / 2.0)) cy=(at(y + size / 2.0)) r=(at(size / 7.0 + 0.6)) {},
            DayStatus::NotOver => circle.not-over cx=(at(x + size / 2.0)) cy=(at(y + size / 2.0)) r=(at(size / 3.0)) {},
        }
    }
}

/// A legend's mark: one day's shape, the size of the text beside it.
pub fn legend_mark(status: DayStatus) -> Markup {
    html! { svg.mark width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" { (day_mark(status, 0.5, 0.5, 9.0)) } }
}

/// Pain after (filled dots) and before (open dots) each session over the period, each column's
/// mean as a line with its value under the axis, the baseline as a dashed line with its value,
/// and the band of a clinically important drop, hatched, with its top's value.
pub fn pain(period: Period, figures: &PainFigures, columns: &[Column], width: f64) -> Markup {
    let (height, left, right, top, bottom) = (118.0, 22.0, 6.0, 8.0, 28.0);
    let plot = height - top - bottom;
    let y = |pain: f64| top + plot * (1.0 - pain / 10.0);
    let days = f64::from(period.days());
    let x = |day: f64| left + (width - left - right) * day / days;
    let day_x = |date| period.day_index(date).map_or(left, |d| x(f64::from(d) + 0.5));
    let column_x = |c: &Column| {
        let first = period.day_index(c.first).unwrap_or(0);
        x(f64::from(first) + f64::from(c.days()) / 2.0)
    };
    let means: Vec<(f64, f64)> =
        columns.iter().zip(&figures.columns).filter_map(|(c, m)| m.map(|m| (column_x(c), y(m)))).collect();
    let mean_line = means.iter().map(|(x, y)| format!("{},{}", at(*x), at(*y))).collect::<Vec<_>>().join(" ");
    html! {
        svg.chart width=(at(width)) height=(at(height)) viewBox={ "0 0 " (at(width)) " " (at(height)) } role="img"
            aria-label="Pain from 0 to 10 after and before each session, with the baseline and the band of a clinically important drop" {
            defs {
                pattern #band-hatch patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(-45)" {
                    rect width="5" height="5" fill="#e3f1e6" {}
                    line x1="0" y1="0" x2="0" y2="5" stroke="#5f8f6a" stroke-width="0.8" {}
                }
            }
            @if let Some(band_top) = figures.band_top() {
                rect.band x=(at(left)) y=(at(y(band_top))) width=(at(width - left - right)) height=(at(y(0.0) - y(band_top))) {}
            }
            @for pain in (0..=10).step_by(2) {
                line.grid x1=(at(left)) x2=(at(width - right)) y1=(at(y(f64::from(pain)))) y2=(at(y(f64::from(pain)))) {}
                text.tick x=(at(left - 3.0)) y=(at(y(f64::from(pain)) + 3.0)) text-anchor="end" { (pain) }
            }
            @if let Some(baseline) = figures.baseline {
                line.baseline x1=(at(left)) x2=(at(width - right)) y1=(at(y(baseline.mean))) y2=(at(y(baseline.mean))) {}
            }
            @if means.len() > 1 {
                polyline.mean points=(mean_line) {}
            }
            @for (mx, my) in &means {
                rect.mean-mark x=(at(mx - 2.0)) y=(at(my - 2.0)) width="4" height="4" {}
            }
            @for (date, value, before) in dots(figures) {
                @if before {
                    circle.before cx=(at(day_x(date) - 1.2)) cy=(at(y(f64::from(value)))) r="1.9" {}
                } @else {
                    circle.after cx=(at(day_x(date) + 1.2)) cy=(at(y(f64::from(value)))) r="1.9" {}
                }
            }
            @if let Some(band_top) = figures.band_top() {
                (label(&format!("important drop: pain {} or less", decimal(band_top)), left + 3.0, y(band_top) + 9.0, Anchor::Start))
            }
            @if let Some(baseline) = figures.baseline {
                (label(&format!("baseline {}", decimal(baseline.mean)), width - right, y(baseline.mean) - 2.5, Anchor::End))
            }
            @for (column, mean) in columns.iter().zip(&figures.columns) {
                text.tick x=(at(column_x(column))) y=(at(height - bottom + 11.0)) text-anchor="middle" { (column.short_label()) }
                text.count x=(at(column_x(column))) y=(at(height - bottom + 22.0)) text-anchor="middle" {
                    @if let Some(mean) = mean { (decimal(*mean)) } @else { "–" }
                }
            }
        }
    }
}

/// The pain chart's dots: each answer once per day, before and after apart. Two sessions with
/// the same answer on one day would draw the same dot, so however many sessions a day has, the
/// chart has at most 22 dots for it.
fn dots(figures: &PainFigures) -> BTreeSet<(Date, u8, bool)> {
    let mut dots = BTreeSet::new();
    for answer in &figures.answers {
        dots.extend(answer.before.map(|value| (answer.date, value, true)));
        dots.extend(answer.after.map(|value| (answer.date, value, false)));
    }
    dots
}

/// A chart's label on a white ground, so that it reads over the marks under it; `end` anchors it
/// at its end rather than its start. The ground's width is an estimate of the text's.
fn label(text: &str, x: f64, y: f64, anchor: Anchor) -> Markup {
    let width = text.chars().count() as f64 * 4.7 + 3.0;
    let left = match anchor {
        Anchor::Start => x - 1.5,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width + 1.5,
    };
    let anchor = match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    html! {
        rect.label-ground x=(at(left)) y=(at(y - 7.5)) width=(at(width)) height="9.5" {}
        text.chart-label x=(at(x)) y=(at(y)) text-anchor=(anchor) { (text) }
    }
}

/// Where a label's text stands against its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Start,
    Middle,
    End,
}

/// Whether a day's status shows in the calendar's legend: skipped and not-due days only with a
/// programme, and a day not over only when the calendar has one.
pub fn shown_in_legend(status: DayStatus, adherence: &Adherence) -> bool {
    (adherence.basis == Basis::Programme || !matches!(status, DayStatus::Skipped | DayStatus::NotDue))
        && (status != DayStatus::NotOver || adherence.tally(status) > 0)
}
