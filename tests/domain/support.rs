//! Helpers shared by the domain tests.

use reform_roadmap::model::Quarter;

/// A quarter from its file spelling, `2025-Q3`.
pub fn q(text: &str) -> Quarter {
    text.parse().unwrap()
}
