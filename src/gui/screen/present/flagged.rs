//! The targets behind (or not reported) at the quarter, each with its *kendala* and
//! *tindak lanjut*; a flag without them is marked as not written yet, since a red
//! flag without both is not an acceptable monev report.

use iced::widget::{Column, column, container, row};
use iced::{Alignment, Element, Length};

use super::Message;
use super::layout;
use super::look::{self, Look, Scale};
use super::slides::{FlaggedRow, FlaggedSlide, flagged_numbers};
use crate::gui::i18n::{tr, tr_with};
use crate::locale::Language;
use crate::review::Status;

const COLUMNS: [u16; 4] = layout::FLAGGED_COLUMNS;

pub fn view<'a>(
    slide: &'a FlaggedSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    if slide.rows.is_empty() && slide.assessed == 0 {
        let none = tr_with(
            language,
            "present.flagged.nothing_assessed",
            &[("quarter", &language.quarter(slide.quarter))],
        );
        return container(s.text(none, layout::BODY, look.muted))
            .center(Length::Fill)
            .into();
    }
    if slide.rows.is_empty() {
        let none = tr_with(
            language,
            "present.flagged.none",
            &[("quarter", &language.quarter(slide.quarter))],
        );
        return container(
            row![
                look::chip(Status::OnTrack, s, look, language),
                s.text(none, layout::BODY, look.text),
            ]
            .spacing(s.px(20.0))
            .align_y(Alignment::Center),
        )
        .center(Length::Fill)
        .into();
    }
    let heading = |key: &str| s.bold(tr(language, key), layout::SMALL, look.muted);
    let header = container(cells(
        [
            heading("present.flagged.indicator").into(),
            heading("present.flagged.achievement").into(),
            heading("present.flagged.obstacle").into(),
            heading("present.flagged.follow_up").into(),
        ],
        s,
    ))
    .padding([s.px(layout::ROW_PADDING), 0.0]);
    let mut table: Column<'a, Message> = column![header];
    for (i, row) in slide.rows.iter().enumerate() {
        table = table.push(
            container(flagged_row(row, s, look, language))
                .padding([s.px(layout::ROW_PADDING), 0.0])
                .width(Length::Fill)
                .style(look.fill(
                    if i % 2 == 0 {
                        look.surface
                    } else {
                        look.background
                    },
                    0.0,
                )),
        );
    }
    table.into()
}

fn cells<'a>(cells: [Element<'a, Message>; 4], s: Scale) -> Element<'a, Message> {
    let mut line = row![].spacing(s.px(layout::COLUMN_GAP));
    for (cell, portion) in cells.into_iter().zip(COLUMNS) {
        line = line.push(container(cell).width(Length::FillPortion(portion)));
    }
    line.into()
}

fn flagged_row<'a>(
    row: &'a FlaggedRow,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let meta = match &row.unit {
        Some(unit) => format!("{} · {unit}", row.area),
        None => row.area.clone(),
    };
    let indicator = column![
        s.bold(&row.name, layout::TABLE, look.text),
        s.text(meta, layout::CAPTION, look.muted),
    ]
    .spacing(s.px(layout::ROW_SPACING));

    let mut achievement =
        column![look::chip(row.status, s, look, language)].spacing(s.px(layout::ROW_SPACING));
    if let Some(value) = row.achievement {
        achievement = achievement.push(s.bold(
            language.percent(value),
            layout::TABLE,
            look.status(row.status),
        ));
    }
    for line in flagged_numbers(row, language) {
        achievement = achievement.push(s.text(line, layout::CAPTION, look.text));
    }

    let explanation = |text: &'a Option<String>| -> Element<'a, Message> {
        match text {
            Some(text) => s.text(text, layout::TABLE, look.text).into(),
            // A late milestone without kendala is a gap too (format version 2).
            None => s
                .bold(
                    tr(language, "present.flagged.not_written"),
                    layout::TABLE,
                    look.status(Status::AtRisk),
                )
                .into(),
        }
    };
    cells(
        [
            indicator.into(),
            achievement.into(),
            explanation(&row.obstacle),
            explanation(&row.follow_up),
        ],
        s,
    )
}
