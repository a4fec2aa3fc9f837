//! The autoscaler on scripted utilization sequences. Each step is (time, observed utilization,
//! expected decision, ready instances after it, pending instances after it). The rule under
//! test: desired = ceil(ready · observed / target), clamped to [min, max].

use ScaleDecision::{Hold, NotDue, ScaleIn, ScaleOut};
use headroom::sim::autoscale::{AutoscaleConfig, Autoscaler, ScaleDecision};

/// Target 50 %, no dead band, 1 to 10 instances, every 10 s, ready 30 s after the request,
/// scale-in at least 60 s after the last action.
const CONFIG: AutoscaleConfig = AutoscaleConfig {
    target_utilization: 0.5,
    tolerance: 0.0,
    min_instances: 1,
    max_instances: 10,
    interval: 10.0,
    provisioning_delay: 30.0,
    scale_in_cooldown: 60.0,
};

fn check(config: AutoscaleConfig, initial: u32, steps: &[(f64, f64, ScaleDecision, u32, u32)]) {
    let mut scaler = Autoscaler::new(config, initial);
    for &(now, utilization, decision, ready, pending) in steps {
        let got = scaler.evaluate(now, utilization);
        assert_eq!(
            (got, scaler.ready(), scaler.pending()),
            (decision, ready, pending),
            "at {now} with utilization {utilization}"
        );
    }
}

#[test]
fn scales_out_then_in_after_the_cooldown() {
    check(
        CONFIG,
        2,
        &[
            (0.0, 1.0, ScaleOut(2), 2, 2), // ceil(2 · 1.0 / 0.5) = 4
            (5.0, 1.0, NotDue, 2, 2),      // next evaluation at 10
            (10.0, 1.0, Hold, 2, 2),       // pending instances count toward the 4
            (30.0, 0.5, Hold, 4, 0),       // the two arrive at 30; on target
            (40.0, 0.1, Hold, 4, 0),       // wants 1, but the last action was at 0
            (60.0, 0.1, ScaleIn { removed: 3, cancelled: 0 }, 1, 0),
            (70.0, 5.0, ScaleOut(9), 1, 9), // ceil(1 · 10) = 10, the maximum
            (80.0, 0.05, Hold, 1, 9),       // cooldown from 70
            (130.0, 0.05, ScaleIn { removed: 9, cancelled: 0 }, 1, 0), // ready at 100; ceil(10 · 0.1) = 1
            (140.0, 100.0, ScaleOut(9), 1, 9), // capped at the maximum
        ],
    );
}

#[test]
fn scaling_in_cancels_pending_instances_first() {
    let config = AutoscaleConfig { scale_in_cooldown: 0.0, ..CONFIG };
    check(
        config,
        2,
        &[
            (0.0, 1.0, ScaleOut(2), 2, 2),
            (10.0, 0.1, ScaleIn { removed: 1, cancelled: 2 }, 1, 0), // ceil(2 · 0.2) = 1
            (20.0, 0.0, Hold, 1, 0),                                 // already at the minimum
        ],
    );
}

#[test]
fn the_dead_band_ignores_small_deviations() {
    let config = AutoscaleConfig { tolerance: 0.1, ..CONFIG };
    check(
        config,
        2,
        &[
            (0.0, 0.54, Hold, 2, 0),         // 8 % over target
            (10.0, 0.46, Hold, 2, 0),        // 8 % under
            (20.0, 0.56, ScaleOut(1), 2, 1), // 12 % over: ceil(2 · 1.12) = 3
        ],
    );
}

#[test]
fn bad_inputs_hold_and_bad_parameters_are_clamped() {
    let config = AutoscaleConfig {
        target_utilization: f64::NAN,
        tolerance: -1.0,
        min_instances: 0,
        max_instances: 0,
        interval: f64::NAN,
        provisioning_delay: -5.0,
        scale_in_cooldown: f64::INFINITY,
    };
    // min 1, max 1, target 0.01, interval 1 ms: the fleet stays at one instance.
    check(
        config,
        7,
        &[(0.0, f64::NAN, Hold, 1, 0), (1.0, 0.5, Hold, 1, 0), (2.0, f64::INFINITY, Hold, 1, 0)],
    );
    let scaler = Autoscaler::new(config, 7);
    assert_eq!((scaler.config().min_instances, scaler.config().max_instances), (1, 1));
}
