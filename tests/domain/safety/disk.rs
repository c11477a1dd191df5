//! Changes on disk: the fingerprint sees what changed since the document was read.

use super::*;

#[test]
fn fingerprint_sees_unchanged_touched_changed_and_missing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    file::save(&path, &small("Versi A")).unwrap();
    let (loaded, known) = file::load_with_fingerprint(&path).unwrap();
    assert_eq!(loaded.title, "Versi A");
    assert_eq!(Fingerprint::read(&path).unwrap(), known);
    assert_eq!(
        check(&path, &known),
        DiskState::Unchanged { refreshed: None }
    );

    // Touched: same bytes, newer time. Unchanged, with a fingerprint to keep.
    set_modified(&path, SystemTime::now() + Duration::from_secs(60));
    let DiskState::Unchanged {
        refreshed: Some(refreshed),
    } = check(&path, &known)
    else {
        panic!("a touched file is unchanged");
    };
    assert!(refreshed.same_content(&known));
    assert_eq!(
        check(&path, &refreshed),
        DiskState::Unchanged { refreshed: None }
    );

    // Rewritten in place with other bytes of the same length, and the modification
    // time put back: the status-change time still gives it away.
    let original = fs::read(&path).unwrap();
    let rewritten = String::from_utf8(original.clone())
        .unwrap()
        .replace("Versi A", "Versi B");
    assert_eq!(rewritten.len(), original.len());
    fs::write(&path, &rewritten).unwrap();
    set_modified(&path, refreshed.modified);
    assert_eq!(fs::metadata(&path).unwrap().len(), refreshed.size);
    assert_eq!(
        fs::metadata(&path).unwrap().modified().unwrap(),
        refreshed.modified
    );
    let DiskState::Changed { current } = check(&path, &refreshed) else {
        panic!("a same-size rewrite with the old time is a change");
    };
    assert_eq!(current, Fingerprint::read(&path).unwrap());
    assert!(matches!(
        check_content(&path, &refreshed),
        DiskState::Changed { .. }
    ));
    let message = check(&path, &refreshed)
        .describe(&path, Language::Indonesian)
        .unwrap();
    assert!(
        message.contains("rb.roadmap.ron") && message.contains("diubah"),
        "{message}"
    );

    // Where the system keeps no status-change time (Windows), only the content check
    // sees such a rewrite; that is what `check_content` before saving is for.
    let without_status = Fingerprint {
        status: None,
        ..refreshed
    };
    assert_eq!(
        check(&path, &without_status),
        DiskState::Unchanged { refreshed: None }
    );
    assert!(matches!(
        check_content(&path, &without_status),
        DiskState::Changed { .. }
    ));

    fs::remove_file(&path).unwrap();
    assert_eq!(check(&path, &known), DiskState::Missing);
    assert_eq!(check_content(&path, &known), DiskState::Missing);
    drop(folder);
    assert_eq!(check(&path, &known), DiskState::Missing, "folder gone");
}

#[test]
fn a_save_gives_the_fingerprint_of_what_it_wrote() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    file::save(&path, &small("first")).unwrap();
    let written = file::save_with_fingerprint(&path, &small("second")).unwrap();
    // The cheap check passes straight away: no reading, no refresh needed.
    assert_eq!(
        check(&path, &written),
        DiskState::Unchanged { refreshed: None }
    );
    let (loaded, read) = file::load_with_fingerprint(&path).unwrap();
    assert_eq!(loaded.title, "second");
    assert_eq!(read, written);

    // A colleague replaces the file by saving (rename over it).
    file::save(&path, &small("colleague's")).unwrap();
    assert!(check(&path, &written).needs_attention());
}

#[test]
fn a_folder_in_place_of_the_file_is_missing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    file::save(&path, &small("x")).unwrap();
    let known = Fingerprint::read(&path).unwrap();
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    assert_eq!(check(&path, &known), DiskState::Missing);
}
