//! The desktop app's tests in one binary: each screen and dialog driven through
//! `update` and the `iced_test` simulator. Shared helpers live in `support`.
#![cfg(feature = "gui")]

mod draft;
mod draft_keys;
mod draft_v2;
mod dropping;
mod forms;
mod import;
mod paths;
mod present;
mod present_milestones;
mod present_numbers;
mod review;
mod review_scores;
mod review_words;
mod safety;
mod start;
mod support;
mod typing;
