//! The quarter's OPD forms (*formulir monev per perangkat daerah*): one workbook per
//! reporting unit, handed out, filled in a spreadsheet program and collected back
//! into the roadmap in one step, with nothing silently overwritten.
//!
//! - [`plan`] decides which indicators each unit reports at a quarter;
//! - [`write`] makes a unit's workbook: the visible form and a hidden sheet carrying
//!   which roadmap, quarter and unit it is for and the values it was made from;
//! - [`read`] reads a returned workbook (`.xlsx`, `.ods`, `.xls`) as untrusted input;
//! - [`collect`] compares what the forms bring with the document and the values the
//!   forms were made from, and applies what is taken.
//!
//! This module writes only forms; the roadmap is saved by the caller (`file::save`).

pub mod collect;
mod guard;
mod plan;
pub mod read;
mod value;
mod words;
pub mod write;

pub use collect::{Collection, Conflict, Outcome, Prefer, Side, Taken, UnitReport, collect};
pub use plan::{
    FormRow, UnitForm, not_reported, plan, reporting_unit, reporting_units, reports_at,
};
pub use read::{Refusal, RefusedForm, Rejected, RejectedReason, ReturnedForm, is_form, read_form};
pub use value::{Field, Value};
pub use write::{FormError, file_name, safe_file_name, workbook, write_forms};

use crate::model::{Quarter, Roadmap};

/// Marks the hidden sheet of a form and its layout; a later layout gets a new number
/// so an old form is still read the way it was written.
pub const FORM_LAYOUT: u32 = 1;

/// The hidden sheet carrying the form's identity and the values it was made from.
pub const META_SHEET: &str = "_formulir";

/// What a form says it belongs to, written in its hidden sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub title: String,
    pub institution: String,
    pub period: (i32, i32),
    pub quarter: Quarter,
    pub unit: String,
}

impl Identity {
    pub fn new(roadmap: &Roadmap, quarter: Quarter, unit: &str) -> Self {
        Self {
            title: roadmap.title.clone(),
            institution: roadmap.institution.clone(),
            period: (roadmap.period.start, roadmap.period.end),
            quarter,
            unit: unit.to_owned(),
        }
    }

    /// The same roadmap: the same institution and period. The title is not compared,
    /// since it is often reworded during the year while the forms are out.
    pub fn is_of(&self, roadmap: &Roadmap) -> bool {
        self.institution.trim() == roadmap.institution.trim()
            && self.period == (roadmap.period.start, roadmap.period.end)
    }
}
