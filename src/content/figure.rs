//! A ```figure block and the SVG files it names.
//!
//! A lesson places a diagram with
//!
//! ```text
//! src = hash-ring.svg
//! caption = Each key goes to the first server clockwise from it.
//! ```
//!
//! The SVG lives in `content/<course>/figures/`. The site inlines it at build time, so it
//! follows the page's theme (it colours itself only through the `fig-*` classes of the site's
//! style sheet, or `currentColor`), prints, and reads without JavaScript. [`lint_svg`] holds a
//! figure to those rules and to an accessible title and description.

/// A figure as a lesson places it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// File name inside `content/<course>/figures/`.
    pub src: String,
    /// One sentence shown under the figure.
    pub caption: String,
}

/// Reads a ```figure block: `src` and `caption`, each required, nothing else.
pub fn parse(text: &str) -> Result<Figure, String> {
    let (mut src, mut caption) = (None, None);
    for (n, line) in text.lines().map(str::trim).enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("figure line {}: expected `key = value`", n + 1));
        };
        let value = value.trim().to_string();
        match key.trim() {
            "src" => src = Some(value),
            "caption" => caption = Some(value),
            other => {
                return Err(format!("figure line {}: `{other}` is not a figure key (src, caption)", n + 1));
            }
        }
    }
    let src = src.ok_or("a figure needs `src = <name>.svg`")?;
    if !is_file_name(&src) {
        return Err(format!("figure `src = {src}`: give a file name in figures/, like `hash-ring.svg`"));
    }
    let caption = caption.filter(|c| !c.is_empty()).ok_or("a figure needs a `caption`")?;
    Ok(Figure { src, caption })
}

/// A plain `name.svg`: lower-case letters, digits and `-`, no folders.
fn is_file_name(src: &str) -> bool {
    src.strip_suffix(".svg").is_some_and(|stem| {
        !stem.is_empty() && stem.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    })
}

/// Words that may colour a shape besides the `fig-*` classes.
const PAINTS: [&str; 3] = ["none", "currentColor", "transparent"];

/// Every way `svg` breaks the figure rules, one message each; empty when it is fine.
///
/// The rules: an `<svg>` root with a `viewBox`; a `<title>` and a `<desc>` (the text
/// alternative); no script, event handler, external reference, `<foreignObject>`, `<style>`
/// or inline `style`; colours only from `fig-*` classes or [`PAINTS`], so both themes work.
pub fn lint_svg(svg: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lower = svg.to_ascii_lowercase();
    let root = lower.trim_start().trim_start_matches(|c| c != '<');
    if !root.starts_with("<svg") {
        problems.push("does not start with an <svg> element".to_string());
    }
    if !lower.contains("viewbox=") {
        problems.push("the <svg> has no viewBox, so it cannot scale to the page".to_string());
    }
    for (tag, why) in [("<title>", "a <title> (its name)"), ("<desc>", "a <desc> (its text alternative)")] {
        if !lower.contains(tag) {
            problems.push(format!("needs {why}"));
        }
    }
    for (needle, why) in [
        ("<script", "contains a script"),
        ("<foreignobject", "contains <foreignObject>"),
        ("<style", "contains a <style> element; colour with fig-* classes"),
        (" style=", "has an inline style; colour with fig-* classes"),
        ("javascript:", "contains a javascript: address"),
        ("<image", "embeds an image; draw it instead"),
    ] {
        if lower.contains(needle) {
            problems.push(why.to_string());
        }
    }
    for attribute in attributes(svg) {
        let (name, value) = (attribute.0.to_ascii_lowercase(), attribute.1);
        if name.starts_with("on") {
            problems.push(format!("has an event handler `{name}`"));
        } else if (name == "href" || name == "xlink:href") && !value.starts_with('#') {
            problems.push(format!("refers outside the figure (`{name}=\"{value}\"`)"));
        } else if matches!(name.as_str(), "fill" | "stroke" | "color" | "stop-color")
            && !PAINTS.contains(&value)
            && !value.starts_with("url(#")
        {
            problems.push(format!(
                "paints `{name}=\"{value}\"`; use a fig-* class or currentColor so both themes work"
            ));
        } else if name == "class" {
            for class in value.split_whitespace().filter(|c| !c.starts_with("fig-")) {
                problems.push(format!("uses class `{class}`; figure classes start with fig-"));
            }
        }
    }
    problems
}

/// Every `name="value"` attribute in the text, in order (a small scanner: SVG figures are
/// trusted files, so it only has to be right for well-formed ones).
fn attributes(svg: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = svg;
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq].rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let name = &rest[name_start..eq];
        let after = &rest[eq + 2..];
        let Some(end) = after.find('"') else { break };
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
            found.push((name, &after[..end]));
        }
        rest = &after[end + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
  <title>Two boxes</title><desc>A client box with an arrow to a server box.</desc>
  <rect class="fig-box" x="1" y="1" width="30" height="20"/>
  <path class="fig-line" d="M31 10 H60" fill="none" marker-end="url(#arrow)"/>
  <text class="fig-label" x="5" y="12">client</text>
</svg>"##;

    #[test]
    fn a_block_names_a_file_and_a_caption() {
        assert_eq!(
            parse("src = ring.svg\ncaption = The ring.\n"),
            Ok(Figure { src: "ring.svg".into(), caption: "The ring.".into() })
        );
        assert!(parse("caption = x").unwrap_err().contains("src"));
        assert!(parse("src = ring.svg").unwrap_err().contains("caption"));
        assert!(parse("src = ../x.svg\ncaption = c").unwrap_err().contains("file name"));
        assert!(parse("src = a.svg\ncaption = c\nwidth = 3").unwrap_err().contains("`width`"));
    }

    #[test]
    fn a_well_formed_figure_passes() {
        assert_eq!(lint_svg(GOOD), Vec::<String>::new());
    }

    #[test]
    fn each_rule_names_what_breaks_it() {
        let check = |svg: &str, expected: &str| {
            let problems = lint_svg(svg);
            assert!(problems.iter().any(|p| p.contains(expected)), "{expected:?} not in {problems:?}");
        };
        check(&GOOD.replace("<title>Two boxes</title>", ""), "<title>");
        check(&GOOD.replace("<desc>", "<x>").replace("</desc>", "</x>"), "<desc>");
        check(&GOOD.replace(" viewBox=\"0 0 100 50\"", ""), "viewBox");
        check(&GOOD.replace("<rect ", "<rect onclick=\"x()\" "), "event handler");
        check(&GOOD.replace("class=\"fig-box\"", "fill=\"#ff0000\""), "paints");
        check(&GOOD.replace("class=\"fig-box\"", "class=\"box\""), "fig-");
        check(
            &GOOD.replace("url(#arrow)", "url(https://x.org/a.svg#a)").replace("marker-end", "href"),
            "outside",
        );
        check(&GOOD.replace("</svg>", "<script>x()</script></svg>"), "script");
        check(&GOOD.replace("<rect ", "<rect style=\"fill:red\" "), "inline style");
    }
}
