//! `reform-roadmap diff OLD NEW [--format text|json] [--lang id|en]`: what changed,
//! in the roadmap's words, one change per line. Exit 0 when the documents are equal,
//! 1 when they differ, 2 when a file does not load (like `diff`).
//!
//! `reform-roadmap diff --textconv FILE` prints FILE as lines of facts in its words,
//! for git's diff driver (see `git-setup`): git then shows `git diff` and `git log -p`
//! line by line in those words.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{CliError, EXIT_PROBLEMS, LangArg, emit};
use crate::merge::{self, Words};
use crate::model::Roadmap;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier version (with --textconv: the file to print)
    pub old: PathBuf,
    /// The later version
    #[arg(required_unless_present = "textconv")]
    pub new: Option<PathBuf>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print OLD as lines of facts in its words (git's textconv)
    #[arg(long, conflicts_with = "new")]
    pub textconv: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One change per line, in words
    Text,
    /// One JSON object: {"old", "new", "changes": [...]}
    Json,
}

pub fn run(args: DiffArgs) -> ExitCode {
    let language = args.lang.lang;
    let words = Words::new(language);
    let Some(new_path) = args.new.as_deref().filter(|_| !args.textconv) else {
        return textconv(&args.old, words);
    };
    let result = (|| -> Result<(Vec<merge::Change>, Vec<u8>), CliError> {
        let (old, new) = (load_as_written(&args.old)?, load_as_written(new_path)?);
        let changes = merge::diff(&old, &new).map_err(|e| CliError::Message(e.to_string()))?;
        let out = match args.format {
            Format::Text => changes
                .iter()
                .map(|change| words.change(change) + "\n")
                .collect::<String>(),
            Format::Json => {
                let changes: Vec<_> = changes
                    .iter()
                    .map(|c| merge::json::change(c, words))
                    .collect();
                let object = serde_json::json!({
                    "old": args.old.display().to_string(),
                    "new": new_path.display().to_string(),
                    "changes": changes,
                });
                format!("{object:#}\n")
            }
        };
        Ok((changes, out.into_bytes()))
    })();
    match result {
        Ok((changes, out)) => {
            if let Err(code) = emit(&out) {
                return code;
            }
            if changes.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_PROBLEMS)
            }
        }
        Err(error) => error.exit(language),
    }
}

/// Loads `path` with the `format_version` the file is written in (loading brings a
/// document to the current version), so that a change of version shows.
pub fn load_as_written(path: &Path) -> Result<Roadmap, CliError> {
    let bytes = crate::file::read_limited(path)?;
    let mut roadmap = crate::file::from_ron_bytes(&bytes, path)?;
    if let Some(version) = written_version(&bytes) {
        roadmap.format_version = version;
    }
    Ok(roadmap)
}

fn written_version(bytes: &[u8]) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format_version: u32,
    }
    let text = std::str::from_utf8(bytes).ok()?;
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<Probe>(text.trim_start_matches('\u{feff}'))
        .ok()
        .map(|probe| probe.format_version)
}

/// The facts of `path`, one per line. A file that does not load as a roadmap (a
/// half-edited one, or one with conflict markers) is printed as it is, so git still
/// shows its lines instead of failing.
fn textconv(path: &Path, words: Words) -> ExitCode {
    let facts = crate::file::load(path)
        .ok()
        .and_then(|roadmap| merge::listing(&roadmap, words).ok());
    let out = match facts {
        Some(text) => text.into_bytes(),
        None => match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                let message = format!("{}: {error}", path.display());
                return CliError::Message(message).exit(words.language);
            }
        },
    };
    emit(&out).map_or_else(|code| code, |()| ExitCode::SUCCESS)
}
