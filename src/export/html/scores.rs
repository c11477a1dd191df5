//! The report's scores: the overall score and rating, each change area's, and the unit
//! scorecard (units ranked by score), the numbers the leadership asks for at a monev.

use std::fmt::Write;

use super::escape;
use crate::export::rows::{AreaSummary, Report, UnitRow};
use crate::locale::Language;
use crate::model::{MissingScore, RatingScale};
use crate::text::tr;

/// A score with exactly two decimals, `82,50`, `99,00`, so that a column of them lines
/// up and reads as one measure; `—` without one.
fn score_text(score: Option<f64>, language: Language) -> String {
    let Some(score) = score else {
        return "—".to_owned();
    };
    let text = language.number(score, 2);
    let decimal = match language {
        Language::Indonesian => ',',
        Language::English => '.',
    };
    match text.split_once(decimal) {
        None => format!("{text}{decimal}00"),
        Some((_, fraction)) if fraction.len() == 1 => format!("{text}0"),
        Some(_) => text,
    }
}

/// A bar as long as the score, out of the cap (or 100 without one) so a capped score
/// fills it.
fn bar(score: Option<f64>, report: &Report) -> String {
    let Some(score) = score else {
        return String::new();
    };
    let full = report.roadmap.scoring().cap.unwrap_or(100.0).max(100.0);
    let width = (score / full * 100.0).clamp(0.0, 100.0);
    format!(
        r#"<span class="track"><span class="fill score-fill" style="width:{width:.1}%"></span></span>"#
    )
}

/// ` · Nilai 82,31 (A)` after an area's name over its details; nothing without a score.
pub(super) fn area_heading(area: &AreaSummary, language: Language) -> String {
    let Some(score) = area.score else {
        return String::new();
    };
    let rating = area
        .rating
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    format!(
        " · {} {}{rating}",
        tr(language, "export.col.score"),
        score_text(Some(score), language)
    )
}

fn rating_cell(rating: Option<&str>) -> String {
    match rating {
        Some(rating) => format!(r#"<td class="rating"><b>{}</b></td>"#, escape(rating)),
        None => r#"<td class="rating">—</td>"#.to_owned(),
    }
}

/// The scores section: overall, per area, then the unit scorecard.
pub(super) fn section(html: &mut String, report: &Report, language: Language) {
    if report.rows.is_empty() {
        return;
    }
    let scoring = report.roadmap.scoring();
    let rated = scoring.rating != RatingScale::None;
    // A weight column only says something when some area weighs differently.
    let weighted = report.areas.iter().any(|area| area.weight != 1.0);
    let _ = writeln!(
        html,
        "<section class=\"scores\">\n<h2>{}</h2>",
        escape(&tr(language, "export.scores"))
    );
    let _ = writeln!(
        html,
        r#"<div class="overall"><span class="overall-label">{label}</span><span class="overall-score">{score}</span>{rating}</div>"#,
        label = escape(&tr(language, "export.overall_score")),
        score = escape(&score_text(report.score, language)),
        rating = report
            .rating
            .as_deref()
            .map(|r| format!(r#"<span class="overall-rating">{}</span>"#, escape(r)))
            .unwrap_or_default(),
    );
    if report.score.is_none() {
        let _ = writeln!(html, "<p>{}</p>", escape(&tr(language, "export.no_score")));
    }

    let _ = write!(
        html,
        "<table class=\"area-scores\">\n<thead><tr><th>{}</th>",
        escape(&tr(language, "export.col.area"))
    );
    if weighted {
        let _ = write!(
            html,
            "<th class=\"num\">{}</th>",
            escape(&tr(language, "export.col.weight"))
        );
    }
    let _ = write!(
        html,
        "<th class=\"num\">{}</th><th></th>",
        escape(&tr(language, "export.col.score"))
    );
    if rated {
        let _ = write!(
            html,
            "<th>{}</th>",
            escape(&tr(language, "export.col.rating"))
        );
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for area in &report.areas {
        let _ = write!(html, "<tr><td>{}</td>", escape(&area.name));
        if weighted {
            let _ = write!(
                html,
                "<td class=\"num\">{}</td>",
                escape(&language.number(area.weight, 2))
            );
        }
        let _ = write!(
            html,
            r#"<td class="num">{}</td><td class="bar">{}</td>"#,
            escape(&score_text(area.score, language)),
            bar(area.score, report)
        );
        if rated {
            html.push_str(&rating_cell(area.rating.as_deref()));
        }
        html.push_str("</tr>\n");
    }
    let _ = write!(
        html,
        "</tbody>\n<tfoot><tr><td>{}</td>",
        escape(&tr(language, "export.overall_score"))
    );
    if weighted {
        html.push_str("<td></td>");
    }
    let _ = write!(
        html,
        r#"<td class="num">{}</td><td class="bar">{}</td>"#,
        escape(&score_text(report.score, language)),
        bar(report.score, report)
    );
    if rated {
        html.push_str(&rating_cell(report.rating.as_deref()));
    }
    html.push_str("</tr></tfoot>\n</table>\n");
    let cap = scoring.cap.map_or_else(String::new, |cap| {
        rust_i18n::t!(
            "export.scores_note_cap",
            locale = language.code(),
            cap = language.number(cap, 2)
        )
        .into_owned()
    });
    let missing = tr(
        language,
        match scoring.missing {
            MissingScore::Zero => "export.scores_note_missing_zero",
            MissingScore::Exclude => "export.scores_note_missing_exclude",
        },
    );
    let _ = writeln!(
        html,
        r#"<p class="footnote">{}</p>"#,
        escape(&rust_i18n::t!(
            "export.scores_note",
            locale = language.code(),
            cap = cap,
            missing = missing
        ))
    );
    units(html, report, language, rated);
    html.push_str("</section>\n");
}

/// The unit scorecard; nothing when the document lists no units.
fn units(html: &mut String, report: &Report, language: Language, rated: bool) {
    if report.units.is_empty() {
        return;
    }
    let column = |key: &str, class: &str| {
        format!(r#"<th class="{class}">{}</th>"#, escape(&tr(language, key)))
    };
    let _ = write!(
        html,
        "<h3>{}</h3>\n<table class=\"unit-scores\">\n<thead><tr>{}{}{}",
        escape(&tr(language, "export.unit_scorecard")),
        column("export.col.rank", "num"),
        column("export.col.unit", ""),
        column("export.col.score", "num"),
    );
    if rated {
        html.push_str(&column("export.col.rating", ""));
    }
    let _ = writeln!(
        html,
        "{}{}{}{}</tr></thead>\n<tbody>",
        column("export.col.indicators", "num"),
        column("export.col.flagged", "num"),
        column("export.unexplained", "num"),
        column("export.col.absorption", "num"),
    );
    for unit in &report.units {
        unit_row(html, unit, language, rated);
    }
    html.push_str("</tbody>\n</table>\n");
}

fn unit_row(html: &mut String, unit: &UnitRow, language: Language, rated: bool) {
    let _ = write!(
        html,
        r#"<tr{class}><td class="num">{rank}</td><td>{name}</td><td class="num">{score}</td>"#,
        // A unit with flags nobody explained is what the meeting asks about first.
        class = if unit.unexplained > 0 {
            r#" class="unexplained""#
        } else {
            ""
        },
        rank = unit.rank,
        name = escape(&unit.name),
        score = escape(&score_text(unit.score, language)),
    );
    if rated {
        html.push_str(&rating_cell(unit.rating.as_deref()));
    }
    let _ = writeln!(
        html,
        r#"<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
        unit.indicators,
        unit.flagged,
        unit.unexplained,
        escape(
            &unit
                .absorption
                .map_or_else(|| "—".to_owned(), |a| language.percent(a))
        ),
    );
}
