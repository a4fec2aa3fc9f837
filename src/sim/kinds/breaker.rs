//! `breaker`: a circuit breaker that stops calling a failing server for a while.

use super::parts::*;
use super::{Descriptor, Drawing, Family, Group, Units};
use crate::scenario::keys::*;
use crate::sim::models::requests::Stages;

pub static BREAKER: Descriptor = Descriptor {
    name: "breaker",
    summary: "a circuit breaker that stops calling a failing server for a while",
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
                &FAIL_PROB,
                &OUTAGE_AT,
                &OUTAGE_LEN,
                &OUTAGE_SERVER,
            ],
        },
        Group { name: "breaker", keys: &[&BREAKER_FAILURES, &BREAKER_OPEN, &BREAKER_PROBES] },
    ],
    controls: &["fail_prob", "rate"],
    actions: &[&KILL_SERVER, &SPIKE],
    charts: &[&REJECTIONS_CHART, &LATENCY_CHART],
    readouts: &[ARRIVALS, COMPLETED, FAILED, DROPPED, TIMED_OUT, OPENED, LATENCY, P99],
    key_readouts: &["failed", "breaker_opened", "p99"],
    sweep: None,
    compare: None,
    theory: None,
    units: Units::REQUESTS,
    drawing: Drawing::Path,
    model: Family::Requests(Stages { breaker: true, ..Stages::QUEUE }),
    check: no_check,
};
