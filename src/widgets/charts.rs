//! Live charts of a run: the engine's time series (`Sim::series`, fixed-width buckets of
//! simulated time) turned into the small line charts the kind's descriptor lists (latency,
//! throughput and losses, queue length, hit ratio, workers). Redrawn at most four times a
//! wall-clock second while playing, and at once when the run pauses, ends or starts over.
//!
//! Stages: `sim::chart::bins` merges the buckets into at most `MAX_POINTS` bins; each chart
//! line reads its series from them by name (`Bin::read`); `plot::draw` draws them.

pub(super) mod plot;

use leptos::{html::Canvas, prelude::*};
use leptos_use::use_resize_observer;

use self::plot::{Line, Plot};
use super::{WidgetState, palette::theme_changes};
use crate::{
    browser,
    sim::{
        chart::{Bin, bins},
        kinds::{Axis, Chart, Units},
    },
};

/// Shortest wall-clock gap between two redraws while playing, in milliseconds.
const REDRAW_MS: f64 = 250.0;

/// How the `i`th line of a chart is drawn besides its colour, so that lines whose colours are
/// close (or that a reader cannot tell apart) still differ: solid, dashed, solid with
/// markers, dashed with markers, in turn. `(dashed, markers)`.
pub(super) fn stroke(i: usize, dashed: bool) -> (bool, bool) {
    (dashed || i % 2 == 1, i % 4 >= 2)
}

/// The chart's lines over `bins`, in chart units (durations in `scale`ths of a time unit).
fn lines(chart: &Chart, bins: &[Bin], scale: f64) -> Vec<Line> {
    chart
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (dashed, markers) = stroke(i, line.dashed);
            Line {
                name: line.name,
                ink: line.tone,
                points: bins
                    .iter()
                    .filter_map(|b| b.read(line.series).map(|v| (b.mid(), v * scale)))
                    .collect(),
                markers,
                dashed,
            }
        })
        .collect()
}

/// The y axis's title, given the duration unit.
fn y_desc(axis: Axis, unit: &str, units: &Units) -> String {
    match axis {
        Axis::Duration => format!("latency ({unit})"),
        Axis::Rate => format!("{} / {}", units.items, units.time.symbol()),
        Axis::Level(what) | Axis::Percent(what) => what.to_string(),
    }
}

/// Milliseconds or the time unit for a duration axis, whichever reads better for `max`.
fn duration_unit(max: f64, units: &Units) -> (&'static str, f64) {
    if max < 1.0 && units.time == crate::sim::kinds::TimeUnit::Second {
        ("ms", 1000.0)
    } else {
        (units.time.symbol(), 1.0)
    }
}

/// The largest y value over all lines.
fn y_max(lines: &[Line]) -> f64 {
    lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(0.0, f64::max)
}

/// A short number for the accessible name: `0.25`, `12`, `1.5k`.
fn short(v: f64) -> String {
    if v == 0.0 { "0".to_string() } else { plot::axis_ticks(v.abs())(&v) }
}

/// The latest point of each line, for the chart's accessible name.
fn latest(lines: &[Line], unit: &str) -> String {
    let parts: Vec<String> = lines
        .iter()
        .filter_map(|l| l.points.last().map(|p| format!("{} {}{unit}", l.name, short(p.1))))
        .collect();
    if parts.is_empty() { "no data yet".to_string() } else { format!("latest: {}", parts.join(", ")) }
}

/// Draws `chart` for the run in `state` as it is now; the latest figures, for the aria-label.
fn draw_chart(canvas: &web_sys::HtmlCanvasElement, state: WidgetState, chart: &Chart) -> String {
    let units = state.scenario.with_untracked(|s| s.kind.descriptor().units);
    let now = state.snapshot.with_untracked(|s| s.time);
    let bins = state.with_sim(|sim| bins(sim.series(), now));
    let unscaled = lines(chart, &bins, 1.0);
    let (unit, scale) = match chart.axis {
        Axis::Duration => duration_unit(y_max(&unscaled), &units),
        _ => ("", 1.0),
    };
    let lines = if scale == 1.0 { unscaled } else { lines(chart, &bins, scale) };
    let y_top = match chart.axis {
        Axis::Percent(_) => 100.0,
        _ => plot::headroom(y_max(&lines)),
    };
    let y_desc = y_desc(chart.axis, unit, &units);
    let x_desc = format!("simulated time ({})", units.time.symbol());
    let x_top = now.max(state.scenario.with_untracked(|s| s.run.bucket));
    let plot = Plot {
        x_desc: &x_desc,
        y_desc: &y_desc,
        x: 0.0..x_top,
        y: 0.0..y_top,
        x_label: &plot::axis_ticks(x_top),
        y_label: &plot::axis_ticks(y_top),
        lines: &lines,
        highlight: None,
    };
    plot::draw(canvas, &plot);
    let unit = match chart.axis {
        Axis::Percent(_) => " %".to_string(),
        Axis::Duration => format!(" {unit}"),
        Axis::Rate => format!("/{}", units.time.symbol()),
        Axis::Level(_) => String::new(),
    };
    latest(&lines, &unit)
}

/// One chart: a titled canvas with an HTML legend, redrawn as the run moves.
fn chart_view(state: WidgetState, chart: &'static Chart) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let figures = RwSignal::new(String::from("no data yet"));
    // Redrawn when the canvas's own box changes size (a window resize, a layout change).
    let resized = RwSignal::new(0u32);
    use_resize_observer(canvas, move |_, _| resized.update(|n| *n = n.wrapping_add(1)));
    // And in the new colours when the theme changes.
    let theme = theme_changes();
    Effect::new(move |last: Option<f64>| {
        let last = last.unwrap_or(f64::NEG_INFINITY);
        resized.track();
        theme.track();
        state.snapshot.track();
        let playing = state.playing.get();
        let Some(canvas) = canvas.get() else { return last };
        let now = browser::now_ms();
        if playing && now - last < REDRAW_MS {
            return last;
        }
        figures.set(draw_chart(&canvas, state, chart));
        now
    });
    let legend = chart
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (dashed, markers) = stroke(i, line.dashed);
            view! { <li>{plot::swatch(line.tone, dashed, markers)}{line.name}</li> }
        })
        .collect_view();
    let label = move || format!("{}. {}; {}.", chart.title, chart.description, figures.get());
    view! {
        <figure class="sim-chart">
            <figcaption>{chart.title}</figcaption>
            <canvas node_ref=canvas class="chart-canvas" role="img" aria-label=label data-testid=chart.id></canvas>
            <ul class="chart-legend">{legend}</ul>
        </figure>
    }
}

/// Live charts of a run, side by side (stacked on a narrow screen): those the kind's
/// descriptor lists for this scenario.
#[component]
pub fn Charts(state: WidgetState) -> impl IntoView {
    let descriptor = state.scenario.with_untracked(|s| s.kind.descriptor());
    // Which of the descriptor's charts apply, by position (a pipeline shows its hit ratio only
    // with a cache); redrawn only when that changes.
    let shown = Memo::new(move |_| {
        state.scenario.with(|s| {
            descriptor
                .charts
                .iter()
                .enumerate()
                .filter(|(_, c)| (c.shown)(s))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="sim-charts" role="group" aria-label="Charts">
            {move || shown.get().into_iter().map(|i| chart_view(state, descriptor.charts[i])).collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::stroke;
    use crate::scenario::Kind;

    #[test]
    fn the_lines_of_every_chart_differ_in_more_than_colour() {
        for kind in Kind::ALL {
            for chart in kind.descriptor().charts {
                let strokes: Vec<_> =
                    chart.lines.iter().enumerate().map(|(i, l)| stroke(i, l.dashed)).collect();
                for (i, a) in strokes.iter().enumerate() {
                    for b in &strokes[i + 1..] {
                        assert_ne!(a, b, "{}: two lines drawn alike", chart.id);
                    }
                }
            }
        }
    }
}
