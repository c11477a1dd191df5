//! Tab and Shift+Tab in the target grid, done in one widget operation: the focused
//! cell is found and the next one focused (its text selected, so typing replaces it)
//! in passes over the widgets that run back to back. Asking first which cell had the
//! focus and moving it on the answer took two round trips through the runtime, and a
//! key typed fast after Tab, on a loaded machine, landed in the cell being left
//! (`70-80` Tab `1` gave `70-801`).

use iced::Task;
use iced_core::Rectangle;
use iced_core::widget::Id;
use iced_core::widget::operation::{self, Focusable, Operation, Outcome, TextInput};

use super::grid::{cell_id, cells, next_cell};
use super::{Cell, Step};
use crate::model::{Period, Quarter};

/// Moves the focus by `step` from the focused grid cell; from anywhere else, or past
/// the grid's ends, to the next or previous field. Answers the cell it focused.
pub fn move_focus(period: Period, step: Step) -> Task<(Quarter, Cell)> {
    iced_runtime::task::widget(FromFocused {
        period,
        step,
        focused: None,
    })
}

/// Where the focus goes from the widget `focused` (an id, or none) by `step`: a cell
/// of the grid, or the next field.
pub fn destination(period: Period, focused: Option<&Id>, step: Step) -> Option<(Quarter, Cell)> {
    let (quarter, cell) = cells(period)
        .find(|&(quarter, cell)| focused == Some(&Id::from(cell_id(quarter, cell))))?;
    next_cell(period, quarter, cell, step)
}

/// First pass: which widget has the focus.
struct FromFocused {
    period: Period,
    step: Step,
    focused: Option<Id>,
}

impl Operation<(Quarter, Cell)> for FromFocused {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<(Quarter, Cell)>)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if state.is_focused() {
            self.focused = id.cloned();
        }
    }

    fn finish(&self) -> Outcome<(Quarter, Cell)> {
        match destination(self.period, self.focused.as_ref(), self.step) {
            Some(cell) => Outcome::Chain(Box::new(FocusCell {
                target: Id::from(cell_id(cell.0, cell.1)),
                cell,
            })),
            None => Outcome::Chain(match self.step {
                Step::Left => Box::new(operation::focusable::focus_previous()),
                Step::Right | Step::Down => Box::new(operation::focusable::focus_next()),
            }),
        }
    }
}

/// Second pass: focus the cell and select its text.
struct FocusCell {
    target: Id,
    cell: (Quarter, Cell),
}

impl Operation<(Quarter, Cell)> for FocusCell {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<(Quarter, Cell)>)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if id == Some(&self.target) {
            state.focus();
        } else {
            state.unfocus();
        }
    }

    fn text_input(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn TextInput) {
        if id == Some(&self.target) {
            state.select_all();
        }
    }

    fn finish(&self) -> Outcome<(Quarter, Cell)> {
        Outcome::Some(self.cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text input as an operation sees it: focused or not, its text selected or not.
    #[derive(Default)]
    struct Input {
        focused: bool,
        selected: bool,
    }

    impl Focusable for Input {
        fn is_focused(&self) -> bool {
            self.focused
        }
        fn focus(&mut self) {
            self.focused = true;
        }
        fn unfocus(&mut self) {
            self.focused = false;
        }
    }

    impl TextInput for Input {
        fn text(&self) -> &str {
            ""
        }
        fn move_cursor_to_front(&mut self) {}
        fn move_cursor_to_end(&mut self) {}
        fn move_cursor_to(&mut self, _position: usize) {}
        fn select_all(&mut self) {
            self.selected = true;
        }
        fn select_range(&mut self, _start: usize, _end: usize) {}
    }

    /// Runs `operation` over the grid's cells as the runtime would: a pass over every
    /// input, then the chained pass; answers what it answered.
    fn run(
        mut operation: Box<dyn Operation<(Quarter, Cell)>>,
        inputs: &mut [(Id, Input)],
    ) -> Option<(Quarter, Cell)> {
        loop {
            for (id, input) in inputs.iter_mut() {
                operation.focusable(Some(id), Rectangle::default(), input);
                operation.text_input(Some(id), Rectangle::default(), input);
            }
            match operation.finish() {
                Outcome::Chain(next) => operation = next,
                Outcome::Some(cell) => return Some(cell),
                Outcome::None => return None,
            }
        }
    }

    #[test]
    fn tab_focuses_and_selects_the_next_cell_in_the_same_operation() {
        let period = Period {
            start: 2025,
            end: 2026,
        };
        let q = |n| Quarter::new(2025, n).unwrap();
        let mut inputs: Vec<(Id, Input)> = cells(period)
            .map(|(quarter, cell)| (Id::from(cell_id(quarter, cell)), Input::default()))
            .collect();
        let at = |inputs: &[(Id, Input)], quarter, cell| {
            let id = Id::from(cell_id(quarter, cell));
            inputs.iter().position(|(i, _)| *i == id).unwrap()
        };
        let first = at(&inputs, q(1), Cell::Target);
        inputs[first].1.focused = true;

        let moved = run(
            Box::new(FromFocused {
                period,
                step: Step::Right,
                focused: None,
            }),
            &mut inputs,
        );
        assert_eq!(moved, Some((q(2), Cell::Target)));
        let next = at(&inputs, q(2), Cell::Target);
        assert!(inputs[next].1.focused && inputs[next].1.selected);
        assert!(!inputs[first].1.focused, "the cell left has no focus");
        assert_eq!(inputs.iter().filter(|(_, i)| i.focused).count(), 1);
    }

    #[test]
    fn destinations_follow_the_grid_and_leave_it_at_its_ends() {
        let period = Period {
            start: 2025,
            end: 2025,
        };
        let q = |n| Quarter::new(2025, n).unwrap();
        let id = |quarter, cell| Id::from(cell_id(quarter, cell));
        let to = |quarter, cell, step| destination(period, Some(&id(quarter, cell)), step);
        assert_eq!(
            to(q(4), Cell::Target, Step::Right),
            Some((q(1), Cell::Actual))
        );
        assert_eq!(
            to(q(1), Cell::Actual, Step::Left),
            Some((q(4), Cell::Target))
        );
        assert_eq!(to(q(1), Cell::Target, Step::Left), None);
        assert_eq!(
            destination(period, Some(&Id::from("nama")), Step::Right),
            None
        );
        assert_eq!(destination(period, None, Step::Right), None);
    }
}
