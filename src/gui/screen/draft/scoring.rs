//! The document's scoring settings (format version 2): the cap on a score, what an
//! unreported indicator scores, and the rating scale (a preset, or the region's own
//! bands).

use iced::widget::{Column, column, container, pick_list, row, text};
use iced::{Alignment, Element, Length};

use super::form::{input, labelled, number};
use super::{Drafting, Field, Message, Pick, RatingChoice};
use crate::gui::contract::Context;
use crate::gui::i18n::tr;
use crate::gui::icon::Icon;
use crate::gui::widget::{self, Labelled};
use crate::model::{MissingScore, RatingScale};

pub fn section<'a>(state: &'a Drafting, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let scoring = context.roadmap.scoring();
    let missing = [MissingScore::Zero, MissingScore::Exclude]
        .map(|m| Labelled::new(m, tr(language, &format!("draft.missing.{m:?}"))));
    let ratings =
        RatingChoice::ALL.map(|r| Labelled::new(r, tr(language, &format!("draft.rating.{r:?}"))));
    let chosen = RatingChoice::of(&scoring.rating);
    let mut content: Column<'a, Message> = column![
        text(tr(language, "draft.scoring_help"))
            .size(13)
            .style(widget::muted_text),
        row![
            labelled(
                state,
                context,
                "draft.cap",
                Field::Cap,
                scoring
                    .cap
                    .map(|cap| number(language, cap))
                    .unwrap_or_default(),
            ),
            widget::field(
                tr(language, "draft.missing"),
                pick_list(
                    missing.to_vec(),
                    missing.iter().find(|m| m.value == scoring.missing).cloned(),
                    |m: Labelled<MissingScore>| Message::Picked(Pick::Missing(m.value)),
                )
                .width(Length::Fill),
            ),
            widget::field(
                tr(language, "draft.rating"),
                pick_list(
                    ratings.to_vec(),
                    ratings.iter().find(|r| r.value == chosen).cloned(),
                    |r: Labelled<RatingChoice>| Message::Picked(Pick::Rating(r.value)),
                )
                .width(Length::Fill),
            ),
        ]
        .spacing(12),
    ]
    .spacing(8);
    if let RatingScale::Custom(bands) = &scoring.rating {
        let heading = |key: &str| text(tr(language, key)).size(13).style(widget::muted_text);
        let mut list: Column<'a, Message> = column![
            row![
                container(heading("draft.band_min")).width(Length::FillPortion(1)),
                container(heading("draft.band_label")).width(Length::FillPortion(3)),
                container(text("")).width(Length::Fixed(40.0)),
            ]
            .spacing(8)
        ]
        .spacing(6);
        for (b, band) in bands.iter().enumerate() {
            list = list.push(
                row![
                    container(input(
                        state,
                        context,
                        Field::BandMin(b),
                        number(language, band.min),
                        "",
                    ))
                    .width(Length::FillPortion(1)),
                    container(input(
                        state,
                        context,
                        Field::BandLabel(b),
                        band.label.clone(),
                        "",
                    ))
                    .width(Length::FillPortion(3)),
                    widget::tool_button(
                        Icon::Delete,
                        tr(language, "draft.remove_band"),
                        (!context.read_only).then_some(Message::Picked(Pick::RemoveBand(b))),
                    ),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        content = content.push(list).push(widget::labeled_button(
            Icon::Add,
            tr(language, "draft.add_band"),
            (!context.read_only).then_some(Message::Picked(Pick::AddBand)),
        ));
    }
    widget::section(tr(language, "draft.scoring"), content)
}
