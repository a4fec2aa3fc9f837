//! A request's life outside the servers: arrival, each attempt's start (timeout, breaker,
//! rate limiter), and its end: answered, or failed and then retried, dead-lettered or dropped.

use super::EventKind;
use super::scene::{Exit, Fate, MAX_RECENT};
use super::{K, RequestPath};
use crate::scenario::Discipline;
use crate::sim::breaker::{BreakerState, Outcome};
use crate::sim::limiter::Admission;
use crate::sim::limits;
use crate::sim::request::{ReqRef, Request, Stage};
use crate::sim::retry::RetryDecision;
use crate::sim::rng::chance;
use crate::sim::simulation::Observe;

/// How an attempt went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Failure {
    /// Turned away: full queue, dead server.
    Dropped,
    /// Turned away by the rate limiter (also counted as dropped).
    Limited,
    TimedOut,
    /// An error response.
    Failed,
}

impl Failure {
    fn fate(self) -> Fate {
        match self {
            Failure::Dropped => Fate::Dropped,
            Failure::Limited => Fate::Limited,
            Failure::TimedOut => Fate::TimedOut,
            Failure::Failed => Fate::Failed,
        }
    }
}

impl RequestPath {
    pub(super) fn schedule_next_arrival(&mut self, k: &mut K) {
        if let Some(next) = self.source.next(k.now()) {
            k.schedule(next, EventKind::Arrival);
        }
    }

    pub(super) fn on_arrival(&mut self, k: &mut K) {
        let now = k.now();
        let arrival = self.source.arrive();
        self.schedule_next_arrival(k);
        let counted = self.metrics.arrival(now);
        let s = &self.scenario;
        let high = s.servers.discipline == Discipline::Priority
            && chance(self.source.key_stream(), s.servers.high_share);
        if !limits::admits(self.requests.len(), k.pending(), self.queued()) {
            self.metrics.shed(now, counted);
            return;
        }
        if counted && self.data.is_some() {
            self.metrics.read_or_write(arrival.write);
        }
        let r = self.requests.insert(Request::new(now, counted, arrival.key, arrival.write, high));
        self.start_attempt(k, r);
    }

    /// Starts an attempt of `r`: its timeout, then the breaker and the rate limiter.
    fn start_attempt(&mut self, k: &mut K, r: ReqRef) {
        let now = k.now();
        let Some(request) = self.requests.get_mut(r) else {
            return;
        };
        request.attempts += 1;
        let (first, counted) = (request.attempts == 1, request.counted);
        if counted {
            self.metrics.counts.attempts += 1;
        }
        if let (true, Some(budget)) = (first, &mut self.budget) {
            budget.on_first_attempt();
        }
        if let Some(timeout) = self.scenario.servers.timeout {
            k.schedule(now + timeout, EventKind::Timeout(r));
        }
        if let Some(breaker) = &mut self.breaker
            && !breaker.allow(now)
        {
            if counted {
                self.metrics.counts.dropped += 1;
                self.metrics.counts.rejected_by_breaker += 1;
                self.metrics.series.at(now).dropped += 1;
            }
            self.exit(k, r, Fate::Dropped);
            self.leave(k, r);
            return;
        }
        if let Some(limiter) = &mut self.limiter {
            match limiter.acquire(now) {
                Admission::Pass => {}
                Admission::Delay(wait) => {
                    self.set_stage(r, Stage::Limiter);
                    k.schedule(now + wait, EventKind::Released(r));
                    return;
                }
                Admission::Reject => {
                    self.attempt_failed(k, r, Failure::Limited);
                    return;
                }
            }
        }
        self.route(k, r);
    }

    /// Sends an admitted attempt on to the first stage that the kind has.
    fn route(&mut self, k: &mut K, r: ReqRef) {
        if !self.stations.is_empty() {
            self.send_to_server(k, r);
        } else if self.data.is_some() {
            self.enter_data(k, r);
        } else {
            self.complete(k, r);
        }
    }

    /// A server finished `r`'s work: it errs with `fail_prob`, else goes on to the data stage.
    pub(super) fn after_service(&mut self, k: &mut K, r: ReqRef) {
        if self.scenario.servers.fail_prob > 0.0
            && chance(&mut self.rng.failures, self.scenario.servers.fail_prob)
        {
            self.attempt_failed(k, r, Failure::Failed);
        } else if self.data.is_some() {
            self.enter_data(k, r);
        } else {
            self.complete(k, r);
        }
    }

    pub(super) fn set_stage(&mut self, r: ReqRef, stage: Stage) {
        if let Some(request) = self.requests.get_mut(r) {
            request.stage = stage;
        }
    }

    /// `r` is answered now.
    pub(super) fn complete(&mut self, k: &mut K, r: ReqRef) {
        let now = k.now();
        let Some(request) = self.requests.remove(r) else {
            return;
        };
        self.record_exit(k, r, Fate::Served, request.server);
        if request.counted {
            self.metrics.completed(request.arrived, request.waited, now);
            if self.scenario.servers.discipline == Discipline::Priority {
                self.metrics.class_completed(request.high, request.arrived, request.waited, now);
            }
            self.metrics.departed(request.arrived, now);
        }
        self.record_outcome(k, Outcome::Success);
    }

    /// `r` leaves unanswered.
    fn leave(&mut self, k: &K, r: ReqRef) {
        if let Some(request) = self.requests.remove(r)
            && request.counted
        {
            self.metrics.departed(request.arrived, k.now());
        }
    }

    fn record_outcome(&mut self, k: &K, outcome: Outcome) {
        if let Some(breaker) = &mut self.breaker {
            let was_open = breaker.state() == BreakerState::Open;
            breaker.record(outcome, k.now());
            self.breaker_opened += u64::from(!was_open && breaker.state() == BreakerState::Open);
        }
    }

    /// The current attempt of `r` failed: count it, then retry, dead-letter, or let it go.
    pub(super) fn attempt_failed(&mut self, k: &mut K, r: ReqRef, failure: Failure) {
        let now = k.now();
        let Some(request) = self.requests.get(r) else {
            return;
        };
        let (counted, attempts, backoff) = (request.counted, request.attempts, request.backoff);
        if counted {
            let counts = &mut self.metrics.counts;
            let bucket = self.metrics.series.at(now);
            match failure {
                Failure::Dropped | Failure::Limited => {
                    counts.dropped += 1;
                    counts.limited += u64::from(failure == Failure::Limited);
                    bucket.dropped += 1;
                }
                Failure::TimedOut => {
                    counts.timed_out += 1;
                    bucket.timed_out += 1;
                }
                Failure::Failed => {
                    counts.failed += 1;
                    bucket.failed += 1;
                }
            }
        }
        self.record_outcome(k, Outcome::Failure);
        let Some(policy) = &self.retry else {
            self.exit(k, r, failure.fate());
            self.leave(k, r);
            return;
        };
        match policy.decide(attempts, backoff, self.budget.as_mut(), &mut self.rng.backoff) {
            RetryDecision::Retry { delay } => {
                self.exit(k, r, Fate::Retried);
                let Some(next) = self.requests.next_attempt(r) else {
                    return;
                };
                if let Some(request) = self.requests.get_mut(next) {
                    request.stage = Stage::Backoff;
                    request.backoff = delay;
                }
                if counted {
                    self.metrics.counts.retries += 1;
                    self.metrics.series.at(now).retries += 1;
                }
                k.schedule(now + delay, EventKind::Retry(next));
            }
            RetryDecision::DeadLetter(_) => {
                if counted {
                    self.metrics.counts.dead_lettered += 1;
                }
                self.exit(k, r, Fate::DeadLettered);
                self.leave(k, r);
            }
        }
    }

    /// Notes how the current attempt of `r` ended, for the view's `recent` list.
    fn exit(&mut self, k: &K, r: ReqRef, fate: Fate) {
        let server = self.requests.get(r).and_then(|request| request.server);
        self.record_exit(k, r, fate, server);
    }

    fn record_exit(&mut self, k: &K, r: ReqRef, fate: Fate, server: Option<u16>) {
        if self.observe == Observe::Report {
            return;
        }
        if self.recent.len() == MAX_RECENT {
            self.recent.pop_front();
        }
        let at = k.now();
        self.recent.push_back(Exit { id: r.bits(), fate, at, server });
    }

    pub(super) fn on_timeout(&mut self, k: &mut K, r: ReqRef) {
        let Some(request) = self.requests.get(r) else {
            return;
        }; // that attempt is over
        if let Stage::Waiting { station } = request.stage
            && let Some(station) = self.stations.get_mut(station as usize)
        {
            station.abandon_waiting(k.now());
        }
        // In service or at the database, the work goes on (and is wasted).
        self.attempt_failed(k, r, Failure::TimedOut);
    }

    pub(super) fn on_retry(&mut self, k: &mut K, r: ReqRef) {
        if self.requests.get(r).is_some() {
            self.start_attempt(k, r);
        }
    }

    pub(super) fn on_released(&mut self, k: &mut K, r: ReqRef) {
        if self.requests.get(r).is_some() {
            self.route(k, r);
        }
    }
}
