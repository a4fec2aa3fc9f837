//! Samplers for the distributions the scenarios name, written on `libm` so that a sample is
//! bit-identical natively and in wasm: exponential by inverse transform, normal by Box-Muller,
//! lognormal from the normal. The square root is the processor's own (`f64::sqrt`): IEEE 754
//! requires it correctly rounded, so it is the same everywhere (as a logarithm, exponential or
//! cosine is not), and in wasm it is one instruction where `libm`'s, done in integers with
//! 128-bit products, took a tenth of a lognormal run.

use rand::Rng;

use super::rng::{uniform, uniform_open};
use crate::scenario::ServiceDist;

/// An exponential sample with the given mean.
#[inline]
pub fn exponential<R: Rng + ?Sized>(rng: &mut R, mean: f64) -> f64 {
    -mean * libm::log(uniform_open(rng))
}

/// A standard normal sample (Box-Muller; one of the pair is used).
pub fn normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    let radius = (-2.0 * libm::log(uniform_open(rng))).sqrt();
    radius * libm::cos(std::f64::consts::TAU * uniform(rng))
}

/// The work a request brings: a distribution with a fixed mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Work {
    Constant(f64),
    Exponential(f64),
    /// exp(mu + sigma·Z), with mu chosen so the mean is the scenario's.
    Lognormal {
        mu: f64,
        sigma: f64,
    },
}

impl Work {
    pub fn new(distribution: ServiceDist, mean: f64, sigma: f64) -> Work {
        match distribution {
            ServiceDist::Constant => Work::Constant(mean),
            ServiceDist::Exponential => Work::Exponential(mean),
            ServiceDist::Lognormal => Work::Lognormal { mu: libm::log(mean) - sigma * sigma / 2.0, sigma },
        }
    }

    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match *self {
            Work::Constant(mean) => mean,
            Work::Exponential(mean) => exponential(rng, mean),
            Work::Lognormal { mu, sigma } => libm::exp(mu + sigma * normal(rng)),
        }
    }
}
