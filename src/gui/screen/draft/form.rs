//! The form of the selected item: document, units, area, program or indicator.

use iced::widget::{
    Column, button, checkbox, column, container, pick_list, row, scrollable, space, text,
    text_input,
};
use iced::{Alignment, Element, Length};

use super::fields::rules_shown;
use super::{BufferKey, Drafting, Field, Message, Pick, Selection, Structure, grid, outline};
use crate::edit::NodePath;
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::theme;
use crate::gui::widget::{self, Labelled};
use crate::locale::Language;
use crate::model::IndicatorAt;
use crate::model::{Direction, Element as AreaElement, Kind, Quarter};
use crate::text::counted;

pub fn view<'a>(state: &'a Drafting, context: &Context<'a>) -> Element<'a, Message> {
    let content: Element<'a, Message> = match state.selection {
        Selection::Document => document(state, context),
        Selection::Units => units(state, context),
        Selection::Area(a) => area(state, context, a),
        Selection::Program(a, p) => program(state, context, a, p),
        Selection::Indicator(at) => indicator(state, context, at),
    };
    scrollable(container(content).padding(20).max_width(980))
        .id(FORM_ID)
        .height(Length::Fill)
        .into()
}

/// The widget id of the form's scrollable: scrolled to an entry to correct.
pub const FORM_ID: &str = "draft-form";

/// A text input bound to a field of the selected item.
pub(super) fn input<'a>(
    state: &'a Drafting,
    context: &Context<'a>,
    field: Field,
    value: String,
    placeholder: &str,
) -> Element<'a, Message> {
    let key = BufferKey::Field {
        selection: state.selection,
        field,
    };
    let buffer = state.buffer(&key);
    let shown = buffer.map_or(value, |b| b.text.clone());
    let mut input = text_input(placeholder, &shown)
        .padding(8)
        .id(field_id(field));
    if !context.read_only {
        input = input.on_input(move |text| Message::FieldChanged(field, text));
    }
    if buffer.is_some_and(|b| !b.valid) {
        input = input.style(theme::invalid_input);
    }
    input.into()
}

/// The widget id of a form field, for tests and focus: `field-Name`.
pub fn field_id(field: Field) -> String {
    format!("field-{field:?}")
}

pub(super) fn labelled<'a>(
    state: &'a Drafting,
    context: &Context<'a>,
    label_key: &str,
    field: Field,
    value: String,
) -> Element<'a, Message> {
    let language = context.language;
    let key = BufferKey::Field {
        selection: state.selection,
        field,
    };
    let error = state
        .buffer(&key)
        .filter(|b| !b.valid)
        .map(|_| tr(language, "draft.invalid_value"));
    widget::field_with_error(
        tr(language, label_key),
        input(state, context, field, value, ""),
        error,
    )
}

fn title_row<'a>(
    icon: Icon,
    kind: String,
    title: String,
    tools: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    let mut line = row![
        icon.sized(22),
        column![
            text(kind).size(13).style(widget::muted_text),
            text(title).size(22).font(widget::bold())
        ]
        .spacing(2)
        .width(Length::Fill),
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    if let Some(tools) = tools {
        line = line.push(tools);
    }
    line.into()
}

/// The two thresholds of status rules (the document's or an indicator's own).
fn rules_fields<'a>(
    state: &'a Drafting,
    context: &Context<'a>,
    rules: crate::model::Rules,
) -> Element<'a, Message> {
    let language = context.language;
    row![
        labelled(
            state,
            context,
            "draft.at_risk_below",
            Field::AtRiskBelow,
            number(language, rules.at_risk_below)
        ),
        labelled(
            state,
            context,
            "draft.behind_below",
            Field::BehindBelow,
            number(language, rules.behind_below)
        ),
    ]
    .spacing(12)
    .into()
}

pub(super) fn number(language: Language, value: f64) -> String {
    language.number(value, 4)
}

fn document<'a>(state: &'a Drafting, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let roadmap = context.roadmap;
    let rules = roadmap.rules;
    column![
        title_row(
            Icon::Draft,
            tr(language, "draft.document"),
            roadmap.title.clone(),
            None
        ),
        labelled(
            state,
            context,
            "draft.title",
            Field::Title,
            roadmap.title.clone()
        ),
        labelled(
            state,
            context,
            "draft.institution",
            Field::Institution,
            roadmap.institution.clone()
        ),
        row![
            labelled(
                state,
                context,
                "draft.period_start",
                Field::PeriodStart,
                roadmap.period.start.to_string()
            ),
            labelled(
                state,
                context,
                "draft.period_end",
                Field::PeriodEnd,
                roadmap.period.end.to_string()
            ),
        ]
        .spacing(12),
        labelled(
            state,
            context,
            "draft.vision",
            Field::Vision,
            roadmap.vision.clone().unwrap_or_default()
        ),
        widget::section(
            tr(language, "draft.rules"),
            column![
                text(tr(language, "draft.rules_help"))
                    .size(13)
                    .style(widget::muted_text),
                rules_fields(state, context, rules),
            ]
            .spacing(8),
        ),
        super::scoring::section(state, context),
        text(tr_with(
            language,
            "draft.summary",
            &[
                (
                    "areas",
                    &counted(language, "change_areas", roadmap.areas.len())
                ),
                (
                    "programs",
                    &counted(
                        language,
                        "programs",
                        roadmap.areas.iter().map(|a| a.programs.len()).sum()
                    )
                ),
                (
                    "indicators",
                    &counted(language, "indicators", roadmap.indicator_count())
                ),
            ]
        ))
        .style(widget::muted_text),
    ]
    .spacing(16)
    .into()
}

fn units<'a>(state: &'a Drafting, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let roadmap = context.roadmap;
    let mut list: Column<'a, Message> = column![
        row![
            text(tr(language, "draft.unit_id"))
                .size(13)
                .style(widget::muted_text)
                .width(Length::FillPortion(1)),
            text(tr(language, "draft.unit_name"))
                .size(13)
                .style(widget::muted_text)
                .width(Length::FillPortion(3)),
            space::horizontal().width(Length::Fixed(40.0)),
        ]
        .spacing(8)
    ]
    .spacing(6);
    for (u, unit) in roadmap.units.iter().enumerate() {
        list = list.push(
            row![
                container(input(
                    state,
                    context,
                    Field::UnitId(u),
                    unit.id.clone(),
                    "id"
                ))
                .width(Length::FillPortion(1)),
                container(input(
                    state,
                    context,
                    Field::UnitName(u),
                    unit.name.clone(),
                    ""
                ))
                .width(Length::FillPortion(3)),
                widget::tool_button(
                    Icon::Delete,
                    tr(language, "draft.delete"),
                    (!context.read_only)
                        .then_some(Message::Restructure(Structure::Delete(NodePath::Unit(u)))),
                ),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
        if state.removing_unit == Some(u) {
            let used = super::programs_using_unit(roadmap, u).len();
            list = list.push(widget::notice(
                widget::warning,
                row![
                    text(tr_with(
                        language,
                        "draft.unit_in_use",
                        &[("name", &unit.name), ("count", &used.to_string())]
                    ))
                    .width(Length::Fill),
                    button(text(tr(language, "app.cancel")))
                        .style(button::secondary)
                        .on_press(Message::CancelRemoveUnit),
                    button(text(tr(language, "draft.remove_anyway")))
                        .style(button::danger)
                        .on_press(Message::ConfirmRemoveUnit(u)),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            ));
        }
    }
    column![
        title_row(
            Icon::Units,
            tr(language, "draft.units"),
            tr(language, "draft.units_title"),
            None
        ),
        text(tr(language, "draft.units_help"))
            .size(13)
            .style(widget::muted_text),
        list,
        widget::labeled_button(
            Icon::Add,
            tr(language, "draft.add_unit"),
            (!context.read_only).then_some(Message::Restructure(Structure::AddUnit)),
        ),
    ]
    .spacing(16)
    .into()
}

fn area<'a>(state: &'a Drafting, context: &Context<'a>, a: usize) -> Element<'a, Message> {
    let language = context.language;
    let Some(area) = context.roadmap.areas.get(a) else {
        return text(tr(language, "draft.gone")).into();
    };
    let elements = [AreaElement::Hard, AreaElement::Soft]
        .map(|e| Labelled::new(e, element_label(e, language)));
    let selected = elements.iter().find(|e| e.value == area.element).cloned();
    let counts = &context.report.areas[a];
    column![
        title_row(
            Icon::Area,
            tr(language, "draft.area"),
            area.name.clone(),
            Some(outline::node_tools(NodePath::Area(a), context)),
        ),
        row![
            container(labelled(
                state,
                context,
                "draft.id",
                Field::Id,
                area.id.clone()
            ))
            .width(Length::FillPortion(1)),
            container(labelled(
                state,
                context,
                "draft.name",
                Field::Name,
                area.name.clone()
            ))
            .width(Length::FillPortion(3)),
        ]
        .spacing(12),
        row![
            widget::field(
                tr(language, "draft.element"),
                pick_list(
                    elements.to_vec(),
                    selected,
                    |choice: Labelled<AreaElement>| Message::Picked(Pick::Element(choice.value))
                )
                .width(Length::Fill),
            ),
            labelled(
                state,
                context,
                "draft.weight",
                Field::Weight,
                area.weight.map(|w| number(language, w)).unwrap_or_default()
            ),
        ]
        .spacing(12),
        labelled(
            state,
            context,
            "draft.goal",
            Field::Goal,
            area.goal.clone().unwrap_or_default()
        ),
        labelled(
            state,
            context,
            "draft.note",
            Field::Note,
            area.note.clone().unwrap_or_default()
        ),
        status_counts(counts, language),
        widget::labeled_button(
            Icon::Add,
            tr(language, "draft.add_program"),
            (!context.read_only).then_some(Message::Restructure(Structure::AddProgram(a))),
        ),
    ]
    .spacing(16)
    .into()
}

fn status_counts<'a>(counts: &crate::review::Counts, language: Language) -> Element<'a, Message> {
    let mut line = row![].spacing(8).align_y(Alignment::Center);
    for status in crate::review::Status::ALL {
        let count = counts.get(status);
        if count > 0 {
            line = line.push(
                row![
                    widget::status_chip(status, language),
                    text(count.to_string())
                ]
                .spacing(4)
                .align_y(Alignment::Center),
            );
        }
    }
    line.wrap().into()
}

fn program<'a>(
    state: &'a Drafting,
    context: &Context<'a>,
    a: usize,
    p: usize,
) -> Element<'a, Message> {
    let language = context.language;
    let roadmap = context.roadmap;
    let Some(program) = roadmap.areas.get(a).and_then(|area| area.programs.get(p)) else {
        return text(tr(language, "draft.gone")).into();
    };
    let mut units: Vec<Labelled<Option<String>>> =
        vec![Labelled::new(None, tr(language, "draft.no_unit"))];
    units.extend(
        roadmap
            .units
            .iter()
            .map(|unit| Labelled::new(Some(unit.id.clone()), unit.name.clone())),
    );
    let selected = units.iter().find(|u| u.value == program.unit).cloned();
    let budget = program
        .budget
        .map(|b| language.rupiah(b))
        .unwrap_or_default();
    column![
        title_row(
            Icon::Folder,
            tr(language, "draft.program"),
            program.name.clone(),
            Some(outline::node_tools(NodePath::Program(a, p), context)),
        ),
        row![
            container(labelled(
                state,
                context,
                "draft.id",
                Field::Id,
                program.id.clone()
            ))
            .width(Length::FillPortion(1)),
            container(labelled(
                state,
                context,
                "draft.name",
                Field::Name,
                program.name.clone()
            ))
            .width(Length::FillPortion(3)),
        ]
        .spacing(12),
        row![
            widget::field(
                tr(language, "draft.responsible_unit"),
                pick_list(units, selected, |choice: Labelled<Option<String>>| {
                    Message::Picked(Pick::ProgramUnit(choice.value))
                })
                .width(Length::Fill),
            ),
            labelled(state, context, "draft.budget", Field::Budget, budget),
        ]
        .spacing(12),
        super::budget::quick_win(program, context),
        super::budget::section(state, context, program),
        labelled(
            state,
            context,
            "draft.note",
            Field::Note,
            program.note.clone().unwrap_or_default()
        ),
        widget::labeled_button(
            Icon::Add,
            tr(language, "draft.add_indicator"),
            (!context.read_only).then_some(Message::Restructure(Structure::AddIndicator(a, p))),
        ),
    ]
    .spacing(16)
    .into()
}

fn indicator<'a>(
    state: &'a Drafting,
    context: &Context<'a>,
    at: IndicatorAt,
) -> Element<'a, Message> {
    let language = context.language;
    let roadmap = context.roadmap;
    let Some(indicator) = roadmap.indicator(at) else {
        return text(tr(language, "draft.gone")).into();
    };
    let kinds = [Kind::Level, Kind::Count, Kind::Average, Kind::Milestone]
        .map(|k| Labelled::new(k, kind_label(k, language)));
    // A milestone is done or not: a range of values means nothing for it.
    let directions: Vec<Labelled<Direction>> = [
        Direction::HigherIsBetter,
        Direction::LowerIsBetter,
        Direction::WithinRange,
    ]
    .into_iter()
    .filter(|&d| d != Direction::WithinRange || indicator.kind != Kind::Milestone)
    .map(|d| Labelled::new(d, direction_label(d, language)))
    .collect();
    let line = context.report.indicators.iter().find(|l| l.at() == at);
    let status = line.map(|line| {
        let achievement = line
            .evaluation
            .achievement
            .map(|value| {
                format!(
                    "{} {}",
                    tr(language, "draft.achievement"),
                    language.percent(value)
                )
            })
            .unwrap_or_default();
        row![
            text(language.quarter(context.quarter)).style(widget::muted_text),
            widget::status_chip(line.status(), language),
            text(achievement),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
    });

    let mut content = column![title_row(
        Icon::Target,
        tr(language, "draft.indicator"),
        indicator.name.clone(),
        Some(outline::node_tools(NodePath::Indicator(at), context)),
    )]
    .spacing(16);
    if let Some(status) = status {
        content = content.push(status);
    }
    content = content
        .push(
            row![
                container(labelled(
                    state,
                    context,
                    "draft.id",
                    Field::Id,
                    indicator.id.clone()
                ))
                .width(Length::FillPortion(1)),
                container(labelled(
                    state,
                    context,
                    "draft.name",
                    Field::Name,
                    indicator.name.clone()
                ))
                .width(Length::FillPortion(3)),
            ]
            .spacing(12),
        )
        .push(
            row![
                widget::field(
                    tr(language, "draft.kind"),
                    pick_list(
                        kinds.to_vec(),
                        kinds.iter().find(|k| k.value == indicator.kind).cloned(),
                        |c: Labelled<Kind>| { Message::Picked(Pick::Kind(c.value)) }
                    )
                    .width(Length::Fill),
                ),
                widget::field(
                    tr(language, "draft.direction"),
                    pick_list(
                        directions.clone(),
                        directions
                            .iter()
                            .find(|d| d.value == indicator.direction)
                            .cloned(),
                        |c: Labelled<Direction>| Message::Picked(Pick::Direction(c.value)),
                    )
                    .width(Length::Fill),
                ),
            ]
            .spacing(12),
        );
    content = content.push(super::measure::fields(state, context, indicator));
    if indicator.kind == Kind::Milestone {
        content = content.push(milestone(context, indicator.due, indicator.done));
    } else {
        content = content.push(
            row![
                labelled(
                    state,
                    context,
                    "draft.measure_unit",
                    Field::MeasureUnit,
                    indicator.unit.clone()
                ),
                labelled(
                    state,
                    context,
                    "draft.baseline",
                    Field::Baseline,
                    indicator
                        .baseline
                        .map(|b| number(language, b))
                        .unwrap_or_default(),
                ),
            ]
            .spacing(12),
        );
    }
    let rules = rules_shown(roadmap, at);
    let mut rules_section = column![
        checkbox(indicator.rules.is_some())
            .label(tr(language, "draft.own_rules"))
            .on_toggle(|own| Message::Picked(Pick::OwnRules(own)))
    ]
    .spacing(8);
    if indicator.rules.is_some() {
        rules_section = rules_section.push(rules_fields(state, context, rules));
    }
    content = content.push(rules_section);
    content = content.push(labelled(
        state,
        context,
        "draft.note",
        Field::Note,
        indicator.note.clone().unwrap_or_default(),
    ));
    if indicator.kind != Kind::Milestone {
        content = content.push(widget::section(
            tr(language, "draft.targets"),
            column![
                text(format!(
                    "{} {}",
                    tr(
                        language,
                        match indicator.kind {
                            Kind::Count => "draft.targets_help_count",
                            Kind::Average => "draft.targets_help_average",
                            _ => "draft.targets_help_level",
                        }
                    ),
                    tr(language, "draft.targets_help_range")
                ))
                .size(13)
                .style(widget::muted_text),
                grid::view(state, indicator, language, roadmap.period, context.quarter),
            ]
            .spacing(8),
        ));
    }
    content.into()
}

fn milestone<'a>(
    context: &Context<'a>,
    due: Option<Quarter>,
    done: Option<Quarter>,
) -> Element<'a, Message> {
    let language = context.language;
    let mut quarters: Vec<Labelled<Option<Quarter>>> = vec![Labelled::new(None, "—".to_owned())];
    quarters.extend(
        context
            .roadmap
            .period
            .quarters()
            .map(|q| Labelled::new(Some(q), language.quarter(q))),
    );
    let find = |value: Option<Quarter>| quarters.iter().find(|q| q.value == value).cloned();
    row![
        widget::field(
            tr(language, "draft.due"),
            pick_list(
                quarters.clone(),
                find(due),
                |c: Labelled<Option<Quarter>>| Message::Picked(Pick::Due(c.value))
            )
            .width(Length::Fill),
        ),
        widget::field(
            tr(language, "draft.done"),
            pick_list(
                quarters.clone(),
                find(done),
                |c: Labelled<Option<Quarter>>| Message::Picked(Pick::Done(c.value))
            )
            .width(Length::Fill),
        ),
    ]
    .spacing(12)
    .into()
}

pub fn element_label(element: AreaElement, language: Language) -> String {
    tr(language, &format!("element.{element:?}"))
}

pub fn kind_label(kind: Kind, language: Language) -> String {
    tr(language, &format!("kind.{kind:?}"))
}

pub fn direction_label(direction: Direction, language: Language) -> String {
    tr(language, &format!("direction.{direction:?}"))
}
