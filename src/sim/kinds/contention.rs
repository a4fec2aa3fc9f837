//! `contention`: writers doing read-modify-write on shared records, over imperfect delivery.

use super::parts::*;
use super::{
    Axis, Chart, Compare, Descriptor, Drawing, Family, Footing, Format, Group, Line, Readout, Sweep,
    SweepLine, Theory, TheoryRow, TimeUnit, Tone, Units,
};
use crate::scenario::Scenario;
use crate::scenario::keys::*;
use crate::sim::kernel::Engine;
use crate::sim::kinds::format::format_seconds;
use crate::sim::models::contention::Contention;
use crate::sim::report::ratio;
use crate::sim::theory::{self, caches};

/// A write (one increment of a record), timed in seconds.
pub const WRITES: Units = Units { item: "write", items: "writes", time: TimeUnit::Second };

pub const FINAL_VALUE: Readout =
    Readout { metric: "final_value", label: "final value", format: Format::Count };
pub const EXPECTED_VALUE: Readout =
    Readout { metric: "expected_value", label: "expected value", format: Format::Count };
pub const LOST_UPDATES: Readout =
    Readout { metric: "lost_updates", label: "lost updates", format: Format::Count };
pub const DOUBLE_EFFECTS: Readout =
    Readout { metric: "double_effects", label: "double effects", format: Format::Count };
pub const CONFLICTS: Readout =
    Readout { metric: "conflicts", label: "conflicts (retries)", format: Format::Count };
pub const LOCK_WAIT_P99: Readout =
    Readout { metric: "lock_wait_p99", label: "lock wait p99", format: Format::Duration };
pub const LOCK_WAIT_MEAN: Readout =
    Readout { metric: "lock_wait_mean", label: "mean lock wait", format: Format::Duration };
pub const DEDUPLICATED: Readout =
    Readout { metric: "deduplicated", label: "repeats skipped", format: Format::Count };

fn always(_: &Scenario) -> bool {
    true
}

pub static LOST_CHART: Chart = Chart {
    id: "chart-lost",
    title: "Lost updates and conflicts",
    description: "Line chart of updates lost (overwritten), optimistic conflicts and writes done per simulated second in each interval",
    axis: Axis::Rate,
    lines: &[
        Line { name: "written", series: "completed", tone: Tone::Good, dashed: false },
        Line { name: "lost", series: "lost", tone: Tone::Bad, dashed: false },
        Line { name: "conflicts", series: "retries", tone: Tone::Warm, dashed: false },
    ],
    shown: always,
};

pub static LOCK_WAIT_CHART: Chart = Chart {
    id: "chart-lock-wait",
    title: "Lock wait over time",
    description: "Line chart of the mean wait for a record's lock, and the p99 latency of the writes done, in each interval of simulated time",
    axis: Axis::Duration,
    lines: &[
        Line { name: "mean lock wait", series: "lock_wait", tone: Tone::Accent, dashed: false },
        Line { name: "write p99", series: "p99", tone: Tone::Bad, dashed: false },
    ],
    shown: always,
};

pub static LOST_ROW: TheoryRow = TheoryRow {
    label: "lost share of writes",
    predicted: |p| p.lost_ratio,
    measured: |r| r.metric("lost_ratio").unwrap_or(0.0),
    format: Format::Percent,
};
pub static DOUBLE_ROW: TheoryRow = TheoryRow {
    label: "repeats taking effect, per message",
    predicted: |p| p.double_ratio,
    measured: |r| ratio(r.metric("double_effects").unwrap_or(0.0), r.arrivals as f64),
    format: Format::Percent,
};
pub static LOCK_WAIT_ROW: TheoryRow = TheoryRow {
    label: "mean lock wait",
    predicted: |p| p.mean_wait,
    measured: |r| r.mean_wait,
    format: Format::Duration,
};

static ROWS: &[&TheoryRow] = &[&LOST_ROW, &DOUBLE_ROW, &LOCK_WAIT_ROW, &LATENCY_ROW, &P99_ROW];

pub static CONTENTION: Descriptor = Descriptor {
    name: "contention",
    summary: "writers doing read-modify-write on shared records, with duplicated and late messages",
    keys: &[
        Group { name: "run", keys: RUN_KEYS },
        Group { name: "arrivals", keys: ARRIVAL_KEYS },
        Group { name: "keys", keys: &[&KEY_COUNT, &ZIPF] },
        Group { name: "contention", keys: &[&GAP, &STRATEGY, &DUP_PROB, &REORDER_PROB, &IDEMPOTENCY] },
    ],
    controls: &["strategy", "gap"],
    actions: &[&SPIKE],
    charts: &[&LOST_CHART, &LOCK_WAIT_CHART],
    readouts: &[
        ARRIVALS,
        COMPLETED,
        FINAL_VALUE,
        EXPECTED_VALUE,
        LOST_UPDATES,
        DOUBLE_EFFECTS,
        DEDUPLICATED,
        CONFLICTS,
        LOCK_WAIT_MEAN,
        LOCK_WAIT_P99,
        P99,
    ],
    key_readouts: &["final_value", "expected_value", "lost_updates", "lock_wait_p99"],
    sweep: Some(&LOAD),
    compare: Some(&Compare {
        key: "strategy",
        rows: &[FINAL_VALUE, LOST_UPDATES, CONFLICTS, LOCK_WAIT_P99, P99],
    }),
    theory: Some(Theory { predict: |s| Some(theory::contention(s)), rows: ROWS, footing: Footing::Own }),
    units: WRITES,
    drawing: Drawing::Records,
    model: Family::Timed(|s| Box::new(Engine::new(Contention::new(s)))),
    check: no_check,
};

/// Runs in a sweep.
const POINTS: usize = 12;

/// The writes per second the hottest record gets.
fn hottest_rate(s: &Scenario) -> f64 {
    let share = caches::popularity(s).first().map_or(1.0, |band| band.share);
    s.arrivals.rate * share
}

/// The hottest record's load: its writes per second times the gap.
fn hottest_load(s: &Scenario) -> f64 {
    hottest_rate(s) * s.contention.gap
}

/// The lost share against the gap, from a light load on the hottest record to about one write
/// per gap.
pub static LOAD: Sweep = Sweep {
    key: "gap",
    values: |s| {
        let rate = hottest_rate(s).max(1e-9);
        (0..POINTS)
            .map(|i| {
                let load = 0.05 + (0.95 - 0.05) * i as f64 / (POINTS - 1) as f64;
                format!("{}", round_sig((load / rate).min(1e4), 3))
            })
            .collect()
    },
    x: |s| hottest_load(s) * 100.0,
    x_desc: "hottest record's writes per gap (%)",
    axis: Axis::Percent("lost (%)"),
    lines: &[SweepLine { name: "lost share", metric: "lost_ratio", tone: Tone::Bad }],
    theory: Some(("theory: lost share", |p| p.lost_ratio)),
    label: |s, r, finished| {
        let x = hottest_load(s) * 100.0;
        let cut = if finished { "" } else { " (cut short)" };
        let lost = r.metric("lost_ratio").unwrap_or(0.0) * 100.0;
        (
            format!("{x:.0} %"),
            format!(
                "Open the run with a gap of {} ({x:.0} % of a write per gap on the hottest record): {lost:.1} % of \
                 writes lost{cut}",
                format_seconds(s.contention.gap)
            ),
        )
    },
    intro: |n| {
        format!("Runs this scenario at {n} gaps, from 5 % to 95 % of a write per gap on the hottest record.")
    },
    chart_label: |n| {
        format!(
            "Sweep chart: share of writes lost against the gap for {n} runs. Use the buttons below to open a run."
        )
    },
};
