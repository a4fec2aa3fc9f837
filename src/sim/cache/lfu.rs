//! O(1) least-frequently-used bookkeeping (the frequency-list scheme of Shah, Mitra and
//! Matani, "An O(1) algorithm for implementing the LFU cache eviction scheme", 2010).
//!
//! Slots with the same use count share a bucket; buckets sit on a list in increasing count
//! order, and only counts that some slot has are present. A use moves a slot from bucket `f` to
//! the bucket `f + 1` right after it (creating it if needed), so every step is O(1). The victim is
//! the tail of the first bucket: the lowest count, and among those the first to reach it.

use super::Slot;
use super::list::{self, Link, Linked, List, NIL};

#[derive(Clone, Copy, Debug)]
struct Bucket {
    /// Uses of every slot in this bucket (an insert is the first use).
    count: u64,
    /// Its slots, most recent arrival first.
    slots: List,
    /// Its place on the bucket list.
    link: Link,
}

impl Linked for Bucket {
    fn link(&mut self) -> &mut Link {
        &mut self.link
    }
}

#[derive(Clone, Debug, Default)]
pub(super) struct Frequencies {
    buckets: Vec<Bucket>,
    free: Vec<u32>,
    /// Buckets by increasing count.
    order: List,
}

impl Frequencies {
    /// Puts a newly inserted slot in the count-1 bucket.
    pub fn attach_new(&mut self, slots: &mut [Slot], i: u32) {
        let head = self.order.head;
        let bucket = if head != NIL && self.buckets[head as usize].count == 1 {
            head
        } else {
            self.new_bucket_after(NIL, 1)
        };
        self.enter(slots, bucket, i);
    }

    /// Counts one more use of slot `i`.
    pub fn bump(&mut self, slots: &mut [Slot], i: u32) {
        let from = slots[i as usize].bucket;
        let Bucket { count, link, .. } = self.buckets[from as usize];
        let count = count.saturating_add(1);
        let to = if link.next != NIL && self.buckets[link.next as usize].count == count {
            link.next
        } else {
            self.new_bucket_after(from, count)
        };
        self.detach(slots, i);
        self.enter(slots, to, i);
    }

    /// Takes slot `i` out of its bucket, dropping the bucket if it empties.
    pub fn detach(&mut self, slots: &mut [Slot], i: u32) {
        let b = slots[i as usize].bucket;
        let bucket = &mut self.buckets[b as usize];
        bucket.slots.unlink(slots, i);
        if bucket.slots.is_empty() {
            self.order.unlink(&mut self.buckets, b);
            self.free.push(b);
        }
    }

    /// The slot to evict: the oldest arrival in the lowest-count bucket ([`NIL`] when empty).
    pub fn victim(&self) -> u32 {
        match self.order.head {
            NIL => NIL,
            head => self.buckets[head as usize].slots.tail,
        }
    }

    fn enter(&mut self, slots: &mut [Slot], bucket: u32, i: u32) {
        self.buckets[bucket as usize].slots.push_front(slots, i);
        slots[i as usize].bucket = bucket;
    }

    fn new_bucket_after(&mut self, at: u32, count: u64) -> u32 {
        let bucket = Bucket { count, slots: List::EMPTY, link: Link::DETACHED };
        let b = list::place(&mut self.buckets, &mut self.free, bucket);
        self.order.insert_after(&mut self.buckets, at, b);
        b
    }
}
