//! The answers to the file questions ([`super::file_prompts`]): what each dialog's
//! update hands the app to carry out, since only the app holds the document they are
//! about. A leaf: the contract's `Request::Answer` carries them.

/// The answers to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// Unsaved work found at start.
#[derive(Debug, Clone, PartialEq)]
pub enum RecoveryAnswer {
    Restore(usize),
    Discard(usize),
    /// Decide later: the copies stay and are offered again at the next start.
    Later,
}

/// The file changed on disk since it was opened or saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Load the version on disk, dropping the changes made here.
    Reload,
    /// Keep this version; save over the file (now, or at the next save).
    KeepMine,
    SaveAs,
    Cancel,
}

/// Another user has the file open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockAnswer {
    ReadOnly,
    OpenAnyway,
    Cancel,
}

/// One answer to one of the four file questions.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Unsaved(UnsavedAnswer),
    Recovery(RecoveryAnswer),
    Disk(DiskAnswer),
    Lock(LockAnswer),
}
