//! The exposé: entering and leaving full-screen slides, and carrying out what the
//! presentation screen asks for (folder dialog, screenshots, notices).

use iced::{Task, window};

use super::{App, Message, Screen, Tone};
use crate::gui::screen::{draft, present};

impl App {
    /// Shows the slides full screen, made from the document as it is now.
    pub(super) fn start_presenting(&mut self) -> Task<Message> {
        if self.presentation().is_some() || !self.dialogs.is_empty() {
            return Task::none();
        }
        let slides = present::State::new(&self.context());
        let placeholder = Screen::Draft(draft::State::new(self.document.roadmap()));
        let back = std::mem::replace(&mut self.screen, placeholder);
        self.screen = Screen::Present(slides, Box::new(back));
        self.set_window_mode(window::Mode::Fullscreen)
    }

    pub(super) fn stop_presenting(&mut self) -> Task<Message> {
        let placeholder = Screen::Draft(draft::State::new(self.document.roadmap()));
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
        let Screen::Present(state, _) = &mut self.screen else {
            return Task::none();
        };
        match state.update(message, self.config.language) {
            present::Action::None => Task::none(),
            present::Action::Exit => self.stop_presenting(),
            present::Action::PickFolder => Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .pick_folder()
                        .await
                        .map(|handle| handle.path().to_owned())
                },
                |folder| Message::Present(present::Message::FolderPicked(folder)),
            ),
            present::Action::FocusExportPath => {
                iced::widget::operation::focus(present::EXPORT_PATH_ID)
            }
            present::Action::Screenshot => match self.window {
                Some(id) => window::screenshot(id)
                    .map(|shot| Message::Present(present::Message::Shot(shot))),
                None => Task::done(Message::Present(present::Message::ShotUnavailable)),
            },
            present::Action::Notify(report) if report.error => {
                self.notify(Tone::Error, report.text);
                Task::none()
            }
            present::Action::Notify(report) => {
                self.inform(report.text);
                Task::none()
            }
        }
    }
}
