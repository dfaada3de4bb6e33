//! One file per subcommand, the session included: each resolves what it needs, does its work
//! through the layers below, writes its text and says which exit code it deserves.

pub mod check;
pub mod config;
pub mod list;
pub mod man_page;
pub mod plan;
pub mod session;
pub mod shell_integration;
pub mod show;

use std::io::Write;

/// Writes text; a reader that went away (a closed pipe) is not an error worth reporting.
pub(crate) fn emit(out: &mut impl Write, text: &str) {
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
