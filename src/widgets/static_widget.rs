use leptos::{html::Div, prelude::*};
use leptos_use::use_element_visibility;

use super::{ProblemList, WidgetConfig, sim_widget::compact_signal, team_stage::StocksStage};
use crate::sim::kinds::Drawing;
use crate::{
    scenario::{Scenario, lookup},
    sim,
};

/// Kinds that are computed, not animated (`estimate`, `hashing`): the inputs as controls and
/// the results (the readouts the kind's descriptor lists) as a table, recomputed on every
/// change. Compact (as [`super::SimWidget`] decides it), the table shows the kind's key
/// results and the rest behind a button.
#[component]
pub fn StaticWidget(config: WidgetConfig) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    let compact = compact_signal(&config, root);
    let all = RwSignal::new(false);
    let scenario = RwSignal::new(config.scenario.clone());
    let problems = RwSignal::new(config.problems.clone());
    let outcome = Memo::new(move |_| scenario.with(|s| sim::run(s, 1_000_000).ok()));
    let set = move |key: &'static str, value: String| {
        let text = format!("{}\n{key} = {value}", scenario.with_untracked(Scenario::to_block));
        let parsed = Scenario::parse(&text);
        problems.set(parsed.problems);
        scenario.set(parsed.scenario);
    };
    let root = NodeRef::<Div>::new();
    if !config.embed {
        let on_screen = use_element_visibility(root);
        super::setup_links::use_setup_links(root, on_screen, move |pairs| {
            let mut text = scenario.with_untracked(Scenario::to_block);
            for (key, value) in pairs {
                text.push_str(&format!("\n{key} = {value}"));
            }
            let parsed = Scenario::parse(&text);
            problems.set(parsed.problems);
            scenario.set(parsed.scenario);
        });
    }
    let descriptor = config.scenario.kind.descriptor();
    let kind = config.scenario.kind;
    let inputs = config
        .controls
        .iter()
        .filter_map(|key| lookup(key, kind))
        .map(|spec| {
            let id = format!("param-{}", spec.name);
            let current = move || scenario.with(|s| (spec.write)(s, &spec.bounds));
            view! {
                <div class="param">
                    <label for=id.clone()>{spec.name.replace('_', " ")}</label>
                    <input type="text" inputmode="decimal" id=id.clone() data-testid=id prop:value=current
                        on:change=move |ev| set(spec.name, event_target_value(&ev))/>
                </div>
            }
        })
        .collect_view();
    let units = descriptor.units;
    let table = move || {
        let outcome = outcome.get();
        descriptor
            .readouts
            .iter()
            .filter_map(|readout| Some((readout, readout.show_outcome(outcome.as_ref()?, &units))))
            .map(|(readout, value)| {
                let class = if descriptor.key_readouts.contains(&readout.metric) { "key" } else { "" };
                view! { <tr class=class><th scope="row">{readout.label}</th><td data-testid=format!("readout-{}", readout.metric)>{value}</td></tr> }
            })
            .collect_view()
    };
    view! {
        <div class="sim static" node_ref=root data-testid="sim-widget" data-kind=config.scenario.kind.name()
            data-layout=move || if compact.get() { "compact" } else { "full" }
            data-open=move || if all.get() { "figures" } else { "" }>
            <ProblemList problems/>
            {(descriptor.drawing == Drawing::Stocks).then(|| view! { <StocksStage scenario/> })}
            <div class="sim-params">{inputs}</div>
            <table class="results">{table}</table>
            <div class="sim-tabs" role="group" aria-label="More results" hidden=move || !compact.get()>
                <button type="button" class="secondary sim-tab" data-testid="tab-figures"
                    aria-expanded=move || all.get().to_string() on:click=move |_| all.update(|a| *a = !*a)>
                    {move || if all.get() { "Key results only" } else { "All results" }}
                </button>
            </div>
            {config.caption.map(|c| view! { <p class="caption">{c}</p> })}
        </div>
    }
}
