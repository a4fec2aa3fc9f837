//! `autoscale`: an autoscaler resizing a pool of workers to hold a target utilization.

use super::parts::*;
use super::{Descriptor, Drawing, Family, Footing, Group, Units};
use crate::scenario::keys::*;
use crate::scenario::{Problem, Scenario};
use crate::sim::models::requests::Stages;
use crate::sim::theory::{self, Basis};

pub static AUTOSCALE: Descriptor = Descriptor {
    name: "autoscale",
    summary: "an autoscaler adding and removing workers to hold a target utilization",
    keys: &[
        Group { name: "run", keys: RUN_KEYS },
        Group { name: "arrivals", keys: ARRIVAL_KEYS },
        Group { name: "service", keys: &[&SERVICE_TIME, &SERVICE_DIST, &SIGMA] },
        Group { name: "servers", keys: &[&SERVER_COUNT, &QUEUE_CAP, &DISCIPLINE, &HIGH_SHARE, &TIMEOUT] },
        Group {
            name: "autoscale",
            keys: &[&MIN_SERVERS, &MAX_SERVERS, &TARGET_UTIL, &SCALE_INTERVAL, &PROVISION_TIME],
        },
    ],
    controls: &["target_util", "provision_time"],
    actions: &[&SPIKE],
    charts: &[&WORKERS_CHART, &LATENCY_CHART],
    readouts: &[ARRIVALS, COMPLETED, DROPPED, MEAN_SERVERS, UTILIZATION, LATENCY, P95, P99],
    key_readouts: &["mean_servers", "utilization", "p99"],
    sweep: None,
    compare: None,
    // A sizing rule.
    theory: Some(theory(|s| Some(theory::autoscale(s)), Footing::Always(Basis::Approximation))),
    units: Units::REQUESTS,
    drawing: Drawing::Path,
    model: Family::Requests(Stages { autoscale: true, ..Stages::QUEUE }),
    check,
};

/// The pool's bounds hold together, and the run starts within them.
fn check(scenario: &mut Scenario, problems: &mut Vec<Problem>) {
    let servers = scenario.servers.count;
    let scale = &mut scenario.autoscale;
    if scale.max_servers < scale.min_servers {
        problems.push(Problem {
            key: "max_servers".into(),
            message: format!(
                "{} is below min_servers {}; used {}",
                scale.max_servers, scale.min_servers, scale.min_servers
            ),
        });
        scale.max_servers = scale.min_servers;
    }
    let start = servers.clamp(scale.min_servers, scale.max_servers);
    if start != servers {
        problems.push(Problem {
            key: "servers".into(),
            message: format!("{servers} is outside min_servers..max_servers; used {start}"),
        });
        scenario.servers.count = start;
    }
}
