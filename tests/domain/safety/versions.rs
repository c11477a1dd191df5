//! Every format version loads and re-saves as itself; newer ones are refused.

use super::*;

fn fixture_files() -> Vec<(u32, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = Vec::new();
    for entry in fs::read_dir(&root).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(version) = name.strip_prefix('v').and_then(|v| v.parse::<u32>().ok()) else {
            continue;
        };
        for file in fs::read_dir(entry.path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                found.push((version, path));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_format_version_loads_and_resaves_byte_for_byte_as_the_same_version() {
    let fixtures = fixture_files();
    let versions: Vec<u32> = fixtures.iter().map(|(v, _)| *v).collect();
    for version in file::OLDEST_VERSION..=FORMAT_VERSION {
        assert!(
            versions.contains(&version),
            "tests/fixtures/v{version}/ needs a complete file"
        );
    }
    let folder = tempfile::tempdir().unwrap();
    for (version, path) in fixtures {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("format_version: {version},")),
            "{} is filed under v{version}",
            path.display()
        );
        let loaded = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        // Version 2 only added optional fields: every complete file of a version is
        // written as that version again (the lowest that holds it), unchanged.
        assert_eq!(loaded.format_version, version, "{}", path.display());
        let resaved = folder.path().join(path.file_name().unwrap());
        file::save(&resaved, &loaded).unwrap();
        let again = fs::read_to_string(&resaved).unwrap();
        assert_eq!(
            again,
            text,
            "{}: an unchanged document re-saves byte for byte",
            path.display()
        );
        assert_eq!(file::load(&resaved).unwrap(), loaded);
    }
}

#[test]
fn the_complete_v1_fixture_exercises_every_field() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/complete.roadmap.ron");
    let text = fs::read_to_string(&path).unwrap();
    for field in [
        "format_version",
        "title",
        "institution",
        "period",
        "start",
        "end",
        "vision",
        "rules",
        "at_risk_below",
        "behind_below",
        "units",
        "areas",
        "element: Soft",
        "element: Hard",
        "goal",
        "note",
        "programs",
        "unit",
        "budget",
        "indicators",
        "kind: Level",
        "kind: Count",
        "kind: Milestone",
        "direction: LowerIsBetter",
        "baseline",
        "targets",
        "target",
        "actual",
        "obstacle",
        "follow_up",
        "evidence",
        "due",
        "done",
        "reviews",
        "quarter",
        "date",
        "reviewer",
        "notes",
        "flagged",
    ] {
        assert!(text.contains(field), "the v1 fixture lacks {field}");
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_alone() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dari-masa-depan.roadmap.ron");
    let newer = FORMAT_VERSION + 1;
    // With a field this version does not know: "newer version", not "unknown field".
    let contents = format!(
        "#![enable(implicit_some)]\n(\n    format_version: {newer},\n    title: \"T\",\n    institution: \"I\",\n    period: (start: 2025, end: 2029),\n    dashboard: (theme: \"gelap\"),\n)\n"
    );
    fs::write(&path, &contents).unwrap();
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    for result in [
        file::load(&path).map(|_| ()),
        file::load_with_fingerprint(&path).map(|_| ()),
    ] {
        let error = result.unwrap_err();
        assert_eq!(
            error.kind,
            LoadErrorKind::NewerVersion {
                found: newer,
                newest: FORMAT_VERSION,
            }
        );
        assert!(error.to_string().contains("newer version"), "{error}");
    }
    // Parseable with today's structs but newer: refused all the same.
    let plain = contents.replace("    dashboard: (theme: \"gelap\"),\n", "");
    let plain_path = folder.path().join("plain.roadmap.ron");
    fs::write(&plain_path, &plain).unwrap();
    assert_eq!(
        file::load(&plain_path).unwrap_err().kind,
        LoadErrorKind::NewerVersion {
            found: newer,
            newest: FORMAT_VERSION,
        }
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), contents);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
    assert_eq!(
        names_in(folder.path()),
        ["dari-masa-depan.roadmap.ron", "plain.roadmap.ron"]
    );
}

/// The GUI runs all of this in background tasks and sends the results in messages.
#[test]
fn the_api_can_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    fn message<T: Send + Clone + 'static>() {}
    send_sync::<RecoveryStore>();
    send_sync::<reform_roadmap::safety::LockGuard>();
    message::<reform_roadmap::safety::RecoveryEntry>();
    message::<reform_roadmap::safety::RecoveryError>();
    message::<Fingerprint>();
    message::<DiskState>();
    message::<LockInfo>();
    message::<reform_roadmap::safety::LockProblem>();
    message::<file::SaveError>();
    message::<file::LoadError>();
}
