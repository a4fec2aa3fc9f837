//! A delivery pipeline: branches → review (its queue and its reviewers) → CI → merged, waiting
//! for a batch → production (the last deploys, green or red). Each change is a dot, red when
//! it is defective; a failure in production says how far its recovery has got.

use super::{Ctx, LABEL_H, Labels, Rect, Spot, Tone, Wanted, boxed, circle, compact, noun};
use crate::sim::models::delivery::{DeliveryScene, Phase, RECENT_DEPLOYS, Stage, StageView};
use crate::widgets::palette::Palette;

/// Dot spacing: as large as the busiest box allows, within these.
const MIN_PITCH: f64 = 7.0;
const MAX_PITCH: f64 = 14.0;
const GAP: f64 = 10.0;
const TOP: f64 = 6.0;
/// The developers' column at the left (the top-left corner stays clear for an embed's keys
/// button).
const DEVS_W: f64 = 46.0;
/// Developers drawn in the column.
const MAX_DEVS: u64 = 8;

/// Draws `scene` on a `width` × `height` canvas.
pub(super) fn draw_delivery(
    ctx: &Ctx,
    width: f64,
    height: f64,
    scene: &DeliveryScene,
    p: &Palette,
    labels: &mut Labels,
) {
    let narrow = width < 560.0;
    let gap = if narrow { 6.0 } else { GAP };
    let boxes = 5.0;
    let left = DEVS_W + gap;
    let w = ((width - left - 4.0 - gap * (boxes - 1.0)) / boxes).max(20.0);
    let (y, h) = (TOP, (height - TOP - LABEL_H - 10.0).max(40.0));
    let rect = |i: usize| Rect { x: left + i as f64 * (w + gap), y, w, h };
    let stage = |s: Stage| scene.stages.iter().find(|v| v.stage == s);
    let count = |s: Stage| stage(s).map_or(0, |v| v.count);
    // One spacing for every box, so that a dot is a change wherever it sits.
    let fullest = scene.stages.iter().map(|v| v.dots.len()).max().unwrap_or(0).max(1) as f64;
    let room = (w - 8.0) * (h - LABEL_H - 40.0).max(10.0);
    let pitch = (room / fullest).sqrt().clamp(MIN_PITCH, MAX_PITCH).floor();

    // The developers, at the left, starting changes.
    let shown = scene.developers.min(MAX_DEVS);
    let mid = y + h / 2.0;
    let step = 12.0;
    let top = mid - (shown as f64 - 1.0) * step / 2.0;
    for i in 0..shown {
        circle(ctx, DEVS_W / 2.0, top + i as f64 * step, 4.5, &p.surface, Some(&p.structure));
    }
    let devs = scene.developers;
    labels.add(
        1,
        Wanted::new(
            &[&format!("{devs} {}", noun(devs, "dev", "devs")), &compact(devs)],
            vec![Spot::start(2.0, top + shown as f64 * step + LABEL_H / 2.0)],
            Tone::Muted,
        ),
    );
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(DEVS_W / 2.0 + 6.0, mid);
    ctx.line_to(rect(0).x, mid);
    ctx.stroke();

    // Arrows between the boxes.
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    for i in 0..4 {
        let (a, b) = (rect(i), rect(i + 1));
        let mid = a.y + a.h / 2.0;
        ctx.begin_path();
        ctx.move_to(a.right(), mid);
        ctx.line_to(b.x, mid);
        ctx.stroke();
    }

    // Branches.
    let r = rect(0);
    boxed(ctx, r, p, &["on branches", "branches", "dev"], labels);
    dots(ctx, inner(r, 0.0), &[stage(Stage::Branch)], pitch, p);
    footer(labels, r, count(Stage::Branch), "on branches");

    // Review: the queue, then the reviewers along the bottom.
    let r = rect(1);
    boxed(ctx, r, p, &["review", "rev."], labels);
    let n = scene.reviewers.len().max(1);
    let pitch = ((r.w - 8.0) / n as f64).min(16.0);
    let radius = (pitch / 2.0 - 1.0).clamp(1.5, 6.0);
    let rows = 1.0 + ((n as f64 * pitch) / (r.w - 8.0)).floor();
    let band = rows * (radius * 2.0 + 3.0) + 4.0;
    for (i, busy) in scene.reviewers.iter().enumerate() {
        let per_row = ((r.w - 8.0) / pitch).floor().max(1.0) as usize;
        let (col, row) = (i % per_row, i / per_row);
        let cx = r.x + 4.0 + pitch * (col as f64 + 0.5);
        let cy = r.bottom() - 4.0 - radius - row as f64 * (radius * 2.0 + 3.0);
        circle(ctx, cx, cy, radius, if *busy { &p.warm } else { &p.bg }, Some(&p.structure));
    }
    dots(ctx, inner(r, band), &[stage(Stage::Review)], pitch, p);
    let waiting = count(Stage::Review);
    let busy = scene.reviewers.iter().filter(|b| **b).count() as u64;
    labels.add(
        1,
        Wanted::new(
            &[
                &format!("{waiting} waiting · {busy} of {n} reviewing"),
                &format!("{waiting} waiting · {busy}/{n}"),
                &format!("{} waiting", compact(waiting)),
                &compact(waiting),
            ],
            vec![Spot::start(r.x, r.bottom() + 4.0 + LABEL_H / 2.0)],
            Tone::Muted,
        ),
    );

    // CI, with the conflicts being resolved.
    let r = rect(2);
    boxed(ctx, r, p, &["CI", "CI"], labels);
    dots(ctx, inner(r, 0.0), &[stage(Stage::Ci), stage(Stage::Resolving)], pitch, p);
    let resolving = count(Stage::Resolving);
    let ci = count(Stage::Ci);
    let text = if resolving > 0 {
        [
            format!("{ci} in CI · {resolving} resolving conflicts"),
            format!("{ci} CI · {resolving} conflicts"),
            compact(ci),
        ]
    } else {
        [format!("{ci} in CI"), format!("{ci} CI"), compact(ci)]
    };
    labels.add(
        2,
        Wanted::new(
            &[&text[0], &text[1], &text[2]],
            vec![Spot::start(r.x, r.bottom() + 4.0 + LABEL_H / 2.0)],
            Tone::Muted,
        ),
    );

    // Merged, waiting for a batch.
    let r = rect(3);
    boxed(ctx, r, p, &["merged, waiting to deploy", "merged", "main"], labels);
    dots(ctx, inner(r, 0.0), &[stage(Stage::Merged)], pitch, p);
    let merged = count(Stage::Merged);
    let batch = scene.batch;
    labels.add(
        2,
        Wanted::new(
            &[
                &format!("{merged} merged · deploys {batch} at a time"),
                &format!("{merged} of {batch}"),
                &compact(merged),
            ],
            vec![Spot::start(r.x, r.bottom() + 4.0 + LABEL_H / 2.0)],
            Tone::Muted,
        ),
    );

    // Production: the last deploys as bars, and any failure.
    let r = rect(4);
    boxed(ctx, r, p, &["production", "prod."], labels);
    let area = inner(r, 0.0);
    let most = scene.deploys.iter().map(|d| d.size).max().unwrap_or(1).max(1) as f64;
    let slots = RECENT_DEPLOYS as f64;
    let bar = (area.w / slots).max(2.0);
    let failed_band = if scene.incident.is_some() { area.h * 0.4 } else { 0.0 };
    let bars_h = area.h - failed_band;
    for (i, deploy) in scene.deploys.iter().enumerate() {
        let bh = (bars_h - 4.0) * (deploy.size as f64 / most);
        let x = area.x + i as f64 * bar;
        ctx.set_fill_style_str(if deploy.failed { &p.bad } else { &p.good });
        ctx.fill_rect(x + 0.5, area.bottom() - bh, (bar - 1.5).max(1.0), bh);
    }
    if let Some(phase) = scene.incident {
        let band = Rect { x: area.x, y: area.y, w: area.w, h: failed_band };
        dots(ctx, band, &[stage(Stage::Failed)], pitch, p);
        let (long, short) = match phase {
            Phase::Undetected => ("failure in production, not yet found", "failing"),
            Phase::Restoring if scene.flags => ("switching the flag off", "flag off"),
            Phase::Restoring => ("rolling back", "rollback"),
            Phase::Bisecting => ("restored; bisecting the batch", "bisecting"),
        };
        labels.add(
            0,
            Wanted::new(
                &[long, short],
                vec![Spot::end(r.right(), r.bottom() + 4.0 + LABEL_H / 2.0)],
                Tone::Bad,
            ),
        );
    } else {
        let deployed = scene.deployed;
        labels.add(
            3,
            Wanted::new(
                &[&format!("{deployed} deployed"), &compact(deployed)],
                vec![Spot::end(r.right(), r.bottom() + 4.0 + LABEL_H / 2.0)],
                Tone::Good,
            ),
        );
    }
}

/// Where dots go in a box: below its name, above `below` pixels kept at its foot.
fn inner(r: Rect, below: f64) -> Rect {
    let top = r.y + LABEL_H + 6.0;
    Rect { x: r.x + 4.0, y: top, w: r.w - 8.0, h: (r.bottom() - 4.0 - below - top).max(0.0) }
}

/// The changes of `stages` as dots filling `area` row by row (red: defective). Dots that do not
/// fit are left out; the counts say how many there are.
fn dots(ctx: &Ctx, area: Rect, stages: &[Option<&StageView>], pitch: f64, p: &Palette) {
    let columns = (area.w / pitch).floor().max(1.0) as usize;
    let rows = (area.h / pitch).floor().max(0.0) as usize;
    let room = columns * rows;
    let all = stages.iter().flatten().flat_map(|s| s.dots.iter());
    for (i, defective) in all.take(room).enumerate() {
        let (col, row) = (i % columns, i / columns);
        let x = area.x + pitch * (col as f64 + 0.5);
        let y = area.y + pitch * (row as f64 + 0.5);
        circle(ctx, x, y, pitch * 0.38, if *defective { &p.bad } else { &p.accent }, None);
    }
}

/// The count under a box.
fn footer(labels: &mut Labels, r: Rect, n: u64, what: &str) {
    labels.add(
        2,
        Wanted::new(
            &[&format!("{n} {what}"), &compact(n)],
            vec![Spot::start(r.x, r.bottom() + 4.0 + LABEL_H / 2.0)],
            Tone::Muted,
        ),
    );
}
