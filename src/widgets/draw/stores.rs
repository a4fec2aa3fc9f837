//! The data stores, drawn in place of the request path's servers where a scenario has none:
//! a cache as a grid of its slots, and a primary with its replicas.

use super::{Ctx, LABEL_H, Labels, Layout, Rect, Spot, Tone, Wanted, boxed, compact, noun};
use crate::{
    sim::models::{
        replication::ReplicationScene,
        requests::scene::{CacheView, MAX_ENTRIES},
    },
    widgets::palette::Palette,
};

/// The cache's slots as a grid: empty, or filled in green that fades as the entry nears its
/// expiry (entries written together fade together, and a stampede shows as the grid emptying).
/// Its figures go below it, in the longest form that fits.
pub(super) fn draw_slots(ctx: &Ctx, r: Rect, cache: &CacheView, p: &Palette, labels: &mut Labels) {
    let (len, cap, hit, evicted) =
        (cache.len as u64, cache.capacity as u64, cache.hit_ratio * 100.0, cache.evictions);
    let shown = cache.capacity.min(MAX_ENTRIES);
    let more = if cache.capacity > shown { format!(" (first {shown} slots drawn)") } else { String::new() };
    labels.add(
        2,
        Wanted::new(
            &[
                &format!("{len} of {cap} slots full · hit ratio {hit:.0}% · {evicted} evicted{more}"),
                &format!("{len} of {cap} full · hit {hit:.0}% · {evicted} evicted"),
                &format!(
                    "{}/{} full · hit {hit:.0}% · {} evicted",
                    compact(len),
                    compact(cap),
                    compact(evicted)
                ),
                &format!("{}/{} · hit {hit:.0}% · {} ev.", compact(len), compact(cap), compact(evicted)),
                &format!("hit {hit:.0}%"),
            ],
            vec![Spot::start(r.x, r.bottom() + 4.0 + LABEL_H / 2.0)],
            Tone::Muted,
        ),
    );
    if shown == 0 {
        return;
    }
    let area = Rect { x: r.x + 6.0, y: r.y + LABEL_H + 6.0, w: r.w - 12.0, h: r.h - LABEL_H - 12.0 };
    if area.w <= 0.0 || area.h <= 0.0 {
        return;
    }
    let columns = ((shown as f64 * area.w / area.h).sqrt().ceil() as usize).max(1);
    let rows = shown.div_ceil(columns);
    let cell = (area.w / columns as f64).min(area.h / rows as f64);
    let ttl =
        cache.entries.iter().map(|e| e.age + e.expires_in).filter(|t| t.is_finite()).fold(0.0, f64::max);
    let mut filled = vec![None; shown];
    for entry in cache.entries.iter().filter(|e| e.slot < shown) {
        filled[entry.slot] = Some(entry);
    }
    for (slot, entry) in filled.iter().enumerate() {
        let (x, y) = (area.x + (slot % columns) as f64 * cell, area.y + (slot / columns) as f64 * cell);
        let colour = match entry {
            None => p.bg.clone(),
            Some(e) if ttl > 0.0 && e.expires_in.is_finite() => {
                let left = (e.expires_in / ttl).clamp(0.0, 1.0);
                format!("hsl(145, 55%, {:.0}%)", 78.0 - 40.0 * left)
            }
            Some(_) => "hsl(145, 55%, 38%)".to_string(),
        };
        let size = (cell - 1.0).max(1.0);
        ctx.set_fill_style_str(&colour);
        ctx.fill_rect(x + 0.5, y + 0.5, size, size);
        if entry.is_none() && size >= 4.0 {
            ctx.set_stroke_style_str(&p.line);
            ctx.set_line_width(1.0);
            ctx.stroke_rect(x + 1.0, y + 1.0, size - 1.0, size - 1.0);
        }
    }
}

/// Writes go to the primary; each replica applies them after a lag. A replica's bar is how far
/// behind it is; during a partition the replicas are cut off from the primary.
pub(super) fn draw_replication(
    ctx: &Ctx,
    l: &Layout,
    snap: &ReplicationScene,
    p: &Palette,
    labels: &mut Labels,
) {
    let primary =
        Rect { x: l.width * 0.26, y: l.height / 2.0 - 30.0, w: (l.width * 0.16).max(64.0), h: 60.0 };
    // Reads and writes come from the clients.
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(l.client_x + 10.0, l.height / 2.0);
    ctx.line_to(primary.x, primary.y + primary.h / 2.0);
    ctx.stroke();
    boxed(ctx, primary, p, &["primary"], labels);
    let n = snap.replicas.len().max(1);
    let (top, bottom) = (HEAD_GAP, l.height - HEAD_GAP);
    let pitch = (bottom - top) / n as f64;
    let worst = snap.replicas.iter().map(|r| r.behind).max().unwrap_or(0).max(10) as f64;
    let x = l.width * 0.56;
    for (i, replica) in snap.replicas.iter().enumerate() {
        let r = Rect { x, y: top + i as f64 * pitch + pitch * 0.1, w: l.width - 8.0 - x, h: pitch * 0.8 };
        ctx.set_stroke_style_str(if snap.partitioned { &p.bad } else { &p.structure });
        ctx.set_line_width(if snap.partitioned { 2.0 } else { 1.0 });
        if snap.partitioned {
            ctx.set_line_dash(&js_sys::Array::of2(&6.0.into(), &4.0.into())).ok();
        }
        ctx.begin_path();
        ctx.move_to(primary.right(), primary.y + primary.h / 2.0);
        ctx.line_to(r.x, r.y + r.h / 2.0);
        ctx.stroke();
        ctx.set_line_dash(&js_sys::Array::new()).ok();
        let n = i + 1;
        boxed(ctx, r, p, &[&format!("replica {n}"), &format!("r{n}")], labels);
        ctx.set_fill_style_str(&p.warm);
        ctx.fill_rect(r.x, r.bottom() - 4.0, r.w * (replica.behind as f64 / worst).min(1.0), 4.0);
        let behind = replica.behind;
        labels.add(
            1,
            Wanted::new(
                &[
                    &format!("{behind} {} behind", noun(behind, "write", "writes")),
                    &format!("{behind} behind"),
                    &compact(behind),
                ],
                vec![
                    Spot::end(r.right() - 3.0, r.y + 2.0 + LABEL_H / 2.0),
                    Spot::end(r.right() - 3.0, r.y + 2.0 + LABEL_H * 1.5),
                ],
                Tone::Muted,
            )
            .within(r),
        );
    }
    if snap.partitioned {
        labels.add(
            0,
            Wanted::new(
                &["partition: replicas cut off", "partitioned"],
                vec![
                    Spot::start(primary.x, primary.bottom() + 10.0),
                    Spot::start(primary.x, primary.y - 10.0),
                ],
                Tone::Bad,
            ),
        );
    }
}

/// Space kept above and below the replicas.
const HEAD_GAP: f64 = 10.0;
