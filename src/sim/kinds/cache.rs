//! `cache`: a cache in front of a database, read by keys of Zipf popularity. The sweep varies
//! the cache's size from 1 % to 100 % of the keys: hit ratio against size.

use super::parts::*;
use super::{
    Axis, Compare, Descriptor, Drawing, Family, Footing, Group, Sweep, SweepLine, Theory, Tone, Units,
};
use crate::scenario::keys::*;
use crate::sim::models::requests::{Servers, Stages};
use crate::sim::theory::{Basis, caches};

/// Runs in a sweep.
const POINTS: usize = 12;

pub static CACHE: Descriptor = Descriptor {
    name: "cache",
    summary: "a cache in front of a database, under keys of uneven popularity",
    keys: &[
        Group { name: "run", keys: RUN_KEYS },
        Group { name: "arrivals", keys: ARRIVAL_KEYS },
        Group { name: "keys", keys: &[&KEY_COUNT, &ZIPF, &WRITE_RATIO] },
        Group {
            name: "cache",
            keys: &[
                &POLICY_CACHE,
                &CAPACITY,
                &TTL,
                &TTL_MODE,
                &TTL_JITTER,
                &WARM,
                &COALESCE,
                &READ_POLICY,
                &WRITE_POLICY,
                &FLUSH_DELAY,
                &CLEAR_AT,
                &HIT_TIME,
                &DB_TIME,
                &DB_SERVERS,
            ],
        },
    ],
    controls: &["policy", "capacity", "zipf"],
    actions: &[&SPIKE, &FLUSH_CACHE],
    charts: &[&HIT_RATIO_CHART, &LATENCY_CHART],
    readouts: &[ARRIVALS, COMPLETED, HIT_RATIO, DB_READS, STALE, LATENCY, P50, P95, P99],
    key_readouts: &["hit_ratio", "db_reads", "p99"],
    sweep: Some(&SIZE),
    compare: Some(&Compare { key: "policy", rows: &[HIT_RATIO, DB_READS, LATENCY, P99] }),
    // Che's approximation and its kin.
    theory: Some(Theory {
        predict: |s| Some(caches::cache(s)),
        rows: ROWS_BUT_UTILIZATION,
        footing: Footing::Always(Basis::Approximation),
    }),
    units: Units::REQUESTS,
    drawing: Drawing::Slots,
    model: Family::Requests(Stages { servers: Servers::None, keyed: true, data: true, ..Stages::QUEUE }),
    check: no_check,
};

/// Hit ratio against the cache's size.
pub static SIZE: Sweep = Sweep {
    key: "capacity",
    values: |s| {
        let keys = s.keys.count.max(1) as f64;
        let mut sizes: Vec<u64> = (0..POINTS)
            .map(|i| {
                let fraction = 0.01 + (1.0 - 0.01) * i as f64 / (POINTS - 1) as f64;
                (fraction * keys).round().max(1.0) as u64
            })
            .collect();
        sizes.dedup();
        sizes.iter().map(u64::to_string).collect()
    },
    x: |s| s.cache.capacity as f64 / s.keys.count.max(1) as f64 * 100.0,
    x_desc: "cache size (% of keys)",
    axis: Axis::Percent("hits (%)"),
    lines: &[SweepLine { name: "hit ratio", metric: "hit_ratio", tone: Tone::Good }],
    theory: Some(("theory: hit ratio", |p| p.hit_ratio)),
    label: |s, r, finished| {
        let x = s.cache.capacity as f64 / s.keys.count.max(1) as f64 * 100.0;
        let cut = if finished { "" } else { " (cut short)" };
        (
            format!("{}", s.cache.capacity),
            format!(
                "Open the run with {} cache entries ({x:.0} % of keys): hit ratio {:.1} %{cut}",
                s.cache.capacity,
                r.hit_ratio * 100.0
            ),
        )
    },
    intro: |n| format!("Runs this scenario at {n} cache sizes, from 1 % to 100 % of the keys."),
    chart_label: |n| {
        format!(
            "Sweep chart: cache hit ratio against cache size for {n} runs. Use the buttons below to open a run."
        )
    },
};
