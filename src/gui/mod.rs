//! The desktop app (iced 0.14), split by screen in the Elm architecture: [`app`] holds
//! the document and routes messages; each module under [`screen`] and [`dialog`] owns
//! its state, messages, update and view, under the one [`contract`].

pub mod app;
pub mod config;
pub mod contract;
pub mod dialog;
pub mod document;
pub mod i18n;
pub mod icon;
pub mod notice;
pub mod screen;
pub mod shortcut;
pub mod theme;
pub mod widget;

use std::path::PathBuf;

use app::{App, Options};

/// Fira Sans SemiBold (latin), OFL: see `assets/fonts/FIRA-SANS-OFL.txt`.
const SEMIBOLD_FONT: &[u8] = include_bytes!("../../assets/fonts/FiraSans-SemiBold.ttf");

/// iced settings shared by the real window and the headless tests: the embedded
/// fonts, so the app looks the same on a machine without them.
pub fn settings() -> iced::Settings {
    iced::Settings {
        fonts: vec![icon::FONT_BYTES.into(), SEMIBOLD_FONT.into()],
        // The embedded Fira Sans, not whatever sans-serif the system has: the same text
        // widths (and the same look) on every machine and in the headless tests.
        default_font: iced::Font::with_name("Fira Sans"),
        ..iced::Settings::default()
    }
}

/// Runs the app on `file`, or on the embedded sample roadmap.
pub fn run(file: Option<PathBuf>) -> iced::Result {
    let options = Options {
        file,
        config_path: config::Config::default_path(),
        recovery_folder: crate::safety::RecoveryStore::default_folder(),
        today: chrono::Local::now().date_naive(),
    };
    iced::application(move || App::boot(options.clone()), App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .settings(settings())
        .window(iced::window::Settings {
            size: iced::Size::new(1280.0, 800.0),
            min_size: Some(iced::Size::new(960.0, 600.0)),
            ..iced::window::Settings::default()
        })
        .exit_on_close_request(false)
        .run()
}
