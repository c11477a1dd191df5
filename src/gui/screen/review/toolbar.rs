//! The two lines above the table: the quarter, what is listed (indicators or units),
//! the side panels and the exports; then the reviewer's focus (status, area, unit,
//! search, unexplained only, quick wins only).

use iced::widget::{
    Row, button, checkbox, container, pick_list, row, space, text, text_input, tooltip,
};
use iced::{Alignment, Element, Length, Theme};

use super::{Listing, Message, Panel, Reviewing, StatusFilter};
use crate::export::Format;
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_count, tr_with};
use crate::gui::icon::Icon;
use crate::gui::theme;
use crate::gui::widget::{self, Labelled};
use crate::model::Quarter;
use crate::text::shorten_at_word;

/// The area and unit pickers.
const PICKER_WIDTH: f32 = 160.0;
/// The longest area or unit name in a picker, in characters.
const PICK_MAX: usize = 22;
const SEARCH_WIDTH: f32 = 200.0;

/// The widget id of the search field.
pub const SEARCH_ID: &str = "review-search";

/// Below this width the top line drops the screen's title and the words beside the
/// panel and report icons (they stay in tooltips), so everything fits at 1024 pixels.
const COMPACT_BELOW: f32 = 1200.0;
/// From this width the screen's title fits beside everything else.
const TITLE_FROM: f32 = 1380.0;
/// The height of the top line, whatever is shown on it.
const TOP_HEIGHT: f32 = 34.0;

pub fn top<'a>(state: &'a Reviewing, context: &Context<'a>) -> Element<'a, Message> {
    let context = *context;
    container(iced::widget::responsive(move |space| {
        top_line(state, &context, space.width)
    }))
    .height(Length::Fixed(TOP_HEIGHT))
    .into()
}

fn top_line<'a>(state: &'a Reviewing, context: &Context<'a>, width: f32) -> Element<'a, Message> {
    let language = context.language;
    let compact = width < COMPACT_BELOW;
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

    let panel_button = |panel: Panel, icon: Icon, key: &str| -> Element<'a, Message> {
        let open = state.panel == Some(panel);
        let label: Element<'a, Message> = if compact {
            icon.view().into()
        } else {
            row![icon.view(), text(tr(language, key)).size(14)]
                .spacing(6)
                .align_y(Alignment::Center)
                .into()
        };
        let button = button(label)
            .padding([5, 10])
            .style(theme::tab(open))
            .on_press(Message::TogglePanel(panel));
        if compact {
            tooltip(
                button,
                container(text(tr(language, key)).size(13))
                    .padding([4, 8])
                    .style(container::rounded_box),
                tooltip::Position::Bottom,
            )
            .into()
        } else {
            button.into()
        }
    };
    let mut exports: Row<'a, Message> = row![Icon::Export.view().style(widget::muted_text)]
        .spacing(6)
        .align_y(Alignment::Center);
    if !compact {
        exports = exports.push(
            text(tr(language, "review.export"))
                .size(13)
                .style(widget::muted_text),
        );
    }
    for format in Format::ALL {
        let label = match format {
            Format::Html => tr(language, "review.export_html"),
            Format::Xlsx => "XLSX".to_owned(),
            Format::Csv => "CSV".to_owned(),
        };
        exports = exports.push(
            button(text(label).size(13).wrapping(text::Wrapping::None))
                .padding([5, 10])
                .style(button::secondary)
                .on_press(Message::Export(format)),
        );
    }

    let listing_tab = |listing: Listing, key: &str, count: usize| {
        button(
            text(tr_with(language, key, &[("count", &count.to_string())]))
                .size(14)
                .wrapping(text::Wrapping::None),
        )
        .padding([5, 10])
        .style(theme::tab(state.listing == listing))
        .on_press(Message::ListingSelected(listing))
    };
    let listings = row![
        listing_tab(
            Listing::Indicators,
            "review.listing_indicators",
            context.report.indicators.len()
        ),
        listing_tab(
            Listing::Units,
            "review.listing_units",
            context.roadmap.units.len()
        ),
    ]
    .spacing(2);

    let mut line: Row<'a, Message> = row![Icon::Review.sized(20)]
        .spacing(8)
        .align_y(Alignment::Center);
    if width >= TITLE_FROM {
        line = line.push(
            text(tr(language, "review.title"))
                .size(18)
                .font(widget::bold())
                .wrapping(text::Wrapping::None),
        );
    }
    line.push(Icon::Calendar.view().style(widget::muted_text))
        .push(quarter)
        .push(listings)
        .push(space::horizontal())
        .push(panel_button(
            Panel::Record,
            Icon::Check,
            "review.panel_record",
        ))
        .push(panel_button(
            Panel::History,
            Icon::History,
            "review.panel_history",
        ))
        .push(panel_button(Panel::Forms, Icon::Units, "forms.gui.panel"))
        .push(space::horizontal().width(Length::Fixed(12.0)))
        .push(exports)
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
            .map(|(a, area)| Labelled::new(Some(a), shorten_at_word(&area.name, PICK_MAX))),
    );
    let area_selected = areas.iter().find(|a| a.value == filters.area).cloned();
    let area = pick_list(areas, area_selected, |a: Labelled<Option<usize>>| {
        Message::AreaSelected(a.value)
    })
    .text_size(13)
    .padding([5, 8])
    .width(Length::Fixed(PICKER_WIDTH));

    let mut units = vec![Labelled::new(None, tr(language, "review.all_units"))];
    units.extend(
        context.roadmap.units.iter().map(|unit| {
            Labelled::new(Some(unit.id.clone()), shorten_at_word(&unit.name, PICK_MAX))
        }),
    );
    let unit_selected = units.iter().find(|u| u.value == filters.unit).cloned();
    let unit = pick_list(units, unit_selected, |u: Labelled<Option<String>>| {
        Message::UnitSelected(u.value)
    })
    .text_size(13)
    .padding([5, 8])
    .width(Length::Fixed(PICKER_WIDTH));

    let search = text_input(&tr(language, "review.search"), &filters.search)
        .id(SEARCH_ID)
        .on_input(Message::SearchChanged)
        .padding([5, 8])
        .size(13)
        .width(Length::Fixed(SEARCH_WIDTH));

    let quick_wins = checkbox(filters.quick_wins_only)
        .label(tr_with(
            language,
            "review.quick_wins_only",
            &[("count", &quick_win_count(context).to_string())],
        ))
        .on_toggle(Message::QuickWinsOnlyToggled)
        .text_size(13)
        .text_wrapping(text::Wrapping::None)
        .size(16);

    let unexplained = checkbox(filters.unexplained_only)
        .label(tr_with(
            language,
            "review.unexplained_only",
            &[("count", &report.unexplained().count().to_string())],
        ))
        .on_toggle(Message::UnexplainedOnlyToggled)
        .text_size(13)
        .text_wrapping(text::Wrapping::None)
        .size(16);

    // Fixed widths, wrapped onto a second line where the window is narrow (1024
    // pixels): a field that fills would take a line of its own.
    row![
        segments,
        area,
        unit,
        row![Icon::Search.view().style(widget::muted_text), search]
            .spacing(8)
            .align_y(Alignment::Center),
        unexplained,
        quick_wins,
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .wrap()
    .vertical_spacing(6)
    .into()
}

/// Indicators of programs marked *quick win*.
fn quick_win_count(context: &Context<'_>) -> usize {
    context
        .roadmap
        .areas
        .iter()
        .flat_map(|area| &area.programs)
        .filter(|program| program.quick_win)
        .map(|program| program.indicators.len())
        .sum()
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
        line = line.push(text(tr_count(language, "review.invalid_entries", invalid, &[])).size(13));
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
