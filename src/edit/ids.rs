//! Readable, unique ids for new and duplicated nodes: `mp-4` for the fourth program of
//! area `mp`, `mp-4-c` for an indicator of it, `area-9` for a new area.

use std::collections::HashSet;

use crate::model::{Area, Indicator, Program, Roadmap};

/// Every id of one kind in the document.
pub fn area_ids(roadmap: &Roadmap) -> HashSet<&str> {
    roadmap.areas.iter().map(|a| a.id.as_str()).collect()
}

pub fn program_ids(roadmap: &Roadmap) -> HashSet<&str> {
    roadmap
        .areas
        .iter()
        .flat_map(|a| &a.programs)
        .map(|p| p.id.as_str())
        .collect()
}

pub fn indicator_ids(roadmap: &Roadmap) -> HashSet<&str> {
    roadmap
        .indicators()
        .map(|(_, _, i)| i.id.as_str())
        .collect()
}

pub fn unit_ids(roadmap: &Roadmap) -> HashSet<&str> {
    roadmap.units.iter().map(|u| u.id.as_str()).collect()
}

/// `{prefix}{n}` with the smallest `n` from `first` not in `taken`.
fn numbered(prefix: &str, first: usize, taken: &HashSet<&str>) -> String {
    (first..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .expect("some number is free")
}

/// `{prefix}{letter}` (a..z, then aa..) not in `taken`.
fn lettered(prefix: &str, taken: &HashSet<&str>) -> String {
    (0..)
        .map(|n| format!("{prefix}{}", letters(n)))
        .find(|id| !taken.contains(id.as_str()))
        .expect("some letter is free")
}

/// `a`..`z`, then `aa`, `ab`, ...: the suffix of the `n`th (0-based) indicator id.
pub fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii letters")
}

pub fn new_area_id(roadmap: &Roadmap) -> String {
    numbered("area-", roadmap.areas.len() + 1, &area_ids(roadmap))
}

pub fn new_unit_id(roadmap: &Roadmap) -> String {
    numbered("unit-", roadmap.units.len() + 1, &unit_ids(roadmap))
}

pub fn new_program_id(roadmap: &Roadmap, area: &Area) -> String {
    numbered(
        &format!("{}-", area.id),
        area.programs.len() + 1,
        &program_ids(roadmap),
    )
}

pub fn new_indicator_id(roadmap: &Roadmap, program: &Program) -> String {
    lettered(&format!("{}-", program.id), &indicator_ids(roadmap))
}

/// A copy of `indicator` with a fresh id beside the original.
pub fn duplicate_indicator(
    roadmap: &Roadmap,
    program: &Program,
    indicator: &Indicator,
) -> Indicator {
    Indicator {
        id: new_indicator_id(roadmap, program),
        ..indicator.clone()
    }
}

/// A copy of `program` (with its indicators) with fresh ids.
pub fn duplicate_program(roadmap: &Roadmap, area: &Area, program: &Program) -> Program {
    let id = new_program_id(roadmap, area);
    let mut taken: HashSet<String> = indicator_ids(roadmap)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let indicators = program
        .indicators
        .iter()
        .map(|indicator| {
            let suffix = indicator
                .id
                .strip_prefix(&program.id)
                .filter(|rest| rest.starts_with('-'))
                .map(str::to_owned)
                .unwrap_or_else(|| format!("-{}", indicator.id));
            let mut candidate = format!("{id}{suffix}");
            let mut n = 2;
            while taken.contains(&candidate) {
                candidate = format!("{id}{suffix}-{n}");
                n += 1;
            }
            taken.insert(candidate.clone());
            Indicator {
                id: candidate,
                ..indicator.clone()
            }
        })
        .collect();
    Program {
        id,
        indicators,
        ..program.clone()
    }
}

/// A copy of `area` with all its programs and indicators, every id fresh.
pub fn duplicate_area(roadmap: &Roadmap, area: &Area) -> Area {
    let mut copy = Area {
        id: new_area_id(roadmap),
        programs: Vec::new(),
        ..area.clone()
    };
    for program in &area.programs {
        // Numbering counts the copies made so far, and each copy's indicator ids start
        // with its own program id, so the copies never collide with each other.
        let duplicated = duplicate_program(roadmap, &copy, program);
        copy.programs.push(duplicated);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Element, Kind, Period};

    fn roadmap() -> Roadmap {
        let mut roadmap = Roadmap::new(
            "RB",
            "Kab",
            Period {
                start: 2025,
                end: 2029,
            },
        );
        let mut area = Area::new("mp", "MP", Element::Soft);
        let mut program = Program::new("mp-1", "P");
        program
            .indicators
            .push(Indicator::new("mp-1-a", "A", Kind::Level));
        program
            .indicators
            .push(Indicator::new("mp-1-b", "B", Kind::Level));
        area.programs.push(program);
        roadmap.areas.push(area);
        roadmap
    }

    #[test]
    fn letters_count_like_spreadsheet_columns() {
        for (n, expected) in [
            (0, "a"),
            (25, "z"),
            (26, "aa"),
            (27, "ab"),
            (701, "zz"),
            (702, "aaa"),
        ] {
            assert_eq!(letters(n), expected);
        }
    }

    #[test]
    fn new_ids_are_readable_and_unique() {
        let roadmap = roadmap();
        let area = &roadmap.areas[0];
        assert_eq!(new_area_id(&roadmap), "area-2");
        assert_eq!(new_program_id(&roadmap, area), "mp-2");
        assert_eq!(new_indicator_id(&roadmap, &area.programs[0]), "mp-1-c");
        assert_eq!(new_unit_id(&roadmap), "unit-1");
    }

    #[test]
    fn duplicates_get_fresh_ids_all_the_way_down() {
        let roadmap = roadmap();
        let area = &roadmap.areas[0];
        let program = duplicate_program(&roadmap, area, &area.programs[0]);
        assert_eq!(program.id, "mp-2");
        let ids: Vec<_> = program.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["mp-2-a", "mp-2-b"]);

        let mut with_copy = roadmap.clone();
        let copy = duplicate_area(&roadmap, area);
        with_copy.areas.push(copy);
        let all: Vec<_> = with_copy
            .indicators()
            .map(|(_, _, i)| i.id.clone())
            .collect();
        let unique: HashSet<_> = all.iter().collect();
        assert_eq!(all.len(), unique.len(), "{all:?}");
        let programs: Vec<_> = with_copy
            .areas
            .iter()
            .flat_map(|a| &a.programs)
            .map(|p| p.id.clone())
            .collect();
        assert_eq!(programs, ["mp-1", "area-2-1"]);
    }
}
