//! Problems in a roadmap that parses: shown to the user, never a reason to refuse
//! opening the file.
//!
//! Rules, in the order they are reported (document order within each rule's scope):
//!
//! | rule | severity | location |
//! |---|---|---|
//! | `period.end` before `period.start` | Error | Document |
//! | document `rules` number not finite | Error | Document |
//! | document `behind_below` > `at_risk_below` | Error | Document |
//! | unit / area / program / indicator id empty (or only spaces) | Error | the item |
//! | unit / area / program / indicator name empty (or only spaces) | Error | the item |
//! | id already used by an earlier item of the same kind, anywhere in the document | Error | the later item |
//! | program `unit` not among `units` | Error | Program |
//! | indicator `baseline` not finite | Error | Indicator |
//! | indicator `rules` number not finite | Error | Indicator |
//! | indicator `behind_below` > `at_risk_below` | Error | Indicator |
//! | milestone with `targets` (they would be ignored) | Error | Indicator |
//! | `Level`/`Count` indicator with `due` or `done` (ignored) | Error | Indicator |
//! | milestone `due` or `done` outside the period | Warning | Indicator |
//! | target key that is not a quarter (`YEAR-QN`) | Error | Target |
//! | target key outside the period | Warning | Target |
//! | `target` or `actual` not finite | Error | Target |
//! | review quarter outside the period | Warning | Review |
//! | *version 2* | | |
//! | `scoring.cap` below 100 (or not a number) | Error | Document |
//! | `Custom` rating bands not in descending `min` order | Error | Document |
//! | area or indicator `weight` not a positive finite number | Error | Area / Indicator |
//! | indicator `owner` not among `units` | Error | Indicator |
//! | `WithinRange` on a milestone | Error | Indicator |
//! | `scale` with `min` above `max`, or not finite | Error | Indicator |
//! | `upper` below `target`, or not finite | Error | Target |
//! | `upper` on a milestone's target | Error | Target |
//! | `baseline`, `target`, `upper` or `actual` outside `scale` | Warning | Indicator / Target |
//! | `spent` key that is not a quarter | Error | Program |
//! | `spent` in a quarter outside the period | Warning | Program |
//! | `spent` in a year without `annual_budget` | Warning | Program |
//!
//! Errors are data the review cannot use as written; warnings are data it can use but
//! that is probably a slip (a quarter in a year the roadmap does not cover). While the
//! period itself is reversed, "outside the period" is not reported: every quarter would
//! be, and the one real mistake is the period. The `title` and `institution` may be
//! empty: a draft may not have them yet and nothing refers to them.
//!
//! The code: `problem` (what is wrong and how it reads), `location` (where),
//! `checks` (the version 1 rules), `scoring` (the version 2 rules), `tests`.

mod checks;
mod location;
mod problem;
mod scoring;

pub use checks::validate;
pub use location::Location;
pub use problem::{Item, MilestoneField, NumberField, Problem, ProblemKind, Severity};

#[cfg(test)]
mod tests;
