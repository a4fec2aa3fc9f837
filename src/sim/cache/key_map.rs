//! A fast hash map for `u64` keys: std's `HashMap` hashing each key once with the splitmix64
//! finalizer instead of SipHash. Unlike std's default, it is not seeded per process, so the same
//! operations give the same map everywhere (nothing should depend on its iteration order still).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::sim::ring::mix64;

/// A hasher for `u64` keys: one [`mix64`] per key.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix64(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = mix64(self.0 ^ key);
    }
}

/// A hash map keyed by `u64`, hashed with [`KeyHasher`].
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
