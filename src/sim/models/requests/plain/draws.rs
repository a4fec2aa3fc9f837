//! Where the plain queue's random numbers come from: the arrival times (its [`Source`]) and the
//! work each admitted request brings (its service distribution, on its own stream). Neither
//! depends on what the queue does with them, so a long run may draw them ahead, each stream
//! on a thread of its own, while the queue runs on the calling thread: the same values in the
//! same order, so the same run. The threads exist only natively (wasm has none here) and only
//! for long runs, where starting them costs nothing next to the run.

use crate::scenario::Scenario;
use crate::sim::dist::Work;
use crate::sim::models::requests::Stream;
use crate::sim::rng::{SimRng, stream};
use crate::sim::source::Source;

/// The draws of a run, as it needs them.
pub(super) enum Draws {
    /// Drawn when they are needed.
    Inline { source: Source, work: Work, rng: SimRng },
    /// Drawn ahead by other threads.
    #[cfg(not(target_arch = "wasm32"))]
    Ahead { arrivals: ahead::Ahead, works: ahead::Ahead },
}

impl Draws {
    pub(super) fn inline(s: &Scenario) -> Draws {
        let (source, work, rng) = parts(s);
        Draws::Inline { source, work, rng }
    }

    /// The time of the arrival after the one at `now` (the first, at 0), or `None` once
    /// arrivals are over.
    #[inline]
    pub(super) fn next_arrival(&mut self, now: f64) -> Option<f64> {
        match self {
            Draws::Inline { source, .. } => source.next(now),
            #[cfg(not(target_arch = "wasm32"))]
            Draws::Ahead { arrivals, .. } => arrivals.next(),
        }
    }

    /// An arrival happens (the source counts it: arrivals stop at the scenario's `requests`).
    #[inline]
    pub(super) fn arrive(&mut self) {
        match self {
            Draws::Inline { source, .. } => {
                source.arrive();
            }
            #[cfg(not(target_arch = "wasm32"))]
            Draws::Ahead { .. } => {}
        }
    }

    /// The work the next admitted request brings.
    #[inline]
    pub(super) fn work(&mut self) -> f64 {
        match self {
            Draws::Inline { work, rng, .. } => work.sample(rng),
            #[cfg(not(target_arch = "wasm32"))]
            Draws::Ahead { works, .. } => works.next().unwrap_or(0.0),
        }
    }
}

/// What draws `s`'s numbers: its arrivals, its service distribution and that one's stream.
fn parts(s: &Scenario) -> (Source, Work, SimRng) {
    let work = Work::new(s.service.distribution, s.service.mean, s.service.sigma);
    (Source::new(s, false), work, stream(s.run.seed, Stream::Work as u64))
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) mod ahead {
    //! Draws made ahead by a thread, handed over in chunks through a bounded channel (so a
    //! drawing thread is never more than a few chunks ahead, and memory stays bounded).

    use std::sync::mpsc::{Receiver, sync_channel};
    use std::thread::{Builder, Scope};

    use super::{Draws, parts};
    use crate::scenario::Scenario;

    /// Values per chunk, and chunks a thread may be ahead.
    const CHUNK: usize = 4096;
    const CHUNKS_AHEAD: usize = 4;

    /// One stream's values, drawn ahead.
    pub struct Ahead {
        chunks: Receiver<Vec<f64>>,
        chunk: Vec<f64>,
        at: usize,
    }

    impl Ahead {
        /// The next value, or `None` when the stream has ended.
        #[inline(always)]
        pub fn next(&mut self) -> Option<f64> {
            let value = self.chunk.get(self.at).copied();
            self.at += 1;
            value.or_else(|| self.next_chunk())
        }

        /// The first value of the next chunk, once this one is used up.
        #[cold]
        #[inline(never)]
        fn next_chunk(&mut self) -> Option<f64> {
            self.chunk = self.chunks.recv().ok()?;
            self.at = 1;
            self.chunk.first().copied()
        }
    }

    /// Starts a thread in `scope` that draws `draw` until it gives `None` or nobody reads on;
    /// `None` if the system would not start one.
    fn spawn<'scope>(
        scope: &'scope Scope<'scope, '_>,
        mut draw: impl FnMut() -> Option<f64> + Send + 'scope,
    ) -> Option<Ahead> {
        let (sender, chunks) = sync_channel(CHUNKS_AHEAD);
        let drawing = move || {
            loop {
                let chunk: Vec<f64> = std::iter::from_fn(&mut draw).take(CHUNK).collect();
                let last = chunk.len() < CHUNK;
                if chunk.is_empty() || sender.send(chunk).is_err() || last {
                    return;
                }
            }
        };
        Builder::new().name("headroom-draws".into()).spawn_scoped(scope, drawing).ok()?;
        Some(Ahead { chunks, chunk: Vec::new(), at: 0 })
    }

    impl Draws {
        /// The draws of `s`, made ahead by two threads of `scope`: the arrival times, each
        /// after the one before as the queue would ask for them, and the works. Drawn inline
        /// if the system would not start the threads (one already started then stops, as
        /// nobody reads what it draws).
        pub(in crate::sim::models::requests::plain) fn ahead<'scope>(
            scope: &'scope Scope<'scope, '_>,
            s: &Scenario,
        ) -> Draws {
            Self::try_ahead(scope, s).unwrap_or_else(|| Draws::inline(s))
        }

        fn try_ahead<'scope>(scope: &'scope Scope<'scope, '_>, s: &Scenario) -> Option<Draws> {
            let (mut source, work, mut rng) = parts(s);
            let (mut now, mut first) = (0.0, true);
            let arrivals = spawn(scope, move || {
                if !first {
                    source.arrive();
                }
                first = false;
                now = source.next(now)?;
                Some(now)
            })?;
            let works = spawn(scope, move || Some(work.sample(&mut rng)))?;
            Some(Draws::Ahead { arrivals, works })
        }
    }
}
