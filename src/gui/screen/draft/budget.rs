//! A program's quick-win mark and its money (format version 2): the budget (*pagu*)
//! of each year and what was spent each quarter, with the absorption (*serapan*) they
//! give.

use iced::widget::{Column, checkbox, column, container, row, text};
use iced::{Alignment, Element, Length};

use super::form::input;
use super::{Drafting, Field, Message, Pick};
use crate::gui::contract::Context;
use crate::gui::i18n::tr;
use crate::gui::widget;
use crate::locale::Language;
use crate::model::{Program, Quarter};

/// The quick-win checkbox.
pub fn quick_win<'a>(program: &Program, context: &Context<'a>) -> Element<'a, Message> {
    let mut check = checkbox(program.quick_win).label(tr(context.language, "draft.quick_win"));
    if !context.read_only {
        check = check.on_toggle(|on| Message::Picked(Pick::QuickWin(on)));
    }
    check.into()
}

/// Years of the period × budget, TW I–IV spending and the absorption at the year's
/// last quarter (or at the quarter under review, in its year).
pub fn section<'a>(
    state: &'a Drafting,
    context: &Context<'a>,
    program: &'a Program,
) -> Element<'a, Message> {
    let language = context.language;
    let heading = |words: String| {
        container(text(words).size(13).style(widget::muted_text))
            .width(Length::Fill)
            .center_x(Length::Fill)
    };
    let mut header = row![
        container(
            text(tr(language, "draft.year"))
                .size(13)
                .style(widget::muted_text)
        )
        .width(Length::Fixed(56.0)),
        container(heading(tr(language, "draft.annual_budget"))).width(Length::FillPortion(2)),
    ]
    .spacing(6);
    for number in 1..=4 {
        let quarter = Quarter::new(context.roadmap.period.start, number).expect("a quarter");
        header = header.push(
            container(heading(format!(
                "{} {}",
                tr(language, "draft.spent"),
                language.quarter_of_year(quarter)
            )))
            .width(Length::FillPortion(2)),
        );
    }
    header = header
        .push(container(heading(tr(language, "draft.absorption"))).width(Length::FillPortion(1)));
    let mut table: Column<'a, Message> = column![header].spacing(4);
    for year in context.roadmap.period.years() {
        let mut line = row![
            container(text(year.to_string()).size(13)).width(Length::Fixed(56.0)),
            container(input(
                state,
                context,
                Field::AnnualBudget(year),
                rupiah(language, program.budget_of(year)),
                "",
            ))
            .width(Length::FillPortion(2)),
        ]
        .spacing(6)
        .align_y(Alignment::Center);
        for number in 1..=4 {
            let quarter = Quarter::new(year, number).expect("1..=4 is a quarter");
            line = line.push(
                container(input(
                    state,
                    context,
                    Field::Spent(quarter),
                    rupiah(language, program.spent.get(quarter.key().as_str()).copied()),
                    "",
                ))
                .width(Length::FillPortion(2)),
            );
        }
        let at = if context.quarter.year() == year {
            context.quarter
        } else {
            Quarter::new(year, 4).expect("4 is a quarter")
        };
        let absorption = program
            .absorption(at)
            .map(|value| language.percent(value))
            .unwrap_or_else(|| "—".to_owned());
        line = line.push(
            container(text(absorption).size(13))
                .width(Length::FillPortion(1))
                .center_x(Length::Fill),
        );
        table = table.push(line);
    }
    widget::section(
        tr(language, "draft.budget_plan"),
        column![
            text(tr(language, "draft.budget_plan_help"))
                .size(13)
                .style(widget::muted_text),
            table,
        ]
        .spacing(8),
    )
}

/// Whole rupiah without the `Rp`, grouped as the interface writes numbers.
fn rupiah(language: Language, amount: Option<u64>) -> String {
    amount
        .map(|amount| language.number(amount as f64, 0))
        .unwrap_or_default()
}
