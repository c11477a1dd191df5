//! The bundled sample roadmap and the templates: what a new user sees first must parse,
//! validate, show every kind of review outcome, and re-save byte for byte.

use crate::support::q;
use std::collections::HashSet;
use std::path::Path;

use reform_roadmap::file::{from_ron_str, to_ron_string};
use reform_roadmap::model::{Direction, Kind, Period, Quarter, Roadmap};
use reform_roadmap::review::{Status, review};
use reform_roadmap::sample::{SAMPLE_FILE_NAME, SAMPLE_RON, sample};
use reform_roadmap::template::{Template, build};

/// The quarter the sample's story stands at: actuals are reported up to here.
fn now() -> Quarter {
    q("2025-Q3")
}

#[test]
fn sample_parses_and_resaves_byte_for_byte() {
    let roadmap = from_ron_str(SAMPLE_RON, Path::new(SAMPLE_FILE_NAME))
        .unwrap_or_else(|e| panic!("the sample does not parse: {e}"));
    assert_eq!(roadmap, sample());
    let resaved = to_ron_string(&roadmap);
    if resaved != SAMPLE_RON {
        let line = resaved
            .lines()
            .zip(SAMPLE_RON.lines())
            .position(|(a, b)| a != b)
            .map_or(
                resaved.lines().count().min(SAMPLE_RON.lines().count()),
                |i| i,
            );
        panic!(
            "re-saving the sample changes it from line {}: regenerate \
             assets/sample.roadmap.ron with file::to_ron_string",
            line + 1
        );
    }
}

#[test]
fn sample_has_no_validation_errors() {
    let errors: Vec<_> = reform_roadmap::validate::validate(&sample())
        .into_iter()
        .filter(|p| p.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sample_describes_a_regency_over_2025_2029() {
    let roadmap = sample();
    assert_eq!(roadmap.institution, "Pemerintah Kabupaten Sukamaju");
    assert_eq!(
        roadmap.title,
        "Road Map Reformasi Birokrasi Kabupaten Sukamaju 2025-2029"
    );
    assert_eq!(
        roadmap.period,
        Period {
            start: 2025,
            end: 2029
        }
    );
    assert!(roadmap.vision.as_deref().is_some_and(|v| !v.is_empty()));
}

#[test]
fn sample_has_the_eight_areas_of_permenpan_25_2020_with_goals() {
    let roadmap = sample();
    let template = build(Template::Permenpan2020, "", roadmap.period);
    let shape = |r: &Roadmap| -> Vec<_> {
        r.areas
            .iter()
            .map(|a| (a.id.clone(), a.name.clone(), a.element))
            .collect()
    };
    assert_eq!(shape(&roadmap), shape(&template));
    for area in &roadmap.areas {
        assert!(
            area.goal.as_deref().is_some_and(|g| !g.is_empty()),
            "{}",
            area.id
        );
    }
}

#[test]
fn every_area_has_three_programs_with_a_known_unit_and_a_budget() {
    let roadmap = sample();
    for area in &roadmap.areas {
        assert!(area.programs.len() >= 3, "area {}", area.id);
        for program in &area.programs {
            let unit = program.unit.as_deref().expect("program has a unit");
            assert!(roadmap.unit(unit).is_some(), "{}: unit {unit}", program.id);
            assert!(
                program.budget.is_some_and(|b| b > 0),
                "{}: budget",
                program.id
            );
            assert!(!program.indicators.is_empty(), "{}", program.id);
        }
    }
}

#[test]
fn indicators_mix_kinds_directions_and_own_rules() {
    let roadmap = sample();
    assert!(roadmap.indicator_count() >= 40);
    let indicators: Vec<_> = roadmap.indicators().map(|(_, _, i)| i).collect();
    for kind in [Kind::Level, Kind::Count, Kind::Milestone] {
        assert!(indicators.iter().any(|i| i.kind == kind), "{kind:?}");
    }
    for direction in [Direction::HigherIsBetter, Direction::LowerIsBetter] {
        assert!(
            indicators
                .iter()
                .any(|i| i.kind != Kind::Milestone && i.direction == direction),
            "{direction:?}"
        );
    }
    assert!(indicators.iter().any(|i| i.rules.is_some()));
    let entries = || indicators.iter().flat_map(|i| i.targets.values());
    assert!(entries().any(|t| t.evidence.is_some()));
    assert!(entries().any(|t| t.note.is_some()));
}

#[test]
fn targets_are_quarterly_then_yearly_and_actuals_stop_at_2025_q3() {
    let roadmap = sample();
    let mut quarterly = 0;
    for (_, _, indicator) in roadmap.indicators() {
        for (key, entry) in &indicator.targets {
            let quarter = q(key);
            assert!(roadmap.period.contains(quarter), "{}: {key}", indicator.id);
            assert!(
                quarter.year() <= 2026 || quarter.number() == 4,
                "{}: from 2027 only TW IV is planned, found {key}",
                indicator.id
            );
            assert!(
                entry.actual.is_none() || quarter <= now(),
                "{}: actual reported for the future quarter {key}",
                indicator.id
            );
        }
        let plans_every_quarter = q("2025-Q1")
            .through(q("2026-Q4"))
            .all(|quarter| indicator.target_at(quarter).is_some());
        quarterly += usize::from(plans_every_quarter);
        if let Some(done) = indicator.done {
            assert!(done <= now(), "{}: done in the future", indicator.id);
        }
    }
    assert!(
        quarterly >= 35,
        "only {quarterly} indicators plan every quarter"
    );
}

#[test]
fn the_review_at_2025_q3_shows_every_outcome() {
    let roadmap = sample();
    let report = review(&roadmap, now());
    let has = |status: Status| report.summary.get(status) > 0;
    for status in [
        Status::OnTrack,
        Status::AtRisk,
        Status::Behind,
        Status::Missing,
        Status::NotDue,
    ] {
        assert!(has(status), "no indicator is {}", status.key());
    }
    let numeric_behind = |unexplained: bool| {
        report.indicators.iter().any(|line| {
            line.status() == Status::Behind
                && roadmap.areas[line.area].programs[line.program].indicators[line.indicator].kind
                    != Kind::Milestone
                && line.unexplained == unexplained
        })
    };
    assert!(
        numeric_behind(false),
        "no behind target with kendala and tindak lanjut"
    );
    assert!(numeric_behind(true), "no behind target left unexplained");
    // A missing report explained by the unit, and one nobody explained.
    for unexplained in [false, true] {
        assert!(
            report
                .indicators
                .iter()
                .any(|l| l.status() == Status::Missing && l.unexplained == unexplained)
        );
    }
    // The indicator with its own, stricter rules is behind where the document's rules
    // would only say at risk: the sample shows that rules matter.
    assert!(report.indicators.iter().any(|line| {
        let indicator = &roadmap.areas[line.area].programs[line.program].indicators[line.indicator];
        let with_document_rules =
            reform_roadmap::review::evaluate(&with_rules_removed(indicator), roadmap.rules, now());
        indicator.rules.is_some() && line.status() != with_document_rules.status
    }));
}

fn with_rules_removed(
    indicator: &reform_roadmap::model::Indicator,
) -> reform_roadmap::model::Indicator {
    let mut plain = indicator.clone();
    plain.rules = None;
    plain
}

#[test]
fn milestones_are_on_time_late_overdue_and_not_yet_due() {
    let roadmap = sample();
    let milestones: Vec<_> = roadmap
        .indicators()
        .map(|(_, _, i)| i)
        .filter(|i| i.kind == Kind::Milestone)
        .collect();
    let any = |test: &dyn Fn(Option<Quarter>, Option<Quarter>) -> bool| {
        milestones.iter().any(|m| test(m.due, m.done))
    };
    assert!(any(&|due, done| done.is_some() && done <= due), "on time");
    assert!(any(&|due, done| done.is_some() && done > due), "late");
    assert!(
        any(&|due, done| done.is_none() && due.is_some_and(|d| d <= now())),
        "overdue"
    );
    assert!(
        any(&|due, done| done.is_none() && due.is_some_and(|d| d > now())),
        "not yet due"
    );
}

#[test]
fn recorded_reviews_flag_what_the_engine_flags() {
    let roadmap = sample();
    let quarters: Vec<_> = roadmap.reviews.iter().map(|r| r.quarter).collect();
    assert_eq!(quarters, [q("2025-Q1"), q("2025-Q2")]);
    for recorded in &roadmap.reviews {
        assert_eq!(
            recorded.flagged,
            review(&roadmap, recorded.quarter).flagged_ids(),
            "review {}",
            recorded.quarter
        );
        assert_eq!(
            recorded.reviewer,
            "Tim Reformasi Birokrasi Kabupaten Sukamaju"
        );
        assert!(recorded.notes.as_deref().is_some_and(|n| !n.is_empty()));
        assert!(
            recorded.date >= recorded.quarter.end_date_exclusive(),
            "review {} is dated before its quarter ended",
            recorded.quarter
        );
        assert!(!recorded.flagged.is_empty());
    }
}

#[test]
fn sample_ids_are_unique() {
    assert_unique_ids(&sample());
}

fn assert_unique_ids(roadmap: &Roadmap) {
    let mut seen = HashSet::new();
    let ids = roadmap
        .units
        .iter()
        .map(|u| &u.id)
        .chain(roadmap.areas.iter().map(|a| &a.id))
        .chain(
            roadmap
                .areas
                .iter()
                .flat_map(|a| &a.programs)
                .map(|p| &p.id),
        )
        .chain(roadmap.indicators().map(|(_, _, i)| &i.id));
    for id in ids {
        assert!(
            !id.is_empty() && !id.contains(char::is_whitespace),
            "id {id:?}"
        );
        assert!(seen.insert(id.clone()), "duplicate id {id}");
    }
}

#[test]
fn templates_round_trip_with_unique_ids() {
    let period = Period {
        start: 2025,
        end: 2029,
    };
    for (template, areas) in [
        (Template::Permenpan2020, 8),
        (Template::Permenpan2023, 12),
        (Template::Empty, 0),
    ] {
        let roadmap = build(template, "Pemerintah Kota Contoh", period);
        assert_eq!(roadmap.areas.len(), areas, "{template}");
        assert_unique_ids(&roadmap);
        let text = to_ron_string(&roadmap);
        let loaded = from_ron_str(&text, Path::new("template.roadmap.ron"))
            .unwrap_or_else(|e| panic!("{template}: {e}"));
        assert_eq!(loaded, roadmap, "{template}");
        assert_eq!(to_ron_string(&loaded), text, "{template}");
        let errors: Vec<_> = reform_roadmap::validate::validate(&roadmap)
            .into_iter()
            .filter(|p| p.is_error())
            .collect();
        assert!(errors.is_empty(), "{template}: {errors:#?}");
    }
}

#[test]
fn sample_uses_format_version_2_where_a_region_would() {
    use reform_roadmap::model::RatingScale;
    let roadmap = sample();
    assert_eq!(roadmap.lowest_format_version(), 2);
    let scoring = roadmap.scoring.as_ref().expect("scoring");
    assert_eq!(scoring.rating, RatingScale::Sakip);
    assert_eq!(scoring.cap, Some(120.0));
    let indicators: Vec<_> = roadmap.indicators().map(|(_, _, i)| i).collect();
    let weighted = indicators.iter().filter(|i| i.weight.is_some()).count();
    assert!(
        (2..=5).contains(&weighted),
        "weights on a few key indicators: {weighted}"
    );
    assert!(indicators.iter().any(|i| i.kind == Kind::Average));
    assert!(
        indicators
            .iter()
            .any(|i| i.direction == Direction::WithinRange)
    );
    assert!(indicators.iter().any(|i| i.scale.is_some()));
    assert!(indicators.iter().any(|i| i.owner.is_some()));
    assert!(
        indicators
            .iter()
            .filter(|i| i.direction != Direction::WithinRange)
            .any(|i| i.targets.values().any(|t| t.upper.is_some())),
        "a range target besides the WithinRange indicator"
    );
    assert!(
        indicators
            .iter()
            .any(|i| i.kind == Kind::Milestone && i.is_explained()),
        "a late milestone with kendala and tindak lanjut"
    );
    let programs: Vec<_> = roadmap.areas.iter().flat_map(|a| &a.programs).collect();
    assert_eq!(programs.iter().filter(|p| p.quick_win).count(), 2);
    let budgeted: Vec<_> = programs
        .iter()
        .filter(|p| !p.annual_budget.is_empty())
        .collect();
    assert!(budgeted.len() >= 3);
    for program in budgeted {
        // Spending stops where reporting stops, and stays within the year's budget.
        let absorption = program.absorption(now()).expect("a 2025 budget");
        assert!(
            (0.0..=100.0).contains(&absorption),
            "{}: {absorption}",
            program.id
        );
        assert!(program.spent.keys().all(|k| k.as_str() <= "2025-Q3"));
    }
    // At the story's quarter the document has a score and a SAKIP letter.
    let report = review(&roadmap, now());
    let score = report.scores.document.expect("a score");
    assert!(scoring.rating.rate(score).is_some());
    assert!(report.scores.units.iter().filter(|s| s.is_some()).count() >= 10);
}
