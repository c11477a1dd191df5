//! `reform-roadmap review FILE [--quarter Q] [--format text|json|csv] [--lang id|en]`
//!
//! - `text`: a table per change area, flagged indicators first (then the rest, each
//!   group in document order), with the numbers in the language's format and the
//!   counts at the end.
//! - `json`: exactly the shape of `roadmap-format.md`: `quarter`, every indicator once
//!   in document order as `{id, status, achievement}` (achievement unrounded, `null`
//!   where none was computed), and `summary` with the six counts; format version 2
//!   adds `score` on each indicator and, after `summary`, the document's `score` and
//!   `rating`, `areas` and `units` (`{id, score, rating}` each).
//! - `csv`: the JSON lines plus the names (indicator, program, area, unit), UTF-8 with a
//!   byte-order mark so that spreadsheet programs read the Indonesian letters right.
//!   Column names and values are machine words (`on_track`, `86.5`) whatever `--lang`.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{CliError, LangArg, QuarterOfFile, print_or_exit};
use crate::locale::Language;
use crate::model::{Indicator, Kind, Quarter, Roadmap};
use crate::review::{Counts, IndicatorReview, ReviewReport, Status, review};
use crate::text::{shorten, tr};

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub input: QuarterOfFile,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Text,
    /// One JSON object (the documented shape)
    Json,
    /// One row per indicator, UTF-8 with BOM
    Csv,
}

pub fn run(args: ReviewArgs) -> ExitCode {
    let language = args.lang.lang;
    let result = (|| -> Result<Vec<u8>, CliError> {
        let (roadmap, quarter) = args.input.load()?;
        let report = review(&roadmap, quarter);
        Ok(match args.format {
            Format::Text => text(&roadmap, &report, language).into_bytes(),
            Format::Json => json(&roadmap, &report).into_bytes(),
            // The same table as `export --to x.csv`: one CSV format for the product.
            Format::Csv => crate::export::csv::table(&roadmap, quarter, language),
        })
    })();
    print_or_exit(result, language)
}

#[derive(Serialize)]
struct JsonReport<'a> {
    quarter: String,
    indicators: Vec<JsonLine<'a>>,
    summary: JsonSummary,
    score: Option<f64>,
    rating: Option<&'a str>,
    areas: Vec<JsonScore<'a>>,
    units: Vec<JsonScore<'a>>,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    id: &'a str,
    status: &'static str,
    achievement: Option<f64>,
    score: Option<f64>,
}

/// An area's or a unit's score.
#[derive(Serialize)]
struct JsonScore<'a> {
    id: &'a str,
    score: Option<f64>,
    rating: Option<&'a str>,
}

/// Field order is the spec's.
#[derive(Serialize)]
struct JsonSummary {
    on_track: usize,
    at_risk: usize,
    behind: usize,
    missing: usize,
    not_due: usize,
    no_target: usize,
}

impl From<Counts> for JsonSummary {
    fn from(c: Counts) -> Self {
        Self {
            on_track: c.on_track,
            at_risk: c.at_risk,
            behind: c.behind,
            missing: c.missing,
            not_due: c.not_due,
            no_target: c.no_target,
        }
    }
}

/// The review as the documented JSON object, pretty-printed, with a final newline.
pub fn json<'a>(roadmap: &'a Roadmap, report: &'a ReviewReport) -> String {
    let rating = |score: Option<f64>| score.and_then(|s| roadmap.scoring().rating.rate(s));
    let scored = |id: &'a str, score: Option<f64>| JsonScore {
        id,
        score,
        rating: rating(score),
    };
    let document = JsonReport {
        quarter: report.quarter.to_string(),
        indicators: report
            .indicators
            .iter()
            .map(|line| JsonLine {
                id: &line.id,
                status: line.status().key(),
                achievement: line.evaluation.achievement,
                score: line.score,
            })
            .collect(),
        summary: report.summary.into(),
        score: report.scores.document,
        rating: rating(report.scores.document),
        areas: roadmap
            .areas
            .iter()
            .zip(&report.scores.areas)
            .map(|(area, score)| scored(&area.id, *score))
            .collect(),
        units: roadmap
            .units
            .iter()
            .zip(&report.scores.units)
            .map(|(unit, score)| scored(&unit.id, *score))
            .collect(),
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("plain structs always serialize to JSON");
    text.push('\n');
    text
}

/// The names around one review line (empty where the document has none).
struct Names<'a> {
    indicator: &'a str,
    /// The responsible unit's name, or its id when it is not among `units`.
    unit: &'a str,
}

impl<'a> Names<'a> {
    fn of(roadmap: &'a Roadmap, line: &IndicatorReview) -> Self {
        let area = &roadmap.areas[line.area];
        let program = &area.programs[line.program];
        let indicator = &program.indicators[line.indicator];
        let unit = program.unit.as_deref().map_or("", |id| {
            roadmap.unit(id).map_or(id, |unit| unit.name.as_str())
        });
        Self {
            indicator: &indicator.name,
            unit,
        }
    }
}

const INDICATOR_WIDTH: usize = 52;
const UNIT_WIDTH: usize = 26;
const NONE: &str = "-";

/// The review as a table for people, in `language`.
pub fn text(roadmap: &Roadmap, report: &ReviewReport, language: Language) -> String {
    let t = |key: &str| rust_i18n::t!(key, locale = language.code()).into_owned();
    let quarter_label = language.quarter(report.quarter);
    let mut out = String::new();
    out.push_str(&rust_i18n::t!(
        "cli.review.heading",
        locale = language.code(),
        quarter = quarter_label,
        title = roadmap.title
    ));
    out.push('\n');
    if !roadmap.institution.trim().is_empty() {
        out.push_str(&roadmap.institution);
        out.push('\n');
    }

    if report.indicators.is_empty() {
        out.push('\n');
        out.push_str(&t("cli.review.no_indicators"));
        out.push('\n');
    }
    let header = [
        t("cli.review.col.indicator"),
        t("cli.review.col.unit"),
        t("cli.review.col.target"),
        t("cli.review.col.actual"),
        t("cli.review.col.achievement"),
        t("cli.review.col.status"),
        t("cli.review.col.explanation"),
    ];
    for (a, area) in roadmap.areas.iter().enumerate() {
        let lines: Vec<&IndicatorReview> =
            report.indicators.iter().filter(|l| l.area == a).collect();
        if lines.is_empty() {
            continue;
        }
        let (flagged, rest): (Vec<&IndicatorReview>, Vec<&IndicatorReview>) =
            lines.into_iter().partition(|l| l.is_flagged());
        let mut rows = vec![header.clone()];
        rows.extend(
            flagged
                .into_iter()
                .chain(rest)
                .map(|line| row(roadmap, report, line, language)),
        );
        out.push('\n');
        out.push_str(&rust_i18n::t!(
            "cli.review.area",
            locale = language.code(),
            name = area.name
        ));
        out.push('\n');
        out.push_str(&rust_i18n::t!(
            "cli.review.area_score",
            locale = language.code(),
            score = scored(roadmap, report.scores.areas[a], language)
        ));
        out.push('\n');
        out.push_str(&table(&rows));
    }

    out.push('\n');
    out.push_str(&summary(roadmap, report, language));
    out
}

fn row(
    roadmap: &Roadmap,
    report: &ReviewReport,
    line: &IndicatorReview,
    language: Language,
) -> [String; 7] {
    let names = Names::of(roadmap, line);
    let indicator = &roadmap.areas[line.area].programs[line.program].indicators[line.indicator];
    let number = |value: Option<f64>| value.map_or(NONE.to_owned(), |v| language.number(v, 2));
    let (target, actual) = match indicator.kind {
        // A milestone's "target" is when it is due, its "actual" when it was done.
        Kind::Milestone => (
            indicator
                .due
                .map_or(NONE.to_owned(), |q| language.quarter(q)),
            indicator
                .done
                .filter(|done| *done <= report.quarter)
                .map_or(NONE.to_owned(), |q| language.quarter(q)),
        ),
        Kind::Level | Kind::Count | Kind::Average => (
            number(line.evaluation.target),
            number(line.evaluation.actual),
        ),
    };
    let explanation = if line.unexplained {
        rust_i18n::t!("cli.review.unexplained", locale = language.code()).into_owned()
    } else {
        explanation(indicator, report.quarter, language)
    };
    [
        shorten(&format!("{} {}", line.id, names.indicator), INDICATOR_WIDTH),
        shorten(
            if names.unit.is_empty() {
                NONE
            } else {
                names.unit
            },
            UNIT_WIDTH,
        ),
        target,
        actual,
        line.evaluation
            .achievement
            .map_or(NONE.to_owned(), |c| language.percent(c)),
        line.status().label(language),
        explanation,
    ]
}

/// What a reviewer wrote for the line, one labelled line each for *kendala* and
/// *tindak lanjut* (as the monev screen shows them), empty when nothing is written.
/// A milestone carries them itself, a number on its entry at the quarter. The text is
/// kept whole (a printed monev is read for it), its own line breaks made spaces so the
/// table keeps its shape.
fn explanation(indicator: &Indicator, quarter: Quarter, language: Language) -> String {
    let (obstacle, follow_up) = match indicator.kind {
        Kind::Milestone => (&indicator.obstacle, &indicator.follow_up),
        Kind::Level | Kind::Count | Kind::Average => match indicator.target_at(quarter) {
            Some(entry) => (&entry.obstacle, &entry.follow_up),
            None => return String::new(),
        },
    };
    [
        ("cli.review.obstacle", obstacle),
        ("cli.review.follow_up", follow_up),
    ]
    .into_iter()
    .filter_map(|(key, text)| {
        let text = text.as_deref()?.split_whitespace().collect::<Vec<_>>();
        (!text.is_empty()).then(|| format!("{}: {}", tr(language, key), text.join(" ")))
    })
    .collect::<Vec<_>>()
    .join("\n")
}

/// Columns 2–4 (target, actual, achievement) are numbers: right-aligned.
fn table(rows: &[[String; 7]]) -> String {
    aligned(rows, 2..=4)
}

/// `rows` in columns padded to their widest cell; the `numbers` columns right-aligned.
/// A cell with line breaks takes as many lines, the other cells blank below their first.
pub(super) fn aligned<const N: usize>(
    rows: &[[String; N]],
    numbers: std::ops::RangeInclusive<usize>,
) -> String {
    let width = |column: usize| {
        rows.iter()
            .flat_map(|r| r[column].lines())
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..N).map(width).collect();
    let mut out = String::new();
    for cells in rows {
        let height = cells.iter().map(|c| c.lines().count()).max().unwrap_or(0);
        for at in 0..height.max(1) {
            let mut line = String::from("  ");
            for (column, cell) in cells.iter().enumerate() {
                let cell = cell.lines().nth(at).unwrap_or_default();
                let pad = widths[column] - cell.chars().count();
                if numbers.contains(&column) {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                }
                line.push_str("  ");
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

fn summary(roadmap: &Roadmap, report: &ReviewReport, language: Language) -> String {
    let locale = language.code();
    let mut out = String::new();
    let mut push = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    push(&rust_i18n::t!(
        "cli.review.summary",
        locale = locale,
        quarter = language.quarter(report.quarter),
        total = report.summary.total()
    ));
    let labels: Vec<(String, usize)> = Status::PROGRESS_ORDER
        .into_iter()
        .map(|s| (s.label(language), report.summary.get(s)))
        .collect();
    let label_width = labels
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let count_width = report.summary.total().to_string().len();
    for (label, count) in &labels {
        push(&format!(
            "  {label}{}  {count:>count_width$}",
            " ".repeat(label_width - label.chars().count())
        ));
    }
    push(&rust_i18n::t!(
        "cli.review.flagged",
        locale = locale,
        count = report.summary.flagged()
    ));
    push(&rust_i18n::t!(
        "cli.review.unexplained_count",
        locale = locale,
        count = report.unexplained().count()
    ));
    push(&rust_i18n::t!(
        "cli.review.overall_score",
        locale = locale,
        score = scored(roadmap, report.scores.document, language)
    ));
    let previous = language.quarter(report.quarter.previous());
    for (key, ids) in [
        ("cli.review.newly_behind", &report.newly_behind),
        ("cli.review.newly_missing", &report.newly_missing),
        ("cli.review.recovered", &report.recovered),
    ] {
        if !ids.is_empty() {
            push(&rust_i18n::t!(
                key,
                locale = locale,
                quarter = previous,
                ids = ids.join(", ")
            ));
        }
    }
    if roadmap.indicators().any(|(_, _, i)| i.kind == Kind::Count) {
        push(&rust_i18n::t!("cli.review.count_note", locale = locale));
    }
    out
}

/// `82,50 (AA)`: a score with its rating, `-` without one.
pub fn scored(roadmap: &Roadmap, score: Option<f64>, language: Language) -> String {
    let Some(score) = score else {
        return NONE.to_owned();
    };
    match roadmap.scoring().rating.rate(score) {
        Some(rating) => format!("{} ({rating})", language.number(score, 2)),
        None => language.number(score, 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_by_characters() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "ab…");
        assert_eq!(shorten("ééééé", 4), "ééé…");
    }

    #[test]
    fn table_aligns_numbers_right() {
        let cell = |s: &str| s.to_owned();
        let rows = [
            ["Indikator", "OPD", "Target", "R", "C", "S", ""].map(cell),
            ["a", "b", "5", "40,5", "1", "x", "BELUM"].map(cell),
        ];
        let text = table(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "  Indikator  OPD  Target     R  C  S");
        assert_eq!(lines[1], "  a          b         5  40,5  1  x  BELUM");
    }

    #[test]
    fn a_cell_with_line_breaks_takes_as_many_lines() {
        let cell = |s: &str| s.to_owned();
        let rows = [
            ["Indikator", "OPD", "Target", "R", "C", "S", ""].map(cell),
            ["a", "b", "5", "40,5", "1", "x", "K: hujan\nTL: ulang"].map(cell),
            ["c", "d", "6", "7", "8", "y", ""].map(cell),
        ];
        let text = table(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "  a          b         5  40,5  1  x  K: hujan");
        assert_eq!(lines[2], "                                      TL: ulang");
        assert_eq!(lines[3], "  c          d         6     7  8  y");
    }
}
