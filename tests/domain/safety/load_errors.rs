//! Load errors say what and where.

use super::*;

fn load_text(contents: &[u8]) -> reform_roadmap::file::LoadError {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    fs::write(&path, contents).unwrap();
    let error = file::load(&path).expect_err("must not load");
    assert_eq!(error.path, path);
    assert!(error.to_string().contains("rb.roadmap.ron"), "{error}");
    error
}

#[test]
fn each_load_error_says_what_and_where() {
    assert_eq!(load_text(b"").kind, LoadErrorKind::Empty);
    assert_eq!(load_text(b" \n\t\n").kind, LoadErrorKind::Empty);
    assert_eq!(
        load_text(b"(\n  title: \"a\0b\",\n)").kind,
        LoadErrorKind::NotText {
            line: 2,
            column: 12
        }
    );
    assert_eq!(
        load_text(b"\x89PNG\r\n\x1a\n").kind,
        LoadErrorKind::NotText { line: 1, column: 1 }
    );

    let error =
        load_text(b"(\n    format_version: 1,\n    title: \"T\"\n    institution: \"I\",\n)");
    let LoadErrorKind::Syntax { line, column, .. } = error.kind else {
        panic!("{error}");
    };
    assert_eq!((line, column), (4, 5), "{error}");
    assert!(error.to_string().contains("4:5"), "{error}");

    let error =
        load_text(b"(\n    format_version: 1,\n    title: \"T\",\n    instituton: \"I\",\n)");
    let LoadErrorKind::Syntax { line, field, .. } = &error.kind else {
        panic!("{error}");
    };
    assert_eq!(
        (*line, field.as_deref()),
        (4, Some("instituton")),
        "{error}"
    );
    assert!(error.to_string().contains("instituton"), "{error}");

    let error = load_text(
        b"(format_version: 0, title: \"T\", institution: \"I\", period: (start: 2025, end: 2029))",
    );
    assert_eq!(error.kind, LoadErrorKind::UnknownVersion { found: 0 });
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.roadmap.ron");
    let file_handle = File::create(&path).unwrap();
    file_handle.set_len(file::MAX_FILE_BYTES + 1).unwrap();
    let error = file::load(&path).unwrap_err();
    assert_eq!(
        error.kind,
        LoadErrorKind::TooLarge {
            size: file::MAX_FILE_BYTES + 1
        }
    );
    assert!(matches!(
        file::load_with_fingerprint(&path).unwrap_err().kind,
        LoadErrorKind::TooLarge { .. }
    ));
}

#[test]
fn a_missing_file_is_an_io_error() {
    let folder = tempfile::tempdir().unwrap();
    let error = file::load(&folder.path().join("nope.ron")).unwrap_err();
    assert!(matches!(error.kind, LoadErrorKind::Io { .. }), "{error}");
}
