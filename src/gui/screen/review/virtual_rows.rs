//! Virtual scrolling: of thousands of rows only those in view (and a few either side)
//! become widgets; spacers of the right height stand in for the rest so that the
//! scrollbar keeps its size and position. Every row has the same height, and at most
//! one row is expanded by a fixed extra height, so positions are simple arithmetic.

/// Height of a table row, in logical pixels.
pub const ROW_HEIGHT: f32 = 64.0;
/// What an expanded row adds below itself.
pub const EXPANDED_HEIGHT: f32 = 204.0;
/// Rows built beyond each edge of the view, so a small scroll shows no gap before the
/// next frame catches up.
const OVERSCAN: usize = 3;
/// Assumed height of the view until the scrollable reports its own.
pub const DEFAULT_VIEW_HEIGHT: f32 = 900.0;

/// Where the table is scrolled, as the scrollable last reported it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scroll {
    pub offset: f32,
    pub height: f32,
}

impl Default for Scroll {
    fn default() -> Self {
        Self {
            offset: 0.0,
            height: DEFAULT_VIEW_HEIGHT,
        }
    }
}

/// The rows to build (`first..end`, positions in the row list) and the spacers around.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub first: usize,
    pub end: usize,
    pub above: f32,
    pub below: f32,
}

/// The layout of `count` rows, the one at position `expanded` taller.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub count: usize,
    pub expanded: Option<usize>,
}

impl Layout {
    pub fn total(self) -> f32 {
        self.count as f32 * ROW_HEIGHT + self.extra_before(self.count)
    }

    /// Top of the row at `position`.
    pub fn top(self, position: usize) -> f32 {
        position as f32 * ROW_HEIGHT + self.extra_before(position)
    }

    fn extra_before(self, position: usize) -> f32 {
        match self.expanded {
            Some(e) if e < position && e < self.count => EXPANDED_HEIGHT,
            _ => 0.0,
        }
    }

    /// The row covering height `y` (clamped into the list).
    pub fn row_at(self, y: f32) -> usize {
        if self.count == 0 {
            return 0;
        }
        let y = y.max(0.0);
        let plain = (y / ROW_HEIGHT) as usize;
        let row = match self.expanded {
            Some(e) if e < self.count && plain > e => {
                let expanded_end = self.top(e) + ROW_HEIGHT + EXPANDED_HEIGHT;
                if y < expanded_end {
                    e
                } else {
                    ((y - EXPANDED_HEIGHT) / ROW_HEIGHT) as usize
                }
            }
            _ => plain,
        };
        row.min(self.count - 1)
    }

    /// What to build for the view at `scroll`.
    pub fn window(self, scroll: Scroll) -> Window {
        let total = self.total();
        if self.count == 0 {
            return Window {
                first: 0,
                end: 0,
                above: 0.0,
                below: 0.0,
            };
        }
        let height = if scroll.height > 0.0 {
            scroll.height
        } else {
            DEFAULT_VIEW_HEIGHT
        };
        // The list may have shrunk since the scrollable last reported its offset.
        let offset = scroll.offset.clamp(0.0, (total - height).max(0.0));
        let first = self.row_at(offset).saturating_sub(OVERSCAN);
        let end = (self.row_at(offset + height) + 1 + OVERSCAN).min(self.count);
        Window {
            first,
            end,
            above: self.top(first),
            below: total - self.top(end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn height_of(layout: Layout, position: usize) -> f32 {
        if layout.expanded == Some(position) {
            ROW_HEIGHT + EXPANDED_HEIGHT
        } else {
            ROW_HEIGHT
        }
    }

    #[test]
    fn windows_cover_the_view_and_add_up() {
        for (count, expanded) in [
            (0, None),
            (1, None),
            (5, Some(2)),
            (2000, None),
            (2000, Some(0)),
            (2000, Some(40)),
            (2000, Some(1999)),
        ] {
            let layout = Layout { count, expanded };
            for offset in [0.0, 10.0, 63.9, 64.0, 2600.0, 2700.0, 1e9] {
                for height in [0.0, 300.0, 640.0] {
                    let scroll = Scroll { offset, height };
                    let window = layout.window(scroll);
                    let built: f32 = (window.first..window.end)
                        .map(|p| height_of(layout, p))
                        .sum();
                    let total = layout.total();
                    assert!(
                        (window.above + built + window.below - total).abs() < 0.01,
                        "{count} {expanded:?} {offset} {height}: {window:?}"
                    );
                    if count == 0 {
                        continue;
                    }
                    // The rows built reach from above the view's top to below its bottom.
                    let view_height = if height > 0.0 {
                        height
                    } else {
                        DEFAULT_VIEW_HEIGHT
                    };
                    let top = offset.clamp(0.0, (total - view_height).max(0.0));
                    assert!(window.above <= top + 0.01, "{window:?} {top}");
                    assert!(
                        total - window.below >= (top + view_height).min(total) - 0.01,
                        "{count} {expanded:?} {offset} {height}: {window:?}"
                    );
                    // Only a screenful is built, not the whole list.
                    assert!(window.end - window.first <= 24, "{window:?}");
                }
            }
        }
    }

    #[test]
    fn finds_rows_around_an_expanded_one() {
        let layout = Layout {
            count: 10,
            expanded: Some(2),
        };
        assert_eq!(layout.row_at(0.0), 0);
        assert_eq!(layout.row_at(2.0 * ROW_HEIGHT + 1.0), 2);
        assert_eq!(layout.row_at(3.0 * ROW_HEIGHT + 1.0), 2);
        assert_eq!(layout.row_at(3.0 * ROW_HEIGHT + EXPANDED_HEIGHT + 1.0), 3);
        assert_eq!(layout.row_at(1e9), 9);
        assert_eq!(layout.top(3), 3.0 * ROW_HEIGHT + EXPANDED_HEIGHT);
    }
}
