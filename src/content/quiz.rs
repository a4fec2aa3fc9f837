//! A ```quiz block: questions with an explanation for every answer, and their grading.
//!
//! Format (docs/authoring.md): `? ` starts a question; `- [ ] ` / `- [x] ` add a wrong / right
//! choice; `= value ± tolerance` makes it numeric; `> ` lines explain the choice or numeric
//! answer just above them. Any other line continues the line before it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Inline markdown.
    pub prompt: String,
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Single choice when one choice is right, "select all that apply" when several are.
    Choice {
        choices: Vec<Choice>,
    },
    Numeric {
        answer: f64,
        tolerance: f64,
        explanation: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub explanation: String,
}

/// What a learner answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Choices(Vec<usize>),
    Number(f64),
}

/// Which text a continuation line extends.
#[derive(Clone, Copy)]
enum Last {
    Prompt,
    ChoiceText,
    Explanation,
}

pub fn parse(text: &str) -> Result<Quiz, String> {
    let mut questions: Vec<Question> = Vec::new();
    let mut last = Last::Prompt;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let at = |msg: &str| format!("quiz line {}: {msg}", n + 1);
        if line.is_empty() {
            continue;
        }
        if let Some(prompt) = line.strip_prefix("? ") {
            questions.push(Question {
                prompt: prompt.trim().to_string(),
                kind: QuestionKind::Choice { choices: Vec::new() },
            });
            last = Last::Prompt;
            continue;
        }
        let Some(question) = questions.last_mut() else {
            return Err(at("expected a question starting with `? `"));
        };
        if let Some((correct, choice)) = choice_line(line) {
            let QuestionKind::Choice { choices } = &mut question.kind else {
                return Err(at("a numeric question cannot also have choices"));
            };
            choices.push(Choice { text: choice.to_string(), correct, explanation: String::new() });
            last = Last::ChoiceText;
        } else if let Some(value) = line.strip_prefix('=') {
            if !matches!(&question.kind, QuestionKind::Choice { choices } if choices.is_empty()) {
                return Err(at("a question with choices cannot also have a numeric answer"));
            }
            let (answer, tolerance) = numeric_answer(value)
                .ok_or_else(|| at(&format!("`={value}` is not a number with an optional `± tolerance`")))?;
            question.kind = QuestionKind::Numeric { answer, tolerance, explanation: String::new() };
            last = Last::Explanation;
        } else if let Some(explanation) = line.strip_prefix('>') {
            let target = explanation_of(question)
                .ok_or_else(|| at("an explanation must follow a choice or an `=` answer"))?;
            append(target, explanation.trim());
            last = Last::Explanation;
        } else {
            let target = match last {
                Last::Prompt => Some(&mut question.prompt),
                Last::ChoiceText => match &mut question.kind {
                    QuestionKind::Choice { choices } => choices.last_mut().map(|c| &mut c.text),
                    QuestionKind::Numeric { .. } => None,
                },
                Last::Explanation => explanation_of(question),
            };
            append(target.ok_or_else(|| at("unexpected text"))?, line);
        }
    }
    if questions.is_empty() {
        return Err("a quiz needs at least one question".into());
    }
    for (i, q) in questions.iter().enumerate() {
        q.check().map_err(|e| format!("question {} ({}): {e}", i + 1, q.prompt))?;
    }
    Ok(Quiz { questions })
}

/// Reads a ```predict block: a single question, asked in the text before the run or the
/// reasoning that answers it. Same format as a quiz.
pub fn parse_prediction(text: &str) -> Result<Quiz, String> {
    let quiz = parse(text)?;
    match quiz.questions.len() {
        1 => Ok(quiz),
        n => Err(format!("a prediction asks one question; this one has {n} (use a ```quiz for more)")),
    }
}

/// How far a numeric guess landed from the answer, in words a learner can use: "right on",
/// "12 % high", "about 3.2 times too low". Uses ratios, since a guess off by ten times is a
/// different mistake from one off by ten percent.
pub fn closeness(guess: f64, answer: f64) -> String {
    if answer == 0.0 || guess == 0.0 || guess.signum() != answer.signum() {
        return if guess == answer { "right on".into() } else { format!("the answer is {answer}") };
    }
    let ratio = guess / answer;
    if (ratio - 1.0).abs() < 0.005 {
        "right on".into()
    } else if (0.5..=2.0).contains(&ratio) {
        let percent = ((ratio - 1.0) * 100.0).abs();
        let percent = if percent < 10.0 { format!("{percent:.1}") } else { format!("{percent:.0}") };
        format!("{percent} % {}", if ratio > 1.0 { "high" } else { "low" })
    } else if ratio > 1.0 {
        format!("about {} times too high", one_decimal(ratio))
    } else {
        format!("about {} times too low", one_decimal(1.0 / ratio))
    }
}

fn one_decimal(x: f64) -> String {
    if x >= 10.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

impl Question {
    /// True when several choices are right: the learner selects all that apply.
    pub fn is_multiple(&self) -> bool {
        matches!(&self.kind, QuestionKind::Choice { choices } if choices.iter().filter(|c| c.correct).count() > 1)
    }

    pub fn is_correct(&self, answer: &Answer) -> bool {
        match (&self.kind, answer) {
            (QuestionKind::Choice { choices }, Answer::Choices(picked)) => {
                choices.iter().enumerate().all(|(i, c)| c.correct == picked.contains(&i))
            }
            (QuestionKind::Numeric { answer, tolerance, .. }, Answer::Number(x)) => {
                (x - answer).abs() <= tolerance + 1e-9 * answer.abs().max(1.0)
            }
            _ => false,
        }
    }

    fn check(&self) -> Result<(), String> {
        if self.prompt.is_empty() {
            return Err("empty question".into());
        }
        match &self.kind {
            QuestionKind::Choice { choices } => {
                if choices.len() < 2 {
                    return Err("needs two or more choices, or an `=` answer".into());
                }
                if !choices.iter().any(|c| c.correct) {
                    return Err("no choice is marked right with `- [x]`".into());
                }
                if let Some(c) = choices.iter().find(|c| c.explanation.is_empty()) {
                    return Err(format!("choice `{}` has no `>` explanation", c.text));
                }
            }
            QuestionKind::Numeric { explanation, .. } => {
                if explanation.is_empty() {
                    return Err("the numeric answer has no `>` explanation".into());
                }
            }
        }
        Ok(())
    }
}

/// How a learner's typed number reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// One number: `1500`, `1,500.5`, `1 500`, `0.25`, `21,6`, `1e6`.
    Number(f64),
    /// A single comma followed by exactly three digits (`1,500`) is a thousands separator in
    /// English and a decimal comma in much of Europe: ask which before grading.
    Ambiguous {
        thousands: f64,
        decimal: f64,
    },
    NotANumber,
}

/// Reads a learner's typed number. A comma is a decimal comma when it cannot be a thousands
/// separator (`21,6`, `0,25`, `3,14159`: not three digits after it, or a `.` elsewhere decides),
/// and a thousands separator when the grouping says so (`12,500,000`, `1,500.5`).
pub fn read_number(input: &str) -> Reading {
    let cleaned: String =
        input.trim().chars().filter(|c| !matches!(c, '_' | ' ' | '\u{a0}' | '\u{202f}')).collect();
    let finite = |text: &str| text.parse::<f64>().ok().filter(|x| x.is_finite());
    let commas = cleaned.matches(',').count();
    let reading = if commas == 0 {
        finite(&cleaned).map(Reading::Number)
    } else if cleaned.contains('.') || commas > 1 {
        // `1,500.5` or `12,500,000`: commas group thousands, so every group after the first
        // has three digits.
        let whole = cleaned.split(['.', 'e', 'E']).next().unwrap_or_default();
        let grouped = whole.split(',').skip(1).all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
        grouped.then(|| finite(&cleaned.replace(',', ""))).flatten().map(Reading::Number)
    } else {
        let (whole, fraction) = cleaned.split_once(',').unwrap_or((&cleaned, ""));
        let decimal = finite(&format!("{whole}.{fraction}"));
        let grouped =
            fraction.len() == 3 && fraction.chars().all(|c| c.is_ascii_digit()) && !whole.is_empty();
        match (decimal, grouped.then(|| finite(&format!("{whole}{fraction}"))).flatten()) {
            (Some(decimal), Some(thousands)) => Some(Reading::Ambiguous { thousands, decimal }),
            (Some(decimal), None) => Some(Reading::Number(decimal)),
            (None, _) => None,
        }
    };
    reading.unwrap_or(Reading::NotANumber)
}

/// Reads a learner's typed number when it has one reading (see [`read_number`]).
pub fn parse_number(input: &str) -> Option<f64> {
    match read_number(input) {
        Reading::Number(x) => Some(x),
        Reading::Ambiguous { .. } | Reading::NotANumber => None,
    }
}

fn choice_line(line: &str) -> Option<(bool, &str)> {
    let rest = line.strip_prefix("- [")?;
    let (mark, text) = rest.split_once("] ")?;
    match mark {
        " " => Some((false, text.trim())),
        "x" | "X" => Some((true, text.trim())),
        _ => None,
    }
}

fn numeric_answer(value: &str) -> Option<(f64, f64)> {
    let (answer, tolerance) = match value.split_once('±').or_else(|| value.split_once("+-")) {
        Some((a, t)) => (a, Some(t)),
        None => (value, None),
    };
    let answer = parse_number(answer.trim())?;
    let tolerance = match tolerance {
        Some(t) => parse_number(t.trim()).filter(|t| *t >= 0.0)?,
        None => 0.0,
    };
    Some((answer, tolerance))
}

fn explanation_of(question: &mut Question) -> Option<&mut String> {
    match &mut question.kind {
        QuestionKind::Choice { choices } => choices.last_mut().map(|c| &mut c.explanation),
        QuestionKind::Numeric { explanation, .. } => Some(explanation),
    }
}

fn append(target: &mut String, text: &str) {
    if !target.is_empty() && !text.is_empty() {
        target.push(' ');
    }
    target.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "? Max requests per second\nfor one server?\n= 50 ± 0.5\n> 1 / 0.02 = 50.\n\n? Pick the tail\n- [ ] Mean\n  > Mixes fast and slow.\n- [x] p99\n  > One in a hundred is slower.\n  Still true at scale.\n";

    #[test]
    fn parses_both_kinds_with_continuations() {
        let quiz = parse(SAMPLE).unwrap();
        assert_eq!(quiz.questions[0].prompt, "Max requests per second for one server?");
        assert_eq!(
            quiz.questions[0].kind,
            QuestionKind::Numeric { answer: 50.0, tolerance: 0.5, explanation: "1 / 0.02 = 50.".into() }
        );
        let QuestionKind::Choice { choices } = &quiz.questions[1].kind else { panic!() };
        assert_eq!(choices[1].explanation, "One in a hundred is slower. Still true at scale.");
        assert!(!quiz.questions[1].is_multiple());
    }

    #[test]
    fn grades_answers() {
        let quiz = parse(SAMPLE).unwrap();
        let check = |q: usize, answer: Answer, expected: bool| {
            assert_eq!(quiz.questions[q].is_correct(&answer), expected, "{answer:?}");
        };
        check(0, Answer::Number(50.4), true);
        check(0, Answer::Number(51.0), false);
        check(1, Answer::Choices(vec![1]), true);
        check(1, Answer::Choices(vec![0, 1]), false);
        check(1, Answer::Number(1.0), false);
    }

    #[test]
    fn rejects_what_authors_get_wrong() {
        let check = |input: &str, expected: &str| {
            let err = parse(input).unwrap_err();
            assert!(err.contains(expected), "{input:?} gave {err:?}");
        };
        check("", "at least one question");
        check("- [x] orphan\n", "expected a question");
        check("? Q\n- [x] a\n> why\n", "two or more choices");
        check("? Q\n- [ ] a\n> w\n- [ ] b\n> w\n", "no choice is marked right");
        check("? Q\n- [x] a\n- [ ] b\n> w\n", "choice `a` has no");
        check("? Q\n= lots\n> w\n", "not a number");
        check("? Q\n= 5\n", "no `>` explanation");
        check("? Q\n= 5\n> w\n- [x] a\n", "cannot also have choices");
    }

    #[test]
    fn a_prediction_is_one_question() {
        assert!(parse_prediction("? How many?\n= 490 ± 20\n> 1 - 0.99^5.\n").is_ok());
        assert!(parse_prediction(SAMPLE).unwrap_err().contains("has 2"));
    }

    #[test]
    fn closeness_speaks_in_ratios() {
        assert_eq!(closeness(490.0, 490.0), "right on");
        assert_eq!(closeness(539.0, 490.0), "10 % high");
        assert_eq!(closeness(465.5, 490.0), "5.0 % low");
        assert_eq!(closeness(100.0, 490.0), "about 4.9 times too low");
        assert_eq!(closeness(4900.0, 490.0), "about 10 times too high");
        assert_eq!(closeness(-1.0, 2.0), "the answer is 2");
    }

    #[test]
    fn reads_typed_numbers() {
        assert_eq!(parse_number("1500"), Some(1500.0));
        assert_eq!(parse_number(" 1e6 "), Some(1e6));
        assert_eq!(parse_number("1 500"), Some(1500.0));
        assert_eq!(parse_number("fast"), None);
        assert_eq!(parse_number("inf"), None);
    }

    /// Regression (issue 17): "21,6" was read as 216 and marked wrong.
    #[test]
    fn a_decimal_comma_is_read_as_one_and_an_ambiguous_comma_is_asked_about() {
        assert_eq!(parse_number("21,6"), Some(21.6));
        assert_eq!(read_number("21,6"), Reading::Number(21.6));
        assert_eq!(read_number("0,25"), Reading::Number(0.25));
        assert_eq!(read_number("3,14159"), Reading::Number(3.14159));
        assert_eq!(read_number("12,500,000"), Reading::Number(12_500_000.0));
        assert_eq!(read_number("1,500.5"), Reading::Number(1500.5));
        assert_eq!(read_number("1,500"), Reading::Ambiguous { thousands: 1500.0, decimal: 1.5 });
        assert_eq!(read_number(",5"), Reading::Number(0.5));
        assert_eq!(read_number("1,2,3"), Reading::NotANumber);
        assert_eq!(read_number("1,50.5"), Reading::NotANumber);
        assert_eq!(read_number("1,x"), Reading::NotANumber);
        assert_eq!(parse_number("1,500"), None);
    }
}
