use std::cell::RefCell;
use std::path::Path;

use super::*;

/// A file on a disk with `room` bytes left: a write takes what fits, the next one fails with
/// ENOSPC, as Linux does.
struct FullDisk {
    bytes: RefCell<Vec<u8>>,
    room: usize,
}

impl Write for FullDisk {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = self.bytes.borrow_mut();
        let fits = buf.len().min(self.room);
        if fits == 0 {
            return Err(io::Error::from_raw_os_error(28));
        }
        bytes.extend_from_slice(&buf[..fits]);
        self.room -= fits;
        Ok(fits)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Appended for FullDisk {
    fn length(&self) -> io::Result<u64> {
        Ok(self.bytes.borrow().len() as u64)
    }

    fn cut_to(&self, length: u64) -> io::Result<()> {
        self.bytes.borrow_mut().truncate(usize::try_from(length).expect("small"));
        Ok(())
    }
}

#[test]
fn a_short_write_on_a_full_disk_is_rolled_back_and_said_plainly() {
    let before = b"{\"v\":1}\n".to_vec();
    let mut disk = FullDisk { bytes: RefCell::new(before.clone()), room: 100 };
    let line = vec![b'x'; 273];
    let error = write_whole(&mut disk, &line).expect_err("the disk is full");
    assert_eq!(disk.bytes.borrow().as_slice(), before.as_slice(), "the file is as it was");
    let message = in_words(&error).to_string();
    assert!(message.starts_with("the disk is full (No space left on device"), "{message}");
    assert!(!message.contains("100 of 273"), "{message}");
    let failure = Failure::HistoryUnwritable { path: "/data/trunkrot/history.jsonl".to_owned(), reason: message };
    assert!(failure.to_string().starts_with("/data/trunkrot/history.jsonl: cannot save"), "{failure}");
}

#[test]
fn a_write_that_fits_is_whole() {
    let mut disk = FullDisk { bytes: RefCell::new(Vec::new()), room: 1000 };
    write_whole(&mut disk, b"one line\n").expect("room enough");
    assert_eq!(disk.bytes.borrow().as_slice(), b"one line\n");
}

#[test]
fn a_disk_full_before_the_first_byte_changes_nothing() {
    let mut disk = FullDisk { bytes: RefCell::new(b"a\n".to_vec()), room: 0 };
    let error = write_whole(&mut disk, b"b\n").expect_err("no room");
    assert_eq!(error.kind(), io::ErrorKind::StorageFull);
    assert_eq!(disk.bytes.borrow().as_slice(), b"a\n");
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn a_history_that_is_not_a_regular_file_is_refused_unread_and_unwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("history.jsonl");
    mkfifo(&fifo);
    let error = load(&fifo).expect_err("a FIFO is no history");
    assert_eq!(error.to_string(), "is a FIFO (named pipe), not a regular file");
    let error =
        append(&fifo, &[crate::history::tests::record("2026-03-31T23:30:00+02:00")]).expect_err("nor written to");
    assert_eq!(error.to_string(), "is a FIFO (named pipe), not a regular file");

    let link = dir.path().join("zero.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
    assert_eq!(load(&link).expect_err("a device").to_string(), "is a device, not a regular file");
    assert_eq!(load(dir.path()).expect_err("a dir").to_string(), "is a directory, not a regular file");
}

#[test]
fn the_latest_records_come_from_the_end_of_the_file_only_and_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("history.jsonl");
    let line = |start: &str| crate::history::tests::record(start).to_line() + "\n";
    let early = line("2026-01-01T08:00:00+00:00");
    let late = line("2026-02-01T08:00:00+00:00");
    // The last LATEST_BYTES: whole late lines, then a blank line (ignored) to fill it exactly.
    let window = usize::try_from(LATEST_BYTES).expect("small");
    let lates = window / late.len() - 1;
    let blank = " ".repeat(window - lates * late.len() - 1) + "\n";
    let head = "junk that is never read\n".repeat(20_000) + &early.repeat(10);
    for (shift, expected) in [("", lates), ("x", lates - 1)] {
        // A byte more at the end moves the window one byte into the first late line.
        let text = head.clone() + &late.repeat(lates) + &blank + shift;
        std::fs::write(&path, &text).expect("write");
        let found = latest(&path).expect("read");
        assert_eq!(found.len(), expected, "shift {shift:?}");
        assert!(found.iter().all(|r| r.start.date() == jiff::civil::date(2026, 2, 1)));
    }
    assert!(latest(&dir.path().join("none.jsonl")).expect("no file").is_empty());
}
