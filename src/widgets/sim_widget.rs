use leptos::{html::Div, prelude::*};
use leptos_use::{use_element_visibility, use_media_query, use_prefers_reduced_motion};

use super::{
    Charts, CompareView, EmbedApi, FailureControls, GoalView, LiveSummary, ParameterControls,
    PlaybackControls, Readouts, SharePanel, SimCanvas, StaticWidget, SteppedTable, SweepView, TheoryNote,
    WidgetState, frame_loop::use_animation_frames, readouts::format_count, test_hooks,
};
use crate::{
    content::SimBlock,
    playback::FRAME_BUDGET,
    scenario::{
        Layout, Problem, Scenario,
        explore::{CompareAddress, SweepAddress},
    },
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
    /// Compact, full, or decided by the space the widget has (see [`SimWidget`]).
    pub layout: Layout,
    /// A lesson's graded challenge: its progress id and its text (`scenario::goal`).
    pub goal: Option<(String, String)>,
    /// A comparison and a sweep the address asked for (`scenario::explore`).
    pub compare: Option<CompareAddress>,
    pub sweep: Option<SweepAddress>,
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
            layout: Layout::Auto,
            goal: None,
            compare: None,
            sweep: None,
        }
    }
}

/// Where a compact widget's parts beyond the run sit: one click away, one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    /// Every readout, not only the kind's key ones.
    Figures,
    Charts,
    Theory,
    /// The sweep and the comparison (any key of the kind).
    Explore,
}

impl Panel {
    fn name(self) -> &'static str {
        match self {
            Panel::Figures => "figures",
            Panel::Charts => "charts",
            Panel::Theory => "theory",
            Panel::Explore => "explore",
        }
    }
}

/// Frames at least this big show an embed's `auto` layout in full; smaller ones are compact.
const FULL_FRAME: &str = "(min-width: 700px) and (min-height: 1100px)";
/// A phone: the widget fits about one screen.
const PHONE: &str = "(max-width: 40rem)";
/// Wide enough for the widget to sit beside the lesson's text (the style sheet's breakpoint).
const WIDE: &str = "(min-width: 75rem)";

/// A live simulation: the run drawn as it happens, its controls, its numbers and its charts.
///
/// Two arrangements. *Full* stacks everything. *Compact* (a slide, a phone, the column beside
/// a lesson's text) shows the drawing, playback, the chosen controls and the kind's key
/// readouts, and puts every other figure, the charts, the theory and the sweep behind buttons,
/// one open at a time. `config.layout` forces one; `Auto` chooses by the space: an embed is
/// compact unless its frame is tall, a lesson's widget is compact on a phone and beside the
/// text on a wide screen. The style sheet does the rest of the arranging (its "Widget layout"
/// block), keyed on `data-layout` and `data-open`.
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
    let compact = compact_signal(&config, root);
    // An address that asks for a comparison or a sweep opens the panel that shows it.
    let asked = config.compare.is_some() || config.sweep.is_some();
    let open = RwSignal::new(asked.then_some(Panel::Explore));
    let descriptor = config.scenario.kind.descriptor();
    let kind = config.scenario.kind.name();
    let shown = move |panel: Panel| !compact.get() || open.get() == Some(panel);
    let mut panels = Vec::new();
    if descriptor.readouts.len() > descriptor.key_readouts.len() {
        panels.push((Panel::Figures, "Figures"));
    }
    panels.push((Panel::Charts, "Charts"));
    if descriptor.theory.is_some() {
        panels.push((Panel::Theory, "Theory"));
    }
    // Every timed kind can sweep a numeric key and compare two values of any key.
    panels.push((Panel::Explore, "Explore"));
    let tabs = panels
        .into_iter()
        .map(|(panel, label)| {
            let expanded = move || (open.get() == Some(panel)).to_string();
            let toggle = move |_| open.update(|o| *o = if *o == Some(panel) { None } else { Some(panel) });
            view! {
                <button type="button" class="secondary sim-tab" data-testid=format!("tab-{}", panel.name())
                    aria-expanded=expanded on:click=toggle>{label}</button>
            }
        })
        .collect_view();
    view! {
        <div class="sim" node_ref=root data-testid="sim-widget" data-kind=kind
            data-layout=move || if compact.get() { "compact" } else { "full" }
            data-open=move || open.get().map_or("", Panel::name)
            data-frame-budget=FRAME_BUDGET.to_string() data-frame-events=move || state.frame_events.get().to_string()>
            <ProblemList problems=state.problems/>
            <RunNotices state/>
            <div class="sim-stage">
                {move || if reduced.get() {
                    view! { <SteppedTable state/> }.into_any()
                } else {
                    view! { <SimCanvas state/><PlaybackControls state/> }.into_any()
                }}
            </div>
            <div class="sim-side">
                {config.goal.clone().map(|(id, text)| view! { <GoalView state id text controls=config.controls.clone()/> })}
                <ParameterControls state keys=config.controls.clone()/>
                <FailureControls state/>
                <Readouts state key_metrics=descriptor.key_readouts/>
                <div class="sim-tabs" role="group" aria-label="More about this run" data-testid="sim-tabs"
                    hidden=move || !compact.get()>{tabs}</div>
                <div class="sim-panel" hidden=move || !shown(Panel::Charts)><Charts state/></div>
                <div class="sim-panel" hidden=move || !shown(Panel::Theory)><TheoryNote state/></div>
                <div class="sim-panel" hidden=move || !shown(Panel::Explore)><SweepView state start=config.sweep.clone()/><CompareView state start=config.compare.clone()/></div>
                <LiveSummary state/>
                {config.caption.map(|c| view! { <p class="caption">{c}</p> })}
                {(!config.embed).then(|| view! { <SharePanel state controls=config.controls.clone()/> })}
                {config.embed.then(|| view! { <EmbedApi state/> })}
            </div>
        </div>
    }
    .into_any()
}

/// Whether the widget is compact now: forced by the address, or chosen by the space it has
/// (and chosen again when that changes).
pub(super) fn compact_signal(config: &WidgetConfig, root: NodeRef<Div>) -> Signal<bool> {
    match (config.layout, config.embed) {
        (Layout::Compact, _) => Signal::from(true),
        (Layout::Full, _) => Signal::from(false),
        (Layout::Auto, true) => {
            let full = use_media_query(FULL_FRAME);
            Signal::derive(move || !full.get())
        }
        (Layout::Auto, false) => {
            let (phone, wide) = (use_media_query(PHONE), use_media_query(WIDE));
            // Beside the text only where the lesson placed it there (one widget per lesson).
            let beside = RwSignal::new(false);
            Effect::new(move |_| {
                if let Some(el) = root.get() {
                    beside.set(el.closest(".beside > .lesson-widget").ok().flatten().is_some());
                }
            });
            Signal::derive(move || phone.get() || (wide.get() && beside.get()))
        }
    }
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
