//! An intrusive doubly linked list over a slice of nodes addressed by `u32` index. The nodes
//! live in a `Vec` owned by the caller, so moving a node to the front is a few index writes:
//! no allocation and no pointers.

/// "No node": the end of a list.
pub(super) const NIL: u32 = u32::MAX;

/// A node's neighbours in the one list it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Link {
    pub prev: u32,
    pub next: u32,
}

impl Link {
    pub const DETACHED: Link = Link { prev: NIL, next: NIL };
}

/// Anything that carries a [`Link`].
pub(super) trait Linked {
    fn link(&mut self) -> &mut Link;
}

/// The two ends of a list. `head` is the front.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct List {
    pub head: u32,
    pub tail: u32,
}

impl Default for List {
    fn default() -> Self {
        List::EMPTY
    }
}

impl List {
    pub const EMPTY: List = List { head: NIL, tail: NIL };

    pub fn is_empty(&self) -> bool {
        self.head == NIL
    }

    /// Links node `i` right after node `at`, or at the front when `at` is [`NIL`].
    pub fn insert_after<N: Linked>(&mut self, nodes: &mut [N], at: u32, i: u32) {
        let next = if at == NIL { self.head } else { nodes[at as usize].link().next };
        *nodes[i as usize].link() = Link { prev: at, next };
        if at == NIL {
            self.head = i;
        } else {
            nodes[at as usize].link().next = i;
        }
        if next == NIL {
            self.tail = i;
        } else {
            nodes[next as usize].link().prev = i;
        }
    }

    pub fn push_front<N: Linked>(&mut self, nodes: &mut [N], i: u32) {
        self.insert_after(nodes, NIL, i);
    }

    /// Takes node `i` out of this list (it must be in it).
    pub fn unlink<N: Linked>(&mut self, nodes: &mut [N], i: u32) {
        let Link { prev, next } = std::mem::replace(nodes[i as usize].link(), Link::DETACHED);
        if prev == NIL {
            self.head = next;
        } else {
            nodes[prev as usize].link().next = next;
        }
        if next == NIL {
            self.tail = prev;
        } else {
            nodes[next as usize].link().prev = prev;
        }
    }

    pub fn move_to_front<N: Linked>(&mut self, nodes: &mut [N], i: u32) {
        if self.head != i {
            self.unlink(nodes, i);
            self.push_front(nodes, i);
        }
    }
}

/// Stores `node` in the first free index of `nodes` (reusing `free` before growing) and returns
/// that index.
pub(super) fn place<N>(nodes: &mut Vec<N>, free: &mut Vec<u32>, node: N) -> u32 {
    match free.pop() {
        Some(i) => {
            nodes[i as usize] = node;
            i
        }
        None => {
            nodes.push(node);
            (nodes.len() - 1) as u32
        }
    }
}
