//! The lesson standard's checkable parts (docs/authoring.md, the curriculum): objectives, prose
//! length, a check of 2-5 questions, the simulation the curriculum names with its "Try this"
//! experiments, and further reading. Each course keeps its curriculum and any rules of its own
//! in `tests/standard/<course>.rs`.

#[path = "support/lessons.rs"]
#[allow(dead_code, reason = "shared by the content tests")]
mod lessons;

use headroom::content::{Block, FrontMatter, Page, front_matter, markdown};
use lessons::{assert_no_problems, files};

/// A lesson as the standard reads it.
pub struct Lesson<'a> {
    pub slug: &'a str,
    pub front: &'a FrontMatter,
    pub body: &'a str,
    pub blocks: &'a [Block],
}

#[path = "standard/professional_engineering.rs"]
mod professional_engineering;
#[path = "standard/system_design.rs"]
mod system_design;
#[path = "standard/systems_thinking.rs"]
mod systems_thinking;

/// Extra rules one course adds to the shared standard.
type Extra = fn(&Lesson, &mut dyn FnMut(String));

/// Every course: its slug, its curriculum (each lesson's slug and simulation) and its own rules.
const COURSES: &[(&str, &[(&str, Option<&str>)], Extra)] = &[
    ("system-design", system_design::CURRICULUM, system_design::extra),
    ("systems-thinking", systems_thinking::CURRICULUM, systems_thinking::extra),
    ("professional-engineering", professional_engineering::CURRICULUM, professional_engineering::extra),
];

const WORDS: std::ops::RangeInclusive<usize> = 500..=1200;
const QUESTIONS: std::ops::RangeInclusive<usize> = 2..=5;
const EXPERIMENTS: std::ops::RangeInclusive<usize> = 2..=4;

/// The items of the list right under a `## title` heading.
fn list_items_under(body: &str, title: &str) -> Option<usize> {
    let start = body.find(&format!("\n## {title}\n"))?;
    let section = &body[start + title.len() + 5..];
    let section = section.find("\n## ").map_or(section, |end| &section[..end]);
    let items = section
        .lines()
        .filter(|l| {
            l.starts_with("- ")
                || l.starts_with("* ")
                || l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        })
        .count();
    Some(items)
}

#[test]
fn every_lesson_meets_the_standard() {
    let mut problems = Vec::new();
    for file in files() {
        let name = file.name();
        let mut problem = |p: String| problems.push(format!("{name}: {p}"));
        let Some(&(_, curriculum, extra)) = COURSES.iter().find(|(course, ..)| *course == file.course) else {
            problem("not in a course of the curriculum".into());
            continue;
        };
        let Ok(front) = front_matter::parse(&file.source) else {
            continue; // content_lint reports it
        };
        if front.page != Page::Lesson {
            continue; // reference pages and reviews: see the tests below
        }
        let body = front_matter::body(&file.source);
        let Some((_, simulation)) = curriculum.iter().find(|(slug, _)| *slug == file.slug) else {
            problem("not a lesson of the curriculum".into());
            continue;
        };
        if front.simulation.as_deref() != *simulation {
            problem(format!(
                "front matter `simulation` is {:?}, the curriculum says {simulation:?}",
                front.simulation
            ));
        }
        let words = markdown::prose_word_count(body);
        if !WORDS.contains(&words) {
            problem(format!("{words} words of prose, expected {WORDS:?}"));
        }
        let blocks = markdown::render(body, &file.course, &file.slug).blocks;
        let questions = quiz_questions(&blocks);
        if !QUESTIONS.contains(&questions) {
            problem(format!("{questions} quiz questions, expected {QUESTIONS:?}"));
        }
        let sims = blocks.iter().filter(|b| matches!(b, Block::Sim(_))).count();
        if simulation.is_some() {
            if sims == 0 {
                problem("the curriculum names a simulation but there is no ```sim block".into());
            }
            match list_items_under(body, "Try this") {
                Some(n) if EXPERIMENTS.contains(&n) => {}
                Some(n) => problem(format!("{n} experiments under `## Try this`, expected {EXPERIMENTS:?}")),
                None => problem("no `## Try this` section".into()),
            }
        }
        match list_items_under(body, "Further reading") {
            Some(n) if n >= 1 => {}
            _ => problem("no list under `## Further reading`".into()),
        }
        let lesson = Lesson { slug: &file.slug, front: &front, body, blocks: &blocks };
        extra(&lesson, &mut problem);
    }
    assert_no_problems("lesson standard", &problems);
}

/// Questions in the lesson's ```quiz blocks.
fn quiz_questions(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Quiz(Ok(quiz)) => Some(quiz.questions.len()),
            _ => None,
        })
        .sum()
}

/// Whether the lesson has something to do before its check: a widget or a graded prediction.
pub fn is_interactive(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| matches!(b, Block::Sim(_) | Block::Predict(Ok(_))))
}

#[test]
fn a_review_is_a_short_check() {
    let mut problems = Vec::new();
    for file in files() {
        let Ok(front) = front_matter::parse(&file.source) else { continue };
        if front.page != Page::Review {
            continue;
        }
        let body = front_matter::body(&file.source);
        let questions = quiz_questions(&markdown::render(body, &file.course, &file.slug).blocks);
        if !(3..=5).contains(&questions) {
            problems.push(format!("{}: a review has {questions} questions, expected 3..=5", file.name()));
        }
    }
    assert_no_problems("section reviews", &problems);
}

#[test]
fn each_curriculum_table_has_each_lesson_once() {
    for &(course, curriculum, _) in COURSES {
        let mut slugs: Vec<&str> = curriculum.iter().map(|(s, _)| *s).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), curriculum.len(), "{course} lists a lesson twice");
    }
    let sizes: Vec<usize> = COURSES.iter().map(|(_, curriculum, _)| curriculum.len()).collect();
    assert_eq!(sizes, [59, 12, 15]);
}
