//! Nothing lost: recovery copies after a crash ([`recovery`]), noticing that the file
//! changed on disk ([`disk`]), and who else has a document open on a shared drive
//! ([`lock`]). Saving itself is atomic (`crate::file`).
//!
//! No GUI here: everything is synchronous, takes its paths as arguments (tests inject
//! temporary folders) and can run inside a background task.

pub mod disk;
pub mod lock;
pub mod recovery;

pub use disk::{DiskState, check, check_content};
pub use lock::{LockGuard, LockInfo, LockOutcome, LockProblem, acquire, force_acquire};
pub use recovery::{RecoveryEntry, RecoveryError, RecoveryStore};
