//! Any bytes as a routine file: parsing never panics, and a routine that passes makes a plan
//! with the default exercise in each of its places.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trunkrot::domain::plan::Plan;
use trunkrot::domain::{exercise, routine};

fuzz_target!(|bytes: &[u8]| {
    let Ok(routine) = routine::parse("fuzz", "fuzz.toml", bytes) else { return };
    let Some(Ok(default)) = exercise::built_in(exercise::DEFAULT_ID) else { return };
    let parts = routine.entries.iter().map(|entry| (default.clone(), entry.overrides.clone())).collect();
    let plan = Plan::routine(parts, routine.rest.unwrap_or(routine::DEFAULT_REST));
    let _ = plan.total();
});
