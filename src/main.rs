//! The trunkrot binary: parse the command line, run, and turn the outcome into an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // Help wraps at the same width as every other text trunkrot prints.
    let width = trunkrot::shell::columns::width();
    let command = trunkrot::cli::Cli::command().term_width(width).after_help(trunkrot::tui::keys::help_text_at(width));
    let cli = match command.try_get_matches().and_then(|matches| trunkrot::cli::Cli::from_arg_matches(&matches)) {
        Ok(cli) => cli,
        Err(error) => return usage(&error),
    };
    match trunkrot::run(&cli) {
        Ok(code) => code,
        // A reader that went away (`trunkrot list | head -1`) has all it wanted.
        Err(failure) if failure.is_closed_pipe() => ExitCode::SUCCESS,
        Err(failure) => {
            let _ = writeln!(std::io::stderr(), "trunkrot: error: {failure}");
            // A mistake in how the command was given is a usage error, as clap's are.
            if failure.is_usage() { ExitCode::from(2) } else { ExitCode::FAILURE }
        }
    }
}

/// Prints clap's help, version or usage error. An error echoes the value the user gave, so it
/// is printed without control characters: a value must never retitle or clear the terminal.
fn usage(error: &clap::Error) -> ExitCode {
    if error.use_stderr() {
        let text = trunkrot::domain::untrusted::clean(&error.render().to_string());
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else {
        let _ = error.print();
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}
