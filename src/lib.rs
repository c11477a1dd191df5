//! Reform Roadmap: the domain of Indonesian bureaucratic-reform roadmaps (model, RON
//! files, validation, the quarterly review rules, exports), usable without a GUI; the
//! desktop app is [`gui`], behind the default `gui` feature.

pub mod cli;
pub mod edit;
pub mod export;
pub mod file;
pub mod forms;
pub mod import;
pub mod locale;
pub mod merge;
pub mod model;
pub mod renderer;
pub mod review;
pub mod safety;
pub mod sample;
pub mod synthetic;
pub mod template;
pub mod text;
pub mod validate;

#[cfg(feature = "gui")]
pub mod gui;

// Every displayed string goes through these translation files (Indonesian first).
rust_i18n::i18n!("assets/locales", fallback = "id");
