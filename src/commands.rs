//! One file per subcommand, the session included: each resolves what it needs, does its work
//! through the layers below, writes its text and says which exit code it deserves.

pub mod check;
pub mod config;
pub mod history;
pub mod list;
pub mod man_page;
pub mod plan;
pub mod programme;
pub mod report;
pub mod session;
pub mod shell_integration;
pub mod show;
pub mod sound_check;
pub mod today;

use std::io::Write;

use crate::failure::Failure;

/// Writes text to standard output. A reader that went away (a closed pipe) comes back as a
/// failure that `main` lets pass quietly.
pub(crate) fn emit(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(Failure::output)
}

/// [`emit`]s text of lines, each wrapped at its words to the terminal's width.
pub(crate) fn say(text: &str) -> Result<(), Failure> {
    emit(&crate::domain::width::wrap_lines(text, crate::shell::columns::width()))
}
