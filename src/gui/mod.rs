//! The desktop app (iced 0.14), split by screen in the Elm architecture: [`app`] holds
//! the document and routes messages; each module under [`screen`] and [`dialog`] owns
//! its state, messages, update and view, under the one [`contract`].

pub mod app;
pub(crate) mod config;
pub mod contract;
pub mod dialog;
pub(crate) mod document;
pub mod file_dialog;
pub(crate) mod i18n;
pub(crate) mod icon;
pub mod notice;
pub mod screen;
pub mod shortcut;
pub mod start;
pub(crate) mod theme;
pub(crate) mod typed;
pub(crate) mod widget;

use app::{App, Options};
use notice::Notice;

/// Fira Sans SemiBold (latin), OFL: see `assets/fonts/FIRA-SANS-OFL.txt`.
const SEMIBOLD_FONT: &[u8] = include_bytes!("../../assets/fonts/FiraSans-SemiBold.ttf");

/// iced settings shared by the real window and the headless tests: the embedded
/// fonts, so the app looks the same on a machine without them.
pub fn settings() -> iced::Settings {
    iced::Settings {
        fonts: vec![icon::FONT_BYTES.into(), SEMIBOLD_FONT.into()],
        // The embedded Fira Sans, not whatever sans-serif the system has: the same text
        // widths (and the same look) on every machine and in the headless tests.
        default_font: iced::Font::with_name("Fira Sans"),
        ..iced::Settings::default()
    }
}

/// Runs the app as `options` say, showing `notice` over it from the start. Most
/// callers want [`start::start`], which survives a failing GPU renderer.
pub fn run(options: Options, notice: Option<Notice>) -> iced::Result {
    let boot = move || {
        let (mut app, task) = App::boot(options.clone());
        if let Some(notice) = notice.clone() {
            app.show_notice(notice);
        }
        (app, task)
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .settings(settings())
        .window(iced::window::Settings {
            size: iced::Size::new(1280.0, 800.0),
            min_size: Some(iced::Size::new(960.0, 600.0)),
            icon: window_icon(),
            platform_specific: platform_specific(),
            ..iced::window::Settings::default()
        })
        .exit_on_close_request(false)
        .run()
}

/// On Linux the window's app id (Wayland) and class (X11) match the .desktop entry
/// (`assets/reform-roadmap.desktop`), so the desktop shows the entry's name and icon.
#[cfg(target_os = "linux")]
fn platform_specific() -> iced::window::settings::PlatformSpecific {
    iced::window::settings::PlatformSpecific {
        application_id: "reform-roadmap".to_owned(),
        ..Default::default()
    }
}

#[cfg(not(target_os = "linux"))]
fn platform_specific() -> iced::window::settings::PlatformSpecific {
    iced::window::settings::PlatformSpecific::default()
}

/// The app's icon (`assets/icons/`) for the window's title bar and task bar.
fn window_icon() -> Option<iced::window::Icon> {
    const PNG: &[u8] = include_bytes!("../../assets/icons/reform-roadmap-64.png");
    let mut reader = png::Decoder::new(std::io::Cursor::new(PNG))
        .read_info()
        .ok()?;
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut pixels).ok()?;
    // The icon is stored as 8-bit RGBA, which is what the window wants.
    if frame.color_type != png::ColorType::Rgba || frame.bit_depth != png::BitDepth::Eight {
        return None;
    }
    pixels.truncate(frame.buffer_size());
    iced::window::icon::from_rgba(pixels, frame.width, frame.height).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes() {
        // A re-exported PNG in another colour type would silently leave the window bare.
        assert!(super::window_icon().is_some());
    }
}
