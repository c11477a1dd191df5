//! The collect preview: what the returned OPD forms bring, per unit, before anything
//! changes. Conflicts are shown side by side (the roadmap's value, the form's) with a
//! choice for each; "Terapkan" applies everything as one undoable step.

use std::path::PathBuf;

use iced::widget::{Column, button, column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length};

use crate::edit::Edit;
use crate::forms::{Collection, Prefer, Side, Value, collect, read_form};
use crate::gui::contract::{Action, Change, Context, Request};
use crate::gui::i18n::{tr, tr_with};
use crate::gui::notice::{Notice, Tone};
use crate::gui::theme;
use crate::gui::widget;
use crate::locale::Language;
use crate::model::IndicatorAt;

/// The preview of one batch of returned forms.
#[derive(Debug, Clone)]
pub struct CollectPreview {
    files: Vec<PathBuf>,
    collection: Collection,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Which value stays for conflict `conflict` of unit `unit` (indices into the
    /// collection's units and that unit's conflicts).
    Keep {
        unit: usize,
        conflict: usize,
        side: Side,
    },
    KeepAll(Side),
    Apply,
    Cancel,
}

impl CollectPreview {
    /// Reads `files` and compares them with the document at the context's quarter.
    pub fn new(files: Vec<PathBuf>, context: &Context<'_>) -> Self {
        let collection = read_all(&files, context);
        Self { files, collection }
    }

    /// More files for the same preview (dropped one by one on the window); the choices
    /// made so far are kept where the same conflict is found again.
    pub fn add(&mut self, files: Vec<PathBuf>, context: &Context<'_>) {
        for file in files {
            if !self.files.contains(&file) {
                self.files.push(file);
            }
        }
        let before = std::mem::replace(&mut self.collection, read_all(&self.files, context));
        let chosen = before
            .units
            .iter()
            .flat_map(|u| &u.conflicts)
            .filter(|c| c.keep == Side::Form);
        for old in chosen {
            for conflict in self
                .collection
                .units
                .iter_mut()
                .flat_map(|u| &mut u.conflicts)
            {
                if conflict.address == old.address && conflict.file == old.file {
                    conflict.keep = Side::Form;
                }
            }
        }
    }

    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    pub fn collection(&self) -> &Collection {
        &self.collection
    }

    pub fn update(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        match message {
            Message::Keep {
                unit,
                conflict,
                side,
            } => {
                if let Some(conflict) = self
                    .collection
                    .units
                    .get_mut(unit)
                    .and_then(|u| u.conflicts.get_mut(conflict))
                {
                    conflict.keep = side;
                }
                Action::None
            }
            Message::KeepAll(side) => {
                self.collection.keep_all(side);
                Action::None
            }
            Message::Cancel => Action::Request(Request::CloseDialog),
            Message::Apply => {
                if context.read_only {
                    return Action::Notify(Notice::said(
                        Tone::Error,
                        context.language,
                        |language| tr(language, "forms.gui.read_only"),
                    ));
                }
                let edits: Vec<Edit> = self
                    .collection
                    .changed_indicators(context.roadmap)
                    .into_iter()
                    .map(|((a, p, i), indicator)| {
                        Edit::Indicator(IndicatorAt::new(a, p, i), Box::new(indicator))
                    })
                    .collect();
                if edits.is_empty() {
                    return Action::Notify(Notice::said(
                        Tone::Info,
                        context.language,
                        |language| tr(language, "forms.gui.nothing_changed"),
                    ));
                }
                Action::Change(Change {
                    edits,
                    coalesce: None,
                })
            }
        }
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let language = context.language;
        let collection = &self.collection;
        let read: usize = collection.units.iter().map(|u| u.files.len()).sum();
        let quarter = collection
            .quarter
            .map(|q| language.quarter(q))
            .unwrap_or_default();
        let mut body: Column<'a, Message> = column![].spacing(14);
        for (u, unit) in collection.units.iter().enumerate() {
            body = body.push(unit_view(u, unit, language));
        }
        if !collection.refused.is_empty() {
            let mut refused = column![].spacing(4);
            for form in &collection.refused {
                refused = refused.push(
                    text(format!(
                        "{}: {}",
                        file_name(&form.path),
                        form.reason.message(language)
                    ))
                    .size(13)
                    .style(text::danger),
                );
            }
            body = body.push(widget::section(tr(language, "forms.gui.refused"), refused));
        }
        if !collection.not_returned.is_empty() {
            let names: Vec<&str> = collection
                .not_returned
                .iter()
                .map(|(_, name)| name.as_str())
                .collect();
            body = body.push(widget::section(
                tr(language, "forms.gui.not_returned"),
                text(names.join(", ")).size(13),
            ));
        }
        let changes = collection.changes().len();
        let conflicts = collection.units.iter().any(|u| !u.conflicts.is_empty());
        let mut buttons = row![
            button(text(tr(language, "app.cancel")))
                .style(button::secondary)
                .on_press(Message::Cancel),
            space::horizontal(),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        if conflicts {
            buttons = buttons
                .push(
                    button(text(tr(language, "forms.gui.all_document")).size(13))
                        .style(button::secondary)
                        .on_press(Message::KeepAll(Side::Document)),
                )
                .push(
                    button(text(tr(language, "forms.gui.all_form")).size(13))
                        .style(button::secondary)
                        .on_press(Message::KeepAll(Side::Form)),
                );
        }
        buttons = buttons.push(
            button(text(tr_with(
                language,
                "forms.gui.apply",
                &[("count", &changes.to_string())],
            )))
            .style(button::primary)
            .on_press_maybe((changes > 0 && !context.read_only).then_some(Message::Apply)),
        );
        column![
            text(tr_with(
                language,
                "forms.gui.preview_title",
                &[("quarter", &quarter)]
            ))
            .size(20)
            .font(widget::bold()),
            text(tr_with(
                language,
                "forms.gui.preview_summary",
                &[
                    ("read", &read.to_string()),
                    ("refused", &collection.refused.len().to_string()),
                ],
            ))
            .size(14),
            scrollable(container(body).padding(iced::Padding::ZERO.right(12)))
                .height(Length::Fixed(440.0)),
            buttons,
        ]
        .spacing(12)
        .into()
    }
}

fn read_all(files: &[PathBuf], context: &Context<'_>) -> Collection {
    let forms = files
        .iter()
        .map(|path| (path.clone(), read_form(path)))
        .collect();
    collect(
        context.roadmap,
        Some(context.quarter),
        forms,
        Prefer::Document,
    )
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn shown(value: Option<&Value>, language: Language) -> String {
    match value {
        Some(value) => value.display(language),
        None => tr(language, "forms.cli.empty"),
    }
}

fn unit_view<'a>(
    u: usize,
    unit: &'a crate::forms::UnitReport,
    language: Language,
) -> Element<'a, Message> {
    let counts = tr_with(
        language,
        "forms.gui.counts",
        &[
            ("taken", &unit.taken.len().to_string()),
            ("equal", &unit.equal.to_string()),
            ("conflicts", &unit.conflicts.len().to_string()),
            ("rejected", &unit.rejected.len().to_string()),
        ],
    );
    let mut lines: Column<'a, Message> = column![
        text(unit.name.as_str()).size(15).font(widget::bold()),
        text(counts).size(13).style(widget::muted_text),
    ]
    .spacing(6);
    for taken in &unit.taken {
        lines = lines.push(
            text(format!(
                "{} · {}: {} → {}",
                taken.indicator,
                taken.field.label(language),
                shown(taken.before.as_ref(), language),
                shown(Some(&taken.after), language),
            ))
            .size(13),
        );
    }
    for (c, conflict) in unit.conflicts.iter().enumerate() {
        let side = |side: Side, key: &str, value: String| {
            button(
                column![
                    text(tr(language, key)).size(12).style(widget::muted_text),
                    text(value).size(14),
                ]
                .spacing(2),
            )
            .width(Length::Fill)
            .padding([6, 10])
            .style(theme::tab(conflict.keep == side))
            .on_press(Message::Keep {
                unit: u,
                conflict: c,
                side,
            })
        };
        lines = lines.push(
            column![
                text(format!(
                    "{} · {} ({})",
                    conflict.indicator,
                    conflict.field.label(language),
                    conflict.address
                ))
                .size(13)
                .style(text::warning),
                row![
                    side(
                        Side::Document,
                        "forms.gui.roadmap_value",
                        shown(conflict.document.as_ref(), language)
                    ),
                    side(
                        Side::Form,
                        "forms.gui.form_value",
                        shown(Some(&conflict.form), language)
                    ),
                ]
                .spacing(8),
            ]
            .spacing(4),
        );
    }
    for rejected in &unit.rejected {
        lines = lines.push(
            text(format!(
                "{} {}: {}",
                file_name(&rejected.file),
                rejected.address,
                rejected.reason.message(language)
            ))
            .size(13)
            .style(text::danger),
        );
    }
    container(lines)
        .padding(10)
        .width(Length::Fill)
        .style(theme::panel)
        .into()
}
