//! Icons from the embedded Lucide font subset (`assets/fonts/lucide-subset.ttf`, ISC).

use iced::widget::{Text, text};
use iced::{Font, Pixels};

pub const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/lucide-subset.ttf");
const FONT: Font = Font::with_name("lucide");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    New,
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
    Add,
    Delete,
    Duplicate,
    Up,
    Down,
    Expand,
    Collapse,
    Error,
    Warning,
    Check,
    Close,
    Present,
    Review,
    Draft,
    Language,
    Area,
    Folder,
    Target,
    Flag,
    Link,
    Search,
    Filter,
    Export,
    /// A file brought in (the import); the same glyph as a file written out.
    /// Out of the app as a whole (the rencana-aksi workbook).
    Calendar,
    History,
    Lock,
    Back,
    OnTrack,
    Units,
    Image,
}

impl Icon {
    fn codepoint(self) -> char {
        match self {
            Icon::New => '\u{e0c9}',
            Icon::Open => '\u{e247}',
            Icon::Save => '\u{e14d}',
            Icon::SaveAs => '\u{e40f}',
            Icon::Undo => '\u{e2a1}',
            Icon::Redo => '\u{e2a0}',
            Icon::Add => '\u{e13d}',
            Icon::Delete => '\u{e18e}',
            Icon::Duplicate => '\u{e09e}',
            Icon::Up => '\u{e04a}',
            Icon::Down => '\u{e042}',
            Icon::Expand => '\u{e06f}',
            Icon::Collapse => '\u{e06d}',
            Icon::Error => '\u{e077}',
            Icon::Warning => '\u{e193}',
            Icon::Check => '\u{e06c}',
            Icon::Close => '\u{e1b2}',
            Icon::Present => '\u{e4ae}',
            Icon::Review => '\u{e219}',
            Icon::Draft => '\u{e1f9}',
            Icon::Language => '\u{e0fe}',
            Icon::Area => '\u{e529}',
            Icon::Folder => '\u{e0d7}',
            Icon::Target => '\u{e180}',
            Icon::Flag => '\u{e0d1}',
            Icon::Link => '\u{e0b9}',
            Icon::Search => '\u{e151}',
            Icon::Filter => '\u{e0dc}',
            Icon::Export => '\u{e318}',
            Icon::Calendar => '\u{e063}',
            Icon::History => '\u{e1f5}',
            Icon::Lock => '\u{e10b}',
            Icon::Back => '\u{e06e}',
            Icon::OnTrack => '\u{e226}',
            Icon::Units => '\u{e408}',
            Icon::Image => '\u{e53c}',
        }
    }

    /// The icon as a text widget of `size`.
    pub fn sized<'a>(self, size: impl Into<Pixels>) -> Text<'a> {
        text(self.codepoint().to_string())
            .font(FONT)
            .size(size)
            .line_height(1.0)
    }

    pub fn view<'a>(self) -> Text<'a> {
        self.sized(16)
    }
}
