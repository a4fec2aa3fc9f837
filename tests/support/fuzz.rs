//! A seeded generator for the fuzz-style tests: a failure reproduces from its seed.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg32;

pub struct Fuzz(Pcg32);

impl Fuzz {
    pub fn new(seed: u64) -> Fuzz {
        Fuzz(Pcg32::seed_from_u64(seed))
    }

    pub fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (`n` at least 1).
    #[allow(dead_code)]
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `items` (not empty).
    #[allow(dead_code)]
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
