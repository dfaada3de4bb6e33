//! Where the user's own files live: the config dir (config, exercises, routines) and the data
//! dir (history). Honours `XDG_CONFIG_HOME` and `XDG_DATA_HOME`, so tests can point them at a
//! temporary directory; elsewhere the platform's own directories.

use std::path::PathBuf;

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

/// Where the user's own routine files live, beside their exercises.
pub fn user_routines_dir() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("routines"))
}

/// Where the user's own exercise files live.
pub fn user_exercises_dir() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("exercises"))
}
