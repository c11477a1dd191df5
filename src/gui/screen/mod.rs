//! The screens of the app. Each owns its state, `Message`, `update` (returning an
//! [`Action`](crate::gui::contract::Action) that the app carries out) and `view`, and
//! reads the document through a [`Context`](crate::gui::contract::Context); none of
//! them changes the document itself.

pub mod draft;
pub mod present;
pub mod review;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Draft,
    Review,
    Present,
}
