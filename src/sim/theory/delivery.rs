//! The closed forms of a delivery pipeline (kind = delivery), in hours:
//!
//! - review wait: changes reach the reviewers as a Poisson stream (each branch lives the same
//!   time), reviews are exponential: M/M/c, the wait by Erlang C;
//! - a clean CI run: each of T tests passes unless it fails its first try and each of r
//!   reruns, (1 - f^(r+1))^T;
//! - a defect escapes review and tests with q = p·(1 - review_catch)·(1 - test_catch); a batch of
//!   b fails with 1 - (1 - q)^b, and bisecting it takes ceil(log2 b) builds;
//! - a branch conflicts with 1 - exp(-overlap·branch_days·(developers - 1));
//! - deploys per day 24·λ/b, time to restore detect_time + restore_time (with flags, the
//!   flag's six minutes instead of the restore).
//!
//! Little's law (changes in the pipeline = start rate × lead time) holds for every run; the
//! tests check it on the run's own figures.

use super::{Basis, Prediction, queues::erlang_c};
use crate::scenario::Scenario;
use crate::sim::models::delivery::{FLAG_OFF_HOURS, HOURS_PER_WEEK, bisect_steps};

/// Changes started per hour.
pub fn start_rate(s: &Scenario) -> f64 {
    let d = &s.delivery;
    d.developers as f64 * d.change_rate * d.ai_factor
}

/// The chance a CI run has no test red by flakiness alone.
pub fn clean_run(s: &Scenario) -> f64 {
    let d = &s.delivery;
    let stays_red = libm::pow(d.flake, d.reruns as f64 + 1.0);
    libm::pow(1.0 - stays_red, d.tests as f64)
}

/// The chance a change reaches production defective.
pub fn escape_chance(s: &Scenario) -> f64 {
    let d = &s.delivery;
    d.defect_prob * (1.0 - d.review_catch) * (1.0 - d.test_catch)
}

/// The chance a batch of `batch` fails: at least one of its changes is defective.
pub fn batch_failure(q: f64, batch: u64) -> f64 {
    1.0 - libm::pow(1.0 - q, batch as f64)
}

/// The chance a change's branch conflicts when it merges.
pub fn conflict_chance(s: &Scenario) -> f64 {
    let d = &s.delivery;
    1.0 - libm::exp(-d.overlap * d.branch_days * d.developers.saturating_sub(1) as f64)
}

pub fn delivery(s: &Scenario) -> Prediction {
    let d = &s.delivery;
    let lambda = start_rate(s);
    let c = d.reviewers.max(1) as usize;
    let a = lambda * d.review_time;
    let mut notes = Vec::new();
    let mut figures = Vec::new();
    let (utilization, p_wait) = if a < c as f64 {
        let p_wait = erlang_c(c, a);
        let wait = p_wait * d.review_time / (c as f64 - a);
        figures.push(("review_wait", wait));
        figures.push(("reviewer_utilization", a / c as f64));
        (Some(a / c as f64), Some(p_wait))
    } else {
        notes.push(format!(
            "Changes need {a:.2} reviewers' time and there are {c}: the review queue grows without bound."
        ));
        (Some(1.0), Some(1.0))
    };
    let clean = clean_run(s);
    figures.push(("false_red_ratio", 1.0 - clean));
    if d.defect_prob > 0.0 && d.test_catch > 0.0 {
        notes.push(
            "A run that tests catch a defect in is a true red, not a false one: slightly fewer false reds."
                .into(),
        );
    }
    let q = escape_chance(s);
    figures.push(("change_failure_rate", batch_failure(q, d.batch)));
    if !d.flags {
        figures.push(("bisect_steps", bisect_steps(d.batch) as f64));
    }
    figures.push(("conflict_ratio", conflict_chance(s)));
    figures.push(("escaped_per_week", lambda * HOURS_PER_WEEK * q));
    figures.push(("deployment_frequency", 24.0 * lambda / d.batch.max(1) as f64));
    let restore = if d.flags { FLAG_OFF_HOURS } else { d.restore_time };
    figures.push(("time_to_restore", d.detect_time + restore));
    Prediction {
        model: format!("M/M/{c} review, independent defects and flakes"),
        utilization,
        p_wait,
        basis: Basis::Exact,
        notes,
        figures,
        ..Prediction::default()
    }
}
