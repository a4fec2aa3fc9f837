//! `search-index.json`: every page of every course (lessons, reviews, the glossaries, the
//! reading lists) cut into sections at its `##` and `###` headings, each with its heading, its
//! anchor (the same id the page gives the heading) and its plain text. Code, simulations,
//! figures and checks are left out: they are not what a learner searches for by word.
//! The format and the ranking are `content::search`.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::Site;
use crate::content::{
    front_matter, markdown,
    search::{Index, IndexPage, IndexSection},
};

pub fn build(site: &Site) -> Index {
    let mut index = Index::default();
    for course in &site.catalog.courses {
        for lesson in course.lessons() {
            let Some(source) = (site.source)(&course.slug, &lesson.slug) else { continue };
            let page = index.pages.len();
            index.pages.push(IndexPage {
                title: lesson.front.title.clone(),
                course: course.title.clone(),
                href: crate::content::links::lesson_href(&course.slug, &lesson.slug),
            });
            let body = front_matter::body(&source);
            index.sections.extend(sections(body, &course.slug, &lesson.slug, page, &lesson.front.title));
        }
    }
    index
}

/// A body's sections: the text before the first heading under the page's title, then one per
/// `##` or `###` heading. Empty sections are left out.
fn sections(body: &str, course: &str, lesson: &str, page: usize, title: &str) -> Vec<IndexSection> {
    // The ids the page gives its headings, in order (duplicates made unique as the page does).
    let mut ids = markdown::render(body, course, lesson).headings.into_iter();
    let mut out = Vec::new();
    let mut current =
        IndexSection { page, heading: title.to_string(), anchor: String::new(), text: String::new() };
    let mut in_code = false;
    let mut in_heading: Option<String> = None;
    for event in Parser::new_ext(body, markdown::options()) {
        match event {
            // Code, simulations, checks and figures alike are left out.
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Heading { level: HeadingLevel::H2 | HeadingLevel::H3, .. }) => {
                in_heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2 | HeadingLevel::H3)) => {
                let heading = in_heading.take().unwrap_or_default();
                let anchor = ids.next().map(|h| h.id).unwrap_or_default();
                let next = IndexSection { page, heading: collapse(&heading), anchor, text: String::new() };
                finish(&mut out, std::mem::replace(&mut current, next));
            }
            Event::Text(text) | Event::Code(text) if !in_code => match in_heading.as_mut() {
                Some(heading) => heading.push_str(&text),
                None => current.text.push_str(&text),
            },
            Event::SoftBreak | Event::HardBreak => current.text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => current.text.push(' '),
            _ => {}
        }
    }
    finish(&mut out, current);
    out
}

fn finish(out: &mut Vec<IndexSection>, mut section: IndexSection) {
    section.text = collapse(&section.text);
    if !section.text.is_empty() || !section.anchor.is_empty() {
        out.push(section);
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_cut_at_its_headings_with_the_pages_anchors() {
        let body = "Opening *words*.\n\n## Why it `matters`\n\nText\nwith a [link](x).\n\n```sim\nkind = queue\n```\n\n### Why it matters\n\n- one\n- two\n\n#### Deep\n\nStill here.\n\n```quiz\n? Secret\n- [x] a\n```\n";
        let sections = sections(body, "sd", "one", 3, "One");
        let got: Vec<(&str, &str, &str)> =
            sections.iter().map(|s| (s.heading.as_str(), s.anchor.as_str(), s.text.as_str())).collect();
        assert_eq!(
            got,
            [
                ("One", "", "Opening words."),
                ("Why it matters", "why-it-matters", "Text with a link."),
                ("Why it matters", "why-it-matters-2", "one two Deep Still here."),
            ]
        );
        assert!(sections.iter().all(|s| s.page == 3));
    }
}
