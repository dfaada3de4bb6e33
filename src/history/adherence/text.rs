//! Adherence in words, as `trunkrot history` and `trunkrot today` print it: each programme week
//! with a bar against the 70% line, and the whole period.

use std::fmt::Write as _;

use super::{ADHERENT, Adherence, Day, Figures};
use crate::domain::programme::Programme;
use crate::domain::programme::text::day;
use crate::history::report::plural;

/// How wide a week's bar is, in cells.
const BAR: usize = 20;

/// The lines of the weeks' adherence: a heading, a row per programme week, the whole period.
/// Nothing when no programme made anything due.
pub fn weeks(adherence: &Adherence) -> Vec<String> {
    if adherence.whole.due == 0 {
        return Vec::new();
    }
    let line = (ADHERENT * BAR as f64).round() as usize;
    let mut lines = vec![format!(
        "Sessions done in full of those due, each programme week (| marks {}%):",
        (ADHERENT * 100.0).round()
    )];
    let mut programme = "";
    for week in adherence.weeks.iter().filter(|week| week.figures.due > 0) {
        if week.programme != programme {
            programme = &week.programme;
            lines.push(format!("  {programme}"));
        }
        let filled = week.figures.share().map_or(0, |share| (share * BAR as f64).round() as usize).min(BAR);
        let bar: String = (0..BAR)
            .map(|cell| match (cell < filled, cell == line) {
                (_, true) if cell >= filled => '|',
                (true, _) => '█',
                (false, _) => '·',
            })
            .collect();
        lines.push(format!(
            "  week {:>2} of {:<2} {:<16} {bar}  {}",
            week.number,
            week.of,
            day(week.first_day),
            counts(&week.figures)
        ));
    }
    lines.push(format!("  in all: {}", counts(&adherence.whole)));
    lines
}

/// Where a session starting stands in the day, for the get-ready screen, from the day's
/// `figures` so far as `today` counts them: `Today 3 of 4` while it is the third of four due
/// (`counts`: it does an item), or how many are done when it does none, or is more than was due.
pub fn place_in_day(figures: &Figures, counts: bool) -> String {
    let due = figures.due;
    if due == 0 {
        return "Nothing is due today".to_owned();
    }
    let taken = figures.full + figures.partial;
    if taken >= due {
        let already = if figures.partial == 0 { " already" } else { "" };
        format!("{}{already}: this one is more", done_line(figures))
    } else if counts {
        format!("Today {} of {due}", taken + 1)
    } else {
        done_line(figures)
    }
}

/// The day's line once a session has ended, from the day's `figures` as `today` counts them
/// (the session's own included, `counts` when it did an item): the sessions done in full, and
/// those partly done (stopped early, or with holds skipped) apart; all done only when every
/// session due was done in full.
pub fn day_line(figures: &Figures, counts: bool) -> String {
    let due = figures.due;
    if due == 0 {
        "Nothing is due today".to_owned()
    } else if counts && figures.partial == 0 && figures.full >= due {
        format!("Today {due} of {due}: all done")
    } else {
        done_line(figures)
    }
}

/// `Today 1 of 3 done`, and `, 1 partly done` when some were.
fn done_line(figures: &Figures) -> String {
    match figures.partial {
        0 => format!("Today {} of {} done", figures.full, figures.due),
        partial => format!("Today {} of {} done, {partial} partly done", figures.full, figures.due),
    }
}

/// Sessions of an item still to do on a day: due, less those done, stopped early or excused.
pub fn left(figures: &Figures) -> u32 {
    figures.due.saturating_sub(figures.full + figures.partial + figures.excused)
}

/// The shell prompt's line: the next item with a session left, as `rot 1/2` (done of due), and
/// `+N` for the sessions of other items left; `None` when nothing is left today.
pub fn prompt(programme: &Programme, today: &Day) -> Option<String> {
    let short = |id: &str| programme.item(id).map_or(id, |item| item.short.as_str()).to_owned();
    let mut open = today.items.iter().filter(|item| left(&item.figures) > 0);
    let next = open.next()?;
    let others: u32 = open.map(|item| left(&item.figures)).sum();
    let done = next.figures.full + next.figures.partial;
    let more = if others > 0 { format!(" +{others}") } else { String::new() };
    Some(format!("{} {done}/{}{more}", short(&next.item), next.figures.due))
}

/// `trunkrot today`'s lines: the day and its programme week, each item due with what is done,
/// what is left and what starts next, and the week so far. `names` are the items' names, in
/// the programme's order. When the last session was `stopped` (told to stop), what is left is
/// not asked for.
pub fn today(programme: &Programme, names: &[String], today: &Day, week: &Figures, stopped: bool) -> Vec<String> {
    let name = |id: &str| -> String {
        let at = programme.items.iter().position(|item| item.id == id);
        at.and_then(|at| names.get(at)).map_or_else(|| id.to_owned(), Clone::clone)
    };
    let when = match today.week {
        Some(week) => format!(": week {week} of {} of {}", programme.weeks, programme.name),
        None => String::new(),
    };
    let mut lines = vec![format!("Today, {}{when}", day(today.date))];
    if let Some(reason) = &today.skipped {
        lines.push(format!("Skipped today: {reason}. What was left is counted apart, not as missed."));
    }
    let due: Vec<_> = today.items.iter().filter(|item| item.figures.due > 0).collect();
    if due.is_empty() {
        lines.push("Nothing is due today.".to_owned());
        return lines;
    }
    let width = due.iter().map(|item| name(&item.item).chars().count()).max().unwrap_or(0);
    for item in &due {
        let f = &item.figures;
        let mut state = if left(f) == 0 && f.partial == 0 && f.excused == 0 {
            "done".to_owned()
        } else {
            format!("{} of {} done", f.full, f.due)
        };
        if f.partial > 0 {
            let _ = write!(state, ", {} partly done", f.partial);
        }
        if f.extra > 0 {
            let _ = write!(state, ", {} more than due", f.extra);
        }
        lines.push(format!("  {:<width$}  {state}", name(&item.item)));
    }
    let all_left: u32 = due.iter().map(|item| left(&item.figures)).sum();
    let next = due.iter().find(|item| left(&item.figures) > 0);
    match next {
        // Told to stop after the last session: no session is asked for.
        Some(_) if stopped => lines.push(format!(
            "{} left, to start only once you have spoken to whoever prescribed them.",
            plural(all_left as usize, "session", "sessions")
        )),
        Some(next) if all_left == 1 => lines.push(format!("1 session left: `trunkrot` starts {}.", name(&next.item))),
        Some(next) => lines.push(format!("{all_left} sessions left: `trunkrot` starts {}.", name(&next.item))),
        // Nothing left: all done, or what is not was done in part or excused.
        None => {
            let done: u32 = due.iter().map(|item| item.figures.full).sum();
            let of: u32 = due.iter().map(|item| item.figures.due).sum();
            if done >= of {
                lines.push(format!("All done for today: {done} of {of}."));
            } else {
                lines.push(format!("Nothing left for today: {done} of {of} done in full."));
            }
        }
    }
    if week.due > 0 {
        lines.push(format!("This week so far: {}", counts(week)));
    }
    lines
}

/// A share in whole percent, rounded down as the physiotherapist's page rounds it, so that the
/// two never differ and 69.9% never reads as the 70% line.
fn whole_percent(share: f64) -> u32 {
    // The small margin keeps 0.7, which is not exact in binary, at 70.
    (share * 100.0 + 1e-9).floor() as u32
}

/// `17 of 24 (70%), 1 partly done (50% of their holds done), 1 day skipped, 6 missed`: a session
/// partly done was stopped early or had holds skipped.
pub fn counts(figures: &Figures) -> String {
    let counted = figures.due.saturating_sub(figures.excused);
    let share = figures.share().map_or(String::new(), |share| format!(" ({}%)", whole_percent(share)));
    let mut text = format!("{} of {counted}{share}", figures.full);
    if figures.partial > 0 {
        let held = f64::from(figures.partial_held) / f64::from(figures.partial_planned.max(1));
        let _ = write!(text, ", {} partly done ({}% of their holds done)", figures.partial, whole_percent(held));
    }
    match figures.skipped_days {
        0 => {}
        1 => text.push_str(", 1 day skipped"),
        n => {
            let _ = write!(text, ", {n} days skipped");
        }
    }
    if figures.missed > 0 {
        let _ = write!(text, ", {} missed", figures.missed);
    }
    if figures.extra > 0 {
        let _ = write!(text, ", {} more than due", figures.extra);
    }
    text
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::super::{Week, adherence};
    use super::*;

    #[test]
    fn a_share_is_said_in_whole_percent_rounded_down_as_the_page_says_it() {
        let page = |done: u32, due: u32| crate::history::review::adherence::Count { done, due }.percent();
        for (done, due) in [(16, 24), (26, 28), (42, 52), (12, 14), (7, 10), (69, 100), (1, 3), (24, 24)] {
            let share = f64::from(done) / f64::from(due);
            assert_eq!(Some(whole_percent(share)), page(done, due), "{done} of {due}");
        }
        assert_eq!(whole_percent(0.7), 70, "the line itself is not rounded below it");
    }

    #[test]
    fn each_week_has_a_bar_against_the_line_and_its_counts() {
        let figures = |due, full, partial, excused| Figures {
            due,
            full,
            partial,
            partial_held: partial * 5,
            partial_planned: partial * 10,
            missed: due - full - partial - excused,
            excused,
            skipped_days: u32::from(excused > 0),
            ..Figures::default()
        };
        let week = |number, figures| Week {
            first_day: date(2026, 12, 7),
            number,
            programme: "Low back".into(),
            of: 6,
            figures,
        };
        let adherence = Adherence {
            days: Vec::new(),
            weeks: vec![week(1, figures(24, 24, 0, 0)), week(2, figures(24, 10, 7, 0)), week(3, figures(24, 20, 0, 4))],
            whole: figures(72, 54, 7, 4),
        };
        let lines = weeks(&adherence);
        assert_eq!(lines[1], "  Low back");
        assert!(lines[2].contains("████████████████████  24 of 24 (100%)"), "{}", lines[2]);
        assert!(
            lines[3]
                .contains("████████······|·····  10 of 24 (41%), 7 partly done (50% of their holds done), 7 missed"),
            "{}",
            lines[3]
        );
        assert!(lines[4].contains("20 of 20 (100%), 1 day skipped"), "{}", lines[4]);
        assert_eq!(
            lines[5],
            "  in all: 54 of 68 (79%), 7 partly done (50% of their holds done), 1 day skipped, 7 missed"
        );
        assert!(lines[2].starts_with("  week  1 of 6  Mon 7 Dec 2026"), "{}", lines[2]);
    }

    #[test]
    fn a_session_says_where_it_stands_in_the_day() {
        let figures = |full: u32, partial: u32, due: u32| Figures { due, full, partial, ..Figures::default() };
        assert_eq!(place_in_day(&figures(1, 0, 2), true), "Today 2 of 2");
        assert_eq!(place_in_day(&figures(2, 0, 4), false), "Today 2 of 4 done", "a session of no item");
        assert_eq!(place_in_day(&figures(4, 0, 4), true), "Today 4 of 4 done already: this one is more");
        assert_eq!(place_in_day(&figures(0, 0, 0), false), "Nothing is due today");
        assert_eq!(place_in_day(&figures(1, 1, 3), true), "Today 3 of 3", "the third due");
        assert_eq!(place_in_day(&figures(1, 3, 4), true), "Today 1 of 4 done, 3 partly done: this one is more");
        assert_eq!(day_line(&figures(2, 0, 2), true), "Today 2 of 2: all done");
        assert_eq!(day_line(&figures(1, 0, 4), true), "Today 1 of 4 done");
        assert_eq!(day_line(&figures(4, 0, 4), false), "Today 4 of 4 done", "all done before, by others");
        // Partly done (stopped early, or holds skipped) is no session done, as `today` counts.
        assert_eq!(day_line(&figures(1, 1, 3), true), "Today 1 of 3 done, 1 partly done");
        assert_eq!(day_line(&figures(1, 1, 2), true), "Today 1 of 2 done, 1 partly done", "nothing left, not all done");
        assert_eq!(day_line(&figures(0, 0, 0), true), "Nothing is due today");
    }

    #[test]
    fn nothing_due_says_nothing() {
        assert!(weeks(&adherence(&[], &[], &[], date(2026, 12, 1), date(2026, 12, 7))).is_empty());
    }
}
