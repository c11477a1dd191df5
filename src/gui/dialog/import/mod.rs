//! "Impor dari Excel": the preview of a spreadsheet before it becomes a roadmap. It
//! shows the sheet (a pick list when there are several), what each column was taken to
//! mean (changeable when the guess was wrong), the first rows as they will be read,
//! the counts, and the rows skipped and cells not read. "Impor" opens the result as a
//! new untitled document; the open one is never written over.
//!
//! The reading, detection and building are the domain's (`crate::import`); this
//! dialog only holds the choices and shows their outcome.

mod view;

use std::sync::Arc;

use crate::gui::contract::{Action, Context, Request};
use crate::gui::i18n::tr_with;
use crate::gui::notice::{Notice, Tone};
use crate::import::{
    self, Counts, ImportError, ImportReport, Meaning, Options, Plan, RowReading, Sheet, Workbook,
};
use crate::locale::Language;
use crate::model::Roadmap;

/// Rows shown as they will be read.
pub const PREVIEW_ROWS: usize = 12;

/// The preview of one spreadsheet.
#[derive(Debug, Clone)]
pub struct ImportPreview {
    workbook: Arc<Workbook>,
    /// Index into the workbook's sheets.
    sheet: usize,
    /// How the sheet is read, or why it cannot be.
    plan: Result<Plan, ImportError>,
    /// The first rows, as `build` reads them.
    rows: Vec<RowReading>,
    /// The options the rows were last read with (kept while a typed year is not one).
    options: Options,
    /// What importing now would give.
    outcome: Result<(Roadmap, ImportReport), ImportError>,
    /// What the user says on top of the sheet, as typed; blank: as the sheet says.
    given: Given,
}

/// The title, institution and period as typed over what the sheet says (a CSV names
/// no institution; a `TAHUN 2025` report names one year of a five-year roadmap).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Given {
    pub title: String,
    pub institution: String,
    pub start: String,
    pub end: String,
}

/// A year as typed is not a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadYear {
    Start,
    End,
}

impl Given {
    /// The importer's options, or which year is not a year.
    pub fn options(&self) -> Result<Options, BadYear> {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let year = |s: &str, bad| match s.trim() {
            "" => Ok(None),
            typed => typed
                .parse::<i32>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .map(Some)
                .ok_or(bad),
        };
        Ok(Options {
            start: year(&self.start, BadYear::Start)?,
            end: year(&self.end, BadYear::End)?,
            title: text(&self.title),
            institution: text(&self.institution),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A sheet chosen by its index in the workbook.
    SheetSelected(usize),
    /// Column `index` (0-based in the sheet) means `meaning`.
    MeaningSelected(usize, Meaning),
    /// Typed into the title, institution or a year of the period.
    Given(Field, String),
    Import,
    Cancel,
}

/// What the user can say on top of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Institution,
    Start,
    End,
}

impl ImportPreview {
    /// The preview on the first sheet that holds a table (else the first with any
    /// content, showing why it cannot be read).
    pub fn new(workbook: Arc<Workbook>) -> Self {
        let sheet = match import::choose_sheet(&workbook, None) {
            Ok((sheet, _)) => workbook
                .sheets
                .iter()
                .position(|s| std::ptr::eq(s, sheet))
                .unwrap_or(0),
            Err(_) => workbook
                .sheets
                .iter()
                .position(|s| !s.is_empty())
                .unwrap_or(0),
        };
        let mut preview = Self {
            workbook,
            sheet,
            plan: Err(ImportError::Empty {
                file: Default::default(),
            }),
            rows: Vec::new(),
            options: Options::default(),
            outcome: Err(ImportError::Empty {
                file: Default::default(),
            }),
            given: Given::default(),
        };
        preview.detect();
        preview
    }

    pub fn workbook(&self) -> &Workbook {
        &self.workbook
    }

    pub fn sheet(&self) -> Option<&Sheet> {
        self.workbook.sheets.get(self.sheet)
    }

    pub fn plan(&self) -> Result<&Plan, &ImportError> {
        self.plan.as_ref()
    }

    pub fn rows(&self) -> &[RowReading] {
        &self.rows
    }

    /// What importing now gives: the roadmap and what was understood, or why not.
    pub fn outcome(&self) -> Result<&(Roadmap, ImportReport), &ImportError> {
        self.outcome.as_ref()
    }

    /// Finds the table of the chosen sheet afresh.
    fn detect(&mut self) {
        self.plan = match self.sheet() {
            Some(sheet) => import::detect(&self.workbook, sheet),
            None => Err(ImportError::Empty {
                file: self.workbook.file.clone(),
            }),
        };
        self.read();
    }

    pub fn given(&self) -> &Given {
        &self.given
    }

    /// Reads the rows again by the plan as it stands.
    fn read(&mut self) {
        if let Ok(options) = self.given.options() {
            // The title and institution change no row: they are put on at import, so
            // typing them does not read a large sheet again on every key.
            self.options = Options {
                title: None,
                institution: None,
                ..options
            };
        }
        let options = self.options.clone();
        let plan = match (&self.plan, self.workbook.sheets.get(self.sheet)) {
            (Ok(plan), Some(sheet)) => (plan, sheet),
            (Err(error), _) => {
                self.rows.clear();
                self.outcome = Err(error.clone());
                return;
            }
            (Ok(_), None) => {
                self.rows.clear();
                self.outcome = Err(ImportError::Empty {
                    file: self.workbook.file.clone(),
                });
                return;
            }
        };
        let (plan, sheet) = plan;
        self.rows = import::preview(&self.workbook, sheet, plan, &options, PREVIEW_ROWS)
            .unwrap_or_default();
        self.outcome = import::build(&self.workbook, sheet, plan, &options);
    }

    pub fn update(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        match message {
            Message::SheetSelected(index) if index < self.workbook.sheets.len() => {
                self.sheet = index;
                self.detect();
                Action::None
            }
            Message::SheetSelected(_) => Action::None,
            Message::MeaningSelected(index, meaning) => {
                if let Ok(plan) = &mut self.plan {
                    let kept = keep_slot(plan, index, meaning);
                    plan.set_meaning(index, kept);
                }
                self.read();
                Action::None
            }
            Message::Given(field, typed) => {
                let target = match field {
                    Field::Title => &mut self.given.title,
                    Field::Institution => &mut self.given.institution,
                    Field::Start => &mut self.given.start,
                    Field::End => &mut self.given.end,
                };
                *target = typed;
                // The period decides which year a quarter column without one holds.
                if matches!(field, Field::Start | Field::End) {
                    self.read();
                }
                Action::None
            }
            Message::Import => match (&self.outcome, self.given.options()) {
                (Ok((roadmap, report)), Ok(options)) => {
                    let (file, counts) = (self.file_name(), report.counts);
                    Action::Request(Request::Adopt(
                        Box::new(given_names(roadmap.clone(), options)),
                        Notice::said(Tone::Info, context.language, move |language| {
                            imported(&file, counts, language)
                        }),
                    ))
                }
                _ => Action::None,
            },
            Message::Cancel => Action::Request(Request::CloseDialog),
        }
    }

    /// The spreadsheet's file name, as the user knows it.
    pub fn file_name(&self) -> String {
        self.workbook
            .file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// `roadmap` with the title and institution typed over the sheet's.
fn given_names(mut roadmap: Roadmap, options: Options) -> Roadmap {
    if let Some(title) = options.title {
        roadmap.title = title;
    }
    if let Some(institution) = options.institution {
        roadmap.institution = institution;
    }
    roadmap
}

/// `meaning` for column `index`, keeping the year and quarter the column's heading
/// gave when one value kind is changed for another (a `REALISASI TW II` column taken
/// for a target keeps its TW II).
fn keep_slot(plan: &Plan, index: usize, meaning: Meaning) -> Meaning {
    let old = plan
        .columns
        .iter()
        .find(|c| c.index == index)
        .and_then(|c| c.meaning.slot());
    match (meaning, old) {
        (Meaning::Target(_), Some(slot)) => Meaning::Target(slot),
        (Meaning::Actual(_), Some(slot)) => Meaning::Actual(slot),
        (Meaning::Obstacle(_), Some(slot)) => Meaning::Obstacle(slot),
        (Meaning::FollowUp(_), Some(slot)) => Meaning::FollowUp(slot),
        (Meaning::Evidence(_), Some(slot)) => Meaning::Evidence(slot),
        _ => meaning,
    }
}

/// "Diimpor dari NAME: 5 area, ..." for the notice bar.
fn imported(file: &str, counts: Counts, language: Language) -> String {
    tr_with(
        language,
        "app.import.done",
        &[
            ("file", file),
            ("areas", &counts.areas.to_string()),
            ("programs", &counts.programs.to_string()),
            ("indicators", &counts.indicators.to_string()),
            ("targets", &counts.targets.to_string()),
        ],
    )
}
