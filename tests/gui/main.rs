//! The desktop app's tests in one binary: each screen and dialog driven through
//! `update` and the `iced_test` simulator. Shared helpers live in `support`.
#![cfg(feature = "gui")]

mod draft;
mod forms;
mod present;
mod present_milestones;
mod present_numbers;
mod review;
mod safety;
mod start;
mod support;
