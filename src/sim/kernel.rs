//! The kernel: what every simulation shares, whatever it models. It knows nothing about
//! requests, caches or servers.
//!
//! - [`Kernel`]: the clock, the pending events ordered by (time, sequence number), the count of
//!   events processed and the trace hash;
//! - [`Model`]: what a model brings: its event type, its first events, how time passing and
//!   each event change it;
//! - [`Engine`]: a model on a kernel, advanced by the caller with a budget ([`Engine::step`],
//!   [`Engine::run_until`]); the loop is generic over the model, so each model's loop is
//!   compiled for its own event type;
//! - `rng`: seeded random streams, one per purpose.
//!
//! The kernel owns no wall clock: the caller decides how far a run goes and how much work one
//! call may do. Everything is plain data, so an `Engine` is `Clone`: a checkpoint.

pub mod queue;
pub mod rng;

use queue::{Event, EventQueue};

/// The trace hash before any event (the FNV-1a offset basis).
pub const TRACE_START: u64 = 0xcbf2_9ce4_8422_2325;
/// Multiplier of each trace step (the FNV-1a 64-bit prime).
const TRACE_PRIME: u64 = 0x0100_0000_01b3;

/// The trace hash `trace` after one more event, at `time` with `tag`.
#[inline]
pub fn trace_step(trace: u64, time: f64, tag: u64) -> u64 {
    (trace.rotate_left(5) ^ time.to_bits() ^ tag).wrapping_mul(TRACE_PRIME)
}

/// A simulation model: its state, its events, and how each event changes it.
///
/// Models are plain data (`Clone`), take randomness only from seeded streams, and read time
/// only from the kernel, so a run is a function of the model's starting state.
pub trait Model: Clone {
    /// What can happen. Small and `Copy`: the details live in the model's state.
    type Event: Copy;

    /// Schedules the first events, at time 0.
    fn start(&mut self, kernel: &mut Kernel<Self::Event>);

    /// Simulated time is about to move from `now` to `to` (`to >= now`; equal when an event
    /// falls at the current time): the place to integrate levels held since the last event.
    fn advance(&mut self, now: f64, to: f64);

    /// Handles `event`, at `kernel.now()`, scheduling what follows from it.
    fn handle(&mut self, kernel: &mut Kernel<Self::Event>, event: Self::Event);

    /// A number that identifies `event` for the trace hash: two runs that handle the same
    /// events at the same times have the same hash.
    fn tag(event: &Self::Event) -> u64;
}

/// The clock and the pending events of one run.
#[derive(Clone, Debug)]
pub struct Kernel<E> {
    now: f64,
    queue: EventQueue<E>,
    processed: u64,
    trace: u64,
}

impl<E> Default for Kernel<E> {
    fn default() -> Self {
        Kernel { now: 0.0, queue: EventQueue::default(), processed: 0, trace: TRACE_START }
    }
}

impl<E> Kernel<E> {
    /// Simulated seconds so far.
    #[inline]
    pub fn now(&self) -> f64 {
        self.now
    }

    /// Schedules `event` at `time` (clamped to be finite and not before 0). Events at the same
    /// time are handled in the order they were scheduled.
    #[inline]
    pub fn schedule(&mut self, time: f64, event: E) {
        self.queue.push(time, event);
    }

    /// Events waiting to happen.
    pub fn pending(&self) -> usize {
        self.queue.len()
    }

    /// Events handled so far.
    pub fn processed(&self) -> u64 {
        self.processed
    }

    /// A hash of every event handled so far (its time and its tag).
    pub fn trace_hash(&self) -> u64 {
        self.trace
    }

    /// Whether nothing is left to happen.
    pub fn is_done(&self) -> bool {
        self.queue.is_empty()
    }

    /// When the next event happens.
    pub fn next_time(&self) -> Option<f64> {
        self.queue.peek_time()
    }
}

/// A model running on a kernel.
#[derive(Clone, Debug)]
pub struct Engine<M: Model> {
    kernel: Kernel<M::Event>,
    model: M,
}

impl<M: Model> Engine<M> {
    /// A run of `model` at time 0, with its first events scheduled.
    pub fn new(mut model: M) -> Engine<M> {
        let mut kernel = Kernel::default();
        model.start(&mut kernel);
        Engine { kernel, model }
    }

    pub fn kernel(&self) -> &Kernel<M::Event> {
        &self.kernel
    }

    pub fn model(&self) -> &M {
        &self.model
    }

    /// The model and the kernel, to act on the model at the current time (a failure injected
    /// by the learner).
    pub fn parts(&mut self) -> (&mut M, &mut Kernel<M::Event>) {
        (&mut self.model, &mut self.kernel)
    }

    /// Processes at most `max_events` events; returns how many were processed.
    pub fn step(&mut self, max_events: u64) -> u64 {
        let mut done = 0;
        while done < max_events {
            let Some(event) = self.kernel.queue.pop() else {
                break;
            };
            self.process(event);
            done += 1;
        }
        done
    }

    /// Processes the events up to time `t`, at most `max_events` of them. If all were
    /// processed, simulated time moves on to `t`; otherwise it stays at the last event, and a
    /// later call continues. Returns how many were processed.
    pub fn run_until(&mut self, t: f64, max_events: u64) -> u64 {
        let mut done = 0;
        loop {
            match self.kernel.queue.peek_time() {
                Some(time) if time <= t => {
                    if done == max_events {
                        return done;
                    }
                    if let Some(event) = self.kernel.queue.pop() {
                        self.process(event);
                        done += 1;
                    }
                }
                _ => {
                    self.advance_to(t);
                    return done;
                }
            }
        }
    }

    #[inline]
    fn process(&mut self, event: Event<M::Event>) {
        self.advance_to(event.time);
        let kernel = &mut self.kernel;
        kernel.processed += 1;
        kernel.trace = trace_step(kernel.trace, event.time, M::tag(&event.kind));
        self.model.handle(kernel, event.kind);
    }

    /// Moves simulated time to `t` (never backwards), letting the model integrate what it
    /// held meanwhile.
    #[inline]
    fn advance_to(&mut self, t: f64) {
        self.model.advance(self.kernel.now, t);
        if t > self.kernel.now {
            self.kernel.now = t;
        }
    }
}
