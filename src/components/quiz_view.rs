use leptos::prelude::*;

use crate::{
    app::use_progress,
    browser,
    content::quiz::{self, Answer, Question, QuestionKind, Quiz, Reading},
    storage::StoredAnswer,
};

/// A check: each question is answered once, then explained; answers are kept in progress.
/// The quiz's text (prompts, choices, explanations) is HTML, rendered when the site was built.
/// A `prediction` also says how close a numeric guess came.
#[component]
pub fn QuizView(quiz: Quiz, id: String, #[prop(optional)] prediction: bool) -> impl IntoView {
    let progress = use_progress().progress;
    let count = quiz.questions.len();
    let record_id = id.clone();
    let record = move || progress.with(|p| p.quiz(&record_id).cloned().unwrap_or_default());
    let score = Memo::new(move |_| {
        let r = record();
        let answered = r.answered();
        if answered == 0 {
            String::new()
        } else {
            format!("Answered {answered} of {count}; {} right the first time.", r.correct())
        }
    });
    let again_id = id.clone();
    let try_again = move |_| {
        progress.update(|p| {
            p.clear_quiz(&again_id, browser::wall_clock_ms());
        })
    };
    let questions = quiz
        .questions
        .into_iter()
        .enumerate()
        .map(|(index, question)| view! { <QuestionView question index count quiz_id=id.clone() prediction/> })
        .collect_view();
    view! {
        <section class="quiz" data-testid="quiz">
            <ol class="questions">{questions}</ol>
            <div class="quiz-footer">
                <p data-testid="quiz-score" role="status">{score}</p>
                <Show when=move || !score.with(String::is_empty)>
                    <button class="secondary" on:click=try_again.clone()>"Clear answers"</button>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn QuestionView(
    question: Question,
    index: usize,
    count: usize,
    quiz_id: String,
    prediction: bool,
) -> impl IntoView {
    let progress = use_progress().progress;
    let question = StoredValue::new(question);
    let id = quiz_id.clone();
    let answered = Memo::new(move |_| progress.with(|p| p.quiz(&id).and_then(|r| r.answer(index).cloned())));
    let selected = RwSignal::new(Vec::<usize>::new());
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let multiple = question.with_value(Question::is_multiple);
    let name = format!("{quiz_id}-{index}");

    let check = move |_| {
        let answer = question.with_value(|q| match &q.kind {
            QuestionKind::Choice { .. } => {
                let picked = selected.get_untracked();
                if picked.is_empty() {
                    Err("Pick an answer first.".to_string())
                } else {
                    Ok(Answer::Choices(picked))
                }
            }
            QuestionKind::Numeric { .. } => match quiz::read_number(&typed.get_untracked()) {
                Reading::Number(x) => Ok(Answer::Number(x)),
                // Not graded yet, so the attempt is not used up.
                Reading::Ambiguous { thousands, decimal } => Err(format!(
                    "Did you mean {thousands} or {decimal}? Type it again without the comma, or with a point."
                )),
                Reading::NotANumber => Err("Type a number, such as 1500 or 0.25.".to_string()),
            },
        });
        match answer {
            Err(e) => error.set(Some(e)),
            Ok(answer) => {
                error.set(None);
                let correct = question.with_value(|q| q.is_correct(&answer));
                let stored = StoredAnswer::from(&answer);
                let now = browser::wall_clock_ms();
                progress.update(|p| {
                    p.record_answer(&quiz_id, count, index, stored, correct, now);
                });
            }
        }
    };

    let inputs = move || {
        question.with_value(|q| match &q.kind {
            QuestionKind::Choice { choices } => {
                let options = choices
                .iter()
                .enumerate()
                .map(|(i, choice)| {
                    let toggle = move |_| {
                        selected.update(|s| {
                            if !multiple {
                                s.clear();
                                s.push(i);
                            } else if let Some(at) = s.iter().position(|x| *x == i) {
                                s.remove(at);
                            } else {
                                s.push(i);
                            }
                        })
                    };
                    view! {
                        <li>
                            <label class="choice">
                                <input type=if multiple { "checkbox" } else { "radio" } name=name.clone()
                                    prop:checked=move || selected.with(|s| s.contains(&i)) on:change=toggle/>
                                <span inner_html=choice.text.clone()></span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
                view! { <ul class="choices">{options}</ul> }.into_any()
            }
            QuestionKind::Numeric { .. } => view! {
                <label class="numeric">
                    "Your answer "
                    <input type="text" inputmode="decimal" autocomplete="off" data-testid="numeric-answer"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                </label>
            }
            .into_any(),
        })
    };

    let feedback = move || {
        answered.get().map(|stored| {
            let answer = Answer::from(&stored);
            question.with_value(|q| feedback_view(q, &answer, prediction))
        })
    };

    view! {
        <li class="question" data-testid="question">
            <p class="prompt">
                <span inner_html=question.with_value(|q| q.prompt.clone())></span>
                {multiple.then(|| view! { <span class="muted">" (select all that apply)"</span> })}
            </p>
            <Show when=move || answered.with(Option::is_none) fallback=feedback>
                {inputs.clone()}
                <button on:click=check.clone() data-testid="check-answer">"Check"</button>
                <p class="error" role="alert">{move || error.get()}</p>
            </Show>
        </li>
    }
}

/// What the learner sees after answering: the verdict and every explanation.
fn feedback_view(question: &Question, answer: &Answer, prediction: bool) -> AnyView {
    let correct = question.is_correct(answer);
    let verdict = view! {
        <p class="verdict" class:right=correct data-testid="verdict">
            {if correct { "Right." } else { "Not quite." }}
        </p>
    };
    match (&question.kind, answer) {
        (QuestionKind::Choice { choices }, Answer::Choices(picked)) => {
            let rows = choices
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let mark = match (picked.contains(&i), c.correct) {
                        (true, true) => "✓ your answer, right",
                        (true, false) => "✗ your answer",
                        (false, true) => "✓ right answer",
                        (false, false) => "",
                    };
                    view! {
                        <li class:right=c.correct>
                            <p><strong inner_html=c.text.clone()></strong>" "<span class="mark">{mark}</span></p>
                            <p class="explanation" inner_html=c.explanation.clone()></p>
                        </li>
                    }
                })
                .collect_view();
            view! { <div class="feedback">{verdict}<ul class="explained">{rows}</ul></div> }.into_any()
        }
        (QuestionKind::Numeric { answer: expected, tolerance, explanation }, Answer::Number(x)) => {
            let target =
                if *tolerance > 0.0 { format!("{expected} (± {tolerance})") } else { expected.to_string() };
            let close = prediction.then(|| format!(" Your guess was {}.", quiz::closeness(*x, *expected)));
            view! {
                <div class="feedback">
                    {verdict}
                    <p data-testid="answer-line">{format!("You answered {x}. The answer is {target}.")}{close}</p>
                    <p class="explanation" inner_html=explanation.clone()></p>
                </div>
            }
            .into_any()
        }
        _ => view! { <div class="feedback">{verdict}</div> }.into_any(),
    }
}
