//! What only a printed lesson shows: the answers to its checks and predictions, gathered at the
//! end (on screen they are behind "Show the answer", or in the live check, which prints none).
//! The print style sheet (`assets/style.css`, `@media print`) shows this section and hides
//! every control.

use maud::{Markup, PreEscaped, html};

use super::blocks::to_html;
use crate::content::{
    Block,
    quiz::{QuestionKind, Quiz},
};

/// The answers of every check and prediction in `blocks`, in order; nothing when there are none.
pub fn answers(blocks: &[Block], course: &str, lesson: &str) -> Markup {
    let quizzes: Vec<(bool, Quiz)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Quiz(Ok(q)) => Some((false, to_html(q, course, lesson))),
            Block::Predict(Ok(q)) => Some((true, to_html(q, course, lesson))),
            _ => None,
        })
        .collect();
    if quizzes.is_empty() {
        return html! {};
    }
    let (mut checks, mut predictions) = (0, 0);
    html! {
        section.print-answers data-testid="print-answers" aria-labelledby="print-answers-title" {
            h2 #print-answers-title { "Answers" }
            @for (prediction, quiz) in &quizzes {
                @let name = if *prediction { predictions += 1; format!("Prediction {predictions}") } else { checks += 1; format!("Check {checks}") };
                h3 { (name) }
                ol {
                    @for q in &quiz.questions {
                        li {
                            p { (PreEscaped(&q.prompt)) }
                            @match &q.kind {
                                QuestionKind::Choice { choices } => {
                                    @for c in choices.iter().filter(|c| c.correct) {
                                        p { strong { "Answer: " } (PreEscaped(&c.text)) }
                                        @if !c.explanation.is_empty() { p { (PreEscaped(&c.explanation)) } }
                                    }
                                }
                                QuestionKind::Numeric { answer, tolerance, explanation } => {
                                    p {
                                        strong { "Answer: " } (answer)
                                        @if *tolerance > 0.0 { " (± " (tolerance) ")" }
                                    }
                                    @if !explanation.is_empty() { p { (PreEscaped(explanation)) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown;

    #[test]
    fn every_check_and_prediction_has_its_answers_at_the_end() {
        let body = "```predict\n? How many?\n= 490 ± 25\n> 0.99^5.\n```\n\nText.\n\n```quiz\n? Pick *one*\n- [x] p99\n> The tail.\n- [ ] mean\n> Hides it.\n```\n";
        let blocks = markdown::render(body, "sd", "one").blocks;
        let html = answers(&blocks, "sd", "one").into_string();
        for expected in [
            "<h3>Prediction 1</h3>",
            "<strong>Answer: </strong>490 (± 25)",
            "<h3>Check 1</h3>",
            "<p>Pick <em>one</em></p>",
            "<strong>Answer: </strong>p99",
            "The tail.",
        ] {
            assert!(html.contains(expected), "{expected} not in {html}");
        }
        assert!(!html.contains("mean"), "only the right answers");
        assert_eq!(answers(&markdown::render("Text.", "sd", "one").blocks, "sd", "one").into_string(), "");
    }
}
