//! The exposé: entering and leaving full-screen slides, and carrying out what the
//! presentation screen asks for (folder dialog, screenshots, notices).

use iced::{Task, window};

use super::{App, Message, Screen};
use crate::gui::screen::draft::Drafting;
use crate::gui::screen::present::{self, Presenting};

impl App {
    /// Shows the slides full screen, made from the document as it is now.
    pub(super) fn start_presenting(&mut self) -> Task<Message> {
        if self.presentation().is_some() || !self.dialogs.is_empty() {
            return Task::none();
        }
        let slides = Presenting::new(&self.context());
        let placeholder = Screen::Draft(Drafting::new(self.document.roadmap()));
        let back = std::mem::replace(&mut self.screen, placeholder);
        self.screen = Screen::Present(slides, Box::new(back));
        self.set_window_mode(window::Mode::Fullscreen)
    }

    pub(super) fn stop_presenting(&mut self) -> Task<Message> {
        let placeholder = Screen::Draft(Drafting::new(self.document.roadmap()));
        match std::mem::replace(&mut self.screen, placeholder) {
            Screen::Present(_, back) => self.screen = *back,
            other => self.screen = other,
        }
        self.set_window_mode(window::Mode::Windowed)
    }

    fn set_window_mode(&self, mode: window::Mode) -> Task<Message> {
        self.window
            .map_or_else(Task::none, |id| window::set_mode(id, mode))
    }

    pub(super) fn present(&mut self, message: present::Message) -> Task<Message> {
        let (Screen::Present(state, _), context) = self.screen_and_context() else {
            return Task::none();
        };
        let action = state.update(message, &context);
        self.carry_out(action, Message::Present)
    }
}
