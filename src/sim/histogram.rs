//! A latency histogram in bounded memory, in the manner of HDR histograms: buckets are
//! log-linear (each power of two split into 128 equal parts), so any recorded value is known
//! to within 0.4% whatever its size, from a microsecond to days.

use std::fmt;

use super::float::{max, min};

/// Mantissa bits kept per value: 2^7 = 128 buckets per power of two.
const SUB_BITS: u32 = 7;
const SUB_BUCKETS: usize = 1 << SUB_BITS;
/// Values below 2^MIN_EXP seconds (about 1 ns) share the first bucket; values from
/// 2^MAX_EXP (about 12 days) on share the last.
const MIN_EXP: i32 = -30;
const MAX_EXP: i32 = 20;
const BUCKETS: usize = (MAX_EXP - MIN_EXP) as usize * SUB_BUCKETS;

#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    counts: Vec<u64>,
    count: u64,
    sum: f64,
    min: f64,
    max: f64,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram { counts: vec![0; BUCKETS], count: 0, sum: 0.0, min: f64::INFINITY, max: 0.0 }
    }
}

fn index(value: f64) -> usize {
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1023;
    if value.is_nan() || exponent < MIN_EXP {
        return 0;
    }
    if exponent >= MAX_EXP {
        return BUCKETS - 1;
    }
    let sub = ((bits >> (52 - SUB_BITS)) as usize) & (SUB_BUCKETS - 1);
    (exponent - MIN_EXP) as usize * SUB_BUCKETS + sub
}

/// The middle of bucket `i`.
fn midpoint(i: usize) -> f64 {
    let exponent = (i / SUB_BUCKETS) as i32 + MIN_EXP;
    let sub = (i % SUB_BUCKETS) as f64;
    libm::scalbn(1.0 + (sub + 0.5) / SUB_BUCKETS as f64, exponent)
}

impl Histogram {
    #[inline]
    pub fn record(&mut self, value: f64) {
        let value = max(value, 0.0);
        self.counts[index(value)] += 1;
        self.count += 1;
        self.sum += value;
        self.min = min(self.min, value);
        self.max = max(self.max, value);
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    pub fn mean(&self) -> f64 {
        if self.count == 0 { 0.0 } else { self.sum / self.count as f64 }
    }

    pub fn max(&self) -> f64 {
        self.max
    }

    pub fn min(&self) -> f64 {
        if self.count == 0 { 0.0 } else { self.min }
    }

    /// The value at quantile `q` (0.99 for p99): the smallest bucket holding at least that
    /// share of the values, reported at its middle and kept within the exact min and max.
    pub fn quantile(&self, q: f64) -> f64 {
        self.quantiles(&[q])[0]
    }

    /// Several quantiles in one pass; `qs` ascending.
    pub fn quantiles(&self, qs: &[f64]) -> Vec<f64> {
        let mut out = Vec::with_capacity(qs.len());
        if self.count == 0 {
            out.resize(qs.len(), 0.0);
            return out;
        }
        let mut seen = 0;
        let mut buckets = self.counts.iter().enumerate();
        // Carried from one quantile to the next: two quantiles in the same bucket share its value.
        let mut value = self.max;
        for &q in qs {
            let rank = ((q.clamp(0.0, 1.0) * self.count as f64).ceil() as u64).max(1);
            while seen < rank {
                match buckets.next() {
                    Some((i, &n)) => {
                        seen += n;
                        value = midpoint(i);
                    }
                    None => break,
                }
            }
            out.push(value.clamp(self.min, self.max));
        }
        out
    }

    /// The share of recorded values above `t` (to bucket resolution).
    pub fn fraction_above(&self, t: f64) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let above: u64 = self.counts[index(t.max(0.0)) + 1..].iter().sum();
        above as f64 / self.count as f64
    }
}

impl fmt::Display for Histogram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = self.quantiles(&[0.5, 0.95, 0.99]);
        write!(
            f,
            "n={} mean={:.4} p50={:.4} p95={:.4} p99={:.4} max={:.4}",
            self.count,
            self.mean(),
            q[0],
            q[1],
            q[2],
            self.max
        )
    }
}
