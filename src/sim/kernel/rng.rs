//! The run's random numbers: one seeded PCG stream per purpose, derived from the scenario's
//! seed, so that changing one part of a scenario (say the service distribution) leaves the
//! other parts' draws (the arrival times) unchanged. A model numbers its own purposes; the
//! numbers need only differ within one model.
//!
//! Uniform draws are built from integer output only, so they are the same on every platform.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg32;

/// The generator behind every stream.
pub type SimRng = Pcg32;

/// The generator for stream `purpose` of the run seeded with `seed`.
pub fn stream(seed: u64, purpose: u64) -> SimRng {
    SimRng::seed_from_u64(mix64(seed ^ mix64(purpose)))
}

/// The splitmix64 finalizer: a bijection on `u64` in which every input bit affects every
/// output bit. Used to derive streams, for ring positions and for hashing cache keys.
pub const fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Uniform in [0, 1), with 53 random bits.
#[inline]
pub fn uniform<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Uniform in (0, 1]: safe to take the logarithm of.
#[inline]
pub fn uniform_open<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    ((rng.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Uniform integer in `0..n` (`0 < n < 2^32`), by Lemire's multiply-shift on 32 random bits
/// (bias below n / 2^32: under 10^-3 for the sizes used here).
#[inline]
pub fn below<R: Rng + ?Sized>(rng: &mut R, n: usize) -> usize {
    ((u64::from(rng.next_u32()) * n as u64) >> 32) as usize
}

/// True with probability `p`.
#[inline]
pub fn chance<R: Rng + ?Sized>(rng: &mut R, p: f64) -> bool {
    uniform(rng) < p
}
