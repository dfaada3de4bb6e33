//! A generated history file for the benchmarks: three sessions a day from 1 January 2000, in the
//! format written now or in the first one.

use std::fmt::Write as _;

use jiff::civil::date;

/// A history file of `records` sessions over `ids` exercises, three a day at different
/// offsets, with check-ins: in the format written now (3), or in the first one (one line per
/// exercise, which a session of one exercise is).
pub fn file(records: usize, ids: usize, first_format: bool) -> Vec<u8> {
    let mut text = String::with_capacity(records * 400);
    for n in 0..records {
        let day = n / 3;
        let (year, day_of_year) = (2000 + day / 365, day % 365);
        let start = date(i16::try_from(year).unwrap_or(2099), 1, 1)
            .checked_add(jiff::Span::new().days(i64::try_from(day_of_year).unwrap_or(0)))
            .unwrap_or(date(2000, 1, 1));
        let offset = ["+01:00", "-05:00", "+09:30"][n % 3];
        let hour = n % 3 + 6;
        let (id, completed, pain) = (n % ids, n % 7 != 0, n % 11);
        let sides = r#"[{"side":"left","done":10,"planned":10},{"side":"right","done":9,"planned":10}]"#;
        if first_format {
            let _ = writeln!(
                text,
                r#"{{"v":1,"start":"{start}T0{hour}:30:00{offset}","exercise":"exercise-{id}","name":"Lower trunk rotation","completed":{completed},"reps":10,"sets":1,"hold_secs":5,"sides":{sides},"total_secs":200,"active_secs":190,"pain":{pain},"effort":"right"}}"#
            );
        } else {
            let end = if completed { "reached" } else { "stopped" };
            let _ = writeln!(
                text,
                r#"{{"v":3,"session":{{"id":"{n}-4242","start":"{start}T0{hour}:30:00{offset}","end":"{end}","elapsed_secs":200,"active_secs":190,"exercises":[{{"id":"exercise-{id}","name":"Lower trunk rotation","reps":10,"sets":1,"hold_secs":5,"sides":{sides},"active_secs":190,"completed":{completed}}}],"checkin":{{"pain":{pain},"effort":"about right"}}}}}}"#
            );
        }
    }
    text.into_bytes()
}
