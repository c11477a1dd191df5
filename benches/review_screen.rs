//! The review screen on a 2,000-indicator roadmap (5 years): what one user action
//! costs from message to laid-out frame: `App::update` (for an edit: the change, the
//! review and validation of the whole document, the screen's row list), `App::view`
//! and the layout of the whole window, as the iced runtime does it each frame
//! (`UserInterface::build` with the previous frame's cache). Drawing is not included.
//!
//! Run: `cargo bench --bench review_screen`. A frame at 60 Hz is 16,7 ms.

use std::hint::black_box;

// The allocator the shipped binary uses (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use iced_test::core::renderer::Headless;
use iced_test::core::{Font, Pixels, Size};
use iced_test::renderer::Renderer;
use iced_test::runtime::user_interface::{Cache, UserInterface};
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::review::{Message as R, StatusFilter};

const WINDOW: Size = Size::new(1280.0, 800.0);

struct Bench {
    app: App,
    renderer: Renderer,
    cache: Option<Cache>,
}

impl Bench {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.roadmap.ron");
        let roadmap = reform_roadmap::synthetic::generated_roadmap(2000, 5);
        reform_roadmap::file::save(&path, &roadmap).unwrap();
        let mut app = App::new(Options {
            file: Some(path),
            config_path: None,
            recovery_folder: None,
            today: chrono::NaiveDate::from_ymd_opt(2027, 1, 10).unwrap(),
        });
        let _ = app.update(Message::SwitchTo(Tab::Review));
        let quarter = reform_roadmap::synthetic::reported_through(roadmap.period);
        let _ = app.update(Message::QuarterSelected(quarter));
        // The app's fonts, as the window has them.
        for font in reform_roadmap::gui::settings().fonts {
            iced_test::renderer::graphics::text::font_system()
                .write()
                .expect("font system")
                .load_font(font);
        }
        let renderer = iced_test::futures::futures::executor::block_on(Renderer::new(
            Font::with_name("Fira Sans"),
            Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("a headless renderer");
        let mut bench = Self {
            app,
            renderer,
            cache: None,
        };
        bench.frame();
        bench
    }

    fn send(&mut self, message: R) {
        let _ = self.app.update(Message::Review(message));
    }

    /// View and layout of the whole window.
    fn frame(&mut self) {
        let cache = self.cache.take().unwrap_or_default();
        let ui = UserInterface::build(self.app.view(), WINDOW, cache, &mut self.renderer);
        self.cache = Some(black_box(ui).into_cache());
    }
}

fn review_screen(c: &mut Criterion) {
    let mut bench = Bench::new();
    let mut group = c.benchmark_group("review_screen_2000");
    group.sample_size(30);

    let mut flip = false;
    group.bench_function("filter_change", |b| {
        b.iter(|| {
            flip = !flip;
            let status = if flip {
                StatusFilter::All
            } else {
                StatusFilter::Flagged
            };
            bench.send(R::StatusSelected(status));
            bench.frame();
        })
    });

    // One keystroke in an actual: the document changes (an undoable edit), the
    // whole review and validation run again, the list is checked against the focus.
    bench.send(R::StatusSelected(StatusFilter::All));
    let (index, _) = bench
        .app
        .report()
        .indicators
        .iter()
        .enumerate()
        .find(|(_, line)| line.evaluation.target.is_some() && line.evaluation.actual.is_some())
        .expect("a reported indicator");
    bench.frame();
    let mut flip = false;
    group.bench_function("typed_actual", |b| {
        b.iter(|| {
            flip = !flip;
            let typed = if flip { "12,5" } else { "12,75" };
            bench.send(R::ActualChanged(index, typed.into()));
            bench.frame();
        })
    });
    assert!(bench.app.document().is_dirty());
    group.finish();
}

criterion_group!(benches, review_screen);
criterion_main!(benches);
