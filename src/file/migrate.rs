//! Format versions: refusing files from the future and upgrading files from the past.
//!
//! Roadmap files are kept for years and passed between offices, so every version the
//! program ever wrote must keep loading. Loading goes like this:
//!
//! 1. Parse with the current structs (the fast reader, else ron: [`super::fast`]).
//!    Most old files still parse: fields are only ever added with defaults. The
//!    version found is checked (newer → refused, never rewritten; older than
//!    [`OLDEST_VERSION`] → refused) and the [`UPGRADES`] from that version on are
//!    applied in order, each a plain `fn(&mut Roadmap)` that changes meaning (say, a
//!    unit that changed from fractions to percent).
//! 2. If the current structs do not parse the file, only `format_version` is probed.
//!    A newer version gets "written by a newer version" instead of a confusing
//!    "unknown field"; an older version with a [`LEGACY`] parser (the old structs, kept
//!    in a `vN` module) is parsed with it, converted and upgraded as in 1.
//! 3. Otherwise the original syntax error stands.
//!
//! The result carries the lowest `format_version` that holds the document (what saving
//! writes, see [`crate::model::Roadmap::lowest_format_version`]). Version 2 only added
//! optional fields, kinds and directions: a version 1 file parses with the current
//! structs as it is and means the same, so both tables are still empty.
//!
//! To introduce version N+1: bump `model::FORMAT_VERSION`; add an [`Upgrade`] from N
//! when the meaning of existing fields changes, or a [`Legacy`] parser for N when the
//! shape does; save a complete file of the new version as
//! `tests/fixtures/v{N+1}/complete.roadmap.ron`. `tests/domain/safety.rs` loads every
//! `tests/fixtures/v*/` file and re-saves it as the current version.

use std::path::Path;

use serde::Deserialize;

use super::{LoadError, LoadErrorKind, parse_current, ron_options};
use crate::model::{FORMAT_VERSION, Roadmap};

/// The oldest version this program reads.
pub const OLDEST_VERSION: u32 = 1;

/// A change of meaning applied to documents written as `from` or earlier.
pub struct Upgrade {
    /// The last version that needs this step.
    pub from: u32,
    pub apply: fn(&mut Roadmap),
}

/// A parser for a version whose shape the current structs no longer read.
pub struct Legacy {
    pub version: u32,
    pub parse: fn(&str, &Path) -> Result<Roadmap, LoadError>,
}

/// In order of `from`. None yet: version 2 changed no meaning of version 1.
pub const UPGRADES: &[Upgrade] = &[];

/// None yet: the current structs read version 1 files.
pub const LEGACY: &[Legacy] = &[];

/// Parses a roadmap of any version this program reads and brings it to the current one.
pub(super) fn parse_any_version(text: &str, origin: &Path) -> Result<Roadmap, LoadError> {
    parse_with(text, origin, FORMAT_VERSION, UPGRADES, LEGACY)
}

/// `newest` is the newest version the program reads: [`FORMAT_VERSION`], or an older
/// one to show what an older release does with a file.
fn parse_with(
    text: &str,
    origin: &Path,
    newest: u32,
    upgrades: &[Upgrade],
    legacy: &[Legacy],
) -> Result<Roadmap, LoadError> {
    let error = match parse_current(text) {
        Ok(mut roadmap) => {
            let found = roadmap.format_version;
            check_version(found, newest, origin)?;
            upgrade(&mut roadmap, found, upgrades);
            return Ok(roadmap);
        }
        Err(error) => error,
    };
    if let Some(found) = probe_version(text) {
        check_version(found, newest, origin)?;
        if let Some(old) = legacy.iter().find(|l| l.version == found) {
            let mut roadmap = (old.parse)(text, origin)?;
            upgrade(&mut roadmap, found, upgrades);
            return Ok(roadmap);
        }
    }
    Err(LoadError::from_ron(origin, &error))
}

fn upgrade(roadmap: &mut Roadmap, found: u32, upgrades: &[Upgrade]) {
    for step in upgrades.iter().filter(|step| step.from >= found) {
        (step.apply)(roadmap);
    }
    roadmap.format_version = roadmap.lowest_format_version();
}

/// What a release that reads up to `newest` says about a file written as `found`.
fn check_version(found: u32, newest: u32, origin: &Path) -> Result<(), LoadError> {
    if found > newest {
        Err(LoadError::new(
            origin,
            LoadErrorKind::NewerVersion { found, newest },
        ))
    } else if found < OLDEST_VERSION {
        Err(LoadError::new(
            origin,
            LoadErrorKind::UnknownVersion { found },
        ))
    } else {
        Ok(())
    }
}

/// Reads just `format_version`, ignoring every other field, for a file that did not
/// parse as the current format.
pub(super) fn probe_version(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Probe {
        format_version: u32,
    }
    ron_options()
        .from_str::<Probe>(text)
        .ok()
        .map(|probe| probe.format_version)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENT: &str =
        "(format_version: 1, title: \"T\", institution: \"I\", period: (start: 2025, end: 2029))";

    #[test]
    fn upgrades_from_the_version_found_in_order() {
        fn a(r: &mut Roadmap) {
            r.title.push('a');
        }
        fn b(r: &mut Roadmap) {
            r.title.push('b');
        }
        // Pretend the current format is far ahead: steps from 0 and from 1 both apply
        // to a version-1 file, in table order; a step for version 0 files only does not.
        let upgrades = [
            Upgrade { from: 0, apply: b },
            Upgrade { from: 1, apply: a },
            Upgrade { from: 1, apply: b },
        ];
        let roadmap = parse_with(CURRENT, Path::new("x"), FORMAT_VERSION, &upgrades, &[]).unwrap();
        assert_eq!(roadmap.title, "Tab");
        assert_eq!(
            roadmap.format_version, 1,
            "the lowest version that holds it"
        );
    }

    #[test]
    fn an_old_shape_goes_through_its_legacy_parser() {
        fn old_parser(text: &str, _: &Path) -> Result<Roadmap, LoadError> {
            let mut roadmap = ron_options()
                .from_str::<Roadmap>(&text.replace("naam", "title"))
                .unwrap();
            roadmap.title.push_str(" (v1)");
            Ok(roadmap)
        }
        let old_shape = CURRENT.replace("title", "naam");
        let origin = Path::new("old.ron");
        let refused = parse_with(&old_shape, origin, FORMAT_VERSION, &[], &[]).unwrap_err();
        assert!(
            matches!(refused.kind, LoadErrorKind::Syntax { ref field, .. } if field.as_deref() == Some("naam"))
        );
        let legacy = [Legacy {
            version: 1,
            parse: old_parser,
        }];
        let roadmap = parse_with(&old_shape, origin, FORMAT_VERSION, &[], &legacy).unwrap();
        assert_eq!(roadmap.title, "T (v1)");
    }

    #[test]
    fn a_release_that_reads_version_1_refuses_a_version_2_file_and_says_why() {
        let v2 = include_str!("../../tests/fixtures/v2/complete.roadmap.ron");
        let origin = Path::new("kabupaten.roadmap.ron");
        let refused = parse_with(v2, origin, 1, &[], &[]).unwrap_err();
        assert_eq!(
            refused.kind,
            LoadErrorKind::NewerVersion {
                found: 2,
                newest: 1
            }
        );
        assert_eq!(
            refused.to_string(),
            "kabupaten.roadmap.ron: written by a newer version of Reform Roadmap \
             (format_version 2; this version reads up to 1). Update the program to open it; \
             the file was not changed"
        );
    }

    #[test]
    fn versions_outside_the_known_range_are_refused() {
        for (version, expected) in [
            (0, Some(LoadErrorKind::UnknownVersion { found: 0 })),
            (1, None),
            (
                FORMAT_VERSION + 1,
                Some(LoadErrorKind::NewerVersion {
                    found: FORMAT_VERSION + 1,
                    newest: FORMAT_VERSION,
                }),
            ),
        ] {
            let text = CURRENT.replace("format_version: 1", &format!("format_version: {version}"));
            let result = parse_any_version(&text, Path::new("x"));
            assert_eq!(result.err().map(|e| e.kind), expected, "version {version}");
        }
    }
}
