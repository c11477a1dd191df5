//! Keyboard shortcuts that work everywhere, also while a text field has focus (so they
//! are read from all events, not only the ones no widget captured).

use iced::event::{self, Event};
use iced::keyboard::{self, Key, key::Named};
use iced::window;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shortcut {
    New,
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
    /// F5: start presenting.
    Present,
    /// Esc: leave presentation or close a dialog.
    Escape,
    /// Tab: the next field (in the target grid, the cell to the right).
    FocusNext,
    /// Shift+Tab: the previous field (in the target grid, the cell to the left).
    FocusPrevious,
    /// A key no widget used (arrows, Page Up/Down, space, Home/End): presentation
    /// navigation reads these.
    Navigate(Key),
}

/// Maps a raw event to a shortcut; for `iced::event::listen_with`.
pub fn from_event(event: Event, status: event::Status, _window: window::Id) -> Option<Shortcut> {
    let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
        return None;
    };
    from_key(&key, modifiers, status == event::Status::Captured)
}

/// The shortcut for a key press; `captured` tells whether a widget (a text field) used it.
pub fn from_key(key: &Key, modifiers: keyboard::Modifiers, captured: bool) -> Option<Shortcut> {
    if modifiers.command() {
        let shortcut = match key.as_ref() {
            Key::Character("n") => Shortcut::New,
            Key::Character("o") => Shortcut::Open,
            Key::Character("s") if modifiers.shift() => Shortcut::SaveAs,
            Key::Character("S") => Shortcut::SaveAs,
            Key::Character("s") => Shortcut::Save,
            Key::Character("z") if modifiers.shift() => Shortcut::Redo,
            Key::Character("Z") => Shortcut::Redo,
            Key::Character("z") => Shortcut::Undo,
            Key::Character("y") => Shortcut::Redo,
            _ => return None,
        };
        return Some(shortcut);
    }
    match key.as_ref() {
        Key::Named(Named::F5) => Some(Shortcut::Present),
        Key::Named(Named::Escape) => Some(Shortcut::Escape),
        // No iced 0.14 widget moves the focus on Tab (a text field leaves it uncaptured):
        // the app does, but for the target grid, which moves it itself.
        // Captured: the target grid moved the focus itself (draft/tab.rs).
        Key::Named(Named::Tab) if captured => None,
        Key::Named(Named::Tab) if modifiers.shift() => Some(Shortcut::FocusPrevious),
        Key::Named(Named::Tab) => Some(Shortcut::FocusNext),
        Key::Named(
            Named::ArrowLeft
            | Named::ArrowRight
            | Named::ArrowUp
            | Named::ArrowDown
            | Named::PageUp
            | Named::PageDown
            | Named::Space
            | Named::Home
            | Named::End,
        ) if !captured => Some(Shortcut::Navigate(key.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyboard::Modifiers;

    #[test]
    fn maps_keys() {
        let ch = |c: &str| Key::Character(c.into());
        let ctrl = Modifiers::CTRL;
        let ctrl_shift = Modifiers::CTRL | Modifiers::SHIFT;
        for (key, modifiers, captured, expected) in [
            (ch("s"), ctrl, true, Some(Shortcut::Save)),
            (ch("s"), ctrl_shift, false, Some(Shortcut::SaveAs)),
            (ch("S"), ctrl_shift, false, Some(Shortcut::SaveAs)),
            (ch("z"), ctrl, true, Some(Shortcut::Undo)),
            (ch("z"), ctrl_shift, true, Some(Shortcut::Redo)),
            (ch("y"), ctrl, true, Some(Shortcut::Redo)),
            (ch("n"), ctrl, false, Some(Shortcut::New)),
            (ch("o"), ctrl, false, Some(Shortcut::Open)),
            (ch("s"), Modifiers::empty(), false, None),
            (ch("q"), ctrl, false, None),
            (
                Key::Named(Named::F5),
                Modifiers::empty(),
                true,
                Some(Shortcut::Present),
            ),
            (
                Key::Named(Named::PageDown),
                Modifiers::empty(),
                false,
                Some(Shortcut::Navigate(Key::Named(Named::PageDown))),
            ),
            (Key::Named(Named::Space), Modifiers::empty(), true, None),
            (
                Key::Named(Named::Tab),
                Modifiers::empty(),
                false,
                Some(Shortcut::FocusNext),
            ),
            (
                Key::Named(Named::Tab),
                Modifiers::SHIFT,
                false,
                Some(Shortcut::FocusPrevious),
            ),
            // Captured: the target grid already moved the focus (draft/tab.rs).
            (Key::Named(Named::Tab), Modifiers::empty(), true, None),
        ] {
            assert_eq!(
                from_key(&key, modifiers, captured),
                expected,
                "{key:?} {modifiers:?}"
            );
        }
    }
}
