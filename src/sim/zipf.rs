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
        let weights = weights(n, s);
        let n = weights.len();
        let total: f64 = weights.iter().sum();
        // Scaled so the average column holds exactly 1.
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut keep = vec![1.0; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| scaled[i] < 1.0);
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
        if uniform(rng) < self.keep[column] { column as u32 } else { self.alias[column] }
    }
}

/// The popularity weights 1/k^s of keys k = 1..=n (`n` at least 1, `s` at least 0).
fn weights(n: u32, s: f64) -> Vec<f64> {
    (1..=n.max(1)).map(|k| libm::pow(f64::from(k), -s.max(0.0))).collect()
}

/// Each of the `n` keys' share of the requests.
pub fn shares(n: u32, s: f64) -> Vec<f64> {
    let weights = weights(n, s);
    let total: f64 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}
