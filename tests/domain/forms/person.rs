//! A person at a spreadsheet, in code: opens a workbook, types into cells, sorts and
//! deletes rows, saves. The saved workbook is written afresh (as a spreadsheet program
//! does), so nothing of our writer's own layout survives but the cells.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, SheetVisible, Xlsx};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Number(f64),
    Text(String),
    /// Typed with its leading `=`: a spreadsheet stores it as a formula.
    Formula(String),
}

pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub cells: BTreeMap<(u32, u32), Cell>,
}

pub struct Book {
    pub sheets: Vec<Sheet>,
}

impl Book {
    pub fn open(bytes: &[u8]) -> Book {
        let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an xlsx");
        let metadata = book.sheets_metadata().to_vec();
        let sheets = metadata
            .iter()
            .map(|sheet| {
                let range = book.worksheet_range(&sheet.name).unwrap();
                let (row0, col0) = range.start().unwrap_or((0, 0));
                let mut cells = BTreeMap::new();
                for (r, c, data) in range.used_cells() {
                    let cell = match data {
                        Data::Float(n) => Cell::Number(*n),
                        Data::Int(n) => Cell::Number(*n as f64),
                        Data::String(s) => Cell::Text(s.clone()),
                        other => panic!("unexpected cell {other:?}"),
                    };
                    cells.insert((row0 + r as u32, col0 + c as u32), cell);
                }
                Sheet {
                    name: sheet.name.clone(),
                    hidden: sheet.visible != SheetVisible::Visible,
                    cells,
                }
            })
            .collect();
        Book { sheets }
    }

    pub fn save(&self) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        for sheet in &self.sheets {
            let out = book.add_worksheet();
            out.set_name(&sheet.name).unwrap();
            for (&(r, c), cell) in &sheet.cells {
                match cell {
                    Cell::Number(n) => out.write_number(r, c as u16, *n).map(|_| ()),
                    Cell::Text(t) => out.write_string(r, c as u16, t).map(|_| ()),
                    Cell::Formula(f) => out.write_formula(r, c as u16, f.as_str()).map(|_| ()),
                }
                .unwrap();
            }
            out.set_hidden(sheet.hidden);
        }
        book.save_to_buffer().unwrap()
    }

    /// The visible form sheet.
    pub fn form(&mut self) -> &mut Sheet {
        self.sheets.iter_mut().find(|s| !s.hidden).unwrap()
    }

    /// The hidden sheet.
    pub fn meta(&mut self) -> &mut Sheet {
        self.sheets.iter_mut().find(|s| s.hidden).unwrap()
    }
}

impl Sheet {
    fn key_row(&self) -> u32 {
        self.cells
            .iter()
            .find(|(_, c)| **c == Cell::Text("rr:id".into()))
            .map(|(&(r, _), _)| r)
            .expect("a key row")
    }

    pub fn column(&self, key: &str) -> u32 {
        let row = self.key_row();
        let wanted = Cell::Text(format!("rr:{key}"));
        self.cells
            .iter()
            .find(|((r, _), c)| *r == row && **c == wanted)
            .map(|(&(_, c), _)| c)
            .unwrap_or_else(|| panic!("no column {key}"))
    }

    fn first_data_row(&self) -> u32 {
        self.key_row() + 2
    }

    /// The ids of the form's rows, top to bottom.
    pub fn ids(&self) -> Vec<String> {
        let col = self.column("id");
        let first = self.first_data_row();
        self.cells
            .iter()
            .filter(|((r, c), _)| *c == col && *r >= first)
            .map(|(_, cell)| match cell {
                Cell::Text(t) => t.clone(),
                other => panic!("id {other:?}"),
            })
            .collect()
    }

    pub fn row_of(&self, id: &str) -> u32 {
        let col = self.column("id");
        self.cells
            .iter()
            .find(|((_, c), cell)| *c == col && **cell == Cell::Text(id.into()))
            .map(|(&(r, _), _)| r)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    /// Types `cell` into `id`'s cell of column `key`.
    pub fn set(&mut self, id: &str, key: &str, cell: Cell) {
        let at = (self.row_of(id), self.column(key));
        self.cells.insert(at, cell);
    }

    pub fn get(&self, id: &str, key: &str) -> Option<&Cell> {
        self.cells.get(&(self.row_of(id), self.column(key)))
    }

    /// `Formulir!I14` of `id`'s cell in column `key`.
    pub fn address(&self, id: &str, key: &str) -> String {
        let col = self.column(key);
        let letter = (b'A' + col as u8) as char;
        format!("{}!{letter}{}", self.name, self.row_of(id) + 1)
    }

    /// Sorts the table's rows the other way round (Data > Sort, descending).
    pub fn reverse_rows(&mut self) {
        let first = self.first_data_row();
        let last = self.cells.keys().map(|&(r, _)| r).max().unwrap();
        let cells = std::mem::take(&mut self.cells);
        self.cells = cells
            .into_iter()
            .map(|((r, c), cell)| {
                let r = if r >= first { first + last - r } else { r };
                ((r, c), cell)
            })
            .collect();
    }

    /// Deletes `id`'s row; the rows below move up.
    pub fn delete_row(&mut self, id: &str) {
        let gone = self.row_of(id);
        let cells = std::mem::take(&mut self.cells);
        self.cells = cells
            .into_iter()
            .filter(|((r, _), _)| *r != gone)
            .map(|((r, c), cell)| ((if r > gone { r - 1 } else { r }, c), cell))
            .collect();
    }
}
