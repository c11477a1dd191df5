//! One address for an indicator: where it sits in the tree, as the draft's outline,
//! the edits, the review's rows and the problems all point at it.

use super::{Indicator, Roadmap};

/// The indicator at `roadmap.areas[area].programs[program].indicators[indicator]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorAt {
    pub area: usize,
    pub program: usize,
    pub indicator: usize,
}

impl IndicatorAt {
    pub const fn new(area: usize, program: usize, indicator: usize) -> Self {
        Self {
            area,
            program,
            indicator,
        }
    }

    /// Another indicator of the same program.
    pub fn sibling(self, indicator: usize) -> Self {
        Self { indicator, ..self }
    }
}

impl Roadmap {
    /// The indicator at `at`, if the document has one there.
    pub fn indicator(&self, at: IndicatorAt) -> Option<&Indicator> {
        self.areas
            .get(at.area)?
            .programs
            .get(at.program)?
            .indicators
            .get(at.indicator)
    }

    pub fn indicator_mut(&mut self, at: IndicatorAt) -> Option<&mut Indicator> {
        self.areas
            .get_mut(at.area)?
            .programs
            .get_mut(at.program)?
            .indicators
            .get_mut(at.indicator)
    }
}
