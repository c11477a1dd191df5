//! Helpers shared by the GUI tests.

use reform_roadmap::gui::contract::Context;
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Quarter, Roadmap};
use reform_roadmap::review::ReviewReport;

/// A quarter from its file spelling, `2025-Q3`.
pub fn q(text: &str) -> Quarter {
    text.parse().unwrap()
}

/// What a screen reads, for `roadmap` at the report's quarter: in Indonesian, never
/// saved (no folder), no window, on the first day of 2026.
pub fn context<'a>(roadmap: &'a Roadmap, report: &'a ReviewReport) -> Context<'a> {
    Context {
        roadmap,
        report,
        quarter: report.quarter,
        language: Language::Indonesian,
        problems: &[],
        read_only: false,
        folder: None,
        window: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        recent: &[],
    }
}
