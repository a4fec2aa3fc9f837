//! Pieces several kinds' descriptors share: readouts, charts, failure actions and theory rows.
//! A kind lists the ones it shows; nothing here decides which kind gets what.

use super::{Action, Axis, Chart, Footing, Format, Line, Readout, Theory, TheoryRow, Tone};
use crate::scenario::Scenario;
use crate::sim::Report;
use crate::sim::snapshot::Snapshot;
use crate::sim::theory::Prediction;

// Readouts, by the report figure they show.
pub const ARRIVALS: Readout = Readout { metric: "arrivals", label: "arrived", format: Format::Count };
pub const COMPLETED: Readout = Readout { metric: "completed", label: "served", format: Format::Count };
pub const DROPPED: Readout = Readout { metric: "dropped", label: "dropped", format: Format::Count };
pub const TIMED_OUT: Readout = Readout { metric: "timed_out", label: "timed out", format: Format::Count };
pub const THROUGHPUT: Readout = Readout { metric: "throughput", label: "throughput", format: Format::Rate };
pub const WAIT: Readout = Readout { metric: "mean_wait", label: "mean wait", format: Format::Duration };
pub const LATENCY: Readout =
    Readout { metric: "mean_latency", label: "mean latency", format: Format::Duration };
pub const P50: Readout = Readout { metric: "p50", label: "p50", format: Format::Duration };
pub const P95: Readout = Readout { metric: "p95", label: "p95", format: Format::Duration };
pub const P99: Readout = Readout { metric: "p99", label: "p99", format: Format::Duration };
pub const UTILIZATION: Readout =
    Readout { metric: "utilization", label: "utilization", format: Format::Percent };
pub const IN_SYSTEM: Readout =
    Readout { metric: "mean_in_system", label: "mean in system", format: Format::Decimal(2) };
pub const HIT_RATIO: Readout = Readout { metric: "hit_ratio", label: "hit ratio", format: Format::Percent };
pub const DB_READS: Readout = Readout { metric: "db_reads", label: "database reads", format: Format::Count };
pub const STALE: Readout = Readout { metric: "stale_reads", label: "stale reads", format: Format::Count };
pub const RETRIES: Readout = Readout { metric: "retries", label: "retries", format: Format::Count };
pub const ATTEMPTS: Readout =
    Readout { metric: "mean_attempts", label: "attempts per request", format: Format::Decimal(2) };
pub const DEAD: Readout = Readout { metric: "dead_lettered", label: "dead-lettered", format: Format::Count };
pub const FAILED: Readout = Readout { metric: "failed", label: "failed", format: Format::Count };
pub const LIMITED: Readout =
    Readout { metric: "limited", label: "rejected by limiter", format: Format::Count };
pub const OPENED: Readout =
    Readout { metric: "breaker_opened", label: "breaker opened", format: Format::Count };
pub const REFUSED: Readout = Readout { metric: "refused", label: "reads refused", format: Format::Count };
pub const WASTED: Readout =
    Readout { metric: "wasted_work", label: "work for clients who gave up", format: Format::Duration };
pub const STALE_RATIO: Readout =
    Readout { metric: "stale_ratio", label: "stale share of reads", format: Format::Percent };
pub const MEAN_SERVERS: Readout =
    Readout { metric: "mean_servers", label: "mean servers", format: Format::Decimal(1) };

fn always(_: &Scenario) -> bool {
    true
}

// Chart lines.
const SERVED: Line = Line { name: "served", series: "completed", tone: Tone::Good, dashed: false };
const DROPPED_LINE: Line = Line { name: "dropped", series: "dropped", tone: Tone::Bad, dashed: false };
const TIMED_OUT_LINE: Line = Line { name: "timed out", series: "timed_out", tone: Tone::Warm, dashed: false };
const FAILED_LINE: Line = Line { name: "failed", series: "failed", tone: Tone::Bad, dashed: false };
const RETRIED: Line = Line { name: "retries", series: "retries", tone: Tone::Warm, dashed: false };
const REJECTED: Line = Line { name: "rejected", series: "dropped", tone: Tone::Warm, dashed: false };

// Charts.
pub static LATENCY_CHART: Chart = Chart {
    id: "chart-latency",
    title: "Latency over time",
    description: "Line chart of latency against simulated time: the p50, p95 and p99 of the requests completed in each interval",
    axis: Axis::Duration,
    lines: &[
        Line { name: "p50", series: "p50", tone: Tone::Accent, dashed: false },
        Line { name: "p95", series: "p95", tone: Tone::Warm, dashed: false },
        Line { name: "p99", series: "p99", tone: Tone::Bad, dashed: false },
    ],
    shown: always,
};

/// Throughput and losses, with the lines a kind's losses need.
const fn throughput(lines: &'static [Line]) -> Chart {
    Chart {
        id: "chart-throughput",
        title: "Throughput and losses",
        description: "Line chart of requests per simulated second in each interval, by outcome",
        axis: Axis::Rate,
        lines,
        shown: always,
    }
}

/// Served, dropped and timed out.
pub static THROUGHPUT_CHART: Chart = throughput(&[SERVED, DROPPED_LINE, TIMED_OUT_LINE]);
/// Served, turned away (by a limiter or a breaker) and failed.
pub static REJECTIONS_CHART: Chart = throughput(&[SERVED, REJECTED, FAILED_LINE]);
/// Served, failed and retried.
pub static RETRIES_CHART: Chart = throughput(&[SERVED, FAILED_LINE, RETRIED]);
/// Every way a request can end.
pub static OUTCOMES_CHART: Chart = throughput(&[SERVED, DROPPED_LINE, TIMED_OUT_LINE, FAILED_LINE]);
/// Served only.
pub static SERVED_CHART: Chart = throughput(&[SERVED]);

pub static QUEUE_CHART: Chart = Chart {
    id: "chart-queue",
    title: "Queue length",
    description: "Line chart of the average number of requests waiting, and in the system, in each interval of simulated time",
    axis: Axis::Level("requests"),
    lines: &[
        Line { name: "waiting", series: "waiting", tone: Tone::Accent, dashed: false },
        Line { name: "in system", series: "in_system", tone: Tone::Warm, dashed: false },
    ],
    shown: always,
};

const fn hit_ratio_chart(shown: fn(&Scenario) -> bool) -> Chart {
    Chart {
        id: "chart-hit-ratio",
        title: "Cache hit ratio",
        description: "Line chart of the percentage of cache lookups that were hits in each interval of simulated time",
        axis: Axis::Percent("hits (%)"),
        lines: &[Line { name: "hit ratio", series: "hit_ratio", tone: Tone::Good, dashed: false }],
        shown,
    }
}

pub static HIT_RATIO_CHART: Chart = hit_ratio_chart(always);
/// The hit ratio, where the scenario has a cache at all (`capacity > 0`).
pub static HIT_RATIO_IF_CACHED: Chart = hit_ratio_chart(|s| s.cache.capacity > 0);

pub static WORKERS_CHART: Chart = Chart {
    id: "chart-workers",
    title: "Workers",
    description: "Line chart of workers available and busy, averaged over each interval of simulated time",
    axis: Axis::Level("workers"),
    lines: &[
        Line { name: "available", series: "workers", tone: Tone::Accent, dashed: false },
        Line { name: "busy", series: "busy", tone: Tone::Warm, dashed: false },
    ],
    shown: always,
};

// Failure actions.

/// Whether the first server is down in the run as drawn.
fn first_server_down(s: &Snapshot) -> bool {
    s.request_path().and_then(|p| p.servers.first()).is_some_and(|v| !v.up)
}

/// Kill the first server from now on, or revive it if it is down.
pub static KILL_SERVER: Action = Action {
    id: "kill-server",
    label: |s| if first_server_down(s) { "Revive server 1" } else { "Kill server 1" },
    changes: |scenario, s| {
        let now = s.time;
        if first_server_down(s) {
            let started = scenario.servers.outage_at.unwrap_or(0.0);
            vec![("outage_len", format!("{}", (now - started).max(0.001)))]
        } else {
            vec![
                // Full precision: rounded, the outage could start just after the moment the
                // learner pressed the button, and the replay to that moment would not show it.
                ("outage_at", format!("{now}")),
                ("outage_len", "1e6".into()),
                ("outage_server", "0".into()),
            ]
        }
    },
};

/// Three times the traffic for five seconds, from now.
pub static SPIKE: Action = Action {
    id: "spike",
    label: |_| "Traffic spike ×3 for 5 s",
    changes: |_, s| {
        vec![("spike_at", format!("{}", s.time)), ("spike_len", "5".into()), ("spike_factor", "3".into())]
    },
};

/// Empty the cache now, as a restart would.
pub static FLUSH_CACHE: Action = Action {
    id: "clear-cache",
    label: |_| "Flush the cache",
    changes: |_, s| vec![("clear_at", format!("{}", s.time))],
};

// Theory rows.
pub static UTILIZATION_ROW: TheoryRow = TheoryRow {
    label: "utilization",
    predicted: |p| p.utilization,
    measured: |r| r.utilization,
    format: Format::Percent,
};
pub static WAIT_ROW: TheoryRow = TheoryRow {
    label: "mean wait",
    predicted: |p| p.mean_wait,
    measured: |r| r.mean_wait,
    format: Format::Duration,
};
pub static HIGH_WAIT_ROW: TheoryRow = TheoryRow {
    label: "high class: mean wait",
    predicted: |p| p.classes.first().map(|c| c.mean_wait),
    measured: |r| r.metric("high_mean_wait").unwrap_or(0.0),
    format: Format::Duration,
};
pub static LOW_WAIT_ROW: TheoryRow = TheoryRow {
    label: "low class: mean wait",
    predicted: |p| p.classes.get(1).map(|c| c.mean_wait),
    measured: |r| r.metric("low_mean_wait").unwrap_or(0.0),
    format: Format::Duration,
};
pub static P99_ROW: TheoryRow =
    TheoryRow { label: "p99 latency", predicted: |p| p.p99, measured: |r| r.p99, format: Format::Duration };
pub static TIMED_OUT_ROW: TheoryRow = TheoryRow {
    label: "share timed out",
    predicted: |p| p.timed_out_ratio,
    measured: |r| if r.arrivals == 0 { 0.0 } else { r.timed_out as f64 / r.arrivals as f64 },
    format: Format::Percent,
};
pub static LATENCY_ROW: TheoryRow = TheoryRow {
    label: "mean latency",
    predicted: |p| p.mean_latency,
    measured: |r| r.mean_latency,
    format: Format::Duration,
};
pub static IN_SYSTEM_ROW: TheoryRow = TheoryRow {
    label: "mean in system",
    predicted: |p| p.mean_in_system,
    measured: |r| r.mean_in_system,
    format: Format::Decimal(2),
};
pub static DROPPED_ROW: TheoryRow = TheoryRow {
    label: "share dropped",
    predicted: |p| p.drop_ratio,
    measured: |r| if r.arrivals == 0 { 0.0 } else { r.dropped as f64 / r.arrivals as f64 },
    format: Format::Percent,
};
pub static PASSED_ROW: TheoryRow = TheoryRow {
    label: "passed per second",
    predicted: |p| p.admitted_rate,
    measured: |r| r.throughput,
    format: Format::Rate,
};
pub static HIT_RATIO_ROW: TheoryRow = TheoryRow {
    label: "hit ratio",
    predicted: |p| p.hit_ratio,
    measured: |r| r.hit_ratio,
    format: Format::Percent,
};
pub static ATTEMPTS_ROW: TheoryRow = TheoryRow {
    label: "attempts per request",
    predicted: |p| p.mean_attempts,
    measured: |r| r.mean_attempts,
    format: Format::Decimal(2),
};
pub static STALE_ROW: TheoryRow = TheoryRow {
    label: "stale share of reads",
    predicted: |p| p.stale_ratio,
    measured: |r: &Report| r.metric("stale_ratio").unwrap_or(0.0),
    format: Format::Percent,
};

/// Every row; the note shows those the prediction has a figure for.
pub static ALL_ROWS: &[&TheoryRow] = &[
    &UTILIZATION_ROW,
    &WAIT_ROW,
    &HIGH_WAIT_ROW,
    &LOW_WAIT_ROW,
    &LATENCY_ROW,
    &P99_ROW,
    &IN_SYSTEM_ROW,
    &DROPPED_ROW,
    &TIMED_OUT_ROW,
    &PASSED_ROW,
    &HIT_RATIO_ROW,
    &ATTEMPTS_ROW,
    &STALE_ROW,
];

/// Every row but utilization (a cache's prediction gives the database's load, which the run
/// does not measure the same way).
pub static ROWS_BUT_UTILIZATION: &[&TheoryRow] = &[
    &WAIT_ROW,
    &LATENCY_ROW,
    &IN_SYSTEM_ROW,
    &DROPPED_ROW,
    &PASSED_ROW,
    &HIT_RATIO_ROW,
    &ATTEMPTS_ROW,
    &STALE_ROW,
];

/// A theory note from a formula on `footing`, comparing every row it predicts.
pub const fn theory(predict: fn(&Scenario) -> Option<Prediction>, footing: Footing) -> Theory {
    Theory { predict, rows: ALL_ROWS, footing }
}

/// Requests per unit of time the workers can serve: the sum of their speeds over the mean work.
pub fn service_capacity(s: &Scenario) -> f64 {
    let speed: f64 =
        (0..s.servers.count as usize).map(|i| s.service.speeds.get(i).copied().unwrap_or(1.0)).sum();
    speed / s.service.mean.max(1e-9)
}

/// `v` rounded to `digits` significant digits.
pub fn round_sig(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// No checks between a kind's own keys.
pub fn no_check(_: &mut Scenario, _: &mut Vec<crate::scenario::Problem>) {}
