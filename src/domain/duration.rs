//! The one syntax for durations, shared by exercise files, the config and the command line.
//!
//! A plain number is whole seconds (`5`); a string may also spell units: `90s`, `2m`, `1m30s`,
//! `1h`, or `1 min 30 s` as `trunkrot config` prints them. Fractions are refused: every phase
//! lasts a whole number of seconds.

use std::time::Duration;

/// Parses `5`, `90s`, `2m`, `1m30s`, `1h2m3s`, and the forms [`human`] prints (`5 s`,
/// `1 min 30 s`, `1 h 02 min`) into a duration.
///
/// The error is a short phrase meant to follow the offending value in a message.
pub fn parse(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("is empty: expected seconds such as `5` or `1m30s`".to_owned());
    }
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total: u64 = 0;
    let mut last_unit = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let digits_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let (digits, after) = rest.split_at(digits_end);
        let after = after.trim_start();
        let word_end = after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len());
        let (word, after) = after.split_at(word_end);
        rest = after.trim_start();
        if word.is_empty() {
            return match after.chars().next() {
                // A control character is named by its escape, never echoed raw to the terminal.
                Some(c) => Err(format!("has `{}` where a digit or a unit (h, m, s) belongs", c.escape_debug())),
                None => Err("ends in a number without a unit (h, m or s)".to_owned()),
            };
        }
        let Some((rank, scale)) = unit(word) else {
            // The word is ASCII letters only, so it can be shown as it is.
            let lower = word.to_ascii_lowercase();
            return Err(if unit(&lower).is_some() {
                format!("has `{word}`: write units in lower case, `{lower}`")
            } else if word.len() > 1 && !digits.is_empty() {
                format!("has `{word}`, which is not a unit: write h, m or s")
            } else {
                let first = word.chars().next().unwrap_or('?');
                format!("has `{first}` where a digit or a unit (h, m, s) belongs")
            });
        };
        if digits.is_empty() {
            return Err(format!("has the unit `{word}` without a number before it"));
        }
        if rank <= last_unit {
            return Err("repeats a unit or puts them out of order (write h, then m, then s)".to_owned());
        }
        last_unit = rank;
        let amount: u64 = digits.parse().map_err(|_| "is too large".to_owned())?;
        total = amount
            .checked_mul(scale)
            .and_then(|secs| total.checked_add(secs))
            .ok_or_else(|| "is too large".to_owned())?;
    }
    Ok(Duration::from_secs(total))
}

/// A unit's rank (hours before minutes before seconds) and its length in seconds.
fn unit(word: &str) -> Option<(u8, u64)> {
    match word {
        "h" | "hr" | "hrs" | "hour" | "hours" => Some((1, 3600)),
        "m" | "min" | "mins" | "minute" | "minutes" => Some((2, 60)),
        "s" | "sec" | "secs" | "second" | "seconds" => Some((3, 1)),
        _ => None,
    }
}

/// Formats a duration for people: `45 s`, `1 min 30 s`, `1 h 02 min`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs();
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 if secs.is_multiple_of(60) => format!("{} min", secs / 60),
        60..3600 => format!("{} min {:02} s", secs / 60, secs % 60),
        _ => format!("{} h {:02} min", secs / 3600, secs / 60 % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn plain_numbers_are_seconds() {
        assert_eq!(parse("5"), Ok(secs(5)));
        assert_eq!(parse(" 0 "), Ok(secs(0)));
    }

    #[test]
    fn units_add_up_in_order() {
        assert_eq!(parse("90s"), Ok(secs(90)));
        assert_eq!(parse("2m"), Ok(secs(120)));
        assert_eq!(parse("1m30s"), Ok(secs(90)));
        assert_eq!(parse("1h2m3s"), Ok(secs(3723)));
    }

    #[test]
    fn what_human_prints_reads_back() {
        for n in [0, 5, 59, 60, 95, 600, 3600, 3725, 86_400] {
            assert_eq!(parse(&human(secs(n))).map(|d| d.as_secs() / 60), Ok(n / 60), "{}", human(secs(n)));
        }
        assert_eq!(parse("5 s"), Ok(secs(5)));
        assert_eq!(parse("1 min 30 s"), Ok(secs(90)));
        assert_eq!(parse("2 minutes"), Ok(secs(120)));
    }

    #[test]
    fn malformed_text_is_refused_with_a_reason() {
        for bad in ["", "five", "5x", "s", "1s1m", "1m1m", "1.5s", "-3", "1m30", "1 2s", "5 s\u{1b}"] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(parse("five").unwrap_err().contains("`f`"));
        // A number with a unit that is not one is told by the whole unit, not its first letter.
        assert_eq!(parse("5ms"), Err("has `ms`, which is not a unit: write h, m or s".to_owned()));
        assert_eq!(parse("5 days"), Err("has `days`, which is not a unit: write h, m or s".to_owned()));
        assert_eq!(parse("5MIN"), Err("has `MIN`: write units in lower case, `min`".to_owned()));
        assert_eq!(parse("5S"), Err("has `S`: write units in lower case, `s`".to_owned()));
        // The units as the README names them.
        assert!(parse("5x").unwrap_err().contains("(h, m, s)"), "{:?}", parse("5x"));
        assert!(parse("5").is_ok() && parse("1m30").unwrap_err().contains("(h, m or s)"));
        assert_eq!(parse("2m"), Ok(secs(120)));
    }

    #[test]
    fn huge_values_do_not_overflow() {
        assert!(parse("99999999999999999999s").is_err());
        assert!(parse("9999999999999999h").is_err());
        assert_eq!(parse("1000000000000"), Ok(secs(1_000_000_000_000)));
    }

    #[test]
    fn human_format_reads_naturally() {
        assert_eq!(human(secs(4)), "4 s");
        assert_eq!(human(secs(60)), "1 min");
        assert_eq!(human(secs(95)), "1 min 35 s");
        assert_eq!(human(secs(3725)), "1 h 02 min");
    }
}
