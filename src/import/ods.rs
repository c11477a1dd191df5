//! What calamine does not tell about an `.ods`, read from its `content.xml`: merged
//! cells (`table:number-rows-spanned`, `table:number-columns-spanned`) and which
//! numbers are shown as percentages (`office:value-type="percentage"`, stored as the
//! fraction), per table, at the positions calamine gives the same cells.
//!
//! Positions count every `table:table-row` of a table (wherever it is nested: header
//! rows, row groups) and every cell or covered cell of a row, with their repeats, as
//! calamine does. Bounded like the rest of the reading: rows and columns past the
//! kept grid are not recorded, nor more merges or percentages than a sheet holds.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::source::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};
use super::table::Region;

/// Merged regions recorded per table; more are decoration, not areas over rows.
const MAX_MERGES: usize = 100_000;

/// One table's merged regions and percentage cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    pub merges: Vec<Region>,
    /// `(row, col)` of numbers shown as percentages.
    pub percent: Vec<(usize, usize)>,
}

/// The extras of every table in the `.ods` `bytes`, by table name; empty when the
/// content cannot be read (calamine reports a damaged file itself).
pub fn extras(bytes: &[u8]) -> HashMap<String, Extras> {
    content(bytes).map(|xml| scan(&xml)).unwrap_or_default()
}

fn content(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let entry = archive.by_name("content.xml").ok()?;
    let mut xml = Vec::new();
    // The whole archive was checked against the inflation limit before this.
    entry
        .take(super::source::MAX_INFLATED_BYTES)
        .read_to_end(&mut xml)
        .ok()?;
    Some(xml)
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    let value = element.try_get_attribute(name).ok()??;
    let raw = value.value.into_owned();
    Some(
        quick_xml::escape::unescape(&raw)
            .map(|text| text.into_owned())
            .unwrap_or(raw),
    )
}

fn count(element: &BytesStart<'_>, name: &str) -> usize {
    attribute(element, name)
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Where the scan is in the current table.
#[derive(Default)]
struct Table {
    name: String,
    extras: Extras,
    /// The next row's index and the current row's repeats.
    row: usize,
    repeats: usize,
    col: usize,
    /// Inside a cell, tables nested in it are not the sheet's.
    cell_depth: usize,
}

impl Table {
    fn cell(&mut self, element: &BytesStart<'_>) {
        let repeated = count(element, "table:number-columns-repeated");
        let (row, col) = (self.row, self.col);
        self.col = self.col.saturating_add(repeated);
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            return;
        }
        let rows_spanned = count(element, "table:number-rows-spanned");
        let columns_spanned = count(element, "table:number-columns-spanned");
        if (rows_spanned > 1 || columns_spanned > 1) && self.extras.merges.len() < MAX_MERGES {
            let end = |start: usize, span: usize| (start + span - 1).min(u32::MAX as usize) as u32;
            self.extras.merges.push((
                (row as u32, col as u32),
                (end(row, rows_spanned), end(col, columns_spanned)),
            ));
        }
        let percentage = attribute(element, "office:value-type").as_deref() == Some("percentage");
        if percentage
            && element
                .try_get_attribute("office:value")
                .ok()
                .flatten()
                .is_some()
        {
            // A repeated cell is the same cell many times: each gets its position.
            for r in row..(row + self.repeats).min(MAX_ROWS) {
                for c in col..(col + repeated).min(MAX_COLUMNS) {
                    if self.extras.percent.len() >= MAX_CELLS {
                        return;
                    }
                    self.extras.percent.push((r, c));
                }
            }
        }
    }
}

fn scan(xml: &[u8]) -> HashMap<String, Extras> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut tables = HashMap::new();
    let mut table: Option<Table> = None;
    // A broken document ends the scan where it breaks; calamine reports it.
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match (e.name().as_ref(), table.as_mut()) {
                    ("table:table", None) if !empty => {
                        table = Some(Table {
                            name: attribute(e, "table:name").unwrap_or_default(),
                            ..Table::default()
                        });
                    }
                    (_, Some(t)) if t.cell_depth > 0 && !empty => t.cell_depth += 1,
                    (_, Some(t)) if t.cell_depth > 0 => {}
                    ("table:table-row", Some(t)) => {
                        t.repeats = count(e, "table:number-rows-repeated");
                        t.col = 0;
                        if empty {
                            t.row = t.row.saturating_add(t.repeats);
                        }
                    }
                    ("table:table-cell" | "table:covered-table-cell", Some(t)) => {
                        t.cell(e);
                        if !empty {
                            t.cell_depth = 1;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => match (e.name().as_ref(), table.as_mut()) {
                (_, Some(t)) if t.cell_depth > 0 => t.cell_depth -= 1,
                ("table:table-row", Some(t)) => t.row = t.row.saturating_add(t.repeats),
                ("table:table", Some(_)) => {
                    if let Some(done) = table.take() {
                        tables.entry(done.name).or_insert(done.extras);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_percentages_at_calamines_positions() {
        let xml = br#"<office:document-content><office:body><office:spreadsheet>
<table:table table:name="RB &amp; Monev">
<table:table-column table:number-columns-repeated="4"/>
<table:table-header-rows>
<table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>AREA</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>X</text:p></table:table-cell></table:table-row>
</table:table-header-rows>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="percentage" office:value="0.6027"><text:p>60,27%</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="3" office:value-type="string"><text:p>A<table:table table:name="inner"><table:table-row><table:table-cell/></table:table-row></table:table></text:p></table:table-cell><table:table-cell office:value-type="float" office:value="5"/></table:table-row>
</table:table>
<table:table table:name="Dua"><table:table-row><table:table-cell office:value-type="percentage"/></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
        let tables = scan(xml);
        assert_eq!(tables.len(), 2, "{tables:?}");
        let first = &tables["RB & Monev"];
        assert_eq!(
            first.merges,
            vec![((0, 0), (0, 1)), ((3, 0), (5, 0))],
            "a table nested in a cell moves nothing"
        );
        assert_eq!(first.percent, vec![(1, 2), (2, 2)]);
        assert_eq!(tables["Dua"], Extras::default(), "no value, no number");
    }

    #[test]
    fn not_a_zip_has_no_extras() {
        assert!(extras(b"not a zip").is_empty());
    }
}
