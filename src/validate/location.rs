//! Where a problem is, and how that place is named to the user.

use super::Item;
use crate::locale::Language;
use crate::model::{IndicatorAt, Roadmap};

/// Where a problem is, as indices into the document, so that the app can jump there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Location {
    Document,
    /// `roadmap.units[unit]`
    Unit {
        unit: usize,
    },
    /// `roadmap.areas[area]`
    Area {
        area: usize,
    },
    Program {
        area: usize,
        program: usize,
    },
    Indicator(IndicatorAt),
    /// One entry of an indicator's `targets`, by its key as written in the file.
    Target {
        at: IndicatorAt,
        quarter: String,
    },
    /// `roadmap.reviews[review]`
    Review {
        review: usize,
    },
}

impl Location {
    /// The entry `key` of the indicator at `at`.
    pub fn target(at: IndicatorAt, key: &str) -> Self {
        Location::Target {
            at,
            quarter: key.to_owned(),
        }
    }

    /// Where the problem is, in `language`, naming items by id ("indikator mp-1-a,
    /// target 2025-Q1"); an item without an id is named by its position.
    pub fn describe(&self, roadmap: &Roadmap, language: Language) -> String {
        let named = |item: Item, id: Option<&str>, index: usize| {
            let id = match id {
                Some(id) if !id.trim().is_empty() => id.to_owned(),
                _ => format!("#{}", index + 1),
            };
            format!("{} {id}", item.noun(language))
        };
        let area_id = |a: usize| roadmap.areas.get(a).map(|x| x.id.as_str());
        let program_id = |a: usize, p: usize| {
            roadmap
                .areas
                .get(a)
                .and_then(|x| x.programs.get(p))
                .map(|x| x.id.as_str())
        };
        let indicator = |at: &IndicatorAt| {
            let id = roadmap.indicator(*at).map(|x| x.id.as_str());
            named(Item::Indicator, id, at.indicator)
        };
        let locale = language.code();
        match self {
            Location::Document => {
                rust_i18n::t!("validate.where.document", locale = locale).into_owned()
            }
            Location::Unit { unit } => named(
                Item::Unit,
                roadmap.units.get(*unit).map(|u| u.id.as_str()),
                *unit,
            ),
            Location::Area { area } => named(Item::Area, area_id(*area), *area),
            Location::Program { area, program } => {
                named(Item::Program, program_id(*area, *program), *program)
            }
            Location::Indicator(at) => indicator(at),
            Location::Target { at, quarter } => rust_i18n::t!(
                "validate.where.target",
                locale = locale,
                indicator = indicator(at),
                quarter = quarter
            )
            .into_owned(),
            Location::Review { review } => {
                let quarter = roadmap
                    .reviews
                    .get(*review)
                    .map(|r| language.quarter(r.quarter))
                    .unwrap_or_default();
                rust_i18n::t!(
                    "validate.where.review",
                    locale = locale,
                    number = review + 1,
                    quarter = quarter
                )
                .into_owned()
            }
        }
    }
}
