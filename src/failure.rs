//! Why a command could not do its work: every user mistake and outside failure, with a message
//! that says where and what. `main` prints it and exits 1.

use crate::domain::exercise::InvalidExercise;

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    InvalidExercise(#[from] InvalidExercise),

    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },

    #[error("{0}")]
    Unknown(#[from] crate::domain::spelling::Unknown),

    #[error("{0}")]
    InvalidConfig(#[from] crate::shell::config::InvalidConfig),

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
         ask for fewer reps, sets or exercises, or a shorter hold"
    )]
    TooLong { length: String, max: String },

    #[error("the terminal failed: {0}")]
    Terminal(#[from] std::io::Error),
}
