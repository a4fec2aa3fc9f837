//! A sweep: the widget's scenario run at a dozen values of one parameter, drawn as a curve.
//! The kind's descriptor names the parameter and what is plotted: queues sweep the arrival
//! `rate` from 10 % to 98 % of what the workers can serve (the hockey stick of latency against
//! utilization); caches sweep `capacity` from 1 % to 100 % of the keys (hit ratio against
//! size). Every other key stays as the learner set it.
//!
//! Stages: [`plan`] lists the runs; a [`Runner`] does them a bounded slice of events per
//! animation frame, so the page never freezes; the points are drawn with `charts::plot`, and
//! a click on one (on the chart or in the row of buttons) opens that exact run in the widget.
//! Where `sim::theory` has a formula for a run (M/M/c and its kin, the Che approximation), its
//! prediction is drawn dashed beside the measured curve.

use leptos::{ev, html::Canvas, prelude::*};
use leptos_use::use_resize_observer;

mod plan;

use plan::{MAX_REQUESTS, Point, Progress, Runner, bounded, plan, same_sweep};

use super::{
    WidgetState,
    charts::plot::{self, Area, Ink, Line, Plot},
};
use crate::{
    browser,
    scenario::Scenario,
    sim::kinds::{Axis, Sweep},
};

/// Wall-clock milliseconds of simulation per animation frame.
const SLICE_MS: f64 = 10.0;
/// Events between two looks at the clock.
const STEP_EVENTS: u64 = 4_000;

/// A sweep in progress or done, as `Copy` handles.
#[derive(Clone, Copy)]
struct SweepRun {
    sweep: &'static Sweep,
    /// The scenario the points were computed from (see [`same_sweep`]).
    base: RwSignal<Option<Scenario>>,
    points: RwSignal<Vec<Point>>,
    running: RwSignal<bool>,
    /// Bumped by every start and stop, so a stale slice stops itself.
    job: StoredValue<u64>,
    runner: StoredValue<Option<Runner>>,
}

impl SweepRun {
    fn new(sweep: &'static Sweep) -> SweepRun {
        SweepRun {
            sweep,
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
        self.runner.set_value(Some(Runner::new(self.sweep, plan(self.sweep, scenario))));
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
        self.base
            .with(|base| base.as_ref().is_some_and(|b| state.scenario.with(|s| same_sweep(self.sweep, b, s))))
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
fn sweep_lines(sweep: &Sweep, points: &[Point]) -> (Vec<Line>, String, f64) {
    let top = points.iter().flat_map(|p| p.values.iter().copied().chain(p.theory)).fold(0.0, f64::max);
    let (y_desc, scale, top) = match sweep.axis {
        Axis::Percent(desc) => (desc.to_string(), 100.0, 100.0),
        _ => {
            let (unit, scale) = if top < 1.0 { ("ms", 1000.0) } else { ("s", 1.0) };
            (format!("latency ({unit})"), scale, plot::headroom(top * scale))
        }
    };
    let mut lines: Vec<Line> = sweep
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| Line {
            name: line.name,
            ink: line.tone,
            points: points.iter().map(|p| (p.x, p.values[i] * scale)).collect(),
            markers: true,
            dashed: false,
        })
        .collect();
    if let Some((name, _)) = sweep.theory {
        lines.push(Line {
            name,
            ink: Ink::Muted,
            points: points.iter().filter_map(|p| p.theory.map(|v| (p.x, v * scale))).collect(),
            markers: false,
            dashed: true,
        });
    }
    // Before the first run, every line is listed (for the legend); after, only those with points.
    if !points.is_empty() {
        lines.retain(|l| !l.points.is_empty());
    }
    (lines, y_desc, top)
}

/// Draws the sweep; where the plotting area landed (for clicks).
fn draw_sweep(canvas: &web_sys::HtmlCanvasElement, run: SweepRun, state: WidgetState) -> Option<Area> {
    let points = run.points.get_untracked();
    let (lines, y_desc, y_top) = sweep_lines(run.sweep, &points);
    let open_at = state.scenario.with_untracked(|s| points.iter().position(|p| p.scenario == *s));
    let highlight = open_at.and_then(|i| lines.first().and_then(|l| l.points.get(i).copied()));
    let plot = Plot {
        x_desc: run.sweep.x_desc,
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
    // Redrawn when the canvas's own box changes size (a window resize, a layout change).
    let resized = RwSignal::new(0u32);
    use_resize_observer(canvas, move |_, _| resized.update(|n| *n = n.wrapping_add(1)));
    Effect::new(move |_| {
        resized.track();
        run.points.track();
        state.scenario.track();
        if let Some(canvas) = canvas.get() {
            area.set_value(draw_sweep(&canvas, run, state));
        }
    });
    let click = move |ev: ev::MouseEvent| {
        let picked = area.with_value(|a| {
            a.as_ref().and_then(|a| run.points.with_untracked(|p| nearest(p, a, f64::from(ev.offset_x()))))
        });
        if let Some(scenario) =
            picked.and_then(|i| run.points.with_untracked(|p| p.get(i).map(|p| p.scenario.clone())))
        {
            open(state, scenario);
        }
    };
    let legend = move || {
        run.points
            .with(|points| sweep_lines(run.sweep, points).0)
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
                let (text, name) = p.labels;
                let pressed = p.scenario == current;
                let scenario = p.scenario;
                view! {
                    <button class="secondary sweep-point" data-testid="sweep-point" aria-label=name.clone() title=name
                        aria-pressed=pressed.to_string() on:click=move |_| open(state, scenario.clone())>{text}</button>
                }
            })
            .collect_view()
    };
    let label = move || (run.sweep.chart_label)(run.points.with(Vec::len));
    view! {
        <canvas node_ref=canvas class="chart-canvas sweep-canvas" role="img" aria-label=label data-testid="sweep-chart" on:click=click></canvas>
        <ul class="chart-legend">{legend}</ul>
        <div class="sweep-points" role="group" aria-label="Runs of the sweep">{buttons}</div>
    }
}

/// What the sweep is doing, in words.
fn status(run: SweepRun, state: WidgetState) -> String {
    let (n, total) = (run.points.with(Vec::len), state.scenario.with(|s| plan(run.sweep, s).len()));
    if run.running.get() {
        return format!("Running {} of {total}…", (n + 1).min(total));
    }
    match (n, run.current(state)) {
        (0, _) => (run.sweep.intro)(total),
        (_, false) => {
            "The settings changed since the last sweep; sweep again to see the new curve.".to_string()
        }
        (_, true) => format!(
            "{n} runs of up to {} requests each. Pick one to open it.",
            super::readouts::format_count(MAX_REQUESTS)
        ),
    }
}

/// The sweep the kind's descriptor names (a queue's load, a cache's size), if any.
#[component]
pub fn SweepView(state: WidgetState) -> impl IntoView {
    let Some(sweep) = state.scenario.with_untracked(|s| s.kind.descriptor().sweep) else {
        return ().into_any();
    };
    let run = SweepRun::new(sweep);
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
