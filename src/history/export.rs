//! The history for a physiotherapist or a spreadsheet: a JSON array of the sessions in the
//! stored format, or CSV with a header and one row per exercise of each session, the session's
//! own columns (how it ended, its time, its one check-in) on its first row only.

use super::{End, ExerciseRecord, Record};
use crate::domain::checkin::{Pain, Why};
use crate::domain::side::Side;

/// One JSON array holding every session, one per line, in the stored format.
pub fn json(records: &[Record]) -> String {
    let mut out = String::from(JSON_OPEN);
    for (index, record) in records.iter().enumerate() {
        out.push_str(&json_item(index == 0, record));
    }
    out.push_str(JSON_CLOSE);
    out
}

/// The start of the JSON array; then each session's [`json_item`], then [`JSON_CLOSE`]. In
/// pieces so that a long history is written out as it is read.
pub const JSON_OPEN: &str = "[";

/// The end of the JSON array.
pub const JSON_CLOSE: &str = "\n]\n";

/// One session of the JSON array on its own line, after a comma unless it is the `first`.
pub fn json_item(first: bool, record: &Record) -> String {
    let mut out = String::from(if first { "\n" } else { ",\n" });
    out.push_str(&record.to_line());
    out
}

/// The CSV header: the session's id and start, the exercise's columns, then the session's
/// own (filled on its first row only).
pub const CSV_HEADER: &str = "session,start,exercise,name,completed,reps,sets,hold_s,left_done,left_planned,\
right_done,right_planned,done,planned,skipped,active_s,routine,ended,why,elapsed_s,session_active_s,pain_before,\
pain,side_hurt,spread,effort,note";

/// A header and the rows of every session.
pub fn csv(records: &[Record]) -> String {
    let mut out = String::with_capacity(records.len() * 160 + CSV_HEADER.len() + 1);
    out.push_str(CSV_HEADER);
    out.push('\n');
    for record in records {
        out.push_str(&csv_rows(record));
    }
    out
}

/// One session's CSV rows, one per exercise, each with its newline. The session's own columns
/// are on its first row; the rows after it leave them empty, so that summing a column counts
/// each session once. Fields that need it are quoted, quotes doubled; a field that a
/// spreadsheet would run as a formula is prefixed with `'`.
pub fn csv_rows(record: &Record) -> String {
    let mut out = String::new();
    for (index, exercise) in record.exercises.iter().enumerate() {
        let mut fields = exercise_fields(record, exercise);
        let own = session_fields(record);
        if index == 0 {
            fields.extend(own);
        } else {
            fields.extend(own.iter().map(|_| String::new()));
        }
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

fn exercise_fields(record: &Record, exercise: &ExerciseRecord) -> Vec<String> {
    let side = |side: Side| exercise.sides.iter().find(|s| s.side == Some(side));
    let count = |value: Option<u32>| value.map_or_else(String::new, |v| v.to_string());
    vec![
        record.id.as_deref().map_or_else(String::new, field),
        record.start.to_string(),
        field(&exercise.id),
        field(&exercise.name),
        exercise.completed.to_string(),
        exercise.reps.to_string(),
        exercise.sets.to_string(),
        exercise.hold.as_secs().to_string(),
        count(side(Side::Left).map(|s| s.done)),
        count(side(Side::Left).map(|s| s.planned)),
        count(side(Side::Right).map(|s| s.done)),
        count(side(Side::Right).map(|s| s.planned)),
        exercise.done().to_string(),
        exercise.planned().to_string(),
        exercise.skipped.to_string(),
        exercise.active.as_secs().to_string(),
        record.routine.as_deref().map_or_else(String::new, field),
    ]
}

fn session_fields(record: &Record) -> Vec<String> {
    let pain = |pain: Option<Pain>| pain.map_or_else(String::new, |p| p.value().to_string());
    let (ended, why) = match record.end {
        End::Reached => ("reached", None),
        End::Stopped(why) => ("stopped", why),
    };
    let checkin = &record.checkin;
    vec![
        ended.to_owned(),
        why.map_or("", Why::phrase).to_owned(),
        record.elapsed.as_secs().to_string(),
        record.active.as_secs().to_string(),
        pain(checkin.pain_before),
        pain(checkin.pain),
        checkin.hurt.map_or("", |h| h.word()).to_owned(),
        checkin.spread.map_or("", |s| if s { "yes" } else { "no" }).to_owned(),
        checkin.effort.map_or("", |e| e.phrase()).to_owned(),
        checkin.note.as_ref().map_or_else(String::new, |n| field(n.as_str())),
    ]
}

/// One text field, made safe for CSV and for spreadsheets.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted_and_formulas_defused() {
        assert_eq!(field("Lower trunk rotation"), "Lower trunk rotation");
        assert_eq!(field("Knees, side to side"), "\"Knees, side to side\"");
        assert_eq!(field("The \"bridge\""), "\"The \"\"bridge\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
    }
}
