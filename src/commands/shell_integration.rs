//! What a shell and `man` need: completion scripts and the man page, generated from the
//! command line's own definition so they never drift from it.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::failure::Failure;

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<ExitCode, Failure> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "trunkrot", &mut script);
    print(&script)
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
