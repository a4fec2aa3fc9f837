//! `team`: the work left, week by week, as a curve revealed as the weeks pass, with the same run
//! without its hires dashed behind it; the person-weeks that went to the work each week as bars
//! under it; the debt as a second line; and beside the chart, the team now: one dot per person
//! (a new one filled as far as it has ramped up), its communication paths, and its debt.

use web_sys::CanvasRenderingContext2d as Ctx;

use super::{
    Labels, circle,
    layout::{LABEL_H, Rect, Spot, Tone, Wanted, noun},
};
use crate::sim::models::team::{TeamScene, Week, paths};
use crate::widgets::palette::Palette;

/// Dots drawn for the team; a larger team is written as a number.
const MAX_DOTS: u64 = 120;

/// A chart's axis step: 1, 2 or 5 times a power of ten, giving at most about `ticks` ticks.
fn step(span: f64, ticks: f64) -> f64 {
    let raw = (span / ticks).max(1e-9);
    let power = libm::pow(10.0, libm::floor(libm::log10(raw)));
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power)
}

fn figure(x: f64) -> String {
    if x >= 100.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

pub(super) fn draw_team(
    ctx: &Ctx,
    width: f64,
    height: f64,
    scene: &TeamScene,
    p: &Palette,
    labels: &mut Labels,
) {
    // Beside the chart on a wide canvas, under it on a narrow one.
    let narrow = width < 520.0;
    let side_w = if narrow { width - 16.0 } else { (width * 0.3).clamp(150.0, 280.0) };
    let side_h = if narrow { (height * 0.32).max(70.0) } else { height - 16.0 };
    let chart = if narrow {
        Rect { x: 44.0, y: 10.0, w: width - 56.0, h: height - side_h - 10.0 - 38.0 }
    } else {
        Rect { x: 44.0, y: 10.0, w: width - side_w - 44.0 - 24.0, h: height - 10.0 - 38.0 }
    };
    let side = if narrow {
        Rect { x: 8.0, y: chart.bottom() + 36.0, w: side_w, h: side_h - 8.0 }
    } else {
        Rect { x: width - side_w - 8.0, y: 8.0, w: side_w, h: side_h }
    };
    draw_chart(ctx, chart, scene, p, labels);
    if let Some(now) = scene.shown.last() {
        draw_side(ctx, side, scene, now, p, labels);
    }
}

fn draw_chart(ctx: &Ctx, r: Rect, scene: &TeamScene, p: &Palette, labels: &mut Labels) {
    if r.w <= 10.0 || r.h <= 10.0 {
        return;
    }
    let weeks = scene.axis_weeks.max(1) as f64;
    let top = scene.work_max.max(1e-9);
    let x = |week: f64| r.x + r.w * (week / weeks).clamp(0.0, 1.0);
    let y = |work: f64| r.bottom() - r.h * (work / top).clamp(0.0, 1.0);
    // Axes, and the ticks of each.
    ctx.set_stroke_style_str(&p.structure);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(r.x, r.y);
    ctx.line_to(r.x, r.bottom());
    ctx.line_to(r.right(), r.bottom());
    ctx.stroke();
    let xs = step(weeks, (r.w / 70.0).max(2.0));
    let mut w = 0.0;
    while w <= weeks + 1e-9 {
        labels.avoid.push(Rect { x: x(w) - 0.5, y: r.bottom(), w: 1.0, h: 4.0 });
        ctx.begin_path();
        ctx.move_to(x(w), r.bottom());
        ctx.line_to(x(w), r.bottom() + 4.0);
        ctx.stroke();
        labels.add(
            3,
            Wanted::new(
                &[&format!("{w}")],
                vec![Spot::start(x(w) - 3.0, r.bottom() + 5.0 + LABEL_H / 2.0)],
                Tone::Muted,
            ),
        );
        w += xs;
    }
    labels.add(
        1,
        Wanted::new(&["weeks"], vec![Spot::end(r.right(), r.bottom() + 20.0 + LABEL_H / 2.0)], Tone::Muted),
    );
    let ys = step(top, (r.h / 40.0).max(2.0));
    let mut v = 0.0;
    while v <= top + 1e-9 {
        ctx.begin_path();
        ctx.move_to(r.x - 4.0, y(v));
        ctx.line_to(r.x, y(v));
        ctx.stroke();
        labels.add(3, Wanted::new(&[&figure(v)], vec![Spot::end(r.x - 5.0, y(v))], Tone::Muted));
        v += ys;
    }
    // What went to the work each week, as bars along the bottom (a fifth of the height at most).
    let bar_top = scene.capacity_max.max(1e-9);
    let bar_w = (r.w / weeks * 0.7).clamp(1.0, 18.0);
    ctx.set_fill_style_str(&p.good);
    ctx.set_global_alpha(0.55);
    for wk in scene.shown.iter().skip(1) {
        let h = r.h * 0.2 * (wk.capacity / bar_top).clamp(0.0, 1.0);
        let cx = x(wk.week as f64 - 0.5);
        ctx.fill_rect(cx - bar_w / 2.0, r.bottom() - h, bar_w, h);
    }
    ctx.set_global_alpha(1.0);
    // The same run without the hires, dashed, in full: what the hires are measured against.
    if !scene.without_hires.is_empty() {
        ctx.set_stroke_style_str(&p.muted);
        ctx.set_line_width(1.5);
        ctx.set_line_dash(&js_sys::Array::of2(&5.0.into(), &4.0.into())).ok();
        polyline(ctx, scene.without_hires.iter().enumerate().map(|(i, left)| (x(i as f64), y(*left))));
        ctx.set_line_dash(&js_sys::Array::new()).ok();
        if let Some(done) = scene.without_finish {
            labels.add(
                2,
                Wanted::new(
                    &[&format!("without the hires: week {done:.1}"), &format!("without: {done:.1}")],
                    vec![
                        Spot::start(x(done) + 4.0, r.bottom() - r.h * 0.2 - LABEL_H),
                        Spot::end(x(done) - 4.0, r.bottom() - r.h * 0.2 - LABEL_H),
                        Spot::start(x(done) + 4.0, r.y + r.h * 0.55),
                    ],
                    Tone::Muted,
                ),
            );
        }
    }
    // The hires' week.
    if let Some(hw) = scene.hire_week {
        ctx.set_stroke_style_str(&p.accent);
        ctx.set_line_width(1.0);
        ctx.set_line_dash(&js_sys::Array::of2(&2.0.into(), &3.0.into())).ok();
        ctx.begin_path();
        ctx.move_to(x(hw as f64), r.y);
        ctx.line_to(x(hw as f64), r.bottom());
        ctx.stroke();
        ctx.set_line_dash(&js_sys::Array::new()).ok();
        labels.add(
            2,
            Wanted::new(
                &["hires join", "hires"],
                vec![
                    Spot::start(x(hw as f64) + 4.0, r.y + LABEL_H / 2.0),
                    Spot::start(x(hw as f64) + 4.0, r.y + LABEL_H * 1.5 + 2.0),
                    Spot::start(x(hw as f64) + 4.0, r.y + r.h * 0.5),
                ],
                Tone::Text,
            ),
        );
    }
    // The debt, on its own scale (the chart's height is its largest).
    if scene.debt_max > 0.0 {
        let dy = |debt: f64| r.bottom() - r.h * (debt / scene.debt_max).clamp(0.0, 1.0);
        ctx.set_stroke_style_str(&p.warm);
        ctx.set_line_width(2.0);
        polyline(ctx, scene.shown.iter().map(|w| (x(w.week as f64), dy(w.debt))));
        if let Some(last) = scene.shown.last() {
            labels.add(
                2,
                Wanted::new(
                    &[&format!("debt {}", figure(last.debt)), &figure(last.debt)],
                    vec![
                        Spot::start(x(last.week as f64) + 5.0, dy(last.debt) - LABEL_H / 2.0),
                        Spot::start(x(last.week as f64) + 5.0, dy(last.debt) + LABEL_H / 2.0),
                    ],
                    Tone::Warm,
                ),
            );
        }
    }
    // The work left, as far as the weeks have gone.
    ctx.set_stroke_style_str(&p.accent);
    ctx.set_line_width(2.5);
    polyline(ctx, scene.shown.iter().map(|w| (x(w.week as f64), y(w.remaining))));
    if let Some(last) = scene.shown.last() {
        let (lx, ly) = (x(last.week as f64), y(last.remaining));
        circle(ctx, lx, ly, 3.5, &p.accent, None);
        labels.avoid.push(Rect { x: lx - 4.0, y: ly - 4.0, w: 8.0, h: 8.0 });
        labels.add(
            0,
            Wanted::new(
                &[&format!("work left {}", figure(last.remaining)), &figure(last.remaining)],
                vec![
                    Spot::start(lx + 7.0, ly - LABEL_H / 2.0 - 2.0),
                    Spot::start(lx + 7.0, ly + LABEL_H / 2.0 + 2.0),
                    Spot::end(lx - 7.0, ly - LABEL_H / 2.0 - 2.0),
                ],
                Tone::Text,
            ),
        );
    }
    match scene.finish_week {
        Some(done) => {
            ctx.set_stroke_style_str(&p.good);
            ctx.set_line_width(1.5);
            ctx.begin_path();
            ctx.move_to(x(done), r.y);
            ctx.line_to(x(done), r.bottom());
            ctx.stroke();
            labels.add(
                0,
                Wanted::new(
                    &[&format!("done in week {done:.1}"), &format!("done: {done:.1}")],
                    vec![
                        Spot::start(x(done) + 4.0, r.y + LABEL_H * 1.5),
                        Spot::end(x(done) - 4.0, r.y + LABEL_H * 1.5),
                    ],
                    Tone::Good,
                ),
            );
        }
        None if scene.done() && !scene.finished => labels.add(
            0,
            Wanted::new(
                &[&format!("not done in {} weeks", scene.weeks), "not done"],
                vec![Spot::end(r.right(), r.y + LABEL_H * 1.5)],
                Tone::Bad,
            ),
        ),
        None => {}
    }
    labels.add(
        1,
        Wanted::new(
            &["work left (person-weeks)", "work left"],
            vec![Spot::start(r.x + 6.0, r.y + LABEL_H / 2.0), Spot::start(r.x + 6.0, r.y + LABEL_H * 2.5)],
            Tone::Muted,
        ),
    );
    labels.add(
        2,
        Wanted::new(
            &["bars: person-weeks on the work", "bars: on the work"],
            vec![
                Spot::end(r.right(), r.bottom() - r.h * 0.2 - LABEL_H),
                Spot::end(r.right(), r.bottom() - LABEL_H),
            ],
            Tone::Good,
        ),
    );
}

fn polyline(ctx: &Ctx, points: impl Iterator<Item = (f64, f64)>) {
    ctx.begin_path();
    for (i, (px, py)) in points.enumerate() {
        if i == 0 {
            ctx.move_to(px, py);
        } else {
            ctx.line_to(px, py);
        }
    }
    ctx.stroke();
}

/// The team in the week shown: a dot per person, new people filled as far as they have ramped
/// up; how many paths they talk over; what that and mentoring cost; the debt.
fn draw_side(ctx: &Ctx, r: Rect, scene: &TeamScene, now: &Week, p: &Palette, labels: &mut Labels) {
    let n = now.people;
    let old = scene.shown.first().map_or(n, |w| w.people).min(n);
    let head_y = r.y + LABEL_H / 2.0;
    labels.add(
        0,
        Wanted::new(
            &[&format!("week {}: {n} people", now.week), &format!("wk {}: {n}", now.week)],
            vec![Spot::start(r.x, head_y)],
            Tone::Text,
        ),
    );
    let lines = [
        (
            format!("{} {}: {} pw a week", paths(n), noun(paths(n), "path", "paths"), figure(now.overhead)),
            format!("{} {}", paths(n), noun(paths(n), "path", "paths")),
            Tone::Muted,
        ),
        (
            format!("on the work: {} pw a week", figure(now.capacity)),
            format!("work: {}", figure(now.capacity)),
            Tone::Good,
        ),
        (format!("debt: {} pw", figure(now.debt)), format!("debt {}", figure(now.debt)), Tone::Warm),
    ];
    let foot = lines.len() as f64 * LABEL_H + 4.0;
    for (i, (long, short, tone)) in lines.iter().enumerate() {
        let ly = r.bottom() - foot + 4.0 + (i as f64 + 0.5) * LABEL_H;
        labels.add(1, Wanted::new(&[long, short], vec![Spot::start(r.x, ly)], *tone));
    }
    let dots = Rect { x: r.x, y: r.y + LABEL_H + 6.0, w: r.w, h: r.h - LABEL_H - 6.0 - foot };
    if n > MAX_DOTS {
        labels.add(
            1,
            Wanted::new(
                &[&format!("{n} people: too many to draw")],
                vec![Spot::start(dots.x, dots.y + LABEL_H)],
                Tone::Muted,
            ),
        );
        return;
    }
    if dots.h < 8.0 || dots.w < 8.0 {
        return;
    }
    // A grid with room for every dot, as square as the box allows.
    let count = n.max(1) as f64;
    let mut pitch = libm::sqrt(dots.w * dots.h / count).min(26.0);
    let columns = loop {
        let columns = libm::floor(dots.w / pitch).max(1.0);
        if libm::ceil(count / columns) * pitch <= dots.h || pitch < 4.0 {
            break columns;
        }
        pitch *= 0.9;
    };
    let radius = (pitch * 0.36).clamp(1.5, 8.0);
    labels.avoid.push(dots);
    let ramped = scene.ramped.clamp(0.0, 1.0);
    for i in 0..n {
        let (col, row) = ((i as f64) % columns, libm::floor(i as f64 / columns));
        let cx = dots.x + (col + 0.5) * pitch;
        let cy = dots.y + (row + 0.5) * pitch;
        if i < old {
            circle(ctx, cx, cy, radius, &p.text, None);
        } else {
            circle(ctx, cx, cy, radius, &p.bg, Some(&p.accent));
            // Filled from the bottom as far as the person has ramped up.
            let h = 2.0 * radius * ramped;
            ctx.save();
            ctx.begin_path();
            ctx.rect(cx - radius, cy + radius - h, 2.0 * radius, h);
            ctx.clip();
            circle(ctx, cx, cy, radius, &p.accent, None);
            ctx.restore();
        }
    }
}
