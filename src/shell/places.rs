//! Where the user's own files live: the config dir (config, exercises, routines) and the data
//! dir (history). Honours `XDG_CONFIG_HOME` and `XDG_DATA_HOME`, so tests can point them at a
//! temporary directory; elsewhere the platform's own directories.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "trunkrot")
}

/// `$XDG_CONFIG_HOME/trunkrot` (or the platform's config dir); `None` without a home directory.
pub fn config_dir() -> Option<PathBuf> {
    project().map(|dirs| dirs.config_dir().to_path_buf())
}

/// `$XDG_DATA_HOME/trunkrot` (or the platform's data dir); `None` without a home directory.
pub fn data_dir() -> Option<PathBuf> {
    project().map(|dirs| dirs.data_dir().to_path_buf())
}

/// The first folder on the way to `dir` that is a file instead: creating `dir` fails with
/// "File exists", which says nothing of where the trouble is.
pub fn file_in_the_way(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().filter(|ancestor| !ancestor.as_os_str().is_empty()).find_map(|ancestor| {
        let metadata = ancestor.metadata().ok()?;
        (!metadata.is_dir()).then(|| ancestor.to_path_buf())
    })
}

/// Where the user's own routine files live, beside their exercises.
pub fn user_routines_dir() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("routines"))
}

/// Where the user's own exercise files live.
pub fn user_exercises_dir() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("exercises"))
}
