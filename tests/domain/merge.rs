//! Working together through git: the diff driver shows changes in words, the merge
//! driver merges by id where plain git conflicts, and a real conflict leaves a file
//! that loads with the conflict told in words. Runs the built program and git.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use reform_roadmap::file::{load, to_ron_string};
use reform_roadmap::model::Roadmap;
use reform_roadmap::sample::sample;

const FILE: &str = "rb.roadmap.ron";

fn program() -> Command {
    Command::new(env!("CARGO_BIN_EXE_reform-roadmap"))
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// stdout and stderr together.
fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Two numeric indicators' ids, each with its first two target quarters.
fn two_indicators(roadmap: &Roadmap) -> [(String, [String; 2]); 2] {
    let mut found = roadmap
        .indicators()
        .map(|(_, _, i)| i)
        .filter(|i| i.targets.len() >= 2)
        .map(|i| {
            let mut keys = i.targets.keys().cloned();
            (i.id.clone(), [keys.next().unwrap(), keys.next().unwrap()])
        });
    [found.next().unwrap(), found.next().unwrap()]
}

fn set_target(roadmap: &mut Roadmap, id: &str, quarter: &str, value: f64) {
    let indicator = roadmap
        .areas
        .iter_mut()
        .flat_map(|a| &mut a.programs)
        .flat_map(|p| &mut p.indicators)
        .find(|i| i.id == id)
        .unwrap();
    indicator.targets.get_mut(quarter).unwrap().target = value;
}

/// A repository with the sample committed on `master`, and branch `a` (from it) and
/// `b` (checked out, from it) each committing their edit of the document.
fn repository(a: impl Fn(&mut Roadmap), b: impl Fn(&mut Roadmap)) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().to_owned();
    git_ok(&dir, &["init", "-q", "-b", "master"]);
    git_ok(&dir, &["config", "user.name", "Uji"]);
    git_ok(&dir, &["config", "user.email", "uji@example.go.id"]);
    let commit = |roadmap: &Roadmap, message: &str| {
        std::fs::write(dir.join(FILE), to_ron_string(roadmap)).unwrap();
        git_ok(&dir, &["add", FILE]);
        git_ok(&dir, &["commit", "-q", "--allow-empty", "-m", message]);
    };
    commit(&sample(), "base");
    for (branch, edit) in [("a", &a as &dyn Fn(&mut Roadmap)), ("b", &b)] {
        git_ok(&dir, &["checkout", "-q", "master"]);
        git_ok(&dir, &["checkout", "-q", "-b", branch]);
        let mut roadmap = sample();
        edit(&mut roadmap);
        commit(&roadmap, branch);
    }
    (folder, dir)
}

fn set_up_drivers(dir: &Path) {
    let out = program().arg("git-setup").arg(dir).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    git_ok(dir, &["add", ".gitattributes"]);
    git_ok(dir, &["commit", "-q", "-m", "drivers"]);
}

#[test]
fn neighbouring_target_lines_conflict_in_plain_git_and_merge_cleanly_by_id() {
    let [(x, [x1, x2]), (y, [y1, y2])] = two_indicators(&sample());
    let edit_a = |r: &mut Roadmap| {
        set_target(r, &x, &x1, 11.0);
        set_target(r, &y, &y1, 21.0);
    };
    let edit_b = |r: &mut Roadmap| {
        set_target(r, &x, &x2, 12.0);
        set_target(r, &y, &y2, 22.0);
    };
    let (_folder, dir) = repository(edit_a, edit_b);
    let mut expected = sample();
    edit_a(&mut expected);
    edit_b(&mut expected);

    // Plain git: the edits touch neighbouring lines, so it stops with markers.
    let plain = git(&dir, &["merge", "a", "-m", "plain"]);
    assert!(!plain.status.success(), "{}", text(&plain));
    assert!(text(&plain).contains("CONFLICT"), "{}", text(&plain));
    let marked = std::fs::read_to_string(dir.join(FILE)).unwrap();
    assert!(marked.contains("<<<<<<<") && marked.contains(">>>>>>>"));
    assert!(
        load(&dir.join(FILE)).is_err(),
        "a file with markers does not load"
    );
    git_ok(&dir, &["merge", "--abort"]);

    set_up_drivers(&dir);
    let merged = git(&dir, &["merge", "a", "-m", "by id"]);
    assert!(merged.status.success(), "{}", text(&merged));
    assert!(
        text(&merged).contains("digabung tanpa konflik"),
        "{}",
        text(&merged)
    );
    assert_eq!(load(&dir.join(FILE)).unwrap(), expected);
    assert_eq!(
        std::fs::read_to_string(dir.join(FILE)).unwrap(),
        to_ron_string(&expected),
        "written in the program's own format"
    );
}

#[test]
fn the_same_cell_changed_differently_is_a_conflict_in_words_and_the_file_loads() {
    let [(x, [x1, _]), _] = two_indicators(&sample());
    let (_folder, dir) = repository(
        |r| set_target(r, &x, &x1, 61.5),
        |r| set_target(r, &x, &x1, 62.0),
    );
    set_up_drivers(&dir);
    let merged = git(&dir, &["merge", "a", "-m", "same cell"]);
    assert!(!merged.status.success(), "git marks the file conflicted");
    let said = text(&merged);
    assert!(said.contains("KONFLIK"), "{said}");
    let name = sample()
        .indicators()
        .find(|(_, _, i)| i.id == x)
        .unwrap()
        .2
        .name
        .clone();
    let quarter: reform_roadmap::model::Quarter = x1.parse().unwrap();
    let words = format!(
        "{}, target *{name}*: kita 62, mereka 61,50",
        quarter.label_id()
    );
    assert!(said.contains(&words), "{words:?} not in {said}");
    let file = std::fs::read_to_string(dir.join(FILE)).unwrap();
    assert!(!file.contains("<<<<<<<"), "no markers in RON");
    let mut ours = sample();
    set_target(&mut ours, &x, &x1, 62.0);
    assert_eq!(load(&dir.join(FILE)).unwrap(), ours, "our value in place");
    let status = git_ok(&dir, &["status", "--porcelain"]);
    assert!(status.contains(&format!("UU {FILE}")), "{status}");
}

#[test]
fn git_log_shows_the_change_in_words() {
    let [(x, [x1, _]), _] = two_indicators(&sample());
    let (_folder, dir) = repository(|r| set_target(r, &x, &x1, 61.5), |_| {});
    set_up_drivers(&dir);
    let log = git_ok(&dir, &["log", "-p", "-1", "a", "--", FILE]);
    let quarter: reform_roadmap::model::Quarter = x1.parse().unwrap();
    let name = sample()
        .indicators()
        .find(|(_, _, i)| i.id == x)
        .unwrap()
        .2
        .name
        .clone();
    let added = log
        .lines()
        .find(|l| l.starts_with('+') && !l.starts_with("+++"))
        .unwrap_or_else(|| panic!("{log}"));
    assert!(
        added.contains(&format!("{} · {name}: target 61,50", quarter.label_id())),
        "{log}"
    );
    assert!(!log.contains("target: 61.5"), "no RON lines: {log}");
}

#[test]
fn git_setup_is_idempotent() {
    let (_folder, dir) = repository(|_| {}, |_| {});
    std::fs::write(dir.join(".gitattributes"), "*.png binary").unwrap();
    for _ in 0..2 {
        let out = program().arg("git-setup").arg(&dir).output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
    }
    let attributes = std::fs::read_to_string(dir.join(".gitattributes")).unwrap();
    assert_eq!(
        attributes,
        "*.png binary\n*.roadmap.ron diff=reform-roadmap merge=reform-roadmap\n"
    );
    let driver = git_ok(
        &dir,
        &["config", "--get-all", "merge.reform-roadmap.driver"],
    );
    assert_eq!(driver.lines().count(), 1, "{driver}");
    assert!(driver.contains(" merge %O %A %B -o %A"), "{driver}");
    let outside = tempfile::tempdir().unwrap();
    let out = program()
        .arg("git-setup")
        .arg(outside.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[test]
fn diff_exit_status_formats_and_unreadable_files() {
    let folder = tempfile::tempdir().unwrap();
    let path = |name: &str| folder.path().join(name);
    let old = sample();
    let mut new = old.clone();
    new.title.push_str(" (revisi)");
    std::fs::write(path("old.roadmap.ron"), to_ron_string(&old)).unwrap();
    std::fs::write(path("new.roadmap.ron"), to_ron_string(&new)).unwrap();
    std::fs::write(
        path("bad.roadmap.ron"),
        "(\n  format_version: 1,\n  titel: \"x\",\n)",
    )
    .unwrap();
    let diff = |a: &str, b: &str, extra: &[&str]| {
        program()
            .arg("diff")
            .arg(path(a))
            .arg(path(b))
            .args(extra)
            .output()
            .unwrap()
    };
    let same = diff("old.roadmap.ron", "old.roadmap.ron", &[]);
    assert_eq!((same.status.code(), same.stdout.len()), (Some(0), 0));
    let changed = diff("old.roadmap.ron", "new.roadmap.ron", &["--lang", "en"]);
    assert_eq!(changed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&changed.stdout).starts_with("Title: \""));
    let json = diff("old.roadmap.ron", "new.roadmap.ron", &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["changes"][0]["path"], "title");
    assert_eq!(value["changes"][0]["new"], serde_json::json!(new.title));
    let bad = diff("old.roadmap.ron", "bad.roadmap.ron", &[]);
    assert_eq!(bad.status.code(), Some(2));
    let error = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(
        error.contains("bad.roadmap.ron") && error.contains("3:"),
        "{error}"
    );
}

#[test]
fn diff_reports_a_change_of_format_version() {
    let folder = tempfile::tempdir().unwrap();
    let old = folder.path().join("old.roadmap.ron");
    let new = folder.path().join("new.roadmap.ron");
    let text = to_ron_string(&sample());
    std::fs::write(&old, &text).unwrap();
    let current = reform_roadmap::model::FORMAT_VERSION;
    std::fs::write(
        &new,
        text.replacen(
            "format_version: 1,",
            &format!("format_version: {current},"),
            1,
        ),
    )
    .unwrap();
    let out = program()
        .args(["diff", "--lang", "en"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    if current == 1 {
        assert_eq!(out.status.code(), Some(0), "{said}");
    } else {
        assert!(
            said.contains(&format!("Format version: 1 → {current}")),
            "{said}"
        );
    }
}
