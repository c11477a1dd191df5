//! Milestones on a timeline over the period: when each is due, when it was done, how
//! late it is, and the quarter presented as a band.

use iced::widget::{Space, canvas, column, container, row};
use iced::{Alignment, Element, Length};

use super::Message;
use super::chart::Timeline;
use super::layout;
use super::look::{self, Look, Scale};
use super::resolved::resolved;
use super::slides::{MilestoneRow, MilestoneSlide, milestone_row_height, milestone_when};
use crate::gui::i18n::tr;
use crate::locale::Language;
use crate::review::Status;

const COLUMNS: [u16; 2] = layout::MILESTONE_COLUMNS;
const AXIS: f32 = layout::MILESTONE_AXIS;
const LEGEND: f32 = layout::MILESTONE_LEGEND;

pub fn view<'a>(
    slide: &'a MilestoneSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let axis = row![
        Space::new().width(Length::FillPortion(COLUMNS[0])),
        resolved(
            canvas(Timeline {
                background: look.background,
                period: slide.period,
                quarter: slide.quarter,
                row: None,
                look,
                scale: s,
            })
            .width(Length::FillPortion(COLUMNS[1]))
            .height(s.px(AXIS))
        ),
    ]
    .spacing(s.px(layout::COLUMN_GAP));
    let mut rows = column![];
    for (i, milestone) in slide.rows.iter().enumerate() {
        rows = rows.push(milestone_row(
            slide,
            milestone,
            i % 2 == 1,
            s,
            look,
            language,
        ));
    }
    column![
        axis,
        rows,
        Space::new().height(Length::Fill),
        legend(s, look, language)
    ]
    .spacing(s.px(layout::STACK))
    .into()
}

fn milestone_row<'a>(
    slide: &'a MilestoneSlide,
    milestone: &'a MilestoneRow,
    striped: bool,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let when = milestone_when(milestone, language);
    let background = if striped {
        look.surface
    } else {
        look.background
    };
    let label = column![
        s.bold(&milestone.name, layout::TABLE, look.text),
        row![
            container(look::chip(milestone.status, s, look, language))
                .width(s.px(layout::CHIP_WIDTH)),
            s.text(when, layout::CAPTION, look.muted),
        ]
        .spacing(s.px(12.0))
        .align_y(Alignment::Center),
    ]
    .spacing(s.px(layout::ROW_SPACING));
    container(
        row![
            container(label)
                .width(Length::FillPortion(COLUMNS[0]))
                .clip(true),
            resolved(
                canvas(Timeline {
                    background,
                    period: slide.period,
                    quarter: slide.quarter,
                    row: Some(milestone),
                    look,
                    scale: s,
                })
                .width(Length::FillPortion(COLUMNS[1]))
                .height(Length::Fill)
            ),
        ]
        .spacing(s.px(layout::COLUMN_GAP)),
    )
    .height(s.px(milestone_row_height(milestone)))
    .padding([s.px(layout::ROW_PADDING), 0.0])
    .style(look.fill(background, 0.0))
    .into()
}

/// What the marks on the timeline mean.
fn legend<'a>(s: Scale, look: Look, language: Language) -> Element<'a, Message> {
    let mark = |content: Element<'a, Message>, key: &str| -> Element<'a, Message> {
        row![
            content,
            s.text(tr(language, key), layout::CAPTION, look.text)
        ]
        .spacing(s.px(8.0))
        .align_y(Alignment::Center)
        .into()
    };
    let due = container(Space::new())
        .width(s.px(18.0))
        .height(s.px(18.0))
        .style(move |_: &iced::Theme| iced::widget::container::Style {
            border: iced::Border {
                color: look.text,
                width: s.px(3.0).max(1.0),
                radius: 2.0.into(),
            },
            ..iced::widget::container::Style::default()
        });
    let done = container(Space::new())
        .width(s.px(20.0))
        .height(s.px(20.0))
        .style(look.fill(look.status(Status::OnTrack), s.px(10.0)));
    let late = container(Space::new())
        .width(s.px(36.0))
        .height(s.px(8.0))
        .style(look.fill(look.status(Status::Behind), 0.0));
    let now = container(Space::new())
        .width(s.px(24.0))
        .height(s.px(24.0))
        .style(look.fill(look.surface, 0.0));
    row![
        mark(due.into(), "present.milestones.legend_due"),
        mark(done.into(), "present.milestones.legend_done"),
        mark(late.into(), "present.milestones.legend_late"),
        mark(now.into(), "present.milestones.legend_now"),
    ]
    .spacing(s.px(36.0))
    .height(s.px(LEGEND))
    .align_y(Alignment::Center)
    .into()
}
