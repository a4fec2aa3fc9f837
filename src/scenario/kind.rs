//! What a scenario simulates (`kind = ...`) and sets of kinds (which kinds use a key).

use std::fmt;

/// The widget kinds. Each is a configuration of the one engine, except `Hashing` and
/// `Estimate`, which are computed directly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Queue,
    Balancer,
    Cache,
    Limiter,
    Retries,
    Breaker,
    Hashing,
    Replication,
    Autoscale,
    Pipeline,
    Estimate,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Queue,
        Kind::Balancer,
        Kind::Cache,
        Kind::Limiter,
        Kind::Retries,
        Kind::Breaker,
        Kind::Hashing,
        Kind::Replication,
        Kind::Autoscale,
        Kind::Pipeline,
        Kind::Estimate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Queue => "queue",
            Kind::Balancer => "balancer",
            Kind::Cache => "cache",
            Kind::Limiter => "limiter",
            Kind::Retries => "retries",
            Kind::Breaker => "breaker",
            Kind::Hashing => "hashing",
            Kind::Replication => "replication",
            Kind::Autoscale => "autoscale",
            Kind::Pipeline => "pipeline",
            Kind::Estimate => "estimate",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Whether this kind is an event simulation (as opposed to a direct computation).
    pub fn is_timed(self) -> bool {
        !matches!(self, Kind::Hashing | Kind::Estimate)
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of kinds, as a bit mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds(u16);

impl Kinds {
    pub const fn of(kinds: &[Kind]) -> Kinds {
        let mut bits = 0;
        let mut i = 0;
        while i < kinds.len() {
            bits |= kinds[i].bit();
            i += 1;
        }
        Kinds(bits)
    }

    pub const fn all() -> Kinds {
        Kinds((1 << Kind::ALL.len()) - 1)
    }

    pub const fn without(self, kind: Kind) -> Kinds {
        Kinds(self.0 & !kind.bit())
    }

    pub fn contains(self, kind: Kind) -> bool {
        self.0 & kind.bit() != 0
    }
}

impl fmt::Display for Kinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Kind::ALL.into_iter().filter(|k| self.contains(*k)).map(Kind::name).collect();
        f.write_str(&names.join(", "))
    }
}
