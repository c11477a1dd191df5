//! The score slides as tables: the areas' scores and ratings, the quick wins, and the
//! units ranked. Numbers are written the way the audience reads them
//! (`Language::number`); a missing score says so in words.

use iced::widget::{Column, Row, Space, column, container, row};
use iced::{Alignment, Element, Length};

use super::Message;
use super::layout;
use super::look::{self, Look, Scale};
use super::slides::{QuickWinSlide, RankingSlide, ScorecardSlide, Scored};
use crate::gui::i18n::{tr, tr_with};
use crate::locale::Language;
use crate::text::counted;

const SCORECARD_COLUMNS: [u16; 4] = [8, 8, 2, 3];
const QUICK_WIN_COLUMNS: [u16; 4] = [10, 5, 4, 4];
const RANKING_COLUMNS: [u16; 6] = [1, 8, 2, 2, 7, 2];

/// What the table's bars run to when no cap is set.
const FULL_SCORE: f64 = 100.0;

pub fn scorecard<'a>(
    slide: &'a ScorecardSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let total = match slide.document.score {
        Some(score) => {
            let mut line = row![
                s.text(
                    tr(language, "present.scorecard.document"),
                    layout::BODY,
                    look.text
                ),
                s.bold(language.number(score, 2), layout::BODY + 8.0, look.accent),
            ]
            .spacing(s.px(16.0))
            .align_y(Alignment::Center);
            if let Some(rating) = &slide.document.rating {
                line = line.push(rating_mark(rating, s, look));
            }
            Element::from(line)
        }
        None => s
            .text(
                tr(language, "present.scorecard.nothing_scored"),
                layout::BODY,
                look.muted,
            )
            .into(),
    };
    let full = slide
        .rows
        .iter()
        .filter_map(|r| r.scored.score)
        .fold(FULL_SCORE, f64::max);
    let rows = slide.rows.iter().map(|area| {
        let name = column![
            s.bold(&area.name, layout::TABLE, look.text),
            s.text(
                tr_with(
                    language,
                    "present.scorecard.meta",
                    &[
                        (
                            "element",
                            &tr(language, &format!("element.{:?}", area.element))
                        ),
                        (
                            "count",
                            &counted(language, "indicators", area.scored_indicators)
                        ),
                    ],
                ),
                layout::CAPTION,
                look.muted,
            ),
        ]
        .spacing(s.px(2.0));
        vec![
            name.into(),
            bar(area.scored.score, full, s, look),
            score_text(&area.scored, s, look, language),
            rating_cell(&area.scored, s, look),
        ]
    });
    let headings = [
        "present.scorecard.area",
        "present.scorecard.bar",
        "present.scorecard.score",
        "present.scorecard.rating",
    ];
    column![
        total,
        table(&headings, &SCORECARD_COLUMNS, rows, s, look, language)
    ]
    .spacing(s.px(layout::STACK * 1.5))
    .into()
}

pub fn quick_wins<'a>(
    slide: &'a QuickWinSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let rows = slide.rows.iter().map(|win| {
        let place = match &win.unit {
            Some(unit) => format!("{} · {unit}", win.area),
            None => win.area.clone(),
        };
        let status: Element<'a, Message> = match win.status {
            Some(status) => look::chip(status, s, look, language),
            None => Space::new().into(),
        };
        let mut score = column![score_text(&win.scored, s, look, language)].spacing(s.px(4.0));
        if let Some(rating) = &win.scored.rating {
            score = score.push(rating_mark(rating, s, look));
        }
        vec![
            column![
                s.bold(&win.name, layout::TABLE, look.text),
                s.text(place, layout::CAPTION, look.muted),
            ]
            .spacing(s.px(2.0))
            .into(),
            status,
            score.into(),
            percent(win.absorption, s, look, language),
        ]
    });
    let headings = [
        "present.quick_wins.program",
        "present.quick_wins.status",
        "present.quick_wins.score",
        "present.quick_wins.absorption",
    ];
    table(&headings, &QUICK_WIN_COLUMNS, rows, s, look, language)
}

pub fn ranking<'a>(
    slide: &'a RankingSlide,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let rows = slide.rows.iter().map(|unit| {
        let rank = unit
            .rank
            .map_or_else(|| "—".to_owned(), |rank| rank.to_string());
        let counts = tr_with(
            language,
            "present.ranking.counts",
            &[
                ("owned", &counted(language, "indicators", unit.owned)),
                ("flagged", &unit.flagged.to_string()),
                ("unexplained", &unit.unexplained.to_string()),
            ],
        );
        vec![
            s.bold(rank, layout::TABLE, look.accent).into(),
            s.bold(&unit.name, layout::TABLE, look.text).into(),
            score_text(&unit.scored, s, look, language),
            rating_cell(&unit.scored, s, look),
            s.text(counts, layout::CAPTION, look.muted).into(),
            percent(unit.absorption, s, look, language),
        ]
    });
    let headings = [
        "present.ranking.rank",
        "present.ranking.unit",
        "present.ranking.score",
        "present.ranking.rating",
        "present.ranking.indicators",
        "present.ranking.absorption",
    ];
    table(&headings, &RANKING_COLUMNS, rows, s, look, language)
}

/// Headings over striped rows, each cell in its column's portion of the width.
fn table<'a, const N: usize>(
    headings: &[&str; N],
    portions: &[u16; N],
    rows: impl Iterator<Item = Vec<Element<'a, Message>>>,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    let line = |cells: Vec<Element<'a, Message>>| -> Row<'a, Message> {
        let mut line = row![]
            .spacing(s.px(layout::COLUMN_GAP))
            .align_y(Alignment::Center);
        for (cell, portion) in cells.into_iter().zip(portions) {
            line = line.push(
                container(cell)
                    .width(Length::FillPortion(*portion))
                    .clip(true),
            );
        }
        line
    };
    let header = headings
        .iter()
        .map(|key| s.bold(tr(language, key), layout::SMALL, look.muted).into())
        .collect();
    let mut table: Column<'a, Message> =
        column![container(line(header)).padding([s.px(layout::ROW_PADDING), s.px(12.0)])];
    for (i, cells) in rows.enumerate() {
        let background = if i % 2 == 1 {
            look.surface
        } else {
            look.background
        };
        table = table.push(
            container(line(cells))
                .width(Length::Fill)
                .padding([s.px(layout::ROW_PADDING), s.px(12.0)])
                .style(look.fill(background, 0.0)),
        );
    }
    table.into()
}

/// The score as a bar from 0 to `full` (the highest score shown, at least 100).
fn bar<'a>(score: Option<f64>, full: f64, s: Scale, look: Look) -> Element<'a, Message> {
    let height = s.px(26.0);
    let track = container(Space::new())
        .width(Length::Fill)
        .height(height)
        .style(look.fill(look.surface, s.px(4.0)));
    let Some(score) = score.filter(|v| v.is_finite() && *v > 0.0) else {
        return track.into();
    };
    // Thousandths of the track, so that the bar's length is the score's share.
    let filled = ((score / full).clamp(0.0, 1.0) * 1000.0).round() as u16;
    let mut bar = row![
        container(Space::new())
            .width(Length::FillPortion(filled.max(1)))
            .height(height)
            .style(look.fill(look.accent, s.px(4.0)))
    ];
    if filled < 1000 {
        bar = bar.push(
            container(Space::new())
                .width(Length::FillPortion(1000 - filled))
                .height(height)
                .style(look.fill(look.surface, s.px(4.0))),
        );
    }
    bar.into()
}

fn score_text<'a>(
    scored: &Scored,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    match scored.score {
        Some(score) => s
            .bold(language.number(score, 2), layout::TABLE, look.text)
            .into(),
        None => s
            .text(
                tr(language, "present.scores.none"),
                layout::CAPTION,
                look.muted,
            )
            .into(),
    }
}

fn rating_cell<'a>(scored: &Scored, s: Scale, look: Look) -> Element<'a, Message> {
    match &scored.rating {
        Some(rating) => rating_mark(rating, s, look),
        None => s.text("—", layout::TABLE, look.muted).into(),
    }
}

/// A rating (`BB`, `Sangat Tinggi`) framed, the same words in every language.
fn rating_mark<'a>(rating: &str, s: Scale, look: Look) -> Element<'a, Message> {
    container(s.bold(rating.to_owned(), layout::SMALL, look.accent))
        .padding([s.px(2.0), s.px(12.0)])
        .style(move |_: &iced::Theme| container::Style {
            border: iced::Border {
                color: look.accent,
                width: s.px(2.0).max(1.0),
                radius: s.px(6.0).into(),
            },
            ..container::Style::default()
        })
        .into()
}

fn percent<'a>(
    value: Option<f64>,
    s: Scale,
    look: Look,
    language: Language,
) -> Element<'a, Message> {
    match value {
        Some(value) => s
            .text(language.percent(value), layout::TABLE, look.text)
            .into(),
        None => s.text("—", layout::TABLE, look.muted).into(),
    }
}
