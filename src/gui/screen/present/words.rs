//! The words under a row of the milestone and flagged slides: shared by the views and
//! by the row heights that decide how many rows fit a slide.

use super::deck::{FlaggedRow, MilestoneRow};
use crate::gui::i18n::tr_with;
use crate::locale::Language;
use crate::model::Kind;

/// When a milestone was due and done, as its row says it.
pub fn milestone_when(row: &MilestoneRow, language: Language) -> String {
    let mut when = tr_with(
        language,
        "present.milestones.due",
        &[("quarter", &language.quarter(row.due))],
    );
    if let Some(done) = row.done {
        when.push_str(", ");
        when.push_str(&tr_with(
            language,
            "present.milestones.done",
            &[("quarter", &language.quarter(done))],
        ));
    }
    when
}

/// "Kendala: ..." under a late milestone whose kendala is written.
pub fn milestone_obstacle(row: &MilestoneRow, language: Language) -> Option<String> {
    let text = row.obstacle.as_deref().filter(|_| row.is_late())?;
    Some(tr_with(
        language,
        "present.milestones.obstacle",
        &[("text", text)],
    ))
}

/// The lines under a flagged row's achievement: when a milestone was due; the target
/// and actual compared for a number, worded as compared (a count's and an average's
/// year to date).
pub fn flagged_numbers(row: &FlaggedRow, language: Language) -> Vec<String> {
    let quarter = language.quarter(row.quarter);
    let value = |key: &str, value: f64| {
        tr_with(
            language,
            key,
            &[
                (
                    "value",
                    &super::look::measured(language, value, &row.measure),
                ),
                ("quarter", &quarter),
            ],
        )
    };
    let (target_key, actual_key, no_actual_key) = match row.kind {
        Kind::Milestone => {
            return row
                .due
                .map(|due| {
                    tr_with(
                        language,
                        "present.milestones.due",
                        &[("quarter", &language.quarter(due))],
                    )
                })
                .into_iter()
                .collect();
        }
        Kind::Count => (
            "present.chart.target_to_date",
            "present.chart.actual_to_date",
            "present.chart.no_actual_to_date",
        ),
        Kind::Average => (
            "present.chart.target_mean",
            "present.chart.actual_mean",
            "present.chart.no_actual_mean",
        ),
        Kind::Level => (
            "present.chart.target",
            "present.chart.actual",
            "present.chart.no_actual",
        ),
    };
    let mut lines: Vec<String> = row
        .target
        .map(|t| value(target_key, t))
        .into_iter()
        .collect();
    lines.push(match row.actual {
        Some(actual) => value(actual_key, actual),
        None => tr_with(language, no_actual_key, &[("quarter", &quarter)]),
    });
    lines
}
