//! Contention: the hottest records, one row each, and the writers working on them. A writer
//! travels its row's lane from its read (left) to its write (right) as its gap passes; writers
//! waiting for the record's lock line up before the lane. A writer whose record changed since
//! it read (its write will overwrite, or conflict) turns red; a repeated delivery has a warm
//! ring. Each record shows its value against the value it would have if nothing were lost or
//! doubled: the bar falls short by the updates lost, and runs over by the double effects. A
//! record that just lost updates flashes red.

use super::{Ctx, FOOT, HEAD, LABEL_H, Labels, Rect, Spot, Tone, Wanted, circle, compact, noun};
use crate::{
    sim::kinds::format::format_count,
    sim::models::contention::{ContentionScene, Phase, RecordView, WriterView},
    widgets::palette::Palette,
};

/// Room left of the drawing for the keys button an embed in a slide shows over its top-left
/// corner.
const KEYS_CORNER: f64 = 44.0;
/// A row is at least this tall.
const MIN_ROW: f64 = 20.0;
const DOT: f64 = 3.5;

pub(super) fn draw_contention(
    ctx: &Ctx,
    width: f64,
    height: f64,
    snap: &ContentionScene,
    p: &Palette,
    labels: &mut Labels,
) {
    let narrow = width < 560.0;
    let (top, bottom) = (HEAD + 2.0, height - FOOT - 2.0);
    let fit = (((bottom - top) / MIN_ROW).floor() as usize).max(1);
    let rows = snap.records.len().min(fit).max(1);
    let pitch = (bottom - top) / rows as f64;
    let locking = snap.strategy == "lock";
    // Columns: the line for a lock, the lane (read → write), the record. The top-left corner
    // stays clear for an embed's keys button.
    let left = KEYS_CORNER;
    let queue_w = if locking { (width * 0.14).clamp(36.0, 120.0) } else { 0.0 };
    let lane_x0 = left + queue_w + if locking { 8.0 } else { 0.0 };
    let record_x = (width * if narrow { 0.52 } else { 0.6 }).max(lane_x0 + 60.0);
    let lane_x1 = record_x - 14.0;
    let head = HEAD / 2.0;
    if locking {
        labels.add(
            1,
            Wanted::new(
                &["waiting for the lock", "waiting", "wait"],
                vec![Spot::start(left, head)],
                Tone::Text,
            ),
        );
    }
    labels.add(1, Wanted::new(&["read", "R"], vec![Spot::start(lane_x0, head)], Tone::Text));
    let gap = format_gap(snap.gap);
    labels.add(
        2,
        Wanted::new(
            &[&format!("gap {gap}"), "gap"],
            vec![Spot::start((lane_x0 + lane_x1) / 2.0 - 20.0, head)],
            Tone::Muted,
        ),
    );
    labels.add(1, Wanted::new(&["write", "W"], vec![Spot::end(lane_x1, head)], Tone::Text));
    labels.add(
        1,
        Wanted::new(
            &[&format!("records ({})", snap.strategy), "records"],
            vec![Spot::start(record_x, head)],
            Tone::Text,
        ),
    );
    let worst = snap.records.iter().map(|r| r.expected.max(r.value)).max().unwrap_or(0).max(1);
    for (i, record) in snap.records.iter().take(rows).enumerate() {
        let y0 = top + i as f64 * pitch;
        let row = Rect { x: left, y: y0, w: width - left - 8.0, h: pitch };
        draw_lane(ctx, row, lane_x0, lane_x1, p);
        let flashing: u64 = snap.losses.iter().filter(|l| l.key == record.key).map(|l| l.lost).sum();
        let r = Rect { x: record_x, y: y0 + pitch * 0.1, w: width - 8.0 - record_x, h: pitch * 0.8 };
        draw_record(ctx, r, record, worst, flashing, narrow, p, labels);
        let writers: Vec<&WriterView> = snap.writers.iter().filter(|w| w.key == record.key).collect();
        draw_writers(ctx, row, queue_w, left, lane_x0, lane_x1, &writers, p);
        if flashing > 0 {
            labels.add(
                0,
                Wanted::new(
                    &[&format!("−{flashing} lost"), &format!("−{flashing}")],
                    vec![Spot::end(lane_x1 - 4.0, y0 + pitch / 2.0), Spot::end(record_x - 2.0, y0 + 6.0)],
                    Tone::Bad,
                ),
            );
        }
    }
    // What is left out of the picture.
    let foot = height - FOOT / 2.0 - 1.0;
    let drawn_keys = rows as u64;
    let mut notes = Vec::new();
    if snap.keys > drawn_keys {
        notes.push((
            format!("hottest {drawn_keys} of {} records drawn", compact(snap.keys)),
            format!("{drawn_keys}/{} records", compact(snap.keys)),
        ));
    }
    if snap.in_flight > 0 {
        notes.push((
            format!(
                "{} {} at work",
                compact(snap.in_flight as u64),
                noun(snap.in_flight as u64, "writer", "writers")
            ),
            format!("{} writing", compact(snap.in_flight as u64)),
        ));
    }
    let long: Vec<&str> = notes.iter().map(|(l, _)| l.as_str()).collect();
    let short: Vec<&str> = notes.iter().map(|(_, s)| s.as_str()).collect();
    if !notes.is_empty() {
        labels.add(
            3,
            Wanted::new(
                &[&long.join(" · "), &short.join(" · "), short[0]],
                vec![Spot::start(6.0, foot)],
                Tone::Muted,
            ),
        );
    }
}

/// The gap as a reader writes it.
fn format_gap(gap: f64) -> String {
    crate::sim::kinds::format::format_seconds(gap)
}

fn draw_lane(ctx: &Ctx, row: Rect, x0: f64, x1: f64, p: &Palette) {
    let y = row.y + row.h / 2.0;
    ctx.set_stroke_style_str(&p.line);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(x0, y);
    ctx.line_to(x1, y);
    ctx.stroke();
    // The read and the write ends.
    ctx.set_stroke_style_str(&p.structure);
    for x in [x0, x1] {
        ctx.begin_path();
        ctx.move_to(x, y - row.h * 0.3);
        ctx.line_to(x, y + row.h * 0.3);
        ctx.stroke();
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_record(
    ctx: &Ctx,
    r: Rect,
    record: &RecordView,
    worst: u64,
    flashing: u64,
    narrow: bool,
    p: &Palette,
    labels: &mut Labels,
) {
    labels.avoid.push(r);
    ctx.set_fill_style_str(&p.surface);
    ctx.fill_rect(r.x, r.y, r.w, r.h);
    let (stroke, line) = if flashing > 0 {
        (&p.bad, 2.5)
    } else if record.locked {
        (&p.accent, 2.0)
    } else {
        (&p.structure, 1.0)
    };
    ctx.set_stroke_style_str(stroke);
    ctx.set_line_width(line);
    ctx.stroke_rect(r.x, r.y, r.w, r.h);
    // The bar: the value, against the mark of the expected value.
    let scale = |v: u64| (v as f64 / worst as f64).min(1.0) * (r.w - 2.0);
    let bar_h = (r.h * 0.22).clamp(2.0, 5.0);
    let bar_y = r.bottom() - bar_h - 1.0;
    let (value, expected) = (record.value, record.expected);
    ctx.set_fill_style_str(&p.good);
    ctx.fill_rect(r.x + 1.0, bar_y, scale(value.min(expected)), bar_h);
    if value < expected {
        ctx.set_fill_style_str(&p.bad);
        ctx.fill_rect(r.x + 1.0 + scale(value), bar_y, scale(expected) - scale(value), bar_h);
    } else if value > expected {
        ctx.set_fill_style_str(&p.warm);
        ctx.fill_rect(r.x + 1.0 + scale(expected), bar_y, scale(value) - scale(expected), bar_h);
    }
    let n = record.key + 1;
    let (v, e) = (format_count(value), format_count(expected));
    let (cv, ce) = (compact(value), compact(expected));
    let lock = if record.locked {
        if record.waiting > 0 {
            format!(" · locked, {} waiting", record.waiting)
        } else {
            " · locked".to_string()
        }
    } else {
        String::new()
    };
    let long = format!("record {n}: {v} of {e}{lock}");
    let mid = format!("record {n}: {v} of {e}");
    let brief = format!("record {n}: {cv} of {ce}");
    let short = format!("#{n} {cv}/{ce}");
    let forms: Vec<&str> =
        if narrow { vec![&mid, &brief, &short] } else { vec![&long, &mid, &brief, &short] };
    labels.add(
        0,
        Wanted::new(
            &forms,
            vec![Spot::start(r.x + 3.0, (r.y + 1.0 + LABEL_H / 2.0).min(r.y + r.h / 2.0))],
            Tone::Text,
        )
        .within(r),
    );
}

#[allow(clippy::too_many_arguments)]
fn draw_writers(
    ctx: &Ctx,
    row: Rect,
    queue_w: f64,
    left: f64,
    x0: f64,
    x1: f64,
    writers: &[&WriterView],
    p: &Palette,
) {
    let y = row.y + row.h / 2.0;
    let spread = (row.h * 0.3).max(1.0);
    let mut waiting = 0usize;
    for (i, w) in writers.iter().enumerate() {
        // Writers on one record spread a little up and down, so they stay apart.
        let dy = ((i * 7) % 5) as f64 / 4.0 * 2.0 - 1.0;
        match w.phase {
            Phase::Waiting => {
                // Lined up from the lane backwards, as many as the space holds (the record
                // says how many wait in all).
                let x = x0 - 8.0 - waiting as f64 * (DOT * 2.0 + 1.0);
                waiting += 1;
                if queue_w > 0.0 && x >= left + DOT {
                    circle(ctx, x, y, DOT, &p.bg, Some(&p.structure));
                }
            }
            Phase::Gap => {
                let x = x0 + w.progress.clamp(0.0, 1.0) * (x1 - x0);
                let fill = if w.stale { &p.bad } else { &p.accent };
                circle(ctx, x, y + dy * spread, DOT, fill, None);
                if w.copy {
                    ctx.begin_path();
                    let _ = ctx.arc(x, y + dy * spread, DOT + 2.0, 0.0, std::f64::consts::TAU);
                    ctx.set_stroke_style_str(&p.warm);
                    ctx.set_line_width(1.5);
                    ctx.stroke();
                }
            }
        }
    }
}
