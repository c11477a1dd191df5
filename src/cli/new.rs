//! `reform-roadmap new --template NAME --institution TEXT --start YEAR --end YEAR -o FILE`
//!
//! Creates a roadmap from a template (`crate::template`). An existing file is never
//! replaced unless `--force` is given (and then its old content is kept as `.bak`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{CliError, LangArg, check_new_output, save_roadmap};
use crate::model::Period;
use crate::template::{Template, build};

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Template: permenpan-25-2020, permenpan-3-2023 or empty
    #[arg(long, short, value_name = "NAME")]
    pub template: String,
    /// The institution, e.g. "Pemerintah Kabupaten Contoh"
    #[arg(long, value_name = "TEXT")]
    pub institution: String,
    /// First year of the period
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub start: i32,
    /// Last year of the period
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub end: i32,
    /// The file to create
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE if it exists (the old file is kept as FILE.bak)
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: NewArgs) -> ExitCode {
    let language = args.lang.lang;
    let locale = language.code();
    let file = args.output.display().to_string();
    let Some(template) = Template::from_name(args.template.trim()) else {
        let names: Vec<&str> = Template::ALL.iter().map(|t| t.name()).collect();
        return CliError::Message(
            rust_i18n::t!(
                "cli.error.unknown_template",
                locale = locale,
                name = args.template,
                names = names.join(", ")
            )
            .into_owned(),
        )
        .exit(language);
    };
    if args.end < args.start {
        return CliError::Message(
            rust_i18n::t!(
                "cli.error.period_reversed",
                locale = locale,
                start = args.start,
                end = args.end
            )
            .into_owned(),
        )
        .exit(language);
    }
    if let Err(error) = check_new_output(&args.output, args.force, language) {
        return error.exit(language);
    }
    let period = Period {
        start: args.start,
        end: args.end,
    };
    let roadmap = build(template, &args.institution, period);
    if let Err(error) = save_roadmap(&args.output, &roadmap, language) {
        return error.exit(language);
    }
    println!(
        "{}",
        rust_i18n::t!(
            "cli.new.created",
            locale = locale,
            file = file,
            template = template.name(),
            start = args.start,
            end = args.end
        )
    );
    ExitCode::SUCCESS
}
