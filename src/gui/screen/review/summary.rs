//! The summary band: how many indicators have each status, overall and per area, as
//! stacked bars with the words beside them, the score and rating overall and per area
//! (the engine's), and what changed since the previous quarter.

use iced::widget::{Row, button, column, container, row, space, text, tooltip};
use iced::{Alignment, Element, Length, Theme};

use super::score::{rating_chip, rating_of, score_text, scored};
use super::{Message, StatusFilter};
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_count, tr_with};
use crate::gui::icon::Icon;
use crate::gui::{theme, widget};
use crate::locale::Language;
use crate::review::{Counts, Status};
use crate::text::shorten_at_word;

/// Areas per line of the band.
const AREA_COLUMNS: usize = 4;
/// The height of an area's card: name, bar, counts and score.
const AREA_CARD_HEIGHT: f32 = 50.0;
/// From this card width "3 ditandai dari 7" fits beside the score; from the next,
/// "3/7 ditandai"; below, "3/7".
const AREA_WORDS_FROM: f32 = 170.0;
const AREA_FEW_WORDS_FROM: f32 = 130.0;

/// A horizontal bar split by status, each part as wide as its share.
pub fn bar<'a>(counts: &Counts, height: f32) -> Element<'a, Message> {
    let mut parts: Row<'a, Message> = row![].height(Length::Fixed(height));
    for status in Status::ALL {
        let count = counts.get(status);
        if count == 0 {
            continue;
        }
        let portion = u16::try_from(count).unwrap_or(u16::MAX);
        parts = parts.push(
            container(space())
                .width(Length::FillPortion(portion))
                .height(Length::Fill)
                .style(move |theme: &Theme| container::Style {
                    background: Some(theme::status_color(theme, status).into()),
                    ..container::Style::default()
                }),
        );
    }
    if counts.total() == 0 {
        parts = parts.push(
            container(space())
                .width(Length::Fill)
                .height(Length::Fill)
                .style(theme::panel),
        );
    }
    container(parts)
        .width(Length::Fill)
        .clip(true)
        .style(|theme: &Theme| container::Style {
            border: iced::Border {
                radius: 3.0.into(),
                width: 0.0,
                color: iced::Color::TRANSPARENT,
            },
            background: Some(theme.extended_palette().background.strong.color.into()),
            ..container::Style::default()
        })
        .into()
}

/// The words of the bar: a dot, the count and the status for each status present.
fn legend<'a>(counts: &Counts, language: Language) -> Element<'a, Message> {
    let mut items: Row<'a, Message> = row![].spacing(14);
    for status in Status::ALL {
        let count = counts.get(status);
        if count == 0 {
            continue;
        }
        items = items.push(
            row![
                widget::status_dot(status),
                text(format!("{count} {}", status.label(language))).size(13),
            ]
            .spacing(5)
            .align_y(Alignment::Center),
        );
    }
    items.wrap().vertical_spacing(4).into()
}

pub fn view<'a>(context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let report = context.report;
    let summary = &report.summary;
    let quarter = language.quarter(context.quarter);

    let trend = |icon: Icon, key: &str, count: usize, tone: Status| {
        button(
            row![
                icon.sized(14),
                text(tr_with(language, key, &[("count", &count.to_string())])).size(13),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        )
        .padding([3, 8])
        .style(move |theme: &Theme, status| {
            let mut style = theme::tool(theme, status);
            style.text_color = theme::status_color(theme, tone);
            style
        })
        .on_press(Message::StatusSelected(StatusFilter::Changed))
    };
    let overall = column![
        row![
            text(tr_with(
                language,
                "review.summary_title",
                &[("quarter", &quarter)]
            ))
            .size(15)
            .font(widget::bold()),
            space::horizontal(),
            text(tr_count(
                language,
                "review.summary_total",
                summary.total(),
                &[("flagged", &summary.flagged().to_string())]
            ))
            .size(13)
            .style(widget::muted_text),
        ]
        .align_y(Alignment::Center),
        row![
            text(tr(language, "review.score_overall"))
                .size(13)
                .style(widget::muted_text),
            scored(context.roadmap, language, report.scores.document, 18),
        ]
        .spacing(8)
        .align_y(Alignment::Center),
        bar(summary, 14.0),
        legend(summary, language),
        row![
            trend(
                Icon::Warning,
                "review.newly_behind",
                report.newly_behind.len(),
                Status::Behind
            ),
            trend(
                Icon::Warning,
                "review.newly_missing",
                report.newly_missing.len(),
                Status::Missing
            ),
            trend(
                Icon::OnTrack,
                "review.recovered",
                report.recovered.len(),
                Status::OnTrack
            ),
            text(tr_with(
                language,
                "review.since",
                &[("quarter", &language.quarter(context.quarter.previous()))]
            ))
            .size(12)
            .style(widget::muted_text)
            .wrapping(iced::widget::text::Wrapping::None),
        ]
        .spacing(6)
        .align_y(Alignment::Center)
        // Whole words on a second line rather than "dibanding" over three.
        .wrap()
        .vertical_spacing(2),
    ]
    .spacing(6)
    .width(Length::FillPortion(2));

    let mut grid = column![].spacing(6).width(Length::FillPortion(3));
    let areas = &context.roadmap.areas;
    for (start, chunk) in report.areas.chunks(AREA_COLUMNS).enumerate() {
        let mut line: Row<'a, Message> = row![].spacing(12);
        for (offset, counts) in chunk.iter().enumerate() {
            let a = start * AREA_COLUMNS + offset;
            let name = areas.get(a).map_or("", |area| area.name.as_str());
            let score = report.scores.areas.get(a).copied().flatten();
            let card = button(area_card(context, name, *counts, score))
                .padding([3, 4])
                .width(Length::Fill)
                .style(theme::outline_row(false))
                .on_press(Message::AreaSelected(Some(a)));
            // The card may have cut the name and the counts: the tooltip says all.
            let mut whole = format!(
                "{name}: {}",
                tr_with(
                    language,
                    "review.area_counts",
                    &[
                        ("flagged", &counts.flagged().to_string()),
                        ("total", &counts.total().to_string())
                    ]
                )
            );
            if score.is_some() {
                whole.push_str(&format!(
                    " · {} {}",
                    tr(language, "review.units_score").to_lowercase(),
                    score_text(language, score)
                ));
                if let Some(rating) = rating_of(context.roadmap, score) {
                    whole.push_str(&format!(" ({rating})"));
                }
            }
            line = line.push(
                container(tooltip(
                    card,
                    container(text(whole).size(12))
                        .padding([4, 8])
                        .max_width(360)
                        .style(container::rounded_box),
                    tooltip::Position::Bottom,
                ))
                .width(Length::FillPortion(1)),
            );
        }
        for _ in chunk.len()..AREA_COLUMNS {
            line = line.push(space().width(Length::FillPortion(1)));
        }
        grid = grid.push(line);
    }

    container(row![overall, grid].spacing(24))
        .padding([10, 14])
        .width(Length::Fill)
        .style(theme::panel)
        .into()
}

/// An area's card: its name, its bar, how many are flagged and its score, each fitted
/// to the card's width (a quarter of the band: about 120 pixels at 1024).
fn area_card<'a>(
    context: &Context<'a>,
    name: &'a str,
    counts: Counts,
    score: Option<f64>,
) -> Element<'a, Message> {
    let language = context.language;
    let roadmap = context.roadmap;
    let score_line = score_text(language, score);
    let rating = rating_of(roadmap, score);
    let content = iced::widget::responsive(move |space| {
        // About 6.5 px a character of the name at 12 px.
        let name = shorten_at_word(name, ((space.width / 6.5) as usize).max(6));
        let flagged = counts.flagged().to_string();
        let total = counts.total().to_string();
        let words = if space.width >= AREA_WORDS_FROM {
            "review.area_counts"
        } else if space.width >= AREA_FEW_WORDS_FROM {
            "review.area_counts_short"
        } else {
            "review.area_counts_shortest"
        };
        let mut scored: Row<'a, Message> = row![
            text(score_line.clone())
                .size(12)
                .font(widget::bold())
                .wrapping(iced::widget::text::Wrapping::None)
        ]
        .spacing(4)
        .align_y(Alignment::Center);
        if let Some(rating) = &rating {
            scored = scored.push(rating_chip(rating.clone(), 11));
        }
        column![
            text(name)
                .size(12)
                .wrapping(iced::widget::text::Wrapping::None),
            bar(&counts, 8.0),
            row![
                text(tr_with(
                    language,
                    words,
                    &[("flagged", &flagged), ("total", &total)]
                ))
                .size(11)
                .width(Length::Fill)
                .wrapping(iced::widget::text::Wrapping::None)
                .style(widget::muted_text),
                scored,
            ]
            .spacing(4)
            .align_y(Alignment::Center),
        ]
        .spacing(3)
        .into()
    });
    container(content)
        .height(Length::Fixed(AREA_CARD_HEIGHT))
        .clip(true)
        .into()
}

/// The one-line summary shown when the band is folded away.
pub fn folded<'a>(context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let summary = &context.report.summary;
    container(
        row![
            container(bar(summary, 10.0)).width(Length::Fixed(240.0)),
            // The score before the legend: the legend wraps, the score must not be cut.
            text(tr(language, "review.score_overall"))
                .size(13)
                .style(widget::muted_text)
                .wrapping(iced::widget::text::Wrapping::None),
            scored(
                context.roadmap,
                language,
                context.report.scores.document,
                14
            ),
            legend(summary, language),
        ]
        .spacing(14)
        .align_y(Alignment::Center),
    )
    .padding([6, 14])
    .width(Length::Fill)
    .style(theme::panel)
    .into()
}
