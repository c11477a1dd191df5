//! Tab and Shift+Tab in the target grid, moved by the grid itself: a wrapper widget
//! sees the key before the cells do, finds the focused cell, and focuses and selects
//! the next one at once, inside the same batch of events. The app's own Tab (a task
//! after a message) came a batch too late when keys were typed fast on a loaded
//! machine: the key after Tab landed in the cell being left (`70-80` Tab `1` saved as
//! 70..801). Past the grid's ends, or from anything but a cell, the key is left to
//! the app, which moves field by field.

use iced::keyboard::{self, Key, key::Named};
use iced::{Element, Event, Length, Rectangle, Size, mouse};
use iced_core::layout::{self, Layout};
use iced_core::renderer;
use iced_core::widget::operation::{Focusable, Operation, TextInput};
use iced_core::widget::{Id, Tree, tree};
use iced_core::{Clipboard, Shell, Widget, overlay};

use super::grid::{cell_id, cells, next_cell};
use super::{Cell, Step};
use crate::model::{Period, Quarter};

/// `content` (the grid of `period`) with Tab and Shift+Tab moving from cell to cell;
/// `on_keyed` says which cell the focus went to.
pub fn tab_keys<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    period: Period,
    on_keyed: impl Fn(Quarter, Cell) -> Message + 'a,
) -> Element<'a, Message> {
    Element::new(TabKeys {
        content: content.into(),
        period,
        on_keyed: Box::new(on_keyed),
    })
}

/// Where the focus goes from the widget `focused` (an id, or none) by `step`: a cell
/// of the grid, or (`None`) not a cell of it.
pub fn destination(period: Period, focused: Option<&Id>, step: Step) -> Option<(Quarter, Cell)> {
    let (quarter, cell) = cells(period)
        .find(|&(quarter, cell)| focused == Some(&Id::from(cell_id(quarter, cell))))?;
    next_cell(period, quarter, cell, step)
}

struct TabKeys<'a, Message> {
    content: Element<'a, Message>,
    period: Period,
    on_keyed: Box<dyn Fn(Quarter, Cell) -> Message + 'a>,
}

impl<Message> TabKeys<'_, Message> {
    /// Moves the focus from the focused cell by `step`, if both are cells; answers
    /// the cell it moved to.
    fn move_focus(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        step: Step,
    ) -> Option<(Quarter, Cell)> {
        let widget = self.content.as_widget_mut();
        let mut find = FindFocused { focused: None };
        widget.operate(tree, layout, renderer, &mut find);
        let to = destination(self.period, find.focused.as_ref(), step)?;
        let target = Id::from(cell_id(to.0, to.1));
        // Focus first: focusing puts the cursor at the end, so selecting comes after.
        widget.operate(tree, layout, renderer, &mut FocusOnly { target: &target });
        widget.operate(tree, layout, renderer, &mut SelectAll { target: &target });
        Some(to)
    }
}

impl<Message> Widget<Message, iced::Theme, iced::Renderer> for TabKeys<'_, Message> {
    fn tag(&self) -> tree::Tag {
        self.content.as_widget().tag()
    }

    fn state(&self) -> tree::State {
        self.content.as_widget().state()
    }

    fn children(&self) -> Vec<Tree> {
        self.content.as_widget().children()
    }

    fn diff(&self, tree: &mut Tree) {
        self.content.as_widget().diff(tree);
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content.as_widget_mut().layout(tree, renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(tree, layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        if let Event::Keyboard(keyboard::Event::KeyPressed {
            key: Key::Named(Named::Tab),
            modifiers,
            ..
        }) = event
        {
            let step = if modifiers.shift() {
                Step::Left
            } else {
                Step::Right
            };
            if let Some((quarter, cell)) = self.move_focus(tree, layout, renderer, step) {
                shell.capture_event();
                shell.publish((self.on_keyed)(quarter, cell));
                shell.request_redraw();
                return;
            }
        }
        self.content.as_widget_mut().update(
            tree, event, layout, cursor, renderer, clipboard, shell, viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content
            .as_widget()
            .mouse_interaction(tree, layout, cursor, viewport, renderer)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &iced::Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content
            .as_widget()
            .draw(tree, renderer, theme, style, layout, cursor, viewport);
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: iced::Vector,
    ) -> Option<overlay::Element<'b, Message, iced::Theme, iced::Renderer>> {
        self.content
            .as_widget_mut()
            .overlay(tree, layout, renderer, viewport, translation)
    }
}

/// Which widget has the focus.
struct FindFocused {
    focused: Option<Id>,
}

impl Operation for FindFocused {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if state.is_focused() {
            self.focused = id.cloned();
        }
    }
}

/// The focus on `target` alone.
struct FocusOnly<'a> {
    target: &'a Id,
}

impl Operation for FocusOnly<'_> {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if id == Some(self.target) {
            state.focus();
        } else {
            state.unfocus();
        }
    }
}

/// `target`'s text selected, so that typing replaces it.
struct SelectAll<'a> {
    target: &'a Id,
}

impl Operation for SelectAll<'_> {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn text_input(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn TextInput) {
        if id == Some(self.target) {
            state.select_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            to(q(1), Cell::Target, Step::Right),
            Some((q(2), Cell::Target))
        );
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
