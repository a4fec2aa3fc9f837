//! What a learner can do to a running simulation, at its current time: kill or revive a
//! server, start a traffic spike, flush the cache.

use super::Sim;

impl Sim {
    /// Server `i` dies now (see `servers` in docs/scenarios.md for what a server is per kind).
    /// Returns whether there is such a server.
    pub fn kill_server(&mut self, i: usize) -> bool {
        let exists = self.server(i).is_some();
        self.kill(i);
        exists
    }

    /// Server `i` recovers now.
    pub fn revive_server(&mut self, i: usize) -> bool {
        let exists = self.server(i).is_some();
        self.revive(i);
        exists
    }

    /// Multiplies the arrival rate by `factor` for the next `seconds`.
    pub fn spike(&mut self, factor: f64, seconds: f64) {
        let factor = if factor.is_finite() { factor.clamp(0.01, 100.0) } else { 1.0 };
        let seconds = if seconds.is_finite() { seconds.clamp(0.0, 1e6) } else { 0.0 };
        self.arrivals.add_spike(self.now, seconds, factor);
    }

    /// Empties the cache now, as a restart would.
    pub fn flush(&mut self) {
        self.flush_cache();
    }
}
