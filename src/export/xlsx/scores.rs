//! The workbook's scores: weight, score and rating beside each area's counts on the
//! summary sheet (the document's on the total row), and the unit scorecard on a sheet
//! of its own. Scores are real numbers (full precision, shown with two decimals) so a
//! reader can sort and recompute them; ratings are the scale's own words.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::{Styles, fit_height, page_setup, tr, write_text};
use crate::export::rows::{Report, UnitRow};
use crate::locale::Language;

/// The summary sheet's score columns, after the counts: weight, score, rating.
pub(super) const SUMMARY_HEADERS: [&str; 3] =
    ["export.col.weight", "export.col.score", "export.col.rating"];

/// The unit sheet's columns: header key and width in characters.
const UNIT_COLUMNS: [(&str, f64); 9] = [
    ("export.col.rank", 10.0),
    ("export.col.id", 12.0),
    ("export.col.unit", 40.0),
    ("export.col.score", 10.0),
    ("export.col.rating", 14.0),
    ("export.col.indicators", 11.0),
    ("export.col.flagged", 11.0),
    ("export.unexplained", 13.0),
    ("export.col.absorption", 14.0),
];

/// The unit sheet's name.
pub fn units_sheet_name(language: Language) -> String {
    tr(language, "export.sheet_units")
}

fn number_or_blank(
    sheet: &mut Worksheet,
    r: u32,
    col: u16,
    value: Option<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value.filter(|v| v.is_finite()) {
        Some(value) => sheet.write_number_with_format(r, col, value, format)?,
        None => sheet.write_blank(r, col, format)?,
    };
    Ok(())
}

/// A score and its rating at `col` and `col + 1`.
pub(super) fn score_cells(
    sheet: &mut Worksheet,
    r: u32,
    col: u16,
    score: Option<f64>,
    rating: Option<&str>,
    (number, text): (&Format, &Format),
) -> Result<(), XlsxError> {
    number_or_blank(sheet, r, col, score, number)?;
    // Centred, so a short rating (`A`) does not read as part of the score beside it.
    let text = &text.clone().set_align(FormatAlign::Center);
    match rating {
        Some(rating) => write_text(sheet, r, col + 1, rating, text)?,
        None => {
            sheet.write_blank(r, col + 1, text)?;
        }
    }
    Ok(())
}

/// "Nilai keseluruhan: 82,5 A" above the summary table, where a reader looks first.
pub(super) fn overall_line(
    sheet: &mut Worksheet,
    r: u32,
    report: &Report,
    language: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    write_text(
        sheet,
        r,
        0,
        &tr(language, "export.overall_score"),
        &styles.bold,
    )?;
    let plain = Format::new();
    // The score is written larger than the lines above it.
    sheet.set_row_height(r, 20)?;
    score_cells(
        sheet,
        r,
        1,
        report.score,
        report.rating.as_deref(),
        (&styles.overall_score, &styles.bold),
    )?;
    if report.score.is_none() {
        write_text(sheet, r, 1, &tr(language, "export.no_score"), &plain)?;
    }
    Ok(())
}

/// The unit scorecard: the units ranked by score, best first, with what the meeting
/// asks about next (flags, unexplained flags, budget absorption).
pub(super) fn units_sheet(
    sheet: &mut Worksheet,
    report: &Report,
    language: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(units_sheet_name(language))?;
    page_setup(sheet, report, language);
    for (col, (key, width)) in UNIT_COLUMNS.iter().enumerate() {
        let col = col as u16;
        write_text(sheet, 0, col, &tr(language, key), &styles.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_row_height(0, 30)?;
    if report.units.is_empty() {
        write_text(
            sheet,
            1,
            0,
            &tr(language, "export.no_units"),
            &Format::new(),
        )?;
        return Ok(());
    }
    for (at, unit) in report.units.iter().enumerate() {
        unit_row(sheet, at as u32 + 1, unit, styles)?;
    }
    let last_row = report.units.len() as u32;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, UNIT_COLUMNS.len() as u16 - 1)?;
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

fn unit_row(
    sheet: &mut Worksheet,
    r: u32,
    unit: &UnitRow,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(r, 0, unit.rank as f64, &styles.count)?;
    write_text(sheet, r, 1, &unit.id, &styles.text)?;
    write_text(sheet, r, 2, &unit.name, &styles.text)?;
    fit_height(sheet, r, &unit.name, UNIT_COLUMNS[2].1)?;
    score_cells(
        sheet,
        r,
        3,
        unit.score,
        unit.rating.as_deref(),
        (&styles.score, &styles.text),
    )?;
    for (col, count) in [
        (5, unit.indicators),
        (6, unit.flagged),
        (7, unit.unexplained),
    ] {
        let format = if col == 7 && count > 0 {
            &styles.flag_count
        } else {
            &styles.count
        };
        sheet.write_number_with_format(r, col, count as f64, format)?;
    }
    number_or_blank(sheet, r, 8, unit.absorption, &styles.achievement)?;
    Ok(())
}
