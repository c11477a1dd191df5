//! A canvas drawn so that every renderer shows all of it, whatever else is on the slide.
//!
//! iced 0.14's default renderer draws canvases with 4× multisampling: each layer's
//! meshes go to a multisampled texture that is then resolved into a plain one, and that
//! one is painted over the whole window. wgpu's OpenGL backend (what runs on llvmpipe,
//! and on laptops whose drivers offer nothing newer) resolves with `glBlitFramebuffer`
//! while the scissor of the layer's last mesh is still set, and OpenGL clips the blit
//! to it. So only the last canvas of a layer was copied: the first key-indicator chart
//! of an area slide stayed blank, milestone rows above the last stayed empty, and
//! leftovers of earlier slides (still in the resolved texture) showed through.
//!
//! [`Resolved`] draws its canvas in a layer that covers the window and ends that layer
//! with one transparent pixel whose clip covers the window too. The last scissor of
//! every multisampled pass is then the whole window, so the resolve copies all of it:
//! every canvas of the pass, and nothing left over from before. Under tiny-skia, or
//! where multisampling works, the layer and the pixel change nothing.

use iced::widget::canvas::Frame;
use iced::{Color, Element, Event, Length, Rectangle, Size, mouse};
use iced_core::layout::{self, Layout};
use iced_core::renderer;
use iced_core::widget::{Operation, Tree, Widget, tree};
use iced_core::{Clipboard, Shell};
use iced_graphics::geometry;

/// Larger than any window: the layer and the last scissor of a pass.
pub const COVER: Rectangle = Rectangle {
    x: -16_384.0,
    y: -16_384.0,
    width: 32_768.0,
    height: 32_768.0,
};

/// `content` (a canvas) drawn as the module says.
pub fn resolved<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
) -> Element<'a, Message, Theme, Renderer>
where
    Message: 'a,
    Theme: 'a,
    Renderer: geometry::Renderer + 'a,
{
    Element::new(Resolved {
        content: content.into(),
    })
}

/// See the module.
pub struct Resolved<'a, Message, Theme, Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for Resolved<'_, Message, Theme, Renderer>
where
    Renderer: geometry::Renderer,
{
    fn tag(&self) -> tree::Tag {
        self.content.as_widget().tag()
    }

    fn state(&self) -> tree::State {
        self.content.as_widget().state()
    }

    fn children(&self) -> Vec<Tree> {
        self.content.as_widget().children()
    }

    fn diff(&self, tree: &mut Tree) {
        self.content.as_widget().diff(tree);
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content.as_widget_mut().layout(tree, renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(tree, layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        self.content.as_widget_mut().update(
            tree, event, layout, cursor, renderer, clipboard, shell, viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content
            .as_widget()
            .mouse_interaction(tree, layout, cursor, viewport, renderer)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        let at = layout.bounds().position();
        renderer.with_layer(COVER, |renderer| {
            self.content
                .as_widget()
                .draw(tree, renderer, theme, style, layout, cursor, viewport);
            // One pixel, so that the mesh is not dropped as empty; its clip is what counts.
            let mut frame = Frame::with_bounds(renderer, COVER);
            frame.fill_rectangle(at, Size::new(1.0, 1.0), Color::TRANSPARENT);
            renderer.draw_geometry(frame.into_geometry());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::widget::canvas::{self, Geometry};
    use iced::{Background, Point, Theme, Transformation};

    /// What a renderer was asked to do, in order.
    #[derive(Debug, Clone, PartialEq)]
    enum Call {
        StartLayer(Rectangle),
        EndLayer,
        /// A frame's clip bounds (after the translation in force).
        Frame(Rectangle),
        Geometry,
    }

    #[derive(Default)]
    struct Recorder {
        calls: std::cell::RefCell<Vec<Call>>,
        translation: Vec<iced::Vector>,
    }

    impl iced_core::Renderer for Recorder {
        fn start_layer(&mut self, bounds: Rectangle) {
            self.calls.borrow_mut().push(Call::StartLayer(bounds));
        }
        fn end_layer(&mut self) {
            self.calls.borrow_mut().push(Call::EndLayer);
        }
        fn start_transformation(&mut self, transformation: Transformation) {
            self.translation.push(transformation.translation());
        }
        fn end_transformation(&mut self) {
            self.translation.pop();
        }
        fn reset(&mut self, _bounds: Rectangle) {}
        fn fill_quad(&mut self, _quad: renderer::Quad, _background: impl Into<Background>) {}
        fn allocate_image(
            &mut self,
            _handle: &iced_core::image::Handle,
            _callback: impl FnOnce(Result<iced_core::image::Allocation, iced_core::image::Error>)
            + Send
            + 'static,
        ) {
        }
    }

    impl geometry::Renderer for Recorder {
        type Geometry = ();
        type Frame = ();

        fn new_frame(&self, bounds: Rectangle) -> Self::Frame {
            let offset = self
                .translation
                .iter()
                .fold(iced::Vector::ZERO, |a, b| a + *b);
            self.calls.borrow_mut().push(Call::Frame(bounds + offset));
        }

        fn draw_geometry(&mut self, _geometry: Self::Geometry) {
            self.calls.borrow_mut().push(Call::Geometry);
        }
    }

    /// A canvas that fills itself, as the charts do.
    struct Filled;

    impl canvas::Program<(), Theme, Recorder> for Filled {
        type State = ();

        fn draw(
            &self,
            _state: &(),
            renderer: &Recorder,
            _theme: &Theme,
            bounds: Rectangle,
            _cursor: mouse::Cursor,
        ) -> Vec<Geometry<Recorder>> {
            let mut frame = Frame::new(renderer, bounds.size());
            frame.fill_rectangle(Point::ORIGIN, bounds.size(), Color::WHITE);
            vec![frame.into_geometry()]
        }
    }

    #[test]
    fn a_canvas_ends_its_own_window_wide_layer_with_a_window_wide_clip() {
        let mut element: Element<'_, (), Theme, Recorder> = resolved(
            canvas::Canvas::new(Filled)
                .width(Length::Fixed(300.0))
                .height(Length::Fixed(120.0)),
        );
        let mut renderer = Recorder::default();
        let mut tree = Tree::new(element.as_widget());
        let limits = layout::Limits::new(Size::ZERO, Size::new(1280.0, 800.0));
        let node = element
            .as_widget_mut()
            .layout(&mut tree, &renderer, &limits)
            .move_to(Point::new(700.0, 240.0));
        let window = Rectangle::with_size(Size::new(1280.0, 800.0));
        element.as_widget().draw(
            &tree,
            &mut renderer,
            &Theme::Light,
            &renderer::Style::default(),
            Layout::new(&node),
            mouse::Cursor::Unavailable,
            &window,
        );
        let calls = renderer.calls.into_inner();
        assert_eq!(
            calls,
            [
                Call::StartLayer(COVER),
                // The chart itself, where the layout put it.
                Call::Frame(Rectangle::new(
                    Point::new(700.0, 240.0),
                    Size::new(300.0, 120.0)
                )),
                Call::Geometry,
                // Last in the layer: a clip wider than any window.
                Call::Frame(COVER),
                Call::Geometry,
                Call::EndLayer,
            ]
        );
        assert!(COVER.contains(Point::ORIGIN) && COVER.width >= 16_384.0);
    }
}
