//! An area's slide: its goal, its programs with who is responsible, and its key
//! indicators charted as target against actual over the period.

use iced::widget::{Column, Space, canvas, column, container, row};
use iced::{Alignment, Element, Length};

use super::Message;
use super::chart::SeriesChart;
use super::layout;
use super::look::{self, Look, Scale};
use super::resolved::resolved;
use super::slides::{AreaSlide, Basis, ProgramRow, Series};
use crate::gui::i18n::{tr, tr_with};
use crate::locale::Language;
use crate::text::counted;

pub fn view<'a>(
    slide: &'a AreaSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let counts = slide.counts;
    let summary = tr_with(
        language,
        "present.area.summary",
        &[
            (
                "programs",
                &counted(language, "programs", slide.program_count),
            ),
            (
                "indicators",
                &counted(language, "indicators", counts.total()),
            ),
            ("on_track", &counts.on_track.to_string()),
            ("flagged", &counts.flagged().to_string()),
        ],
    );
    let element = tr(language, &format!("element.{:?}", slide.element));
    let summary = row![
        container(s.bold(element, layout::CAPTION, look.background))
            .padding([s.px(3.0), s.px(12.0)])
            .style(look.fill(look.accent, s.px(6.0))),
        s.text(summary, layout::SMALL, look.muted),
    ]
    .spacing(s.px(16.0))
    .align_y(Alignment::Center)
    .height(s.px(layout::SMALL * layout::LINE));

    let mut left = column![];
    if let Some(goal) = &slide.goal {
        left = left
            .push(s.bold(
                tr(language, "present.area.goal"),
                layout::SMALL,
                look.accent,
            ))
            .push(s.text(goal, layout::BODY, look.text))
            .push(Space::new().height(s.px(layout::STACK)));
    }
    left = left.push(programs(slide, s, look, language));
    let lists: Element<'a, Message> = if slide.charts.is_empty() {
        left.into()
    } else {
        row![
            left.width(Length::FillPortion(layout::AREA_COLUMNS[0])),
            container(charts(&slide.charts, s, look, language))
                .width(Length::FillPortion(layout::AREA_COLUMNS[1]))
                .height(Length::Fill),
        ]
        .spacing(s.px(layout::COLUMN_GAP))
        .into()
    };
    column![summary, lists].spacing(s.px(layout::STACK)).into()
}

/// The small heading over a column of the area slide.
fn heading<'a>(words: String, s: Scale, look: Look) -> Element<'a, Message> {
    container(s.bold(words, layout::SMALL, look.muted))
        .padding(iced::Padding {
            bottom: s.px(layout::LIST_GAP),
            ..iced::Padding::ZERO
        })
        .into()
}

fn programs<'a>(
    slide: &'a AreaSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let mut list: Column<'a, Message> =
        column![heading(tr(language, "present.area.programs"), s, look)];
    if slide.programs.is_empty() {
        list = list.push(s.text(
            tr(language, "present.area.no_programs"),
            layout::BODY,
            look.muted,
        ));
    }
    for (i, program) in slide.programs.iter().enumerate() {
        list = list.push(program_row(program, i % 2 == 1, s, look, language));
    }
    list.into()
}

fn program_row<'a>(
    program: &'a ProgramRow,
    striped: bool,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let unit = match &program.unit {
        Some(unit) => s.text(unit, layout::SMALL, look.muted),
        None => s.text(
            tr(language, "present.area.no_unit"),
            layout::SMALL,
            look.muted,
        ),
    };
    let status: Element<'a, Message> = match program.status {
        Some(status) => look::chip(status, s, look, language),
        None => Space::new().into(),
    };
    let row_content = column![
        s.bold(&program.name, layout::TABLE, look.text),
        row![
            container(status).width(s.px(layout::CHIP_WIDTH)),
            container(unit).width(Length::Fill),
        ]
        .spacing(s.px(layout::COLUMN_GAP))
        .align_y(Alignment::Center),
    ]
    .spacing(s.px(layout::ROW_SPACING));
    container(row_content)
        .padding([s.px(layout::ROW_PADDING), 0.0])
        .width(Length::Fill)
        .style(look.fill(
            if striped {
                look.surface
            } else {
                look.background
            },
            0.0,
        ))
        .into()
}

fn charts<'a>(
    charts: &'a [Series],
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let mut panel: Column<'a, Message> = column![heading(
        tr(language, "present.area.key_indicators"),
        s,
        look
    )]
    .height(Length::Fill);
    for (i, series) in charts.iter().enumerate() {
        if i > 0 {
            panel = panel.push(Space::new().height(s.px(layout::STACK)));
        }
        panel = panel.push(chart(series, s, look, language));
    }
    panel.into()
}

fn chart<'a>(series: &'a Series, s: Scale, look: Look, language: Language) -> Element<'a, Message> {
    let quarter = language.quarter(series.quarter);
    let measured = |v: f64| look::measured(language, v, &series.measure);
    // The numbers under a chart are what the review compared, worded as the chart
    // measures them: "Target s.d. TW III 2026 27" beside "Capaian 87,5%".
    let (target_key, actual_key, no_actual_key) = match series.basis() {
        Basis::Quarter => (
            "present.chart.target",
            "present.chart.actual",
            "present.chart.no_actual",
        ),
        Basis::YearToDate => (
            "present.chart.target_to_date",
            "present.chart.actual_to_date",
            "present.chart.no_actual_to_date",
        ),
        Basis::MeanToDate => (
            "present.chart.target_mean",
            "present.chart.actual_mean",
            "present.chart.no_actual_mean",
        ),
    };
    let target = series.target.map(|v| {
        tr_with(
            language,
            target_key,
            &[("value", &measured(v)), ("quarter", &quarter)],
        )
    });
    let actual = match series.actual {
        Some(v) => tr_with(
            language,
            actual_key,
            &[("value", &measured(v)), ("quarter", &quarter)],
        ),
        None => tr_with(language, no_actual_key, &[("quarter", &quarter)]),
    };
    let swatch = |filled: bool| {
        let tone = if filled { look.actual } else { look.target };
        container(Space::new())
            .width(s.px(26.0))
            .height(s.px(16.0))
            .style(move |_: &iced::Theme| iced::widget::container::Style {
                background: filled.then_some(iced::Background::Color(tone)),
                border: iced::Border {
                    color: tone,
                    width: s.px(3.0).max(1.0),
                    radius: 2.0.into(),
                },
                ..iced::widget::container::Style::default()
            })
    };
    let mut values = row![].spacing(s.px(10.0)).align_y(Alignment::Center);
    if let Some(target) = target {
        values = values
            .push(swatch(false))
            .push(s.text(target, layout::CAPTION, look.text))
            .push(Space::new().width(s.px(12.0)));
    }
    values = values
        .push(swatch(true))
        .push(s.text(actual, layout::CAPTION, look.text));
    let mut verdict = row![look::chip(series.status, s, look, language)]
        .spacing(s.px(14.0))
        .align_y(Alignment::Center);
    if let Some(achievement) = series.achievement {
        verdict = verdict.push(s.bold(
            tr_with(
                language,
                "present.chart.achievement",
                &[("value", &language.percent(achievement))],
            ),
            layout::CAPTION,
            look.text,
        ));
    }
    verdict = verdict.push(s.text(
        tr_with(
            language,
            "present.chart.at",
            &[("quarter", &language.quarter(series.quarter))],
        ),
        layout::CAPTION,
        look.muted,
    ));
    let mut title = column![s.bold(&series.name, layout::SMALL, look.text)];
    let basis = match series.basis() {
        Basis::Quarter => None,
        Basis::YearToDate => Some("present.chart.basis_to_date"),
        Basis::MeanToDate => Some("present.chart.basis_mean"),
    };
    if let Some(key) = basis {
        title = title.push(s.text(tr(language, key), layout::CAPTION, look.muted));
    }
    column![
        title,
        resolved(
            canvas(SeriesChart {
                series,
                look,
                scale: s,
                language,
            })
            .width(Length::Fill)
            .height(Length::Fill)
        ),
        values.wrap(),
        verdict.wrap(),
    ]
    .spacing(s.px(6.0))
    .height(Length::FillPortion(1))
    .into()
}
