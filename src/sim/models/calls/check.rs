//! The scenario as this model takes it: each level's settings, and the check that keeps a
//! request's tree and its worst-case work within the model's bounds.

use super::{MAX_TREE, MAX_WORK, Spec};
use crate::scenario::PerLevel;
use crate::scenario::{Problem, Scenario};

/// The settings of level `i` (0 for level 1) of `s`.
pub(super) fn spec(s: &Scenario, i: usize) -> Spec {
    let c = &s.calls;
    let level = i as f64 + 1.0;
    Spec {
        time: c.hop_time.at(i).max(1e-9),
        fail: c.hop_fail.at(i).clamp(0.0, 1.0),
        retries: c.hop_retries.at(i).clamp(0.0, 10.0) as u32,
        timeout: c.hop_timeout.map(|t| t.at(i).max(1e-6)).filter(|t| t.is_finite()),
        replicas: c.replicas.at(i).clamp(1.0, 64.0) as u32,
        is_async: i > 0 && c.async_levels.is_some_and(|a| a.contains(level)),
    }
}

/// Calls in one request's tree with `depth` levels of `fanout`.
pub fn tree_size(depth: u64, fanout: u64) -> u64 {
    let mut total = 0u64;
    let mut width = 1u64;
    for _ in 0..depth {
        total = total.saturating_add(width);
        width = width.saturating_mul(fanout);
    }
    total
}

/// Corrects what cannot hold together in a calls scenario: a tree too large, retries that
/// would multiply one request's work past [`MAX_WORK`], an outage level below the tree.
pub fn check(s: &mut Scenario, problems: &mut Vec<Problem>) {
    let c = &mut s.calls;
    let asked = c.depth;
    while c.depth > 1 && tree_size(c.depth, c.fanout) > MAX_TREE {
        c.depth -= 1;
    }
    if c.depth < asked {
        problems.push(Problem {
            key: "depth".into(),
            message: format!(
                "depth {asked} with fanout {} makes more than {MAX_TREE} calls per request; used depth {}",
                c.fanout, c.depth
            ),
        });
    }
    let depth = c.depth as usize;
    let mut retries: Vec<f64> = (0..depth).map(|i| c.hop_retries.at(i).floor()).collect();
    let work = |retries: &[f64]| {
        let mut total = 0.0;
        let mut width = 1.0;
        for r in retries {
            width *= r + 1.0;
            total += width;
            width *= c.fanout as f64;
        }
        total
    };
    if work(&retries) > MAX_WORK {
        while work(&retries) > MAX_WORK {
            let Some(i) = (0..depth).rev().max_by(|&a, &b| retries[a].total_cmp(&retries[b])) else {
                break;
            };
            if retries[i] <= 0.0 {
                break;
            }
            retries[i] -= 1.0;
        }
        let text: Vec<String> = retries.iter().map(f64::to_string).collect();
        c.hop_retries = PerLevel::from_slice(&retries);
        problems.push(Problem {
            key: "hop_retries".into(),
            message: format!(
                "would let one request make more than {MAX_WORK} attempts; used {}",
                text.join(",")
            ),
        });
    }
    if let Some(level) = c.outage_level
        && level > c.depth
    {
        c.outage_level = Some(c.depth);
        problems.push(Problem {
            key: "outage_level".into(),
            message: format!("is below the deepest level {}; used {}", c.depth, c.depth),
        });
    }
}
