//! The one way the integration tests run the binary: [`trunkrot`], in a fresh [`Home`] of the
//! test's own (its config, data and runtime folders), never the user's and never another
//! test's, with nothing of the caller's environment that would change what it does.
// Each test file uses the part of this it needs.
#![allow(dead_code)]

use std::ffi::OsString;
use std::fs;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A last guard against a hang, far above what any run takes even on a loaded machine; a test
/// waits for the process to end, never for a time.
pub const HANG: Duration = Duration::from_secs(120);

/// A test's own home, removed when dropped: `XDG_CONFIG_HOME` is the home itself (so the config
/// is `trunkrot/config.toml` under it, exercises `trunkrot/exercises/`), `XDG_DATA_HOME` is
/// `data/` (the history is `data/trunkrot/history.jsonl`) and `XDG_RUNTIME_DIR` is `run/`.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    /// An empty home.
    pub fn new() -> Home {
        let dir = tempfile::Builder::new().prefix("trunkrot-test-").tempdir().expect("a temporary folder");
        let home = Home { dir };
        fs::create_dir_all(home.config_dir()).expect("the config folder");
        fs::create_dir_all(home.join("run")).expect("the runtime folder");
        home
    }

    /// A home whose `config.toml` is `text`.
    pub fn with_config(text: &str) -> Home {
        Home::new().with("config.toml", text)
    }

    /// This home with a file at `path` under the config folder (`exercises/mine.toml`).
    #[must_use]
    pub fn with(self, path: &str, bytes: impl AsRef<[u8]>) -> Home {
        self.file(path, bytes);
        self
    }

    /// Writes `bytes` at `path` under the config folder (`trunkrot/`), making its folders;
    /// returns the whole path.
    pub fn file(&self, path: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.config_dir().join(path);
        fs::create_dir_all(path.parent().expect("a folder")).expect("the file's folder");
        fs::write(&path, bytes).expect("a file written");
        path
    }

    /// trunkrot's config folder: `config.toml`, `exercises/`, `routines/`.
    pub fn config_dir(&self) -> PathBuf {
        self.join("trunkrot")
    }

    /// trunkrot's data folder, where the history is.
    pub fn data_dir(&self) -> PathBuf {
        self.join("data").join("trunkrot")
    }

    /// The history file.
    pub fn history(&self) -> PathBuf {
        self.data_dir().join(trunkrot::history::FILE_NAME)
    }

    /// The history's records as the program reads them (amendments applied), every line whole;
    /// none when there is no file.
    pub fn records(&self) -> Vec<trunkrot::history::Record> {
        let bytes = fs::read(self.history()).unwrap_or_default();
        let history = trunkrot::history::read(&bytes);
        assert_eq!(history.skipped, vec![], "every line of {} whole", self.history().display());
        history.records
    }

    /// The variables the binary runs with: its places in this home, and UTC so that days and
    /// times read the same on every machine.
    pub fn vars(&self) -> Vec<(&'static str, OsString)> {
        vec![
            ("XDG_CONFIG_HOME", self.as_os_str().to_owned()),
            ("XDG_DATA_HOME", self.join("data").into_os_string()),
            ("XDG_RUNTIME_DIR", self.join("run").into_os_string()),
            ("TZ", "UTC".into()),
            // Text commands wrap to COLUMNS: the tests read what they say on long lines, and
            // tests/columns.rs what they look like at 80 and 60.
            ("COLUMNS", "1000".into()),
        ]
    }
}

impl Deref for Home {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.dir.path()
    }
}

/// The caller's variables that would change what the binary does: colours, and the theme's
/// guess of the background.
pub const UNSET: &[&str] = &["NO_COLOR", "COLORFGBG"];

/// The binary, run in `home`: its places there, none of [`UNSET`], and [`HANG`] as a last
/// guard so a hang fails the test instead of stalling the suite.
pub fn trunkrot(home: &Home) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::from_std(process(home));
    command.timeout(HANG);
    command
}

/// [`trunkrot`] as a process to start and hold (`spawn`), for a test that must act while it
/// runs: close its pipe, signal it.
pub fn process(home: &Home) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_trunkrot"));
    command.envs(home.vars());
    for name in UNSET {
        command.env_remove(name);
    }
    command
}

/// What a run printed on stdout, as text.
pub fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).expect("UTF-8 on stdout")
}

/// What a run printed on stderr, as text.
pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).expect("UTF-8 on stderr")
}
