use leptos::prelude::*;

use super::{WidgetState, readouts::format_seconds};
use crate::{
    scenario::Kind,
    sim::{
        Report,
        theory::{self, Prediction},
    },
};

/// One row: a figure the closed form predicts, beside the same figure from the run.
struct Row {
    label: &'static str,
    /// Kinds whose run reports the same figure the formula predicts.
    applies: fn(Kind) -> bool,
    predicted: fn(&Prediction) -> Option<f64>,
    simulated: fn(&Report) -> f64,
    show: fn(f64) -> String,
}

fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

const ROWS: &[Row] = &[
    Row {
        label: "utilization",
        applies: |k| !matches!(k, Kind::Cache | Kind::Pipeline),
        predicted: |p| p.utilization,
        simulated: |r| r.utilization,
        show: percent,
    },
    Row {
        applies: |_| true,
        label: "mean wait",
        predicted: |p| p.mean_wait,
        simulated: |r| r.mean_wait,
        show: format_seconds,
    },
    Row {
        applies: |_| true,
        label: "mean latency",
        predicted: |p| p.mean_latency,
        simulated: |r| r.mean_latency,
        show: format_seconds,
    },
    Row {
        applies: |_| true,
        label: "mean in system",
        predicted: |p| p.mean_in_system,
        simulated: |r| r.mean_in_system,
        show: |x| format!("{x:.2}"),
    },
    Row {
        applies: |_| true,
        label: "share dropped",
        predicted: |p| p.drop_ratio,
        simulated: |r| drop_ratio(r),
        show: percent,
    },
    Row {
        applies: |_| true,
        label: "passed per second",
        predicted: |p| p.admitted_rate,
        simulated: |r| r.throughput,
        show: |x| format!("{x:.1}/s"),
    },
    Row {
        applies: |_| true,
        label: "hit ratio",
        predicted: |p| p.hit_ratio,
        simulated: |r| r.hit_ratio,
        show: percent,
    },
    Row {
        applies: |_| true,
        label: "attempts per request",
        predicted: |p| p.mean_attempts,
        simulated: |r| r.mean_attempts,
        show: |x| format!("{x:.2}"),
    },
    Row {
        applies: |_| true,
        label: "stale share of reads",
        predicted: |p| p.stale_ratio,
        simulated: |r| r.metric("stale_ratio").unwrap_or(0.0),
        show: percent,
    },
];

fn drop_ratio(r: &Report) -> f64 {
    if r.arrivals == 0 { 0.0 } else { r.dropped as f64 / r.arrivals as f64 }
}

/// The closed-form prediction for this scenario beside the run's own figures, and the ways the
/// scenario breaks the formula's assumptions. Nothing is shown where no formula applies.
#[component]
pub fn TheoryNote(state: WidgetState) -> impl IntoView {
    let prediction = Memo::new(move |_| state.scenario.with(theory::predict));
    move || {
        let prediction = prediction.get()?;
        let kind = state.scenario.with(|s| s.kind);
        let rows = ROWS
            .iter()
            .filter(|row| (row.applies)(kind))
            .filter_map(|row| {
                let predicted = (row.predicted)(&prediction)?;
                let (simulated, show) = (row.simulated, row.show);
                Some(view! {
                    <tr>
                        <th scope="row">{row.label}</th>
                        <td>{move || state.snapshot.with(|s| show(simulated(&s.report)))}</td>
                        <td>{show(predicted)}</td>
                    </tr>
                })
            })
            .collect::<Vec<_>>();
        let has_rows = !rows.is_empty();
        let notes = prediction.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view();
        Some(view! {
            <details class="theory" data-testid="theory" open>
                <summary>{format!("Theory: {}", prediction.model)}</summary>
                {has_rows.then(|| view! {
                    <table>
                        <thead><tr><th></th><th>"this run"</th><th>"formula"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                })}
                <ul class="muted">{notes}</ul>
                <p class="muted">"The formula describes the long run; a short run wanders around it, and the first seconds of a run start empty."</p>
            </details>
        })
    }
}
