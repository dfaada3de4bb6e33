//! Why a command could not do its work: every user mistake and outside failure, with a message
//! that says where and what. `main` prints it and exits 1.

use crate::domain::diagnostic::InvalidFile;

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    Invalid(#[from] InvalidFile),

    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },

    #[error("{0}")]
    Unknown(#[from] crate::domain::spelling::Unknown),

    #[error("{path} already exists: edit it, or move it away first to write a fresh one")]
    ConfigExists { path: String },

    #[error("{path}: cannot write: {reason}")]
    Unwritable { path: String, reason: String },

    #[error("no home directory, so no place for a config file")]
    NoConfigDir,

    #[error("{path}: cannot save this session to the history: {reason}")]
    HistoryUnwritable { path: String, reason: String },

    #[error("no home directory, so no place for the history (set XDG_DATA_HOME)")]
    NoDataDir,

    #[error(
        "this session would run {length}, and a session can run at most {max}: \
         ask for fewer reps, sets or exercises, or a shorter hold{from}"
    )]
    TooLong {
        length: String,
        max: String,
        /// Where its dose comes from, when not only from the exercise files: `" (reps 100 from
        /// config.toml [exercise.X])"`, or empty.
        from: String,
    },

    #[error(
        "no programme is in effect: `trunkrot programme install FILE` puts one in effect, \
         `trunkrot programme new` writes one"
    )]
    NoProgramme,

    /// The command was given in a way it cannot run, found after clap's checks; exit code 2.
    #[error("{0}")]
    Usage(String),

    #[error("{0}")]
    TerminalLost(String),

    /// The report cannot be made as asked: the period, or printing it.
    #[error("report: {0}")]
    Report(String),

    /// An outside failure of reading or writing, with what was being done.
    #[error("{doing} failed: {source}")]
    Io { doing: &'static str, source: std::io::Error },
}

impl Failure {
    /// A way to turn an I/O error into a failure that says what was being done.
    pub fn io(doing: &'static str) -> impl Fn(std::io::Error) -> Failure {
        move |source| Failure::Io { doing, source }
    }

    /// Writing to standard output failed.
    pub fn output(source: std::io::Error) -> Failure {
        Failure::Io { doing: "writing to standard output", source }
    }

    /// Whether this is a mistake in how the command was given (exit code 2).
    pub fn is_usage(&self) -> bool {
        matches!(self, Failure::Usage(_))
    }

    /// Whether this is only a reader that went away (a closed pipe, as in `| head`): not worth
    /// a message. `main` is the one place that decides so.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, Failure::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
