use leptos::prelude::*;

use crate::content::SimBlock;

/// A lesson's simulation: the scenario it runs and the controls it offers.
#[component]
pub fn SimWidget(block: SimBlock) -> impl IntoView {
    let rows = block
        .scenario
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| view! { <tr><th scope="row">{k.trim().to_string()}</th><td>{v.trim().to_string()}</td></tr> })
        .collect_view();
    let controls = (!block.controls.is_empty()).then(|| format!("You can change: {}.", block.controls.join(", ")));
    view! {
        <figure class="sim" data-testid="sim-widget">
            <div class="sim-head"><span class="sim-badge">"Simulation"</span></div>
            <table class="sim-scenario">{rows}</table>
            <p class="muted">{controls}</p>
            {block.caption.map(|c| view! { <figcaption>{c}</figcaption> })}
        </figure>
    }
}
