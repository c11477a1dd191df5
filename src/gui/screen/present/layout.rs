//! The reference slide and how much text fits on it. Slides are laid out once, in
//! design units on a 1920 × 1080 slide, and the view scales that whole slide to the
//! screen (see `look::Scale`): a slide that fits at 1080p fits at 720p and at 4K, and
//! the slide builder can decide where to split without knowing the screen.
//!
//! Pure arithmetic (no iced types), shared by the builder and the views so that the
//! estimate the builder splits by is the layout the view draws.

/// The reference slide, in design units (pixels at 1920 × 1080).
pub const WIDTH: f32 = 1920.0;
pub const HEIGHT: f32 = 1080.0;

pub const MARGIN_X: f32 = 80.0;
pub const MARGIN_TOP: f32 = 52.0;
/// Space between the heading, the body and the footer.
pub const GAP: f32 = 26.0;
/// The footer: counter, institution and the progress line.
pub const FOOTER: f32 = 60.0;

/// Text sizes. Body text stays at 28 or more at 1080p, readable from the back of a
/// meeting room.
pub const HEADING: f32 = 50.0;
pub const BODY: f32 = 30.0;
pub const TABLE: f32 = 28.0;
pub const SMALL: f32 = 24.0;
pub const CAPTION: f32 = 22.0;

/// iced's default line height, relative to the text size.
pub const LINE: f32 = 1.3;

pub const CONTENT_WIDTH: f32 = WIDTH - 2.0 * MARGIN_X;
/// What the body of a slide may fill under a one-line heading and above the footer.
pub const CONTENT_HEIGHT: f32 = HEIGHT - MARGIN_TOP - HEADING * LINE - 2.0 * GAP - FOOTER;

/// Space between the blocks of a slide's body (summary, goal, lists).
pub const STACK: f32 = 16.0;
/// Space under a list's heading.
pub const LIST_GAP: f32 = 8.0;
/// Space between the lines of one row (a name and the line under it).
pub const ROW_SPACING: f32 = 4.0;
/// A status chip: a word of `SMALL` text in a frame, and the room kept for the longest.
pub const CHIP_HEIGHT: f32 = SMALL * LINE + 8.0;
pub const CHIP_WIDTH: f32 = 300.0;

/// An area slide: the program list and the key-indicator charts beside it.
pub const AREA_COLUMNS: [u16; 2] = [11, 9];

/// The milestone timeline: names and the timeline as parts of the width, the year
/// axis above and the legend below.
pub const MILESTONE_COLUMNS: [u16; 2] = [11, 9];
pub const MILESTONE_AXIS: f32 = 40.0;
pub const MILESTONE_LEGEND: f32 = 40.0;

/// The flagged-targets table: relative column widths (indicator, achievement,
/// obstacle, follow-up) and the space between columns.
pub const FLAGGED_COLUMNS: [u16; 4] = [9, 5, 8, 8];
pub const COLUMN_GAP: f32 = 28.0;
/// Padding above and below a table row.
pub const ROW_PADDING: f32 = 10.0;

/// Average advance of a glyph of the UI font (Fira Sans) as a fraction of its size,
/// rounded up so that estimates err towards more lines, never fewer.
/// Semibold glyphs are a little wider than regular ones.
pub const BOLD: f32 = 1.06;

const GLYPH: f32 = 0.55;

/// Width of column `index` of a table of `portions` across the content width.
pub fn column_width(portions: &[u16], index: usize) -> f32 {
    let total: f32 = portions.iter().map(|&p| f32::from(p)).sum();
    let gaps = COLUMN_GAP * (portions.len().saturating_sub(1)) as f32;
    (CONTENT_WIDTH - gaps) * f32::from(portions[index]) / total
}

/// How many characters of text of `size` fit on a line `width` wide.
pub fn chars_per_line(width: f32, size: f32) -> usize {
    ((width / (size * GLYPH)).floor() as usize).max(1)
}

/// Lines that `text` wraps to in a box `width` wide (greedy word wrap; a word longer
/// than a line is broken, as the renderer does). Empty text takes no line.
pub fn lines(text: &str, width: f32, size: f32) -> usize {
    let limit = chars_per_line(width, size);
    let mut count = 0;
    for paragraph in text.lines() {
        let mut used = 0;
        count += 1;
        for word in paragraph.split_whitespace() {
            let mut length = word.chars().count();
            if used > 0 && used + 1 + length <= limit {
                used += 1 + length;
                continue;
            }
            if used > 0 {
                count += 1;
            }
            // A word longer than a line fills whole lines on its own.
            while length > limit {
                count += 1;
                length -= limit;
            }
            used = length;
        }
    }
    count
}

/// The height of `text` of `size` wrapped in `width`.
pub fn height(text: &str, width: f32, size: f32) -> f32 {
    lines(text, width, size) as f32 * size * LINE
}

pub use crate::text::shorten_at_word as shorten;

/// `text` in pieces of at most `max_chars`, cut after a sentence where possible, else
/// after a word, so that long notes continue on the next slide instead of shrinking.
pub fn split_text(text: &str, max_chars: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text.trim();
    while rest.chars().count() > max_chars {
        let window: String = rest.chars().take(max_chars).collect();
        let sentence = window
            .match_indices(". ")
            .map(|(at, _)| at + 1)
            .chain(window.match_indices('\n').map(|(at, _)| at))
            .filter(|&at| at >= window.len() / 3)
            .max();
        let at = sentence
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&at| at > 0)
            .unwrap_or(window.len());
        pieces.push(rest[..at].trim().to_owned());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(rest.to_owned());
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_wrapped_lines() {
        // 10 characters per line at this width and size.
        let width = 10.0 * 20.0 * GLYPH;
        for (text, expected) in [
            ("", 0),
            ("kata", 1),
            ("satu dua", 1),
            ("satu dua tiga", 2),
            ("satu dua tiga empat lima", 3),
            ("abcdefghijklmnopqrstuvwxy", 3),
            ("a abcdefghijklmnopqrstuvwxy", 4),
            ("baris satu\nbaris dua", 2),
        ] {
            assert_eq!(lines(text, width, 20.0), expected, "{text:?}");
        }
    }

    #[test]
    fn shortens_at_a_word() {
        assert_eq!(shorten("pendek", 20), "pendek");
        assert_eq!(shorten("satu dua tiga empat", 12), "satu dua…");
        assert_eq!(shorten("abcdefghijkl", 6), "abcde…");
        assert!(shorten(&"kata ".repeat(100), 50).chars().count() <= 50);
    }

    #[test]
    fn splits_after_sentences() {
        let text = "Kalimat pertama cukup panjang. Kalimat kedua juga panjang. Ketiga.";
        let pieces = split_text(text, 40);
        assert_eq!(
            pieces,
            [
                "Kalimat pertama cukup panjang.",
                "Kalimat kedua juga panjang. Ketiga."
            ]
        );
        assert!(pieces.iter().all(|p| p.chars().count() <= 40));
        let words = split_text(&"kata ".repeat(30), 22);
        assert!(words.iter().all(|p| p.chars().count() <= 22), "{words:?}");
        assert_eq!(words.join(" ").split_whitespace().count(), 30);
        assert_eq!(split_text("", 10), [""]);
    }
}
