use leptos::prelude::*;

use super::{WidgetState, readouts::format_count};
use crate::playback::default_speed;
use crate::sim::kinds::{TimeUnit, format::format_duration};

/// For learners who ask for reduced motion: the run advances in fixed steps at their command,
/// one table row per step, instead of animating.
#[component]
pub fn SteppedTable(state: WidgetState) -> impl IntoView {
    let rows = RwSignal::new(Vec::<[String; 6]>::new());
    let units = state.scenario.with_untracked(|s| s.kind.descriptor().units);
    let step_seconds = move || state.scenario.with(|s| default_speed(s.arrivals.rate));
    let record = move || {
        let row = state.snapshot.with_untracked(|s| {
            let r = &s.report;
            [
                format!("{:.1} {}", s.time, units.time.symbol()),
                format_count(r.arrivals),
                format_count(r.completed),
                format_count(r.dropped + r.timed_out),
                s.in_flight.to_string(),
                format_duration(r.p95, units.time),
            ]
        });
        rows.update(|rows| rows.push(row));
    };
    // A new scenario or a reset starts a new table.
    Effect::new(move |_| {
        state.scenario.track();
        rows.set(Vec::new());
    });
    // A step is a seek: it may take several frames, and the row is written once it is there.
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        let done = state.catching_up.with(Option::is_none);
        state.snapshot.track();
        if done && pending.get_value() {
            pending.set_value(false);
            record();
        }
    });
    let advance = move |_| {
        pending.set_value(true);
        state.advance(step_seconds());
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
            <button data-testid="advance" on:click=advance>{move || advance_label(step_seconds(), units.time)}</button>
            <table>
                <thead><tr><th>"time"</th><th>"arrived"</th><th>"finished"</th><th>"dropped or timed out"</th><th>"in flight"</th><th>"p95 time to finish"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// "Advance 1 simulated second", "Advance 0.5 simulated seconds", "Advance 2 simulated hours".
fn advance_label(step: f64, unit: TimeUnit) -> String {
    let word = if step == 1.0 { unit.one() } else { unit.word() };
    format!("Advance {step} simulated {word}")
}
