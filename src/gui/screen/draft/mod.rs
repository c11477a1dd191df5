//! Drafting a roadmap: the outline on the left (areas → programs → indicators, each
//! with its status at the current quarter), the selected item's form on the right,
//! and the problems found by validation below.

mod budget;
mod fields;
mod form;
mod grid;
mod measure;
mod outline;
mod problems;
mod scoring;
mod tab;

use std::collections::{HashMap, HashSet};

use iced::widget::{column, container, operation, row};
use iced::{Element, Length, Task};

pub use fields::{Cell, Field, Pick, RatingChoice};
pub use form::field_id;
pub use grid::cell_id as grid_cell_id;
pub use tab::destination as tab_destination;

use crate::edit::{Edit, Node, NodePath, ids};
use crate::gui::contract::{Action, Change, Context};
use crate::gui::{theme, typed};
use crate::model::{Area, Indicator, IndicatorAt, Kind, Program, Quarter, Roadmap, Unit};
use crate::validate::Location;

/// What the form on the right shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Selection {
    Document,
    Units,
    Area(usize),
    Program(usize, usize),
    Indicator(IndicatorAt),
}

/// Structural changes from the outline and the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Structure {
    AddArea,
    AddProgram(usize),
    AddIndicator(usize, usize),
    AddUnit,
    Delete(NodePath),
    Duplicate(NodePath),
    MoveUp(NodePath),
    MoveDown(NodePath),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Select(Selection),
    ToggleArea(usize),
    ToggleProgram(usize, usize),
    /// Text typed into a field of the selected item.
    FieldChanged(Field, String),
    Picked(Pick),
    /// Target or actual typed into the grid of the selected indicator.
    CellChanged(Quarter, Cell, String),
    Restructure(Structure),
    /// Remove a unit that programs still use, after the warning.
    ConfirmRemoveUnit(usize),
    CancelRemoveUnit,
    ProblemClicked(Location),
    ToggleProblems,
    /// Show the invalid entry typed first (the count under the form was clicked).
    ShowFirstInvalid,
    /// Tab or Shift+Tab (from the app): move from the focused field or cell.
    Tab(Step),
    /// Tab or Shift+Tab moved the focus to this grid cell (the grid's own keys).
    Keyed(Quarter, Cell),
    /// Enter in a grid cell.
    CellSubmitted(Quarter, Cell),
}

/// Where the grid's keys move, as in a spreadsheet: Tab right, Shift+Tab left, Enter
/// down. Each key leaves its cell in the document already (typing went in key by key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Right,
    Left,
    Down,
}

impl Step {
    /// The move from field to field, outside the grid (or past its ends).
    pub fn next_field<T: Send + 'static>(self) -> Task<T> {
        match self {
            Step::Left => operation::focus_previous(),
            Step::Right | Step::Down => operation::focus_next(),
        }
    }
}

/// Where text typed into a number field or a grid cell is kept: as typed until the
/// document shows the same value (or forever, while it is not a valid number: an
/// invalid entry is marked in place and never silently dropped).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BufferKey {
    /// A cell of the target grid of the indicator with this id.
    Cell {
        indicator: String,
        quarter: Quarter,
        cell: Cell,
    },
    /// A number field of the item selected.
    Field { selection: Selection, field: Field },
}

/// The drafting screen: what is selected, folded, and typed but not yet valid.
pub struct Drafting {
    selection: Selection,
    collapsed_areas: HashSet<usize>,
    expanded_programs: HashSet<(usize, usize)>,
    buffers: HashMap<BufferKey, Buffer>,
    /// A unit removal waiting for the user to accept that programs lose their unit.
    removing_unit: Option<usize>,
    show_problems: bool,
    /// The grid cell the keys last moved the focus to.
    keyed: Option<(Quarter, Cell)>,
    /// Entries begun so far (see [`Buffer::since`]).
    entries: u64,
}

#[derive(Debug, Clone, PartialEq)]
struct Buffer {
    text: String,
    valid: bool,
    /// What the document held when typing here began (see [`crate::gui::typed`]).
    before: String,
    /// When typing here began, counted in entries: the oldest invalid one is "first".
    since: u64,
}

impl Drafting {
    pub fn new(roadmap: &Roadmap) -> Self {
        let selection = if roadmap.areas.is_empty() {
            Selection::Document
        } else {
            Selection::Area(0)
        };
        Self {
            selection,
            collapsed_areas: HashSet::new(),
            expanded_programs: HashSet::new(),
            buffers: HashMap::new(),
            removing_unit: None,
            show_problems: true,
            keyed: None,
            entries: 0,
        }
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    /// The grid cell Tab, Shift+Tab or Enter last moved the focus to.
    pub fn keyed_cell(&self) -> Option<(Quarter, Cell)> {
        self.keyed
    }

    /// Entries typed that are not numbers, still waiting to be corrected.
    pub fn invalid_entries(&self) -> usize {
        self.buffers.values().filter(|b| !b.valid).count()
    }

    /// The document changed under the screen (undo, redo): show its values again,
    /// keeping only entries that were never valid, and a selection that still exists.
    pub fn document_replaced_or_rewound(&mut self, roadmap: &Roadmap) {
        self.buffers.retain(|_, buffer| !buffer.valid);
        self.selection = fix_selection(self.selection, roadmap);
        self.removing_unit = None;
    }

    pub fn update(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        let roadmap = context.roadmap;
        match message {
            Message::Select(selection) => {
                self.select(selection);
                Action::None
            }
            Message::ToggleArea(a) => {
                if !self.collapsed_areas.remove(&a) {
                    self.collapsed_areas.insert(a);
                }
                Action::None
            }
            Message::ToggleProgram(a, p) => {
                if !self.expanded_programs.remove(&(a, p)) {
                    self.expanded_programs.insert((a, p));
                }
                Action::None
            }
            Message::FieldChanged(field, text) => self.edit_field(field, text, context),
            Message::Picked(pick) => fields::pick(self.selection, pick, roadmap)
                .map(|edit| Action::Change(Change::one(edit)))
                .unwrap_or(Action::None),
            Message::CellChanged(quarter, cell, text) => {
                self.edit_cell(quarter, cell, text, roadmap)
            }
            Message::Restructure(structure) => self.structure(structure, context),
            Message::ConfirmRemoveUnit(index) => {
                self.removing_unit = None;
                remove_unit(roadmap, index)
            }
            Message::CancelRemoveUnit => {
                self.removing_unit = None;
                Action::None
            }
            Message::ProblemClicked(location) => {
                self.select(selection_of(&location));
                Action::None
            }
            Message::ToggleProblems => {
                self.show_problems = !self.show_problems;
                Action::None
            }
            Message::ShowFirstInvalid => self.show_first_invalid(roadmap),
            // In the grid, Tab is the grid's own (tab.rs); this is the rest.
            Message::Tab(step) => Action::Run(step.next_field()),
            Message::Keyed(quarter, cell) => {
                self.keyed = Some((quarter, cell));
                Action::None
            }
            Message::CellSubmitted(quarter, cell) => {
                self.key_from(quarter, cell, Step::Down, roadmap)
            }
        }
    }

    /// Moves the focus from the cell at (`quarter`, `cell`) by `step`, selecting the
    /// next cell's text so that typing replaces it; past the grid's ends, to the next
    /// field.
    fn key_from(
        &mut self,
        quarter: Quarter,
        cell: Cell,
        step: Step,
        roadmap: &Roadmap,
    ) -> Action<Message> {
        match grid::next_cell(roadmap.period, quarter, cell, step) {
            Some((quarter, cell)) => {
                self.keyed = Some((quarter, cell));
                let id = grid::cell_id(quarter, cell);
                Action::Run(Task::batch([
                    operation::focus(id.clone()),
                    operation::select_all(id),
                ]))
            }
            None => {
                self.keyed = None;
                Action::Run(step.next_field())
            }
        }
    }

    fn select(&mut self, selection: Selection) {
        // Valid entries are in the document already; invalid ones stay to be corrected.
        self.buffers.retain(|_, buffer| !buffer.valid);
        self.removing_unit = None;
        self.selection = selection;
        match selection {
            Selection::Area(a) => {
                self.collapsed_areas.remove(&a);
            }
            Selection::Program(a, p)
            | Selection::Indicator(IndicatorAt {
                area: a,
                program: p,
                ..
            }) => {
                self.collapsed_areas.remove(&a);
                self.expanded_programs.insert((a, p));
            }
            Selection::Document | Selection::Units => {}
        }
    }

    fn edit_field(&mut self, field: Field, text: String, context: &Context<'_>) -> Action<Message> {
        let roadmap = context.roadmap;
        let selection = self.selection;
        let key = BufferKey::Field { selection, field };
        if !field.is_number() {
            if let (Selection::Indicator(at), Field::Id) = (selection, field)
                && let Some(indicator) = roadmap.indicator(at)
            {
                self.rename_cells(&indicator.id, text.trim());
            }
            // Free text always reads: no buffer, no rule to keep.
            return match fields::edit(selection, field, &text, roadmap) {
                fields::Outcome::Edit(edit) => {
                    Action::Change(Change::typing(*edit, format!("{key:?}")))
                }
                fields::Outcome::Invalid | fields::Outcome::Nothing => Action::None,
            };
        }
        let Some(held) = fields::stored_text(selection, field, roadmap) else {
            return Action::None;
        };
        let before = self.before(&key, held);
        let (edit, problem) = typed::take(&text, &before, |text| {
            match fields::edit(selection, field, text, roadmap) {
                fields::Outcome::Edit(edit) => {
                    let changes = fields::edited_text(&edit, field, roadmap)
                        != fields::stored_text(selection, field, roadmap);
                    Ok(changes.then_some(*edit))
                }
                fields::Outcome::Nothing => Ok(None),
                fields::Outcome::Invalid => Err(()),
            }
        });
        self.keep(key.clone(), text, problem.is_none(), before);
        edit.map_or(Action::None, |edit| {
            Action::Change(Change::typing(edit, format!("{key:?}")))
        })
    }

    /// The indicator's id changes from `old` to `new`: its cells' entries still to be
    /// corrected follow it (they are kept by id, and would else be lost from view while
    /// still counted).
    fn rename_cells(&mut self, old: &str, new: &str) {
        let moved: Vec<BufferKey> = self
            .buffers
            .keys()
            .filter(|key| matches!(key, BufferKey::Cell { indicator, .. } if indicator == old))
            .cloned()
            .collect();
        for key in moved {
            if let (Some(buffer), BufferKey::Cell { quarter, cell, .. }) =
                (self.buffers.remove(&key), key)
            {
                let key = BufferKey::Cell {
                    indicator: new.to_owned(),
                    quarter,
                    cell,
                };
                self.buffers.insert(key, buffer);
            }
        }
    }

    /// Keeps `text` typed at `key`, remembering when typing there began.
    fn keep(&mut self, key: BufferKey, text: String, valid: bool, before: String) {
        let since = match self.buffers.get(&key) {
            Some(buffer) => buffer.since,
            None => {
                self.entries += 1;
                self.entries
            }
        };
        self.buffers.insert(
            key,
            Buffer {
                text,
                valid,
                before,
                since,
            },
        );
    }

    /// The invalid entry typed first, if any.
    fn first_invalid(&self) -> Option<&BufferKey> {
        self.buffers
            .iter()
            .filter(|(_, buffer)| !buffer.valid)
            .min_by_key(|(_, buffer)| buffer.since)
            .map(|(key, _)| key)
    }

    /// Shows the invalid entry typed first: selects its item, scrolls the form to it
    /// (a cell is in the grid at the form's end, a number field near its top) and puts
    /// the cursor in it.
    fn show_first_invalid(&mut self, roadmap: &Roadmap) -> Action<Message> {
        let Some(key) = self.first_invalid().cloned() else {
            return Action::None;
        };
        let (selection, offset, id) = match key {
            BufferKey::Cell {
                indicator,
                quarter,
                cell,
            } => {
                let Some(at) = place_of(roadmap, &indicator) else {
                    return Action::None;
                };
                (
                    Selection::Indicator(at),
                    operation::RelativeOffset::END,
                    grid::cell_id(quarter, cell),
                )
            }
            BufferKey::Field { selection, field } => (
                selection,
                operation::RelativeOffset::START,
                form::field_id(field),
            ),
        };
        self.select(selection);
        Action::Run(Task::batch([
            operation::snap_to(form::FORM_ID, offset),
            operation::focus(id),
        ]))
    }

    /// What the document held when typing at `key` began: kept from the first key
    /// typed there, or `held` now when this is the first.
    fn before(&self, key: &BufferKey, held: String) -> String {
        self.buffers
            .get(key)
            .map_or(held, |buffer| buffer.before.clone())
    }

    fn edit_cell(
        &mut self,
        quarter: Quarter,
        cell: Cell,
        text: String,
        roadmap: &Roadmap,
    ) -> Action<Message> {
        let Selection::Indicator(at) = self.selection else {
            return Action::None;
        };
        let Some(indicator) = roadmap.indicator(at) else {
            return Action::None;
        };
        let key = grid::buffer_key(indicator, quarter, cell);
        let before = self.before(&key, grid::stored_text(indicator, quarter, cell));
        let (updated, problem) = typed::take(&text, &before, |text| {
            grid::apply(indicator, quarter, cell, text)
        });
        self.keep(key.clone(), text, problem.is_none(), before);
        updated.map_or(Action::None, |updated| {
            let edit = Edit::Indicator(at, Box::new(updated));
            Action::Change(Change::typing(edit, format!("{key:?}")))
        })
    }

    fn buffer(&self, key: &BufferKey) -> Option<&Buffer> {
        self.buffers.get(key)
    }

    fn structure(&mut self, structure: Structure, context: &Context<'_>) -> Action<Message> {
        let roadmap = context.roadmap;
        let language = context.language;
        let (edit, selection) = match structure {
            Structure::AddArea => {
                let index = roadmap.areas.len();
                let area = Area::new(
                    ids::new_area_id(roadmap),
                    crate::gui::i18n::tr(language, "draft.new_area"),
                    Default::default(),
                );
                (
                    Edit::Insert(NodePath::Area(index), Node::Area(area)),
                    Selection::Area(index),
                )
            }
            Structure::AddProgram(a) => {
                let Some(area) = roadmap.areas.get(a) else {
                    return Action::None;
                };
                let index = area.programs.len();
                let program = Program::new(
                    ids::new_program_id(roadmap, area),
                    crate::gui::i18n::tr(language, "draft.new_program"),
                );
                (
                    Edit::Insert(NodePath::Program(a, index), Node::Program(program)),
                    Selection::Program(a, index),
                )
            }
            Structure::AddIndicator(a, p) => {
                let Some(program) = roadmap.areas.get(a).and_then(|area| area.programs.get(p))
                else {
                    return Action::None;
                };
                let at = IndicatorAt::new(a, p, program.indicators.len());
                let indicator = Indicator::new(
                    ids::new_indicator_id(roadmap, program),
                    crate::gui::i18n::tr(language, "draft.new_indicator"),
                    Kind::Level,
                );
                (
                    Edit::Insert(
                        NodePath::Indicator(at),
                        Node::Indicator(Box::new(indicator)),
                    ),
                    Selection::Indicator(at),
                )
            }
            Structure::AddUnit => {
                let unit = Unit {
                    id: ids::new_unit_id(roadmap),
                    name: crate::gui::i18n::tr(language, "draft.new_unit"),
                };
                (
                    Edit::Insert(NodePath::Unit(roadmap.units.len()), Node::Unit(unit)),
                    Selection::Units,
                )
            }
            Structure::Delete(NodePath::Unit(index)) => {
                let used = programs_using_unit(roadmap, index).len();
                if used > 0 {
                    self.removing_unit = Some(index);
                    return Action::None;
                }
                return remove_unit(roadmap, index);
            }
            Structure::Delete(path) => {
                let selection = match path {
                    NodePath::Area(_) => Selection::Document,
                    NodePath::Program(a, _) => Selection::Area(a),
                    NodePath::Indicator(IndicatorAt {
                        area: a,
                        program: p,
                        ..
                    }) => Selection::Program(a, p),
                    NodePath::Unit(_) | NodePath::Review(_) => self.selection,
                };
                (Edit::Remove(path), selection)
            }
            Structure::Duplicate(path) => match duplicate(roadmap, path) {
                Some((edit, selection)) => (edit, selection),
                None => return Action::None,
            },
            Structure::MoveUp(path) | Structure::MoveDown(path) => {
                let up = matches!(structure, Structure::MoveUp(_));
                let index = path.index();
                let siblings = sibling_count(roadmap, path);
                let to = if up {
                    index.checked_sub(1)
                } else {
                    Some(index + 1)
                };
                let Some(to) = to.filter(|&to| to < siblings) else {
                    return Action::None;
                };
                (
                    Edit::Move(path, to),
                    selection_of_path(path.with_index(to), self.selection),
                )
            }
        };
        self.buffers.retain(|_, buffer| !buffer.valid);
        self.select(selection);
        Action::Change(Change::one(edit))
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let outline = container(outline::view(self, context))
            .width(Length::Fixed(340.0))
            .height(Length::Fill)
            .style(theme::panel);
        let form = container(form::view(self, context))
            .width(Length::Fill)
            .height(Length::Fill)
            .style(theme::panel);
        let main = row![outline, form].spacing(12).height(Length::Fill);
        column![main, problems::view(self, context)]
            .spacing(12)
            .height(Length::Fill)
            .into()
    }
}

/// Where the indicator with id `id` is.
fn place_of(roadmap: &Roadmap, id: &str) -> Option<IndicatorAt> {
    roadmap.areas.iter().enumerate().find_map(|(a, area)| {
        area.programs.iter().enumerate().find_map(|(p, program)| {
            let i = program
                .indicators
                .iter()
                .position(|indicator| indicator.id == id)?;
            Some(IndicatorAt::new(a, p, i))
        })
    })
}

/// Programs (area, program) whose responsible unit is `roadmap.units[index]`.
fn programs_using_unit(roadmap: &Roadmap, index: usize) -> Vec<(usize, usize)> {
    let Some(unit) = roadmap.units.get(index) else {
        return Vec::new();
    };
    roadmap
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| {
            area.programs
                .iter()
                .enumerate()
                .filter(|(_, program)| program.unit.as_deref() == Some(unit.id.as_str()))
                .map(move |(p, _)| (a, p))
        })
        .collect()
}

/// Removes a unit and, in the same undoable step, the references to it.
fn remove_unit(roadmap: &Roadmap, index: usize) -> Action<Message> {
    let mut edits: Vec<Edit> = programs_using_unit(roadmap, index)
        .into_iter()
        .map(|(a, p)| {
            let program = Program {
                unit: None,
                ..roadmap.areas[a].programs[p].clone()
            };
            Edit::Program(a, p, program)
        })
        .collect();
    edits.push(Edit::Remove(NodePath::Unit(index)));
    Action::Change(Change {
        edits,
        coalesce: None,
    })
}

fn duplicate(roadmap: &Roadmap, path: NodePath) -> Option<(Edit, Selection)> {
    Some(match path {
        NodePath::Area(a) => {
            let copy = ids::duplicate_area(roadmap, roadmap.areas.get(a)?);
            (
                Edit::Insert(NodePath::Area(a + 1), Node::Area(copy)),
                Selection::Area(a + 1),
            )
        }
        NodePath::Program(a, p) => {
            let area = roadmap.areas.get(a)?;
            let copy = ids::duplicate_program(roadmap, area, area.programs.get(p)?);
            (
                Edit::Insert(NodePath::Program(a, p + 1), Node::Program(copy)),
                Selection::Program(a, p + 1),
            )
        }
        NodePath::Indicator(at) => {
            let program = roadmap.areas.get(at.area)?.programs.get(at.program)?;
            let copy = ids::duplicate_indicator(roadmap, program, roadmap.indicator(at)?);
            let next = at.sibling(at.indicator + 1);
            (
                Edit::Insert(NodePath::Indicator(next), Node::Indicator(Box::new(copy))),
                Selection::Indicator(next),
            )
        }
        NodePath::Unit(_) | NodePath::Review(_) => return None,
    })
}

fn sibling_count(roadmap: &Roadmap, path: NodePath) -> usize {
    match path {
        NodePath::Unit(_) => roadmap.units.len(),
        NodePath::Area(_) => roadmap.areas.len(),
        NodePath::Program(a, _) => roadmap.areas.get(a).map_or(0, |area| area.programs.len()),
        NodePath::Indicator(at) => roadmap
            .areas
            .get(at.area)
            .and_then(|area| area.programs.get(at.program))
            .map_or(0, |program| program.indicators.len()),
        NodePath::Review(_) => roadmap.reviews.len(),
    }
}

fn selection_of_path(path: NodePath, current: Selection) -> Selection {
    match path {
        NodePath::Area(a) => Selection::Area(a),
        NodePath::Program(a, p) => Selection::Program(a, p),
        NodePath::Indicator(at) => Selection::Indicator(at),
        NodePath::Unit(_) | NodePath::Review(_) => current,
    }
}

/// Where a validation problem sends the user.
pub fn selection_of(location: &Location) -> Selection {
    match *location {
        Location::Document | Location::Review { .. } => Selection::Document,
        Location::Unit { .. } => Selection::Units,
        Location::Area { area } => Selection::Area(area),
        Location::Program { area, program } => Selection::Program(area, program),
        Location::Indicator(at) | Location::Target { at, .. } => Selection::Indicator(at),
    }
}

/// The nearest existing selection after the document changed.
fn fix_selection(selection: Selection, roadmap: &Roadmap) -> Selection {
    match selection {
        Selection::Indicator(at) if roadmap.indicator(at).is_none() => {
            fix_selection(Selection::Program(at.area, at.program), roadmap)
        }
        Selection::Program(a, p)
            if roadmap
                .areas
                .get(a)
                .and_then(|area| area.programs.get(p))
                .is_none() =>
        {
            fix_selection(Selection::Area(a), roadmap)
        }
        Selection::Area(a) if roadmap.areas.get(a).is_none() => Selection::Document,
        other => other,
    }
}
