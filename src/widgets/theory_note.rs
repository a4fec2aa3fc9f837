//! The closed form beside a run: the prediction the kind's descriptor names, row by row
//! beside the run's own figures, with the ways the scenario breaks the formula's assumptions.

use leptos::prelude::*;

use super::WidgetState;
use crate::sim::theory;

/// The closed-form prediction for this scenario beside the run's own figures, and the ways the
/// scenario breaks the formula's assumptions. Nothing is shown where no formula applies.
#[component]
pub fn TheoryNote(state: WidgetState) -> impl IntoView {
    let descriptor = state.scenario.with_untracked(|s| s.kind.descriptor());
    let units = descriptor.units;
    let prediction = Memo::new(move |_| state.scenario.with(theory::predict));
    move || {
        let prediction = prediction.get()?;
        let rows = descriptor
            .theory?
            .rows
            .iter()
            .filter_map(|row| {
                let predicted = (row.predicted)(&prediction)?;
                let (measured, format) = (row.measured, row.format);
                Some(view! {
                    <tr>
                        <th scope="row">{row.label}</th>
                        <td>{move || state.snapshot.with(|s| format.show(measured(&s.report), &units))}</td>
                        <td>{format.show(predicted, &units)}</td>
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
