//! Delivery: changes flowing from a developer to production, in hours.
//!
//! A change starts when a developer opens a branch (Poisson, `developers × change_rate ×
//! ai_factor` an hour) and is defective with `defect_prob`. It lives `branch_days` on its
//! branch, then waits for one of `reviewers` (review takes an exponential `review_time`; a
//! review fixes a defect with `review_catch`). CI runs take `ci_time`: on its first run a
//! defective change goes red with `test_catch` (and is fixed and run again); otherwise a run goes red by flaky tests
//! alone when one of `tests` fails on its first try and on each of its `reruns` (each try fails
//! with `flake`), and is run again. Green, the change merges, unless its branch conflicts
//! (chance `1 - exp(-overlap × branch_days × (developers - 1))`, once per change): resolving
//! takes an hour, then CI runs again. Merged changes deploy `batch` at a time. A deploy with a
//! defective change fails: found after an exponential `detect_time`, service restored after an
//! exponential `restore_time` (by rolling the batch back), then `ceil(log2 b)` CI builds bisect
//! the batch of `b` changes; the defective ones are reverted and the rest ride with the next
//! deploy. With `flags`, a failed change is switched off (six minutes) rather than rolled back,
//! and the rest of its batch stays. No deploy starts while a failure is open. When no more
//! changes will start, the last ones deploy together once nothing else can join them.
//!
//! A run holds at most [`MAX_CHANGES`] changes at once; a change started beyond that is shed
//! and counted (`shed`).
//!
//! Here: the model's events and state and how each event changes them; `observe` is what is
//! read of a run (its report and its scene).

use std::collections::VecDeque;

use serde::Serialize;

use crate::scenario::Scenario;
use crate::sim::dist::exponential;
use crate::sim::kernel::{Kernel, Model};
use crate::sim::metrics::Metrics;
use crate::sim::rng::{SimRng, chance, stream, uniform};
use crate::sim::series::Levels;

mod observe;

/// Changes a run holds at once (on branches, in review, in CI, merged, in a failed batch).
pub const MAX_CHANGES: usize = 100_000;
/// Hours to resolve a merge conflict.
pub const RESOLVE_HOURS: f64 = 1.0;
/// Hours to switch a feature flag off once a failure is found.
pub const FLAG_OFF_HOURS: f64 = 0.1;
/// Hours in a week (the clock runs round the clock).
pub const HOURS_PER_WEEK: f64 = 168.0;
/// Dots a view gets per stage (the counts are whole).
pub const MAX_DOTS: usize = 48;
/// Recent deploys a view gets.
pub const RECENT_DEPLOYS: usize = 12;

// Random streams, one per purpose.
const ARRIVAL_STREAM: u64 = 1;
const REVIEW_STREAM: u64 = 2;
const DEFECT_STREAM: u64 = 3;
const CI_STREAM: u64 = 4;
const PRODUCTION_STREAM: u64 = 5;

/// What happens in a delivery pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A developer starts the next change.
    Arrival,
    /// Change `id` leaves its branch and asks for review.
    ReviewRequest(u32),
    /// Reviewer `reviewer` finishes change `id`.
    ReviewDone { reviewer: u32, id: u32 },
    /// A CI run of change `id` ends.
    CiDone(u32),
    /// Change `id`'s merge conflict is resolved.
    Resolved(u32),
    /// The open failure is found.
    Detected,
    /// Service is restored (rolled back, or the flag switched off).
    Restored,
    /// The rolled-back batch is bisected: its culprits are known.
    Bisected,
}

type K = Kernel<Event>;

/// Where a change is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Branch,
    Review,
    Reviewing,
    Ci,
    Resolving,
    Merged,
    Failed,
}

impl Stage {
    /// The stages in pipeline order, as a view draws them.
    pub const ALL: [Stage; 7] = [
        Stage::Branch,
        Stage::Review,
        Stage::Reviewing,
        Stage::Ci,
        Stage::Resolving,
        Stage::Merged,
        Stage::Failed,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy, Debug)]
struct Change {
    started: f64,
    /// When it joined the review queue.
    queued: f64,
    /// Hours it waited for a reviewer.
    waited: f64,
    defective: bool,
    conflict_checked: bool,
    /// Whether its tests have had their one chance to catch a defect.
    tested: bool,
    counted: bool,
    stage: Stage,
}

/// The failure open now, if any.
#[derive(Clone, Debug)]
struct Incident {
    deployed: f64,
    /// The batch that failed (without flags: all of it; with flags: its defective changes).
    changes: Vec<u32>,
    /// Builds to bisect it.
    steps: u64,
    phase: Phase,
}

/// How far an open failure has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// In production, not yet found.
    Undetected,
    /// Found; rolling back (or switching the flag off).
    Restoring,
    /// Restored; bisecting the batch to find the culprit.
    Bisecting,
}

/// What a view draws of a delivery pipeline.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DeliveryScene {
    pub developers: u64,
    /// Per stage in [`Stage::ALL`] order.
    pub stages: Vec<StageView>,
    /// Per reviewer: whether busy.
    pub reviewers: Vec<bool>,
    /// Merged changes waiting for a deploy, and the batch size.
    pub batch: u64,
    pub incident: Option<Phase>,
    /// The last deploys, oldest first.
    pub deploys: Vec<DeployView>,
    /// Changes deployed so far.
    pub deployed: u64,
    pub flags: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageView {
    pub stage: Stage,
    pub count: u64,
    /// Up to [`MAX_DOTS`] of its changes, oldest first: whether each is defective.
    pub dots: Vec<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DeployView {
    pub at: f64,
    pub size: u64,
    pub failed: bool,
}

/// Counters beyond the shared metrics.
#[derive(Clone, Debug, Default)]
struct Tally {
    reviews: u64,
    review_wait_sum: f64,
    ci_runs: u64,
    false_reds: u64,
    caught_in_review: u64,
    caught_by_tests: u64,
    conflicts: u64,
    /// Changes whose branch was checked for a conflict (each once).
    conflict_checks: u64,
    merged: u64,
    deploys: u64,
    failed_deploys: u64,
    escaped_defects: u64,
    restores: u64,
    restore_sum: f64,
    bisect_steps: u64,
    reverted: u64,
    defective_started: u64,
    /// Reviewer-hours busy, from the warm-up.
    busy_area: f64,
    /// Review-queue-hours, from the warm-up.
    queue_area: f64,
}

/// A team's delivery pipeline and the changes in it.
#[derive(Clone, Debug)]
pub struct Delivery {
    scenario: Scenario,
    arrivals: SimRng,
    review_rng: SimRng,
    defects: SimRng,
    ci: SimRng,
    production: SimRng,
    metrics: Metrics,
    tally: Tally,
    /// Changes in flight, by id; `None` is a free slot.
    changes: Vec<Option<Change>>,
    free: Vec<u32>,
    live: usize,
    started: u64,
    /// When the last change started.
    last_start: f64,
    /// No more changes will start.
    arrivals_done: bool,
    review_queue: VecDeque<u32>,
    reviewers: Vec<Option<u32>>,
    /// Merged changes waiting for a deploy.
    merged: VecDeque<u32>,
    /// Good changes of a rolled-back batch, riding with the next deploy.
    carried: Vec<u32>,
    incident: Option<Incident>,
    deploys: VecDeque<DeployView>,
    deployed: u64,
    /// Arrivals per hour.
    rate: f64,
    conflict_chance: f64,
}

impl Delivery {
    pub fn new(s: &Scenario) -> Delivery {
        let d = &s.delivery;
        let rate = d.developers as f64 * d.change_rate * d.ai_factor;
        let conflict_chance =
            1.0 - libm::exp(-d.overlap * d.branch_days * d.developers.saturating_sub(1) as f64);
        Delivery {
            scenario: s.clone(),
            arrivals: stream(s.run.seed, ARRIVAL_STREAM),
            review_rng: stream(s.run.seed, REVIEW_STREAM),
            defects: stream(s.run.seed, DEFECT_STREAM),
            ci: stream(s.run.seed, CI_STREAM),
            production: stream(s.run.seed, PRODUCTION_STREAM),
            metrics: Metrics::new(s.run.warmup, s.run.bucket),
            tally: Tally::default(),
            changes: Vec::new(),
            free: Vec::new(),
            live: 0,
            started: 0,
            last_start: 0.0,
            arrivals_done: false,
            review_queue: VecDeque::new(),
            reviewers: vec![None; d.reviewers.max(1) as usize],
            merged: VecDeque::new(),
            carried: Vec::new(),
            incident: None,
            deploys: VecDeque::new(),
            deployed: 0,
            rate,
            conflict_chance,
        }
    }

    /// The chance a change's branch conflicts when it merges.
    pub fn conflict_chance(&self) -> f64 {
        self.conflict_chance
    }

    fn counting(&self, now: f64) -> bool {
        now >= self.scenario.run.warmup
    }

    fn change(&mut self, id: u32) -> Option<&mut Change> {
        self.changes.get_mut(id as usize).and_then(Option::as_mut)
    }

    fn schedule_next_arrival(&mut self, k: &mut K) {
        let run = &self.scenario.run;
        let next = k.now() + exponential(&mut self.arrivals, 1.0 / self.rate.max(1e-12));
        let over = (run.requests > 0 && self.started >= run.requests)
            || !(self.rate > 0.0)
            || (run.duration > 0.0 && next > run.duration);
        if over {
            self.arrivals_done = true;
        } else {
            k.schedule(next, Event::Arrival);
        }
    }

    fn on_arrival(&mut self, k: &mut K) {
        let now = k.now();
        self.started += 1;
        self.last_start = now;
        self.schedule_next_arrival(k);
        let counted = self.metrics.arrival(now);
        if self.live >= MAX_CHANGES {
            self.metrics.shed(now, counted);
            return;
        }
        let defective = chance(&mut self.defects, self.scenario.delivery.defect_prob);
        if defective && counted {
            self.tally.defective_started += 1;
        }
        let change = Change {
            started: now,
            queued: now,
            waited: 0.0,
            defective,
            conflict_checked: false,
            tested: false,
            counted,
            stage: Stage::Branch,
        };
        let id = match self.free.pop() {
            Some(id) => {
                self.changes[id as usize] = Some(change);
                id
            }
            None => {
                self.changes.push(Some(change));
                (self.changes.len() - 1) as u32
            }
        };
        self.live += 1;
        let branch = self.scenario.delivery.branch_days * 24.0;
        if branch > 0.0 {
            k.schedule(now + branch, Event::ReviewRequest(id));
        } else {
            self.on_review_request(k, id);
        }
    }

    /// Change `id` leaves the pipeline at `now` (deployed or reverted).
    fn leave(&mut self, id: u32, now: f64, deployed: bool) {
        let Some(change) = self.changes.get_mut(id as usize).and_then(Option::take) else {
            return;
        };
        self.free.push(id);
        self.live -= 1;
        if change.counted {
            if deployed {
                self.metrics.completed(change.started, change.waited, now);
            }
            self.metrics.departed(change.started, now);
        }
    }

    fn on_review_request(&mut self, k: &mut K, id: u32) {
        let now = k.now();
        let Some(change) = self.change(id) else { return };
        change.stage = Stage::Review;
        change.queued = now;
        self.review_queue.push_back(id);
        self.start_reviews(k);
    }

    fn start_reviews(&mut self, k: &mut K) {
        let now = k.now();
        let counting = self.counting(now);
        let mean = self.scenario.delivery.review_time;
        for reviewer in 0..self.reviewers.len() {
            if self.reviewers[reviewer].is_some() {
                continue;
            }
            let Some(id) = self.review_queue.pop_front() else { return };
            let Some(change) = self.changes.get_mut(id as usize).and_then(Option::as_mut) else {
                continue;
            };
            change.stage = Stage::Reviewing;
            change.waited = now - change.queued;
            if counting {
                self.tally.reviews += 1;
                self.tally.review_wait_sum += change.waited;
            }
            self.reviewers[reviewer] = Some(id);
            let took = exponential(&mut self.review_rng, mean);
            k.schedule(now + took, Event::ReviewDone { reviewer: reviewer as u32, id });
        }
    }

    fn on_review_done(&mut self, k: &mut K, reviewer: u32, id: u32) {
        if let Some(slot) = self.reviewers.get_mut(reviewer as usize) {
            *slot = None;
        }
        let counting = self.counting(k.now());
        let catch = self.scenario.delivery.review_catch;
        if let Some(change) = self.changes.get_mut(id as usize).and_then(Option::as_mut)
            && change.defective
            && chance(&mut self.defects, catch)
        {
            change.defective = false;
            self.tally.caught_in_review += u64::from(counting);
        }
        self.start_ci(k, id);
        self.start_reviews(k);
    }

    fn start_ci(&mut self, k: &mut K, id: u32) {
        let now = k.now();
        let Some(change) = self.change(id) else { return };
        change.stage = Stage::Ci;
        if self.counting(now) {
            self.tally.ci_runs += 1;
        }
        k.schedule(now + self.scenario.delivery.ci_time, Event::CiDone(id));
    }

    fn on_ci_done(&mut self, k: &mut K, id: u32) {
        let now = k.now();
        let counting = self.counting(now);
        let d = &self.scenario.delivery;
        let flaky = flaky_red(&mut self.ci, d.tests, d.flake, d.reruns);
        let catch = d.test_catch;
        let Some(change) = self.changes.get_mut(id as usize).and_then(Option::as_mut) else { return };
        let first = !change.tested;
        change.tested = true;
        if first && change.defective && chance(&mut self.defects, catch) {
            // A real red: the author fixes the change and CI runs again.
            change.defective = false;
            self.tally.caught_by_tests += u64::from(counting);
            self.start_ci(k, id);
            return;
        }
        if flaky {
            self.tally.false_reds += u64::from(counting);
            self.start_ci(k, id);
            return;
        }
        if !change.conflict_checked {
            change.conflict_checked = true;
            self.tally.conflict_checks += u64::from(counting);
            if chance(&mut self.defects, self.conflict_chance) {
                change.stage = Stage::Resolving;
                self.tally.conflicts += u64::from(counting);
                k.schedule(now + RESOLVE_HOURS, Event::Resolved(id));
                return;
            }
        }
        change.stage = Stage::Merged;
        self.tally.merged += u64::from(counting);
        self.merged.push_back(id);
        self.try_deploy(k);
    }

    /// Deploys full batches while no failure is open.
    fn try_deploy(&mut self, k: &mut K) {
        let size = self.scenario.delivery.batch.max(1) as usize;
        while self.incident.is_none() && self.merged.len() >= size {
            let mut batch: Vec<u32> = std::mem::take(&mut self.carried);
            batch.extend(self.merged.drain(..size));
            self.deploy(k, batch, size);
        }
        // The last changes of a run deploy together once nothing else can join them.
        let waiting = self.merged.len() + self.carried.len();
        if self.arrivals_done && self.incident.is_none() && waiting > 0 && waiting == self.live {
            let fresh = self.merged.len();
            let mut batch: Vec<u32> = std::mem::take(&mut self.carried);
            batch.extend(self.merged.drain(..));
            self.deploy(k, batch, fresh);
        }
    }

    /// Deploys `batch`, of which the last `fresh` changes are new (the others rode along from
    /// a rolled-back batch, known good).
    fn deploy(&mut self, k: &mut K, batch: Vec<u32>, fresh: usize) {
        let now = k.now();
        let counting = self.counting(now);
        let defective: Vec<u32> = batch
            .iter()
            .copied()
            .filter(|&id| self.changes.get(id as usize).and_then(Option::as_ref).is_some_and(|c| c.defective))
            .collect();
        let failed = !defective.is_empty();
        if counting {
            self.tally.deploys += 1;
            self.tally.failed_deploys += u64::from(failed);
            self.tally.escaped_defects += defective.len() as u64;
        }
        if self.deploys.len() == RECENT_DEPLOYS {
            self.deploys.pop_front();
        }
        self.deploys.push_back(DeployView { at: now, size: batch.len() as u64, failed });
        if !failed {
            for id in batch {
                self.deployed += 1;
                self.leave(id, now, true);
            }
            return;
        }
        let steps = bisect_steps(fresh as u64);
        let held = if self.scenario.delivery.flags {
            // The rest of the batch stays deployed; the defective changes are switched off.
            for &id in batch.iter().filter(|id| !defective.contains(id)) {
                self.deployed += 1;
                self.leave(id, now, true);
            }
            defective
        } else {
            batch
        };
        for &id in &held {
            if let Some(change) = self.change(id) {
                change.stage = Stage::Failed;
            }
        }
        self.incident = Some(Incident { deployed: now, changes: held, steps, phase: Phase::Undetected });
        let found = exponential(&mut self.production, self.scenario.delivery.detect_time);
        k.schedule(now + found, Event::Detected);
    }

    fn on_detected(&mut self, k: &mut K) {
        let Some(incident) = self.incident.as_mut() else { return };
        incident.phase = Phase::Restoring;
        let took = if self.scenario.delivery.flags {
            FLAG_OFF_HOURS
        } else {
            exponential(&mut self.production, self.scenario.delivery.restore_time)
        };
        k.schedule(k.now() + took, Event::Restored);
    }

    fn on_restored(&mut self, k: &mut K) {
        let now = k.now();
        let counting = self.counting(now);
        let Some(incident) = self.incident.as_mut() else { return };
        if counting {
            self.tally.restores += 1;
            self.tally.restore_sum += now - incident.deployed;
        }
        if self.scenario.delivery.flags {
            // The flag names the culprit: no bisecting.
            self.end_incident(k);
        } else {
            incident.phase = Phase::Bisecting;
            if counting {
                self.tally.bisect_steps += incident.steps;
            }
            let took = incident.steps as f64 * self.scenario.delivery.ci_time;
            k.schedule(now + took, Event::Bisected);
        }
    }

    /// The failed batch's culprits are reverted; the rest ride with the next deploy.
    fn end_incident(&mut self, k: &mut K) {
        let now = k.now();
        let counting = self.counting(now);
        let Some(incident) = self.incident.take() else { return };
        for id in incident.changes {
            let defective = self.changes.get(id as usize).and_then(Option::as_ref).map(|c| c.defective);
            match defective {
                Some(true) => {
                    self.tally.reverted += u64::from(counting);
                    self.leave(id, now, false);
                }
                Some(false) => {
                    if let Some(change) = self.change(id) {
                        change.stage = Stage::Merged;
                    }
                    self.carried.push(id);
                }
                None => {}
            }
        }
        self.try_deploy(k);
    }

    fn levels(&self) -> Levels {
        let busy = self.reviewers.iter().filter(|r| r.is_some()).count() as f64;
        Levels {
            in_system: self.live as f64,
            queue: self.review_queue.len() as f64,
            busy,
            workers: self.reviewers.len() as f64,
        }
    }
}

/// Whether a CI run of `tests` tests goes red by flakiness alone: some test fails on its
/// first try and on each of its `reruns`. Each try fails with `flake`, independently, so each
/// test stays red with `flake^(reruns + 1)` and the run is red when any test does: one draw
/// per run, whatever the number of tests (a run's work stays bounded).
pub fn flaky_red(rng: &mut SimRng, tests: u64, flake: f64, reruns: u64) -> bool {
    let stays_red = libm::pow(flake.clamp(0.0, 1.0), reruns as f64 + 1.0);
    if tests == 0 || !(stays_red > 0.0) {
        return false;
    }
    // 1 - (1 - stays_red)^tests, without losing small chances to rounding.
    let red = -libm::expm1(tests as f64 * libm::log1p(-stays_red));
    stays_red >= 1.0 || uniform(rng) < red
}

/// CI builds to find one culprit in a batch of `b` by halving: `ceil(log2 b)`.
pub fn bisect_steps(b: u64) -> u64 {
    if b <= 1 { 0 } else { u64::from(64 - (b - 1).leading_zeros()) }
}

impl Model for Delivery {
    type Event = Event;

    fn start(&mut self, k: &mut K) {
        self.schedule_next_arrival(k);
    }

    #[inline]
    fn advance(&mut self, now: f64, to: f64) {
        if to > now {
            let levels = self.levels();
            let from = now.max(self.scenario.run.warmup);
            if to > from {
                self.tally.busy_area += levels.busy * (to - from);
                self.tally.queue_area += levels.queue * (to - from);
            }
            self.metrics.advance(to, levels);
        }
    }

    fn handle(&mut self, k: &mut K, event: Event) {
        match event {
            Event::Arrival => self.on_arrival(k),
            Event::ReviewRequest(id) => self.on_review_request(k, id),
            Event::ReviewDone { reviewer, id } => self.on_review_done(k, reviewer, id),
            Event::CiDone(id) => self.on_ci_done(k, id),
            Event::Resolved(id) => self.start_ci(k, id),
            Event::Detected => self.on_detected(k),
            Event::Restored => self.on_restored(k),
            Event::Bisected => self.end_incident(k),
        }
    }

    fn tag(event: &Event) -> u64 {
        match *event {
            Event::Arrival => 1,
            Event::ReviewRequest(id) => 2 | u64::from(id) << 8,
            Event::ReviewDone { reviewer, id } => 3 | u64::from(reviewer) << 8 | u64::from(id) << 24,
            Event::CiDone(id) => 4 | u64::from(id) << 8,
            Event::Resolved(id) => 5 | u64::from(id) << 8,
            Event::Detected => 6,
            Event::Restored => 7,
            Event::Bisected => 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bisect_steps_halve_the_batch() {
        let steps: Vec<u64> = [1, 2, 3, 4, 5, 8, 9, 20, 1000].into_iter().map(bisect_steps).collect();
        assert_eq!(steps, vec![0, 1, 2, 2, 3, 3, 4, 5, 10]);
    }

    #[test]
    fn flaky_runs_go_red_at_the_closed_form_rate() {
        let mut rng = stream(7, 99);
        let runs = 20_000;
        let red = (0..runs).filter(|_| flaky_red(&mut rng, 120, 0.01, 0)).count() as f64 / runs as f64;
        let expected = 1.0 - 0.99f64.powi(120);
        assert!((red - expected).abs() < 0.015, "{red} vs {expected}");
        assert!(!flaky_red(&mut rng, 0, 0.5, 0));
        assert!(!flaky_red(&mut rng, 100, 0.0, 0));
        assert!(flaky_red(&mut rng, 1, 1.0, 3));
    }
}
