//! Where the canvas's words go: a pure function from the canvas size, the boxes already drawn
//! and the labels wanted (each with shorter forms and a few places it may sit) to the boxes the
//! labels take. Every placed label lies inside the canvas and clear of every other label and of
//! the parts it was asked to avoid; a label that fits nowhere, even in its shortest form, is
//! left out rather than drawn over another. Text is measured by the caller (the canvas's
//! `measureText` in the browser, a fixed width per character in tests).

/// A box in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// Whether `other` lies wholly inside this box.
    #[cfg(test)]
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }
}

/// The height of a label's box: the 12 px font and a pixel above and below.
pub const LABEL_H: f64 = 14.0;
/// The gap kept between a label and the canvas's edge.
pub const EDGE: f64 = 2.0;

/// How a label's text reads: the colour it is drawn in, by role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Muted,
    Text,
    Good,
    Warm,
    Bad,
}

/// Where a label may sit: `x` is its left edge (`Start`) or its right edge (`End`), `y` its
/// vertical centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
    pub end: bool,
}

impl Spot {
    pub fn start(x: f64, y: f64) -> Spot {
        Spot { x, y, end: false }
    }

    pub fn end(x: f64, y: f64) -> Spot {
        Spot { x, y, end: true }
    }
}

/// One label wanted: its forms, longest first, and the spots it may take, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Wanted {
    pub texts: Vec<String>,
    pub spots: Vec<Spot>,
    pub tone: Tone,
    /// A box the label must stay inside (a count inside its queue), if any.
    pub within: Option<Rect>,
}

impl Wanted {
    pub fn new(texts: &[&str], spots: Vec<Spot>, tone: Tone) -> Wanted {
        Wanted { texts: texts.iter().map(|t| t.to_string()).collect(), spots, tone, within: None }
    }

    pub fn within(mut self, bounds: Rect) -> Wanted {
        self.within = Some(bounds);
        self
    }
}

/// A label as placed: the form chosen and the box it takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub text: String,
    pub rect: Rect,
    pub tone: Tone,
    /// Drawn on a plate of the background, so that a line or a dot passing under it does not
    /// blur it (a label inside a part's box, one of `avoid`, sits on the box's own fill).
    pub plate: bool,
}

/// Places `wanted` in order (earlier labels have first choice) on a `width` × `height` canvas,
/// clear of `avoid`. For each label, each spot is tried with each form, longest first (a spot
/// too near an edge is slid inside it first); the first box that is inside the canvas (and its `within`) and
/// clear of the labels placed so far and of `avoid` (bar the box it is within) wins. Labels
/// that fit nowhere are left out.
pub fn place(
    width: f64,
    height: f64,
    wanted: &[Wanted],
    avoid: &[Rect],
    measure: &dyn Fn(&str) -> f64,
) -> Vec<Placed> {
    let canvas = Rect { x: 0.0, y: 0.0, w: width, h: height };
    let mut placed: Vec<Placed> = Vec::with_capacity(wanted.len());
    for label in wanted {
        let bounds = label.within.unwrap_or(canvas);
        let found = label.spots.iter().find_map(|spot| {
            label.texts.iter().find_map(|text| {
                let w = measure(text).max(0.0).ceil() + 2.0;
                let rect = fit(*spot, w, bounds, canvas)?;
                let clear = !placed.iter().any(|p| p.rect.overlaps(&rect))
                    && !avoid.iter().filter(|a| Some(**a) != label.within).any(|a| a.overlaps(&rect));
                clear.then(|| Placed {
                    text: text.clone(),
                    rect,
                    tone: label.tone,
                    plate: label.within.is_none_or(|w| !avoid.contains(&w)),
                })
            })
        });
        placed.extend(found);
    }
    placed
}

/// The box of a `w`-wide label at `spot`, slid inside `bounds` and the canvas (less [`EDGE`]);
/// `None` if it cannot fit.
fn fit(spot: Spot, w: f64, bounds: Rect, canvas: Rect) -> Option<Rect> {
    let left = bounds.x.max(canvas.x + EDGE);
    let right = bounds.right().min(canvas.right() - EDGE);
    let top = bounds.y.max(canvas.y + EDGE);
    let bottom = bounds.bottom().min(canvas.bottom() - EDGE);
    if right - left < w || bottom - top < LABEL_H || !spot.x.is_finite() || !spot.y.is_finite() {
        return None;
    }
    let x = if spot.end { spot.x - w } else { spot.x };
    let x = x.clamp(left, right - w);
    let y = (spot.y - LABEL_H / 2.0).clamp(top, bottom - LABEL_H);
    Some(Rect { x, y, w, h: LABEL_H })
}

/// The noun for `n` of a thing: `one` for exactly one, `many` otherwise.
pub fn noun(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// A count short enough for a small label: `950`, `9.5k`, `12k`, `1.2M`.
pub fn compact(n: u64) -> String {
    let n = n as f64;
    let (value, suffix) = if n >= 1e6 {
        (n / 1e6, "M")
    } else if n >= 1e3 {
        (n / 1e3, "k")
    } else {
        return format!("{n:.0}");
    };
    if value < 10.0 {
        format!("{:.1}{suffix}", (value * 10.0).floor() / 10.0)
    } else {
        format!("{:.0}{suffix}", value.floor())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 7 px a character, like the 12 px system font on average.
    fn measure(text: &str) -> f64 {
        text.chars().count() as f64 * 7.0
    }

    fn check_all(placed: &[Placed], width: f64, height: f64) {
        let canvas = Rect { x: 0.0, y: 0.0, w: width, h: height };
        for (i, a) in placed.iter().enumerate() {
            assert!(canvas.contains(&a.rect), "{a:?} leaves the {width}x{height} canvas");
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn two_labels_wanted_at_one_spot_are_both_placed_apart() {
        // The bug: "+4 waiting" and "server 4" at the same point.
        let spot = vec![Spot::start(40.0, 30.0), Spot::start(40.0, 50.0)];
        let wanted = [
            Wanted::new(&["+4 waiting"], spot.clone(), Tone::Bad),
            Wanted::new(&["server 4"], spot, Tone::Muted),
        ];
        let placed = place(390.0, 200.0, &wanted, &[], &measure);
        assert_eq!(placed.len(), 2);
        check_all(&placed, 390.0, 200.0);
        assert_eq!(placed[1].rect.centre().1, 50.0);
    }

    #[test]
    fn a_label_at_the_right_edge_slides_inside_rather_than_being_clipped() {
        let wanted = [Wanted::new(&["463 evicted"], vec![Spot::start(370.0, 100.0)], Tone::Muted)];
        let placed = place(390.0, 200.0, &wanted, &[], &measure);
        assert_eq!(placed.len(), 1);
        check_all(&placed, 390.0, 200.0);
        assert!(placed[0].rect.right() <= 390.0 - EDGE);
    }

    #[test]
    fn a_label_too_long_for_its_box_takes_its_shorter_form() {
        let queue = Rect { x: 100.0, y: 40.0, w: 60.0, h: 18.0 };
        let wanted =
            [Wanted::new(&["1234 waiting", "1.2k"], vec![Spot::start(102.0, 49.0)], Tone::Bad).within(queue)];
        let placed = place(390.0, 200.0, &wanted, &[], &measure);
        assert_eq!(placed[0].text, "1.2k");
        assert!(queue.contains(&placed[0].rect));
    }

    #[test]
    fn a_label_that_fits_nowhere_is_left_out_and_parts_are_avoided() {
        let wall = Rect { x: 0.0, y: 0.0, w: 390.0, h: 100.0 };
        let wanted = [
            Wanted::new(&["database"], vec![Spot::start(10.0, 50.0)], Tone::Muted),
            Wanted::new(&["db"], vec![Spot::start(10.0, 50.0), Spot::start(10.0, 150.0)], Tone::Muted),
        ];
        let placed = place(390.0, 200.0, &wanted, &[wall], &measure);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].text, "db");
        assert!(!placed[0].rect.overlaps(&wall));
        // No room at all: nothing is drawn, nothing fails.
        assert!(place(10.0, 10.0, &wanted, &[], &measure).is_empty());
        assert!(place(f64::NAN, 10.0, &wanted, &[], &measure).is_empty());
    }

    #[test]
    fn a_name_inside_its_own_box_is_not_kept_out_of_it() {
        let cache = Rect { x: 200.0, y: 60.0, w: 60.0, h: 60.0 };
        let wanted = [
            Wanted::new(&["cache"], vec![Spot::start(203.0, 69.0)], Tone::Text).within(cache),
            Wanted::new(&["unhealthy"], vec![Spot::start(190.0, 80.0)], Tone::Warm),
        ];
        let placed = place(390.0, 200.0, &wanted, &[cache], &measure);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].text, "cache");
    }

    #[test]
    fn many_labels_on_a_narrow_canvas_never_overlap() {
        // Sixteen server rows, each with a name, a count and a status, on a phone-sized canvas.
        let (width, height) = (358.0, 440.0);
        let mut wanted = Vec::new();
        for i in 0..16 {
            let y = 10.0 + i as f64 * 26.0;
            wanted.push(Wanted::new(&["9999 waiting", "9.9k"], vec![Spot::start(120.0, y)], Tone::Bad));
            wanted.push(Wanted::new(
                &[&format!("server {}", i + 1), &format!("{}", i + 1)],
                vec![Spot::end(118.0, y), Spot::start(120.0, y - 12.0)],
                Tone::Muted,
            ));
            wanted.push(Wanted::new(&["unhealthy", "sick"], vec![Spot::start(330.0, y)], Tone::Warm));
        }
        let placed = place(width, height, &wanted, &[], &measure);
        check_all(&placed, width, height);
        assert!(placed.len() >= 40, "only {} of 48 placed", placed.len());
    }

    #[test]
    fn counts_are_compact() {
        assert_eq!(compact(950), "950");
        assert_eq!(compact(9_560), "9.5k");
        assert_eq!(compact(12_345), "12k");
        assert_eq!(compact(100_000), "100k");
        assert_eq!(compact(1_250_000), "1.2M");
    }
}
