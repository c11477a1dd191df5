//! `forms` and `collect` on the command line, by running the built program.

use std::path::{Path, PathBuf};

use super::{Q3, corrected, filled, indicator, sample};
use crate::support::q;

/// Runs the program; returns (exit status, stdout, stderr).
fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_reform-roadmap"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn sample_file(folder: &Path) -> PathBuf {
    let path = folder.join("sukamaju.roadmap.ron");
    std::fs::write(&path, reform_roadmap::file::to_ron_string(&sample())).unwrap();
    path
}

#[test]
fn cli_forms_writes_one_named_file_per_unit() {
    let folder = tempfile::tempdir().unwrap();
    let file = sample_file(folder.path());
    let out = folder.path().join("formulir");
    let (code, stdout, stderr) = run(&[
        "forms".as_ref(),
        file.as_os_str(),
        "--quarter".as_ref(),
        "2025-Q3".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
        "--unit".as_ref(),
        "diskominfo".as_ref(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["TW III 2025 - Dinas Komunikasi dan Informatika.xlsx"]
    );
    assert!(stdout.contains("1 formulir TW III 2025"), "{stdout}");
    let (code, _, stderr) = run(&[
        "forms".as_ref(),
        file.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--unit".as_ref(),
        "tidak-ada".as_ref(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("\"tidak-ada\""), "{stderr}");
}

#[test]
fn cli_collect_exit_statuses_and_one_atomic_save() {
    let folder = tempfile::tempdir().unwrap();
    let file = sample_file(folder.path());
    let original = std::fs::read(&file).unwrap();
    let person = filled(&sample());
    let form = folder.path().join("kembali.xlsx");
    std::fs::write(&form, &person.bytes).unwrap();
    let junk = folder.path().join("bukan.xlsx");
    std::fs::write(&junk, b"bukan formulir").unwrap();
    let collect_args = |forms: &[&Path], extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["collect".as_ref(), file.as_os_str()];
        args.extend(forms.iter().map(|f| f.as_os_str()));
        args.extend(extra.iter().map(|e| std::ffi::OsStr::new(*e)));
        run(&args)
    };
    // Nothing readable: exit 2, nothing written.
    let (code, stdout, _) = collect_args(&[&junk], &[]);
    assert_eq!(code, 2, "{stdout}");
    assert_eq!(std::fs::read(&file).unwrap(), original);
    // A dry run reports and saves nothing.
    let (code, stdout, _) = collect_args(&[&form], &["--dry-run"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains(&person.wrong_address), "{stdout}");
    assert!(stdout.contains("\"dua belas\" bukan angka"), "{stdout}");
    assert_eq!(std::fs::read(&file).unwrap(), original);
    // A rejected cell: exit 1, the rest taken in one save with a .bak.
    let (code, stdout, _) = collect_args(&[&form], &["--lang", "en"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("\"dua belas\" is not a number"), "{stdout}");
    let saved = std::fs::read(&file).unwrap();
    assert_ne!(saved, original);
    assert_eq!(
        std::fs::read(reform_roadmap::file::backup_path(&file)).unwrap(),
        original
    );
    let document = reform_roadmap::file::load(&file).unwrap();
    assert_eq!(
        indicator(&document, &person.typed)
            .target_at(q(Q3))
            .unwrap()
            .actual,
        Some(12.5)
    );
    // Again: nothing changes, the file is not even rewritten.
    let (code, stdout, _) = collect_args(&[&form], &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("Tidak ada yang berubah"), "{stdout}");
    assert_eq!(std::fs::read(&file).unwrap(), saved);
    assert_eq!(
        std::fs::read(reform_roadmap::file::backup_path(&file)).unwrap(),
        original
    );
}

#[test]
fn cli_collect_of_a_clean_form_exits_0() {
    let folder = tempfile::tempdir().unwrap();
    let file = sample_file(folder.path());
    let (_, bytes) = corrected(&sample());
    let form = folder.path().join("kembali.xlsx");
    std::fs::write(&form, bytes).unwrap();
    let (code, stdout, _) = run(&["collect".as_ref(), file.as_os_str(), form.as_os_str()]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("Diambil: 1"), "{stdout}");
    assert!(stdout.contains("Belum mengirim formulir:"), "{stdout}");
}
