//! The document around every page: the per-page head (title, description, canonical address,
//! Open Graph) and what the Trunk build contributes (the `<base href>`, the style sheet, the
//! preloads of the app's JavaScript and wasm, and its loader script).
//!
//! The Trunk build's `index.html` is read once as the template: its `<head>` content is kept
//! after the page's own tags, its `<body>` content (the loader) after the page.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Page;

/// The one inline script: applies the learner's chosen theme before the first paint, so a
/// dark page never flashes light. It reads the saved progress (`storage::KEY`) and never
/// throws. A strict Content Security Policy allows it by its hash.
pub const BOOTSTRAP: &str = r#"try{var t=JSON.parse(localStorage.getItem("headroom.progress")).theme;if(t=="light"||t=="dark")document.documentElement.dataset.theme=t}catch(e){}"#;

/// Where links to other sites send no address of the page they came from.
pub const REFERRER_POLICY: &str = "same-origin";

/// The Content Security Policy of every page, as a `<meta>` (GitHub Pages sends no headers):
/// nothing loads but the site's own files; the only inline scripts are `inline_scripts`,
/// allowed by their SHA-256 hashes; WebAssembly may compile (`'wasm-unsafe-eval'`, not
/// `'unsafe-eval'`). No inline style: Leptos sets styles through the CSSOM, which a policy
/// does not block, and figures carry classes only. Frames only from the site (the embed
/// builder's preview). `frame-ancestors` cannot be set by a
/// `<meta>`, so embeds load in any page's frames, as they must.
pub fn content_security_policy(inline_scripts: &[&str]) -> String {
    let hashes: String =
        inline_scripts.iter().map(|script| format!(" '{}'", sha256_source(script))).collect();
    format!(
        "default-src 'none'; script-src 'self'{hashes} 'wasm-unsafe-eval'; style-src 'self'; font-src 'self'; \
         connect-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'self'; form-action 'none'; object-src 'none'"
    )
}

/// `sha256-<base64>`, how a policy names an inline script or style by its exact text.
pub fn sha256_source(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
    )
}

/// The print style sheet, relative to the base (Trunk copies `assets/`).
pub const PRINT_CSS: &str = "assets/print.css";

#[derive(Debug)]
pub struct Shell {
    /// The site's absolute address, ending in `/` (`https://example.org/headroom/`).
    pub site_url: String,
    /// What the Trunk build put in `<head>` and `<body>`.
    head: String,
    scripts: String,
}

impl Shell {
    /// Reads the Trunk build's `index.html`. `site_url` is made to end in `/`.
    pub fn from_trunk(index_html: &str, site_url: &str) -> Result<Shell, String> {
        let inner = |open: &str, close: &str| -> Result<String, String> {
            let start = index_html.find(open).ok_or(format!("the Trunk build has no {open}"))?;
            let rest = &index_html[start..];
            let start = rest.find('>').ok_or(format!("{open} is not closed"))? + 1;
            let end = rest.find(close).ok_or(format!("the Trunk build has no {close}"))?;
            Ok(rest[start..end].trim().to_string())
        };
        let head = inner("<head", "</head>")?;
        if head.contains("<title") {
            return Err(
                "index.html already holds a page: it is the site's output, not a fresh Trunk build".into()
            );
        }
        if !head.contains("<base ") {
            return Err("the Trunk build's <head> has no <base href> (index.html needs <base data-trunk-public-url />)".into());
        }
        let mut site_url = site_url.trim().to_string();
        if !site_url.ends_with('/') {
            site_url.push('/');
        }
        Ok(Shell { site_url, head, scripts: inner("<body", "</body>")? })
    }

    /// A shell without Trunk's assets, for tests.
    pub fn bare(site_url: &str) -> Shell {
        Shell { site_url: site_url.into(), head: r#"<base href="/">"#.into(), scripts: String::new() }
    }

    /// The page's whole document.
    pub fn document(&self, page: &Page) -> String {
        let url = format!("{}{}", self.site_url, page.route.path());
        let title =
            if page.title == "Headroom" { page.title.clone() } else { format!("{} · Headroom", page.title) };
        let doc: Markup = html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta http-equiv="Content-Security-Policy" content=(content_security_policy(&[BOOTSTRAP]));
                    meta name="referrer" content=(REFERRER_POLICY);
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="color-scheme" content="light dark";
                    title { (title) }
                    meta name="description" content=(page.description);
                    @if page.route.indexed() {
                        link rel="canonical" href=(url);
                        meta property="og:type" content=(if matches!(page.route, super::Route::Lesson(..)) { "article" } else { "website" });
                        meta property="og:site_name" content="Headroom";
                        meta property="og:title" content=(page.title);
                        meta property="og:description" content=(page.description);
                        meta property="og:url" content=(url);
                        meta name="twitter:card" content="summary";
                    } @else {
                        meta name="robots" content="noindex";
                    }
                    script { (PreEscaped(BOOTSTRAP)) }
                    (PreEscaped(&self.head))
                    // After the base: the print layout (assets/print.css), never render-blocking.
                    link rel="stylesheet" media="print" href=(PRINT_CSS);
                }
                body {
                    (page.body)
                    (PreEscaped(&self.scripts))
                }
            }
        };
        doc.into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Route;

    const TRUNK: &str = r#"<!DOCTYPE html><html lang="en"><head>
<base href="/headroom/"><link rel="icon" href="/headroom/assets/favicon.svg">
<link rel="stylesheet" href="/headroom/style-1.css"></head>
<body><script type="module" src="/headroom/assets/boot.js"></script></body></html>"#;

    #[test]
    fn a_page_gets_its_head_and_keeps_the_build_assets() {
        let shell = Shell::from_trunk(TRUNK, "https://x.org/headroom").unwrap();
        let page = Page {
            title: "Caching".into(),
            description: "Why a <cache> helps.".into(),
            route: Route::Lesson("sd".into(), "caching".into()),
            body: html! { p { "Body." } },
            problems: Vec::new(),
        };
        let doc = shell.document(&page);
        for expected in [
            "<title>Caching · Headroom</title>",
            r#"<link rel="canonical" href="https://x.org/headroom/learn/sd/caching/">"#,
            r#"<meta property="og:title" content="Caching">"#,
            r#"<meta name="description" content="Why a &lt;cache&gt; helps.">"#,
            r#"<link rel="stylesheet" href="/headroom/style-1.css"><link rel="stylesheet" media="print" href="assets/print.css"></head>"#,
            r#"<p>Body.</p><script type="module" src="/headroom/assets/boot.js"></script></body>"#,
        ] {
            assert!(doc.contains(expected), "{expected} not in {doc}");
        }
        assert_eq!(doc.matches("<script>").count(), 1, "one inline script, the theme bootstrap");
        let embed = Page { route: Route::Embed(crate::scenario::Kind::Queue), ..page };
        let doc = shell.document(&embed);
        assert!(doc.contains(r#"<meta name="robots" content="noindex">"#) && !doc.contains("canonical"));
    }

    #[test]
    fn every_page_has_a_strict_policy_allowing_its_one_inline_script_by_hash() {
        let shell = Shell::from_trunk(TRUNK, "https://x.org/headroom").unwrap();
        let page = Page {
            title: "Caching".into(),
            description: "d".into(),
            route: Route::Lesson("sd".into(), "caching".into()),
            body: html! { p { "Body." } },
            problems: Vec::new(),
        };
        let doc = shell.document(&page);
        let csp_at = doc.find(r#"<meta http-equiv="Content-Security-Policy""#).expect("a policy");
        assert!(csp_at < doc.find("<script>").unwrap(), "the policy comes before the script it governs");
        // The known SHA-256 of "alert(1)", so the hash is the real one, not merely well formed.
        assert_eq!(sha256_source("alert(1)"), "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
        let policy = content_security_policy(&[BOOTSTRAP]);
        assert!(doc.contains(&format!(r#"content="{policy}""#)), "{policy} not in {doc}");
        for directive in [
            "default-src 'none'",
            &format!("script-src 'self' '{}' 'wasm-unsafe-eval'", sha256_source(BOOTSTRAP)),
            "style-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data:",
            "frame-src 'self'",
            "base-uri 'self'",
            "form-action 'none'",
            "object-src 'none'",
        ] {
            assert!(policy.contains(directive), "{directive} not in {policy}");
        }
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(doc.contains(r#"<meta name="referrer" content="same-origin">"#));
    }

    #[test]
    fn a_build_without_a_base_is_refused() {
        assert!(
            Shell::from_trunk("<html><head></head><body></body></html>", "/").unwrap_err().contains("base")
        );
    }
}
