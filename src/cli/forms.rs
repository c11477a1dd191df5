//! `reform-roadmap forms FILE --out DIR [--quarter Q] [--unit ID ...] [--lang id|en]`:
//! one form (`.xlsx`) per unit that reports something at the quarter, for the units
//! to fill in and send back (see `collect`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{CliError, LangArg, QuarterOfFile};
use crate::forms::write_forms;

#[derive(Debug, Args)]
pub struct FormsArgs {
    #[command(flatten)]
    pub input: QuarterOfFile,
    /// Folder to write the forms into (made when missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Only the forms of these units (ids, as in the roadmap's units); repeat for several
    #[arg(long = "unit", value_name = "ID")]
    pub units: Vec<String>,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: FormsArgs) -> ExitCode {
    let language = args.lang.lang;
    let locale = language.code();
    let result = (|| -> Result<String, CliError> {
        let (roadmap, quarter) = args.input.load()?;
        std::fs::create_dir_all(&args.out).map_err(|error| {
            CliError::Message(
                rust_i18n::t!(
                    "cli.error.write",
                    locale = locale,
                    file = args.out.display(),
                    detail = error
                )
                .into_owned(),
            )
        })?;
        let only = (!args.units.is_empty()).then_some(args.units.as_slice());
        let written =
            write_forms(&roadmap, quarter, &args.out, only, language).map_err(|error| {
                CliError::Message(format!(
                    "{}: {}",
                    args.input.file.display(),
                    error.message(language)
                ))
            })?;
        let mut text = String::new();
        for path in &written {
            text.push_str(&format!("{}\n", path.display()));
        }
        text.push_str(&rust_i18n::t!(
            "forms.cli.written",
            locale = locale,
            count = written.len(),
            quarter = language.quarter(quarter),
            folder = args.out.display()
        ));
        Ok(text)
    })();
    match result {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => error.exit(language),
    }
}
