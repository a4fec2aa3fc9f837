//! `contention`: writers doing read-modify-write on shared records, over imperfect delivery.

use super::parts::*;
use super::{Axis, Chart, Descriptor, Drawing, Family, Format, Group, Line, Readout, TimeUnit, Tone, Units};
use crate::scenario::Scenario;
use crate::scenario::keys::*;
use crate::sim::kernel::Engine;
use crate::sim::models::contention::Contention;

/// A write (one increment of a record), timed in seconds.
pub const WRITES: Units = Units { item: "write", items: "writes", time: TimeUnit::Second };

pub const FINAL_VALUE: Readout = Readout { metric: "final_value", label: "final value", format: Format::Count };
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
    sweep: None,
    compare: None,
    theory: None,
    units: WRITES,
    drawing: Drawing::Records,
    model: Family::Timed(|s| Box::new(Engine::new(Contention::new(s)))),
    check: no_check,
};
