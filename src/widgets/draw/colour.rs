//! Colour arithmetic for the drawing, pure: reading CSS colours, WCAG contrast, and the request
//! age scale (a run of stops from the page's CSS, blended in between).

/// An sRGB colour, 0–255 a channel.
pub type Rgb = (u8, u8, u8);

/// Reads a CSS colour written `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(r g b / a)`; `None`
/// for anything else.
pub fn parse(css: &str) -> Option<Rgb> {
    let css = css.trim();
    if let Some(hex) = css.strip_prefix('#') {
        let digits: Vec<u8> = hex.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
        return match digits.as_slice() {
            [r, g, b] => Some((r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some((r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        };
    }
    let inner = css.strip_prefix("rgba(").or_else(|| css.strip_prefix("rgb("))?.strip_suffix(')')?;
    let channels: Vec<u8> = inner
        .split([',', ' ', '/'])
        .filter_map(|c| c.trim().parse::<f64>().ok())
        .take(3)
        .map(|v| v.clamp(0.0, 255.0).round() as u8)
        .collect();
    match channels.as_slice() {
        [r, g, b] => Some((*r, *g, *b)),
        _ => None,
    }
}

/// `#rrggbb`.
pub fn hex((r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG relative luminance, 0 (black) to 1 (white).
pub fn luminance((r, g, b): Rgb) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio between two colours, 1 to 21 (the browser tests compute the same).
#[cfg(test)]
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The colour at `t` (0 to 1) along `stops`, blended linearly between neighbours; grey when
/// there are none.
pub fn along(stops: &[Rgb], t: f64) -> Rgb {
    match stops {
        [] => (136, 136, 136),
        [only] => *only,
        _ => {
            let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
            let at = t * (stops.len() - 1) as f64;
            let i = (at.floor() as usize).min(stops.len() - 2);
            let f = at - i as f64;
            let (a, b) = (stops[i], stops[i + 1]);
            let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
            (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!(parse("#1f5d95"), Some((0x1f, 0x5d, 0x95)));
        assert_eq!(parse(" #fff "), Some((255, 255, 255)));
        assert_eq!(parse("rgb(10, 20, 30)"), Some((10, 20, 30)));
        assert_eq!(parse("rgba(10 20 30 / 50%)"), Some((10, 20, 30)));
        assert_eq!(parse("hsl(1, 2%, 3%)"), None);
        assert_eq!(parse("#12"), None);
        assert_eq!(parse("#zzz"), None);
        assert_eq!(hex((1, 171, 255)), "#01abff");
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast((118, 118, 118), (255, 255, 255)) - 4.54).abs() < 0.01);
        // The figure: the old outline colour against the light background.
        let line = parse("#dcd7cc").unwrap_or_default();
        let bg = parse("#fbfaf7").unwrap_or_default();
        assert!((contrast(line, bg) - 1.37).abs() < 0.01);
    }

    #[test]
    fn the_scale_runs_through_its_stops() {
        let stops = [(0, 0, 0), (100, 200, 50), (200, 0, 250)];
        assert_eq!(along(&stops, 0.0), (0, 0, 0));
        assert_eq!(along(&stops, 0.5), (100, 200, 50));
        assert_eq!(along(&stops, 1.0), (200, 0, 250));
        assert_eq!(along(&stops, 0.25), (50, 100, 25));
        assert_eq!(along(&stops, 7.0), (200, 0, 250));
        assert_eq!(along(&stops, f64::NAN), (0, 0, 0));
        assert_eq!(along(&[], 0.3), (136, 136, 136));
    }
}
