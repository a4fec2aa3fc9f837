//! Requests in flight, in a slab. A [`ReqRef`] names one attempt of one request: its
//! generation changes with every attempt, so events and jobs left over from an attempt that
//! was abandoned (timed out, killed) find nothing and are ignored.

/// A handle to one attempt of one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReqRef {
    slot: u32,
    generation: u32,
}

impl ReqRef {
    /// The handle as one number (for the trace hash and for views).
    pub fn bits(self) -> u64 {
        u64::from(self.slot) << 32 | u64::from(self.generation)
    }

    pub fn slot(self) -> u32 {
        self.slot
    }
}

/// Where a request is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Held by a leaky-bucket rate limiter.
    Limiter,
    /// Waiting in a server's queue.
    Waiting {
        station: u16,
    },
    /// Being served.
    Service {
        station: u16,
        worker: u16,
    },
    /// Sent to a dead server; nothing happens until its timeout.
    Hanging {
        station: u16,
    },
    /// At the cache (a round trip) or waiting on the database.
    Cache,
    Database,
    /// Waiting out a backoff before its next attempt.
    Backoff,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Request {
    generation: u32,
    /// Simulated time it first arrived.
    pub arrived: f64,
    /// Whether it arrived after the warm-up (and so counts in the metrics).
    pub counted: bool,
    pub key: u32,
    pub write: bool,
    pub high: bool,
    /// Attempts started so far.
    pub attempts: u32,
    /// Seconds spent waiting in queues, over all attempts.
    pub waited: f64,
    /// The last backoff (decorrelated jitter grows from it).
    pub backoff: f64,
    pub stage: Stage,
    /// The server the balancer last sent it to.
    pub server: Option<u16>,
}

impl Request {
    pub fn new(arrived: f64, counted: bool, key: u32, write: bool, high: bool) -> Request {
        Request {
            generation: 0,
            arrived,
            counted,
            key,
            write,
            high,
            attempts: 0,
            waited: 0.0,
            backoff: 0.0,
            stage: Stage::Backoff,
            server: None,
        }
    }
}

/// The requests in the system.
#[derive(Clone, Debug, Default)]
pub struct Requests {
    slots: Vec<Request>,
    live: Vec<bool>,
    free: Vec<u32>,
    count: usize,
}

impl Requests {
    /// Stores a new request; its first attempt has the returned handle.
    pub fn insert(&mut self, mut request: Request) -> ReqRef {
        self.count += 1;
        match self.free.pop() {
            Some(slot) => {
                let i = slot as usize;
                request.generation = self.slots[i].generation.wrapping_add(1);
                self.slots[i] = request;
                self.live[i] = true;
                ReqRef { slot, generation: request.generation }
            }
            None => {
                self.slots.push(request);
                self.live.push(true);
                ReqRef { slot: (self.slots.len() - 1) as u32, generation: 0 }
            }
        }
    }

    /// The request, if `r` is its current attempt.
    #[inline]
    pub fn get(&self, r: ReqRef) -> Option<&Request> {
        let i = r.slot as usize;
        let request = self.slots.get(i)?;
        (self.live[i] && request.generation == r.generation).then_some(request)
    }

    #[inline]
    pub fn get_mut(&mut self, r: ReqRef) -> Option<&mut Request> {
        let i = r.slot as usize;
        let request = self.slots.get_mut(i)?;
        (self.live[i] && request.generation == r.generation).then_some(request)
    }

    /// Starts a new attempt: the old handle goes dead, the new one is returned.
    pub fn next_attempt(&mut self, r: ReqRef) -> Option<ReqRef> {
        let request = self.get_mut(r)?;
        request.generation = request.generation.wrapping_add(1);
        Some(ReqRef { slot: r.slot, generation: request.generation })
    }

    /// Removes the request and returns it.
    pub fn remove(&mut self, r: ReqRef) -> Option<Request> {
        let request = *self.get(r)?;
        let i = r.slot as usize;
        self.live[i] = false;
        self.free.push(r.slot);
        self.count -= 1;
        Some(request)
    }

    /// Requests in the system.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Every live request with its current handle, in slot order.
    pub fn iter(&self) -> impl Iterator<Item = (ReqRef, &Request)> {
        self.slots
            .iter()
            .zip(&self.live)
            .enumerate()
            .filter(|(_, (_, live))| **live)
            .map(|(i, (request, _))| (ReqRef { slot: i as u32, generation: request.generation }, request))
    }
}
