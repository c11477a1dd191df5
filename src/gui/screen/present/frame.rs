//! What every slide shares: the slide scaled onto the screen, its heading, the footer
//! with the counter and the progress line, the control bar while the mouse moves,
//! and the pointer hidden when it rests.

use iced::widget::{
    Space, button, center, column, container, mouse_area, opaque, row, space, stack, text,
    text_input,
};
use iced::{Alignment, Background, Border, Color, Element, Length, Size, mouse};

use super::look::{Look, Scale};
use super::slides::Slide;
use super::{
    Message, Presenting, Step, area, closing, flagged, layout, milestones, overview, scoreboard,
    title,
};
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::locale::Language;

/// Height of the progress line at the bottom edge.
const PROGRESS: f32 = 6.0;

pub fn view(state: &Presenting, language: Language, size: Size) -> Element<'_, Message> {
    let look = super::look::Look::new(state.high_contrast);
    let total = state.slides.len();
    let current = state.current.min(total.saturating_sub(1));
    let Some(slide_box) = slide(state, current, Chrome::Screen, language, size) else {
        return container(Space::new()).into();
    };

    let screen = center(slide_box)
        .width(Length::Fill)
        .height(Length::Fill)
        .style(move |_| container::Style {
            background: Some(Background::Color(look.letterbox)),
            ..container::Style::default()
        });

    let mut layers = stack![screen].width(Length::Fill).height(Length::Fill);
    if !state.is_idle() && !state.is_exporting() {
        let overlay = match state.export_path() {
            Some(path) => export_panel(path, total, size, look, language),
            None => controls(state, current, total, size, look, language),
        };
        let overlay = mouse_area(overlay)
            .on_enter(Message::PointerOverControls(true))
            .on_exit(Message::PointerOverControls(false));
        layers = layers.push(
            container(opaque(overlay))
                .width(Length::Fill)
                .height(Length::Fill)
                .align_x(Alignment::Center)
                .align_y(Alignment::End)
                .padding(iced::Padding {
                    bottom: controls_clearance(size),
                    ..iced::Padding::ZERO
                }),
        );
    }
    let area = mouse_area(layers)
        .on_move(|_| Message::PointerMoved)
        .on_press(Message::Go(Step::Next))
        .on_right_press(Message::Go(Step::Previous));
    if state.is_idle() {
        area.interaction(mouse::Interaction::Hidden).into()
    } else {
        area.into()
    }
}

/// What the slide is drawn for: the screen (with the progress line along its bottom)
/// or a picture (the slide alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    Screen,
    Picture,
}

/// Slide `index` of the deck scaled to `size`, without the letterbox around it.
pub fn slide(
    state: &Presenting,
    index: usize,
    chrome: Chrome,
    language: Language,
    size: Size,
) -> Option<Element<'_, Message>> {
    let s = Scale::fit(size);
    let look = super::look::Look::new(state.high_contrast);
    let total = state.slides.len();
    let current = index;
    let slide = state.slides.get(index)?;
    let body: Element<'_, Message> = match slide {
        Slide::Title(slide) => title::view(slide, s, look, language),
        Slide::Overview(slide) => overview::view(slide, s, look, language),
        Slide::Scorecard(slide) => scoreboard::scorecard(slide, s, look, language),
        Slide::Area(slide) => area::view(slide, s, look, language),
        Slide::QuickWins(slide) => scoreboard::quick_wins(slide, s, look, language),
        Slide::Ranking(slide) => scoreboard::ranking(slide, s, look, language),
        Slide::Milestones(slide) => milestones::view(slide, s, look, language),
        Slide::Flagged(slide) => flagged::view(slide, s, look, language),
        Slide::Closing(slide) => closing::view(slide, s, look, language),
    };
    let mut page = column![].spacing(s.px(layout::GAP));
    let body_height = if matches!(slide, Slide::Title(_)) {
        layout::CONTENT_HEIGHT + layout::HEADING * layout::LINE + layout::GAP
    } else {
        page = page.push(
            container(s.bold(slide.heading(language), layout::HEADING, look.text))
                .height(s.px(layout::HEADING * layout::LINE))
                .clip(true),
        );
        layout::CONTENT_HEIGHT
    };
    page = page
        .push(
            container(body)
                .width(Length::Fill)
                .height(s.px(body_height))
                .clip(true),
        )
        .push(footer(state, slide, current, total, s, look, language));
    let page = container(page)
        .padding(iced::Padding {
            top: s.px(layout::MARGIN_TOP),
            right: s.px(layout::MARGIN_X),
            bottom: 0.0,
            left: s.px(layout::MARGIN_X),
        })
        .height(s.px(layout::HEIGHT - PROGRESS));
    let mut content = column![page];
    if chrome == Chrome::Screen {
        content = content.push(progress(current, total, s, look));
    }
    Some(
        container(content)
            .width(s.px(layout::WIDTH))
            .height(s.px(layout::HEIGHT))
            .style(look.background_style())
            .clip(true)
            .into(),
    )
}

fn footer<'a>(
    state: &'a Presenting,
    slide: &'a Slide,
    current: usize,
    total: usize,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let source = match state.slides.first() {
        Some(Slide::Title(title)) if !matches!(slide, Slide::Title(_)) => {
            format!("{} · {}", title.institution, title.title)
        }
        _ => String::new(),
    };
    let counter = tr_with(
        language,
        "present.counter",
        &[
            ("n", &(current + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    container(
        row![
            container(s.text(source, layout::CAPTION, look.muted))
                .width(Length::Fill)
                .clip(true),
            s.bold(counter, layout::SMALL, look.text),
        ]
        .spacing(s.px(24.0))
        .align_y(Alignment::Center),
    )
    .height(s.px(layout::FOOTER - PROGRESS))
    .align_y(Alignment::Center)
    .into()
}

/// The thin line along the bottom edge: how far into the deck we are.
fn progress<'a>(current: usize, total: usize, s: Scale, look: Look) -> Element<'a, Message> {
    let done = (current + 1).min(u16::MAX as usize) as u16;
    let left = total.saturating_sub(current + 1).min(u16::MAX as usize) as u16;
    let mut line = row![
        container(Space::new())
            .width(Length::FillPortion(done))
            .height(Length::Fill)
            .style(look.fill(look.accent, 0.0))
    ];
    if left > 0 {
        line = line.push(
            container(Space::new())
                .width(Length::FillPortion(left))
                .height(Length::Fill)
                .style(look.fill(look.surface, 0.0)),
        );
    }
    line.height(s.px(PROGRESS).max(2.0)).into()
}

/// How far above the window's bottom edge the control bar ends: over the slide's
/// footer (counter and source) and the letterbox below the slide, never on them.
pub fn controls_clearance(size: Size) -> f32 {
    let s = Scale::fit(size);
    let letterbox = ((size.height - s.px(layout::HEIGHT)) / 2.0).max(0.0);
    letterbox + s.px(layout::FOOTER) + s.px(20.0)
}

/// The bar shown while the mouse moves: previous/next, contrast, export, exit, and
/// the outcome of the last export. Sized for the screen, not scaled down with it.
fn controls<'a>(
    state: &'a Presenting,
    current: usize,
    total: usize,
    size: Size,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let font = control_font(size);
    let control = |icon: Option<Icon>, label: String, message: Option<Message>, active: bool| {
        let mut content = row![].spacing(font * 0.4).align_y(Alignment::Center);
        if let Some(icon) = icon {
            content = content.push(icon.sized(font));
        }
        content = content.push(text(label).size(font));
        button(content)
            .padding([font * 0.35, font * 0.7])
            .style(move |_, status| control_style(look, status, active))
            .on_press_maybe(message)
    };
    let bar = row![
        control(
            Some(Icon::Back),
            tr(language, "present.previous"),
            (current > 0).then_some(Message::Go(Step::Previous)),
            false
        ),
        control(
            Some(Icon::Expand),
            tr(language, "present.next"),
            (current + 1 < total).then_some(Message::Go(Step::Next)),
            false
        ),
        space::horizontal().width(font),
        control(
            None,
            tr(language, "present.contrast"),
            Some(Message::ToggleContrast),
            state.high_contrast
        ),
        control(
            Some(Icon::Image),
            tr(language, "present.export"),
            Some(Message::OpenExport),
            false
        ),
        control(
            Some(Icon::Close),
            tr(language, "present.exit"),
            Some(Message::Exit),
            false
        ),
    ]
    .spacing(font * 0.4)
    .align_y(Alignment::Center);
    // The outcome of an export goes above the buttons, so the bar never widens over
    // the slide's counter.
    let mut content = column![].spacing(font * 0.4).align_x(Alignment::Center);
    if let Some(report) = &state.report {
        let tone = if report.is_error() {
            look.status(crate::review::Status::Behind)
        } else {
            look.text
        };
        content = content.push(
            container(text(report.text.clone()).size(font * 0.85).color(tone))
                .max_width(size.width * 0.6)
                .padding([0.0, font * 0.5]),
        );
    }
    panel(content.push(bar), font, look).into()
}

/// Where to write the slides: a folder to type (always possible) or to pick.
fn export_panel<'a>(
    path: &'a str,
    total: usize,
    size: Size,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let font = control_font(size);
    let action = |label: String, message: Message, active: bool| {
        button(text(label).size(font))
            .padding([font * 0.35, font * 0.7])
            .style(move |_, status| control_style(look, status, active))
            .on_press(message)
    };
    let content = column![
        text(tr(language, "present.export_title"))
            .size(font)
            .color(look.text),
        row![
            text_input("", path)
                .id(super::EXPORT_PATH_ID)
                .on_input(Message::ExportPathChanged)
                .on_submit(Message::StartExport)
                .size(font)
                .padding(font * 0.4)
                .width(Length::Fill),
            action(tr(language, "present.browse"), Message::ChooseFolder, false),
        ]
        .spacing(font * 0.5)
        .align_y(Alignment::Center),
        row![
            action(
                tr_with(
                    language,
                    "present.export_start",
                    &[("count", &total.to_string())]
                ),
                Message::StartExport,
                true
            ),
            action(tr(language, "present.cancel"), Message::CloseExport, false),
        ]
        .spacing(font * 0.5),
    ]
    .spacing(font * 0.6);
    panel(content, font, look).width(size.width * 0.6).into()
}

/// Controls are sized for the screen, not scaled with the slide.
fn control_font(size: Size) -> f32 {
    (size.height / 48.0).clamp(14.0, 30.0)
}

fn panel<'a>(
    content: impl Into<Element<'a, Message>>,
    font: f32,
    look: Look,
) -> container::Container<'a, Message> {
    container(content)
        .padding(font * 0.5)
        .style(move |_| container::Style {
            background: Some(Background::Color(Color {
                a: 0.94,
                ..look.surface
            })),
            border: Border {
                color: look.rule,
                width: 1.0,
                radius: (font * 0.6).into(),
            },
            text_color: Some(look.text),
            ..container::Style::default()
        })
}

fn control_style(look: Look, status: button::Status, active: bool) -> button::Style {
    let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
    let background = if active {
        Some(look.accent)
    } else if hovered {
        Some(Color {
            a: 0.18,
            ..look.accent
        })
    } else {
        None
    };
    let text_color = if active {
        look.background
    } else if matches!(status, button::Status::Disabled) {
        Color {
            a: 0.35,
            ..look.text
        }
    } else {
        look.text
    };
    button::Style {
        background: background.map(Background::Color),
        text_color,
        border: Border {
            radius: 6.0.into(),
            ..Border::default()
        },
        ..button::Style::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_control_bar_ends_above_the_footer_at_every_window_shape() {
        for (width, height) in [
            (1280.0, 800.0),
            (1920.0, 1080.0),
            (1024.0, 768.0),
            (1366.0, 768.0),
            (2560.0, 1080.0),
        ] {
            let size = Size::new(width, height);
            let s = Scale::fit(size);
            let slide_bottom = (height + s.px(layout::HEIGHT)) / 2.0;
            let footer_top = slide_bottom - s.px(layout::FOOTER);
            let bar_bottom = height - controls_clearance(size);
            assert!(
                bar_bottom <= footer_top,
                "{width}×{height}: bar ends at {bar_bottom}, footer starts at {footer_top}"
            );
        }
    }
}
