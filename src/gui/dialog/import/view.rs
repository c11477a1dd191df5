//! How the import preview looks: the sheet and layout, the columns with their
//! meanings, the first rows as read, the counts, and what was skipped or not read.

use iced::widget::{
    Column, button, column, container, pick_list, row, scrollable, space, text, text_input,
};
use iced::{Alignment, Element, Length};

use super::{BadYear, Field, ImportPreview, Menu, Message};
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::widget::{self, Labelled};
use crate::import::{
    Column as SheetColumn, IndicatorRow, Meaning, Outcome, RowReading, column_letters,
};
use crate::locale::Language;
use crate::text::counted;
use crate::text::shorten_at_word;

/// Problems listed one by one; the rest are counted.
const LISTED_PROBLEMS: usize = 40;

impl ImportPreview {
    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let language = context.language;
        let title = row![
            Icon::Open.sized(22),
            text(tr_with(
                language,
                "app.import.title",
                &[("file", &self.file_name())]
            ))
            .size(20)
            .font(widget::bold())
        ]
        .spacing(10)
        .align_y(Alignment::Center);

        let mut body: Column<'a, Message> = column![self.sheet_line(language)].spacing(16);
        match self.plan() {
            Err(error) => {
                body = body.push(widget::notice(
                    widget::danger,
                    text(error.message(language)).size(14),
                ));
            }
            Ok(plan) => {
                body = body
                    .push(self.given_fields(language))
                    .push(widget::section(
                        tr(language, "app.import.columns"),
                        columns(&plan.columns, language),
                    ))
                    .push(widget::section(
                        tr(language, "app.import.rows"),
                        rows(self.rows(), language),
                    ));
                body = body.push(self.result(language));
            }
        }

        let can_import = self.outcome().is_ok() && self.given().options().is_ok();
        let buttons = row![
            button(text(tr(language, "app.cancel")))
                .style(button::secondary)
                .on_press(Message::Cancel),
            space::horizontal(),
            button(text(tr(language, "app.import.confirm")))
                .style(button::primary)
                .on_press_maybe(can_import.then_some(Message::Import)),
        ]
        .spacing(8)
        .width(Length::Fill);

        column![
            title,
            scrollable(body.padding(iced::Padding::ZERO.right(14))).height(Length::Fill),
            buttons
        ]
        .spacing(14)
        .height(Length::Fill)
        .into()
    }

    /// The sheet (a pick list when there are several) and how its table is laid out.
    fn sheet_line(&self, language: Language) -> Element<'_, Message> {
        let sheets: Vec<Labelled<usize>> = self
            .workbook()
            .sheets
            .iter()
            .enumerate()
            .map(|(index, sheet)| Labelled::new(index, sheet.name.clone()))
            .collect();
        let current = sheets.get(self.sheet).cloned();
        let mut line = row![text(tr(language, "app.import.sheet")).size(14)]
            .spacing(8)
            .align_y(Alignment::Center);
        if sheets.len() > 1 {
            line = line.push(
                pick_list(sheets, current, |sheet: Labelled<usize>| {
                    Message::SheetSelected(sheet.value)
                })
                .on_open(Message::MenuToggled(Menu::Open))
                .on_close(Message::MenuToggled(Menu::Closed))
                .text_size(14),
            );
        } else if let Some(sheet) = current {
            line = line.push(text(sheet.to_string()).size(14).font(widget::bold()));
        }
        if let Ok(plan) = self.plan() {
            let layout = tr(language, plan.layout.key());
            let (first, last) = (plan.header.start + 1, plan.header.end);
            let header = if first == last {
                tr_with(
                    language,
                    "app.import.layout_one",
                    &[("layout", &layout), ("row", &first.to_string())],
                )
            } else {
                tr_with(
                    language,
                    "app.import.layout",
                    &[
                        ("layout", &layout),
                        ("first", &first.to_string()),
                        ("last", &last.to_string()),
                    ],
                )
            };
            line = line.push(text(header).size(14).style(widget::muted_text));
        }
        line.wrap().into()
    }

    /// The title, institution and period, as typed over what the sheet says (shown
    /// greyed in the empty field).
    fn given_fields(&self, language: Language) -> Element<'_, Message> {
        let read = self.outcome().ok().map(|(roadmap, _)| roadmap);
        let none = tr(language, "app.import.not_in_sheet");
        let shown = |value: Option<String>| {
            value
                .filter(|v| !v.trim().is_empty())
                .unwrap_or(none.clone())
        };
        let given = self.given();
        let input = |placeholder: String, value: &str, field: Field| {
            text_input(&placeholder, value)
                .on_input(move |typed| Message::Given(field, typed))
                .padding(6)
                .size(14)
        };
        let year_error = match given.options() {
            Err(BadYear::Start) => Some(tr(language, "app.import.bad_start")),
            Err(BadYear::End) => Some(tr(language, "app.import.bad_end")),
            Ok(_) => None,
        };
        let fields = row![
            widget::field(
                tr(language, "app.import.field_title"),
                input(
                    shown(read.map(|r| r.title.clone())),
                    &given.title,
                    Field::Title
                )
            ),
            widget::field(
                tr(language, "app.import.field_institution"),
                input(
                    shown(read.map(|r| r.institution.clone())),
                    &given.institution,
                    Field::Institution
                )
            ),
            container(widget::field(
                tr(language, "app.import.field_start"),
                input(
                    shown(read.map(|r| r.period.start.to_string())),
                    &given.start,
                    Field::Start
                )
            ))
            .width(Length::Fixed(110.0)),
            container(widget::field(
                tr(language, "app.import.field_end"),
                input(
                    shown(read.map(|r| r.period.end.to_string())),
                    &given.end,
                    Field::End
                )
            ))
            .width(Length::Fixed(110.0)),
        ]
        .spacing(10);
        let mut content = column![fields].spacing(4);
        if let Some(error) = year_error {
            content = content.push(text(error).size(13).style(text::danger));
        } else if given.institution.trim().is_empty()
            && read.is_some_and(|r| r.institution.trim().is_empty())
        {
            content = content.push(
                text(tr(language, "app.import.no_institution"))
                    .size(13)
                    .style(text::warning),
            );
        }
        content.into()
    }

    /// The counts and period, then the rows skipped and the cells not read.
    fn result(&self, language: Language) -> Element<'_, Message> {
        let (roadmap, report) = match self.outcome() {
            Ok(outcome) => outcome,
            Err(error) => {
                return widget::notice(widget::danger, text(error.message(language)).size(14));
            }
        };
        let counts = report.counts;
        let summary = tr_with(
            language,
            "app.import.counts",
            &[
                ("areas", &counted(language, "areas", counts.areas)),
                ("programs", &counted(language, "programs", counts.programs)),
                (
                    "indicators",
                    &counted(language, "indicators", counts.indicators),
                ),
                ("targets", &counted(language, "targets", counts.targets)),
                (
                    "units",
                    &counted(language, "responsible_units", counts.units),
                ),
                ("start", &roadmap.period.start.to_string()),
                ("end", &roadmap.period.end.to_string()),
            ],
        );
        let mut content =
            column![widget::notice(widget::primary, text(summary).size(14))].spacing(8);
        let problems: Vec<String> = report
            .skipped
            .iter()
            .map(|skipped| {
                tr_with(
                    language,
                    "app.import.skipped",
                    &[
                        ("row", &skipped.row.to_string()),
                        ("reason", &skipped.reason.message(language)),
                    ],
                )
            })
            .chain(report.warnings.iter().map(|w| w.message(language)))
            .collect();
        if !problems.is_empty() {
            let mut list = column![].spacing(2);
            for problem in problems.iter().take(LISTED_PROBLEMS) {
                list = list.push(text(problem.clone()).size(13));
            }
            if problems.len() > LISTED_PROBLEMS {
                list = list.push(
                    text(tr_with(
                        language,
                        "app.import.more",
                        &[("count", &(problems.len() - LISTED_PROBLEMS).to_string())],
                    ))
                    .size(13)
                    .style(widget::muted_text),
                );
            }
            content = content.push(widget::section(
                tr_with(
                    language,
                    "app.import.problems",
                    &[("count", &problems.len().to_string())],
                ),
                widget::notice(widget::warning, list),
            ));
        }
        content.into()
    }
}

/// Each headed column: its letter, its heading, and what it is read as (a pick list).
fn columns<'a>(columns: &'a [SheetColumn], language: Language) -> Element<'a, Message> {
    let choices: Vec<Labelled<Meaning>> = Meaning::CHOICES
        .iter()
        .map(|&meaning| Labelled::new(meaning, tr(language, meaning.key())))
        .collect();
    let mut list = column![].spacing(4);
    for column in columns.iter().filter(|c| !c.heading.trim().is_empty()) {
        let index = column.index;
        let current = Labelled::new(column.meaning, meaning_label(column.meaning, language));
        let unused = matches!(column.meaning, Meaning::Unused | Meaning::Recomputed);
        list = list.push(
            row![
                text(column_letters(index))
                    .size(13)
                    .width(Length::Fixed(34.0))
                    .style(widget::muted_text),
                text(shorten_at_word(&one_line(&column.heading), 60))
                    .size(13)
                    .width(Length::Fill)
                    .style(if unused {
                        widget::muted_text
                    } else {
                        text::base
                    }),
                pick_list(
                    choices.clone(),
                    Some(current),
                    move |m: Labelled<Meaning>| { Message::MeaningSelected(index, m.value) }
                )
                .on_open(Message::MenuToggled(Menu::Open))
                .on_close(Message::MenuToggled(Menu::Closed))
                .text_size(13)
                .padding([3, 8])
                .width(Length::Fixed(260.0)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    container(scrollable(list.padding(iced::Padding::ZERO.right(12))))
        .max_height(260)
        .into()
}

/// `target TW III 2025`: the meaning with the year and quarter its column holds.
fn meaning_label(meaning: Meaning, language: Language) -> String {
    let name = tr(language, meaning.key());
    match meaning.slot().map(|slot| slot.to_string()) {
        Some(slot) if !slot.is_empty() => format!("{name} {slot}"),
        _ => name,
    }
}

/// Headings over two rows arrive with line breaks: one line for the list.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first rows as they will be read: the row number, then what it says.
fn rows<'a>(readings: &'a [RowReading], language: Language) -> Element<'a, Message> {
    if readings.is_empty() {
        return text(tr(language, "app.import.no_rows"))
            .size(13)
            .style(widget::muted_text)
            .into();
    }
    let mut list = column![].spacing(6);
    for reading in readings {
        let number = text(reading.row.to_string())
            .size(13)
            .width(Length::Fixed(40.0))
            .style(widget::muted_text);
        let said: Element<'a, Message> = match &reading.outcome {
            Outcome::Blank => continue,
            Outcome::Skipped(reason) => text(tr_with(
                language,
                "app.import.row_skipped",
                &[("reason", &reason.message(language))],
            ))
            .size(13)
            .style(text::warning)
            .into(),
            Outcome::Heading(place) => {
                let names: Vec<&str> = [place.area.as_deref(), place.program.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                text(names.join(" › ")).size(13).font(widget::bold()).into()
            }
            Outcome::Indicator(indicator) => indicator_line(indicator, language),
        };
        list = list.push(row![number, said].spacing(8));
    }
    list.into()
}

fn indicator_line<'a>(indicator: &IndicatorRow, language: Language) -> Element<'a, Message> {
    let place: Vec<String> = [
        indicator.place.area.as_deref(),
        indicator.place.program.as_deref(),
        indicator.place.unit.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(|name| shorten_at_word(name, 40))
    .collect();
    let targets = indicator
        .entries
        .values()
        .filter(|e| e.target.is_some())
        .count();
    let actuals = indicator
        .entries
        .values()
        .filter(|e| e.actual.is_some())
        .count();
    let first = indicator
        .entries
        .iter()
        .find_map(|(quarter, entry)| entry.target.map(|t| (quarter, t)));
    // "1 target", not "1 targets": each count takes its own singular or plural.
    let mut values = tr_with(
        language,
        "app.import.values",
        &[
            ("targets", &counted(language, "targets", targets)),
            ("actuals", &counted(language, "actuals", actuals)),
        ],
    );
    if let Some((quarter, target)) = first {
        values.push_str(&format!(
            " · {}: {}",
            language.quarter(*quarter),
            language.number(target, 2)
        ));
        if !indicator.measure.is_empty() {
            values.push(' ');
            values.push_str(&indicator.measure);
        }
    }
    column![
        text(shorten_at_word(&indicator.name, 110)).size(13),
        text(format!("{} — {values}", place.join(" › ")))
            .size(12)
            .style(widget::muted_text),
    ]
    .spacing(1)
    .into()
}
