//! Colours and widget styles: calm light and dark themes following the system, and
//! a colour per review status (always shown beside its word, never alone).

use iced::theme::{Mode, Palette};
use iced::widget::{button, container, text_input};
use iced::{Background, Border, Color, Theme, color};

use crate::review::Status;

pub fn light() -> Theme {
    Theme::custom(
        "Reform Roadmap Light",
        Palette {
            background: color!(0xf6f7f9),
            text: color!(0x1f2933),
            primary: color!(0x1d5fa8),
            success: color!(0x2e7d32),
            warning: color!(0xb26a00),
            danger: color!(0xc0392b),
        },
    )
}

pub fn dark() -> Theme {
    Theme::custom(
        "Reform Roadmap Dark",
        Palette {
            background: color!(0x161a20),
            text: color!(0xe6e9ee),
            primary: color!(0x6ea8fe),
            success: color!(0x5cb85c),
            warning: color!(0xe0a43a),
            danger: color!(0xef6b5e),
        },
    )
}

/// The app's theme for the system's light/dark preference.
pub fn for_mode(mode: Mode) -> Theme {
    match mode {
        Mode::Dark => dark(),
        Mode::Light | Mode::None => light(),
    }
}

pub fn is_dark(theme: &Theme) -> bool {
    let background = theme.palette().background;
    background.r + background.g + background.b < 1.5
}

/// The colour of a status, readable on the theme's background.
pub fn status_color(theme: &Theme, status: Status) -> Color {
    let dark = is_dark(theme);
    let pick = |light: Color, dark_variant: Color| if dark { dark_variant } else { light };
    match status {
        Status::OnTrack => pick(color!(0x2e7d32), color!(0x5cb85c)),
        Status::AtRisk => pick(color!(0xb26a00), color!(0xe0a43a)),
        Status::Behind => pick(color!(0xc0392b), color!(0xef6b5e)),
        Status::Missing => pick(color!(0x7b3fa0), color!(0xc18ee6)),
        Status::NotDue => pick(color!(0x5f6b7a), color!(0x9aa5b1)),
        Status::NoTarget => pick(color!(0x8a94a0), color!(0x6c7682)),
    }
}

pub fn muted(theme: &Theme) -> Color {
    let text = theme.palette().text;
    Color { a: 0.62, ..text }
}

/// Panels (outline, forms) that sit on the window background.
pub fn panel(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.base.color)),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: 8.0.into(),
        },
        ..container::Style::default()
    }
}

/// The header bar.
pub fn header(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weak.color)),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: 0.0.into(),
        },
        ..container::Style::default()
    }
}

/// A soft tinted box for notices: `tone` is the accent colour.
pub fn notice(tone: Color) -> impl Fn(&Theme) -> container::Style {
    move |theme| container::Style {
        background: Some(Background::Color(Color { a: 0.12, ..tone })),
        border: Border {
            color: Color { a: 0.55, ..tone },
            width: 1.0,
            radius: 6.0.into(),
        },
        text_color: Some(theme.palette().text),
        ..container::Style::default()
    }
}

/// The opaque ground under a notice that floats over the page (the notice's own tint
/// is translucent). No drop shadow, as for [`dialog`].
pub fn floating(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(theme.palette().background)),
        border: Border {
            radius: 6.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// The dialog card over the dimmed window. No drop shadow: the CPU renderer's partial
/// redraws leave a blurred shadow drawn over the card when a dialog opens.
pub fn dialog(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.base.color)),
        border: Border {
            color: palette.background.strong.color,
            width: 2.0,
            radius: 10.0.into(),
        },
        ..container::Style::default()
    }
}

/// A chip: the status word on a tint of its colour.
pub fn chip(tone: Color) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        background: Some(Background::Color(Color { a: 0.16, ..tone })),
        border: Border {
            color: tone,
            width: 1.0,
            radius: 999.0.into(),
        },
        text_color: Some(tone),
        ..container::Style::default()
    }
}

/// A row in the outline: flat, highlighted when selected.
pub fn outline_row(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let palette = theme.extended_palette();
        let background = if selected {
            Some(Background::Color(Color {
                a: 0.18,
                ..palette.primary.base.color
            }))
        } else if matches!(status, button::Status::Hovered) {
            Some(Background::Color(palette.background.weak.color))
        } else {
            None
        };
        button::Style {
            background,
            text_color: palette.background.base.text,
            border: Border {
                radius: 6.0.into(),
                ..Border::default()
            },
            ..button::Style::default()
        }
    }
}

/// Toolbar and icon buttons: quiet until hovered.
pub fn tool(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let base = button::Style {
        background: None,
        text_color: palette.background.base.text,
        border: Border {
            radius: 6.0.into(),
            ..Border::default()
        },
        ..button::Style::default()
    };
    match status {
        button::Status::Hovered | button::Status::Pressed => button::Style {
            background: Some(Background::Color(palette.background.strong.color)),
            ..base
        },
        button::Status::Disabled => button::Style {
            text_color: Color {
                a: 0.35,
                ..palette.background.base.text
            },
            ..base
        },
        button::Status::Active => base,
    }
}

/// The active tab of the screen switcher.
pub fn tab(active: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        if active {
            button::primary(theme, status)
        } else {
            tool(theme, status)
        }
    }
}

/// A text input whose content is not valid: red border, kept as typed.
pub fn invalid_input(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let base = text_input::default(theme, status);
    text_input::Style {
        border: Border {
            color: theme.palette().danger,
            width: 2.0,
            ..base.border
        },
        background: Background::Color(Color {
            a: 0.08,
            ..theme.palette().danger
        }),
        ..base
    }
}
