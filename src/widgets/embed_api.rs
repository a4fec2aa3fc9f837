//! What an embedded widget offers the slide deck around it: keyboard shortcuts (Space plays
//! and pauses, → steps, R resets) and a postMessage API.
//!
//! The deck sends `{ "headroom": "play" | "pause" | "step" | "reset" | "state" }`,
//! `{ "headroom": "set", "scenario": "kind=queue&rate=0.9" }` (the whole scenario, from the
//! defaults), `{ "headroom": "change", "scenario": "policy=least_conn" }` (keys merged into
//! the current scenario; the run starts over, playing on if it was), or
//! `{ "headroom": "inject", "action": "kill-server" | "spike" | "clear-cache" }` (a failure
//! button of the kind, at the current time). The widget answers each message,
//! and reports while it plays, with
//! `{ "headroom": "state", "playing", "time", "events", "scenario", "report": {...} }`.
//! Anything else is ignored; nothing in a message is ever run as code.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsValue;

use super::WidgetState;
use crate::{browser, scenario::Scenario};

/// Wall-clock milliseconds between state reports while playing.
const REPORT_EVERY_MS: f64 = 1000.0;

#[component]
pub fn EmbedApi(state: WidgetState) -> impl IntoView {
    let keys = window_event_listener(ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || browser::typing_in_field() {
            return;
        }
        match ev.key().as_str() {
            " " => state.toggle(),
            "ArrowRight" => state.step(),
            "r" | "R" => state.reset(),
            _ => return,
        }
        ev.prevent_default();
    });
    let messages = window_event_listener(ev::message, move |ev: web_sys::MessageEvent| {
        let Some(command) = field(&ev.data(), "headroom") else { return };
        match command.as_str() {
            "play" => state.play(),
            "pause" => state.pause(),
            "step" => state.step(),
            "reset" => state.reset(),
            "set" => {
                let text = field(&ev.data(), "scenario").unwrap_or_default();
                state.set_scenario_keeping_kind(&text);
            }
            "change" => {
                let text = field(&ev.data(), "scenario").unwrap_or_default();
                let pairs: Vec<(String, String)> = text
                    .split('&')
                    .filter_map(|p| p.split_once('='))
                    .filter(|(k, _)| *k != "kind")
                    .filter_map(|(k, v)| {
                        let v = js_sys::decode_uri_component(&v.replace('+', " ")).ok()?.as_string()?;
                        Some((k.to_string(), v))
                    })
                    .collect();
                state.change_keys(&pairs);
            }
            "inject" => {
                let id = field(&ev.data(), "action").unwrap_or_default();
                let kind = state.scenario.with_untracked(|s| s.kind);
                let Some(action) = kind.descriptor().actions.iter().find(|a| a.id == id) else { return };
                let changes = state.snapshot.with_untracked(|snap| {
                    state.scenario.with_untracked(|scenario| (action.changes)(scenario, snap))
                });
                let playing = state.playing.get_untracked();
                state.change_at_current_time(&changes);
                if playing {
                    state.play();
                }
            }
            "state" => {}
            _ => return,
        }
        post_state(state);
    });
    on_cleanup(move || {
        keys.remove();
        messages.remove();
    });
    // Report while playing, at a calm rate, and once when the widget is ready.
    let last = StoredValue::new(f64::NEG_INFINITY);
    Effect::new(move |first: Option<()>| {
        state.snapshot.track();
        let now = browser::now_ms();
        if first.is_none() || !state.playing.get_untracked() || now - last.get_value() >= REPORT_EVERY_MS {
            last.set_value(now);
            post_state(state);
        }
    });
}

fn field(data: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).ok()?.as_string()
}

/// Sends the widget's state to the page that embeds it (nothing when it is not embedded).
fn post_state(state: WidgetState) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let message = state.snapshot.with_untracked(|s| {
        serde_json::json!({
            "headroom": "state",
            "playing": state.playing.get_untracked(),
            "time": s.time,
            "events": s.report.events,
            "scenario": state.scenario.with_untracked(Scenario::to_query),
            "report": {
                "arrivals": s.report.arrivals,
                "completed": s.report.completed,
                "dropped": s.report.dropped,
                "timed_out": s.report.timed_out,
                "mean_latency": s.report.mean_latency,
                "p95": s.report.p95,
                "p99": s.report.p99,
                "hit_ratio": s.report.hit_ratio,
            },
        })
        .to_string()
    });
    if let Ok(value) = js_sys::JSON::parse(&message) {
        let _ = parent.post_message(&value, "*");
    }
}
