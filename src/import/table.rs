//! A spreadsheet as the importer sees it: sheets of rows of plain cells (text or
//! number), whatever file they came from.

use std::path::PathBuf;

use super::source::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// Merged regions larger than this are not filled: they are decoration (a frame
/// around the page), not an area over its rows.
const MAX_MERGE_CELLS: usize = 10_000;

/// A merged region: `((top, left), (bottom, right))`, 0-based, both included.
pub type Region = ((u32, u32), (u32, u32));

/// One cell's value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    /// A number the file shows as a percentage (`60,27%`): the percentage a person
    /// reads (60.27), not the fraction the file stores (0.6027).
    Percent(f64),
}

impl Cell {
    /// Text cell, or empty when it is only blanks.
    pub fn text(text: &str) -> Cell {
        if text.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text.to_owned())
        }
    }

    /// Number cell; a value that is not finite is no value.
    pub fn number(value: f64) -> Cell {
        if value.is_finite() {
            Cell::Number(value)
        } else {
            Cell::Empty
        }
    }

    /// A number the file stores as a fraction and shows as a percentage.
    pub fn percent(fraction: f64) -> Cell {
        // 0.6027 × 100 is 60.270000000000003 in binary: rounding to nine decimals takes
        // away the noise of the multiplication, far below what a roadmap measures.
        let shown = (fraction * 100.0 * 1e9).round() / 1e9;
        if shown.is_finite() {
            Cell::Percent(shown)
        } else {
            Cell::Empty
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as text, trimmed: numbers in their shortest form (`45`, `12.5`).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(n) => format!("{n}"),
            Cell::Percent(n) => format!("{n}%"),
        }
    }
}

/// One sheet: rows of cells, each row as long as its last filled cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// Cells beyond [`MAX_ROWS`] rows, [`MAX_COLUMNS`] columns or [`MAX_CELLS`]
    /// cells in all were dropped.
    pub truncated: bool,
    /// Cells held, blanks inside rows included.
    held: usize,
}

static EMPTY: Cell = Cell::Empty;

impl Sheet {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            rows: Vec::new(),
            truncated: false,
            held: 0,
        }
    }

    /// A sheet from rows of text (CSV), empty strings as empty cells.
    pub fn from_text_rows(name: impl Into<String>, rows: Vec<Vec<String>>) -> Self {
        let mut sheet = Sheet::new(name);
        for (r, row) in rows.into_iter().enumerate() {
            for (c, text) in row.into_iter().enumerate() {
                sheet.put(r, c, Cell::text(&text));
            }
        }
        sheet
    }

    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|row| row.iter().all(Cell::is_empty))
    }

    /// Number of rows (up to the last row with a cell).
    pub fn height(&self) -> usize {
        self.rows.len()
    }

    /// Number of columns (up to the last column with a cell in any row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(col))
            .unwrap_or(&EMPTY)
    }

    pub fn row(&self, row: usize) -> &[Cell] {
        self.rows.get(row).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Sets a cell; cells outside the kept grid mark the sheet truncated.
    pub fn put(&mut self, row: usize, col: usize, cell: Cell) {
        if cell.is_empty() {
            return;
        }
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            self.truncated = true;
            return;
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= col {
            let grown = col + 1 - cells.len();
            if self.held + grown > MAX_CELLS {
                self.truncated = true;
                return;
            }
            self.held += grown;
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = cell;
    }

    /// Copies the top-left value of each merged region (`(row, col)` start and end,
    /// both included) into its other cells, within the cells the sheet holds.
    pub fn fill_merges(&mut self, merges: impl Iterator<Item = Region>) {
        let height = self.height();
        let width = self.width();
        for ((top, left), (bottom, right)) in merges {
            let (top, left) = (top as usize, left as usize);
            let value = self.cell(top, left).clone();
            if value.is_empty() {
                continue;
            }
            let bottom = (bottom as usize).min(height.saturating_sub(1));
            let right = (right as usize).min(width.saturating_sub(1));
            let size = (bottom + 1).saturating_sub(top) * (right + 1).saturating_sub(left);
            if size > MAX_MERGE_CELLS {
                continue;
            }
            for row in top..=bottom {
                for col in left..=right {
                    if self.cell(row, col).is_empty() {
                        self.put(row, col, value.clone());
                    }
                }
            }
        }
    }
}

/// Every sheet of one file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workbook {
    /// The file it was read from, for messages.
    pub file: PathBuf,
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|sheet| sheet.name == name)
            .or_else(|| {
                self.sheets
                    .iter()
                    .find(|sheet| sheet.name.trim().eq_ignore_ascii_case(name.trim()))
            })
    }

    pub fn sheet_names(&self) -> Vec<&str> {
        self.sheets
            .iter()
            .map(|sheet| sheet.name.as_str())
            .collect()
    }
}

/// A cell address as a spreadsheet shows it: `F12` for row 11, column 5 (0-based).
pub fn address(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// `A`, `B`, ..., `Z`, `AA`, ...
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(address(0, 0), "A1");
        assert_eq!(address(11, 5), "F12");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn merges_fill_within_the_sheet() {
        let mut sheet = Sheet::new("s");
        sheet.put(0, 0, Cell::text("Area"));
        sheet.put(3, 2, Cell::Number(1.0));
        // A merge reaching to the grid's far corner stays within the held cells.
        sheet.fill_merges([((0, 0), (1_048_575, 16_383))].into_iter());
        assert_eq!(sheet.height(), 4);
        assert_eq!(sheet.width(), 3);
        assert_eq!(sheet.cell(3, 1), &Cell::text("Area"));
        assert_eq!(sheet.cell(3, 2), &Cell::Number(1.0));
        let mut huge = Sheet::new("s");
        huge.put(0, 0, Cell::text("x"));
        huge.put(MAX_ROWS - 1, 0, Cell::Number(1.0));
        huge.fill_merges([((0, 0), (1_048_575, 0))].into_iter());
        assert!(
            huge.cell(1, 0).is_empty(),
            "a page-sized merge is decoration"
        );
    }
}
