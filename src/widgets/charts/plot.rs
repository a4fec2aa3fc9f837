//! A small line chart drawn with plotters on a canvas, shared by the live charts and the sweep.
//! It sizes the canvas to its box and the screen's pixel density, takes its colours from the
//! page's CSS variables (so it follows the theme), and reports where its plotting area landed
//! so a click can be mapped back to a value.

use std::ops::Range;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::widgets::{draw::colour, palette::Palette};

/// A line's colour: a descriptor's tone, named after the CSS variable it comes from. The
/// legend (HTML) uses the class `ink-<name>` for the same colour.
pub use crate::sim::kinds::Tone as Ink;

impl Ink {
    pub fn class(self) -> &'static str {
        match self {
            Ink::Accent => "ink ink-accent",
            Ink::Warm => "ink ink-warm",
            Ink::Bad => "ink ink-bad",
            Ink::Good => "ink ink-good",
            Ink::Muted => "ink ink-muted",
        }
    }

    /// The CSS variable of its colour, for HTML legends.
    pub fn var(self) -> &'static str {
        match self {
            Ink::Accent => "var(--accent)",
            Ink::Warm => "var(--warm)",
            Ink::Bad => "var(--bad)",
            Ink::Good => "var(--good)",
            Ink::Muted => "var(--muted)",
        }
    }

    fn css(self, palette: &Palette) -> &str {
        match self {
            Ink::Accent => &palette.accent,
            Ink::Warm => &palette.warm,
            Ink::Bad => &palette.bad,
            Ink::Good => &palette.good,
            Ink::Muted => &palette.muted,
        }
    }
}

/// One line of a chart, in chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: &'static str,
    pub ink: Ink,
    pub points: Vec<(f64, f64)>,
    /// Draw a dot at every point (a sweep's runs).
    pub markers: bool,
    /// Draw it dashed (a prediction rather than a measurement).
    pub dashed: bool,
}

/// Everything one chart shows.
pub struct Plot<'a> {
    pub x_desc: &'a str,
    pub y_desc: &'a str,
    pub x: Range<f64>,
    pub y: Range<f64>,
    pub x_label: &'a dyn Fn(&f64) -> String,
    pub y_label: &'a dyn Fn(&f64) -> String,
    pub lines: &'a [Line],
    /// A point drawn larger, ringed in the text colour (the run on screen).
    pub highlight: Option<(f64, f64)>,
}

/// Where the plotting area landed, in CSS pixels from the canvas's left edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub left: f64,
    pub right: f64,
    pub x: Range<f64>,
}

impl Area {
    /// The horizontal position of chart value `x`, in CSS pixels.
    pub fn pixel_of(&self, x: f64) -> f64 {
        let span = self.x.end - self.x.start;
        if span <= 0.0 { self.left } else { self.left + (x - self.x.start) / span * (self.right - self.left) }
    }
}

/// Draws `plot` on `canvas`; `None` when the canvas has no size yet or drawing failed (the
/// chart is then left blank rather than failing the page).
pub fn draw(canvas: &HtmlCanvasElement, plot: &Plot) -> Option<Area> {
    let dpr = fit_to_box(canvas)?;
    clear(canvas);
    let palette = Palette::of(canvas);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    let (xs, _) = draw_on(&root, plot, &palette, dpr).ok()?;
    Some(Area { left: f64::from(xs.start) / dpr, right: f64::from(xs.end) / dpr, x: plot.x.clone() })
}

/// Sizes the canvas's pixels to its box; the device pixel ratio, or `None` if it has no box.
fn fit_to_box(canvas: &HtmlCanvasElement) -> Option<f64> {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (w, h) = (f64::from(canvas.client_width()), f64::from(canvas.client_height()));
    if w <= 0.0 || h <= 0.0 {
        return None;
    }
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    Some(dpr)
}

/// Clears the canvas to transparent (its CSS background shows through).
fn clear(canvas: &HtmlCanvasElement) {
    let context =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    if let Some(context) = context {
        let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        context.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    }
}

type Drawn = (Range<i32>, Range<i32>);

fn draw_on<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    plot: &Plot,
    palette: &Palette,
    dpr: f64,
) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |n: f64| (n * dpr).round() as u32;
    let text = parse_colour(&palette.text);
    let muted = parse_colour(&palette.muted);
    let grid = parse_colour(&palette.line);
    let font = ("sans-serif", 11.0 * dpr).into_font().color(&muted);
    let desc_font = ("sans-serif", 11.5 * dpr).into_font().color(&text);
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0))
        .margin_right(px(14.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(50.0))
        .build_cartesian_2d(plot.x.clone(), plot.y.clone())?;
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(4)
        .max_light_lines(0)
        .bold_line_style(grid.stroke_width(px(1.0)))
        .axis_style(muted.stroke_width(px(1.0)))
        .label_style(font)
        .axis_desc_style(desc_font)
        .x_desc(plot.x_desc)
        .y_desc(plot.y_desc)
        .x_label_formatter(plot.x_label)
        .y_label_formatter(plot.y_label)
        .draw()?;
    for line in plot.lines {
        let colour = parse_colour(line.ink.css(palette));
        let style = colour.stroke_width(px(2.0));
        if line.dashed {
            chart.draw_series(DashedLineSeries::new(line.points.iter().copied(), px(6.0), px(4.0), style))?;
        } else {
            chart.draw_series(LineSeries::new(line.points.iter().copied(), style))?;
        }
        if line.markers {
            // Every point of a short line (a sweep's runs); a dozen or so along a long one.
            let step =
                if line.points.len() > MARKERS_ALL { line.points.len().div_ceil(MARKERS_ALONG) } else { 1 };
            chart.draw_series(
                line.points.iter().step_by(step).map(|p| Circle::new(*p, px(3.5), colour.filled())),
            )?;
        }
    }
    if let Some(point) = plot.highlight {
        chart.draw_series(std::iter::once(Circle::new(point, px(6.0), text.stroke_width(px(2.0)))))?;
    }
    Ok(chart.plotting_area().get_pixel_range())
}

/// A line with at most this many points gets a marker at each.
const MARKERS_ALL: usize = 30;
/// About how many markers a longer line gets.
const MARKERS_ALONG: usize = 14;

/// A legend's sample of a line: its colour, dashed or solid, with a marker or without, as
/// `draw` draws it.
pub fn swatch(ink: Ink, dashed: bool, markers: bool) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! {
        <svg class="ink-line" viewBox="0 0 26 10" width="26" height="10" aria-hidden="true" style:color=ink.var()>
            <line x1="1" y1="5" x2="25" y2="5" stroke="currentColor" stroke-width="2"
                stroke-dasharray=if dashed { "5 3" } else { "none" }></line>
            {markers.then(|| view! { <circle cx="13" cy="5" r="3.2" fill="currentColor"></circle> })}
        </svg>
    }
}

/// Reads a CSS colour as `#rgb`, `#rrggbb` or `rgb(r, g, b)`; anything else is a neutral grey.
pub fn parse_colour(css: &str) -> RGBColor {
    let (r, g, b) = colour::parse(css).unwrap_or((136, 136, 136));
    RGBColor(r, g, b)
}

/// Tick labels for an axis from 0 to `top`, all with the same number of decimals:
/// `0, 20, 40`, `0, 0.5, 1.0`, `0, 5k, 10k`.
pub fn axis_ticks(top: f64) -> impl Fn(&f64) -> String {
    move |v: &f64| {
        let v = *v;
        if top >= 10_000.0 {
            format!("{:.0}k", v / 1000.0)
        } else if top >= 2_000.0 {
            format!("{:.1}k", v / 1000.0)
        } else if top >= 10.0 {
            format!("{v:.0}")
        } else if top >= 1.0 {
            format!("{v:.1}")
        } else {
            format!("{v:.2}")
        }
    }
}

/// A tidy upper bound for an axis that must show `max`: 10 % headroom, and never zero.
pub fn headroom(max: f64) -> f64 {
    if max.is_finite() && max > 0.0 { max * 1.1 } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_or_fall_back_to_grey() {
        let check = |css: &str, rgb: (u8, u8, u8)| {
            let c = parse_colour(css);
            assert_eq!((c.0, c.1, c.2), rgb, "{css}");
        };
        check("#1f5d95", (0x1f, 0x5d, 0x95));
        check(" #fff ", (255, 255, 255));
        check("rgb(10, 20, 30)", (10, 20, 30));
        check("rgba(10 20 30 / 50%)", (10, 20, 30));
        check("hsl(1, 2%, 3%)", (136, 136, 136));
        check("#12", (136, 136, 136));
    }

    #[test]
    fn ticks_share_their_decimals() {
        let check = |top: f64, v: f64, text: &str| assert_eq!(axis_ticks(top)(&v), text, "top {top}");
        check(100.0, 20.0, "20");
        check(4.2, 1.0, "1.0");
        check(0.3, 0.1, "0.10");
        check(22_000.0, 5_000.0, "5k");
        check(4_000.0, 1_500.0, "1.5k");
    }
}
