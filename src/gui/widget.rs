//! Small view pieces shared by the screens.

use iced::widget::{
    Space, button, center, column, container, mouse_area, opaque, row, stack, text, tooltip,
};
use iced::{Alignment, Color, Element, Length, Theme};

use super::icon::Icon;
use super::theme;
use crate::locale::Language;
use crate::review::Status;

/// A status as colour AND word, so it reads without colour too.
pub fn status_chip<'a, M: 'a>(status: Status, language: Language) -> Element<'a, M> {
    container(
        row![status_dot(status), text(status.label(language)).size(13)]
            .spacing(6)
            .align_y(Alignment::Center),
    )
    .padding([2, 10])
    .style(move |theme: &Theme| theme::chip(theme::status_color(theme, status))(theme))
    .into()
}

/// A coloured dot for a status.
pub fn status_dot<'a, M: 'a>(status: Status) -> Element<'a, M> {
    container(Space::new().width(10).height(10))
        .style(move |theme: &Theme| container::Style {
            background: Some(theme::status_color(theme, status).into()),
            border: iced::Border {
                radius: 5.0.into(),
                ..iced::Border::default()
            },
            ..container::Style::default()
        })
        .into()
}

/// A labelled form field: the label above the control.
pub fn field<'a, M: 'a>(label: String, control: impl Into<Element<'a, M>>) -> Element<'a, M> {
    column![text(label).size(13).style(muted_text), control.into()]
        .spacing(4)
        .width(Length::Fill)
        .into()
}

/// A labelled field with a line under it that explains a problem with its content.
pub fn field_with_error<'a, M: 'a>(
    label: String,
    control: impl Into<Element<'a, M>>,
    error: Option<String>,
) -> Element<'a, M> {
    let mut content = column![text(label).size(13).style(muted_text), control.into()].spacing(4);
    if let Some(error) = error {
        content = content.push(text(error).size(12).style(text::danger));
    }
    content.width(Length::Fill).into()
}

pub fn muted_text(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme::muted(theme)),
    }
}

/// An icon button with a tooltip; disabled when `on_press` is `None`.
pub fn tool_button<'a, M: Clone + 'a>(
    icon: Icon,
    tip: String,
    on_press: Option<M>,
) -> Element<'a, M> {
    tool_button_padded(icon, tip, on_press, 8)
}

/// [`tool_button`] narrower at the sides, for a row of many (the header's files keep
/// room for the document's name in a 1024 px window).
pub fn tool_button_padded<'a, M: Clone + 'a>(
    icon: Icon,
    tip: String,
    on_press: Option<M>,
    sides: u16,
) -> Element<'a, M> {
    let button = button(icon.sized(18))
        .padding([6, sides])
        .style(theme::tool)
        .on_press_maybe(on_press);
    tooltip(
        button,
        container(text(tip).size(13))
            .padding([4, 8])
            .style(container::rounded_box),
        tooltip::Position::Bottom,
    )
    .gap(4)
    .into()
}

/// An icon with a text label, as a quiet button.
pub fn labeled_button<'a, M: Clone + 'a>(
    icon: Icon,
    label: String,
    on_press: Option<M>,
) -> iced::widget::Button<'a, M> {
    button(
        row![icon.view(), text(label).size(14)]
            .spacing(6)
            .align_y(Alignment::Center),
    )
    .padding([6, 10])
    .style(theme::tool)
    .on_press_maybe(on_press)
}

/// A titled group of fields.
pub fn section<'a, M: 'a>(title: String, content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    column![text(title).size(16).font(bold()), content.into()]
        .spacing(10)
        .into()
}

/// Headings: Fira Sans SemiBold, embedded like the regular face, so headings look the
/// same on every machine instead of falling back to whatever bold the system has.
pub fn bold() -> iced::Font {
    iced::Font {
        weight: iced::font::Weight::Semibold,
        ..iced::Font::with_name("Fira Sans SemiBold")
    }
}

/// A notice bar in a tone (danger, warning, primary).
pub fn notice<'a, M: 'a>(
    tone: fn(&Theme) -> Color,
    content: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    container(content)
        .padding([8, 12])
        .width(Length::Fill)
        .style(move |theme: &Theme| theme::notice(tone(theme))(theme))
        .into()
}

/// `notice` floating over the lower edge of what it is stacked on: centred, at most
/// 760 pixels wide, on an opaque ground, so nothing under the pointer moves when it
/// comes or goes.
pub fn floating<'a, M: 'a>(notice: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(container(notice).max_width(760).style(theme::floating))
        .width(Length::Fill)
        .height(Length::Fill)
        .align_bottom(Length::Fill)
        .center_x(Length::Fill)
        .padding([20, 16])
        .into()
}

pub fn danger(theme: &Theme) -> Color {
    theme.palette().danger
}

pub fn warning(theme: &Theme) -> Color {
    theme.palette().warning
}

pub fn primary(theme: &Theme) -> Color {
    theme.palette().primary
}

/// `content` as a dialog over a dimmed `base`; clicking outside sends `on_blur`.
pub fn modal<'a, M: Clone + 'a>(
    base: impl Into<Element<'a, M>>,
    content: impl Into<Element<'a, M>>,
    on_blur: M,
) -> Element<'a, M> {
    over_dimmed(base, card(content, 640), 0, Some(on_blur))
}

/// [`modal`] for a dialog that holds work (choices made between a form and the
/// document): a click beside it does nothing; it closes by its own buttons or Esc.
pub fn modal_holding_work<'a, M: Clone + 'a>(
    base: impl Into<Element<'a, M>>,
    content: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    over_dimmed(base, card(content, 640), 0, None)
}

/// [`modal`] for a dialog that needs the room: up to 1,000 pixels wide and the
/// window's height (its content scrolls inside). Such a dialog holds work (choices
/// made, words typed), so a click beside it does nothing: a stray click, or one
/// that closes a pick list's menu, must not throw that work away. It closes by its
/// own buttons or Esc.
pub fn modal_wide<'a, M: Clone + 'a>(
    base: impl Into<Element<'a, M>>,
    content: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    over_dimmed(base, card(content, 1000).height(Length::Fill), 24, None)
}

/// A dialog's card: `content` padded, at most `max_width` wide.
fn card<'a, M: 'a>(
    content: impl Into<Element<'a, M>>,
    max_width: u32,
) -> container::Container<'a, M> {
    container(content)
        .padding(24)
        .max_width(max_width)
        .style(theme::dialog)
}

/// `card` centred over `base` dimmed, `margin` pixels from the window's edges; a
/// click beside it sends `on_blur`, if any. Opaque: the page under it gets no clicks.
fn over_dimmed<'a, M: Clone + 'a>(
    base: impl Into<Element<'a, M>>,
    card: container::Container<'a, M>,
    margin: u16,
    on_blur: Option<M>,
) -> Element<'a, M> {
    let dimmed = center(opaque(card))
        .padding(margin)
        .style(|_theme| container::Style {
            background: Some(Color::from_rgba(0.0, 0.0, 0.0, 0.55).into()),
            ..container::Style::default()
        });
    let overlay: Element<'a, M> = match on_blur {
        Some(on_blur) => mouse_area(dimmed).on_press(on_blur).into(),
        None => dimmed.into(),
    };
    stack![base.into(), opaque(overlay)].into()
}

/// A table's column heading: small, muted, on one line.
pub fn column_heading<'a>(words: String) -> iced::widget::Text<'a> {
    text(words)
        .size(12)
        .style(muted_text)
        .wrapping(iced::widget::text::Wrapping::None)
}

/// A value with the words it is shown as, for pick lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled<T> {
    pub value: T,
    label: String,
}

impl<T> Labelled<T> {
    pub fn new(value: T, label: String) -> Self {
        Self { value, label }
    }
}

impl<T> std::fmt::Display for Labelled<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}
