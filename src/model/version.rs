//! Which `format_version` a document needs: the lowest that holds everything in it, so
//! that offices still on an older release can open what uses nothing newer.

use super::{Area, Direction, FIRST_FORMAT_VERSION, Indicator, Kind, Program, Roadmap, Target};

/// Version 2 added scoring, ranges, owners, quick wins and budgets.
const SCORING_VERSION: u32 = 2;

impl Roadmap {
    /// The lowest `format_version` that can hold this document: 2 when any field, kind
    /// or direction of version 2 is used, else 1.
    pub fn lowest_format_version(&self) -> u32 {
        let uses_version_2 = self.scoring.is_some()
            || self.areas.iter().any(|area| {
                area_uses_version_2(area)
                    || area.programs.iter().any(|program| {
                        program_uses_version_2(program)
                            || program.indicators.iter().any(indicator_uses_version_2)
                    })
            });
        if uses_version_2 {
            SCORING_VERSION
        } else {
            FIRST_FORMAT_VERSION
        }
    }
}

fn area_uses_version_2(area: &Area) -> bool {
    area.weight.is_some()
}

fn program_uses_version_2(program: &Program) -> bool {
    program.quick_win || !program.annual_budget.is_empty() || !program.spent.is_empty()
}

fn indicator_uses_version_2(indicator: &Indicator) -> bool {
    indicator.kind == Kind::Average
        || indicator.direction == Direction::WithinRange
        || indicator.owner.is_some()
        || indicator.weight.is_some()
        || indicator.scale.is_some()
        || indicator.obstacle.is_some()
        || indicator.follow_up.is_some()
        || indicator.evidence.is_some()
        || indicator.targets.values().any(target_uses_version_2)
}

fn target_uses_version_2(target: &Target) -> bool {
    target.upper.is_some()
}
