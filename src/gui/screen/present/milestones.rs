//! Milestones on a timeline over the period: when each is due, when it was done, how
//! late it is, and the quarter presented as a band.

use iced::widget::{Space, canvas, column, container, row};
use iced::{Alignment, Element, Length};

use super::Message;
use super::chart::{DueMark, Timeline};
use super::layout;
use super::look::{self, Look, Scale};
use super::resolved::resolved;
use super::slides::{
    MilestoneRow, MilestoneSlide, Timing, milestone_obstacle, milestone_row_height, milestone_when,
};
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
    // The chip says what the timeline draws: late in red even when done since.
    let chip = match milestone.timing() {
        Timing::DoneLate => look::chip_with(
            Status::Behind,
            tr(language, "present.milestones.done_late"),
            s,
            look,
        ),
        _ => look::chip(milestone.status, s, look, language),
    };
    let mut label = column![
        s.bold(&milestone.name, layout::TABLE, look.text),
        row![
            container(chip).width(s.px(layout::CHIP_WIDTH)),
            s.text(when, layout::CAPTION, look.muted),
        ]
        .spacing(s.px(12.0))
        .align_y(Alignment::Center),
    ]
    .spacing(s.px(layout::ROW_SPACING));
    if let Some(obstacle) = milestone_obstacle(milestone, language) {
        label = label.push(s.text(obstacle, layout::CAPTION, look.text));
    }
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
    // The diamond the timeline draws, not a square.
    let due = resolved(
        canvas(DueMark { look, scale: s })
            .width(s.px(34.0))
            .height(s.px(34.0)),
    );
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
        mark(due, "present.milestones.legend_due"),
        mark(done.into(), "present.milestones.legend_done"),
        mark(late.into(), "present.milestones.legend_late"),
        mark(now.into(), "present.milestones.legend_now"),
    ]
    .spacing(s.px(36.0))
    .height(s.px(LEGEND))
    .align_y(Alignment::Center)
    .into()
}
