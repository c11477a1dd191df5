//! The problems panel: what validation found, each line taking the user to its item.

use iced::widget::{Column, button, column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length};

use super::{Drafting, Message};
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::theme;
use crate::validate::Severity;

pub fn view<'a>(state: &'a Drafting, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let problems = context.problems;
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let invalid = state.invalid_entries();
    let summary = if problems.is_empty() && invalid == 0 {
        row![
            Icon::Check.view().style(iced::widget::text::success),
            text(tr(language, "draft.no_problems")).size(14),
        ]
    } else {
        let mut line = row![
            Icon::Error.view().style(iced::widget::text::danger),
            text(tr_with(
                language,
                "draft.problem_counts",
                &[
                    ("errors", &errors.to_string()),
                    ("warnings", &warnings.to_string())
                ]
            ))
            .size(14),
        ];
        if invalid > 0 {
            // A link to the first of them: the red field may be on another item or
            // out of view.
            line = line.push(
                button(
                    text(tr_with(
                        language,
                        if invalid == 1 {
                            "draft.invalid_entries.one"
                        } else {
                            "draft.invalid_entries.other"
                        },
                        &[("count", &invalid.to_string())],
                    ))
                    .size(14)
                    .style(iced::widget::text::danger),
                )
                .padding([2, 4])
                .style(button::text)
                .on_press(Message::ShowFirstInvalid),
            );
        }
        line
    }
    .spacing(8)
    .align_y(Alignment::Center);

    let toggle = button(
        text(tr(
            language,
            if state.show_problems {
                "draft.hide"
            } else {
                "draft.show"
            },
        ))
        .size(13),
    )
    .style(theme::tool)
    .on_press(Message::ToggleProblems);
    let mut panel: Column<'a, Message> =
        column![row![summary, space::horizontal(), toggle].align_y(Alignment::Center)].spacing(6);
    if state.show_problems && !problems.is_empty() {
        let mut list: Column<'a, Message> = column![].spacing(2);
        for problem in problems {
            let icon = match problem.severity {
                Severity::Error => Icon::Error.view().style(iced::widget::text::danger),
                Severity::Warning => Icon::Warning.view().style(iced::widget::text::warning),
            };
            list = list.push(
                button(
                    row![
                        icon,
                        text(problem.location.describe(context.roadmap, language))
                            .size(13)
                            .width(Length::FillPortion(2)),
                        text(problem.message(language))
                            .size(13)
                            .width(Length::FillPortion(3)),
                    ]
                    .spacing(10)
                    .align_y(Alignment::Center),
                )
                .width(Length::Fill)
                .padding([4, 6])
                .style(theme::outline_row(false))
                .on_press(Message::ProblemClicked(problem.location.clone())),
            );
        }
        panel = panel.push(scrollable(list).height(Length::Fixed(140.0)));
    }
    container(panel)
        .padding([8, 12])
        .width(Length::Fill)
        .style(theme::panel)
        .into()
}
