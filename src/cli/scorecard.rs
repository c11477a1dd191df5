//! `reform-roadmap scorecard FILE [--quarter Q] [--format text|json|csv] [--lang id|en]`
//!
//! The units (OPD) ranked by score at a quarter, with their rating, the indicators they
//! report, how many are flagged and unexplained, and budget absorption (*serapan*):
//! what a reward-and-punishment meeting reads. JSON and CSV use machine words and
//! full-precision numbers whatever `--lang`; CSV is UTF-8 with a byte order mark.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::review::{Format, aligned, scored};
use super::{CliError, LangArg, QuarterOfFile, print_or_exit};
use crate::locale::Language;
use crate::model::Roadmap;
use crate::review::{UnitStanding, review, scorecard};

#[derive(Debug, Args)]
pub struct ScorecardArgs {
    #[command(flatten)]
    pub input: QuarterOfFile,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: ScorecardArgs) -> ExitCode {
    let language = args.lang.lang;
    let result = (|| -> Result<Vec<u8>, CliError> {
        let (roadmap, quarter) = args.input.load()?;
        let report = review(&roadmap, quarter);
        let standings = scorecard(&roadmap, &report);
        Ok(match args.format {
            Format::Text => text(&roadmap, quarter, &standings, language).into_bytes(),
            Format::Json => json(&roadmap, quarter, &standings).into_bytes(),
            Format::Csv => csv(&roadmap, &standings),
        })
    })();
    print_or_exit(result, language)
}

/// One unit's line, for JSON and CSV.
#[derive(Serialize)]
struct Line<'a> {
    rank: usize,
    id: &'a str,
    name: &'a str,
    score: Option<f64>,
    rating: Option<&'a str>,
    indicators: usize,
    flagged: usize,
    unexplained: usize,
    absorption: Option<f64>,
}

fn lines<'a>(roadmap: &'a Roadmap, standings: &[UnitStanding]) -> Vec<Line<'a>> {
    standings
        .iter()
        .enumerate()
        .map(|(i, standing)| {
            let unit = &roadmap.units[standing.unit];
            Line {
                rank: i + 1,
                id: &unit.id,
                name: &unit.name,
                score: standing.score,
                rating: standing
                    .score
                    .and_then(|s| roadmap.scoring().rating.rate(s)),
                indicators: standing.owned,
                flagged: standing.flagged,
                unexplained: standing.unexplained,
                absorption: standing.absorption,
            }
        })
        .collect()
}

fn json(roadmap: &Roadmap, quarter: crate::model::Quarter, standings: &[UnitStanding]) -> String {
    #[derive(Serialize)]
    struct Scorecard<'a> {
        quarter: String,
        units: Vec<Line<'a>>,
    }
    let mut text = serde_json::to_string_pretty(&Scorecard {
        quarter: quarter.to_string(),
        units: lines(roadmap, standings),
    })
    .expect("plain structs always serialize to JSON");
    text.push('\n');
    text
}

fn csv(roadmap: &Roadmap, standings: &[UnitStanding]) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        for line in lines(roadmap, standings) {
            writer
                .serialize(line)
                .expect("writing CSV to memory cannot fail");
        }
        writer.flush().expect("writing CSV to memory cannot fail");
    }
    out
}

fn text(
    roadmap: &Roadmap,
    quarter: crate::model::Quarter,
    standings: &[UnitStanding],
    language: Language,
) -> String {
    let t = |key: &str| rust_i18n::t!(key, locale = language.code()).into_owned();
    let mut out = rust_i18n::t!(
        "cli.scorecard.heading",
        locale = language.code(),
        quarter = language.quarter(quarter),
        title = roadmap.title
    )
    .into_owned();
    out.push('\n');
    if standings.is_empty() {
        out.push_str(&t("cli.scorecard.no_units"));
        out.push('\n');
        return out;
    }
    let mut rows = vec![[
        "#".to_owned(),
        t("cli.review.col.unit"),
        t("cli.scorecard.col.score"),
        t("cli.scorecard.col.indicators"),
        t("cli.scorecard.col.flagged"),
        t("cli.scorecard.col.unexplained"),
        t("cli.scorecard.col.absorption"),
    ]];
    for (i, standing) in standings.iter().enumerate() {
        rows.push([
            (i + 1).to_string(),
            roadmap.units[standing.unit].name.clone(),
            scored(roadmap, standing.score, language),
            standing.owned.to_string(),
            standing.flagged.to_string(),
            standing.unexplained.to_string(),
            standing
                .absorption
                .map_or("-".to_owned(), |a| language.percent(a)),
        ]);
    }
    out.push('\n');
    out.push_str(&aligned(&rows, 2..=6));
    out
}
