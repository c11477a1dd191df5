//! Problems in a roadmap that parses: shown to the user, never a reason to refuse
//! opening the file.
//!
//! Rules, in the order they are reported (document order within each rule's scope):
//!
//! | rule | severity | location |
//! |---|---|---|
//! | `period.end` before `period.start` | Error | Document |
//! | document `rules` number not finite | Error | Document |
//! | document `behind_below` > `at_risk_below` | Error | Document |
//! | unit / area / program / indicator id empty (or only spaces) | Error | the item |
//! | unit / area / program / indicator name empty (or only spaces) | Error | the item |
//! | id already used by an earlier item of the same kind, anywhere in the document | Error | the later item |
//! | program `unit` not among `units` | Error | Program |
//! | indicator `baseline` not finite | Error | Indicator |
//! | indicator `rules` number not finite | Error | Indicator |
//! | indicator `behind_below` > `at_risk_below` | Error | Indicator |
//! | milestone with `targets` (they would be ignored) | Error | Indicator |
//! | `Level`/`Count` indicator with `due` or `done` (ignored) | Error | Indicator |
//! | milestone `due` or `done` outside the period | Warning | Indicator |
//! | target key that is not a quarter (`YEAR-QN`) | Error | Target |
//! | target key outside the period | Warning | Target |
//! | `target` or `actual` not finite | Error | Target |
//! | review quarter outside the period | Warning | Review |
//!
//! Errors are data the review cannot use as written; warnings are data it can use but
//! that is probably a slip (a quarter in a year the roadmap does not cover). While the
//! period itself is reversed, "outside the period" is not reported: every quarter would
//! be, and the one real mistake is the period. The `title` and `institution` may be
//! empty: a draft may not have them yet and nothing refers to them.

use std::collections::HashMap;
use std::fmt;

use crate::locale::Language;
use crate::model::{Indicator, Kind, Period, Quarter, Roadmap, Rules};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The word shown before a problem.
    pub fn label(self, language: Language) -> String {
        let key = match self {
            Severity::Error => "validate.severity.error",
            Severity::Warning => "validate.severity.warning",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }
}

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
    Indicator {
        area: usize,
        program: usize,
        indicator: usize,
    },
    /// One entry of an indicator's `targets`, by its key as written in the file.
    Target {
        area: usize,
        program: usize,
        indicator: usize,
        quarter: String,
    },
    /// `roadmap.reviews[review]`
    Review {
        review: usize,
    },
}

/// The kinds of item that carry an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Unit,
    Area,
    Program,
    Indicator,
}

impl Item {
    /// The item's noun, lower case: "indikator", "indicator".
    pub fn noun(self, language: Language) -> String {
        let key = match self {
            Item::Unit => "validate.item.unit",
            Item::Area => "validate.item.area",
            Item::Program => "validate.item.program",
            Item::Indicator => "validate.item.indicator",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }
}

/// A number field that must be finite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberField {
    Target,
    Actual,
    Baseline,
    AtRiskBelow,
    BehindBelow,
}

impl NumberField {
    fn label(self, language: Language) -> String {
        let key = match self {
            NumberField::Target => "validate.field.target",
            NumberField::Actual => "validate.field.actual",
            NumberField::Baseline => "validate.field.baseline",
            NumberField::AtRiskBelow => "validate.field.at_risk_below",
            NumberField::BehindBelow => "validate.field.behind_below",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }
}

/// A milestone's quarter field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MilestoneField {
    Due,
    Done,
}

impl MilestoneField {
    fn name(self) -> &'static str {
        match self {
            MilestoneField::Due => "due",
            MilestoneField::Done => "done",
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    PeriodReversed {
        start: i32,
        end: i32,
    },
    EmptyId {
        item: Item,
    },
    EmptyName {
        item: Item,
    },
    /// The id is already used by the item at `first`.
    DuplicateId {
        item: Item,
        id: String,
        first: Location,
    },
    UnknownUnit {
        unit: String,
    },
    MalformedQuarter {
        key: String,
    },
    TargetOutsidePeriod {
        quarter: Quarter,
        period: Period,
    },
    NotFinite {
        field: NumberField,
        value: f64,
    },
    RulesReversed {
        rules: Rules,
    },
    MilestoneWithTargets {
        count: usize,
    },
    NumericWithMilestoneField {
        field: MilestoneField,
    },
    MilestoneOutsidePeriod {
        field: MilestoneField,
        quarter: Quarter,
        period: Period,
    },
    ReviewOutsidePeriod {
        quarter: Quarter,
        period: Period,
    },
}

impl ProblemKind {
    /// How serious this kind of problem is.
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::TargetOutsidePeriod { .. }
            | ProblemKind::MilestoneOutsidePeriod { .. }
            | ProblemKind::ReviewOutsidePeriod { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// A stable name for the kind (also the translation key's last part).
    pub fn key(&self) -> &'static str {
        match self {
            ProblemKind::PeriodReversed { .. } => "period_reversed",
            ProblemKind::EmptyId { .. } => "empty_id",
            ProblemKind::EmptyName { .. } => "empty_name",
            ProblemKind::DuplicateId { .. } => "duplicate_id",
            ProblemKind::UnknownUnit { .. } => "unknown_unit",
            ProblemKind::MalformedQuarter { .. } => "malformed_quarter",
            ProblemKind::TargetOutsidePeriod { .. } => "target_outside_period",
            ProblemKind::NotFinite { .. } => "not_finite",
            ProblemKind::RulesReversed { .. } => "rules_reversed",
            ProblemKind::MilestoneWithTargets { .. } => "milestone_with_targets",
            ProblemKind::NumericWithMilestoneField { .. } => "numeric_with_milestone_field",
            ProblemKind::MilestoneOutsidePeriod { .. } => "milestone_outside_period",
            ProblemKind::ReviewOutsidePeriod { .. } => "review_outside_period",
        }
    }
}

/// One problem found by [`validate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub kind: ProblemKind,
}

impl Problem {
    fn new(location: Location, kind: ProblemKind) -> Self {
        Self {
            severity: kind.severity(),
            location,
            kind,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, in `language`, as one sentence (without where: see
    /// [`Location::describe`]).
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        let key = format!("validate.problem.{}", self.kind.key());
        let key = key.as_str();
        let period_text = |period: &Period| format!("{}–{}", period.start, period.end);
        let text = match &self.kind {
            ProblemKind::PeriodReversed { start, end } => {
                rust_i18n::t!(key, locale = locale, start = start, end = end)
            }
            ProblemKind::EmptyId { item } | ProblemKind::EmptyName { item } => {
                rust_i18n::t!(key, locale = locale, item = item.noun(language))
            }
            ProblemKind::DuplicateId { item, id, .. } => {
                rust_i18n::t!(key, locale = locale, item = item.noun(language), id = id)
            }
            ProblemKind::UnknownUnit { unit } => rust_i18n::t!(key, locale = locale, unit = unit),
            ProblemKind::MalformedQuarter { key: written } => {
                rust_i18n::t!(key, locale = locale, written = written)
            }
            ProblemKind::TargetOutsidePeriod { quarter, period }
            | ProblemKind::ReviewOutsidePeriod { quarter, period } => rust_i18n::t!(
                key,
                locale = locale,
                quarter = language.quarter(*quarter),
                period = period_text(period)
            ),
            ProblemKind::NotFinite { field, value } => rust_i18n::t!(
                key,
                locale = locale,
                field = field.label(language),
                value = value
            ),
            ProblemKind::RulesReversed { rules } => rust_i18n::t!(
                key,
                locale = locale,
                behind = language.number(rules.behind_below, 2),
                at_risk = language.number(rules.at_risk_below, 2)
            ),
            ProblemKind::MilestoneWithTargets { count } => {
                rust_i18n::t!(key, locale = locale, count = count)
            }
            ProblemKind::NumericWithMilestoneField { field } => {
                rust_i18n::t!(key, locale = locale, field = field.name())
            }
            ProblemKind::MilestoneOutsidePeriod {
                field,
                quarter,
                period,
            } => rust_i18n::t!(
                key,
                locale = locale,
                field = field.name(),
                quarter = language.quarter(*quarter),
                period = period_text(period)
            ),
        };
        text.into_owned()
    }
}

impl Location {
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
        let indicator_id = |a: usize, p: usize, i: usize| {
            roadmap
                .areas
                .get(a)
                .and_then(|x| x.programs.get(p))
                .and_then(|x| x.indicators.get(i))
                .map(|x| x.id.as_str())
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
            Location::Indicator {
                area,
                program,
                indicator,
            } => named(
                Item::Indicator,
                indicator_id(*area, *program, *indicator),
                *indicator,
            ),
            Location::Target {
                area,
                program,
                indicator,
                quarter,
            } => rust_i18n::t!(
                "validate.where.target",
                locale = locale,
                indicator = named(
                    Item::Indicator,
                    indicator_id(*area, *program, *indicator),
                    *indicator
                ),
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

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Every problem in `roadmap`, in document order.
pub fn validate(roadmap: &Roadmap) -> Vec<Problem> {
    let mut found = Problems::default();
    let period = roadmap.period;
    // With a reversed period every quarter is "outside"; only the period is reported.
    let period_ok = period.start <= period.end;
    if !period_ok {
        found.push(
            Location::Document,
            ProblemKind::PeriodReversed {
                start: period.start,
                end: period.end,
            },
        );
    }
    check_rules(&mut found, Location::Document, roadmap.rules);

    let mut ids = Ids::default();
    for (u, unit) in roadmap.units.iter().enumerate() {
        let here = Location::Unit { unit: u };
        check_identity(
            &mut found,
            &mut ids,
            Item::Unit,
            &unit.id,
            &unit.name,
            &here,
        );
    }
    for (a, area) in roadmap.areas.iter().enumerate() {
        let here = Location::Area { area: a };
        check_identity(
            &mut found,
            &mut ids,
            Item::Area,
            &area.id,
            &area.name,
            &here,
        );
        for (p, program) in area.programs.iter().enumerate() {
            let here = Location::Program {
                area: a,
                program: p,
            };
            check_identity(
                &mut found,
                &mut ids,
                Item::Program,
                &program.id,
                &program.name,
                &here,
            );
            if let Some(unit) = &program.unit
                && roadmap.unit(unit).is_none()
            {
                found.push(here, ProblemKind::UnknownUnit { unit: unit.clone() });
            }
            for (i, indicator) in program.indicators.iter().enumerate() {
                let place = IndicatorPlace {
                    area: a,
                    program: p,
                    indicator: i,
                };
                check_identity(
                    &mut found,
                    &mut ids,
                    Item::Indicator,
                    &indicator.id,
                    &indicator.name,
                    &place.location(),
                );
                check_indicator(&mut found, indicator, place, period_ok.then_some(period));
            }
        }
    }
    if period_ok {
        for (r, review) in roadmap.reviews.iter().enumerate() {
            if !period.contains(review.quarter) {
                found.push(
                    Location::Review { review: r },
                    ProblemKind::ReviewOutsidePeriod {
                        quarter: review.quarter,
                        period,
                    },
                );
            }
        }
    }
    found.0
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, location: Location, kind: ProblemKind) {
        self.0.push(Problem::new(location, kind));
    }
}

/// First location of every id, per kind of item.
#[derive(Default)]
struct Ids<'a>(HashMap<(Item, &'a str), Location>);

#[derive(Clone, Copy)]
struct IndicatorPlace {
    area: usize,
    program: usize,
    indicator: usize,
}

impl IndicatorPlace {
    fn location(self) -> Location {
        Location::Indicator {
            area: self.area,
            program: self.program,
            indicator: self.indicator,
        }
    }

    fn target(self, key: &str) -> Location {
        Location::Target {
            area: self.area,
            program: self.program,
            indicator: self.indicator,
            quarter: key.to_owned(),
        }
    }
}

fn check_identity<'a>(
    found: &mut Problems,
    ids: &mut Ids<'a>,
    item: Item,
    id: &'a str,
    name: &str,
    here: &Location,
) {
    if id.trim().is_empty() {
        found.push(here.clone(), ProblemKind::EmptyId { item });
    } else if let Some(first) = ids.0.get(&(item, id)) {
        found.push(
            here.clone(),
            ProblemKind::DuplicateId {
                item,
                id: id.to_owned(),
                first: first.clone(),
            },
        );
    } else {
        ids.0.insert((item, id), here.clone());
    }
    if name.trim().is_empty() {
        found.push(here.clone(), ProblemKind::EmptyName { item });
    }
}

fn check_rules(found: &mut Problems, here: Location, rules: Rules) {
    let mut finite = true;
    for (field, value) in [
        (NumberField::AtRiskBelow, rules.at_risk_below),
        (NumberField::BehindBelow, rules.behind_below),
    ] {
        if !value.is_finite() {
            finite = false;
            found.push(here.clone(), ProblemKind::NotFinite { field, value });
        }
    }
    if finite && rules.behind_below > rules.at_risk_below {
        found.push(here, ProblemKind::RulesReversed { rules });
    }
}

/// `period` is `None` while the period itself is wrong.
fn check_indicator(
    found: &mut Problems,
    indicator: &Indicator,
    place: IndicatorPlace,
    period: Option<Period>,
) {
    let here = place.location();
    if let Some(value) = indicator.baseline.filter(|v| !v.is_finite()) {
        found.push(
            here.clone(),
            ProblemKind::NotFinite {
                field: NumberField::Baseline,
                value,
            },
        );
    }
    if let Some(rules) = indicator.rules {
        check_rules(found, here.clone(), rules);
    }
    let milestone_fields = [
        (MilestoneField::Due, indicator.due),
        (MilestoneField::Done, indicator.done),
    ];
    if indicator.kind == Kind::Milestone {
        if !indicator.targets.is_empty() {
            found.push(
                here.clone(),
                ProblemKind::MilestoneWithTargets {
                    count: indicator.targets.len(),
                },
            );
        }
        if let Some(period) = period {
            for (field, quarter) in milestone_fields {
                if let Some(quarter) = quarter.filter(|q| !period.contains(*q)) {
                    found.push(
                        here.clone(),
                        ProblemKind::MilestoneOutsidePeriod {
                            field,
                            quarter,
                            period,
                        },
                    );
                }
            }
        }
    } else {
        for (field, quarter) in milestone_fields {
            if quarter.is_some() {
                found.push(
                    here.clone(),
                    ProblemKind::NumericWithMilestoneField { field },
                );
            }
        }
    }
    for (key, entry) in &indicator.targets {
        match key.parse::<Quarter>() {
            Err(_) => found.push(
                place.target(key),
                ProblemKind::MalformedQuarter { key: key.clone() },
            ),
            Ok(quarter) => {
                if let Some(period) = period.filter(|p| !p.contains(quarter)) {
                    found.push(
                        place.target(key),
                        ProblemKind::TargetOutsidePeriod { quarter, period },
                    );
                }
            }
        }
        for (field, value) in [
            (NumberField::Target, Some(entry.target)),
            (NumberField::Actual, entry.actual),
        ] {
            if let Some(value) = value.filter(|v| !v.is_finite()) {
                found.push(place.target(key), ProblemKind::NotFinite { field, value });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Element, Program, Review, Target, Unit};

    fn q(text: &str) -> Quarter {
        text.parse().unwrap()
    }

    /// A small valid roadmap: 2025–2026, two units, two areas, a Level, a Milestone
    /// and a Count indicator, one review.
    fn base() -> Roadmap {
        let mut roadmap = Roadmap::new(
            "Road Map",
            "Kabupaten Contoh",
            Period {
                start: 2025,
                end: 2026,
            },
        );
        roadmap.units = vec![
            Unit {
                id: "bagor".into(),
                name: "Bagian Organisasi".into(),
            },
            Unit {
                id: "insp".into(),
                name: "Inspektorat".into(),
            },
        ];
        let mut level = Indicator::new("a-1-a", "Persentase", Kind::Level);
        level
            .targets
            .insert("2025-Q1".into(), Target::planned(45.0));
        level.targets.insert(
            "2025-Q2".into(),
            Target {
                actual: Some(40.0),
                ..Target::planned(50.0)
            },
        );
        let mut milestone = Indicator::new("a-1-b", "SK ditetapkan", Kind::Milestone);
        milestone.due = Some(q("2025-Q2"));
        milestone.done = Some(q("2025-Q3"));
        let mut program = Program::new("a-1", "Program A");
        program.unit = Some("bagor".into());
        program.indicators = vec![level, milestone];
        let mut area = Area::new("a", "Area A", Element::Soft);
        area.programs = vec![program];

        let mut count = Indicator::new("b-1-a", "Jumlah", Kind::Count);
        count.targets.insert("2026-Q4".into(), Target::planned(3.0));
        let mut program_b = Program::new("b-1", "Program B");
        program_b.indicators = vec![count];
        let mut area_b = Area::new("b", "Area B", Element::Hard);
        area_b.programs = vec![program_b];
        roadmap.areas = vec![area, area_b];
        roadmap.reviews = vec![Review {
            quarter: q("2025-Q1"),
            date: chrono::NaiveDate::from_ymd_opt(2025, 4, 15).unwrap(),
            reviewer: "Tim RB".into(),
            notes: None,
            flagged: vec![],
        }];
        roadmap
    }

    fn level(r: &mut Roadmap) -> &mut Indicator {
        &mut r.areas[0].programs[0].indicators[0]
    }
    fn milestone(r: &mut Roadmap) -> &mut Indicator {
        &mut r.areas[0].programs[0].indicators[1]
    }
    fn count(r: &mut Roadmap) -> &mut Indicator {
        &mut r.areas[1].programs[0].indicators[0]
    }

    const LEVEL: Location = Location::Indicator {
        area: 0,
        program: 0,
        indicator: 0,
    };
    const MILESTONE: Location = Location::Indicator {
        area: 0,
        program: 0,
        indicator: 1,
    };
    const COUNT: Location = Location::Indicator {
        area: 1,
        program: 0,
        indicator: 0,
    };
    fn level_target(key: &str) -> Location {
        Location::Target {
            area: 0,
            program: 0,
            indicator: 0,
            quarter: key.into(),
        }
    }

    use Severity::{Error as E, Warning as W};

    type Mutation = fn(&mut Roadmap);
    /// Severity, location and [`ProblemKind::key`] of a problem.
    type Found = (Severity, Location, &'static str);

    #[test]
    fn every_rule_reports_its_severity_location_and_kind() {
        let cases: Vec<(&str, Mutation, Vec<Found>)> = vec![
            ("valid", |_| {}, vec![]),
            (
                "period reversed, outside-period checks silenced",
                |r| {
                    r.period = Period {
                        start: 2026,
                        end: 2025,
                    };
                    level(r)
                        .targets
                        .insert("2030-Q1".into(), Target::planned(1.0));
                },
                vec![(E, Location::Document, "period_reversed")],
            ),
            (
                "single-year period is fine",
                |r| {
                    r.period = Period {
                        start: 2025,
                        end: 2025,
                    };
                    count(r).targets.clear();
                },
                vec![],
            ),
            (
                "duplicate unit id",
                |r| r.units[1].id = "bagor".into(),
                vec![(E, Location::Unit { unit: 1 }, "duplicate_id")],
            ),
            (
                "duplicate area id",
                |r| r.areas[1].id = "a".into(),
                vec![(E, Location::Area { area: 1 }, "duplicate_id")],
            ),
            (
                "duplicate program id across areas",
                |r| r.areas[1].programs[0].id = "a-1".into(),
                vec![(
                    E,
                    Location::Program {
                        area: 1,
                        program: 0,
                    },
                    "duplicate_id",
                )],
            ),
            (
                "duplicate indicator id across areas",
                |r| count(r).id = "a-1-a".into(),
                vec![(E, COUNT, "duplicate_id")],
            ),
            (
                "the same id on items of different kinds is allowed",
                |r| {
                    r.areas[0].id = "bagor".into();
                    r.areas[0].programs[0].id = "bagor".into();
                    level(r).id = "bagor".into();
                },
                vec![],
            ),
            (
                "empty and blank ids and names",
                |r| {
                    r.units[0].id = String::new();
                    r.areas[1].name = "  ".into();
                    r.areas[1].programs[0].id = " ".into();
                    milestone(r).name = String::new();
                },
                vec![
                    (E, Location::Unit { unit: 0 }, "empty_id"),
                    // The program's unit "bagor" is no longer a known unit id.
                    (
                        E,
                        Location::Program {
                            area: 0,
                            program: 0,
                        },
                        "unknown_unit",
                    ),
                    (E, MILESTONE, "empty_name"),
                    (E, Location::Area { area: 1 }, "empty_name"),
                    (
                        E,
                        Location::Program {
                            area: 1,
                            program: 0,
                        },
                        "empty_id",
                    ),
                ],
            ),
            (
                "two empty ids are not also duplicates",
                |r| {
                    level(r).id = String::new();
                    milestone(r).id = String::new();
                },
                vec![(E, LEVEL, "empty_id"), (E, MILESTONE, "empty_id")],
            ),
            (
                "program unit not in units",
                |r| r.areas[1].programs[0].unit = Some("bappeda".into()),
                vec![(
                    E,
                    Location::Program {
                        area: 1,
                        program: 0,
                    },
                    "unknown_unit",
                )],
            ),
            (
                "malformed target keys",
                |r| {
                    let t = &mut level(r).targets;
                    t.insert("2025-Q5".into(), Target::planned(1.0));
                    t.insert("TW I 2025".into(), Target::planned(1.0));
                    t.insert("2025-q3".into(), Target::planned(1.0));
                },
                vec![
                    (E, level_target("2025-Q5"), "malformed_quarter"),
                    (E, level_target("2025-q3"), "malformed_quarter"),
                    (E, level_target("TW I 2025"), "malformed_quarter"),
                ],
            ),
            (
                "target keys just outside the period, edges inside",
                |r| {
                    let t = &mut level(r).targets;
                    t.insert("2024-Q4".into(), Target::planned(1.0));
                    t.insert("2025-Q1".into(), Target::planned(1.0));
                    t.insert("2026-Q4".into(), Target::planned(1.0));
                    t.insert("2027-Q1".into(), Target::planned(1.0));
                },
                vec![
                    (W, level_target("2024-Q4"), "target_outside_period"),
                    (W, level_target("2027-Q1"), "target_outside_period"),
                ],
            ),
            (
                "non-finite target and actual",
                |r| {
                    let t = &mut level(r).targets;
                    t.get_mut("2025-Q1").unwrap().target = f64::NAN;
                    t.get_mut("2025-Q2").unwrap().actual = Some(f64::INFINITY);
                },
                vec![
                    (E, level_target("2025-Q1"), "not_finite"),
                    (E, level_target("2025-Q2"), "not_finite"),
                ],
            ),
            (
                "non-finite baseline",
                |r| level(r).baseline = Some(f64::NEG_INFINITY),
                vec![(E, LEVEL, "not_finite")],
            ),
            (
                "finite baseline, even negative, is fine",
                |r| level(r).baseline = Some(-3.0),
                vec![],
            ),
            (
                "non-finite document rules: no reversed check on top",
                |r| r.rules.behind_below = f64::NAN,
                vec![(E, Location::Document, "not_finite")],
            ),
            (
                "non-finite indicator rules",
                |r| {
                    level(r).rules = Some(Rules {
                        at_risk_below: f64::INFINITY,
                        behind_below: f64::NAN,
                    })
                },
                vec![(E, LEVEL, "not_finite"), (E, LEVEL, "not_finite")],
            ),
            (
                "document rules reversed",
                |r| {
                    r.rules = Rules {
                        at_risk_below: 80.0,
                        behind_below: 90.0,
                    }
                },
                vec![(E, Location::Document, "rules_reversed")],
            ),
            (
                "equal thresholds are allowed",
                |r| {
                    r.rules = Rules {
                        at_risk_below: 90.0,
                        behind_below: 90.0,
                    }
                },
                vec![],
            ),
            (
                "indicator rules reversed",
                |r| {
                    count(r).rules = Some(Rules {
                        at_risk_below: 100.0,
                        behind_below: 100.5,
                    })
                },
                vec![(E, COUNT, "rules_reversed")],
            ),
            (
                "milestone with targets",
                |r| {
                    milestone(r)
                        .targets
                        .insert("2025-Q1".into(), Target::planned(1.0));
                },
                vec![(E, MILESTONE, "milestone_with_targets")],
            ),
            (
                "numeric indicators with due and done",
                |r| {
                    level(r).due = Some(q("2025-Q1"));
                    count(r).done = Some(q("2025-Q1"));
                },
                vec![
                    (E, LEVEL, "numeric_with_milestone_field"),
                    (E, COUNT, "numeric_with_milestone_field"),
                ],
            ),
            (
                "milestone due and done outside the period",
                |r| {
                    milestone(r).due = Some(q("2024-Q4"));
                    milestone(r).done = Some(q("2027-Q1"));
                },
                vec![
                    (W, MILESTONE, "milestone_outside_period"),
                    (W, MILESTONE, "milestone_outside_period"),
                ],
            ),
            (
                "milestone without due or done is a draft, not a problem",
                |r| {
                    milestone(r).due = None;
                    milestone(r).done = None;
                },
                vec![],
            ),
            (
                "review outside the period",
                |r| {
                    let mut late = r.reviews[0].clone();
                    late.quarter = q("2027-Q1");
                    r.reviews.push(late);
                },
                vec![(W, Location::Review { review: 1 }, "review_outside_period")],
            ),
        ];
        for (name, mutate, expected) in cases {
            let mut roadmap = base();
            mutate(&mut roadmap);
            let found: Vec<Found> = validate(&roadmap)
                .into_iter()
                .map(|p| (p.severity, p.location, p.kind.key()))
                .collect();
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn duplicate_points_at_the_first_use() {
        let mut roadmap = base();
        count(&mut roadmap).id = "a-1-b".into();
        let problems = validate(&roadmap);
        assert_eq!(
            problems,
            vec![Problem {
                severity: Severity::Error,
                location: COUNT,
                kind: ProblemKind::DuplicateId {
                    item: Item::Indicator,
                    id: "a-1-b".into(),
                    first: MILESTONE,
                },
            }]
        );
    }

    #[test]
    fn messages_and_locations_are_translated_in_both_languages() {
        let roadmap = base();
        let period = roadmap.period;
        let kinds = [
            ProblemKind::PeriodReversed {
                start: 2029,
                end: 2025,
            },
            ProblemKind::EmptyId {
                item: Item::Program,
            },
            ProblemKind::EmptyName { item: Item::Unit },
            ProblemKind::DuplicateId {
                item: Item::Indicator,
                id: "x".into(),
                first: LEVEL,
            },
            ProblemKind::UnknownUnit { unit: "bkd".into() },
            ProblemKind::MalformedQuarter {
                key: "2025-Q9".into(),
            },
            ProblemKind::TargetOutsidePeriod {
                quarter: q("2030-Q1"),
                period,
            },
            ProblemKind::NotFinite {
                field: NumberField::Actual,
                value: f64::NAN,
            },
            ProblemKind::RulesReversed {
                rules: Rules {
                    at_risk_below: 80.0,
                    behind_below: 90.5,
                },
            },
            ProblemKind::MilestoneWithTargets { count: 2 },
            ProblemKind::NumericWithMilestoneField {
                field: MilestoneField::Due,
            },
            ProblemKind::MilestoneOutsidePeriod {
                field: MilestoneField::Done,
                quarter: q("2030-Q1"),
                period,
            },
            ProblemKind::ReviewOutsidePeriod {
                quarter: q("2024-Q4"),
                period,
            },
        ];
        for kind in kinds {
            let problem = Problem::new(LEVEL, kind);
            let id = problem.message(Language::Indonesian);
            let en = problem.message(Language::English);
            for text in [&id, &en] {
                assert!(
                    !text.starts_with("validate.") && !text.contains("%{"),
                    "untranslated: {text}"
                );
            }
            assert_ne!(id, en, "{:?}", problem.kind);
        }
        let rules = Problem::new(
            Location::Document,
            ProblemKind::RulesReversed {
                rules: Rules {
                    at_risk_below: 80.0,
                    behind_below: 90.5,
                },
            },
        );
        assert!(rules.message(Language::Indonesian).contains("90,5"));
        assert!(rules.message(Language::English).contains("90.5"));
        let outside = Problem::new(
            Location::Review { review: 0 },
            ProblemKind::ReviewOutsidePeriod {
                quarter: q("2024-Q4"),
                period,
            },
        );
        assert!(outside.message(Language::Indonesian).contains("TW IV 2024"));
        assert!(outside.message(Language::Indonesian).contains("2025–2026"));
    }

    #[test]
    fn locations_name_items_by_id_or_position() {
        let mut roadmap = base();
        roadmap.areas[1].id = String::new();
        for (location, language, expected) in [
            (Location::Document, Language::Indonesian, "dokumen"),
            (
                Location::Unit { unit: 1 },
                Language::Indonesian,
                "unit kerja insp",
            ),
            (
                Location::Area { area: 1 },
                Language::English,
                "change area #2",
            ),
            (
                Location::Program {
                    area: 0,
                    program: 0,
                },
                Language::English,
                "program a-1",
            ),
            (COUNT, Language::Indonesian, "indikator b-1-a"),
            (
                level_target("2025-Q5"),
                Language::Indonesian,
                "indikator a-1-a, target 2025-Q5",
            ),
            (
                Location::Review { review: 0 },
                Language::Indonesian,
                "monev ke-1 (TW I 2025)",
            ),
            (
                Location::Review { review: 0 },
                Language::English,
                "review no. 1 (Q1 2025)",
            ),
        ] {
            assert_eq!(location.describe(&roadmap, language), expected);
        }
    }
}
