//! `trunkrot show`: an exercise's instructions or a routine's outline, as text.

pub mod text;

use std::process::ExitCode;

use super::emit;
use crate::domain::settings::Given;
use crate::failure::Failure;
use crate::shell::catalog;

/// `trunkrot show NAME|PATH`: an exercise's instructions, or what a routine does; with no
/// name, what a session with no flags would do (the config's exercise, else the default one).
pub fn show(name: Option<&str>) -> Result<ExitCode, Failure> {
    let columns = crate::shell::columns::width();
    let default;
    let name = if let Some(name) = name {
        name
    } else {
        use crate::domain::settings::Subject;
        let (settings, _) = crate::shell::config::resolve(&Given::default())?;
        default = match settings.subject.value {
            Subject::Exercise(name) | Subject::Routine(name) => name,
        };
        default.as_str()
    };
    let text = if catalog::kind_of(name) == catalog::Kind::Routine {
        let (routine, exercises) = catalog::load_routine(name)?;
        let (settings, _) = crate::shell::config::resolve(&Given::default())?;
        let plan = catalog::routine_plan(&routine, exercises, &settings)?;
        text::routine_text(&routine, &plan, catalog::rest_between(&routine, &settings), columns)
    } else {
        let exercise = catalog::load(Some(name))?;
        let mut text = text::text(&exercise, columns);
        if let Some(suggestion) = crate::shell::journal::suggestion(
            &exercise,
            crate::shell::programme::allowed_for(&exercise.id).as_ref(),
            crate::shell::standing::stop_rule().as_ref(),
        ) {
            text.push_str("\nFrom your history\n");
            text.push_str(&crate::domain::width::hanging("  ", &suggestion.to_string(), columns.min(text::WIDEST)));
        }
        text
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
