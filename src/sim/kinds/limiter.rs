//! `limiter`: a rate limiter in front of a queue.

use super::parts::*;
use super::{Descriptor, Drawing, Family, Footing, Group, Units};
use crate::scenario::keys::*;
use crate::sim::models::requests::{Stages, Switch};
use crate::sim::theory::{self, Basis};

pub static LIMITER: Descriptor = Descriptor {
    name: "limiter",
    summary: "a rate limiter turning away what exceeds its limit",
    keys: &[
        Group { name: "run", keys: RUN_KEYS },
        Group { name: "arrivals", keys: ARRIVAL_KEYS },
        Group { name: "service", keys: &[&SERVICE_TIME, &SERVICE_DIST, &SIGMA, &SPEEDS] },
        Group { name: "servers", keys: &[&SERVER_COUNT, &QUEUE_CAP, &DISCIPLINE, &HIGH_SHARE, &TIMEOUT] },
        Group { name: "limiter", keys: &[&ALGORITHM, &LIMIT, &BURST, &WINDOW] },
    ],
    controls: &["algorithm", "limit", "rate"],
    actions: &[&SPIKE],
    charts: &[&REJECTIONS_CHART, &LATENCY_CHART],
    readouts: &[ARRIVALS, COMPLETED, LIMITED, THROUGHPUT, LATENCY, P95, P99],
    key_readouts: &["limited", "throughput", "p99"],
    sweep: None,
    compare: None,
    // A long-run bound.
    theory: Some(theory(|s| Some(theory::limiter(s)), Footing::Always(Basis::Approximation))),
    units: Units::REQUESTS,
    drawing: Drawing::Path,
    model: Family::Requests(Stages { limiter: Switch::On, ..Stages::QUEUE }),
    check: no_check,
};
