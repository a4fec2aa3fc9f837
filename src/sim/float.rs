//! Small float helpers.
//!
//! `max` and `min` for the hot path. `f64::max` and `f64::min` follow IEEE maxNum rules for NaN,
//! which wasm's own instructions do not, so in wasm they become calls into a support library;
//! these are a compare and a select. For NaN-free inputs the results are identical.

#[inline(always)]
pub fn max(a: f64, b: f64) -> f64 {
    if a >= b { a } else { b }
}

#[inline(always)]
pub fn min(a: f64, b: f64) -> f64 {
    if a <= b { a } else { b }
}

/// A count as a float, for the hot path: through `i64`, which x86-64 converts in one
/// instruction (an unsigned count takes several). The same value for every count below 2^63.
#[inline(always)]
pub fn count(n: usize) -> f64 {
    n as i64 as f64
}

/// `x` limited to `[low, high]`, NaN taken as `low` (`f64::clamp` passes NaN through).
pub fn clamp(x: f64, low: f64, high: f64) -> f64 {
    if x.is_nan() { low } else { x.clamp(low, high) }
}
