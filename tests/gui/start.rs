//! Starting the desktop app where it cannot show a window, and choosing its renderer.

use std::path::Path;
use std::process::{Command, Output};

use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::locale::Language;
use reform_roadmap::renderer::Renderer;

/// The program with no graphical session and its config under `home`.
fn start_without_display(home: &Path, display: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reform-roadmap"));
    command
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home);
    if let Some(display) = display {
        command.env("DISPLAY", display);
    }
    command.output().unwrap()
}

fn assert_one_line_exit_2(output: &Output, expected: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line, no backtrace: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    for part in expected {
        assert!(stderr.contains(part), "{part:?} missing in {stderr}");
    }
}

#[test]
#[cfg(all(unix, not(target_os = "macos")))]
fn without_a_graphical_session_it_says_so_in_one_line() {
    let home = tempfile::tempdir().unwrap();
    let output = start_without_display(home.path(), None);
    assert_one_line_exit_2(&output, &["sesi grafis", "reform-roadmap --help"]);
}

#[test]
#[cfg(all(unix, not(target_os = "macos")))]
fn a_display_that_cannot_be_reached_is_no_session_either() {
    let home = tempfile::tempdir().unwrap();
    let output = start_without_display(home.path(), Some(":987"));
    assert_one_line_exit_2(&output, &["sesi grafis", "reform-roadmap --help"]);
}

#[test]
#[cfg(all(unix, not(target_os = "macos")))]
fn the_no_session_line_is_in_the_users_language() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("config/reform-roadmap");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.ron"), "(language: English)").unwrap();
    let output = start_without_display(home.path(), None);
    assert_one_line_exit_2(&output, &["graphical session", "reform-roadmap --help"]);
}

#[test]
fn the_renderer_button_switches_the_next_start_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let options = Options {
        file: None,
        config_path: Some(folder.path().join("config.ron")),
        recovery_folder: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
    };
    let mut app = App::new(options.clone());
    let _ = app.update(Message::LanguageSelected(Language::English));
    assert_eq!(app.renderer(), Renderer::Gpu);
    let messages = {
        let mut ui =
            iced_test::Simulator::with_settings(reform_roadmap::gui::settings(), app.view());
        ui.click("GPU")
            .expect("the renderer button is in the header");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert_eq!(app.renderer(), Renderer::Cpu);
    let notice = app.notice().expect("the change is explained");
    assert_eq!(notice.tone, Tone::Info);
    assert!(notice.text.contains("next start"), "{}", notice.text);
    assert_eq!(App::new(options).renderer(), Renderer::Cpu, "remembered");
}
