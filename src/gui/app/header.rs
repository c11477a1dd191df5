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

/// A file action in the header: nine of them share the row with the document's name.
fn file_button<'a>(icon: Icon, tip: String, on_press: Option<Message>) -> Element<'a, Message> {
    widget::tool_button_padded(icon, tip, on_press, 5)
}

/// The header over the page. Under [`COMPACT_BELOW`] pixels (a 1024-pixel laptop
/// screen) it is compact: the import button and the language picker say less and
/// the screen tabs keep only their icons, names in tooltips, so the title and the
/// file name keep room to be read.
pub fn header(app: &App, current: Tab) -> Element<'_, Message> {
    let row = iced::widget::responsive(move |space| {
        let layout = if space.width < COMPACT_BELOW {
            Layout::Compact
        } else {
            Layout::Full
        };
        header_row(app, current, layout)
    });
    container(container(row).height(Length::Fixed(ROW_HEIGHT)))
        .padding([8, 12])
        .width(Length::Fill)
        .style(theme::header)
        .into()
}

/// How much the header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Full,
    Compact,
}

fn header_row(app: &App, current: Tab, layout: Layout) -> Element<'_, Message> {
    let language = app.language();
    let document = app.document();
    let roadmap = app.roadmap();
    let editor = &document.editor;
    let tr = |key: &str| tr(language, key);

    let files = row![
        file_button(
            Icon::New,
            format!("{} (Ctrl+N)", tr("app.new")),
            Some(Message::New)
        ),
        // In words, not an icon: the way in for a newcomer whose roadmap is in Excel.
        import_button(layout, language),
        file_button(
            Icon::Open,
            format!("{} (Ctrl+O)", tr("app.open")),
            Some(Message::Open)
        ),
        file_button(
            Icon::History,
            tr("app.open_recent"),
            Some(Message::OpenByPath)
        ),
        file_button(
            Icon::Save,
            format!("{} (Ctrl+S)", tr("app.save")),
            Some(Message::Save)
        ),
        file_button(
            Icon::SaveAs,
            format!("{} (Ctrl+Shift+S)", tr("app.save_as")),
            Some(Message::SaveAs)
        ),
        file_button(
            Icon::Export,
            tr("app.export_whole"),
            Some(Message::ExportWhole)
        ),
        file_button(
            Icon::Undo,
            format!("{} (Ctrl+Z)", tr("app.undo")),
            editor.can_undo().then_some(Message::Undo)
        ),
        file_button(
            Icon::Redo,
            format!("{} (Ctrl+Y)", tr("app.redo")),
            editor.can_redo().then_some(Message::Redo)
        ),
    ]
    .spacing(0)
    .align_y(Alignment::Center);

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
    // Compact: the language's code (ID, EN); the icon beside it says what it is.
    let languages: Vec<Labelled<Language>> = Language::ALL
        .iter()
        .map(|&choice| match layout {
            Layout::Full => Labelled::new(choice, choice.to_string()),
            Layout::Compact => Labelled::new(choice, choice.code().to_uppercase()),
        })
        .collect();
    let chosen = languages.iter().find(|l| l.value == language).cloned();
    let languages = pick_list(languages, chosen, |l: Labelled<Language>| {
        Message::LanguageSelected(l.value)
    })
    .text_size(14)
    .padding([6, 10]);
    let renderer = renderer_toggle(app.renderer(), language);

    row![
        files,
        container(title_and_name(app))
            .padding([0, 12])
            .width(Length::Fill),
        screen_tabs(current, layout, language),
        space::horizontal().width(Length::Fixed(12.0)),
        Icon::Calendar.view(),
        quarter,
        Icon::Language.view(),
        languages,
        renderer,
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

/// "Impor dari Excel…", or (compact) "Impor…" with the whole words in a tooltip.
fn import_button<'a>(layout: Layout, language: Language) -> Element<'a, Message> {
    let words = tr(language, "app.import.button");
    let button = |label: String| {
        button(text(label).size(14))
            .padding([6, 8])
            .style(theme::tool)
            .on_press(Message::Import)
    };
    match layout {
        Layout::Full => button(words).into(),
        Layout::Compact => iced::widget::tooltip(
            button(tr(language, "app.import.short")),
            container(text(words).size(13))
                .padding([4, 8])
                .style(container::rounded_box),
            iced::widget::tooltip::Position::Bottom,
        )
        .into(),
    }
}

/// The document's title over its file name, each on one line cut to its room.
fn title_and_name(app: &App) -> Element<'_, Message> {
    let language = app.language();
    let document = app.document();
    let roadmap = app.roadmap();
    let tr = |key: &str| tr(language, key);
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
    title.into()
}

/// The three screens as tabs: icon and name, or the icon alone
/// with the name in its tooltip (compact).
fn screen_tabs<'a>(current: Tab, layout: Layout, language: Language) -> Element<'a, Message> {
    let labelled = layout == Layout::Full;
    let tab = |icon: Icon, name_key: &str, target: Tab, hint_key: Option<&str>| {
        let name = tr(language, name_key);
        let content = if labelled {
            row![icon.view(), text(name.clone()).size(14)]
        } else {
            row![icon.view()]
        };
        let tab: Element<'a, Message> = button(content.spacing(6).align_y(Alignment::Center))
            .padding([6, 12])
            .style(theme::tab(current == target))
            .on_press(Message::SwitchTo(target))
            .into();
        let tip = match (labelled, hint_key) {
            (true, None) => return tab,
            (true, Some(hint)) => tr(language, hint),
            (false, None) => name,
            (false, Some(hint)) => format!("{name}: {}", tr(language, hint)),
        };
        iced::widget::tooltip(
            tab,
            container(text(tip).size(13))
                .padding([4, 8])
                .style(container::rounded_box),
            iced::widget::tooltip::Position::Bottom,
        )
        .into()
    };
    row![
        tab(Icon::Draft, "app.screen_draft", Tab::Draft, None),
        tab(Icon::Review, "review.tab", Tab::Review, None),
        tab(
            Icon::Present,
            "present.tab",
            Tab::Present,
            Some("present.start")
        ),
    ]
    .spacing(4)
    .into()
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
/// Narrower than this (inside the header's padding), the header is compact: at
/// 1024 pixels the full header leaves the title no room.
const COMPACT_BELOW: f32 = 1200.0;
/// The title over the file name: how tall the header's row is.
const ROW_HEIGHT: f32 = 40.0;

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
