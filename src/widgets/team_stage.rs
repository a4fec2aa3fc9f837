use leptos::{html::Canvas, html::Div, prelude::*};
use leptos_use::{use_element_visibility, use_prefers_reduced_motion, use_resize_observer};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::{
    draw,
    frame_loop::use_animation_frames,
    palette::{Palette, theme_changes},
    test_hooks,
};
use crate::{
    scenario::Scenario,
    sim::{
        Snapshot,
        kinds::Drawing,
        models::team::{self, ASSUMPTIONS, TeamReport},
        snapshot::Scene,
    },
};

/// Milliseconds a week stays on screen while playing.
const WEEK_MS: f64 = 250.0;

/// A computed kind drawn as it unfolds (`Drawing::Stocks`, `team`): the whole run is computed
/// at once (the table beside it has its figures), and the canvas reveals it a week at a time,
/// played, stepped or reset like a simulation. Changing a setting keeps the week shown (the
/// whole curve if it was drawn out). The model's assumptions stay in view under the drawing.
#[component]
pub fn StocksStage(scenario: RwSignal<Scenario>) -> impl IntoView {
    let runs = Memo::new(move |_| {
        scenario.with(|s| {
            let report = team::team(&s.team);
            let without = team::without_hires(&s.team);
            (s.team.clone(), report, without)
        })
    });
    let end = move || runs.with(|(_, report, _): &(_, TeamReport, _)| report.weeks_computed);
    let week = RwSignal::new(0u64);
    let playing = RwSignal::new(false);
    let reduced = use_prefers_reduced_motion();
    // With reduced motion the curve is shown whole; the buttons still step through it.
    Effect::new(move |_| {
        if reduced.get() {
            week.set(end());
        }
    });
    // A new run keeps the week shown, or shows the whole curve if the old one was drawn out.
    Effect::new(move |previous: Option<u64>| {
        let weeks = end();
        if previous.is_some_and(|old| week.get_untracked() >= old) {
            week.set(weeks);
        } else {
            week.update(|w| *w = (*w).min(weeks));
        }
        weeks
    });
    let root = NodeRef::<Div>::new();
    let on_screen = use_element_visibility(root);
    let waited = StoredValue::new(0.0f64);
    use_animation_frames(
        move || playing.get() && on_screen.get(),
        move |elapsed| {
            let mut total = waited.get_value() + elapsed.min(1000.0);
            while total >= WEEK_MS {
                total -= WEEK_MS;
                if week.get_untracked() >= end() {
                    playing.set(false);
                    break;
                }
                week.update(|w| *w += 1);
            }
            waited.set_value(total);
        },
    );
    let snapshot = Memo::new(move |_| {
        let shown = week.get();
        runs.with(|(inputs, report, without)| Snapshot {
            time: shown as f64,
            scene: Scene::Team(Box::new(team::scene(inputs, report, without.as_ref(), shown))),
            ..Snapshot::empty(shown as f64)
        })
    });
    let canvas = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    use_resize_observer(canvas, move |_, _| resized.update(|n| *n = n.wrapping_add(1)));
    let theme = theme_changes();
    Effect::new(move |_| {
        resized.track();
        theme.track();
        let Some(canvas) = canvas.get() else { return };
        snapshot.with(|snap| paint(&canvas, snap));
    });
    let at_end = move || week.get() >= end();
    let toggle = move |_| {
        if at_end() {
            week.set(0);
        }
        waited.set_value(0.0);
        playing.update(|p| *p = !*p);
    };
    let step = move |_| {
        playing.set(false);
        week.update(|w| *w = (*w + 1).min(end()));
    };
    let reset = move |_| {
        playing.set(false);
        week.set(0);
    };
    let play_label = move || if playing.get() { "Pause" } else { "Play" };
    let status = move || {
        let (w, weeks) = (week.get(), end());
        runs.with(|(_, report, _)| match (w >= weeks, report.finish_week) {
            (true, Some(done)) => format!("Week {w} of {weeks}: the work is done in week {done:.1}."),
            (true, None) => format!("Week {w} of {weeks}: the work is not done within the weeks computed."),
            _ => format!("Week {w} of {weeks}."),
        })
    };
    let description = move || {
        snapshot.with(|s| match &s.scene {
            Scene::Team(t) => t.shown.last().map_or_else(String::new, |now| {
                format!(
                    "Team over weeks, week {}: {} people, {:.1} person-weeks of work left, {:.1} person-weeks a week on the work, debt {:.1}.",
                    now.week, now.people, now.remaining, now.capacity, now.debt
                )
            }),
            _ => String::new(),
        })
    };
    view! {
        <div class="sim-stage stocks" node_ref=root>
            <canvas node_ref=canvas class="sim-canvas" data-testid="sim-canvas" role="img" aria-label=description
                style:height="320px"></canvas>
            <ul class="canvas-legend" data-testid="canvas-legend" aria-label="Key to the drawing">
                <li><span class="swatch key-work" aria-hidden="true"></span>"work left"</li>
                <li><span class="swatch key-without" aria-hidden="true"></span>"without the hires"</li>
                <li><span class="swatch key-capacity" aria-hidden="true"></span>"person-weeks on the work"</li>
                <li><span class="swatch key-debt" aria-hidden="true"></span>"debt"</li>
                <li><span class="swatch key-hire" aria-hidden="true"></span>"new person, filled as ramped up"</li>
            </ul>
            <div class="sim-controls" role="group" aria-label="Playback">
                <button data-testid="play" on:click=toggle aria-pressed=move || playing.get().to_string()>{play_label}</button>
                <button class="secondary" data-testid="step" on:click=step title="One week on">"Step"</button>
                <button class="secondary" data-testid="reset" on:click=reset title="Back to week 0">"Reset"</button>
                <span data-testid="team-week" role="status">{status}</span>
            </div>
            <p class="assumptions" data-testid="team-assumptions">{ASSUMPTIONS}</p>
        </div>
    }
}

fn paint(canvas: &HtmlCanvasElement, snap: &Snapshot) {
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
    let painted = draw::draw(&ctx, w, h, snap, Drawing::Stocks, 1.0, &palette);
    test_hooks::record_paint(canvas, &painted, &palette);
}
