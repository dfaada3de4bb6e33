//! A fresh home for a test of the binary: its own config and data folders, never the user's.
// Each test file uses the part of this it needs.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;

/// A fresh, empty folder for `suite`'s test `name`; `config` (if any) becomes its
/// `trunkrot/config.toml`.
pub fn home(suite: &str, name: &str, config: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trunkrot-{suite}-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("trunkrot")).expect("a temporary folder");
    if let Some(text) = config {
        fs::write(dir.join("trunkrot/config.toml"), text).expect("a config file written");
    }
    dir
}

/// The binary with `home` as its config folder and `home/data` as its data folder, colours on,
/// and a time-out so a hang fails the test instead of stalling the suite.
pub fn trunkrot(home: &Path) -> assert_cmd::Command {
    let mut command = cargo_bin_cmd!("trunkrot");
    command
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(20));
    command
}
