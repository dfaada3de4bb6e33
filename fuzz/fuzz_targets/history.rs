//! Any bytes as a history file: every line is a record or a note, never a panic, and the report
//! is made from what was read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trunkrot::history::{self, report};

fuzz_target!(|bytes: &[u8]| {
    let history = history::read(bytes);
    let _ = report::text(&history.records, jiff::civil::date(2026, 11, 26));
});
