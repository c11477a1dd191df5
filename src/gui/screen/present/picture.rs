//! A slide drawn offscreen into pixels, for the PNG export: at a fixed size, without
//! the window's chrome, and without showing anything on screen.
//!
//! The slide's element is laid out and drawn by a headless tiny-skia renderer (the CPU
//! renderer works on every machine, GPU or not), as `iced_test` does for snapshots.

use iced::{Color, Element, Event, Font, Pixels, Size, Theme, mouse, window};
use iced_core::clipboard;
use iced_core::renderer::{Headless, Style};
use iced_runtime::user_interface::{Cache, UserInterface};

/// The size of an exported slide, in pixels.
pub const SIZE: Size<u32> = Size {
    width: 1920,
    height: 1080,
};

/// The headless renderer an export draws with (boxed: a renderer is large, and the
/// presentation that keeps it lives in the app's screen enum).
pub struct Painter {
    renderer: Box<iced::Renderer>,
}

impl Painter {
    /// A tiny-skia renderer with the app's font; none if it cannot be made.
    pub fn new() -> Option<Self> {
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            Font::with_name("Fira Sans"),
            Pixels(16.0),
            Some("tiny-skia"),
        ))?;
        Some(Self {
            renderer: Box::new(renderer),
        })
    }

    /// The pixels (RGBA, rows top to bottom) of `element` drawn at `size` on
    /// `background`.
    pub fn paint<Message>(
        &mut self,
        element: Element<'_, Message>,
        theme: &Theme,
        background: Color,
        size: Size<u32>,
    ) -> Vec<u8> {
        let bounds = Size::new(size.width as f32, size.height as f32);
        let mut ui = UserInterface::build(element, bounds, Cache::default(), &mut *self.renderer);
        let mut messages = Vec::new();
        let _ = ui.update(
            &[Event::Window(window::Event::RedrawRequested(
                iced::time::Instant::now(),
            ))],
            mouse::Cursor::Unavailable,
            &mut *self.renderer,
            &mut clipboard::Null,
            &mut messages,
        );
        let text_color = theme.palette().text;
        ui.draw(
            &mut *self.renderer,
            theme,
            &Style { text_color },
            mouse::Cursor::Unavailable,
        );
        self.renderer.screenshot(size, 1.0, background)
    }
}
