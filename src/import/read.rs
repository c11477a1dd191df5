//! Reading the rows under the header, one at a time, into what each row says: an
//! indicator with its quarterly values, an area or program heading, or a row left
//! out and why. The preview shows these readings; [`super::assemble`] builds the
//! roadmap from them.

use std::collections::BTreeMap;
use std::path::Path;

use super::detect::{Layout, Plan};
use super::error::ImportError;
use super::heading::{Meaning, Slot, parse_quarter, words, year_of_word};
use super::report::{SkipReason, Warning, WarningKind};
use super::table::{Cell, Sheet, address};
use super::value;
use crate::model::{Direction, Kind, Quarter};

/// What the user says on top of the sheet (`--start`, `--end`, `--title`, `--institution`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub start: Option<i32>,
    pub end: Option<i32>,
    pub title: Option<String>,
    pub institution: Option<String>,
}

/// Where a row sits: its area, program and responsible unit (carried down).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub area: Option<String>,
    pub program: Option<String>,
    pub unit: Option<String>,
}

/// One quarter's values on a row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub obstacle: Option<String>,
    pub follow_up: Option<String>,
    pub evidence: Vec<String>,
}

/// An indicator row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorRow {
    pub place: Place,
    pub name: String,
    pub measure: String,
    pub direction: Option<Direction>,
    pub kind: Option<Kind>,
    pub baseline: Option<f64>,
    pub budget: Option<u64>,
    pub note: Option<String>,
    pub entries: BTreeMap<Quarter, Entry>,
}

/// What one row says.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Blank,
    Skipped(SkipReason),
    /// A row that names an area or program (or both) and no indicator.
    Heading(Place),
    Indicator(Box<IndicatorRow>),
}

/// One row as it will be read; `row` is 1-based, as the spreadsheet numbers it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowReading {
    pub row: usize,
    pub outcome: Outcome,
}

/// Reads the rows of one sheet by a plan, carrying area, program and unit down.
pub struct Reader<'a> {
    sheet: &'a Sheet,
    plan: &'a Plan,
    /// For value columns whose heading names no year (or no quarter).
    default_year: Option<i32>,
    default_quarter: u8,
    carry: Place,
    pub warnings: Vec<Warning>,
}

/// First words of the lines under a table: the signature block.
const SIGNATURE_WORDS: [&str; 17] = [
    "mengetahui",
    "menyetujui",
    "disetujui",
    "diperiksa",
    "dibuat",
    "nip",
    "ttd",
    "kepala",
    "plt",
    "plh",
    "sekretaris",
    "bupati",
    "walikota",
    "gubernur",
    "pembina",
    "penata",
    "an",
];

const MONTHS: [&str; 14] = [
    "januari",
    "februari",
    "pebruari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "nopember",
    "desember",
];

impl<'a> Reader<'a> {
    pub fn new(
        sheet: &'a Sheet,
        plan: &'a Plan,
        options: &Options,
        file: &Path,
    ) -> Result<Self, ImportError> {
        let title_words: Vec<String> = plan.titles.iter().flat_map(|t| words(t)).collect();
        let mut title_years: Vec<i32> =
            title_words.iter().filter_map(|w| year_of_word(w)).collect();
        title_years.dedup();
        let sheet_year = words(&sheet.name).iter().find_map(|w| year_of_word(w));
        let default_year = match title_years.as_slice() {
            [year] => Some(*year),
            _ => options
                .start
                .or(title_years.first().copied())
                .or(sheet_year),
        };
        let default_quarter = plan
            .titles
            .iter()
            .find_map(|title| {
                words(title)
                    .windows(2)
                    .find(|pair| matches!(pair[0].as_str(), "tw" | "triwulan"))
                    .and_then(|pair| parse_quarter(&pair.join(" ")))
            })
            .and_then(|slot| slot.quarter)
            .unwrap_or(4);
        let needs_year = plan.layout != Layout::Long
            && plan
                .read_columns()
                .any(|c| c.meaning.slot().is_some_and(|slot| slot.year.is_none()));
        if needs_year && default_year.is_none() {
            return Err(ImportError::NoYear {
                file: file.to_owned(),
                sheet: sheet.name.clone(),
            });
        }
        let mut warnings = Vec::new();
        if sheet.truncated {
            warnings.push(Warning {
                cell: String::new(),
                kind: WarningKind::SheetTruncated,
            });
        }
        Ok(Self {
            sheet,
            plan,
            default_year,
            default_quarter,
            carry: Place::default(),
            warnings,
        })
    }

    /// The rows under the header, in order.
    pub fn rows(&self) -> std::ops::Range<usize> {
        self.plan.first_data_row..self.sheet.height()
    }

    fn warn(&mut self, row: usize, col: usize, kind: WarningKind) {
        self.warnings.push(Warning {
            cell: address(row, col),
            kind,
        });
    }

    fn text(&self, row: usize, meaning: Meaning) -> Option<String> {
        let col = self.plan.column_of(meaning)?;
        let text = self.sheet.cell(row, col).as_text();
        (!text.is_empty()).then_some(text)
    }

    /// Reads row `row` (0-based).
    pub fn read(&mut self, row: usize) -> RowReading {
        RowReading {
            row: row + 1,
            outcome: self.outcome(row),
        }
    }

    fn outcome(&mut self, row: usize) -> Outcome {
        let cells = self.sheet.row(row);
        if cells.iter().all(Cell::is_empty) {
            return Outcome::Blank;
        }
        if let Some(reason) = self.leftover(cells) {
            return Outcome::Skipped(reason);
        }
        let name = match self.plan.layout {
            Layout::Outline => match self.outline(row) {
                Some(name) => name,
                None => return Outcome::Heading(self.carry.clone()),
            },
            Layout::Wide | Layout::Long => {
                let heading = self.place(row);
                let column = self.plan.column_of(Meaning::Indicator);
                match column.map(|col| self.sheet.cell(row, col)) {
                    Some(Cell::Number(_) | Cell::Percent(_)) => {
                        return Outcome::Skipped(SkipReason::NumberAsName);
                    }
                    Some(Cell::Text(text)) if !text.trim().is_empty() => text.trim().to_owned(),
                    _ if heading => return Outcome::Heading(self.carry.clone()),
                    _ => return Outcome::Skipped(SkipReason::NoIndicator),
                }
            }
        };
        if self.plan.layout == Layout::Outline {
            self.place_unit(row);
        }
        let row_slot = if self.plan.layout == Layout::Long {
            match self.row_slot(row) {
                Some(slot) => Some(slot),
                None => return Outcome::Skipped(SkipReason::NoQuarter),
            }
        } else {
            None
        };
        let mut indicator = IndicatorRow {
            place: self.carry.clone(),
            name,
            measure: self.text(row, Meaning::Measure).unwrap_or_default(),
            note: self.text(row, Meaning::Note),
            ..IndicatorRow::default()
        };
        self.attributes(row, &mut indicator);
        self.entries(row, row_slot, &mut indicator);
        Outcome::Indicator(Box::new(indicator))
    }

    /// A signature line or a total row.
    fn leftover(&self, cells: &[Cell]) -> Option<SkipReason> {
        let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
        let first = filled.iter().find_map(|cell| match cell {
            Cell::Text(text) => Some(words(text)),
            _ => None,
        })?;
        let first_word = first.first().map(String::as_str).unwrap_or_default();
        if matches!(first_word, "jumlah" | "total" | "rata" | "average") && first.len() <= 3 {
            return Some(SkipReason::Total);
        }
        let dated = first.iter().any(|w| MONTHS.contains(&w.as_str()))
            && first.iter().any(|w| year_of_word(w).is_some())
            && first.len() <= 6;
        let few_cells = filled.len() <= 3;
        (few_cells && (SIGNATURE_WORDS.contains(&first_word) || dated))
            .then_some(SkipReason::Signature)
    }

    /// Area, program and unit of a wide or long row, carried down when blank.
    /// True when the row names an area or program itself.
    fn place(&mut self, row: usize) -> bool {
        let area = self.text(row, Meaning::Area);
        let program = self.text(row, Meaning::Program);
        if let Some(area) = &area
            && self.carry.area.as_ref() != Some(area)
        {
            self.carry = Place {
                area: Some(area.clone()),
                ..Place::default()
            };
        }
        if let Some(program) = &program
            && self.carry.program.as_ref() != Some(program)
        {
            self.carry.program = Some(program.clone());
            self.carry.unit = None;
        }
        self.place_unit(row);
        area.is_some() || program.is_some()
    }

    fn place_unit(&mut self, row: usize) {
        if let Some(unit) = self.text(row, Meaning::Unit) {
            self.carry.unit = Some(unit);
        }
    }

    /// An outline row: sets the area or program and returns `None`, or returns the
    /// indicator's name.
    fn outline(&mut self, row: usize) -> Option<String> {
        let text = self.text(row, Meaning::Outline).unwrap_or_default();
        let number = self.text(row, Meaning::Number);
        let (level, name) = outline_level(&text, number.as_deref());
        match level {
            OutlineLevel::Area => {
                self.carry = Place {
                    area: Some(name),
                    ..Place::default()
                };
                None
            }
            OutlineLevel::Program => {
                self.carry.program = Some(name);
                self.carry.unit = None;
                self.place_unit(row);
                None
            }
            OutlineLevel::Indicator if name.is_empty() => None,
            OutlineLevel::Indicator => Some(name),
        }
    }

    /// The year and quarter of a long row.
    fn row_slot(&mut self, row: usize) -> Option<Slot> {
        let quarter_cell = self
            .plan
            .column_of(Meaning::Quarter)
            .map(|col| (col, self.sheet.cell(row, col).as_text()));
        let mut slot = quarter_cell
            .as_ref()
            .and_then(|(_, text)| parse_quarter(text))
            .unwrap_or(Slot::ANY);
        if let Some(col) = self.plan.column_of(Meaning::Year) {
            let text = self.sheet.cell(row, col).as_text();
            match words(&text).iter().find_map(|w| year_of_word(w)) {
                Some(year) => slot.year = Some(year),
                None if !text.is_empty() => {
                    self.warn(row, col, WarningKind::NotAYear { text });
                }
                None => {}
            }
        }
        // Without a Triwulan column the rows are years: their values are the year's.
        if quarter_cell.is_none() {
            slot.quarter = Some(4);
        }
        slot.year = slot.year.or(self.default_year);
        (slot.year.is_some() && slot.quarter.is_some()).then_some(slot)
    }

    fn attributes(&mut self, row: usize, indicator: &mut IndicatorRow) {
        if let Some(col) = self.plan.column_of(Meaning::Polarity) {
            let text = self.sheet.cell(row, col).as_text();
            indicator.direction = value::direction(&text);
            if indicator.direction.is_none() && !text.is_empty() {
                self.warn(row, col, WarningKind::UnknownPolarity { text });
            }
        }
        if let Some(col) = self.plan.column_of(Meaning::Kind) {
            let text = self.sheet.cell(row, col).as_text();
            indicator.kind = value::kind(&text);
            if indicator.kind.is_none() && !text.is_empty() {
                self.warn(row, col, WarningKind::UnknownKind { text });
            }
        }
        if let Some(col) = self.plan.column_of(Meaning::Baseline) {
            indicator.baseline = self.number(row, col);
        }
        if let Some(col) = self.plan.column_of(Meaning::Budget) {
            match value::rupiah(self.sheet.cell(row, col)) {
                Ok(budget) => indicator.budget = budget,
                Err(text) => self.warn(row, col, WarningKind::NotANumber { text }),
            }
        }
    }

    fn number(&mut self, row: usize, col: usize) -> Option<f64> {
        match value::number(self.sheet.cell(row, col)) {
            Ok(number) => number,
            Err(text) => {
                self.warn(row, col, WarningKind::NotANumber { text });
                None
            }
        }
    }

    /// The quarter a value column holds on this row; `None` for a text column with no
    /// quarter of its own in a wide row (it goes to the last reported quarter).
    fn quarter_of(&self, meaning: Meaning, slot: Slot, row_slot: Option<Slot>) -> Option<Quarter> {
        let text_column = matches!(
            meaning,
            Meaning::Obstacle(_) | Meaning::FollowUp(_) | Meaning::Evidence(_)
        );
        let (year, quarter) = match row_slot {
            Some(row) => (slot.year.or(row.year), slot.quarter.or(row.quarter)),
            None if text_column && slot == Slot::ANY => return None,
            None => (
                slot.year.or(self.default_year),
                Some(slot.quarter.unwrap_or(self.default_quarter)),
            ),
        };
        Quarter::new(year?, quarter?)
    }

    fn entries(&mut self, row: usize, row_slot: Option<Slot>, indicator: &mut IndicatorRow) {
        let mut loose = Entry::default();
        let mut shown_as_percent = false;
        let columns: Vec<(usize, Meaning, Slot)> = self
            .plan
            .read_columns()
            .filter_map(|c| c.meaning.slot().map(|slot| (c.index, c.meaning, slot)))
            .collect();
        for (col, meaning, slot) in columns {
            let cell = self.sheet.cell(row, col);
            if cell.is_empty() {
                continue;
            }
            let quarter = self.quarter_of(meaning, slot, row_slot);
            let entry = match quarter {
                Some(quarter) => indicator.entries.entry(quarter).or_default(),
                None => &mut loose,
            };
            let text = cell.as_text();
            match meaning {
                Meaning::Target(_) | Meaning::Actual(_) => {
                    shown_as_percent |= match cell {
                        Cell::Percent(_) => true,
                        Cell::Text(text) => text.trim_end().ends_with('%'),
                        Cell::Number(_) | Cell::Empty => false,
                    };
                    let number = match value::number(cell) {
                        Ok(number) => number,
                        Err(text) => {
                            self.warn(row, col, WarningKind::NotANumber { text });
                            continue;
                        }
                    };
                    if matches!(meaning, Meaning::Target(_)) {
                        entry.target = number;
                    } else {
                        entry.actual = number;
                    }
                }
                Meaning::Obstacle(_) => entry.obstacle = Some(text),
                Meaning::FollowUp(_) => entry.follow_up = Some(text),
                Meaning::Evidence(_) => entry.evidence.extend(
                    text.split(['\n', ';'])
                        .map(str::trim)
                        .filter(|part| !part.is_empty())
                        .map(str::to_owned),
                ),
                _ => {}
            }
        }
        indicator
            .entries
            .retain(|_, entry| *entry != Entry::default());
        // Values written `60,27%` are percentages even where no column says so.
        if shown_as_percent && indicator.measure.is_empty() {
            indicator.measure = "%".to_owned();
        }
        if loose == Entry::default() {
            return;
        }
        // Kendala written once per row belongs to the last quarter reported on it.
        let home = last_quarter(&indicator.entries, |entry| entry.actual.is_some())
            .or_else(|| last_quarter(&indicator.entries, |entry| entry.target.is_some()));
        match home.and_then(|quarter| indicator.entries.get_mut(&quarter)) {
            Some(entry) => {
                entry.obstacle = entry.obstacle.take().or(loose.obstacle);
                entry.follow_up = entry.follow_up.take().or(loose.follow_up);
                entry.evidence.extend(loose.evidence);
            }
            None => {
                let col = self.plan.column_of(Meaning::Indicator).unwrap_or(0);
                self.warn(row, col, WarningKind::TextWithoutTarget);
            }
        }
    }
}

fn last_quarter(
    entries: &BTreeMap<Quarter, Entry>,
    keep: impl Fn(&Entry) -> bool,
) -> Option<Quarter> {
    entries
        .iter()
        .rev()
        .find(|(_, entry)| keep(entry))
        .map(|(quarter, _)| *quarter)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutlineLevel {
    Area,
    Program,
    Indicator,
}

/// The level of an outline row by its numbering (`A.`, `I.` area; `1.` program;
/// anything else an indicator), and its name without the numbering. `number` is the
/// row's `NO` cell, for outlines that number in a column of their own.
fn outline_level(text: &str, number: Option<&str>) -> (OutlineLevel, String) {
    let text = text.trim();
    let numbering = |token: &str| {
        token.ends_with(['.', ')'])
            || matches!(token, "-" | "•" | "*" | "–")
            || (token.contains('.') && token.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
    let (token, name) = match text.split_once(char::is_whitespace) {
        Some((token, rest)) if numbering(token) => (token, rest.trim()),
        _ if numbering(text) => (text, ""),
        _ => match number {
            Some(number) => (number.trim(), text),
            None => return (OutlineLevel::Indicator, text.to_owned()),
        },
    };
    let core = token.trim_end_matches(['.', ')']);
    let roman = !core.is_empty() && core.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let letter = core.len() == 1 && core.chars().all(|c| c.is_ascii_uppercase());
    let level = if roman || letter {
        OutlineLevel::Area
    } else if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        OutlineLevel::Program
    } else {
        OutlineLevel::Indicator
    };
    (level, name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_levels() {
        use OutlineLevel::*;
        for (text, number, expected) in [
            (
                "A. MANAJEMEN PERUBAHAN",
                None,
                (Area, "MANAJEMEN PERUBAHAN"),
            ),
            (
                "II. Penataan Tata Laksana",
                None,
                (Area, "Penataan Tata Laksana"),
            ),
            (
                "1. Internalisasi budaya kerja",
                None,
                (Program, "Internalisasi budaya kerja"),
            ),
            ("12) Program", None, (Program, "Program")),
            ("a. Persentase ASN", None, (Indicator, "Persentase ASN")),
            ("1.1 Persentase ASN", None, (Indicator, "Persentase ASN")),
            ("- Persentase ASN", None, (Indicator, "Persentase ASN")),
            ("Persentase ASN", None, (Indicator, "Persentase ASN")),
            (
                "Manajemen Perubahan",
                Some("A"),
                (Area, "Manajemen Perubahan"),
            ),
            ("Internalisasi", Some("1"), (Program, "Internalisasi")),
            ("Indeks", Some("a"), (Indicator, "Indeks")),
        ] {
            let (level, name) = outline_level(text, number);
            assert_eq!((level, name.as_str()), expected, "{text}");
        }
    }
}
