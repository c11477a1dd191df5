//! The roadmap a new user sees first: a fictional regency halfway through its first
//! reform year, so that every screen and report has something real-looking to show.

use std::path::Path;

use crate::model::Roadmap;

/// The sample exactly as the program writes it (loading and saving it changes nothing).
pub const SAMPLE_RON: &str = include_str!("../assets/sample.roadmap.ron");

/// The name the sample is offered under when a user saves a copy.
pub const SAMPLE_FILE_NAME: &str = "sample.roadmap.ron";

/// The sample roadmap, parsed.
pub fn sample() -> Roadmap {
    crate::file::from_ron_str(SAMPLE_RON, Path::new(SAMPLE_FILE_NAME))
        .expect("the bundled sample parses (checked by tests/domain/sample.rs)")
}
