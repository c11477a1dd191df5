//! The quarterly target grid of an indicator: years of the period × TW I–IV, a target
//! and an actual cell for each, typed in either number convention and shown in the
//! interface's.

use iced::widget::{Column, column, container, row, text, text_input, tooltip};
use iced::{Alignment, Element, Length, Theme};

use super::{BufferKey, Cell, Drafting, Message, Step};
use crate::gui::i18n::tr;
use crate::gui::{theme, widget};
use crate::locale::{Language, parse_number, parse_range};
use crate::model::Period;
use crate::model::{EntryError, Indicator, Planned, Quarter};

pub fn buffer_key(indicator: &Indicator, quarter: Quarter, cell: Cell) -> BufferKey {
    BufferKey::Cell {
        indicator: indicator.id.clone(),
        quarter,
        cell,
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

/// The indicator after typing `text` into a cell: `Ok(None)` when nothing changes. A
/// target may be a range (`70–80`, format version 2); an actual is one number.
pub fn apply(
    indicator: &Indicator,
    quarter: Quarter,
    cell: Cell,
    text: &str,
) -> Result<Option<Indicator>, CellProblem> {
    let empty = text.trim().is_empty();
    match cell {
        Cell::Target => {
            let planned = if empty {
                None
            } else {
                let (target, upper) = parse_range(text).map_err(|_| CellProblem::NotANumber)?;
                Some(Planned { target, upper })
            };
            indicator.with_target(quarter, planned)
        }
        Cell::Actual => {
            let value = if empty {
                None
            } else {
                Some(parse_number(text).map_err(|_| CellProblem::NotANumber)?)
            };
            indicator.with_actual(quarter, value)
        }
    }
    .map_err(CellProblem::Refused)
}

/// The grid for the indicator at (a, p, i).
pub fn view<'a>(
    state: &'a Drafting,
    indicator: &'a Indicator,
    language: Language,
    period: Period,
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
                    None => shown(indicator, quarter, cell, language),
                };
                let problem = buffer.filter(|b| !b.valid).map(|buffer| {
                    apply(indicator, quarter, cell, &buffer.text)
                        .err()
                        .unwrap_or(CellProblem::NotANumber)
                });
                if let Some(problem) = problem {
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
                    .on_submit(Message::CellSubmitted(quarter, cell))
                    .padding([6, 8])
                    .size(14)
                    .align_x(iced::alignment::Horizontal::Right)
                    .width(Length::Fill);
                if problem.is_some() {
                    input = input.style(theme::invalid_input);
                } else if quarter == current {
                    input = input.style(current_quarter_input);
                }
                // Why it is red, where the eye is (the list under the grid may be out of
                // view). Every cell is wrapped alike, valid or not: a cell whose widget
                // tree changed as it turned red would lose the focus mid-typing (`70-`
                // is red until `80` follows).
                let tip = problem.map(|problem| {
                    container(text(tr(language, problem.key())).size(13))
                        .padding([4, 8])
                        .style(container::rounded_box)
                });
                let cell_view = tooltip(input, tip, tooltip::Position::Top).gap(4);
                line = line.push(cell_view);
            }
            grid = grid.push(line);
        }
    }
    // Tab moves from cell to cell inside the grid itself (tab.rs).
    let grid = super::tab::tab_keys(grid, period, Message::Keyed);
    let mut content = column![grid].spacing(8);
    for problem in problems {
        content = content.push(text(problem).size(13).style(text::danger));
    }
    content.into()
}

/// The cells of the grid in the order Tab visits them: year by year, the target row
/// then the actual row, TW I to TW IV.
pub(super) fn cells(period: Period) -> impl Iterator<Item = (Quarter, Cell)> {
    period.years().flat_map(|year| {
        [Cell::Target, Cell::Actual]
            .into_iter()
            .flat_map(move |cell| {
                (1..=4).map(move |number| {
                    (
                        Quarter::new(year, number).expect("1..=4 is a quarter"),
                        cell,
                    )
                })
            })
    })
}

/// The cell a key moves to from (`quarter`, `cell`): right and left in reading order
/// (from TW IV to the next row's TW I), down to the same quarter's cell in the next
/// row; `None` past the grid's ends.
pub fn next_cell(
    period: Period,
    quarter: Quarter,
    cell: Cell,
    step: Step,
) -> Option<(Quarter, Cell)> {
    let order: Vec<(Quarter, Cell)> = cells(period).collect();
    let at = order.iter().position(|&c| c == (quarter, cell))?;
    let to = match step {
        Step::Right => at.checked_add(1)?,
        Step::Left => at.checked_sub(1)?,
        Step::Down => at.checked_add(4)?,
    };
    order.get(to).copied()
}

/// The widget id of a grid cell, for tests and focus: `cell-2025-Q1-target`.
pub fn cell_id(quarter: Quarter, cell: Cell) -> String {
    let cell = match cell {
        Cell::Target => "target",
        Cell::Actual => "actual",
    };
    format!("cell-{quarter}-{cell}")
}

/// The cell as the document holds it, as exact text (see [`crate::gui::typed::exact`]).
pub fn stored_text(indicator: &Indicator, quarter: Quarter, cell: Cell) -> String {
    use crate::gui::typed::exact;
    match (cell, indicator.target_at(quarter)) {
        (Cell::Target, Some(entry)) => match entry.upper {
            Some(upper) => format!("{}–{}", exact(Some(entry.target)), exact(Some(upper))),
            None => exact(Some(entry.target)),
        },
        (Cell::Actual, Some(entry)) => exact(entry.actual),
        (_, None) => String::new(),
    }
}

/// The cell as shown: `12,5`, a range as `70–80`, in the interface's numbers.
fn shown(indicator: &Indicator, quarter: Quarter, cell: Cell, language: Language) -> String {
    let number = |value: f64| language.number(value, 4);
    match (cell, indicator.target_at(quarter)) {
        (Cell::Target, Some(entry)) => match entry.upper {
            Some(upper) => format!("{}–{}", number(entry.target), number(upper)),
            None => number(entry.target),
        },
        (Cell::Actual, Some(entry)) => entry.actual.map(number).unwrap_or_default(),
        (_, None) => String::new(),
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
    fn a_range_reads_back_from_its_text() {
        let q1 = Quarter::new(2025, 1).unwrap();
        let ranged = apply(&indicator(), q1, Cell::Target, "70–80,5")
            .unwrap()
            .unwrap();
        let entry = ranged.target_at(q1).unwrap();
        assert_eq!((entry.target, entry.upper), (70.0, Some(80.5)));
        assert_eq!(stored_text(&ranged, q1, Cell::Target), "70–80.5");
        assert_eq!(
            shown(&ranged, q1, Cell::Target, Language::Indonesian),
            "70–80,5"
        );
        assert_eq!(
            apply(
                &ranged,
                q1,
                Cell::Target,
                &stored_text(&ranged, q1, Cell::Target)
            ),
            Ok(None)
        );
    }

    #[test]
    fn keys_move_like_a_spreadsheet() {
        let period = Period {
            start: 2025,
            end: 2026,
        };
        let q = |year, n| Quarter::new(year, n).unwrap();
        use Cell::{Actual, Target};
        for (from, step, to) in [
            (
                (q(2025, 1), Target),
                Step::Right,
                Some((q(2025, 2), Target)),
            ),
            (
                (q(2025, 4), Target),
                Step::Right,
                Some((q(2025, 1), Actual)),
            ),
            (
                (q(2025, 4), Actual),
                Step::Right,
                Some((q(2026, 1), Target)),
            ),
            ((q(2025, 2), Target), Step::Left, Some((q(2025, 1), Target))),
            ((q(2025, 1), Actual), Step::Left, Some((q(2025, 4), Target))),
            ((q(2025, 1), Target), Step::Left, None),
            ((q(2025, 3), Target), Step::Down, Some((q(2025, 3), Actual))),
            ((q(2025, 3), Actual), Step::Down, Some((q(2026, 3), Target))),
            ((q(2026, 4), Actual), Step::Right, None),
            ((q(2026, 2), Actual), Step::Down, None),
            // Outside the period: not a cell of this grid.
            ((q(2027, 1), Target), Step::Right, None),
        ] {
            assert_eq!(
                next_cell(period, from.0, from.1, step),
                to,
                "{from:?} {step:?}"
            );
        }
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
            (q(1), Cell::Target, "12,5x", Err(CellProblem::NotANumber)),
            (q(1), Cell::Target, "70-80", Ok(Some(Some(70.0)))),
            (q(1), Cell::Target, "80–70", Err(CellProblem::NotANumber)),
            (q(1), Cell::Actual, "70-80", Err(CellProblem::NotANumber)),
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
            let result = apply(&base, quarter, cell, typed).map(|changed| {
                changed.map(|indicator| {
                    let entry = indicator.target_at(quarter);
                    match cell {
                        Cell::Target => entry.map(|entry| entry.target),
                        Cell::Actual => entry.and_then(|entry| entry.actual),
                    }
                })
            });
            assert_eq!(result, expected, "{quarter} {cell:?} {typed:?}");
        }
    }
}
