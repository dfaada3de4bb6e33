//! The pure core: what an exercise, a routine, a plan and a session are, and the words and
//! sounds they make. Nothing here reads the clock, the environment, the file system or the
//! terminal; `tests/purity.rs` keeps it so.

pub mod checkin;
pub mod cues;
pub mod diagnostic;
pub mod duration;
pub mod exercise;
pub mod fields;
pub mod figure;
pub mod motion;
pub mod plan;
pub mod programme;
pub mod routine;
pub mod session;
pub mod settings;
pub mod shape;
pub mod side;
pub mod spelling;
pub mod summary;
pub mod untrusted;
pub mod width;
