//! Rate limiters against their long-run rates and on scripted arrivals.
//!
//! Long run: a limiter of rate r offered λ requests per second for D seconds admits about
//! min(λ, r)·D, plus its initial allowance when overloaded (the token bucket's burst, the leaky
//! bucket's places); window limiters admit `limit` per `window`.

use headroom::sim::limiter::{Admission, Limiter, LimiterConfig};
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// Arrival times for a test.
enum Arrivals<'a> {
    /// Evenly spaced at `rate` per second for `duration` seconds, the first at 0.
    Even {
        rate: f64,
        duration: f64,
    },
    /// Poisson at `rate` per second for `duration` seconds.
    Poisson {
        rate: f64,
        duration: f64,
    },
    At(&'a [f64]),
}

impl Arrivals<'_> {
    fn times(&self) -> Vec<f64> {
        match *self {
            Arrivals::Even { rate, duration } => {
                (0..).map(|i| f64::from(i) / rate).take_while(|&t| t < duration).collect()
            }
            Arrivals::Poisson { rate, duration } => {
                let mut rng = Pcg64Mcg::seed_from_u64(17);
                let mut t = 0.0;
                std::iter::from_fn(|| {
                    t += -libm::log(1.0 - rng.random::<f64>()) / rate;
                    Some(t)
                })
                .take_while(|&t| t < duration)
                .collect()
            }
            Arrivals::At(times) => times.to_vec(),
        }
    }
}

/// Runs `arrivals` through a limiter and returns each admitted request's release time.
fn run(config: LimiterConfig, arrivals: &Arrivals) -> Vec<f64> {
    let mut limiter = Limiter::new(config);
    let released: Vec<f64> = arrivals
        .times()
        .into_iter()
        .filter_map(|t| match limiter.acquire(t) {
            Admission::Pass => Some(t),
            Admission::Delay(d) => Some(t + d),
            Admission::Reject => None,
        })
        .collect();
    assert_eq!(limiter.passed(), released.len() as u64);
    released
}

/// Checks the number admitted against `expected` within `tolerance` (absolute count).
fn check(config: LimiterConfig, arrivals: Arrivals, expected: f64, tolerance: f64) {
    let admitted = run(config, &arrivals).len() as f64;
    assert!((admitted - expected).abs() <= tolerance, "{config:?}: admitted {admitted}, expected {expected}");
}

#[test]
fn token_bucket_admits_its_rate_plus_burst() {
    let bucket = LimiterConfig::TokenBucket { rate: 10.0, burst: 20.0 };
    // Overloaded: burst + rate·D = 20 + 10·100, within ±2 for the requests at either end.
    check(bucket, Arrivals::Even { rate: 50.0, duration: 100.0 }, 1020.0, 2.0);
    // Poisson overload: the same, within ±1 % (the bucket is almost never full, so almost no
    // refill is lost).
    check(bucket, Arrivals::Poisson { rate: 50.0, duration: 100.0 }, 1020.0, 10.2);
    // Under the limit everything passes: min(λ, r)·D = 5·100.
    check(bucket, Arrivals::Even { rate: 5.0, duration: 100.0 }, 500.0, 0.0);
    // Poisson below the limit: a run of more than 20 arrivals far faster than the refill is
    // vanishingly rare, so every arrival passes.
    let poisson = Arrivals::Poisson { rate: 5.0, duration: 100.0 };
    let offered = poisson.times().len() as f64;
    check(bucket, poisson, offered, 0.0);
    // A simultaneous crowd: exactly the burst.
    check(bucket, Arrivals::At(&[0.0; 100]), 20.0, 0.0);
}

#[test]
fn leaky_bucket_releases_evenly() {
    let bucket = LimiterConfig::LeakyBucket { rate: 10.0, capacity: 5.0 };
    // Overloaded: the 5 places fill, then one enters per 1/r: 5 + 10·100, within ±2.
    let released = run(bucket, &Arrivals::Poisson { rate: 50.0, duration: 100.0 });
    assert!((released.len() as f64 - 1005.0).abs() <= 2.0, "{}", released.len());
    // Releases leave in order, at least 1/r apart, after a wait of at most (capacity − 1)/r.
    assert!(released.windows(2).all(|w| w[1] - w[0] >= 0.1 - 1e-9));
    let mut limiter = Limiter::new(bucket);
    let waits: Vec<Admission> = [0.0; 7].iter().map(|&t| limiter.acquire(t)).collect();
    let delay = |n: f64| Admission::Delay(n / 10.0);
    let expected = [
        Admission::Pass,
        delay(1.0),
        delay(2.0),
        delay(3.0),
        delay(4.0),
        Admission::Reject,
        Admission::Reject,
    ];
    assert_eq!(waits, expected);
    // Under the limit with even spacing nothing waits.
    check(bucket, Arrivals::Even { rate: 5.0, duration: 100.0 }, 500.0, 0.0);
}

#[test]
fn windows_admit_their_limit() {
    let fixed = LimiterConfig::FixedWindow { limit: 10, window: 1.0 };
    let log = LimiterConfig::SlidingLog { limit: 10, window: 1.0 };
    let counter = LimiterConfig::SlidingCounter { limit: 10, window: 1.0 };
    let overload = || Arrivals::Even { rate: 50.0, duration: 100.0 };
    // limit per window · windows = 10 · 100, exactly for the aligned fixed window.
    check(fixed, overload(), 1000.0, 0.0);
    // The exact log admits 10 per sliding second: ±1 at the end.
    check(log, overload(), 1000.0, 1.0);
    // The counter approximation also holds limit per window in the long run: ±1 %.
    check(counter, overload(), 1000.0, 10.0);
    // Poisson overload: each of the log's `limit` places frees W after its request and is
    // taken by the next arrival, an exponential 1/λ later (memoryless), so it renews every
    // W + 1/λ: limit · D / (W + 1/λ) = 10 · 100 / 1.02, within ±1 %. The counter, which takes the
    // previous window's requests as evenly spread, stays at limit · D within ±1 %.
    check(log, Arrivals::Poisson { rate: 50.0, duration: 100.0 }, 1000.0 / 1.02, 10.0);
    check(counter, Arrivals::Poisson { rate: 50.0, duration: 100.0 }, 1000.0, 10.0);
    // Under the limit all pass.
    for config in [fixed, log, counter] {
        check(config, Arrivals::Even { rate: 5.0, duration: 100.0 }, 500.0, 0.0);
    }
}

#[test]
fn only_the_fixed_window_lets_a_double_burst_through() {
    // Ten requests just before a window boundary and ten just after it.
    let times: Vec<f64> = [0.99; 10].into_iter().chain([1.0; 10]).collect();
    check(LimiterConfig::FixedWindow { limit: 10, window: 1.0 }, Arrivals::At(&times), 20.0, 0.0);
    check(LimiterConfig::SlidingLog { limit: 10, window: 1.0 }, Arrivals::At(&times), 10.0, 0.0);
    check(LimiterConfig::SlidingCounter { limit: 10, window: 1.0 }, Arrivals::At(&times), 10.0, 0.0);
}

#[test]
fn the_sliding_log_never_exceeds_its_limit() {
    // In any window of length W at most `limit` pass: admitted[i + limit] − admitted[i] ≥ W.
    let admitted = run(
        LimiterConfig::SlidingLog { limit: 7, window: 0.5 },
        &Arrivals::Poisson { rate: 40.0, duration: 50.0 },
    );
    assert!(admitted.windows(8).all(|w| w[7] - w[0] >= 0.5 - 1e-12));
}

#[test]
fn bad_parameters_are_clamped() {
    let configs = [
        LimiterConfig::TokenBucket { rate: f64::NAN, burst: -1.0 },
        LimiterConfig::LeakyBucket { rate: 0.0, capacity: f64::INFINITY },
        LimiterConfig::FixedWindow { limit: u32::MAX, window: 0.0 },
        LimiterConfig::SlidingLog { limit: 0, window: f64::NAN },
        LimiterConfig::SlidingCounter { limit: 3, window: -5.0 },
    ];
    for config in configs {
        let mut limiter = Limiter::new(config);
        for t in [0.0, 1.0, f64::NAN, 0.5, f64::INFINITY, 2.0] {
            limiter.try_acquire(t);
        }
        assert!(limiter.level().is_finite(), "{limiter}");
    }
}
