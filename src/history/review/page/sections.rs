//! The page's parts, top to bottom: who and when, was it done, pain, dose, PSFS, notes. Lists
//! that could grow without end (alarms, stops, notes) are capped so that the page stays one
//! sheet, and say how many were left out.

use maud::{Markup, html};

use super::charts::{self, legend_mark};
use super::{count, decimal, isolated, long_date, short_date, signed};
use crate::domain::checkin::Why;
use crate::history::review::adherence::{Basis, Count, DayStatus, LINE_PERCENT};
use crate::history::review::dose::{self, Cell};
use crate::history::review::{self, Alarm, Facts, ProgrammeFacts, Review, Stop, pain, psfs};

/// The width of a half-page column, in CSS pixels (93 mm).
const HALF: f64 = 350.0;

/// The most alarms of each kind, stops and progressions, and notes listed one by one.
pub const MAX_ALARMS: usize = 20;
pub const MAX_STOPS: usize = 12;
pub const MAX_NOTES: usize = 4;

/// The most characters of a note, and of a name or a prescriber, shown.
pub const NOTE_CHARS: usize = 90;
pub const NAME_CHARS: usize = 48;

pub fn header(facts: &Facts, made: jiff::civil::Date) -> Markup {
    let period = facts.period;
    html! {
        header {
            h1 {
                "Exercise report"
                @if let Some(name) = &facts.name { ": " (isolated(name, NAME_CHARS)) }
            }
            // Without a name, a line to write one on: a printed page must say whose it is.
            @if facts.name.is_none() { p.write-in { "Name: " span.blank {} } }
            div.facts {
                div {
                    p { b { "Period: " } (long_date(period.first())) " to " (long_date(period.last()))
                        " (" (count(period.days() as usize, "day", "days")) ", " (count(period.weeks() as usize, "week", "weeks")) ")" }
                    p.muted {
                        "Made on " (long_date(made)) " from the person's exercise log."
                        @if facts.counted_to < period.last() {
                            " Counted to " (long_date(facts.counted_to)) ": the day it was made is not over."
                        }
                    }
                }
                div {
                    @if let Some(programme) = &facts.programme {
                        p {
                            b { "Programme: " } (isolated(&programme.name, NAME_CHARS))
                            @if let Some(by) = &programme.prescriber { ", prescribed by " (isolated(by, NAME_CHARS)) }
                            "; "
                            "started " (long_date(programme.start)) ", " (count(programme.weeks as usize, "week", "weeks"))
                            @if let Some(review) = programme.review { "; review " (long_date(review)) }
                            "."
                        }
                    } @else {
                        p { b { "No programme. " } "Adherence is the share of days with at least one full session." }
                    }
                }
            }
        }
    }
}

/// `78%` big, `62 of 84 ...`, and where it stands against the 70% line.
fn headline(whole: Count, basis: Basis, nothing_counted: bool) -> Markup {
    let what = match basis {
        Basis::Programme => " sessions due were done in full",
        Basis::DaysWithAFullSession => " days had a full session",
    };
    html! {
        p.headline {
            @if let Some(percent) = whole.percent() {
                span.big { (percent) "%" }
                (whole.of()) (what) " "
                @if whole.meets_line() {
                    span.verdict.over { "at or above the " (LINE_PERCENT) "% line" }
                } @else {
                    span.verdict.under { "under the " (LINE_PERCENT) "% line" }
                }
            } @else if nothing_counted {
                "Nothing counted yet: the period's days are not over."
            } @else {
                "Nothing was due in this period."
            }
        }
    }
}

pub fn adherence(facts: &Facts, review: &Review) -> Markup {
    let adherence = &review.adherence;
    let columns = facts.period.columns();
    let legend = [
        (DayStatus::Done, "done"),
        (DayStatus::Partial, "partial"),
        (DayStatus::Missed, if adherence.basis == Basis::Programme { "missed" } else { "no session" }),
        (DayStatus::Skipped, "skipped"),
        (DayStatus::NotDue, "not due"),
        (DayStatus::NotOver, "not over yet"),
    ];
    html! {
        section #adherence {
            h2 { "1 · Was it done?" }
            div.row {
                div {
                    (headline(adherence.whole, adherence.basis, adherence.counted_to < facts.period.first()))
                    (charts::adherence_bars(adherence, &columns, HALF))
                }
                div {
                    h3 { "Each day" }
                    (charts::calendar(facts.period, adherence, HALF))
                    p.legend {
                        @for (status, name) in legend {
                            @if charts::shown_in_legend(status, adherence) {
                                span { (legend_mark(status)) " " (name) " " b { (adherence.tally(status)) } }
                            }
                        }
                    }
                    (stops(&review.stops))
                }
            }
        }
    }
}

/// The sessions stopped early, by reason, each reason with its dates.
fn stops(stops: &[Stop]) -> Markup {
    let reasons = [Some(Why::Pain), Some(Why::NoTime), Some(Why::Other), Some(Why::Signal), Some(Why::Lost), None];
    let groups: Vec<(Option<Why>, Vec<jiff::civil::Date>)> = reasons
        .iter()
        .map(|&reason| {
            (reason, stops.iter().filter(|stop| stop.why == reason).map(|stop| stop.date).collect::<Vec<_>>())
        })
        .filter(|(_, dates)| !dates.is_empty())
        .collect();
    html! {
        p {
            b { "Stopped early: " (stops.len()) }
            @if stops.is_empty() { ", none." }
            // Those count for no session of a programme, which says only the others.
            @match stops.iter().filter(|stop| stop.holds_done == 0).count() {
                0 => {}
                n if n == stops.len() => { " (before any hold was done)" }
                n => { " (" (n) " before any hold was done)" }
            }
            @for (n, (reason, dates)) in groups.iter().enumerate() {
                (if n == 0 { ". " } else { "; " })
                b { (stop_reason(*reason)) " " (dates.len()) ": " }
                (dated_list(dates.iter().map(|d| (*d, html! { (short_date(*d)) })), MAX_STOPS))
            }
        }
    }
}

/// Why a session stopped, as the page says it.
fn stop_reason(why: Option<Why>) -> &'static str {
    match why {
        Some(Why::Pain) => "Pain",
        Some(Why::NoTime) => "No time",
        Some(Why::Other) => "Something else",
        Some(Why::Signal) => "Ended by Ctrl-C or a signal",
        Some(Why::Lost) => "Terminal closed",
        None => "No reason given",
    }
}

/// The first `max` of `items` (each with its date), separated by dots, then how many more and
/// the last one's date.
fn dated_list(items: impl ExactSizeIterator<Item = (jiff::civil::Date, Markup)>, max: usize) -> Markup {
    let total = items.len();
    let mut last = None;
    let shown: Vec<Markup> = items
        .enumerate()
        .filter_map(|(n, (date, item))| {
            last = Some(date);
            (n < max).then_some(item)
        })
        .collect();
    html! {
        ul.inline { @for item in shown { li { (item) } } }
        @if total > max {
            @if let Some(last) = last { " … and " (total - max) " more, the last on " (short_date(last)) }
        }
    }
}

pub fn pain(facts: &Facts, review: &Review) -> Markup {
    let figures = &review.pain;
    let high: Vec<_> = review
        .alarms
        .iter()
        .filter_map(|a| match *a {
            Alarm::HighPain { date, pain, before } => Some((date, high_pain(date, pain, before))),
            Alarm::Spread { .. } => None,
        })
        .collect();
    // Each day once, with how many sessions said so when more than one.
    let mut spread: Vec<(jiff::civil::Date, usize)> = Vec::new();
    for alarm in review.alarms.iter().filter(|a| matches!(a, Alarm::Spread { .. })) {
        match spread.last_mut() {
            Some((date, times)) if *date == alarm.date() => *times += 1,
            _ => spread.push((alarm.date(), 1)),
        }
    }
    let spread_total: usize = spread.iter().map(|(_, times)| times).sum();
    // The key to the `b` only where one is shown.
    let any_before = review.alarms.iter().any(|a| matches!(a, Alarm::HighPain { before: true, .. }));
    let sides = review.sides;
    html! {
        section #pain {
            h2 { "2 · Pain, 0 (none) to 10 (worst), after each session" }
            div.row {
                div {
                    (pain_figures(figures))
                    (charts::pain(facts.period, figures, &facts.period.columns(), HALF))
                    p.legend {
                        span { "● after" }
                        // The key to an open dot only where one is drawn.
                        @if figures.answers.iter().any(|answer| answer.before.is_some()) { span { "○ before" } }
                        span { span.key-mean {} " mean of the week" }
                        span { span.key-line {} " baseline" } span { span.key-band {} " important drop" }
                    }
                }
                div {
                    div.alarms {
                        h3 { (high_heading(facts.programme.as_ref())) ": " (high.len()) @if any_before { " (b: before the session)" } }
                        @if high.is_empty() { p { "none" } } @else {
                            p { (dated_list(high.into_iter(), MAX_ALARMS)) }
                        }
                        h3 { "Pain spread into a buttock or down a leg: " (spread_total) }
                        @if spread.is_empty() { p { "none" } } @else {
                            p { (dated_list(spread.iter().map(|&(date, times)| (date, html! {
                                (short_date(date)) @if times > 1 { " (" (times) "×)" }
                            })), MAX_ALARMS)) }
                        }
                    }
                    p {
                        b { "Which side hurt" }
                        @if sides.answered() == 0 { ": no answers." } @else {
                            " (" (count(sides.answered() as usize, "answer", "answers")) "): "
                            "left " b { (sides.left) } ", right " b { (sides.right) } ", both " b { (sides.both) } ", neither " b { (sides.neither) }
                        }
                    }
                }
            }
        }
    }
}

/// `Pain 7 or more`, and the programme's stop line where it has one: `(stop line)` when the pains
/// listed start at it (it is 7 or below), `(stop line 9)` when it is above 7, among them.
fn high_heading(programme: Option<&ProgrammeFacts>) -> String {
    let high = review::high_from(programme);
    match programme.and_then(|programme| programme.stop_pain) {
        Some(stop) if stop <= high => format!("Pain {high} or more (stop line)"),
        Some(stop) => format!("Pain {high} or more (stop line {stop})"),
        None => format!("Pain {high} or more"),
    }
}

/// `3 Mar 8`, or `3 Mar 8b` for an answer before the session.
fn high_pain(date: jiff::civil::Date, pain: crate::domain::checkin::Pain, before: bool) -> Markup {
    html! { (short_date(date)) " " b { (pain.value()) @if before { "b" } } }
}

fn pain_figures(figures: &pain::PainFigures) -> Markup {
    let week = |w: u32| format!("week {}", w + 1);
    html! {
        dl.figures {
            dt { "Baseline" }
            dd {
                @if let Some(b) = figures.baseline {
                    b { (decimal(b.mean)) } ", the mean of " (week(b.week)) " (" (count(b.answers as usize, "answer", "answers")) ")"
                } @else { "none: no pain answer after a session in this period" }
            }
            dt { "Latest" }
            dd {
                @if let (Some(l), Some(change)) = (figures.latest, figures.change()) {
                    b { (decimal(l.mean)) } ", " (week(l.week)) " (" (count(l.answers as usize, "answer", "answers")) "): "
                    b { (signed(change)) } " "
                    @if figures.important() {
                        span.verdict.better { "clinically important drop" }
                    } @else if let Some(drop) = figures.important_drop() {
                        span.verdict.worse { "not yet important (" (signed(-drop)) " needed)" }
                    }
                } @else { "no later week with an answer" }
            }
        }
    }
}

pub fn dose(facts: &Facts, review: &Review) -> Markup {
    let columns = facts.period.columns();
    let programme = facts.programme.is_some();
    html! {
        section #dose {
            h2 { "3 · Dose: reps per side × sets, hold; prescribed against done" }
            @if review.dose.is_empty() {
                p { "No exercise done in this period." }
            } @else {
                table {
                    colgroup { col style="width: 27mm"; col style="width: 15.5mm"; @for _ in &columns { col; } }
                    thead { tr { th { "Item" } th {} @for column in &columns { th { (column.label()) } } } }
                    tbody {
                        @for item in &review.dose {
                            @if programme {
                                tr.prescribed {
                                    td.name rowspan="2" { (isolated(&item.item, NAME_CHARS)) }
                                    td.label { "prescribed" }
                                    @for cell in &item.cells { td { @if let Some(dose) = cell.prescribed { (dose.short()) } @else { "–" } } }
                                }
                                tr.done { td.label { "done" } @for cell in &item.cells { (done_cell(cell)) } }
                            } @else {
                                tr.done { td.name { (isolated(&item.item, NAME_CHARS)) } td.label { "done" } @for cell in &item.cells { (done_cell(cell)) } }
                            }
                        }
                    }
                }
                p.legend {
                    "A dose reads reps a side × sets, then the hold: 10×2 5s is 10 reps a side × 2 sets, 5 s holds. Done: the dose run most often, then 11 · 66%: 11 sessions at it, 66% of their holds done."
                    @if programme { " Underlined: not as prescribed." }
                }
                p {
                    @let steps = dose::steps(&review.progressions);
                    b { "Progressions accepted: " (steps) }
                    @if steps < review.progressions.len() {
                        ", raising " (review.progressions.len()) " exercises' doses"
                    }
                    @if review.progressions.is_empty() { ", none." } @else {
                        ". "
                        (dated_list(review.progressions.iter().map(|p| (p.date, html! {
                            (short_date(p.date)) " " (isolated(&p.item, NAME_CHARS / 2)) ": "
                            @if let Some(from) = p.from { (from.short()) " → " }
                            b { (p.to.short()) }
                        })), MAX_STOPS))
                    }
                }
            }
        }
    }
}

fn done_cell(cell: &Cell) -> Markup {
    let Some(done) = cell.done else { return html! { td { "–" } } };
    let off = cell.prescribed.is_some_and(|p| p != done.dose);
    html! {
        td.off[off] {
            (done.dose.short())
            // Thin spaces round the dot, or `11·66%` reads as a decimal.
            span.holds { (done.sessions) "\u{2009}·\u{2009}" @if let Some(p) = done.holds.percent() { (p) "%" } @else { "–" } }
        }
    }
}

pub fn psfs(facts: &Facts, review: &Review) -> Markup {
    let figures = &review.psfs;
    let columns = facts.period.columns();
    let score = |value: &Option<f64>| value.map_or_else(|| "–".to_owned(), score);
    html! {
        section #psfs {
            h2 { "4 · PSFS, 0 (unable) to 10 (as before)" }
            @if figures.activities.is_empty() {
                p { "No PSFS answers in this period." }
            } @else {
                p.headline {
                    @if let (Some(first), Some(latest), Some(change)) = (figures.first, figures.latest, figures.change()) {
                        "Mean " b { (decimal(first.mean)) } " in week " (first.week + 1) ", " b { (decimal(latest.mean)) }
                        " in week " (latest.week + 1) ": " b { (signed(change)) } " "
                        @if figures.important() {
                            span.verdict.better { "clinically important rise" }
                        } @else {
                            span.verdict.worse { "under the " (decimal(psfs::IMPORTANT_POINTS)) " points that count" }
                        }
                    } @else { "One week of answers: no change yet." }
                }
                table {
                    colgroup { col style="width: 40mm"; @for _ in &columns { col; } col style="width: 12mm"; }
                    thead { tr { th { "Activity" } @for column in &columns { th { (column.label()) } } th { "change" } } }
                    tbody {
                        @for activity in &figures.activities {
                            tr {
                                td.name { (isolated(&activity.name, NAME_CHARS)) }
                                @for value in &activity.columns { td { (score(value)) } }
                                td { @if let Some(change) = activity.change { (signed(change)) } @else { "–" } }
                            }
                        }
                        tr.done {
                            td { "mean" }
                            @for value in &figures.columns { td { (score(value)) } }
                            td { @if let Some(change) = figures.change() { (signed(change)) } @else { "–" } }
                        }
                    }
                }
            }
        }
    }
}

pub fn notes(review: &Review) -> Markup {
    let notes = &review.notes;
    let shown_notes = &notes[notes.len().saturating_sub(MAX_NOTES)..];
    html! {
        section #notes {
            h2 {
                "5 · Notes, in the person's words"
                @if notes.len() > MAX_NOTES { " (the latest " (MAX_NOTES) " of " (notes.len()) ")" }
            }
            @if notes.is_empty() {
                p { "No notes in this period." }
            } @else {
                ul.notes {
                    @for (date, note) in shown_notes {
                        li { b { (short_date(*date)) } " " (isolated(note, NOTE_CHARS)) }
                    }
                }
            }
        }
    }
}

/// A score: whole numbers as they are (`4`), means to one decimal (`4.5`).
fn score(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 { format!("{value:.0}") } else { decimal(value) }
}
