//! `reform-roadmap export FILE --to PATH [--quarter Q] [--lang id|en]`: the quarterly
//! review as a report for the meeting, in the format PATH's extension names (`.html`
//! printable page, `.xlsx` workbook, `.csv` table); with `--whole`, the whole roadmap
//! as a rencana aksi workbook that `import` reads back.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{CliError, LangArg, QuarterOfFile, load};
use crate::export::{Format, export, export_whole};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: QuarterOfFile,
    /// Where to write the report; its extension picks the format: .html, .xlsx or .csv
    #[arg(long = "to", value_name = "PATH")]
    pub to: PathBuf,
    /// Write the whole roadmap (every year and quarter: target, realisasi, kendala,
    /// tindak lanjut) as a rencana aksi workbook (.xlsx) that `import` reads back
    #[arg(long, conflicts_with = "quarter")]
    pub whole: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: ExportArgs) -> ExitCode {
    let language = args.lang.lang;
    let result = (|| -> Result<String, CliError> {
        if args.whole {
            if Format::from_path(&args.to) != Some(Format::Xlsx) {
                return Err(CliError::Message(
                    rust_i18n::t!(
                        "whole.cli.needs_xlsx",
                        locale = language.code(),
                        path = args.to.display()
                    )
                    .into_owned(),
                ));
            }
            let roadmap = load(&args.input.file)?;
            export_whole(&roadmap, language, &args.to)
                .map_err(|error| CliError::Message(error.describe(language)))?;
            return Ok(rust_i18n::t!(
                "whole.cli.written",
                locale = language.code(),
                path = args.to.display()
            )
            .into_owned());
        }
        // Refuse a name we cannot write before reading anything.
        if Format::from_path(&args.to).is_none() {
            return Err(CliError::Message(
                rust_i18n::t!(
                    "export.cli.unknown_format",
                    locale = language.code(),
                    path = args.to.display()
                )
                .into_owned(),
            ));
        }
        crate::file::names::check_path(&args.to)
            .map_err(|bad| CliError::Message(bad.message(language)))?;
        let (roadmap, quarter) = args.input.load()?;
        export(&roadmap, quarter, language, &args.to)
            .map_err(|error| CliError::Message(error.describe(language)))?;
        Ok(rust_i18n::t!(
            "export.cli.written",
            locale = language.code(),
            quarter = language.quarter(quarter),
            path = args.to.display()
        )
        .into_owned())
    })();
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => error.exit(language),
    }
}
