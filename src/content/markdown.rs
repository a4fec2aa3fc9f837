//! Markdown → page blocks. This module owns the parser's options: every caller (the page, the
//! lint, the word count) reads lessons the same way.
//!
//! Stages: pulldown-cmark events → headings get stable ids (and are collected for the table of
//! contents) → fenced ```sim, ```quiz, ```predict and ```figure blocks are cut out as their own
//! blocks → everything between them is rendered to HTML.

use std::collections::HashSet;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};

use super::{figure, figure::Figure, links, quiz, quiz::Quiz, setup, setup::Setup, sim_block::SimBlock};

/// One piece of a lesson page, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Html(String),
    Sim(SimBlock),
    /// A quiz, or why its block did not parse (shown in place; the lint keeps this from shipping).
    Quiz(Result<Quiz, String>),
    /// A ```predict block: one graded question asked before the text or run that answers it.
    Predict(Result<Quiz, String>),
    /// A ```figure block: an SVG from the course's `figures/` folder, inlined by the site.
    Figure(Result<Figure, String>),
}

/// A `##` or `###` heading, for the table of contents.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub blocks: Vec<Block>,
    pub headings: Vec<Heading>,
    /// The page's "Set up" lines ([`setup`]), in order, each already a link in the blocks.
    pub setups: Vec<Setup>,
    /// What is wrong with them (for the lint; each is also shown in place).
    pub problems: Vec<String>,
}

/// The parser's options, in one place.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders the body (front matter already removed) of lesson `course/lesson`. Links to other
/// lessons and headings become site addresses ([`links`]).
pub fn render(body: &str, course: &str, lesson: &str) -> Rendered {
    let mut rendered = Rendered::default();
    let mut ids = HashSet::new();
    let mut pending: Vec<Event> = Vec::new();
    let mut events = super::safe_html::filter(Parser::new_ext(body, options()));
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if matches!(info.as_ref(), "sim" | "quiz" | "predict" | "figure") =>
            {
                let text = code_text(&mut events);
                flush_html(&mut pending, &mut rendered.blocks);
                rendered.blocks.push(match info.as_ref() {
                    "sim" => Block::Sim(SimBlock::parse(&text)),
                    "predict" => Block::Predict(quiz::parse_prediction(&text)),
                    "figure" => Block::Figure(figure::parse(&text)),
                    _ => Block::Quiz(quiz::parse(&text)),
                });
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                let inner: Vec<Event> =
                    events.by_ref().take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_)))).collect();
                let text = plain_text(&inner);
                let id = match id {
                    Some(id) => id.to_string(),
                    None => unique(slugify(&text), &mut ids),
                };
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    rendered.headings.push(Heading { level: level as u8, id: id.clone(), text });
                }
                pending.push(Event::Start(Tag::Heading { level, id: Some(id.into()), classes, attrs }));
                pending.extend(inner);
                pending.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Paragraph) => {
                let inner: Vec<Event> =
                    events.by_ref().take_while(|e| !matches!(e, Event::End(TagEnd::Paragraph))).collect();
                match setup_line(&inner) {
                    Some(Ok(found)) => {
                        pending.push(Event::Html(setup::marker(rendered.setups.len()).into()));
                        rendered.setups.push(found);
                    }
                    Some(Err(why)) => {
                        pending.push(Event::Html(
                            format!("<p class=\"load-error\">{}</p>", escape_text(&why)).into(),
                        ));
                        rendered.problems.push(why);
                    }
                    None => {
                        pending.push(Event::Start(Tag::Paragraph));
                        pending.extend(inner.into_iter().map(|e| resolve_link(e, course, lesson)));
                        pending.push(Event::End(TagEnd::Paragraph));
                    }
                }
            }
            other => pending.push(resolve_link(other, course, lesson)),
        }
    }
    flush_html(&mut pending, &mut rendered.blocks);
    place_setups(&mut rendered);
    rendered
}

/// A paragraph of plain text that starts with `setup:`, read as a [`Setup`].
fn setup_line(inner: &[Event]) -> Option<Result<Setup, String>> {
    let mut text = String::new();
    for event in inner {
        match event {
            Event::Text(t) => text.push_str(t),
            Event::SoftBreak => text.push(' '),
            _ => return None,
        }
    }
    Setup::parse(&text)
}

/// Replaces each setup's marker with its link to the lesson's (first) widget, and checks it
/// against that widget's kind.
fn place_setups(rendered: &mut Rendered) {
    if rendered.setups.is_empty() {
        return;
    }
    let sim = rendered.blocks.iter().find_map(|b| match b {
        Block::Sim(sim) => Some(sim.clone()),
        _ => None,
    });
    let mut buttons = Vec::new();
    for found in &rendered.setups {
        let (html, problems) = match &sim {
            Some(sim) => {
                let problems = found.problems(sim);
                let html = if problems.is_empty() {
                    setup::button_html(found, sim)
                } else {
                    format!("<p class=\"load-error\">{}</p>", escape_text(&problems.join("; ")))
                };
                (html, problems)
            }
            None => {
                let why = format!(
                    "setup: `{}` has no widget to set up (the page has no ```sim block)",
                    found.label()
                );
                (format!("<p class=\"load-error\">{}</p>", escape_text(&why)), vec![why])
            }
        };
        rendered.problems.extend(problems);
        buttons.push(html);
    }
    for block in &mut rendered.blocks {
        if let Block::Html(html) = block {
            for (index, button) in buttons.iter().enumerate() {
                let marker = setup::marker(index);
                if html.contains(&marker) {
                    *html = html.replace(&marker, button);
                }
            }
        }
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A link to another lesson or heading becomes its site address ([`links`]); any other event
/// passes through, and so does an e-mail autolink (`<a@example.org>`), whose destination is an
/// address rather than a path.
fn resolve_link<'a>(event: Event<'a>, course: &str, lesson: &str) -> Event<'a> {
    match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) if link_type != LinkType::Email => {
            let dest_url = match links::resolve(course, lesson, &dest_url) {
                Some(target) => target.href().into(),
                None => dest_url,
            };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        other => other,
    }
}

/// Renders one line of inline markdown (a quiz prompt, a choice) of lesson `course/lesson`
/// without a wrapping `<p>`; its links resolve as the lesson's prose does.
pub fn inline_html(text: &str, course: &str, lesson: &str) -> String {
    let mut out = String::new();
    let events = super::safe_html::filter(Parser::new_ext(text, options()))
        .map(|event| resolve_link(event, course, lesson));
    html::push_html(&mut out, events);
    let trimmed = out.trim();
    trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")).unwrap_or(trimmed).to_string()
}

/// Every link destination in a body, in order (for the lint).
pub fn links(body: &str) -> Vec<String> {
    Parser::new_ext(body, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// Words of prose: text outside code blocks, including ```sim and ```quiz blocks, and outside
/// set-up lines, which are settings rather than prose.
pub fn prose_word_count(body: &str) -> usize {
    let mut in_code = false;
    let mut words = 0;
    let mut fenced = false;
    let prose: String = body
        .lines()
        .filter(|line| {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
            }
            fenced || !line.trim_start().starts_with(setup::PREFIX)
        })
        .map(|line| format!("{line}\n"))
        .collect();
    for event in Parser::new_ext(&prose, options()) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) if !in_code => words += text.split_whitespace().count(),
            Event::Code(_) if !in_code => words += 1,
            _ => {}
        }
    }
    words
}

/// A heading's anchor: lower case letters and digits, words joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-') && !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

fn unique(slug: String, taken: &mut HashSet<String>) -> String {
    let base = if slug.is_empty() { "section".to_string() } else { slug };
    let mut candidate = base.clone();
    let mut n = 1;
    while !taken.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    candidate
}

fn code_text<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> String {
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::End(TagEnd::CodeBlock) => break,
            _ => {}
        }
    }
    text
}

fn plain_text(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

fn flush_html(pending: &mut Vec<Event>, blocks: &mut Vec<Block>) {
    if pending.is_empty() {
        return;
    }
    let mut out = String::new();
    html::push_html(&mut out, pending.drain(..));
    blocks.push(Block::Html(out));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_anchors_and_feed_the_toc() {
        let r = render(
            "## Why averages lie\n\n[tail](#the-tail)\n\n### The tail\n\n## Why averages lie\n",
            "sd",
            "l",
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["why-averages-lie", "the-tail", "why-averages-lie-2"]);
        let Block::Html(html) = &r.blocks[0] else { panic!("expected html") };
        assert!(html.contains(r#"<h2 id="why-averages-lie">"#), "{html}");
        assert!(html.contains(r#"href="learn/sd/l/#the-tail""#), "{html}");
    }

    #[test]
    fn sim_and_quiz_blocks_split_the_page() {
        let body = "Intro.\n\n```sim\nkind = queue\n```\n\nMiddle.\n\n```quiz\n? Q\n= 1\n> E\n```\n\n```predict\n? P\n= 2\n> E\n```\n\n```figure\nsrc = a.svg\ncaption = A.\n```\n\n```rust\nlet x = 1;\n```\n";
        let kinds: Vec<&str> = render(body, "sd", "l")
            .blocks
            .iter()
            .map(|b| match b {
                Block::Html(_) => "html",
                Block::Sim(_) => "sim",
                Block::Quiz(Ok(_)) => "quiz",
                Block::Quiz(Err(_)) => "broken quiz",
                Block::Predict(Ok(_)) => "predict",
                Block::Figure(Ok(_)) => "figure",
                Block::Predict(Err(_)) | Block::Figure(Err(_)) => "broken",
            })
            .collect();
        assert_eq!(kinds, ["html", "sim", "html", "quiz", "predict", "figure", "html"]);
    }

    #[test]
    fn a_setup_line_becomes_a_link_to_the_lessons_widget() {
        let body = "1. **Step.** Predict.\n\n   setup: rate = 0.5\n\n   setup: capacity = 3\n\nsetup: nothing\n\n```sim\nkind = queue\nrate = 0.9\n```\n";
        let r = render(body, "sd", "l");
        assert_eq!(r.setups.len(), 2);
        let Block::Html(html) = &r.blocks[0] else { panic!("expected html") };
        assert!(
            html.contains(r#"<a class="setup-button" href="embed/queue/?kind=queue&amp;rate=0.5""#),
            "{html}"
        );
        assert!(html.contains(r#"data-setup="rate = 0.5""#), "{html}");
        assert!(!html.contains("headroom-setup"), "{html}");
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(r.problems[0].contains("`nothing` is not a `key = value` pair"), "{:?}", r.problems);
        assert!(r.problems[1].contains("`capacity` is not a key of kind = queue"), "{:?}", r.problems);
        // Without a widget, a setup has nothing to set up.
        let lone = render("setup: rate = 1\n", "sd", "l");
        assert!(lone.problems[0].contains("no widget"), "{:?}", lone.problems);
    }

    #[test]
    fn slugs_and_counts() {
        assert_eq!(slugify("M/M/1: the queue — at 95 %"), "mm1-the-queue-at-95");
        assert_eq!(prose_word_count("Two words.\n\n```quiz\n? not counted\n```\n"), 2);
        assert_eq!(prose_word_count("Two words.\n\n   setup: rate = 0.5, servers = 2\n"), 2);
        assert_eq!(links("[a](caching) and [b](https://x.org)"), ["caching", "https://x.org"]);
        assert_eq!(inline_html("a *b*", "sd", "l"), "a <em>b</em>");
        // Regression: links in checks pointed at `caching` under the site root, a 404.
        assert_eq!(inline_html("[c](caching)", "sd", "l"), r#"<a href="learn/sd/caching/">c</a>"#);
    }
}
