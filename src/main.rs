//! The trunkrot binary: parse the command line, run, and turn the outcome into an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = trunkrot::cli::Cli::parse();
    match trunkrot::run(&cli) {
        Ok(code) => code,
        Err(failure) => {
            let _ = writeln!(std::io::stderr(), "trunkrot: error: {failure}");
            ExitCode::FAILURE
        }
    }
}
