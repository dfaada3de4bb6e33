//! Helpers shared by the integration tests.

pub mod home;
pub mod pty;
pub mod seeds;
pub mod source;
