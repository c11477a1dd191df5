//! Every rule of the quarterly review in `roadmap-format.md`, through the public API.

use crate::support::q;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use reform_roadmap::model::{
    Area, Direction, Element, Indicator, Kind, Period, Program, Review, Roadmap, Rules, Target,
};
use reform_roadmap::review::{Status, achievement, evaluate, review, status_of};

use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower};
use Status::*;

const DEFAULT: Rules = Rules {
    at_risk_below: 100.0,
    behind_below: 90.0,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

mod indicators;
mod roadmap;

/// An indicator of `kind` with `(quarter, target, actual)` entries.
fn numeric(kind: Kind, direction: Direction, entries: &[(&str, f64, Option<f64>)]) -> Indicator {
    let mut indicator = Indicator::new("x", "x", kind);
    indicator.direction = direction;
    indicator.targets = entries
        .iter()
        .map(|&(quarter, target, actual)| {
            (
                quarter.to_owned(),
                Target {
                    actual,
                    ..Target::planned(target)
                },
            )
        })
        .collect::<BTreeMap<_, _>>();
    indicator
}
