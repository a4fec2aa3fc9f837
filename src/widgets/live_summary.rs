use leptos::prelude::*;

use super::WidgetState;
use crate::sim::kinds::format::run_sentence;

/// Wall-clock milliseconds between spoken updates while a run plays.
const CALM_MS: f64 = 4000.0;

/// An ARIA live region that describes the run in words, at a calm rate while it plays and at
/// once when it pauses.
#[component]
pub fn LiveSummary(state: WidgetState) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let last = StoredValue::new(f64::NEG_INFINITY);
    let units = state.scenario.with_untracked(|s| s.kind.descriptor().units);
    Effect::new(move |_| {
        let summary = state.snapshot.with(|s| run_sentence(s, &units));
        let now = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
        let playing = state.playing.get();
        if !playing || now - last.get_value() >= CALM_MS {
            last.set_value(now);
            text.set(summary);
        }
    });
    view! { <p class="visually-hidden" aria-live="polite" data-testid="live-summary">{move || text.get()}</p> }
}
