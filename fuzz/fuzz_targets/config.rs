//! Any bytes as a config file: parsing never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = trunkrot::shell::config::parse("config.toml", bytes);
});
