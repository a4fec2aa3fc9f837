//! Only safe HTML from lesson markdown: an allowlist applied to pulldown-cmark's events before
//! they are rendered, and [`check`], which reports each thing the filter changes with its line
//! so the content lint can fail on it.
//!
//! The rules (docs/authoring.md, "Raw HTML"):
//! - Raw HTML may use only the tags in [`ALLOWED_TAGS`], with no attributes but `open` on
//!   `details`. Any other tag, or an allowed tag with any other attribute, is escaped and so
//!   shows as text; comments are dropped. The filter writes every tag it keeps itself, so
//!   nothing else of the raw HTML reaches the page.
//! - Heading attributes (`{#id .class key=value}`) keep the id and classes only.
//! - A link goes to a relative address, `https:` or `mailto:`; any other (`javascript:`,
//!   `data:`, `http:`, `//host/`) loses its link, and its text stays. An image loads from a
//!   relative address only (the site makes no request to another origin); any other is dropped
//!   and its text stays.

use std::collections::VecDeque;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

mod tags;
use tags::{RawTag, escape_text, parse_tag};

/// The tags raw HTML in a lesson may use. `details` and `summary` fold away a reference
/// answer; `sub` and `sup` write formulas (W<sub>q</sub>); `kbd` names a key; `br` breaks a
/// line inside a table cell. None of them can run script or load anything without attributes.
pub const ALLOWED_TAGS: &[&str] = &["details", "summary", "sub", "sup", "kbd", "br"];
/// Tags with no closing tag.
const VOID_TAGS: &[&str] = &["br"];
/// The URL schemes a link may use (besides a relative address).
pub const ALLOWED_SCHEMES: &[&str] = &["https", "mailto"];

/// Filters parser events: see the module documentation for the rules.
pub fn filter<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    Filter { inner: events, sanitizer: Sanitizer::default(), queue: VecDeque::new() }
}

struct Filter<'a, I> {
    inner: I,
    sanitizer: Sanitizer,
    queue: VecDeque<Event<'a>>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Filter<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some(event);
            }
            let event = self.inner.next()?;
            self.sanitizer.event(event, &mut self.queue, &mut |_, _| {});
        }
    }
}

/// Every place in a lesson body that the filter changes, and every allowed tag left unclosed
/// or closed without being opened: `(line, problem)`, lines from 1, in order. The text of
/// ```quiz and ```predict blocks (markdown too) is checked line by line.
pub fn check(body: &str) -> Vec<(usize, String)> {
    let line_of = |offset: usize| body[..offset.min(body.len())].matches('\n').count() + 1;
    let mut problems = Vec::new();
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut sanitizer = Sanitizer::default();
    let mut sink = VecDeque::new();
    // A raw HTML block arrives a line at a time and is sanitized whole at its end: where each
    // line starts in the block and in the body maps the block's offsets back to the body.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut block_len = 0;
    let mut quiz_line: Option<usize> = None;
    for (event, range) in Parser::new_ext(body, super::markdown::options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                quiz_line = matches!(info.as_ref(), "quiz" | "predict").then(|| line_of(range.start) + 1);
            }
            Event::End(TagEnd::CodeBlock) => quiz_line = None,
            Event::Text(text) => {
                if let Some(first) = quiz_line {
                    for (n, line) in text.lines().enumerate() {
                        problems
                            .extend(check_inline(quiz_line_text(line)).into_iter().map(|p| (first + n, p)));
                    }
                    quiz_line = Some(first + text.lines().count());
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                pieces.clear();
                block_len = 0;
            }
            Event::Html(text) => {
                pieces.push((block_len, range.start));
                block_len += text.len();
            }
            _ => {}
        }
        let in_block = matches!(event, Event::End(TagEnd::HtmlBlock));
        let locate = |offset: usize| match pieces.iter().rev().find(|(at, _)| *at <= offset) {
            Some((at, source)) if in_block => source + (offset - at),
            _ => range.start + offset,
        };
        sanitizer.event(event, &mut sink, &mut |offset, note| match note {
            Note::Problem(problem) => problems.push((line_of(locate(offset)), problem)),
            Note::Kept { name, closing: false } => open.push((name, line_of(locate(offset)))),
            Note::Kept { name, closing: true } => {
                if open.last().is_some_and(|(last, _)| *last == name) {
                    open.pop();
                } else {
                    problems
                        .push((line_of(locate(offset)), format!("`</{name}>` closes no open `<{name}>`")));
                }
            }
        });
        sink.clear();
    }
    problems.extend(open.into_iter().map(|(name, line)| (line, format!("`<{name}>` is never closed"))));
    problems.sort_by_key(|(line, _)| *line);
    problems
}

/// A quiz line without its marker (`? `, `- [x] `, `> `), as the quiz renders it.
fn quiz_line_text(line: &str) -> &str {
    let line = line.trim();
    for marker in ["? ", "- [ ] ", "- [x] ", "- [X] ", "> ", "="] {
        if let Some(rest) = line.strip_prefix(marker) {
            return rest;
        }
    }
    line
}

/// The problems in one line of inline markdown (tags need not balance within a line).
fn check_inline(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut sanitizer = Sanitizer::default();
    let mut sink = VecDeque::new();
    for event in Parser::new_ext(text, super::markdown::options()) {
        sanitizer.event(event, &mut sink, &mut |_, note| {
            if let Note::Problem(problem) = note {
                problems.push(problem);
            }
        });
    }
    problems
}

/// What the sanitizer tells [`check`]: a change it made, or a tag it kept (for balance).
enum Note {
    Problem(String),
    Kept { name: String, closing: bool },
}

/// The filter's state: the raw HTML block being read, and whether each open link and image
/// was kept.
#[derive(Default)]
struct Sanitizer {
    block: Option<String>,
    links: Vec<bool>,
    images: Vec<bool>,
}

impl Sanitizer {
    /// Takes one event, puts what may be rendered in `out`, and reports each change as
    /// `(offset in the event's text, problem)`.
    fn event<'a>(
        &mut self,
        event: Event<'a>,
        out: &mut VecDeque<Event<'a>>,
        report: &mut dyn FnMut(usize, Note),
    ) {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                self.block = Some(String::new());
                out.push_back(Event::Start(Tag::HtmlBlock));
            }
            Event::Html(text) if self.block.is_some() => {
                if let Some(block) = &mut self.block {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                let raw = self.block.take().unwrap_or_default();
                let safe = self.html(&raw, report);
                out.push_back(Event::Html(safe.into()));
                out.push_back(Event::End(TagEnd::HtmlBlock));
            }
            Event::Html(text) => out.push_back(Event::Html(self.html(&text, report).into())),
            Event::InlineHtml(text) => out.push_back(Event::InlineHtml(self.html(&text, report).into())),
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                for (key, _) in &attrs {
                    let problem = format!(
                        "heading attribute `{key}` is dropped: a heading keeps only an id and classes"
                    );
                    report(0, Note::Problem(problem));
                }
                out.push_back(Event::Start(Tag::Heading { level, id, classes, attrs: Vec::new() }));
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let keep = allowed_url(&dest_url);
                if !keep {
                    let problem =
                        format!("link to `{}` is dropped (its text stays): {RULE}", shorten(&dest_url));
                    report(0, Note::Problem(problem));
                }
                self.links.push(keep);
                if keep {
                    out.push_back(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
            }
            Event::End(TagEnd::Link) => {
                if self.links.pop().unwrap_or(true) {
                    out.push_back(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let keep = allowed_image(&dest_url);
                if !keep {
                    let problem = format!(
                        "image `{}` is dropped (its text stays): an image must be relative",
                        shorten(&dest_url)
                    );
                    report(0, Note::Problem(problem));
                }
                self.images.push(keep);
                if keep {
                    out.push_back(Event::Start(Tag::Image { link_type, dest_url, title, id }));
                }
            }
            Event::End(TagEnd::Image) => {
                if self.images.pop().unwrap_or(true) {
                    out.push_back(Event::End(TagEnd::Image));
                }
            }
            other => out.push_back(other),
        }
    }

    /// Raw HTML → the same with every tag not allowed escaped, comments dropped, and every tag
    /// kept written out by the filter itself.
    fn html(&mut self, raw: &str, report: &mut dyn FnMut(usize, Note)) -> String {
        let mut out = String::with_capacity(raw.len());
        let mut pos = 0;
        while let Some(found) = raw[pos..].find('<') {
            let at = pos + found;
            escape_text(&raw[pos..at], &mut out);
            let rest = &raw[at..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                match comment.find("-->") {
                    Some(end) => {
                        // Dropped either way; but a browser would end this one early, so the
                        // rest of it was never a comment to a reader of the HTML.
                        let text = &comment[..end];
                        if text.starts_with('>')
                            || text.starts_with("->")
                            || text.contains("--!>")
                            || text.contains("<!--")
                        {
                            report(
                                at,
                                Note::Problem(
                                    "a comment that browsers end early is dropped: write it plainly".into(),
                                ),
                            );
                        }
                        pos = at + 4 + end + 3;
                        continue;
                    }
                    None => report(at, Note::Problem("a comment is never closed: it shows as text".into())),
                }
            } else if let Some(tag) = parse_tag(rest) {
                let source = &rest[..tag.len];
                match self.keep(&tag) {
                    Ok(kept) => {
                        let name = tag.name.to_ascii_lowercase();
                        if !VOID_TAGS.contains(&name.as_str()) {
                            report(at, Note::Kept { name, closing: tag.closing });
                        }
                        out.push_str(&kept);
                    }
                    Err(why) => {
                        report(at, Note::Problem(format!("`{}` shows as text: {why}", shorten(source))));
                        escape_text(source, &mut out);
                    }
                }
                pos = at + tag.len;
                continue;
            } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
            {
                let shown: String = rest.chars().take(20).collect();
                let problem =
                    format!("`{}…` is not a tag the filter can read: it shows as text", shorten(&shown));
                report(at, Note::Problem(problem));
            }
            out.push_str("&lt;");
            pos = at + 1;
        }
        escape_text(&raw[pos..], &mut out);
        out
    }

    /// The tag as the filter writes it, or why it is not kept.
    fn keep(&self, tag: &RawTag) -> Result<String, String> {
        let name = tag.name.to_ascii_lowercase();
        if !ALLOWED_TAGS.contains(&name.as_str()) {
            return Err(format!("`{name}` is not an allowed tag ({})", ALLOWED_TAGS.join(", ")));
        }
        if tag.closing {
            return if VOID_TAGS.contains(&name.as_str()) {
                Err(format!("`{name}` has no closing tag"))
            } else {
                Ok(format!("</{name}>"))
            };
        }
        let mut open = false;
        for attr in &tag.attrs {
            match (name.as_str(), attr.to_ascii_lowercase().as_str()) {
                ("details", "open") => open = true,
                _ => return Err(format!("attribute `{attr}` is not allowed (only `open` on `details`)")),
            }
        }
        Ok(if open { format!("<{name} open>") } else { format!("<{name}>") })
    }
}

const RULE: &str = "a link may be relative, https: or mailto:";

/// Whether a link may go to `dest`: a relative address, `https:` or `mailto:`.
pub fn allowed_url(dest: &str) -> bool {
    match scheme(dest) {
        Scheme::Relative => true,
        Scheme::Named(name) => ALLOWED_SCHEMES.iter().any(|s| name.eq_ignore_ascii_case(s)),
        Scheme::OtherHost => false,
    }
}

/// Whether an image may load from `dest`: a relative address only, so a lesson never makes the
/// page fetch from another site.
pub fn allowed_image(dest: &str) -> bool {
    matches!(scheme(dest), Scheme::Relative)
}

enum Scheme {
    Relative,
    Named(String),
    /// `//host/...`: another site, over the page's own scheme.
    OtherHost,
}

/// A destination's scheme, read the way a browser reads it: tabs and newlines removed, leading
/// and trailing spaces and controls ignored, `\` as `/`.
fn scheme(dest: &str) -> Scheme {
    let cleaned: String = dest.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ').replace('\\', "/");
    if cleaned.starts_with("//") {
        return Scheme::OtherHost;
    }
    match cleaned.find(':') {
        Some(colon) if !cleaned[..colon].contains(['/', '?', '#']) => {
            Scheme::Named(cleaned[..colon].to_string())
        }
        _ => Scheme::Relative,
    }
}

fn shorten(text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    match clean.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean,
    }
}
