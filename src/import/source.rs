//! Reading a spreadsheet file into plain sheets of cells: `.xlsx`, `.xls`, `.ods`
//! (calamine) and `.csv`, told apart by their first bytes rather than their names.
//!
//! Bounded before anything is parsed: the file's size, the sizes its zip directory
//! declares and what its parts really inflate to (a zip bomb stops at the limit), and
//! the rows and columns kept per sheet. Merged cells are filled with their top-left
//! value, so a merged area or a `TARGET` heading over four quarters reads everywhere.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, DataRef, Reader, Xls, Xlsx};

use super::error::ImportError;
use super::table::{Cell, Region, Sheet, Workbook};

/// Files larger than this are refused before they are read (a real roadmap workbook
/// is a few megabytes; a generous margin for embedded pictures).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What all parts of a zipped workbook may inflate to together.
pub const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;

/// Rows and columns kept per sheet; cells beyond are dropped (and the sheet says so).
pub const MAX_ROWS: usize = 200_000;
pub const MAX_COLUMNS: usize = 1_024;

/// Cells held per sheet, blanks inside rows included (about 32 bytes each).
pub const MAX_CELLS: usize = 4_000_000;

/// Reads every sheet of the spreadsheet at `path`.
pub fn read(path: &Path) -> Result<Workbook, ImportError> {
    let io = |error: std::io::Error| ImportError::Io {
        file: path.to_owned(),
        detail: error.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    read_bytes(&bytes, path)
}

/// Reads a spreadsheet from its bytes; `origin` names it in messages.
pub fn read_bytes(bytes: &[u8], origin: &Path) -> Result<Workbook, ImportError> {
    let file = origin.to_owned();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty { file });
    }
    let sheets = match Container::of(bytes) {
        Container::Zip => read_zipped(bytes, &file)?,
        Container::Compound => read_compound(bytes, &file)?,
        Container::Text => vec![super::delimited::read(bytes, &file)?],
    };
    let workbook = Workbook {
        file: file.clone(),
        sheets,
    };
    if workbook.sheets.iter().all(Sheet::is_empty) {
        return Err(ImportError::Empty { file });
    }
    Ok(workbook)
}

/// What kind of file the bytes are, by their signature.
enum Container {
    /// `.xlsx` or `.ods`.
    Zip,
    /// An OLE compound file: `.xls`, or an encrypted `.xlsx`.
    Compound,
    /// Anything else is read as CSV text (which refuses binary content).
    Text,
}

impl Container {
    fn of(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            Container::Zip
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            Container::Compound
        } else {
            Container::Text
        }
    }
}

fn damaged(file: &Path, detail: impl std::fmt::Display) -> ImportError {
    ImportError::Damaged {
        file: file.to_owned(),
        detail: detail.to_string(),
    }
}

/// Checks the zip before calamine opens it: declared sizes first (cheap), then what
/// each part really inflates to, since a zip directory can lie about its sizes.
fn check_inflated_size(bytes: &[u8], file: &Path) -> Result<(), ImportError> {
    let bomb = || ImportError::Inflates {
        file: file.to_owned(),
        limit: MAX_INFLATED_BYTES,
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| damaged(file, error))?;
    let mut declared: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|error| damaged(file, error))?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_INFLATED_BYTES {
        return Err(bomb());
    }
    let mut inflated: u64 = 0;
    for index in 0..archive.len() {
        let entry = match archive.by_index(index) {
            Ok(entry) => entry,
            // Encrypted or unsupported parts are calamine's to report.
            Err(_) => continue,
        };
        let room = MAX_INFLATED_BYTES - inflated;
        let read = std::io::copy(&mut entry.take(room + 1), &mut std::io::sink())
            .map_err(|error| damaged(file, error))?;
        inflated += read;
        if inflated > MAX_INFLATED_BYTES {
            return Err(bomb());
        }
    }
    Ok(())
}

fn read_zipped(bytes: &[u8], file: &Path) -> Result<Vec<Sheet>, ImportError> {
    check_inflated_size(bytes, file)?;
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| damaged(file, error))?;
    if archive.index_for_name("content.xml").is_some() {
        return read_ods(bytes, file);
    }
    if archive.index_for_name("xl/workbook.xml").is_none() {
        return Err(ImportError::NotSpreadsheet {
            file: file.to_owned(),
        });
    }
    read_xlsx(bytes, file)
}

/// `.xlsx`: cell by cell, so that a sheet whose used range spans the whole grid does
/// not allocate it.
fn read_xlsx(bytes: &[u8], file: &Path) -> Result<Vec<Sheet>, ImportError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|error| damaged(file, error))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        // Merged regions are a comfort: a sheet whose merge list is odd still reads.
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut sheet = Sheet::new(name.clone());
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|error| damaged(file, error))?;
        // Per style of the workbook: does its number format show a percentage?
        let percent: Vec<bool> = reader
            .styles()
            .iter()
            .map(|style| {
                style
                    .number_format
                    .as_ref()
                    .is_some_and(|format| shows_percent(&format.format_code))
            })
            .collect();
        while let Some((cell, style)) = reader
            .next_cell_with_style_id()
            .map_err(|error| damaged(file, error))?
        {
            let (row, col) = cell.get_position();
            let value = match cell.get_value() {
                DataRef::Float(n) if percent.get(style) == Some(&true) => Cell::percent(*n),
                DataRef::Int(n) if percent.get(style) == Some(&true) => Cell::percent(*n as f64),
                other => cell_of_ref(other),
            };
            sheet.put(row as usize, col as usize, value);
        }
        sheet.fill_merges(merges.iter().map(|d| (d.start, d.end)));
        sheets.push(sheet);
    }
    Ok(sheets)
}

fn read_ods(bytes: &[u8], file: &Path) -> Result<Vec<Sheet>, ImportError> {
    let mut book: calamine::Ods<_> =
        calamine::Ods::new(Cursor::new(bytes)).map_err(|error| match error {
            calamine::OdsError::Password => ImportError::Encrypted {
                file: file.to_owned(),
            },
            other => damaged(file, other),
        })?;
    // Merged cells and percentages are not among what calamine reads from an `.ods`.
    let extras = super::ods::extras(bytes);
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|error| damaged(file, error))?;
        let extra = extras.get(&name).cloned().unwrap_or_default();
        sheets.push(sheet_of_range(name, &range, &extra.merges, &extra.percent));
    }
    Ok(sheets)
}

/// A compound file is an `.xls`, or an `.xlsx` saved with a password (Office wraps
/// it in a compound file with an `EncryptedPackage` stream).
fn read_compound(bytes: &[u8], file: &Path) -> Result<Vec<Sheet>, ImportError> {
    let encrypted_marker: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes
        .windows(encrypted_marker.len())
        .any(|window| window == encrypted_marker.as_slice())
    {
        return Err(ImportError::Encrypted {
            file: file.to_owned(),
        });
    }
    let mut book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(|error| match error {
        calamine::XlsError::Password => ImportError::Encrypted {
            file: file.to_owned(),
        },
        other => damaged(file, other),
    })?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|error| damaged(file, error))?;
        let merges: Vec<_> = book
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .iter()
            .map(|d| (d.start, d.end))
            .collect();
        // An `.xls` keeps its number formats where calamine does not read them: its
        // percentages arrive as fractions (the `.xlsx` and `.ods` ones do not).
        sheets.push(sheet_of_range(name, &range, &merges, &[]));
    }
    Ok(sheets)
}

/// A sheet from calamine's cells; the numbers at `percent` are shown as percentages,
/// and merged regions are filled after that, so their copies are percentages too.
fn sheet_of_range(
    name: String,
    range: &calamine::Range<Data>,
    merges: &[Region],
    percent: &[(usize, usize)],
) -> Sheet {
    let mut sheet = Sheet::new(name);
    for (row, col, value) in range.used_cells() {
        let (top, left) = range.start().unwrap_or((0, 0));
        sheet.put(row + top as usize, col + left as usize, cell_of_data(value));
    }
    for &(row, col) in percent {
        if let Cell::Number(n) = *sheet.cell(row, col) {
            sheet.put(row, col, Cell::percent(n));
        }
    }
    sheet.fill_merges(merges.iter().copied());
    sheet
}

/// Whether a number format (`0.00%`, `#,##0.0 %`) shows numbers as percentages: a
/// `%` in its first section (the one for positive numbers) that is not quoted,
/// escaped or inside brackets.
pub(super) fn shows_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    let mut brackets = 0u32;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => escaped = true,
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            ';' if brackets == 0 => return false,
            '%' if brackets == 0 => return true,
            _ => {}
        }
    }
    false
}

fn cell_of_ref(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(n) => Cell::number(*n),
        DataRef::String(text) => Cell::text(text),
        DataRef::SharedString(text) => Cell::text(text),
        DataRef::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(date) => Cell::text(&date.to_string()),
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Cell::text(text),
        DataRef::Error(_) | DataRef::Empty => Cell::Empty,
    }
}

fn cell_of_data(value: &Data) -> Cell {
    match value {
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::number(*n),
        Data::String(text) => Cell::text(text),
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(date) => Cell::text(&date.to_string()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::text(text),
        Data::Error(_) | Data::Empty => Cell::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_that_show_a_percentage() {
        for (code, percent) in [
            ("0%", true),
            ("0.00%", true),
            ("#,##0.0 %", true),
            ("0.00%;[Red]-0.00%", true),
            ("0.00", false),
            ("General", false),
            (r#"0.00"%""#, false),
            (r"0.00\%", false),
            ("0.00;-0.00%", false),
            ("[$%-421]0.00", false),
            ("@", false),
        ] {
            assert_eq!(shows_percent(code), percent, "{code}");
        }
    }
}
