//! Consistent hashing: a ring of servers, each placed at `V` pseudo-random points (virtual
//! nodes). A key belongs to the server owning the first point at or after the key's own
//! position, going clockwise and wrapping past the top. Adding or removing a server only moves
//! the keys on the arcs that server gains or loses.
//!
//! Positions are 64-bit integers from [`mix64`], so a ring (for a given seed) is identical on
//! every platform. A server's *share* is the fraction of the 2^64 positions it owns.

use std::fmt;

/// A server's stable identifier: ids are handed out in order and never reused.
pub type ServerId = u32;

/// The largest number of servers a ring holds.
pub const MAX_SERVERS: u32 = 1024;
/// The largest number of virtual nodes per server.
pub const MAX_VNODES: u32 = 1024;

pub use crate::sim::rng::mix64;

/// Where `key` sits on the ring. Independent of the ring's seed, so a key keeps its position
/// when servers come and go.
pub const fn key_position(key: u64) -> u64 {
    mix64(key.wrapping_add(0x9e37_79b9_7f4a_7c15))
}

/// The coefficient of variation of one server's share expected from theory, for `servers`
/// servers with `vnodes` points each: `sqrt((S - 1) / (S·V + 1))`. (A server's share is the sum
/// of V of the S·V gaps between uniform points, which is Beta(V, S·V - V) distributed.)
pub fn expected_cv(servers: u32, vnodes: u32) -> f64 {
    let (s, v) = (f64::from(servers.max(1)), f64::from(vnodes.max(1)));
    ((s - 1.0) / (s * v + 1.0)).sqrt()
}

/// One virtual node: a position on the ring and the server it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub position: u64,
    pub server: ServerId,
}

/// The effect of adding or removing a server.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// The server added or removed.
    pub server: ServerId,
    /// The share of the key space whose owner changed (exactly the share that server gained or
    /// lost; every other key stays where it was).
    pub moved: f64,
}

/// How evenly the key space is spread over the servers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LoadStats {
    pub servers: usize,
    /// Smallest, mean (always 1/S) and largest share.
    pub min: f64,
    pub mean: f64,
    pub max: f64,
    /// `max / mean`: how much more than its fair share the busiest server gets.
    pub max_over_mean: f64,
    /// Coefficient of variation: population standard deviation of the shares over their mean.
    pub cv: f64,
}

/// A consistent-hashing ring.
#[derive(Clone, Debug)]
pub struct Ring {
    seed: u64,
    vnodes: u32,
    next_id: ServerId,
    /// Live server ids, ascending.
    servers: Vec<ServerId>,
    /// All virtual nodes, sorted by position. Positions are distinct: `mix64` is a bijection.
    points: Vec<Point>,
}

impl Ring {
    /// A ring of `servers` servers (ids `0..servers`) with `vnodes` points each. Both are clamped
    /// to `1..=MAX_*` (`servers` may be 0 for an empty ring). The seed moves every point.
    pub fn new(servers: u32, vnodes: u32, seed: u64) -> Self {
        let mut ring = Ring {
            seed: mix64(seed),
            vnodes: vnodes.clamp(1, MAX_VNODES),
            next_id: 0,
            servers: Vec::new(),
            points: Vec::new(),
        };
        for _ in 0..servers.min(MAX_SERVERS) {
            ring.place_next_server();
        }
        ring.points.sort_unstable_by_key(|p| p.position);
        ring
    }

    /// The server that owns `key`, or `None` on an empty ring. O(log(S·V)).
    pub fn server_for(&self, key: u64) -> Option<ServerId> {
        let pos = key_position(key);
        let i = self.points.partition_point(|p| p.position < pos);
        self.points.get(i).or(self.points.first()).map(|p| p.server)
    }

    /// Adds a server with a fresh id and returns it with the share of keys that moved to it, or
    /// `None` when the ring already has `MAX_SERVERS`.
    pub fn add_server(&mut self) -> Option<Change> {
        if self.servers.len() >= MAX_SERVERS as usize {
            return None;
        }
        let server = self.place_next_server();
        self.points.sort_unstable_by_key(|p| p.position);
        Some(Change { server, moved: self.share_of(server) })
    }

    /// Removes `server` and returns the share of keys that moved off it, or `None` if it is not
    /// on the ring.
    pub fn remove_server(&mut self, server: ServerId) -> Option<Change> {
        let at = self.servers.binary_search(&server).ok()?;
        let moved = self.share_of(server);
        self.servers.remove(at);
        self.points.retain(|p| p.server != server);
        Some(Change { server, moved })
    }

    /// Live server ids, ascending.
    pub fn servers(&self) -> &[ServerId] {
        &self.servers
    }

    /// Virtual nodes per server.
    pub fn vnodes(&self) -> u32 {
        self.vnodes
    }

    /// Every virtual node, sorted by position (for drawing the ring).
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// Each live server's share of the key space, in server id order; the shares sum to 1.
    pub fn shares(&self) -> Vec<(ServerId, f64)> {
        let mut shares: Vec<(ServerId, f64)> = self.servers.iter().map(|&s| (s, 0.0)).collect();
        for (server, arc) in self.arcs() {
            if let Ok(i) = self.servers.binary_search(&server) {
                shares[i].1 += arc;
            }
        }
        shares
    }

    /// Spread of the shares across servers.
    pub fn load(&self) -> LoadStats {
        let shares: Vec<f64> = self.shares().into_iter().map(|(_, share)| share).collect();
        if shares.is_empty() {
            return LoadStats::default();
        }
        let n = shares.len() as f64;
        let mean = shares.iter().sum::<f64>() / n;
        let variance = shares.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
        let min = shares.iter().copied().fold(f64::INFINITY, f64::min);
        let max = shares.iter().copied().fold(0.0, f64::max);
        LoadStats {
            servers: shares.len(),
            min,
            mean,
            max,
            max_over_mean: max / mean,
            cv: variance.sqrt() / mean,
        }
    }

    /// Gives the next id its points (unsorted) and returns the id.
    fn place_next_server(&mut self) -> ServerId {
        let server = self.next_id;
        self.next_id += 1;
        self.servers.push(server);
        self.points.extend((0..self.vnodes).map(|v| Point {
            position: mix64(self.seed ^ (u64::from(server) << 32 | u64::from(v))),
            server,
        }));
        server
    }

    fn share_of(&self, server: ServerId) -> f64 {
        self.arcs().filter(|&(s, _)| s == server).map(|(_, arc)| arc).sum()
    }

    /// Each point's arc (from the previous point, exclusive, to it, inclusive) as a fraction of
    /// the ring, with the point's server.
    fn arcs(&self) -> impl Iterator<Item = (ServerId, f64)> + '_ {
        const RING: f64 = 18_446_744_073_709_551_616.0; // 2^64
        let last = self.points.last().map_or(0, |p| p.position);
        let single = self.points.len() == 1;
        self.points.iter().scan(last, move |prev, p| {
            let gap = p.position.wrapping_sub(*prev);
            *prev = p.position;
            // With one point the gap wraps to 0, but that point owns the whole ring.
            Some((p.server, if single { 1.0 } else { gap as f64 / RING }))
        })
    }
}

impl fmt::Display for Ring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let load = self.load();
        write!(
            f,
            "ring: {} servers x {} vnodes, max/mean {:.3}, cv {:.3}",
            load.servers, self.vnodes, load.max_over_mean, load.cv
        )
    }
}
