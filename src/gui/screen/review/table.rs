//! The review table: one fixed-height row per indicator, only the rows in view built
//! (see [`super::window`]), the actual typed in place, an expanded row for *kendala*,
//! *tindak lanjut*, note and evidence.

use iced::widget::scrollable::{Direction, Scrollbar};
use iced::widget::{
    Column, Row, button, checkbox, column, container, keyed_column, row, scrollable, space, text,
    text_input, tooltip,
};
use iced::{Alignment, Element, Length, Theme};

use super::details::{self, program_money};
use super::entry::{self, TextField};
use super::line::{Line, Trend};
use super::virtual_rows::ROW_HEIGHT;
use super::{Message, Reviewing, Sort};
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::{theme, widget};
use crate::locale::Language;
use crate::model::Kind;
use crate::text::shorten_at_word;

/// The widget id of the table's scrollable.
pub const TABLE_ID: &str = "review-table";

const STATUS_WIDTH: f32 = 150.0;
const TARGET_WIDTH: f32 = 96.0;
const ACTUAL_WIDTH: f32 = 128.0;
/// Room for the program's absorption under the achievement (`serapan 100,0%`).
const ACHIEVEMENT_WIDTH: f32 = 84.0;
const EXPLANATION_WIDTH: f32 = 200.0;
/// With a side panel open the table is narrower; the explanation column gives way.
const EXPLANATION_NARROW: f32 = 128.0;
const TOOLS_WIDTH: f32 = 66.0;
const SPACING: f32 = 8.0;
/// Leaves room for the scrollbar so the header lines up with the rows.
const SCROLLBAR_ROOM: f32 = 14.0;

/// The widget id of a row's actual input: `review-actual-mp-1-a`.
pub fn actual_id(indicator_id: &str) -> String {
    format!("review-actual-{indicator_id}")
}

/// The widget id of a text input in an expanded row: `review-obstacle-mp-1-a`.
pub fn text_id(field: TextField, indicator_id: &str) -> String {
    format!("review-{}-{indicator_id}", field.slug())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Key {
    Above,
    Row(usize),
    Below,
}

fn fixed(width: f32) -> Length {
    Length::Fixed(width)
}

pub fn view<'a>(state: &'a Reviewing, context: &Context<'a>, narrow: bool) -> Element<'a, Message> {
    let language = context.language;
    let explanation_width = if narrow {
        EXPLANATION_NARROW
    } else {
        EXPLANATION_WIDTH
    };
    let heading = |key: &str| widget::column_heading(tr(language, key));
    let header = container(
        row![
            container(heading("review.col_status")).width(fixed(STATUS_WIDTH)),
            container(heading("review.col_indicator")).width(Length::Fill),
            container(heading("review.col_target"))
                .width(fixed(TARGET_WIDTH))
                .align_right(fixed(TARGET_WIDTH)),
            container(heading("review.col_actual"))
                .width(fixed(ACTUAL_WIDTH))
                .align_right(fixed(ACTUAL_WIDTH)),
            container(sort_heading(state, language))
                .width(fixed(ACHIEVEMENT_WIDTH))
                .align_right(fixed(ACHIEVEMENT_WIDTH)),
            container(heading("review.col_explanation")).width(fixed(explanation_width)),
            space().width(fixed(TOOLS_WIDTH)),
        ]
        .spacing(SPACING)
        .align_y(Alignment::Center),
    )
    .padding(iced::Padding::from([6, 10]).right(10.0 + SCROLLBAR_ROOM))
    .clip(true);

    let rows = state.rows();
    if rows.is_empty() {
        let empty = container(
            text(tr(language, "review.no_rows"))
                .size(14)
                .style(widget::muted_text),
        )
        .padding(24)
        .center_x(Length::Fill);
        return column![header, empty].into();
    }

    let layout = state.layout();
    let window = layout.window(state.scroll);
    let mut children: Vec<(Key, Element<'a, Message>)> =
        Vec::with_capacity(window.end - window.first + 2);
    children.push((Key::Above, space().height(window.above).into()));
    for (offset, &index) in rows[window.first..window.end].iter().enumerate() {
        let position = window.first + offset;
        let Some(line) = Line::new(context, index) else {
            children.push((Key::Row(index), space().height(ROW_HEIGHT).into()));
            continue;
        };
        let expanded = state.expanded == Some(index);
        let mut item = column![row_view(state, context, &line, explanation_width, position)];
        if expanded {
            item = item.push(details::expanded_view(context, &line));
        }
        children.push((Key::Row(index), item.into()));
    }
    children.push((Key::Below, space().height(window.below).into()));

    // The scrollbar floats over a margin the rows always leave, so the columns stay
    // under their headings whether or not the list is long enough to scroll.
    let rows_column = keyed_column(children)
        .width(Length::Fill)
        .padding(iced::Padding::ZERO.right(SCROLLBAR_ROOM));
    let body = scrollable(rows_column)
        .id(TABLE_ID)
        .direction(Direction::Vertical(
            Scrollbar::new().width(8).scroller_width(8).margin(3),
        ))
        .on_scroll(Message::Scrolled)
        .height(Length::Fill);
    column![header, body].height(Length::Fill).into()
}

/// The achievement heading sorts by achievement (lowest first) and back.
fn sort_heading<'a>(state: &'a Reviewing, language: Language) -> Element<'a, Message> {
    let sorted = state.filters.sort == Sort::Achievement;
    let mut label = row![
        text(tr(language, "review.col_achievement"))
            .size(12)
            .wrapping(text::Wrapping::None)
    ]
    .spacing(3)
    .align_y(Alignment::Center);
    if sorted {
        label = label.push(Icon::Up.sized(12));
    }
    let next = if sorted {
        Sort::Document
    } else {
        Sort::Achievement
    };
    tooltip(
        button(label)
            .padding([1, 3])
            .style(move |theme: &Theme, status| {
                let mut style = theme::tool(theme, status);
                if !sorted {
                    style.text_color = theme::muted(theme);
                }
                style
            })
            .on_press(Message::SortSelected(next)),
        container(text(tr(language, next.key())).size(12))
            .padding([3, 8])
            .style(container::rounded_box),
        tooltip::Position::Bottom,
    )
    .into()
}

fn row_view<'a>(
    state: &'a Reviewing,
    context: &Context<'a>,
    line: &Line<'a>,
    explanation_width: f32,
    position: usize,
) -> Element<'a, Message> {
    let language = context.language;
    let index = line.index;
    let expanded = state.expanded == Some(index);

    // Status, and what changed since the previous quarter or since the opened review.
    let mut marks: Row<'a, Message> = row![].spacing(6).align_y(Alignment::Center);
    match line.trend(context) {
        Some(Trend::NewlyBehind) => {
            marks = marks.push(small_status_text(
                tr(language, "review.trend_newly_behind"),
                crate::review::Status::Behind,
            ));
        }
        Some(Trend::NewlyMissing) => {
            marks = marks.push(small_status_text(
                tr(language, "review.trend_newly_missing"),
                crate::review::Status::Missing,
            ));
        }
        Some(Trend::Recovered) => {
            marks = marks.push(small_status_text(
                tr(language, "review.trend_recovered"),
                crate::review::Status::OnTrack,
            ));
        }
        None => {}
    }
    if state.flagged_in_opened(context, &line.review.id) {
        marks = marks.push(tooltip(
            Icon::Flag.sized(12).style(widget::muted_text),
            container(text(tr(language, "review.flagged_then")).size(12))
                .padding([3, 8])
                .style(container::rounded_box),
            tooltip::Position::Right,
        ));
    }
    let status = column![widget::status_chip(line.status(), language), marks].spacing(4);

    // Indicator, with where it sits on the second line, cut to the column's width.
    let shown = *line;
    let name = iced::widget::responsive(move |space| name_cell(&shown, space.width));

    let target = target_cell(line, language);
    let actual = actual_cell(state, context, line);
    let achievement = achievement_cell(context, line);

    let explanation = explanation_cell(context, line, explanation_width);
    let evidence = line
        .entry()
        .and_then(|entry| entry.evidence.as_ref())
        .filter(|evidence| !evidence.is_empty());
    let evidence_button: Element<'a, Message> = match evidence {
        Some(list) if list.len() == 1 => widget::tool_button(
            Icon::Link,
            tr_with(language, "review.open_evidence", &[("target", &list[0])]),
            Some(Message::OpenEvidence(list[0].clone())),
        ),
        Some(list) => widget::tool_button(
            Icon::Link,
            tr_with(
                language,
                "review.evidence_count",
                &[("count", &list.len().to_string())],
            ),
            Some(Message::ToggleRow(index)),
        ),
        None => space().width(fixed(34.0)).into(),
    };
    let toggle = widget::tool_button(
        if expanded {
            Icon::Collapse
        } else {
            Icon::Expand
        },
        tr(
            language,
            if expanded {
                "review.collapse"
            } else {
                "review.expand"
            },
        ),
        Some(Message::ToggleRow(index)),
    );

    let cells = row![
        container(status).width(fixed(STATUS_WIDTH)),
        container(name)
            .width(Length::Fill)
            .height(Length::Fill)
            .center_y(Length::Fill),
        container(target)
            .width(fixed(TARGET_WIDTH))
            .align_right(fixed(TARGET_WIDTH)),
        container(actual).width(fixed(ACTUAL_WIDTH)),
        container(achievement)
            .width(fixed(ACHIEVEMENT_WIDTH))
            .align_right(fixed(ACHIEVEMENT_WIDTH)),
        container(explanation)
            .width(fixed(explanation_width))
            .clip(true),
        row![evidence_button, toggle]
            .spacing(0)
            .width(fixed(TOOLS_WIDTH))
            .align_y(Alignment::Center),
    ]
    .spacing(SPACING)
    .align_y(Alignment::Center)
    .height(Length::Fill);

    let stripe = position % 2 == 1;
    container(cells)
        .padding([6, 10])
        .height(fixed(ROW_HEIGHT))
        .width(Length::Fill)
        .clip(true)
        .style(move |theme: &Theme| row_style(theme, stripe, expanded))
        .into()
}

/// The indicator's name in at most two lines and where it sits on a third, each cut
/// at a word to `width` (the row is too short for more, and a clipped line would cut
/// mid-word).
fn name_cell<'a>(line: &Line<'a>, width: f32) -> Element<'a, Message> {
    // About 7.5 px a character at 13 px once lines break at words (measured: a 290 px
    // column holds 36), and 5.5 px at 11 px.
    let name_room = ((width / 7.5) as usize).saturating_mul(2).saturating_sub(4);
    let place_room = (width / 5.5) as usize;
    container(
        column![
            text(shorten_at_word(&line.indicator.name, name_room.max(12))).size(13),
            text(line.place(place_room))
                .size(11)
                .style(widget::muted_text)
                .wrapping(text::Wrapping::None),
        ]
        .spacing(2),
    )
    .height(Length::Fill)
    .center_y(Length::Fill)
    .clip(true)
    .into()
}

/// The indicator's achievement and, under it, its program's budget absorption, so a
/// reviewer sees whether the money moved with the work.
fn achievement_cell<'a>(context: &Context<'a>, line: &Line<'a>) -> Element<'a, Message> {
    let language = context.language;
    let status = line.status();
    let achievement = text(line.achievement_text(language))
        .size(14)
        .font(widget::bold())
        .style(move |theme: &Theme| text::Style {
            color: Some(theme::status_color(theme, status)),
        });
    let Some(absorption) = line.absorption else {
        return achievement.into();
    };
    let cell = column![
        achievement,
        sub_text(tr_with(
            language,
            "review.absorption_short",
            &[("value", &language.percent(absorption))],
        )),
    ]
    .spacing(2)
    .align_x(Alignment::End);
    tooltip(
        cell,
        container(text(program_money(context, line)).size(12))
            .padding([4, 8])
            .max_width(340)
            .style(container::rounded_box),
        tooltip::Position::Bottom,
    )
    .into()
}

fn small_status_text<'a>(label: String, status: crate::review::Status) -> Element<'a, Message> {
    text(label)
        .size(11)
        .style(move |theme: &Theme| text::Style {
            color: Some(theme::status_color(theme, status)),
        })
        .wrapping(text::Wrapping::None)
        .into()
}

pub(super) fn sub_text<'a>(label: String) -> iced::widget::Text<'a> {
    text(label)
        .size(11)
        .style(widget::muted_text)
        .wrapping(text::Wrapping::None)
}

fn target_cell<'a>(line: &Line<'a>, language: Language) -> Element<'a, Message> {
    let value = text(line.target_text(language)).size(14);
    let sub = match line.indicator.kind {
        Kind::Count => tr(language, "review.year_to_date"),
        Kind::Average => tr(language, "review.year_average"),
        Kind::Milestone => tr(language, "review.due"),
        Kind::Level => line.indicator.unit.clone(),
    };
    let cell = column![value, sub_text(sub)]
        .spacing(2)
        .align_x(Alignment::End);
    if line.is_year_to_date()
        && let Some(entry) = line.entry()
    {
        // The quarter's own target, which the typed actual answers.
        let tip = tr_with(
            language,
            "review.count_tip",
            &[
                ("quarter", &language.quarter(line.quarter)),
                ("target", &language.number(entry.target, 2)),
                ("sum", &line.target_text(language)),
            ],
        );
        return tooltip(
            cell,
            container(text(tip).size(12))
                .padding([4, 8])
                .max_width(320)
                .style(container::rounded_box),
            tooltip::Position::Bottom,
        )
        .into();
    }
    cell.into()
}

fn actual_cell<'a>(
    state: &'a Reviewing,
    context: &Context<'a>,
    line: &Line<'a>,
) -> Element<'a, Message> {
    let language = context.language;
    let index = line.index;
    if line.indicator.kind == Kind::Milestone {
        let done = line.milestone_done();
        let mut check = checkbox(done)
            .label(tr(language, "review.done"))
            .text_size(13)
            .size(16);
        if !context.read_only && line.indicator.due.is_some() {
            check = check.on_toggle(move |done| Message::MilestoneToggled(index, done));
        }
        let sub = match line.indicator.done {
            Some(quarter) => language.quarter(quarter),
            None => tr(language, "review.not_done"),
        };
        return column![check, sub_text(sub)].spacing(3).into();
    }
    if !line.takes_actual() {
        return container(sub_text(tr(language, "review.no_target_short")))
            .align_right(Length::Fill)
            .into();
    }
    let id = &line.review.id;
    let buffer = state.buffer(id, line.quarter);
    let stored = entry::stored_actual(line.indicator, line.quarter);
    let invalid = buffer.is_some_and(|b| !b.is_valid());
    let shown = match buffer {
        // A valid entry shows as typed while it still is the stored value (undo
        // brings the stored value back).
        Some(b) if !b.is_valid() || b.value == stored => b.text.clone(),
        _ => stored.map(|v| language.number(v, 4)).unwrap_or_default(),
    };
    let mut input = text_input(&tr(language, "review.actual_placeholder"), &shown)
        .id(actual_id(id))
        .size(13)
        .padding([4, 6])
        .align_x(iced::alignment::Horizontal::Right)
        .width(Length::Fill);
    if !context.read_only {
        input = input.on_input(move |text| Message::ActualChanged(index, text));
    }
    if invalid {
        input = input.style(theme::invalid_input);
    }
    let field: Element<'a, Message> = if line.is_year_to_date() {
        row![sub_text(tr(language, "review.this_quarter")), input]
            .spacing(4)
            .align_y(Alignment::Center)
            .into()
    } else {
        input.into()
    };
    let sub: Element<'a, Message> = if let Some(problem) = buffer.and_then(|b| b.problem) {
        text(tr(language, problem.key()))
            .size(11)
            .style(text::danger)
            .wrapping(text::Wrapping::None)
            .into()
    } else if line.is_year_to_date() {
        sub_text(tr_with(
            language,
            "review.year_to_date_actual",
            &[(
                "value",
                &line
                    .compared_actual_text(language)
                    .unwrap_or_else(|| "—".into()),
            )],
        ))
        .into()
    } else {
        sub_text(line.indicator.unit.clone()).into()
    };
    column![field, container(sub).align_right(Length::Fill)]
        .spacing(2)
        .into()
}

/// What was written about the row and, on a flagged row, what is still missing: a row
/// with a *kendala* but no *tindak lanjut* shows its *kendala* and says the other is not
/// written. Long text is cut at a word; the whole of it is in the tooltip.
fn explanation_cell<'a>(
    context: &Context<'a>,
    line: &Line<'a>,
    width: f32,
) -> Element<'a, Message> {
    let language = context.language;
    let (obstacle, follow_up) = line.explanation();
    if obstacle.is_none() && follow_up.is_none() {
        if !line.review.unexplained {
            return sub_text("—".into()).into();
        }
        let mut content = column![
            row![
                Icon::Warning.sized(13).style(text::warning),
                text(tr(language, "review.unexplained"))
                    .size(12)
                    .style(text::warning)
                    .wrapping(text::Wrapping::None),
            ]
            .spacing(4)
            .align_y(Alignment::Center)
        ]
        .spacing(3);
        if !context.read_only && line.takes_explanation() {
            content = content.push(
                button(text(tr(language, "review.explain")).size(12))
                    .padding([2, 8])
                    .style(button::secondary)
                    .on_press(Message::Explain(line.index)),
            );
        }
        return content.into();
    }
    // About 6 px a character at size 12 (measured under both renderers: a
    // 24-character line takes some 130 px), less the label in front.
    let max = ((width / 6.0) as usize).saturating_sub(4).max(8);
    let mut content: Column<'a, Message> = column![].spacing(2);
    let mut cut = false;
    for (label, value) in [
        ("review.obstacle_short", obstacle),
        ("review.follow_up_short", follow_up),
    ] {
        match value {
            Some(value) => {
                let whole = one_line(value);
                let shown = shorten_at_word(&whole, max);
                cut |= shown != whole;
                content = content.push(
                    text(format!("{}: {shown}", tr(language, label)))
                        .size(12)
                        .wrapping(text::Wrapping::None),
                );
            }
            None if line.review.unexplained => {
                let missing = row![
                    Icon::Warning.sized(12).style(text::warning),
                    text(format!(
                        "{}: {}",
                        tr(language, label),
                        tr(language, "review.not_written")
                    ))
                    .size(12)
                    .style(text::warning)
                    .wrapping(text::Wrapping::None),
                ]
                .spacing(4)
                .align_y(Alignment::Center);
                content = content.push(if context.read_only {
                    Element::from(missing)
                } else {
                    button(missing)
                        .padding(0)
                        .style(button::text)
                        .on_press(Message::Explain(line.index))
                        .into()
                });
            }
            None => {}
        }
    }
    if !cut {
        return content.into();
    }
    let mut whole: Column<'a, Message> = column![].spacing(4);
    for (key, value) in [
        ("review.obstacle", obstacle),
        ("review.follow_up", follow_up),
    ] {
        if let Some(value) = value {
            whole = whole.push(text(format!("{}: {value}", tr(language, key))).size(12));
        }
    }
    tooltip(
        content,
        container(whole)
            .padding([4, 8])
            .max_width(420)
            .style(container::rounded_box),
        tooltip::Position::Left,
    )
    .into()
}

/// Text written over several lines, as one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn row_style(theme: &Theme, stripe: bool, expanded: bool) -> container::Style {
    let palette = theme.extended_palette();
    let background = if expanded {
        iced::Color {
            a: 0.10,
            ..palette.primary.base.color
        }
    } else if stripe {
        palette.background.weakest.color
    } else {
        palette.background.base.color
    };
    container::Style {
        background: Some(background.into()),
        border: iced::Border {
            color: palette.background.strong.color,
            width: 0.0,
            radius: 0.0.into(),
        },
        ..container::Style::default()
    }
}
