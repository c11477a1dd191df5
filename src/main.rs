//! `reform-roadmap [FILE]` opens the desktop app; `reform-roadmap SUBCOMMAND ...` runs
//! the command line (see `reform_roadmap::cli`).

use std::process::ExitCode;

// Loading and saving a roadmap allocate a string per id, name and map entry: mimalloc
// cuts a 2,000-indicator load from ~44 to ~39 ms and a save from ~21 to ~13 ms
// (`cargo bench --bench domain`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use reform_roadmap::cli::{self, Cli};
use reform_roadmap::renderer::Renderer;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => desktop(args.file, args.renderer),
    }
}

#[cfg(feature = "gui")]
fn desktop(file: Option<std::path::PathBuf>, renderer: Option<Renderer>) -> ExitCode {
    reform_roadmap::gui::start::start(file, renderer)
}

#[cfg(not(feature = "gui"))]
fn desktop(_file: Option<std::path::PathBuf>, _renderer: Option<Renderer>) -> ExitCode {
    use reform_roadmap::cli::CliError;
    use reform_roadmap::locale::Language;

    let language = Language::default();
    CliError::no_desktop(language).exit(language)
}
