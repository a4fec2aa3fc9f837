//! Colours for canvas drawing, read from the page's CSS custom properties so the canvas follows
//! the light and dark themes without a second copy of the palette.

use web_sys::Element;

#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub text: String,
    pub muted: String,
    pub line: String,
    pub surface: String,
    pub accent: String,
    pub good: String,
    pub bad: String,
    pub warm: String,
}

impl Palette {
    /// Reads `--text`, `--muted`, ... as they apply to `element`; a missing one falls back to
    /// a neutral grey so drawing never fails.
    pub fn of(element: &Element) -> Palette {
        let style = web_sys::window().and_then(|w| w.get_computed_style(element).ok().flatten());
        let get = |name: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "#888888".to_string())
        };
        Palette {
            text: get("--text"),
            muted: get("--muted"),
            line: get("--line"),
            surface: get("--surface-2"),
            accent: get("--accent"),
            good: get("--good"),
            bad: get("--bad"),
            warm: get("--warm"),
        }
    }
}

/// A request's colour by age: blue when fresh, through orange, to red at `old` seconds.
pub fn age_colour(age: f64, old: f64) -> String {
    let t = if old > 0.0 { (age / old).clamp(0.0, 1.0) } else { 0.0 };
    let hue = 205.0 * (1.0 - t);
    format!("hsl({hue:.0}, 75%, 50%)")
}
