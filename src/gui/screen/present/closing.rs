//! The closing slide: what the latest recorded review (monev) said, then thanks.

use iced::widget::{Space, column, container};
use iced::{Alignment, Element, Length};

use super::Message;
use super::layout;
use super::look::{Look, Scale};
use super::slides::ClosingSlide;
use crate::gui::i18n::{tr, tr_with};
use crate::locale::Language;
use crate::text::counted;

pub fn view<'a>(
    slide: &'a ClosingSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let last = slide.part.index + 1 == slide.part.count;
    let thanks = container(s.bold(
        tr(language, "present.closing.thanks"),
        layout::HEADING + 8.0,
        look.accent,
    ))
    .width(Length::Fill)
    .align_x(Alignment::Center);

    let Some(review) = &slide.review else {
        let message = tr_with(
            language,
            "present.closing.no_review",
            &[("quarter", &language.quarter(slide.quarter))],
        );
        return column![
            Space::new().height(Length::Fill),
            container(s.text(message, layout::BODY + 2.0, look.text).center())
                .width(Length::Fill)
                .align_x(Alignment::Center)
                .padding([0.0, s.px(120.0)]),
            Space::new().height(s.px(40.0)),
            thanks,
            Space::new().height(Length::Fill),
        ]
        .into();
    };

    let by = tr_with(
        language,
        "present.closing.by",
        &[
            ("reviewer", &review.reviewer),
            ("date", &language.date(review.date)),
        ],
    );
    let flagged = tr_with(
        language,
        "present.closing.flagged",
        &[("count", &counted(language, "indicators", review.flagged))],
    );
    let notes = match &review.notes {
        Some(notes) => s.text(notes, layout::BODY, look.text),
        None => s.text(
            tr(language, "present.closing.no_notes"),
            layout::BODY,
            look.muted,
        ),
    };
    let mut content = column![
        s.text(by, layout::SMALL, look.muted),
        s.text(flagged, layout::SMALL, look.muted),
        Space::new().height(s.px(12.0)),
        notes,
        Space::new().height(Length::Fill),
    ]
    .spacing(s.px(10.0))
    .height(Length::Fill);
    if last {
        content = content.push(thanks).push(Space::new().height(s.px(20.0)));
    }
    content.into()
}
