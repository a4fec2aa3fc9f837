//! The server stage: the balancer picks a server, the request waits in its queue, a worker
//! serves it. Also the outage and the health checks that take dead servers out of rotation.

use super::EventKind;
use super::flow::Failure;
use super::{K, RequestPath};
use crate::sim::request::{ReqRef, Stage};
use crate::sim::station::{Class, Job, Offer};

impl RequestPath {
    /// Picks a server for `r` and offers it the work.
    pub(super) fn send_to_server(&mut self, k: &mut K, r: ReqRef) {
        let now = k.now();
        let Some(request) = self.requests.get(r) else {
            return;
        };
        let (key, high) = (request.key, request.high);
        let station = match &mut self.balancer {
            Some(balancer) => {
                self.loads.clear();
                self.loads.extend(self.stations.iter().map(|s| s.load()));
                balancer.pick(key, &self.loads, &mut self.rng.routing)
            }
            None => 0,
        };
        if let Some(request) = self.requests.get_mut(r) {
            request.server = Some(station as u16);
        }
        let Some(target) = self.stations.get_mut(station) else {
            return;
        };
        if !target.is_up() {
            // A dead server: the client hears nothing until its timeout, or is refused at once.
            if self.scenario.servers.timeout.is_some() {
                self.set_stage(r, Stage::Hanging { station: station as u16 });
            } else {
                self.attempt_failed(k, r, Failure::Dropped);
            }
            return;
        }
        let work = self.work.sample(&mut self.rng.work);
        let job = Job { payload: r, work, enqueued: now, class: Class::of(high) };
        match target.offer(job, now) {
            Offer::Started { worker, done_at, epoch } => {
                let station = station as u16;
                self.set_stage(r, Stage::Service { station, worker });
                k.schedule(done_at, EventKind::ServiceDone { station, worker, epoch });
            }
            Offer::Queued => {
                self.set_stage(r, Stage::Waiting { station: station as u16 });
                let requests = &self.requests;
                if let Some(target) = self.stations.get_mut(station) {
                    target.compact(|r| requests.get(*r).is_some());
                }
            }
            Offer::Full => self.attempt_failed(k, r, Failure::Dropped),
        }
    }

    pub(super) fn on_service_done(&mut self, k: &mut K, station: u16, worker: u16, epoch: u32) {
        let now = k.now();
        let Some(target) = self.stations.get_mut(station as usize) else {
            return;
        };
        if !target.is_current(worker, epoch) {
            return;
        }
        let started = target.workers[worker as usize].started;
        let Some(job) = target.finish(worker, now) else {
            return;
        };
        self.start_next(k, station, worker);
        if let Some(balancer) = &mut self.balancer {
            balancer.observe(station as usize, now - job.enqueued, now);
        }
        if self.requests.get(job.payload).is_some() {
            self.after_service(k, job.payload);
        } else if now >= self.metrics.since {
            self.metrics.wasted_work += now - started;
        }
    }

    /// Gives a free worker the next waiting request, if any.
    fn start_next(&mut self, k: &mut K, station: u16, worker: u16) {
        let now = k.now();
        let requests = &self.requests;
        let Some(target) = self.stations.get_mut(station as usize) else {
            return;
        };
        let Some((job, done_at, epoch)) = target.dispatch_one(worker, now, |r| requests.get(*r).is_some())
        else {
            return;
        };
        self.begin_service(k, station, worker, job, done_at, epoch);
    }

    /// Gives every free worker of `station` a waiting request.
    pub(super) fn start_all(&mut self, k: &mut K, station: u16) {
        let now = k.now();
        let requests = &self.requests;
        let Some(target) = self.stations.get_mut(station as usize) else {
            return;
        };
        for (worker, job, done_at, epoch) in target.dispatch(now, |r| requests.get(*r).is_some()) {
            self.begin_service(k, station, worker, job, done_at, epoch);
        }
    }

    fn begin_service(
        &mut self,
        k: &mut K,
        station: u16,
        worker: u16,
        job: Job<ReqRef>,
        done_at: f64,
        epoch: u32,
    ) {
        let now = k.now();
        if let Some(request) = self.requests.get_mut(job.payload) {
            request.waited += now - job.enqueued;
            request.stage = Stage::Service { station, worker };
        }
        k.schedule(done_at, EventKind::ServiceDone { station, worker, epoch });
    }

    /// The station and workers that make up server `i`: a worker of the shared queue, or a
    /// whole station behind the balancer.
    pub(super) fn server(&self, i: usize) -> Option<(usize, std::ops::Range<usize>)> {
        if self.shared_queue {
            let workers = self.stations.first()?.workers.len();
            (i < workers).then_some((0, i..i + 1))
        } else {
            let station = self.stations.get(i)?;
            Some((i, 0..station.workers.len()))
        }
    }

    /// Server `i` dies: the request it serves fails, and if its queue has no live worker left,
    /// so do the waiting ones.
    pub(super) fn kill(&mut self, k: &mut K, i: usize) {
        let now = k.now();
        let Some((station, workers)) = self.server(i) else {
            return;
        };
        let requests = &self.requests;
        let target = &mut self.stations[station];
        let mut lost: Vec<ReqRef> =
            workers.filter_map(|w| target.kill(w, now)).map(|job| job.payload).collect();
        if !target.is_up() {
            lost.extend(target.drain(now, |r| requests.get(*r).is_some()).iter().map(|job| job.payload));
        }
        for r in lost {
            self.attempt_failed(k, r, Failure::Failed);
        }
    }

    /// Server `i` recovers and starts on its queue.
    pub(super) fn revive(&mut self, k: &mut K, i: usize) {
        let now = k.now();
        let Some((station, workers)) = self.server(i) else {
            return;
        };
        for w in workers {
            self.stations[station].revive(w, now);
        }
        self.start_all(k, station as u16);
    }

    pub(super) fn on_outage(&mut self, k: &mut K, starts: bool) {
        let server = self.scenario.servers.outage_server as usize;
        if starts { self.kill(k, server) } else { self.revive(k, server) }
    }

    pub(super) fn on_health_check(&mut self, k: &mut K) {
        if let Some(balancer) = &mut self.balancer {
            for (healthy, station) in balancer.healthy.iter_mut().zip(&self.stations) {
                *healthy = station.is_up();
            }
        }
        if let (Some(interval), true) = (self.scenario.servers.health_interval, self.active()) {
            k.schedule(k.now() + interval, EventKind::HealthCheck);
        }
    }
}
