//! The app's own view above the screens: the header (document, file actions, screen
//! switcher, quarter and language) and the notice bar under it.

use iced::widget::{button, column, container, pick_list, row, space, text};
use iced::{Alignment, Element, Length};

use super::{App, Message};
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::notice::{Notice, Tone};
use crate::gui::screen::Tab;
use crate::gui::theme;
use crate::gui::widget::{self, Labelled};
use crate::locale::Language;
use crate::renderer::Renderer;
use crate::text::shorten;

/// How much the header's line holds: a narrower window trades words for icons (the
/// words stay in tooltips) so that the document's title and file name keep some room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Full,
    /// The language as its code (1280 pixels).
    Compact,
    /// Also the screen tabs as icons, a shorter import button and no icons before the
    /// pickers (1024 pixels).
    Narrow,
}

impl Fit {
    fn of(width: f32) -> Self {
        if width >= 1400.0 {
            Fit::Full
        } else if width >= 1200.0 {
            Fit::Compact
        } else {
            Fit::Narrow
        }
    }
}

/// The header's line (file actions, document, screens, quarter, language, renderer),
/// fitted to the window's width.
pub fn header(app: &App, current: Tab) -> Element<'_, Message> {
    container(
        container(iced::widget::responsive(move |space| {
            header_line(app, current, Fit::of(space.width))
        }))
        .height(Length::Fixed(HEADER_HEIGHT)),
    )
    .padding([8, 12])
    .width(Length::Fill)
    .style(theme::header)
    .into()
}

/// Title and file name, one above the other.
const HEADER_HEIGHT: f32 = 40.0;

fn header_line(app: &App, current: Tab, fit: Fit) -> Element<'_, Message> {
    let language = app.language();
    let document = app.document();
    let roadmap = app.roadmap();
    let editor = &document.editor;
    let tr = |key: &str| tr(language, key);

    let files = row![
        widget::tool_button(
            Icon::New,
            format!("{} (Ctrl+N)", tr("app.new")),
            Some(Message::New)
        ),
        // In words, not an icon: the way in for a newcomer whose roadmap is in Excel.
        iced::widget::tooltip(
            button(
                text(tr(if fit == Fit::Narrow {
                    "app.import.button_short"
                } else {
                    "app.import.button"
                }))
                .size(14)
                .wrapping(iced::widget::text::Wrapping::None)
            )
            .padding([6, 8])
            .style(theme::tool)
            .on_press(Message::Import),
            container(text(tr("app.import.button")).size(13))
                .padding([4, 8])
                .style(container::rounded_box),
            iced::widget::tooltip::Position::Bottom,
        ),
        widget::tool_button(
            Icon::Open,
            format!("{} (Ctrl+O)", tr("app.open")),
            Some(Message::Open)
        ),
        widget::tool_button(
            Icon::History,
            tr("app.open_recent"),
            Some(Message::OpenByPath)
        ),
        widget::tool_button(
            Icon::Save,
            format!("{} (Ctrl+S)", tr("app.save")),
            Some(Message::Save)
        ),
        widget::tool_button(
            Icon::SaveAs,
            format!("{} (Ctrl+Shift+S)", tr("app.save_as")),
            Some(Message::SaveAs)
        ),
        widget::tool_button(
            Icon::Export,
            tr("app.export_whole"),
            Some(Message::ExportWhole)
        ),
        widget::tool_button(
            Icon::Undo,
            format!("{} (Ctrl+Z)", tr("app.undo")),
            editor.can_undo().then_some(Message::Undo)
        ),
        widget::tool_button(
            Icon::Redo,
            format!("{} (Ctrl+Y)", tr("app.redo")),
            editor.can_redo().then_some(Message::Redo)
        ),
    ]
    .spacing(2)
    .align_y(Alignment::Center);

    // The file name on one line whatever the window's width: cut with "…" to the
    // space left (the dirty mark and the lock stay whole), whole in the tooltip.
    let full_name = document.name();
    let dirty = document.is_dirty();
    let fitted_name = {
        let full_name = full_name.clone();
        iced::widget::responsive(move |space| {
            let room = (space.width / NAME_CHAR_WIDTH) as usize;
            let mut name = shorten(&full_name, room.saturating_sub(if dirty { 2 } else { 0 }));
            if dirty {
                name.push_str(" ●");
            }
            text(name)
                .size(13)
                .style(widget::muted_text)
                .wrapping(iced::widget::text::Wrapping::None)
                .into()
        })
    };
    let mut name_line = row![iced::widget::tooltip(
        container(fitted_name).height(Length::Fixed(17.0)),
        container(text(full_name).size(13))
            .padding([4, 8])
            .style(container::rounded_box),
        iced::widget::tooltip::Position::Bottom,
    )]
    .spacing(6)
    .align_y(Alignment::Center);
    if document.read_only {
        name_line = name_line.push(
            row![Icon::Lock.sized(13), text(tr("app.read_only")).size(13)]
                .spacing(4)
                .align_y(Alignment::Center),
        );
    }
    // One line that fits the space left (a long title must not push the header
    // taller), shortened with "…" and whole in the tooltip.
    let full_title = roadmap.title.clone();
    let fitted_title = iced::widget::responsive(move |space| {
        text(shorten(
            &full_title,
            (space.width / TITLE_CHAR_WIDTH) as usize,
        ))
        .size(16)
        .font(widget::bold())
        .wrapping(iced::widget::text::Wrapping::None)
        .into()
    });
    let title = column![
        iced::widget::tooltip(
            container(fitted_title).height(Length::Fixed(21.0)),
            container(text(roadmap.title.clone()).size(13))
                .padding([4, 8])
                .style(container::rounded_box),
            iced::widget::tooltip::Position::Bottom,
        ),
        name_line
    ]
    .spacing(2)
    .width(Length::Fill)
    .clip(true);

    let tabs = row![
        tab(
            Icon::Draft,
            tr("app.screen_draft"),
            current == Tab::Draft,
            Tab::Draft,
            fit
        ),
        tab(
            Icon::Review,
            tr("review.tab"),
            current == Tab::Review,
            Tab::Review,
            fit
        ),
        iced::widget::tooltip(
            tab(
                Icon::Present,
                tr("present.tab"),
                current == Tab::Present,
                Tab::Present,
                fit
            ),
            container(text(tr("present.start")).size(13))
                .padding([4, 8])
                .style(container::rounded_box),
            iced::widget::tooltip::Position::Bottom,
        ),
    ]
    .spacing(4);

    let quarters: Vec<Labelled<crate::model::Quarter>> = roadmap
        .period
        .quarters()
        .map(|q| Labelled::new(q, language.quarter(q)))
        .collect();
    let selected = quarters.iter().find(|q| q.value == app.quarter()).cloned();
    let quarter = pick_list(quarters, selected, |q: Labelled<crate::model::Quarter>| {
        Message::QuarterSelected(q.value)
    })
    .text_size(14)
    .padding([6, 10]);
    // The language by its name, or by its code where room is short.
    let names: Vec<Labelled<Language>> = Language::ALL
        .iter()
        .map(|&l| {
            let name = match fit {
                Fit::Full => l.native_name().to_owned(),
                Fit::Compact | Fit::Narrow => l.code().to_uppercase(),
            };
            Labelled::new(l, name)
        })
        .collect();
    let chosen = names.iter().find(|l| l.value == language).cloned();
    let languages = pick_list(names, chosen, |l: Labelled<Language>| {
        Message::LanguageSelected(l.value)
    })
    .text_size(14)
    .padding([6, 10]);
    let renderer = renderer_toggle(app.renderer(), language);

    let mut line = row![
        files,
        container(title).padding([0, 12]).width(Length::Fill),
        tabs,
        space::horizontal().width(Length::Fixed(12.0)),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    if fit != Fit::Narrow {
        line = line.push(Icon::Calendar.view());
    }
    line = line.push(quarter);
    if fit != Fit::Narrow {
        line = line.push(Icon::Language.view());
    }
    line.push(languages).push(renderer).into()
}

/// "GPU" or "CPU": the renderer the next start uses; a click picks the other one.
fn renderer_toggle<'a>(renderer: Renderer, language: Language) -> Element<'a, Message> {
    let (name, other) = (renderer.to_string(), renderer.other().to_string());
    iced::widget::tooltip(
        button(text(name.clone()).size(12).font(widget::bold()))
            .padding([6, 8])
            .style(theme::tool)
            .on_press(Message::RendererSelected(renderer.other())),
        container(
            text(tr_with(
                language,
                "app.renderer.tooltip",
                &[("renderer", &name), ("other", &other)],
            ))
            .size(13),
        )
        .max_width(320)
        .padding([4, 8])
        .style(container::rounded_box),
        iced::widget::tooltip::Position::Bottom,
    )
    .into()
}

/// The widest a character of the header title gets (Fira Sans SemiBold at 16 px),
/// so a shortened title never runs past its space.
const TITLE_CHAR_WIDTH: f32 = 9.5;
/// About how wide a character of the file name (13 px) is: file names run to digits,
/// dashes and lower case.
const NAME_CHAR_WIDTH: f32 = 7.5;

/// A screen's tab: its icon and name, or only its icon (named in a tooltip) where
/// room is short.
fn tab<'a>(icon: Icon, label: String, active: bool, target: Tab, fit: Fit) -> Element<'a, Message> {
    if fit != Fit::Narrow {
        return button(
            row![icon.view(), text(label).size(14)]
                .spacing(6)
                .align_y(Alignment::Center),
        )
        .padding([6, 12])
        .style(theme::tab(active))
        .on_press(Message::SwitchTo(target))
        .into();
    }
    iced::widget::tooltip(
        button(icon.view())
            .padding([6, 12])
            .style(theme::tab(active))
            .on_press(Message::SwitchTo(target)),
        container(text(label).size(13))
            .padding([4, 8])
            .style(container::rounded_box),
        iced::widget::tooltip::Position::Bottom,
    )
    .into()
}

pub fn notice_bar(notice: &Notice, language: Language) -> Element<'_, Message> {
    let (icon, tone): (Icon, fn(&iced::Theme) -> iced::Color) = match notice.tone {
        Tone::Info => (Icon::Check, widget::primary),
        Tone::Error => (Icon::Error, widget::danger),
    };
    let mut line = row![
        icon.view(),
        text(notice.text.clone()).size(14).width(Length::Fill)
    ]
    .spacing(10)
    .align_y(Alignment::Center);
    if notice.offer_save_as {
        line = line.push(
            button(text(tr(language, "app.save_as")).size(14))
                .style(button::primary)
                .on_press(Message::SaveAs),
        );
    }
    line = line.push(widget::tool_button(
        Icon::Close,
        tr(language, "app.dismiss"),
        Some(Message::DismissNotice),
    ));
    widget::notice(tone, line)
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shortens_long_titles_with_an_ellipsis() {
        assert_eq!(shorten("Road Map", 20), "Road Map");
        assert_eq!(shorten("Road Map Reformasi", 9), "Road Map…");
        assert_eq!(shorten("Road Map", 0), "…");
    }
}
