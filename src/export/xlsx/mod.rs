//! The review as an Excel workbook: the review table (frozen bold header, filters,
//! coloured statuses, real numbers), a summary sheet with the counts and scores per
//! area, and the unit scorecard (see [`scores`]).
//!
//! Every text goes through [`write_text`], which uses `write_string` (never a formula)
//! and marks text that looks like a formula with Excel's quote prefix, so it stays
//! text even when someone edits the cell later.

mod scores;

use std::borrow::Cow;

use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::ExportError;
use super::rows::{Report, ReportRow, starts_like_formula};
use crate::locale::Language;
use crate::model::{Direction, Kind, Quarter, Roadmap};
use crate::review::{Counts, Status};

/// Excel's limit on the characters of one cell (UTF-16 units).
const MAX_CELL_CHARS: usize = 32_767;

/// Excel number formats; Excel shows them with the reader's own decimal separator.
const ACHIEVEMENT_FORMAT: &str = "0.0";
const VALUE_FORMAT: &str = "#,##0.##";
const WHOLE_FORMAT: &str = "#,##0";
/// Scores keep full precision in the cell and show two decimals.
const SCORE_FORMAT: &str = "0.00";

/// The workbook bytes of the review of `roadmap` at `quarter`.
pub fn workbook(
    roadmap: &Roadmap,
    quarter: Quarter,
    language: Language,
) -> Result<Vec<u8>, ExportError> {
    render(&Report::build(roadmap, quarter), language)
}

/// The workbook bytes of a built `report`.
pub fn render(report: &Report, language: Language) -> Result<Vec<u8>, ExportError> {
    build(report, language).map_err(|error| ExportError::Workbook {
        message: error.to_string(),
    })
}

/// The review sheet's name, e.g. "Monev TW III 2025".
pub fn review_sheet_name(quarter: Quarter, language: Language) -> String {
    rust_i18n::t!(
        "export.sheet_review",
        locale = language.code(),
        quarter = language.quarter(quarter)
    )
    .into_owned()
}

/// The summary sheet's name.
pub fn summary_sheet_name(language: Language) -> String {
    tr(language, "export.sheet_summary")
}

pub(crate) use crate::text::tr;
pub use scores::units_sheet_name;

pub(super) struct Styles {
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) value: Format,
    pub(super) whole: Format,
    achievement: Format,
    flag: Format,
    pub(super) title: Format,
    bold: Format,
    count: Format,
    total_text: Format,
    total_count: Format,
    score: Format,
    total_score: Format,
    overall_score: Format,
    flag_count: Format,
}

/// A cell of the house's tables: top-aligned with a thin grey border (reports,
/// the whole workbook and the OPD forms look alike).
pub fn table_cell() -> Format {
    Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(BORDER_COLOR))
}

/// A heading cell of the house's tables: `cell` bold, wrapped, on a grey-blue fill.
pub fn table_heading(cell: &Format) -> Format {
    cell.clone()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDCE3EC))
}

/// The grey of table borders.
const BORDER_COLOR: u32 = 0xB0B8C1;

impl Styles {
    pub(super) fn new() -> Self {
        let cell = table_cell();
        Self {
            header: table_heading(&cell),
            text: cell.clone().set_text_wrap(),
            value: cell.clone().set_num_format(VALUE_FORMAT),
            whole: cell.clone().set_num_format(WHOLE_FORMAT),
            achievement: cell.clone().set_num_format(ACHIEVEMENT_FORMAT),
            flag: cell.clone().set_bold().set_font_color(Color::RGB(0x8F1D12)),
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            count: cell.clone().set_num_format("0"),
            score: cell.clone().set_num_format(SCORE_FORMAT),
            flag_count: cell
                .clone()
                .set_num_format("0")
                .set_bold()
                .set_font_color(Color::RGB(0x8F1D12)),
            overall_score: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_num_format(SCORE_FORMAT)
                .set_align(FormatAlign::Left),
            total_score: cell
                .clone()
                .set_bold()
                .set_num_format(SCORE_FORMAT)
                .set_background_color(Color::RGB(0xF1F4F8)),
            total_text: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF1F4F8)),
            total_count: cell
                .set_bold()
                .set_num_format("0")
                .set_background_color(Color::RGB(0xF1F4F8)),
        }
    }

    /// Fill and font colour per status; the word is always written too.
    fn status(status: Status) -> Format {
        let (fill, font) = match status {
            Status::Behind => (0xF8C9C3, 0x7A1409),
            Status::Missing => (0xE9CFF2, 0x4E1460),
            Status::AtRisk => (0xFFE8A3, 0x5C3D00),
            Status::OnTrack => (0xCDEBD1, 0x1B5E20),
            Status::NotDue => (0xE6ECF2, 0x37474F),
            Status::NoTarget => (0xF2F2F2, 0x555555),
        };
        let format = table_cell()
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(font));
        if status.is_flagged() {
            format.set_bold()
        } else {
            format
        }
    }
}

/// Writes user or translated text as a string cell, never a formula.
pub(crate) fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let text = fit(text);
    if starts_like_formula(&text) {
        sheet.write_string_with_format(row, col, text, &format.clone().set_quote_prefix())?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// Cuts text to what one cell holds, marking the cut; the roadmap file keeps it whole.
pub(crate) fn fit(text: &str) -> Cow<'_, str> {
    if text.encode_utf16().count() <= MAX_CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut out = String::new();
    for c in text.chars() {
        units += c.len_utf16();
        if units > MAX_CELL_CHARS - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Targets and actuals: grouped, up to two decimals. Whole numbers get a format
/// without decimals because Excel shows `#,##0.##` as `45.` for them.
pub(super) fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match value {
        Some(value) if (value * 100.0).round() % 100.0 == 0.0 => {
            sheet.write_number_with_format(row, col, value, &styles.whole)?
        }
        Some(value) => sheet.write_number_with_format(row, col, value, &styles.value)?,
        None => sheet.write_blank(row, col, &styles.value)?,
    };
    Ok(())
}

/// The review table's columns: header key and width in characters.
const COLUMNS: [(&str, f64); 19] = [
    ("export.col.id", 10.0),
    ("export.col.area", 22.0),
    ("export.col.program", 28.0),
    ("export.col.responsible", 22.0),
    ("export.col.indicator", 42.0),
    ("export.col.kind", 18.0),
    ("export.col.measure", 10.0),
    ("export.col.direction", 22.0),
    ("export.col.target", 12.0),
    ("export.col.actual", 12.0),
    ("export.col.achievement", 11.0),
    ("status", 17.0),
    ("export.unexplained", 11.0),
    ("export.obstacle", 32.0),
    ("export.follow_up", 32.0),
    ("export.note", 28.0),
    ("export.evidence", 32.0),
    ("export.col.due", 12.0),
    ("export.col.done", 12.0),
];

fn build(report: &Report, language: Language) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(fit(&report.roadmap.title).into_owned())
            .set_subject(format!(
                "{} {}",
                tr(language, "export.report_title"),
                language.quarter(report.quarter)
            ))
            .set_company(fit(&report.roadmap.institution).into_owned()),
    );
    review_sheet(book.add_worksheet(), report, language, &styles)?;
    summary_sheet(book.add_worksheet(), report, language, &styles)?;
    scores::units_sheet(book.add_worksheet(), report, language, &styles)?;
    book.save_to_buffer()
}

fn page_setup(sheet: &mut Worksheet, report: &Report, language: Language) {
    // Only our own words go into the print header: `&` starts a header code there.
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_header(format!(
            "&L{} {}&R&P / &N",
            tr(language, "export.report_title"),
            language.quarter(report.quarter)
        ));
}

fn review_sheet(
    sheet: &mut Worksheet,
    report: &Report,
    language: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(review_sheet_name(report.quarter, language))?;
    page_setup(sheet, report, language);
    let mut header_lines = 1;
    for (col, (key, width)) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        let label = if *key == "status" {
            tr(language, "export.col.status")
        } else {
            tr(language, key)
        };
        write_text(sheet, 0, col, &label, &styles.header)?;
        sheet.set_column_width(col, *width)?;
        header_lines = header_lines.max(lines_in(&label, *width));
    }
    sheet.set_row_height(0, LINE_HEIGHT * header_lines as f64)?;
    for (index, row) in report.rows.iter().enumerate() {
        review_row(sheet, index as u32 + 1, row, language, styles)?;
    }
    let last_row = report.rows.len() as u32;
    let last_col = COLUMNS.len() as u16 - 1;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

fn review_row(
    sheet: &mut Worksheet,
    r: u32,
    row: &ReportRow,
    language: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let quarter = |q: Option<Quarter>| q.map(|q| language.quarter(q)).unwrap_or_default();
    let direction = match (row.kind, row.direction) {
        (Kind::Milestone, _) => String::new(),
        (_, Direction::HigherIsBetter) => tr(language, "direction.HigherIsBetter"),
        (_, Direction::LowerIsBetter) => tr(language, "direction.LowerIsBetter"),
        (_, Direction::WithinRange) => tr(language, "direction.WithinRange"),
    };
    let texts: [(u16, String); 15] = [
        (0, row.id.clone()),
        (1, row.area.clone()),
        (2, row.program.clone()),
        (3, row.responsible.clone().unwrap_or_default()),
        (4, row.indicator.clone()),
        (5, tr(language, &format!("kind.{:?}", row.kind))),
        (6, row.measure.clone()),
        (7, direction),
        (13, row.obstacle.clone().unwrap_or_default()),
        (14, row.follow_up.clone().unwrap_or_default()),
        (15, row.note.clone().unwrap_or_default()),
        (16, row.evidence.join("\n")),
        (17, quarter(row.due)),
        (18, quarter(row.done)),
        (12, String::new()),
    ];
    for (col, text) in &texts {
        if text.is_empty() {
            sheet.write_blank(r, *col, &styles.text)?;
        } else {
            write_text(sheet, r, *col, text, &styles.text)?;
        }
    }
    write_value(sheet, r, 8, row.target, styles)?;
    write_value(sheet, r, 9, row.actual, styles)?;
    match row.achievement {
        Some(value) => sheet.write_number_with_format(r, 10, value, &styles.achievement)?,
        None => sheet.write_blank(r, 10, &styles.achievement)?,
    };
    write_text(
        sheet,
        r,
        11,
        &row.status.label(language),
        &Styles::status(row.status),
    )?;
    if row.unexplained {
        write_text(sheet, r, 12, &tr(language, "export.yes"), &styles.flag)?;
    }
    let lines = texts
        .iter()
        .map(|(col, text)| lines_in(text, COLUMNS[usize::from(*col)].1))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        sheet.set_row_height(r, LINE_HEIGHT * lines as f64)?;
    }
    Ok(())
}

/// The summary sheet's score column: after area, element, a count per status, the
/// total, the unexplained and the weight.
const SCORE_COLUMN: u16 = 2 + Status::ALL.len() as u16 + 3;

/// The summary sheet's first column: area and indicator names.
const SUMMARY_FIRST_WIDTH: f64 = 40.0;

fn fit_height(sheet: &mut Worksheet, r: u32, text: &str, width: f64) -> Result<(), XlsxError> {
    let lines = lines_in(text, width);
    if lines > 1 {
        sheet.set_row_height(r, LINE_HEIGHT * lines as f64)?;
    }
    Ok(())
}

/// Points per line of the default 11 pt font.
pub(crate) const LINE_HEIGHT: f64 = 15.0;

/// Rows taller than this many lines are cut (the cell still holds all the text).
const MAX_LINES: usize = 12;

/// About how many lines `text` wraps to in a column `width` characters wide.
///
/// Neither LibreOffice nor Excel fits row heights to wrapped text when it opens a
/// file, so without this the rows stay one line high and the text looks cut off.
/// Average proportional text is a little narrower than the `0` a width counts in.
pub(crate) fn lines_in(text: &str, width: f64) -> usize {
    let per_line = (width * 1.1 - 1.0).max(1.0);
    let lines: usize = text
        .split('\n')
        .map(|paragraph| {
            ((paragraph.chars().count() as f64) / per_line)
                .ceil()
                .max(1.0) as usize
        })
        .sum();
    lines.clamp(1, MAX_LINES)
}

fn summary_sheet(
    sheet: &mut Worksheet,
    report: &Report,
    language: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(summary_sheet_name(language))?;
    page_setup(sheet, report, language);
    let roadmap = report.roadmap;
    write_text(sheet, 0, 0, &roadmap.title, &styles.title)?;
    write_text(sheet, 1, 0, &roadmap.institution, &Format::new())?;
    write_text(sheet, 2, 0, &tr(language, "export.quarter"), &styles.bold)?;
    write_text(
        sheet,
        2,
        1,
        &language.quarter(report.quarter),
        &Format::new(),
    )?;
    write_text(sheet, 3, 0, &tr(language, "export.period"), &styles.bold)?;
    write_text(
        sheet,
        3,
        1,
        &format!("{}–{}", roadmap.period.start, roadmap.period.end),
        &Format::new(),
    )?;
    scores::overall_line(sheet, 4, report, language, styles)?;

    let header_row = 5;
    let mut col = 0;
    for label in [
        tr(language, "export.col.area"),
        tr(language, "export.col.element"),
    ] {
        write_text(sheet, header_row, col, &label, &styles.header)?;
        col += 1;
    }
    for status in Status::ALL {
        let format = Styles::status(status).set_bold().set_text_wrap();
        write_text(sheet, header_row, col, &status.label(language), &format)?;
        col += 1;
    }
    write_text(
        sheet,
        header_row,
        col,
        &tr(language, "export.total"),
        &styles.header,
    )?;
    write_text(
        sheet,
        header_row,
        col + 1,
        &tr(language, "export.unexplained"),
        &styles.header,
    )?;
    for (at, key) in scores::SUMMARY_HEADERS.iter().enumerate() {
        write_text(
            sheet,
            header_row,
            SCORE_COLUMN - 1 + at as u16,
            &tr(language, key),
            &styles.header,
        )?;
    }

    let mut r = header_row + 1;
    for area in &report.areas {
        write_text(sheet, r, 0, &area.name, &styles.text)?;
        fit_height(sheet, r, &area.name, SUMMARY_FIRST_WIDTH)?;
        let element = tr(language, &format!("element.{:?}", area.element));
        write_text(sheet, r, 1, &element, &styles.text)?;
        counts_cells(sheet, r, &area.counts, area.unexplained, &styles.count)?;
        sheet.write_number_with_format(r, SCORE_COLUMN - 1, area.weight, &styles.value)?;
        scores::score_cells(
            sheet,
            r,
            SCORE_COLUMN,
            area.score,
            area.rating.as_deref(),
            (&styles.score, &styles.text),
        )?;
        r += 1;
    }
    write_text(
        sheet,
        r,
        0,
        &tr(language, "export.total"),
        &styles.total_text,
    )?;
    sheet.write_blank(r, 1, &styles.total_text)?;
    counts_cells(
        sheet,
        r,
        &report.summary,
        report.unexplained_count(),
        &styles.total_count,
    )?;
    sheet.write_blank(r, SCORE_COLUMN - 1, &styles.total_text)?;
    scores::score_cells(
        sheet,
        r,
        SCORE_COLUMN,
        report.score,
        report.rating.as_deref(),
        (&styles.total_score, &styles.total_text),
    )?;

    sheet.set_column_width(0, SUMMARY_FIRST_WIDTH)?;
    sheet.set_column_width(1, 16)?;
    for c in 2..=SCORE_COLUMN {
        sheet.set_column_width(c, 12)?;
    }
    sheet.set_column_width(SCORE_COLUMN + 1, 16)?;
    sheet.set_row_height(header_row, 30)?;

    r += 2;
    for (key, indices) in [
        ("export.newly_behind", &report.newly_behind),
        ("export.newly_missing", &report.newly_missing),
        ("export.recovered", &report.recovered),
    ] {
        write_text(
            sheet,
            r,
            0,
            &format!("{} ({})", tr(language, key), indices.len()),
            &styles.bold,
        )?;
        r += 1;
        for &index in indices {
            let row = &report.rows[index];
            write_text(sheet, r, 0, &row.indicator, &styles.text)?;
            fit_height(sheet, r, &row.indicator, SUMMARY_FIRST_WIDTH)?;
            write_text(sheet, r, 2, &row.id, &styles.text)?;
            write_text(
                sheet,
                r,
                1,
                &row.status.label(language),
                &Styles::status(row.status),
            )?;
            r += 1;
        }
        r += 1;
    }
    Ok(())
}

fn counts_cells(
    sheet: &mut Worksheet,
    r: u32,
    counts: &Counts,
    unexplained: usize,
    format: &Format,
) -> Result<(), XlsxError> {
    let mut col = 2;
    for status in Status::ALL {
        sheet.write_number_with_format(r, col, counts.get(status) as f64, format)?;
        col += 1;
    }
    sheet.write_number_with_format(r, col, counts.total() as f64, format)?;
    sheet.write_number_with_format(r, col + 1, unexplained as f64, format)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_one_cell() {
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with('…'));
        assert!(matches!(fit("pendek"), Cow::Borrowed("pendek")));
        // A character outside the BMP takes two units and is never split.
        let emoji = "😀".repeat(MAX_CELL_CHARS);
        assert!(fit(&emoji).encode_utf16().count() <= MAX_CELL_CHARS);
    }

    #[test]
    fn sheet_names_are_valid_for_excel() {
        for language in Language::ALL {
            for quarter in [
                Quarter::new(2025, 3).unwrap(),
                Quarter::new(2029, 4).unwrap(),
            ] {
                let name = review_sheet_name(quarter, language);
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }
}
