//! Reviews recorded earlier, newest first; an opened one shows its quarter as the
//! meeting saw it (its notes and flagged list) beside today's evaluation of that
//! quarter, with the differences marked.

use std::collections::{HashMap, HashSet};

use iced::widget::{Column, button, column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length, Theme};

use super::Message;
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::{theme, widget};
use crate::model::{Review, Roadmap};
use crate::review::{ReviewReport, Status};

/// How an indicator stands now against what a recorded review said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    StillFlagged,
    /// Flagged when recorded, not flagged today (an actual came in, a target changed).
    NoLongerFlagged,
    /// Not flagged when recorded, flagged today.
    NewlyFlagged,
    /// Flagged when recorded; the indicator is no longer in the document.
    Gone,
}

impl Difference {
    pub fn key(self) -> &'static str {
        match self {
            Difference::StillFlagged => "review.diff_still",
            Difference::NoLongerFlagged => "review.diff_no_longer",
            Difference::NewlyFlagged => "review.diff_new",
            Difference::Gone => "review.diff_gone",
        }
    }
}

/// One indicator of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub id: String,
    /// The indicator's name, where it still exists.
    pub name: Option<String>,
    /// Today's status at the review's quarter.
    pub now: Option<Status>,
    pub difference: Difference,
}

/// The recorded flagged list against `report` (today's evaluation of the review's
/// quarter): recorded ids in their order, then ids flagged only today in document order.
pub fn compare(review: &Review, report: &ReviewReport, roadmap: &Roadmap) -> Vec<Compared> {
    let name_of = |index: usize| {
        roadmap
            .indicator(report.indicators[index].at())
            .map(|i| i.name.clone())
    };
    let positions: HashMap<&str, usize> = report
        .indicators
        .iter()
        .enumerate()
        .map(|(index, line)| (line.id.as_str(), index))
        .collect();
    let position = |id: &str| positions.get(id).copied();
    let recorded: HashSet<&str> = review.flagged.iter().map(String::as_str).collect();
    let mut compared: Vec<Compared> = review
        .flagged
        .iter()
        .map(|id| match position(id) {
            Some(index) => {
                let now = report.indicators[index].status();
                Compared {
                    id: id.clone(),
                    name: name_of(index),
                    now: Some(now),
                    difference: if now.is_flagged() {
                        Difference::StillFlagged
                    } else {
                        Difference::NoLongerFlagged
                    },
                }
            }
            None => Compared {
                id: id.clone(),
                name: None,
                now: None,
                difference: Difference::Gone,
            },
        })
        .collect();
    for (index, line) in report.indicators.iter().enumerate() {
        if line.is_flagged() && !recorded.contains(line.id.as_str()) {
            compared.push(Compared {
                id: line.id.clone(),
                name: name_of(index),
                now: Some(line.status()),
                difference: Difference::NewlyFlagged,
            });
        }
    }
    compared
}

pub fn view<'a>(opened: Option<usize>, context: &Context<'a>) -> Element<'a, Message> {
    match opened.and_then(|i| context.roadmap.reviews.get(i).map(|r| (i, r))) {
        Some((_, review)) => opened_view(review, context),
        None => list(context),
    }
}

fn list<'a>(context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let reviews = &context.roadmap.reviews;
    let mut items: Column<'a, Message> = column![].spacing(6);
    if reviews.is_empty() {
        items = items.push(
            text(tr(language, "review.history_empty"))
                .size(13)
                .style(widget::muted_text),
        );
    }
    for (index, review) in reviews.iter().enumerate().rev() {
        let current = review.quarter == context.quarter;
        items = items.push(
            button(
                column![
                    row![
                        text(language.quarter(review.quarter))
                            .size(14)
                            .font(widget::bold()),
                        text(language.date(review.date))
                            .size(13)
                            .style(widget::muted_text),
                        space::horizontal(),
                        Icon::Flag.sized(13),
                        text(review.flagged.len().to_string()).size(13),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                    text(review.reviewer.clone())
                        .size(13)
                        .style(widget::muted_text),
                ]
                .spacing(2),
            )
            .width(Length::Fill)
            .padding([6, 8])
            .style(theme::outline_row(current))
            .on_press(Message::OpenReview(index)),
        );
    }
    column![
        text(tr(language, "review.history_title"))
            .size(16)
            .font(widget::bold()),
        scrollable(items.padding(iced::Padding::ZERO.right(10))).height(Length::Fill),
    ]
    .spacing(8)
    .height(Length::Fill)
    .into()
}

fn opened_view<'a>(review: &'a Review, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let compared = compare(review, context.report, context.roadmap);
    let changed = compared
        .iter()
        .filter(|c| c.difference != Difference::StillFlagged)
        .count();
    let header = row![
        widget::tool_button(
            Icon::Back,
            tr(language, "review.history_back"),
            Some(Message::CloseReview)
        ),
        column![
            text(tr_with(
                language,
                "review.opened_title",
                &[("quarter", &language.quarter(review.quarter))]
            ))
            .size(16)
            .font(widget::bold()),
            text(tr_with(
                language,
                "review.opened_by",
                &[
                    ("date", &language.date(review.date)),
                    ("reviewer", &review.reviewer)
                ]
            ))
            .size(13)
            .style(widget::muted_text),
        ]
        .spacing(2)
        .width(Length::Fill),
    ]
    .spacing(8)
    .align_y(Alignment::Center);

    let notes = container(
        text(
            review
                .notes
                .clone()
                .unwrap_or_else(|| tr(language, "review.no_notes")),
        )
        .size(13),
    )
    .padding(10)
    .width(Length::Fill)
    .style(theme::panel);

    let mut lines: Column<'a, Message> = column![].spacing(4);
    for item in compared {
        let tone = match item.difference {
            Difference::StillFlagged => None,
            Difference::NoLongerFlagged => Some(Status::OnTrack),
            Difference::NewlyFlagged | Difference::Gone => Some(Status::Behind),
        };
        let name = item.name.clone().unwrap_or_else(|| item.id.clone());
        let mut line = column![
            text(name).size(13),
            row![
                text(tr(language, item.difference.key()))
                    .size(12)
                    .style(move |theme: &Theme| text::Style {
                        color: Some(match tone {
                            Some(status) => theme::status_color(theme, status),
                            None => theme::muted(theme),
                        }),
                    }),
                space::horizontal(),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        ]
        .spacing(2);
        if let Some(now) = item.now {
            line = line.push(widget::status_chip(now, language));
        }
        let card = container(line).padding([6, 8]).width(Length::Fill);
        lines = lines.push(if tone.is_some() {
            card.style(move |theme: &Theme| {
                theme::notice(theme::status_color(theme, tone.expect("toned")))(theme)
            })
        } else {
            card.style(theme::panel)
        });
    }

    column![
        header,
        text(tr(language, "review.opened_notes"))
            .size(13)
            .style(widget::muted_text),
        notes,
        text(tr_with(
            language,
            "review.opened_compare",
            &[
                ("count", &review.flagged.len().to_string()),
                ("changed", &changed.to_string())
            ]
        ))
        .size(13)
        .style(widget::muted_text),
        scrollable(lines.padding(iced::Padding::ZERO.right(10))).height(Length::Fill),
    ]
    .spacing(8)
    .height(Length::Fill)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quarter;

    #[test]
    fn compares_a_recorded_review_with_today() {
        let roadmap = crate::sample::sample();
        let recorded = roadmap.reviews[1].clone();
        let report = crate::review::review(&roadmap, recorded.quarter);
        let mut review = recorded.clone();
        review.flagged.push("gone-1".into());
        let now_flagged: Vec<String> = report.flagged_ids();
        let dropped = now_flagged[0].clone();
        review.flagged.retain(|id| *id != dropped);
        let compared = compare(&review, &report, &roadmap);
        let find = |id: &str| compared.iter().find(|c| c.id == id).unwrap().difference;
        assert_eq!(find("gone-1"), Difference::Gone);
        assert_eq!(find(&dropped), Difference::NewlyFlagged);
        for item in &compared {
            let expected = match (
                review.flagged.contains(&item.id),
                now_flagged.contains(&item.id),
                item.now.is_some(),
            ) {
                (true, true, true) => Difference::StillFlagged,
                (true, false, true) => Difference::NoLongerFlagged,
                (false, true, true) => Difference::NewlyFlagged,
                (true, _, false) => Difference::Gone,
                other => panic!("{other:?}"),
            };
            assert_eq!(item.difference, expected, "{}", item.id);
        }
        // Every id of either list appears once.
        let mut all: Vec<&String> = review.flagged.iter().chain(&now_flagged).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), compared.len());
        assert_eq!(report.quarter, Quarter::new(2025, 2).unwrap());
    }
}
