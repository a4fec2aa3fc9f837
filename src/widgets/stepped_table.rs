use leptos::prelude::*;

use super::{
    WidgetState,
    readouts::{format_count, format_seconds},
};
use crate::playback::default_speed;

/// For learners who ask for reduced motion: the run advances in fixed steps at their command,
/// one table row per step, instead of animating.
#[component]
pub fn SteppedTable(state: WidgetState) -> impl IntoView {
    let rows = RwSignal::new(Vec::<[String; 6]>::new());
    let step_seconds = move || state.scenario.with(|s| default_speed(s.arrivals.rate));
    let record = move || {
        let row = state.snapshot.with_untracked(|s| {
            let r = &s.report;
            [
                format!("{:.1} s", s.time),
                format_count(r.arrivals),
                format_count(r.completed),
                format_count(r.dropped + r.timed_out),
                s.in_flight.to_string(),
                format_seconds(r.p95),
            ]
        });
        rows.update(|rows| rows.push(row));
    };
    // A new scenario or a reset starts a new table.
    Effect::new(move |_| {
        state.scenario.track();
        rows.set(Vec::new());
    });
    let advance = move |_| {
        state.advance(step_seconds());
        record();
    };
    let body = move || {
        rows.get()
            .into_iter()
            .map(
                |cells| view! { <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> },
            )
            .collect_view()
    };
    view! {
        <div class="stepped" data-testid="stepped-table">
            <button data-testid="advance" on:click=advance>{move || format!("Advance {} simulated seconds", step_seconds())}</button>
            <table>
                <thead><tr><th>"time"</th><th>"arrived"</th><th>"served"</th><th>"dropped or timed out"</th><th>"in flight"</th><th>"p95"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
