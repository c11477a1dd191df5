//! How slides look on a projector: colours (a standard and a high-contrast set, both
//! independent of the app's light/dark theme, because a projector is not a monitor)
//! and the scale from design units to the screen.

use iced::widget::{Text, container, text};
use iced::{Background, Border, Color, Size, color};

use super::layout;
use crate::gui::widget;
use crate::review::Status;

/// The colours of a slide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    pub high_contrast: bool,
    pub background: Color,
    /// Bands and panels on the background (table stripes, bar tracks).
    pub surface: Color,
    /// The band that marks the quarter presented on charts.
    pub band: Color,
    pub text: Color,
    pub muted: Color,
    pub accent: Color,
    /// Axis and grid lines.
    pub rule: Color,
    pub target: Color,
    pub actual: Color,
    /// What fills the screen around a slide that does not have its proportions.
    pub letterbox: Color,
}

impl Look {
    pub fn new(high_contrast: bool) -> Self {
        if high_contrast {
            Self {
                high_contrast,
                background: Color::BLACK,
                surface: color!(0x262626),
                band: color!(0x404040),
                text: Color::WHITE,
                muted: color!(0xe6e6e6),
                accent: color!(0xffd60a),
                rule: color!(0xbfbfbf),
                target: Color::WHITE,
                actual: color!(0xffd60a),
                letterbox: Color::BLACK,
            }
        } else {
            // Dark text on white: what washed-out projectors show best.
            Self {
                high_contrast,
                background: Color::WHITE,
                surface: color!(0xedf1f6),
                band: color!(0xe3e9f1),
                text: color!(0x0b1220),
                muted: color!(0x3b4657),
                accent: color!(0x0b4f9c),
                rule: color!(0x8c96a5),
                target: color!(0x4a5465),
                actual: color!(0x0b6bd3),
                letterbox: color!(0x1a1d22),
            }
        }
    }

    /// A status colour, saturated enough to read on this background.
    pub fn status(self, status: Status) -> Color {
        if self.high_contrast {
            match status {
                Status::OnTrack => color!(0x5dff7a),
                Status::AtRisk => color!(0xffb020),
                Status::Behind => color!(0xff6b6b),
                Status::Missing => color!(0xe7a6ff),
                Status::NotDue => color!(0xd9d9d9),
                Status::NoTarget => color!(0xa6a6a6),
            }
        } else {
            match status {
                Status::OnTrack => color!(0x1b7a2b),
                Status::AtRisk => color!(0xa35a00),
                Status::Behind => color!(0xc0241a),
                Status::Missing => color!(0x7a2aa0),
                Status::NotDue => color!(0x5c6878),
                Status::NoTarget => color!(0x98a2ae),
            }
        }
    }

    /// The window's theme while presenting. `flip` nudges the window's background by
    /// one step of blue, invisibly: iced 0.14's tiny-skia renderer redraws only what
    /// it judges changed, misjudges some text and borders and leaves pieces of the
    /// previous slide behind; a new window background makes it redraw everything.
    /// The presentation flips it whenever another slide (or look) is shown.
    pub fn theme(self, flip: bool) -> iced::Theme {
        let step = if flip { 1.0 / 255.0 } else { 0.0 };
        let background = Color {
            b: (self.background.b - step).max(0.0),
            ..self.background
        };
        iced::Theme::custom(
            "Ekspose",
            iced::theme::Palette {
                background,
                text: self.text,
                primary: self.accent,
                success: self.status(Status::OnTrack),
                warning: self.status(Status::AtRisk),
                danger: self.status(Status::Behind),
            },
        )
    }

    pub fn background_style(self) -> impl Fn(&iced::Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(self.background)),
            text_color: Some(self.text),
            ..container::Style::default()
        }
    }

    pub fn fill(self, color: Color, radius: f32) -> impl Fn(&iced::Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(color)),
            border: Border {
                radius: radius.into(),
                ..Border::default()
            },
            ..container::Style::default()
        }
    }

    /// A status chip: the word on a tint, framed in the status colour.
    pub fn chip(self, status: Status) -> impl Fn(&iced::Theme) -> container::Style {
        let tone = self.status(status);
        let tint = if self.high_contrast { 0.0 } else { 0.12 };
        move |_| container::Style {
            background: Some(Background::Color(Color { a: tint, ..tone })),
            border: Border {
                color: tone,
                width: 2.0,
                radius: 999.0.into(),
            },
            text_color: Some(tone),
            ..container::Style::default()
        }
    }
}

/// Design units (a 1920 × 1080 slide) to screen pixels: the whole slide scaled to fit
/// the screen, keeping its proportions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale(pub f32);

impl Scale {
    pub fn fit(size: Size) -> Self {
        Self((size.width / layout::WIDTH).min(size.height / layout::HEIGHT))
    }

    pub fn px(self, units: f32) -> f32 {
        (units * self.0).max(0.0)
    }

    /// Text of `size` design units in `color`.
    pub fn text<'a>(
        self,
        content: impl text::IntoFragment<'a>,
        size: f32,
        color: Color,
    ) -> Text<'a> {
        text(content).size(self.px(size)).color(color)
    }

    pub fn bold<'a>(
        self,
        content: impl text::IntoFragment<'a>,
        size: f32,
        color: Color,
    ) -> Text<'a> {
        self.text(content, size, color).font(widget::bold())
    }
}

/// A status as colour and word (never colour alone), `CHIP_HEIGHT` tall.
pub fn chip<'a, M: 'a>(
    status: Status,
    s: Scale,
    look: Look,
    language: crate::locale::Language,
) -> iced::Element<'a, M> {
    chip_with(status, status.label(language), s, look)
}

/// A chip in `status`'s colour with other `words` (a milestone "done late").
pub fn chip_with<'a, M: 'a>(
    status: Status,
    words: String,
    s: Scale,
    look: Look,
) -> iced::Element<'a, M> {
    let tone = look.status(status);
    container(
        iced::widget::row![
            container(iced::widget::Space::new())
                .width(s.px(14.0))
                .height(s.px(14.0))
                .style(look.fill(tone, s.px(7.0))),
            s.text(words, layout::SMALL, tone),
        ]
        .spacing(s.px(8.0))
        .align_y(iced::Alignment::Center),
    )
    .padding([s.px(4.0), s.px(14.0)])
    .style(look.chip(status))
    .into()
}

/// A number with its unit of measure: `66,1%`, `8 aksi perubahan`.
pub fn measured(language: crate::locale::Language, value: f64, unit: &str) -> String {
    let number = language.number(value, 2);
    match unit.trim() {
        "" => number,
        "%" => format!("{number}%"),
        unit => format!("{number} {unit}"),
    }
}
