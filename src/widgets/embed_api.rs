//! What an embedded widget offers the slide deck around it: the deck's keys left to the deck,
//! keyboard shortcuts once the presenter gives the widget the keys, and a postMessage API.
//!
//! Keys: inside a deck's iframe, the deck's navigation keys (→ ← PageUp PageDown Space) are
//! passed on to the deck even after a click in the widget, both through reveal.js's
//! postMessage API (`'{"method":"next","args":[]}'`) and as `{ "headroom": "key", "key" }` for
//! other decks. A visible button gives the widget the keys (Space plays and pauses, → steps,
//! R resets) until it is pressed again or Esc gives them back. Opened on its own, the widget
//! has the keys.
//!
//! The deck sends `{ "headroom": "play" | "pause" | "step" | "reset" | "state" }`,
//! `{ "headroom": "set", "scenario": "rate=0.95&servers=2" }` (those keys change; every other
//! key, the seed included, keeps its value) or `{ "headroom": "replace", "scenario": "..." }`
//! (the whole scenario: keys not named take their defaults), or
//! `{ "headroom": "inject", "action": "kill-server" | "spike" | "clear-cache" }` (a failure
//! button of the kind, at the current time). The widget answers each message,
//! and reports while it plays, with `{ "headroom": "state", "playing", "time", "events",
//! "scenario", "problems", "report": {...} }`, where `problems` names what the last change of
//! scenario had to correct (a value out of range, a key this kind does not use).
//! Anything else is ignored; nothing in a message is ever run as code.
//!
//! Each answer goes to the window that sent the command, addressed to its origin (never to
//! "any origin"). An embed address may name the one origin allowed to command it,
//! `origin=https://slides.example.org`; commands from any other are ignored, and so are all
//! commands when the value is not an origin (the widget names the problem). The unasked
//! reports (when ready, and while playing) go to the window that last sent a command, or, before
//! any, to the page around the embed (to that origin when one is named).

use leptos::{ev, prelude::*};
use wasm_bindgen::{JsCast, JsValue};

use super::WidgetState;
use crate::{browser, scenario::Scenario};

/// Wall-clock milliseconds between state reports while playing.
const REPORT_EVERY_MS: f64 = 1000.0;

/// The slide deck's navigation keys, and the reveal.js method each one calls there.
fn deck_method(key: &str, shift: bool) -> Option<&'static str> {
    match key {
        "ArrowRight" => Some("right"),
        "ArrowLeft" => Some("left"),
        "PageDown" => Some("next"),
        "PageUp" => Some("prev"),
        " " if shift => Some("prev"),
        " " => Some("next"),
        _ => None,
    }
}

#[component]
pub fn EmbedApi(state: WidgetState) -> impl IntoView {
    // In a deck, the keys belong to the deck until the presenter gives them to the widget with
    // the button below (shown, and said, on screen); opened on its own, the widget has them.
    let framed = browser::in_frame();
    let owns_keys = RwSignal::new(!framed);
    let keys = window_event_listener(ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() || browser::typing_text()
        {
            return;
        }
        let key = ev.key();
        if !owns_keys.get_untracked() {
            // Pass the deck's keys on, so clicking a widget never takes the slides' keys away.
            let Some(method) = deck_method(&key, ev.shift_key()) else { return };
            ev.prevent_default();
            // reveal.js's own postMessage API (a JSON string), and the same key for any other
            // deck that listens for it.
            browser::post_to_parent(&serde_json::json!({ "method": method, "args": [] }).to_string(), true);
            browser::post_to_parent(
                &serde_json::json!({ "headroom": "key", "key": key, "shift": ev.shift_key() }).to_string(),
                false,
            );
            return;
        }
        match key.as_str() {
            " " => state.toggle(),
            "ArrowRight" => state.step(),
            "r" | "R" => state.reset(),
            "Escape" if framed => owns_keys.set(false),
            _ => return,
        }
        ev.prevent_default();
    });
    // `Err`: an `origin=` that is not an origin; then no command is obeyed.
    let only_from = allowed_origin();
    let sender = StoredValue::new_local(None::<Sender>);
    let reports_to = only_from.clone();
    let messages = window_event_listener(ev::message, move |ev: web_sys::MessageEvent| {
        let Some(command) = field(&ev.data(), "headroom") else { return };
        match &only_from {
            Ok(Some(origin)) if *origin != ev.origin() => return,
            Err(_) => return,
            _ => {}
        }
        // The sender's window belongs to another frame, so it fails `instanceof Window` here;
        // a message on a window comes from a window (ports deliver to themselves), and posting
        // to it can only return an error.
        let Some(window) = ev.source().map(|s| s.unchecked_into::<web_sys::Window>()) else { return };
        match command.as_str() {
            "play" => state.play(),
            "pause" => state.pause(),
            "step" => state.step(),
            "reset" => state.reset(),
            "set" => {
                let text = field(&ev.data(), "scenario").unwrap_or_default();
                state.merge_query(&text);
            }
            "replace" => {
                let text = field(&ev.data(), "scenario").unwrap_or_default();
                state.set_scenario_keeping_kind(&text);
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
        // An opaque origin ("null", a sandboxed frame) cannot be addressed: the answer then
        // goes to that one window whatever its origin.
        let origin = ev.origin();
        let origin = if origin == "null" || origin.is_empty() { "*".to_string() } else { origin };
        sender.set_value(Some(Sender { window, origin }));
        post_state(state, sender, &only_from);
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
            post_state(state, sender, &reports_to);
        }
    });
    framed.then(|| {
        let label = move || {
            if owns_keys.get() {
                "Keys control the simulation: Space plays, → steps, R resets, Esc gives them back"
            } else {
                "Keys move the slides: use them here instead"
            }
        };
        view! {
            // A corner of the drawing, so it takes no room from the frame: the keyboard sign, the
            // state in its colour (pressed: the simulation has the keys) and in words for screen
            // readers and as its tooltip.
            <button type="button" class="secondary embed-keys" data-testid="embed-keys"
                aria-pressed=move || owns_keys.get().to_string() title=label
                on:click=move |_| owns_keys.update(|owns| *owns = !*owns)>
                <span aria-hidden="true">"⌨"</span>
                <span class="visually-hidden">{label}</span>
            </button>
        }
    })
}

fn field(data: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).ok()?.as_string()
}

/// The window that last sent a command, and the origin to address it by.
#[derive(Clone)]
struct Sender {
    window: web_sys::Window,
    origin: String,
}

/// The origin named by the address's `origin=`, if any.
fn allowed_origin() -> Result<Option<String>, String> {
    let search = browser::location_search();
    // A repeated key takes its last value, as every other key does.
    let value = search.trim_start_matches('?').split('&').rev().find_map(|pair| pair.strip_prefix("origin="));
    let Some(value) = value else { return Ok(None) };
    let value = js_sys::decode_uri_component(&value.replace('+', " "))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or("is not valid percent-encoding")?;
    command_origin(&value).map(Some)
}

/// Checks an `origin=` value: a web origin exactly as a browser writes it
/// (`https://slides.example.org`, `http://localhost:8000`), with no path. The message, for the
/// learner, says why another value is refused.
pub fn command_origin(value: &str) -> Result<String, String> {
    let refuse = || {
        Err(format!(
            "is {:?}, not an origin such as https://slides.example.org; commands from the page around are ignored",
            value.chars().take(80).collect::<String>()
        ))
    };
    let Ok(url) = web_sys::Url::new(value) else { return refuse() };
    let origin = url.origin();
    let web = matches!(url.protocol().as_str(), "https:" | "http:");
    if web && (value == origin || value.strip_suffix('/') == Some(origin.as_str())) {
        Ok(origin)
    } else {
        refuse()
    }
}

/// Sends the widget's state to the window that last sent a command, or before any to the page
/// that embeds it (nothing when it is not embedded or its `origin=` is not an origin).
fn post_state(
    state: WidgetState,
    sender: StoredValue<Option<Sender>, LocalStorage>,
    only_from: &Result<Option<String>, String>,
) {
    let target = sender.get_value().or_else(|| {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten().filter(|parent| *parent != window)?;
        let origin = match only_from {
            Ok(Some(origin)) => origin.clone(),
            Ok(None) => "*".to_string(),
            Err(_) => return None,
        };
        Some(Sender { window: parent, origin })
    });
    let Some(Sender { window: target, origin }) = target else { return };
    let message = state.snapshot.with_untracked(|s| {
        serde_json::json!({
            "headroom": "state",
            "playing": state.playing.get_untracked(),
            "time": s.time,
            "events": s.report.events,
            "scenario": state.scenario.with_untracked(Scenario::to_query),
            // What the last change of scenario had to correct, one sentence each.
            "problems": state.problems.with_untracked(|list| list.iter().map(ToString::to_string).collect::<Vec<_>>()),
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
        let _ = target.post_message(&value, &origin);
    }
}
