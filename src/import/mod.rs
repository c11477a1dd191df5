//! Bringing an existing roadmap in from a spreadsheet: the *rencana aksi RB* workbook,
//! the monev triwulan sheet, an e-monev export (`.xlsx`, `.xls`, `.ods`, `.csv`).
//!
//! Three steps, so that a preview can show and correct what was understood before
//! anything is built; nothing here writes files:
//! 1. [`read`] the file into sheets of cells (bounded in size, zip bombs refused);
//! 2. [`detect`] the table of a sheet: its header rows, what each column means
//!    (changeable with [`Plan::set_meaning`]) and its [`Layout`];
//! 3. [`build`] the roadmap with an [`ImportReport`] of what was read, skipped and
//!    doubtful. [`preview`] shows the first rows as `build` will read them.
//!
//! [`import`] does all three for a file, picking the first sheet with a table.

mod assemble;
mod delimited;
mod detect;
mod error;
mod heading;
mod ids;
mod ods;
mod read;
mod report;
mod source;
mod table;
mod value;

use std::path::Path;

pub use detect::{Column, Layout, Plan};
pub use error::{HEADINGS_LOOKED_FOR, ImportError};
pub use heading::{Meaning, Slot};
pub use read::{Entry, IndicatorRow, Options, Outcome, Place, RowReading};
pub use report::{Counts, ImportReport, SkipReason, SkippedRow, Warning, WarningKind};
pub use source::{MAX_FILE_BYTES, MAX_INFLATED_BYTES, read, read_bytes};
pub use table::{Cell, Sheet, Workbook, address, column_letters};

use crate::model::Roadmap;

/// Finds the table of `sheet` of `workbook`.
pub fn detect(workbook: &Workbook, sheet: &Sheet) -> Result<Plan, ImportError> {
    detect::detect(sheet, &workbook.file)
}

/// The first `limit` rows under the header as [`build`] will read them (blank rows
/// left out).
pub fn preview(
    workbook: &Workbook,
    sheet: &Sheet,
    plan: &Plan,
    options: &Options,
    limit: usize,
) -> Result<Vec<RowReading>, ImportError> {
    let mut reader = read::Reader::new(sheet, plan, options, &workbook.file)?;
    Ok(reader
        .rows()
        .map(|row| reader.read(row))
        .filter(|reading| reading.outcome != Outcome::Blank)
        .take(limit)
        .collect())
}

/// Builds the roadmap from `sheet` as `plan` says.
pub fn build(
    workbook: &Workbook,
    sheet: &Sheet,
    plan: &Plan,
    options: &Options,
) -> Result<(Roadmap, ImportReport), ImportError> {
    if let (Some(start), Some(end)) = (options.start, options.end)
        && end < start
    {
        return Err(ImportError::PeriodReversed { start, end });
    }
    let mut reader = read::Reader::new(sheet, plan, options, &workbook.file)?;
    let readings: Vec<RowReading> = reader.rows().map(|row| reader.read(row)).collect();
    assemble::assemble(
        readings.into_iter(),
        reader.warnings,
        plan,
        options,
        &workbook.file,
    )
}

/// The sheet to import: the one named, else the first in which a table is found.
pub fn choose_sheet<'w>(
    workbook: &'w Workbook,
    name: Option<&str>,
) -> Result<(&'w Sheet, Plan), ImportError> {
    if let Some(name) = name {
        let sheet = workbook
            .sheet(name)
            .ok_or_else(|| ImportError::SheetNotFound {
                file: workbook.file.clone(),
                sheet: name.to_owned(),
                sheets: workbook
                    .sheet_names()
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            })?;
        return detect(workbook, sheet).map(|plan| (sheet, plan));
    }
    let mut first_error = None;
    for sheet in workbook.sheets.iter().filter(|sheet| !sheet.is_empty()) {
        match detect(workbook, sheet) {
            Ok(plan) => return Ok((sheet, plan)),
            // A sheet with a header but no indicator column says more than one
            // without any header.
            Err(error @ ImportError::NoIndicatorColumn { .. }) => {
                if !matches!(first_error, Some(ImportError::NoIndicatorColumn { .. })) {
                    first_error = Some(error);
                }
            }
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| ImportError::Empty {
        file: workbook.file.clone(),
    }))
}

/// Reads `path`, finds the table (in `sheet` when given) and builds the roadmap.
pub fn import(
    path: &Path,
    sheet: Option<&str>,
    options: &Options,
) -> Result<(Roadmap, ImportReport), ImportError> {
    let workbook = read(path)?;
    import_workbook(&workbook, sheet, options)
}

/// [`import`] for a workbook already read.
pub fn import_workbook(
    workbook: &Workbook,
    sheet: Option<&str>,
    options: &Options,
) -> Result<(Roadmap, ImportReport), ImportError> {
    let (sheet, plan) = choose_sheet(workbook, sheet)?;
    build(workbook, sheet, &plan, options)
}
