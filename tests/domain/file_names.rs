//! File names Windows can hold: the rules as a table, the repair, and the command line
//! refusing an export name that would not survive on a Windows share.

use std::path::Path;
use std::process::Command;

use reform_roadmap::file::names::{NameProblem, check_file_name, check_path, safe_file_name};
use reform_roadmap::locale::Language;

#[test]
fn windows_name_rules() {
    use NameProblem::*;
    let reserved = |word: &str| Err(ReservedName(word.to_owned()));
    for (name, expected) in [
        ("monev-2025-Q3.xlsx", Ok(())),
        ("Road Map RB Kab. Contoh 2025–2029.roadmap.ron", Ok(())),
        ("laporan (final).csv", Ok(())),
        ("CONSOLE.txt", Ok(())),
        ("com10.txt", Ok(())),
        ("LPT0", Ok(())),
        ("nul-laporan.csv", Ok(())),
        ("", Err(Empty)),
        ("monev: TW II.xlsx", Err(ReservedCharacter(':'))),
        ("apa?.csv", Err(ReservedCharacter('?'))),
        ("*.csv", Err(ReservedCharacter('*'))),
        ("a<b.csv", Err(ReservedCharacter('<'))),
        ("a>b.csv", Err(ReservedCharacter('>'))),
        ("a|b.csv", Err(ReservedCharacter('|'))),
        ("\"kutip\".csv", Err(ReservedCharacter('"'))),
        ("a\\b.csv", Err(ReservedCharacter('\\'))),
        ("tab\there.csv", Err(ControlCharacter(9))),
        ("laporan.", Err(TrailingDotOrSpace)),
        ("laporan.csv ", Err(TrailingDotOrSpace)),
        ("CON", reserved("CON")),
        ("prn.html", reserved("prn")),
        ("Aux.tar.gz", reserved("Aux")),
        ("NUL .csv", reserved("NUL")),
        ("COM1.xlsx", reserved("COM1")),
        ("com9", reserved("com9")),
        ("LPT3.csv", reserved("LPT3")),
        ("COM¹.csv", reserved("COM¹")),
        (&"a".repeat(256), Err(TooLong)),
    ] {
        let got = check_file_name(name).map_err(|bad| bad.problem);
        assert_eq!(got, expected, "{name:?}");
    }
    assert!(
        check_file_name(&"é".repeat(255)).is_ok(),
        "255 UTF-16 units is the limit"
    );
}

#[test]
fn safe_names_always_pass_and_keep_what_they_can() {
    for (name, expected) in [
        ("monev: TW II/2025?", "monev- TW II-2025-"),
        ("laporan. . ", "laporan"),
        ("con.csv", "_con.csv"),
        ("LPT1", "_LPT1"),
        ("...", "_"),
        ("", "_"),
        ("Kab. Contoh", "Kab. Contoh"),
    ] {
        let safe = safe_file_name(name);
        assert_eq!(safe, expected, "{name:?}");
        assert_eq!(check_file_name(&safe), Ok(()), "{name:?} -> {safe:?}");
    }
    let long = safe_file_name(&format!("{}. x", "ü".repeat(300)));
    assert_eq!(long.encode_utf16().count(), 255);
    assert_eq!(check_file_name(&long), Ok(()));
}

#[test]
fn paths_are_judged_by_their_last_name_only() {
    // A network share or a drive letter in the folder part is the folder's business.
    let share = check_path(Path::new(r"\\server\share\monev.csv"));
    if cfg!(windows) {
        assert_eq!(share, Ok(()));
    } else {
        // Not a path here but one name full of backslashes: refused, rightly.
        assert_eq!(
            share.unwrap_err().problem,
            NameProblem::ReservedCharacter('\\')
        );
    }
    assert_eq!(check_path(Path::new("/srv/data/monev.csv")), Ok(()));
    let bad = check_path(Path::new("/srv/data/monev:TW II.csv")).unwrap_err();
    assert_eq!(bad.name, "monev:TW II.csv");
}

#[test]
fn the_message_names_the_file_and_the_fix_in_both_languages() {
    let bad = check_file_name("monev: TW II.xlsx").unwrap_err();
    let id = bad.message(Language::Indonesian);
    assert!(
        id.contains("\"monev: TW II.xlsx\"") && id.contains("\":\"") && id.contains("ganti"),
        "{id}"
    );
    let en = bad.message(Language::English);
    assert!(en.contains("Windows does not accept \":\""), "{en}");
    let reserved = check_file_name("nul.csv").unwrap_err();
    assert!(
        reserved
            .message(Language::Indonesian)
            .contains("\"nul\" adalah nama perangkat")
    );
}

#[test]
fn the_command_line_refuses_an_export_name_windows_cannot_hold() {
    let folder = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.roadmap.ron");
    let target = folder.path().join("monev: TW III.csv");
    let output = Command::new(env!("CARGO_BIN_EXE_reform-roadmap"))
        .arg("export")
        .arg(&sample)
        .arg("--to")
        .arg(&target)
        .args(["--quarter", "2025-Q3"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("Windows tidak menerima tanda \":\""),
        "{stderr}"
    );
    assert!(!target.exists());
}
