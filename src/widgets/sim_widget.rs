use leptos::{html::Div, prelude::*};
use leptos_use::{use_element_visibility, use_prefers_reduced_motion};

use super::{
    Charts, CompareView, EmbedApi, FailureControls, LiveSummary, ParameterControls, PlaybackControls,
    Readouts, SharePanel, SimCanvas, StaticWidget, SteppedTable, SweepView, TheoryNote, WidgetState,
    frame_loop::use_animation_frames, readouts::format_count, test_hooks,
};
use crate::{
    content::SimBlock,
    playback::FRAME_BUDGET,
    scenario::{Problem, Scenario},
    sim::limits::MAX_IN_FLIGHT,
};

/// Everything a widget is built from: a lesson's ```sim block or an embed URL.
#[derive(Clone, Debug)]
pub struct WidgetConfig {
    pub scenario: Scenario,
    /// What had to be corrected in the input, shown above the widget.
    pub problems: Vec<Problem>,
    /// Scenario keys the learner may change.
    pub controls: Vec<String>,
    pub caption: Option<String>,
    /// Simulated time to open at (a shared link's position).
    pub start_at: Option<f64>,
    /// Inside an instructor's iframe: keyboard shortcuts and the postMessage API are on.
    pub embed: bool,
}

impl WidgetConfig {
    pub fn from_block(block: &SimBlock) -> WidgetConfig {
        let parsed = Scenario::parse(&block.scenario);
        WidgetConfig {
            scenario: parsed.scenario,
            problems: parsed.problems,
            controls: block.controls.clone(),
            caption: block.caption.clone(),
            start_at: None,
            embed: false,
        }
    }
}

/// A live simulation: the run drawn as it happens, its controls, its numbers and its charts.
#[component]
pub fn SimWidget(config: WidgetConfig) -> impl IntoView {
    if !config.scenario.kind.is_timed() {
        return view! { <StaticWidget config/> }.into_any();
    }
    let state = WidgetState::new(config.scenario.clone());
    state.problems.set(config.problems.clone());
    if let Some(t) = config.start_at {
        state.seek(t);
    }
    let root = NodeRef::<Div>::new();
    let on_screen = use_element_visibility(root);
    use_animation_frames(
        move || state.busy() && on_screen.get(),
        move |elapsed| {
            state.frame(elapsed);
            test_hooks::note_memory();
        },
    );
    if !config.embed {
        super::setup_links::use_setup_links(root, on_screen, move |pairs| state.apply_setup(pairs));
    }
    let reduced = use_prefers_reduced_motion();
    let kind = config.scenario.kind.name();
    view! {
        <div class="sim" node_ref=root data-testid="sim-widget" data-kind=kind
            data-frame-budget=FRAME_BUDGET.to_string() data-frame-events=move || state.frame_events.get().to_string()>
            <ProblemList problems=state.problems/>
            <RunNotices state/>
            {move || if reduced.get() {
                view! { <SteppedTable state/> }.into_any()
            } else {
                view! { <SimCanvas state/><PlaybackControls state/> }.into_any()
            }}
            <ParameterControls state keys=config.controls.clone()/>
            <FailureControls state/>
            <Readouts state/>
            <TheoryNote state/>
            <Charts state/>
            <SweepView state/>
            <CompareView state/>
            <LiveSummary state/>
            {config.caption.map(|c| view! { <p class="caption">{c}</p> })}
            {(!config.embed).then(|| view! { <SharePanel state controls=config.controls.clone()/> })}
            {config.embed.then(|| view! { <EmbedApi state/> })}
        </div>
    }
    .into_any()
}

/// What was corrected in the scenario, in plain words.
#[component]
pub fn ProblemList(problems: RwSignal<Vec<Problem>>) -> impl IntoView {
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view();
            view! {
                <div class="sim-problems" role="status" data-testid="scenario-problems">
                    <p>"Some settings could not be used as given, so the simulation runs with these corrections:"</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// What the run is doing beyond playing: catching up to a time it was asked to reach (a shared
/// link's `t=`, or a failure injected now, which replays the run to this moment), and turning
/// arrivals away because it reached its memory limits.
#[component]
fn RunNotices(state: WidgetState) -> impl IntoView {
    let catching_up = move || {
        state.catching_up.get().map(|(target, fraction)| {
            view! {
                <p class="behind" role="status" data-testid="catching-up">
                    {format!("Catching up: replaying the run to {target:.1} s ({:.0} % done)…", fraction * 100.0)}
                </p>
            }
        })
    };
    let units = state.scenario.with_untracked(|s| s.kind.descriptor().units);
    let shed = move || {
        let shed = state.snapshot.with(|s| s.report.metric("shed").unwrap_or(0.0));
        (shed > 0.0).then(|| {
            view! {
                <p class="behind" role="status" data-testid="shed-notice">
                    {format!(
                        "{} {} turned away unrun: a run holds at most {} {} at once, so its memory stays bounded.",
                        format_count(shed as u64),
                        units.items,
                        format_count(MAX_IN_FLIGHT as u64),
                        units.items
                    )}
                </p>
            }
        })
    };
    view! { {catching_up}{shed} }
}
