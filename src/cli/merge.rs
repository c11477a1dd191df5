//! `reform-roadmap merge BASE OURS THEIRS [-o OUT] [--name PATH] [--lang id|en]`:
//! git's merge driver for roadmaps (git runs it as `merge %O %A %B -o %A --name %P`).
//!
//! Merges by id, field by field and quarter by quarter, and writes the result
//! atomically over OUT (default OURS) in the program's own format. Each conflict is
//! printed in words with both values; the file written keeps our value in place and
//! still loads (never conflict markers). Exit 0 merged cleanly, 1 with conflicts (git
//! then marks the file conflicted), 2 when a version does not load (nothing written).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{CliError, EXIT_PROBLEMS, LangArg, emit, load};
use crate::merge::{self, Merged, Words};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O)
    pub base: PathBuf,
    /// Our version (git's %A); the result goes here unless -o is given
    pub ours: PathBuf,
    /// Their version (git's %B)
    pub theirs: PathBuf,
    /// Where to write the result [default: OURS]
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The file's name in the messages (git's %P) [default: OUT]
    #[arg(long, value_name = "PATH")]
    pub name: Option<String>,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: MergeArgs) -> ExitCode {
    let language = args.lang.lang;
    let output = args.output.clone().unwrap_or_else(|| args.ours.clone());
    let result = (|| -> Result<Merged, CliError> {
        let (base, ours, theirs) = (load(&args.base)?, load(&args.ours)?, load(&args.theirs)?);
        let merged =
            merge::merge(&base, &ours, &theirs).map_err(|e| CliError::Message(e.to_string()))?;
        let text = crate::file::to_ron_string(&merged.roadmap);
        crate::file::write_atomically_without_backup(&output, text.as_bytes())
            .map_err(|error| CliError::Message(error.advice(language)))?;
        Ok(merged)
    })();
    let merged = match result {
        Ok(merged) => merged,
        Err(error) => return error.exit(language),
    };
    let name = args.name.unwrap_or_else(|| output.display().to_string());
    if let Err(code) = emit(report(&merged, &name, Words::new(language)).as_bytes()) {
        return code;
    }
    if merged.conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PROBLEMS)
    }
}

/// The conflicts and new ids, one per line, then a summary line naming the file.
pub fn report(merged: &Merged, file: &str, words: Words) -> String {
    let locale = words.language.code();
    let mut text = String::new();
    let conflict = rust_i18n::t!("merge.report.conflict_line", locale = locale);
    for line in merged.conflicts.iter().map(|c| words.conflict(c)) {
        text.push_str(&format!("{conflict}: {line}\n"));
    }
    let renamed = rust_i18n::t!("merge.report.renamed_line", locale = locale);
    for line in merged.renamed.iter().map(|r| words.renamed(r)) {
        text.push_str(&format!("{renamed}: {line}\n"));
    }
    let summary = if merged.conflicts.is_empty() {
        rust_i18n::t!("merge.report.clean", locale = locale, file = file)
    } else {
        rust_i18n::t!(
            "merge.report.conflicts",
            locale = locale,
            file = file,
            count = merged.conflicts.len()
        )
    };
    text.push_str(&summary);
    text.push('\n');
    text
}
