//! Property tests keep the seeds of their failures: each `proptest!` block takes its config
//! from [`config`], which writes a failing case's seed next to its test file
//! (`tests/NAME.proptest-regressions`, committed) and runs the seeds found there first.
// Each test file uses the part of this it needs.
#![allow(dead_code)]

use proptest::test_runner::{Config, FileFailurePersistence};

/// Where the seeds go: beside the test's source, with this extension.
pub const EXTENSION: &str = "proptest-regressions";

/// A property test's config: `cases` cases, the seeds of failures kept beside the test.
pub fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(EXTENSION))),
        ..Config::default()
    }
}
