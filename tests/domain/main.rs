//! The domain's integration tests in one binary (one link, not eight): files,
//! review rules, exports, safety, the sample and the command line.
//! A new topic is a new module here; shared helpers live in `support`.

mod cli;
mod export_scores;
mod exports;
mod fast_reader;
mod fault_kill;
mod file_format;
mod file_names;
mod format_v2;
mod forms;
mod fuzz_import;
mod fuzz_loader;
mod import;
mod import_formats;
mod locale_keys;
mod merge;
mod review_rules;
mod safety;
mod sample;
mod scores;
mod support;
mod whole_export;
