//! "Who has this document open?" for documents on a shared drive, the way LibreOffice
//! does it: a small owner file `.~lock.NAME#` beside the document, holding one CSV
//! line `user,machine,time,pid` (time in RFC 3339 with the writer's UTC offset).
//!
//! A lock is advice, never a wall: every failure here (read-only folder, unreadable
//! lock) still lets the document open, and the user can always open anyway.
//!
//! A lock is ours when the same user on the same machine wrote it, unless the
//! process that wrote it is another one and still running: that is a second window
//! of the program on the same file, which the user should hear about. Whether a
//! process runs is known on Linux (`/proc/PID`); elsewhere such a lock counts as ours.
//!
//! A foreign lock is *probably stale* when it was written on this machine by a process
//! that no longer runs, or when it is older than [`STALE_AFTER`]: nobody keeps a
//! document open for more than a long working day, and a lock that old is almost
//! always left by a crash or a laptop closed on a network share. An unreadable lock
//! file is stale after a minute (writing one line takes milliseconds).

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, Utc};

use crate::locale::Language;

/// A foreign lock older than this is probably left over (see the module docs).
pub const STALE_AFTER: chrono::TimeDelta = chrono::TimeDelta::hours(12);

/// An unreadable lock older than this is probably left over.
const UNREADABLE_STALE_AFTER: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// Who holds a lock. Fields are empty (and `since`, `pid` absent) when the lock file
/// could not be read or understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockInfo {
    pub user: String,
    pub machine: String,
    pub since: Option<DateTime<FixedOffset>>,
    pub pid: Option<u32>,
}

/// What opening with a lock came to.
#[derive(Debug)]
pub enum LockOutcome {
    /// The lock is ours until the guard is dropped.
    Acquired(LockGuard),
    /// Someone else has the document open (or had, if [`LockInfo::is_probably_stale`]).
    HeldByOther(LockInfo),
    /// No lock could be written (read-only folder, say). Open the document anyway;
    /// others just won't see that it is open.
    NotLocked(LockProblem),
}

/// Why no lock could be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: could not write the lock file: {message}", lock_file.display())]
pub struct LockProblem {
    pub lock_file: PathBuf,
    pub kind: io::ErrorKind,
    pub message: String,
}

/// Holds the lock; removes the lock file when dropped or released, if the file is
/// still the one it wrote (someone may have opened anyway and taken it over).
#[derive(Debug)]
pub struct LockGuard {
    lock_file: PathBuf,
    info: LockInfo,
    written: Vec<u8>,
    released: bool,
}

/// `.~lock.NAME#` beside `document`.
pub fn lock_path(document: &Path) -> PathBuf {
    let name = document
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    document.with_file_name(format!(".~lock.{name}#"))
}

/// Takes the lock of `document` unless someone else holds it.
///
/// Returns a value rather than a `Result` on purpose: no failure here may keep a
/// document from opening.
pub fn acquire(document: &Path) -> LockOutcome {
    let me = LockInfo::current();
    let lock_file = lock_path(document);
    let line = me.to_line();
    let created = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&lock_file)
        .and_then(|mut file| file.write_all(&line).map(|()| file))
        .and_then(|file| file.sync_all());
    match created {
        Ok(()) => LockOutcome::Acquired(LockGuard::new(lock_file, me, line)),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            let holder = read_lock(&lock_file);
            if holder.is_held_by(&me) {
                overwrite(lock_file, me)
            } else {
                LockOutcome::HeldByOther(holder)
            }
        }
        Err(error) => LockOutcome::NotLocked(LockProblem::new(&lock_file, &error)),
    }
}

/// Takes the lock of `document` whoever holds it ("open anyway").
pub fn force_acquire(document: &Path) -> LockOutcome {
    overwrite(lock_path(document), LockInfo::current())
}

/// Who holds the lock of `document`, if anyone.
pub fn holder(document: &Path) -> Option<LockInfo> {
    let lock_file = lock_path(document);
    lock_file.exists().then(|| read_lock(&lock_file))
}

fn overwrite(lock_file: PathBuf, me: LockInfo) -> LockOutcome {
    let line = me.to_line();
    match crate::file::replace(&lock_file, &line, crate::file::Backup::Skip) {
        Ok(_) => LockOutcome::Acquired(LockGuard::new(lock_file, me, line)),
        Err(error) => LockOutcome::NotLocked(LockProblem {
            lock_file,
            kind: error.kind,
            message: error.message,
        }),
    }
}

fn read_lock(lock_file: &Path) -> LockInfo {
    let written = fs::metadata(lock_file)
        .and_then(|m| m.modified())
        .ok()
        .map(|time| DateTime::<Local>::from(time).fixed_offset());
    let unknown = LockInfo {
        user: String::new(),
        machine: String::new(),
        since: written,
        pid: None,
    };
    // A lock is one short line; refuse to read more of a file that is something else.
    let Ok(bytes) = fs::File::open(lock_file).and_then(|file| {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut io::Read::take(file, 4096), &mut bytes).map(|_| bytes)
    }) else {
        return unknown;
    };
    LockInfo::parse(&bytes).unwrap_or(unknown)
}

impl LockInfo {
    /// This user, on this machine, in this process, now.
    pub fn current() -> Self {
        Self {
            user: user_name(),
            machine: machine_name(),
            since: Some(Local::now().fixed_offset()),
            pid: Some(std::process::id()),
        }
    }

    /// Reads a lock line. `None` when it is not one.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let record = reader.records().next()?.ok()?;
        let field = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        let (user, machine) = (field(0), field(1));
        if user.is_empty() && machine.is_empty() {
            return None;
        }
        Some(Self {
            user,
            machine,
            since: DateTime::parse_from_rfc3339(&field(2)).ok(),
            pid: field(3).parse().ok(),
        })
    }

    /// The line written into a lock file.
    pub fn to_line(&self) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        let since = self.since.map(|t| t.to_rfc3339()).unwrap_or_default();
        let pid = self.pid.map(|p| p.to_string()).unwrap_or_default();
        writer
            .write_record([self.user.as_str(), self.machine.as_str(), &since, &pid])
            .expect("writing CSV to memory cannot fail");
        writer
            .into_inner()
            .expect("writing CSV to memory cannot fail")
    }

    /// The lock file could not be read or understood.
    pub fn is_unknown(&self) -> bool {
        self.user.is_empty() && self.machine.is_empty()
    }

    fn same_person_and_machine(&self, other: &LockInfo) -> bool {
        // Windows compares user and machine names without case.
        self.user.eq_ignore_ascii_case(&other.user)
            && self.machine.eq_ignore_ascii_case(&other.machine)
    }

    fn is_held_by(&self, me: &LockInfo) -> bool {
        self.same_person_and_machine(me)
            && (self.pid == me.pid || self.pid.and_then(process_is_running) != Some(true))
    }

    /// See the module documentation for the rule.
    pub fn is_probably_stale(&self) -> bool {
        self.is_probably_stale_at(Utc::now(), &machine_name(), process_is_running)
    }

    /// [`Self::is_probably_stale`] with the clock, this machine's name and the process
    /// table given.
    pub fn is_probably_stale_at(
        &self,
        now: DateTime<Utc>,
        this_machine: &str,
        running: impl Fn(u32) -> Option<bool>,
    ) -> bool {
        let age = self.since.map(|since| now.signed_duration_since(since));
        if self.is_unknown() {
            return age.is_none_or(|age| age > UNREADABLE_STALE_AFTER);
        }
        let old = age.is_some_and(|age| age > STALE_AFTER);
        let dead_here = self.machine.eq_ignore_ascii_case(this_machine)
            && self.pid.and_then(running) == Some(false);
        old || dead_here
    }

    /// "Dibuka oleh budi di PC-BAPPEDA-03 sejak 15 April 2025 09.30" and the like.
    pub fn describe(&self, language: Language) -> String {
        let code = language.code();
        if self.is_unknown() {
            return rust_i18n::t!("safety.lock.unknown_owner", locale = code).into_owned();
        }
        let since = self.since.map(|since| {
            let local = since.with_timezone(&Local);
            let time = match language {
                Language::Indonesian => local.format("%H.%M"),
                Language::English => local.format("%H:%M"),
            };
            format!("{} {time}", language.date(local.date_naive()))
        });
        let mut text = match since {
            Some(since) => rust_i18n::t!(
                "safety.lock.held_since",
                locale = code,
                user = self.user.as_str(),
                machine = self.machine.as_str(),
                since = since
            ),
            None => rust_i18n::t!(
                "safety.lock.held",
                locale = code,
                user = self.user.as_str(),
                machine = self.machine.as_str()
            ),
        }
        .into_owned();
        if self.is_probably_stale() {
            text.push(' ');
            text.push_str(&rust_i18n::t!("safety.lock.probably_stale", locale = code));
        }
        text
    }
}

impl LockProblem {
    fn new(lock_file: &Path, error: &io::Error) -> Self {
        Self {
            lock_file: lock_file.to_owned(),
            kind: error.kind(),
            message: error.to_string(),
        }
    }

    pub fn describe(&self, language: Language) -> String {
        rust_i18n::t!("safety.lock.not_locked", locale = language.code()).into_owned()
    }
}

impl LockGuard {
    fn new(lock_file: PathBuf, info: LockInfo, written: Vec<u8>) -> Self {
        Self {
            lock_file,
            info,
            written,
            released: false,
        }
    }

    pub fn lock_file(&self) -> &Path {
        &self.lock_file
    }

    pub fn info(&self) -> &LockInfo {
        &self.info
    }

    /// Whether the lock file is still the one this guard wrote.
    pub fn still_held(&self) -> bool {
        fs::read(&self.lock_file).is_ok_and(|bytes| bytes == self.written)
    }

    /// Removes the lock file if it is still ours. The same happens on drop.
    pub fn release(mut self) {
        self.remove_if_ours();
    }

    fn remove_if_ours(&mut self) {
        if !self.released && self.still_held() {
            let _ = fs::remove_file(&self.lock_file);
        }
        self.released = true;
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        self.remove_if_ours();
    }
}

/// The login name, as LibreOffice and the shell see it.
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| value.trim().to_owned())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

/// This computer's network name.
pub fn machine_name() -> String {
    let name = gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_owned();
    if name.is_empty() {
        "?".to_owned()
    } else {
        name
    }
}

/// Whether process `pid` runs on this machine; `None` where that cannot be known.
pub fn process_is_running(pid: u32) -> Option<bool> {
    if cfg!(target_os = "linux") {
        Some(Path::new("/proc").join(pid.to_string()).exists())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(user: &str, machine: &str, hours_ago: i64, pid: Option<u32>) -> LockInfo {
        LockInfo {
            user: user.into(),
            machine: machine.into(),
            since: Some((Utc::now() - chrono::TimeDelta::hours(hours_ago)).fixed_offset()),
            pid,
        }
    }

    #[test]
    fn staleness_rule() {
        let now = Utc::now();
        let running = |pid: u32| Some(pid == 10);
        let unknowable = |_: u32| None;
        for (lock, this_machine, stale) in [
            (info("budi", "pc-1", 1, Some(10)), "pc-1", false),
            (info("budi", "pc-1", 1, Some(11)), "pc-1", true),
            (info("budi", "PC-1", 1, Some(11)), "pc-1", true),
            (info("budi", "pc-2", 1, Some(11)), "pc-1", false),
            (info("budi", "pc-2", 13, Some(11)), "pc-1", true),
            (info("budi", "pc-1", 13, Some(10)), "pc-1", true),
            (info("budi", "pc-2", 1, None), "pc-1", false),
        ] {
            assert_eq!(
                lock.is_probably_stale_at(now, this_machine, running),
                stale,
                "{lock:?} seen from {this_machine}"
            );
        }
        let elsewhere = info("budi", "pc-1", 1, Some(11));
        assert!(!elsewhere.is_probably_stale_at(now, "pc-1", unknowable));
        let mut unreadable = info("", "", 0, None);
        assert!(!unreadable.is_probably_stale_at(now, "pc-1", running));
        unreadable.since = Some((now - chrono::TimeDelta::minutes(5)).fixed_offset());
        assert!(unreadable.is_probably_stale_at(now, "pc-1", running));
    }

    #[test]
    fn lines_round_trip_even_with_commas_and_quotes() {
        let original = info("Budi, S.Kom \"admin\"", "PC-BAPPEDA", 0, Some(4242));
        let line = original.to_line();
        assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
        let parsed = LockInfo::parse(&line).unwrap();
        assert_eq!(parsed.user, original.user);
        assert_eq!(parsed.machine, original.machine);
        assert_eq!(parsed.pid, original.pid);
        assert_eq!(
            parsed.since.map(|t| t.timestamp()),
            original.since.map(|t| t.timestamp())
        );
        for junk in [&b""[..], b"\n", b",,,", b"\xff\xfe\x00"] {
            assert_eq!(LockInfo::parse(junk), None, "{junk:?}");
        }
        let partial = LockInfo::parse(b"siti,PC-7").unwrap();
        assert_eq!((partial.since, partial.pid), (None, None));
    }
}
