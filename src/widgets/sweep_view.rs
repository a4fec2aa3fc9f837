//! A sweep: the widget's scenario run at a dozen values of one parameter, drawn as a curve.
//! Queues sweep the arrival `rate` from 10 % to 98 % of what the workers can serve (the
//! hockey stick of latency against utilization); caches sweep `capacity` from 1 % to 100 % of
//! the keys (hit ratio against size). Every other key stays as the learner set it.
//!
//! Stages: [`plan`] lists the runs; a [`Runner`] does them a bounded slice of events per
//! animation frame, so the page never freezes; the points are drawn with `charts::plot`, and
//! a click on one (on the chart or in the row of buttons) opens that exact run in the widget.
//! Where `sim::theory` has a formula for a run (M/M/c and its kin, the Che approximation), its
//! prediction is drawn dashed beside the measured curve.

use leptos::{ev, html::Canvas, prelude::*};

use super::{
    WidgetState,
    charts::plot::{self, Area, Ink, Line, Plot},
    readouts::format_seconds,
};
use crate::{
    browser,
    scenario::{Kind, Scenario},
    sim::{Report, Sim, theory},
};

/// Runs in a sweep.
const POINTS: usize = 12;
/// Arrivals per run, at most (a longer scenario is cut to this; its runs open as swept).
const MAX_REQUESTS: u64 = 20_000;
/// Events one run may take before it is cut short (its figures are then those so far).
const MAX_EVENTS: u64 = 5_000_000;
/// Most keys for which a cache's prediction is computed: its cost grows with the keys, and it
/// runs inside one slice.
const MAX_THEORY_KEYS: u64 = 20_000;
/// Wall-clock milliseconds of simulation per animation frame.
const SLICE_MS: f64 = 10.0;
/// Events between two looks at the clock.
const STEP_EVENTS: u64 = 4_000;

/// The parameter a sweep varies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Axis {
    /// Queue: arrival rate, as a fraction of capacity.
    Rate,
    /// Cache: entries, as a fraction of the keys.
    Capacity,
}

impl Axis {
    fn of(kind: Kind) -> Option<Axis> {
        match kind {
            Kind::Queue => Some(Axis::Rate),
            Kind::Cache => Some(Axis::Capacity),
            _ => None,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Axis::Rate => "rate",
            Axis::Capacity => "capacity",
        }
    }

    /// The values to try, as scenario text.
    fn values(self, s: &Scenario) -> Vec<String> {
        let fraction = |i: usize, from: f64, to: f64| from + (to - from) * i as f64 / (POINTS - 1) as f64;
        match self {
            Axis::Rate => {
                let capacity = service_capacity(s);
                (0..POINTS).map(|i| format!("{}", round_sig(fraction(i, 0.10, 0.98) * capacity, 3))).collect()
            }
            Axis::Capacity => {
                let keys = s.keys.count.max(1) as f64;
                let mut sizes: Vec<u64> = (0..POINTS).map(|i| (fraction(i, 0.01, 1.0) * keys).round().max(1.0) as u64).collect();
                sizes.dedup();
                sizes.iter().map(u64::to_string).collect()
            }
        }
    }

    /// Where a run sits on the x axis, in percent: utilization, or capacity over keys.
    fn x(self, s: &Scenario) -> f64 {
        let fraction = match self {
            Axis::Rate => s.arrivals.rate / service_capacity(s),
            Axis::Capacity => s.cache.capacity as f64 / s.keys.count.max(1) as f64,
        };
        fraction * 100.0
    }

    /// Copies the swept value from `from` into `to` (to compare everything else).
    fn copy_value(self, from: &Scenario, to: &mut Scenario) {
        match self {
            Axis::Rate => to.arrivals.rate = from.arrivals.rate,
            Axis::Capacity => to.cache.capacity = from.cache.capacity,
        }
    }

    fn x_desc(self) -> &'static str {
        match self {
            Axis::Rate => "utilization (%)",
            Axis::Capacity => "cache size (% of keys)",
        }
    }
}

/// Requests per second the workers can serve: the sum of their speeds over the mean work.
fn service_capacity(s: &Scenario) -> f64 {
    let speed: f64 = (0..s.servers.count as usize).map(|i| s.service.speeds.get(i).copied().unwrap_or(1.0)).sum();
    speed / s.service.mean.max(1e-9)
}

fn round_sig(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// The scenario a sweep starts from: the widget's, with runs capped at [`MAX_REQUESTS`].
fn bounded(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    if s.run.requests == 0 || s.run.requests > MAX_REQUESTS {
        s.set("requests", &MAX_REQUESTS.to_string());
    }
    s
}

/// The runs of a sweep of `scenario`, in order along the axis.
fn plan(axis: Axis, scenario: &Scenario) -> Vec<Scenario> {
    let base = bounded(scenario);
    axis.values(&base)
        .iter()
        .map(|value| {
            let mut run = base.clone();
            run.set(axis.key(), value);
            run
        })
        .collect()
}

/// Whether `current` differs from the swept scenario `base` only in the swept key.
fn same_sweep(axis: Axis, base: &Scenario, current: &Scenario) -> bool {
    let mut current = bounded(current);
    axis.copy_value(base, &mut current);
    current == *base
}

/// One finished run of a sweep.
#[derive(Clone, Debug, PartialEq)]
struct Point {
    x: f64,
    mean: f64,
    p99: f64,
    hit_ratio: f64,
    /// What theory predicts for the plotted figure (mean latency, hit ratio), where it can.
    theory: Option<f64>,
    /// The run reached its end (not cut short by [`MAX_EVENTS`]).
    finished: bool,
    scenario: Scenario,
}

impl Point {
    fn new(axis: Axis, scenario: &Scenario, report: &Report, finished: bool) -> Point {
        let affordable = axis == Axis::Rate || scenario.keys.count <= MAX_THEORY_KEYS;
        let prediction = affordable.then(|| theory::predict(scenario)).flatten();
        let theory = prediction.and_then(|p| match axis {
            Axis::Rate => p.mean_latency,
            Axis::Capacity => p.hit_ratio,
        });
        Point {
            x: axis.x(scenario),
            theory: theory.filter(|v| v.is_finite()),
            mean: report.mean_latency,
            p99: report.p99,
            hit_ratio: report.hit_ratio,
            finished,
            scenario: scenario.clone(),
        }
    }

    /// The button's text and its accessible name.
    fn labels(&self, axis: Axis) -> (String, String) {
        let cut = if self.finished { "" } else { " (cut short)" };
        match axis {
            Axis::Rate => (
                format!("{:.0} %", self.x),
                format!(
                    "Open the run at {:.0} % utilization: mean latency {}, p99 {}{cut}",
                    self.x,
                    format_seconds(self.mean),
                    format_seconds(self.p99)
                ),
            ),
            Axis::Capacity => (
                format!("{}", self.scenario.cache.capacity),
                format!(
                    "Open the run with {} cache entries ({:.0} % of keys): hit ratio {:.1} %{cut}",
                    self.scenario.cache.capacity,
                    self.x,
                    self.hit_ratio * 100.0
                ),
            ),
        }
    }
}

/// What one slice of work ended with.
enum Progress {
    Working,
    Point(Box<Point>),
    Finished,
}

/// Does a sweep's runs one after another, a bounded number of events at a time.
struct Runner {
    axis: Axis,
    runs: Vec<Scenario>,
    next: usize,
    sim: Option<Sim>,
}

impl Runner {
    fn new(axis: Axis, runs: Vec<Scenario>) -> Runner {
        Runner { axis, runs, next: 0, sim: None }
    }

    /// Processes at most `budget` events of the current run.
    fn work(&mut self, budget: u64) -> Progress {
        let Some(scenario) = self.runs.get(self.next) else { return Progress::Finished };
        let sim = self.sim.get_or_insert_with(|| Sim::new(scenario));
        sim.run_to_end(budget);
        if !sim.is_done() && sim.events() < MAX_EVENTS {
            return Progress::Working;
        }
        let point = Point::new(self.axis, scenario, &sim.report(), sim.is_done());
        self.sim = None;
        self.next += 1;
        Progress::Point(Box::new(point))
    }
}

/// A sweep in progress or done, as `Copy` handles.
#[derive(Clone, Copy)]
struct SweepRun {
    axis: Axis,
    /// The scenario the points were computed from (see [`same_sweep`]).
    base: RwSignal<Option<Scenario>>,
    points: RwSignal<Vec<Point>>,
    running: RwSignal<bool>,
    /// Bumped by every start and stop, so a stale slice stops itself.
    job: StoredValue<u64>,
    runner: StoredValue<Option<Runner>>,
}

impl SweepRun {
    fn new(axis: Axis) -> SweepRun {
        SweepRun {
            axis,
            base: RwSignal::new(None),
            points: RwSignal::new(Vec::new()),
            running: RwSignal::new(false),
            job: StoredValue::new(0),
            runner: StoredValue::new(None),
        }
    }

    fn start(self, scenario: &Scenario) {
        let job = self.job.get_value().wrapping_add(1);
        self.job.set_value(job);
        self.base.set(Some(bounded(scenario)));
        self.points.set(Vec::new());
        self.runner.set_value(Some(Runner::new(self.axis, plan(self.axis, scenario))));
        self.running.set(true);
        request_animation_frame(move || self.slice(job));
    }

    fn stop(self) {
        self.job.update_value(|j| *j = j.wrapping_add(1));
        self.runner.set_value(None);
        self.running.set(false);
    }

    /// One frame's work: runs until [`SLICE_MS`] have passed, then asks for another frame.
    fn slice(self, job: u64) {
        if self.job.try_get_value() != Some(job) {
            return;
        }
        let started = browser::now_ms();
        while browser::now_ms() - started < SLICE_MS {
            match self.runner.try_update_value(|r| r.as_mut().map(|r| r.work(STEP_EVENTS))).flatten() {
                Some(Progress::Working) => {}
                Some(Progress::Point(point)) => self.points.update(|points| points.push(*point)),
                Some(Progress::Finished) | None => {
                    self.stop();
                    return;
                }
            }
        }
        request_animation_frame(move || self.slice(job));
    }

    /// Whether the points describe the widget's scenario (only the swept key may differ).
    fn current(self, state: WidgetState) -> bool {
        self.base.with(|base| base.as_ref().is_some_and(|b| state.scenario.with(|s| same_sweep(self.axis, b, s))))
    }
}

/// Opens one of the sweep's runs in the widget, from time 0.
fn open(state: WidgetState, scenario: Scenario) {
    let playing = state.playing.get_untracked();
    state.set_scenario(scenario, Vec::new());
    if playing {
        state.play();
    }
}

/// The lines of a sweep's chart, and the y axis's title and top.
fn sweep_lines(axis: Axis, points: &[Point]) -> (Vec<Line>, String, f64) {
    let line = |name, ink, value: fn(&Point) -> f64, scale: f64| Line {
        name,
        ink,
        points: points.iter().map(|p| (p.x, value(p) * scale)).collect(),
        markers: true,
        dashed: false,
    };
    let theory = |name, scale: f64| Line {
        name,
        ink: Ink::Muted,
        points: points.iter().filter_map(|p| p.theory.map(|v| (p.x, v * scale))).collect(),
        markers: false,
        dashed: true,
    };
    let (mut lines, y_desc, top) = match axis {
        Axis::Rate => {
            let top = points.iter().map(|p| p.p99.max(p.theory.unwrap_or(0.0))).fold(0.0, f64::max);
            let (unit, scale) = if top < 1.0 { ("ms", 1000.0) } else { ("s", 1.0) };
            let lines = vec![
                line("mean", Ink::Accent, |p| p.mean, scale),
                line("p99", Ink::Warm, |p| p.p99, scale),
                theory("theory: mean", scale),
            ];
            (lines, format!("latency ({unit})"), plot::headroom(top * scale))
        }
        Axis::Capacity => {
            let lines = vec![line("hit ratio", Ink::Good, |p| p.hit_ratio, 100.0), theory("theory: hit ratio", 100.0)];
            (lines, "hits (%)".to_string(), 100.0)
        }
    };
    // Before the first run, every line is listed (for the legend); after, only those with points.
    if !points.is_empty() {
        lines.retain(|l| !l.points.is_empty());
    }
    (lines, y_desc, top)
}

/// Draws the sweep; where the plotting area landed (for clicks).
fn draw_sweep(canvas: &web_sys::HtmlCanvasElement, run: SweepRun, state: WidgetState) -> Option<Area> {
    let points = run.points.get_untracked();
    let (lines, y_desc, y_top) = sweep_lines(run.axis, &points);
    let open_at = state.scenario.with_untracked(|s| points.iter().position(|p| p.scenario == *s));
    let highlight = open_at.and_then(|i| lines.first().and_then(|l| l.points.get(i).copied()));
    let plot = Plot {
        x_desc: run.axis.x_desc(),
        y_desc: &y_desc,
        x: 0.0..100.0,
        y: 0.0..y_top,
        x_label: &plot::axis_ticks(100.0),
        y_label: &plot::axis_ticks(y_top),
        lines: &lines,
        highlight,
    };
    plot::draw(canvas, &plot)
}

/// The point nearest to a click at `x` CSS pixels, if within reach.
fn nearest(points: &[Point], area: &Area, x: f64) -> Option<usize> {
    let distance = |p: &Point| (area.pixel_of(p.x) - x).abs();
    let (i, d) = points.iter().map(distance).enumerate().min_by(|a, b| a.1.total_cmp(&b.1))?;
    (d <= 24.0).then_some(i)
}

/// The chart and the row of buttons, one per run.
fn results_view(run: SweepRun, state: WidgetState) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let area = StoredValue::new(None::<Area>);
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        resized.track();
        run.points.track();
        state.scenario.track();
        if let Some(canvas) = canvas.get() {
            area.set_value(draw_sweep(&canvas, run, state));
        }
    });
    let click = move |ev: ev::MouseEvent| {
        let picked = area.with_value(|a| a.as_ref().and_then(|a| run.points.with_untracked(|p| nearest(p, a, f64::from(ev.offset_x())))));
        if let Some(scenario) = picked.and_then(|i| run.points.with_untracked(|p| p.get(i).map(|p| p.scenario.clone()))) {
            open(state, scenario);
        }
    };
    let legend = move || {
        run.points.with(|points| sweep_lines(run.axis, points).0)
            .into_iter()
            .map(|l| view! { <li><span class=l.ink.class() aria-hidden="true"></span>{l.name}</li> })
            .collect_view()
    };
    let buttons = move || {
        let current = state.scenario.get();
        run.points
            .get()
            .into_iter()
            .map(|p| {
                let (text, name) = p.labels(run.axis);
                let pressed = p.scenario == current;
                let scenario = p.scenario;
                view! {
                    <button class="secondary sweep-point" data-testid="sweep-point" aria-label=name.clone() title=name
                        aria-pressed=pressed.to_string() on:click=move |_| open(state, scenario.clone())>{text}</button>
                }
            })
            .collect_view()
    };
    let label = move || {
        let n = run.points.with(Vec::len);
        match run.axis {
            Axis::Rate => format!("Sweep chart: mean and p99 latency against utilization for {n} runs. Use the buttons below to open a run."),
            Axis::Capacity => format!("Sweep chart: cache hit ratio against cache size for {n} runs. Use the buttons below to open a run."),
        }
    };
    view! {
        <canvas node_ref=canvas class="chart-canvas sweep-canvas" role="img" aria-label=label data-testid="sweep-chart" on:click=click></canvas>
        <ul class="chart-legend">{legend}</ul>
        <div class="sweep-points" role="group" aria-label="Runs of the sweep">{buttons}</div>
    }
}

/// What the sweep is doing, in words.
fn status(run: SweepRun, state: WidgetState) -> String {
    let (n, total) = (run.points.with(Vec::len), state.scenario.with(|s| plan(run.axis, s).len()));
    if run.running.get() {
        return format!("Running {} of {total}…", (n + 1).min(total));
    }
    match (n, run.current(state), run.axis) {
        (0, _, Axis::Rate) => format!("Runs this scenario at {total} arrival rates, from 10 % to 98 % of what the workers can serve."),
        (0, _, Axis::Capacity) => format!("Runs this scenario at {total} cache sizes, from 1 % to 100 % of the keys."),
        (_, false, _) => "The settings changed since the last sweep; sweep again to see the new curve.".to_string(),
        (_, true, _) => format!("{n} runs of up to {} requests each. Pick one to open it.", super::readouts::format_count(MAX_REQUESTS)),
    }
}

/// The sweep of a queue's load or a cache's size, for kinds `queue` and `cache`.
#[component]
pub fn SweepView(state: WidgetState) -> impl IntoView {
    let Some(axis) = state.scenario.with_untracked(|s| Axis::of(s.kind)) else {
        return ().into_any();
    };
    let run = SweepRun::new(axis);
    let toggle = move |_| {
        if run.running.get_untracked() { run.stop() } else { state.scenario.with_untracked(|s| run.start(s)) }
    };
    let button = move || if run.running.get() { "Stop sweep" } else { "Sweep" };
    let show = move || run.points.with(|p| !p.is_empty()) && (run.running.get() || run.current(state));
    view! {
        <section class="sim-sweep" data-testid="sweep" aria-label="Sweep">
            <div class="sweep-head">
                <button class="secondary" data-testid="sweep-run" on:click=toggle aria-pressed=move || run.running.get().to_string()>{button}</button>
                <span class="muted" role="status" data-testid="sweep-status">{move || status(run, state)}</span>
            </div>
            <Show when=show>{results_view(run, state)}</Show>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(text: &str) -> Scenario {
        Scenario::parse(text).scenario
    }

    #[test]
    fn a_queue_sweeps_rate_from_10_to_98_percent_of_capacity() {
        let s = scenario("kind=queue servers=2 service_time=0.5 requests=0 duration=100");
        let runs = plan(Axis::Rate, &s);
        assert_eq!(runs.len(), POINTS);
        assert!((Axis::Rate.x(&runs[0]) - 10.0).abs() < 0.1);
        assert!((Axis::Rate.x(&runs[POINTS - 1]) - 98.0).abs() < 0.1);
        assert!(runs.iter().all(|r| r.run.requests == MAX_REQUESTS));
        assert!(runs.iter().all(|r| same_sweep(Axis::Rate, &bounded(&s), r)));
    }

    #[test]
    fn a_cache_sweeps_capacity_from_1_to_100_percent_of_keys() {
        let s = scenario("kind=cache keys=1000 capacity=50 requests=5000");
        let runs = plan(Axis::Capacity, &s);
        assert_eq!(runs.first().map(|r| r.cache.capacity), Some(10));
        assert_eq!(runs.last().map(|r| r.cache.capacity), Some(1000));
        assert!(runs.iter().all(|r| r.run.requests == 5000));
        assert!(!same_sweep(Axis::Capacity, &bounded(&s), &scenario("kind=cache keys=1000 capacity=50 requests=5000 seed=2")));
    }

    #[test]
    fn the_runner_finishes_every_run_in_bounded_slices() {
        let s = scenario("kind=queue requests=300 seed=4");
        let mut runner = Runner::new(Axis::Rate, plan(Axis::Rate, &s));
        let mut points = Vec::new();
        for _ in 0..100_000 {
            match runner.work(100) {
                Progress::Working => {}
                Progress::Point(p) => points.push(*p),
                Progress::Finished => break,
            }
        }
        assert_eq!(points.len(), POINTS);
        assert!(points.iter().all(|p| p.finished));
        assert!(points.last().map(|p| p.mean) > points.first().map(|p| p.mean));
        assert!(points.iter().all(|p| p.theory.is_some()), "M/M/1 has a formula");
    }
}
