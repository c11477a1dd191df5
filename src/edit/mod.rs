//! Every change to a document goes through [`Editor::apply`], which records its inverse
//! so it can be undone, and tracks whether the document differs from what was saved.
//!
//! Edits replace one node at a time (the document header, a unit, an area, a program,
//! an indicator) or insert, remove and move nodes. Replacing a node never touches its
//! children, so typing in an area's name costs a copy of the area's few fields, not of
//! its programs: undo stays cheap on a 40,000-target roadmap.

pub mod ids;
mod node;

pub use node::{Node, NodePath};

use crate::model::{Area, Indicator, IndicatorAt, Program, Roadmap, Unit};

/// One change to a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Title, institution, period, vision, rules: everything but units, areas and
    /// reviews, which the given roadmap's lists are ignored for.
    Header(Box<Roadmap>),
    Unit(usize, Unit),
    /// The area's own fields; its programs stay as they are.
    Area(usize, Area),
    /// The program's own fields; its indicators stay as they are.
    Program(usize, usize, Program),
    Indicator(IndicatorAt, Box<Indicator>),
    Insert(NodePath, Node),
    Remove(NodePath),
    /// Moves the node at the path to another index among its siblings.
    Move(NodePath, usize),
}

/// Why an edit could not be applied (a path that does not exist). The document is
/// unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("nothing at {0:?} to change")]
pub struct EditError(pub NodePath);

/// Applies `edit` to `roadmap` and returns the edit that undoes it.
pub fn apply(roadmap: &mut Roadmap, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::Header(mut header) => {
            header.units = std::mem::take(&mut roadmap.units);
            header.areas = std::mem::take(&mut roadmap.areas);
            header.reviews = std::mem::take(&mut roadmap.reviews);
            let old = std::mem::replace(roadmap, *header);
            Edit::Header(Box::new(old))
        }
        Edit::Unit(index, unit) => {
            let slot = roadmap
                .units
                .get_mut(index)
                .ok_or(EditError(NodePath::Unit(index)))?;
            Edit::Unit(index, std::mem::replace(slot, unit))
        }
        Edit::Area(a, mut area) => {
            let slot = roadmap
                .areas
                .get_mut(a)
                .ok_or(EditError(NodePath::Area(a)))?;
            area.programs = std::mem::take(&mut slot.programs);
            let old = std::mem::replace(slot, area);
            Edit::Area(a, old)
        }
        Edit::Program(a, p, mut program) => {
            let slot = roadmap
                .areas
                .get_mut(a)
                .and_then(|area| area.programs.get_mut(p))
                .ok_or(EditError(NodePath::Program(a, p)))?;
            program.indicators = std::mem::take(&mut slot.indicators);
            let old = std::mem::replace(slot, program);
            Edit::Program(a, p, old)
        }
        Edit::Indicator(at, indicator) => {
            let slot = roadmap
                .indicator_mut(at)
                .ok_or(EditError(NodePath::Indicator(at)))?;
            let old = std::mem::replace(slot, *indicator);
            Edit::Indicator(at, Box::new(old))
        }
        Edit::Insert(path, node) => {
            node::insert(roadmap, path, node)?;
            Edit::Remove(path)
        }
        Edit::Remove(path) => {
            let node = node::remove(roadmap, path)?;
            Edit::Insert(path, node)
        }
        Edit::Move(path, to) => {
            let from = node::move_to(roadmap, path, to)?;
            Edit::Move(path.with_index(to), from)
        }
    })
}

/// One undoable step: the inverses of its edits, to be applied last first.
#[derive(Debug, Clone)]
struct Step {
    id: u64,
    inverse: Vec<Edit>,
    /// Consecutive edits with the same key (typing in one field) merge into one step.
    coalesce: Option<String>,
}

/// A roadmap with its undo/redo history and a record of what was last saved.
#[derive(Debug, Clone)]
pub struct Editor {
    roadmap: Roadmap,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
    /// The id of the step on top of `undo` when the document was last saved
    /// (0: the empty history).
    saved: Option<u64>,
}

impl Editor {
    /// A document as loaded or created: clean, with no history.
    pub fn new(roadmap: Roadmap) -> Self {
        Self {
            roadmap,
            undo: Vec::new(),
            redo: Vec::new(),
            next_id: 1,
            saved: Some(0),
        }
    }

    /// A document that has never been saved anywhere (from a template): it counts
    /// as changed until it is saved.
    pub fn unsaved(roadmap: Roadmap) -> Self {
        Self {
            saved: None,
            ..Self::new(roadmap)
        }
    }

    pub fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }

    fn state_id(&self) -> u64 {
        self.undo.last().map_or(0, |step| step.id)
    }

    /// Differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.state_id())
    }

    /// Records that the current state is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.state_id());
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies one edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_all(vec![edit], None)
    }

    /// Applies an edit made by typing in one field: consecutive edits with the same
    /// `key` undo together.
    pub fn apply_typing(&mut self, edit: Edit, key: impl Into<String>) -> Result<(), EditError> {
        self.apply_all(vec![edit], Some(key.into()))
    }

    /// Applies several edits as one undoable step; if one fails, those before it are
    /// rolled back and the document is unchanged.
    pub fn apply_all(
        &mut self,
        edits: Vec<Edit>,
        coalesce: Option<String>,
    ) -> Result<(), EditError> {
        let mut inverse = Vec::with_capacity(edits.len());
        for edit in edits {
            match apply(&mut self.roadmap, edit) {
                Ok(undo) => inverse.push(undo),
                Err(error) => {
                    for undo in inverse.into_iter().rev() {
                        apply(&mut self.roadmap, undo).expect("an inverse edit always applies");
                    }
                    return Err(error);
                }
            }
        }
        self.redo.clear();
        let merges = coalesce.is_some()
            && self.saved != Some(self.state_id())
            && self.undo.last().is_some_and(|top| top.coalesce == coalesce);
        if merges {
            // The top step already restores the value from before the typing began;
            // typed back to that value, there is no change left to undo (nor to save).
            let back_to_start = self.undo.last().is_some_and(|top| {
                top.inverse
                    .iter()
                    .all(|inverse| inverse.changes_nothing(&self.roadmap))
            });
            if back_to_start {
                self.undo.pop();
            }
            return Ok(());
        }
        let id = self.next_id;
        self.next_id += 1;
        self.undo.push(Step {
            id,
            inverse,
            coalesce,
        });
        Ok(())
    }

    /// Ends the current typing run so the next edit starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.coalesce = None;
        }
    }

    pub fn undo(&mut self) -> bool {
        self.travel(true)
    }

    pub fn redo(&mut self) -> bool {
        self.travel(false)
    }

    fn travel(&mut self, backwards: bool) -> bool {
        let (from, to) = if backwards {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        let mut reverse = Vec::with_capacity(step.inverse.len());
        for edit in step.inverse.into_iter().rev() {
            reverse.push(apply(&mut self.roadmap, edit).expect("history edits always apply"));
        }
        reverse.reverse();
        to.push(Step {
            id: step.id,
            inverse: reverse,
            coalesce: None,
        });
        true
    }
}

impl Edit {
    /// Applying this would leave `roadmap` as it is: the node already holds what it
    /// would put there. Structural edits always change something.
    fn changes_nothing(&self, roadmap: &Roadmap) -> bool {
        match self {
            Edit::Header(header) => **header == roadmap.clone_header(),
            Edit::Unit(u, unit) => roadmap.units.get(*u) == Some(unit),
            Edit::Area(a, area) => roadmap
                .areas
                .get(*a)
                .is_some_and(|now| area.programs.is_empty() && now.clone_shallow() == *area),
            Edit::Program(a, p, program) => roadmap
                .areas
                .get(*a)
                .and_then(|now| now.programs.get(*p))
                .is_some_and(|now| {
                    program.indicators.is_empty() && now.clone_shallow() == *program
                }),
            Edit::Indicator(at, indicator) => roadmap.indicator(*at) == Some(&**indicator),
            Edit::Insert(..) | Edit::Remove(_) | Edit::Move(..) => false,
        }
    }
}

#[cfg(test)]
mod tests;

/// Copies of a node without its children, for the replacing edits: cheap whatever the
/// size of the document.
impl Roadmap {
    pub fn clone_header(&self) -> Roadmap {
        Roadmap {
            format_version: self.format_version,
            title: self.title.clone(),
            institution: self.institution.clone(),
            period: self.period,
            vision: self.vision.clone(),
            rules: self.rules,
            scoring: self.scoring.clone(),
            units: Vec::new(),
            areas: Vec::new(),
            reviews: Vec::new(),
        }
    }
}

impl Area {
    pub fn clone_shallow(&self) -> Area {
        Area {
            id: self.id.clone(),
            name: self.name.clone(),
            element: self.element,
            goal: self.goal.clone(),
            note: self.note.clone(),
            weight: self.weight,
            programs: Vec::new(),
        }
    }
}

impl Program {
    pub fn clone_shallow(&self) -> Program {
        Program {
            id: self.id.clone(),
            name: self.name.clone(),
            unit: self.unit.clone(),
            budget: self.budget,
            note: self.note.clone(),
            quick_win: self.quick_win,
            annual_budget: self.annual_budget.clone(),
            spent: self.spent.clone(),
            indicators: Vec::new(),
        }
    }
}
