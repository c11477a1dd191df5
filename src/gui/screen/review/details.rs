//! A row opened below itself: *kendala*, *tindak lanjut* and note written in place, and
//! what the engine compared, the program's score and money, and the evidence.

use iced::widget::{Column, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Theme};

use super::Message;
use super::entry::TextField;
use super::line::Line;
use super::table::{sub_text, text_id};
use super::virtual_rows::EXPANDED_HEIGHT;
use crate::gui::contract::Context;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::{theme, widget};
use crate::locale::Language;
use crate::model::{Direction as Polarity, Kind, Quarter};

fn fixed(width: f32) -> Length {
    Length::Fixed(width)
}

/// `Serapan anggaran program Mal Pelayanan Publik s.d. TW III 2025: Rp 430.000.000 dari
/// Rp 900.000.000 (47,8%)`.
pub(super) fn program_money(context: &Context<'_>, line: &Line<'_>) -> String {
    let language = context.language;
    let year = line.quarter.year();
    tr_with(
        language,
        "review.absorption_tip",
        &[
            ("program", &line.program.name),
            ("quarter", &language.quarter(line.quarter)),
            (
                "spent",
                &language.rupiah(line.program.spent_to_date(line.quarter)),
            ),
            (
                "budget",
                &language.rupiah(line.program.budget_of(year).unwrap_or_default()),
            ),
            (
                "value",
                &line
                    .absorption
                    .map(|value| language.percent(value))
                    .unwrap_or_else(|| "—".into()),
            ),
        ],
    )
}

pub(super) fn expanded_view<'a>(context: &Context<'a>, line: &Line<'a>) -> Element<'a, Message> {
    let language = context.language;
    let index = line.index;
    let id = &line.review.id;
    // The texts a reviewer writes here, as stored: a quarter's entry has all three, a
    // milestone only its own kendala and tindak lanjut.
    let written: Option<Vec<(TextField, Option<String>)>> =
        match (line.indicator.kind, line.entry()) {
            (Kind::Milestone, _) => Some(vec![
                (TextField::Obstacle, line.indicator.obstacle.clone()),
                (TextField::FollowUp, line.indicator.follow_up.clone()),
            ]),
            (_, None) => None,
            (_, Some(entry)) => Some(vec![
                (TextField::Obstacle, entry.obstacle.clone()),
                (TextField::FollowUp, entry.follow_up.clone()),
                (TextField::Note, entry.note.clone()),
            ]),
        };
    let left: Element<'a, Message> = match written {
        None => text(tr_with(
            language,
            "review.no_entry_help",
            &[("quarter", &language.quarter(line.quarter))],
        ))
        .size(13)
        .style(widget::muted_text)
        .into(),
        Some(written) => {
            let mut fields: Column<'a, Message> = column![].spacing(8);
            if line.indicator.kind == Kind::Milestone {
                fields = fields.push(
                    text(tr(language, "review.milestone_help"))
                        .size(12)
                        .style(widget::muted_text),
                );
            }
            for (field, value) in written {
                let value = value.unwrap_or_default();
                let missing =
                    line.review.unexplained && field != TextField::Note && value.trim().is_empty();
                let mut input = text_input(&tr(language, placeholder_key(field)), &value)
                    .id(text_id(field, id))
                    .size(13)
                    .padding([5, 8]);
                if !context.read_only {
                    input = input.on_input(move |text| Message::TextChanged(index, field, text));
                }
                if missing {
                    input = input.style(missing_input);
                }
                fields = fields.push(widget::field(tr(language, field.key()), input));
            }
            fields.into()
        }
    };

    let mut details: Column<'a, Message> = column![
        text(line.indicator.name.clone())
            .size(13)
            .font(widget::bold()),
        sub_text(describe(line, language)),
    ]
    .spacing(4);
    if let Some(breakdown) = count_breakdown(line, language) {
        details = details.push(text(breakdown).size(12));
    }
    details = details.push(
        row![
            text(tr(language, "review.program_score"))
                .size(12)
                .wrapping(text::Wrapping::None),
            super::score::scored(context.roadmap, language, line.program_score, 12),
        ]
        .spacing(6)
        .align_y(Alignment::Center),
    );
    if line.absorption.is_some() {
        details = details.push(text(program_money(context, line)).size(12));
    }
    if let Some(note) = &line.indicator.note {
        details = details.push(text(note.clone()).size(12).style(widget::muted_text));
    }
    let evidence: Vec<String> = line
        .entry()
        .and_then(|entry| entry.evidence.clone())
        .unwrap_or_default();
    if evidence.is_empty() {
        details = details.push(sub_text(tr(language, "review.no_evidence")));
    } else {
        details = details.push(sub_text(tr(language, "review.evidence")));
        for target in evidence {
            details = details.push(
                button(
                    row![
                        Icon::Link.sized(13),
                        text(target.clone()).size(12).wrapping(text::Wrapping::None),
                    ]
                    .spacing(6)
                    .align_y(Alignment::Center),
                )
                .padding([2, 6])
                .style(theme::tool)
                .on_press(Message::OpenEvidence(target)),
            );
        }
    }

    container(
        row![
            container(left).width(Length::FillPortion(3)),
            container(details.clip(true))
                .width(Length::FillPortion(2))
                .height(Length::Fill)
                .clip(true),
        ]
        .spacing(20),
    )
    .padding([10, 14])
    .height(fixed(EXPANDED_HEIGHT))
    .width(Length::Fill)
    .clip(true)
    .style(expanded_style)
    .into()
}

fn placeholder_key(field: TextField) -> &'static str {
    match field {
        TextField::Obstacle => "review.obstacle_placeholder",
        TextField::FollowUp => "review.follow_up_placeholder",
        TextField::Note => "review.note_placeholder",
    }
}

/// `mp-1-c · Jumlah per triwulan · Makin rendah makin baik · berisiko di bawah 100%`.
fn describe(line: &Line<'_>, language: Language) -> String {
    let indicator = line.indicator;
    let kind = tr(language, &format!("kind.{:?}", indicator.kind));
    let mut parts = vec![indicator.id.clone(), kind];
    if indicator.kind != Kind::Milestone {
        let direction = match indicator.direction {
            Polarity::HigherIsBetter => "direction.HigherIsBetter",
            Polarity::LowerIsBetter => "direction.LowerIsBetter",
            Polarity::WithinRange => "direction.WithinRange",
        };
        parts.push(tr(language, direction));
    }
    if let Some(rules) = indicator.rules {
        parts.push(tr_with(
            language,
            "review.own_rules",
            &[
                ("at_risk", &language.number(rules.at_risk_below, 2)),
                ("behind", &language.number(rules.behind_below, 2)),
            ],
        ));
    }
    parts.join(" · ")
}

/// `TW I 5/5 · TW II 8/6 · TW III 10/—`: the quarters a `Count` status adds up.
fn count_breakdown(line: &Line<'_>, language: Language) -> Option<String> {
    match line.indicator.kind {
        Kind::Count | Kind::Average => {
            let parts: Vec<String> = Quarter::first_of(line.quarter.year())
                .through(line.quarter)
                .filter_map(|q| {
                    let entry = line.indicator.target_at(q)?;
                    Some(format!(
                        "{} {}/{}",
                        language.quarter(q),
                        language.number(entry.target, 2),
                        entry
                            .actual
                            .map(|a| language.number(a, 2))
                            .unwrap_or_else(|| "—".into())
                    ))
                })
                .collect();
            Some(tr_with(
                language,
                "review.count_breakdown",
                &[("parts", &parts.join(" · "))],
            ))
        }
        Kind::Milestone => Some(tr_with(
            language,
            "review.milestone_dates",
            &[
                (
                    "due",
                    &line
                        .indicator
                        .due
                        .map(|q| language.quarter(q))
                        .unwrap_or_else(|| "—".into()),
                ),
                (
                    "done",
                    &line
                        .indicator
                        .done
                        .map(|q| language.quarter(q))
                        .unwrap_or_else(|| tr(language, "review.not_done")),
                ),
            ],
        )),
        Kind::Level => None,
    }
}

fn expanded_style(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(
            iced::Color {
                a: 0.05,
                ..palette.primary.base.color
            }
            .into(),
        ),
        border: iced::Border {
            color: iced::Color {
                a: 0.35,
                ..palette.primary.base.color
            },
            width: 1.0,
            radius: 0.0.into(),
        },
        ..container::Style::default()
    }
}

/// *Kendala* or *tindak lanjut* still to write on a flagged row: a warning border.
fn missing_input(theme: &Theme, status: text_input::Status) -> text_input::Style {
    let base = text_input::default(theme, status);
    if matches!(status, text_input::Status::Focused { .. }) {
        return base;
    }
    text_input::Style {
        border: iced::Border {
            color: theme.palette().warning,
            width: 1.5,
            ..base.border
        },
        ..base
    }
}
