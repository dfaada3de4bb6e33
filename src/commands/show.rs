//! `trunkrot show`: an exercise's instructions or a routine's outline, as text.

pub mod text;

use std::fmt::Write as _;
use std::process::ExitCode;

use super::emit;
use crate::domain::settings::Given;
use crate::failure::Failure;
use crate::shell::catalog;

/// `trunkrot show NAME|PATH`: an exercise's instructions, or what a routine does.
pub fn show(name: &str) -> Result<ExitCode, Failure> {
    let text = if catalog::kind_of(name) == catalog::Kind::Routine {
        let (routine, exercises) = catalog::load_routine(name)?;
        let (settings, _) = crate::shell::config::resolve(&Given::default())?;
        let plan = catalog::routine_plan(&routine, exercises, &settings)?;
        text::routine_text(&routine, &plan, catalog::rest_between(&routine, &settings))
    } else {
        let exercise = catalog::load(Some(name))?;
        let mut text = text::text(&exercise);
        if let Some(suggestion) =
            crate::shell::journal::suggestion(&exercise, crate::shell::programme::allowed_for(&exercise.id).as_ref())
        {
            let _ = write!(text, "\nYour next step\n  {suggestion}\n");
        }
        text
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
