//! Building a [`Snapshot`] of the request path for a view.

use std::fmt;

use super::RequestPath;
use super::scene::*;
use crate::sim::request::Stage;
use crate::sim::snapshot::{Scene, Snapshot};
use crate::sim::station::Station;

fn server_view<P>(station: &Station<P>, healthy: bool) -> ServerView {
    ServerView {
        waiting: station.waiting,
        busy: station.busy,
        workers: station
            .workers
            .iter()
            .map(|w| WorkerView { up: w.up, busy: w.job.is_some(), speed: w.speed })
            .collect(),
        up: station.is_up(),
        healthy,
        completed: station.completed(),
    }
}

impl RequestPath {
    /// What a view needs to draw the run at `now`.
    pub(super) fn snapshot(&self, now: f64) -> Snapshot {
        let mut requests: Vec<RequestView> = self
            .requests
            .iter()
            .take(MAX_DRAWN)
            .map(|(r, request)| RequestView {
                id: r.bits(),
                stage: self.stage_view(request.stage, now),
                age: now - request.arrived,
                attempt: request.attempts,
                key: request.key,
                write: request.write,
                high: request.high,
            })
            .collect();
        self.number_queue_positions(&mut requests);
        let healthy =
            |i: usize| self.balancer.as_ref().is_none_or(|b| b.healthy.get(i).copied().unwrap_or(true));
        let recent = self
            .recent
            .iter()
            .filter(|exit| now - exit.at <= RECENT_WINDOW)
            .map(|exit| OutcomeView {
                id: exit.id,
                outcome: exit.fate,
                ago: now - exit.at,
                server: exit.server,
            })
            .collect();
        let scene = RequestScene {
            requests,
            recent,
            servers: self.stations.iter().enumerate().map(|(i, s)| server_view(s, healthy(i))).collect(),
            database: self.data.as_ref().map(|d| server_view(&d.db, true)),
            cache: self.data.as_ref().map(|d| {
                let counters = d.cache.counters();
                CacheView {
                    len: d.cache.len(),
                    capacity: d.cache.capacity(),
                    hit_ratio: counters.hit_ratio(),
                    evictions: counters.evictions,
                    entries: d
                        .cache
                        .entries()
                        .take(MAX_ENTRIES)
                        .map(|e| CacheEntryView {
                            slot: e.slot,
                            key: e.key,
                            age: now - e.inserted_at,
                            expires_in: e.expires_at - now,
                            hits: e.hits,
                            dirty: e.dirty,
                        })
                        .collect(),
                    coalescing: d.coalescing(),
                }
            }),
            limiter_level: self.limiter.as_ref().map(|l| l.level()),
            breaker: self.breaker.as_ref().map(|b| super::summary::breaker_state(b.state())),
            ready_workers: self.autoscaler.as_ref().map(|a| a.ready()),
            pending_workers: self.autoscaler.as_ref().map(|a| a.pending()),
        };
        Snapshot {
            in_flight: self.requests.len(),
            scene: Scene::Requests(Box::new(scene)),
            ..Snapshot::empty(now)
        }
    }

    fn stage_view(&self, stage: Stage, now: f64) -> StageView {
        let mut view = StageView::from_stage(stage);
        if let StageView::Service { server, worker, progress } = &mut view
            && let Some(w) = self.stations.get(*server as usize).and_then(|s| s.workers.get(*worker as usize))
        {
            let span = w.done_at - w.started;
            *progress = if span > 0.0 { ((now - w.started) / span).clamp(0.0, 1.0) } else { 1.0 };
        }
        view
    }

    /// Fills in each waiting request's place in its queue.
    /// Only the first `MAX_DRAWN` places of each queue are counted (a view draws no more),
    /// so the work is bounded however long the queue; a request further back is given
    /// `MAX_DRAWN`.
    fn number_queue_positions(&self, requests: &mut [RequestView]) {
        let mut position_of = std::collections::BTreeMap::new();
        for station in &self.stations {
            let live = station.queued().filter(|j| self.requests.get(j.payload).is_some());
            for (position, job) in live.take(MAX_DRAWN).enumerate() {
                position_of.insert(job.payload.bits(), position);
            }
        }
        for request in requests {
            if let StageView::Queue { position, .. } = &mut request.stage {
                *position = position_of.get(&request.id).copied().unwrap_or(MAX_DRAWN);
            }
        }
    }
}

impl RequestPath {
    /// One line: requests in flight, then each server's queue and busy workers.
    pub(super) fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "in_flight={}", self.requests.len())?;
        for (i, station) in self.stations.iter().enumerate() {
            let up = if station.is_up() { "" } else { " down" };
            write!(
                f,
                " | s{i}: {} waiting, {}/{} busy{up}",
                station.waiting,
                station.busy,
                station.workers.len()
            )?;
        }
        if let Some(data) = &self.data {
            write!(f, " | {}", data.cache)?;
        }
        Ok(())
    }
}
