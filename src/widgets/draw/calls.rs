//! The calls kind: its levels left to right (each a box of its workers, busy ones filled, with
//! what waits for them), the edges between them (dashed when async, with the fanout), and the
//! slowest request so far as a waterfall, one bar per attempt, indented by level and coloured
//! by how it ended.

use super::{Ctx, LABEL_H, Labels, Rect, Spot, Tone, Wanted, boxed, circle, compact, noun};
use crate::{
    sim::models::calls::{CallsScene, Outcome},
    widgets::palette::Palette,
};

/// Workers drawn in one level's box; more are summed up in its label.
const MAX_WORKERS_DRAWN: usize = 24;
/// Attempts drawn in the waterfall; the rest are counted.
const MAX_BARS: usize = 40;

pub(super) fn draw_calls(
    ctx: &Ctx,
    width: f64,
    height: f64,
    s: &CallsScene,
    p: &Palette,
    labels: &mut Labels,
) {
    let wide = width >= 560.0;
    let (tree, fall) = if wide {
        let split = width * 0.52;
        (
            Rect { x: 8.0, y: 8.0, w: split - 16.0, h: height - 16.0 },
            Rect { x: split + 8.0, y: 8.0, w: width - split - 16.0, h: height - 16.0 },
        )
    } else {
        let split = height * 0.46;
        (
            Rect { x: 8.0, y: 8.0, w: width - 16.0, h: split - 12.0 },
            Rect { x: 8.0, y: split + 4.0, w: width - 16.0, h: height - split - 12.0 },
        )
    };
    draw_tree(ctx, tree, s, p, labels);
    draw_waterfall(ctx, fall, s, p, labels);
}

fn draw_tree(ctx: &Ctx, area: Rect, s: &CallsScene, p: &Palette, labels: &mut Labels) {
    let n = s.levels.len().max(1);
    let gap = (area.w * 0.06).clamp(24.0, 40.0);
    let w = ((area.w - gap * (n as f64 - 1.0)) / n as f64).max(10.0);
    let h = (area.h - 2.0 * LABEL_H - 8.0).clamp(20.0, 240.0);
    let y = area.y + LABEL_H + 4.0 + (area.h - 2.0 * LABEL_H - 8.0 - h).max(0.0) / 2.0;
    for (i, level) in s.levels.iter().enumerate() {
        let r = Rect { x: area.x + i as f64 * (w + gap), y, w, h };
        if i > 0 {
            // The edge from the level above: dashed when async.
            let (x0, x1, ym) = (r.x - gap, r.x, r.y + r.h / 2.0);
            ctx.set_stroke_style_str(&p.structure);
            ctx.set_line_width(1.5);
            if level.is_async {
                ctx.set_line_dash(&js_sys::Array::of2(&5.0.into(), &4.0.into())).ok();
            }
            ctx.begin_path();
            ctx.move_to(x0, ym);
            ctx.line_to(x1 - 1.0, ym);
            ctx.stroke();
            ctx.set_line_dash(&js_sys::Array::new()).ok();
            ctx.begin_path();
            ctx.move_to(x1 - 6.0, ym - 4.0);
            ctx.line_to(x1 - 1.0, ym);
            ctx.line_to(x1 - 6.0, ym + 4.0);
            ctx.stroke();
            let edge =
                if level.is_async { format!("async ×{}", s.fanout) } else { format!("×{}", s.fanout) };
            labels.add(
                2,
                Wanted::new(
                    &[&edge, &format!("×{}", s.fanout)],
                    vec![Spot::start(x0 + 1.0, ym - LABEL_H), Spot::start(x0 + 1.0, ym + LABEL_H)],
                    Tone::Muted,
                ),
            );
        }
        let name = format!("level {}", i + 1);
        let short = format!("L{}", i + 1);
        boxed(ctx, r, p, &[&name, &short], labels);
        // Workers, busy ones filled.
        let shown = (level.replicas as usize).min(MAX_WORKERS_DRAWN);
        let inner =
            Rect { x: r.x + 4.0, y: r.y + LABEL_H + 6.0, w: r.w - 8.0, h: r.h - 2.0 * LABEL_H - 12.0 };
        if shown > 0 && inner.w > 4.0 && inner.h > 4.0 {
            let columns = ((shown as f64 * inner.w / inner.h).sqrt().ceil() as usize).clamp(1, shown);
            let rows = shown.div_ceil(columns);
            let cell = (inner.w / columns as f64).min(inner.h / rows as f64);
            let radius = (cell / 2.0 - 1.5).clamp(1.0, 7.0);
            for k in 0..shown {
                let cx = inner.x + (k % columns) as f64 * cell + cell / 2.0;
                let cy = inner.y + (k / columns) as f64 * cell + cell / 2.0;
                let busy = (k as u32) < level.busy;
                let fill = if level.down {
                    &p.bg
                } else if busy {
                    &p.accent
                } else {
                    &p.surface
                };
                circle(ctx, cx, cy, radius, fill, Some(&p.structure));
            }
        }
        if level.down {
            ctx.set_stroke_style_str(&p.bad);
            ctx.set_line_width(2.0);
            ctx.begin_path();
            ctx.move_to(r.x + 4.0, r.y + 4.0);
            ctx.line_to(r.right() - 4.0, r.bottom() - 4.0);
            ctx.move_to(r.right() - 4.0, r.y + 4.0);
            ctx.line_to(r.x + 4.0, r.bottom() - 4.0);
            ctx.stroke();
        }
        let queued = level.queued as u64;
        // Inside the box at its foot: how many workers are busy (or that it is stopped).
        let (busy_forms, tone) = if level.down {
            (vec!["stopped".to_string()], Tone::Bad)
        } else {
            (
                vec![
                    format!("{}/{} busy", level.busy, level.replicas),
                    format!("{}/{}", level.busy, level.replicas),
                ],
                Tone::Muted,
            )
        };
        let busy_forms: Vec<&str> = busy_forms.iter().map(String::as_str).collect();
        labels.add(
            1,
            Wanted::new(&busy_forms, vec![Spot::start(r.x + 3.0, r.bottom() - 2.0 - LABEL_H / 2.0)], tone)
                .within(r),
        );
        // Below it, in its own column: what waits for the workers.
        let waiting = if level.is_async {
            [format!("backlog {queued}"), format!("{} queued", compact(queued)), compact(queued)]
        } else {
            [format!("{queued} waiting"), format!("{} wait", compact(queued)), compact(queued)]
        };
        let waiting: Vec<&str> = waiting.iter().map(String::as_str).collect();
        let column = Rect { x: r.x, y: r.bottom(), w: r.w + gap - 2.0, h: LABEL_H + 6.0 };
        labels.add(
            1,
            Wanted::new(&waiting, vec![Spot::start(r.x, r.bottom() + 3.0 + LABEL_H / 2.0)], Tone::Muted)
                .within(column),
        );
    }
    let in_flight = s.in_flight as u64;
    labels.add(
        3,
        Wanted::new(
            &[
                &format!("{in_flight} {} in flight", noun(in_flight, "request", "requests")),
                &format!("{} in flight", compact(in_flight)),
            ],
            vec![
                Spot::start(area.x, area.bottom() - LABEL_H / 2.0),
                Spot::start(area.x, area.y + LABEL_H / 2.0),
            ],
            Tone::Muted,
        ),
    );
}

fn draw_waterfall(ctx: &Ctx, area: Rect, s: &CallsScene, p: &Palette, labels: &mut Labels) {
    let w = &s.waterfall;
    let title_y = area.y + LABEL_H / 2.0;
    if w.spans.is_empty() {
        labels.add(
            1,
            Wanted::new(
                &["slowest request: none finished yet", "no request finished yet", "none yet"],
                vec![Spot::start(area.x, title_y)],
                Tone::Muted,
            ),
        );
        return;
    }
    let total = w.latency.max(1e-9);
    let verdict = if w.ok { "succeeded" } else { "failed" };
    let took = format_time(w.latency);
    labels.add(
        0,
        Wanted::new(
            &[
                &format!("slowest request: {took}, {verdict}"),
                &format!("slowest: {took}, {verdict}"),
                &format!("slowest: {took}"),
            ],
            vec![Spot::start(area.x, title_y)],
            if w.ok { Tone::Text } else { Tone::Bad },
        ),
    );
    let bars = w.spans.len().min(MAX_BARS);
    let top = area.y + LABEL_H + 4.0;
    let bottom = area.bottom() - LABEL_H - 2.0;
    let pitch = ((bottom - top) / bars as f64).min(20.0);
    let bar_h = (pitch * 0.72).max(1.5);
    // A gutter at the left marks each bar's level (one step right per level); the bars share
    // one time scale to its right.
    let step = 6.0;
    let deepest = w.spans.iter().map(|sp| sp.level).max().unwrap_or(1);
    let gutter = step * f64::from(deepest) + 4.0;
    // Bars in the order attempts started.
    let mut order: Vec<usize> = (0..w.spans.len()).collect();
    order.sort_by(|&a, &b| w.spans[a].start.total_cmp(&w.spans[b].start).then(a.cmp(&b)));
    let x0 = area.x + 2.0 + gutter;
    let span_w = (area.w - 4.0 - gutter).max(10.0);
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(x0, top - 2.0);
    ctx.line_to(x0, top + pitch * bars as f64);
    ctx.stroke();
    for (row, &i) in order.iter().take(bars).enumerate() {
        let span = &w.spans[i];
        let x = x0 + span_w * (span.start / total).clamp(0.0, 1.0);
        let end = x0 + span_w * (span.end / total).clamp(0.0, 1.0);
        let y = top + row as f64 * pitch;
        ctx.set_fill_style_str(&p.structure);
        let mark = area.x + 2.0 + step * f64::from(span.level.saturating_sub(1));
        ctx.fill_rect(mark, y + (bar_h - 3.0).max(0.0) / 2.0, 3.0, bar_h.min(3.0));
        let colour = match span.outcome {
            Outcome::Ok => &p.good,
            Outcome::Failed | Outcome::Refused => &p.bad,
            Outcome::TimedOut => &p.warm,
            Outcome::Cancelled => &p.muted,
        };
        ctx.set_fill_style_str(colour);
        ctx.fill_rect(x, y, (end - x).max(2.0), bar_h);
    }
    let more = w.spans.len() - bars + usize::from(w.truncated);
    let foot = if more > 0 {
        format!("one bar per attempt, by level; {more} more not drawn")
    } else {
        "one bar per attempt; the mark at the left steps right per level".to_string()
    };
    labels.add(
        2,
        Wanted::new(
            &[&foot, "one bar per attempt, by level", "one bar per attempt", "attempts"],
            vec![Spot::start(area.x, area.bottom() - LABEL_H / 2.0)],
            Tone::Muted,
        ),
    );
}

fn format_time(seconds: f64) -> String {
    if seconds < 1.0 { format!("{:.0} ms", seconds * 1000.0) } else { format!("{seconds:.2} s") }
}
