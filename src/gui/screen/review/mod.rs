//! The quarterly review (*monev triwulan*): every indicator's status at the quarter,
//! focused on what is behind; actuals, *kendala* and *tindak lanjut* written in place;
//! a summary per area and since the previous quarter, with scores and ratings; the
//! units ranked by score (*Unit kerja*); the review recorded in the document; its
//! history; and the report for the meeting (HTML, XLSX, CSV).

mod details;
mod entry;
mod evidence;
pub mod export;
mod filters;
pub mod forms;
mod history;
mod line;
mod record;
mod score;
mod summary;
mod table;
mod toolbar;
mod units;
mod virtual_rows;

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use iced::widget::{column, container, row, scrollable, text_editor};
use iced::{Element, Length};

pub use entry::{ActualError, TextField};
pub use evidence::OpenError;
pub use filters::{Filters, Sort, StatusFilter};
pub use history::{Compared, Difference, compare};
pub use line::{Line, Trend};
pub use record::{Form, FormProblem};
pub use table::{TABLE_ID, actual_id, text_id};
pub use toolbar::SEARCH_ID;
pub use units::UNITS_ID;

use crate::edit::Edit;
use crate::export::Format;
use crate::gui::contract::{Action, Change, Context, Request};
use crate::gui::i18n::tr_with;
use crate::gui::notice::{Notice, Tone};
use crate::gui::theme;
use crate::model::{Indicator, Quarter, Roadmap};
use crate::review::{ReviewReport, UnitStanding, scorecard};
use virtual_rows::{Layout, Scroll};

const SIDE_PANEL_WIDTH: f32 = 360.0;
/// A table narrower than this gives the explanation column less room.
const NARROW_TABLE_BELOW: f32 = 1100.0;

/// The side panel beside the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Record,
    History,
    /// The OPD forms: write them, collect them, who has not reported.
    Forms,
}

/// What the screen lists under the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Listing {
    /// The indicators, as the focus selects them.
    #[default]
    Indicators,
    /// The units ranked by score (*Unit kerja*).
    Units,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The screen's own quarter picker (the app holds the quarter).
    QuarterSelected(Quarter),
    StatusSelected(StatusFilter),
    AreaSelected(Option<usize>),
    /// A unit id.
    UnitSelected(Option<String>),
    SearchChanged(String),
    SortSelected(Sort),
    UnexplainedOnlyToggled(bool),
    QuickWinsOnlyToggled(bool),
    ListingSelected(Listing),
    /// Opens the indicator table on the unit with this id (a row of *Unit kerja*).
    UnitOpened(String),
    /// Lists the rows the focus gives now (values changed under the list).
    Reapply,
    Scrolled(iced::widget::scrollable::Viewport),
    /// Expands or folds the row of `report.indicators[index]`.
    ToggleRow(usize),
    /// Expands the row and puts the cursor where *kendala* is still missing.
    Explain(usize),
    /// The actual typed for `report.indicators[index]` at the quarter.
    ActualChanged(usize, String),
    TextChanged(usize, TextField, String),
    MilestoneToggled(usize, bool),
    /// Opens evidence with the system's handler (relative paths from the document's
    /// folder); answered by [`Message::EvidenceOpened`].
    OpenEvidence(String),
    EvidenceOpened(Result<(), OpenError>),
    TogglePanel(Panel),
    FoldSummary(bool),
    ReviewerChanged(String),
    DateChanged(String),
    NotesEdited(text_editor::Action),
    Record,
    /// Opens the recorded review `roadmap.reviews[index]`.
    OpenReview(usize),
    CloseReview,
    /// Asks where to save a report (native dialog).
    Export(Format),
    /// Writes the report to a path: the dialog's answer, or a test's.
    ExportTo(Format, PathBuf),
    ExportCancelled,
    /// No file dialog could open: ask the app for a typed path.
    ExportUnavailable(Format),
    Forms(forms::Message),
}

/// Text typed as an actual, kept as typed: a valid one until the document shows
/// another value, an invalid one until it is corrected (marked in place, never
/// dropped).
#[derive(Debug, Clone, PartialEq)]
struct Buffer {
    text: String,
    /// What the text reads as, when valid.
    value: Option<f64>,
    problem: Option<ActualError>,
    /// What the document held when typing here began (see [`crate::gui::typed`]).
    before: String,
}

impl Buffer {
    fn is_valid(&self) -> bool {
        self.problem.is_none()
    }
}

/// The review screen: the focus, the rows it lists, what is expanded and typed.
pub struct Reviewing {
    /// The quarter the rows were computed for.
    quarter: Quarter,
    filters: Filters,
    /// Indices into `report.indicators`, filtered and sorted: computed when the focus,
    /// the quarter or the document's structure change, never while drawing.
    rows: Vec<usize>,
    /// Fingerprint of the indicators' ids and places when `rows` was computed.
    structure: u64,
    /// Values changed so that the focus would now list other rows; the list stays
    /// put (a row must not vanish under the cursor while its actual is typed).
    stale: bool,
    scroll: Scroll,
    listing: Listing,
    /// The units ranked by score: the engine's scorecard, computed when the document
    /// or the quarter change, never while drawing.
    standings: Vec<UnitStanding>,
    expanded: Option<usize>,
    buffers: HashMap<(String, Quarter), Buffer>,
    panel: Option<Panel>,
    summary_folded: bool,
    form: Form,
    /// The recorded review being looked at (index into `roadmap.reviews`).
    opened: Option<usize>,
    /// Boxed, so the screen stays about the size of the others in the app's enum.
    forms: Box<forms::Forms>,
}

impl Reviewing {
    pub fn new(context: &Context<'_>) -> Self {
        let mut state = Self {
            quarter: context.quarter,
            filters: Filters::default(),
            rows: Vec::new(),
            structure: structure_of(context.report),
            stale: false,
            scroll: Scroll::default(),
            listing: Listing::default(),
            standings: scorecard(context.roadmap, context.report),
            expanded: None,
            buffers: HashMap::new(),
            panel: None,
            summary_folded: false,
            form: Form::new(context.today),
            opened: None,
            forms: Box::default(),
        };
        state.recompute(context.roadmap, context.report);
        state
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    pub fn listing(&self) -> Listing {
        self.listing
    }

    /// The units ranked by score, as the *Unit kerja* view lists them.
    pub fn standings(&self) -> &[UnitStanding] {
        &self.standings
    }

    /// The listed rows: indices into `report.indicators`, in table order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The listed rows as the table shows them.
    pub fn lines<'a>(&self, context: &Context<'a>) -> Vec<Line<'a>> {
        self.rows
            .iter()
            .filter_map(|&index| Line::new(context, index))
            .collect()
    }

    /// The focus would list other rows now; [`Message::Reapply`] lists them.
    pub fn is_stale(&self) -> bool {
        self.stale
    }

    pub fn expanded(&self) -> Option<usize> {
        self.expanded
    }

    pub fn panel(&self) -> Option<Panel> {
        self.panel
    }

    pub fn opened(&self) -> Option<usize> {
        self.opened
    }

    /// The OPD forms panel and its collect preview.
    pub fn forms(&self) -> &forms::Forms {
        &self.forms
    }

    pub fn form(&self) -> &Form {
        &self.form
    }

    /// Typed actuals that are not valid yet, at any quarter.
    pub fn invalid_entries(&self) -> usize {
        self.buffers.values().filter(|b| !b.is_valid()).count()
    }

    /// The text kept for the actual of indicator `id` at `quarter`, and why it is not
    /// valid (if it is not).
    pub fn typed_actual(&self, id: &str, quarter: Quarter) -> Option<(&str, Option<ActualError>)> {
        self.buffer(id, quarter)
            .map(|buffer| (buffer.text.as_str(), buffer.problem))
    }

    fn buffer(&self, id: &str, quarter: Quarter) -> Option<&Buffer> {
        self.buffers.get(&(id.to_owned(), quarter))
    }

    fn layout(&self) -> Layout {
        Layout {
            count: self.rows.len(),
            expanded: self
                .expanded
                .and_then(|index| self.rows.iter().position(|&row| row == index)),
        }
    }

    /// Ids whose row stays listed whatever the focus: entries there are not valid yet.
    fn kept(&self) -> HashSet<String> {
        self.buffers
            .iter()
            .filter(|((_, quarter), buffer)| *quarter == self.quarter && !buffer.is_valid())
            .map(|((id, _), _)| id.clone())
            .collect()
    }

    fn recompute(&mut self, roadmap: &Roadmap, report: &ReviewReport) {
        self.rows = self.filters.rows(roadmap, report, &self.kept());
        self.stale = false;
    }

    /// Called by the app whenever the document or the quarter changed (edits, undo,
    /// the header's quarter picker).
    pub fn sync(&mut self, roadmap: &Roadmap, report: &ReviewReport) {
        self.standings = scorecard(roadmap, report);
        let structure = structure_of(report);
        if structure != self.structure {
            // Indicators were added, removed or moved: positions mean nothing now.
            self.expanded = None;
        }
        if structure != self.structure || report.quarter != self.quarter {
            self.structure = structure;
            self.quarter = report.quarter;
            self.recompute(roadmap, report);
        } else {
            let fresh = self.filters.rows(roadmap, report, &self.kept());
            self.stale = fresh != self.rows;
        }
        let quarter = self.quarter;
        self.buffers
            .retain(|(_, q), buffer| !buffer.is_valid() || *q == quarter);
        if let Some(index) = self.opened
            && roadmap
                .reviews
                .get(index)
                .is_none_or(|review| review.quarter != report.quarter)
        {
            self.opened = None;
        }
    }

    pub fn update(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        match message {
            Message::QuarterSelected(quarter) => Action::Request(Request::SelectQuarter(quarter)),
            Message::StatusSelected(status) => self.refocus(context, |f| f.status = status),
            Message::AreaSelected(area) => self.refocus(context, |f| f.area = area),
            Message::UnitSelected(unit) => self.refocus(context, |f| f.unit = unit),
            Message::SearchChanged(search) => self.refocus(context, |f| f.search = search),
            Message::SortSelected(sort) => self.refocus(context, |f| f.sort = sort),
            Message::UnexplainedOnlyToggled(only) => {
                self.refocus(context, |f| f.unexplained_only = only)
            }
            Message::QuickWinsOnlyToggled(only) => {
                self.refocus(context, |f| f.quick_wins_only = only)
            }
            Message::ListingSelected(listing) => {
                self.listing = listing;
                Action::None
            }
            Message::UnitOpened(unit) => {
                self.listing = Listing::Indicators;
                // Every indicator the unit reports: its line counted them all, and the
                // status tabs above the table narrow them from there.
                self.refocus(context, |f| {
                    *f = Filters {
                        unit: Some(unit),
                        status: StatusFilter::All,
                        sort: f.sort,
                        ..Filters::default()
                    };
                })
            }
            Message::Reapply => {
                self.recompute(context.roadmap, context.report);
                Action::None
            }
            Message::Scrolled(viewport) => {
                self.scroll = Scroll {
                    offset: viewport.absolute_offset().y,
                    height: viewport.bounds().height,
                };
                Action::None
            }
            Message::ToggleRow(index) => {
                self.expanded = if self.expanded == Some(index) {
                    None
                } else {
                    Some(index)
                };
                Action::None
            }
            Message::Explain(index) => {
                self.expanded = Some(index);
                let Some(line) = Line::new(context, index) else {
                    return Action::None;
                };
                let (obstacle, _) = line.explanation();
                let field = if obstacle.is_some() {
                    TextField::FollowUp
                } else {
                    TextField::Obstacle
                };
                Action::Run(iced::widget::operation::focus(text_id(
                    field,
                    &line.indicator.id,
                )))
            }
            Message::ActualChanged(index, text) => self.type_actual(index, text, context),
            Message::TextChanged(index, field, text) => {
                if context.read_only {
                    return Action::None;
                }
                let Some((edit_at, indicator)) = indicator_of(context, index) else {
                    return Action::None;
                };
                match entry::text(indicator, context.quarter, field, &text) {
                    Some(updated) => Action::Change(Change::typing(
                        edit_at(updated),
                        format!(
                            "review/{}/{}/{}",
                            field.slug(),
                            indicator.id,
                            context.quarter
                        ),
                    )),
                    None => Action::None,
                }
            }
            Message::MilestoneToggled(index, done) => {
                if context.read_only {
                    return Action::None;
                }
                let Some((edit_at, indicator)) = indicator_of(context, index) else {
                    return Action::None;
                };
                entry::milestone_done(indicator, context.quarter, done)
                    .map(|updated| Action::Change(Change::one(edit_at(updated))))
                    .unwrap_or(Action::None)
            }
            Message::OpenEvidence(target) => Action::Run(evidence::open(target, context.folder)),
            Message::EvidenceOpened(Ok(())) => Action::None,
            Message::EvidenceOpened(Err(error)) => Action::Notify(Notice::said(
                Tone::Error,
                context.language,
                move |language| {
                    tr_with(
                        language,
                        "review.open_failed",
                        &[("error", &error.describe(language))],
                    )
                },
            )),
            Message::TogglePanel(panel) => {
                self.panel = if self.panel == Some(panel) {
                    None
                } else {
                    Some(panel)
                };
                // An opened review marks rows of the table; it goes with its panel.
                if self.panel != Some(Panel::History) {
                    self.opened = None;
                }
                Action::None
            }
            Message::FoldSummary(folded) => {
                self.summary_folded = folded;
                Action::None
            }
            Message::ReviewerChanged(reviewer) => {
                self.form.reviewer = reviewer;
                Action::None
            }
            Message::DateChanged(date) => {
                self.form.date = date;
                Action::None
            }
            Message::NotesEdited(action) => {
                if !context.read_only || !action.is_edit() {
                    self.form.notes.perform(action);
                }
                Action::None
            }
            Message::Record => {
                if context.read_only {
                    return Action::None;
                }
                match self.form.record(context) {
                    Ok(change) => Action::Change(change),
                    Err(_) => Action::None,
                }
            }
            Message::OpenReview(index) => {
                let Some(review) = context.roadmap.reviews.get(index) else {
                    return Action::None;
                };
                self.opened = Some(index);
                self.panel = Some(Panel::History);
                if review.quarter == context.quarter {
                    Action::None
                } else {
                    Action::Request(Request::SelectQuarter(review.quarter))
                }
            }
            Message::CloseReview => {
                self.opened = None;
                Action::None
            }
            Message::Export(format) => Action::Run(export::dialog(context, format)),
            Message::ExportTo(format, path) => {
                Action::Notify(export::run(context, format, &path, self.invalid_entries()))
            }
            Message::ExportCancelled => Action::None,
            Message::ExportUnavailable(format) => Action::Request(export::typed(context, format)),
            Message::Forms(message) => forms::lift(self.forms.update(message, context)),
        }
    }

    /// A change of focus: the list is computed again and shown from its top.
    fn refocus(
        &mut self,
        context: &Context<'_>,
        change: impl FnOnce(&mut Filters),
    ) -> Action<Message> {
        change(&mut self.filters);
        self.recompute(context.roadmap, context.report);
        self.scroll.offset = 0.0;
        Action::Run(iced::widget::operation::scroll_to(
            TABLE_ID,
            iced::widget::operation::AbsoluteOffset { x: 0.0, y: 0.0 },
        ))
    }

    fn type_actual(
        &mut self,
        index: usize,
        text: String,
        context: &Context<'_>,
    ) -> Action<Message> {
        if context.read_only {
            return Action::None;
        }
        let Some((edit_at, indicator)) = indicator_of(context, index) else {
            return Action::None;
        };
        let quarter = context.quarter;
        let key = (indicator.id.clone(), quarter);
        let held = entry::stored_actual(indicator, quarter);
        let before = match self.buffers.get(&key) {
            // Still the same typing: the document holds what was typed (or, while the
            // text does not read, what was there before).
            Some(buffer) if !buffer.is_valid() || buffer.value == held => buffer.before.clone(),
            // New typing here (or the value changed since, by undo).
            _ => crate::gui::typed::exact(held),
        };
        let (changed, problem) = crate::gui::typed::take(&text, &before, |text| {
            entry::actual(indicator, quarter, text)
        });
        let value = match problem {
            None => entry::stored_actual(changed.as_ref().unwrap_or(indicator), quarter),
            Some(_) => None,
        };
        self.buffers.insert(
            key,
            Buffer {
                text,
                value,
                problem,
                before,
            },
        );
        match changed {
            Some(updated) => Action::Change(Change::typing(
                edit_at(updated),
                format!("review/actual/{}/{quarter}", indicator.id),
            )),
            None => Action::None,
        }
    }

    /// The opened review flagged indicator `id`.
    fn flagged_in_opened(&self, context: &Context<'_>, id: &str) -> bool {
        self.opened
            .and_then(|index| context.roadmap.reviews.get(index))
            .is_some_and(|review| review.flagged.iter().any(|flagged| flagged == id))
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let band = if self.summary_folded {
            summary::folded(context)
        } else {
            summary::view(context)
        };
        let fold = crate::gui::widget::tool_button(
            if self.summary_folded {
                crate::gui::icon::Icon::Expand
            } else {
                crate::gui::icon::Icon::Collapse
            },
            crate::gui::i18n::tr(
                context.language,
                if self.summary_folded {
                    "review.unfold_summary"
                } else {
                    "review.fold_summary"
                },
            ),
            Some(Message::FoldSummary(!self.summary_folded)),
        );
        // The same children in the same places whatever is shown: iced matches widget
        // state (scroll offset, the focused input) by position, and a notice or panel
        // appearing must not take the cursor out of the actual being typed. The notice
        // floats over the table's lower right (never over the side panel): pushing the table down as it appeared
        // made the next click land a row off.
        let notices: Element<'a, Message> = match toolbar::notices(self, context) {
            Some(notice) => crate::gui::widget::floating(notice),
            None => iced::widget::space().into(),
        };
        let listed: Element<'a, Message> = match self.listing {
            Listing::Indicators => {
                let context = *context;
                let panel = self.panel.is_some();
                // The explanation column gives way beside a side panel, and in a narrow
                // window (1024 pixels), so the indicator's name keeps some room.
                iced::widget::responsive(move |space| {
                    table::view(self, &context, panel || space.width < NARROW_TABLE_BELOW)
                })
                .into()
            }
            Listing::Units => units::view(&self.standings, context),
        };
        let table = container(listed)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(theme::panel);
        let side: Element<'a, Message> = match self.panel {
            None => iced::widget::space().into(),
            Some(panel) => {
                let content: Element<'a, Message> = match panel {
                    Panel::Record => scrollable(
                        container(record::view(&self.form, context))
                            .padding(iced::Padding::ZERO.right(10)),
                    )
                    .height(Length::Fill)
                    .into(),
                    Panel::History => history::view(self.opened, context),
                    Panel::Forms => scrollable(self.forms.view(context).map(Message::Forms))
                        .height(Length::Fill)
                        .into(),
                };
                container(content)
                    .padding(14)
                    .width(Length::Fixed(SIDE_PANEL_WIDTH))
                    .height(Length::Fill)
                    .style(theme::panel)
                    .into()
            }
        };
        let screen = column![
            toolbar::top(self, context),
            match self.listing {
                Listing::Indicators => toolbar::filters(self, context),
                Listing::Units => units::hint(context),
            },
            row![container(band).width(Length::Fill), fold].spacing(4),
            row![
                iced::widget::stack![table, notices]
                    .width(Length::Fill)
                    .height(Length::Fill),
                side
            ]
            .spacing(if self.panel.is_some() { 12 } else { 0 })
            .height(Length::Fill),
        ]
        .spacing(10)
        .height(Length::Fill);
        self.forms.over(screen.into(), context)
    }
}

/// The indicator of `report.indicators[index]`, and how to put a changed copy back.
fn indicator_of<'a>(
    context: &Context<'a>,
    index: usize,
) -> Option<(impl Fn(Indicator) -> Edit + use<>, &'a Indicator)> {
    let at = context.report.indicators.get(index)?.at();
    let indicator = context.roadmap.indicator(at)?;
    Some((
        move |updated: Indicator| Edit::Indicator(at, Box::new(updated)),
        indicator,
    ))
}

/// Which indicators sit where: the list's positions stay meaningful while this holds.
fn structure_of(report: &ReviewReport) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    report.indicators.len().hash(&mut hasher);
    for line in &report.indicators {
        line.id.hash(&mut hasher);
        (line.area, line.program, line.indicator).hash(&mut hasher);
    }
    hasher.finish()
}
