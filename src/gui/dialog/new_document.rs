//! A new roadmap: pick a template, the institution and the period.

use chrono::Datelike;
use iced::widget::{button, column, pick_list, row, space, text, text_input};
use iced::{Element, Length};

use crate::gui::contract::{Action, Context, Request};
use crate::gui::i18n::tr;
use crate::gui::widget;
use crate::model::Period;
use crate::template::{self, Template};

/// "A new roadmap": the template, the institution and the period being typed.
#[derive(Debug, Clone)]
pub struct NewDocument {
    template: Template,
    institution: String,
    start: String,
    end: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    TemplatePicked(TemplateChoice),
    InstitutionChanged(String),
    StartChanged(String),
    EndChanged(String),
    Create,
    Cancel,
}

/// A template with the language it is shown in, for the pick list.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateChoice {
    pub template: Template,
    label: String,
}

impl std::fmt::Display for TemplateChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// Why the form cannot create a roadmap yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Invalid {
    Institution,
    Years,
}

impl NewDocument {
    pub fn new(today: chrono::NaiveDate) -> Self {
        let year = today.year() + 1;
        Self {
            template: Template::Permenpan2020,
            institution: String::new(),
            start: year.to_string(),
            end: (year + 4).to_string(),
        }
    }

    fn period(&self) -> Option<Period> {
        let start: i32 = self.start.trim().parse().ok()?;
        let end: i32 = self.end.trim().parse().ok()?;
        ((2000..=2100).contains(&start) && (start..=start + 20).contains(&end))
            .then_some(Period { start, end })
    }

    fn invalid(&self) -> Option<Invalid> {
        if self.institution.trim().is_empty() {
            Some(Invalid::Institution)
        } else if self.period().is_none() {
            Some(Invalid::Years)
        } else {
            None
        }
    }

    pub fn update(&mut self, message: Message, _context: &Context<'_>) -> Action<Message> {
        match message {
            Message::TemplatePicked(choice) => self.template = choice.template,
            Message::InstitutionChanged(text) => self.institution = text,
            Message::StartChanged(text) => self.start = text,
            Message::EndChanged(text) => self.end = text,
            Message::Create => {
                if let (None, Some(period)) = (self.invalid(), self.period()) {
                    let roadmap = template::build(self.template, self.institution.trim(), period);
                    return Action::Request(Request::Create(Box::new(roadmap)));
                }
            }
            Message::Cancel => return Action::Request(Request::CloseDialog),
        }
        Action::None
    }

    pub fn view(&self, context: &Context<'_>) -> Element<'_, Message> {
        let language = context.language;
        let choices: Vec<TemplateChoice> = Template::ALL
            .iter()
            .map(|&template| TemplateChoice {
                template,
                label: template.label(language),
            })
            .collect();
        let selected = choices
            .iter()
            .find(|c| c.template == self.template)
            .cloned();
        let invalid = self.invalid();
        let years_error = (invalid == Some(Invalid::Years) && !self.institution.trim().is_empty())
            .then(|| tr(language, "app.new_years_invalid"));
        column![
            text(tr(language, "app.new_title"))
                .size(20)
                .font(widget::bold()),
            widget::field(
                tr(language, "app.new_template"),
                pick_list(choices, selected, Message::TemplatePicked).width(Length::Fill)
            ),
            widget::field(
                tr(language, "app.new_institution"),
                text_input("Pemerintah Kabupaten …", &self.institution)
                    .id("new-institution")
                    .on_input(Message::InstitutionChanged)
                    .on_submit(Message::Create)
                    .padding(8)
            ),
            widget::field_with_error(
                tr(language, "app.new_period"),
                row![
                    text_input("2025", &self.start)
                        .on_input(Message::StartChanged)
                        .padding(8),
                    text("–"),
                    text_input("2029", &self.end)
                        .on_input(Message::EndChanged)
                        .padding(8),
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
                years_error
            ),
            row![
                space::horizontal(),
                button(text(tr(language, "app.cancel")))
                    .style(button::secondary)
                    .on_press(Message::Cancel),
                button(text(tr(language, "app.create")))
                    .style(button::primary)
                    .on_press_maybe(invalid.is_none().then_some(Message::Create)),
            ]
            .spacing(10),
        ]
        .spacing(14)
        .into()
    }
}
