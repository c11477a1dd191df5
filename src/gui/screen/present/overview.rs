//! The overview: every change area with its element, size and progress at the quarter
//! (the review's counts as a bar, each status a colour with its number, and a legend
//! with the words).

use iced::widget::{Space, column, container, row};
use iced::{Alignment, Color, Element, Length};

use super::Message;
use super::layout;
use super::look::{Look, Scale};
use super::slides::{AreaRow, OverviewSlide};
use crate::gui::i18n::{tr, tr_with};
use crate::locale::Language;
use crate::review::{Counts, Status};
use crate::text::counted;

/// Statuses left to right on a bar: from done to not yet measurable.
pub const BAR_ORDER: [Status; 6] = Status::PROGRESS_ORDER;

pub fn view<'a>(
    slide: &'a OverviewSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    if slide.rows.is_empty() {
        return container(s.text(
            tr(language, "present.overview.none"),
            layout::BODY,
            look.muted,
        ))
        .center(Length::Fill)
        .into();
    }
    let summary = slide.summary;
    let line = tr_with(
        language,
        "present.overview.summary",
        &[
            (
                "indicators",
                &counted(language, "indicators", summary.total()),
            ),
            ("on_track", &summary.on_track.to_string()),
            ("at_risk", &summary.at_risk.to_string()),
            ("flagged", &summary.flagged().to_string()),
        ],
    );
    let mut rows = column![].spacing(s.px(14.0));
    for area in &slide.rows {
        rows = rows.push(area_row(area, s, look, language));
    }
    column![
        s.text(line, layout::SMALL, look.muted),
        rows,
        Space::new().height(Length::Fill),
        legend(s, look, language),
    ]
    .spacing(s.px(18.0))
    .into()
}

fn area_row<'a>(
    area: &'a AreaRow,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let meta = tr_with(
        language,
        "present.overview.meta",
        &[
            (
                "element",
                &tr(language, &format!("element.{:?}", area.element)),
            ),
            ("programs", &counted(language, "programs", area.programs)),
            (
                "indicators",
                &counted(language, "indicators", area.indicators),
            ),
        ],
    );
    let counts = area.counts;
    let caption = if counts.total() == 0 {
        tr(language, "present.overview.no_indicators")
    } else if counts.assessed() == 0 {
        tr(language, "present.overview.nothing_assessed")
    } else {
        tr_with(
            language,
            "present.overview.on_track_of",
            &[
                ("on_track", &counts.on_track.to_string()),
                ("assessed", &counts.assessed().to_string()),
            ],
        )
    };
    row![
        column![
            s.bold(&area.name, layout::BODY, look.text),
            s.text(meta, layout::CAPTION, look.muted),
        ]
        .spacing(s.px(2.0))
        .width(Length::FillPortion(9)),
        column![
            bar(counts, s, look),
            s.text(caption, layout::CAPTION, look.muted),
        ]
        .spacing(s.px(4.0))
        .width(Length::FillPortion(11)),
    ]
    .spacing(s.px(32.0))
    .align_y(Alignment::Center)
    .into()
}

/// The counts as one bar of coloured segments, each with its number.
pub fn bar<'a>(counts: Counts, s: Scale, look: Look) -> Element<'a, Message> {
    let height = s.px(34.0);
    if counts.total() == 0 {
        return container(Space::new())
            .width(Length::Fill)
            .height(height)
            .style(look.fill(look.surface, s.px(6.0)))
            .into();
    }
    let mut segments = row![].spacing(s.px(3.0));
    for status in BAR_ORDER {
        let count = counts.get(status);
        if count == 0 {
            continue;
        }
        let tone = look.status(status);
        segments = segments.push(
            container(s.bold(count.to_string(), layout::CAPTION, readable_on(tone)))
                .width(Length::FillPortion(count.min(u16::MAX as usize) as u16))
                .height(height)
                .center_x(Length::FillPortion(count.min(u16::MAX as usize) as u16))
                .align_y(Alignment::Center)
                .clip(true)
                .style(look.fill(tone, s.px(4.0))),
        );
    }
    segments.into()
}

/// Black or white, whichever reads better on `background`.
fn readable_on(background: Color) -> Color {
    let luminance = 0.2126 * background.r + 0.7152 * background.g + 0.0722 * background.b;
    if luminance > 0.45 {
        Color::BLACK
    } else {
        Color::WHITE
    }
}

/// The colours' words, since colour alone says nothing to a colour-blind official.
pub fn legend<'a>(s: Scale, look: Look, language: Language) -> Element<'a, Message> {
    let mut items = row![].spacing(s.px(28.0)).align_y(Alignment::Center);
    for status in BAR_ORDER {
        items = items.push(
            row![
                container(Space::new())
                    .width(s.px(22.0))
                    .height(s.px(22.0))
                    .style(look.fill(look.status(status), s.px(4.0))),
                s.text(status.label(language), layout::CAPTION, look.text),
            ]
            .spacing(s.px(8.0))
            .align_y(Alignment::Center),
        );
    }
    items.into()
}
