//! Runs one scenario natively and prints its event rate (best of 3) and trace hash: the
//! native side of scripts/bench-wasm.sh.
//!
//! ```text
//! cargo bench --profile bench-native --no-default-features --bench trace -- '<scenario>'
//! ```

use std::process::ExitCode;
use std::time::Instant;

use headroom::scenario::Scenario;
use headroom::sim::Sim;

fn main() -> ExitCode {
    let Some(text) = std::env::args().skip(1).find(|arg| arg != "--bench") else {
        eprintln!("usage: trace '<scenario>'");
        return ExitCode::from(1);
    };
    let parsed = Scenario::parse(&text);
    if let Some(problem) = parsed.problems.first() {
        eprintln!("{problem}");
        return ExitCode::from(2);
    }
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..3 {
        let started = Instant::now();
        let mut sim = Sim::new(&parsed.scenario);
        sim.run_to_end(u64::MAX);
        best = best.min(started.elapsed().as_secs_f64());
        last = Some(sim);
    }
    let Some(sim) = last else {
        return ExitCode::from(1);
    };
    println!("{:.0} {:016x}", sim.events() as f64 / best, sim.trace_hash());
    ExitCode::SUCCESS
}
