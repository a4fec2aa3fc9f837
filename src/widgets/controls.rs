//! Playback controls (play, step, speed, reset, seed), the lesson's parameter controls, and
//! failure injection. Every parameter goes through the scenario parser, so a control can never
//! set a value a lesson or URL could not.

use leptos::prelude::*;

use super::WidgetState;
use crate::{
    playback::{SPEEDS, speed_label},
    scenario::{KeySpec, MAX_SEED, lookup},
};

#[component]
pub fn PlaybackControls(state: WidgetState) -> impl IntoView {
    let play_label = move || if state.playing.get() { "Pause" } else { "Play" };
    let speeds = SPEEDS
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <option value=i.to_string() selected=move || state.speed.get() == *s>{speed_label(*s)}</option> })
        .collect_view();
    let set_speed = move |ev| {
        let i: usize = event_target_value(&ev).parse().unwrap_or(4);
        state.speed.set(SPEEDS.get(i).copied().unwrap_or(1.0));
    };
    let seed = move || state.scenario.with(|s| s.run.seed.to_string());
    let set_seed = move |ev| {
        let text = event_target_value(&ev);
        state.set_key("seed", text.trim());
    };
    view! {
        <div class="sim-controls" role="group" aria-label="Playback">
            <button data-testid="play" on:click=move |_| state.toggle() aria-pressed=move || state.playing.get().to_string()>{play_label}</button>
            <button class="secondary" data-testid="step" on:click=move |_| state.step() title="Process one event">"Step"</button>
            <button class="secondary" data-testid="reset" on:click=move |_| state.reset() title="Back to time 0: the same run again">"Reset"</button>
            <label class="inline">"Speed "
                <select data-testid="speed" on:change=set_speed>{speeds}</select>
            </label>
            <label class="inline">"Seed "
                <input type="number" min="0" max=MAX_SEED.to_string() data-testid="seed" prop:value=seed on:change=set_seed class="seed"/>
            </label>
            <span class="behind" data-testid="behind" role="status">{move || state.behind.get().then_some("running behind: showing slower than chosen")}</span>
        </div>
    }
}

/// Sliders and menus for the keys the lesson lets the learner change.
#[component]
pub fn ParameterControls(state: WidgetState, keys: Vec<String>) -> impl IntoView {
    let kind = state.scenario.with_untracked(|s| s.kind);
    let controls = keys
        .into_iter()
        .filter_map(|key| lookup(&key, kind))
        .map(|spec| view! { <ParameterControl state spec/> })
        .collect_view();
    view! { <div class="sim-params">{controls}</div> }
}

#[component]
fn ParameterControl(state: WidgetState, spec: &'static KeySpec) -> impl IntoView {
    let current = move || state.scenario.with(|s| (spec.write)(s, &spec.bounds));
    let id = format!("param-{}", spec.name);
    let apply = move |ev| state.set_key(spec.name, &event_target_value(&ev));
    // The range is built around the value when the widget starts, and again when the scenario
    // is changed from outside (a deck's `set`), not while the learner moves the slider.
    let around = move || {
        state.controls_epoch.track();
        Slider::around(spec, state.scenario.with_untracked(|s| (spec.write)(s, &spec.bounds)).parse().ok())
    };
    let slider = Memo::new(move |_| around());
    // A per-level key given as a list (`replicas = 4,3`) is edited as text: one slider or
    // number field cannot show several values.
    let listed = state.scenario.with_untracked(|s| (spec.write)(s, &spec.bounds)).contains(',');
    let input = match (spec.choices(), slider.get_untracked()) {
        _ if listed => view! {
            <input type="text" id=id.clone() data-testid=id.clone() inputmode="decimal"
                title="one value per level, separated by commas" prop:value=current on:change=apply/>
        }
        .into_any(),
        (Some(choices), _) => {
            let options = choices
                .into_iter()
                .map(|c| view! { <option value=c selected=move || current() == c>{c}</option> })
                .collect_view();
            view! { <select id=id.clone() data-testid=id.clone() on:change=apply>{options}</select> }.into_any()
        }
        (None, Some(_)) => {
            let position = move || {
                let value = current().parse::<f64>().ok();
                slider.get().zip(value).map(|(slider, v)| slider.position(v)).unwrap_or(0.0).to_string()
            };
            let moved = move |ev| {
                let p: f64 = event_target_value(&ev).parse().unwrap_or(0.0);
                if let Some(slider) = slider.get_untracked() {
                    state.set_key(spec.name, &slider.value_text(p));
                }
            };
            view! {
                <input type="range" id=id.clone() data-testid=id.clone() min="0" max="1000" step="1" prop:value=position on:input=moved/>
            }
            .into_any()
        }
        (None, None) => match spec.bounds.none {
            Some(word) => view! { <SwitchedNumber state spec word id=id.clone()/> }.into_any(),
            None => view! { <input type="text" id=id.clone() data-testid=id.clone() prop:value=current on:change=apply/> }
                .into_any(),
        },
    };
    view! {
        <div class="param">
            <label for=id>{spec.name.replace('_', " ")}</label>
            {input}
            <output data-testid=format!("value-{}", spec.name)>{current}</output>
        </div>
    }
}

/// A number that a word switches off (`outage_at = none`, `queue_cap = unlimited`): a number
/// field and a checkbox named by the word. Typing a number turns the feature on; ticking the
/// box turns it off; unticking it brings back the last number used (the lesson's, or 1).
#[component]
fn SwitchedNumber(
    state: WidgetState,
    spec: &'static KeySpec,
    word: &'static str,
    id: String,
) -> impl IntoView {
    let current = move || state.scenario.with(|s| (spec.write)(s, &spec.bounds));
    let off = move || current() == word;
    let last = StoredValue::new(
        state.scenario.with_untracked(|s| (spec.write)(s, &spec.bounds)).parse::<f64>().ok().map_or_else(
            || round_sig(1f64.clamp(spec.bounds.min, spec.bounds.max), 3).to_string(),
            |v| v.to_string(),
        ),
    );
    let number = move || if off() { String::new() } else { current() };
    let typed = move |ev| {
        let text = event_target_value(&ev).trim().replace(',', ".");
        if text.is_empty() {
            state.set_key(spec.name, word);
        } else {
            state.set_key(spec.name, &text);
            if !off() {
                last.set_value(current());
            }
        }
    };
    let ticked = move |ev| {
        if event_target_checked(&ev) {
            state.set_key(spec.name, word);
        } else {
            state.set_key(spec.name, &last.get_value());
        }
    };
    let step = if spec.integer() { "1" } else { "any" };
    let switch_id = format!("{id}-{word}");
    let (for_label, switch_testid) = (switch_id.clone(), switch_id.clone());
    view! {
        <span class="switched">
            <input type="number" id=id.clone() data-testid=id inputmode="decimal" step=step
                min=spec.bounds.min.to_string() max=spec.bounds.max.to_string()
                prop:value=number on:change=typed/>
            <label class="switch" for=for_label>
                <input type="checkbox" id=switch_id data-testid=switch_testid prop:checked=off on:change=ticked/>
                {word}
            </label>
        </span>
    }
}

/// A slider's mapping between its position (0 to 1000) and a key's value. Narrow ranges are
/// linear over the key's bounds. A key whose bounds span more than two decades gets a
/// logarithmic slider from a twentieth to twenty times the lesson's value (within the bounds),
/// so the useful region fills the slider. Keys whose value may be a word (`none`) get no slider.
#[derive(Clone, Copy, PartialEq)]
struct Slider {
    min: f64,
    max: f64,
    log: bool,
    integer: bool,
}

impl Slider {
    fn around(spec: &KeySpec, initial: Option<f64>) -> Option<Slider> {
        let (lo, hi) = (spec.bounds.min, spec.bounds.max);
        if spec.bounds.none.is_some() || !(lo.is_finite() && hi.is_finite() && hi > lo) {
            return None;
        }
        let integer = spec.integer();
        let wide = hi - lo > 100.0 * lo.abs().max(1.0);
        match initial {
            Some(v) if wide && v > 0.0 => {
                let floor = if integer { 1.0 } else { f64::MIN_POSITIVE };
                let min = (v / 20.0).max(lo).max(floor);
                Some(Slider { min, max: (v * 20.0).min(hi).max(min * 2.0), log: true, integer })
            }
            _ => Some(Slider { min: lo, max: hi, log: false, integer }),
        }
    }

    fn position(&self, value: f64) -> f64 {
        let t = if self.log {
            (value.max(self.min).ln() - self.min.ln()) / (self.max.ln() - self.min.ln())
        } else {
            (value - self.min) / (self.max - self.min)
        };
        (t.clamp(0.0, 1.0) * 1000.0).round()
    }

    fn value_text(&self, position: f64) -> String {
        let t = (position / 1000.0).clamp(0.0, 1.0);
        let v = if self.log {
            (self.min.ln() + t * (self.max.ln() - self.min.ln())).exp()
        } else {
            self.min + t * (self.max - self.min)
        };
        if self.integer { format!("{}", v.round()) } else { format!("{}", round_sig(v, 3)) }
    }
}

fn round_sig(v: f64, digits: i32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// Break something while it runs: the actions the kind's descriptor lists. Each is written
/// into the scenario (an outage or a spike that starts now), so the shared link replays it too.
#[component]
pub fn FailureControls(state: WidgetState) -> impl IntoView {
    let actions = state.scenario.with_untracked(|s| s.kind.descriptor().actions);
    let buttons = actions
        .iter()
        .map(|action| {
            let act = move |_| {
                let changes = state.snapshot.with_untracked(|snap| {
                    state.scenario.with_untracked(|scenario| (action.changes)(scenario, snap))
                });
                state.change_at_current_time(&changes);
            };
            view! {
                <button class="secondary" data-testid=action.id on:click=act>
                    {move || state.snapshot.with(|snap| (action.label)(snap))}
                </button>
            }
        })
        .collect_view();
    view! { <div class="sim-failures" role="group" aria-label="Break something">{buttons}</div> }
}
