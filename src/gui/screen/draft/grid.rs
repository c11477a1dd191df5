//! The quarterly target grid of an indicator: years of the period × TW I–IV, a target
//! and an actual cell for each, typed in either number convention and shown in the
//! interface's.

use iced::widget::{Column, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Theme};

use super::{BufferKey, Cell, Drafting, Message};
use crate::gui::i18n::tr;
use crate::gui::{theme, widget};
use crate::locale::{Language, parse_number};
use crate::model::{EntryError, Indicator, Quarter};

pub fn buffer_key(indicator: &Indicator, quarter: Quarter, cell: Cell) -> BufferKey {
    BufferKey {
        owner: indicator.id.clone(),
        slot: format!("{quarter}/{cell:?}"),
    }
}

/// Why typed text cannot go into a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellProblem {
    NotANumber,
    /// The document's rules refuse it (see [`EntryError`]).
    Refused(EntryError),
}

impl CellProblem {
    fn key(self) -> &'static str {
        match self {
            CellProblem::NotANumber => "draft.cell_not_a_number",
            // Milestones have no grid: never typed here.
            CellProblem::Refused(EntryError::NoTarget | EntryError::Milestone) => {
                "draft.cell_no_target"
            }
            CellProblem::Refused(EntryError::ActualReported) => "draft.cell_target_needed",
        }
    }
}

/// The indicator after typing `text` into a cell: `Ok(None)` when nothing changes.
pub fn apply(
    indicator: &Indicator,
    quarter: Quarter,
    cell: Cell,
    text: &str,
) -> Result<Option<Indicator>, CellProblem> {
    let value = if text.trim().is_empty() {
        None
    } else {
        Some(parse_number(text).map_err(|_| CellProblem::NotANumber)?)
    };
    match cell {
        Cell::Target => indicator.with_target(quarter, value),
        Cell::Actual => indicator.with_actual(quarter, value),
    }
    .map_err(CellProblem::Refused)
}

/// The grid for the indicator at (a, p, i).
pub fn view<'a>(
    state: &'a Drafting,
    indicator: &'a Indicator,
    language: Language,
    period: crate::model::Period,
    current: Quarter,
) -> Element<'a, Message> {
    let label = |key: &str| text(tr(language, key)).size(13).style(widget::muted_text);
    let mut header = row![container(label("draft.year")).width(Length::Fixed(96.0))].spacing(6);
    for number in 1..=4 {
        let quarter = Quarter::new(period.start, number).expect("1..=4 is a quarter");
        header = header.push(
            container(
                text(language.quarter_of_year(quarter))
                    .size(13)
                    .style(widget::muted_text),
            )
            .width(Length::Fill)
            .center_x(Length::Fill),
        );
    }
    let mut grid: Column<'a, Message> = column![header].spacing(4);
    let mut problems: Vec<String> = Vec::new();
    for year in period.years() {
        for cell in [Cell::Target, Cell::Actual] {
            let name = match cell {
                Cell::Target => tr(language, "draft.target"),
                Cell::Actual => tr(language, "draft.actual"),
            };
            let mut line = row![
                container(text(format!("{year} · {name}")).size(13))
                    .width(Length::Fixed(96.0))
                    .center_y(Length::Shrink)
            ]
            .spacing(6)
            .align_y(Alignment::Center);
            for number in 1..=4 {
                let quarter = Quarter::new(year, number).expect("1..=4 is a quarter");
                let key = buffer_key(indicator, quarter, cell);
                let buffer = state.buffer(&key);
                let shown = match buffer {
                    Some(buffer) => buffer.text.clone(),
                    None => stored(indicator, quarter, cell)
                        .map(|value| language.number(value, 4))
                        .unwrap_or_default(),
                };
                let invalid = buffer.is_some_and(|b| !b.valid);
                if invalid {
                    let problem = apply(indicator, quarter, cell, &buffer.expect("invalid").text)
                        .err()
                        .unwrap_or(CellProblem::NotANumber);
                    problems.push(format!(
                        "{} · {}: {}",
                        language.quarter(quarter),
                        name,
                        tr(language, problem.key())
                    ));
                }
                let mut input = text_input("", &shown)
                    .id(cell_id(quarter, cell))
                    .on_input(move |text| Message::CellChanged(quarter, cell, text))
                    .padding([6, 8])
                    .size(14)
                    .align_x(iced::alignment::Horizontal::Right)
                    .width(Length::Fill);
                if invalid {
                    input = input.style(theme::invalid_input);
                } else if quarter == current {
                    input = input.style(current_quarter_input);
                }
                line = line.push(input);
            }
            grid = grid.push(line);
        }
    }
    let mut content = column![grid].spacing(8);
    for problem in problems {
        content = content.push(text(problem).size(13).style(text::danger));
    }
    content.into()
}

/// The widget id of a grid cell, for tests and focus: `cell-2025-Q1-target`.
pub fn cell_id(quarter: Quarter, cell: Cell) -> String {
    let cell = match cell {
        Cell::Target => "target",
        Cell::Actual => "actual",
    };
    format!("cell-{quarter}-{cell}")
}

fn stored(indicator: &Indicator, quarter: Quarter, cell: Cell) -> Option<f64> {
    let entry = indicator.target_at(quarter)?;
    match cell {
        Cell::Target => Some(entry.target),
        Cell::Actual => entry.actual,
    }
}

/// Cells of the quarter under review stand out a little.
fn current_quarter_input(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let base = text_input::default(theme, status);
    text_input::Style {
        border: iced::Border {
            color: theme.palette().primary,
            width: 1.5,
            ..base.border
        },
        ..base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::model::Target;

    fn indicator() -> Indicator {
        let mut indicator = Indicator::new("x", "X", Kind::Level);
        indicator
            .targets
            .insert("2025-Q1".into(), Target::planned(45.0));
        let mut reported = Target::planned(50.0);
        reported.actual = Some(43.0);
        indicator.targets.insert("2025-Q2".into(), reported);
        indicator
    }

    #[test]
    fn typing_into_cells() {
        let q = |n| Quarter::new(2025, n).unwrap();
        let base = indicator();
        for (quarter, cell, typed, expected) in [
            (q(1), Cell::Target, "12,5", Ok(Some(Some(12.5)))),
            (q(1), Cell::Target, "12.5", Ok(Some(Some(12.5)))),
            (q(1), Cell::Target, "45", Ok(None)),
            (q(3), Cell::Target, "60", Ok(Some(Some(60.0)))),
            (q(1), Cell::Target, "", Ok(Some(None))),
            (
                q(2),
                Cell::Target,
                "",
                Err(CellProblem::Refused(EntryError::ActualReported)),
            ),
            (q(1), Cell::Target, "12,,5", Err(CellProblem::NotANumber)),
            (q(1), Cell::Actual, "44", Ok(Some(Some(44.0)))),
            (q(2), Cell::Actual, "", Ok(Some(None))),
            (
                q(3),
                Cell::Actual,
                "5",
                Err(CellProblem::Refused(EntryError::NoTarget)),
            ),
            (q(3), Cell::Actual, "", Ok(None)),
            (q(2), Cell::Actual, "abc", Err(CellProblem::NotANumber)),
        ] {
            let result = apply(&base, quarter, cell, typed)
                .map(|changed| changed.map(|indicator| stored(&indicator, quarter, cell)));
            assert_eq!(result, expected, "{quarter} {cell:?} {typed:?}");
        }
    }
}
