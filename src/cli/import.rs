//! `reform-roadmap import INPUT -o OUTPUT [--sheet NAME] [--start YEAR --end YEAR]
//! [--title TEXT] [--institution TEXT] [--force]`: a roadmap from a spreadsheet
//! (`crate::import`), saying what was understood: the column mapping, the counts, each
//! row skipped and why. An existing OUTPUT is never replaced without `--force` (then
//! its old content is kept as `.bak`), as for `new`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{CliError, LangArg, check_new_output, save_roadmap};
use crate::import::{ImportReport, Meaning, Options, column_letters, import};
use crate::locale::Language;
use crate::text::counted;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Spreadsheet to read: .xlsx, .xls, .ods or .csv
    pub input: PathBuf,
    /// The roadmap file to create
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// The sheet to read [default: the first with a table]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// First year of the period [default: the first year the sheet names]
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub start: Option<i32>,
    /// Last year of the period [default: the last year the sheet names]
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub end: Option<i32>,
    /// The roadmap's title [default: the sheet's first title row]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The institution [default: the title row that names it]
    #[arg(long, value_name = "TEXT")]
    pub institution: Option<String>,
    /// Replace OUTPUT if it exists (the old file is kept as OUTPUT.bak)
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: ImportArgs) -> ExitCode {
    let language = args.lang.lang;
    let locale = language.code();
    let file = args.output.display().to_string();
    if let Err(error) = check_new_output(&args.output, args.force, language) {
        return error.exit(language);
    }
    let options = Options {
        start: args.start,
        end: args.end,
        title: args.title,
        institution: args.institution,
    };
    let (roadmap, report) = match import(&args.input, args.sheet.as_deref(), &options) {
        Ok(result) => result,
        Err(error) => return CliError::Message(error.message(language)).exit(language),
    };
    print!("{}", summary(&report, language));
    if let Err(error) = save_roadmap(&args.output, &roadmap, language) {
        return error.exit(language);
    }
    println!(
        "{}",
        rust_i18n::t!(
            "import.cli.written",
            locale = locale,
            file = file,
            start = roadmap.period.start,
            end = roadmap.period.end
        )
    );
    ExitCode::SUCCESS
}

/// What the import understood, one fact a line.
pub fn summary(report: &ImportReport, language: Language) -> String {
    let locale = language.code();
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(
        rust_i18n::t!(
            "import.cli.sheet",
            locale = locale,
            sheet = report.sheet,
            layout = rust_i18n::t!(report.layout.key(), locale = locale),
            first = report.header_rows.0,
            last = report.header_rows.1
        )
        .into_owned(),
    );
    line(rust_i18n::t!("import.cli.columns", locale = locale).into_owned());
    for column in report.columns.iter().filter(|c| !c.heading.is_empty()) {
        let meaning = rust_i18n::t!(column.meaning.key(), locale = locale);
        let slot = column
            .meaning
            .slot()
            .map(|slot| slot.to_string())
            .filter(|slot| !slot.is_empty())
            .map(|slot| format!(" {slot}"))
            .unwrap_or_default();
        let marker = if column.meaning == Meaning::Unused {
            "  "
        } else {
            "→ "
        };
        line(format!(
            "  {:>3}  {}  {marker}{meaning}{slot}",
            column_letters(column.index),
            column.heading
        ));
    }
    let counts = report.counts;
    line(
        rust_i18n::t!(
            "import.cli.counts",
            locale = locale,
            areas = counted(language, "areas", counts.areas),
            programs = counted(language, "programs", counts.programs),
            indicators = counted(language, "indicators", counts.indicators),
            targets = counted(language, "quarterly_targets", counts.targets),
            units = counted(language, "units", counts.units)
        )
        .into_owned(),
    );
    for skipped in &report.skipped {
        line(
            rust_i18n::t!(
                "import.cli.skipped",
                locale = locale,
                row = skipped.row,
                reason = skipped.reason.message(language)
            )
            .into_owned(),
        );
    }
    for warning in &report.warnings {
        line(
            rust_i18n::t!(
                "import.cli.warning",
                locale = locale,
                message = warning.message(language)
            )
            .into_owned(),
        );
    }
    out
}
