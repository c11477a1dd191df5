//! Format version 2: how indicators are scored and how a score is rated
//! (`roadmap-format.md`, "Scores and ratings").

use serde::{Deserialize, Serialize};

/// The document's scoring settings (`scoring: (cap: 120.0, missing: Zero, rating: Sakip)`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// A score above it counts as the cap (often 120).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub missing: MissingScore,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub rating: RatingScale,
}

/// What a `missing` indicator scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum MissingScore {
    /// Nothing reported scores 0.
    #[default]
    Zero,
    /// Nothing reported has no score and does not pull the mean down.
    Exclude,
}

/// The bands a score is rated against.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum RatingScale {
    /// No rating.
    #[default]
    None,
    /// SAKIP letters AA–D (*predikat* of the performance accountability evaluation).
    Sakip,
    /// Permendagri 86/2017: *sangat tinggi* … *sangat rendah*.
    Permendagri86,
    /// The region's own bands, highest `min` first.
    Custom(Vec<Band>),
}

/// One band of a [`RatingScale::Custom`] scale: scores at or above `min` get `label`
/// (unless an earlier band took them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: f64,
    pub label: String,
}

/// The measuring scale of an indicator (0–5 for a maturity level, 0–100 for an index).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

impl Scoring {
    /// No cap, `missing: Zero`, no rating.
    pub const DEFAULT: Scoring = Scoring {
        cap: None,
        missing: MissingScore::Zero,
        rating: RatingScale::None,
    };
}

const SAKIP: [(f64, &str); 6] = [
    (90.0, "AA"),
    (80.0, "A"),
    (70.0, "BB"),
    (60.0, "B"),
    (50.0, "CC"),
    (30.0, "C"),
];

const PERMENDAGRI_86: [(f64, &str); 4] = [
    (91.0, "Sangat Tinggi"),
    (76.0, "Tinggi"),
    (66.0, "Sedang"),
    (51.0, "Rendah"),
];

impl RatingScale {
    /// The rating of `score`. SAKIP bands are open at the bottom (above 90 is `AA`, 90
    /// itself is `A`); Permendagri 86 and custom bands are closed (91 is *sangat tinggi*).
    /// The labels are official names, the same in every language.
    pub fn rate(&self, score: f64) -> Option<&str> {
        match self {
            RatingScale::None => None,
            RatingScale::Sakip => Some(
                SAKIP
                    .iter()
                    .find(|(above, _)| score > *above)
                    .map_or("D", |(_, label)| label),
            ),
            RatingScale::Permendagri86 => Some(
                PERMENDAGRI_86
                    .iter()
                    .find(|(min, _)| score >= *min)
                    .map_or("Sangat Rendah", |(_, label)| label),
            ),
            RatingScale::Custom(bands) => bands
                .iter()
                .find(|band| band.min <= score)
                .map(|band| band.label.as_str()),
        }
    }
}

impl Scale {
    pub fn contains(self, value: f64) -> bool {
        (self.min..=self.max).contains(&value)
    }
}
