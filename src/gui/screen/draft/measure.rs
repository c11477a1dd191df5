//! How an indicator counts in the scores (format version 2): its weight, the unit that
//! reports it and its measuring scale.

use iced::widget::{pick_list, row};
use iced::{Element, Length};

use super::form::{labelled, number};
use super::{Drafting, Field, Message, Pick};
use crate::gui::contract::Context;
use crate::gui::i18n::tr;
use crate::gui::widget::{self, Labelled};
use crate::model::Indicator;

pub fn fields<'a>(
    state: &'a Drafting,
    context: &Context<'a>,
    indicator: &'a Indicator,
) -> Element<'a, Message> {
    let language = context.language;
    let mut owners: Vec<Labelled<Option<String>>> = vec![Labelled::new(
        None,
        tr(language, "draft.owner_program_unit"),
    )];
    owners.extend(
        context
            .roadmap
            .units
            .iter()
            .map(|unit| Labelled::new(Some(unit.id.clone()), unit.name.clone())),
    );
    let selected = owners.iter().find(|o| o.value == indicator.owner).cloned();
    let owner = pick_list(owners, selected, |choice: Labelled<Option<String>>| {
        Message::Picked(Pick::Owner(choice.value))
    })
    .width(Length::Fill);
    let scale = indicator
        .scale
        .map(|scale| {
            format!(
                "{}–{}",
                number(language, scale.min),
                number(language, scale.max)
            )
        })
        .unwrap_or_default();
    row![
        labelled(
            state,
            context,
            "draft.weight",
            Field::Weight,
            indicator
                .weight
                .map(|w| number(language, w))
                .unwrap_or_default(),
        ),
        widget::field(tr(language, "draft.owner"), owner),
        labelled(state, context, "draft.scale", Field::Scale, scale),
    ]
    .spacing(12)
    .into()
}
