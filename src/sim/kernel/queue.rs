//! The event queue: a binary heap ordered by (time, sequence number), so that events at the
//! same simulated time run in the order they were scheduled, on every platform.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::sim::float::min;

/// An event of a model whose events are `E`, at a time, with its sequence number.
#[derive(Clone, Copy, Debug)]
pub struct Event<E> {
    pub time: f64,
    pub seq: u64,
    pub kind: E,
}

impl<E> PartialEq for Event<E> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<E> Eq for Event<E> {}

impl<E> PartialOrd for Event<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<E> Ord for Event<E> {
    /// Reversed, so the max-heap pops the earliest (time, seq) first. Times are never negative
    /// or NaN, so their bit patterns order like the numbers.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.time.to_bits(), other.seq).cmp(&(self.time.to_bits(), self.seq))
    }
}

/// The time an event asked for at `time` is scheduled at: clamped to be finite and not
/// negative (NaN counts as 0).
#[inline]
pub fn event_time(time: f64) -> f64 {
    if time >= 0.0 { min(time, f64::MAX) } else { 0.0 }
}

/// Pending events, earliest first.
#[derive(Clone, Debug)]
pub struct EventQueue<E> {
    heap: BinaryHeap<Event<E>>,
    next_seq: u64,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        EventQueue { heap: BinaryHeap::new(), next_seq: 0 }
    }
}

impl<E> EventQueue<E> {
    /// Schedules `kind` at `time` (clamped to be finite and not negative).
    #[inline]
    pub fn push(&mut self, time: f64, kind: E) {
        self.heap.push(Event { time: event_time(time), seq: self.next_seq, kind });
        self.next_seq += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Event<E>> {
        self.heap.pop()
    }

    pub fn peek_time(&self) -> Option<f64> {
        self.heap.peek().map(|event| event.time)
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}
