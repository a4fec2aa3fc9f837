use leptos::{html::Canvas, prelude::*};
use leptos_use::use_resize_observer;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::{
    WidgetState, draw,
    palette::{Palette, theme_changes},
    test_hooks,
};
use crate::{
    scenario::Scenario,
    sim::{Snapshot, kinds::Drawing, kinds::format::format_seconds},
};

/// The animated view of a run, redrawn whenever the snapshot changes and whenever the page's
/// theme does (playing or paused), with a legend for its colours and shapes below it. Sized to
/// its box and to the screen's pixel density. The compared run of a comparison (`label` set)
/// shares the main drawing's legend.
#[component]
pub fn SimCanvas(state: WidgetState, #[prop(optional)] label: &'static str) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Redrawn when the canvas's own box changes size (a window resize, a layout change).
    let resized = RwSignal::new(0u32);
    use_resize_observer(canvas, move |_, _| resized.update(|n| *n = n.wrapping_add(1)));
    let theme = theme_changes();
    Effect::new(move |_| {
        resized.track();
        theme.track();
        let Some(canvas) = canvas.get() else { return };
        let (old, drawing) = state.scenario.with(|s| (reference_age(s), s.kind.descriptor().drawing));
        state.snapshot.with(|snap| paint(&canvas, snap, drawing, old));
    });
    let units = state.scenario.with_untracked(|s| s.kind.descriptor().units);
    let description = move || {
        state.snapshot.with(|s| {
            format!(
                "{label}Simulation at {:.1} {}: {} in flight.",
                s.time,
                units.time.symbol(),
                units.count(s.in_flight as u64)
            )
        })
    };
    // Tall enough for every server row (or replica), no taller.
    let height = move || {
        state.snapshot.with(|s| {
            let rows = s
                .request_path()
                .map_or_else(|| s.replication().map_or(0, |r| r.replicas.len()), |p| p.servers.len());
            format!("{}px", (120 + 46 * rows.min(16)).clamp(200, 440))
        })
    };
    let legend = label.is_empty().then(|| {
        let (old, drawing) =
            state.scenario.with_untracked(|s| (reference_age(s), s.kind.descriptor().drawing));
        legend(drawing, old)
    });
    view! {
        <canvas node_ref=canvas class="sim-canvas" data-testid="sim-canvas" role="img" aria-label=description style:height=height></canvas>
        {legend}
    }
}

/// What the drawing's colours and shapes mean, for the kind of drawing it is.
fn legend(drawing: Drawing, old: f64) -> Option<impl IntoView> {
    let items: Vec<(&'static str, String)> = match drawing {
        Drawing::Path => vec![
            ("key-age", format!("request, by age: new → {} or older", format_seconds(old))),
            ("key-worker", "worker".to_string()),
            ("key-retry", "retry".to_string()),
            ("key-served", "served".to_string()),
            ("key-lost", "dropped, failed or timed out".to_string()),
        ],
        Drawing::Slots => vec![
            ("key-slot", "cache slot, full (paler: expires sooner)".to_string()),
            ("key-empty", "empty slot".to_string()),
            ("key-age", format!("request, by age: new → {} or older", format_seconds(old))),
        ],
        Drawing::Replicas => vec![
            ("key-behind", "bar: writes not yet applied".to_string()),
            ("key-cut", "link cut by a partition".to_string()),
        ],
        Drawing::Table => return None,
        Drawing::CallTree => vec![
            ("key-worker", "worker".to_string()),
            ("key-busy", "busy worker".to_string()),
            ("key-async", "async edge".to_string()),
            ("key-bar-ok", "attempt: succeeded".to_string()),
            ("key-bar-failed", "failed".to_string()),
            ("key-bar-late", "timed out".to_string()),
            ("key-bar-cancelled", "cancelled".to_string()),
        ],
        Drawing::Records => vec![
            ("key-writing", "writer between its read and its write".to_string()),
            ("key-stale", "its record changed since it read".to_string()),
            ("key-repeat", "repeated delivery".to_string()),
            ("key-waiting", "waiting for the lock".to_string()),
            ("key-short", "bar: value; red, updates lost".to_string()),
        ],
        Drawing::Delivery => vec![
            ("key-change", "change".to_string()),
            ("key-lost", "defective change, failed deploy".to_string()),
            ("key-served", "deploy".to_string()),
            ("key-reviewer", "reviewer, busy".to_string()),
            ("key-worker", "developer, or reviewer free".to_string()),
        ],
        Drawing::Stocks => return None,
    };
    let items = items
        .into_iter()
        .map(|(class, text)| view! { <li><span class=format!("swatch {class}") aria-hidden="true"></span>{text}</li> })
        .collect_view();
    Some(
        view! { <ul class="canvas-legend" data-testid="canvas-legend" aria-label="Key to the drawing">{items}</ul> },
    )
}

/// The age at which a request reaches the end of the age scale: its timeout, or five mean
/// service times.
fn reference_age(scenario: &Scenario) -> f64 {
    scenario.servers.timeout.unwrap_or(scenario.service.mean * 5.0).max(1e-3)
}

fn paint(canvas: &HtmlCanvasElement, snap: &Snapshot, drawing: Drawing, old: f64) {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (w, h) = (f64::from(canvas.client_width()), f64::from(canvas.client_height()));
    if w <= 0.0 || h <= 0.0 {
        return;
    }
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let Some(ctx) =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    let palette = Palette::of(canvas);
    let painted = draw::draw(&ctx, w, h, snap, drawing, old, &palette);
    test_hooks::record_paint(canvas, &painted, &palette);
}
