//! The one translation layer of the interface: every displayed string is looked up
//! by key (files in `assets/locales/`), never written into a view. The lookup itself is
//! the domain's ([`crate::text`]), shared with the command line and the exports.

pub use crate::text::{tr, tr_count, tr_with};
