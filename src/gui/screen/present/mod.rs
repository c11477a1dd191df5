//! The exposé (*ekspose*): the roadmap, or a quarter's progress, as full-screen slides
//! made from the document itself at the app's quarter, so that what the officials see
//! is always what the document says. F5 starts it, Esc ends it; arrows, Page Up/Down
//! (what presenter clickers send), space and Home/End move through it; `C` switches
//! to high contrast; every slide can be exported as a PNG.

mod area;
mod chart;
mod closing;
pub mod export;
mod flagged;
mod frame;
pub mod layout;
mod look;
mod milestones;
mod overview;
pub mod slides;
mod title;

use std::path::PathBuf;

use iced::keyboard::{self, Key, key::Named};
use iced::time::{Duration, Instant};
use iced::widget::responsive;
use iced::window::Screenshot;
use iced::{Element, Subscription, event};

use super::Context;
use crate::gui::i18n::tr_with;
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
    /// The idle clock: hides the pointer and the controls once [`IDLE_AFTER`] passed.
    Tick(Instant),
    /// Opens the export panel: a folder to type, or to pick with the system dialog.
    Export,
    /// The folder typed in the export panel.
    ExportPath(String),
    /// Ask the system dialog for the folder.
    Browse,
    /// Export into the folder typed in the panel.
    StartExport,
    CloseExport,
    /// The folder from the dialog (`None`: cancelled, or no dialog on this system):
    /// the export starts at once.
    FolderPicked(Option<PathBuf>),
    /// The window drew a frame (while exporting).
    Frame,
    /// The window's pixels (while exporting).
    Shot(Screenshot),
    /// The window cannot be captured: the export stops.
    ShotUnavailable,
    /// Esc or the exit button: cancels an export, else ends the presentation.
    Exit,
}

pub enum Action {
    None,
    /// End the presentation.
    Exit,
    /// Ask for a folder and answer with [`Message::FolderPicked`].
    PickFolder,
    /// Put the keyboard in the export panel's folder field ([`EXPORT_PATH_ID`]).
    FocusExportPath,
    /// Capture the window and answer with [`Message::Shot`].
    Screenshot,
    /// Tell the user (also after the presentation ended).
    Notify(Report),
}

/// A line on the control bar about the last export.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub text: String,
    pub error: bool,
}

/// The id of the export panel's folder field.
pub const EXPORT_PATH_ID: &str = "present-export-path";

pub struct State {
    slides: Vec<Slide>,
    /// The folder typed in the export panel, while it is open.
    export_path: Option<String>,
    /// Where the panel proposes to export to.
    default_folder: PathBuf,
    current: usize,
    high_contrast: bool,
    /// When the pointer last moved; `None` while idle (pointer and controls hidden).
    active_since: Option<Instant>,
    export: Option<Export>,
    /// Slides written by the export under way.
    written: usize,
    report: Option<Report>,
    /// Flips whenever what is shown changes, see [`look::Look::theme`].
    flip: bool,
}

impl State {
    /// The deck made from the document at the context's quarter, on its first slide.
    pub fn new(context: &Context<'_>) -> Self {
        Self {
            slides: slides::build(context.roadmap, context.report),
            export_path: None,
            default_folder: default_folder(context.quarter),
            current: 0,
            high_contrast: false,
            active_since: None,
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

    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    pub fn update(&mut self, message: Message, language: Language) -> Action {
        let shown = (self.current, self.high_contrast);
        let action = self.apply(message, language);
        if shown != (self.current, self.high_contrast) {
            self.flip = !self.flip;
        }
        action
    }

    fn apply(&mut self, message: Message, language: Language) -> Action {
        match message {
            Message::Go(step) => {
                if self.export.is_none() {
                    self.go(step);
                }
                Action::None
            }
            Message::Navigate(key) => match Step::for_key(&key) {
                Some(step) => self.apply(Message::Go(step), language),
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
            Message::Tick(now) => {
                if self
                    .active_since
                    .is_some_and(|since| now.saturating_duration_since(since) >= IDLE_AFTER)
                {
                    self.active_since = None;
                }
                Action::None
            }
            Message::Export if self.export.is_none() => {
                let folder = self.default_folder.display().to_string();
                self.export_path = Some(self.export_path.take().unwrap_or(folder));
                Action::FocusExportPath
            }
            Message::Export => Action::None,
            Message::ExportPath(text) => {
                if self.export_path.is_some() {
                    self.export_path = Some(text);
                }
                Action::None
            }
            Message::Browse => Action::PickFolder,
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
            Message::FolderPicked(Some(folder)) if self.export.is_none() => {
                self.start_export(folder, language)
            }
            Message::FolderPicked(_) => Action::None,
            Message::Frame => {
                if self.export.as_mut().is_some_and(Export::frame) {
                    Action::Screenshot
                } else {
                    Action::None
                }
            }
            Message::Shot(screenshot) => self.shot(&screenshot, language),
            Message::ShotUnavailable => {
                let text = crate::gui::i18n::tr(language, "present.no_window");
                self.stop_export(text, true)
            }
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
                self.stop_export(text, false)
            }
            Message::Exit => Action::Exit,
        }
    }

    /// Starts writing every slide into `folder` (made when missing), from the first.
    fn start_export(&mut self, folder: PathBuf, language: Language) -> Action {
        if let Err(error) = export::prepare_folder(&folder) {
            let text = tr_with(
                language,
                "present.export_failed",
                &[("error", &error.to_string())],
            );
            return self.stop_export(text, true);
        }
        self.export_path = None;
        let export = Export::start(folder, self.slides.len(), self.current);
        self.current = export.slide();
        self.export = Some(export);
        self.written = 0;
        self.report = None;
        // The controls must not be in the pictures.
        self.active_since = None;
        Action::None
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

    fn shot(&mut self, screenshot: &Screenshot, language: Language) -> Action {
        let Some(export) = &mut self.export else {
            return Action::None;
        };
        if !export.is_capturing() {
            return Action::None;
        }
        let size = screenshot.size;
        match export.shot(&screenshot.rgba, size.width, size.height) {
            Ok(Progress::Show(next)) => {
                self.written += 1;
                self.current = next;
                Action::None
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
                self.stop_export(text, false)
            }
            Err(error) => {
                let text = tr_with(
                    language,
                    "present.export_failed",
                    &[("error", &error.to_string())],
                );
                self.stop_export(text, true)
            }
        }
    }

    /// Ends the export, back on the slide shown before it, with its outcome on the
    /// control bar (shown until the pointer rests again) and for the app to keep.
    fn stop_export(&mut self, text: String, error: bool) -> Action {
        if let Some(export) = self.export.take() {
            self.current = export.resume();
        }
        let report = Report { text, error };
        self.report = Some(report.clone());
        self.active_since = Some(Instant::now());
        Action::Notify(report)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let mut subscriptions = vec![event::listen_with(contrast_key)];
        if self.active_since.is_some() {
            subscriptions.push(iced::time::every(Duration::from_millis(400)).map(Message::Tick));
        }
        if self.export.is_some() {
            subscriptions.push(iced::window::frames().map(|_| Message::Frame));
        }
        Subscription::batch(subscriptions)
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let language = context.language;
        responsive(move |size| frame::view(self, language, size)).into()
    }
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
