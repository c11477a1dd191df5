//! A unit's form as an Excel workbook.
//!
//! The visible sheet has a title, instructions in the user's language, and one row per
//! indicator: what it is (locked) and the cells the unit fills (unlocked, yellow).
//! Every column carries a machine key in a hidden row just above the header, so a
//! returned form is read by key and by each row's indicator id (column A), never by
//! position: rows may be sorted, hidden or deleted. The hidden sheet [`META_SHEET`]
//! carries the form's [`Identity`] and the values each row was made from.
//!
//! Text is always written as text (never a formula), quote-prefixed when it looks like
//! one; fill-in text cells are formatted as text, so a `=HYPERLINK(...)` typed there
//! stays text in Excel and LibreOffice.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, Format, FormatAlign,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::plan::{FormRow, UnitForm, plan};
use super::value::{DONE_WORD, Field, NOT_DONE_WORD, Value};
use super::{FORM_LAYOUT, Identity, META_SHEET};
use crate::export::xlsx::{LINE_HEIGHT, fit, lines_in, table_cell, table_heading, tr, write_text};
use crate::file::{SaveError, write_atomically};
use crate::locale::Language;
use crate::model::{Kind, Quarter, Roadmap};

/// The first cell of the hidden sheet: what makes a workbook one of our forms.
pub const META_MARK: &str = "reform-roadmap form";

/// Prefix of the column keys in the hidden key row.
pub const KEY_PREFIX: &str = "rr:";

/// The visible columns: key (after [`KEY_PREFIX`]) and width in characters.
pub const COLUMNS: [(&str, f64); 13] = [
    ("id", 11.0),
    ("area", 18.0),
    ("program", 24.0),
    ("indicator", 40.0),
    ("measure", 10.0),
    ("target", 11.0),
    ("target_to_date", 11.0),
    ("previous_actual", 11.0),
    ("actual", 13.0),
    ("obstacle", 30.0),
    ("follow_up", 30.0),
    ("evidence", 30.0),
    ("note", 24.0),
];

/// Instruction lines at the top of the form.
const INSTRUCTIONS: [&str; 6] = [
    "forms.sheet.instruction.fill",
    "forms.sheet.instruction.numbers",
    "forms.sheet.instruction.explain",
    "forms.sheet.instruction.evidence",
    "forms.sheet.instruction.keep",
    "forms.sheet.instruction.return",
];

/// Why forms were not written. Cloneable so it can travel in a GUI message.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FormError {
    #[error("could not build the form workbook: {message}")]
    Workbook { message: String },
    #[error("no unit reports anything at {quarter}")]
    NothingToReport { quarter: Quarter },
    #[error("unknown unit id {id:?}")]
    UnknownUnit { id: String },
    #[error(transparent)]
    Save(#[from] SaveError),
}

impl FormError {
    /// The message for the user, in `language`.
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        match self {
            FormError::Workbook { message } => {
                rust_i18n::t!("forms.error.workbook", locale = locale, detail = message)
                    .into_owned()
            }
            FormError::NothingToReport { quarter } => rust_i18n::t!(
                "forms.error.nothing_to_report",
                locale = locale,
                quarter = language.quarter(*quarter)
            )
            .into_owned(),
            FormError::UnknownUnit { id } => {
                rust_i18n::t!("forms.error.unknown_unit", locale = locale, id = id).into_owned()
            }
            FormError::Save(error) => error.to_string(),
        }
    }
}

/// The name people see for a unit's form: `TW III 2025 - Dinas Komunikasi dan
/// Informatika.xlsx`, made safe for Windows.
pub fn file_name(quarter: Quarter, unit_name: &str) -> String {
    safe_file_name(&format!(
        "{} - {}.xlsx",
        quarter.label_id(),
        unit_name.trim()
    ))
}

/// Windows refuses these names whatever their extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Names are kept under this many bytes, well inside the 255 most file systems allow
/// and leaving room for the folder in Windows' 260-character paths.
const MAX_NAME_BYTES: usize = 120;

/// `name` as a file name Windows, macOS and Linux all accept: characters Windows
/// refuses (`<>:"/\|?*`, control characters) become `-`, runs of spaces one space,
/// no trailing dot or space, not a reserved device name, at most [`MAX_NAME_BYTES`]
/// (the extension is kept).
pub fn safe_file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = if c.is_control() || "<>:\"/\\|?*".contains(c) {
            '-'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if !(c == ' ' && (out.is_empty() || out.ends_with(' '))) {
            out.push(c);
        }
    }
    let (stem, extension) = match out.rfind('.') {
        Some(dot) => (out[..dot].to_owned(), out[dot..].to_owned()),
        _ => (out, String::new()),
    };
    let mut stem = stem.trim_end_matches([' ', '.']).to_owned();
    let room = MAX_NAME_BYTES.saturating_sub(extension.len());
    if stem.len() > room {
        let mut cut = room;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem.truncate(cut);
        stem = stem.trim_end_matches([' ', '.']).to_owned();
    }
    let device = stem.split('.').next().unwrap_or_default();
    if stem.is_empty() || RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)) {
        stem.push('_');
    }
    format!("{stem}{extension}")
}

/// Writes the forms at `quarter` into `folder`, one per reporting unit (only the units
/// in `only` when given), and returns their paths in the order of the document's
/// units. Each file appears whole or not at all; a file already there is kept as
/// `NAME.bak`, so a returned form saved under the same name is never lost.
pub fn write_forms(
    roadmap: &Roadmap,
    quarter: Quarter,
    folder: &Path,
    only: Option<&[String]>,
    language: Language,
) -> Result<Vec<PathBuf>, FormError> {
    if let Some(id) = only
        .into_iter()
        .flatten()
        .find(|id| roadmap.unit(id).is_none())
    {
        return Err(FormError::UnknownUnit { id: id.clone() });
    }
    let forms = plan(roadmap, quarter, only);
    if forms.is_empty() {
        return Err(FormError::NothingToReport { quarter });
    }
    let mut written: Vec<PathBuf> = Vec::with_capacity(forms.len());
    for form in &forms {
        let mut name = file_name(quarter, &form.unit.name);
        // Two units with the same name still get a form each.
        let taken = |name: &str| {
            written
                .iter()
                .any(|p| p.file_name().is_some_and(|n| n.eq_ignore_ascii_case(name)))
        };
        if taken(&name) {
            name = file_name(
                quarter,
                &format!("{} ({})", form.unit.name.trim(), form.unit.id),
            );
        }
        let path = folder.join(name);
        write_atomically(&path, &workbook(roadmap, form, language)?)?;
        written.push(path);
    }
    Ok(written)
}

/// The workbook bytes of one unit's form.
pub fn workbook(
    roadmap: &Roadmap,
    form: &UnitForm,
    language: Language,
) -> Result<Vec<u8>, FormError> {
    build(roadmap, form, language).map_err(|error| FormError::Workbook {
        message: error.to_string(),
    })
}

struct Styles {
    title: Format,
    bold: Format,
    instruction: Format,
    header: Format,
    text: Format,
    number: Format,
    whole: Format,
    fill_text: Format,
    fill_number: Format,
    closed: Format,
}

/// The yellow of the cells a unit fills.
const FILL_COLOR: u32 = 0xFFF4C2;

impl Styles {
    fn new() -> Self {
        let cell = table_cell();
        let fill = cell
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(FILL_COLOR));
        Self {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            instruction: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            header: table_heading(&cell),
            text: cell.clone().set_text_wrap(),
            number: cell.clone().set_num_format("#,##0.##"),
            whole: cell.clone().set_num_format("#,##0"),
            // "@": what is typed stays text, even `=HYPERLINK(...)`.
            fill_text: fill.clone().set_text_wrap().set_num_format("@"),
            fill_number: fill,
            closed: cell.set_background_color(Color::RGB(0xEDEDED)),
        }
    }
}

/// Rows of the visible sheet before the table: title, unit, roadmap, a blank line,
/// the instructions heading and the instructions.
const INSTRUCTIONS_AT: u32 = 5;
/// The hidden row of column keys, then the header.
const KEY_ROW: u32 = INSTRUCTIONS_AT + INSTRUCTIONS.len() as u32 + 1;
const HEADER_ROW: u32 = KEY_ROW + 1;

fn build(roadmap: &Roadmap, form: &UnitForm, language: Language) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(fit(&format!(
                "{} {} - {}",
                tr(language, "forms.sheet.title"),
                language.quarter(form.quarter),
                form.unit.name
            )))
            .set_company(fit(&roadmap.institution).into_owned()),
    );
    form_sheet(book.add_worksheet(), roadmap, form, language, &styles)?;
    meta_sheet(book.add_worksheet(), roadmap, form)?;
    book.save_to_buffer()
}

fn form_sheet(
    sheet: &mut Worksheet,
    roadmap: &Roadmap,
    form: &UnitForm,
    language: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let last_col = COLUMNS.len() as u16 - 1;
    sheet.set_name(tr(language, "forms.sheet.name"))?;
    let quarter = language.quarter(form.quarter);
    let title = format!("{} {quarter}", tr(language, "forms.sheet.title"));
    write_text(sheet, 0, 0, &title, &styles.title)?;
    let unit_line = format!("{}: {}", tr(language, "forms.sheet.unit"), form.unit.name);
    write_text(sheet, 1, 0, &unit_line, &styles.bold)?;
    let roadmap_line = format!(
        "{}: {} ({})",
        tr(language, "forms.sheet.roadmap"),
        roadmap.title,
        roadmap.institution
    );
    write_text(sheet, 2, 0, &roadmap_line, &Format::new())?;
    let heading = tr(language, "forms.sheet.instructions");
    write_text(sheet, INSTRUCTIONS_AT - 1, 0, &heading, &styles.bold)?;
    let all_columns: f64 = COLUMNS.iter().map(|(_, w)| w).sum();
    for (i, key) in INSTRUCTIONS.iter().enumerate() {
        let r = INSTRUCTIONS_AT + i as u32;
        let text = format!("{}. {}", i + 1, tr(language, key));
        sheet.merge_range(r, 0, r, last_col, &text, &styles.instruction)?;
        // Neither Excel nor LibreOffice grows a merged row to fit its text.
        let lines = lines_in(&text, all_columns);
        sheet.set_row_height(r, LINE_HEIGHT * lines as f64)?;
    }
    let mut header_lines = 1;
    for (col, (key, width)) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        write_text(
            sheet,
            KEY_ROW,
            col,
            &format!("{KEY_PREFIX}{key}"),
            &Format::new(),
        )?;
        let label = header(language, key, form.quarter);
        write_text(sheet, HEADER_ROW, col, &label, &styles.header)?;
        sheet.set_column_width(col, *width)?;
        header_lines = header_lines.max(lines_in(&label, *width));
    }
    sheet.set_row_hidden(KEY_ROW)?;
    sheet.set_row_height(HEADER_ROW, LINE_HEIGHT * header_lines as f64)?;
    for (i, row) in form.rows.iter().enumerate() {
        form_row(
            sheet,
            HEADER_ROW + 1 + i as u32,
            row,
            form,
            language,
            styles,
        )?;
    }
    let last_row = HEADER_ROW + form.rows.len() as u32;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.autofilter(HEADER_ROW, 0, last_row, last_col)?;
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.protect_with_options(&ProtectionOptions {
        sort: true,
        use_autofilter: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

/// A column's header, with the quarter it is about where that matters.
fn header(language: Language, key: &str, quarter: Quarter) -> String {
    let text = tr(language, &format!("forms.col.{key}"));
    let quarter = match key {
        "target" | "target_to_date" | "actual" => Some(language.quarter(quarter)),
        "previous_actual" => Some(language.quarter(quarter.previous())),
        _ => None,
    };
    match quarter {
        Some(quarter) => format!("{text} {quarter}"),
        None => text,
    }
}

fn column(key: &str) -> u16 {
    COLUMNS
        .iter()
        .position(|(k, _)| *k == key)
        .expect("a column of the form") as u16
}

fn form_row(
    sheet: &mut Worksheet,
    r: u32,
    row: &FormRow,
    form: &UnitForm,
    language: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let texts = [
        ("id", row.id.as_str()),
        ("area", row.area.as_str()),
        ("program", row.program.as_str()),
        ("indicator", row.indicator.as_str()),
        ("measure", row.measure.as_str()),
    ];
    let mut lines = 1;
    for (key, text) in texts {
        let col = column(key);
        write_text(sheet, r, col, text, &styles.text)?;
        lines = lines.max(lines_in(text, COLUMNS[usize::from(col)].1));
    }
    write_number(sheet, r, column("target"), row.target, styles)?;
    write_number(
        sheet,
        r,
        column("target_to_date"),
        row.target_to_date,
        styles,
    )?;
    write_number(
        sheet,
        r,
        column("previous_actual"),
        row.previous_actual,
        styles,
    )?;
    if row.kind == Kind::Milestone {
        let due = row
            .due
            .map(|due| {
                rust_i18n::t!(
                    "forms.sheet.due",
                    locale = language.code(),
                    quarter = language.quarter(due)
                )
                .into_owned()
            })
            .unwrap_or_default();
        write_text(sheet, r, column("target"), &due, &styles.text)?;
    }
    for key in ["obstacle", "follow_up", "evidence", "note"] {
        sheet.write_blank(r, column(key), &styles.closed)?;
    }
    for (field, value) in &row.made_from {
        lines = lines.max(fill_cell(sheet, r, *field, value.as_ref(), form, styles)?);
    }
    if lines > 1 {
        sheet.set_row_height(r, LINE_HEIGHT * lines as f64)?;
    }
    Ok(())
}

/// Writes one fill-in cell with the value the document holds, and its validation;
/// returns the lines its text takes.
fn fill_cell(
    sheet: &mut Worksheet,
    r: u32,
    field: Field,
    value: Option<&Value>,
    form: &UnitForm,
    styles: &Styles,
) -> Result<usize, XlsxError> {
    let col = column(if field == Field::Done {
        "actual"
    } else {
        field.key()
    });
    let quarter = Language::Indonesian.quarter(form.quarter);
    match field {
        Field::Actual => {
            match value {
                Some(Value::Number(n)) => {
                    sheet.write_number_with_format(r, col, *n, &styles.fill_number)?
                }
                _ => sheet.write_blank(r, col, &styles.fill_number)?,
            };
            let validation = DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
                .set_input_title(tr(Language::Indonesian, "forms.validation.title"))?
                .set_input_message(rust_i18n::t!(
                    "forms.validation.number",
                    locale = "id",
                    quarter = quarter
                ))?
                .set_error_title(tr(Language::Indonesian, "forms.validation.title"))?
                .set_error_message(tr(Language::Indonesian, "forms.validation.not_number"))?;
            sheet.add_data_validation(r, col, r, col, &validation)?;
            Ok(1)
        }
        Field::Done => {
            let word = if value.is_some() {
                DONE_WORD
            } else {
                NOT_DONE_WORD
            };
            sheet.write_string_with_format(r, col, word, &styles.fill_text)?;
            let validation = DataValidation::new()
                .allow_list_strings(&[DONE_WORD, NOT_DONE_WORD])?
                .set_input_title(tr(Language::Indonesian, "forms.validation.title"))?
                .set_input_message(tr(Language::Indonesian, "forms.validation.done"))?;
            sheet.add_data_validation(r, col, r, col, &validation)?;
            Ok(1)
        }
        _ => {
            let text = value
                .map(|v| v.display(Language::Indonesian))
                .unwrap_or_default();
            if text.is_empty() {
                sheet.write_blank(r, col, &styles.fill_text)?;
            } else {
                write_text(sheet, r, col, &text, &styles.fill_text)?;
            }
            Ok(lines_in(&text, COLUMNS[usize::from(col)].1))
        }
    }
}

fn write_number(
    sheet: &mut Worksheet,
    r: u32,
    col: u16,
    value: Option<f64>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match value {
        // `#,##0.##` shows a whole number as `45.`, so whole numbers get their own.
        Some(n) if n.fract() == 0.0 => sheet.write_number_with_format(r, col, n, &styles.whole)?,
        Some(n) => sheet.write_number_with_format(r, col, n, &styles.number)?,
        None => sheet.write_blank(r, col, &styles.text)?,
    };
    Ok(())
}

/// Keys of the hidden sheet's identity rows, in order.
pub const META_KEYS: [&str; 5] = ["title", "institution", "period", "quarter", "unit"];

/// The hidden sheet: a mark and layout number, the identity, then a table of each
/// row's id and the values it was made from, one column per field.
fn meta_sheet(sheet: &mut Worksheet, roadmap: &Roadmap, form: &UnitForm) -> Result<(), XlsxError> {
    let identity = Identity::new(roadmap, form.quarter, &form.unit.id);
    let plain = Format::new();
    sheet.set_name(META_SHEET)?;
    sheet.write_string(0, 0, META_MARK)?;
    sheet.write_number(0, 1, f64::from(FORM_LAYOUT))?;
    let values = [
        identity.title,
        identity.institution,
        format!("{}-{}", identity.period.0, identity.period.1),
        identity.quarter.to_string(),
        identity.unit,
    ];
    for (i, (key, value)) in META_KEYS.iter().zip(values).enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, *key)?;
        write_text(sheet, r, 1, &value, &plain)?;
    }
    let table = 1 + META_KEYS.len() as u32;
    sheet.write_string(table, 0, "id")?;
    for (i, field) in Field::ALL.iter().enumerate() {
        sheet.write_string(table, 1 + i as u16, field.key())?;
    }
    for (i, row) in form.rows.iter().enumerate() {
        let r = table + 1 + i as u32;
        write_text(sheet, r, 0, &row.id, &plain)?;
        for (field, value) in &row.made_from {
            let col = 1 + Field::ALL.iter().position(|f| f == field).unwrap_or(0) as u16;
            match value {
                Some(Value::Number(n)) => {
                    sheet.write_number(r, col, *n)?;
                }
                Some(value) => {
                    write_text(sheet, r, col, &value.display(Language::Indonesian), &plain)?
                }
                None => {}
            }
        }
    }
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_on_windows() {
        for (name, expected) in [
            (
                "TW III 2025 - Dinas Komunikasi dan Informatika.xlsx",
                "TW III 2025 - Dinas Komunikasi dan Informatika.xlsx",
            ),
            (
                "TW I 2025 - Bagian Hukum/Perundangan.xlsx",
                "TW I 2025 - Bagian Hukum-Perundangan.xlsx",
            ),
            ("a<b>c:d\"e|f?g*h\\i.xlsx", "a-b-c-d-e-f-g-h-i.xlsx"),
            ("  spaced   out  .xlsx", "spaced out.xlsx"),
            ("trailing dots....xlsx", "trailing dots.xlsx"),
            ("CON.xlsx", "CON_.xlsx"),
            ("lpt1.xlsx", "lpt1_.xlsx"),
            (".xlsx", "_.xlsx"),
            ("tab\there.xlsx", "tab-here.xlsx"),
        ] {
            assert_eq!(safe_file_name(name), expected, "{name:?}");
        }
        let long = format!("{}.xlsx", "é".repeat(200));
        let safe = safe_file_name(&long);
        assert!(safe.len() <= MAX_NAME_BYTES, "{}", safe.len());
        assert!(safe.ends_with("é.xlsx"));
    }

    #[test]
    fn file_name_is_for_people() {
        assert_eq!(
            file_name(
                "2025-Q3".parse().unwrap(),
                " Dinas Komunikasi dan Informatika "
            ),
            "TW III 2025 - Dinas Komunikasi dan Informatika.xlsx"
        );
    }

    #[test]
    fn every_column_has_a_header_in_both_languages() {
        let quarter: Quarter = "2025-Q1".parse().unwrap();
        for language in Language::ALL {
            for (key, _) in COLUMNS {
                let text = header(language, key, quarter);
                assert!(!text.starts_with("forms."), "{key}: {text}");
            }
        }
        assert_eq!(
            header(Language::Indonesian, "previous_actual", quarter),
            "Realisasi TW IV 2024"
        );
    }
}
