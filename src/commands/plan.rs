//! `trunkrot plan`: the session's timeline, without running it.

use std::io;
use std::process::ExitCode;

use super::emit;
use crate::cli::SessionArgs;
use crate::domain::plan;
use crate::failure::Failure;
use crate::shell::catalog;

/// `trunkrot plan [FLAGS]`: the session's timeline, without running it.
pub fn plan(args: &SessionArgs) -> Result<ExitCode, Failure> {
    let lines = plan::timeline(&catalog::plan(args, &crate::shell::config::load()?.config)?);
    emit(&mut io::stdout().lock(), &(lines.join("\n") + "\n"));
    Ok(ExitCode::SUCCESS)
}
