//! Opening the user's files so that nothing can hang or flood us: only regular files are read
//! or written, never a FIFO, a device, a socket or a directory, and reads stop at a cap.
//!
//! A FIFO is opened without blocking and refused from its own metadata, so there is no window
//! between a check of the path and the open in which another file could be put in its place.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` with `options`, refusing anything but a regular file before a byte is read.
pub fn open(path: &Path, options: &OpenOptions) -> io::Result<File> {
    let mut options = options.clone();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Without it, opening a FIFO waits for a writer (or a reader) for ever.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let file_type = file.metadata()?.file_type();
    match kind_of(file_type) {
        None => Ok(file),
        Some(kind) => Err(io::Error::new(io::ErrorKind::InvalidInput, format!("is {kind}, not a regular file"))),
    }
}

/// Reads a whole regular file of at most `max` bytes; `what` names the kind of file in the
/// message for a larger one ("an exercise file").
pub fn read(path: &Path, max: u64, what: &str) -> io::Result<Vec<u8>> {
    let file = open(path, OpenOptions::new().read(true))?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is larger than {} KiB, too large for {what}", max / 1024),
        ));
    }
    Ok(bytes)
}

/// Why a file could not be read, in words a user knows: "no such file", "permission denied",
/// never the system's "(os error 2)".
pub fn in_words(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".to_owned(),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or_default();
            let mut chars = text.chars();
            // The system's sentences start with a capital; ours go after a colon.
            chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
        }
    }
}

/// What a file that is not a regular one is, in words; `None` for a regular file.
fn kind_of(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_its_cap() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "name = 1\n").expect("write");
        assert_eq!(read(&path, 1024, "an exercise file").expect("read"), b"name = 1\n");
        let error = read(&path, 4, "an exercise file").expect_err("over the cap");
        assert!(error.to_string().contains("too large for an exercise file"), "{error}");
    }

    #[test]
    fn a_reason_is_told_in_words_without_the_systems_numbers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = read(&dir.path().join("nope.toml"), 1024, "an exercise file").expect_err("no such file");
        assert_eq!(in_words(&missing), "no such file");
        let odd = io::Error::from_raw_os_error(5);
        assert!(!in_words(&odd).contains("os error"), "{}", in_words(&odd));
        assert!(in_words(&odd).starts_with(|c: char| c.is_lowercase()), "{}", in_words(&odd));
    }

    #[test]
    fn a_directory_and_a_device_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read(dir.path(), 1024, "a config").expect_err("a dir");
        assert!(error.to_string().contains("is a directory"), "{error}");
        #[cfg(unix)]
        {
            let error = read(Path::new("/dev/zero"), 1024, "a config").expect_err("a device");
            assert_eq!(error.to_string(), "is a device, not a regular file");
        }
    }
}
