//! The outline: areas → programs → indicators, each with its status at the quarter
//! under review (a coloured dot, the word on hover).

use iced::widget::{Column, button, column, container, row, scrollable, space, text, tooltip};
use iced::{Alignment, Element, Length};

use super::{Drafting, Message, Selection, Structure};
use crate::edit::NodePath;
use crate::gui::contract::Context;
use crate::gui::i18n::tr;
use crate::gui::icon::Icon;
use crate::gui::{theme, widget};
use crate::model::IndicatorAt;
use crate::review::Status;

pub fn view<'a>(state: &'a Drafting, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let roadmap = context.roadmap;
    let report = context.report;
    let mut list: Column<'a, Message> = column![
        row_button(
            Icon::Draft,
            text(tr(language, "draft.document")).size(14).into(),
            None,
            state.selection == Selection::Document,
            Message::Select(Selection::Document),
            0,
        ),
        row_button(
            Icon::Units,
            text(format!(
                "{} ({})",
                tr(language, "draft.units"),
                roadmap.units.len()
            ))
            .size(14)
            .into(),
            None,
            state.selection == Selection::Units,
            Message::Select(Selection::Units),
            0,
        ),
    ]
    .spacing(2);

    // The review lists indicators in document order: walk it alongside the outline.
    let mut offset = 0;
    for (a, area) in roadmap.areas.iter().enumerate() {
        let area_count: usize = area.programs.iter().map(|p| p.indicators.len()).sum();
        let area_lines = &report.indicators[offset..offset + area_count];
        let collapsed = state.collapsed_areas.contains(&a);
        list = list.push(
            row![
                chevron(!collapsed, Message::ToggleArea(a)),
                row_button(
                    Icon::Area,
                    text(&area.name).size(14).font(widget::bold()).into(),
                    labelled(worst(area_lines.iter().map(|l| l.status())), language),
                    state.selection == Selection::Area(a),
                    Message::Select(Selection::Area(a)),
                    0,
                ),
            ]
            .align_y(Alignment::Center),
        );
        if !collapsed {
            let mut program_offset = 0;
            for (p, program) in area.programs.iter().enumerate() {
                let lines = &area_lines[program_offset..program_offset + program.indicators.len()];
                program_offset += program.indicators.len();
                let expanded = state.expanded_programs.contains(&(a, p));
                list = list.push(
                    row![
                        space::horizontal().width(Length::Fixed(14.0)),
                        chevron(expanded, Message::ToggleProgram(a, p)),
                        row_button(
                            Icon::Folder,
                            text(&program.name).size(14).into(),
                            labelled(worst(lines.iter().map(|l| l.status())), language),
                            state.selection == Selection::Program(a, p),
                            Message::Select(Selection::Program(a, p)),
                            0,
                        ),
                    ]
                    .align_y(Alignment::Center),
                );
                if expanded {
                    for (i, indicator) in program.indicators.iter().enumerate() {
                        let at = IndicatorAt::new(a, p, i);
                        let status = lines[i].status();
                        list = list.push(row_button(
                            Icon::Target,
                            text(&indicator.name).size(13).into(),
                            labelled(Some(status), language),
                            state.selection == Selection::Indicator(at),
                            Message::Select(Selection::Indicator(at)),
                            48,
                        ));
                    }
                }
            }
        }
        offset += area_count;
    }

    let add_area = widget::labeled_button(
        Icon::Add,
        tr(language, "draft.add_area"),
        (!context.read_only).then_some(Message::Restructure(Structure::AddArea)),
    );
    let header = row![
        text(tr(language, "draft.outline"))
            .size(15)
            .font(widget::bold()),
        space::horizontal(),
        text(language.quarter(context.quarter))
            .size(13)
            .style(widget::muted_text),
    ]
    .align_y(Alignment::Center);
    column![
        header,
        scrollable(list.padding(iced::Padding::ZERO.right(10))).height(Length::Fill),
        add_area,
    ]
    .spacing(8)
    .padding(10)
    .into()
}

fn chevron<'a>(open: bool, on_press: Message) -> Element<'a, Message> {
    button(if open { Icon::Collapse } else { Icon::Expand }.sized(14))
        .padding([4, 2])
        .style(theme::tool)
        .on_press(on_press)
        .into()
}

/// The worst status among some indicators, for an area or program row.
fn worst(statuses: impl Iterator<Item = Status>) -> Option<Status> {
    statuses.min()
}

fn labelled(status: Option<Status>, language: crate::locale::Language) -> Option<(Status, String)> {
    status.map(|status| (status, status.label(language)))
}

fn row_button<'a>(
    icon: Icon,
    label: Element<'a, Message>,
    status: Option<(Status, String)>,
    selected: bool,
    on_press: Message,
    indent: u16,
) -> Element<'a, Message> {
    let mut line = row![
        space::horizontal().width(Length::Fixed(f32::from(indent))),
        icon.sized(14).style(widget::muted_text),
        container(label).width(Length::Fill),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    if let Some((status, _)) = &status {
        line = line.push(widget::status_dot(*status));
    }
    let body = button(line)
        .width(Length::Fill)
        .padding([5, 6])
        .style(theme::outline_row(selected))
        .on_press(on_press);
    match status {
        // The word on hover: a dot alone would rely on colour.
        Some((_, word)) => tooltip(
            body,
            container(text(word).size(12))
                .padding([3, 8])
                .style(container::rounded_box),
            tooltip::Position::Right,
        )
        .into(),
        None => body.into(),
    }
}

/// Buttons acting on the selected node: move, duplicate, delete.
pub fn node_tools<'a>(path: NodePath, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let enabled = !context.read_only;
    let on = |structure: Structure| enabled.then_some(Message::Restructure(structure));
    row![
        widget::tool_button(
            Icon::Up,
            tr(language, "draft.move_up"),
            on(Structure::MoveUp(path))
        ),
        widget::tool_button(
            Icon::Down,
            tr(language, "draft.move_down"),
            on(Structure::MoveDown(path))
        ),
        widget::tool_button(
            Icon::Duplicate,
            tr(language, "draft.duplicate"),
            on(Structure::Duplicate(path))
        ),
        widget::tool_button(
            Icon::Delete,
            tr(language, "draft.delete"),
            on(Structure::Delete(path))
        ),
    ]
    .spacing(2)
    .into()
}
