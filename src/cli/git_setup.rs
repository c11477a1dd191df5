//! `reform-roadmap git-setup [DIR] [--lang id|en]`: registers the roadmap's diff and
//! merge drivers in the git repository at DIR (default: here). Safe to run again.
//!
//! - `.gitattributes` at the top of the repository gets
//!   `*.roadmap.ron diff=reform-roadmap merge=reform-roadmap` (once);
//! - the repository's own `git config` gets the drivers, pointing at this program:
//!   `diff.reform-roadmap.textconv` (`git diff` and `git log -p` in words) and
//!   `merge.reform-roadmap.driver` (merge by id; git calls it as `%O %A %B`).
//!
//! The diff driver is a `textconv`, not an external diff command: git applies
//! textconv in `git diff`, `git log -p` and `git show` without options, while an
//! external diff runs in `git log -p` only with `--ext-diff`. The cost is that the
//! lines are git's (one fact per line, in words) rather than `diff`'s sentences.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Args;

use super::{CliError, LangArg, emit};
use crate::locale::Language;

/// The name both drivers are registered under.
pub const DRIVER: &str = "reform-roadmap";

/// The `.gitattributes` line that sends roadmap files through the drivers.
pub const ATTRIBUTES: &str = "*.roadmap.ron diff=reform-roadmap merge=reform-roadmap";

#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// A folder inside the git repository [default: the current folder]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: GitSetupArgs) -> ExitCode {
    let language = args.lang.lang;
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    match set_up(&dir, language) {
        Ok(report) => emit(report.as_bytes()).map_or_else(|code| code, |()| ExitCode::SUCCESS),
        Err(error) => error.exit(language),
    }
}

fn set_up(dir: &Path, language: Language) -> Result<String, CliError> {
    let locale = language.code();
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"], language)?.trim());
    let program = program_path(language)?;
    let lang = format!("--lang {}", locale);
    let entries = [
        (
            format!("diff.{DRIVER}.textconv"),
            format!("{program} diff --textconv {lang}"),
        ),
        (
            format!("merge.{DRIVER}.name"),
            "Reform Roadmap: merge by id, field by field and quarter by quarter".to_owned(),
        ),
        (
            format!("merge.{DRIVER}.driver"),
            format!("{program} merge %O %A %B -o %A --name %P {lang}"),
        ),
    ];
    for (key, value) in &entries {
        git(&top, &["config", "--local", key, value], language)?;
    }
    let attributes = top.join(".gitattributes");
    let added = add_attributes(&attributes)
        .map_err(|e| CliError::Message(format!("{}: {e}", attributes.display())))?;
    let mut report = String::new();
    for (key, value) in &entries {
        report.push_str(&format!("git config {key} '{value}'\n"));
    }
    let key = if added {
        "merge.setup.attributes_added"
    } else {
        "merge.setup.attributes_present"
    };
    report.push_str(&rust_i18n::t!(
        key,
        locale = locale,
        file = attributes.display(),
        line = ATTRIBUTES
    ));
    report.push('\n');
    report.push_str(&rust_i18n::t!(
        "merge.setup.done",
        locale = locale,
        dir = top.display()
    ));
    report.push('\n');
    Ok(report)
}

/// Adds [`ATTRIBUTES`] to the file unless it is there; true when it was added.
fn add_attributes(path: &Path) -> Result<bool, String> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.to_string()),
    };
    if existing.lines().any(|line| line.trim() == ATTRIBUTES) {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(ATTRIBUTES);
    text.push('\n');
    crate::file::write_atomically_without_backup(path, text.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(true)
}

/// This program, as git's shell should call it: quoted, with forward slashes (which
/// Git for Windows' shell reads, and backslashes it would eat).
fn program_path(language: Language) -> Result<String, CliError> {
    let exe = std::env::current_exe().map_err(|e| {
        CliError::Message(
            rust_i18n::t!(
                "merge.setup.no_program",
                locale = language.code(),
                detail = e.to_string()
            )
            .into_owned(),
        )
    })?;
    Ok(format!(
        "\"{}\"",
        exe.display().to_string().replace('\\', "/")
    ))
}

/// Runs git in `dir`; its output, or its complaint as one line.
fn git(dir: &Path, args: &[&str], language: Language) -> Result<String, CliError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            CliError::Message(
                rust_i18n::t!(
                    "merge.setup.no_git",
                    locale = language.code(),
                    detail = e.to_string()
                )
                .into_owned(),
            )
        })?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    Err(CliError::Message(
        rust_i18n::t!(
            "merge.setup.git_failed",
            locale = language.code(),
            dir = dir.display(),
            detail = String::from_utf8_lossy(&output.stderr).trim()
        )
        .into_owned(),
    ))
}
