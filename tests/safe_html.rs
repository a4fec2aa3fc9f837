//! Only safe HTML from markdown: the usual script-injection payloads, written as markdown and as
//! raw HTML, through the renderer (lesson bodies and quiz text), with every tag and attribute
//! of the output checked; and `check`, which names the line of each.

use headroom::content::markdown::{inline_html, render};
use headroom::content::{Block, safe_html};

/// Tags the renderer writes: the allowlist plus what markdown itself makes.
const OUTPUT_TAGS: &[&str] = &[
    "details",
    "summary",
    "sub",
    "sup",
    "kbd",
    "br",
    "p",
    "a",
    "img",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "section",
];
const OUTPUT_ATTRS: &[&str] = &["href", "src", "alt", "title", "id", "class", "open", "start", "style"];

/// Every tag in `html` as (name, [(attribute, value)]); the renderer quotes attribute values
/// with `"` and escapes them.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let rest_tag = rest.strip_prefix('/').unwrap_or(rest);
        let end = rest_tag.find('>').expect("an unclosed tag in the output");
        let inner = rest_tag[..end].trim_end_matches('/');
        let (name, mut attrs_text) = inner.split_once(' ').unwrap_or((inner, ""));
        let mut attrs = Vec::new();
        while let Some(eq) = attrs_text.find("=\"") {
            let key = attrs_text[..eq].trim().to_string();
            let value_end = attrs_text[eq + 2..].find('"').expect("an unclosed attribute value");
            attrs.push((key, attrs_text[eq + 2..eq + 2 + value_end].to_string()));
            attrs_text = &attrs_text[eq + 2 + value_end + 1..];
        }
        for word in attrs_text.split_whitespace() {
            attrs.push((word.to_string(), String::new()));
        }
        out.push((name.to_ascii_lowercase(), attrs));
        rest = &rest_tag[end..];
    }
    out
}

/// The checks every rendered payload must pass.
fn assert_safe(payload: &str, html: &str) {
    for (name, attrs) in tags(html) {
        assert!(OUTPUT_TAGS.contains(&name.as_str()), "{payload:?} → tag <{name}> in {html}");
        for (key, value) in attrs {
            assert!(OUTPUT_ATTRS.contains(&key.as_str()), "{payload:?} → attribute {key} in {html}");
            if key == "href" || key == "src" {
                let decoded = value.replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", "\"");
                let allowed = if key == "src" {
                    safe_html::allowed_image(&decoded)
                } else {
                    safe_html::allowed_url(&decoded)
                };
                assert!(allowed, "{payload:?} → {key}={value} in {html}");
            }
            if key == "style" {
                assert!(value.starts_with("text-align: "), "{payload:?} → style={value}");
            }
        }
    }
    // Belt and braces: none of these appears as markup (as text, escaped, they may).
    let lower = html.to_ascii_lowercase();
    for markup in
        ["<script", "<svg", "<iframe", "<object", "<embed", "<style", "<base", "<meta", "=\"javascript"]
    {
        assert!(!lower.contains(markup), "{payload:?} → {html}");
    }
}

fn html_of(body: &str) -> String {
    render(body, "sd", "here")
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Html(h) => Some(h),
            _ => None,
        })
        .collect()
}

/// Payloads, each on one line, and the words of text that must still show.
const PAYLOADS: &[(&str, &str)] = &[
    ("<script>alert(1)</script>", "alert(1)"),
    ("<img src=x onerror=alert(1)>", "onerror"),
    ("Inline <img src=x onerror=alert(1)> image.", "Inline"),
    ("<svg onload=alert(1)>", "svg"),
    ("<svg><script>alert(1)</script></svg>", "alert"),
    ("<a href=\"javascript:alert(1)\">click</a>", "click"),
    ("Raw <a href=\"javascript:alert(1)\">click</a> inline.", "click"),
    ("[click](javascript:alert(1))", "click"),
    ("[click](JaVaScRiPt:alert(1))", "click"),
    ("[click](&#106;avascript:alert(1))", "click"),
    ("[click](&#x6A;avascript&#x3A;alert(1))", "click"),
    ("[click](java&#x09;script:alert(1))", "click"),
    ("[click](<javascript:alert(1)>)", "click"),
    ("[click](%20javascript:alert(1))", "click"),
    ("<javascript:alert(1)>", "alert"),
    ("[click][r]\n\n[r]: javascript:alert(1)", "click"),
    ("![picture](javascript:alert(1))", "picture"),
    ("![picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "picture"),
    ("[click](data:text/html,<script>alert(1)</script>)", "click"),
    ("[click](vbscript:msgbox(1))", "click"),
    ("![tracker](https://evil.example/pixel.png)", "tracker"),
    ("[plain](http://example.org/)", "plain"),
    ("[elsewhere](//evil.example/x)", "elsewhere"),
    ("[elsewhere](/\\evil.example/x)", "elsewhere"),
    ("## Title {onclick=alert(1)}", "Title"),
    ("## Title {#anchor .note onmouseover=alert(1)}", "Title"),
    ("<details open ontoggle=alert(1)><summary>S</summary>x</details>", "ontoggle"),
    ("<details title=\">\" onclick=alert(1)>", "onclick"),
    ("<iframe src=\"https://evil.example\"></iframe>", "iframe"),
    ("<object data=x></object><embed src=x>", "object"),
    ("<style>body{display:none}</style>", "display"),
    ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "refresh"),
    ("<base href=\"https://evil.example/\">", "base"),
    ("<form action=x><button>go</button></form>", "go"),
    ("<!--><script>alert(1)</script>-->", ""),
    ("<scr<script>ipt>alert(1)</script>", "alert"),
    ("<img\nsrc=x\nonerror=alert(1)>", "onerror"),
    ("<a\thref=javascript:alert(1)>tab</a>", "tab"),
    ("<div onclick=\"alert(1)\">div</div>", "div"),
    ("<sup onclick=alert(1)>2</sup>", "onclick"),
    ("<br/><br onclick=x>", "onclick"),
    ("<img src=\"x\" alt=\"&quot; onerror=&quot;alert(1)\">", "onerror"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "alert"),
];

#[test]
fn payloads_render_as_safe_html_with_their_text_kept() {
    for (payload, text) in PAYLOADS {
        let html = html_of(payload);
        assert_safe(payload, &html);
        assert!(html.contains(text), "{payload:?}: the text {text:?} should still show in {html}");
        // The same payload in a quiz's prompt or choice.
        let first_line = payload.lines().next().unwrap_or_default();
        assert_safe(payload, &inline_html(first_line, "c", "l"));
    }
}

#[test]
fn check_reports_each_payload_with_its_line() {
    for (payload, _) in PAYLOADS {
        if payload.starts_with("&lt;") {
            continue;
        }
        let body = format!("# Lesson\n\nSome text.\n\n{payload}\n");
        let problems = safe_html::check(&body);
        assert!(!problems.is_empty(), "{payload:?}: not reported");
        assert!(problems.iter().all(|(line, _)| *line >= 5), "{payload:?}: {problems:?}");
        assert_eq!(problems[0].0, 5, "{payload:?}: {problems:?}");
    }
    // A quiz's text is checked too, on the line where it is written.
    let body = "Intro.\n\n```quiz\n? Which?\n- [x] [yes](javascript:alert(1))\n> Because.\n```\n";
    let problems = safe_html::check(body);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, 5);
}

#[test]
fn what_lessons_use_passes_untouched() {
    let body = "## Caching {#caching .wide}\n\n<details>\n<summary>Reference design</summary>\n\nA *cache* in front of [the store](caching#ttl), [docs](https://example.org/a:b), [mail](mailto:a@example.org) and <a@example.org>.\n\n| a | b |\n|:-:|--:|\n| W<sub>q</sub> | x<sup>2</sup><br>y |\n\n</details>\n\n<DETAILS OPEN><summary>Open</summary>Press <kbd>→</kbd>. &amp; &#8212; fine<!-- a note for authors --></details>\n\n![Ring](figures/ring.png \"ring\")[^1]\n\n[^1]: A note.\n";
    assert_eq!(safe_html::check(body), Vec::new());
    let html = html_of(body);
    assert_safe(body, &html);
    for kept in [
        "<h2 id=\"caching\" class=\"wide\">",
        "<details>\n<summary>Reference design</summary>",
        "href=\"learn/sd/caching/#ttl\"",
        "href=\"https://example.org/a:b\"",
        "href=\"mailto:a@example.org\"",
        "<a href=\"mailto:a@example.org\">a@example.org</a>",
        "W<sub>q</sub>",
        "x<sup>2</sup><br>y",
        "<details open><summary>Open</summary>Press <kbd>→</kbd>. &amp; &#8212; fine</details>",
        "<img src=\"figures/ring.png\" alt=\"Ring\" title=\"ring\" />",
    ] {
        assert!(html.contains(kept), "{kept:?} should be in {html}");
    }
    assert!(!html.contains("a note for authors"), "comments are dropped");
}

#[test]
fn tags_that_do_not_balance_are_reported() {
    let problems = safe_html::check("<details>\n<summary>A</summary>\n\ntext\n\n</summary>\n");
    let lines: Vec<usize> = problems.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [1, 6], "{problems:?}");
    assert!(problems[0].1.contains("`<details>` is never closed"));
    assert!(problems[1].1.contains("`</summary>` closes no open"));
}

#[test]
fn images_load_only_from_the_site() {
    for ok in ["figures/ring.png", "../x.png", "/headroom/a.svg"] {
        assert!(safe_html::allowed_image(ok), "{ok:?}");
    }
    for bad in [
        "https://x.org/a.png",
        "mailto:a@b.c",
        "//x.org/a.png",
        "data:image/png;base64,AAAA",
        "HTTPS://x.org/a.png",
    ] {
        assert!(!safe_html::allowed_image(bad), "{bad:?}");
    }
}

#[test]
fn urls_are_read_the_way_a_browser_reads_them() {
    for ok in [
        "",
        "caching",
        "../st/x#y",
        "#a:b",
        "?q=a:b",
        "a/b:c",
        "https://x.org",
        "HTTPS://x.org",
        "mailto:a@b.c",
        " https://x.org ",
    ] {
        assert!(safe_html::allowed_url(ok), "{ok:?}");
    }
    for bad in [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,x",
        "http://x.org",
        "ftp://x.org",
        "//x.org",
        "\\\\x.org",
        "/\\x.org",
        "file:///etc/passwd",
        "blob:https://x.org/1",
        "a:b",
    ] {
        assert!(!safe_html::allowed_url(bad), "{bad:?}");
    }
}
