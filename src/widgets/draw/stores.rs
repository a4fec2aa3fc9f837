//! The data stores, drawn in place of the request path's servers where a scenario has none:
//! a cache as a grid of its slots, and a primary with its replicas.

use super::{Ctx, Layout, Rect, boxed, label};
use crate::{
    sim::models::{
        replication::ReplicationScene,
        requests::scene::{CacheView, MAX_ENTRIES},
    },
    widgets::palette::Palette,
};

/// The cache's slots as a grid: empty, or filled in green that fades as the entry nears its
/// expiry (entries written together fade together, and a stampede shows as the grid emptying).
pub(super) fn draw_slots(ctx: &Ctx, r: Rect, cache: &CacheView, p: &Palette) {
    let shown = cache.capacity.min(MAX_ENTRIES);
    if shown == 0 {
        return;
    }
    let area = Rect { x: r.x + 6.0, y: r.y + 20.0, w: r.w - 12.0, h: r.h - 26.0 };
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
            None => p.surface.clone(),
            Some(e) if ttl > 0.0 && e.expires_in.is_finite() => {
                let left = (e.expires_in / ttl).clamp(0.0, 1.0);
                format!("hsl(145, 55%, {:.0}%)", 78.0 - 40.0 * left)
            }
            Some(_) => "hsl(145, 55%, 40%)".to_string(),
        };
        ctx.set_fill_style_str(&colour);
        ctx.fill_rect(x + 0.5, y + 0.5, (cell - 1.0).max(1.0), (cell - 1.0).max(1.0));
    }
    let more = if cache.capacity > shown { format!(" (first {shown} slots drawn)") } else { String::new() };
    label(
        ctx,
        p,
        &p.muted,
        r.x,
        r.y + r.h + 12.0,
        &format!(
            "{} of {} slots full · hit ratio {:.0}% · {} evicted{more}",
            cache.len,
            cache.capacity,
            cache.hit_ratio * 100.0,
            cache.evictions
        ),
    );
}

/// Writes go to the primary; each replica applies them after a lag. A replica's bar is how far
/// behind it is; during a partition the replicas are cut off from the primary.
pub(super) fn draw_replication(ctx: &Ctx, l: &Layout, snap: &ReplicationScene, p: &Palette) {
    let primary = Rect { x: l.width * 0.3, y: l.height / 2.0 - 30.0, w: l.width * 0.14, h: 60.0 };
    boxed(ctx, primary, p, "primary");
    let n = snap.replicas.len();
    let (top, bottom) = (20.0, l.height - 20.0);
    let pitch = (bottom - top) / n as f64;
    let worst = snap.replicas.iter().map(|r| r.behind).max().unwrap_or(0).max(10) as f64;
    for (i, replica) in snap.replicas.iter().enumerate() {
        let r = Rect {
            x: l.width * 0.68,
            y: top + i as f64 * pitch + pitch * 0.15,
            w: l.width * 0.14,
            h: pitch * 0.7,
        };
        ctx.set_stroke_style_str(if snap.partitioned { &p.bad } else { &p.line });
        ctx.set_line_width(if snap.partitioned { 2.0 } else { 1.0 });
        ctx.begin_path();
        ctx.move_to(primary.x + primary.w, primary.y + primary.h / 2.0);
        ctx.line_to(r.x, r.y + r.h / 2.0);
        ctx.stroke();
        boxed(ctx, r, p, &format!("replica {}", i + 1));
        ctx.set_fill_style_str(&p.warm);
        ctx.fill_rect(r.x, r.y + r.h - 4.0, r.w * (replica.behind as f64 / worst).min(1.0), 4.0);
        label(
            ctx,
            p,
            &p.muted,
            r.x + r.w + 6.0,
            r.y + r.h / 2.0,
            &format!("{} writes behind", replica.behind),
        );
    }
    if snap.partitioned {
        label(ctx, p, &p.bad, primary.x, primary.y + primary.h + 14.0, "partition: replicas cut off");
    }
}
