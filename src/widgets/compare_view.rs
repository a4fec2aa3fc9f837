//! A comparison: the widget's scenario and seed run a second time with only `policy` changed
//! (a balancer's or a cache's), beside the first. Arrivals and keys come from their own random
//! streams, so both runs see the same requests at the same times, and any difference is the
//! policy's. The second run follows the first in lockstep: after every frame of the first it
//! is moved to the same simulated time (`WidgetState::follow`).

use leptos::prelude::*;

use super::{Readouts, SimCanvas, WidgetState};
use crate::{
    scenario::{Scenario, lookup},
    sim::kinds::Compare,
};

/// The values a comparison can set its key to: every choice the key takes.
fn choices(s: &Scenario, compare: &Compare) -> Vec<&'static str> {
    lookup(compare.key, s.kind).and_then(|spec| spec.choices()).unwrap_or_default()
}

/// The scenario's own value of the compared key.
fn value_of(s: &Scenario, compare: &Compare) -> String {
    s.get(compare.key).unwrap_or_default()
}

/// `s` with only the compared key changed.
fn with_value(s: &Scenario, compare: &Compare, value: &str) -> Scenario {
    let mut s = s.clone();
    s.set(compare.key, value);
    s
}

/// The two runs' key figures in one table, the main run first.
fn table_view(
    state: WidgetState,
    other: WidgetState,
    compare: &'static Compare,
    policy: &'static str,
) -> impl IntoView {
    let units = state.scenario.with_untracked(|s| s.kind.descriptor().units);
    let body = compare
        .rows
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.label}</th>
                    <td>{move || state.snapshot.with(|s| row.show(&s.report, &units))}</td>
                    <td>{move || other.snapshot.with(|s| row.show(&s.report, &units))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="compare-table" data-testid="compare-table">
            <thead><tr><th scope="col">{move || format!("at {:.1} {}", state.snapshot.with(|s| s.time), units.time.symbol())}</th><th scope="col">{move || state.scenario.with(|s| value_of(s, compare))}</th><th scope="col">{policy}</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// The second run: built from the main scenario with `policy`, rebuilt when the main scenario
/// changes, and moved to the main run's time after each of its frames.
fn compared_run(state: WidgetState, compare: &'static Compare, policy: &'static str) -> impl IntoView {
    let other = WidgetState::new(with_value(&state.scenario.get_untracked(), compare, policy));
    Effect::new(move |_| {
        let wanted = state.scenario.with(|s| with_value(s, compare, policy));
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
                {table_view(state, other, compare, policy)}
                <Readouts state=other suffix="-b"/>
            </div>
        </div>
    }
}

/// Two values of one key (a balancer's or a cache's policy) fed identical arrivals, side by
/// side, for the kinds whose descriptor names a comparison.
#[component]
pub fn CompareView(state: WidgetState) -> impl IntoView {
    let Some(compare) = state.scenario.with_untracked(|s| s.kind.descriptor().compare) else {
        return ().into_any();
    };
    let all = state.scenario.with_untracked(|s| choices(s, compare));
    if all.is_empty() {
        return ().into_any();
    }
    let chosen = RwSignal::new(None::<&'static str>);
    let main = move || state.scenario.with(|s| value_of(s, compare));
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
            {move || chosen.get().map(|policy| compared_run(state, compare, policy))}
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Kind;

    #[test]
    fn only_the_compared_key_changes() {
        let compare = |kind: Kind| kind.descriptor().compare.expect("a comparison");
        let s = Scenario::parse("kind=balancer servers=3 policy=round_robin seed=9").scenario;
        let b = with_value(&s, compare(Kind::Balancer), "p2c");
        assert_eq!(value_of(&b, compare(Kind::Balancer)), "p2c");
        assert_eq!(with_value(&b, compare(Kind::Balancer), "round_robin"), s);
        let c = Scenario::parse("kind=cache policy=lru").scenario;
        assert_eq!(value_of(&with_value(&c, compare(Kind::Cache), "lfu"), compare(Kind::Cache)), "lfu");
        assert_eq!(choices(&c, compare(Kind::Cache)), vec!["lru", "lfu", "fifo", "random"]);
        assert!(Kind::Queue.descriptor().compare.is_none());
    }
}
