//! Format version 2: a program's annual budget (*pagu*) and its quarterly spending
//! (*realisasi anggaran*), and the absorption (*serapan*) they give.

use super::{Program, Quarter};

impl Program {
    /// The rupiah spent in `quarter`'s year up to and including `quarter`.
    pub fn spent_to_date(&self, quarter: Quarter) -> u64 {
        Quarter::first_of(quarter.year())
            .through(quarter)
            .filter_map(|q| self.spent.get(q.key().as_str()))
            .sum()
    }

    /// The annual budget of `year`, when there is one.
    pub fn budget_of(&self, year: i32) -> Option<u64> {
        self.annual_budget.get(&year).copied()
    }

    /// Budget absorption (%) at `quarter`: spending in the year to date over that
    /// year's budget. None without that year's budget, or with a budget of 0 (nothing
    /// to absorb).
    pub fn absorption(&self, quarter: Quarter) -> Option<f64> {
        let budget = self.budget_of(quarter.year()).filter(|&b| b > 0)?;
        Some(self.spent_to_date(quarter) as f64 / budget as f64 * 100.0)
    }
}
