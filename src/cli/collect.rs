//! `reform-roadmap collect FILE FORM... [--quarter Q] [--dry-run] [--prefer document|form]
//! [--lang id|en]`: reads the returned forms, writes what they bring into FILE in one
//! atomic save (the previous file kept as `.bak`) and prints a report per unit.
//!
//! Exit 0 when everything read was taken cleanly; 1 when something was a conflict,
//! rejected or refused (the rest is still taken); 2 when no form could be read or the
//! roadmap does not load.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{CliError, EXIT_CANNOT_RUN, EXIT_PROBLEMS, LangArg, emit, load};
use crate::forms::{Collection, Outcome, Prefer, Side, Value, collect, read_form};
use crate::locale::Language;
use crate::model::Quarter;

#[derive(Debug, Args)]
pub struct CollectArgs {
    /// Roadmap file
    pub file: PathBuf,
    /// Returned forms (.xlsx, .ods, .xls)
    #[arg(required = true, value_name = "FORM")]
    pub forms: Vec<PathBuf>,
    /// Quarter to collect, written 2025-Q3 [default: the quarter most forms carry]
    #[arg(long, short, value_name = "YEAR-QN")]
    pub quarter: Option<String>,
    /// Report what would change without saving anything
    #[arg(long)]
    pub dry_run: bool,
    /// Which value stays in a conflict (a value changed both in the form and in the roadmap)
    #[arg(long, value_enum, default_value = "document")]
    pub prefer: PreferArg,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PreferArg {
    Document,
    Form,
}

pub fn run(args: CollectArgs) -> ExitCode {
    let language = args.lang.lang;
    let mut roadmap = match load(&args.file) {
        Ok(roadmap) => roadmap,
        Err(error) => return error.exit(language),
    };
    let quarter = match args.quarter.as_deref() {
        None => None,
        Some(text) => {
            match super::resolve_quarter(&roadmap, &args.file, Some(text), super::today()) {
                Ok(quarter) => Some(quarter),
                Err(error) => return error.exit(language),
            }
        }
    };
    let forms = args
        .forms
        .iter()
        .map(|path| (path.clone(), read_form(path)))
        .collect();
    let prefer = match args.prefer {
        PreferArg::Document => Prefer::Document,
        PreferArg::Form => Prefer::Form,
    };
    let collection = collect(&roadmap, quarter, forms, prefer);
    let mut text = report(&collection, language);
    let outcome = collection.outcome();
    if outcome != Outcome::NothingRead {
        let changed = collection.apply(&mut roadmap);
        let key = if args.dry_run {
            "forms.cli.dry_run"
        } else if changed == 0 {
            "forms.cli.unchanged"
        } else if let Err(error) = crate::file::save(&args.file, &roadmap) {
            let _ = emit(text.as_bytes());
            return CliError::Message(error.advice(language)).exit(language);
        } else {
            "forms.cli.saved"
        };
        text.push_str(&rust_i18n::t!(
            key,
            locale = language.code(),
            count = changed,
            file = args.file.display(),
            backup = crate::file::backup_path(&args.file).display()
        ));
        text.push('\n');
    }
    if let Err(code) = emit(text.as_bytes()) {
        return code;
    }
    match outcome {
        Outcome::Clean => ExitCode::SUCCESS,
        Outcome::Partial => ExitCode::from(EXIT_PROBLEMS),
        Outcome::NothingRead => ExitCode::from(EXIT_CANNOT_RUN),
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A value on one line: numbers as the user writes them, `(kosong)` for nothing.
pub fn shown(value: Option<&Value>, language: Language) -> String {
    match value {
        Some(value) => value.display(language).replace(['\n', '\r'], " / "),
        None => rust_i18n::t!("forms.cli.empty", locale = language.code()).into_owned(),
    }
}

/// The printed report: a heading, one block per unit, refused forms, units that have
/// not returned a form.
pub fn report(collection: &Collection, language: Language) -> String {
    let locale = language.code();
    let t = |key: &str| rust_i18n::t!(key, locale = locale).into_owned();
    let mut out = String::new();
    let quarter = collection
        .quarter
        .map(|q: Quarter| language.quarter(q))
        .unwrap_or_default();
    let read: usize = collection.units.iter().map(|u| u.files.len()).sum();
    out.push_str(&rust_i18n::t!(
        "forms.cli.heading",
        locale = locale,
        quarter = quarter,
        read = read,
        refused = collection.refused.len()
    ));
    out.push('\n');
    for unit in &collection.units {
        out.push_str(&format!("\n{} ({})\n", unit.name, unit.unit));
        let count =
            |key: &str, n: usize| format!("  {}\n", rust_i18n::t!(key, locale = locale, count = n));
        out.push_str(&count("forms.cli.taken", unit.taken.len()));
        for taken in &unit.taken {
            out.push_str(&format!(
                "    {} {}: {} → {}  [{} {}]\n",
                taken.indicator,
                taken.field.label(language),
                shown(taken.before.as_ref(), language),
                shown(Some(&taken.after), language),
                name_of(&taken.file),
                taken.address
            ));
        }
        out.push_str(&count("forms.cli.equal", unit.equal));
        if unit.kept > 0 {
            out.push_str(&count("forms.cli.kept", unit.kept));
        }
        if !unit.conflicts.is_empty() {
            out.push_str(&count("forms.cli.conflicts", unit.conflicts.len()));
        }
        for conflict in &unit.conflicts {
            let kept = match conflict.keep {
                Side::Document => t("forms.cli.kept_document"),
                Side::Form => t("forms.cli.kept_form"),
            };
            out.push_str(&format!(
                "    {} {}: {}  [{} {}]\n",
                conflict.indicator,
                conflict.field.label(language),
                rust_i18n::t!(
                    "forms.cli.conflict",
                    locale = locale,
                    document = shown(conflict.document.as_ref(), language),
                    form = shown(Some(&conflict.form), language),
                    made = shown(conflict.made_from.as_ref(), language),
                    kept = kept
                ),
                name_of(&conflict.file),
                conflict.address
            ));
        }
        if !unit.rejected.is_empty() {
            out.push_str(&count("forms.cli.rejected", unit.rejected.len()));
        }
        for rejected in &unit.rejected {
            out.push_str(&format!(
                "    {} {}{}: {}\n",
                name_of(&rejected.file),
                rejected.address,
                rejected
                    .indicator
                    .as_ref()
                    .map(|id| format!(" ({id})"))
                    .unwrap_or_default(),
                rejected.reason.message(language)
            ));
        }
    }
    if !collection.refused.is_empty() {
        out.push_str(&format!("\n{}\n", t("forms.cli.refused")));
        for refused in &collection.refused {
            out.push_str(&format!(
                "  {}: {}\n",
                refused.path.display(),
                refused.reason.message(language).replace(['\n', '\r'], " ")
            ));
        }
    }
    if !collection.not_returned.is_empty() {
        out.push_str(&format!("\n{}\n", t("forms.cli.not_returned")));
        for (id, name) in &collection.not_returned {
            out.push_str(&format!("  {name} ({id})\n"));
        }
    }
    out.push('\n');
    out
}
