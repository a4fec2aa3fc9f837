//! `delivery`: changes from a developer to production, through review, CI, merge, batched
//! deploys and the failures they bring, in hours. Reports the four DORA figures.

use super::parts::no_check;
use super::{
    Axis, Chart, Compare, Descriptor, Drawing, Family, Footing, Format, Group, Line, Readout, Theory,
    TheoryRow, TimeUnit, Tone, Units,
};
use crate::scenario::Scenario;
use crate::scenario::keys::*;
use crate::sim::kernel::Engine;
use crate::sim::models::delivery::Delivery;
use crate::sim::theory;

/// A theory row for the report figure `$metric`, predicted under the same name.
macro_rules! row {
    ($label:literal, $metric:literal, $format:expr) => {
        TheoryRow {
            label: $label,
            predicted: |p| p.figure($metric),
            measured: |r| r.metric($metric).unwrap_or(0.0),
            format: $format,
        }
    };
}

pub static THEORY_ROWS: &[&TheoryRow] = &[
    &row!("reviewers busy", "reviewer_utilization", Format::Percent),
    &row!("wait for a reviewer (Erlang C)", "review_wait", Format::Duration),
    &row!("CI runs red by flakes alone", "false_red_ratio", Format::Percent),
    &row!("change failure rate, 1 − (1 − q)^b", "change_failure_rate", Format::Percent),
    &row!("builds to bisect, ⌈log₂ b⌉", "bisect_steps", Format::Decimal(1)),
    &row!("branches that conflict", "conflict_ratio", Format::Percent),
    &row!("defects reaching production a week", "escaped_per_week", Format::Decimal(2)),
    &row!("deploys per day", "deployment_frequency", Format::Decimal(1)),
    &row!("time to restore", "time_to_restore", Format::Duration),
];

/// Changes, timed in hours.
pub const CHANGES_UNITS: Units = Units { item: "change", items: "changes", time: TimeUnit::Hour };

pub const DEPLOY_FREQUENCY: Readout =
    Readout { metric: "deployment_frequency", label: "deploys per day", format: Format::Decimal(1) };
pub const LEAD_TIME: Readout = Readout { metric: "lead_time", label: "lead time", format: Format::Duration };
pub const FAILURE_RATE: Readout =
    Readout { metric: "change_failure_rate", label: "change failure rate", format: Format::Percent };
pub const RESTORE: Readout =
    Readout { metric: "time_to_restore", label: "time to restore", format: Format::Duration };
pub const REVIEWER_UTILIZATION: Readout =
    Readout { metric: "reviewer_utilization", label: "reviewers busy", format: Format::Percent };
pub const REVIEW_WAIT: Readout =
    Readout { metric: "review_wait", label: "wait for a reviewer", format: Format::Duration };
pub const FALSE_REDS: Readout =
    Readout { metric: "false_reds", label: "false reds (flaky tests)", format: Format::Count };
pub const FALSE_RED_RATIO: Readout =
    Readout { metric: "false_red_ratio", label: "CI runs red by flakes alone", format: Format::Percent };
pub const CONFLICTS: Readout =
    Readout { metric: "conflicts", label: "merge conflicts", format: Format::Count };
pub const ESCAPED: Readout =
    Readout { metric: "escaped_defects", label: "defects that reached production", format: Format::Count };
pub const STARTED: Readout = Readout { metric: "arrivals", label: "changes started", format: Format::Count };
pub const DEPLOYED: Readout =
    Readout { metric: "completed", label: "changes deployed", format: Format::Count };
pub const DEPLOYS: Readout = Readout { metric: "deploys", label: "deploys", format: Format::Count };
pub const BISECT: Readout =
    Readout { metric: "bisect_steps", label: "builds to bisect a failed batch", format: Format::Decimal(1) };
pub const IN_PIPELINE: Readout =
    Readout { metric: "mean_in_system", label: "changes in the pipeline (mean)", format: Format::Decimal(1) };

fn always(_: &Scenario) -> bool {
    true
}

pub static LEAD_TIME_CHART: Chart = Chart {
    id: "chart-latency",
    title: "Lead time over time",
    description: "Line chart of lead time against simulated hours: the p50, p95 and p99 of the changes deployed in each interval",
    axis: Axis::Duration,
    lines: &[
        Line { name: "p50", series: "p50", tone: Tone::Accent, dashed: false },
        Line { name: "p95", series: "p95", tone: Tone::Warm, dashed: false },
        Line { name: "p99", series: "p99", tone: Tone::Bad, dashed: false },
    ],
    shown: always,
};

pub static PIPELINE_CHART: Chart = Chart {
    id: "chart-queue",
    title: "Changes in the pipeline",
    description: "Line chart of the average number of changes waiting for a reviewer, and in the whole pipeline, in each interval of simulated hours",
    axis: Axis::Level("changes"),
    lines: &[
        Line { name: "waiting for review", series: "waiting", tone: Tone::Accent, dashed: false },
        Line { name: "in the pipeline", series: "in_system", tone: Tone::Warm, dashed: false },
    ],
    shown: always,
};

pub static FLOW_CHART: Chart = Chart {
    id: "chart-throughput",
    title: "Changes started and deployed",
    description: "Line chart of changes per simulated hour in each interval: started by developers and deployed to production",
    axis: Axis::Rate,
    lines: &[
        Line { name: "started", series: "arrivals", tone: Tone::Accent, dashed: false },
        Line { name: "deployed", series: "completed", tone: Tone::Good, dashed: false },
    ],
    shown: always,
};

/// Feature flags on against off, on the same changes and the same defects.
pub static FLAGS_COMPARE: Compare =
    Compare { key: "flags", rows: &[LEAD_TIME, FAILURE_RATE, RESTORE, DEPLOY_FREQUENCY, DEPLOYED] };

pub static DELIVERY: Descriptor = Descriptor {
    name: "delivery",
    summary: "changes from a developer through review, CI and deploys to production",
    keys: &[
        Group { name: "run", keys: &[&SEED, &CHANGES, &DURATION, &WARMUP, &BUCKET] },
        Group {
            name: "delivery",
            keys: &[
                &DEVELOPERS,
                &CHANGE_RATE,
                &AI_FACTOR,
                &REVIEWERS,
                &REVIEW_TIME,
                &REVIEW_CATCH,
                &TESTS,
                &FLAKE,
                &RERUNS,
                &TEST_CATCH,
                &CI_TIME,
                &BRANCH_DAYS,
                &OVERLAP,
                &BATCH,
                &DEFECT_PROB,
                &DETECT_TIME,
                &RESTORE_TIME,
                &FLAGS,
            ],
        },
    ],
    controls: &["change_rate", "reviewers", "batch", "flake"],
    actions: &[],
    charts: &[&LEAD_TIME_CHART, &PIPELINE_CHART, &FLOW_CHART],
    readouts: &[
        DEPLOY_FREQUENCY,
        LEAD_TIME,
        FAILURE_RATE,
        RESTORE,
        REVIEWER_UTILIZATION,
        REVIEW_WAIT,
        FALSE_REDS,
        FALSE_RED_RATIO,
        CONFLICTS,
        ESCAPED,
        BISECT,
        STARTED,
        DEPLOYED,
        DEPLOYS,
        IN_PIPELINE,
    ],
    key_readouts: &["lead_time", "deployment_frequency", "change_failure_rate", "time_to_restore"],
    sweep: None,
    compare: Some(&FLAGS_COMPARE),
    theory: Some(Theory {
        predict: |s| Some(theory::delivery::delivery(s)),
        rows: THEORY_ROWS,
        footing: Footing::Own,
    }),
    units: CHANGES_UNITS,
    drawing: Drawing::Delivery,
    model: Family::Timed(|s| Box::new(Engine::new(Delivery::new(s)))),
    check: no_check,
};
