//! `queue`: one queue in front of a pool of workers. The sweep varies the arrival rate from
//! 10 % to 98 % of what the workers can serve: latency against utilization.

use super::parts::*;
use super::{Axis, Descriptor, Drawing, Family, Footing, Group, Sweep, SweepLine, Tone, Units};
use crate::scenario::keys::*;
use crate::sim::kinds::format::format_seconds;
use crate::sim::models::requests::Stages;
use crate::sim::theory::queues;

/// Runs in a sweep.
const POINTS: usize = 12;

pub static QUEUE: Descriptor = Descriptor {
    name: "queue",
    summary: "requests waiting for a pool of workers",
    keys: &[
        Group { name: "run", keys: RUN_KEYS },
        Group { name: "arrivals", keys: ARRIVAL_KEYS },
        Group { name: "service", keys: &[&SERVICE_TIME, &SERVICE_DIST, &SIGMA, &SPEEDS] },
        Group {
            name: "servers",
            keys: &[
                &SERVER_COUNT,
                &QUEUE_CAP,
                &DISCIPLINE,
                &HIGH_SHARE,
                &TIMEOUT,
                &OUTAGE_AT,
                &OUTAGE_LEN,
                &OUTAGE_SERVER,
            ],
        },
    ],
    controls: &["rate", "servers", "service_time"],
    actions: &[&KILL_SERVER, &SPIKE],
    charts: &[&LATENCY_CHART, &QUEUE_CHART],
    readouts: &[
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
    key_readouts: &["utilization", "throughput", "p99"],
    sweep: Some(&LOAD),
    compare: None,
    theory: Some(theory(|s| Some(queues::shared_queue(s)), Footing::Own)),
    units: Units::REQUESTS,
    drawing: Drawing::Path,
    model: Family::Requests(Stages::QUEUE),
    check: no_check,
};

/// The hockey stick: latency as the arrival rate nears what the workers can serve.
pub static LOAD: Sweep = Sweep {
    key: "rate",
    values: |s| {
        let capacity = service_capacity(s);
        (0..POINTS)
            .map(|i| {
                let fraction = 0.10 + (0.98 - 0.10) * i as f64 / (POINTS - 1) as f64;
                format!("{}", round_sig(fraction * capacity, 3))
            })
            .collect()
    },
    x: |s| s.arrivals.rate / service_capacity(s) * 100.0,
    x_desc: "utilization (%)",
    axis: Axis::Duration,
    lines: &[
        SweepLine { name: "mean", metric: "mean_latency", tone: Tone::Accent },
        SweepLine { name: "p99", metric: "p99", tone: Tone::Warm },
    ],
    theory: Some(("theory: mean", |p| p.mean_latency)),
    label: |s, r, finished| {
        let x = s.arrivals.rate / service_capacity(s) * 100.0;
        let cut = if finished { "" } else { " (cut short)" };
        (
            format!("{x:.0} %"),
            format!(
                "Open the run at {x:.0} % utilization: mean latency {}, p99 {}{cut}",
                format_seconds(r.mean_latency),
                format_seconds(r.p99)
            ),
        )
    },
    intro: |n| {
        format!("Runs this scenario at {n} arrival rates, from 10 % to 98 % of what the workers can serve.")
    },
    chart_label: |n| {
        format!(
            "Sweep chart: mean and p99 latency against utilization for {n} runs. Use the buttons below to open a run."
        )
    },
};
