//! A lesson's blocks as HTML that reads without JavaScript: prose as rendered, a check as a
//! list with each answer in `<details>`, a prediction likewise, a figure as its inlined SVG,
//! and a simulation as a table of its starting settings and what theory predicts for them.
//! Each interactive block is an island the app mounts over.

use maud::{Markup, PreEscaped, html};

use super::{Site, chrome, figure_svg};
use crate::{
    content::{
        Block, Course, Lesson, SimBlock,
        markdown::inline_html,
        quiz::{Question, QuestionKind, Quiz},
    },
    islands::Island,
    scenario::Scenario,
    sim::theory,
    storage::{goal_id, prediction_id, quiz_id},
};

pub fn render(
    site: &Site,
    course: &Course,
    lesson: &Lesson,
    blocks: &[Block],
    problems: &mut Vec<String>,
) -> Markup {
    let (mut quizzes, mut predictions, mut figures, mut goals) = (0, 0, 0, 0);
    html! {
        @for block in blocks {
            @match block {
                Block::Html(html) => div.prose { (PreEscaped(html)) },
                Block::Sim(sim) => {
                    @let goal = sim.goal.as_ref().map(|text| (goal_id(&course.slug, &lesson.slug, &goals.to_string()), text.clone()));
                    @let _ = { goals += usize::from(goal.is_some()); };
                    (sim_slot(sim, goal))
                }
                Block::Quiz(Ok(quiz)) => {
                    @let id = quiz_id(&course.slug, &lesson.slug, quizzes);
                    @let _ = { quizzes += 1; };
                    (quiz_island(id, quiz, false, &course.slug, &lesson.slug))
                }
                Block::Predict(Ok(quiz)) => {
                    @let id = prediction_id(&course.slug, &lesson.slug, predictions);
                    @let _ = { predictions += 1; };
                    div.prediction { (quiz_island(id, quiz, true, &course.slug, &lesson.slug)) }
                }
                Block::Figure(Ok(figure)) => {
                    @let _ = { figures += 1; };
                    @match (site.figure)(&course.slug, &figure.src) {
                        Some(svg) => figure.diagram {
                            (PreEscaped(figure_svg::inline(&svg, &format!("fig{figures}"))))
                            figcaption { (figure.caption) }
                        },
                        None => (broken(problems, &format!("the figure {} is missing from figures/", figure.src))),
                    }
                }
                Block::Quiz(Err(e)) | Block::Predict(Err(e)) | Block::Figure(Err(e)) => (broken(problems, e)),
            }
        }
    }
}

fn broken(problems: &mut Vec<String>, why: &str) -> Markup {
    problems.push(why.to_string());
    html! { p.load-error { "This part could not be shown: " (why) } }
}

/// The quiz with its text rendered from inline markdown to HTML, as the island carries it.
pub fn to_html(quiz: &Quiz, course: &str, lesson: &str) -> Quiz {
    let inline_html = |text: &str| inline_html(text, course, lesson);
    let mut quiz = quiz.clone();
    for q in &mut quiz.questions {
        q.prompt = inline_html(&q.prompt);
        match &mut q.kind {
            QuestionKind::Choice { choices } => {
                for c in choices {
                    c.text = inline_html(&c.text);
                    c.explanation = inline_html(&c.explanation);
                }
            }
            QuestionKind::Numeric { explanation, .. } => *explanation = inline_html(explanation),
        }
    }
    quiz
}

fn quiz_island(id: String, quiz: &Quiz, prediction: bool, course: &str, lesson: &str) -> Markup {
    let quiz = to_html(quiz, course, lesson);
    let markup = html! {
        section.quiz data-testid="quiz" {
            ol.questions { @for q in &quiz.questions { (question(q)) } }
            div.quiz-footer { p data-testid="quiz-score" role="status" {} }
        }
    };
    chrome::island(&Island::Quiz { id, quiz, prediction }, markup)
}

/// One question: the prompt, the choices, and the answer with every explanation behind a
/// `<details>`, so a reader without JavaScript can try it first and then check.
fn question(q: &Question) -> Markup {
    html! {
        li.question data-testid="question" {
            p.prompt {
                span { (PreEscaped(&q.prompt)) }
                @if q.is_multiple() { span.muted { " (select all that apply)" } }
            }
            @match &q.kind {
                QuestionKind::Choice { choices } => {
                    ul.choices { @for c in choices { li { span.choice { (PreEscaped(&c.text)) } } } }
                    details.answer {
                        summary { "Show the answer" }
                        ul.explained {
                            @for c in choices {
                                li.right[c.correct] {
                                    p {
                                        strong { (PreEscaped(&c.text)) } " "
                                        span.mark { (if c.correct { "✓ right answer" } else { "✗ not this one" }) }
                                    }
                                    p.explanation { (PreEscaped(&c.explanation)) }
                                }
                            }
                        }
                    }
                }
                QuestionKind::Numeric { answer, tolerance, explanation } => {
                    p.muted { "Work out a number, then open the answer." }
                    details.answer {
                        summary { "Show the answer" }
                        p {
                            "The answer is " (answer)
                            @if *tolerance > 0.0 { " (± " (tolerance) ")" }
                            "."
                        }
                        p.explanation { (PreEscaped(explanation)) }
                    }
                }
            }
        }
    }
}

/// Where a widget mounts: what it starts from, readable on its own.
fn sim_slot(block: &SimBlock, goal: Option<(String, String)>) -> Markup {
    let scenario = Scenario::parse(&block.scenario).scenario;
    // The keys the lesson wrote, then the ones the learner may change, each with the value the
    // simulation uses (after any correction).
    let written = block.scenario.lines().filter_map(|l| l.split_once('=')).map(|(k, _)| k.trim());
    let mut keys: Vec<&str> = written.filter(|k| *k != "kind").collect();
    keys.extend(block.controls.iter().map(String::as_str));
    let island = Island::Sim {
        scenario: block.scenario.clone(),
        controls: block.controls.clone(),
        caption: block.caption.clone(),
        goal,
    };
    // The wrapper is the widget's column beside the text on a wide screen (src/site/lesson.rs).
    html! { div.lesson-widget { (chrome::island(&island, static_sim(&scenario, &keys, block.caption.as_deref()))) } }
}

/// A simulation before it runs: the settings named by `keys` (or, when there are none, every
/// one that differs from its default) and, where theory has a formula, its predictions.
pub fn static_sim(scenario: &Scenario, keys: &[&str], caption: Option<&str>) -> Markup {
    let kind = scenario.kind.name();
    let mut settings: Vec<(String, String)> = Vec::new();
    for key in keys {
        if !settings.iter().any(|(k, _)| k == key)
            && let Some(value) = scenario.get(key)
        {
            settings.push((key.to_string(), value));
        }
    }
    if keys.is_empty() {
        settings = scenario.pairs().into_iter().skip(1).map(|(k, v)| (k.to_string(), v)).collect();
    }
    let prediction = theory::predict(scenario);
    html! {
        div.sim.sim-static data-testid="sim-static" data-kind=(kind) {
            p.sim-static-title { strong { "Simulation: " (kind) } }
            table.settings {
                caption { "Its starting settings" }
                tbody {
                    @for (key, value) in &settings { tr { th scope="row" { (key.replace('_', " ")) } td { (value) } } }
                    @if settings.is_empty() { tr { td colspan="2" { "the defaults (docs/scenarios.md)" } } }
                }
            }
            @if let Some(p) = &prediction {
                @let rows = predicted(p);
                @if !rows.is_empty() {
                    table.predicted {
                        caption { "What theory predicts (" (p.model) ")" }
                        tbody { @for (label, value) in rows { tr { th scope="row" { (label) } td { (value) } } } }
                    }
                }
            }
            @if let Some(c) = caption { p.caption { (c) } }
            noscript { p.muted { "Turn on JavaScript to run this simulation and change its settings." } }
        }
    }
}

/// The figures a prediction gives, labelled and formatted.
fn predicted(p: &theory::Prediction) -> Vec<(&'static str, String)> {
    let percent = |x: f64| format!("{:.1} %", x * 100.0);
    let seconds =
        |x: f64| if x.is_finite() { format!("{} s", significant(x)) } else { "grows without bound".into() };
    let number = |x: f64| if x.is_finite() { significant(x) } else { "grows without bound".into() };
    let rows: [(&str, Option<f64>, &dyn Fn(f64) -> String); 18] = [
        ("utilization", p.utilization, &percent),
        ("mean wait in the queue", p.mean_wait, &seconds),
        ("mean time in the system", p.mean_latency, &seconds),
        ("requests in the system (mean)", p.mean_in_system, &number),
        ("requests waiting (mean)", p.mean_queue, &number),
        ("chance a request waits", p.p_wait, &percent),
        ("share turned away", p.drop_ratio, &percent),
        ("p50 latency", p.p50, &seconds),
        ("p95 latency", p.p95, &seconds),
        ("p99 latency", p.p99, &seconds),
        ("hit ratio", p.hit_ratio, &percent),
        ("requests let through per second", p.admitted_rate, &number),
        ("share that run out of retries", p.dead_letter_ratio, &percent),
        ("attempts per request (mean)", p.mean_attempts, &number),
        ("keys that move when a server joins", p.moved_on_join, &percent),
        ("spread of server shares (CV)", p.share_cv, &number),
        ("stale reads", p.stale_ratio, &percent),
        ("workers needed at the base rate", p.servers_needed, &number),
    ];
    rows.into_iter().filter_map(|(label, value, format)| value.map(|v| (label, format(v)))).collect()
}

/// Three significant figures, without a trailing `.0`.
fn significant(x: f64) -> String {
    let magnitude = if x == 0.0 { 0 } else { x.abs().log10().floor() as i32 };
    let decimals = (2 - magnitude).clamp(0, 6) as usize;
    let text = format!("{x:.decimals$}");
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_significant_figures() {
        let check = |x: f64, expected: &str| assert_eq!(significant(x), expected, "{x}");
        check(9.0, "9");
        check(0.123456, "0.123");
        check(12.345, "12.3");
        check(1234.6, "1235");
        check(0.0, "0");
    }

    #[test]
    fn a_queue_shows_its_settings_and_the_theory() {
        let scenario = Scenario::parse("kind = queue\nservers = 1\nrate = 0.9\nservice_time = 1\n").scenario;
        let html = static_sim(&scenario, &["servers", "rate"], Some("One queue.")).into_string();
        for expected in [
            "<th scope=\"row\">rate</th><td>0.9</td>",
            "M/M/1",
            "utilization",
            "90.0 %",
            "One queue.",
            "<noscript>",
        ] {
            assert!(html.contains(expected), "{expected} not in {html}");
        }
    }

    #[test]
    fn a_check_reads_without_javascript() {
        let quiz = crate::content::quiz::parse(
            "? How many *per second*?\n= 50 ± 1\n> 1 / 0.02, as in [queues](queues).\n\n? Pick\n- [x] p99\n> The tail.\n- [ ] mean\n> Hides it.\n",
        )
        .unwrap();
        let html = quiz_island("c/l#0".into(), &quiz, false, "c", "l").into_string();
        for expected in [
            "<a href=\"learn/c/queues/\">queues</a>",
            "How many <em>per second</em>?",
            "<details class=\"answer\"><summary>Show the answer</summary>",
            "The answer is 50 (± 1).",
            "<li class=\"right\"><p><strong>p99</strong>",
            "data-island=\"{&quot;island&quot;:&quot;quiz&quot;",
        ] {
            assert!(html.contains(expected), "{expected} not in {html}");
        }
    }
}
