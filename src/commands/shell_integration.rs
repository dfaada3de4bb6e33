//! What a shell and `man` need: completion scripts and the man page, generated from the
//! command line's own definition so they never drift from it.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::failure::Failure;
use crate::shell::catalog::{self, Kind};

/// Prints the completion script for `shell`: after `--exercise`, `--routine` and `show`, the
/// ids of the exercises and routines there are (built in, and the user's as the script is made).
pub fn completions(shell: Shell) -> Result<ExitCode, Failure> {
    let exercises = catalog::ids(Kind::Exercise);
    let routines = catalog::ids(Kind::Routine);
    let both: Vec<String> = exercises.iter().chain(&routines).cloned().collect();
    let mut command = with_ids(Cli::command(), &exercises, &routines);
    command = command.mut_subcommand("show", |show| show.mut_arg("exercise", |arg| offer(arg, &both)));
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "trunkrot", &mut script);
    print(&script)
}

/// `command` and its subcommands with the ids offered after `--exercise` and `--routine`. Only
/// for the completion script: the values are not checked against them.
fn with_ids(command: clap::Command, exercises: &[String], routines: &[String]) -> clap::Command {
    let names: Vec<String> = command.get_arguments().map(|arg| arg.get_id().to_string()).collect();
    let mut command = command;
    for (id, values) in [("exercise", exercises), ("routine", routines)] {
        let is_flag = command.get_arguments().any(|arg| arg.get_id() == id && arg.get_long().is_some());
        if names.iter().any(|name| name == id) && is_flag {
            command = command.mut_arg(id, |arg| offer(arg, values));
        }
    }
    let subcommands: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in subcommands {
        command = command.mut_subcommand(name, |sub| with_ids(sub, exercises, routines));
    }
    command
}

fn offer(arg: clap::Arg, values: &[String]) -> clap::Arg {
    arg.value_parser(clap::builder::PossibleValuesParser::new(values.iter().map(|value| {
        // Static strings for clap: the script is made once and the process ends.
        let leaked: &'static str = Box::leak(value.clone().into_boxed_str());
        clap::builder::PossibleValue::new(leaked)
    })))
}

/// Prints the man page as roff.
pub fn man() -> Result<ExitCode, Failure> {
    print(&super::man_page::page().map_err(Failure::io("writing the man page"))?)
}

fn print(bytes: &[u8]) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).map_err(Failure::output)?;
    Ok(ExitCode::SUCCESS)
}
