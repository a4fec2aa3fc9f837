//! Playback: how a view turns wall-clock time into simulated time without ever doing unbounded
//! work in one frame. The engine owns no clock; this is the caller's side of that contract, kept
//! pure so it is tested natively.
//!
//! Each animation frame asks [`Pacer::advance`] to move the run forward by
//! `speed × elapsed wall time`, spending at most `budget` events. When the budget runs out first
//! the run falls behind real time, and the frame says so; it never tries to catch up later.

use crate::sim::Sim;

/// Simulated seconds per wall-clock second. `MAX` means "as fast as the budget allows".
pub const SPEEDS: [f64; 10] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0, f64::INFINITY];

/// Events one frame may process: about 2 ms of work for the engine in wasm.
pub const FRAME_BUDGET: u64 = 15_000;

/// Longest wall-clock gap one frame accounts for; a longer one (a background tab, a debugger)
/// is treated as this long, so the run never lurches.
pub const MAX_FRAME_MS: f64 = 100.0;

/// What one frame did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub events: u64,
    /// The budget ran out before the run reached the time it was due at.
    pub behind: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pacer {
    pub speed: f64,
    pub budget: u64,
}

impl Pacer {
    pub fn new(speed: f64) -> Pacer {
        Pacer { speed, budget: FRAME_BUDGET }
    }

    /// Advances `sim` for a frame that lasted `elapsed_ms` of wall time.
    pub fn advance(&self, sim: &mut Sim, elapsed_ms: f64) -> Frame {
        if sim.is_done() {
            return Frame { events: 0, behind: false };
        }
        if self.speed.is_infinite() {
            let events = sim.step(self.budget);
            return Frame { events, behind: false };
        }
        let wall = elapsed_ms.clamp(0.0, MAX_FRAME_MS) / 1000.0;
        let due = sim.now() + wall * self.speed;
        let events = sim.run_until(due, self.budget);
        Frame { events, behind: !sim.is_done() && sim.now() < due }
    }
}

/// Events one frame may spend catching up to a seek's target: a few milliseconds of engine
/// work in wasm, so the page keeps drawing while a long replay runs.
pub const SEEK_BUDGET: u64 = 100_000;

/// A run being moved to a simulated time (a shared link's `t=`, or a failure injected "now",
/// which rebuilds the run and replays it to where it was), a frame's budget at a time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seek {
    pub from: f64,
    pub target: f64,
}

impl Seek {
    pub fn new(from: f64, target: f64) -> Seek {
        Seek { from, target }
    }

    /// Moves `sim` toward the target by at most `budget` events; true once it is there (or
    /// nothing is left to happen before it).
    pub fn advance(&self, sim: &mut Sim, budget: u64) -> bool {
        sim.run_until(self.target, budget);
        sim.now() >= self.target || sim.is_done()
    }

    /// How much of the way `sim` has come, from 0 to 1.
    pub fn fraction(&self, sim: &Sim) -> f64 {
        let span = self.target - self.from;
        if span > 0.0 { ((sim.now() - self.from) / span).clamp(0.0, 1.0) } else { 1.0 }
    }
}

/// The speed a widget starts at: real time, or faster when arrivals are sparse, so that at
/// least about eight requests arrive per wall-clock second. Lessons are tuned to make their
/// point within about ten simulated seconds, which real time shows in ten.
pub fn default_speed(arrival_rate: f64) -> f64 {
    let wanted = if arrival_rate > 0.0 { (8.0 / arrival_rate).max(1.0) } else { 1.0 };
    SPEEDS.iter().copied().find(|s| s.is_finite() && *s >= wanted).unwrap_or(SPEEDS[SPEEDS.len() - 2])
}

/// A speed as the learner reads it: "0.25×", "10×", "max".
pub fn speed_label(speed: f64) -> String {
    if speed.is_infinite() { "max".into() } else { format!("{speed}×") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    fn sim(text: &str) -> Sim {
        Sim::new(&Scenario::parse(text).scenario)
    }

    #[test]
    fn a_frame_advances_speed_times_elapsed() {
        let mut s = sim("kind=queue rate=2 service_time=0.2 requests=0 duration=100 seed=3");
        let frame = Pacer::new(2.0).advance(&mut s, 16.0);
        assert!(!frame.behind);
        assert!((s.now() - 0.032).abs() < 1e-9, "now = {}", s.now());
    }

    #[test]
    fn the_budget_bounds_every_frame_and_reports_falling_behind() {
        let mut s = sim("kind=queue rate=5000 service_time=0.0001 servers=1 requests=0 duration=100 seed=3");
        let pacer = Pacer { speed: 100.0, budget: 500 };
        for _ in 0..20 {
            let frame = pacer.advance(&mut s, 16.0);
            assert!(frame.events <= 500, "{frame:?}");
            assert!(frame.behind, "{frame:?}");
        }
    }

    #[test]
    fn a_seek_reaches_its_target_in_bounded_slices() {
        // Issue 8: a seek was one call capped at 2 million events, and stopped short. This one
        // needs about 6 million events: it must get there, a bounded slice at a time.
        let mut s = sim("kind=queue rate=1000 service_time=0.0009 requests=0 seed=3");
        let seek = Seek::new(0.0, 3000.0);
        let mut slices = 0;
        while !seek.advance(&mut s, SEEK_BUDGET) {
            slices += 1;
            assert!(s.now() < 3000.0 && slices < 1000, "slice {slices} at {}", s.now());
            assert!(seek.fraction(&s) < 1.0);
        }
        assert_eq!(s.now(), 3000.0);
        assert!(s.events() > 5_000_000, "{} events", s.events());
        assert!(slices >= 50, "{slices} slices");
        // The same run as one unbounded call.
        let mut whole = sim("kind=queue rate=1000 service_time=0.0009 requests=0 seed=3");
        whole.run_until(3000.0, u64::MAX);
        assert_eq!(whole.trace_hash(), s.trace_hash());
    }

    #[test]
    fn long_gaps_are_capped() {
        let mut s = sim("kind=queue rate=1 requests=0 duration=1000 seed=3");
        Pacer::new(1.0).advance(&mut s, 60_000.0);
        assert!((s.now() - MAX_FRAME_MS / 1000.0).abs() < 1e-9);
    }

    #[test]
    fn default_speed_is_real_time_or_faster_for_sparse_arrivals() {
        let check = |rate: f64, expected: f64| assert_eq!(default_speed(rate), expected, "rate {rate}");
        check(1.0, 10.0);
        check(8.0, 1.0);
        check(150.0, 1.0);
        check(0.9, 10.0);
        check(2.0, 5.0);
        check(0.001, 100.0);
        check(0.0, 1.0);
        assert_eq!(speed_label(f64::INFINITY), "max");
        assert_eq!(speed_label(0.25), "0.25×");
    }
}
