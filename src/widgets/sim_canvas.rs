use leptos::{html::Canvas, prelude::*};
use leptos_use::use_resize_observer;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::{WidgetState, draw, palette::Palette};
use crate::{
    scenario::Scenario,
    sim::{Snapshot, kinds::Drawing},
};

/// The animated view of a run, redrawn whenever the snapshot changes. Sized to its box and
/// to the screen's pixel density.
#[component]
pub fn SimCanvas(state: WidgetState, #[prop(optional)] label: &'static str) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Redrawn when the canvas's own box changes size (a window resize, a layout change).
    let resized = RwSignal::new(0u32);
    use_resize_observer(canvas, move |_, _| resized.update(|n| *n = n.wrapping_add(1)));
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas.get() else { return };
        let (old, drawing) = state.scenario.with(|s| (reference_age(s), s.kind.descriptor().drawing));
        state.snapshot.with(|snap| paint(&canvas, snap, drawing, old));
    });
    let description = move || {
        state
            .snapshot
            .with(|s| format!("{label}Simulation at {:.1} s: {} requests in flight.", s.time, s.in_flight))
    };
    // Tall enough for every server row, no taller.
    let height = move || {
        state.snapshot.with(|s| {
            let rows = s.request_path().map_or(0, |p| p.servers.len());
            format!("{}px", (120 + 46 * rows.min(16)).clamp(200, 440))
        })
    };
    view! { <canvas node_ref=canvas class="sim-canvas" data-testid="sim-canvas" role="img" aria-label=description style:height=height></canvas> }
}

/// The age at which a request is drawn red: its timeout, or five mean service times.
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
    draw::draw(&ctx, w, h, snap, drawing, old, &Palette::of(canvas));
}
