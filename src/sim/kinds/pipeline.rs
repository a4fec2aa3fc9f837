//! `pipeline`: the whole request path at once: clients → rate limiter → load balancer →
//! servers → cache → database, with retries.

use super::parts::*;
use super::{Descriptor, Drawing, Family, Group, Units};
use crate::scenario::keys::*;
use crate::sim::models::requests::{Servers, Stages, Switch};

pub static PIPELINE: Descriptor = Descriptor {
    name: "pipeline",
    summary: "the whole chain: limiter, balancer, servers, cache and database, with retries",
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
                &HEALTH_INTERVAL,
            ],
        },
        Group { name: "balancer", keys: &[&LB_POLICY, &VNODES] },
        Group { name: "keys", keys: &[&KEY_COUNT, &ZIPF, &WRITE_RATIO] },
        Group {
            name: "cache",
            keys: &[
                &CACHE_POLICY,
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
        Group { name: "limiter", keys: &[&LIMITER_ON, &ALGORITHM, &LIMIT, &BURST, &WINDOW] },
        Group { name: "retries", keys: &[&MAX_RETRIES, &BACKOFF_BASE, &BACKOFF_CAP, &JITTER, &RETRY_BUDGET] },
    ],
    controls: &["rate", "servers", "capacity"],
    actions: &[&KILL_SERVER, &SPIKE, &FLUSH_CACHE],
    charts: &[&LATENCY_CHART, &OUTCOMES_CHART, &HIT_RATIO_IF_CACHED],
    readouts: &[
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
    key_readouts: &["throughput", "dropped", "hit_ratio", "p99"],
    sweep: None,
    compare: None,
    theory: None,
    units: Units::REQUESTS,
    drawing: Drawing::Path,
    model: Family::Requests(Stages {
        servers: Servers::Balanced,
        keyed: true,
        limiter: Switch::ByKey,
        retries: true,
        data: true,
        ..Stages::QUEUE
    }),
    check: no_check,
};
