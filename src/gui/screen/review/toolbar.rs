//! The two lines above the table: the quarter, the side panels and the exports; then
//! the reviewer's focus (status, area, unit, search, sort, unexplained only).

use iced::widget::{Row, button, checkbox, pick_list, row, space, text, text_input};
use iced::{Alignment, Element, Length, Theme};

use super::{Message, Panel, Reviewing, StatusFilter};
use crate::export::Format;
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::theme;
use crate::gui::widget::{self, Labelled};
use crate::model::Quarter;

/// The widget id of the search field.
pub const SEARCH_ID: &str = "review-search";

pub fn top<'a>(state: &'a Reviewing, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let quarters: Vec<Labelled<Quarter>> = context
        .roadmap
        .period
        .quarters()
        .map(|q| Labelled::new(q, language.quarter(q)))
        .collect();
    let selected = quarters
        .iter()
        .find(|q| q.value == context.quarter)
        .cloned();
    let quarter = pick_list(quarters, selected, |q: Labelled<Quarter>| {
        Message::QuarterSelected(q.value)
    })
    .text_size(14)
    .padding([5, 10]);

    let panel_button = |panel: Panel, icon: Icon, key: &str| {
        let open = state.panel == Some(panel);
        button(
            row![icon.view(), text(tr(language, key)).size(14)]
                .spacing(6)
                .align_y(Alignment::Center),
        )
        .padding([5, 10])
        .style(theme::tab(open))
        .on_press(Message::TogglePanel(panel))
    };
    let mut exports: Row<'a, Message> = row![
        Icon::Export.view().style(widget::muted_text),
        text(tr(language, "review.export"))
            .size(13)
            .style(widget::muted_text),
    ]
    .spacing(6)
    .align_y(Alignment::Center);
    for format in Format::ALL {
        let label = match format {
            Format::Html => tr(language, "review.export_html"),
            Format::Xlsx => "XLSX".to_owned(),
            Format::Csv => "CSV".to_owned(),
        };
        exports = exports.push(
            button(text(label).size(13))
                .padding([5, 10])
                .style(button::secondary)
                .on_press(Message::Export(format)),
        );
    }

    row![
        Icon::Review.sized(20),
        text(tr(language, "review.title"))
            .size(18)
            .font(widget::bold()),
        Icon::Calendar.view().style(widget::muted_text),
        quarter,
        space::horizontal(),
        panel_button(Panel::Record, Icon::Check, "review.panel_record"),
        panel_button(Panel::History, Icon::History, "review.panel_history"),
        panel_button(Panel::Forms, Icon::Units, "forms.gui.panel"),
        space::horizontal().width(Length::Fixed(12.0)),
        exports,
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

pub fn filters<'a>(state: &'a Reviewing, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let report = context.report;
    let filters = &state.filters;

    let mut segments: Row<'a, Message> = row![].spacing(2);
    for status in StatusFilter::ALL {
        let active = filters.status == status;
        segments = segments.push(
            button(
                text(tr_with(
                    language,
                    status.key(),
                    &[("count", &status.count(report).to_string())],
                ))
                .size(13),
            )
            .padding([5, 10])
            .style(theme::tab(active))
            .on_press(Message::StatusSelected(status)),
        );
    }

    let mut areas = vec![Labelled::new(None, tr(language, "review.all_areas"))];
    areas.extend(
        context
            .roadmap
            .areas
            .iter()
            .enumerate()
            .map(|(a, area)| Labelled::new(Some(a), area.name.clone())),
    );
    let area_selected = areas.iter().find(|a| a.value == filters.area).cloned();
    let area = pick_list(areas, area_selected, |a: Labelled<Option<usize>>| {
        Message::AreaSelected(a.value)
    })
    .text_size(13)
    .padding([5, 8])
    .width(Length::Fixed(180.0));

    let mut units = vec![Labelled::new(None, tr(language, "review.all_units"))];
    units.extend(
        context
            .roadmap
            .units
            .iter()
            .map(|unit| Labelled::new(Some(unit.id.clone()), unit.name.clone())),
    );
    let unit_selected = units.iter().find(|u| u.value == filters.unit).cloned();
    let unit = pick_list(units, unit_selected, |u: Labelled<Option<String>>| {
        Message::UnitSelected(u.value)
    })
    .text_size(13)
    .padding([5, 8])
    .width(Length::Fixed(180.0));

    let search = text_input(&tr(language, "review.search"), &filters.search)
        .id(SEARCH_ID)
        .on_input(Message::SearchChanged)
        .padding([5, 8])
        .size(13)
        .width(Length::Fill);

    let unexplained = checkbox(filters.unexplained_only)
        .label(tr_with(
            language,
            "review.unexplained_only",
            &[("count", &report.unexplained().count().to_string())],
        ))
        .on_toggle(Message::UnexplainedOnlyToggled)
        .text_size(13)
        .size(16);

    row![
        segments,
        area,
        unit,
        Icon::Search.view().style(widget::muted_text),
        search,
        unexplained,
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// Lines that appear only when they matter: the list no longer matches the focus
/// (values changed under it), or typed entries that are not numbers yet.
pub fn notices<'a>(state: &'a Reviewing, context: &Context<'a>) -> Option<Element<'a, Message>> {
    let language = context.language;
    let invalid = state.invalid_entries();
    if !state.stale && invalid == 0 {
        return None;
    }
    let mut line: Row<'a, Message> = row![].spacing(10).align_y(Alignment::Center);
    if invalid > 0 {
        line = line.push(Icon::Error.view().style(text::danger));
        line = line.push(
            text(tr_with(
                language,
                "review.invalid_entries",
                &[("count", &invalid.to_string())],
            ))
            .size(13),
        );
    }
    if state.stale {
        line = line.push(Icon::Filter.view());
        line = line.push(text(tr(language, "review.stale")).size(13));
        line = line.push(
            button(text(tr(language, "review.reapply")).size(13))
                .padding([3, 10])
                .style(button::primary)
                .on_press(Message::Reapply),
        );
    }
    let tone: fn(&Theme) -> iced::Color = if invalid > 0 {
        widget::danger
    } else {
        widget::primary
    };
    Some(widget::notice(tone, line))
}
