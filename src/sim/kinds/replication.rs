//! `replication`: a primary and read replicas applying its log after a lag; a partition.

use super::parts::*;
use super::{Descriptor, Drawing, Family, Footing, Group, Units};
use crate::scenario::keys::*;
use crate::sim::kernel::Engine;
use crate::sim::models::replication::Replication;
use crate::sim::theory::{self, Basis};

pub static REPLICATION: Descriptor = Descriptor {
    name: "replication",
    summary: "a primary and replicas that apply its writes after a lag",
    keys: &[
        Group { name: "run", keys: RUN_KEYS },
        Group { name: "arrivals", keys: ARRIVAL_KEYS },
        Group { name: "keys", keys: &[&KEY_COUNT, &ZIPF, &WRITE_RATIO] },
        Group {
            name: "replication",
            keys: &[&REPLICAS, &LAG, &READ_FROM, &PARTITION_AT, &PARTITION_LEN, &ON_PARTITION],
        },
    ],
    controls: &["lag", "replicas"],
    actions: &[&SPIKE],
    charts: &[&SERVED_CHART],
    readouts: &[ARRIVALS, COMPLETED, STALE, STALE_RATIO, REFUSED, LATENCY, P99],
    key_readouts: &["stale_reads", "stale_ratio", "refused"],
    sweep: None,
    compare: None,
    // A model of the lag that leaves out the order replicas apply writes in.
    theory: Some(theory(|s| Some(theory::replication(s)), Footing::Always(Basis::Approximation))),
    units: Units::REQUESTS,
    drawing: Drawing::Replicas,
    model: Family::Timed(|s| Box::new(Engine::new(Replication::new(s)))),
    check: no_check,
};
