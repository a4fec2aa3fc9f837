//! A figure's SVG made ready to inline in a page: the prolog dropped, every `id` prefixed so
//! two figures on one page cannot collide (and references to them rewritten), and the root
//! given `role="img"` with `aria-labelledby` its `<title>` and `<desc>`.
//!
//! Figures are the project's own files, held to `content::figure::lint_svg`, so a scanner over
//! well-formed markup is enough here.

/// `svg` ready to inline; `prefix` is unique on the page (`fig1`, `fig2`, ...).
pub fn inline(svg: &str, prefix: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let mut text = prefix_ids(&svg[start..], prefix);
    let mut labels = Vec::new();
    for tag in ["title", "desc"] {
        let open = format!("<{tag}");
        let Some(at) = text.find(&open) else { continue };
        let end = at + text[at..].find('>').unwrap_or(open.len());
        match attribute(&text[at..end], "id") {
            Some(id) => labels.push(id.to_string()),
            None => {
                let id = format!("{prefix}-{tag}");
                text.insert_str(at + open.len(), &format!(" id=\"{id}\""));
                labels.push(id);
            }
        }
    }
    let root = text[..text.find('>').unwrap_or(0)].to_string();
    let mut extra = String::new();
    if attribute(&root, "role").is_none() {
        extra.push_str(" role=\"img\"");
    }
    if !labels.is_empty() && attribute(&root, "aria-labelledby").is_none() {
        extra.push_str(&format!(" aria-labelledby=\"{}\"", labels.join(" ")));
    }
    text.insert_str("<svg".len(), &extra);
    text.trim_end().to_string()
}

/// Every `id="x"` becomes `id="prefix-x"`, and `url(#x)` / `href="#x"` follow.
fn prefix_ids(svg: &str, prefix: &str) -> String {
    svg.replace(" id=\"", &format!(" id=\"{prefix}-"))
        .replace("url(#", &format!("url(#{prefix}-"))
        .replace("href=\"#", &format!("href=\"#{prefix}-"))
}

/// The value of `name="..."` inside one tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let at = tag.find(&needle)? + needle.len();
    tag[at..].split('"').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
  <title>Two boxes</title><desc>A client and a server.</desc>
  <defs><marker id="arrow"><path class="fig-arrow" d="M0 0"/></marker></defs>
  <path class="fig-line" d="M31 10 H60" marker-end="url(#arrow)"/><use href="#arrow"/>
</svg>
"##;

    #[test]
    fn ids_are_unique_per_figure_and_label_the_image() {
        let a = inline(SVG, "fig1");
        assert!(a.starts_with(r#"<svg role="img" aria-labelledby="fig1-title fig1-desc" xmlns"#), "{a}");
        for expected in [
            r#"<title id="fig1-title">Two boxes</title>"#,
            r#"<desc id="fig1-desc">"#,
            r#"<marker id="fig1-arrow">"#,
            "url(#fig1-arrow)",
            "href=\"#fig1-arrow\"",
        ] {
            assert!(a.contains(expected), "{expected} not in {a}");
        }
        let b = inline(SVG, "fig2");
        assert!(b.contains(r#"<marker id="fig2-arrow">"#) && !b.contains("fig1"));
    }

    #[test]
    fn a_title_with_its_own_id_keeps_it() {
        let svg = SVG.replace("<title>", "<title id=\"t\">");
        assert!(inline(&svg, "fig1").contains(r#"aria-labelledby="fig1-t fig1-desc""#));
    }
}
