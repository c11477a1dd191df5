//! The exposé (*ekspose*): the roadmap, or a quarter's progress, as full-screen slides
//! made from the document itself at the app's quarter, so that what the officials see
//! is always what the document says. F5 starts it, Esc ends it; arrows, Page Up/Down
//! (what presenter clickers send), space and Home/End move through it; `C` switches
//! to high contrast; every slide can be exported as a PNG.

mod area;
mod chart;
mod closing;
mod deck;
pub mod export;
mod flagged;
mod frame;
pub mod layout;
mod look;
mod milestones;
mod overview;
pub mod picture;
pub mod resolved;
mod scoreboard;
pub mod scores;
pub mod slides;
mod title;
mod words;

use std::path::PathBuf;

use iced::keyboard::{self, Key, key::Named};
use iced::time::{Duration, Instant};
use iced::widget::responsive;
use iced::{Element, Subscription, Task, event};

use crate::gui::contract::{Action, Context, Request};
use crate::gui::i18n::tr_with;
use crate::gui::notice::Notice;
use crate::locale::Language;
use export::{Export, Progress};
use slides::Slide;

/// How long the pointer and the controls stay after the mouse last moved.
pub const IDLE_AFTER: Duration = Duration::from_secs(2);

/// A move through the deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
}

impl Step {
    /// The move a key asks for: what presenters and clickers press.
    pub fn for_key(key: &Key) -> Option<Step> {
        match key.as_ref() {
            Key::Named(Named::ArrowRight | Named::ArrowDown | Named::PageDown | Named::Space) => {
                Some(Step::Next)
            }
            Key::Named(Named::ArrowLeft | Named::ArrowUp | Named::PageUp) => Some(Step::Previous),
            Key::Named(Named::Home) => Some(Step::First),
            Key::Named(Named::End) => Some(Step::Last),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Go(Step),
    /// A navigation key no widget used.
    Navigate(Key),
    ToggleContrast,
    PointerMoved,
    /// The pointer entered (`true`) or left the control bar: while it is over the bar,
    /// the bar stays, so that a click meant for a button never lands on the slide.
    PointerOverControls(bool),
    /// The idle clock: hides the pointer and the controls once [`IDLE_AFTER`] passed.
    Tick(Instant),
    /// Opens the export panel: a folder to type, or to pick with the system dialog.
    OpenExport,
    /// The folder typed in the export panel.
    ExportPathChanged(String),
    /// Ask the system dialog for the folder; answered by [`Message::FolderChosen`].
    ChooseFolder,
    /// Export into the folder typed in the panel.
    StartExport,
    CloseExport,
    /// The folder from the dialog (`None`: cancelled, or no dialog on this system):
    /// the export starts at once.
    FolderChosen(Option<PathBuf>),
    /// Draw the next slide of the export under way offscreen and write it; the screen
    /// keeps the slide it shows.
    ExportNext,
    /// Esc or the exit button: cancels an export, else ends the presentation.
    Exit,
}

/// The id of the export panel's folder field.
pub const EXPORT_PATH_ID: &str = "present-export-path";

/// The slides on screen, the export under way, the pointer's rest.
pub struct Presenting {
    slides: Vec<Slide>,
    /// The folder typed in the export panel, while it is open.
    export_path: Option<String>,
    /// Where the panel proposes to export to.
    default_folder: PathBuf,
    current: usize,
    high_contrast: bool,
    /// When the pointer last moved; `None` while idle (pointer and controls hidden).
    active_since: Option<Instant>,
    /// The pointer is over the control bar.
    over_controls: bool,
    /// Draws the export's slides offscreen (made by the first export).
    painter: Option<picture::Painter>,
    export: Option<Export>,
    /// Slides written by the export under way.
    written: usize,
    /// How the last export went, on the control bar.
    report: Option<Notice>,
    /// Flips whenever what is shown changes, see [`look::Look::theme`].
    flip: bool,
}

impl Presenting {
    /// The deck made from the document at the context's quarter, on its first slide.
    pub fn new(context: &Context<'_>) -> Self {
        Self {
            slides: slides::build(context.roadmap, context.report),
            export_path: None,
            default_folder: default_folder(context.quarter),
            current: 0,
            high_contrast: false,
            active_since: None,
            over_controls: false,
            painter: None,
            export: None,
            written: 0,
            report: None,
            flip: false,
        }
    }

    /// The window's theme while presenting.
    pub fn theme(&self) -> iced::Theme {
        look::Look::new(self.high_contrast).theme(self.flip)
    }

    pub fn slides(&self) -> &[Slide] {
        &self.slides
    }

    /// The index of the slide on screen.
    pub fn current(&self) -> usize {
        self.current
    }

    pub fn is_high_contrast(&self) -> bool {
        self.high_contrast
    }

    /// The pointer and the controls are hidden.
    pub fn is_idle(&self) -> bool {
        self.active_since.is_none() && self.export_path.is_none()
    }

    /// The folder typed in the export panel, while it is open.
    pub fn export_path(&self) -> Option<&str> {
        self.export_path.as_deref()
    }

    pub fn is_exporting(&self) -> bool {
        self.export.is_some()
    }

    pub fn report(&self) -> Option<&Notice> {
        self.report.as_ref()
    }

    pub fn update(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        let shown = (self.current, self.high_contrast);
        let action = self.apply(message, context);
        if shown != (self.current, self.high_contrast) {
            self.flip = !self.flip;
        }
        action
    }

    fn apply(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        let language = context.language;
        match message {
            Message::Go(step) => {
                if self.export.is_none() {
                    self.go(step);
                }
                Action::None
            }
            Message::Navigate(key) => match Step::for_key(&key) {
                Some(step) => self.apply(Message::Go(step), context),
                None => Action::None,
            },
            Message::ToggleContrast => {
                if self.export.is_none() {
                    self.high_contrast = !self.high_contrast;
                }
                Action::None
            }
            Message::PointerMoved => {
                self.active_since = Some(Instant::now());
                Action::None
            }
            Message::PointerOverControls(over) => {
                self.over_controls = over;
                self.active_since = Some(Instant::now());
                Action::None
            }
            Message::Tick(now) => {
                if self.over_controls {
                    // Resting on the bar (reading it, or about to click): it stays.
                    self.active_since = Some(now);
                } else if self
                    .active_since
                    .is_some_and(|since| now.saturating_duration_since(since) >= IDLE_AFTER)
                {
                    self.active_since = None;
                }
                Action::None
            }
            Message::OpenExport if self.export.is_none() => {
                let folder = self.default_folder.display().to_string();
                self.export_path = Some(self.export_path.take().unwrap_or(folder));
                Action::Run(iced::widget::operation::focus(EXPORT_PATH_ID))
            }
            Message::OpenExport => Action::None,
            Message::ExportPathChanged(text) => {
                if self.export_path.is_some() {
                    self.export_path = Some(text);
                }
                Action::None
            }
            Message::ChooseFolder => Action::Run(choose_folder()),
            Message::StartExport => match self.export_path.as_deref().map(str::trim) {
                Some(typed) if !typed.is_empty() => {
                    let folder = expand_home(typed);
                    self.start_export(folder, language)
                }
                _ => Action::None,
            },
            Message::CloseExport => {
                self.export_path = None;
                Action::None
            }
            Message::FolderChosen(Some(folder)) if self.export.is_none() => {
                self.start_export(folder, language)
            }
            Message::FolderChosen(_) => Action::None,
            Message::ExportNext => self.export_next(language),
            Message::Exit if self.export_path.is_some() => {
                self.export_path = None;
                Action::None
            }
            Message::Exit if self.export.is_some() => {
                let text = tr_with(
                    language,
                    "present.export_cancelled",
                    &[("count", &self.written.to_string())],
                );
                self.stop_export(Notice::info(text))
            }
            Message::Exit => Action::Request(Request::EndPresentation),
        }
    }

    /// Starts writing every slide into `folder` (made when missing), from the first.
    fn start_export(&mut self, folder: PathBuf, language: Language) -> Action<Message> {
        if let Err(error) = export::prepare_folder(&folder) {
            let text = tr_with(
                language,
                "present.export_failed",
                &[("error", &error.to_string())],
            );
            return self.stop_export(Notice::error(text));
        }
        if self.painter.is_none() {
            self.painter = picture::Painter::new();
        }
        if self.painter.is_none() {
            let text = crate::gui::i18n::tr(language, "present.no_painter");
            return self.stop_export(Notice::error(text));
        }
        self.export_path = None;
        self.export = Some(Export::start(folder, self.slides.len()));
        self.written = 0;
        self.report = None;
        Action::Run(Task::done(Message::ExportNext))
    }

    /// Draws the export's next slide offscreen, writes it, and asks for the one after
    /// (one slide a message, so the window stays responsive and Esc can cancel).
    fn export_next(&mut self, language: Language) -> Action<Message> {
        let Some(index) = self.export.as_ref().map(Export::slide) else {
            return Action::None;
        };
        // Out of `self` while the slide's element borrows it.
        let Some(mut painter) = self.painter.take() else {
            return Action::None;
        };
        let size = picture::SIZE;
        let logical = iced::Size::new(size.width as f32, size.height as f32);
        let look = look::Look::new(self.high_contrast);
        let theme = look.theme(false);
        let rgba = match frame::slide(self, index, frame::Chrome::Picture, language, logical) {
            Some(element) => painter.paint(element, &theme, look.background, size),
            None => Vec::new(),
        };
        self.painter = Some(painter);
        let Some(export) = &mut self.export else {
            return Action::None;
        };
        match export.shot(&rgba, size.width, size.height) {
            Ok(Progress::Next(_)) => {
                self.written += 1;
                Action::Run(Task::done(Message::ExportNext))
            }
            Ok(Progress::Done { count, folder }) => {
                let text = tr_with(
                    language,
                    "present.exported",
                    &[
                        ("count", &count.to_string()),
                        ("folder", &folder.display().to_string()),
                    ],
                );
                self.stop_export(Notice::info(text))
            }
            Err(error) => {
                let text = tr_with(
                    language,
                    "present.export_failed",
                    &[("error", &error.to_string())],
                );
                self.stop_export(Notice::error(text))
            }
        }
    }

    fn go(&mut self, step: Step) {
        let last = self.slides.len().saturating_sub(1);
        self.current = match step {
            Step::Next => (self.current + 1).min(last),
            Step::Previous => self.current.saturating_sub(1),
            Step::First => 0,
            Step::Last => last,
        };
    }

    /// Ends the export, with its outcome on the control bar (shown until the pointer
    /// rests again) and for the app to keep.
    fn stop_export(&mut self, report: Notice) -> Action<Message> {
        self.export = None;
        self.report = Some(report.clone());
        self.active_since = Some(Instant::now());
        Action::Notify(report)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let mut subscriptions = vec![event::listen_with(contrast_key)];
        if self.active_since.is_some() {
            subscriptions.push(iced::time::every(Duration::from_millis(400)).map(Message::Tick));
        }
        Subscription::batch(subscriptions)
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let language = context.language;
        responsive(move |size| frame::view(self, language, size)).into()
    }
}

/// The system's folder dialog; answers with [`Message::FolderChosen`].
fn choose_folder() -> Task<Message> {
    Task::perform(
        async {
            rfd::AsyncFileDialog::new()
                .pick_folder()
                .await
                .map(|handle| handle.path().to_owned())
        },
        Message::FolderChosen,
    )
}

/// `Pictures/ekspose-2025-Q3` (or in the home folder): a new folder per quarter.
fn default_folder(quarter: crate::model::Quarter) -> PathBuf {
    let name = format!("ekspose-{quarter}");
    directories::UserDirs::new()
        .map(|dirs| {
            dirs.picture_dir()
                .unwrap_or_else(|| dirs.home_dir())
                .join(&name)
        })
        .unwrap_or_else(|| PathBuf::from(name))
}

/// `~/x` as the home folder's `x`, as people type it.
fn expand_home(typed: &str) -> PathBuf {
    match typed.strip_prefix("~/") {
        Some(rest) => directories::UserDirs::new()
            .map(|dirs| dirs.home_dir().join(rest))
            .unwrap_or_else(|| PathBuf::from(typed)),
        None => PathBuf::from(typed),
    }
}

/// `C` (no modifier, not typed into a field) toggles high contrast.
fn contrast_key(
    event: iced::Event,
    status: event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    let iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
        return None;
    };
    let plain = !modifiers.command() && !modifiers.alt();
    match key.as_ref() {
        Key::Character("c" | "C") if plain && status == event::Status::Ignored => {
            Some(Message::ToggleContrast)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_moves() {
        let named = |n| Key::Named(n);
        for (key, expected) in [
            (named(Named::ArrowRight), Some(Step::Next)),
            (named(Named::ArrowDown), Some(Step::Next)),
            (named(Named::PageDown), Some(Step::Next)),
            (named(Named::Space), Some(Step::Next)),
            (named(Named::ArrowLeft), Some(Step::Previous)),
            (named(Named::ArrowUp), Some(Step::Previous)),
            (named(Named::PageUp), Some(Step::Previous)),
            (named(Named::Home), Some(Step::First)),
            (named(Named::End), Some(Step::Last)),
            (named(Named::Enter), None),
            (Key::Character("n".into()), None),
        ] {
            assert_eq!(Step::for_key(&key), expected, "{key:?}");
        }
    }
}
