//! Milestones on the slides: late is shown as late (red, "done late") even when the
//! review counts a milestone done a quarter late as on track, and a late milestone's
//! *kendala* and *tindak lanjut* are on the slides.

use crate::support::{self, q};

use iced_test::simulator::Simulator;

use reform_roadmap::gui::contract::Context;
use reform_roadmap::gui::screen::present::slides::{self, MilestoneRow, Slide, Timing};
use reform_roadmap::gui::screen::present::{Message, Presenting, Step};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Indicator, Roadmap};
use reform_roadmap::review::{Status, review};

fn indicator_mut<'a>(roadmap: &'a mut Roadmap, id: &str) -> &'a mut Indicator {
    roadmap
        .areas
        .iter_mut()
        .flat_map(|a| &mut a.programs)
        .flat_map(|p| &mut p.indicators)
        .find(|i| i.id == id)
        .unwrap()
}

const OBSTACLE: &str = "Harmonisasi di Kanwil Kemenkum belum dijadwalkan";
const FOLLOW_UP: &str = "Surat permohonan jadwal harmonisasi dikirim Oktober 2025";

#[test]
fn late_milestones_are_red_and_say_why() {
    let mut roadmap = reform_roadmap::sample::sample();
    let late = indicator_mut(&mut roadmap, "dk-1-b");
    late.obstacle = Some(OBSTACLE.to_owned());
    late.follow_up = Some(FOLLOW_UP.to_owned());
    let late_name = late.name.clone();
    let done_late_name = indicator_mut(&mut roadmap, "mp-2-b").name.clone();
    let report = review(&roadmap, q("2025-Q3"));
    let deck = slides::build(&roadmap, &report);

    let rows: Vec<(usize, &MilestoneRow)> = deck
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s {
            Slide::Milestones(m) => Some(m.rows.iter().map(move |r| (i, r))),
            _ => None,
        })
        .flatten()
        .collect();
    let (done_late_slide, done_late) = rows
        .iter()
        .find(|(_, r)| r.name == done_late_name)
        .copied()
        .unwrap();
    // Due TW II, done TW III: on track for the score, late on the slide.
    assert_eq!(done_late.status, Status::OnTrack);
    assert_eq!(done_late.timing(), Timing::DoneLate);
    let (late_slide, overdue) = rows
        .iter()
        .find(|(_, r)| r.name == late_name)
        .copied()
        .unwrap();
    assert_eq!(overdue.timing(), Timing::Overdue);
    assert_eq!(overdue.obstacle.as_deref(), Some(OBSTACLE));
    let on_time = rows
        .iter()
        .find(|(_, r)| r.done.is_some_and(|d| d <= r.due))
        .unwrap()
        .1;
    assert_eq!(on_time.timing(), Timing::OnTime);

    // The flagged slide shows the milestone's own kendala and tindak lanjut.
    let flagged = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Flagged(f) => Some(&f.rows),
            _ => None,
        })
        .flatten()
        .find(|r| r.id == "dk-1-b")
        .unwrap();
    assert_eq!(flagged.obstacle.as_deref(), Some(OBSTACLE));
    assert_eq!(flagged.follow_up.as_deref(), Some(FOLLOW_UP));

    let mut state = Presenting::new(&support::context(&roadmap, &report));
    for (language, done_late_words, obstacle) in [
        (
            Language::Indonesian,
            "Selesai terlambat",
            format!("Kendala: {OBSTACLE}"),
        ),
        (
            Language::English,
            "Done late",
            format!("Obstacle: {OBSTACLE}"),
        ),
    ] {
        let context = Context {
            language,
            ..support::context(&roadmap, &report)
        };
        for (slide, words) in [
            (done_late_slide, done_late_words),
            (late_slide, obstacle.as_str()),
        ] {
            let _ = state.update(Message::Go(Step::First), &context);
            while state.current() < slide {
                let _ = state.update(Message::Go(Step::Next), &context);
            }
            let mut ui = Simulator::with_size(
                reform_roadmap::gui::settings(),
                (1920.0, 1080.0),
                state.view(&context),
            );
            assert!(ui.find(words).is_ok(), "{words:?} on slide {slide}");
        }
    }
}
