//! Any bytes as an exercise file: parsing never panics, and a file that passes makes a plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trunkrot::domain::exercise;
use trunkrot::domain::plan::{Overrides, Plan};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(exercise) = exercise::parse("fuzz", "fuzz.toml", bytes) {
        let plan = Plan::new(exercise, &Overrides::default());
        let _ = plan.total();
    }
});
