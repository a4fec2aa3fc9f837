//! Key popularity: key k (0-based) of N drawn with probability proportional to 1/(k+1)^s,
//! in O(1) per draw by Walker's alias method. s = 0 is uniform.

use rand::Rng;

use super::rng::{below, uniform};

/// A precomputed alias table over `n` keys.
#[derive(Clone, Debug)]
pub struct Zipf {
    /// Per column: the chance of keeping the column's own key.
    keep: Vec<f64>,
    /// Per column: the key drawn otherwise.
    alias: Vec<u32>,
}

impl Zipf {
    /// A table for `n` keys (at least 1) and exponent `s` (at least 0).
    pub fn new(n: u32, s: f64) -> Zipf {
        let n = n.max(1) as usize;
        let s = s.max(0.0);
        let weights: Vec<f64> = (1..=n).map(|k| libm::pow(k as f64, -s)).collect();
        let total: f64 = weights.iter().sum();
        // Scaled so the average column holds exactly 1.
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut keep = vec![1.0; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(&s_i), Some(&l_i)) = (small.last(), large.last()) {
            small.pop();
            keep[s_i] = scaled[s_i];
            alias[s_i] = l_i as u32;
            scaled[l_i] -= 1.0 - scaled[s_i];
            if scaled[l_i] < 1.0 {
                large.pop();
                small.push(l_i);
            }
        }
        // Whatever is left holds 1 up to rounding: it keeps its own key.
        Zipf { keep, alias }
    }

    pub fn keys(&self) -> u32 {
        self.keep.len() as u32
    }

    /// A key in `0..n`.
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> u32 {
        let column = below(rng, self.keep.len());
        if uniform(rng) < self.keep[column] {
            column as u32
        } else {
            self.alias[column]
        }
    }

    /// The exact probability of key `k` (for tests and for warming a cache with the top keys).
    pub fn probability(n: u32, s: f64, k: u32) -> f64 {
        let total: f64 = (1..=n.max(1)).map(|i| libm::pow(f64::from(i), -s)).sum();
        libm::pow(f64::from(k + 1), -s) / total
    }
}
