//! Typing that spans the screens: entries typed but not taken into the document (saving
//! and closing say so) and Tab, which moves the focus.

use iced::Task;

use super::{App, Message, Screen};
use crate::gui::i18n::{tr, tr_with};
use crate::gui::screen::draft;
use crate::locale::Language;

impl App {
    /// Typed entries on any screen that do not read as values and so are not in the
    /// document: saving leaves them out and closing loses them, so both say so.
    pub fn untaken_entries(&self) -> usize {
        std::iter::once(&self.screen)
            .chain(&self.parked)
            .map(untaken_on)
            .sum()
    }

    /// Tab (`Right`) or Shift+Tab (`Left`): the draft's grid moves by cells, every
    /// other place field by field; slides have no fields.
    pub(super) fn move_focus(&mut self, step: draft::Step) -> Task<Message> {
        match &self.screen {
            Screen::Draft(_) if self.dialogs.is_empty() => {
                self.update(Message::Draft(draft::Message::Tab(step)))
            }
            Screen::Present(..) => Task::none(),
            _ => step.next_field(),
        }
    }
}

fn untaken_on(screen: &Screen) -> usize {
    match screen {
        Screen::Draft(state) => state.invalid_entries(),
        Screen::Review(state) => state.invalid_entries(),
        Screen::Present(_, under) => untaken_on(under),
    }
}

/// "N typed entries are not in the document", or nothing when all were taken.
pub(super) fn untaken_words(language: Language, count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some(tr(language, "app.untaken.one")),
        _ => Some(tr_with(
            language,
            "app.untaken.other",
            &[("count", &count.to_string())],
        )),
    }
}
