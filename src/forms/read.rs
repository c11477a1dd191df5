//! Reading a returned form: untrusted input, as saved by Excel, LibreOffice or WPS
//! (`.xlsx`, re-saved as `.ods` or `.xls`).
//!
//! This finds the form's structure and each cell's raw content; what a cell means
//! (a number, a done milestone, text) is decided by [`super::collect`], which knows
//! each indicator. Nothing here writes anything, and nothing here runs a formula: a
//! formula found in a cell is read as its text.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader};

use super::guard::{self, Unsafe};
use super::value::{DONE_WORD, Field, Value};
use super::write::{COLUMNS, KEY_PREFIX, META_KEYS, META_MARK};
use super::{FORM_LAYOUT, Identity, META_SHEET};
use crate::locale::Language;
use crate::model::Quarter;

/// A cell's content as found, before it is given a meaning.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Number(f64),
    Text(String),
    /// A formula, with its leading `=`; never evaluated.
    Formula(String),
    /// A date or time (a spreadsheet turned what was typed into one).
    Date(String),
    Bool(bool),
    /// A spreadsheet error value (`#DIV/0!`, ...).
    Error(String),
}

/// One fill-in cell of a returned row.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedCell {
    /// The column's field; the realisasi column reads as [`Field::Actual`] whatever the
    /// indicator's kind (collect turns it into [`Field::Done`] for a milestone).
    pub field: Field,
    /// Where it is, as `Formulir!I14`.
    pub address: String,
    pub raw: Option<Raw>,
}

/// One indicator's row of a returned form.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedRow {
    pub id: String,
    /// The address of the row's id cell.
    pub address: String,
    pub cells: Vec<ReturnedCell>,
}

/// A returned form, read but not yet compared with any document.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedForm {
    pub path: PathBuf,
    pub identity: Identity,
    /// The rows found on the visible sheet, in the sheet's order.
    pub rows: Vec<ReturnedRow>,
    /// What each row was made from, by indicator id (from the hidden sheet).
    pub made_from: HashMap<String, Vec<(Field, Option<Value>)>>,
}

/// Why a whole form was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The file could not be read.
    Unreadable {
        detail: String,
    },
    TooLarge {
        bytes: u64,
    },
    /// A zip that would unpack to far more than any form (a zip bomb).
    Bomb {
        unpacked: u64,
        entries: usize,
    },
    /// Not a workbook, or a damaged one (broken zip or XML).
    Broken {
        detail: String,
    },
    /// A workbook, but not one of our forms (no hidden form sheet or column keys).
    NotAForm,
    /// Made by a newer version of the program.
    NewerLayout {
        found: u32,
    },
    /// A form of another roadmap (another institution or period).
    OtherRoadmap {
        institution: String,
        period: (i32, i32),
    },
    /// A form of another quarter than the one being collected.
    OtherQuarter {
        found: Quarter,
        wanted: Quarter,
    },
    /// Its unit is not among the roadmap's units.
    UnknownUnit {
        unit: String,
    },
    /// It carries indicators another unit reports: a unit reports only what it owns.
    ForeignIndicators {
        unit: String,
        ids: Vec<String>,
    },
}

/// A whole form refused, and which file.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedForm {
    pub path: PathBuf,
    pub reason: Refusal,
}

/// A cell (or row) not taken, where it is and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub file: PathBuf,
    /// `Formulir!I14`
    pub address: String,
    pub indicator: Option<String>,
    pub reason: RejectedReason,
}

/// Why one cell or row was not taken.
#[derive(Debug, Clone, PartialEq)]
pub enum RejectedReason {
    /// Text where a number belongs.
    NotANumber { text: String },
    /// A formula; only typed values are taken, and formulas are never run.
    Formula { formula: String },
    /// A date where a number belongs.
    Date { text: String },
    /// A spreadsheet error value.
    ErrorValue { text: String },
    /// A milestone's cell holds something other than the listed words.
    NotDoneWord { text: String },
    /// The id is not in the roadmap (any more).
    UnknownIndicator,
    /// The row was not on the form as it was made.
    NotOnForm,
    /// The same indicator appears on more than one row; only the first is read.
    Duplicate,
    /// The roadmap has no target for this indicator at the quarter any more.
    NoTarget,
}

impl Raw {
    /// The content as text: what a text field takes (a formula as its text).
    pub fn text(&self, language: Language) -> String {
        match self {
            Raw::Number(n) => language.number(*n, 9),
            Raw::Text(t) | Raw::Formula(t) | Raw::Date(t) | Raw::Error(t) => t.clone(),
            Raw::Bool(b) => b.to_string().to_uppercase(),
        }
    }
}

/// Reads the returned form at `path`.
pub fn read_form(path: &Path) -> Result<ReturnedForm, Refusal> {
    let metadata = std::fs::metadata(path).map_err(|e| Refusal::Unreadable {
        detail: e.to_string(),
    })?;
    if metadata.len() > guard::MAX_FORM_BYTES {
        return Err(Refusal::TooLarge {
            bytes: metadata.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Refusal::Unreadable {
        detail: e.to_string(),
    })?;
    read_form_bytes(&bytes, path)
}

/// Whether the workbook at `path` is one of our forms: it has the hidden sheet. Only
/// the sheet names are read (a CSV, a file that is no workbook or one too large to be
/// a form is not one), so a dropped file can be sent where it belongs: a form to be
/// collected, any other spreadsheet to be imported.
pub fn is_form(path: &Path) -> bool {
    let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= guard::MAX_FORM_BYTES);
    let Some(bytes) = small.then(|| std::fs::read(path).ok()).flatten() else {
        return false;
    };
    guard::check(&bytes).is_ok()
        && calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
            .is_ok_and(|book| book.sheet_names().iter().any(|n| n == META_SHEET))
}

/// Reads a returned form from its bytes; `path` names it in what is reported.
pub fn read_form_bytes(bytes: &[u8], path: &Path) -> Result<ReturnedForm, Refusal> {
    guard::check(bytes).map_err(|unsafe_| match unsafe_ {
        Unsafe::TooLarge { bytes } => Refusal::TooLarge { bytes },
        Unsafe::Bomb { unpacked, entries } => Refusal::Bomb { unpacked, entries },
        Unsafe::BrokenZip { detail } => Refusal::Broken { detail },
    })?;
    let broken = |e: calamine::Error| Refusal::Broken {
        detail: e.to_string(),
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(broken)?;
    let names = book.sheet_names();
    if !names.iter().any(|n| n == META_SHEET) {
        return Err(Refusal::NotAForm);
    }
    let meta = book.worksheet_range(META_SHEET).map_err(broken)?;
    let (identity, made_from) = read_meta(&meta)?;
    for name in names.iter().filter(|n| *n != META_SHEET) {
        let values = book.worksheet_range(name).map_err(broken)?;
        let Some(keys) = find_keys(&values) else {
            continue;
        };
        // Formulas are read to be reported as text, never run; a reader that cannot
        // give them (old .xls) gives the cached values instead.
        let formulas = book.worksheet_formula(name).unwrap_or_default();
        let rows = read_rows(name, &values, &formulas, &keys);
        return Ok(ReturnedForm {
            path: path.to_owned(),
            identity,
            rows,
            made_from,
        });
    }
    Err(Refusal::NotAForm)
}

/// Text of a cell as the hidden sheet holds it.
fn cell_text(data: Option<&Data>) -> Option<String> {
    match data? {
        Data::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Data::Float(f) => Some(f.to_string()),
        Data::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

type MadeFrom = HashMap<String, Vec<(Field, Option<Value>)>>;

fn read_meta(meta: &Range<Data>) -> Result<(Identity, MadeFrom), Refusal> {
    let at = |row: u32, col: u32| cell_text(meta.get_value((row, col)));
    if at(0, 0).as_deref() != Some(META_MARK) {
        return Err(Refusal::NotAForm);
    }
    let layout: u32 = at(0, 1)
        .and_then(|t| t.parse::<f64>().ok())
        .map_or(0, |n| n as u32);
    if layout > FORM_LAYOUT {
        return Err(Refusal::NewerLayout { found: layout });
    }
    let mut values = HashMap::new();
    for (i, key) in META_KEYS.iter().enumerate() {
        let row = 1 + i as u32;
        if at(row, 0).as_deref() != Some(*key) {
            return Err(Refusal::NotAForm);
        }
        values.insert(*key, at(row, 1).unwrap_or_default());
    }
    let period = values["period"]
        .split_once('-')
        .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)));
    let (Some(period), Ok(quarter)) = (period, values["quarter"].parse::<Quarter>()) else {
        return Err(Refusal::NotAForm);
    };
    let identity = Identity {
        title: values["title"].clone(),
        institution: values["institution"].clone(),
        period,
        quarter,
        unit: values["unit"].clone(),
    };
    let table = 1 + META_KEYS.len() as u32;
    let width = 1 + Field::ALL.len() as u32;
    let fields: Vec<Option<Field>> = (1..width)
        .map(|col| at(table, col).and_then(|k| Field::from_key(&k)))
        .collect();
    let mut made_from = HashMap::new();
    let last = meta.end().map_or(0, |(row, _)| row);
    for row in table + 1..=last {
        let Some(id) = at(row, 0) else { continue };
        let values = fields
            .iter()
            .enumerate()
            .filter_map(|(i, field)| {
                let field = (*field)?;
                let data = meta.get_value((row, 1 + i as u32));
                Some((field, made_value(field, data)))
            })
            .collect();
        made_from.insert(id, values);
    }
    Ok((identity, made_from))
}

/// A value as the hidden sheet recorded it.
fn made_value(field: Field, data: Option<&Data>) -> Option<Value> {
    match (field, data?) {
        (Field::Actual, Data::Float(n)) => Some(Value::Number(*n)),
        (Field::Actual, Data::Int(n)) => Some(Value::Number(*n as f64)),
        (Field::Done, Data::String(s)) => (s.trim() == DONE_WORD).then_some(Value::Done),
        (Field::Evidence, Data::String(s)) => Value::links(s),
        (Field::Obstacle | Field::FollowUp | Field::Note, Data::String(s)) => {
            Some(s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .map(Value::Text)
        }
        _ => None,
    }
}

/// Where the form's columns are: the row of `rr:` keys and each key's column.
struct Keys {
    row: u32,
    id: u32,
    fields: Vec<(Field, u32)>,
}

fn find_keys(range: &Range<Data>) -> Option<Keys> {
    let id_key = format!("{KEY_PREFIX}{}", COLUMNS[0].0);
    let (row, id) = range.used_cells().find_map(|(r, c, data)| {
        matches!(data, Data::String(s) if s.trim() == id_key).then_some((r, c))
    })?;
    let (start_row, start_col) = range.start()?;
    let row = start_row + row as u32;
    let id = start_col + id as u32;
    let mut fields = Vec::new();
    let last_col = range.end().map_or(0, |(_, c)| c);
    for col in 0..=last_col {
        let Some(Data::String(text)) = range.get_value((row, col)) else {
            continue;
        };
        let key = text.trim().strip_prefix(KEY_PREFIX).unwrap_or_default();
        if let Some(field) = Field::from_key(key).filter(|f| *f != Field::Done) {
            fields.push((field, col));
        }
    }
    Some(Keys { row, id, fields })
}

/// `F12`
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// `Formulir!F12`, or `'Sheet 1'!F12` when the sheet's name needs quoting.
pub fn address(sheet: &str, row: u32, col: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let cell = cell_name(row, col);
    if plain {
        format!("{sheet}!{cell}")
    } else {
        format!("'{}'!{cell}", sheet.replace('\'', "''"))
    }
}

fn read_rows(
    sheet: &str,
    values: &Range<Data>,
    formulas: &Range<String>,
    keys: &Keys,
) -> Vec<ReturnedRow> {
    let last = values.end().map_or(0, |(row, _)| row);
    // The header is the row after the keys.
    (keys.row + 2..=last)
        .filter_map(|row| {
            let id = cell_text(values.get_value((row, keys.id)))?;
            let cells = keys
                .fields
                .iter()
                .map(|&(field, col)| ReturnedCell {
                    field,
                    address: address(sheet, row, col),
                    raw: raw(values.get_value((row, col)), formulas.get_value((row, col))),
                })
                .collect();
            Some(ReturnedRow {
                id,
                address: address(sheet, row, keys.id),
                cells,
            })
        })
        .collect()
}

fn raw(data: Option<&Data>, formula: Option<&String>) -> Option<Raw> {
    if let Some(formula) = formula.map(|f| f.trim()).filter(|f| !f.is_empty()) {
        // ODS writes `of:=SUM(...)`; Excel's formulas come without the `=`.
        let formula = formula.strip_prefix("of:").unwrap_or(formula);
        let formula = formula.strip_prefix('=').unwrap_or(formula);
        return Some(Raw::Formula(format!("={formula}")));
    }
    match data? {
        Data::Empty => None,
        Data::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| Raw::Text(s.to_owned()))
        }
        Data::Float(f) => Some(Raw::Number(*f)),
        Data::Int(i) => Some(Raw::Number(*i as f64)),
        Data::Bool(b) => Some(Raw::Bool(*b)),
        Data::DateTime(d) => Some(Raw::Date(excel_date(d.as_f64()))),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(Raw::Date(s.clone())),
        Data::Error(e) => Some(Raw::Error(format!("{e}"))),
    }
}

/// An Excel date serial as `2025-05-12` (1900 system, as Excel and LibreOffice write),
/// the serial itself when it is no date.
fn excel_date(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date");
    serial
        .is_finite()
        .then(|| epoch.checked_add_signed(chrono::TimeDelta::try_days(serial.floor() as i64)?))
        .flatten()
        .map_or_else(|| serial.to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 5), "F12");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 701), "ZZ10");
        assert_eq!(address("Formulir", 11, 8), "Formulir!I12");
        assert_eq!(address("Sheet 1", 0, 0), "'Sheet 1'!A1");
        assert_eq!(address("O'Brien", 0, 0), "'O''Brien'!A1");
    }

    #[test]
    fn formulas_are_text_never_values() {
        let cached = Data::Float(3.0);
        for formula in [
            "HYPERLINK(\"x\")",
            "=HYPERLINK(\"x\")",
            "of:=HYPERLINK(\"x\")",
        ] {
            assert_eq!(
                raw(Some(&cached), Some(&formula.to_owned())),
                Some(Raw::Formula("=HYPERLINK(\"x\")".into()))
            );
        }
        assert_eq!(
            raw(Some(&cached), Some(&String::new())),
            Some(Raw::Number(3.0))
        );
        assert_eq!(raw(Some(&Data::String("  ".into())), None), None);
    }

    #[test]
    fn not_a_workbook_is_broken() {
        let refusal = read_form_bytes(b"hello", Path::new("x.xlsx")).unwrap_err();
        assert!(matches!(refusal, Refusal::Broken { .. }), "{refusal:?}");
    }
}
