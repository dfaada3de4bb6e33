//! `trunkrot plan`: the session's timeline, without running it.

use std::process::ExitCode;

use super::emit;
use crate::cli::PlanArgs;
use crate::domain::{plan, width};
use crate::failure::Failure;
use crate::shell::catalog;

/// `trunkrot plan [FLAGS]`: the session's timeline, without running it.
pub fn plan(args: &PlanArgs) -> Result<ExitCode, Failure> {
    let (settings, _) = crate::shell::config::resolve(&args.given())?;
    let columns = crate::shell::columns::width();
    let mut text = String::new();
    for line in plan::text::timeline(&catalog::plan(&settings)?) {
        // A phase's words wrap in their own column, right of its start (`   0:30  `).
        let indent = line.len() - line.trim_start().len();
        match line.trim_start().split_once("  ").filter(|(start, _)| start.contains(':')) {
            Some((start, what)) => {
                text.push_str(&width::hanging(&format!("{}{start}  ", &line[..indent]), what, columns));
            }
            None => text.push_str(&width::wrap_lines(&(line.clone() + "\n"), columns)),
        }
    }
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
