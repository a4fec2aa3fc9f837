//! Consistent-hashing statistics (kind = hashing): how evenly `keys` keys, weighted by their
//! Zipf popularity, spread over a ring of `servers` nodes with `vnodes` virtual nodes each,
//! and how many keys move when one node joins, compared with `hash mod N` placement.

use serde::Serialize;

use crate::scenario::Scenario;
use crate::sim::ring::{Ring, expected_cv, mix64};
use crate::sim::zipf;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HashingReport {
    pub servers: u64,
    pub vnodes: u64,
    pub keys: u64,
    /// Each node's share of the ring (the keyspace).
    pub ring_shares: Vec<f64>,
    /// Each node's share of the requests, keys weighted by popularity.
    pub load_shares: Vec<f64>,
    /// Busiest node's load over the mean load.
    pub max_over_mean: f64,
    /// Spread of the ring shares: measured, and expected from theory.
    pub cv: f64,
    pub expected_cv: f64,
    /// Fraction of keys that change node when one node joins: on the ring, and with mod N.
    pub moved_on_join: f64,
    pub moved_mod_n: f64,
}

pub fn hashing(s: &Scenario) -> HashingReport {
    let servers = s.servers.count as u32;
    let vnodes = s.balancer.vnodes as u32;
    let keys = s.keys.count as u32;
    let ring = Ring::new(servers, vnodes, s.run.seed);
    let mut grown = ring.clone();
    grown.add_server();
    let shares = zipf::shares(keys, s.keys.zipf);
    let mut load_shares = vec![0.0; servers as usize];
    let (mut moved, mut moved_mod) = (0u32, 0u32);
    for key in 0..keys {
        let owner = ring.server_for(u64::from(key)).unwrap_or(0);
        if let Some(share) = load_shares.get_mut(owner as usize) {
            *share += shares[key as usize];
        }
        moved += u32::from(grown.server_for(u64::from(key)) != Some(owner));
        let h = mix64(u64::from(key));
        moved_mod += u32::from(h % u64::from(servers) != h % u64::from(servers + 1));
    }
    let mean = 1.0 / f64::from(servers.max(1));
    let load = ring.load();
    HashingReport {
        servers: u64::from(servers),
        vnodes: u64::from(vnodes),
        keys: u64::from(keys),
        ring_shares: ring.shares().into_iter().map(|(_, share)| share).collect(),
        max_over_mean: load_shares.iter().copied().fold(0.0, f64::max) / mean,
        load_shares,
        cv: load.cv,
        expected_cv: expected_cv(servers, vnodes),
        moved_on_join: f64::from(moved) / f64::from(keys.max(1)),
        moved_mod_n: f64::from(moved_mod) / f64::from(keys.max(1)),
    }
}
