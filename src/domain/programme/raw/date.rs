//! A calendar day as a file writes it: a TOML date (`2026-12-07`) or the same in quotes.

use jiff::civil::Date;

/// A day as written, checked by [`RawDate::day`].
pub(in crate::domain::programme) enum RawDate {
    /// A TOML date or date-time, as its text.
    Toml(String),
    Text(String),
}

impl RawDate {
    /// The day, or why the value is not one (a phrase that follows the field's name).
    pub(in crate::domain::programme) fn day(&self) -> Result<Date, String> {
        match self {
            RawDate::Toml(text) if text.len() != 10 => {
                Err(format!("is `{text}`; give only the day, written `YYYY-MM-DD`, such as `2026-12-07`"))
            }
            RawDate::Toml(text) | RawDate::Text(text) => text.trim().parse::<Date>().map_err(|_| {
                let shown = crate::domain::untrusted::clean_line(text);
                format!("is `{shown}`, which is not a day written `YYYY-MM-DD`, such as `2026-12-07`")
            }),
        }
    }
}

impl<'de> serde::Deserialize<'de> for RawDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a day such as `2026-12-07`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawDate, E> {
                Ok(RawDate::Text(v.to_owned()))
            }
            // toml hands a date to serde as a map of one private key; its own type reads it.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawDate, A::Error> {
                let datetime: toml::value::Datetime =
                    serde::Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawDate::Toml(datetime.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct One {
        day: RawDate,
    }

    fn day(text: &str) -> Result<Date, String> {
        toml::from_str::<One>(text).map_err(|e| e.to_string())?.day.day()
    }

    #[test]
    fn a_toml_date_and_a_quoted_one_read_alike() {
        let expected = Date::new(2026, 12, 7).unwrap();
        assert_eq!(day("day = 2026-12-07"), Ok(expected));
        assert_eq!(day("day = \"2026-12-07\""), Ok(expected));
    }

    #[test]
    fn a_time_or_a_day_that_is_not_is_refused_in_words() {
        assert!(day("day = 2026-12-07T10:00:00").unwrap_err().contains("give only the day"));
        assert!(day("day = \"2026-02-30\"").unwrap_err().contains("not a day written `YYYY-MM-DD`"));
        assert!(day("day = \"next monday\"").unwrap_err().contains("`next monday`"));
    }
}
