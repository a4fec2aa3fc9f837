//! A sweep: the widget's scenario run at a dozen values of one parameter, drawn as a curve.
//! The learner picks the parameter: the kind's own sweep where its descriptor names one
//! (queues sweep the arrival `rate` from 10 % to 98 % of what the workers can serve, the
//! hockey stick of latency against utilization; caches sweep `capacity` from 1 % to 100 % of
//! the keys), or any numeric key the kind reads, over a range around its current value within
//! the key's bounds (log-spaced when it is wide: `scenario::explore`), plotting one of the
//! kind's figures. Every other key stays as the learner set it. The address form is
//! `sweep=rate:10..100[:figure]`, and the view offers the link to the sweep it shows.
//!
//! Stages: [`plan`] lists the runs; a [`Runner`] does them a bounded slice of events per
//! animation frame, so the page never freezes; the points are drawn with `charts::plot`, and
//! a click on one (on the chart or in the row of buttons) opens that exact run in the widget.
//! Where `sim::theory` has a formula for a run (M/M/c and its kin, the Che approximation), its
//! prediction is drawn dashed beside the measured curve.

use leptos::{ev, html::Canvas, prelude::*};
use leptos_use::use_resize_observer;

mod plan;

use plan::{KeySweep, MAX_REQUESTS, Point, Progress, Runner, Sweeper, bounded, plan, same_sweep};

use super::{
    WidgetState,
    charts::plot::{self, Area, Ink, Line, Plot},
    share_panel::run_address,
};
use crate::{
    browser,
    scenario::{
        Kind, Scenario,
        explore::{self, SweepAddress},
    },
    sim::kinds::{Axis, Format, Readout},
};

/// Wall-clock milliseconds of simulation per animation frame.
const SLICE_MS: f64 = 10.0;
/// Events between two looks at the clock.
const STEP_EVENTS: u64 = 4_000;

/// A sweep in progress or done, as `Copy` handles.
#[derive(Clone, Copy)]
struct SweepRun {
    /// What the points sweep (set by each start).
    sweep: RwSignal<Sweeper>,
    /// The scenario the points were computed from (see [`same_sweep`]).
    base: RwSignal<Option<Scenario>>,
    points: RwSignal<Vec<Point>>,
    running: RwSignal<bool>,
    /// Bumped by every start and stop, so a stale slice stops itself.
    job: StoredValue<u64>,
    runner: StoredValue<Option<Runner>>,
}

impl SweepRun {
    fn new(sweep: Sweeper) -> SweepRun {
        SweepRun {
            sweep: RwSignal::new(sweep),
            base: RwSignal::new(None),
            points: RwSignal::new(Vec::new()),
            running: RwSignal::new(false),
            job: StoredValue::new(0),
            runner: StoredValue::new(None),
        }
    }

    fn start(self, sweep: Sweeper, scenario: &Scenario) {
        let job = self.job.get_value().wrapping_add(1);
        self.job.set_value(job);
        self.sweep.set(sweep);
        self.base.set(Some(bounded(scenario)));
        self.points.set(Vec::new());
        self.runner.set_value(Some(Runner::new(sweep, plan(&sweep, scenario))));
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
        let sweep = self.sweep.get();
        self.base
            .with(|base| base.as_ref().is_some_and(|b| state.scenario.with(|s| same_sweep(&sweep, b, s))))
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
fn sweep_lines(sweep: &Sweeper, points: &[Point]) -> (Vec<Line>, String, f64) {
    let top = points.iter().flat_map(|p| p.values.iter().copied().chain(p.theory)).fold(0.0, f64::max);
    let sweep = match sweep {
        Sweeper::Named(sweep) => sweep,
        Sweeper::Key(k) => return key_lines(k, points, top),
    };
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

/// A key sweep's lines: the figure measured, and theory's prediction of it dashed.
fn key_lines(k: &KeySweep, points: &[Point], top: f64) -> (Vec<Line>, String, f64) {
    let (y_desc, scale, top) = match k.figure.format {
        Format::Percent => (format!("{} (%)", k.figure.label), 100.0, 100.0),
        Format::Duration => {
            let (unit, scale) = if top < 1.0 { ("ms", 1000.0) } else { ("s", 1.0) };
            (format!("{} ({unit})", k.figure.label), scale, plot::headroom(top * scale))
        }
        _ => (k.figure.label.to_string(), 1.0, plot::headroom(top.max(1.0))),
    };
    let mut lines = vec![
        Line {
            name: k.figure.label,
            ink: Ink::Accent,
            points: points.iter().map(|p| (p.x, p.values[0] * scale)).collect(),
            markers: true,
            dashed: false,
        },
        Line {
            name: "theory",
            ink: Ink::Muted,
            points: points.iter().filter_map(|p| p.theory.map(|v| (p.x, v * scale))).collect(),
            markers: false,
            dashed: true,
        },
    ];
    if !points.is_empty() {
        lines.retain(|l| !l.points.is_empty());
    }
    (lines, y_desc, top)
}

/// Draws the sweep; where the plotting area landed (for clicks).
fn draw_sweep(canvas: &web_sys::HtmlCanvasElement, run: SweepRun, state: WidgetState) -> Option<Area> {
    let points = run.points.get_untracked();
    let sweep = run.sweep.get_untracked();
    let (lines, y_desc, y_top) = sweep_lines(&sweep, &points);
    let open_at = state.scenario.with_untracked(|s| points.iter().position(|p| p.scenario == *s));
    let highlight = open_at.and_then(|i| lines.first().and_then(|l| l.points.get(i).copied()));
    let y_label = plot::axis_ticks(y_top);
    match sweep {
        Sweeper::Named(named) => {
            let plot = Plot {
                x_desc: named.x_desc,
                y_desc: &y_desc,
                x: 0.0..100.0,
                y: 0.0..y_top,
                x_label: &plot::axis_ticks(100.0),
                y_label: &y_label,
                lines: &lines,
                highlight,
            };
            plot::draw(canvas, &plot)
        }
        Sweeper::Key(k) => {
            let log = k.values().1;
            let x_desc = if log { format!("{} (log scale)", k.key) } else { k.key.to_string() };
            let x_label = move |x: &f64| {
                let v = if log { x.exp() } else { *x };
                format!("{}", explore::round_sig(v, 3))
            };
            let plot = Plot {
                x_desc: &x_desc,
                y_desc: &y_desc,
                x: k.x_of(k.from)..k.x_of(k.to),
                y: 0.0..y_top,
                x_label: &x_label,
                y_label: &y_label,
                lines: &lines,
                highlight,
            };
            plot::draw(canvas, &plot)
        }
    }
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
            .with(|points| sweep_lines(&run.sweep.get(), points).0)
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
    let label = move || {
        let n = run.points.with(Vec::len);
        match run.sweep.get() {
            Sweeper::Named(sweep) => (sweep.chart_label)(n),
            Sweeper::Key(k) => format!(
                "Sweep chart: {} against {} for {n} runs. Use the buttons below to open a run.",
                k.figure.label, k.key
            ),
        }
    };
    view! {
        <canvas node_ref=canvas class="chart-canvas sweep-canvas" role="img" aria-label=label data-testid="sweep-chart" on:click=click></canvas>
        <ul class="chart-legend">{legend}</ul>
        <div class="sweep-points" role="group" aria-label="Runs of the sweep">{buttons}</div>
    }
}

/// What a sweep does, before any run.
fn intro(sweep: &Sweeper, total: usize) -> String {
    match sweep {
        Sweeper::Named(named) => (named.intro)(total),
        Sweeper::Key(k) => format!(
            "Runs this scenario at {total} values of {} from {} to {}{}, and plots its {}.",
            k.key,
            explore::round_sig(k.from, 3),
            explore::round_sig(k.to, 3),
            if k.values().1 { ", spaced evenly on a log scale" } else { "" },
            k.figure.label
        ),
    }
}

/// What the sweep is doing, in words (`picked`: the sweep the controls describe now).
fn status(run: SweepRun, state: WidgetState, picked: Option<Sweeper>) -> String {
    let n = run.points.with(Vec::len);
    if run.running.get() {
        let total = state.scenario.with(|s| plan(&run.sweep.get(), s).len());
        return format!("Running {} of {total}…", (n + 1).min(total));
    }
    let Some(picked) = picked else {
        return "Enter a range with from below to, within the key's bounds.".to_string();
    };
    let total = state.scenario.with(|s| plan(&picked, s).len());
    match (n, run.current(state)) {
        (0, _) => intro(&picked, total),
        (_, false) => {
            "The settings changed since the last sweep; sweep again to see the new curve.".to_string()
        }
        (_, true) => format!(
            "{n} runs of up to {} requests each. Pick one to open it.",
            super::readouts::format_count(MAX_REQUESTS)
        ),
    }
}

/// The figure a key sweep plots unless the learner picks another: the kind's own sweep's
/// first line, else its first key readout, else its first readout.
fn default_figure(kind: Kind) -> Option<Readout> {
    let d = kind.descriptor();
    let find = |metric: &str| d.readouts.iter().find(|r| r.metric == metric).copied();
    d.sweep
        .and_then(|s| s.lines.first().and_then(|l| find(l.metric)))
        .or_else(|| d.key_readouts.first().and_then(|m| find(m)))
        .or_else(|| d.readouts.first().copied())
}

/// The numeric keys a sweep can vary, in the kind's order.
fn numeric_keys(kind: Kind) -> Vec<&'static str> {
    kind.descriptor().all_keys().filter(|spec| explore::is_numeric(spec)).map(|spec| spec.name).collect()
}

/// The value of the key select that stands for the kind's own sweep.
const OWN: &str = "";

/// The sweep the learner picks: the kind's own (where its descriptor names one) or any numeric
/// key over a range, plotting one of its figures. `start`: a sweep the address asked for, run
/// at once.
#[component]
pub fn SweepView(state: WidgetState, start: Option<SweepAddress>) -> impl IntoView {
    let kind = state.scenario.with_untracked(|s| s.kind);
    let descriptor = kind.descriptor();
    let keys = numeric_keys(kind);
    let Some(figure0) = default_figure(kind) else { return ().into_any() };
    if keys.is_empty() && descriptor.sweep.is_none() {
        return ().into_any();
    }
    let own = descriptor.sweep;
    // What the controls pick: a key ("" for the kind's own sweep), a range, a figure.
    let key = RwSignal::new(match (&start, own) {
        (Some(a), _) => a.key,
        (None, Some(_)) => OWN,
        (None, None) => descriptor.controls.iter().copied().find(|c| keys.contains(c)).unwrap_or(keys[0]),
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let figure = RwSignal::new(start.as_ref().and_then(|a| a.figure).unwrap_or(figure0.metric));
    let fill_range = move |k: &'static str, range: Option<(f64, f64)>| {
        let Some(spec) = descriptor.key(k) else { return };
        let (a, b) = range.unwrap_or_else(|| {
            state.scenario.with_untracked(|s| explore::default_range(spec, explore::number_of(s, k)))
        });
        from.set(format!("{}", explore::round_sig(a, 3)));
        to.set(format!("{}", explore::round_sig(b, 3)));
    };
    if key.get_untracked() != OWN {
        fill_range(key.get_untracked(), start.as_ref().and_then(|a| a.range));
    }
    // The sweep the controls describe (`None`: a range that cannot be swept).
    let picked = Memo::new(move |_| {
        let k = key.get();
        if k == OWN {
            return own.map(Sweeper::Named);
        }
        let spec = descriptor.key(k)?;
        let (a, b) = (from.get().trim().parse::<f64>().ok()?, to.get().trim().parse::<f64>().ok()?);
        let (min, max) = (spec.bounds.min, spec.bounds.max);
        let (a, b) = (a.clamp(min, max), b.clamp(min, max));
        let readout = descriptor.readouts.iter().find(|r| r.metric == figure.get()).copied()?;
        (a.is_finite() && b.is_finite() && a < b).then_some(Sweeper::Key(KeySweep {
            key: k,
            from: a,
            to: b,
            integer: spec.integer(),
            figure: readout,
        }))
    });
    let run = SweepRun::new(picked.get_untracked().unwrap_or(Sweeper::Key(KeySweep {
        key: keys.first().copied().unwrap_or("seed"),
        from: 0.0,
        to: 1.0,
        integer: false,
        figure: figure0,
    })));
    let go = move || {
        if let Some(sweep) = picked.get_untracked() {
            state.scenario.with_untracked(|s| run.start(sweep, s));
        }
    };
    if start.is_some() {
        request_animation_frame(go);
    }
    let toggle = move |_| if run.running.get_untracked() { run.stop() } else { go() };
    let button = move || if run.running.get() { "Stop sweep" } else { "Sweep" };
    let show = move || run.points.with(|p| !p.is_empty()) && (run.running.get() || run.current(state));
    let pick_key = move |ev| {
        let name = event_target_value(&ev);
        let k = if name == OWN { Some(OWN) } else { keys.iter().copied().find(|k| *k == name) };
        if let Some(k) = k {
            key.set(k);
            if k != OWN {
                fill_range(k, None);
            }
        }
    };
    let key_options = {
        let own_option = own.map(|sweep| {
            view! { <option value=OWN selected=move || key.get() == OWN>{format!("{} ({})", sweep.key, sweep.x_desc)}</option> }
        });
        let rest = numeric_keys(kind)
            .into_iter()
            .map(|k| view! { <option value=k selected=move || key.get() == k>{k}</option> })
            .collect_view();
        view! { {own_option}{rest} }
    };
    let figure_options = descriptor
        .readouts
        .iter()
        .map(|r| {
            let metric = r.metric;
            view! { <option value=metric selected=move || figure.get() == metric>{r.label}</option> }
        })
        .collect_view();
    let pick_figure = move |ev| {
        let name = event_target_value(&ev);
        if let Some(r) = descriptor.readouts.iter().find(|r| r.metric == name) {
            figure.set(r.metric);
        }
    };
    let link = move || match run.sweep.get() {
        Sweeper::Key(k) => format!(
            "{}&sweep={}:{}..{}:{}",
            run_address(state, "", false),
            k.key,
            explore::round_sig(k.from, 6),
            explore::round_sig(k.to, 6),
            k.figure.metric
        ),
        Sweeper::Named(named) => format!("{}&sweep={}", run_address(state, "", false), named.key),
    };
    view! {
        <section class="sim-sweep" data-testid="sweep" aria-label="Sweep">
            <div class="sweep-pick">
                <label class="inline">"Sweep "<select data-testid="sweep-key" on:change=pick_key>{key_options}</select></label>
                <span class="sweep-range" hidden=move || key.get() == OWN>
                    <label class="inline">" from "<input type="text" inputmode="decimal" size="7" data-testid="sweep-from"
                        prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/></label>
                    <label class="inline">" to "<input type="text" inputmode="decimal" size="7" data-testid="sweep-to"
                        prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/></label>
                    <label class="inline">" plotting "<select data-testid="sweep-figure" on:change=pick_figure>{figure_options}</select></label>
                </span>
            </div>
            <div class="sweep-head">
                <button class="secondary" data-testid="sweep-run" on:click=toggle aria-pressed=move || run.running.get().to_string()
                    disabled=move || picked.get().is_none() && !run.running.get()>{button}</button>
                <span class="muted" role="status" data-testid="sweep-status">{move || status(run, state, picked.get())}</span>
            </div>
            <Show when=show>
                {results_view(run, state)}
                <p class="sweep-link"><a data-testid="sweep-link" href=link>"Link to this sweep"</a></p>
            </Show>
        </section>
    }
    .into_any()
}
