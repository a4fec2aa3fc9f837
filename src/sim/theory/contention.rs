//! Contention (kind = contention): writers doing read-modify-write on shared records.
//!
//! - Lost updates without coordination (`strategy = none`): writes to a record form a Poisson
//!   stream of rate λ_i, each writing `gap` g after it read. The value that survives at the end
//!   comes from a chain of writers read back from the last: each link is the latest writer that
//!   wrote before the next one read, g plus an exponential time of mean 1/λ_i earlier. The chain
//!   keeps one write per g + 1/λ_i seconds out of λ_i per second, so the lost share of a
//!   record's writes is λ_i·g / (1 + λ_i·g), and over all records the share is its mean,
//!   weighted by each record's share of the writes.
//! - Double effects: each message is delivered again with chance `dup_prob`, so without
//!   idempotency dup_prob·N repeats take effect; with it, none.
//! - Lock wait (`strategy = lock`): each record's lock is a single server with constant service
//!   g and Poisson arrivals (a Zipf share of a Poisson stream is Poisson): M/D/1. The mean wait
//!   is λ_i g² / (2 (1 - ρ_i)), ρ_i = λ_i g; with one record the latency percentiles are
//!   M/D/1's exactly.
//!
//! Late delivery moves each message by an independent delay, which keeps a Poisson stream
//! Poisson at the same rate (the displacement theorem), and repeats add a Poisson stream of rate
//! dup_prob·λ: the formulas take the deliveries' rate λ (1 + dup_prob) (λ with idempotency,
//! which skips the repeats before they write).

use super::basis::{self, Basis};
use super::caches;
use super::percentiles::MD1;
use super::{NO_CLOSED_FORM, Prediction};
use crate::scenario::{Scenario, WriteStrategy};

/// The most popularity bands the lock's latency percentiles are mixed over (a few hottest
/// records); beyond, only the mean wait is given.
const MAX_PERCENTILE_BANDS: usize = 16;

pub fn contention(s: &Scenario) -> Prediction {
    let c = &s.contention;
    let g = c.gap;
    let repeats = if c.idempotency { 0.0 } else { c.dup_prob };
    let rate = s.arrivals.rate * (1.0 + repeats);
    let bands = caches::popularity(s);
    let mut notes = Vec::new();
    let mut p = Prediction {
        model: match c.strategy {
            WriteStrategy::Lock => "M/D/1 per record".into(),
            _ => "Poisson writers, fixed gap".into(),
        },
        double_ratio: Some(repeats),
        ..Prediction::default()
    };
    match c.strategy {
        WriteStrategy::None => {
            let lost: f64 = bands
                .iter()
                .map(|band| {
                    let x = rate * band.share * g;
                    band.keys * band.share * x / (1.0 + x)
                })
                .sum();
            p.lost_ratio = Some(lost);
        }
        WriteStrategy::Lock => {
            p.lost_ratio = Some(0.0);
            let hottest = bands.first().map_or(0.0, |band| rate * band.share * g);
            if hottest >= 1.0 {
                notes.push(format!(
                    "The hottest record's lock is asked for {hottest:.2} times as often as it can be \
                     held: its line grows without bound."
                ));
                notes.push(NO_CLOSED_FORM.into());
            } else {
                let wait: f64 = bands
                    .iter()
                    .map(|band| {
                        let lambda = rate * band.share;
                        let rho = lambda * g;
                        band.keys * band.share * lambda * g * g / (2.0 * (1.0 - rho))
                    })
                    .sum();
                p.mean_wait = Some(wait);
                p.mean_latency = Some(wait + g);
                p.utilization = Some(hottest);
                if bands.len() <= MAX_PERCENTILE_BANDS {
                    p.p99 = mixed_latency_quantile(&bands, rate, g, 0.99);
                }
            }
        }
        WriteStrategy::Optimistic => {
            p.lost_ratio = Some(0.0);
            notes.push("Conflicts and retries have no closed form here: each retry adds writers.".into());
        }
        WriteStrategy::Atomic => {
            p.lost_ratio = Some(0.0);
            p.mean_wait = Some(0.0);
        }
    }
    if c.reorder_prob > 0.0 {
        notes.push(
            "Late messages keep the deliveries Poisson; near the end of a run some are still on their way."
                .into(),
        );
    }
    p.notes = notes;
    basis::settle(s, Basis::Exact, &mut p);
    p
}

/// The q-quantile of a write's latency (lock wait plus gap) over records with the shares in
/// `bands`, each an M/D/1 queue; `None` when a record's lock is not stable or g is 0.
fn mixed_latency_quantile(bands: &[caches::Band], rate: f64, g: f64, q: f64) -> Option<f64> {
    let mut queues: Vec<(f64, Option<MD1>)> =
        bands.iter().map(|band| (band.keys * band.share, MD1::new(rate * band.share, g))).collect();
    if queues.len() == 1 {
        return queues[0].1.as_mut()?.latency_quantile(q);
    }
    // P(wait > t), mixed; a record too quiet for MD1 (rho of 0) never waits.
    let mut above = |t: f64| -> f64 {
        queues
            .iter_mut()
            .map(|(weight, queue)| *weight * queue.as_mut().map_or(0.0, |m| 1.0 - m.wait_cdf(t)))
            .sum()
    };
    if above(0.0) <= 1.0 - q {
        return Some(g);
    }
    let mut high = g.max(1e-9);
    while above(high) > 1.0 - q {
        high *= 2.0;
        if high > 4096.0 * g {
            return None;
        }
    }
    let mut low = 0.0;
    for _ in 0..60 {
        let mid = 0.5 * (low + high);
        if above(mid) > 1.0 - q { low = mid } else { high = mid }
    }
    Some(0.5 * (low + high) + g)
}
