//! Colours for canvas drawing, read from the page's CSS custom properties so the canvas follows
//! the light and dark themes without a second copy of the palette.

use leptos::prelude::*;
use leptos_use::{UseMutationObserverOptions, use_mutation_observer_with_options, use_preferred_dark};
use web_sys::Element;

use super::draw::colour::{self, Rgb};

/// How many stops the request age scale has (`--age-0` … `--age-4`).
const AGE_STOPS: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub text: String,
    pub muted: String,
    pub line: String,
    /// Outlines, paths and queue rails: at least 3:1 against `bg` in both themes.
    pub structure: String,
    /// What the canvas is drawn on.
    pub bg: String,
    pub surface: String,
    pub accent: String,
    pub good: String,
    pub bad: String,
    pub warm: String,
    /// The request age scale, fresh to old (the HTML legend draws the same stops).
    pub age: Vec<Rgb>,
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
            structure: get("--structure"),
            bg: get("--bg"),
            surface: get("--surface-2"),
            accent: get("--accent"),
            good: get("--good"),
            bad: get("--bad"),
            warm: get("--warm"),
            age: (0..AGE_STOPS).filter_map(|i| colour::parse(&get(&format!("--age-{i}")))).collect(),
        }
    }

    /// Whether the canvas is drawn on a dark background.
    pub fn dark(&self) -> bool {
        colour::parse(&self.bg).is_some_and(|bg| colour::luminance(bg) < 0.2)
    }

    /// A request's colour by age: along the age scale, from fresh to its far end at `old`
    /// seconds.
    pub fn age_colour(&self, age: f64, old: f64) -> String {
        let t = if old > 0.0 { (age / old).clamp(0.0, 1.0) } else { 0.0 };
        colour::hex(colour::along(&self.age, t))
    }
}

/// A signal that changes whenever the page's colours may have: the root element's
/// `data-theme` (the theme toggle, an embed's `theme=`) or the system's light/dark preference.
/// A canvas that tracks it repaints in the new colours, playing or paused.
pub fn theme_changes() -> Signal<u32> {
    let changes = RwSignal::new(0u32);
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    use_mutation_observer_with_options::<_, Option<Element>, _>(
        root,
        move |_, _| changes.update(|n| *n = n.wrapping_add(1)),
        UseMutationObserverOptions::default()
            .attributes(true)
            .attribute_filter(vec!["data-theme".to_string()]),
    );
    let dark = use_preferred_dark();
    Signal::derive(move || {
        dark.track();
        changes.get()
    })
}
