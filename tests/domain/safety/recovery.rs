//! Recovery copies: written, listed, restored, discarded, damaged.

use super::*;

#[test]
fn recovery_write_list_restore_discard() {
    let data = tempfile::tempdir().unwrap();
    let documents = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path().join("recovery"));
    assert!(
        store.list().is_empty(),
        "a store whose folder does not exist yet is empty"
    );

    let path = documents.path().join("rb.roadmap.ron");
    file::save(&path, &small("saved")).unwrap();
    let edited = small("saved, then edited");
    let written = store.write(Some(&path), &edited).unwrap();
    assert_eq!(
        written.document_path.as_deref(),
        Some(fs::canonicalize(&path).unwrap().as_path())
    );
    std::thread::sleep(Duration::from_millis(5));
    let untitled = small("never saved");
    store.write(None, &untitled).unwrap();

    let listed = store.list();
    assert_eq!(listed.len(), 2, "{listed:#?}");
    assert_eq!(listed[0].document_path, None, "newest first");
    assert!(listed[0].untitled.is_some());
    assert_eq!(listed[1], written);
    assert!(listed.iter().all(|e| !e.is_damaged()));
    assert!(listed[0].written_at >= listed[1].written_at);
    assert_eq!(store.restore(&listed[0]).unwrap(), untitled);
    assert_eq!(store.restore(&listed[1]).unwrap(), edited);
    for entry in &listed {
        for language in Language::ALL {
            let line = entry.describe(language);
            assert!(!line.contains("safety."), "untranslated: {line}");
        }
    }
    assert!(
        listed[1]
            .describe(Language::English)
            .contains("rb.roadmap.ron")
    );

    store.discard(&listed[1]).unwrap();
    assert_eq!(store.list().len(), 1);
    store.discard(&listed[1]).unwrap();
    store.remove_for(None).unwrap();
    assert!(store.list().is_empty());
    assert!(
        names_in(store.folder()).is_empty(),
        "{:?}",
        names_in(store.folder())
    );
}

#[test]
fn recovery_keeps_one_copy_per_document_however_its_path_is_spelled() {
    let data = tempfile::tempdir().unwrap();
    let documents = tempfile::tempdir().unwrap();
    fs::create_dir(documents.path().join("sub")).unwrap();
    let store = RecoveryStore::new(data.path());
    let path = documents.path().join("rb.roadmap.ron");
    let other = documents.path().join("lain.roadmap.ron");
    file::save(&path, &small("a")).unwrap();
    let spelled_otherwise = documents.path().join("sub/../rb.roadmap.ron");

    store.write(Some(&path), &small("first")).unwrap();
    store
        .write(Some(&spelled_otherwise), &small("second"))
        .unwrap();
    store
        .write(Some(&other), &small("other, never saved to disk"))
        .unwrap();
    let listed = store.list();
    assert_eq!(listed.len(), 2, "{listed:#?}");
    let mine = listed
        .iter()
        .find(|e| e.document_path.as_deref() == Some(fs::canonicalize(&path).unwrap().as_path()))
        .unwrap();
    assert_eq!(store.restore(mine).unwrap().title, "second");

    store.remove_for(Some(&spelled_otherwise)).unwrap();
    let left = store.list();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].document_path.as_deref(), Some(other.as_path()));
    store.remove_for(Some(&path)).unwrap();
}

#[test]
fn untitled_documents_of_two_windows_do_not_share_a_copy() {
    let data = tempfile::tempdir().unwrap();
    let first = RecoveryStore::new(data.path());
    let second = RecoveryStore::new(data.path());
    let a = first.write(None, &small("window one")).unwrap();
    let b = second.write(None, &small("window two")).unwrap();
    assert_ne!(a.untitled, b.untitled);
    assert_ne!(a.recovery_file, b.recovery_file);
    // Writing again goes to the same slot.
    let again = first.write(None, &small("window one, later")).unwrap();
    assert_eq!(again.recovery_file, a.recovery_file);
    assert_eq!(first.list().len(), 2);

    // After a crash, a new session restores window one and carries on in its file.
    let next_session = RecoveryStore::new(data.path());
    let entry = next_session
        .list()
        .into_iter()
        .find(|e| e.untitled == a.untitled)
        .unwrap();
    assert_eq!(
        next_session.restore(&entry).unwrap().title,
        "window one, later"
    );
    next_session.adopt(&entry);
    let continued = next_session
        .write(None, &small("restored and edited"))
        .unwrap();
    assert_eq!(continued.recovery_file, a.recovery_file);
    assert_eq!(next_session.list().len(), 2);
}

#[test]
fn a_reserved_untitled_slot_is_not_listed() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("untitled-1.recovery"), b"").unwrap();
    let store = RecoveryStore::new(data.path());
    assert!(store.list().is_empty());
    let entry = store.write(None, &small("x")).unwrap();
    assert_eq!(entry.untitled, Some(2), "slot 1 belongs to someone else");
}

#[test]
fn damaged_recovery_copies_are_listed_as_damaged_and_never_panic() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let documents = tempfile::tempdir().unwrap();
    let good = store
        .write(Some(&documents.path().join("a.ron")), &roadmap("good", 50))
        .unwrap();
    let bytes = fs::read(&good.recovery_file).unwrap();
    let damaged = |name: &str, contents: &[u8]| {
        let path = data.path().join(name);
        fs::write(&path, contents).unwrap();
        path
    };
    let truncated = damaged("doc-truncated.recovery", &bytes[..bytes.len() * 2 / 3]);
    let mut altered_bytes = bytes.clone();
    let last = altered_bytes.len() - 10;
    altered_bytes[last] ^= 0x01;
    let altered = damaged("doc-altered.recovery", &altered_bytes);
    let header_only = damaged(
        "doc-header-only.recovery",
        &bytes[..bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(1)
            .unwrap()
            .0
            + 1],
    );
    let garbage = damaged("doc-garbage.recovery", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let bad_json = damaged(
        "doc-json.recovery",
        b"reform-roadmap recovery 1\n{\"document\": 5}\n()",
    );
    let no_newline = damaged("doc-nl.recovery", b"reform-roadmap recovery 1");
    damaged("notes.txt", b"not a recovery file at all");
    // A header that claims a small body in a file that is huge (sparse): found out
    // from the sizes alone, without reading the gigabyte.
    let huge = data.path().join("doc-huge.recovery");
    fs::write(&huge, &bytes).unwrap();
    File::options()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();

    let listed = store.list();
    assert_eq!(listed.len(), 8, "{listed:#?}");
    for entry in &listed {
        let restored = store.restore(entry);
        if entry.recovery_file == good.recovery_file {
            assert!(!entry.is_damaged());
            assert_eq!(restored.unwrap().title, "good");
            store.discard(entry).unwrap();
            continue;
        }
        let error = restored.expect_err("a damaged copy must not restore");
        assert!(
            [
                &truncated,
                &header_only,
                &garbage,
                &bad_json,
                &no_newline,
                &huge
            ]
            .contains(&&entry.recovery_file)
                == entry.is_damaged(),
            "{entry:#?}"
        );
        if entry.recovery_file == altered {
            // Same length: only the content hash shows it.
            assert!(!entry.is_damaged());
            assert!(
                matches!(error.kind, LoadErrorKind::Damaged { .. }),
                "{error}"
            );
        }
        let line = entry.describe(Language::Indonesian);
        if entry.is_damaged() {
            assert!(line.contains("rusak"), "{line}");
        }
        store.discard(entry).unwrap();
    }
    assert_eq!(names_in(data.path()), ["notes.txt"]);
}

#[test]
fn a_large_roadmap_round_trips_through_recovery() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let big = roadmap("besar", 1500);
    let entry = store
        .write(Some(Path::new("/nowhere/besar.roadmap.ron")), &big)
        .unwrap();
    assert!(entry.size > 2_000_000, "{}", entry.size);
    let listed = store.list();
    assert_eq!(listed, std::slice::from_ref(&entry));
    assert_eq!(store.restore(&entry).unwrap(), big);
}

#[test]
fn the_default_recovery_folder_is_in_the_users_data_folder() {
    if let Some(folder) = RecoveryStore::default_folder() {
        assert!(folder.ends_with("recovery"), "{}", folder.display());
        assert!(
            folder.to_string_lossy().contains("reform-roadmap"),
            "{}",
            folder.display()
        );
    }
}
