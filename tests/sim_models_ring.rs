//! The consistent-hashing ring against theory.
//!
//! Load spread: with S servers of V virtual nodes each, the S·V points cut the ring into S·V
//! gaps that (for uniform random points) are jointly Dirichlet(1, …, 1). A server owns V of
//! them, so its share X is Beta(V, S·V − V): mean 1/S and variance (S − 1) / (S²·(S·V + 1)).
//! The shares of one ring sum to 1, so their population variance has expectation Var(X), and
//! the squared coefficient of variation CV² = S²·(population variance) has expectation
//! exactly (S − 1) / (S·V + 1). The test averages CV² over many seeds.
//!
//! Movement: removing a server moves exactly the keys it held (expected share 1/S), adding one
//! moves exactly the keys it takes (expected share 1/(S + 1)), and no other key moves.

use headroom::sim::ring::{Change, MAX_SERVERS, Ring, expected_cv};

const KEYS: u64 = 100_000;

/// Checks the mean of CV² over `seeds` rings of `servers` × `vnodes` against
/// `expected`, within a relative `tolerance`.
fn check_cv((servers, vnodes, seeds): (u32, u32, u64), expected: f64, tolerance: f64) {
    let mean: f64 =
        (0..seeds).map(|seed| Ring::new(servers, vnodes, seed).load().cv.powi(2)).sum::<f64>() / seeds as f64;
    assert!(
        (mean / expected - 1.0).abs() <= tolerance,
        "S {servers} V {vnodes}: mean CV² {mean:.5}, theory {expected:.5}"
    );
}

#[test]
fn load_spread_matches_theory() {
    // E[CV²] = (S − 1) / (S·V + 1). Tolerance ±10 % relative: one ring's CV² has a relative
    // spread of about sqrt(2 / (S − 1)), so 500 seeds give about ±2.5 % for S = 8.
    for (s, v) in [(8, 10), (10, 100), (20, 50), (50, 20)] {
        let theory = (f64::from(s) - 1.0) / (f64::from(s) * f64::from(v) + 1.0);
        check_cv((s, v, 500), theory, 0.10);
        assert!((expected_cv(s, v).powi(2) / theory - 1.0).abs() < 1e-12);
    }
}

/// Owner of each of the test keys.
fn owners(ring: &Ring) -> Vec<Option<u32>> {
    (0..KEYS).map(|k| ring.server_for(k)).collect()
}

/// Checks one membership change: every key that moved came from or went to `change.server`, and the share of test keys that moved matches
/// `change.moved` within ±0.005 (binomial noise on 100 000 keys is below ±0.001).
fn check_change(before: &[Option<u32>], after: &[Option<u32>], change: Change) {
    let mut moved = 0;
    for (b, a) in before.iter().zip(after).filter(|(b, a)| b != a) {
        moved += 1;
        assert!(*b == Some(change.server) || *a == Some(change.server), "{b:?} -> {a:?}");
    }
    let share = f64::from(moved) / KEYS as f64;
    assert!((share - change.moved).abs() <= 0.005, "{moved} keys moved, share {}", change.moved);
}

#[test]
fn a_membership_change_moves_one_server_share() {
    // Mean moved share over 40 seeds: 1/S when removing one of S, 1/(S + 1) when adding one.
    // Its standard deviation per ring is CV/S ≈ 0.0095 for S = 10, V = 100, so ±0.005 is over
    // three standard errors of the mean.
    const S: u32 = 10;
    const SEEDS: u64 = 40;
    let (mut removed, mut added) = (0.0, 0.0);
    for seed in 0..SEEDS {
        let mut ring = Ring::new(S, 100, seed);
        let start = owners(&ring);
        let change = ring.add_server().expect("room for one more");
        assert_eq!(change.server, S);
        check_change(&start, &owners(&ring), change);
        added += change.moved;

        let mut ring = Ring::new(S, 100, seed);
        let victim = (seed % u64::from(S)) as u32;
        let change = ring.remove_server(victim).expect("present");
        check_change(&start, &owners(&ring), change);
        assert!(owners(&ring).iter().all(|o| *o != Some(victim)));
        removed += change.moved;
    }
    let (removed, added) = (removed / SEEDS as f64, added / SEEDS as f64);
    assert!((removed - 1.0 / f64::from(S)).abs() <= 0.005, "mean share removed {removed}");
    assert!((added - 1.0 / f64::from(S + 1)).abs() <= 0.005, "mean share added {added}");
}

#[test]
fn shares_cover_the_ring() {
    for (s, v) in [(1, 1), (1, 50), (2, 1), (7, 30)] {
        let ring = Ring::new(s, v, 42);
        let shares = ring.shares();
        assert_eq!(shares.len(), s as usize);
        assert!((shares.iter().map(|(_, x)| x).sum::<f64>() - 1.0).abs() < 1e-9, "S {s} V {v}");
        assert_eq!(ring.points().len(), (s * v) as usize);
        assert!(ring.points().windows(2).all(|w| w[0].position < w[1].position));
    }
    let one = Ring::new(1, 5, 0).load();
    assert_eq!((one.cv, one.max_over_mean), (0.0, 1.0));
}

#[test]
fn edge_cases_do_not_panic() {
    let mut empty = Ring::new(0, 0, 0);
    assert_eq!(empty.server_for(1), None);
    assert_eq!(empty.load().servers, 0);
    assert_eq!(empty.remove_server(0), None);
    let change = empty.add_server().expect("room");
    assert_eq!((change.server, change.moved), (0, 1.0));
    assert_eq!(empty.server_for(123), Some(0));

    let mut full = Ring::new(u32::MAX, 1, 0);
    assert_eq!(full.servers().len(), MAX_SERVERS as usize);
    assert_eq!(full.add_server(), None);
}

#[test]
fn same_seed_same_ring() {
    let a = Ring::new(6, 40, 9);
    assert_eq!(a.points(), Ring::new(6, 40, 9).points());
    assert_ne!(a.points(), Ring::new(6, 40, 10).points());
    // Ids are never reused: removing 2 then adding gives 6.
    let mut b = a.clone();
    b.remove_server(2);
    assert_eq!(b.add_server().map(|c| c.server), Some(6));
    assert_eq!(b.servers(), [0, 1, 3, 4, 5, 6]);
}
