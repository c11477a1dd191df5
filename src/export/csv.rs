//! The review as a CSV table, for other programs more than for people.
//!
//! Choices, so that the file reads the same everywhere:
//! - UTF-8 with a byte order mark: without it Excel guesses a legacy code page and
//!   mangles Indonesian text.
//! - Comma separated, and numbers with a dot decimal and no grouping (`86.66666666666667`,
//!   `150000000`), at full precision: what scripts, databases and pandas read without
//!   settings. People who want `86,7%` in a spreadsheet get it from the XLSX export;
//!   an Excel set to Indonesian regional settings expects `;` and decimal commas and
//!   should import this file with Data → From Text/CSV.
//! - The header names are fixed English keys (stable for scripts); `status` is the spec's
//!   key (`behind`) and `status_label` the word in the chosen language.
//! - Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//!   tab or carriage return) is written with a leading `'`. Numbers are never prefixed,
//!   so a negative achievement stays a number.
//! - Several evidence links are separated by line breaks inside the one quoted field.
//! - The format version 2 columns (`upper`, `score`, `owner`, `quick_win`) come last,
//!   so that the columns scripts already read keep their places.

use super::rows::{Report, ReportRow, starts_like_formula};
use crate::locale::Language;
use crate::model::{Direction, Kind, Quarter, Roadmap};

/// The header row.
pub const HEADER: [&str; 24] = [
    "id",
    "area",
    "program",
    "responsible_unit",
    "indicator",
    "kind",
    "unit_of_measure",
    "direction",
    "target",
    "actual",
    "achievement",
    "status",
    "status_label",
    "unexplained",
    "obstacle",
    "follow_up",
    "note",
    "evidence",
    "due",
    "done",
    "upper",
    "score",
    "owner",
    "quick_win",
];

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The CSV bytes (with BOM) of the review of `roadmap` at `quarter`.
pub fn table(roadmap: &Roadmap, quarter: Quarter, language: Language) -> Vec<u8> {
    render(&Report::build(roadmap, quarter), language)
}

/// The CSV bytes of a built `report`.
pub fn render(report: &Report, language: Language) -> Vec<u8> {
    let mut out = BOM.to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing to a Vec cannot fail, and every record has the header's length.
        writer
            .write_record(HEADER)
            .expect("writing CSV to memory cannot fail");
        for row in &report.rows {
            writer
                .write_record(record(row, language))
                .expect("writing CSV to memory cannot fail");
        }
        writer.flush().expect("writing CSV to memory cannot fail");
    }
    out
}

fn record(row: &ReportRow, language: Language) -> [String; 24] {
    let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    let quarter = |value: Option<Quarter>| value.map(|q| q.to_string()).unwrap_or_default();
    [
        text(&row.id),
        text(&row.area),
        text(&row.program),
        text(row.responsible.as_deref().unwrap_or("")),
        text(&row.indicator),
        kind_key(row.kind).to_owned(),
        text(&row.measure),
        direction_key(row.direction).to_owned(),
        number(row.target),
        number(row.actual),
        number(row.achievement),
        row.status.key().to_owned(),
        text(&row.status.label(language)),
        row.unexplained.to_string(),
        text(row.obstacle.as_deref().unwrap_or("")),
        text(row.follow_up.as_deref().unwrap_or("")),
        text(row.note.as_deref().unwrap_or("")),
        text(&row.evidence.join("\n")),
        quarter(row.due),
        quarter(row.done),
        number(row.upper),
        number(row.score),
        text(row.owner.as_deref().unwrap_or("")),
        row.quick_win.to_string(),
    ]
}

/// A text cell that no spreadsheet runs as a formula.
pub fn text(value: &str) -> String {
    if starts_like_formula(value) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// The names used in roadmap files.
fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Level => "Level",
        Kind::Count => "Count",
        Kind::Milestone => "Milestone",
        Kind::Average => "Average",
    }
}

fn direction_key(direction: Direction) -> &'static str {
    match direction {
        Direction::HigherIsBetter => "HigherIsBetter",
        Direction::LowerIsBetter => "LowerIsBetter",
        Direction::WithinRange => "WithinRange",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_are_defused_and_others_kept() {
        for (raw, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+628123", "'+628123"),
            ("-12", "'-12"),
            ("@cmd", "'@cmd"),
            ("\t=1", "'\t=1"),
            ("Rapat ke-2", "Rapat ke-2"),
            ("", ""),
        ] {
            assert_eq!(text(raw), written, "{raw:?}");
        }
    }

    #[test]
    fn starts_with_a_bom_and_the_header() {
        let roadmap = Roadmap::new(
            "t",
            "i",
            crate::model::Period {
                start: 2025,
                end: 2025,
            },
        );
        let bytes = table(
            &roadmap,
            Quarter::new(2025, 1).unwrap(),
            Language::Indonesian,
        );
        assert!(bytes.starts_with(BOM));
        let text = std::str::from_utf8(&bytes[BOM.len()..]).unwrap();
        assert_eq!(text, format!("{}\r\n", HEADER.join(",")));
    }
}
