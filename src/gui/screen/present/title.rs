//! The title slide: who presents what, over which period, towards which vision.

use iced::widget::{Space, column, container};
use iced::{Element, Length};

use super::Message;
use super::layout;
use super::look::{Look, Scale};
use super::slides::TitleSlide;
use crate::gui::i18n::{tr, tr_with};
use crate::locale::Language;

pub fn view<'a>(
    slide: &'a TitleSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let subtitle = tr_with(
        language,
        "present.title.subtitle",
        &[("quarter", &language.quarter(slide.quarter))],
    );
    let period = tr_with(
        language,
        "present.title.period",
        &[
            ("start", &slide.period.start.to_string()),
            ("end", &slide.period.end.to_string()),
        ],
    );
    let mut content = column![
        s.text(&slide.institution, layout::BODY + 2.0, look.muted),
        s.bold(&slide.title, 62.0, look.text),
        container(Space::new())
            .width(s.px(180.0))
            .height(s.px(8.0))
            .style(look.fill(look.accent, s.px(4.0))),
        s.bold(subtitle, layout::BODY + 6.0, look.accent),
        s.text(period, layout::BODY, look.muted),
    ]
    .spacing(s.px(22.0));
    if let Some(vision) = &slide.vision {
        content = content.push(Space::new().height(s.px(16.0))).push(
            column![
                s.bold(
                    tr(language, "present.title.vision"),
                    layout::SMALL,
                    look.muted
                ),
                s.text(vision, layout::BODY + 2.0, look.text),
            ]
            .spacing(s.px(8.0)),
        );
    }
    container(content.max_width(s.px(1500.0)))
        .height(Length::Fill)
        .align_y(iced::Alignment::Center)
        .into()
}
