//! `calls`: a request through a tree of services, level by level; sync and async edges,
//! retries, timeouts, a deadline, a retry budget, and an outage of one level.

use super::parts::*;
use super::{
    Action, Axis, Chart, Descriptor, Drawing, Family, Footing, Format, Group, Line, Readout, Sweep,
    SweepLine, Theory, TheoryRow, Tone, Units,
};
use crate::scenario::Scenario;
use crate::scenario::keys::*;
use crate::sim::kernel::Engine;
use crate::sim::models::calls::{self, Calls};
use crate::sim::snapshot::Snapshot;
use crate::sim::theory;

pub const SUCCESS_RATIO: Readout =
    Readout { metric: "success_ratio", label: "succeeded", format: Format::Percent };
pub const AMPLIFICATION: Readout =
    Readout { metric: "amplification", label: "amplification", format: Format::Decimal(2) };
pub const DEADLINE_EXCEEDED: Readout =
    Readout { metric: "deadline_exceeded", label: "past the deadline", format: Format::Count };
pub const CANCELLED: Readout =
    Readout { metric: "cancelled", label: "attempts cancelled", format: Format::Count };
pub const BACKLOG: Readout = Readout { metric: "backlog", label: "async backlog", format: Format::Count };
pub const MAX_BACKLOG: Readout =
    Readout { metric: "max_backlog", label: "largest async backlog", format: Format::Count };
pub const BACKLOG_SHED: Readout =
    Readout { metric: "backlog_shed", label: "messages shed (backlog full)", format: Format::Count };
pub const RESPONSE_P99: Readout =
    Readout { metric: "response_p99", label: "p99 answer, failures included", format: Format::Duration };
pub const DRAIN_TIME: Readout =
    Readout { metric: "drain_time", label: "time to drain after the outage", format: Format::Duration };
pub const SLOWEST: Readout =
    Readout { metric: "slowest", label: "slowest request", format: Format::Duration };

/// Whether the level an outage stops is down in the run as drawn.
fn consumer_down(s: &Snapshot) -> bool {
    // Only the outage level is ever down.
    s.calls().is_some_and(|scene| scene.levels.iter().any(|l| l.down))
}

/// Stop the outage level's workers from now on, or start them again.
pub static STOP_CONSUMER: Action = Action {
    id: "stop-consumer",
    label: |s| if consumer_down(s) { "Restart consumer" } else { "Stop consumer" },
    changes: |scenario: &Scenario, s| {
        let now = s.time;
        if consumer_down(s) {
            let started = scenario.servers.outage_at.unwrap_or(0.0);
            vec![("outage_len", format!("{}", (now - started).max(0.001)))]
        } else {
            vec![("outage_at", format!("{now}")), ("outage_len", "1e6".into())]
        }
    },
};

pub static BACKLOG_CHART: Chart = Chart {
    id: "chart-backlog",
    title: "Async backlog and requests in flight",
    description: "Line chart of the messages waiting at async levels, and of the requests in flight, averaged over each interval of simulated time",
    axis: Axis::Level("requests"),
    lines: &[
        Line { name: "async backlog", series: "waiting", tone: Tone::Accent, dashed: false },
        Line { name: "in flight", series: "in_system", tone: Tone::Warm, dashed: true },
    ],
    shown: |s| s.calls.async_levels.is_some(),
};

pub static SUCCESS_ROW: TheoryRow = TheoryRow {
    label: "requests that succeed",
    predicted: |p| p.success_ratio,
    measured: |r| r.metric("success_ratio").unwrap_or(0.0),
    format: Format::Percent,
};
pub static AMPLIFICATION_ROW: TheoryRow = TheoryRow {
    label: "deepest-level attempts per request",
    predicted: |p| p.amplification,
    measured: |r| r.metric("amplification").unwrap_or(0.0),
    format: Format::Decimal(2),
};
pub static BACKLOG_ROW: TheoryRow = TheoryRow {
    label: "largest async backlog",
    predicted: |p| p.max_backlog,
    measured: |r| r.metric("max_backlog").unwrap_or(0.0),
    format: Format::Count,
};
pub static DRAIN_ROW: TheoryRow = TheoryRow {
    label: "time to drain the backlog",
    predicted: |p| p.drain_time,
    measured: |r| r.metric("drain_time").unwrap_or(0.0),
    format: Format::Duration,
};
static ROWS: &[&TheoryRow] = &[&SUCCESS_ROW, &AMPLIFICATION_ROW, &BACKLOG_ROW, &DRAIN_ROW];

/// Runs in the sweep.
const POINTS: usize = 11;

/// Success against the failure chance of one attempt (the same at every level): how fast a
/// tree of calls loses availability, with theory's line beside it.
pub static FAILURE: Sweep = Sweep {
    key: "hop_fail",
    values: |_| (0..POINTS).map(|i| format!("{}", (i * 5) as f64 / 100.0)).collect(),
    x: |s| s.calls.hop_fail.at(0) * 100.0,
    x_desc: "failure chance of one attempt (%)",
    axis: Axis::Percent("requests that succeed (%)"),
    lines: &[SweepLine { name: "succeeded", metric: "success_ratio", tone: Tone::Accent }],
    theory: Some(("theory", |p| p.success_ratio)),
    label: |s, r, finished| {
        let x = s.calls.hop_fail.at(0) * 100.0;
        let success = r.metric("success_ratio").unwrap_or(0.0) * 100.0;
        let cut = if finished { "" } else { " (cut short)" };
        (
            format!("{x:.0} %"),
            format!(
                "Open the run where each attempt fails with {x:.0} %: {success:.1} % of requests succeed{cut}"
            ),
        )
    },
    intro: |n| {
        format!(
            "Runs this scenario at {n} failure chances per attempt, the same at every level, from 0 to 50 %."
        )
    },
    chart_label: |n| {
        format!(
            "Sweep chart: the share of requests that succeed against the failure chance of one attempt, for {n} runs. Use the buttons below to open a run."
        )
    },
};

pub static CALLS: Descriptor = Descriptor {
    name: "calls",
    summary: "a request through a tree of services, with retries, timeouts and a deadline",
    keys: &[
        Group { name: "run", keys: RUN_KEYS },
        Group { name: "arrivals", keys: ARRIVAL_KEYS },
        Group {
            name: "calls",
            keys: &[
                &DEPTH,
                &FANOUT,
                &HOP_TIME,
                &HOP_FAIL,
                &HOP_RETRIES,
                &HOP_TIMEOUT,
                &REPLICAS_CALLS,
                &DEADLINE,
                &RETRY_BUDGET,
                &ASYNC,
            ],
        },
        Group { name: "outage", keys: &[&OUTAGE_AT, &OUTAGE_LEN, &OUTAGE_LEVEL] },
    ],
    controls: &["depth", "hop_fail", "hop_retries"],
    actions: &[&STOP_CONSUMER],
    charts: &[&RETRIES_CHART, &LATENCY_CHART, &BACKLOG_CHART],
    readouts: &[
        ARRIVALS,
        COMPLETED,
        SUCCESS_RATIO,
        AMPLIFICATION,
        FAILED,
        DEADLINE_EXCEEDED,
        ATTEMPTS,
        CANCELLED,
        BACKLOG,
        MAX_BACKLOG,
        BACKLOG_SHED,
        LATENCY,
        P99,
        RESPONSE_P99,
        SLOWEST,
        DRAIN_TIME,
        THROUGHPUT,
    ],
    key_readouts: &["success_ratio", "amplification", "p99", "backlog"],
    sweep: Some(&FAILURE),
    compare: None,
    theory: Some(Theory { predict: |s| Some(theory::calls::calls(s)), rows: ROWS, footing: Footing::Own }),
    units: Units::REQUESTS,
    drawing: Drawing::CallTree,
    model: Family::Timed(|s| Box::new(Engine::new(Calls::new(s)))),
    check: calls::check,
};
