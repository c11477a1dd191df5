//! CSV as people's spreadsheets save it: `;` in the Indonesian locale (where the comma
//! is the decimal mark), `,` elsewhere, tab for "Unicode text"; UTF-8 with or without
//! a BOM, UTF-16 with a BOM, or the Windows code page.

use std::borrow::Cow;
use std::path::Path;

use super::error::ImportError;
use super::table::Sheet;

/// Separators tried, the Indonesian one first (it wins a tie).
const SEPARATORS: [u8; 3] = [b';', b',', b'\t'];

/// Lines looked at to choose the separator.
const SAMPLE_RECORDS: usize = 50;

/// Reads CSV bytes as one sheet named after the file.
pub fn read(bytes: &[u8], file: &Path) -> Result<Sheet, ImportError> {
    let text = decode(bytes).ok_or_else(|| ImportError::NotSpreadsheet {
        file: file.to_owned(),
    })?;
    let separator = separator_of(&text);
    let rows = records(&text, separator, usize::MAX);
    let name = file
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Sheet::from_text_rows(name, rows))
}

/// The text of the bytes, or `None` for binary content (a NUL byte, or control
/// characters a text file does not hold).
fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Cow::Borrowed(std::str::from_utf8(rest).ok()?)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, malformed) = encoding_rs::UTF_16LE.decode(bytes);
        if malformed {
            return None;
        }
        text
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Cow::Borrowed(text)
    } else {
        // Excel's "CSV (Comma delimited)" on Windows writes the ANSI code page.
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
    };
    let binary = text
        .chars()
        .any(|c| c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')));
    (!binary).then_some(text)
}

/// The separator that splits the sample into the most records of one same width
/// (a wider common width wins a tie): a `;` file with commas in its numbers and texts
/// splits evenly only on `;`.
fn separator_of(text: &str) -> u8 {
    let score = |separator: u8| {
        let widths: Vec<usize> = records(text, separator, SAMPLE_RECORDS)
            .iter()
            .map(Vec::len)
            .filter(|&width| width > 1)
            .collect();
        widths
            .iter()
            .map(|&width| (widths.iter().filter(|&&w| w == width).count(), width))
            .max()
            .unwrap_or((0, 0))
    };
    let mut best = (score(SEPARATORS[0]), SEPARATORS[0]);
    for separator in &SEPARATORS[1..] {
        let candidate = score(*separator);
        if candidate > best.0 {
            best = (candidate, *separator);
        }
    }
    best.1
}

fn records(text: &str, separator: u8, limit: usize) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .take(limit)
        .map_while(Result::ok)
        .map(|record| record.iter().map(str::to_owned).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Cell;

    fn sheet(text: &[u8]) -> Sheet {
        read(text, Path::new("data.csv")).unwrap()
    }

    #[test]
    fn semicolons_with_comma_decimals() {
        let s = sheet(
            "\u{feff}Indikator;Target;Realisasi\nA, B dan C;12,5;1.234,5\nD;1,5;2,5\n".as_bytes(),
        );
        assert_eq!(s.cell(0, 0), &Cell::text("Indikator"));
        assert_eq!(s.cell(1, 0), &Cell::text("A, B dan C"));
        assert_eq!(s.cell(1, 2), &Cell::text("1.234,5"));
        assert_eq!(s.name, "data");
    }

    #[test]
    fn commas_and_quotes() {
        let s = sheet(b"Indikator,Target\n\"A; B\",12.5\nC,3\n");
        assert_eq!(s.cell(1, 0), &Cell::text("A; B"));
        assert_eq!(s.cell(2, 1), &Cell::text("3"));
    }

    #[test]
    fn windows_code_page_and_utf16() {
        let s = sheet(b"Indikator;Target\nKepuasan \xe9;1\n");
        assert_eq!(s.cell(1, 0), &Cell::text("Kepuasan é"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            "Indikator\tTarget\nX\t1\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let s = sheet(&utf16);
        assert_eq!(s.cell(1, 1), &Cell::text("1"));
    }

    #[test]
    fn binary_is_not_csv() {
        let error = read(b"\x7fELF\x02\x01\x01\0\0\0", Path::new("x.csv")).unwrap_err();
        assert!(matches!(error, ImportError::NotSpreadsheet { .. }));
    }
}
