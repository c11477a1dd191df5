//! The command line contract, by running the built program.

use std::path::{Path, PathBuf};
use std::process::Command;

use reform_roadmap::model::{Indicator, Kind, Period, Program, Roadmap, Target, Unit};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    raw_stdout: Vec<u8>,
}

fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_reform-roadmap"))
        .args(args)
        .output()
        .expect("the program runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        raw_stdout: output.stdout,
    }
}

fn spec_example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec-example.ron")
}

fn spec_text() -> String {
    std::fs::read_to_string(spec_example()).unwrap()
}

/// Writes `text` to a file in a fresh folder; the folder lives as long as the result.
fn file_with(text: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("uji.roadmap.ron");
    std::fs::write(&path, text).unwrap();
    (folder, path)
}

fn saved(roadmap: &Roadmap) -> (tempfile::TempDir, PathBuf) {
    file_with(&reform_roadmap::file::to_ron_string(roadmap))
}

/// Asserts a failure: exit 2, nothing on stdout, one line on stderr containing `parts`.
fn assert_one_line_error(run: &Run, parts: &[&str]) {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "", "nothing on stdout");
    assert_eq!(run.stderr.lines().count(), 1, "one line: {:?}", run.stderr);
    for part in parts {
        assert!(
            run.stderr.contains(part),
            "{part:?} not in {:?}",
            run.stderr
        );
    }
}

mod commands;
mod review;
