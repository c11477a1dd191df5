//! The whole roadmap as a *rencana aksi* workbook, the wide layout offices keep:
//! title rows, a two-row header (`TARGET 2025` over `TW I … TW IV`, and so for
//! realisasi, kendala and tindak lanjut of every year), a row of column numbers, one
//! row per indicator with area, program, unit and budget merged over their rows.
//! `import` reads it back to the same roadmap (see README for what it cannot hold).

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::xlsx::{LINE_HEIGHT, Styles, fit, lines_in, tr, write_text, write_value};
use crate::locale::Language;
use crate::model::{Direction, Indicator, Kind, Quarter, Roadmap};

/// Rows of the title block, the header and the column numbers.
const TITLE_ROWS: u32 = 4;
const HEADER_ROW: u32 = TITLE_ROWS;
const NUMBER_ROW: u32 = HEADER_ROW + 2;
const FIRST_DATA_ROW: u32 = NUMBER_ROW + 1;

/// The columns before the quarters: heading key and width.
const FIXED: [(&str, f64); 11] = [
    ("whole.col.number", 5.0),
    ("whole.col.area", 20.0),
    ("whole.col.program", 26.0),
    ("whole.col.unit", 20.0),
    ("whole.col.budget", 15.0),
    ("whole.col.indicator", 40.0),
    ("whole.col.kind", 12.0),
    ("whole.col.measure", 10.0),
    ("whole.col.polarity", 10.0),
    ("whole.col.baseline", 10.0),
    ("whole.col.note", 24.0),
];
const INDICATOR_COL: u16 = 5;

/// The four groups of every year: heading key and column width.
const GROUPS: [(&str, f64); 4] = [
    ("whole.group.target", 8.0),
    ("whole.group.actual", 8.0),
    ("whole.group.obstacle", 22.0),
    ("whole.group.follow_up", 22.0),
];

/// The workbook bytes of the whole roadmap.
pub fn workbook(roadmap: &Roadmap, language: Language) -> Result<Vec<u8>, ExportError> {
    build(roadmap, language).map_err(|error| ExportError::Workbook {
        message: error.to_string(),
    })
}

fn quarter_label(quarter: u8, language: Language) -> String {
    rust_i18n::t!(
        "whole.quarter",
        locale = language.code(),
        roman = ["I", "II", "III", "IV"][usize::from(quarter - 1)],
        number = quarter
    )
    .into_owned()
}

/// The first column of `group` (0..4) of the `year_index`th year.
fn group_col(year_index: usize, group: usize) -> u16 {
    (FIXED.len() + (year_index * GROUPS.len() + group) * 4) as u16
}

fn build(roadmap: &Roadmap, language: Language) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let centered = styles.header.clone().set_align(FormatAlign::Center);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(fit(&roadmap.title).into_owned())
            .set_company(fit(&roadmap.institution).into_owned()),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(tr(language, "whole.sheet"))?;
    // A3 landscape; the indicator columns repeat on every printed page.
    sheet
        .set_paper_size(8)
        .set_landscape()
        .set_print_scale(PRINT_SCALE);
    write_text(sheet, 0, 0, &roadmap.title, &styles.title)?;
    write_text(sheet, 1, 0, &roadmap.institution, &Format::new().set_bold())?;
    let period = format!(
        "{} {}–{}",
        tr(language, "export.period"),
        roadmap.period.start,
        roadmap.period.end
    );
    write_text(sheet, 2, 0, &period, &Format::new())?;

    for (col, (key, width)) in FIXED.iter().enumerate() {
        let col = col as u16;
        sheet.merge_range(
            HEADER_ROW,
            col,
            HEADER_ROW + 1,
            col,
            &tr(language, key),
            &centered,
        )?;
        sheet.set_column_width(col, *width)?;
    }
    let years: Vec<i32> = roadmap.period.years().collect();
    for (y, year) in years.iter().enumerate() {
        for (g, (key, width)) in GROUPS.iter().enumerate() {
            let first = group_col(y, g);
            let label = rust_i18n::t!(*key, locale = language.code(), year = year).into_owned();
            sheet.merge_range(HEADER_ROW, first, HEADER_ROW, first + 3, &label, &centered)?;
            for q in 1..=4u8 {
                let col = first + u16::from(q) - 1;
                write_text(
                    sheet,
                    HEADER_ROW + 1,
                    col,
                    &quarter_label(q, language),
                    &centered,
                )?;
                sheet.set_column_width(col, *width)?;
            }
        }
    }
    let last_col = group_col(years.len(), 0) - 1;
    for col in 0..=last_col {
        sheet.write_number_with_format(NUMBER_ROW, col, f64::from(col) + 1.0, &centered)?;
    }
    sheet.set_row_height(HEADER_ROW, LINE_HEIGHT * 2.0)?;

    let mut r = FIRST_DATA_ROW;
    let mut number = 0;
    // Lines of text per data row, from `FIRST_DATA_ROW`: the tallest cell of the row,
    // then more where a merged area or program name needs more than its rows give.
    let mut lines: Vec<usize> = Vec::new();
    for area in &roadmap.areas {
        let area_start = r;
        for program in &area.programs {
            let program_start = r;
            let unit = program
                .unit
                .as_deref()
                .map(|id| roadmap.unit(id).map_or(id, |unit| unit.name.as_str()))
                .unwrap_or_default();
            if program.indicators.is_empty() {
                blank_row(sheet, r, last_col, &styles)?;
                lines.push(1);
                r += 1;
            }
            for indicator in &program.indicators {
                number += 1;
                lines.push(indicator_row(
                    sheet, r, number, indicator, &years, language, &styles,
                )?);
                r += 1;
            }
            let needed = [(2, program.name.as_str()), (3, unit)]
                .iter()
                .map(|(col, text)| lines_in(text, FIXED[*col].1))
                .max()
                .unwrap_or(1);
            make_room(&mut lines, program_start, r - 1, needed);
            let texts = [(2, program.name.as_str()), (3, unit)];
            for (col, text) in texts {
                merged_text(sheet, program_start, r - 1, col, text, &styles.text)?;
            }
            if r - 1 > program_start {
                sheet.merge_range(program_start, 4, r - 1, 4, "", &styles.whole)?;
            }
            match program.budget {
                Some(budget) => sheet.write_number_with_format(
                    program_start,
                    4,
                    budget as f64,
                    &styles.whole,
                )?,
                None => sheet.write_blank(program_start, 4, &styles.whole)?,
            };
        }
        if area.programs.is_empty() {
            blank_row(sheet, r, last_col, &styles)?;
            lines.push(1);
            r += 1;
        }
        merged_text(sheet, area_start, r - 1, 1, &area.name, &styles.text)?;
        make_room(
            &mut lines,
            area_start,
            r - 1,
            lines_in(&area.name, FIXED[1].1),
        );
    }
    // Neither LibreOffice nor Excel fits row heights to wrapped text on opening.
    for (at, &count) in lines.iter().enumerate() {
        if count > 1 {
            sheet.set_row_height(FIRST_DATA_ROW + at as u32, LINE_HEIGHT * count as f64)?;
        }
    }
    sheet.set_vertical_page_breaks(&page_breaks(years.len()))?;
    sheet.set_freeze_panes(FIRST_DATA_ROW, INDICATOR_COL + 1)?;
    sheet.set_repeat_rows(HEADER_ROW, NUMBER_ROW)?;
    sheet.set_repeat_columns(0, INDICATOR_COL)?;
    book.save_to_buffer()
}

/// Printed at this percentage on A3, a year's targets and realisasi share a page
/// beside the repeated indicator columns, and its kendala and its tindak lanjut have
/// a page each, in a type still readable (about 7 pt).
const PRINT_SCALE: u16 = 65;

/// Where printed pages break across: before each group of a year but its realisasi,
/// which shares the page of its targets (on the first page too, where the columns
/// after the indicator take the room, it starts its own). Without them a page broke
/// inside a group, cutting its heading (`TARGET 2025`) in two, and the sample
/// printed on 252 pages; with them on 32.
fn page_breaks(years: usize) -> Vec<u32> {
    (0..years)
        .flat_map(|y| {
            let pair = if y == 0 {
                group_col(y, 1)
            } else {
                group_col(y, 0)
            };
            [pair, group_col(y, 2), group_col(y, 3)]
        })
        .map(u32::from)
        .collect()
}

/// Grows the last of the data rows `first..=last` so that together they hold `needed`
/// lines: the text of a cell merged over them.
fn make_room(lines: &mut [usize], first: u32, last: u32, needed: usize) {
    let rows = (first - FIRST_DATA_ROW) as usize..=(last - FIRST_DATA_ROW) as usize;
    let have: usize = lines[rows.clone()].iter().sum();
    if have < needed {
        lines[*rows.end()] += needed - have;
    }
}

/// A row for an area or program without indicators, so that it is kept.
fn blank_row(
    sheet: &mut Worksheet,
    r: u32,
    last_col: u16,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for col in 0..=last_col {
        sheet.write_blank(r, col, &styles.text)?;
    }
    Ok(())
}

/// Text in a column merged over rows `first..=last` (a plain cell for one row).
fn merged_text(
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if last > first {
        sheet.merge_range(first, col, last, col, "", format)?;
    }
    if text.is_empty() {
        sheet.write_blank(first, col, format)?;
    } else {
        write_text(sheet, first, col, text, format)?;
    }
    Ok(())
}

/// Writes an indicator's row; returns how many lines its tallest cell needs.
fn indicator_row(
    sheet: &mut Worksheet,
    r: u32,
    number: u32,
    indicator: &Indicator,
    years: &[i32],
    language: Language,
    styles: &Styles,
) -> Result<usize, XlsxError> {
    sheet.write_number_with_format(r, 0, f64::from(number), &styles.whole)?;
    let polarity = match (indicator.kind, indicator.direction) {
        (Kind::Milestone, _) => String::new(),
        (_, Direction::HigherIsBetter) => tr(language, "whole.polarity.positive"),
        (_, Direction::LowerIsBetter) => tr(language, "whole.polarity.negative"),
        (_, Direction::WithinRange) => tr(language, "whole.polarity.range"),
    };
    let texts = [
        (INDICATOR_COL, indicator.name.clone()),
        (6, tr(language, &format!("kind.{:?}", indicator.kind))),
        (7, indicator.unit.clone()),
        (8, polarity),
        (10, indicator.note.clone().unwrap_or_default()),
    ];
    for (col, text) in &texts {
        if text.is_empty() {
            sheet.write_blank(r, *col, &styles.text)?;
        } else {
            write_text(sheet, r, *col, text, &styles.text)?;
        }
    }
    write_value(sheet, r, 9, indicator.baseline, styles)?;
    let mut lines = texts
        .iter()
        .map(|(col, text)| lines_in(text, FIXED[usize::from(*col)].1))
        .max()
        .unwrap_or(1);
    for (y, year) in years.iter().enumerate() {
        for q in 1..=4u8 {
            let quarter = Quarter::new(*year, q).expect("1..=4");
            let offset = u16::from(q) - 1;
            let (target, actual, obstacle, follow_up) = match indicator.kind {
                // A milestone is target 1 in its due quarter, realisasi 1 when done.
                Kind::Milestone => (
                    (indicator.due == Some(quarter)).then_some(1.0),
                    (indicator.done == Some(quarter)).then_some(1.0),
                    "",
                    "",
                ),
                Kind::Level | Kind::Count | Kind::Average => match indicator.target_at(quarter) {
                    Some(entry) => (
                        Some(entry.target),
                        entry.actual,
                        entry.obstacle.as_deref().unwrap_or_default(),
                        entry.follow_up.as_deref().unwrap_or_default(),
                    ),
                    None => (None, None, "", ""),
                },
            };
            write_value(sheet, r, group_col(y, 0) + offset, target, styles)?;
            write_value(sheet, r, group_col(y, 1) + offset, actual, styles)?;
            for (g, text) in [(2, obstacle), (3, follow_up)] {
                let col = group_col(y, g) + offset;
                if text.is_empty() {
                    sheet.write_blank(r, col, &styles.text)?;
                } else {
                    write_text(sheet, r, col, text, &styles.text)?;
                    lines = lines.max(lines_in(text, GROUPS[g].1));
                }
            }
        }
    }
    Ok(lines)
}
