//! Live charts of a run: the engine's time series (`Sim::series`, fixed-width buckets of
//! simulated time) turned into a few small line charts chosen by the kind: latency, throughput
//! and drops, queue length, hit ratio, workers. Redrawn at most four times a wall-clock second
//! while playing, and at once when the run pauses, ends or starts over.
//!
//! Stages: `bins` merges the buckets into at most [`MAX_POINTS`] bins; `ChartKind::lines`
//! reads the figures each chart plots from them; `plot::draw` draws them.

pub(super) mod plot;

use leptos::{ev, html::Canvas, prelude::*};

use self::plot::{Ink, Line, Plot};
use super::WidgetState;
use crate::{
    browser,
    scenario::{Kind, Scenario},
    sim::series::{Bucket, Series},
};

/// Most points per line: more would not show at a chart's width, and would cost redraw time.
const MAX_POINTS: usize = 120;

/// Shortest wall-clock gap between two redraws while playing, in milliseconds.
const REDRAW_MS: f64 = 250.0;

/// One chart a widget may show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChartKind {
    Latency,
    Throughput,
    QueueLength,
    HitRatio,
    Workers,
}

/// The charts that fit a scenario, most telling first.
fn charts_for(scenario: &Scenario) -> Vec<ChartKind> {
    use ChartKind::*;
    match scenario.kind {
        Kind::Queue => vec![Latency, QueueLength],
        Kind::Balancer => vec![Latency, Throughput],
        Kind::Cache => vec![HitRatio, Latency],
        Kind::Limiter | Kind::Retries | Kind::Breaker => vec![Throughput, Latency],
        Kind::Replication => vec![Throughput],
        Kind::Autoscale => vec![Workers, Latency],
        Kind::Pipeline if scenario.cache.capacity > 0 => vec![Latency, Throughput, HitRatio],
        Kind::Pipeline => vec![Latency, Throughput],
        Kind::Hashing | Kind::Estimate => vec![],
    }
}

/// A span of simulated time and what happened in it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Bin {
    start: f64,
    /// Seconds of the span that have been simulated (the last one may be partly done).
    width: f64,
    sums: Bucket,
    /// p50, p95 and p99 latency of the requests completed in this span.
    percentiles: Option<(f64, f64, f64)>,
}

impl Bin {
    fn mid(&self) -> f64 {
        self.start + self.width / 2.0
    }

    /// `count` per simulated second over this bin.
    fn rate(&self, count: u64) -> f64 {
        if self.width > 0.0 { count as f64 / self.width } else { 0.0 }
    }

    /// A time-integral's mean level over this bin.
    fn level(&self, area: f64) -> f64 {
        if self.width > 0.0 { area / self.width } else { 0.0 }
    }
}

/// The series up to simulated time `now`, merged into at most [`MAX_POINTS`] bins.
fn bins(series: &Series, now: f64) -> Vec<Bin> {
    let group = series.buckets.len().div_ceil(MAX_POINTS).max(1);
    let span = series.width * group as f64;
    series
        .buckets
        .chunks(group)
        .enumerate()
        .map(|(i, chunk)| {
            let start = i as f64 * span;
            let mut sums = Bucket::default();
            chunk.iter().for_each(|b| add(&mut sums, b));
            let percentiles = series.percentiles_over(i * group..(i + 1) * group);
            Bin { start, width: (now - start).clamp(0.0, span), sums, percentiles }
        })
        .filter(|bin| bin.width > 0.0)
        .collect()
}

/// Adds `b`'s counts and integrals into `sum` (maxima are maxed).
fn add(sum: &mut Bucket, b: &Bucket) {
    sum.arrivals += b.arrivals;
    sum.completed += b.completed;
    sum.dropped += b.dropped;
    sum.timed_out += b.timed_out;
    sum.failed += b.failed;
    sum.retries += b.retries;
    sum.hits += b.hits;
    sum.misses += b.misses;
    sum.db_reads += b.db_reads;
    sum.latency_sum += b.latency_sum;
    sum.latency_max = sum.latency_max.max(b.latency_max);
    sum.in_system_area += b.in_system_area;
    sum.queue_area += b.queue_area;
    sum.busy_area += b.busy_area;
    sum.workers_area += b.workers_area;
}

/// One line's name, colour, and value in a bin (`None`: no point in this bin).
type Reading = (&'static str, Ink, fn(&Bin) -> Option<f64>);

fn p50(bin: &Bin) -> Option<f64> {
    bin.percentiles.map(|p| p.0)
}

fn p95(bin: &Bin) -> Option<f64> {
    bin.percentiles.map(|p| p.1)
}

fn p99(bin: &Bin) -> Option<f64> {
    bin.percentiles.map(|p| p.2)
}

fn hit_percent(bin: &Bin) -> Option<f64> {
    let lookups = bin.sums.hits + bin.sums.misses;
    (lookups > 0).then(|| bin.sums.hits as f64 / lookups as f64 * 100.0)
}

const SERVED: Reading = ("served", Ink::Good, |b| Some(b.rate(b.sums.completed)));
const DROPPED: Reading = ("dropped", Ink::Bad, |b| Some(b.rate(b.sums.dropped)));
const TIMED_OUT: Reading = ("timed out", Ink::Warm, |b| Some(b.rate(b.sums.timed_out)));
const FAILED: Reading = ("failed", Ink::Bad, |b| Some(b.rate(b.sums.failed)));
const RETRIED: Reading = ("retries", Ink::Warm, |b| Some(b.rate(b.sums.retries)));
const REJECTED: Reading = ("rejected", Ink::Warm, |b| Some(b.rate(b.sums.dropped)));

impl ChartKind {
    fn test_id(self) -> &'static str {
        match self {
            ChartKind::Latency => "chart-latency",
            ChartKind::Throughput => "chart-throughput",
            ChartKind::QueueLength => "chart-queue",
            ChartKind::HitRatio => "chart-hit-ratio",
            ChartKind::Workers => "chart-workers",
        }
    }

    fn title(self) -> &'static str {
        match self {
            ChartKind::Latency => "Latency over time",
            ChartKind::Throughput => "Throughput and losses",
            ChartKind::QueueLength => "Queue length",
            ChartKind::HitRatio => "Cache hit ratio",
            ChartKind::Workers => "Workers",
        }
    }

    /// What the chart shows, for a screen reader (the latest figures are added when drawn).
    fn description(self) -> &'static str {
        match self {
            ChartKind::Latency => {
                "Line chart of latency against simulated time: the p50, p95 and p99 of the requests completed in each interval"
            }
            ChartKind::Throughput => {
                "Line chart of requests per simulated second in each interval, by outcome"
            }
            ChartKind::QueueLength => {
                "Line chart of the average number of requests waiting, and in the system, in each interval of simulated time"
            }
            ChartKind::HitRatio => {
                "Line chart of the percentage of cache lookups that were hits in each interval of simulated time"
            }
            ChartKind::Workers => {
                "Line chart of workers available and busy, averaged over each interval of simulated time"
            }
        }
    }

    fn readings(self, kind: Kind) -> &'static [Reading] {
        match self {
            ChartKind::Latency => {
                &[("p50", Ink::Accent, p50), ("p95", Ink::Warm, p95), ("p99", Ink::Bad, p99)]
            }
            ChartKind::Throughput => match kind {
                Kind::Limiter | Kind::Breaker => &[SERVED, REJECTED, FAILED],
                Kind::Retries => &[SERVED, FAILED, RETRIED],
                Kind::Pipeline => &[SERVED, DROPPED, TIMED_OUT, FAILED],
                Kind::Replication => &[SERVED],
                _ => &[SERVED, DROPPED, TIMED_OUT],
            },
            ChartKind::QueueLength => &[
                ("waiting", Ink::Accent, |b| Some(b.level(b.sums.queue_area))),
                ("in system", Ink::Warm, |b| Some(b.level(b.sums.in_system_area))),
            ],
            ChartKind::HitRatio => &[("hit ratio", Ink::Good, hit_percent)],
            ChartKind::Workers => &[
                ("available", Ink::Accent, |b| Some(b.level(b.sums.workers_area))),
                ("busy", Ink::Warm, |b| Some(b.level(b.sums.busy_area))),
            ],
        }
    }

    /// The chart's lines over `bins`, in chart units (latency in `scale`ths of a second).
    fn lines(self, kind: Kind, bins: &[Bin], scale: f64) -> Vec<Line> {
        self.readings(kind)
            .iter()
            .map(|(name, ink, value)| Line {
                name,
                ink: *ink,
                points: bins.iter().filter_map(|b| value(b).map(|v| (b.mid(), v * scale))).collect(),
                markers: false,
                dashed: false,
            })
            .collect()
    }

    /// The y axis's title, given the latency unit.
    fn y_desc(self, unit: &str) -> String {
        match self {
            ChartKind::Latency => format!("latency ({unit})"),
            ChartKind::Throughput => "requests / s".to_string(),
            ChartKind::QueueLength => "requests".to_string(),
            ChartKind::HitRatio => "hits (%)".to_string(),
            ChartKind::Workers => "workers".to_string(),
        }
    }
}

/// Seconds or milliseconds for a latency axis, whichever reads better for `max` seconds.
fn latency_unit(max: f64) -> (&'static str, f64) {
    if max < 1.0 { ("ms", 1000.0) } else { ("s", 1.0) }
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
fn draw_chart(canvas: &web_sys::HtmlCanvasElement, state: WidgetState, chart: ChartKind) -> String {
    let kind = state.scenario.with_untracked(|s| s.kind);
    let now = state.snapshot.with_untracked(|s| s.time);
    let bins = state.with_sim(|sim| bins(sim.series(), now));
    let unscaled = chart.lines(kind, &bins, 1.0);
    let (unit, scale) = match chart {
        ChartKind::Latency => latency_unit(y_max(&unscaled)),
        _ => ("", 1.0),
    };
    let lines = if scale == 1.0 { unscaled } else { chart.lines(kind, &bins, scale) };
    let y_top = if chart == ChartKind::HitRatio { 100.0 } else { plot::headroom(y_max(&lines)) };
    let y_desc = chart.y_desc(unit);
    let x_top = now.max(state.scenario.with_untracked(|s| s.run.bucket));
    let plot = Plot {
        x_desc: "simulated time (s)",
        y_desc: &y_desc,
        x: 0.0..x_top,
        y: 0.0..y_top,
        x_label: &plot::axis_ticks(x_top),
        y_label: &plot::axis_ticks(y_top),
        lines: &lines,
        highlight: None,
    };
    plot::draw(canvas, &plot);
    let unit = match chart {
        ChartKind::HitRatio => " %".to_string(),
        ChartKind::Latency => format!(" {unit}"),
        ChartKind::Throughput => "/s".to_string(),
        _ => String::new(),
    };
    latest(&lines, &unit)
}

/// One chart: a titled canvas with an HTML legend, redrawn as the run moves.
fn chart_view(state: WidgetState, chart: ChartKind) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let figures = RwSignal::new(String::from("no data yet"));
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || handle.remove());
    Effect::new(move |last: Option<f64>| {
        let last = last.unwrap_or(f64::NEG_INFINITY);
        resized.track();
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
    let kind = state.scenario.with_untracked(|s| s.kind);
    let legend = chart
        .readings(kind)
        .iter()
        .map(|(name, ink, _)| view! { <li><span class=ink.class() aria-hidden="true"></span>{*name}</li> })
        .collect_view();
    let label = move || format!("{}. {}; {}.", chart.title(), chart.description(), figures.get());
    view! {
        <figure class="sim-chart">
            <figcaption>{chart.title()}</figcaption>
            <canvas node_ref=canvas class="chart-canvas" role="img" aria-label=label data-testid=chart.test_id()></canvas>
            <ul class="chart-legend">{legend}</ul>
        </figure>
    }
}

/// Live charts of a run, side by side (stacked on a narrow screen).
#[component]
pub fn Charts(state: WidgetState) -> impl IntoView {
    let charts = Memo::new(move |_| state.scenario.with(charts_for));
    view! {
        <div class="sim-charts" role="group" aria-label="Charts">
            {move || charts.get().into_iter().map(|chart| chart_view(state, chart)).collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(width: f64, n: usize) -> Series {
        let mut s = Series::new(width);
        for i in 0..n {
            let b = s.at(i as f64 * width + width / 2.0);
            b.completed = 2;
            b.latency_sum = 1.0;
            b.latency_max = 0.8;
        }
        s
    }

    #[test]
    fn bins_merge_to_at_most_max_points_and_stop_at_now() {
        let s = series(1.0, 500);
        let b = bins(&s, 500.0);
        assert!(b.len() <= MAX_POINTS, "{}", b.len());
        assert_eq!(b.iter().map(|b| b.sums.completed).sum::<u64>(), 1000);
        let partial = bins(&series(1.0, 10), 9.5);
        assert_eq!(partial.last().map(|b| b.width), Some(0.5));
        assert_eq!(partial.last().map(|b| b.rate(b.sums.completed)), Some(4.0));
    }

    #[test]
    fn latency_lines_read_each_spans_percentiles() {
        let mut s = Series::new(1.0);
        for i in 0..3 {
            let t = f64::from(i) + 0.5;
            (0..90).for_each(|_| s.completed(t, 0.1));
            (0..10).for_each(|_| s.completed(t, 2.0));
        }
        let lines = ChartKind::Latency.lines(Kind::Queue, &bins(&s, 3.0), 1000.0);
        let names: Vec<&str> = lines.iter().map(|l| l.name).collect();
        assert_eq!(names, ["p50", "p95", "p99"]);
        assert!(lines.iter().all(|l| l.points.len() == 3));
        // The coarse per-bucket bins are good to about 20 %.
        let near = |got: f64, want: f64| (got - want).abs() <= want * 0.25;
        assert!(near(lines[0].points[0].1, 100.0), "p50 {:?}", lines[0].points);
        assert!(near(lines[1].points[0].1, 2000.0), "p95 {:?}", lines[1].points);
    }

    #[test]
    fn every_timed_kind_gets_a_chart() {
        for kind in Kind::ALL.into_iter().filter(|k| k.is_timed()) {
            let mut s = Scenario::DEFAULT;
            s.kind = kind;
            assert!(!charts_for(&s).is_empty(), "{kind:?}");
        }
    }
}
