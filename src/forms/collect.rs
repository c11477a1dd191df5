//! Collecting returned forms into the roadmap.
//!
//! For every fill-in cell three values meet: what the form brings (F), what the
//! document holds now (D), and what the document held when the form was made (M,
//! remembered in the form's hidden sheet):
//! - an empty cell brings nothing (a form never erases what the document holds);
//! - F = D: equal, nothing to do;
//! - F = M: the unit left the cell as it was given while the document changed since:
//!   the document's value stays ("kept");
//! - D = M: the unit changed the value and nobody else did: taken;
//! - otherwise someone changed the document meanwhile and the unit changed the form:
//!   a conflict, both values shown; the document's value stays unless the form is
//!   preferred (for all conflicts, or one by one in the app).
//!
//! [`collect`] only compares; [`Collection::apply`] changes the document. Collecting
//! the same forms again finds everything equal (or the same conflicts) and changes
//! nothing.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::plan::{reporting_unit, reporting_units};
use super::read::{Raw, Refusal, RefusedForm, Rejected, RejectedReason, ReturnedForm};
use super::value::{DONE_WORD, Field, NOT_DONE_WORD, Value};
use crate::locale::{Language, parse_number};
use crate::model::{Indicator, Kind, Quarter, Roadmap};

/// Which value wins a conflict unless the user chooses otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prefer {
    #[default]
    Document,
    Form,
}

/// The side kept for one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Document,
    Form,
}

/// A value the form brings that the document takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    /// Order of application across all forms.
    pub seq: usize,
    pub indicator: String,
    pub field: Field,
    pub before: Option<Value>,
    pub after: Value,
    pub file: PathBuf,
    pub address: String,
}

/// A cell changed both in the form and, meanwhile, in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub seq: usize,
    pub indicator: String,
    pub field: Field,
    pub document: Option<Value>,
    pub form: Value,
    pub made_from: Option<Value>,
    pub file: PathBuf,
    pub address: String,
    /// The value that stays; the document's unless the form is preferred.
    pub keep: Side,
}

/// What one unit's forms bring.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitReport {
    pub unit: String,
    pub name: String,
    pub files: Vec<PathBuf>,
    pub taken: Vec<Taken>,
    /// Cells that bring what the document already holds.
    pub equal: usize,
    /// Cells the unit left as given while the document changed since (see the module).
    pub kept: usize,
    pub conflicts: Vec<Conflict>,
    pub rejected: Vec<Rejected>,
}

/// The result of reading a batch of returned forms against a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    /// The quarter collected; `None` only when no form could be read and none was asked.
    pub quarter: Option<Quarter>,
    /// One per unit that returned a readable form, in the order of the document's units.
    pub units: Vec<UnitReport>,
    pub refused: Vec<RefusedForm>,
    /// Units (id, name) that report something at the quarter and returned no form.
    pub not_returned: Vec<(String, String)>,
}

/// How a collection went, as the command line's exit status tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything read was taken (or equal).
    Clean,
    /// Something was a conflict, rejected or refused; the rest was taken.
    Partial,
    /// No form could be read.
    NothingRead,
}

/// Compares the returned `forms` (in the order given) with `roadmap` at `quarter`
/// (by default the quarter most readable forms carry, the latest on a tie). Changes
/// nothing; see [`Collection::apply`].
pub fn collect(
    roadmap: &Roadmap,
    quarter: Option<Quarter>,
    forms: Vec<(PathBuf, Result<ReturnedForm, Refusal>)>,
    prefer: Prefer,
) -> Collection {
    let quarter = quarter.or_else(|| usual_quarter(roadmap, &forms));
    let mut indicators = HashMap::new();
    for (_, program, indicator) in roadmap.indicators() {
        // The first of duplicate ids, as `apply` finds it.
        indicators
            .entry(indicator.id.as_str())
            .or_insert((reporting_unit(program, indicator), indicator));
    }
    let mut state = State {
        roadmap,
        indicators,
        working: HashMap::new(),
        seq: 0,
        prefer,
    };
    let mut units: BTreeMap<usize, UnitReport> = BTreeMap::new();
    let mut refused = Vec::new();
    for (path, form) in forms {
        let checked = form.and_then(|form| state.admit(form, quarter));
        match checked {
            Err(reason) => refused.push(RefusedForm { path, reason }),
            Ok((index, form)) => {
                let unit = &roadmap.units[index];
                let report = units.entry(index).or_insert_with(|| UnitReport {
                    unit: unit.id.clone(),
                    name: unit.name.clone(),
                    files: Vec::new(),
                    taken: Vec::new(),
                    equal: 0,
                    kept: 0,
                    conflicts: Vec::new(),
                    rejected: Vec::new(),
                });
                report.files.push(path);
                state.compare(&form, quarter.expect("a read form gives a quarter"), report);
            }
        }
    }
    let not_returned = quarter
        .map(|quarter| {
            reporting_units(roadmap, quarter)
                .into_iter()
                .filter(|(id, _)| !units.values().any(|u| &u.unit == id))
                .collect()
        })
        .unwrap_or_default();
    Collection {
        quarter,
        units: units.into_values().collect(),
        refused,
        not_returned,
    }
}

/// The quarter most readable forms of this roadmap carry; the latest on a tie.
fn usual_quarter(
    roadmap: &Roadmap,
    forms: &[(PathBuf, Result<ReturnedForm, Refusal>)],
) -> Option<Quarter> {
    let mut counts: BTreeMap<Quarter, usize> = BTreeMap::new();
    for (_, form) in forms {
        if let Ok(form) = form.as_ref()
            && form.identity.is_of(roadmap)
        {
            *counts.entry(form.identity.quarter).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(quarter, count)| (count, quarter))
        .map(|(quarter, _)| quarter)
}

struct State<'a> {
    roadmap: &'a Roadmap,
    /// Every indicator by id, with the unit that reports it.
    indicators: HashMap<&'a str, (Option<&'a str>, &'a Indicator)>,
    /// Values as forms collected so far have left them, over the document's.
    working: HashMap<(String, Field), Option<Value>>,
    seq: usize,
    prefer: Prefer,
}

impl State<'_> {
    /// Checks that a read form belongs here: this roadmap, this quarter, a known unit,
    /// only indicators that unit reports. Returns the unit's index.
    fn admit(
        &self,
        form: ReturnedForm,
        quarter: Option<Quarter>,
    ) -> Result<(usize, ReturnedForm), Refusal> {
        let identity = &form.identity;
        if !identity.is_of(self.roadmap) {
            return Err(Refusal::OtherRoadmap {
                institution: identity.institution.clone(),
                period: identity.period,
            });
        }
        if let Some(wanted) = quarter.filter(|q| *q != identity.quarter) {
            return Err(Refusal::OtherQuarter {
                found: identity.quarter,
                wanted,
            });
        }
        let Some(index) = self
            .roadmap
            .units
            .iter()
            .position(|u| u.id == identity.unit)
        else {
            return Err(Refusal::UnknownUnit {
                unit: identity.unit.clone(),
            });
        };
        let mut foreign: Vec<String> = form
            .rows
            .iter()
            .filter(|row| {
                self.indicators
                    .get(row.id.as_str())
                    .is_some_and(|(owner, _)| *owner != Some(identity.unit.as_str()))
            })
            .map(|row| row.id.clone())
            .collect();
        foreign.dedup();
        if !foreign.is_empty() {
            return Err(Refusal::ForeignIndicators {
                unit: identity.unit.clone(),
                ids: foreign,
            });
        }
        Ok((index, form))
    }

    fn compare(&mut self, form: &ReturnedForm, quarter: Quarter, report: &mut UnitReport) {
        let mut seen: Vec<&str> = Vec::with_capacity(form.rows.len());
        for row in &form.rows {
            let reject = |reason: RejectedReason, address: &str| Rejected {
                file: form.path.clone(),
                address: address.to_owned(),
                indicator: Some(row.id.clone()),
                reason,
            };
            let brings = row.cells.iter().any(|c| c.raw.is_some());
            let Some(&(_, indicator)) = self.indicators.get(row.id.as_str()) else {
                report
                    .rejected
                    .push(reject(RejectedReason::UnknownIndicator, &row.address));
                continue;
            };
            if seen.contains(&row.id.as_str()) {
                report
                    .rejected
                    .push(reject(RejectedReason::Duplicate, &row.address));
                continue;
            }
            seen.push(&row.id);
            let Some(made_from) = form.made_from.get(&row.id) else {
                report
                    .rejected
                    .push(reject(RejectedReason::NotOnForm, &row.address));
                continue;
            };
            let milestone = indicator.kind == Kind::Milestone;
            if !milestone && brings && indicator.target_at(quarter).is_none() {
                report
                    .rejected
                    .push(reject(RejectedReason::NoTarget, &row.address));
                continue;
            }
            for cell in &row.cells {
                let field = match (milestone, cell.field) {
                    (true, Field::Actual) => Field::Done,
                    // A milestone has no other fill-in cells (they are locked).
                    (true, _) => continue,
                    (false, field) => field,
                };
                let Some(raw) = &cell.raw else { continue };
                let value = match interpret(field, raw) {
                    Ok(Some(value)) => value,
                    Ok(None) => continue,
                    Err(reason) => {
                        report.rejected.push(reject(reason, &cell.address));
                        continue;
                    }
                };
                let made = made_from
                    .iter()
                    .find(|(f, _)| *f == field)
                    .and_then(|(_, v)| v.clone());
                self.weigh(
                    indicator,
                    quarter,
                    field,
                    value,
                    made,
                    form,
                    &cell.address,
                    report,
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn weigh(
        &mut self,
        indicator: &Indicator,
        quarter: Quarter,
        field: Field,
        form_value: Value,
        made: Option<Value>,
        form: &ReturnedForm,
        address: &str,
        report: &mut UnitReport,
    ) {
        let key = (indicator.id.clone(), field);
        let document = self
            .working
            .entry(key.clone())
            .or_insert_with(|| field.current(indicator, quarter))
            .clone();
        let same = |a: Option<&Value>, b: Option<&Value>| match (a, b) {
            (Some(a), Some(b)) => a.same(b),
            (None, None) => true,
            _ => false,
        };
        if same(Some(&form_value), document.as_ref()) {
            report.equal += 1;
            return;
        }
        if same(Some(&form_value), made.as_ref()) {
            report.kept += 1;
            return;
        }
        self.seq += 1;
        if same(document.as_ref(), made.as_ref()) {
            self.working.insert(key, Some(form_value.clone()));
            report.taken.push(Taken {
                seq: self.seq,
                indicator: indicator.id.clone(),
                field,
                before: document,
                after: form_value,
                file: form.path.clone(),
                address: address.to_owned(),
            });
            return;
        }
        let keep = match self.prefer {
            Prefer::Document => Side::Document,
            Prefer::Form => Side::Form,
        };
        if keep == Side::Form {
            self.working.insert(key, Some(form_value.clone()));
        }
        report.conflicts.push(Conflict {
            seq: self.seq,
            indicator: indicator.id.clone(),
            field,
            document,
            form: form_value,
            made_from: made,
            file: form.path.clone(),
            address: address.to_owned(),
            keep,
        });
    }
}

/// What a cell's content means for `field`: a value, nothing, or why it is refused.
fn interpret(field: Field, raw: &Raw) -> Result<Option<Value>, RejectedReason> {
    let text = || raw.text(Language::Indonesian);
    match (field, raw) {
        (_, Raw::Error(text)) => Err(RejectedReason::ErrorValue { text: text.clone() }),
        (Field::Actual, Raw::Number(n)) if n.is_finite() => Ok(Some(Value::Number(*n))),
        (Field::Actual, Raw::Text(t)) => {
            // `60,27%` typed as text: the satuan column already says it is a percentage.
            let t = t.trim().trim_end_matches('%');
            parse_number(t)
                .ok()
                .filter(|n| n.is_finite())
                .map(|n| Some(Value::Number(n)))
                .ok_or_else(|| RejectedReason::NotANumber { text: text() })
        }
        (Field::Actual | Field::Done, Raw::Formula(f)) => {
            Err(RejectedReason::Formula { formula: f.clone() })
        }
        (Field::Actual, Raw::Date(t)) => Err(RejectedReason::Date { text: t.clone() }),
        (Field::Actual, _) => Err(RejectedReason::NotANumber { text: text() }),
        (Field::Done, Raw::Text(t)) if t.trim().eq_ignore_ascii_case(DONE_WORD) => {
            Ok(Some(Value::Done))
        }
        (Field::Done, Raw::Text(t)) if t.trim().eq_ignore_ascii_case(NOT_DONE_WORD) => Ok(None),
        (Field::Done, _) => Err(RejectedReason::NotDoneWord { text: text() }),
        (Field::Evidence, _) => Ok(Value::links(&text())),
        // Whatever else is typed in a text cell is kept as text, a formula included.
        (Field::Obstacle | Field::FollowUp | Field::Note, _) => {
            Ok(Some(Value::Text(text().trim().to_owned()))
                .filter(|v| *v != Value::Text(String::new())))
        }
    }
}

impl Value {
    /// The same value, numbers within rounding of what a spreadsheet writes back.
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => {
                (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
            }
            _ => self == other,
        }
    }
}

impl Collection {
    /// How it went: see [`Outcome`].
    pub fn outcome(&self) -> Outcome {
        if self.units.is_empty() {
            return Outcome::NothingRead;
        }
        let troubled = !self.refused.is_empty()
            || self
                .units
                .iter()
                .any(|u| !u.conflicts.is_empty() || !u.rejected.is_empty());
        if troubled {
            Outcome::Partial
        } else {
            Outcome::Clean
        }
    }

    /// The values that change the document: every taken value and the conflicts whose
    /// kept side is the form, in the order the forms brought them.
    pub fn changes(&self) -> Vec<(usize, &str, Field, &Value)> {
        let mut changes: Vec<(usize, &str, Field, &Value)> = self
            .units
            .iter()
            .flat_map(|unit| {
                let taken = unit
                    .taken
                    .iter()
                    .map(|t| (t.seq, t.indicator.as_str(), t.field, &t.after));
                let chosen = unit
                    .conflicts
                    .iter()
                    .filter(|c| c.keep == Side::Form)
                    .map(|c| (c.seq, c.indicator.as_str(), c.field, &c.form));
                taken.chain(chosen)
            })
            .collect();
        changes.sort_by_key(|c| c.0);
        changes
    }

    /// Writes what is taken (and the conflicts resolved for the form) into `roadmap`.
    /// Returns how many values changed; 0 leaves the document exactly as it was.
    pub fn apply(&self, roadmap: &mut Roadmap) -> usize {
        let Some(quarter) = self.quarter else {
            return 0;
        };
        let mut places: HashMap<String, (usize, usize, usize)> = HashMap::new();
        for (a, area) in roadmap.areas.iter().enumerate() {
            for (p, program) in area.programs.iter().enumerate() {
                for (i, indicator) in program.indicators.iter().enumerate() {
                    places.entry(indicator.id.clone()).or_insert((a, p, i));
                }
            }
        }
        let mut changed = 0;
        for (_, id, field, value) in self.changes() {
            let Some(&(a, p, i)) = places.get(id) else {
                continue;
            };
            let indicator = &mut roadmap.areas[a].programs[p].indicators[i];
            let before = field.current(indicator, quarter);
            if before.as_ref().is_some_and(|b| b.same(value)) {
                continue;
            }
            if field.set(indicator, quarter, value) {
                changed += 1;
            }
        }
        changed
    }

    /// The indicators this collection changes in `roadmap`, each with its place (area,
    /// program and indicator index) and its new contents: what an editor applies as
    /// one undoable step. Empty when nothing would change.
    pub fn changed_indicators(&self, roadmap: &Roadmap) -> Vec<((usize, usize, usize), Indicator)> {
        let mut after = roadmap.clone();
        if self.apply(&mut after) == 0 {
            return Vec::new();
        }
        let mut changed = Vec::new();
        for (a, (old, new)) in roadmap.areas.iter().zip(after.areas).enumerate() {
            for (p, (old, new)) in old.programs.iter().zip(new.programs).enumerate() {
                for (i, (old, new)) in old.indicators.iter().zip(new.indicators).enumerate() {
                    if *old != new {
                        changed.push(((a, p, i), new));
                    }
                }
            }
        }
        changed
    }

    /// Sets the kept side of every conflict.
    pub fn keep_all(&mut self, side: Side) {
        for conflict in self.units.iter_mut().flat_map(|u| &mut u.conflicts) {
            conflict.keep = side;
        }
    }
}
