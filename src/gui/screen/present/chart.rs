//! Charts drawn on iced's canvas: an indicator's target against its actual over the
//! period (lines for levels, bars for quarterly counts), and the milestone timeline.
//! Numbers on the axes are written the way the audience reads them (`Language::number`).

use iced::alignment::Vertical;
use iced::widget::canvas::{self, Frame, Geometry, LineDash, Path, Stroke, Text};
use iced::widget::text::Alignment;
use iced::{Color, Point, Rectangle, Renderer, Size, Theme, mouse};

use super::layout;
use super::look::{Look, Scale};
use super::slides::{self, MilestoneRow, Series, Timing};
use crate::locale::Language;
use crate::model::{Kind, Period, Quarter};
use crate::review::Status;

/// The value axis of a chart: from `min` to `max` in steps of `step`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Axis {
    /// An axis with round steps (1, 2, 2.5 or 5 times a power of ten) that holds
    /// every value, starting at zero unless a value is negative.
    pub fn for_values(values: impl IntoIterator<Item = f64>) -> Self {
        let (mut low, mut high) = (0.0_f64, 0.0_f64);
        for value in values.into_iter().filter(|v| v.is_finite()) {
            low = low.min(value);
            high = high.max(value);
        }
        if high - low <= f64::EPSILON {
            high = low + 1.0;
        }
        let raw = (high - low) / 4.0;
        let magnitude = 10_f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .map(|n| n * magnitude)
            .find(|&step| step >= raw)
            .unwrap_or(10.0 * magnitude);
        Self {
            min: (low / step).floor() * step,
            max: (high / step).ceil() * step,
            step,
        }
    }

    pub fn ticks(self) -> impl Iterator<Item = f64> {
        let count = ((self.max - self.min) / self.step).round() as usize;
        (0..=count).map(move |i| self.min + i as f64 * self.step)
    }

    /// Where `value` sits from 0 (min) to 1 (max).
    fn fraction(self, value: f64) -> f32 {
        ((value - self.min) / (self.max - self.min)) as f32
    }
}

/// Target against actual of one indicator, every quarter of the period.
pub struct SeriesChart<'a> {
    pub series: &'a Series,
    pub look: Look,
    pub scale: Scale,
    pub language: Language,
}

const DASH: [f32; 2] = [10.0, 7.0];

/// Where the values go inside a chart.
struct Plot {
    area: Rectangle,
    axis: Axis,
    /// Width of one quarter.
    slot: f32,
}

impl Plot {
    fn y(&self, value: f64) -> f32 {
        self.area.y + self.area.height * (1.0 - self.axis.fraction(value))
    }

    fn x(&self, index: usize) -> f32 {
        self.area.x + self.slot * (index as f32 + 0.5)
    }
}

impl<Message> canvas::Program<Message> for SeriesChart<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let s = self.scale;
        let look = self.look;
        let series = self.series;
        clear(&mut frame, bounds.size(), look.background);
        let values = series
            .points
            .iter()
            .flat_map(|p| [p.target, p.actual])
            .flatten();
        let axis = Axis::for_values(values);
        let labels: Vec<String> = axis
            .ticks()
            .map(|tick| self.language.number(tick, 2))
            .collect();
        let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
        let caption = s.px(layout::CAPTION);
        let left = caption * 0.6 * widest as f32 + s.px(16.0);
        let bottom = caption * layout::LINE + s.px(8.0);
        let top = caption * 0.6;
        let area = Rectangle {
            x: left,
            y: top,
            width: (bounds.width - left - s.px(8.0)).max(1.0),
            height: (bounds.height - top - bottom).max(1.0),
        };
        let plot = Plot {
            area,
            axis,
            slot: area.width / series.points.len().max(1) as f32,
        };

        // The quarter presented, as a band behind everything.
        if let Some(now) = series
            .points
            .iter()
            .position(|p| p.quarter == series.quarter)
        {
            frame.fill_rectangle(
                Point::new(area.x + plot.slot * now as f32, area.y),
                Size::new(plot.slot, area.height),
                look.band,
            );
        }
        for (tick, text) in axis.ticks().zip(&labels) {
            frame.stroke(
                &Path::line(
                    Point::new(area.x, plot.y(tick)),
                    Point::new(area.x + area.width, plot.y(tick)),
                ),
                Stroke::default()
                    .with_color(Color {
                        a: 0.45,
                        ..look.rule
                    })
                    .with_width(s.px(1.5).max(1.0)),
            );
            label(
                &mut frame,
                Text {
                    content: text.clone(),
                    position: Point::new(area.x - s.px(10.0), plot.y(tick)),
                    color: look.muted,
                    size: caption.into(),
                    align_x: Alignment::Right,
                    align_y: Vertical::Center,
                    ..Text::default()
                },
            );
        }
        let quarters: Vec<Quarter> = series.points.iter().map(|p| p.quarter).collect();
        year_axis(&mut frame, &quarters, area, plot.slot, look, s);

        match series.kind {
            Kind::Count => self.bars(&mut frame, &plot),
            Kind::Level | Kind::Average | Kind::Milestone => self.lines(&mut frame, &plot),
        }
        vec![frame.into_geometry()]
    }
}

impl SeriesChart<'_> {
    fn lines(&self, frame: &mut Frame, plot: &Plot) {
        let s = self.scale;
        let look = self.look;
        let points = |pick: fn(&slides::Point) -> Option<f64>| -> Vec<Point> {
            self.series
                .points
                .iter()
                .enumerate()
                .filter_map(|(i, p)| pick(p).map(|v| Point::new(plot.x(i), plot.y(v))))
                .collect()
        };
        let targets = points(|p| p.target);
        let actuals = points(|p| p.actual);
        let radius = s.px(7.0);
        if targets.len() > 1 {
            frame.stroke(
                &polyline(&targets),
                Stroke {
                    line_dash: LineDash {
                        segments: &DASH,
                        offset: 0,
                    },
                    ..Stroke::default()
                        .with_color(look.target)
                        .with_width(s.px(3.0))
                },
            );
        }
        for point in &targets {
            frame.fill(&Path::circle(*point, radius), look.background);
            frame.stroke(
                &Path::circle(*point, radius),
                Stroke::default()
                    .with_color(look.target)
                    .with_width(s.px(3.0)),
            );
        }
        if actuals.len() > 1 {
            frame.stroke(
                &polyline(&actuals),
                Stroke::default()
                    .with_color(look.actual)
                    .with_width(s.px(5.0)),
            );
        }
        for point in &actuals {
            frame.fill(&Path::circle(*point, radius * 1.1), look.actual);
        }
    }

    fn bars(&self, frame: &mut Frame, plot: &Plot) {
        let s = self.scale;
        let look = self.look;
        let base = plot.y(0.0_f64.clamp(plot.axis.min, plot.axis.max));
        let width = (plot.slot * 0.36).max(1.0);
        for (i, point) in self.series.points.iter().enumerate() {
            let left = plot.area.x + plot.slot * i as f32 + plot.slot * 0.12;
            if let Some(target) = point.target {
                let top = plot.y(target).min(base);
                let height = (plot.y(target) - base).abs().max(1.0);
                frame.stroke_rectangle(
                    Point::new(left, top),
                    Size::new(width, height),
                    Stroke::default()
                        .with_color(look.target)
                        .with_width(s.px(2.5).max(1.0)),
                );
            }
            if let Some(actual) = point.actual {
                let top = plot.y(actual).min(base);
                let height = (plot.y(actual) - base).abs().max(1.0);
                frame.fill_rectangle(
                    Point::new(left + width, top),
                    Size::new(width, height),
                    look.actual,
                );
            }
        }
    }
}

/// Text drawn as filled outlines.
///
/// iced 0.14's tiny-skia renderer redraws only what changed between frames and
/// judges canvas text by its anchor point (so centred or right-aligned labels were
/// left behind on the next slide) and strokes by their path without the width (so
/// horizontal lines were never erased). Outlines are judged by their real bounds;
/// together with [`clear`] nothing of a chart outlives its slide.
fn label(frame: &mut Frame, text: Text) {
    text.draw_with(|path, color| frame.fill(&path, color));
}

/// Paints the whole canvas first, so that its whole area counts as changed when the
/// slide changes (see [`label`]).
fn clear(frame: &mut Frame, size: Size, color: Color) {
    frame.fill_rectangle(Point::ORIGIN, size, color);
}

fn polyline(points: &[Point]) -> Path {
    Path::new(|builder| {
        if let Some((first, rest)) = points.split_first() {
            builder.move_to(*first);
            for point in rest {
                builder.line_to(*point);
            }
        }
    })
}

/// Year labels under `plot`, thin lines between years, and the base line.
fn year_axis(
    frame: &mut Frame,
    quarters: &[Quarter],
    plot: Rectangle,
    slot: f32,
    look: Look,
    s: Scale,
) {
    let mut start = 0;
    while start < quarters.len() {
        let year = quarters[start].year();
        let end = quarters[start..]
            .iter()
            .position(|q| q.year() != year)
            .map_or(quarters.len(), |n| start + n);
        if start > 0 && plot.height > 0.0 {
            let at = plot.x + slot * start as f32;
            frame.stroke(
                &Path::line(Point::new(at, plot.y), Point::new(at, plot.y + plot.height)),
                Stroke::default()
                    .with_color(Color {
                        a: 0.6,
                        ..look.rule
                    })
                    .with_width(s.px(1.5).max(1.0)),
            );
        }
        label(
            frame,
            Text {
                content: year.to_string(),
                position: Point::new(
                    plot.x + slot * (start + end) as f32 / 2.0,
                    plot.y + plot.height + s.px(6.0),
                ),
                color: look.muted,
                size: s.px(layout::CAPTION).into(),
                align_x: Alignment::Center,
                align_y: Vertical::Top,
                ..Text::default()
            },
        );
        start = end;
    }
    frame.stroke(
        &Path::line(
            Point::new(plot.x, plot.y + plot.height),
            Point::new(plot.x + plot.width, plot.y + plot.height),
        ),
        Stroke::default()
            .with_color(look.rule)
            .with_width(s.px(2.0).max(1.0)),
    );
}

/// One milestone on the period's timeline, or (`row: None`) the year axis above them.
pub struct Timeline<'a> {
    /// What the row is painted on.
    pub background: Color,
    pub period: Period,
    pub quarter: Quarter,
    pub row: Option<&'a MilestoneRow>,
    pub look: Look,
    pub scale: Scale,
}

impl<Message> canvas::Program<Message> for Timeline<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let s = self.scale;
        let look = self.look;
        clear(&mut frame, bounds.size(), self.background);
        let quarters: Vec<Quarter> = self.period.quarters().collect();
        let slot = bounds.width / quarters.len().max(1) as f32;
        // Quarters outside the period sit at its nearest end.
        let index = |q: Quarter| {
            quarters
                .iter()
                .position(|&x| x == q)
                .unwrap_or(if q < self.period.first_quarter() {
                    0
                } else {
                    quarters.len().saturating_sub(1)
                })
        };
        let center = |q: Quarter| slot * (index(q) as f32 + 0.5);
        frame.fill_rectangle(
            Point::new(slot * index(self.quarter) as f32, 0.0),
            Size::new(slot, bounds.height),
            look.band,
        );

        let Some(row) = self.row else {
            let axis = Rectangle {
                x: 0.0,
                y: 0.0,
                width: bounds.width,
                height: 0.0,
            };
            year_axis(&mut frame, &quarters, axis, slot, look, s);
            return vec![frame.into_geometry()];
        };

        let middle = bounds.height / 2.0;
        let thin = Stroke::default().with_width(s.px(2.0).max(1.0));
        frame.stroke(
            &Path::line(Point::new(0.0, middle), Point::new(bounds.width, middle)),
            thin.with_color(Color {
                a: 0.7,
                ..look.rule
            }),
        );
        for (i, q) in quarters.iter().enumerate() {
            if i > 0 && q.number() == 1 {
                let at = slot * i as f32;
                frame.stroke(
                    &Path::line(
                        Point::new(at, middle - s.px(10.0)),
                        Point::new(at, middle + s.px(10.0)),
                    ),
                    thin.with_color(look.rule),
                );
            }
        }
        // Late is red whatever the review's status says (one done a quarter late is
        // "on track" for the score, but the legend's red bar means late).
        let timing = row.timing();
        let late = look.status(Status::Behind);
        let due = Point::new(center(row.due), middle);
        // Late: a bar from the due quarter to completion, or to now while still open.
        let late_until = match timing {
            Timing::DoneLate => row.done,
            Timing::Overdue => Some(self.quarter),
            Timing::OnTime | Timing::NotDue => None,
        };
        if let Some(until) = late_until {
            frame.stroke(
                &Path::line(due, Point::new(center(until), middle)),
                Stroke::default().with_color(late).with_width(s.px(8.0)),
            );
        }
        let tone = match timing {
            Timing::OnTime => look.status(Status::OnTrack),
            Timing::DoneLate | Timing::Overdue => late,
            Timing::NotDue => look.status(Status::NotDue),
        };
        let size = s.px(13.0);
        let mark = diamond(due, size);
        frame.fill(&mark, look.background);
        frame.stroke(
            &mark,
            Stroke::default().with_color(tone).with_width(s.px(4.0)),
        );
        if let (Some(done), Timing::OnTime | Timing::DoneLate) = (row.done, timing) {
            frame.fill(
                &Path::circle(Point::new(center(done), middle), size),
                look.status(Status::OnTrack),
            );
        }
        vec![frame.into_geometry()]
    }
}

/// The due mark: a diamond of half-width `size` around `at`.
fn diamond(at: Point, size: f32) -> Path {
    Path::new(|b| {
        b.move_to(Point::new(at.x, at.y - size));
        b.line_to(Point::new(at.x + size, at.y));
        b.line_to(Point::new(at.x, at.y + size));
        b.line_to(Point::new(at.x - size, at.y));
        b.close();
    })
}

/// The due mark alone, for the legend: the same diamond the timeline draws.
pub struct DueMark {
    pub look: Look,
    pub scale: Scale,
}

impl<Message> canvas::Program<Message> for DueMark {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let s = self.scale;
        clear(&mut frame, bounds.size(), self.look.background);
        let size = s.px(13.0).min(bounds.width / 2.0 - s.px(3.0)).max(1.0);
        let mark = diamond(frame.center(), size);
        frame.stroke(
            &mark,
            Stroke::default()
                .with_color(self.look.text)
                .with_width(s.px(4.0)),
        );
        vec![frame.into_geometry()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_hold_every_value_in_round_steps() {
        for (values, (min, max, step)) in [
            (vec![45.0, 55.0, 66.1, 100.0], (0.0, 100.0, 25.0)),
            (vec![5.0, 8.0, 10.0, 50.0], (0.0, 60.0, 20.0)),
            (vec![0.0], (0.0, 1.0, 0.25)),
            (vec![], (0.0, 1.0, 0.25)),
            (vec![-3.0, 7.0], (-5.0, 7.5, 2.5)),
            (vec![1_500_000.0], (0.0, 1_500_000.0, 500_000.0)),
        ] {
            let axis = Axis::for_values(values.clone());
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
            assert!(
                close(axis.min, min) && close(axis.max, max) && close(axis.step, step),
                "{values:?}: {axis:?}"
            );
            assert!(axis.ticks().count() <= 7);
        }
    }
}
