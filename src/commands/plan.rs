//! `trunkrot plan`: the session's timeline, without running it.

use std::process::ExitCode;

use super::emit;
use crate::cli::PlanArgs;
use crate::domain::plan;
use crate::failure::Failure;
use crate::shell::catalog;

/// `trunkrot plan [FLAGS]`: the session's timeline, without running it.
pub fn plan(args: &PlanArgs) -> Result<ExitCode, Failure> {
    let (settings, _) = crate::shell::config::resolve(&args.given())?;
    let lines = plan::text::timeline(&catalog::plan(&settings)?);
    emit(&(lines.join("\n") + "\n"))?;
    Ok(ExitCode::SUCCESS)
}
