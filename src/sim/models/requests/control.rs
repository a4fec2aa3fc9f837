//! What a learner can do to a running simulation, at its current time: kill or revive a
//! server, start a traffic spike, flush the cache.

use super::{K, RequestPath};
use crate::sim::simulation::Action;

impl RequestPath {
    /// Does `action` at `k.now()`; false when this run has nothing it applies to.
    pub(super) fn act(&mut self, k: &mut K, action: Action) -> bool {
        match action {
            Action::KillServer(i) => {
                let exists = self.server(i).is_some();
                self.kill(k, i);
                exists
            }
            Action::ReviveServer(i) => {
                let exists = self.server(i).is_some();
                self.revive(k, i);
                exists
            }
            Action::Spike { factor, seconds } => {
                self.source.spike(k.now(), factor, seconds);
                true
            }
            Action::FlushCache => {
                self.flush_cache();
                self.data.is_some()
            }
        }
    }
}
