//! Finding the table in a sheet: the header (one to three rows, under any title rows,
//! over an optional row of column numbers `1 2 3 …`), what each column means, and
//! which layout the rows follow.

use std::ops::Range;
use std::path::Path;

use super::error::ImportError;
use super::heading::{Meaning, classify, parse_quarter, words, year_of_word};
use super::table::{Cell, Sheet};

/// Rows searched for the header.
const SEARCH_ROWS: usize = 40;

/// A heading has at most this many words; longer text is data.
const MAX_HEADING_WORDS: usize = 8;

/// How the rows of a table are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// One row per indicator, quarters across (`TARGET` over `TW I … TW IV`); area,
    /// program and unit in their own columns, carried down when blank or merged.
    Wide,
    /// One `Uraian` column: `A.`/`I.` rows are areas, `1.` rows programs, the rest
    /// indicators; quarters across as in [`Layout::Wide`].
    Outline,
    /// One row per indicator per quarter, with `Tahun` and `Triwulan` columns.
    Long,
}

impl Layout {
    pub fn key(self) -> &'static str {
        match self {
            Layout::Wide => "import.layout.wide",
            Layout::Outline => "import.layout.outline",
            Layout::Long => "import.layout.long",
        }
    }
}

/// One column of the table: its heading as written (header rows joined) and what
/// it is taken to mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// 0-based.
    pub index: usize,
    pub heading: String,
    pub meaning: Meaning,
}

/// How a sheet will be read. [`detect`] makes it; the preview may change a column's
/// meaning with [`Plan::set_meaning`] before [`super::build`] reads the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub sheet: String,
    pub layout: Layout,
    /// 0-based rows of the header.
    pub header: Range<usize>,
    /// 0-based first row under the header (and under the column numbers).
    pub first_data_row: usize,
    pub columns: Vec<Column>,
    /// The text of each row above the header (title, institution, year).
    pub titles: Vec<String>,
}

impl Plan {
    /// Changes what a column means; the layout follows.
    pub fn set_meaning(&mut self, index: usize, meaning: Meaning) {
        if let Some(column) = self.columns.iter_mut().find(|c| c.index == index) {
            column.meaning = meaning;
        }
        self.layout = layout_of(&self.columns);
    }

    /// The first column with `meaning`.
    pub fn column_of(&self, meaning: Meaning) -> Option<usize> {
        self.columns
            .iter()
            .find(|column| column.meaning == meaning)
            .map(|column| column.index)
    }

    /// The columns the importer reads (not unused and not recomputed).
    pub fn read_columns(&self) -> impl Iterator<Item = &Column> {
        self.columns
            .iter()
            .filter(|c| !matches!(c.meaning, Meaning::Unused | Meaning::Recomputed))
    }

    /// Every year the headings and titles name, in order, without repeats.
    pub fn named_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .columns
            .iter()
            .filter_map(|c| c.meaning.slot().and_then(|slot| slot.year))
            .chain(
                self.titles
                    .iter()
                    .flat_map(|title| words(title))
                    .filter_map(|word| year_of_word(&word)),
            )
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

fn layout_of(columns: &[Column]) -> Layout {
    let has = |meaning: Meaning| columns.iter().any(|c| c.meaning == meaning);
    if has(Meaning::Quarter) || has(Meaning::Year) {
        Layout::Long
    } else if has(Meaning::Outline) && !has(Meaning::Indicator) {
        Layout::Outline
    } else {
        Layout::Wide
    }
}

/// What a cell says as a heading: `None` for blank, numbers and long text.
fn heading_meaning(cell: &Cell) -> Option<Meaning> {
    let Cell::Text(text) = cell else {
        return None;
    };
    if words(text).len() > MAX_HEADING_WORDS {
        return None;
    }
    Some(classify(text)).filter(|meaning| meaning.is_known())
}

/// A quarter or year label under a group heading: `TW I`, `III`, `Q2`, `2025`.
fn is_slot_label(cell: &Cell) -> bool {
    match cell {
        Cell::Text(text) => {
            parse_quarter(text).is_some()
                || matches!(words(text).as_slice(), [word] if year_of_word(word).is_some())
        }
        Cell::Number(n) => year_of_word(&format!("{n}")).is_some(),
        Cell::Percent(_) | Cell::Empty => false,
    }
}

fn header_score(row: &[Cell]) -> usize {
    let meanings: Vec<Meaning> = row.iter().filter_map(heading_meaning).collect();
    let anchors = meanings.iter().any(|m| {
        matches!(
            m,
            Meaning::Indicator
                | Meaning::Outline
                | Meaning::Program
                | Meaning::Area
                | Meaning::Target(_)
                | Meaning::Actual(_)
        )
    });
    if anchors { meanings.len() } else { 0 }
}

/// A row under a header that belongs to it: every filled cell is a quarter or year
/// label or a heading, at least one of them a label or a heading over a label.
fn is_sub_header(row: &[Cell]) -> bool {
    let filled: Vec<&Cell> = row.iter().filter(|c| !c.is_empty()).collect();
    !filled.is_empty()
        && !is_number_row(row)
        && filled
            .iter()
            .all(|cell| is_slot_label(cell) || heading_meaning(cell).is_some())
}

/// The row of column numbers under a header: `1 2 3 …` or `(1) (2) …`, increasing.
fn is_number_row(row: &[Cell]) -> bool {
    let numbers: Option<Vec<f64>> = row
        .iter()
        .filter(|c| !c.is_empty())
        .map(|cell| match cell {
            Cell::Number(n) => Some(*n),
            Cell::Text(text) => words(text).first().and_then(|w| w.parse().ok()),
            Cell::Percent(_) | Cell::Empty => None,
        })
        .collect();
    numbers.is_some_and(|numbers| {
        numbers.len() >= 3
            && numbers.iter().all(|n| n.fract() == 0.0 && *n >= 0.0)
            && numbers.windows(2).all(|pair| pair[0] < pair[1])
    })
}

/// Finds the table of `sheet`; `file` names it in errors.
pub fn detect(sheet: &Sheet, file: &Path) -> Result<Plan, ImportError> {
    let search = sheet.height().min(SEARCH_ROWS);
    let best = (0..search)
        .map(|r| (header_score(sheet.row(r)), r))
        .filter(|(score, _)| *score >= 2)
        // The highest score, the earliest row on a tie.
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, r)| r)
        .ok_or_else(|| ImportError::NoHeader {
            file: file.to_owned(),
            sheet: sheet.name.clone(),
        })?;
    // A group row (`TARGET`, `REALISASI`) may sit over the row that scored best.
    let mut start = best;
    let labels = |r: usize| sheet.row(r).iter().filter(|c| is_slot_label(c)).count();
    if best > 0
        && labels(best) >= 2
        && sheet
            .row(best - 1)
            .iter()
            .any(|c| heading_meaning(c).is_some())
    {
        start = best - 1;
    }
    let mut end = best + 1;
    while end < sheet.height() && end - start < 3 && is_sub_header(sheet.row(end)) {
        end += 1;
    }
    let mut first_data_row = end;
    while first_data_row < sheet.height()
        && (is_number_row(sheet.row(first_data_row))
            || sheet.row(first_data_row).iter().all(Cell::is_empty))
        && first_data_row < end + 2
    {
        first_data_row += 1;
    }
    let columns = columns(sheet, start..end);
    let titles = (0..start)
        .map(|r| first_text(sheet.row(r)))
        .filter(|text| !text.is_empty())
        .collect();
    let plan = Plan {
        sheet: sheet.name.clone(),
        layout: layout_of(&columns),
        header: start..end,
        first_data_row,
        columns,
        titles,
    };
    if plan.column_of(Meaning::Indicator).is_none() && plan.column_of(Meaning::Outline).is_none() {
        return Err(ImportError::NoIndicatorColumn {
            file: file.to_owned(),
            sheet: sheet.name.clone(),
            row: start + 1,
            found: plan
                .columns
                .iter()
                .filter(|c| c.meaning.is_known())
                .map(|c| c.heading.clone())
                .collect(),
        });
    }
    Ok(plan)
}

/// The headings of the header rows joined per column. A blank cell of an upper row
/// over a label takes the group heading on its left (a `TARGET` written once over
/// four quarters without merging).
fn columns(sheet: &Sheet, header: Range<usize>) -> Vec<Column> {
    let width = header
        .clone()
        .map(|r| sheet.row(r).len())
        .max()
        .unwrap_or(0);
    let mut parts: Vec<Vec<String>> = vec![Vec::new(); width];
    for r in header.clone() {
        let last = r + 1 == header.end;
        let mut group: Option<String> = None;
        for (col, part) in parts.iter_mut().enumerate() {
            let text = sheet.cell(r, col).as_text();
            let below = (r + 1..header.end).any(|b| !sheet.cell(b, col).is_empty());
            let text = if !text.is_empty() {
                group = Some(text.clone());
                text
            } else if !last && below {
                group.clone().unwrap_or_default()
            } else {
                group = None;
                text
            };
            if !text.is_empty() && part.last() != Some(&text) {
                part.push(text);
            }
        }
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(index, part)| {
            let heading = part.join(" ");
            Column {
                index,
                meaning: classify(&heading),
                heading: heading.replace(['\n', '\r'], " "),
            }
        })
        .collect()
}

/// The first filled cell of a row, as text.
fn first_text(row: &[Cell]) -> String {
    row.iter()
        .find(|cell| !cell.is_empty())
        .map(Cell::as_text)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::heading::Slot;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet::from_text_rows(
            "s",
            rows.iter()
                .map(|row| row.iter().map(|t| t.to_string()).collect())
                .collect(),
        )
    }

    #[test]
    fn two_row_header_under_titles_over_column_numbers() {
        let s = sheet(&[
            &["LAPORAN RENCANA AKSI RB TAHUN 2025"],
            &["PEMERINTAH KABUPATEN CONTOH"],
            &[],
            &[
                "NO",
                "AREA PERUBAHAN",
                "INDIKATOR",
                "TARGET",
                "",
                "REALISASI",
                "",
                "CAPAIAN (%)",
            ],
            &["", "", "", "TW I", "TW II", "TW I", "TW II", ""],
            &["1", "2", "3", "4", "5", "6", "7", "8"],
            &[
                "1",
                "Manajemen Perubahan",
                "Indeks",
                "1",
                "2",
                "1",
                "2",
                "100",
            ],
        ]);
        let plan = detect(&s, Path::new("x.xlsx")).unwrap();
        assert_eq!(plan.header, 3..5);
        assert_eq!(plan.first_data_row, 6);
        assert_eq!(plan.layout, Layout::Wide);
        let q = |quarter| Slot {
            year: None,
            quarter: Some(quarter),
        };
        let meanings: Vec<Meaning> = plan.columns.iter().map(|c| c.meaning).collect();
        assert_eq!(
            meanings,
            [
                Meaning::Number,
                Meaning::Area,
                Meaning::Indicator,
                Meaning::Target(q(1)),
                Meaning::Target(q(2)),
                Meaning::Actual(q(1)),
                Meaning::Actual(q(2)),
                Meaning::Recomputed,
            ]
        );
        assert_eq!(plan.named_years(), [2025]);
        assert_eq!(plan.titles.len(), 2);
    }

    #[test]
    fn no_indicator_column_names_what_was_found() {
        let s = sheet(&[&["NO", "AREA PERUBAHAN", "TARGET", "REALISASI"]]);
        let error = detect(&s, Path::new("x.csv")).unwrap_err();
        assert!(matches!(
            error,
            ImportError::NoIndicatorColumn { row: 1, ref found, .. } if found.len() == 4
        ));
        let s = sheet(&[&["Nama", "Alamat"], &["Budi", "Jalan"]]);
        assert!(matches!(
            detect(&s, Path::new("x.csv")),
            Err(ImportError::NoHeader { .. })
        ));
    }
}
