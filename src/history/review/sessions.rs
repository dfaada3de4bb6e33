//! What a review reads from the history, once, a line at a time: the sessions of its days (the
//! lines of other days are passed over unparsed, so a long history costs little time and no
//! memory), and every programme event and skipped day (a few lines).

use std::io::{self, BufRead};

use jiff::civil::Date;

use crate::history::adherence::{ProgrammeEvent, SkippedDay};
use crate::history::{self, Entry, Record, Skipped};

/// What [`between`] read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gathered {
    /// The sessions of the days asked for, in the file's order.
    pub sessions: Vec<Record>,
    /// The day of the first session on or before the last day asked for.
    pub first: Option<Date>,
    /// Every programme event, in the file's order.
    pub events: Vec<ProgrammeEvent>,
    /// Every day skipped with a reason.
    pub skipped_days: Vec<SkippedDay>,
}

/// The sessions from `earliest` to `until` of the history read from `reader`, the day of the
/// first session on or before `until` (so a period can start there), and the programme's events
/// and skipped days. Each damaged line of those days goes to `skipped`; lines of other days are
/// not parsed, so their damage goes unseen (`trunkrot history` reports it).
pub fn between(
    reader: impl BufRead,
    earliest: Date,
    until: Date,
    skipped: impl FnMut(Skipped),
) -> io::Result<Gathered> {
    let (mut kept, mut first, mut passed) = (Vec::new(), None::<Date>, None::<Date>);
    let (mut events, mut skipped_days) = (Vec::new(), Vec::new());
    let earlier = |seen: Option<Date>, day: Date| Some(seen.map_or(day, |d| d.min(day)));
    history::read_entries_where(
        reader,
        |line| match start_day(line) {
            Some(day) if day < earliest => {
                passed = earlier(passed, day);
                false
            }
            Some(day) => day <= until,
            None => true,
        },
        |session| {
            let date = session.start.date();
            if date <= until {
                first = earlier(first, date);
                if date >= earliest {
                    kept.push(session);
                }
            }
            true
        },
        |entry| match entry {
            Entry::Programme(event) => events.push(event),
            Entry::Skip(day) => skipped_days.push(day),
            _ => {}
        },
        skipped,
    )?;
    Ok(Gathered { sessions: kept, first: passed.map_or(first, |day| earlier(first, day)), events, skipped_days })
}

/// The local day a line's session started, read from its bytes without parsing the line: the
/// first `"start":"YYYY-MM-DD` in it (every format writes the start in local time, its offset
/// after it, and a quote inside a string is escaped, so no text can fake the key). `None` for a
/// line without one (an amendment), which is parsed as usual.
pub fn start_day(line: &[u8]) -> Option<Date> {
    const KEY: &[u8] = b"\"start\":\"";
    let at = line.windows(KEY.len()).position(|window| window == KEY)? + KEY.len();
    let day = line.get(at..at + 10)?;
    std::str::from_utf8(day).ok()?.parse().ok()
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
        let read = between(text.as_bytes(), date(2026, 3, 1), date(2026, 3, 5), |s| {
            skips.push(s.line);
        })
        .unwrap();
        let dates: Vec<Date> = read.sessions.iter().map(|s| s.start.date()).collect();
        assert_eq!(dates, [date(2026, 3, 1), date(2026, 3, 5)]);
        assert_eq!(read.first, Some(date(2026, 2, 27)), "found among the lines passed over");
        assert_eq!(skips, [5]);
    }

    #[test]
    fn a_lines_day_is_read_from_its_bytes_in_every_format() {
        let mut session = record("2026-03-31T23:30:00-05:00");
        session.checkin.note = crate::domain::checkin::Note::new(r#"moved "start":"1999-01-01" on"#);
        assert_eq!(start_day(session.to_line().as_bytes()), Some(date(2026, 3, 31)), "the local day, not UTC's");
        let first_format = br#"{"v":1,"start":"2026-11-25T09:05:00-05:00","exercise":"lower-trunk-rotation"}"#;
        assert_eq!(start_day(first_format), Some(date(2026, 11, 25)));
        assert_eq!(start_day(br#"{"v":3,"amend":{"session":"x","pain":3}}"#), None);
        assert_eq!(start_day(br#"{"v":3,"session":{"start":"2026-1"#), None);
    }

    #[test]
    fn an_amendment_still_reaches_its_session_and_other_days_are_not_parsed() {
        let session = record("2026-03-02T08:00:00+01:00");
        let amendment = crate::history::Amendment {
            session: session.id.clone().unwrap(),
            checkin: crate::domain::checkin::Checkin {
                pain: crate::domain::checkin::Pain::new(8),
                ..Default::default()
            },
            why: None,
        };
        // A damaged line outside the period is passed over unread; one inside is reported.
        let text = format!(
            "{{\"v\":3,\"session\":{{\"start\":\"2026-02-01T08:00:00+01:00\",broken\n{}\n{}\n{{\"v\":3,\"session\":{{\"start\":\"2026-03-03T08:00:00+01:00\",broken\n",
            session.to_line(),
            amendment.to_line()
        );
        let mut skips = Vec::new();
        let read = between(text.as_bytes(), date(2026, 3, 1), date(2026, 3, 5), |s| skips.push(s.line)).unwrap();
        assert_eq!(read.sessions.len(), 1);
        assert_eq!(read.sessions[0].checkin.pain, crate::domain::checkin::Pain::new(8));
        assert_eq!(skips, [4]);
        assert_eq!(read.first, Some(date(2026, 2, 1)));
    }
}
