//! Exports for `run.mjs`: `alloc(len)` gives a buffer for the scenario text, `run(ptr, len)`
//! runs it to its end as a widget does, keeping everything (and frees the buffer) and returns
//! the trace hash, `run_report(ptr, len)` the same for a run kept for its report alone, as the
//! command line runs it (`sim::run`), `events()` tells how many events the last run processed.

use std::sync::atomic::{AtomicU64, Ordering};

use headroom::scenario::Scenario;
use headroom::sim::{self, Outcome, Sim};

static EVENTS: AtomicU64 = AtomicU64::new(0);

/// A buffer of `len` bytes for the caller to write the scenario into; `run` takes it back.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()).cast()
}

/// Runs the scenario in the buffer from `alloc(len)` to its end and frees the buffer.
/// Returns the trace hash, or 0 if the text is not a valid scenario.
///
/// # Safety
/// `ptr` and `len` must come from one `alloc` call, and the buffer must not be used again.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn run(ptr: *mut u8, len: usize) -> u64 {
    // SAFETY: as this function's.
    let Some(scenario) = (unsafe { take_scenario(ptr, len) }) else {
        return 0;
    };
    let mut sim = Sim::new(&scenario);
    sim.run_to_end(u64::MAX);
    EVENTS.store(sim.events(), Ordering::Relaxed);
    sim.trace_hash()
}

/// Like [`run`], for a run kept for its report alone (`sim::run`). Returns the trace hash, or
/// 0 if the text is not a valid scenario or the run does not end.
///
/// # Safety
/// As for [`run`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn run_report(ptr: *mut u8, len: usize) -> u64 {
    // SAFETY: as this function's.
    let Some(scenario) = (unsafe { take_scenario(ptr, len) }) else {
        return 0;
    };
    let Ok(Outcome::Timed(report)) = sim::run(&scenario, u64::MAX) else {
        return 0;
    };
    EVENTS.store(report.events, Ordering::Relaxed);
    u64::from_str_radix(&report.trace_hash, 16).unwrap_or(0)
}

/// The scenario written into the buffer from `alloc(len)`, which it frees; `None` unless the
/// text is a scenario without problems.
///
/// # Safety
/// As for [`run`].
unsafe fn take_scenario(ptr: *mut u8, len: usize) -> Option<Scenario> {
    // SAFETY: the caller passes back exactly what `alloc` leaked.
    let bytes = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) };
    let parsed = Scenario::parse(std::str::from_utf8(&bytes).ok()?);
    parsed.problems.is_empty().then_some(parsed.scenario)
}

/// Events processed by the last `run`.
#[unsafe(no_mangle)]
pub extern "C" fn events() -> u64 {
    EVENTS.load(Ordering::Relaxed)
}
