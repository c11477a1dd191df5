//! Recording the check-in: who reviewed, on which day, what the meeting concluded, and
//! the indicators flagged at that moment, stored in the document's `reviews`.

use iced::widget::{Column, button, column, container, row, text, text_editor, text_input};
use iced::{Alignment, Element, Length};

use super::Message;
use crate::edit::{Edit, Node, NodePath};
use crate::gui::contract::{Change, Context};
use crate::gui::i18n::{tr, tr_count, tr_with};
use crate::gui::icon::Icon;
use crate::gui::{theme, widget};
use crate::model::Review;

/// The form's fields, kept as typed.
#[derive(Debug, Default)]
pub struct Form {
    pub reviewer: String,
    /// ISO `YYYY-MM-DD`, today's date to begin with.
    pub date: String,
    pub notes: text_editor::Content,
    /// Set after a try, so problems show only once the user asked to record.
    pub tried: bool,
    /// What was recorded last, for the confirmation line.
    pub recorded: Option<Review>,
}

/// Why the form cannot be recorded yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormProblem {
    NoReviewer,
    BadDate,
    /// The quarter is outside the document's period.
    OutsidePeriod,
}

impl FormProblem {
    pub fn key(self) -> &'static str {
        match self {
            FormProblem::NoReviewer => "review.problem_reviewer",
            FormProblem::BadDate => "review.problem_date",
            FormProblem::OutsidePeriod => "review.problem_period",
        }
    }
}

/// A date written exactly as `YYYY-MM-DD` (the file's form), and a real one.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    let shape = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

impl Form {
    pub fn new(today: chrono::NaiveDate) -> Self {
        Self {
            date: today.format("%Y-%m-%d").to_string(),
            ..Self::default()
        }
    }

    pub fn problems(&self, context: &Context<'_>) -> Vec<FormProblem> {
        let mut problems = Vec::new();
        if self.reviewer.trim().is_empty() {
            problems.push(FormProblem::NoReviewer);
        }
        if parse_date(&self.date).is_none() {
            problems.push(FormProblem::BadDate);
        }
        if !context.roadmap.period.contains(context.quarter) {
            problems.push(FormProblem::OutsidePeriod);
        }
        problems
    }

    /// The review the form describes, with the ids flagged now.
    pub fn review(&self, context: &Context<'_>) -> Result<Review, Vec<FormProblem>> {
        let problems = self.problems(context);
        if !problems.is_empty() {
            return Err(problems);
        }
        let notes = self.notes.text();
        let notes = notes.trim_end();
        Ok(Review {
            quarter: context.quarter,
            date: parse_date(&self.date).expect("checked above"),
            reviewer: self.reviewer.trim().to_owned(),
            notes: (!notes.trim().is_empty()).then(|| notes.to_owned()),
            flagged: context.report.flagged_ids(),
        })
    }

    /// The change that appends the review to the document, or what is missing.
    pub fn record(&mut self, context: &Context<'_>) -> Result<Change, Vec<FormProblem>> {
        self.tried = true;
        let review = self.review(context)?;
        self.recorded = Some(review.clone());
        self.tried = false;
        self.notes = text_editor::Content::new();
        let index = context.roadmap.reviews.len();
        Ok(Change::one(Edit::Insert(
            NodePath::Review(index),
            Node::Review(review),
        )))
    }
}

pub fn view<'a>(form: &'a Form, context: &Context<'a>) -> Element<'a, Message> {
    let language = context.language;
    let quarter = language.quarter(context.quarter);
    let editable = !context.read_only;
    let problems = if form.tried {
        form.problems(context)
    } else {
        Vec::new()
    };
    let error_of = |problem: FormProblem| {
        problems
            .contains(&problem)
            .then(|| tr(language, problem.key()))
    };
    // The date is checked as it is typed: a wrong date is easy to miss otherwise.
    let date_error = error_of(FormProblem::BadDate).or_else(|| {
        parse_date(&form.date)
            .is_none()
            .then(|| tr(language, FormProblem::BadDate.key()))
    });

    let mut reviewer = text_input(&tr(language, "review.reviewer_placeholder"), &form.reviewer)
        .id("review-reviewer")
        .padding(8)
        .size(14);
    let mut date = text_input("YYYY-MM-DD", &form.date)
        .id("review-date")
        .padding(8)
        .size(14);
    if editable {
        reviewer = reviewer.on_input(Message::ReviewerChanged);
        date = date.on_input(Message::DateChanged);
    }
    if date_error.is_some() {
        date = date.style(theme::invalid_input);
    }
    if error_of(FormProblem::NoReviewer).is_some() {
        reviewer = reviewer.style(theme::invalid_input);
    }
    let mut notes = text_editor(&form.notes)
        .placeholder(tr(language, "review.notes_placeholder"))
        .height(Length::Fixed(96.0))
        .padding(8)
        .size(14);
    if editable {
        notes = notes.on_action(Message::NotesEdited);
    }

    let report = context.report;
    let flagged = report.summary.flagged();
    let unexplained = report.unexplained().count();
    let mut facts: Column<'a, Message> = column![
        text(tr_count(
            language,
            "review.record_flagged",
            flagged,
            &[("quarter", &quarter)],
        ))
        .size(13)
    ]
    .spacing(6);
    if unexplained > 0 {
        facts = facts.push(
            row![
                Icon::Warning.sized(14).style(text::warning),
                text(tr_count(
                    language,
                    "review.record_unexplained",
                    unexplained,
                    &[],
                ))
                .size(13)
                .style(text::warning),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        );
    }
    if let Some(existing) = context.roadmap.review_at(context.quarter) {
        facts = facts.push(
            text(tr_with(
                language,
                "review.record_exists",
                &[
                    ("quarter", &quarter),
                    ("date", &language.date(existing.date)),
                    ("reviewer", &existing.reviewer),
                ],
            ))
            .size(13)
            .style(widget::muted_text),
        );
    }
    if context.read_only {
        facts = facts.push(
            row![
                Icon::Lock.sized(14),
                text(tr(language, "review.read_only")).size(13)
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        );
    }

    let mut content: Column<'a, Message> = column![
        text(tr_with(
            language,
            "review.record_title",
            &[("quarter", &quarter)]
        ))
        .size(16)
        .font(widget::bold()),
        widget::field_with_error(
            tr(language, "review.reviewer"),
            reviewer,
            error_of(FormProblem::NoReviewer)
        ),
        widget::field_with_error(tr(language, "review.date"), date, date_error),
        widget::field(tr(language, "review.notes"), notes),
        facts,
    ]
    .spacing(12);
    if let Some(problem) = error_of(FormProblem::OutsidePeriod) {
        content = content.push(text(problem).size(13).style(text::danger));
    }
    content = content.push(
        button(
            row![
                Icon::Check.view(),
                text(tr_with(language, "review.record", &[("quarter", &quarter)])).size(14)
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        )
        .padding([8, 14])
        .style(button::primary)
        .on_press_maybe(editable.then_some(Message::Record)),
    );
    if let Some(recorded) = &form.recorded {
        content = content.push(widget::notice(
            widget::primary,
            text(tr_count(
                language,
                "review.recorded",
                recorded.flagged.len(),
                &[("quarter", &language.quarter(recorded.quarter))],
            ))
            .size(13),
        ));
    }
    container(content).width(Length::Fill).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_real() {
        for (text, ok) in [
            ("2025-07-24", true),
            (" 2025-07-24 ", true),
            ("2024-02-29", true),
            ("2025-02-29", false),
            ("2025-7-24", false),
            ("24-07-2025", false),
            ("2025/07/24", false),
            ("2025-13-01", false),
            ("", false),
            ("2025-07-24x", false),
        ] {
            assert_eq!(parse_date(text).is_some(), ok, "{text:?}");
        }
    }

    #[test]
    fn records_the_flagged_ids_of_the_quarter() {
        let roadmap = crate::sample::sample();
        let quarter = crate::model::Quarter::new(2025, 3).unwrap();
        let report = crate::review::review(&roadmap, quarter);
        let context = Context {
            roadmap: &roadmap,
            report: &report,
            quarter,
            language: crate::locale::Language::Indonesian,
            problems: &[],
            read_only: false,
            folder: None,
            window: None,
            today: chrono::NaiveDate::from_ymd_opt(2025, 10, 20).unwrap(),
            recent: &[],
        };
        let today = context.today;
        let mut form = Form::new(today);
        assert_eq!(form.date, "2025-10-20");
        assert_eq!(
            form.record(&context).unwrap_err(),
            vec![FormProblem::NoReviewer]
        );
        form.reviewer = "  Tim RB  ".into();
        form.date = "2025-10-32".into();
        assert_eq!(
            form.record(&context).unwrap_err(),
            vec![FormProblem::BadDate]
        );
        form.date = "2025-10-21".into();
        let change = form.record(&context).unwrap();
        let Edit::Insert(NodePath::Review(index), Node::Review(review)) = &change.edits[0] else {
            panic!("{change:?}");
        };
        assert_eq!(*index, roadmap.reviews.len());
        assert_eq!(review.reviewer, "Tim RB");
        assert_eq!(review.quarter, quarter);
        assert_eq!(review.notes, None);
        assert_eq!(review.flagged, report.flagged_ids());
        assert!(!review.flagged.is_empty());
    }
}
