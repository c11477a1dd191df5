//! The top level: the open document, which screen is shown, dialogs, files,
//! shortcuts and the close guard. Screens ask for changes through their actions;
//! every change of the document goes through [`App::change`].

use std::path::{Path, PathBuf};

use iced::widget::{column, container};
use iced::{Element, Length, Subscription, Task, Theme, window};

use super::config::Config;
use super::dialog::{self, Answer, Pending, new_document, open_path};
use super::document::Document;
use super::i18n::{tr, tr_with};
use super::screen::{self, Change, Context, draft, present};
use super::shortcut::{self, Shortcut};
use super::{chrome, theme, widget};
use crate::file::{self, LoadError, SaveError};
use crate::locale::Language;
use crate::model::{Quarter, Roadmap};
use crate::review::{self, ReviewReport};
use crate::validate::{self, Problem};

/// How the app starts: which file, where its config lives, what day it is.
#[derive(Debug, Clone)]
pub struct Options {
    pub file: Option<PathBuf>,
    /// `None` keeps nothing between runs (tests).
    pub config_path: Option<PathBuf>,
    pub today: chrono::NaiveDate,
}

pub struct App {
    document: Document,
    screen: Screen,
    quarter: Quarter,
    report: ReviewReport,
    problems: Vec<Problem>,
    dialog: Option<Dialog>,
    notice: Option<Notice>,
    config: Config,
    config_path: Option<PathBuf>,
    mode: iced::theme::Mode,
    today: chrono::NaiveDate,
    /// The app's window, once known: full screen and screenshots need it.
    window: Option<window::Id>,
}

enum Screen {
    Draft(draft::State),
    /// Full-screen slides over the screen to return to on Esc.
    Present(present::State, Box<Screen>),
}

enum Dialog {
    Confirm(Pending),
    New(new_document::State),
    OpenPath(open_path::State),
}

/// A message in the bar under the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
    /// Offer Save As (after a failed save).
    pub offer_save_as: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

#[derive(Debug, Clone)]
pub enum Message {
    Draft(draft::Message),
    Present(present::Message),
    WindowFound(Option<window::Id>),
    SwitchTo(screen::Kind),
    QuarterPicked(Quarter),
    LanguagePicked(Language),
    New,
    Open,
    OpenByPath,
    /// A path from the native dialog (`None`: cancelled or no dialog available).
    OpenPicked(Option<PathBuf>),
    Save,
    SaveAs,
    SaveAsPicked(Option<PathBuf>),
    Undo,
    Redo,
    Shortcut(Shortcut),
    Confirm(Answer),
    NewDialog(new_document::Message),
    OpenDialog(open_path::Message),
    CloseDialog,
    DismissNotice,
    CloseRequested(window::Id),
    ThemeChanged(iced::theme::Mode),
}

impl App {
    /// The app on `options.file`, or on the embedded sample when there is none (or
    /// it cannot be read: then the error is shown over the sample).
    pub fn new(options: Options) -> Self {
        let config = options
            .config_path
            .as_deref()
            .map(Config::load)
            .unwrap_or_default();
        let sample = || {
            Document::untitled(
                crate::sample::sample(),
                crate::sample::SAMPLE_FILE_NAME,
                false,
            )
        };
        let (document, notice) = match &options.file {
            None => (sample(), None),
            Some(path) => match file::load(path) {
                Ok(roadmap) => (Document::opened(roadmap, path.clone()), None),
                Err(error) => (sample(), Some(load_error_notice(config.language, &error))),
            },
        };
        let quarter = document
            .roadmap()
            .period
            .default_review_quarter(options.today);
        let mut app = Self {
            screen: Screen::Draft(draft::State::new(document.roadmap())),
            report: review::review(document.roadmap(), quarter),
            problems: validate::validate(document.roadmap()),
            document,
            quarter,
            dialog: None,
            notice,
            config,
            config_path: options.config_path,
            mode: iced::theme::Mode::Light,
            today: options.today,
            window: None,
        };
        if let Some(path) = app.document.path.clone() {
            app.remember(&path);
        }
        app
    }

    /// Boot for iced: the app plus the tasks it starts with.
    pub fn boot(options: Options) -> (Self, Task<Message>) {
        (
            Self::new(options),
            Task::batch([
                iced::system::theme().map(Message::ThemeChanged),
                window::oldest().map(Message::WindowFound),
            ]),
        )
    }

    pub fn title(&self) -> String {
        self.document.window_title()
    }

    pub fn theme(&self) -> Theme {
        match &self.screen {
            Screen::Present(state, _) => state.theme(),
            _ => theme::for_mode(self.mode),
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn roadmap(&self) -> &Roadmap {
        self.document.roadmap()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn language(&self) -> Language {
        self.config.language
    }

    pub fn quarter(&self) -> Quarter {
        self.quarter
    }

    pub fn report(&self) -> &ReviewReport {
        &self.report
    }

    pub fn draft(&self) -> Option<&draft::State> {
        match &self.screen {
            Screen::Draft(state) => Some(state),
            _ => None,
        }
    }

    pub fn presentation(&self) -> Option<&present::State> {
        match &self.screen {
            Screen::Present(state, _) => Some(state),
            _ => None,
        }
    }

    /// A dialog asking whether to save is open.
    pub fn is_confirming(&self) -> bool {
        matches!(self.dialog, Some(Dialog::Confirm(_)))
    }

    fn context(&self) -> Context<'_> {
        Context {
            roadmap: self.document.roadmap(),
            report: &self.report,
            quarter: self.quarter,
            language: self.config.language,
            problems: &self.problems,
            read_only: self.document.read_only,
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        if self.presentation().is_some()
            && matches!(
                message,
                Message::Shortcut(
                    Shortcut::New
                        | Shortcut::Open
                        | Shortcut::SaveAs
                        | Shortcut::Undo
                        | Shortcut::Redo
                )
            )
        {
            // The slides show the document as it is; nothing changes behind them.
            return Task::none();
        }
        match message {
            Message::Draft(message) => {
                let Screen::Draft(state) = &mut self.screen else {
                    return Task::none();
                };
                let context = Context {
                    roadmap: self.document.roadmap(),
                    report: &self.report,
                    quarter: self.quarter,
                    language: self.config.language,
                    problems: &self.problems,
                    read_only: self.document.read_only,
                };
                match state.update(message, &context) {
                    draft::Action::None => {}
                    draft::Action::Change(change) => self.change(change),
                    draft::Action::Notify(text) => self.inform(text),
                }
                Task::none()
            }
            Message::Present(message) => self.present(message),
            Message::WindowFound(id) => {
                self.window = self.window.or(id);
                Task::none()
            }
            Message::SwitchTo(screen::Kind::Draft) => Task::none(),
            Message::SwitchTo(screen::Kind::Present) | Message::Shortcut(Shortcut::Present) => {
                self.start_presenting()
            }
            Message::QuarterPicked(quarter) => {
                self.quarter = quarter;
                self.refresh();
                Task::none()
            }
            Message::LanguagePicked(language) => {
                self.config.language = language;
                self.save_config();
                Task::none()
            }
            Message::New | Message::Shortcut(Shortcut::New) => self.guard(Pending::New),
            Message::Open | Message::Shortcut(Shortcut::Open) => self.guard(Pending::Open),
            Message::OpenByPath => {
                self.dialog = Some(Dialog::OpenPath(open_path::State::default()));
                iced::widget::operation::focus("open-path")
            }
            Message::OpenPicked(Some(path)) => {
                self.open(&path);
                Task::none()
            }
            Message::OpenPicked(None) => Task::none(),
            Message::Save | Message::Shortcut(Shortcut::Save) => self.save(),
            Message::SaveAs | Message::Shortcut(Shortcut::SaveAs) => self.save_as_dialog(),
            Message::SaveAsPicked(Some(path)) => {
                self.save_to(&path);
                Task::none()
            }
            Message::SaveAsPicked(None) => Task::none(),
            Message::Undo | Message::Shortcut(Shortcut::Undo) => {
                if self.document.editor.undo() {
                    self.after_history_jump();
                }
                Task::none()
            }
            Message::Redo | Message::Shortcut(Shortcut::Redo) => {
                if self.document.editor.redo() {
                    self.after_history_jump();
                }
                Task::none()
            }
            Message::Shortcut(Shortcut::Escape) => {
                if self.dialog.take().is_some() {
                    return Task::none();
                }
                self.present(present::Message::Exit)
            }
            Message::Shortcut(Shortcut::Navigate(key)) if self.dialog.is_none() => {
                self.present(present::Message::Navigate(key))
            }
            Message::Shortcut(Shortcut::Navigate(_)) => Task::none(),
            Message::Confirm(answer) => self.answer(answer),
            Message::NewDialog(message) => {
                let Some(Dialog::New(state)) = &mut self.dialog else {
                    return Task::none();
                };
                match state.update(message) {
                    new_document::Action::None => {}
                    new_document::Action::Cancel => self.dialog = None,
                    new_document::Action::Create(roadmap) => {
                        self.dialog = None;
                        let name = tr(self.config.language, "app.untitled");
                        self.replace_document(Document::untitled(*roadmap, name, true));
                    }
                }
                Task::none()
            }
            Message::OpenDialog(message) => {
                let Some(Dialog::OpenPath(state)) = &mut self.dialog else {
                    return Task::none();
                };
                match state.update(message) {
                    open_path::Action::None => Task::none(),
                    open_path::Action::Cancel => {
                        self.dialog = None;
                        Task::none()
                    }
                    open_path::Action::Browse => {
                        self.dialog = None;
                        open_dialog()
                    }
                    open_path::Action::Open(path) => {
                        self.dialog = None;
                        self.open(&path);
                        Task::none()
                    }
                }
            }
            Message::CloseDialog => {
                self.dialog = None;
                Task::none()
            }
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::CloseRequested(id) => self.guard(Pending::Close(id)),
            Message::ThemeChanged(mode) => {
                self.mode = mode;
                Task::none()
            }
        }
    }

    /// The one way the document changes: applies a screen's change as one undoable
    /// step and refreshes what depends on the document.
    fn change(&mut self, change: Change) {
        if self.document.read_only {
            self.notify_error(tr(self.config.language, "app.read_only_edit"));
            return;
        }
        let result = self
            .document
            .editor
            .apply_all(change.edits, change.coalesce);
        if let Err(error) = result {
            // A screen asked for something that does not exist: a bug, but never a
            // reason to lose the user's work.
            self.notify_error(error.to_string());
        }
        self.refresh();
    }

    fn after_history_jump(&mut self) {
        self.refresh();
        if let Screen::Draft(state) = &mut self.screen {
            state.document_replaced_or_rewound(self.document.roadmap());
        }
    }

    /// Shows the slides full screen, made from the document as it is now.
    fn start_presenting(&mut self) -> Task<Message> {
        if self.presentation().is_some() || self.dialog.is_some() {
            return Task::none();
        }
        let slides = present::State::new(&self.context());
        let placeholder = Screen::Draft(draft::State::new(self.document.roadmap()));
        let back = std::mem::replace(&mut self.screen, placeholder);
        self.screen = Screen::Present(slides, Box::new(back));
        self.set_window_mode(window::Mode::Fullscreen)
    }

    fn stop_presenting(&mut self) -> Task<Message> {
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

    fn present(&mut self, message: present::Message) -> Task<Message> {
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
                self.notify_error(report.text);
                Task::none()
            }
            present::Action::Notify(report) => {
                self.inform(report.text);
                Task::none()
            }
        }
    }

    /// Recomputes the review and the problems, keeping the quarter inside the period.
    fn refresh(&mut self) {
        let period = self.document.roadmap().period;
        if period.start <= period.end {
            self.quarter = self
                .quarter
                .clamp(period.first_quarter(), period.last_quarter());
        }
        self.report = review::review(self.document.roadmap(), self.quarter);
        self.problems = validate::validate(self.document.roadmap());
    }

    /// Runs `pending` now, or asks first when there are unsaved changes.
    fn guard(&mut self, pending: Pending) -> Task<Message> {
        if self.document.is_dirty() {
            self.dialog = Some(Dialog::Confirm(pending));
            Task::none()
        } else {
            self.proceed(pending)
        }
    }

    fn proceed(&mut self, pending: Pending) -> Task<Message> {
        match pending {
            Pending::New => {
                self.dialog = Some(Dialog::New(new_document::State::new(self.today)));
                iced::widget::operation::focus("new-institution")
            }
            Pending::Open => open_dialog(),
            Pending::OpenFile(path) => {
                self.open(&path);
                Task::none()
            }
            Pending::Close(id) => window::close(id),
        }
    }

    fn answer(&mut self, answer: Answer) -> Task<Message> {
        let Some(Dialog::Confirm(pending)) = self.dialog.take() else {
            return Task::none();
        };
        match answer {
            Answer::Cancel => Task::none(),
            Answer::Discard => self.proceed(pending),
            Answer::Save => match self.document.path.clone() {
                Some(path) if !self.document.read_only => {
                    if self.save_to(&path) {
                        self.proceed(pending)
                    } else {
                        Task::none()
                    }
                }
                // Nowhere to save yet: ask where, and let the user repeat the action.
                _ => self.save_as_dialog(),
            },
        }
    }

    /// Opens `path`; on failure the open document stays as it was and the error is shown.
    fn open(&mut self, path: &Path) {
        match file::load(path) {
            Ok(roadmap) => {
                self.replace_document(Document::opened(roadmap, path.to_owned()));
                self.remember(path);
                self.notice = None;
            }
            Err(error) => self.notice = Some(load_error_notice(self.config.language, &error)),
        }
    }

    fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.quarter = self
            .document
            .roadmap()
            .period
            .default_review_quarter(self.today);
        self.refresh();
        self.screen = Screen::Draft(draft::State::new(self.document.roadmap()));
    }

    fn save(&mut self) -> Task<Message> {
        match self.document.path.clone() {
            Some(path) if !self.document.read_only => {
                self.save_to(&path);
                Task::none()
            }
            _ => self.save_as_dialog(),
        }
    }

    fn save_as_dialog(&self) -> Task<Message> {
        let name = if self.document.path.is_some() {
            self.document.name()
        } else {
            suggested_file_name(self.document.roadmap())
        };
        let folder = self
            .document
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned);
        Task::perform(
            async move {
                let mut dialog = rfd::AsyncFileDialog::new()
                    .add_filter("Road map (RON)", &["ron"])
                    .set_file_name(name);
                if let Some(folder) = folder {
                    dialog = dialog.set_directory(folder);
                }
                dialog
                    .save_file()
                    .await
                    .map(|handle| handle.path().to_owned())
            },
            Message::SaveAsPicked,
        )
    }

    /// Saves to `path`; true when it worked. A failure leaves the document open and
    /// changed, the file on disk untouched, and offers Save As.
    fn save_to(&mut self, path: &Path) -> bool {
        match file::save(path, self.document.roadmap()) {
            Ok(()) => {
                self.document.editor.mark_saved();
                self.document.path = Some(path.to_owned());
                self.document.read_only = false;
                self.remember(path);
                let name = self.document.name();
                self.inform(tr_with(
                    self.config.language,
                    "app.saved",
                    &[("name", &name)],
                ));
                true
            }
            Err(error) => {
                self.notice = Some(save_error_notice(self.config.language, &error));
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.config.remember(&path);
        self.save_config();
    }

    fn save_config(&self) {
        if let Some(path) = &self.config_path {
            // Losing the recent-files list is not worth interrupting anyone for.
            let _ = self.config.save(path);
        }
    }

    fn inform(&mut self, text: String) {
        self.notice = Some(Notice {
            tone: Tone::Info,
            text,
            offer_save_as: false,
        });
    }

    fn notify_error(&mut self, text: String) {
        self.notice = Some(Notice {
            tone: Tone::Error,
            text,
            offer_save_as: false,
        });
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let presentation = match &self.screen {
            Screen::Present(state, _) => state.subscription().map(Message::Present),
            _ => Subscription::none(),
        };
        Subscription::batch([
            iced::event::listen_with(shortcut::from_event).map(Message::Shortcut),
            window::close_requests().map(Message::CloseRequested),
            iced::system::theme_changes().map(Message::ThemeChanged),
            window::open_events().map(|id| Message::WindowFound(Some(id))),
            presentation,
        ])
    }

    pub fn view(&self) -> Element<'_, Message> {
        let context = self.context();
        let body: Element<'_, Message> = match &self.screen {
            Screen::Draft(state) => state.view(&context).map(Message::Draft),
            // Slides only: no header, no notices.
            Screen::Present(state, _) => {
                return self.with_dialog(state.view(&context).map(Message::Present));
            }
        };
        let mut page = column![chrome::header(self, screen::Kind::Draft)];
        if let Some(notice) = &self.notice {
            page = page
                .push(container(chrome::notice_bar(notice, self.config.language)).padding([8, 16]));
        }
        page = page.push(container(body).padding(12).height(Length::Fill));
        let page: Element<'_, Message> = page.height(Length::Fill).into();
        self.with_dialog(page)
    }

    /// `page` under the open dialog, if any.
    fn with_dialog<'a>(&'a self, page: Element<'a, Message>) -> Element<'a, Message> {
        let language = self.config.language;
        match &self.dialog {
            None => page,
            Some(Dialog::Confirm(_)) => widget::modal(
                page,
                dialog::confirm_discard(language, &self.document.name()).map(Message::Confirm),
                Message::Confirm(Answer::Cancel),
            ),
            Some(Dialog::New(state)) => widget::modal(
                page,
                state.view(language).map(Message::NewDialog),
                Message::CloseDialog,
            ),
            Some(Dialog::OpenPath(state)) => widget::modal(
                page,
                state
                    .view(language, &self.config.recent)
                    .map(Message::OpenDialog),
                Message::CloseDialog,
            ),
        }
    }
}

fn open_dialog() -> Task<Message> {
    Task::perform(
        async {
            rfd::AsyncFileDialog::new()
                .add_filter("Road map (RON)", &["ron"])
                .pick_file()
                .await
                .map(|handle| handle.path().to_owned())
        },
        Message::OpenPicked,
    )
}

/// `road-map-kabupaten-contoh-2025-2029.ron` from the document's institution and period.
fn suggested_file_name(roadmap: &Roadmap) -> String {
    let slug: String = roadmap
        .institution
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|part| !part.is_empty() && *part != "pemerintah")
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "road-map-{}-{}-{}.{}",
        if slug.is_empty() { "rb" } else { &slug },
        roadmap.period.start,
        roadmap.period.end,
        file::EXTENSION
    )
}

fn load_error_notice(language: Language, error: &LoadError) -> Notice {
    Notice {
        tone: Tone::Error,
        text: tr_with(
            language,
            "app.open_failed",
            &[("error", &error.to_string())],
        ),
        offer_save_as: false,
    }
}

fn save_error_notice(language: Language, error: &SaveError) -> Notice {
    Notice {
        tone: Tone::Error,
        text: tr_with(
            language,
            "app.save_failed",
            &[("error", &error.to_string())],
        ),
        offer_save_as: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_readable_file_name() {
        let roadmap = Roadmap::new(
            "RB",
            "Pemerintah Kabupaten Contoh",
            crate::model::Period {
                start: 2025,
                end: 2029,
            },
        );
        assert_eq!(
            suggested_file_name(&roadmap),
            "road-map-kabupaten-contoh-2025-2029.ron"
        );
    }
}
