//! Drawing one snapshot of a timed run on a canvas. Requests travel left to right: clients →
//! limiter → servers (a queue box, then workers) → cache → database. Each request is a dot
//! coloured by its age along the page's age scale; queues fill from the worker backwards;
//! failed servers are crossed out.
//!
//! Stages: [`Layout::new`] places every part for the canvas size and what the snapshot holds
//! (leaving room for the names it will need) → the parts are drawn, each asking for its labels
//! → every request is drawn where its stage puts it → the labels are placed by
//! [`layout::place`] (inside the canvas, clear of each other, shortened where space is short)
//! and drawn last, on top. What was placed is returned for the test hook.

use std::f64::consts::TAU;

use web_sys::CanvasRenderingContext2d as Ctx;

mod calls;
pub(super) mod colour;
pub(super) mod layout;
mod stores;

mod contention;
mod delivery;
mod team;

pub use layout::Placed;
use layout::{LABEL_H, Rect, Spot, Tone, Wanted, compact, noun};
use stores::{draw_replication, draw_slots};

use super::palette::Palette;
use crate::sim::{
    Snapshot,
    kinds::Drawing,
    models::requests::scene::{Fate, RequestScene, RequestView, ServerView, StageView},
    rng::mix64,
    snapshot::Scene,
};

const DOT: f64 = 4.0;
/// Server rows drawn; beyond this, rows share the space and shrink.
const MAX_ROWS: usize = 16;
/// The band along the top for the headings ("queue", "workers").
const HEAD: f64 = 18.0;
/// The band along the bottom for footnotes ("12 in flight…").
const FOOT: f64 = 18.0;
/// Room right of the workers where served requests drift off.
const LANE: f64 = 22.0;
/// The font every label is drawn in.
const FONT: &str = "12px system-ui, sans-serif";

/// What one paint drew, for the test hook: the labels placed, and how many were left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Painted {
    pub labels: Vec<Placed>,
    pub left_out: usize,
}

/// The labels a paint asks for, placed and drawn together at the end.
struct Labels {
    wanted: Vec<(u8, Wanted)>,
    avoid: Vec<Rect>,
}

impl Labels {
    /// Asks for `label`; lower `rank`s are placed first.
    fn add(&mut self, rank: u8, label: Wanted) {
        self.wanted.push((rank, label));
    }
}

/// Where each part sits, in CSS pixels.
struct Layout {
    width: f64,
    height: f64,
    client_x: f64,
    limiter: Option<Rect>,
    /// Where the routes from the clients end (left of the row names).
    fan_end: f64,
    queue_x0: f64,
    queue_x1: f64,
    /// Where each row's queue dots start (right of its count, when it has one).
    dots_x0: Vec<f64>,
    worker_x: f64,
    /// Horizontal distance between worker columns, and a worker's radius.
    worker_pitch: f64,
    worker_r: f64,
    /// The right edge of the widest worker block.
    workers_right: f64,
    rows: Vec<Rect>,
    queue_h: f64,
    cache: Option<Rect>,
    database: Option<Rect>,
    slot: f64,
    /// The cache is the centrepiece, drawn as a grid of its slots.
    slots: bool,
}

impl Layout {
    fn new(
        width: f64,
        height: f64,
        snap: &RequestScene,
        slots: bool,
        measure: &dyn Fn(&str) -> f64,
    ) -> Layout {
        let narrow = width < 560.0;
        let (top, bottom) = (HEAD, height - FOOT - 4.0);
        let client_x = (width * 0.05).max(16.0);
        let mut x = client_x + 22.0;
        let limiter = snap.limiter_level.map(|_| {
            let w = (width * 0.07).max(36.0);
            let r = Rect { x, y: height / 2.0 - 30.0, w, h: 60.0 };
            x += w + 14.0;
            r
        });
        let n = snap.servers.len().clamp(1, MAX_ROWS);
        // Room for the row names ("server 12" or "s12") left of the queues.
        let names = if snap.servers.len() > 1 {
            let longest = if narrow { format!("s{n}") } else { format!("server {n}") };
            measure(&longest) + 8.0
        } else {
            0.0
        };
        let fan_end = x + 6.0;
        let queue_x0 = x + 10.0 + names;
        // The cache and the database, side by side at the right.
        let right_parts = usize::from(snap.cache.is_some() && !slots) + usize::from(snap.database.is_some());
        let part_w = (width * 0.10).clamp(46.0, 120.0);
        let right = width - 6.0 - right_parts as f64 * (part_w + 12.0);
        let row_h = (bottom - top) / n as f64;
        // Workers stacked down their row, in as many columns as they need, shrunk to fit.
        let workers = snap.servers.iter().map(|s| s.workers.len()).max().unwrap_or(1).max(1);
        let per_column = ((row_h - 4.0) / (DOT * 2.0 + 8.0)).floor().max(1.0) as usize;
        let columns = workers.div_ceil(per_column);
        let worker_pitch = (DOT * 2.0 + 8.0).min(width * 0.35 / columns as f64).max(4.0);
        let worker_r = (DOT + 3.0).min(worker_pitch / 2.0 - 0.5).max(1.5);
        let block = columns as f64 * worker_pitch;
        let worker_x = right - LANE - block + worker_pitch / 2.0;
        let workers_right = worker_x - worker_pitch / 2.0 + block;
        let queue_x1 = worker_x - worker_pitch / 2.0 - 10.0;
        let queue_h = (row_h - 8.0).clamp(8.0, 22.0);
        let slot = (DOT * 2.0 + 2.0).min((queue_x1 - queue_x0).max(0.0) / 4.0).max(3.0);
        let rows: Vec<Rect> = (0..n)
            .map(|i| Rect { x: queue_x0, y: top + i as f64 * row_h, w: right - queue_x0, h: row_h })
            .collect();
        // A queue too long to draw shows its count at its left end, and its dots after.
        let dots_x0 = (0..n)
            .map(|i| {
                let waiting = snap.servers.get(i).map_or(0, |s| s.waiting);
                let fits = ((queue_x1 - queue_x0 - 4.0) / slot).floor().max(0.0) as usize;
                if waiting > fits && queue_h >= LABEL_H {
                    queue_x0 + count_width(waiting, queue_x1 - queue_x0, measure) + 4.0
                } else {
                    queue_x0
                }
            })
            .collect();
        let mut rx = right + 12.0;
        let part_h = (height * 0.4).clamp(44.0, 80.0);
        let mut side = |present: bool| {
            present.then(|| {
                let r = Rect { x: rx, y: height / 2.0 - part_h / 2.0, w: part_w, h: part_h };
                rx += part_w + 12.0;
                r
            })
        };
        let mut cache = side(snap.cache.is_some() && !slots);
        let database = side(snap.database.is_some());
        // The cache as the centrepiece: a grid of its slots, its figures below it.
        if slots && snap.cache.is_some() {
            cache = Some(Rect {
                x: queue_x0,
                y: top,
                w: right - 12.0 - queue_x0,
                h: bottom - top - LABEL_H - 4.0,
            });
        }
        Layout {
            width,
            height,
            client_x,
            limiter,
            fan_end,
            queue_x0,
            queue_x1,
            dots_x0,
            worker_x,
            worker_pitch,
            worker_r,
            workers_right,
            rows,
            queue_h,
            cache,
            database,
            slot,
            slots,
        }
    }

    fn row(&self, server: u16) -> Rect {
        self.rows[usize::from(server).min(self.rows.len() - 1)]
    }

    /// The queue's box in `server`'s row.
    fn queue_box(&self, server: u16) -> Rect {
        let y = self.row(server).centre().1;
        Rect {
            x: self.queue_x0,
            y: y - self.queue_h / 2.0,
            w: self.queue_x1 - self.queue_x0,
            h: self.queue_h,
        }
    }

    /// Centre of `worker` of `server`: workers are stacked down the row, then in columns.
    fn worker(&self, server: u16, worker: u16, workers: usize) -> (f64, f64) {
        let row = self.row(server);
        let per_column = ((row.h - 4.0) / (DOT * 2.0 + 8.0)).floor().max(1.0) as usize;
        let w = usize::from(worker);
        let column = w / per_column;
        let in_column = w % per_column;
        let shown = workers.min(per_column);
        let pitch = (row.h - 4.0) / shown.max(1) as f64;
        (self.worker_x + column as f64 * self.worker_pitch, row.y + 2.0 + pitch * (in_column as f64 + 0.5))
    }

    /// The box the workers of every row take, for labels to keep clear of.
    fn worker_block(&self) -> Rect {
        let (top, bottom) = (self.rows[0].y, self.rows[self.rows.len() - 1].bottom());
        let x = self.worker_x - self.worker_pitch / 2.0;
        Rect { x, y: top, w: self.workers_right - x, h: bottom - top }
    }

    fn queue_position(&self, server: u16, position: usize) -> Option<(f64, f64)> {
        let x = self.queue_x1 - (position as f64 + 0.5) * self.slot;
        let x0 = self.dots_x0.get(usize::from(server)).copied().unwrap_or(self.queue_x0);
        (x - DOT >= x0).then(|| (x, self.row(server).centre().1))
    }
}

/// The width kept for a queue's count of `waiting` in a queue `space` wide: the long form
/// ("37 waiting") when it takes at most half the queue, else the short one ("37").
fn count_width(waiting: usize, space: f64, measure: &dyn Fn(&str) -> f64) -> f64 {
    count_text(waiting, space, measure).1
}

fn count_text(waiting: usize, space: f64, measure: &dyn Fn(&str) -> f64) -> (String, f64) {
    let long = format!("{waiting} waiting");
    let width = measure(&long) + 4.0;
    if width <= space / 2.0 {
        return (long, width);
    }
    let short = compact(waiting as u64);
    let width = measure(&short) + 4.0;
    (short, width)
}

/// Draws `snapshot` as the kind's descriptor says (`drawing`) on a canvas of `width` ×
/// `height` CSS pixels; the labels it placed. `old` is the age, in seconds, at the far end of
/// the age scale (a timeout, or a few service times).
pub fn draw(
    ctx: &Ctx,
    width: f64,
    height: f64,
    snapshot: &Snapshot,
    drawing: Drawing,
    old: f64,
    palette: &Palette,
) -> Painted {
    ctx.clear_rect(0.0, 0.0, width, height);
    ctx.set_font(FONT);
    ctx.set_text_baseline("middle");
    let measure =
        |text: &str| ctx.measure_text(text).map_or(text.chars().count() as f64 * 7.0, |m| m.width());
    let mut labels = Labels { wanted: Vec::new(), avoid: Vec::new() };
    match (drawing, &snapshot.scene) {
        (Drawing::Path | Drawing::Slots, Scene::Requests(scene)) => {
            let layout = Layout::new(width, height, scene, drawing == Drawing::Slots, &measure);
            draw_request_path(ctx, &layout, scene, snapshot.in_flight, old, palette, &mut labels, &measure);
        }
        (Drawing::Replicas, Scene::Replication(scene)) => {
            let nothing = RequestScene::default();
            let layout = Layout::new(width, height, &nothing, false, &measure);
            draw_clients(ctx, &layout, palette, &mut labels);
            draw_replication(ctx, &layout, scene, palette, &mut labels);
        }
        (Drawing::CallTree, Scene::Calls(scene)) => {
            calls::draw_calls(ctx, width, height, scene, palette, &mut labels)
        }
        (Drawing::Records, Scene::Contention(scene)) => {
            contention::draw_contention(ctx, width, height, scene, palette, &mut labels);
        }
        (Drawing::Delivery, Scene::Delivery(scene)) => {
            delivery::draw_delivery(ctx, width, height, scene, palette, &mut labels);
        }
        (Drawing::Stocks, Scene::Team(scene)) => {
            team::draw_team(ctx, width, height, scene, palette, &mut labels)
        }
        _ => {}
    }
    let mut wanted = labels.wanted;
    wanted.sort_by_key(|(rank, _)| *rank);
    let wanted: Vec<Wanted> = wanted.into_iter().map(|(_, w)| w).collect();
    let placed = layout::place(width, height, &wanted, &labels.avoid, &measure);
    for label in &placed {
        if label.plate {
            ctx.set_fill_style_str(&palette.bg);
            ctx.fill_rect(label.rect.x, label.rect.y + 1.0, label.rect.w, label.rect.h - 2.0);
        }
        ctx.set_fill_style_str(tone(palette, label.tone));
        let _ = ctx.fill_text(&label.text, label.rect.x + 1.0, label.rect.centre().1);
    }
    Painted { left_out: wanted.len() - placed.len(), labels: placed }
}

fn tone(p: &Palette, tone: Tone) -> &str {
    match tone {
        Tone::Muted => &p.muted,
        Tone::Text => &p.text,
        Tone::Good => &p.good,
        Tone::Warm => &p.warm,
        Tone::Bad => &p.bad,
    }
}

/// The request path: clients, limiter, servers, cache and database, and every request.
#[allow(clippy::too_many_arguments)]
fn draw_request_path(
    ctx: &Ctx,
    layout: &Layout,
    snap: &RequestScene,
    in_flight: usize,
    old: f64,
    palette: &Palette,
    labels: &mut Labels,
    measure: &dyn Fn(&str) -> f64,
) {
    draw_parts(ctx, layout, snap, palette, labels, measure);
    for request in &snap.requests {
        draw_request(ctx, layout, snap, request, old, palette);
    }
    draw_outcomes(ctx, layout, snap, palette);
    let foot = layout.height - FOOT / 2.0 - 1.0;
    if snap.requests.len() < in_flight {
        let (n, m) = (in_flight, snap.requests.len());
        labels.add(
            3,
            Wanted::new(
                &[
                    &format!("{n} in flight (first {m} drawn)"),
                    &format!("{m} of {} drawn", compact(n as u64)),
                ],
                vec![Spot::start(6.0, foot)],
                Tone::Muted,
            ),
        );
    }
}

fn draw_clients(ctx: &Ctx, l: &Layout, p: &Palette, labels: &mut Labels) {
    let y = l.height / 2.0;
    circle(ctx, l.client_x, y, 10.0, &p.surface, Some(&p.structure));
    labels.avoid.push(Rect { x: l.client_x - 11.0, y: y - 11.0, w: 22.0, h: 22.0 });
    labels.add(
        1,
        Wanted::new(
            &["clients"],
            vec![
                Spot::start(l.client_x - 12.0, y - 20.0),
                Spot::end(l.client_x + 12.0, y - 20.0),
                Spot::start(l.client_x - 12.0, y - 38.0),
                Spot::start(l.client_x - 12.0, y + 20.0),
            ],
            Tone::Muted,
        ),
    );
}

fn draw_parts(
    ctx: &Ctx,
    l: &Layout,
    snap: &RequestScene,
    p: &Palette,
    labels: &mut Labels,
    measure: &dyn Fn(&str) -> f64,
) {
    draw_clients(ctx, l, p, labels);
    if let Some(state) = snap.breaker {
        let colour = match state {
            "open" => Tone::Bad,
            "half_open" | "half-open" => Tone::Warm,
            _ => Tone::Good,
        };
        let state = state.replace('_', "-");
        labels.add(
            0,
            Wanted::new(
                &[&format!("breaker {state}"), &state],
                vec![Spot::start(6.0, l.height / 2.0 + 24.0), Spot::start(6.0, l.height / 2.0 + 40.0)],
                colour,
            ),
        );
    }
    if let (Some(r), Some(level)) = (l.limiter, snap.limiter_level) {
        boxed(ctx, r, p, &["limiter", "limit"], labels);
        labels.add(
            2,
            Wanted::new(
                &[&format!("{level:.1}")],
                vec![Spot::start(r.x, r.bottom() + 9.0), Spot::start(r.x, r.y - 9.0)],
                Tone::Muted,
            ),
        );
    }
    // The routes a request can take to the servers.
    let from = l.limiter.map_or((l.client_x + 10.0, l.height / 2.0), |r| (r.right(), r.y + r.h / 2.0));
    let many = snap.servers.len() > 1;
    let fan_end = if many { l.fan_end } else { l.queue_x0 };
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    if !snap.servers.is_empty() {
        for row in l.rows.iter().take(snap.servers.len()) {
            ctx.begin_path();
            ctx.move_to(from.0, from.1);
            ctx.line_to(fan_end.max(from.0), row.centre().1);
            ctx.stroke();
        }
        // Headings over the queues and the workers.
        let head = HEAD / 2.0;
        labels.add(
            1,
            Wanted::new(
                &[if many { "queues" } else { "queue" }],
                vec![Spot::start(l.queue_x0, head)],
                Tone::Text,
            ),
        );
        // Several servers are counted as servers; one server's workers as workers.
        let count =
            if many { snap.servers.len() } else { snap.servers.iter().map(|s| s.workers.len()).sum() };
        let noun = if many {
            noun(count as u64, "server", "servers")
        } else {
            noun(count as u64, "worker", "workers")
        };
        labels.add(
            1,
            Wanted::new(
                &[&format!("{count} {noun}"), noun, &count.to_string()],
                vec![
                    Spot::end(l.workers_right + LANE, head),
                    Spot::start(l.worker_x - l.worker_pitch / 2.0, head),
                ],
                Tone::Text,
            ),
        );
        labels.avoid.push(l.worker_block());
    }
    for (i, server) in snap.servers.iter().enumerate().take(l.rows.len()) {
        draw_server(ctx, l, i as u16, server, many, p, labels, measure);
    }
    if let (Some(ready), Some(pending)) = (snap.ready_workers, snap.pending_workers) {
        let (text, short) = if pending > 0 {
            (format!("{ready} ready · {pending} starting"), format!("{ready} + {pending} starting"))
        } else {
            (format!("{ready} ready"), format!("{ready} ready"))
        };
        labels.add(
            3,
            Wanted::new(
                &[&text, &short],
                vec![Spot::end(l.width - 6.0, l.height - FOOT / 2.0 - 1.0)],
                if pending > 0 { Tone::Warm } else { Tone::Muted },
            ),
        );
    }
    if let (Some(r), Some(cache)) = (l.cache, &snap.cache) {
        if l.slots {
            boxed(ctx, r, p, &["cache"], labels);
            draw_slots(ctx, r, cache, p, labels);
            return draw_database(ctx, l, snap, p, labels);
        }
        boxed(ctx, r, p, &["cache"], labels);
        let fill = if cache.capacity > 0 { cache.len as f64 / cache.capacity as f64 } else { 0.0 };
        ctx.set_fill_style_str(&p.good);
        ctx.fill_rect(r.x, r.bottom() - 4.0, r.w * fill.clamp(0.0, 1.0), 4.0);
        let (len, cap) = (cache.len as u64, cache.capacity as u64);
        below(
            labels,
            r,
            &[&format!("{len}/{cap}"), &format!("{}/{}", compact(len), compact(cap))],
            &[&format!("hit {:.0}%", cache.hit_ratio * 100.0), &format!("{:.0}%", cache.hit_ratio * 100.0)],
        );
    }
    draw_database(ctx, l, snap, p, labels);
}

/// Two figures under (or above) a part's box.
fn below(labels: &mut Labels, r: Rect, first: &[&str], second: &[&str]) {
    let spots = |n: f64| {
        vec![
            Spot::start(r.x, r.bottom() + 9.0 + n * LABEL_H),
            Spot::start(r.x, r.bottom() + 9.0 + (n + 2.0) * LABEL_H),
            Spot::start(r.x, r.y - 9.0 - (1.0 - n) * LABEL_H),
            Spot::start(r.x, r.y - 9.0 - (3.0 - n) * LABEL_H),
        ]
    };
    labels.add(2, Wanted::new(first, spots(0.0), Tone::Muted));
    labels.add(2, Wanted::new(second, spots(1.0), Tone::Muted));
}

fn draw_database(ctx: &Ctx, l: &Layout, snap: &RequestScene, p: &Palette, labels: &mut Labels) {
    if let (Some(r), Some(db)) = (l.database, &snap.database) {
        boxed(ctx, r, p, &["database", "db"], labels);
        let (busy, waiting) = (db.busy as u64, db.waiting as u64);
        below(
            labels,
            r,
            &[&format!("{busy} busy"), &format!("{} busy", compact(busy))],
            &[&format!("{waiting} waiting"), &format!("{} wait", compact(waiting)), &compact(waiting)],
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_server(
    ctx: &Ctx,
    l: &Layout,
    i: u16,
    server: &ServerView,
    many: bool,
    p: &Palette,
    labels: &mut Labels,
    measure: &dyn Fn(&str) -> f64,
) {
    let row = l.row(i);
    let y = row.centre().1;
    // The queue: a box from the balancer to the workers.
    let q = l.queue_box(i);
    ctx.set_fill_style_str(&p.surface);
    ctx.fill_rect(q.x, q.y, q.w, q.h);
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    ctx.stroke_rect(q.x, q.y, q.w, q.h);
    let dots_x0 = l.dots_x0.get(usize::from(i)).copied().unwrap_or(l.queue_x0);
    if dots_x0 > l.queue_x0 {
        let (text, width) = count_text(server.waiting, q.w, measure);
        let room = Rect { x: q.x, y: q.y, w: width + 2.0, h: q.h };
        labels.add(0, Wanted::new(&[&text], vec![Spot::start(q.x + 1.0, y)], Tone::Bad).within(room));
    }
    // Each server's name, left of its queue ("s3" where "server 3" does not fit).
    if many {
        let n = i + 1;
        let column = Rect { x: l.fan_end, y: row.y, w: l.queue_x0 - 2.0 - l.fan_end, h: row.h };
        labels.add(
            1,
            Wanted::new(
                &[&format!("server {n}"), &format!("s{n}")],
                vec![Spot::end(l.queue_x0 - 4.0, y)],
                if server.up { Tone::Muted } else { Tone::Bad },
            )
            .within(column),
        );
    }
    for (w, worker) in server.workers.iter().enumerate() {
        let (x, wy) = l.worker(i, w as u16, server.workers.len());
        let fill = if worker.up { &p.surface } else { &p.bad };
        circle(ctx, x, wy, l.worker_r, fill, Some(if worker.up { &p.structure } else { &p.bad }));
    }
    let status = Spot::start(l.workers_right + 3.0, y);
    let over_queue = Spot::end(l.queue_x1, q.y - 7.0);
    if !server.up {
        ctx.set_stroke_style_str(&p.bad);
        ctx.set_line_width(2.0);
        ctx.begin_path();
        ctx.move_to(l.queue_x1 - 10.0, row.y + 4.0);
        ctx.line_to(l.workers_right, row.bottom() - 4.0);
        ctx.stroke();
        labels.add(0, Wanted::new(&["down"], vec![status, over_queue], Tone::Bad));
    } else if !server.healthy {
        labels.add(0, Wanted::new(&["unhealthy", "ill"], vec![status, over_queue], Tone::Warm));
    }
}

fn draw_request(ctx: &Ctx, l: &Layout, snap: &RequestScene, r: &RequestView, old: f64, p: &Palette) {
    // The request's id, spread evenly, places its dot inside a box.
    let jitter = |salt: u64| {
        (mix64(r.id ^ salt.wrapping_mul(0xA076_1D64_78BD_642F)) >> 40) as f64 / (1u64 << 24) as f64
    };
    let workers_of = |s: u16| snap.servers.get(usize::from(s)).map_or(1, |v| v.workers.len());
    let at = match r.stage {
        StageView::Queue { server, position } => l.queue_position(server, position),
        StageView::Service { server, worker, progress } => {
            let (x, y) = l.worker(server, worker, workers_of(server));
            let reach = (l.worker_r - DOT / 2.0).max(0.0);
            Some((x - reach + progress.clamp(0.0, 1.0) * reach * 2.0, y))
        }
        StageView::Hanging { server } => Some((l.queue_x1 - 6.0, l.row(server).centre().1 + 6.0)),
        StageView::Limiter => l.limiter.map(|b| inside(b, jitter(1), jitter(2))),
        StageView::Cache => l.cache.map(|b| inside(b, jitter(3), jitter(4))),
        StageView::Database => l.database.map(|b| inside(b, jitter(5), jitter(6))),
        StageView::Backoff => Some((
            l.client_x + 8.0 + jitter(7) * (l.queue_x0 - l.client_x - 16.0).max(0.0),
            l.height - FOOT - 14.0 + jitter(8) * 10.0,
        )),
    };
    if let Some((x, y)) = at {
        let radius = DOT.min(l.worker_r);
        circle(ctx, x, y, radius, &p.age_colour(r.age, old), Some(&p.structure));
        if r.attempt > 1 {
            ctx.set_stroke_style_str(&p.warm);
            ctx.set_line_width(1.5);
            ctx.begin_path();
            let _ = ctx.arc(x, y, radius + 2.0, 0.0, TAU);
            ctx.stroke();
        }
    }
}

/// Simulated seconds an ended request stays visible as it fades.
const FADE: f64 = 1.0;

/// Where requests went when they left: served ones drift off to the right of their server
/// (within the lane kept for them), turned-away ones fall below where they were refused,
/// retried ones head back to the clients. Every one stays inside the canvas.
fn draw_outcomes(ctx: &Ctx, l: &Layout, snap: &RequestScene, p: &Palette) {
    for o in snap.recent.iter().filter(|o| o.ago < FADE) {
        let t = (o.ago / FADE).clamp(0.0, 1.0);
        let y = o.server.map_or(l.height / 2.0, |s| l.row(s).centre().1);
        let (x, y, colour) = match o.outcome {
            Fate::Served => (l.workers_right + 3.0 + t * (LANE - 6.0), y, &p.good),
            Fate::Retried => (l.queue_x0 - t * (l.queue_x0 - l.client_x), y + 10.0, &p.warm),
            Fate::Limited => {
                let (x, y) = l.limiter.map_or((l.queue_x0, y), |r| (r.x + r.w / 2.0, r.bottom()));
                (x, y + 6.0 + t * 30.0, &p.bad)
            }
            Fate::Dropped => (l.queue_x0 + 6.0, y + 6.0 + t * 24.0, &p.bad),
            Fate::TimedOut | Fate::Failed | Fate::DeadLettered => (l.worker_x, y + 8.0 + t * 24.0, &p.bad),
        };
        let r = DOT - 1.0;
        let (x, y) = (x.clamp(r, l.width - r), y.clamp(r, l.height - r));
        ctx.set_global_alpha(1.0 - t);
        circle(ctx, x, y, r, colour, None);
    }
    ctx.set_global_alpha(1.0);
}

fn inside(r: Rect, a: f64, b: f64) -> (f64, f64) {
    let top = (r.h * 0.35).min(LABEL_H + 4.0);
    (r.x + 6.0 + a * (r.w - 12.0).max(0.0), r.y + top + b * (r.h - top - 6.0).max(0.0))
}

/// A part's box, with its name (in the first form that fits) inside its top-left corner; other
/// labels keep out of it.
fn boxed(ctx: &Ctx, r: Rect, p: &Palette, names: &[&str], labels: &mut Labels) {
    labels.avoid.push(r);
    ctx.set_fill_style_str(&p.surface);
    ctx.fill_rect(r.x, r.y, r.w, r.h);
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    ctx.stroke_rect(r.x, r.y, r.w, r.h);
    labels.add(
        0,
        Wanted::new(names, vec![Spot::start(r.x + 3.0, r.y + 2.0 + LABEL_H / 2.0)], Tone::Text).within(r),
    );
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
