//! `reform-roadmap [FILE]` opens the desktop app; `reform-roadmap SUBCOMMAND ...` runs
//! the command line (see `reform_roadmap::cli`).

use std::process::ExitCode;

use clap::Parser;
use reform_roadmap::cli::{self, Cli, CliError};
use reform_roadmap::locale::Language;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => desktop(args.file),
    }
}

#[cfg(feature = "gui")]
fn desktop(file: Option<std::path::PathBuf>) -> ExitCode {
    match reform_roadmap::gui::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let language = Language::default();
            CliError::desktop_failed(error, language).exit(language)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn desktop(_file: Option<std::path::PathBuf>) -> ExitCode {
    let language = Language::default();
    CliError::no_desktop(language).exit(language)
}
