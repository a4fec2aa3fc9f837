//! A comparison: the widget's scenario and seed run a second time with only one key changed,
//! beside the first. The learner picks the key (any key the kind reads; the kind's own
//! comparison key, a balancer's or a cache's `policy`, first) and its other value (another
//! choice, or an edited number). Arrivals and keys come from their own random streams, so both
//! runs see the same requests at the same times, and any difference is the key's. The second
//! run follows the first in lockstep: after every frame of the first it is moved to the same
//! simulated time (`WidgetState::follow`). The address form is `compare=key:a,b`
//! (`scenario::explore`), and the view offers the link to the comparison it shows.

use leptos::prelude::*;

use super::{Readouts, SimCanvas, WidgetState, share_panel::run_address};
use crate::{
    scenario::Kind,
    scenario::{
        Scenario,
        explore::{CompareAddress, check_value},
        lookup,
    },
    sim::kinds::{Descriptor, Readout},
};

/// The keys a comparison can vary, in menu order: the kind's own comparison key, then every
/// key it reads.
fn keys(kind: Kind) -> Vec<&'static str> {
    let descriptor = kind.descriptor();
    let mut keys: Vec<&'static str> = descriptor.compare.map(|c| c.key).into_iter().collect();
    for spec in descriptor.all_keys() {
        if !keys.contains(&spec.name) {
            keys.push(spec.name);
        }
    }
    keys
}

/// The key a comparison starts on: the kind's own, else its first control, else its first key.
fn first_key(descriptor: &Descriptor, keys: &[&'static str]) -> &'static str {
    descriptor
        .compare
        .map(|c| c.key)
        .or_else(|| descriptor.controls.iter().copied().find(|c| keys.contains(c)))
        .or_else(|| keys.first().copied())
        .unwrap_or("seed")
}

/// The figures set side by side: the kind's comparison rows, or else its key readouts.
fn rows(descriptor: &Descriptor) -> Vec<Readout> {
    match descriptor.compare {
        Some(compare) => compare.rows.to_vec(),
        None => descriptor
            .key_readouts
            .iter()
            .filter_map(|metric| descriptor.readouts.iter().find(|r| r.metric == *metric).copied())
            .collect(),
    }
}

/// The values a comparison can set a choice key to: every choice the key takes.
fn choices(s: &Scenario, key: &str) -> Vec<&'static str> {
    lookup(key, s.kind).and_then(|spec| spec.choices()).unwrap_or_default()
}

/// `s` with only `key` changed.
fn with_value(s: &Scenario, key: &str, value: &str) -> Scenario {
    let mut s = s.clone();
    s.set(key, value);
    s
}

/// The two runs' figures in one table, the main run first.
fn table_view(state: WidgetState, other: WidgetState, key: &'static str, value: String) -> impl IntoView {
    let (units, rows) =
        state.scenario.with_untracked(|s| (s.kind.descriptor().units, rows(s.kind.descriptor())));
    let body = rows
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.label}</th>
                    <td data-testid=format!("compare-a-{}", row.metric)>{move || state.snapshot.with(|s| row.show(&s.report, &units))}</td>
                    <td data-testid=format!("compare-b-{}", row.metric)>{move || other.snapshot.with(|s| row.show(&s.report, &units))}</td>
                </tr>
            }
        })
        .collect_view();
    let own = move || state.scenario.with(|s| format!("{key} = {}", s.get(key).unwrap_or_default()));
    view! {
        <table class="compare-table" data-testid="compare-table">
            <thead><tr><th scope="col">{move || format!("at {:.1} {}", state.snapshot.with(|s| s.time), units.time.symbol())}</th><th scope="col">{own}</th><th scope="col">{format!("{key} = {value}")}</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// The second run: built from the main scenario with `key = value`, rebuilt when the main
/// scenario changes, and moved to the main run's time after each of its frames.
fn compared_run(state: WidgetState, key: &'static str, value: String) -> impl IntoView {
    let other = WidgetState::new(with_value(&state.scenario.get_untracked(), key, &value));
    let wanted_value = value.clone();
    Effect::new(move |_| {
        let wanted = state.scenario.with(|s| with_value(s, key, &wanted_value));
        state.snapshot.track();
        if other.scenario.with_untracked(|s| *s != wanted) {
            other.set_scenario(wanted, Vec::new());
        }
        other.follow(state);
    });
    let link = {
        let value = value.clone();
        move || {
            let own = state.scenario.with(|s| s.get(key).unwrap_or_default());
            format!("{}&compare={key}:{},{}", run_address(state, "", false), encode(&own), encode(&value))
        }
    };
    view! {
        <div class="compare-run">
            <p class="compare-title"><strong>{format!("{key} = {value}")}</strong>" · same scenario, seed and arrivals · "
                <a data-testid="compare-link" href=link>"Link to this comparison"</a></p>
            <SimCanvas state=other label="Compared run: "/>
            <div class="compare-figures">
                {table_view(state, other, key, value)}
                <Readouts state=other suffix="-b"/>
            </div>
        </div>
    }
}

/// A value in an address, with the characters an address reserves escaped.
fn encode(text: &str) -> String {
    text.replace('%', "%25").replace('&', "%26").replace(' ', "%20").replace(',', "%2C").replace('#', "%23")
}

/// Two values of one key fed identical arrivals, side by side. `start`: a comparison the
/// address asked for (its main value already set on the scenario).
#[component]
pub fn CompareView(state: WidgetState, start: Option<CompareAddress>) -> impl IntoView {
    let kind = state.scenario.with_untracked(|s| s.kind);
    let descriptor = kind.descriptor();
    let all = keys(kind);
    if all.is_empty() {
        return ().into_any();
    }
    let key = RwSignal::new(start.as_ref().map_or_else(|| first_key(descriptor, &all), |c| c.key));
    let chosen = RwSignal::new(start.map(|c| c.other));
    let problem = RwSignal::new(None::<String>);
    let own = move || state.scenario.with(|s| s.get(key.get()).unwrap_or_default());
    // Comparing a value with itself shows nothing: stop when the learner sets the main run to it.
    Effect::new(move |_| {
        if chosen.get().is_some_and(|v| v == own()) {
            chosen.set(None);
        }
    });
    let number = RwSignal::new(String::new());
    Effect::new(move |_| number.set(own()));
    let pick_key = {
        let all = all.clone();
        move |ev| {
            let name = event_target_value(&ev);
            if let Some(k) = all.iter().copied().find(|k| *k == name) {
                chosen.set(None);
                problem.set(None);
                key.set(k);
            }
        }
    };
    let try_value = move |text: String| {
        let checked = state.scenario.with_untracked(|s| check_value(s, key.get_untracked(), &text));
        match checked {
            Ok((value, note)) if value != own() => {
                problem.set(note);
                chosen.set(Some(value));
            }
            Ok(_) => {
                problem.set(Some(format!("{text} is the run's own value; pick another to compare")));
                chosen.set(None);
            }
            Err(why) => {
                problem.set(Some(format!("{why}; nothing compared")));
                chosen.set(None);
            }
        }
    };
    let key_options = all
        .iter()
        .copied()
        .map(|k| view! { <option value=k selected=move || key.get() == k>{k}</option> })
        .collect_view();
    let value_picker = move || {
        let k = key.get();
        let options = state.scenario.with_untracked(|s| choices(s, k));
        if options.is_empty() {
            view! {
                <label class="inline">" with "
                    <input type="text" class="compare-value" data-testid="compare-value" inputmode="decimal" size="8"
                        prop:value=move || number.get() on:input=move |ev| number.set(event_target_value(&ev))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { try_value(number.get_untracked()) }/>
                </label>
                <button class="secondary" data-testid="compare-start" on:click=move |_| try_value(number.get_untracked())>"Compare"</button>
            }
            .into_any()
        } else {
            let items = move || {
                options
                    .iter()
                    .copied()
                    .filter(|p| *p != own())
                    .map(|p| view! { <option value=p selected=move || chosen.get().as_deref() == Some(p)>{p}</option> })
                    .collect_view()
            };
            view! {
                <label class="inline">" with "
                    <select data-testid="compare-select" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if value.is_empty() { chosen.set(None) } else { try_value(value) }
                    }>
                        <option value="" selected=move || chosen.get().is_none()>"another value"</option>
                        {items}
                    </select>
                </label>
            }
            .into_any()
        }
    };
    view! {
        <section class="sim-compare" data-testid="compare" aria-label="Compare two values of a key">
            <div class="compare-head">
                <label class="inline">"Compare "
                    <select data-testid="compare-key" on:change=pick_key>{key_options}</select>
                </label>
                {value_picker}
                {move || chosen.get().is_some().then(|| view! {
                    <button class="secondary" data-testid="compare-stop" on:click=move |_| chosen.set(None)>"Stop comparing"</button>
                })}
            </div>
            {move || problem.get().map(|p| view! { <p class="sim-problems" role="status" data-testid="compare-problem">{p}</p> })}
            {move || chosen.get().map(|value| compared_run(state, key.get_untracked(), value))}
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_compared_key_changes() {
        let s = Scenario::parse("kind=balancer servers=3 policy=round_robin seed=9").scenario;
        let b = with_value(&s, "policy", "p2c");
        assert_eq!(b.get("policy").as_deref(), Some("p2c"));
        assert_eq!(with_value(&b, "policy", "round_robin"), s);
        let c = Scenario::parse("kind=cache policy=lru").scenario;
        assert_eq!(choices(&c, "policy"), vec!["lru", "lfu", "fifo", "random"]);
        let q = Scenario::parse("kind=queue servers=2").scenario;
        let three = with_value(&q, "servers", "3");
        assert_eq!(three.servers.count, 3);
        assert_eq!(with_value(&three, "servers", "2"), q);
        assert!(choices(&q, "servers").is_empty());
    }

    #[test]
    fn every_kind_offers_its_own_comparison_key_first_and_every_key_it_reads() {
        for kind in Kind::ALL {
            let d = kind.descriptor();
            let keys = keys(kind);
            assert_eq!(keys.len(), d.all_keys().count(), "{kind}");
            if let Some(compare) = d.compare {
                assert_eq!(keys[0], compare.key, "{kind}");
            }
            assert!(keys.contains(&first_key(d, &keys)), "{kind}");
            assert!(!rows(d).is_empty(), "{kind}: figures to set side by side");
        }
        assert_eq!(first_key(Kind::Queue.descriptor(), &keys(Kind::Queue)), "rate");
    }
}
