//! The top level: the open document, which screen is shown, dialogs, files,
//! shortcuts and the close guard. Screens ask for changes through their actions;
//! every change of the document goes through [`App::change`].

use std::path::PathBuf;

use iced::widget::{column, container};
use iced::{Element, Length, Subscription, Task, Theme, window};

use super::config::Config;
use super::contract::{Action, Change, Context, Request};
use super::dialog::answer::Answer;
use super::dialog::file_prompts::{
    ChangedOnDisk, DiskAnswer, LockAnswer, Locked, Recover, RecoveryAnswer, SaveChanges,
};
use super::dialog::import::{self as import_dialog, ImportPreview};
use super::dialog::new_document::{self, NewDocument};
use super::dialog::open_path::{self, OpenPath};
use super::dialog::typed_path::{self, TypedPath};
use super::dialog::{Pending, UnsavedAnswer};
use super::document::Document;
use super::file_dialog::{Chosen, Purpose};
use super::i18n::{tr, tr_with};
use super::notice::{Notice, Tone};
use super::screen::Tab;
use super::screen::draft::{self, Drafting};
use super::screen::present::{self, Presenting};
use super::screen::review::{self as review_screen, Reviewing};
use super::shortcut::{self, Shortcut};
use super::theme;

mod dropping;
mod files;
mod header;
mod importing;
mod inspect;
mod overlay;
mod paths;
mod presenting;
mod recovery;
mod typing;

pub use recovery::{RECOVERY_DELAY, RecoveryJob};

use crate::locale::Language;
use crate::model::{Quarter, Roadmap};
use crate::renderer::Renderer;
use crate::review::{self, ReviewReport};
use crate::safety::{RecoveryError, RecoveryStore};
use crate::validate::{self, Problem};
use files::open_dialog;
use iced::time::Instant;
use typing::untaken_words;

/// The [`Context`] of `$app`, borrowing only the fields it reads (a macro, not a
/// method, so that the screen or a dialog can be borrowed beside it).
macro_rules! context_of {
    ($app:expr) => {
        Context {
            roadmap: $app.document.roadmap(),
            report: &$app.report,
            quarter: $app.quarter,
            language: $app.config.language,
            problems: &$app.problems,
            read_only: $app.document.read_only,
            folder: $app
                .document
                .path
                .as_deref()
                .and_then(std::path::Path::parent),
            window: $app.window,
            today: $app.today,
            recent: &$app.config.recent,
        }
    };
}

/// How the app starts: which file, where its config lives, what day it is.
#[derive(Debug, Clone)]
pub struct Options {
    pub file: Option<PathBuf>,
    /// `None` keeps nothing between runs (tests).
    pub config_path: Option<PathBuf>,
    /// Where recovery copies of unsaved work go; `None`: none are written.
    pub recovery_folder: Option<PathBuf>,
    pub today: chrono::NaiveDate,
}

pub struct App {
    document: Document,
    screen: Screen,
    /// Screens left for another, resumed as they were (with any entries still to be
    /// corrected) when the user comes back. Emptied when the document is replaced.
    parked: Vec<Screen>,
    quarter: Quarter,
    report: ReviewReport,
    problems: Vec<Problem>,
    /// Open dialogs, the last on top: a dialog never silently replaces another.
    dialogs: Vec<Dialog>,
    notice: Option<Notice>,
    config: Config,
    config_path: Option<PathBuf>,
    mode: iced::theme::Mode,
    today: chrono::NaiveDate,
    recovery: Option<std::sync::Arc<RecoveryStore>>,
    /// When the document was last changed, for the recovery copy's quiet time.
    edited_at: Option<Instant>,
    /// A recovery copy is to be written once the user pauses.
    recovery_due: bool,
    /// The app's window, once known: full screen and screenshots need it.
    window: Option<window::Id>,
    /// What "Simpan" in the unsaved-changes prompt was for, while the Save As it
    /// led to is under way: carried out once the document is saved.
    after_save_as: Option<Pending>,
}

enum Screen {
    Draft(Drafting),
    Review(Reviewing),
    /// Full-screen slides over the screen to return to on Esc.
    Present(Presenting, Box<Screen>),
}

enum Dialog {
    Confirm(SaveChanges),
    New(NewDocument),
    OpenPath(OpenPath),
    /// A path typed because no file dialog could open.
    TypedPath(TypedPath),
    /// The preview of a spreadsheet to import.
    Import(Box<ImportPreview>),
    Recover(Recover),
    ChangedOnDisk(ChangedOnDisk),
    /// A file someone else has open, loaded but not yet shown.
    Locked(Locked),
}

#[derive(Debug, Clone)]
pub enum Message {
    Draft(draft::Message),
    Review(review_screen::Message),
    Present(present::Message),
    NewDocument(new_document::Message),
    OpenPath(open_path::Message),
    TypedPath(typed_path::Message),
    ImportPreview(import_dialog::Message),
    WindowFound(Option<window::Id>),
    SwitchTo(Tab),
    QuarterSelected(Quarter),
    LanguageSelected(Language),
    /// The renderer for the next start (iced cannot change it in a running window).
    RendererSelected(Renderer),
    New,
    Open,
    OpenByPath,
    /// The answer of the system's dialog to Open.
    FileChosen(Chosen),
    Save,
    SaveAs,
    SaveAsChosen(Chosen),
    /// The whole roadmap as a *rencana aksi* workbook (`export --whole`).
    ExportWhole,
    ExportWholeChosen(Chosen),
    /// "Impor dari Excel…": asks for the spreadsheet (after unsaved changes).
    Import,
    ImportFileChosen(Chosen),
    /// The spreadsheet was read (off the interface's thread), or why not.
    WorkbookRead(Result<std::sync::Arc<crate::import::Workbook>, crate::import::ImportError>),
    Undo,
    Redo,
    Shortcut(Shortcut),
    UnsavedAnswered(UnsavedAnswer),
    RecoveryAnswered(RecoveryAnswer),
    DiskChangeAnswered(DiskAnswer),
    LockAnswered(LockAnswer),
    CloseDialog,
    DismissNotice,
    CloseRequested(window::Id),
    ThemeChanged(iced::theme::Mode),
    /// Once a second while a recovery copy is due.
    Tick(Instant),
    RecoveryWritten(Result<(), RecoveryError>),
    /// The window came back to the front.
    WindowFocused,
    /// A file dropped on the window: a roadmap, a returned OPD form or a spreadsheet
    /// to import.
    FileDropped(PathBuf),
}

impl App {
    /// The app on `options.file`, or on the embedded sample when there is none (or
    /// it cannot be read: then the error is shown over the sample). Unsaved work left
    /// by a crash is offered first.
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
        let document = sample();
        let quarter = initial_quarter(document.roadmap(), document.path.is_none(), options.today);
        let mut app = Self {
            screen: Screen::Draft(Drafting::new(document.roadmap())),
            parked: Vec::new(),
            report: review::review(document.roadmap(), quarter),
            problems: validate::validate(document.roadmap()),
            document,
            quarter,
            dialogs: Vec::new(),
            notice: None,
            config,
            config_path: options.config_path,
            mode: iced::theme::Mode::Light,
            today: options.today,
            recovery: options
                .recovery_folder
                .map(|folder| std::sync::Arc::new(RecoveryStore::new(folder))),
            edited_at: None,
            recovery_due: false,
            window: None,
            after_save_as: None,
        };
        if let Some(path) = &options.file {
            // Opening as the Open command does: errors shown over the sample, someone
            // else's lock asked about.
            app.open(path);
        }
        if let Some(store) = &app.recovery {
            let entries = store.list();
            if !entries.is_empty() {
                app.show(Dialog::Recover(Recover { entries }));
            }
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

    pub fn language(&self) -> Language {
        self.config.language
    }

    /// The renderer the next start uses.
    pub fn renderer(&self) -> Renderer {
        self.config.renderer
    }

    pub fn quarter(&self) -> Quarter {
        self.quarter
    }

    pub fn presentation(&self) -> Option<&Presenting> {
        match &self.screen {
            Screen::Present(state, _) => Some(state),
            _ => None,
        }
    }

    pub fn review(&self) -> Option<&Reviewing> {
        match &self.screen {
            Screen::Review(state) => Some(state),
            _ => None,
        }
    }

    /// Which screen is shown.
    pub fn tab(&self) -> Tab {
        tab_of(&self.screen)
    }

    fn switch_to(&mut self, tab: Tab) {
        if tab == self.tab() {
            return;
        }
        let resumed = match self.parked.iter().position(|s| tab_of(s) == tab) {
            Some(index) => {
                let mut screen = self.parked.swap_remove(index);
                // The document may have changed while the screen was away.
                match &mut screen {
                    Screen::Draft(state) => {
                        state.document_replaced_or_rewound(self.document.roadmap())
                    }
                    Screen::Review(state) => state.sync(self.document.roadmap(), &self.report),
                    // Never parked: a presentation is left with Esc, back to its screen.
                    Screen::Present(..) => {}
                }
                screen
            }
            None => self.new_screen(tab),
        };
        let left = std::mem::replace(&mut self.screen, resumed);
        self.parked.push(left);
    }

    fn new_screen(&self, tab: Tab) -> Screen {
        match tab {
            Tab::Draft => Screen::Draft(Drafting::new(self.document.roadmap())),
            Tab::Review => Screen::Review(Reviewing::new(&self.context())),
            // Slides start with `start_presenting`; a document replaced meanwhile ends
            // the presentation on the draft.
            Tab::Present => Screen::Draft(Drafting::new(self.document.roadmap())),
        }
    }

    fn show(&mut self, dialog: Dialog) {
        self.dialogs.push(dialog);
    }

    /// Closes the dialog on top, returning it.
    fn dismiss(&mut self) -> Option<Dialog> {
        self.dialogs.pop()
    }

    fn dialog(&self) -> Option<&Dialog> {
        self.dialogs.last()
    }

    /// What the screens read (tests build their expectations from it too).
    pub fn context(&self) -> Context<'_> {
        context_of!(self)
    }

    /// The current screen, and what it reads: disjoint fields, so the screen can be
    /// updated while it reads the document.
    fn screen_and_context(&mut self) -> (&mut Screen, Context<'_>) {
        let context = context_of!(self);
        (&mut self.screen, context)
    }

    /// The dialog on top, and what it reads (as [`App::screen_and_context`]).
    fn dialog_and_context(&mut self) -> (Option<&mut Dialog>, Context<'_>) {
        let context = context_of!(self);
        (self.dialogs.last_mut(), context)
    }

    /// Carries out what a screen or dialog asked for; `wrap` brings its tasks' messages
    /// back to it.
    fn carry_out<M: Send + 'static>(
        &mut self,
        action: Action<M>,
        wrap: fn(M) -> Message,
    ) -> Task<Message> {
        match action {
            Action::None => Task::none(),
            Action::Run(task) => task.map(wrap),
            Action::Change(change) => {
                self.change(change);
                Task::none()
            }
            Action::Notify(notice) => {
                self.notice = Some(notice);
                Task::none()
            }
            Action::Request(request) => self.request(request),
        }
    }

    fn request(&mut self, request: Request) -> Task<Message> {
        match request {
            Request::SelectQuarter(quarter) => self.update(Message::QuarterSelected(quarter)),
            Request::EndPresentation => self.stop_presenting(),
            Request::CloseDialog => {
                self.dismiss();
                Task::none()
            }
            Request::OpenFile(path) => {
                self.dismiss();
                self.open(&path);
                Task::none()
            }
            Request::ChooseFile => {
                self.dismiss();
                open_dialog()
            }
            Request::Create(roadmap) => {
                self.dismiss();
                let name = tr(self.config.language, "app.untitled");
                self.replace_document(Document::untitled(*roadmap, name, true));
                Task::none()
            }
            Request::Answer(answer) => match answer {
                Answer::Unsaved(answer) => self.answer(answer),
                Answer::Recovery(answer) => {
                    self.answer_recover(answer);
                    Task::none()
                }
                Answer::Disk(answer) => self.answer_changed(answer),
                Answer::Lock(answer) => {
                    self.answer_locked(answer);
                    Task::none()
                }
            },
            Request::Adopt(roadmap, notice) => {
                self.dismiss();
                self.adopt(*roadmap, notice);
                Task::none()
            }
            Request::TypePath(purpose, suggested) => self.ask_typed_path(purpose, suggested),
            Request::UsePath(purpose, path) => {
                self.dismiss();
                self.use_path(purpose, path)
            }
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
                let (Screen::Draft(state), context) = self.screen_and_context() else {
                    return Task::none();
                };
                let action = state.update(message, &context);
                self.carry_out(action, Message::Draft)
            }
            Message::Review(message) => {
                let (Screen::Review(state), context) = self.screen_and_context() else {
                    return Task::none();
                };
                let action = state.update(message, &context);
                self.carry_out(action, Message::Review)
            }
            Message::FileDropped(path) => self.file_dropped(path),
            Message::Present(message) => self.present(message),
            Message::WindowFound(id) => {
                self.window = self.window.or(id);
                Task::none()
            }
            Message::SwitchTo(Tab::Present) | Message::Shortcut(Shortcut::Present) => {
                self.start_presenting()
            }
            Message::SwitchTo(tab) => {
                self.switch_to(tab);
                Task::none()
            }
            Message::QuarterSelected(quarter) => {
                self.quarter = quarter;
                self.refresh();
                Task::none()
            }
            Message::LanguageSelected(language) => {
                self.config.language = language;
                self.save_config();
                if let Some(notice) = &mut self.notice {
                    notice.reword(language);
                }
                Task::none()
            }
            Message::RendererSelected(renderer) => {
                self.config.renderer = renderer;
                self.save_config();
                let name = renderer.to_string();
                self.say(Tone::Info, move |language| {
                    tr_with(language, "app.renderer.changed", &[("renderer", &name)])
                });
                Task::none()
            }
            Message::New | Message::Shortcut(Shortcut::New) => self.guard(Pending::New),
            Message::Open | Message::Shortcut(Shortcut::Open) => self.guard(Pending::Open),
            Message::OpenByPath => {
                self.show(Dialog::OpenPath(OpenPath::default()));
                iced::widget::operation::focus("open-path")
            }
            Message::FileChosen(chosen) => self.chosen(Purpose::Open, chosen),
            Message::Save | Message::Shortcut(Shortcut::Save) => self.save(),
            Message::SaveAs | Message::Shortcut(Shortcut::SaveAs) => self.save_as_dialog(),
            Message::SaveAsChosen(chosen) => self.chosen(Purpose::SaveAs, chosen),
            Message::ExportWhole => self.export_whole_dialog(),
            Message::ExportWholeChosen(chosen) => self.chosen(Purpose::ExportWhole, chosen),
            Message::Import => self.guard(Pending::Import),
            Message::ImportFileChosen(chosen) => self.chosen(Purpose::Import, chosen),
            Message::WorkbookRead(result) => {
                self.workbook_read(result);
                Task::none()
            }
            Message::ImportPreview(message) => {
                let (Some(Dialog::Import(state)), context) = self.dialog_and_context() else {
                    return Task::none();
                };
                let action = state.update(message, &context);
                self.carry_out(action, Message::ImportPreview)
            }
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
                // Esc meant for an open pick list (iced leaves it to us) must not
                // close the import preview under it and lose the choices made.
                if let Some(Dialog::Import(preview)) = self.dialog()
                    && preview.menu() == import_dialog::Menu::Open
                {
                    return Task::none();
                }
                if self.dismiss().is_some() {
                    return Task::none();
                }
                self.present(present::Message::Exit)
            }
            Message::Shortcut(Shortcut::Navigate(key)) if self.dialogs.is_empty() => {
                self.present(present::Message::Navigate(key))
            }
            Message::Shortcut(Shortcut::Navigate(_)) => Task::none(),
            Message::Shortcut(Shortcut::FocusNext) => self.move_focus(draft::Step::Right),
            Message::Shortcut(Shortcut::FocusPrevious) => self.move_focus(draft::Step::Left),
            Message::UnsavedAnswered(answer) => {
                let (Some(Dialog::Confirm(state)), context) = self.dialog_and_context() else {
                    return Task::none();
                };
                let action = state.update(answer, &context);
                self.carry_out(action, Message::UnsavedAnswered)
            }
            Message::NewDocument(message) => {
                let (Some(Dialog::New(state)), context) = self.dialog_and_context() else {
                    return Task::none();
                };
                let action = state.update(message, &context);
                self.carry_out(action, Message::NewDocument)
            }
            Message::OpenPath(message) => {
                let (Some(Dialog::OpenPath(state)), context) = self.dialog_and_context() else {
                    return Task::none();
                };
                let action = state.update(message, &context);
                self.carry_out(action, Message::OpenPath)
            }
            Message::TypedPath(message) => {
                let (Some(Dialog::TypedPath(state)), context) = self.dialog_and_context() else {
                    return Task::none();
                };
                let action = state.update(message, &context);
                self.carry_out(action, Message::TypedPath)
            }
            Message::CloseDialog => {
                self.dismiss();
                Task::none()
            }
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::CloseRequested(id) => self.guard(Pending::Close(id)),
            Message::RecoveryAnswered(answer) => {
                let (Some(Dialog::Recover(state)), context) = self.dialog_and_context() else {
                    return Task::none();
                };
                let action = state.update(answer, &context);
                self.carry_out(action, Message::RecoveryAnswered)
            }
            Message::DiskChangeAnswered(answer) => {
                let (Some(Dialog::ChangedOnDisk(state)), context) = self.dialog_and_context()
                else {
                    return Task::none();
                };
                let action = state.update(answer, &context);
                self.carry_out(action, Message::DiskChangeAnswered)
            }
            Message::LockAnswered(answer) => {
                let (Some(Dialog::Locked(state)), context) = self.dialog_and_context() else {
                    return Task::none();
                };
                let action = state.update(answer, &context);
                self.carry_out(action, Message::LockAnswered)
            }
            Message::Tick(now) => self.tick(now),
            Message::RecoveryWritten(Ok(())) => Task::none(),
            Message::RecoveryWritten(Err(error)) => {
                self.say(Tone::Error, move |language| error.describe(language));
                Task::none()
            }
            Message::WindowFocused => {
                self.check_disk_on_focus();
                Task::none()
            }
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
            self.say(Tone::Error, |language| tr(language, "app.read_only_edit"));
            return;
        }
        let result = self
            .document
            .editor
            .apply_all(change.edits, change.coalesce);
        if let Err(error) = result {
            // A screen asked for something that does not exist: a bug, but never a
            // reason to lose the user's work. The path is for the bug report.
            let detail = format!("{:?}", error.0);
            self.say(Tone::Error, move |language| {
                tr_with(language, "app.edit_failed", &[("detail", &detail)])
            });
        }
        self.edited(Instant::now());
        self.refresh();
    }

    fn after_history_jump(&mut self) {
        self.edited(Instant::now());
        self.refresh();
        if let Screen::Draft(state) = &mut self.screen {
            state.document_replaced_or_rewound(self.document.roadmap());
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
        if let Screen::Review(state) = &mut self.screen {
            state.sync(self.document.roadmap(), &self.report);
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let ticks = if self.recovery_due {
            iced::time::every(std::time::Duration::from_secs(1)).map(Message::Tick)
        } else {
            Subscription::none()
        };
        let presentation = match &self.screen {
            Screen::Present(state, _) => state.subscription().map(Message::Present),
            _ => Subscription::none(),
        };
        Subscription::batch([
            iced::event::listen_with(shortcut::from_event).map(Message::Shortcut),
            window::close_requests().map(Message::CloseRequested),
            iced::system::theme_changes().map(Message::ThemeChanged),
            window::events().filter_map(|(_, event)| match event {
                window::Event::Focused => Some(Message::WindowFocused),
                window::Event::FileDropped(path) => Some(Message::FileDropped(path)),
                _ => None,
            }),
            ticks,
            window::open_events().map(|id| Message::WindowFound(Some(id))),
            presentation,
        ])
    }

    pub fn view(&self) -> Element<'_, Message> {
        let context = self.context();
        let body: Element<'_, Message> = match &self.screen {
            Screen::Draft(state) => state.view(&context).map(Message::Draft),
            Screen::Review(state) => state.view(&context).map(Message::Review),
            // Slides only: no header, no notices.
            Screen::Present(state, _) => {
                return self.with_dialog(state.view(&context).map(Message::Present));
            }
        };
        // The notice floats over the lower edge of the page, so it coming or going
        // moves nothing under the pointer (it used to push the screen down by its
        // height: the next click landed a row off). Its place in the widget tree is
        // kept, empty, when there is none, so the screen's scroll position and the
        // field being typed in stay too.
        let notice: Element<'_, Message> = match &self.notice {
            Some(notice) => {
                crate::gui::widget::floating(header::notice_bar(notice, self.config.language))
            }
            None => iced::widget::space::horizontal().into(),
        };
        let page = column![
            header::header(self, self.tab()),
            iced::widget::stack![container(body).padding(12).height(Length::Fill), notice]
                .height(Length::Fill)
        ];
        let page: Element<'_, Message> = page.height(Length::Fill).into();
        self.with_dialog(page)
    }
}

fn tab_of(screen: &Screen) -> Tab {
    match screen {
        Screen::Draft(_) => Tab::Draft,
        Screen::Review(_) => Tab::Review,
        Screen::Present(..) => Tab::Present,
    }
}

/// The quarter statuses are shown at: the last one that has ended (within the period),
/// except for the embedded sample, which is shown as of its own last report so that a
/// first look shows a real mix of statuses whatever today's date is.
fn initial_quarter(roadmap: &Roadmap, is_sample: bool, today: chrono::NaiveDate) -> Quarter {
    let by_date = roadmap.period.default_review_quarter(today);
    match roadmap.latest_reported_quarter() {
        Some(reported) if is_sample && reported < by_date => reported,
        _ => by_date,
    }
}
