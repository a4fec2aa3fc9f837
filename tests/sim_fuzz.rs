//! Random scenarios, drawn from every key's own range and choices by a seeded generator, run
//! to their end without panicking, and keep Little's law.

#[path = "support/fuzz.rs"]
mod fuzz;
use fuzz::Fuzz;

use headroom::scenario::{KEYS, Kind, Scenario};
use headroom::sim::{self, Outcome};

/// A value for a key: an end of its range, a point inside it, its `none` word, or a choice.
fn value(fuzz: &mut Fuzz, spec: &headroom::scenario::KeySpec) -> String {
    if let Some(choices) = spec.choices() {
        return choices[fuzz.below(choices.len())].to_string();
    }
    let b = spec.bounds;
    if b.min == b.max {
        return ["on", "off"][fuzz.below(2)].to_string();
    }
    let t = (fuzz.next() % 1000) as f64 / 1000.0;
    // Log-uniform where the range spans decades, so small values are drawn as often as large.
    let x = if b.min > 0.0 { b.min * (b.max / b.min).powf(t) } else { b.max * t * t * t };
    match fuzz.below(8) {
        0 => b.min.to_string(),
        1 => b.none.unwrap_or("0").to_string(),
        _ if spec.integer() => x.round().to_string(),
        _ => x.to_string(),
    }
}

#[test]
fn random_scenarios_run_to_the_end() {
    let mut fuzz = Fuzz::new(0x2545_F491_4F6C_DD1D);
    let timed: Vec<Kind> = Kind::ALL.into_iter().collect();
    for _ in 0..2000 {
        let kind = timed[fuzz.below(timed.len())];
        let usable: Vec<_> = KEYS.iter().filter(|k| kind.uses(k)).collect();
        let mut text = format!("kind={kind}");
        for _ in 0..fuzz.below(12) {
            let spec = usable[fuzz.below(usable.len())];
            text.push_str(&format!("\n{} = {}", spec.name, value(&mut fuzz, spec)));
        }
        // Keep each run small (few arrivals, a short horizon, small key spaces), and measure
        // from the start so that Little's law holds exactly.
        text.push_str("\nrequests = 300\nduration = 300\nrate = 5\nwarmup = 0");
        let mut parsed = Scenario::parse(&text);
        parsed.scenario.keys.count = parsed.scenario.keys.count.min(500);
        match sim::run(&parsed.scenario, 2_000_000) {
            Ok(Outcome::Timed(r)) => {
                let lambda_w = r.arrival_rate * r.mean_sojourn;
                assert!(
                    (r.mean_in_system - lambda_w).abs() <= 1e-6 * r.mean_in_system.max(1.0),
                    "Little's law broke for\n{text}"
                );
                assert!(r.completed + r.dead_lettered <= r.arrivals + r.retries, "{text}");
            }
            Ok(_) => assert!(!kind.is_timed()),
            Err(error) => assert!(error.to_string().contains("events"), "{text}: {error}"),
        }
    }
}
