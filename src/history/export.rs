//! The history for a physiotherapist or a spreadsheet: a JSON array of the stored records, or
//! CSV with a header and one row per record.

use super::Record;
use crate::domain::side::Side;

/// One JSON array holding every record, one per line, in the stored format.
pub fn json(records: &[Record]) -> String {
    let mut out = String::from(JSON_OPEN);
    for (index, record) in records.iter().enumerate() {
        out.push_str(&json_item(index == 0, record));
    }
    out.push_str(JSON_CLOSE);
    out
}

/// The start of the JSON array; then each record's [`json_item`], then [`JSON_CLOSE`]. In
/// pieces so that a long history is written out as it is read.
pub const JSON_OPEN: &str = "[";

/// The end of the JSON array.
pub const JSON_CLOSE: &str = "\n]\n";

/// One record of the JSON array on its own line, after a comma unless it is the `first`.
pub fn json_item(first: bool, record: &Record) -> String {
    let mut out = String::from(if first { "\n" } else { ",\n" });
    out.push_str(&record.to_line());
    out
}

/// The CSV header.
pub const CSV_HEADER: &str = "start,exercise,name,completed,reps,sets,hold_s,left_done,left_planned,right_done,\
right_planned,done,planned,total_s,active_s,pain,effort,routine";

/// A header and one row per record. Fields that need it are quoted, quotes doubled; a field
/// that a spreadsheet would run as a formula is prefixed with `'`.
pub fn csv(records: &[Record]) -> String {
    let mut out = String::with_capacity(records.len() * 120 + CSV_HEADER.len() + 1);
    out.push_str(CSV_HEADER);
    out.push('\n');
    for record in records {
        out.push_str(&csv_row(record));
    }
    out
}

/// One record's CSV row, with its newline.
pub fn csv_row(record: &Record) -> String {
    let side = |side: Side| record.sides.iter().find(|s| s.side == Some(side));
    let count = |value: Option<u32>| value.map_or_else(String::new, |v| v.to_string());
    let fields = [
        record.start.to_string(),
        field(&record.exercise),
        field(&record.name),
        record.completed.to_string(),
        record.reps.to_string(),
        record.sets.to_string(),
        record.hold.as_secs().to_string(),
        count(side(Side::Left).map(|s| s.done)),
        count(side(Side::Left).map(|s| s.planned)),
        count(side(Side::Right).map(|s| s.done)),
        count(side(Side::Right).map(|s| s.planned)),
        record.done().to_string(),
        record.planned().to_string(),
        record.total.as_secs().to_string(),
        record.active.as_secs().to_string(),
        count(record.checkin.pain.map(|p| u32::from(p.value()))),
        record.checkin.effort.map_or("", |e| e.word()).to_owned(),
        record.routine.as_deref().map_or_else(String::new, field),
    ];
    let mut row = fields.join(",");
    row.push('\n');
    row
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
