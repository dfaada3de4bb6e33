//! The impure edge: keys and signals, plain output, bells, tones and speech, the user's places and
//! files, the config file and the history file on disk, the terminal's background.

pub mod announce;
pub mod browser;
pub mod catalog;
pub mod columns;
pub mod config;
pub mod executables;
pub mod input;
pub mod job;
pub mod journal;
pub mod local_day;
pub mod notify;
pub mod places;
pub mod plain;
pub mod process_group;
pub mod programme;
pub mod regular_file;
pub mod runner;
pub mod sound;
pub mod speech;
pub mod standing;
pub mod terminal_background;
pub mod tones;
