//! Content lint: the course index and the lesson files agree, front matter is valid, every
//! ```sim, ```quiz, ```predict and ```figure block parses (and each figure's SVG keeps the figure
//! rules), every internal link lands on a lesson (and heading), and nothing in a lesson needs the
//! safe-HTML filter (`content::safe_html`) to change it.

#[path = "support/lessons.rs"]
mod lessons;

use headroom::content::{self, Block, front_matter, links, markdown, safe_html};
use headroom::scenario;
use lessons::{assert_no_problems, catalog, files};

#[test]
fn index_and_files_agree() {
    let (catalog, mut problems) = catalog();
    for file in files() {
        if catalog.lesson(&file.course, &file.slug).is_none() && front_matter::parse(&file.source).is_ok() {
            problems.push(format!("{}: not listed in content/courses.toml", file.name()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for course in &catalog.courses {
        for lesson in course.lessons() {
            if !seen.insert((&course.slug, &lesson.slug)) {
                problems.push(format!("{}/{} is listed twice", course.slug, lesson.slug));
            }
        }
    }
    assert_no_problems("course index", &problems);
}

#[test]
fn embedded_catalog_is_the_index() {
    assert_eq!(content::embedded_catalog(), &catalog().0, "build.rs embedded a stale catalog");
}

#[test]
fn sim_quiz_predict_and_figure_blocks_parse() {
    let mut problems = Vec::new();
    for file in files() {
        for block in markdown::render(front_matter::body(&file.source), &file.course, &file.slug).blocks {
            match block {
                Block::Quiz(Err(e)) | Block::Predict(Err(e)) | Block::Figure(Err(e)) => {
                    problems.push(format!("{}: {e}", file.name()))
                }
                Block::Figure(Ok(figure)) => {
                    let path = lessons::content_dir().join(&file.course).join("figures").join(&figure.src);
                    match std::fs::read_to_string(&path) {
                        Ok(svg) => problems.extend(
                            content::figure::lint_svg(&svg)
                                .into_iter()
                                .map(|p| format!("{}: figure {}: {p}", file.name(), figure.src)),
                        ),
                        Err(_) => problems.push(format!(
                            "{}: figure `{}` is not in content/{}/figures/",
                            file.name(),
                            figure.src,
                            file.course
                        )),
                    }
                }
                Block::Sim(sim) => {
                    for problem in scenario::lint(&sim.scenario) {
                        problems.push(format!("{}: sim block: {problem}", file.name()));
                    }
                    if let Some(goal) = &sim.goal {
                        for problem in scenario::goal::lint(goal, &sim.scenario) {
                            problems.push(format!("{}: sim block: {problem}", file.name()));
                        }
                    }
                    for key in &sim.controls {
                        if !scenario::is_key(key) {
                            problems.push(format!(
                                "{}: `controls` names `{key}`, not a scenario key",
                                file.name()
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert_no_problems("sim, quiz, predict and figure blocks", &problems);
}

#[test]
fn internal_links_resolve() {
    let (catalog, _) = catalog();
    let lessons = files();
    let mut problems = Vec::new();
    for file in &lessons {
        for link in markdown::links(front_matter::body(&file.source)).into_iter().chain(quiz_links(file)) {
            let Some(target) = links::resolve(&file.course, &file.slug, &link) else { continue };
            if catalog.lesson(target.course, target.lesson).is_none() {
                problems.push(format!("{}: link `{link}` points to no lesson", file.name()));
                continue;
            }
            let Some(anchor) = target.anchor else { continue };
            let headings = lessons
                .iter()
                .find(|f| f.course == target.course && f.slug == target.lesson)
                .map(|t| markdown::render(front_matter::body(&t.source), &t.course, &t.slug).headings)
                .unwrap_or_default();
            if !headings.iter().any(|h| h.id == anchor) {
                problems
                    .push(format!("{}: link `{link}`: no `##`/`###` heading `#{anchor}` there", file.name()));
            }
        }
    }
    assert_no_problems("internal links", &problems);
}

#[test]
fn lessons_use_only_safe_html_links_and_heading_attributes() {
    let mut problems = Vec::new();
    for file in files() {
        let (front, body) = front_matter::split(&file.source);
        // Lines are counted from the top of the file, front matter included.
        let offset = front.map_or(0, |f| f.lines().count() + 2);
        for (line, problem) in safe_html::check(body) {
            problems.push(format!("{}:{}: {problem}", file.name(), line + offset));
        }
    }
    assert_no_problems("raw HTML, links and heading attributes (docs/authoring.md, \"Raw HTML\")", &problems);
}

/// The links written inside the lesson's ```quiz and ```predict blocks (prompts, choices and
/// explanations are inline markdown, rendered with the same link resolution as the prose).
fn quiz_links(file: &lessons::LessonFile) -> Vec<String> {
    let blocks = markdown::render(front_matter::body(&file.source), &file.course, &file.slug).blocks;
    let mut texts = Vec::new();
    for block in blocks {
        let (Block::Quiz(Ok(quiz)) | Block::Predict(Ok(quiz))) = block else { continue };
        for question in quiz.questions {
            texts.push(question.prompt);
            match question.kind {
                content::quiz::QuestionKind::Choice { choices } => {
                    texts.extend(choices.into_iter().flat_map(|c| [c.text, c.explanation]))
                }
                content::quiz::QuestionKind::Numeric { explanation, .. } => texts.push(explanation),
            }
        }
    }
    texts.iter().flat_map(|text| markdown::links(text)).collect()
}

/// Every "Set up" line reads as pairs the lesson's widget uses, with values the scenario parser
/// accepts as written; a `setup:` line that did not become a link (in a tight list, or inside
/// other text) is named too.
#[test]
fn setup_lines_set_up_the_lessons_widget() {
    let mut problems = Vec::new();
    for file in files() {
        let body = front_matter::body(&file.source);
        let rendered = markdown::render(body, &file.course, &file.slug);
        problems.extend(rendered.problems.iter().map(|p| format!("{}: {p}", file.name())));
        let mut fenced = false;
        let written = body
            .lines()
            .filter(|line| {
                if line.trim_start().starts_with("```") {
                    fenced = !fenced;
                }
                !fenced && line.trim_start().starts_with(content::setup::PREFIX)
            })
            .count();
        let read = rendered.setups.len();
        // A line that did not parse is already a problem above.
        if written > read && rendered.problems.is_empty() {
            problems.push(format!(
                "{}: {} `setup:` line(s) are not paragraphs of their own (leave a blank line before and after)",
                file.name(),
                written - read
            ));
        }
    }
    assert_no_problems("set-up lines (docs/authoring.md, \"Set up a step\")", &problems);
}

/// The embed builder's ready-made scenarios are read from the lessons' widgets: each lesson
/// exists, has a widget, and takes the settings the scenario names.
#[test]
fn embed_builder_presets_come_from_the_lessons() {
    use headroom::site::{Route, Shell, Site};
    let (catalog, _) = catalog();
    let shell = Shell::bare("http://127.0.0.1/");
    let dir = lessons::content_dir();
    let source = |course: &str, lesson: &str| {
        std::fs::read_to_string(dir.join(course).join(format!("{lesson}.md"))).ok()
    };
    let figure = |_: &str, _: &str| None;
    let site = Site { catalog: &catalog, shell: &shell, source: &source, figure: &figure };
    let page = site.render(&Route::Builder);
    assert_no_problems("embed builder presets", &page.problems);
    let html = page.body.into_string();
    assert!(html.contains("A slow server under round robin"), "{html}");
    assert!(html.contains("href=\"embed/balancer/?kind=balancer&amp;"), "{html}");
    assert!(html.contains("href=\"embed/cache/?kind=cache&amp;"), "{html}");
}
