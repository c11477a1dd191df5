//! The document's structs read field by field, the way serde's derived `Deserialize`
//! (with the attributes in `model/`) builds them from ron: fields in any order, the
//! same defaults for fields left out, implicit `Some` for optional ones. A field given
//! twice, an unknown field or a missing required one is [`Unhandled`]: serde's error,
//! which ron then reports with its line and column.
//!
//! Keep this in step with `model/`: a new field there is unknown here, so files using
//! it go to ron (slower, still right) until it is read here too.

use std::collections::BTreeMap;

use super::scan::Scanner;
use super::{Fast, Unhandled};
use crate::model::{
    Area, Band, Direction, Element, Indicator, Kind, MissingScore, Period, Program, Quarter,
    RatingScale, Review, Roadmap, Rules, Scale, Scoring, Target, Unit,
};

/// Puts a field's value in its slot; a second value for it is serde's "duplicate field".
fn set<T>(slot: &mut Option<T>, value: T) -> Fast<()> {
    if slot.is_some() {
        return Err(Unhandled);
    }
    *slot = Some(value);
    Ok(())
}

/// A field without `#[serde(default)]`: leaving it out is serde's "missing field".
fn required<T>(slot: Option<T>) -> Fast<T> {
    slot.ok_or(Unhandled)
}

/// `[item, ...]`
fn list<'a, T>(
    scanner: &mut Scanner<'a>,
    mut read: impl FnMut(&mut Scanner<'a>) -> Fast<T>,
) -> Fast<Vec<T>> {
    let mut items = Vec::new();
    scanner.separated(b'[', b']', |scanner| {
        items.push(read(scanner)?);
        Ok(())
    })?;
    Ok(items)
}

/// `{key: value, ...}`. A key given twice keeps its last value, as serde's `BTreeMap`
/// does.
fn map<'a, K: Ord, V>(
    scanner: &mut Scanner<'a>,
    mut key: impl FnMut(&mut Scanner<'a>) -> Fast<K>,
    mut value: impl FnMut(&mut Scanner<'a>) -> Fast<V>,
) -> Fast<BTreeMap<K, V>> {
    let mut map = BTreeMap::new();
    scanner.separated(b'{', b'}', |scanner| {
        let k = key(scanner)?;
        scanner.skip_whitespace()?;
        scanner.expect(b':')?;
        scanner.skip_whitespace()?;
        map.insert(k, value(scanner)?);
        Ok(())
    })?;
    Ok(map)
}

fn text(scanner: &mut Scanner) -> Fast<String> {
    scanner.string().map(str::to_owned)
}

fn texts(scanner: &mut Scanner) -> Fast<Vec<String>> {
    list(scanner, text)
}

fn float(scanner: &mut Scanner) -> Fast<f64> {
    scanner.float()
}

fn unsigned(scanner: &mut Scanner) -> Fast<u64> {
    scanner.unsigned()
}

fn boolean(scanner: &mut Scanner) -> Fast<bool> {
    match scanner.identifier()? {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Unhandled),
    }
}

/// A quarter is written as text; text that is not a quarter is the custom error
/// `Quarter`'s `Deserialize` gives, for ron to place.
fn quarter(scanner: &mut Scanner) -> Fast<Quarter> {
    scanner.string()?.parse().map_err(|_| Unhandled)
}

/// chrono reads a date from its text with `FromStr`, as here.
fn date(scanner: &mut Scanner) -> Fast<chrono::NaiveDate> {
    scanner.string()?.parse().map_err(|_| Unhandled)
}

fn element(scanner: &mut Scanner) -> Fast<Element> {
    match scanner.identifier()? {
        "Hard" => Ok(Element::Hard),
        "Soft" => Ok(Element::Soft),
        _ => Err(Unhandled),
    }
}

fn kind(scanner: &mut Scanner) -> Fast<Kind> {
    match scanner.identifier()? {
        "Level" => Ok(Kind::Level),
        "Count" => Ok(Kind::Count),
        "Milestone" => Ok(Kind::Milestone),
        "Average" => Ok(Kind::Average),
        _ => Err(Unhandled),
    }
}

fn direction(scanner: &mut Scanner) -> Fast<Direction> {
    match scanner.identifier()? {
        "HigherIsBetter" => Ok(Direction::HigherIsBetter),
        "LowerIsBetter" => Ok(Direction::LowerIsBetter),
        "WithinRange" => Ok(Direction::WithinRange),
        _ => Err(Unhandled),
    }
}

fn missing_score(scanner: &mut Scanner) -> Fast<MissingScore> {
    match scanner.identifier()? {
        "Zero" => Ok(MissingScore::Zero),
        "Exclude" => Ok(MissingScore::Exclude),
        _ => Err(Unhandled),
    }
}

/// `Sakip`, or `Custom([bands])`: ron allows whitespace before the `(` and inside,
/// and a trailing comma after the bands.
fn rating_scale(scanner: &mut Scanner) -> Fast<RatingScale> {
    match scanner.identifier()? {
        "None" => Ok(RatingScale::None),
        "Sakip" => Ok(RatingScale::Sakip),
        "Permendagri86" => Ok(RatingScale::Permendagri86),
        "Custom" => {
            scanner.skip_whitespace()?;
            scanner.expect(b'(')?;
            scanner.skip_whitespace()?;
            let bands = list(scanner, band)?;
            scanner.skip_whitespace()?;
            if scanner.eat(b',') {
                scanner.skip_whitespace()?;
            }
            scanner.expect(b')')?;
            Ok(RatingScale::Custom(bands))
        }
        _ => Err(Unhandled),
    }
}

pub(super) fn roadmap(scanner: &mut Scanner) -> Fast<Roadmap> {
    let (mut format_version, mut title, mut institution, mut period) = (None, None, None, None);
    let (mut vision, mut rules, mut scoring) = (None, None, None);
    let (mut units, mut areas, mut reviews) = (None, None, None);
    scanner.fields(|scanner, field| match field {
        "format_version" => {
            let version = u32::try_from(scanner.unsigned()?).map_err(|_| Unhandled)?;
            set(&mut format_version, version)
        }
        "title" => set(&mut title, text(scanner)?),
        "institution" => set(&mut institution, text(scanner)?),
        "period" => set(&mut period, self::period(scanner)?),
        "vision" => set(&mut vision, text(scanner)?),
        "rules" => set(&mut rules, self::rules(scanner)?),
        "scoring" => set(&mut scoring, self::scoring(scanner)?),
        "units" => set(&mut units, list(scanner, unit)?),
        "areas" => set(&mut areas, list(scanner, area)?),
        "reviews" => set(&mut reviews, list(scanner, review)?),
        _ => Err(Unhandled),
    })?;
    Ok(Roadmap {
        format_version: required(format_version)?,
        title: required(title)?,
        institution: required(institution)?,
        period: required(period)?,
        vision,
        rules: rules.unwrap_or_default(),
        scoring,
        units: units.unwrap_or_default(),
        areas: areas.unwrap_or_default(),
        reviews: reviews.unwrap_or_default(),
    })
}

fn period(scanner: &mut Scanner) -> Fast<Period> {
    let (mut start, mut end) = (None, None);
    scanner.fields(|scanner, field| match field {
        "start" => set(&mut start, scanner.signed()?),
        "end" => set(&mut end, scanner.signed()?),
        _ => Err(Unhandled),
    })?;
    Ok(Period {
        start: required(start)?,
        end: required(end)?,
    })
}

fn rules(scanner: &mut Scanner) -> Fast<Rules> {
    let (mut at_risk_below, mut behind_below) = (None, None);
    scanner.fields(|scanner, field| match field {
        "at_risk_below" => set(&mut at_risk_below, float(scanner)?),
        "behind_below" => set(&mut behind_below, float(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Rules {
        at_risk_below: required(at_risk_below)?,
        behind_below: required(behind_below)?,
    })
}

fn scoring(scanner: &mut Scanner) -> Fast<Scoring> {
    let (mut cap, mut missing, mut rating) = (None, None, None);
    scanner.fields(|scanner, field| match field {
        "cap" => set(&mut cap, float(scanner)?),
        "missing" => set(&mut missing, missing_score(scanner)?),
        "rating" => set(&mut rating, rating_scale(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Scoring {
        cap,
        missing: missing.unwrap_or_default(),
        rating: rating.unwrap_or_default(),
    })
}

fn band(scanner: &mut Scanner) -> Fast<Band> {
    let (mut min, mut label) = (None, None);
    scanner.fields(|scanner, field| match field {
        "min" => set(&mut min, float(scanner)?),
        "label" => set(&mut label, text(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Band {
        min: required(min)?,
        label: required(label)?,
    })
}

fn scale(scanner: &mut Scanner) -> Fast<Scale> {
    let (mut min, mut max) = (None, None);
    scanner.fields(|scanner, field| match field {
        "min" => set(&mut min, float(scanner)?),
        "max" => set(&mut max, float(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Scale {
        min: required(min)?,
        max: required(max)?,
    })
}

fn unit(scanner: &mut Scanner) -> Fast<Unit> {
    let (mut id, mut name) = (None, None);
    scanner.fields(|scanner, field| match field {
        "id" => set(&mut id, text(scanner)?),
        "name" => set(&mut name, text(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Unit {
        id: required(id)?,
        name: required(name)?,
    })
}

fn area(scanner: &mut Scanner) -> Fast<Area> {
    let (mut id, mut name, mut element, mut goal) = (None, None, None, None);
    let (mut note, mut weight, mut programs) = (None, None, None);
    scanner.fields(|scanner, field| match field {
        "id" => set(&mut id, text(scanner)?),
        "name" => set(&mut name, text(scanner)?),
        "element" => set(&mut element, self::element(scanner)?),
        "goal" => set(&mut goal, text(scanner)?),
        "note" => set(&mut note, text(scanner)?),
        "weight" => set(&mut weight, float(scanner)?),
        "programs" => set(&mut programs, list(scanner, program)?),
        _ => Err(Unhandled),
    })?;
    Ok(Area {
        id: required(id)?,
        name: required(name)?,
        element: element.unwrap_or_default(),
        goal,
        note,
        weight,
        programs: programs.unwrap_or_default(),
    })
}

fn program(scanner: &mut Scanner) -> Fast<Program> {
    let (mut id, mut name, mut unit, mut budget, mut note) = (None, None, None, None, None);
    let (mut quick_win, mut annual_budget, mut spent, mut indicators) = (None, None, None, None);
    scanner.fields(|scanner, field| match field {
        "id" => set(&mut id, text(scanner)?),
        "name" => set(&mut name, text(scanner)?),
        "unit" => set(&mut unit, text(scanner)?),
        "budget" => set(&mut budget, unsigned(scanner)?),
        "note" => set(&mut note, text(scanner)?),
        "quick_win" => set(&mut quick_win, boolean(scanner)?),
        "annual_budget" => set(
            &mut annual_budget,
            map(scanner, |scanner| scanner.signed(), unsigned)?,
        ),
        "spent" => set(&mut spent, map(scanner, text, unsigned)?),
        "indicators" => set(&mut indicators, list(scanner, indicator)?),
        _ => Err(Unhandled),
    })?;
    Ok(Program {
        id: required(id)?,
        name: required(name)?,
        unit,
        budget,
        note,
        quick_win: quick_win.unwrap_or_default(),
        annual_budget: annual_budget.unwrap_or_default(),
        spent: spent.unwrap_or_default(),
        indicators: indicators.unwrap_or_default(),
    })
}

fn indicator(scanner: &mut Scanner) -> Fast<Indicator> {
    let (mut id, mut name, mut kind, mut unit, mut direction) = (None, None, None, None, None);
    let (mut baseline, mut rules, mut note, mut owner, mut weight) = (None, None, None, None, None);
    let (mut scale, mut targets, mut due, mut done) = (None, None, None, None);
    let (mut obstacle, mut follow_up, mut evidence) = (None, None, None);
    scanner.fields(|scanner, field| match field {
        "id" => set(&mut id, text(scanner)?),
        "name" => set(&mut name, text(scanner)?),
        "kind" => set(&mut kind, self::kind(scanner)?),
        "unit" => set(&mut unit, text(scanner)?),
        "direction" => set(&mut direction, self::direction(scanner)?),
        "baseline" => set(&mut baseline, float(scanner)?),
        "rules" => set(&mut rules, self::rules(scanner)?),
        "note" => set(&mut note, text(scanner)?),
        "owner" => set(&mut owner, text(scanner)?),
        "weight" => set(&mut weight, float(scanner)?),
        "scale" => set(&mut scale, self::scale(scanner)?),
        "targets" => set(&mut targets, map(scanner, text, target)?),
        "due" => set(&mut due, quarter(scanner)?),
        "done" => set(&mut done, quarter(scanner)?),
        "obstacle" => set(&mut obstacle, text(scanner)?),
        "follow_up" => set(&mut follow_up, text(scanner)?),
        "evidence" => set(&mut evidence, texts(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Indicator {
        id: required(id)?,
        name: required(name)?,
        kind: kind.unwrap_or_default(),
        unit: unit.unwrap_or_default(),
        direction: direction.unwrap_or_default(),
        baseline,
        rules,
        note,
        owner,
        weight,
        scale,
        targets: targets.unwrap_or_default(),
        due,
        done,
        obstacle,
        follow_up,
        evidence,
    })
}

fn target(scanner: &mut Scanner) -> Fast<Target> {
    let (mut target, mut upper, mut actual, mut note) = (None, None, None, None);
    let (mut obstacle, mut follow_up, mut evidence) = (None, None, None);
    scanner.fields(|scanner, field| match field {
        "target" => set(&mut target, float(scanner)?),
        "upper" => set(&mut upper, float(scanner)?),
        "actual" => set(&mut actual, float(scanner)?),
        "note" => set(&mut note, text(scanner)?),
        "obstacle" => set(&mut obstacle, text(scanner)?),
        "follow_up" => set(&mut follow_up, text(scanner)?),
        "evidence" => set(&mut evidence, texts(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Target {
        target: required(target)?,
        upper,
        actual,
        note,
        obstacle,
        follow_up,
        evidence,
    })
}

fn review(scanner: &mut Scanner) -> Fast<Review> {
    let (mut quarter, mut date, mut reviewer, mut notes, mut flagged) =
        (None, None, None, None, None);
    scanner.fields(|scanner, field| match field {
        "quarter" => set(&mut quarter, self::quarter(scanner)?),
        "date" => set(&mut date, self::date(scanner)?),
        "reviewer" => set(&mut reviewer, text(scanner)?),
        "notes" => set(&mut notes, text(scanner)?),
        "flagged" => set(&mut flagged, texts(scanner)?),
        _ => Err(Unhandled),
    })?;
    Ok(Review {
        quarter: required(quarter)?,
        date: required(date)?,
        reviewer: required(reviewer)?,
        notes,
        flagged: flagged.unwrap_or_default(),
    })
}
