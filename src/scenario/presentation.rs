//! Keys of an embed address that shape how the widget is shown rather than what it simulates:
//! `layout=compact|full` and `scale=` (the size of its text, for the back of a room). Read like
//! the scenario's keys: a bad value is corrected and named, never refused.

use super::Problem;

/// How a widget arranges itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Compact unless the frame is tall enough for everything.
    #[default]
    Auto,
    /// The drawing, playback, the chosen controls and the kind's key readouts; the rest (every
    /// figure, charts, theory, sweeps) one click away.
    Compact,
    /// Everything at once, stacked.
    Full,
}

impl Layout {
    /// `layout=` as written in an address; anything else is `Auto`, with a problem.
    pub fn parse(value: &str) -> (Layout, Option<Problem>) {
        match value.trim().to_ascii_lowercase().as_str() {
            "compact" => (Layout::Compact, None),
            "full" => (Layout::Full, None),
            "auto" | "" => (Layout::Auto, None),
            _ => (
                Layout::Auto,
                Some(Problem::new("layout", format!("is {value:?}; use compact, full or auto (used auto)"))),
            ),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Layout::Auto => "auto",
            Layout::Compact => "compact",
            Layout::Full => "full",
        }
    }
}

/// Smallest and largest text scale an embed accepts (1 is the page's own size).
pub const SCALE_MIN: f64 = 0.75;
pub const SCALE_MAX: f64 = 2.0;

/// `scale=` as written: a factor for the widget's text, clamped to [`SCALE_MIN`, `SCALE_MAX`].
pub fn parse_scale(value: &str) -> (f64, Option<Problem>) {
    match value.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && (SCALE_MIN..=SCALE_MAX).contains(&s) => (s, None),
        Ok(s) if s.is_finite() => {
            let used = s.clamp(SCALE_MIN, SCALE_MAX);
            let bound = if s < SCALE_MIN { "below the minimum" } else { "above the maximum" };
            (used, Some(Problem::new("scale", format!("is {bound} {used}; used {used}"))))
        }
        _ => (1.0, Some(Problem::new("scale", format!("is {value:?}, not a number such as 1.5; used 1")))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_reads_its_three_names_and_names_anything_else() {
        assert_eq!(Layout::parse("compact"), (Layout::Compact, None));
        assert_eq!(Layout::parse("Full"), (Layout::Full, None));
        assert_eq!(Layout::parse("auto"), (Layout::Auto, None));
        let (layout, problem) = Layout::parse("tiny");
        assert_eq!(layout, Layout::Auto);
        let problem = problem.expect("a problem for an unknown layout");
        assert_eq!(problem.key, "layout");
        assert!(problem.message.contains("compact, full"), "{}", problem.message);
    }

    #[test]
    fn scale_is_clamped_and_bad_values_fall_back_to_one() {
        assert_eq!(parse_scale("1.5"), (1.5, None));
        let (low, p) = parse_scale("0.1");
        assert_eq!(low, SCALE_MIN);
        assert!(p.is_some_and(|p| p.key == "scale" && p.message.contains("minimum")));
        let (high, p) = parse_scale("40");
        assert_eq!(high, SCALE_MAX);
        assert!(p.is_some_and(|p| p.message.contains("maximum")));
        for bad in ["big", "NaN", "inf", ""] {
            let (s, p) = parse_scale(bad);
            assert_eq!(s, 1.0, "{bad}");
            assert!(p.is_some(), "{bad}");
        }
    }
}
