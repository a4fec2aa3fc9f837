//! `balancer`: a load balancer spreading requests over servers, each with its own queue.

use super::parts::*;
use super::{Compare, Descriptor, Drawing, Family, Footing, Group, Units};
use crate::scenario::keys::*;
use crate::sim::models::requests::{Servers, Stages};
use crate::sim::theory::queues;

pub static BALANCER: Descriptor = Descriptor {
    name: "balancer",
    summary: "a load balancer in front of servers that each have their own queue",
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
                &HEALTH_INTERVAL,
            ],
        },
        Group { name: "balancer", keys: &[&POLICY_BALANCER, &VNODES] },
        Group { name: "keys", keys: &[&KEY_COUNT, &ZIPF] },
    ],
    controls: &["policy", "rate", "servers"],
    actions: &[&KILL_SERVER, &SPIKE],
    charts: &[&LATENCY_CHART, &THROUGHPUT_CHART],
    readouts: &[ARRIVALS, COMPLETED, DROPPED, TIMED_OUT, THROUGHPUT, UTILIZATION, LATENCY, P50, P95, P99],
    key_readouts: &["p99", "dropped", "utilization"],
    sweep: None,
    compare: Some(&Compare { key: "policy", rows: &[LATENCY, P99, DROPPED, TIMED_OUT] }),
    theory: Some(theory(queues::balanced, Footing::Own)),
    units: Units::REQUESTS,
    drawing: Drawing::Path,
    model: Family::Requests(Stages { servers: Servers::Balanced, keyed: true, ..Stages::QUEUE }),
    check: no_check,
};
