//! The numbers beside a run, with the closed-form prediction where one exists.

use leptos::prelude::*;

use super::WidgetState;
use crate::{scenario::Kind, sim::Report};

/// One readout: a label, how to read it from a report, and how to show it.
struct Readout {
    id: &'static str,
    label: &'static str,
    value: fn(&Report) -> String,
}

/// Seconds as the learner reads them: `12.0 ms`, `1.25 s`, `42.0 s`.
pub fn format_seconds(seconds: f64) -> String {
    if seconds >= 10.0 {
        format!("{seconds:.1} s")
    } else if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else {
        format!("{:.1} ms", seconds * 1000.0)
    }
}

/// A count with thousands separators: `12,345`.
pub fn format_count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

const ARRIVALS: Readout = Readout { id: "arrivals", label: "arrived", value: |r| format_count(r.arrivals) };
const COMPLETED: Readout = Readout { id: "completed", label: "served", value: |r| format_count(r.completed) };
const DROPPED: Readout = Readout { id: "dropped", label: "dropped", value: |r| format_count(r.dropped) };
const TIMED_OUT: Readout =
    Readout { id: "timed_out", label: "timed out", value: |r| format_count(r.timed_out) };
const THROUGHPUT: Readout =
    Readout { id: "throughput", label: "throughput", value: |r| format!("{:.1}/s", r.throughput) };
const WAIT: Readout = Readout { id: "mean_wait", label: "mean wait", value: |r| format_seconds(r.mean_wait) };
const LATENCY: Readout =
    Readout { id: "mean_latency", label: "mean latency", value: |r| format_seconds(r.mean_latency) };
const P50: Readout = Readout { id: "p50", label: "p50", value: |r| format_seconds(r.p50) };
const P95: Readout = Readout { id: "p95", label: "p95", value: |r| format_seconds(r.p95) };
const P99: Readout = Readout { id: "p99", label: "p99", value: |r| format_seconds(r.p99) };
const UTILIZATION: Readout =
    Readout { id: "utilization", label: "utilization", value: |r| percent(r.utilization) };
const IN_SYSTEM: Readout =
    Readout { id: "mean_in_system", label: "mean in system", value: |r| format!("{:.2}", r.mean_in_system) };
const HIT_RATIO: Readout = Readout { id: "hit_ratio", label: "hit ratio", value: |r| percent(r.hit_ratio) };
const DB_READS: Readout =
    Readout { id: "db_reads", label: "database reads", value: |r| format_count(r.db_reads) };
const STALE: Readout =
    Readout { id: "stale_reads", label: "stale reads", value: |r| format_count(r.stale_reads) };
const RETRIES: Readout = Readout { id: "retries", label: "retries", value: |r| format_count(r.retries) };
const ATTEMPTS: Readout = Readout {
    id: "mean_attempts",
    label: "attempts per request",
    value: |r| format!("{:.2}", r.mean_attempts),
};
const DEAD: Readout =
    Readout { id: "dead_lettered", label: "dead-lettered", value: |r| format_count(r.dead_lettered) };
const FAILED: Readout = Readout { id: "failed", label: "failed", value: |r| format_count(r.failed) };
const LIMITED: Readout = Readout {
    id: "limited",
    label: "rejected by limiter",
    value: |r| format_count(r.metric("limited").unwrap_or(0.0) as u64),
};
const OPENED: Readout = Readout {
    id: "breaker_opened",
    label: "breaker opened",
    value: |r| format_count(r.metric("breaker_opened").unwrap_or(0.0) as u64),
};
const REFUSED: Readout = Readout {
    id: "refused",
    label: "reads refused",
    value: |r| format_count(r.metric("refused").unwrap_or(0.0) as u64),
};
const WASTED: Readout = Readout {
    id: "wasted_work",
    label: "work for clients who gave up",
    value: |r| format_seconds(r.wasted_work),
};
const STALE_RATIO: Readout = Readout {
    id: "stale_ratio",
    label: "stale share of reads",
    value: |r| percent(r.metric("stale_ratio").unwrap_or(0.0)),
};
const SERVERS: Readout = Readout {
    id: "mean_servers",
    label: "mean servers",
    value: |r| format!("{:.1}", r.metric("mean_servers").unwrap_or(0.0)),
};

fn readouts_for(kind: Kind) -> &'static [Readout] {
    match kind {
        Kind::Queue => &[
            ARRIVALS,
            COMPLETED,
            DROPPED,
            TIMED_OUT,
            THROUGHPUT,
            UTILIZATION,
            WAIT,
            LATENCY,
            P50,
            P95,
            P99,
            IN_SYSTEM,
        ],
        Kind::Balancer => {
            &[ARRIVALS, COMPLETED, DROPPED, TIMED_OUT, THROUGHPUT, UTILIZATION, LATENCY, P50, P95, P99]
        }
        Kind::Cache => &[ARRIVALS, COMPLETED, HIT_RATIO, DB_READS, STALE, LATENCY, P50, P95, P99],
        Kind::Limiter => &[ARRIVALS, COMPLETED, LIMITED, THROUGHPUT, LATENCY, P95, P99],
        Kind::Retries => {
            &[ARRIVALS, COMPLETED, FAILED, TIMED_OUT, RETRIES, ATTEMPTS, DEAD, WASTED, LATENCY, P99]
        }
        Kind::Breaker => &[ARRIVALS, COMPLETED, FAILED, DROPPED, TIMED_OUT, OPENED, LATENCY, P99],
        Kind::Replication => &[ARRIVALS, COMPLETED, STALE, STALE_RATIO, REFUSED, LATENCY, P99],
        Kind::Autoscale => &[ARRIVALS, COMPLETED, DROPPED, SERVERS, UTILIZATION, LATENCY, P95, P99],
        Kind::Pipeline => &[
            ARRIVALS,
            COMPLETED,
            DROPPED,
            TIMED_OUT,
            LIMITED,
            HIT_RATIO,
            DB_READS,
            THROUGHPUT,
            UTILIZATION,
            LATENCY,
            P95,
            P99,
        ],
        Kind::Hashing | Kind::Estimate => &[],
    }
}

/// The readouts for a run. `suffix` tells two side-by-side runs apart in test ids.
#[component]
pub fn Readouts(state: WidgetState, #[prop(optional)] suffix: &'static str) -> impl IntoView {
    let items = move || {
        let kind = state.scenario.with(|s| s.kind);
        readouts_for(kind)
            .iter()
            .map(|r| {
                let value = r.value;
                view! {
                    <div class="readout">
                        <dt>{r.label}</dt>
                        <dd data-testid=format!("readout-{}{suffix}", r.id)>{move || state.snapshot.with(|s| value(&s.report))}</dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <dl class="readouts">
            <div class="readout">
                <dt>"time"</dt>
                <dd data-testid=format!("readout-time{suffix}")>{move || format!("{:.2} s", state.snapshot.with(|s| s.time))}</dd>
            </div>
            {items}
        </dl>
    }
}
