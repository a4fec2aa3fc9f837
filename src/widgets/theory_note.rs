//! The closed form beside a run: the prediction the kind's descriptor names, which footing it
//! stands on (exact, an approximation and its typical error, or no closed form), its figures
//! row by row beside the run's own, and what the scenario has that the model leaves out.

use leptos::prelude::*;

use super::WidgetState;
use crate::sim::theory::{self, Basis, NO_CLOSED_FORM, Prediction};

/// The footing of a prediction in the note's words: a short label and a sentence.
fn footing(p: &Prediction) -> (&'static str, String) {
    match p.basis {
        Basis::Exact => {
            ("Exact.", " The formula's assumptions are this run's: a long run converges to it.".into())
        }
        Basis::Approximation => (
            "Approximation:",
            match &p.typical_error {
                Some(error) => format!(" typically {error}."),
                None => " close, not exact.".into(),
            },
        ),
        Basis::None => ("No closed form:", " use the sweep.".into()),
    }
}

/// The closed-form prediction for this scenario beside the run's own figures, and the ways the
/// scenario breaks the formula's assumptions. Nothing is shown where the kind has no formula.
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
        let (label, sentence) = footing(&prediction);
        let basis = match prediction.basis {
            Basis::Exact => "exact",
            Basis::Approximation => "approximation",
            Basis::None => "none",
        };
        let differs = (!prediction.differs.is_empty()).then(|| {
            view! {
                <p class="muted" data-testid="theory-differs">
                    {format!("Not in the formula: {}.", prediction.differs.join("; "))}
                </p>
            }
        });
        // The footing line already says there is no closed form.
        let notes = prediction
            .notes
            .iter()
            .filter(|n| n.as_str() != NO_CLOSED_FORM)
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        Some(view! {
            <details class="theory" data-testid="theory" open>
                <summary>{format!("Theory: {}", prediction.model)}</summary>
                <p class="theory-basis" data-testid="theory-basis" data-basis=basis>
                    <strong>{label}</strong>
                    {sentence}
                </p>
                {has_rows.then(|| view! {
                    <table>
                        <thead><tr><th></th><th>"this run"</th><th>"formula"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                })}
                {differs}
                <ul class="muted">{notes}</ul>
                {has_rows.then(|| view! {
                    <p class="muted">"The formula describes the long run; a short run wanders around it, and the first seconds of a run start empty."</p>
                })}
            </details>
        })
    }
}
