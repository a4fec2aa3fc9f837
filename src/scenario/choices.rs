//! The scenario's named choices (`arrival = poisson`, `policy = p2c`, ...), one enum each.

use std::fmt;

/// A closed set of named values.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|choice| choice.name() == name)
    }

    /// "a, b or c", for messages.
    fn listing() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|c| c.name()).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
        pub enum $name {
            #[default]
            $($variant),+
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

// `#[default]` lands on the first variant: list the default first.
choice! {
    /// How arrivals are spaced.
    Arrival { Poisson = "poisson", Constant = "constant", Bursty = "bursty" }
}
choice! {
    /// The distribution of a request's work.
    ServiceDist { Exponential = "exp", Constant = "const", Lognormal = "lognormal" }
}
choice! {
    /// Which waiting request a free worker takes next.
    Discipline { Fifo = "fifo", Lifo = "lifo", Priority = "priority" }
}
choice! {
    /// How the load balancer picks a server.
    LbPolicy {
        RoundRobin = "round_robin",
        Weighted = "weighted",
        Random = "random",
        LeastConn = "least_conn",
        PowerOfTwo = "p2c",
        PeakEwma = "peak_ewma",
        Hash = "hash",
    }
}
choice! {
    /// Which entry a full cache evicts.
    CachePolicy { Lru = "lru", Lfu = "lfu", Fifo = "fifo", Random = "random" }
}
choice! {
    /// When an entry's time to live starts.
    TtlMode { Insert = "insert", Access = "access" }
}
choice! {
    /// Who reads the database on a miss.
    ReadPolicy { CacheAside = "cache_aside", ReadThrough = "read_through" }
}
choice! {
    /// What a write does to the cache and the database.
    WritePolicy { WriteAround = "write_around", WriteThrough = "write_through", WriteBack = "write_back" }
}
choice! {
    /// The rate limiter's algorithm.
    Algorithm {
        TokenBucket = "token_bucket",
        LeakyBucket = "leaky_bucket",
        FixedWindow = "fixed_window",
        SlidingWindow = "sliding_window",
    }
}
choice! {
    /// How a retry's backoff is randomized.
    Jitter { Full = "full", None = "none", Equal = "equal", Decorrelated = "decorrelated" }
}
choice! {
    /// Where replication reads go.
    ReadFrom { Replica = "replica", Primary = "primary" }
}
choice! {
    /// What a replica cut off from its primary does with a read.
    OnPartition { ServeStale = "serve_stale", Refuse = "refuse" }
}
choice! {
    /// How concurrent writers to one record keep (or lose) each other's updates.
    WriteStrategy { None = "none", Lock = "lock", Optimistic = "optimistic", Atomic = "atomic" }
}
