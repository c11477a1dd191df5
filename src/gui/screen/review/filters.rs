//! Which indicators the table lists and in what order: the reviewer's focus (status,
//! area, unit, a search, "unexplained only", "quick wins only") and the sort. Pure functions of the
//! document and its review, so the screen computes them once per change, not per frame.

use std::collections::HashSet;

use crate::model::Roadmap;
use crate::review::{ReviewReport, Status};

/// Which statuses the table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Behind or not reported: what the meeting must discuss.
    #[default]
    Flagged,
    AtRisk,
    /// Newly behind or recovered since the previous quarter.
    Changed,
    All,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::Flagged,
        StatusFilter::AtRisk,
        StatusFilter::Changed,
        StatusFilter::All,
    ];

    /// Whether the filter lists an indicator with `status`; `changed` tells whether
    /// it is newly behind or recovered.
    pub fn admits(self, status: Status, changed: bool) -> bool {
        match self {
            StatusFilter::Flagged => status.is_flagged(),
            StatusFilter::AtRisk => status == Status::AtRisk,
            StatusFilter::Changed => changed,
            StatusFilter::All => true,
        }
    }

    /// How many indicators of `report` the filter lists (before the other filters).
    pub fn count(self, report: &ReviewReport) -> usize {
        match self {
            StatusFilter::Flagged => report.summary.flagged(),
            StatusFilter::AtRisk => report.summary.at_risk,
            StatusFilter::Changed => report.newly_flagged().count() + report.recovered.len(),
            StatusFilter::All => report.indicators.len(),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Flagged => "review.filter_flagged",
            StatusFilter::AtRisk => "review.filter_at_risk",
            StatusFilter::Changed => "review.filter_changed",
            StatusFilter::All => "review.filter_all",
        }
    }
}

/// The order of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Areas, programs and indicators as the document has them.
    #[default]
    Document,
    /// Lowest achievement first; indicators without one (not reported, not due, no
    /// target) after all the others, each group in document order.
    Achievement,
}

impl Sort {
    pub const ALL: [Sort; 2] = [Sort::Document, Sort::Achievement];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Document => "review.sort_document",
            Sort::Achievement => "review.sort_achievement",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub status: StatusFilter,
    /// Index into `roadmap.areas`.
    pub area: Option<usize>,
    /// A unit id: the indicators it reports (`owner`, else the program's `unit`), the
    /// ones its score and its line on the unit scorecard are made of.
    pub unit: Option<String>,
    /// Words that must all appear (any letter case) in the indicator's name or id or
    /// its program's name.
    pub search: String,
    /// Only flagged indicators still lacking *kendala* or *tindak lanjut*.
    pub unexplained_only: bool,
    /// Only indicators of programs marked *quick win*.
    pub quick_wins_only: bool,
    pub sort: Sort,
}

impl Filters {
    /// Indices into `report.indicators` of the rows to list, in order. Indicators whose
    /// id is in `always` are listed whatever the filters say (entries typed there are
    /// not valid yet and must stay in sight).
    pub fn rows(
        &self,
        roadmap: &Roadmap,
        report: &ReviewReport,
        always: &HashSet<String>,
    ) -> Vec<usize> {
        let words: Vec<String> = self
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let changed: HashSet<&str> = report
            .newly_flagged()
            .chain(&report.recovered)
            .map(String::as_str)
            .collect();
        let mut rows: Vec<usize> = report
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, line)| {
                if always.contains(&line.id) {
                    return true;
                }
                if !self
                    .status
                    .admits(line.status(), changed.contains(line.id.as_str()))
                {
                    return false;
                }
                if self.unexplained_only && !line.unexplained {
                    return false;
                }
                if self.area.is_some_and(|area| area != line.area) {
                    return false;
                }
                let Some(program) = roadmap
                    .areas
                    .get(line.area)
                    .and_then(|area| area.programs.get(line.program))
                else {
                    return false;
                };
                if self.quick_wins_only && !program.quick_win {
                    return false;
                }
                let Some(indicator) = program.indicators.get(line.indicator) else {
                    return false;
                };
                if let Some(unit) = &self.unit
                    && indicator.owner_in(program) != Some(unit.as_str())
                {
                    return false;
                }
                if words.is_empty() {
                    return true;
                }
                let haystack = format!(
                    "{}\n{}\n{}",
                    indicator.name.to_lowercase(),
                    indicator.id.to_lowercase(),
                    program.name.to_lowercase()
                );
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .map(|(index, _)| index)
            .collect();
        if self.sort == Sort::Achievement {
            // Stable: equal achievements keep document order.
            rows.sort_by(|&a, &b| {
                let key = |index: usize| report.indicators[index].evaluation.achievement;
                match (key(a), key(b)) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
            });
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quarter, Roadmap};
    use crate::review::review;

    fn sample_at(quarter: Quarter) -> (Roadmap, ReviewReport) {
        let roadmap = crate::sample::sample();
        let report = review(&roadmap, quarter);
        (roadmap, report)
    }

    fn ids(report: &ReviewReport, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&i| report.indicators[i].id.clone())
            .collect()
    }

    #[test]
    fn status_filters_match_the_engine() {
        let (roadmap, report) = sample_at(Quarter::new(2025, 3).unwrap());
        let none = HashSet::new();
        for status in StatusFilter::ALL {
            let filters = Filters {
                status,
                ..Filters::default()
            };
            let expected: Vec<String> = report
                .indicators
                .iter()
                .filter(|line| match status {
                    StatusFilter::Flagged => line.is_flagged(),
                    StatusFilter::AtRisk => line.status() == Status::AtRisk,
                    StatusFilter::Changed => report.is_changed(&line.id),
                    StatusFilter::All => true,
                })
                .map(|line| line.id.clone())
                .collect();
            assert_eq!(expected.len(), status.count(&report), "{status:?}");
            assert_eq!(
                ids(&report, &filters.rows(&roadmap, &report, &none)),
                expected,
                "{status:?}"
            );
        }
    }

    #[test]
    fn area_unit_search_and_unexplained_narrow_the_list() {
        let (roadmap, report) = sample_at(Quarter::new(2025, 3).unwrap());
        let none = HashSet::new();
        let all = |f: Filters| {
            ids(
                &report,
                &Filters {
                    status: StatusFilter::All,
                    ..f
                }
                .rows(&roadmap, &report, &none),
            )
        };
        let area_rows = all(Filters {
            area: Some(0),
            ..Filters::default()
        });
        let first_area: Vec<String> = roadmap.areas[0]
            .programs
            .iter()
            .flat_map(|p| p.indicators.iter().map(|i| i.id.clone()))
            .collect();
        assert_eq!(area_rows, first_area);

        let unit_rows = all(Filters {
            unit: Some("bkpsdm".into()),
            ..Filters::default()
        });
        let expected: Vec<String> = roadmap
            .indicators()
            .filter(|(_, program, indicator)| indicator.owner_in(program) == Some("bkpsdm"))
            .map(|(_, _, indicator)| indicator.id.clone())
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(unit_rows, expected);

        // An indicator reported by another unit than its program's (`owner`) is that
        // unit's, as on the scorecard.
        let (_, owned_program, owned) = roadmap
            .indicators()
            .find(|(_, program, indicator)| {
                indicator.owner.is_some() && indicator.owner_in(program) != program.unit.as_deref()
            })
            .expect("the sample has an indicator with its own owner");
        let owner_rows = all(Filters {
            unit: owned.owner.clone(),
            ..Filters::default()
        });
        assert!(owner_rows.contains(&owned.id));
        let program_rows = all(Filters {
            unit: owned_program.unit.clone(),
            ..Filters::default()
        });
        assert!(!program_rows.contains(&owned.id));

        let quick_wins = all(Filters {
            quick_wins_only: true,
            ..Filters::default()
        });
        let expected: Vec<String> = roadmap
            .indicators()
            .filter(|(_, program, _)| program.quick_win)
            .map(|(_, _, indicator)| indicator.id.clone())
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(quick_wins, expected);

        // Words in any order and letter case, all required; ids match too.
        let search = |text: &str| {
            all(Filters {
                search: text.into(),
                ..Filters::default()
            })
        };
        let expected: Vec<String> = roadmap
            .indicators()
            .filter(|(_, program, indicator)| {
                let text =
                    format!("{} {} {}", indicator.name, indicator.id, program.name).to_lowercase();
                text.contains("agen") && text.contains("perubahan")
            })
            .map(|(_, _, indicator)| indicator.id.clone())
            .collect();
        assert!(expected.len() >= 2);
        assert_eq!(search("PERUBAHAN agen"), expected);
        assert_eq!(search("mp-2-b"), vec!["mp-2-b".to_string()]);
        assert!(search("tidak-ada-yang-cocok").is_empty());
        assert_eq!(search("  "), all(Filters::default()));

        let unexplained = ids(
            &report,
            &Filters {
                unexplained_only: true,
                ..Filters::default()
            }
            .rows(&roadmap, &report, &none),
        );
        let expected: Vec<String> = report.unexplained().map(|l| l.id.clone()).collect();
        assert_eq!(unexplained, expected);
    }

    #[test]
    fn kept_rows_stay_whatever_the_filters() {
        let (roadmap, report) = sample_at(Quarter::new(2025, 3).unwrap());
        let on_track = report
            .indicators
            .iter()
            .find(|l| l.status() == Status::OnTrack)
            .unwrap()
            .id
            .clone();
        let always: HashSet<String> = [on_track.clone()].into();
        let rows = ids(
            &report,
            &Filters::default().rows(&roadmap, &report, &always),
        );
        assert!(rows.contains(&on_track));
    }

    #[test]
    fn achievement_sort_is_lowest_first_then_unmeasured() {
        let (roadmap, report) = sample_at(Quarter::new(2025, 3).unwrap());
        let rows = Filters {
            status: StatusFilter::All,
            sort: Sort::Achievement,
            ..Filters::default()
        }
        .rows(&roadmap, &report, &HashSet::new());
        assert_eq!(rows.len(), report.indicators.len());
        let values: Vec<Option<f64>> = rows
            .iter()
            .map(|&i| report.indicators[i].evaluation.achievement)
            .collect();
        let first_none = values.iter().position(Option::is_none).unwrap();
        assert!(values[first_none..].iter().all(Option::is_none));
        assert!(values[..first_none].windows(2).all(|w| w[0] <= w[1]));
        // Unmeasured ones keep document order.
        assert!(rows[first_none..].windows(2).all(|w| w[0] < w[1]));
    }
}
