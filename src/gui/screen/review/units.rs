//! The *Unit kerja* view: the units ranked by score at the quarter (the engine's
//! scorecard), with their rating, the indicators they report, how many are flagged and
//! unexplained, and their budget absorption. A row opens the table on that unit.

use iced::widget::scrollable::{Direction, Scrollbar};
use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Alignment, Element, Length, Theme};

use super::Message;
use super::score::{rating_chip, rating_of, score_text};
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::{theme, widget};
use crate::review::UnitStanding;
use crate::text::shorten_at_word;

const RANK_WIDTH: f32 = 36.0;
const SCORE_WIDTH: f32 = 72.0;
/// "Sangat Rendah" (Permendagri 86) in its chip.
const RATING_WIDTH: f32 = 100.0;
const COUNT_WIDTH: f32 = 84.0;
/// "Belum dijelaskan" at 12 px.
const UNEXPLAINED_WIDTH: f32 = 110.0;
/// "Serapan anggaran" at 12 px.
const ABSORPTION_WIDTH: f32 = 120.0;
const SPACING: f32 = 10.0;
/// About how wide a character of a unit's name is (14 px), to cut it at a word to its
/// column.
const NAME_CHAR_WIDTH: f32 = 7.5;
const NAME_HEIGHT: f32 = 20.0;

/// The widget id of the scorecard's scrollable.
pub const UNITS_ID: &str = "review-units";

fn fixed(width: f32) -> Length {
    Length::Fixed(width)
}

pub fn view<'a>(standings: &'a [UnitStanding], context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let roadmap = context.roadmap;
    let heading = |key: &str| widget::column_heading(tr(language, key));
    let header = container(
        row![
            container(heading("review.units_rank")).width(fixed(RANK_WIDTH)),
            container(heading("review.units_unit")).width(Length::Fill),
            container(heading("review.units_score"))
                .width(fixed(SCORE_WIDTH))
                .align_right(fixed(SCORE_WIDTH)),
            container(heading("review.units_rating")).width(fixed(RATING_WIDTH)),
            container(heading("review.units_indicators"))
                .width(fixed(COUNT_WIDTH))
                .align_right(fixed(COUNT_WIDTH)),
            container(heading("review.units_flagged"))
                .width(fixed(COUNT_WIDTH))
                .align_right(fixed(COUNT_WIDTH)),
            container(heading("review.units_unexplained"))
                .width(fixed(UNEXPLAINED_WIDTH))
                .align_right(fixed(UNEXPLAINED_WIDTH)),
            container(heading("review.units_absorption"))
                .width(fixed(ABSORPTION_WIDTH))
                .align_right(fixed(ABSORPTION_WIDTH)),
        ]
        .spacing(SPACING)
        .align_y(Alignment::Center),
    )
    .padding([6, 10])
    .clip(true);

    if standings.is_empty() {
        return column![
            header,
            container(
                text(tr(language, "review.units_none"))
                    .size(14)
                    .style(widget::muted_text)
            )
            .padding(24)
            .center_x(Length::Fill),
        ]
        .into();
    }

    let mut rows: Column<'a, Message> = column![]
        .spacing(2)
        .padding(iced::Padding::ZERO.right(14.0));
    for (rank, standing) in standings.iter().enumerate() {
        let Some(unit) = roadmap.units.get(standing.unit) else {
            continue;
        };
        let count = |value: usize, width: f32, tone: Option<fn(&Theme) -> text::Style>| {
            let mut label = text(value.to_string()).size(14);
            if value > 0
                && let Some(tone) = tone
            {
                label = label.style(tone);
            }
            container(label)
                .width(fixed(width))
                .align_right(fixed(width))
        };
        let rating: Element<'a, Message> = match rating_of(roadmap, standing.score) {
            Some(rating) => rating_chip(rating, 13),
            None => text("—").size(13).style(widget::muted_text).into(),
        };
        let absorption = standing
            .absorption
            .map(|value| language.percent(value))
            .unwrap_or_else(|| "—".into());
        let cells = row![
            container(
                text((rank + 1).to_string())
                    .size(14)
                    .style(widget::muted_text)
            )
            .width(fixed(RANK_WIDTH)),
            container(unit_name(&unit.name))
                .width(Length::Fill)
                .height(Length::Fixed(NAME_HEIGHT))
                .clip(true),
            container(
                text(score_text(language, standing.score))
                    .size(14)
                    .font(widget::bold())
            )
            .width(fixed(SCORE_WIDTH))
            .align_right(fixed(SCORE_WIDTH)),
            container(rating).width(fixed(RATING_WIDTH)),
            count(standing.owned, COUNT_WIDTH, None),
            count(standing.flagged, COUNT_WIDTH, Some(text::danger)),
            count(standing.unexplained, UNEXPLAINED_WIDTH, Some(text::warning)),
            container(text(absorption).size(14))
                .width(fixed(ABSORPTION_WIDTH))
                .align_right(fixed(ABSORPTION_WIDTH)),
        ]
        .spacing(SPACING)
        .align_y(Alignment::Center);
        rows = rows.push(
            button(cells)
                .padding([8, 10])
                .width(Length::Fill)
                .style(theme::outline_row(false))
                .on_press(Message::UnitOpened(unit.id.clone())),
        );
    }

    let body = scrollable(rows)
        .id(UNITS_ID)
        .direction(Direction::Vertical(
            Scrollbar::new().width(8).scroller_width(8).margin(3),
        ))
        .height(Length::Fill);
    column![header, body].height(Length::Fill).into()
}

/// A unit's name on one line, cut at a word to the room its column has.
fn unit_name<'a>(name: &'a str) -> Element<'a, Message> {
    iced::widget::responsive(move |space| {
        text(shorten_at_word(
            name,
            ((space.width / NAME_CHAR_WIDTH) as usize).max(8),
        ))
        .size(14)
        .wrapping(text::Wrapping::None)
        .into()
    })
    .into()
}

/// The line above the scorecard, where the indicator table has its filters: what the
/// ranking is and what a click on a row does.
pub fn hint<'a>(context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    container(
        text(tr_with(
            language,
            "review.units_hint",
            &[("quarter", &language.quarter(context.quarter))],
        ))
        .size(13)
        .style(widget::muted_text),
    )
    .padding([6, 0])
    .into()
}
