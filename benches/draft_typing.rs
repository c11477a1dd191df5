//! One keystroke in a target cell of the draft screen on the generated 2,000-indicator
//! roadmap (~40,000 targets): `App::update` (edit, history, review and validation
//! refresh) + `view` + layout of the whole window. Aim: under 16 ms.

use criterion::{Criterion, criterion_group, criterion_main};

// The allocator the shipped binary uses (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use iced::{Font, Pixels, Size};
use iced_test::core::renderer::Headless;
use iced_test::runtime::user_interface::{Cache, UserInterface};
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::screen::draft::{self, Cell, Selection};
use reform_roadmap::model::IndicatorAt;
use reform_roadmap::model::Quarter;

fn typing(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("generated.ron");
    let roadmap = reform_roadmap::synthetic::generated_roadmap(2000, 5);
    reform_roadmap::file::save(&path, &roadmap).expect("saved");
    let mut app = App::new(Options {
        file: Some(path),
        config_path: None,
        recovery_folder: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date"),
    });
    // An indicator in the middle of the document, its program expanded in the outline.
    let area = roadmap.areas.len() / 2;
    let program = roadmap.areas[area].programs.len() / 2;
    let _ = app.update(Message::Draft(draft::Message::Select(
        Selection::Indicator(IndicatorAt {
            area,
            program,
            indicator: 0,
        }),
    )));
    let quarter = Quarter::new(roadmap.period.start + 1, 2).expect("a quarter");

    let mut renderer = iced::futures::executor::block_on(iced_test::renderer::Renderer::new(
        Font::with_name("Fira Sans"),
        Pixels(16.0),
        Some("tiny-skia"),
    ))
    .expect("a headless renderer");
    let size = Size::new(1280.0, 800.0);
    let mut cache =
        UserInterface::build(app.view(), size, Cache::default(), &mut renderer).into_cache();

    let mut keystroke = 0u64;
    c.bench_function(
        "draft: keystroke in a target cell, 2,000 indicators (update+view+layout)",
        |b| {
            b.iter(|| {
                keystroke += 1;
                let typed = format!("{},{}", 40 + keystroke % 50, keystroke % 10);
                let _ = app.update(Message::Draft(draft::Message::CellChanged(
                    quarter,
                    Cell::Target,
                    typed,
                )));
                let interface = UserInterface::build(
                    app.view(),
                    size,
                    std::mem::take(&mut cache),
                    &mut renderer,
                );
                cache = interface.into_cache();
            })
        },
    );
}

criterion_group!(benches, typing);
criterion_main!(benches);
