//! `reform-roadmap validate FILE [--lang id|en]`: one line per problem (severity,
//! where, what), then the counts. Exit 1 when there is an error, 0 otherwise (warnings
//! alone pass), 2 when the file does not load.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{EXIT_PROBLEMS, LangArg, emit, load};
use crate::locale::Language;
use crate::model::Roadmap;
use crate::validate::{Problem, Severity, validate};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Roadmap file
    pub file: PathBuf,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: ValidateArgs) -> ExitCode {
    let language = args.lang.lang;
    let roadmap = match load(&args.file) {
        Ok(roadmap) => roadmap,
        Err(error) => return error.exit(language),
    };
    let problems = validate(&roadmap);
    let file = args.file.display().to_string();
    if let Err(code) = emit(report(&roadmap, &problems, &file, language).as_bytes()) {
        return code;
    }
    if problems.iter().any(Problem::is_error) {
        ExitCode::from(EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The printed report: `SEVERITY  where: message` lines, then a count line.
pub fn report(roadmap: &Roadmap, problems: &[Problem], file: &str, language: Language) -> String {
    let locale = language.code();
    if problems.is_empty() {
        let mut text =
            rust_i18n::t!("cli.validate.clean", locale = locale, file = file).into_owned();
        text.push('\n');
        return text;
    }
    let labels = [Severity::Error, Severity::Warning].map(|s| s.label(language));
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut text = String::new();
    for problem in problems {
        let label = &labels[usize::from(problem.severity == Severity::Warning)];
        text.push_str(&format!(
            "{label}{}  {}: {}\n",
            " ".repeat(width - label.chars().count()),
            problem.location.describe(roadmap, language),
            problem.message(language)
        ));
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    text.push_str(&rust_i18n::t!(
        "cli.validate.summary",
        locale = locale,
        file = file,
        errors = errors,
        warnings = problems.len() - errors
    ));
    text.push('\n');
    text
}
