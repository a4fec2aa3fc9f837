//! Exports for `run.mjs`: `alloc(len)` gives a buffer for the scenario text, `run(ptr, len)`
//! runs it to its end (and frees the buffer) and returns the trace hash, `events()` tells how
//! many events that run processed.

use std::sync::atomic::{AtomicU64, Ordering};

use headroom::scenario::Scenario;
use headroom::sim::Sim;

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
    // SAFETY: the caller passes back exactly what `alloc` leaked.
    let bytes = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return 0;
    };
    let parsed = Scenario::parse(text);
    if !parsed.problems.is_empty() {
        return 0;
    }
    let mut sim = Sim::new(&parsed.scenario);
    sim.run_to_end(u64::MAX);
    EVENTS.store(sim.events(), Ordering::Relaxed);
    sim.trace_hash()
}

/// Events processed by the last `run`.
#[unsafe(no_mangle)]
pub extern "C" fn events() -> u64 {
    EVENTS.load(Ordering::Relaxed)
}
