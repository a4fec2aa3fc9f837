//! Autoscaling: every `scale_interval` the autoscaler sees the utilization of the interval
//! just past and resizes the worker pool of the shared queue; new workers arrive
//! `provision_time` later, removed ones leave at once (a busy one after its request).

use super::EventKind;
use super::{K, RequestPath};
use crate::sim::autoscale::ScaleDecision;

impl RequestPath {
    pub(super) fn on_scale_check(&mut self, k: &mut K) {
        let now = k.now();
        let interval = self.scenario.autoscale.scale_interval;
        let Some(station) = self.stations.first() else {
            return;
        };
        let totals = station.totals_at(now);
        let (busy, capacity) = (totals.busy, totals.capacity);
        let observed = (busy - self.scale_mark.0) / (capacity - self.scale_mark.1).max(1e-12);
        self.scale_mark = (busy, capacity);
        let Some(scaler) = &mut self.autoscaler else {
            return;
        };
        if let ScaleDecision::ScaleOut(_) = scaler.evaluate(now, observed)
            && let Some(at) = scaler.next_ready_at()
        {
            k.schedule(at, EventKind::Provisioned);
        }
        self.match_workers(k);
        if self.active() {
            k.schedule(now + interval, EventKind::ScaleCheck);
        }
    }

    pub(super) fn on_provisioned(&mut self, k: &mut K) {
        let now = k.now();
        let Some(scaler) = &mut self.autoscaler else {
            return;
        };
        scaler.advance(now);
        if let Some(at) = scaler.next_ready_at() {
            k.schedule(at, EventKind::Provisioned);
        }
        self.match_workers(k);
    }

    /// Adds or removes workers until the pool has as many as the autoscaler has ready.
    fn match_workers(&mut self, k: &mut K) {
        let now = k.now();
        let Some(scaler) = &self.autoscaler else {
            return;
        };
        let ready = scaler.ready() as usize;
        let Some(station) = self.stations.first_mut() else {
            return;
        };
        while station.available() < ready {
            station.add_worker(now);
        }
        while station.available() > ready {
            station.remove_worker(now);
        }
        self.peak_workers = self.peak_workers.max(ready);
        self.start_all(k, 0);
    }
}
