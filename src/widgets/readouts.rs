//! The numbers beside a run: the readouts its kind's descriptor lists.

use leptos::prelude::*;

use super::WidgetState;
pub use crate::sim::kinds::format::format_count;

/// The readouts for a run. `suffix` tells two side-by-side runs apart in test ids. Those in
/// `key_metrics` (the kind's key readouts) are marked `key`: a compact widget shows only them.
#[component]
pub fn Readouts(
    state: WidgetState,
    #[prop(optional)] suffix: &'static str,
    #[prop(optional)] key_metrics: &'static [&'static str],
) -> impl IntoView {
    let descriptor = state.scenario.with_untracked(|s| s.kind.descriptor());
    let units = descriptor.units;
    let items = descriptor
        .readouts
        .iter()
        .map(|readout| {
            let class = if key_metrics.contains(&readout.metric) { "readout key" } else { "readout" };
            view! {
                <div class=class>
                    <dt>{readout.label}</dt>
                    <dd data-testid=format!("readout-{}{suffix}", readout.metric)>{move || state.snapshot.with(|s| readout.show(&s.report, &units))}</dd>
                </div>
            }
        })
        .collect_view();
    let time = move || format!("{:.2} {}", state.snapshot.with(|s| s.time), units.time.symbol());
    view! {
        <dl class="readouts">
            <div class="readout key">
                <dt>"time"</dt>
                <dd data-testid=format!("readout-time{suffix}")>{time}</dd>
            </div>
            {items}
        </dl>
    }
}
