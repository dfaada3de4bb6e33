//! Reading a history: line by line, each session once no later amendment can reach it, the
//! lines of one session in the old formats joined into one, each damaged line noted and passed
//! over.

use std::fmt;
use std::io::{self, BufRead, Read};

use super::{AMENDMENT_REACH, Amendment, End, Entry, FILE_NAME, Record, parse_entry};

/// A line that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based.
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{FILE_NAME}:{}: skipped: {}", self.line, self.reason)
    }
}

/// What a whole history file holds: the sessions in file order, and the lines that were skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub records: Vec<Record>,
    pub skipped: Vec<Skipped>,
}

/// Reads a whole file held in memory, as [`read_lines`] does.
pub fn read(bytes: &[u8]) -> History {
    let mut history = History::default();
    let _ = read_lines(
        bytes,
        |record| {
            history.records.push(record);
            true
        },
        |skipped| history.skipped.push(skipped),
    );
    history
}

/// A line longer than this is skipped unread: a record is a few hundred bytes, so such a line
/// is damage, and holding it whole could take any amount of memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Reads a history from `reader` one line at a time. Each session goes to `record` (which returns
/// whether to go on) once no later amendment can reach it, each line that cannot be read to
/// `skipped`. Only the last `AMENDMENT_REACH` sessions are held, waiting for their amendments.
/// Blank lines are ignored; a damaged line never stops the lines after it from being read.
pub fn read_lines(
    reader: impl BufRead,
    record: impl FnMut(Record) -> bool,
    skipped: impl FnMut(Skipped),
) -> io::Result<()> {
    read_entries(reader, record, |_| {}, skipped)
}

/// [`read_lines`], with the lines that are neither sessions nor amendments (the programme's
/// events and the days skipped) given to `other`, in the file's order, as they are read.
pub fn read_entries(
    reader: impl BufRead,
    record: impl FnMut(Record) -> bool,
    other: impl FnMut(Entry),
    skipped: impl FnMut(Skipped),
) -> io::Result<()> {
    read_entries_where(reader, |_| true, record, other, skipped)
}

/// [`read_entries`], passing over unread every line `wanted` turns down: a reader that needs only
/// some days of a long history looks at each line's bytes and spares itself the parsing of the
/// rest (most of the time of a read). A line passed over is nothing: no session, no other
/// entry, not skipped.
pub fn read_entries_where(
    mut reader: impl BufRead,
    mut wanted: impl FnMut(&[u8]) -> bool,
    mut record: impl FnMut(Record) -> bool,
    mut other: impl FnMut(Entry),
    mut skipped: impl FnMut(Skipped),
) -> io::Result<()> {
    let mut waiting = History::default();
    // Whether the last session read came from a line of an old format, so that the next such
    // line of the same session joins it.
    let mut joinable = false;
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let limit = MAX_LINE_BYTES as u64 + 1;
        if (&mut reader).take(limit).read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if line.len() > MAX_LINE_BYTES && line.last() != Some(&b'\n') {
            reader.skip_until(b'\n')?;
            let reason = format!("longer than {} KiB, so not a record", MAX_LINE_BYTES / 1024);
            skipped(Skipped { line: number, reason });
            continue;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if !wanted(text) {
            joinable = false;
            continue;
        }
        let entry = parse_entry(text).or_else(|reason| rejoined(text).ok_or(reason));
        if let Ok(Entry::Exercise(read)) = &entry
            && joinable
            && let Some(last) = waiting.records.last_mut()
            && same_session(last, read)
        {
            join(last, read);
            continue;
        }
        joinable = matches!(entry, Ok(Entry::Exercise(_)));
        match entry {
            Ok(Entry::Session(read) | Entry::Exercise(read)) => {
                waiting.records.push(read);
                if waiting.records.len() > 2 * AMENDMENT_REACH {
                    // Half the window at a time, so that each record is moved once, not once per line.
                    let past: Vec<Record> = waiting.records.drain(..AMENDMENT_REACH).collect();
                    for done in past {
                        if !record(done) {
                            return Ok(());
                        }
                    }
                }
            }
            Ok(Entry::Amendment(amendment)) => waiting.amend(&amendment),
            Ok(entry @ (Entry::Skip(_) | Entry::Programme(_))) => other(entry),
            Err(reason) => skipped(Skipped { line: number, reason }),
        }
    }
    for done in waiting.records {
        if !record(done) {
            break;
        }
    }
    Ok(())
}

/// The record or amendment at the end of a damaged line, if there is one whole. A writer killed
/// mid-write can leave a line cut short; another writer that looked at the file's end just
/// before may then append its line straight after the cut. The cut part is lost, the whole line
/// after it is not.
fn rejoined(line: &[u8]) -> Option<Entry> {
    const START: &[u8] = b"{\"v\":";
    let at = line.windows(START.len()).rposition(|window| window == START).filter(|&at| at > 0)?;
    parse_entry(&line[at..]).ok()
}

/// Whether an old format's line `next` is the next exercise of the session `last` began: the
/// same session id, or, in the first format, which had none, the same routine and start.
fn same_session(last: &Record, next: &Record) -> bool {
    match (&last.id, &next.id) {
        (Some(a), Some(b)) => a == b,
        (None, None) => next.routine.is_some() && last.routine == next.routine && last.start == next.start,
        _ => false,
    }
}

/// Adds the old format's line `next` to the session `last`: its exercise and its time. The
/// session reached its end if every line says so.
fn join(last: &mut Record, next: &Record) {
    last.exercises.extend(next.exercises.iter().cloned());
    last.elapsed += next.elapsed;
    last.active += next.active;
    if next.end != End::Reached {
        last.end = next.end;
    }
    if last.checkin.is_empty() {
        last.checkin.clone_from(&next.checkin);
    }
}

impl History {
    /// Gives the answers of `amendment` to its session, if read so far and within reach; an
    /// amendment whose session is not found changes nothing.
    pub fn amend(&mut self, amendment: &Amendment) {
        let reach = self.records.len().saturating_sub(AMENDMENT_REACH);
        if let Some(record) =
            self.records[reach..].iter_mut().rev().find(|r| r.id.as_deref() == Some(amendment.session.as_str()))
        {
            record.amend(amendment);
        }
    }
}
