//! `retries`: failing requests retried with backoff and jitter.

use super::parts::{self, *};
use super::{Descriptor, Drawing, Family, Footing, Group, Units};
use crate::scenario::keys::*;
use crate::sim::models::requests::Stages;
use crate::sim::theory;

pub static RETRIES: Descriptor = Descriptor {
    name: "retries",
    summary: "failed requests retried after a backoff",
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
        Group { name: "retries", keys: &[&MAX_RETRIES, &BACKOFF_BASE, &BACKOFF_CAP, &JITTER, &RETRY_BUDGET] },
    ],
    controls: &["max_retries", "jitter", "fail_prob"],
    actions: &[&KILL_SERVER, &SPIKE],
    charts: &[&RETRIES_CHART, &LATENCY_CHART],
    readouts: &[ARRIVALS, COMPLETED, FAILED, TIMED_OUT, parts::RETRIES, ATTEMPTS, DEAD, WASTED, LATENCY, P99],
    key_readouts: &["retries", "mean_attempts", "failed", "p99"],
    sweep: None,
    compare: None,
    theory: Some(theory(|s| Some(theory::retries(s)), Footing::Own)),
    units: Units::REQUESTS,
    drawing: Drawing::Path,
    model: Family::Requests(Stages { retries: true, ..Stages::QUEUE }),
    check: no_check,
};
