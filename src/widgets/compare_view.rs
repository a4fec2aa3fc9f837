//! A comparison: the widget's scenario and seed run a second time with only `policy` changed
//! (a balancer's or a cache's), beside the first. Arrivals and keys come from their own random
//! streams, so both runs see the same requests at the same times, and any difference is the
//! policy's. The second run follows the first in lockstep: after every frame of the first it
//! is moved to the same simulated time (`WidgetState::follow`).

use leptos::prelude::*;

use super::{
    Readouts, SimCanvas, WidgetState,
    readouts::{format_count, format_seconds},
};
use crate::{
    scenario::{CachePolicy, Choice, Kind, LbPolicy, Scenario},
    sim::Report,
};

/// The policies a kind can be compared across; empty for other kinds.
fn policies(kind: Kind) -> Vec<&'static str> {
    match kind {
        Kind::Balancer => LbPolicy::ALL.iter().map(|p| p.name()).collect(),
        Kind::Cache => CachePolicy::ALL.iter().map(|p| p.name()).collect(),
        _ => Vec::new(),
    }
}

/// The scenario's own policy.
fn policy_of(s: &Scenario) -> &'static str {
    match s.kind {
        Kind::Cache => s.cache.policy.name(),
        _ => s.balancer.policy.name(),
    }
}

/// `s` with only its policy changed.
fn with_policy(s: &Scenario, policy: &str) -> Scenario {
    let mut s = s.clone();
    s.set("policy", policy);
    s
}

/// A row of the side-by-side table: a label and how to read it from a report.
type Row = (&'static str, fn(&Report) -> String);

fn rows(kind: Kind) -> &'static [Row] {
    match kind {
        Kind::Cache => &[
            ("hit ratio", |r| format!("{:.1} %", r.hit_ratio * 100.0)),
            ("database reads", |r| format_count(r.db_reads)),
            ("mean latency", |r| format_seconds(r.mean_latency)),
            ("p99", |r| format_seconds(r.p99)),
        ],
        _ => &[
            ("mean latency", |r| format_seconds(r.mean_latency)),
            ("p99", |r| format_seconds(r.p99)),
            ("dropped", |r| format_count(r.dropped)),
            ("timed out", |r| format_count(r.timed_out)),
        ],
    }
}

/// The two runs' key figures in one table, the main run first.
fn table_view(state: WidgetState, other: WidgetState, policy: &'static str) -> impl IntoView {
    let kind = state.scenario.with_untracked(|s| s.kind);
    let body = rows(kind)
        .iter()
        .map(|(label, read)| {
            let read = *read;
            view! {
                <tr>
                    <th scope="row">{*label}</th>
                    <td>{move || state.snapshot.with(|s| read(&s.report))}</td>
                    <td>{move || other.snapshot.with(|s| read(&s.report))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="compare-table" data-testid="compare-table">
            <thead><tr><th scope="col">{move || format!("at {:.1} s", state.snapshot.with(|s| s.time))}</th><th scope="col">{move || state.scenario.with(policy_of)}</th><th scope="col">{policy}</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// The second run: built from the main scenario with `policy`, rebuilt when the main scenario
/// changes, and moved to the main run's time after each of its frames.
fn compared_run(state: WidgetState, policy: &'static str) -> impl IntoView {
    let other = WidgetState::new(with_policy(&state.scenario.get_untracked(), policy));
    Effect::new(move |_| {
        let wanted = state.scenario.with(|s| with_policy(s, policy));
        state.snapshot.track();
        if other.scenario.with_untracked(|s| *s != wanted) {
            other.set_scenario(wanted, Vec::new());
        }
        other.follow(state);
    });
    view! {
        <div class="compare-run">
            <p class="compare-title"><strong>{policy}</strong>" · same scenario, seed and arrivals"</p>
            <SimCanvas state=other label="Compared run: "/>
            <div class="compare-figures">
                {table_view(state, other, policy)}
                <Readouts state=other suffix="-b"/>
            </div>
        </div>
    }
}

/// Two policies fed identical arrivals, side by side, for kinds `balancer` and `cache`.
#[component]
pub fn CompareView(state: WidgetState) -> impl IntoView {
    let kind = state.scenario.with_untracked(|s| s.kind);
    let all = policies(kind);
    if all.is_empty() {
        return ().into_any();
    }
    let chosen = RwSignal::new(None::<&'static str>);
    let main = move || state.scenario.with(policy_of);
    Effect::new(move |_| {
        if chosen.get().is_some_and(|p| p == main()) {
            chosen.set(None);
        }
    });
    let options = {
        let all = all.clone();
        move || {
            all.iter()
                .copied()
                .filter(|p| *p != main())
                .map(|p| view! { <option value=p selected=move || chosen.get() == Some(p)>{p}</option> })
                .collect_view()
        }
    };
    let choose = move |ev| {
        let value = event_target_value(&ev);
        chosen.set(all.iter().copied().find(|p| *p == value));
    };
    view! {
        <section class="sim-compare" data-testid="compare" aria-label="Compare policies">
            <div class="compare-head">
                <label class="inline">"Compare with… "
                    <select data-testid="compare-select" on:change=choose>
                        <option value="" selected=move || chosen.get().is_none()>"another policy"</option>
                        {options}
                    </select>
                </label>
                {move || chosen.get().is_some().then(|| view! {
                    <button class="secondary" data-testid="compare-stop" on:click=move |_| chosen.set(None)>"Stop comparing"</button>
                })}
            </div>
            {move || chosen.get().map(|policy| compared_run(state, policy))}
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_policy_changes() {
        let s = Scenario::parse("kind=balancer servers=3 policy=round_robin seed=9").scenario;
        let b = with_policy(&s, "p2c");
        assert_eq!(policy_of(&b), "p2c");
        assert_eq!(with_policy(&b, "round_robin"), s);
        let c = Scenario::parse("kind=cache policy=lru").scenario;
        assert_eq!(policy_of(&with_policy(&c, "lfu")), "lfu");
        assert_eq!(policies(Kind::Cache), vec!["lru", "lfu", "fifo", "random"]);
        assert!(policies(Kind::Queue).is_empty());
    }
}
