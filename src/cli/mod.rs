//! The command line: `reform-roadmap [FILE]` opens the desktop app; the subcommands
//! work on a file without it (review, scorecard, validate, new, export, import, diff,
//! merge, git-setup, forms, collect).
//!
//! Exit statuses: 0 success; 1 the command worked and found errors (`validate`);
//! 2 the command could not run (unreadable file, bad quarter, bad argument, as clap
//! also uses for usage errors). Every failure is ONE line on stderr naming the file.
//!
//! The helpers here ([`load`], [`resolve_quarter`], [`CliError::exit`], [`emit`],
//! [`LangArg`]) are shared by every subcommand, `export` included.

pub mod collect;
pub mod diff;
pub mod export;
pub mod forms;
pub mod git_setup;
pub mod import;
pub mod merge;
pub mod new;
pub mod review;
pub mod scorecard;
pub mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::file::LoadError;
use crate::locale::Language;
use crate::model::{Quarter, Roadmap};

/// Exit status when a command could not run.
pub const EXIT_CANNOT_RUN: u8 = 2;

/// Exit status when `validate` found errors.
pub const EXIT_PROBLEMS: u8 = 1;

#[derive(Debug, Parser)]
#[command(
    name = "reform-roadmap",
    version,
    about = "Road Map Reformasi Birokrasi: draft, monitor and present bureaucratic-reform roadmaps",
    long_about = "Road Map Reformasi Birokrasi: draft, monitor and present bureaucratic-reform roadmaps.\n\nWithout a subcommand, opens FILE (or an empty window) in the desktop app.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Roadmap file to open in the desktop app
    pub file: Option<PathBuf>,
    /// Renderer of the desktop app's window for this start: gpu (default) or cpu
    /// (slower, works where the graphics driver fails). Remembered choice otherwise.
    #[arg(long, value_enum, value_name = "gpu|cpu")]
    pub renderer: Option<crate::renderer::Renderer>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Quarterly review (monev): the status of every indicator at a quarter
    Review(review::ReviewArgs),
    /// The units (OPD) ranked by score, with rating, flagged indicators and budget absorption
    Scorecard(scorecard::ScorecardArgs),
    /// Check a roadmap for problems (duplicate ids, bad quarters, ...); exit 1 on errors
    Validate(validate::ValidateArgs),
    /// Create a new roadmap file from a template
    New(new::NewArgs),
    /// Export a roadmap or its review to another format
    Export(export::ExportArgs),
    /// What changed between two versions, in the roadmap's words; exit 1 when they differ
    Diff(diff::DiffArgs),
    /// Merge two versions by id (git's merge driver: BASE OURS THEIRS); exit 1 on conflicts
    Merge(merge::MergeArgs),
    /// Register the diff and merge drivers in a git repository
    GitSetup(git_setup::GitSetupArgs),
    /// Create a roadmap from a spreadsheet (.xlsx, .xls, .ods, .csv)
    Import(import::ImportArgs),
    /// Write the quarter's form (.xlsx) for every unit (OPD) to fill in
    Forms(forms::FormsArgs),
    /// Read returned forms into the roadmap and report per unit
    Collect(collect::CollectArgs),
}

/// Runs one subcommand.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Review(args) => review::run(args),
        Command::Scorecard(args) => scorecard::run(args),
        Command::Validate(args) => validate::run(args),
        Command::New(args) => new::run(args),
        Command::Export(args) => export::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Merge(args) => merge::run(args),
        Command::GitSetup(args) => git_setup::run(args),
        Command::Import(args) => import::run(args),
        Command::Forms(args) => forms::run(args),
        Command::Collect(args) => collect::run(args),
    }
}

/// FILE and `--quarter`, for the commands that look at one quarter of one roadmap.
/// Flatten it into a command's args.
#[derive(Debug, Clone, Args)]
pub struct QuarterOfFile {
    /// Roadmap file
    pub file: PathBuf,
    /// Quarter, written 2025-Q2 [default: the last quarter that has ended, within the period]
    #[arg(long, short, value_name = "YEAR-QN")]
    pub quarter: Option<String>,
}

impl QuarterOfFile {
    /// Loads the roadmap and settles the quarter (the asked one, else the last ended).
    pub fn load(&self) -> Result<(Roadmap, Quarter), CliError> {
        let roadmap = load(&self.file)?;
        let quarter = resolve_quarter(&roadmap, &self.file, self.quarter.as_deref(), today())?;
        Ok((roadmap, quarter))
    }
}

/// `--lang id|en`, for commands that print words. Flatten it into a command's args.
#[derive(Debug, Clone, Copy, Args)]
pub struct LangArg {
    /// Language of the output: id (Bahasa Indonesia) or en (English)
    #[arg(long = "lang", value_name = "id|en", default_value = "id")]
    pub lang: Language,
}

/// Why a command could not run. [`CliError::exit`] prints it as one line and gives
/// exit status 2.
#[derive(Debug, Clone, PartialEq)]
pub enum CliError {
    /// The file does not load; its message already names the file (and line:column).
    Load(LoadError),
    /// `--quarter` is not `YEAR-QN`.
    QuarterMalformed { file: PathBuf, text: String },
    /// `--quarter` is outside the roadmap's period.
    QuarterOutside {
        file: PathBuf,
        quarter: Quarter,
        first: Quarter,
        last: Quarter,
    },
    /// Anything else, already worded for the user (it names the file when there is one).
    Message(String),
}

impl CliError {
    /// The one line shown to the user, in `language`.
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        match self {
            CliError::Load(error) => error.describe(language),
            CliError::QuarterMalformed { file, text } => rust_i18n::t!(
                "cli.error.quarter_malformed",
                locale = locale,
                file = file.display(),
                quarter = text
            )
            .into_owned(),
            CliError::QuarterOutside {
                file,
                quarter,
                first,
                last,
            } => rust_i18n::t!(
                "cli.error.quarter_outside",
                locale = locale,
                file = file.display(),
                quarter = quarter,
                first = first,
                last = last
            )
            .into_owned(),
            CliError::Message(text) => text.clone(),
        }
    }

    /// Prints the error on stderr as one line and returns exit status 2.
    pub fn exit(&self, language: Language) -> ExitCode {
        let prefix = rust_i18n::t!("cli.error.prefix", locale = language.code());
        // One line, whatever the message holds: a path or RON message with a newline
        // would otherwise split it.
        let line = self.message(language).replace(['\n', '\r'], " ");
        eprintln!("{prefix}: {line}");
        ExitCode::from(EXIT_CANNOT_RUN)
    }
}

impl CliError {
    /// The desktop app could not start (`detail` is iced's reason).
    pub fn desktop_failed(detail: impl std::fmt::Display, language: Language) -> Self {
        CliError::Message(
            rust_i18n::t!(
                "cli.error.gui",
                locale = language.code(),
                detail = detail.to_string()
            )
            .into_owned(),
        )
    }

    /// No subcommand was given to a build without the desktop app.
    pub fn no_desktop(language: Language) -> Self {
        CliError::Message(rust_i18n::t!("cli.error.no_gui", locale = language.code()).into_owned())
    }
}

impl From<LoadError> for CliError {
    fn from(error: LoadError) -> Self {
        CliError::Load(error)
    }
}

/// Loads the roadmap at `path`.
pub fn load(path: &Path) -> Result<Roadmap, CliError> {
    crate::file::load(path).map_err(CliError::Load)
}

/// Whether a new roadmap may be written at `output` (by `new` and `import`): a name
/// Windows can hold, and no existing file unless `force` (then it is kept as `.bak`).
pub fn check_new_output(output: &Path, force: bool, language: Language) -> Result<(), CliError> {
    crate::file::names::check_path(output)
        .map_err(|bad| CliError::Message(bad.message(language)))?;
    // `symlink_metadata` so that a dangling link is not taken for a free name.
    if !force && std::fs::symlink_metadata(output).is_ok() {
        let file = output.display().to_string();
        return Err(CliError::Message(
            rust_i18n::t!("cli.error.exists", locale = language.code(), file = file).into_owned(),
        ));
    }
    Ok(())
}

/// Saves `roadmap` at `output` (atomic, with `.bak`), saying in `language` why not.
pub fn save_roadmap(output: &Path, roadmap: &Roadmap, language: Language) -> Result<(), CliError> {
    crate::file::save(output, roadmap).map_err(|error| {
        CliError::Message(
            rust_i18n::t!(
                "cli.error.write",
                locale = language.code(),
                file = output.display().to_string(),
                detail = error.message
            )
            .into_owned(),
        )
    })
}

/// The quarter a command works on: `requested` (written `2025-Q2`) when given, else
/// the last quarter that has ended by `today`, clamped into the period. A requested
/// quarter that is malformed or outside the period is an error naming `file`.
pub fn resolve_quarter(
    roadmap: &Roadmap,
    file: &Path,
    requested: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<Quarter, CliError> {
    let Some(text) = requested else {
        return Ok(roadmap.period.default_review_quarter(today));
    };
    let quarter: Quarter = text
        .trim()
        .parse()
        .map_err(|_| CliError::QuarterMalformed {
            file: file.to_owned(),
            text: text.to_owned(),
        })?;
    if !roadmap.period.contains(quarter) {
        return Err(CliError::QuarterOutside {
            file: file.to_owned(),
            quarter,
            first: roadmap.period.first_quarter(),
            last: roadmap.period.last_quarter(),
        });
    }
    Ok(quarter)
}

/// Today's date on this computer (the default review quarter depends on it).
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Writes `bytes` to stdout. A reader that went away (`| head`) is not an error; any
/// other write failure gives exit status 2.
/// A command's output printed (exit 0), or its error as one line (exit 2).
pub fn print_or_exit(result: Result<Vec<u8>, CliError>, language: Language) -> ExitCode {
    match result {
        Ok(bytes) => match emit(&bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Err(error) => error.exit(language),
    }
}

pub fn emit(bytes: &[u8]) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => {
            eprintln!("error: cannot write the output: {error}");
            Err(ExitCode::from(EXIT_CANNOT_RUN))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    #[test]
    fn quarter_resolution() {
        let roadmap = Roadmap::new(
            "t",
            "i",
            Period {
                start: 2025,
                end: 2026,
            },
        );
        let file = Path::new("r.ron");
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let q = |text: &str| text.parse::<Quarter>().unwrap();
        for (requested, today, expected) in [
            (None, day(2025, 8, 1), Ok(q("2025-Q2"))),
            // Before the period starts: its first quarter; after it: its last.
            (None, day(2024, 6, 1), Ok(q("2025-Q1"))),
            (None, day(2030, 1, 1), Ok(q("2026-Q4"))),
            (Some("2026-Q4"), day(2025, 1, 1), Ok(q("2026-Q4"))),
            (Some(" 2025-Q1 "), day(2025, 1, 1), Ok(q("2025-Q1"))),
            (
                Some("2025-Q5"),
                day(2025, 1, 1),
                Err(CliError::QuarterMalformed {
                    file: file.into(),
                    text: "2025-Q5".into(),
                }),
            ),
            (
                Some("2027-Q1"),
                day(2025, 1, 1),
                Err(CliError::QuarterOutside {
                    file: file.into(),
                    quarter: q("2027-Q1"),
                    first: q("2025-Q1"),
                    last: q("2026-Q4"),
                }),
            ),
        ] {
            assert_eq!(
                resolve_quarter(&roadmap, file, requested, today),
                expected,
                "{requested:?} {today}"
            );
        }
    }

    #[test]
    fn errors_are_one_line_naming_the_file() {
        let error = CliError::QuarterOutside {
            file: "a\nb.ron".into(),
            quarter: "2027-Q1".parse().unwrap(),
            first: "2025-Q1".parse().unwrap(),
            last: "2026-Q4".parse().unwrap(),
        };
        for language in Language::ALL {
            let text = error.message(language);
            assert!(text.starts_with("a\nb.ron: "), "{text}");
            assert!(text.contains("2027-Q1"), "{text}");
        }
    }
}
