//! The printable report: one self-contained HTML page (inline CSS, no scripts, no
//! external resources) laid out for A4, that a reviewer can open, print or save as PDF
//! and hand to the meeting.

mod scores;

use std::fmt::Write;

use chrono::NaiveDate;

use super::rows::{Report, ReportRow};
use crate::locale::Language;
use crate::model::{Direction, Kind, Quarter, Roadmap};
use crate::review::{Counts, Status};
use crate::text::tr;

/// The report of `roadmap` at `quarter` in `language`, dated `printed`.
pub fn report(
    roadmap: &Roadmap,
    quarter: Quarter,
    language: Language,
    printed: NaiveDate,
) -> String {
    render(&Report::build(roadmap, quarter), language, printed)
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The CSS class that colours a status.
fn class(status: Status) -> &'static str {
    match status {
        Status::Behind => "s-behind",
        Status::Missing => "s-missing",
        Status::AtRisk => "s-at-risk",
        Status::OnTrack => "s-on-track",
        Status::NotDue => "s-not-due",
        Status::NoTarget => "s-no-target",
    }
}

fn badge(status: Status, language: Language) -> String {
    format!(
        r#"<span class="badge {}">{}</span>"#,
        class(status),
        escape(&status.label(language))
    )
}

/// Colours chosen to stay readable in greyscale print: every status is also written
/// as a word, and the flagged ones have a heavier border.
const STYLE: &str = include_str!("../../../assets/report.css");

/// The report page for a built `report`.
pub fn render(report: &Report, language: Language, printed: NaiveDate) -> String {
    let roadmap = report.roadmap;
    let quarter = language.quarter(report.quarter);
    let title = tr(language, "export.report_title");
    let mut html = String::with_capacity(16 * 1024 + report.rows.len() * 1024);
    let _ = write!(
        html,
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} {quarter} — {doc}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
"#,
        lang = language.code(),
        title = escape(&title),
        quarter = escape(&quarter),
        doc = escape(&roadmap.title),
    );
    header(&mut html, report, language, printed);
    summary(&mut html, report, language);
    scores::section(&mut html, report, language);
    flagged(&mut html, report, language);
    changes(&mut html, report, language);
    recorded(&mut html, report, language);
    details(&mut html, report, language);
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

fn header(html: &mut String, report: &Report, language: Language, printed: NaiveDate) {
    let roadmap = report.roadmap;
    let rules = roadmap.rules;
    let _ = write!(
        html,
        r#"<header>
<p class="eyebrow">{kind} · {quarter}</p>
<h1>{title}</h1>
<p class="institution">{institution}</p>
<div class="meta"><div><b>{l_quarter}:</b> {quarter}</div><div><b>{l_period}:</b> {start}–{end}</div><div><b>{l_printed}:</b> {printed}</div></div>
<p class="rules">{rules}</p>
</header>
"#,
        kind = escape(&tr(language, "export.report_title")),
        quarter = escape(&language.quarter(report.quarter)),
        title = escape(&roadmap.title),
        institution = escape(&roadmap.institution),
        l_quarter = escape(&tr(language, "export.quarter")),
        l_period = escape(&tr(language, "export.period")),
        start = roadmap.period.start,
        end = roadmap.period.end,
        l_printed = escape(&tr(language, "export.printed")),
        printed = escape(&language.date(printed)),
        rules = escape(&rust_i18n::t!(
            "export.rules",
            locale = language.code(),
            at_risk = language.percent(rules.at_risk_below),
            behind = language.percent(rules.behind_below)
        )),
    );
}

fn summary(html: &mut String, report: &Report, language: Language) {
    let counts = report.summary;
    let _ = writeln!(
        html,
        "<section class=\"summary\">\n<h2>{}</h2>\n<p>{}</p>",
        escape(&tr(language, "export.summary")),
        escape(&rust_i18n::t!(
            "export.summary_line",
            locale = language.code(),
            total = counts.total(),
            assessed = counts.assessed(),
            flagged = counts.flagged()
        ))
    );
    if counts.total() == 0 {
        let _ = writeln!(
            html,
            "<p>{}</p>\n</section>",
            escape(&tr(language, "export.no_indicators"))
        );
        return;
    }

    html.push_str("<div class=\"bars\">\n");
    for status in Status::ALL {
        let n = counts.get(status);
        let _ = writeln!(
            html,
            r#"<div>{badge}</div><span class="track"><span class="fill {class}" style="width:{width:.1}%"></span></span><span class="count">{n}</span>"#,
            badge = badge(status, language),
            class = class(status),
            width = share(n, counts.total()),
        );
    }
    html.push_str("</div>\n");

    let _ = write!(
        html,
        "<h3>{}</h3>\n<table class=\"areas\">\n<colgroup><col style=\"width:25%\"><col style=\"width:11%\">{}<col style=\"width:10%\"></colgroup>\n<thead><tr><th>{}</th><th></th>",
        escape(&tr(language, "export.summary_per_area")),
        r#"<col style="width:9%">"#.repeat(Status::ALL.len()),
        escape(&tr(language, "export.col.area")),
    );
    for status in Status::ALL {
        let _ = write!(
            html,
            "<th class=\"num\">{}</th>",
            escape(&status.label(language))
        );
    }
    let _ = writeln!(
        html,
        "<th class=\"num\">{}</th></tr></thead>\n<tbody>",
        escape(&tr(language, "export.total"))
    );
    for area in &report.areas {
        let _ = write!(
            html,
            "<tr><td>{}<div class=\"sub\">{}</div></td>",
            escape(&area.name),
            escape(&tr(language, &format!("element.{:?}", area.element))),
        );
        area_cells(html, &area.counts);
    }
    let _ = write!(
        html,
        "</tbody>\n<tfoot><tr><td>{}</td>",
        escape(&tr(language, "export.total"))
    );
    area_cells(html, &counts);
    html.push_str("</tfoot>\n</table>\n</section>\n");
}

/// The bar, one count per status and the total, closing the row.
fn area_cells(html: &mut String, counts: &Counts) {
    html.push_str("<td class=\"bar\"><div class=\"stack\">");
    for status in Status::ALL {
        let n = counts.get(status);
        if n > 0 {
            let _ = write!(
                html,
                r#"<span class="fill {}" style="width:{:.1}%"></span>"#,
                class(status),
                share(n, counts.total())
            );
        }
    }
    html.push_str("</div></td>");
    for status in Status::ALL {
        let _ = write!(html, "<td class=\"num\">{}</td>", counts.get(status));
    }
    let _ = writeln!(html, "<td class=\"num\">{}</td></tr>", counts.total());
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

fn flagged(html: &mut String, report: &Report, language: Language) {
    let _ = writeln!(
        html,
        "<section class=\"flagged\">\n<h2>{}</h2>",
        escape(&tr(language, "export.flagged"))
    );
    let flagged: Vec<&ReportRow> = report.flagged().collect();
    if flagged.is_empty() {
        let _ = writeln!(
            html,
            "<p>{}</p>\n</section>",
            escape(&tr(language, "export.flagged_none"))
        );
        return;
    }
    let unexplained = report.unexplained_count();
    if unexplained > 0 {
        let _ = writeln!(
            html,
            "<p class=\"warning\">{}</p>",
            escape(&rust_i18n::t!(
                "export.unexplained_count",
                locale = language.code(),
                count = unexplained,
                flagged = flagged.len()
            ))
        );
    }
    let _ = writeln!(
        html,
        r#"<table class="flagged-table">
<colgroup><col style="width:34%"><col style="width:18%"><col style="width:24%"><col style="width:24%"></colgroup>
<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>
<tbody>"#,
        escape(&tr(language, "export.col.indicator")),
        escape(&tr(language, "export.col.status")),
        escape(&tr(language, "export.obstacle")),
        escape(&tr(language, "export.follow_up")),
    );
    for row in flagged {
        let _ = write!(
            html,
            r#"<tr{class}><td><div class="crumb">{area} › {program}{unit}</div><div class="name">{name}</div><div class="sub"><span class="id">{id}</span> · {values}</div>"#,
            class = if row.unexplained {
                r#" class="unexplained""#
            } else {
                ""
            },
            area = escape(&row.area),
            program = escape(&row.program),
            unit = row
                .responsible
                .as_deref()
                .map(|u| format!(" · {}", escape(u)))
                .unwrap_or_default(),
            name = escape(&row.indicator),
            id = escape(&row.id),
            values = values_line(row, language),
        );
        if row.unexplained {
            let _ = write!(
                html,
                r#"<div class="flag-unexplained">⚠ {}</div>"#,
                escape(&tr(language, "export.unexplained"))
            );
        }
        extras(html, row, language);
        let _ = write!(
            html,
            r#"</td><td class="status">{badge}<div>{achievement}</div></td>"#,
            badge = badge(row.status, language),
            achievement = row
                .achievement
                .map(|a| escape(&language.percent(a)))
                .unwrap_or_default(),
        );
        // A milestone's lateness needs no written explanation per the spec, but what
        // was written is still shown.
        let demand = row.unexplained;
        for text in [&row.obstacle, &row.follow_up] {
            html.push_str("<td>");
            written_or_missing(html, text.as_deref(), demand, language);
            html.push_str("</td>");
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    if report
        .flagged()
        .any(|row| row.kind == Kind::Count && row.target.is_some())
    {
        count_note(html, report, language);
    }
    html.push_str("</section>\n");
}

fn written_or_missing(html: &mut String, text: Option<&str>, demand: bool, language: Language) {
    match text {
        Some(text) => {
            let _ = write!(html, r#"<div class="written">{}</div>"#, escape(text));
        }
        None if demand => {
            let _ = write!(
                html,
                r#"<span class="not-written">⚠ {}</span>"#,
                escape(&tr(language, "export.not_written"))
            );
        }
        None => html.push('—'),
    }
}

/// "Target 55 % · Realisasi 43 %" or the milestone's due and done quarters.
fn values_line(row: &ReportRow, language: Language) -> String {
    if row.kind == Kind::Milestone {
        return escape(&format!(
            "{} · {}",
            due_text(row, language),
            done_text(row, language)
        ));
    }
    let measure = match row.measure.as_str() {
        "" => String::new(),
        "%" => "%".to_owned(),
        other => format!(" {other}"),
    };
    let value = |v: Option<f64>| {
        v.map_or_else(
            || "—".to_owned(),
            |v| format!("{}{measure}", language.number(v, 2)),
        )
    };
    let mut line = format!(
        "{} {} · {} {}",
        tr(language, "export.col.target"),
        value(row.target),
        tr(language, "export.col.actual"),
        value(row.actual)
    );
    if row.direction == Direction::LowerIsBetter {
        line.push_str(&format!(" ({})", tr(language, "export.lower_is_better")));
    }
    escape(&line)
}

/// "TW IV 2025" kept on one line.
fn unbroken(text: String) -> String {
    text.replace(' ', "\u{a0}")
}

fn due_text(row: &ReportRow, language: Language) -> String {
    row.due.map_or_else(String::new, |q| {
        rust_i18n::t!(
            "export.due",
            locale = language.code(),
            quarter = unbroken(language.quarter(q))
        )
        .into_owned()
    })
}

fn done_text(row: &ReportRow, language: Language) -> String {
    match row.done {
        Some(q) => rust_i18n::t!(
            "export.done",
            locale = language.code(),
            quarter = unbroken(language.quarter(q))
        )
        .into_owned(),
        None => tr(language, "export.not_done"),
    }
}

/// The entry's note and evidence, under the indicator's name.
fn extras(html: &mut String, row: &ReportRow, language: Language) {
    if let Some(note) = &row.note {
        let _ = write!(
            html,
            r#"<div class="sub written"><b>{}:</b> {}</div>"#,
            escape(&tr(language, "export.note")),
            escape(note)
        );
    }
    if !row.evidence.is_empty() {
        let items: Vec<String> = row.evidence.iter().map(|e| escape(e)).collect();
        let _ = write!(
            html,
            r#"<div class="evidence"><b>{}:</b> {}</div>"#,
            escape(&tr(language, "export.evidence")),
            items.join("; ")
        );
    }
}

fn count_note(html: &mut String, report: &Report, language: Language) {
    let _ = writeln!(
        html,
        r#"<p class="footnote">{}</p>"#,
        escape(&rust_i18n::t!(
            "export.count_note",
            locale = language.code(),
            first = language.quarter(Quarter::first_of(report.quarter.year())),
            quarter = language.quarter(report.quarter)
        ))
    );
}

fn changes(html: &mut String, report: &Report, language: Language) {
    if report.rows.is_empty() {
        return;
    }
    let _ = writeln!(
        html,
        "<section class=\"changes-section\">\n<h2>{}</h2>\n<div class=\"changes\">",
        escape(&rust_i18n::t!(
            "export.changes",
            locale = language.code(),
            quarter = language.quarter(report.quarter.previous())
        ))
    );
    for (key, indices) in [
        ("export.newly_behind", &report.newly_behind),
        ("export.newly_missing", &report.newly_missing),
        ("export.recovered", &report.recovered),
    ] {
        let _ = write!(
            html,
            "<div><h3>{} ({})</h3>",
            escape(&tr(language, key)),
            indices.len()
        );
        if indices.is_empty() {
            let _ = write!(html, "<p>{}</p>", escape(&tr(language, "export.none")));
        } else {
            html.push_str("<ul>");
            for &index in indices {
                let row = &report.rows[index];
                let _ = write!(
                    html,
                    r#"<li>{badge} {name} <span class="id">{id}</span><div class="crumb">{area} › {program}</div></li>"#,
                    badge = badge(row.status, language),
                    name = escape(&row.indicator),
                    id = escape(&row.id),
                    area = escape(&row.area),
                    program = escape(&row.program),
                );
            }
            html.push_str("</ul>");
        }
        html.push_str("</div>\n");
    }
    html.push_str("</div>\n</section>\n");
}

fn recorded(html: &mut String, report: &Report, language: Language) {
    let Some(review) = report.recorded else {
        return;
    };
    let _ = write!(
        html,
        r#"<section>
<h2>{heading}</h2>
<div class="recorded"><div><b>{l_reviewer}:</b> {reviewer} · <b>{l_date}:</b> {date}</div>"#,
        heading = escape(&tr(language, "export.recorded_review")),
        l_reviewer = escape(&tr(language, "export.reviewer")),
        reviewer = escape(&review.reviewer),
        l_date = escape(&tr(language, "export.review_date")),
        date = escape(&language.date(review.date)),
    );
    if let Some(notes) = review.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        let _ = write!(html, r#"<div class="notes">{}</div>"#, escape(notes));
    }
    let _ = writeln!(
        html,
        r#"<div class="sub">{}</div></div>
</section>"#,
        escape(&rust_i18n::t!(
            "export.recorded_flagged",
            locale = language.code(),
            count = crate::text::counted(language, "indicators", review.flagged.len())
        ))
    );
}

fn details(html: &mut String, report: &Report, language: Language) {
    if report.rows.is_empty() {
        return;
    }
    let _ = writeln!(
        html,
        "<section class=\"details\">\n<h2>{}</h2>",
        escape(&tr(language, "export.details"))
    );
    if report.has_counts() {
        count_note(html, report, language);
    }
    for (index, area) in report.areas.iter().enumerate() {
        let rows: Vec<&ReportRow> = report
            .rows
            .iter()
            .filter(|r| r.area_index == index)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            html,
            r#"<div class="area-block">
<h3>{name} <small>· {element}{score}</small></h3>
<table class="detail">
<colgroup><col style="width:9%"><col style="width:33%"><col style="width:11%"><col style="width:9%"><col style="width:9%"><col style="width:12%"><col style="width:17%"></colgroup>
<thead><tr><th>{c_id}</th><th>{c_indicator}</th><th>{c_measure}</th><th class="num">{c_target}</th><th class="num">{c_actual}</th><th class="num">{c_achievement}</th><th>{c_status}</th></tr></thead>
<tbody>"#,
            name = escape(&area.name),
            element = escape(&tr(language, &format!("element.{:?}", area.element))),
            score = escape(&scores::area_heading(area, language)),
            c_id = escape(&tr(language, "export.col.id")),
            c_indicator = escape(&tr(language, "export.col.indicator")),
            c_measure = escape(&tr(language, "export.col.measure")),
            c_target = escape(&tr(language, "export.col.target")),
            c_actual = escape(&tr(language, "export.col.actual")),
            c_achievement = escape(&tr(language, "export.col.achievement")),
            c_status = escape(&tr(language, "export.col.status")),
        );
        let mut program = None;
        for row in rows {
            if program != Some(row.program_index) {
                program = Some(row.program_index);
                program_row(html, row, language);
            }
            detail_row(html, row, language);
        }
        html.push_str("</tbody>\n</table>\n</div>\n");
    }
    html.push_str("</section>\n");
}

fn program_row(html: &mut String, row: &ReportRow, language: Language) {
    let unit = row
        .responsible
        .clone()
        .unwrap_or_else(|| tr(language, "export.no_unit"));
    let budget = row
        .budget
        .map(|b| {
            format!(
                " · {}: {}",
                tr(language, "export.col.budget"),
                language.rupiah(b)
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        html,
        r#"<tr class="program"><th colspan="7">{program} <span class="who">— {unit}{budget}</span></th></tr>"#,
        program = escape(&row.program),
        unit = escape(&unit),
        budget = escape(&budget),
    );
}

fn detail_row(html: &mut String, row: &ReportRow, language: Language) {
    let _ = write!(
        html,
        r#"<tr{class}><td><span class="id">{id}</span></td><td><div class="name">{name}</div>"#,
        class = if row.unexplained {
            r#" class="unexplained""#
        } else {
            ""
        },
        id = escape(&row.id),
        name = escape(&row.indicator),
    );
    if row.direction == Direction::LowerIsBetter && row.kind != Kind::Milestone {
        let _ = write!(
            html,
            r#"<div class="sub">↓ {}</div>"#,
            escape(&tr(language, "export.lower_is_better"))
        );
    }
    if row.unexplained {
        let _ = write!(
            html,
            r#"<div class="flag-unexplained">⚠ {}</div>"#,
            escape(&tr(language, "export.unexplained"))
        );
    }
    for (key, text) in [
        ("export.obstacle", &row.obstacle),
        ("export.follow_up", &row.follow_up),
    ] {
        if let Some(text) = text {
            let _ = write!(
                html,
                r#"<div class="sub written"><b>{}:</b> {}</div>"#,
                escape(&tr(language, key)),
                escape(text)
            );
        }
    }
    extras(html, row, language);
    html.push_str("</td>");
    if row.kind == Kind::Milestone {
        let _ = write!(
            html,
            r#"<td colspan="3" class="when">{}<br>{}</td>"#,
            escape(&due_text(row, language)),
            escape(&done_text(row, language)),
        );
    } else {
        let value = |v: Option<f64>| {
            v.map(|v| language.number(v, 2))
                .unwrap_or_else(|| "—".into())
        };
        let _ = write!(
            html,
            r#"<td class="measure">{}</td><td class="num">{}</td><td class="num">{}</td>"#,
            escape(&row.measure),
            escape(&value(row.target)),
            escape(&value(row.actual)),
        );
    }
    let _ = writeln!(
        html,
        r#"<td class="num">{}</td><td class="status">{}</td></tr>"#,
        row.achievement
            .map(|a| escape(&language.percent(a)))
            .unwrap_or_else(|| "—".into()),
        badge(row.status, language),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Element, Indicator, Period, Program, Target};

    fn nasty() -> Roadmap {
        let mut roadmap = Roadmap::new(
            "<script>alert(1)</script>",
            r#""quotes" & 'apostrophes'"#,
            Period {
                start: 2025,
                end: 2026,
            },
        );
        let mut area = Area::new("a", "Area <b>", Element::Hard);
        let mut program = Program::new("p", "Program & co");
        let mut indicator = Indicator::new("i", "<script>alert(1)</script>", Kind::Level);
        indicator.targets.insert(
            "2025-Q3".into(),
            Target {
                actual: Some(52.0),
                obstacle: Some("<img src=x onerror=alert(1)>".into()),
                follow_up: Some("Rapat \"ulang\"".into()),
                ..Target::planned(60.0)
            },
        );
        program.indicators.push(indicator);
        area.programs.push(program);
        roadmap.areas.push(area);
        roadmap
    }

    #[test]
    fn escapes_every_special_character() {
        for (raw, escaped) in [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                r#""quotes" & 'apostrophes'"#,
                "&quot;quotes&quot; &amp; &#39;apostrophes&#39;",
            ),
            ("TW III · 86,7%", "TW III · 86,7%"),
            ("", ""),
        ] {
            assert_eq!(escape(raw), escaped);
        }
    }

    #[test]
    fn user_text_never_reaches_the_page_raw() {
        let html = report(
            &nasty(),
            Quarter::new(2025, 3).unwrap(),
            Language::Indonesian,
            NaiveDate::from_ymd_opt(2025, 10, 6).unwrap(),
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>\n") && !html.contains("Area <b>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39;"));
        assert!(html.contains("Rapat &quot;ulang&quot;"));
        // 52 of 60 is 86,7% and behind under the default rules.
        assert!(html.contains("86,7%"));
        assert!(html.contains("TW III 2025"));
        assert!(html.contains("6 Oktober 2025"));
    }

    #[test]
    fn every_string_is_translated_in_both_languages() {
        for language in Language::ALL {
            let html = report(
                &nasty(),
                Quarter::new(2025, 3).unwrap(),
                language,
                NaiveDate::from_ymd_opt(2025, 10, 6).unwrap(),
            );
            // rust-i18n answers a missing key with the key itself.
            assert!(!html.contains("export."), "{language:?}");
            assert!(!html.contains("status."), "{language:?}");
            assert!(!html.contains("element."), "{language:?}");
            assert!(html.contains(&format!("<html lang=\"{}\">", language.code())));
        }
    }

    #[test]
    fn self_contained() {
        let html = report(
            &nasty(),
            Quarter::new(2025, 3).unwrap(),
            Language::English,
            NaiveDate::from_ymd_opt(2025, 10, 6).unwrap(),
        );
        for external in ["http://", "https://", "<link", "src=\"", "url(", "@import"] {
            assert!(!html.contains(external), "{external}");
        }
    }
}
