//! Helpers shared by the GUI tests.

use std::path::{Path, PathBuf};

use iced_test::Simulator;
use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::contract::Context;
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Quarter, Roadmap};
use reform_roadmap::review::ReviewReport;

/// A quarter from its file spelling, `2025-Q3`.
pub fn q(text: &str) -> Quarter {
    text.parse().unwrap()
}

/// What a screen reads, for `roadmap` at the report's quarter: in Indonesian, never
/// saved (no folder), no window, on the first day of 2026.
pub fn context<'a>(roadmap: &'a Roadmap, report: &'a ReviewReport) -> Context<'a> {
    Context {
        roadmap,
        report,
        quarter: report.quarter,
        language: Language::Indonesian,
        problems: &[],
        read_only: false,
        folder: None,
        window: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        recent: &[],
    }
}

pub fn click(app: &mut App, label: &str) {
    let messages = {
        let mut ui = ui(app);
        ui.click(label)
            .unwrap_or_else(|_| panic!("{label} can be clicked"));
        ui.into_messages().collect::<Vec<_>>()
    };
    assert!(!messages.is_empty(), "{label} sent nothing");
    for message in messages {
        let _ = app.update(message);
    }
}

pub fn ui(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(reform_roadmap::gui::settings(), (1280.0, 800.0), app.view())
}

pub fn shows(app: &App, words: &str) -> bool {
    ui(app).find(words).is_ok()
}

/// The app on the sample saved to `folder/roadmap.ron`.
pub fn app_on_file(folder: &Path) -> (PathBuf, App) {
    let path = folder.join("roadmap.ron");
    file::save(&path, &reform_roadmap::sample::sample()).unwrap();
    let app = App::new(Options {
        file: Some(path.clone()),
        config_path: None,
        recovery_folder: None,
        today: today(),
    });
    (path, app)
}

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap()
}
