//! Checks between keys, after each key has been read and clamped on its own.

use super::Problem;
use super::fields::Scenario;

/// Corrects combinations of keys that cannot hold together, saying what was changed: the
/// kind's own checks (its descriptor's), then those between keys several kinds share.
pub fn cross_check(scenario: &mut Scenario, problems: &mut Vec<Problem>) {
    (scenario.kind.descriptor().check)(scenario, problems);
    let outage_server = scenario.servers.outage_server;
    if scenario.servers.outage_at.is_some() && outage_server >= scenario.servers.count {
        let last = scenario.servers.count - 1;
        problems.push(Problem::new(
            "outage_server",
            format!("{outage_server} is not a server (they are numbered 0 to {last}); used {last}"),
        ));
        scenario.servers.outage_server = last;
    }
    let speeds = scenario.service.speeds.len() as u64;
    if speeds > scenario.servers.count {
        problems.push(Problem::new(
            "speeds",
            format!(
                "lists {speeds} speeds for {} servers; the extra ones are unused",
                scenario.servers.count
            ),
        ));
        scenario.service.speeds.truncate(scenario.servers.count as usize);
    }
}
