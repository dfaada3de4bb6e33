//! The history file on disk, `history.jsonl` in the data dir: appending to it and reading it.
//!
//! Records are appended with one `write` on a file opened for appending, then fsync'd: the
//! kernel puts each append whole at the end, so sessions finishing at once in two terminals
//! never interleave, and a crash can at worst leave the last line half-written, which readers
//! skip and the next append starts after.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::domain::exercise::Exercise;
use crate::failure::Failure;
use crate::history::next_step::{self, Suggestion};
use crate::history::{self, History, Record};
use crate::shell::runner::Store;
use crate::shell::{places, regular_file};

/// Where the history is kept.
pub fn path() -> Result<PathBuf, Failure> {
    places::data_dir().map(|dir| dir.join(history::FILE_NAME)).ok_or(Failure::NoDataDir)
}

/// The failure to write the history at `path`, saying when a file is in the way of its folder.
pub fn unwritable(path: &Path, error: &io::Error) -> Failure {
    Failure::HistoryUnwritable {
        path: path.display().to_string(),
        reason: match path.parent().and_then(places::file_in_the_way) {
            Some(file) => format!("{} is a file where a folder belongs; move it away", file.display()),
            None => error.to_string(),
        },
    }
}

/// The history file as the session runner writes to it.
#[derive(Debug, Clone)]
pub struct HistoryFile {
    path: PathBuf,
}

impl HistoryFile {
    pub fn new(path: PathBuf) -> Self {
        HistoryFile { path }
    }
}

impl Store for HistoryFile {
    fn append(&mut self, lines: &[String]) -> Result<(), Failure> {
        append_lines(&self.path, lines).map_err(|e| unwritable(&self.path, &e))
    }
}

/// The suggestion for an exercise from the user's history, within what a programme allows it,
/// for `show`; `None` when there is no history or it says nothing yet.
pub fn suggestion(
    exercise: &Exercise,
    allowed: Option<&next_step::Allowed>,
    rule: Option<&next_step::StopRule>,
) -> Option<Suggestion> {
    next_step::suggest(&latest(&path().ok()?).ok()?, exercise, allowed, rule)
}

/// How much of the end of the history [`latest`] reads: about 800 sessions, where the
/// next-step rule needs an exercise's last three. The end of a session reads only this much.
pub const LATEST_BYTES: u64 = 256 * 1024;

/// The sessions in the last [`LATEST_BYTES`] of the history, oldest first; none without a file.
pub fn latest(path: &Path) -> io::Result<Vec<Record>> {
    tail(path, LATEST_BYTES)
}

/// The latest session, with every answer given since, from the last few KiB of the history
/// (a shell prompt reads it); `None` without one.
pub fn last(path: &Path) -> Option<Record> {
    tail(path, 16 * 1024).ok()?.pop()
}

/// The sessions in the last `bytes` of the history, oldest first; none without a file.
fn tail(path: &Path, bytes: u64) -> io::Result<Vec<Record>> {
    let Some(mut reader) = open(path)? else { return Ok(Vec::new()) };
    let length = reader.get_ref().metadata()?.len();
    let start = length.saturating_sub(bytes);
    if start > 0 {
        // From the byte before, so that a line starting right at `start` is kept whole.
        reader.seek(SeekFrom::Start(start - 1))?;
        reader.skip_until(b'\n')?;
    }
    let mut records = Vec::new();
    history::read_lines(
        reader,
        |record| {
            records.push(record);
            true
        },
        |_| {},
    )?;
    Ok(records)
}

/// Appends one line per session, in a single write, and waits for it to reach the disk. A write
/// that fails part way (a full disk) is undone: the file is cut back to where it ended, so no
/// half line is left for every later read to trip over.
pub fn append(path: &Path, records: &[Record]) -> io::Result<()> {
    let lines: Vec<String> = records.iter().map(Record::to_line).collect();
    append_lines(path, &lines)
}

/// Appends history lines (records or amendments), in a single write, and waits for them to
/// reach the disk.
pub fn append_lines(path: &Path, lines: &[String]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut file = regular_file::open(path, OpenOptions::new().read(true).append(true).create(true))?;
    let mut bytes = Vec::new();
    if !ends_with_newline(&mut file)? {
        // The last line was cut short (a crash mid-write): start on a line of our own.
        bytes.push(b'\n');
    }
    for line in lines {
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
    }
    write_whole(&mut file, &bytes).map_err(|e| in_words(&e))?;
    file.sync_all()
}

/// A file appended to that can be cut back: the history file, or a fake one in tests.
trait Appended: Write {
    fn length(&self) -> io::Result<u64>;
    fn cut_to(&self, length: u64) -> io::Result<()>;
}

impl Appended for File {
    fn length(&self) -> io::Result<u64> {
        Ok(self.metadata()?.len())
    }

    fn cut_to(&self, length: u64) -> io::Result<()> {
        self.set_len(length)
    }
}

/// Writes all of `bytes` at the end of `file`, or leaves the file as long as it was.
///
/// The first write nearly always takes everything, which keeps concurrent appenders' lines
/// whole; a short one is followed by more writes, to learn the real reason (ENOSPC) if there is
/// one. The cut happens only while the file still ends with what we wrote, so another process's
/// line appended meanwhile is never cut away with ours.
fn write_whole(file: &mut impl Appended, bytes: &[u8]) -> io::Result<()> {
    let before = file.length()?;
    let mut written = 0;
    while written < bytes.len() {
        let failure = match file.write(&bytes[written..]) {
            Ok(0) => io::Error::new(io::ErrorKind::WriteZero, "the file took no more bytes"),
            Ok(n) => {
                written += n;
                continue;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => e,
        };
        if written > 0 && file.length().is_ok_and(|now| now == before + written as u64) {
            // If the cut fails too, readers skip the half line and the next append starts after it.
            let _ = file.cut_to(before);
        }
        return Err(failure);
    }
    Ok(())
}

/// An error as the user should read it: a full disk or quota said plainly.
fn in_words(error: &io::Error) -> io::Error {
    let full = match error.kind() {
        io::ErrorKind::StorageFull => Some("the disk is full"),
        io::ErrorKind::QuotaExceeded => Some("your disk quota is used up"),
        io::ErrorKind::FileTooLarge => Some("the file has reached the largest size allowed"),
        _ => None,
    };
    match full {
        Some(plainly) => io::Error::new(
            error.kind(),
            format!("{plainly} ({error}); free some space and the next session will be saved"),
        ),
        None => io::Error::new(error.kind(), error.to_string()),
    }
}

/// Whether the file is empty or ends a line.
fn ends_with_newline(file: &mut File) -> io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Opens the history for reading: `None` when there is none yet, and anything but a regular file
/// (a device, a FIFO, a dir) refused before a byte is read.
pub fn open(path: &Path) -> io::Result<Option<BufReader<File>>> {
    match regular_file::open(path, OpenOptions::new().read(true)) {
        Ok(file) => Ok(Some(BufReader::with_capacity(READ_BUFFER, file))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Large reads, as the whole file is read in order.
const READ_BUFFER: usize = 256 * 1024;

/// Reads the whole history into memory, for tests and tools; `trunkrot history` streams it.
pub fn load(path: &Path) -> io::Result<History> {
    let mut history = History::default();
    if let Some(reader) = open(path)? {
        history::read_lines(
            reader,
            |record| {
                history.records.push(record);
                true
            },
            |skipped| history.skipped.push(skipped),
        )?;
    }
    Ok(history)
}

#[cfg(test)]
mod tests;
