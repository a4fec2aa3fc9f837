//! A coarse latency histogram small enough to keep one per chart bucket: 48 half-octave bins
//! from 2^-14 s (61 µs) to 2^10 s (17 min), values outside falling into the end bins. A
//! percentile read from it is a bin's geometric middle, within a factor of 2^(1/4) (19%).

pub const BINS: usize = 48;
/// The lower edge of bin 0 is 2^MIN_EXP seconds.
const MIN_EXP: i32 = -14;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LatencyBins {
    counts: [u32; BINS],
}

impl Default for LatencyBins {
    fn default() -> Self {
        LatencyBins { counts: [0; BINS] }
    }
}

fn bin(seconds: f64) -> usize {
    // For a positive double, the bits above the top 52 - 1 hold the exponent and the first
    // mantissa bit: which half of its octave the value is in. Zero and below, NaN and the
    // too-small and too-large fall outside 0..BINS and are clamped to the ends.
    const OFFSET: i64 = 2 * (1023 + MIN_EXP as i64);
    if seconds <= 0.0 {
        return 0;
    }
    ((seconds.to_bits() >> 51) as i64 - OFFSET).clamp(0, BINS as i64 - 1) as usize
}

/// The geometric middle of bin `i`.
fn middle(i: usize) -> f64 {
    libm::exp2(f64::from(MIN_EXP) + (i as f64 + 0.5) / 2.0)
}

impl LatencyBins {
    #[inline]
    pub fn record(&mut self, seconds: f64) {
        let count = &mut self.counts[bin(seconds)];
        *count = count.saturating_add(1);
    }

    pub fn merge(&mut self, other: &LatencyBins) {
        for (count, more) in self.counts.iter_mut().zip(other.counts) {
            *count = count.saturating_add(more);
        }
    }

    pub fn count(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }

    /// The values at quantiles `qs` (ascending), or `None` with nothing recorded.
    pub fn quantiles<const N: usize>(&self, qs: [f64; N]) -> Option<[f64; N]> {
        let total = self.count();
        if total == 0 {
            return None;
        }
        let mut out = [0.0; N];
        let mut seen = 0u64;
        let mut bins = self.counts.iter().enumerate();
        let mut current = 0;
        for (slot, q) in out.iter_mut().zip(qs) {
            let rank = ((q.clamp(0.0, 1.0) * total as f64).ceil() as u64).max(1);
            while seen < rank {
                let Some((i, &n)) = bins.next() else { break };
                seen += u64::from(n);
                current = i;
            }
            *slot = middle(current);
        }
        Some(out)
    }
}
