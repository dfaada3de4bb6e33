//! Finding exercises: the built-in ones by id, or a file by path. This is the shell's side of
//! loading: it reads files; [`crate::exercise`] judges what they say.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::exercise::{self, Exercise};
use crate::failure::Failure;

/// An exercise file larger than this is refused unread.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Loads the exercise named by `--exercise`: a built-in id, or a path; the default if `None`.
pub fn load(name: Option<&str>) -> Result<Exercise, Failure> {
    let name = name.unwrap_or(exercise::DEFAULT_ID);
    if let Some(built_in) = exercise::built_in(name) {
        return Ok(built_in?);
    }
    let path = Path::new(name);
    if !path.exists() && !name.contains(['/', '.']) {
        let known: Vec<&str> = exercise::BUILT_IN.iter().map(|(id, _)| *id).collect();
        return Err(Failure::UnknownExercise { name: name.to_owned(), known: known.join(", ") });
    }
    load_path(path)
}

/// Reads and checks an exercise file.
pub fn load_path(path: &Path) -> Result<Exercise, Failure> {
    let bytes = read_limited(path)?;
    let id = path.file_stem().map_or_else(|| "exercise".into(), |s| s.to_string_lossy());
    Ok(exercise::parse(&id, &path.display().to_string(), &bytes)?)
}

/// Reads a whole file, refusing directories and anything over [`MAX_FILE_BYTES`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Failure> {
    let unreadable = |reason: String| Failure::Unreadable { path: path.display().to_string(), reason };
    let file = File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let metadata = file.metadata().map_err(|e| unreadable(e.to_string()))?;
    if metadata.is_dir() {
        return Err(unreadable("is a directory, not a file".to_owned()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(unreadable(format!(
            "is larger than {} KiB, too large for an exercise file",
            MAX_FILE_BYTES / 1024
        )));
    }
    Ok(bytes)
}
