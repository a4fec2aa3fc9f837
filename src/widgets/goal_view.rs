//! A lesson's graded challenge beside its widget: the goal in words, how the run stands against
//! each condition, and, once a finished run meets every one (`scenario::goal` defines it), a
//! link to that exact run. The success is kept in progress (`storage`, the goal's id and text),
//! so the lesson and its course page show it after a reload.

use leptos::prelude::*;

use super::{WidgetState, share_panel::run_address};
use crate::{
    browser,
    scenario::goal::Goal,
    storage::{self, Loaded, Progress, Write},
};

/// The scenario query a stored success of goal `id` (written `text`) kept, if it was met.
fn stored(id: &str, text: &str) -> Option<String> {
    let store = storage::local::LocalStore::open().ok()?;
    match storage::load(store.get(storage::KEY).ok()?.as_deref()) {
        Loaded::Ready { progress, .. } => progress
            .goal_met(id, text)
            .then(|| progress.goal(id).map(|g| g.query.clone()).unwrap_or_default()),
        _ => None,
    }
}

/// Keeps a success in the learner's progress, merged with what is stored (as the site's own
/// writes are: `storage::plan_write`). A value this build cannot read is left for the site's
/// progress code, which keeps it aside and tells the learner.
fn keep(id: &str, text: &str, query: &str) -> Result<(), String> {
    let store = storage::local::LocalStore::open()?;
    let raw = store.get(storage::KEY)?;
    let mut ours = match storage::load(raw.as_deref()) {
        Loaded::Ready { progress, .. } => progress,
        Loaded::Empty => Progress::default(),
        Loaded::Unreadable { reason, .. } => return Err(reason),
    };
    ours.meet_goal(id, text, query, browser::wall_clock_ms());
    match storage::plan_write(storage::load(raw.as_deref()), &ours) {
        Write::Save(progress) => store.set(storage::KEY, &progress.to_json()),
        Write::Unchanged(_) => Ok(()),
        Write::Refuse { reason } | Write::KeepAsideThenSave { reason, .. } => Err(reason),
    }
}

/// The challenge `text` (kept under progress id `id`) for the widget's run.
#[component]
pub fn GoalView(state: WidgetState, id: String, text: String, controls: Vec<String>) -> impl IntoView {
    let kind = state.scenario.with_untracked(|s| s.kind);
    let goal = match Goal::parse(&text, kind) {
        Ok(goal) => goal,
        // The content lint refuses such a lesson; a page built anyway says so and runs on.
        Err(e) => {
            return view! { <p class="sim-goal" data-testid="goal-error">{format!("This challenge could not be read: its goal {e}.")}</p> }
                .into_any();
        }
    };
    let words = goal.words();
    let goal = StoredValue::new(goal);
    let (id, text, controls) =
        (StoredValue::new(id), StoredValue::new(text), StoredValue::new(controls.join(",")));
    let kept = RwSignal::new(id.with_value(|id| text.with_value(|text| stored(id, text))));
    let failed = RwSignal::new(None::<String>);
    // Met: the run has ended, and its figures and settings meet every condition.
    let met = Memo::new(move |_| {
        state.snapshot.track();
        state.is_done()
            && state
                .scenario
                .with(|s| state.snapshot.with(|snap| goal.with_value(|g| g.met(s, &snap.report))))
    });
    let link = Memo::new(move |_| met.get().then(|| controls.with_value(|c| run_address(state, c, true))));
    Effect::new(move |_| {
        if met.get() && kept.with_untracked(Option::is_none) {
            let query = state.scenario.with_untracked(|s| s.to_query());
            match id.with_value(|id| text.with_value(|text| keep(id, text, &query))) {
                Ok(()) => kept.set(Some(query)),
                Err(why) => failed.set(Some(why)),
            }
        }
    });
    let clauses = move || {
        let standing = state
            .scenario
            .with(|s| state.snapshot.with(|snap| goal.with_value(|g| g.standing(s, &snap.report))));
        standing
            .into_iter()
            .map(|c| {
                let mark = if c.met { "✓" } else { "·" };
                view! { <li class:met=c.met><span aria-hidden="true">{mark}</span>" "{c.words}": now "{c.now}</li> }
            })
            .collect_view()
    };
    let status = move || {
        if let Some(url) = link.get() {
            return view! {
                <p role="status" data-testid="goal-status" class="goal-met">
                    <strong>"Goal met by this run."</strong>" "<a data-testid="goal-link" href=url.clone()>"Link to the exact run"</a>
                    {move || failed.get().map(|why| format!(" (not saved in your progress: {why})"))}
                </p>
            }
            .into_any();
        }
        if let Some(query) = kept.get() {
            let href = format!("{}/embed/{}?{query}", browser::base_path(), kind.name());
            return view! {
                <p role="status" data-testid="goal-status" class="goal-met">
                    <strong>"Goal met"</strong>" (kept in your progress). "<a data-testid="goal-kept-link" href=href>"The run that met it"</a>
                </p>
            }
            .into_any();
        }
        view! {
            <p role="status" data-testid="goal-status" class="muted">
                "Met by a run played to its end."
            </p>
        }
        .into_any()
    };
    view! {
        <section class="sim-goal" data-testid="goal" aria-label="Challenge"
            data-met=move || (met.get() || kept.with(Option::is_some)).to_string()>
            <p class="goal-text"><strong>"Challenge: "</strong><span data-testid="goal-words">{words}</span></p>
            <ul class="goal-clauses">{clauses}</ul>
            {status}
        </section>
    }
    .into_any()
}
