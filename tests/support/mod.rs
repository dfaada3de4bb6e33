//! Helpers shared by the integration tests.

pub mod browser;
pub mod home;
pub mod pty;
pub mod review;
pub mod seeds;
pub mod source;
pub mod standin;
