//! Drawing one snapshot of a timed run on a canvas. Requests travel left to right: clients →
//! limiter → servers (queue, then workers) → cache → database. Each request is a dot coloured
//! by its age; queues fill from the worker backwards; failed servers are crossed out.
//!
//! Stages: [`Layout::new`] places every part for the canvas size and what the snapshot holds →
//! the parts are drawn → every request is drawn where its stage puts it.

use std::f64::consts::TAU;

use web_sys::CanvasRenderingContext2d as Ctx;

mod stores;

use stores::{draw_replication, draw_slots};

use super::palette::{Palette, age_colour};
use crate::sim::{
    Snapshot,
    kinds::Drawing,
    models::requests::scene::{Fate, RequestScene, RequestView, ServerView, StageView},
    snapshot::Scene,
};

const DOT: f64 = 4.0;
/// Server rows drawn; beyond this, rows share the space and shrink.
const MAX_ROWS: usize = 16;

/// Where each part sits, in CSS pixels.
struct Layout {
    width: f64,
    height: f64,
    client_x: f64,
    limiter: Option<Rect>,
    queue_x0: f64,
    queue_x1: f64,
    worker_x: f64,
    rows: Vec<Rect>,
    cache: Option<Rect>,
    database: Option<Rect>,
    slot: f64,
    /// The cache is the centrepiece, drawn as a grid of its slots.
    slots: bool,
}

#[derive(Clone, Copy)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Rect {
    fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

impl Layout {
    fn new(width: f64, height: f64, snap: &RequestScene, slots: bool) -> Layout {
        let top = 22.0;
        let bottom = height - 18.0;
        let mut x = width * 0.11;
        let limiter = snap.limiter_level.map(|_| {
            let r = Rect { x, y: height / 2.0 - 30.0, w: width * 0.07, h: 60.0 };
            x += width * 0.10;
            r
        });
        let right_parts = usize::from(snap.cache.is_some()) + usize::from(snap.database.is_some());
        let right = width - 8.0 - right_parts as f64 * width * 0.13;
        let queue_x0 = x;
        let worker_x = right - width * 0.06;
        let queue_x1 = worker_x - 16.0;
        let n = snap.servers.len().clamp(1, MAX_ROWS);
        let row_h = (bottom - top) / n as f64;
        let rows = (0..n)
            .map(|i| Rect { x: queue_x0, y: top + i as f64 * row_h, w: right - queue_x0, h: row_h })
            .collect();
        let mut rx = right + width * 0.02;
        let mut side = |present: bool| {
            present.then(|| {
                let r = Rect { x: rx, y: height / 2.0 - 40.0, w: width * 0.10, h: 80.0 };
                rx += width * 0.13;
                r
            })
        };
        let mut cache = side(snap.cache.is_some());
        let database = side(snap.database.is_some());
        // The cache as the centrepiece: a grid of its slots.
        if slots && cache.is_some() {
            cache = Some(Rect {
                x: queue_x0,
                y: top,
                w: right - queue_x0 - width * 0.04,
                h: bottom - top - 14.0,
            });
        }
        Layout {
            width,
            height,
            client_x: width * 0.05,
            limiter,
            queue_x0,
            queue_x1,
            worker_x,
            rows,
            cache,
            database,
            slot: (DOT * 2.0 + 2.0).min((queue_x1 - queue_x0) / 4.0).max(3.0),
            slots,
        }
    }

    fn row(&self, server: u16) -> Rect {
        self.rows[usize::from(server).min(self.rows.len() - 1)]
    }

    /// Centre of `worker` of `server`: workers are stacked down the row.
    fn worker(&self, server: u16, worker: u16, workers: usize) -> (f64, f64) {
        let row = self.row(server);
        let per_column = ((row.h - 4.0) / (DOT * 2.0 + 6.0)).floor().max(1.0) as usize;
        let w = usize::from(worker);
        let column = w / per_column;
        let in_column = w % per_column;
        let shown = workers.min(per_column);
        let pitch = (row.h - 4.0) / shown.max(1) as f64;
        (self.worker_x + column as f64 * (DOT * 2.0 + 5.0), row.y + 2.0 + pitch * (in_column as f64 + 0.5))
    }

    fn queue_position(&self, server: u16, position: usize) -> Option<(f64, f64)> {
        let x = self.queue_x1 - (position as f64 + 0.5) * self.slot;
        (x >= self.queue_x0).then(|| (x, self.row(server).centre().1))
    }
}

/// Draws `snapshot` as the kind's descriptor says (`drawing`) on a canvas of `width` ×
/// `height` CSS pixels. `old` is the age, in seconds, at which a request is drawn fully red (a
/// timeout, or a few service times).
pub fn draw(
    ctx: &Ctx,
    width: f64,
    height: f64,
    snapshot: &Snapshot,
    drawing: Drawing,
    old: f64,
    palette: &Palette,
) {
    ctx.clear_rect(0.0, 0.0, width, height);
    ctx.set_font("12px system-ui, sans-serif");
    ctx.set_text_baseline("middle");
    match (drawing, &snapshot.scene) {
        (Drawing::Path | Drawing::Slots, Scene::Requests(scene)) => {
            let layout = Layout::new(width, height, scene, drawing == Drawing::Slots);
            draw_request_path(ctx, &layout, scene, snapshot.in_flight, old, palette);
        }
        (Drawing::Replicas, Scene::Replication(scene)) => {
            let nothing = RequestScene::default();
            let layout = Layout::new(width, height, &nothing, false);
            draw_parts(ctx, &layout, &nothing, palette);
            draw_replication(ctx, &layout, scene, palette);
        }
        _ => {}
    }
}

/// The request path: clients, limiter, servers, cache and database, and every request.
fn draw_request_path(
    ctx: &Ctx,
    layout: &Layout,
    snap: &RequestScene,
    in_flight: usize,
    old: f64,
    palette: &Palette,
) {
    let height = layout.height;
    draw_parts(ctx, layout, snap, palette);
    for request in &snap.requests {
        draw_request(ctx, layout, snap, request, old);
    }
    draw_outcomes(ctx, layout, snap, palette);
    if snap.requests.len() < in_flight {
        label(
            ctx,
            palette,
            &palette.muted,
            8.0,
            height - 8.0,
            &format!("{} in flight (first {} drawn)", in_flight, snap.requests.len()),
        );
    }
}

fn draw_parts(ctx: &Ctx, l: &Layout, snap: &RequestScene, p: &Palette) {
    label(ctx, p, &p.muted, 6.0, 10.0, "clients");
    circle(ctx, l.client_x, l.height / 2.0, 10.0, &p.surface, Some(&p.line));
    if let Some(state) = snap.breaker {
        let colour = match state {
            "open" => &p.bad,
            "half_open" | "half-open" => &p.warm,
            _ => &p.good,
        };
        label(ctx, p, colour, 6.0, l.height / 2.0 + 26.0, &format!("breaker {}", state.replace('_', "-")));
    }
    if let (Some(r), Some(level)) = (l.limiter, snap.limiter_level) {
        boxed(ctx, r, p, "limiter");
        label(ctx, p, &p.muted, r.x, r.y + r.h + 12.0, &format!("{level:.1}"));
    }
    // The routes a request can take to the servers.
    let from = l.limiter.map_or((l.client_x + 10.0, l.height / 2.0), |r| (r.x + r.w, r.y + r.h / 2.0));
    ctx.set_stroke_style_str(&p.line);
    ctx.set_line_width(1.0);
    for row in l.rows.iter().take(snap.servers.len()) {
        ctx.begin_path();
        ctx.move_to(from.0, from.1);
        ctx.line_to(l.queue_x0, row.centre().1);
        ctx.stroke();
    }
    for (i, server) in snap.servers.iter().enumerate().take(l.rows.len()) {
        draw_server(ctx, l, i as u16, server, p);
    }
    if let (Some(ready), Some(pending)) = (snap.ready_workers, snap.pending_workers) {
        let text = if pending > 0 {
            format!("{ready} ready · {pending} starting")
        } else {
            format!("{ready} ready")
        };
        label(ctx, p, if pending > 0 { &p.warm } else { &p.muted }, l.queue_x0, l.height - 8.0, &text);
    }
    if let (Some(r), Some(cache)) = (l.cache, &snap.cache) {
        boxed(ctx, r, p, "cache");
        if l.slots {
            draw_slots(ctx, r, cache, p);
            return draw_database(ctx, l, snap, p);
        }
        let fill = if cache.capacity > 0 { cache.len as f64 / cache.capacity as f64 } else { 0.0 };
        ctx.set_fill_style_str(&p.good);
        ctx.fill_rect(r.x, r.y + r.h - 4.0, r.w * fill, 4.0);
        label(ctx, p, &p.muted, r.x, r.y + r.h + 12.0, &format!("{}/{}", cache.len, cache.capacity));
        label(ctx, p, &p.muted, r.x, r.y + r.h + 26.0, &format!("hit {:.0}%", cache.hit_ratio * 100.0));
    }
    draw_database(ctx, l, snap, p);
}

fn draw_database(ctx: &Ctx, l: &Layout, snap: &RequestScene, p: &Palette) {
    if let (Some(r), Some(db)) = (l.database, &snap.database) {
        boxed(ctx, r, p, "database");
        label(ctx, p, &p.muted, r.x, r.y + r.h + 12.0, &format!("{} busy", db.busy));
        label(ctx, p, &p.muted, r.x, r.y + r.h + 26.0, &format!("{} waiting", db.waiting));
    }
}

fn draw_server(ctx: &Ctx, l: &Layout, i: u16, server: &ServerView, p: &Palette) {
    let row = l.row(i);
    let y = row.centre().1;
    // The queue: a rail from the balancer to the workers.
    ctx.set_stroke_style_str(&p.line);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(l.queue_x0, y);
    ctx.line_to(l.queue_x1, y);
    ctx.stroke();
    let shown = ((l.queue_x1 - l.queue_x0) / l.slot).floor() as usize;
    if server.waiting > shown {
        label(ctx, p, &p.bad, l.queue_x0, y - 9.0, &format!("+{} waiting", server.waiting - shown));
    }
    for (w, worker) in server.workers.iter().enumerate() {
        let (x, wy) = l.worker(i, w as u16, server.workers.len());
        let fill = if !worker.up {
            &p.bad
        } else if worker.busy {
            &p.surface
        } else {
            &p.surface
        };
        circle(ctx, x, wy, DOT + 3.0, fill, Some(if worker.up { &p.line } else { &p.bad }));
    }
    if !server.up {
        ctx.set_stroke_style_str(&p.bad);
        ctx.set_line_width(2.0);
        ctx.begin_path();
        ctx.move_to(l.queue_x1 - 10.0, row.y + 4.0);
        ctx.line_to(l.worker_x + 10.0, row.y + row.h - 4.0);
        ctx.stroke();
        label(ctx, p, &p.bad, l.worker_x + 14.0, y, "down");
    } else if !server.healthy {
        label(ctx, p, &p.warm, l.worker_x + 14.0, y, "unhealthy");
    } else if l.rows.len() > 1 && row.h >= 14.0 {
        label(ctx, p, &p.muted, l.queue_x0 + 4.0, y - 9.0, &format!("server {}", i + 1));
    }
}

fn draw_request(ctx: &Ctx, l: &Layout, snap: &RequestScene, r: &RequestView, old: f64) {
    let jitter = |salt: u64| {
        (mix64(r.id ^ salt.wrapping_mul(0xA076_1D64_78BD_642F)) >> 40) as f64 / (1u64 << 24) as f64
    };
    let workers_of = |s: u16| snap.servers.get(usize::from(s)).map_or(1, |v| v.workers.len());
    let at = match r.stage {
        StageView::Queue { server, position } => l.queue_position(server, position),
        StageView::Service { server, worker, progress } => {
            let (x, y) = l.worker(server, worker, workers_of(server));
            Some((x - DOT * 1.5 + progress * DOT * 3.0, y))
        }
        StageView::Hanging { server } => Some((l.worker_x - 12.0, l.row(server).centre().1 + 6.0)),
        StageView::Limiter => l.limiter.map(|b| inside(b, jitter(1), jitter(2))),
        StageView::Cache => l.cache.map(|b| inside(b, jitter(3), jitter(4))),
        StageView::Database => l.database.map(|b| inside(b, jitter(5), jitter(6))),
        StageView::Backoff => Some((
            l.client_x + 8.0 + jitter(7) * (l.queue_x0 - l.client_x - 16.0),
            l.height - 30.0 + jitter(8) * 12.0,
        )),
    };
    if let Some((x, y)) = at {
        circle(ctx, x, y, DOT, &age_colour(r.age, old), None);
        if r.attempt > 1 {
            ctx.set_stroke_style_str("hsl(30, 90%, 50%)");
            ctx.begin_path();
            let _ = ctx.arc(x, y, DOT + 2.0, 0.0, TAU);
            ctx.stroke();
        }
    }
}

/// splitmix64's finalizer: spreads request ids evenly for placing dots inside a box.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Simulated seconds an ended request stays visible as it fades.
const FADE: f64 = 1.0;

/// Where requests went when they left: served ones drift off to the right of their server,
/// turned-away ones fall below where they were refused, retried ones head back to the clients.
fn draw_outcomes(ctx: &Ctx, l: &Layout, snap: &RequestScene, p: &Palette) {
    for o in snap.recent.iter().filter(|o| o.ago < FADE) {
        let t = (o.ago / FADE).clamp(0.0, 1.0);
        let y = o.server.map_or(l.height / 2.0, |s| l.row(s).centre().1);
        let (x, y, colour) = match o.outcome {
            Fate::Served => (l.worker_x + 16.0 + t * 40.0, y, &p.good),
            Fate::Retried => (l.queue_x0 - t * (l.queue_x0 - l.client_x), y + 10.0, &p.warm),
            Fate::Limited => {
                let (x, y) = l.limiter.map_or((l.queue_x0, y), |r| (r.x + r.w / 2.0, r.y + r.h));
                (x, y + 6.0 + t * 30.0, &p.bad)
            }
            Fate::Dropped => (l.queue_x0 + 6.0, y + 6.0 + t * 24.0, &p.bad),
            Fate::TimedOut | Fate::Failed | Fate::DeadLettered => (l.worker_x, y + 8.0 + t * 24.0, &p.bad),
        };
        ctx.set_global_alpha(1.0 - t);
        circle(ctx, x, y, DOT - 1.0, colour, None);
    }
    ctx.set_global_alpha(1.0);
}

fn inside(r: Rect, a: f64, b: f64) -> (f64, f64) {
    (r.x + 6.0 + a * (r.w - 12.0), r.y + 16.0 + b * (r.h - 22.0))
}

fn boxed(ctx: &Ctx, r: Rect, p: &Palette, name: &str) {
    ctx.set_fill_style_str(&p.surface);
    ctx.fill_rect(r.x, r.y, r.w, r.h);
    ctx.set_stroke_style_str(&p.line);
    ctx.set_line_width(1.0);
    ctx.stroke_rect(r.x, r.y, r.w, r.h);
    label(ctx, p, &p.muted, r.x + 4.0, r.y + 9.0, name);
}

fn circle(ctx: &Ctx, x: f64, y: f64, r: f64, fill: &str, stroke: Option<&str>) {
    ctx.begin_path();
    let _ = ctx.arc(x, y, r, 0.0, TAU);
    ctx.set_fill_style_str(fill);
    ctx.fill();
    if let Some(stroke) = stroke {
        ctx.set_stroke_style_str(stroke);
        ctx.set_line_width(1.0);
        ctx.stroke();
    }
}

fn label(ctx: &Ctx, _p: &Palette, colour: &str, x: f64, y: f64, text: &str) {
    ctx.set_fill_style_str(colour);
    let _ = ctx.fill_text(text, x, y);
}
