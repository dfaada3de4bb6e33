//! The sessions of a review's period, read from the history once, a line at a time: only those
//! of the period are kept, so a long history costs time, not memory.

use std::io::{self, BufRead};

use jiff::civil::Date;

use crate::history::{self, Record, Skipped};

/// The sessions from `earliest` to `until` of the history read from `reader`, and the day of the
/// first session on or before `until` (so a period can start there). Each damaged line goes to
/// `skipped`.
pub fn between(
    reader: impl BufRead,
    earliest: Date,
    until: Date,
    skipped: impl FnMut(Skipped),
) -> io::Result<(Vec<Record>, Option<Date>)> {
    let (mut kept, mut first) = (Vec::new(), None::<Date>);
    history::read_lines(
        reader,
        |session| {
            let date = session.start.date();
            if date <= until {
                first = Some(first.map_or(date, |f| f.min(date)));
                if date >= earliest {
                    kept.push(session);
                }
            }
            true
        },
        skipped,
    )?;
    Ok((kept, first))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::history::tests::record;

    #[test]
    fn only_the_sessions_between_two_days_are_kept_and_the_first_is_found() {
        let mut text = String::new();
        for start in [
            "2026-02-27T08:00:00+01:00",
            "2026-03-01T08:00:00+01:00",
            "2026-03-05T08:00:00+01:00",
            "2026-03-09T08:00:00+01:00",
        ] {
            text.push_str(&record(start).to_line());
            text.push('\n');
        }
        text.push_str("not a record\n");
        let mut skips = Vec::new();
        let (kept, first) = between(text.as_bytes(), date(2026, 3, 1), date(2026, 3, 5), |s| {
            skips.push(s.line);
        })
        .unwrap();
        let dates: Vec<Date> = kept.iter().map(|s| s.start.date()).collect();
        assert_eq!(dates, [date(2026, 3, 1), date(2026, 3, 5)]);
        assert_eq!(first, Some(date(2026, 2, 27)));
        assert_eq!(skips, [5]);
    }
}
