//! How a score and its rating read on the screen: the numbers come from the review
//! engine (`review::Scores`, `review::scorecard`) and the rating from the document's
//! scale; nothing here computes a score.

use iced::widget::{Row, container, row, text};
use iced::{Alignment, Element, Theme};

use super::Message;
use crate::gui::{theme, widget};
use crate::locale::Language;
use crate::model::Roadmap;

/// A score as the interface writes it (`78,52`), or a dash where there is none.
pub fn score_text(language: Language, score: Option<f64>) -> String {
    score
        .map(|value| language.number(value, 2))
        .unwrap_or_else(|| "—".into())
}

/// The rating the document's scale gives `score` (`BB`, `Tinggi`), if it gives one.
pub fn rating_of(roadmap: &Roadmap, score: Option<f64>) -> Option<String> {
    score.and_then(|value| roadmap.scoring().rating.rate(value).map(str::to_owned))
}

/// The score in bold with its rating as a chip beside it.
pub fn scored<'a>(
    roadmap: &Roadmap,
    language: Language,
    score: Option<f64>,
    size: u32,
) -> Element<'a, Message> {
    let mut line: Row<'a, Message> = row![
        text(score_text(language, score))
            .size(size)
            .font(widget::bold())
            .wrapping(text::Wrapping::None)
    ]
    .spacing(6)
    .align_y(Alignment::Center);
    if let Some(rating) = rating_of(roadmap, score) {
        line = line.push(rating_chip(rating, size.saturating_sub(2).max(11)));
    }
    line.into()
}

/// A rating as a small chip in the interface's accent colour: a rating is a grade, not
/// a status, so it borrows none of the status colours.
pub fn rating_chip<'a>(rating: String, size: u32) -> Element<'a, Message> {
    container(text(rating).size(size).wrapping(text::Wrapping::None))
        .padding([0, 7])
        .style(|theme: &Theme| theme::chip(theme.palette().primary)(theme))
        .into()
}
