//! Finding an executable (a speech command, an audio player, a browser) on `PATH`, or at a
//! path given.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// Where `program` is: a path as given (if it names an executable file), or the first match in
/// the directories of `path`.
pub fn locate(program: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    if program.contains(std::path::MAIN_SEPARATOR) || program.contains('/') {
        let given = PathBuf::from(program);
        return is_executable(&given).then_some(given);
    }
    std::env::split_paths(path?).map(|dir| dir.join(program)).find(|candidate| is_executable(candidate))
}

/// Whether `path` is a file this user may run.
#[cfg(unix)]
pub fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Whether `path` is a file this user may run.
#[cfg(not(unix))]
pub fn is_executable(path: &Path) -> bool {
    path.is_file()
}
