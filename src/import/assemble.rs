//! Building the roadmap from the rows as read: areas, programs and units found by
//! name (a name met again is the same one), readable ids, quarterly targets, the
//! period and title; and the report of what was understood.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::detect::{Layout, Plan};
use super::error::ImportError;
use super::heading::{Meaning, words, year_of_word};
use super::ids::IdPool;
use super::read::{Entry, IndicatorRow, Options, Outcome, Place, RowReading};
use super::report::{Counts, ImportReport, SkippedRow, Warning, WarningKind};
use super::table::address;
use crate::edit::ids::letters;
use crate::model::{
    Area, Element, Indicator, Kind, Period, Program, Quarter, Roadmap, Target, Unit,
};

/// Words that mark a title line as naming the institution.
const INSTITUTION_WORDS: [&str; 12] = [
    "pemerintah",
    "kabupaten",
    "kota",
    "provinsi",
    "dinas",
    "badan",
    "kementerian",
    "lembaga",
    "sekretariat",
    "pemkab",
    "pemkot",
    "pemprov",
];

/// The names a roadmap gets from rows, before the period is known.
struct Builder<'a> {
    plan: &'a Plan,
    roadmap: Roadmap,
    area_ids: IdPool,
    unit_ids: IdPool,
    /// Normalised name → index.
    areas: HashMap<String, usize>,
    programs: HashMap<(usize, String), usize>,
    units: HashMap<String, String>,
    /// Long layout: (area, program, indicator name) → indicator index.
    indicators: HashMap<(usize, usize, String), usize>,
    years: BTreeSet<i32>,
    skipped: Vec<SkippedRow>,
    warnings: Vec<Warning>,
}

fn key(name: &str) -> String {
    words(name).join(" ")
}

impl<'a> Builder<'a> {
    fn area(&mut self, name: Option<&str>) -> usize {
        let name = name.unwrap_or(&self.plan.sheet).to_owned();
        if let Some(&index) = self.areas.get(&key(&name)) {
            return index;
        }
        let fallback = format!("area-{}", self.roadmap.areas.len() + 1);
        let id = self.area_ids.area(&name, &fallback);
        self.areas.insert(key(&name), self.roadmap.areas.len());
        self.roadmap
            .areas
            .push(Area::new(id, name, Element::default()));
        self.roadmap.areas.len() - 1
    }

    /// The program of a place; a place without one gets a program named after its area.
    fn program(&mut self, area: usize, name: Option<&str>) -> usize {
        let name = name.unwrap_or(&self.roadmap.areas[area].name).to_owned();
        if let Some(&index) = self.programs.get(&(area, key(&name))) {
            return index;
        }
        let area_ref = &mut self.roadmap.areas[area];
        let id = format!("{}-{}", area_ref.id, area_ref.programs.len() + 1);
        let programs = &mut area_ref.programs;
        let index = programs.len();
        programs.push(Program::new(id, name.clone()));
        self.programs.insert((area, key(&name)), index);
        index
    }

    fn unit(&mut self, name: &str) -> String {
        if let Some(id) = self.units.get(&key(name)) {
            return id.clone();
        }
        let fallback = format!("unit-{}", self.roadmap.units.len() + 1);
        let id = self.unit_ids.unit(name, &fallback);
        self.units.insert(key(name), id.clone());
        self.roadmap.units.push(Unit {
            id: id.clone(),
            name: name.to_owned(),
        });
        id
    }

    fn place(&mut self, row: usize, place: &Place) -> (usize, usize) {
        let area = self.area(place.area.as_deref());
        let program = self.program(area, place.program.as_deref());
        if let Some(name) = &place.unit {
            let unit = self.unit(name);
            let program = &mut self.roadmap.areas[area].programs[program];
            match &program.unit {
                None => program.unit = Some(unit),
                Some(first) if *first != unit => {
                    let col = self.plan.column_of(Meaning::Unit).unwrap_or(0);
                    self.warnings.push(Warning {
                        cell: address(row - 1, col),
                        kind: WarningKind::SecondUnit { unit: name.clone() },
                    });
                }
                Some(_) => {}
            }
        }
        (area, program)
    }

    fn add(&mut self, reading: RowReading) {
        let row = reading.row;
        match reading.outcome {
            Outcome::Blank => {}
            Outcome::Skipped(reason) => self.skipped.push(SkippedRow { row, reason }),
            // An area or program named on a row of its own is kept even without
            // indicators under it.
            Outcome::Heading(place) => {
                if place.program.is_some() {
                    self.place(row, &place);
                } else if place.area.is_some() {
                    self.area(place.area.as_deref());
                }
            }
            Outcome::Indicator(indicator) => self.indicator(row, *indicator),
        }
    }

    fn indicator(&mut self, row: usize, read: IndicatorRow) {
        let (area, program) = self.place(row, &read.place);
        self.years.extend(read.entries.keys().map(|q| q.year()));
        let program_ref = &mut self.roadmap.areas[area].programs[program];
        if program_ref.budget.is_none() {
            program_ref.budget = read.budget;
        }
        let long_key = (area, program, key(&read.name));
        let existing = match self.plan.layout {
            Layout::Long => self.indicators.get(&long_key).copied(),
            Layout::Wide | Layout::Outline => None,
        };
        let index = match existing {
            Some(index) => index,
            None => {
                let indicators = &mut program_ref.indicators;
                let id = format!("{}-{}", program_ref.id, letters(indicators.len()));
                let mut indicator =
                    Indicator::new(id, read.name.clone(), read.kind.unwrap_or_default());
                indicator.unit = read.measure.clone();
                indicator.direction = read.direction.unwrap_or_default();
                indicator.baseline = read.baseline;
                indicator.note = read.note.clone();
                indicators.push(indicator);
                self.indicators.insert(long_key, indicators.len() - 1);
                indicators.len() - 1
            }
        };
        let indicator_col = self
            .plan
            .column_of(Meaning::Indicator)
            .or(self.plan.column_of(Meaning::Outline))
            .unwrap_or(0);
        let indicator = &mut self.roadmap.areas[area].programs[program].indicators[index];
        if indicator.kind == Kind::Milestone {
            milestone(indicator, &read.entries);
            return;
        }
        for (quarter, entry) in read.entries {
            let quarter_key = quarter.key().as_str().to_owned();
            let Some(target) = target_of(entry) else {
                self.warnings.push(Warning {
                    cell: address(row - 1, indicator_col),
                    kind: WarningKind::ActualWithoutTarget,
                });
                continue;
            };
            if indicator.targets.insert(quarter_key, target).is_some() {
                self.warnings.push(Warning {
                    cell: address(row - 1, indicator_col),
                    kind: WarningKind::RepeatedQuarter {
                        quarter: quarter.to_string(),
                    },
                });
            }
        }
    }
}

fn target_of(entry: Entry) -> Option<Target> {
    Some(Target {
        target: entry.target?,
        upper: None,
        actual: entry.actual,
        note: None,
        obstacle: entry.obstacle,
        follow_up: entry.follow_up,
        evidence: (!entry.evidence.is_empty()).then_some(entry.evidence),
    })
}

/// A milestone is due in the first quarter with a target and done in the first
/// quarter with a realisasi above zero.
fn milestone(indicator: &mut Indicator, entries: &BTreeMap<Quarter, Entry>) {
    let first = |keep: &dyn Fn(&Entry) -> bool| {
        entries
            .iter()
            .find(|(_, entry)| keep(entry))
            .map(|(quarter, _)| *quarter)
    };
    if indicator.due.is_none() {
        indicator.due = first(&|entry| entry.target.is_some());
    }
    if indicator.done.is_none() {
        indicator.done = first(&|entry| entry.actual.is_some_and(|a| a > 0.0));
    }
}

/// A title line that gives the period or the year rather than a name.
fn is_period_line(text: &str) -> bool {
    let words = words(text);
    words.iter().any(|w| year_of_word(w).is_some())
        || words.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "periode" | "period" | "tahun" | "triwulan" | "tw"
            )
        })
}

fn title_and_institution(plan: &Plan, options: &Options) -> (String, String) {
    let title = options
        .title
        .clone()
        .or_else(|| plan.titles.first().cloned())
        .unwrap_or_else(|| plan.sheet.clone());
    let institution = options.institution.clone().or_else(|| {
        plan.titles
            .get(1)
            .filter(|line| !is_period_line(line))
            .or_else(|| {
                plan.titles.iter().find(|line| {
                    words(line)
                        .iter()
                        .any(|w| INSTITUTION_WORDS.contains(&w.as_str()))
                })
            })
            .cloned()
    });
    (title, institution.unwrap_or_default())
}

/// The roadmap and the report from the rows as read.
pub fn assemble(
    readings: impl Iterator<Item = RowReading>,
    warnings: Vec<Warning>,
    plan: &Plan,
    options: &Options,
    file: &Path,
) -> Result<(Roadmap, ImportReport), ImportError> {
    let (title, institution) = title_and_institution(plan, options);
    let placeholder = Period { start: 0, end: 0 };
    let mut builder = Builder {
        plan,
        roadmap: Roadmap::new(title, institution, placeholder),
        area_ids: IdPool::default(),
        unit_ids: IdPool::default(),
        areas: HashMap::new(),
        programs: HashMap::new(),
        units: HashMap::new(),
        indicators: HashMap::new(),
        years: BTreeSet::new(),
        skipped: Vec::new(),
        warnings,
    };
    for reading in readings {
        builder.add(reading);
    }
    let mut roadmap = builder.roadmap;
    if roadmap.indicator_count() == 0 {
        return Err(ImportError::NoIndicators {
            file: file.to_owned(),
            sheet: plan.sheet.clone(),
        });
    }
    let mut years = builder.years;
    years.extend(plan.named_years());
    let Some(start) = options.start.or(years.first().copied()) else {
        return Err(ImportError::NoYear {
            file: file.to_owned(),
            sheet: plan.sheet.clone(),
        });
    };
    let end = match options.end {
        Some(end) => end,
        None => years.last().copied().unwrap_or(start).max(start),
    };
    if end < start {
        return Err(ImportError::PeriodReversed { start, end });
    }
    roadmap.period = Period { start, end };
    let counts = Counts {
        areas: roadmap.areas.len(),
        programs: roadmap.areas.iter().map(|a| a.programs.len()).sum(),
        indicators: roadmap.indicator_count(),
        targets: roadmap.indicators().map(|(_, _, i)| i.targets.len()).sum(),
        units: roadmap.units.len(),
    };
    let report = ImportReport {
        sheet: plan.sheet.clone(),
        layout: plan.layout,
        header_rows: (plan.header.start + 1, plan.header.end),
        columns: plan.columns.clone(),
        counts,
        skipped: builder.skipped,
        warnings: builder.warnings,
    };
    Ok((roadmap, report))
}
