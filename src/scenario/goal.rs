//! A graded challenge: the `goal` line of a lesson's ```sim block, for example
//! `goal = p99 < 0.8 and servers <= 6`.
//!
//! A goal is one or more clauses joined by `and`. Each clause is a name, an operator
//! (`<`, `<=`, `>`, `>=`, `=`) and a number. The name is either one of the kind's figures (a
//! readout's report name: `p99`, `hit_ratio`, `dropped`, as the command line's JSON names it;
//! durations in the kind's time unit, ratios as fractions) or one of the kind's numeric
//! scenario keys (`servers`, `rate`). Which names a kind has comes from its descriptor, so a
//! kind added later takes goals with no change here.
//!
//! **When a goal is met.** A run meets its goal when it has reached its end and its final
//! figures, with the settings it ran with, satisfy every clause. Figures part way through a
//! run move about (a p99 over the first hundred requests says little), so only a finished run
//! counts. `=` on a figure or key holds within a relative 1e-9.
//!
//! Parsing is strict, like the content lint of a scenario: a bad goal is an error that names
//! the problem (an unknown figure or key for that kind, a bad number, a bad operator).

use std::fmt;

use super::{Kind, Scenario, lookup};
use crate::sim::Report;
use crate::sim::kinds::Readout;

/// The longest goal a lesson may write (characters).
pub const MAX_GOAL_LEN: usize = 300;
/// The most clauses one goal may have.
pub const MAX_CLAUSES: usize = 6;

/// A comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Less,
    AtMost,
    Greater,
    AtLeast,
    Equal,
}

impl Op {
    /// The symbol as written in a goal.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Less => "<",
            Op::AtMost => "<=",
            Op::Greater => ">",
            Op::AtLeast => ">=",
            Op::Equal => "=",
        }
    }

    /// The comparison in words: "under", "at most", ...
    pub fn words(self) -> &'static str {
        match self {
            Op::Less => "under",
            Op::AtMost => "at most",
            Op::Greater => "over",
            Op::AtLeast => "at least",
            Op::Equal => "exactly",
        }
    }

    /// Whether `value op target` holds.
    pub fn holds(self, value: f64, target: f64) -> bool {
        match self {
            Op::Less => value < target,
            Op::AtMost => value <= target,
            Op::Greater => value > target,
            Op::AtLeast => value >= target,
            Op::Equal => (value - target).abs() <= 1e-9 * value.abs().max(target.abs()).max(1.0),
        }
    }
}

/// What a clause compares: a figure of the run or a key of the scenario.
#[derive(Clone, Copy, Debug)]
pub enum Subject {
    Figure(Readout),
    Key(&'static str),
}

impl PartialEq for Subject {
    fn eq(&self, other: &Subject) -> bool {
        match (self, other) {
            (Subject::Figure(a), Subject::Figure(b)) => a.metric == b.metric,
            (Subject::Key(a), Subject::Key(b)) => a == b,
            _ => false,
        }
    }
}

/// One `name op number`.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub subject: Subject,
    pub op: Op,
    pub value: f64,
}

/// A parsed goal, for one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub kind: Kind,
    pub clauses: Vec<Clause>,
}

/// Why a goal could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalError(pub String);

impl fmt::Display for GoalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How one clause stands for a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The clause in words, e.g. "p99 under 800.0 ms".
    pub words: String,
    /// The run's own value, in words.
    pub now: String,
    pub met: bool,
}

/// The names a goal may use for `kind`'s figures: every readout's report name.
pub fn figures(kind: Kind) -> Vec<&'static str> {
    kind.descriptor().readouts.iter().map(|r| r.metric).collect()
}

/// The names a goal may use for `kind`'s keys: every key it reads that takes a number.
pub fn numeric_keys(kind: Kind) -> Vec<&'static str> {
    kind.descriptor().all_keys().filter(|spec| spec.choices().is_none()).map(|spec| spec.name).collect()
}

fn err(message: String) -> GoalError {
    GoalError(message)
}

/// The operators, longest first, so `<=` is not read as `<` followed by `=`.
const OPS: [(&str, Op); 5] =
    [("<=", Op::AtMost), (">=", Op::AtLeast), ("<", Op::Less), (">", Op::Greater), ("=", Op::Equal)];

impl Goal {
    /// Reads a goal for `kind`.
    pub fn parse(text: &str, kind: Kind) -> Result<Goal, GoalError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(err("is empty; write a condition such as `p99 < 0.8 and servers <= 6`".into()));
        }
        if text.chars().count() > MAX_GOAL_LEN {
            return Err(err(format!("is longer than {MAX_GOAL_LEN} characters")));
        }
        let lower = text.to_ascii_lowercase();
        if lower == "and" || lower.ends_with(" and") || lower.starts_with("and ") {
            return Err(err("has an empty condition around `and`".into()));
        }
        let mut clauses = Vec::new();
        for part in split_and(text) {
            if clauses.len() == MAX_CLAUSES {
                return Err(err(format!("has more than {MAX_CLAUSES} conditions")));
            }
            clauses.push(clause(part.trim(), kind)?);
        }
        Ok(Goal { kind, clauses })
    }

    /// The goal in words: "p99 under 800.0 ms and servers at most 6".
    pub fn words(&self) -> String {
        let units = self.kind.descriptor().units;
        let parts: Vec<String> = self.clauses.iter().map(|c| c.words(&units)).collect();
        parts.join(" and ")
    }

    /// How each clause stands for a run of `scenario` whose figures are `report`.
    pub fn standing(&self, scenario: &Scenario, report: &Report) -> Vec<Standing> {
        let units = self.kind.descriptor().units;
        self.clauses
            .iter()
            .map(|c| {
                let value = c.measure(scenario, report);
                let now = match (c.subject, value) {
                    (_, None) => "not known".to_string(),
                    (Subject::Figure(r), Some(v)) => r.format.show(v, &units),
                    (Subject::Key(key), Some(_)) => scenario.get(key).unwrap_or_default(),
                };
                Standing { words: c.words(&units), now, met: value.is_some_and(|v| c.op.holds(v, c.value)) }
            })
            .collect()
    }

    /// Whether a run of `scenario` that ended with `report` meets every clause (the caller
    /// checks that the run has ended: see the module's note).
    pub fn met(&self, scenario: &Scenario, report: &Report) -> bool {
        scenario.kind == self.kind && self.standing(scenario, report).iter().all(|s| s.met)
    }
}

impl Clause {
    /// The value this clause compares, for a run.
    fn measure(&self, scenario: &Scenario, report: &Report) -> Option<f64> {
        match self.subject {
            Subject::Figure(readout) => report.metric(readout.metric),
            Subject::Key(key) => {
                let text = scenario.get(key)?;
                // A key that a word switches off (`none`, `unlimited`) has no bound.
                Some(text.trim().parse::<f64>().unwrap_or(f64::INFINITY))
            }
        }
    }

    fn words(&self, units: &crate::sim::kinds::Units) -> String {
        match self.subject {
            Subject::Figure(r) => {
                format!("{} {} {}", r.label, self.op.words(), r.format.show(self.value, units))
            }
            Subject::Key(key) => {
                format!("{} {} {}", key.replace('_', " "), self.op.words(), trim_number(self.value))
            }
        }
    }
}

/// A number as written, without a trailing `.0`.
fn trim_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { format!("{}", x as i64) } else { format!("{x}") }
}

/// Splits at the word `and` (any case), standing alone between spaces.
fn split_and(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut start = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find(" and ") {
        let at = search + found;
        parts.push(&text[start..at]);
        start = at + 5;
        search = start;
    }
    parts.push(&text[start..]);
    parts
}

/// Reads one `name op number`.
fn clause(text: &str, kind: Kind) -> Result<Clause, GoalError> {
    if text.is_empty() {
        return Err(err("has an empty condition around `and`".into()));
    }
    let Some(at) = text.find(|c: char| "<>=!".contains(c)) else {
        return Err(err(format!("`{text}` has no operator; use <, <=, >, >= or =")));
    };
    let (name, rest) = (text[..at].trim(), &text[at..]);
    let op_len = rest.find(|c: char| !"<>=!".contains(c)).unwrap_or(rest.len());
    let symbol = &rest[..op_len];
    let Some(op) = OPS.iter().find(|(s, _)| *s == symbol).map(|(_, op)| *op) else {
        return Err(err(format!("`{symbol}` in `{text}` is not an operator; use <, <=, >, >= or =")));
    };
    let number = rest[op_len..].trim();
    if name.is_empty() {
        return Err(err(format!("`{text}` has nothing before `{symbol}`; name a figure or a key")));
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(err(format!("`{name}` is not a figure or key name")));
    }
    let value = match number.parse::<f64>() {
        Ok(v) if v.is_finite() => v,
        _ if number.is_empty() => return Err(err(format!("`{text}` has no number after `{symbol}`"))),
        _ => {
            return Err(err(format!("`{number}` in `{text}` is not a number (write 0.8, not 800ms or 80%)")));
        }
    };
    let descriptor = kind.descriptor();
    let subject = if let Some(readout) = descriptor.readouts.iter().find(|r| r.metric == name) {
        Subject::Figure(*readout)
    } else if let Some(spec) = lookup(name, kind) {
        if spec.choices().is_some() {
            return Err(err(format!("`{name}` takes a word for kind = {kind}; a goal compares numbers")));
        }
        Subject::Key(spec.name)
    } else {
        return Err(err(format!(
            "`{name}` is not a figure or a numeric key of kind = {kind} (figures: {}; keys: {})",
            figures(kind).join(", "),
            numeric_keys(kind).join(", ")
        )));
    };
    Ok(Clause { subject, op, value })
}

/// The problems with a goal written for the scenario text `scenario`, for the content lint.
pub fn lint(goal: &str, scenario: &str) -> Vec<String> {
    let kind = Scenario::parse(scenario).scenario.kind;
    match Goal::parse(goal, kind) {
        Ok(_) => Vec::new(),
        Err(e) => vec![format!("`goal` {e}")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, kind: Kind) -> Result<Goal, GoalError> {
        Goal::parse(text, kind)
    }

    #[test]
    fn a_figure_and_a_key_joined_by_and() {
        let goal = parse("p99 < 0.8 and servers <= 6", Kind::Balancer).expect("a goal");
        assert_eq!(goal.clauses.len(), 2);
        assert_eq!(goal.clauses[0].op, Op::Less);
        assert_eq!(goal.clauses[0].value, 0.8);
        assert!(matches!(goal.clauses[0].subject, Subject::Figure(r) if r.metric == "p99"));
        assert_eq!(goal.clauses[1].subject, Subject::Key("servers"));
        assert_eq!(goal.clauses[1].op, Op::AtMost);
        assert_eq!(goal.words(), "p99 under 800.0 ms and servers at most 6");
    }

    #[test]
    fn every_operator_reads_and_spacing_and_case_do_not_matter() {
        for (text, op) in [
            ("dropped<1", Op::Less),
            ("dropped <= 1", Op::AtMost),
            ("dropped >1", Op::Greater),
            ("dropped>= 1", Op::AtLeast),
            ("dropped = 1", Op::Equal),
        ] {
            assert_eq!(parse(text, Kind::Queue).map(|g| g.clauses[0].op), Ok(op), "{text}");
        }
        assert_eq!(parse("hit_ratio > 0.5 AND capacity <= 100", Kind::Cache).map(|g| g.clauses.len()), Ok(2));
    }

    fn problem(text: &str, kind: Kind) -> String {
        parse(text, kind).expect_err(text).0
    }

    #[test]
    fn each_bad_goal_names_its_problem() {
        assert!(problem("", Kind::Queue).contains("empty"));
        let unknown = problem("p98 < 1", Kind::Queue);
        assert!(unknown.contains("`p98`") && unknown.contains("kind = queue"), "{unknown}");
        assert!(unknown.contains("p99") && unknown.contains("servers"), "lists what it takes: {unknown}");
        // A figure another kind has is still unknown for this one.
        assert!(problem("hit_ratio > 0.5", Kind::Queue).contains("`hit_ratio`"));
        assert!(problem("capacity < 10", Kind::Queue).contains("`capacity`"));
        let number = problem("p99 < 800ms", Kind::Queue);
        assert!(number.contains("`800ms`") && number.contains("not a number"), "{number}");
        assert!(problem("p99 < NaN", Kind::Queue).contains("not a number"));
        assert!(problem("p99 <", Kind::Queue).contains("no number"));
        let op = problem("p99 =< 0.8", Kind::Queue);
        assert!(op.contains("`=<`") && op.contains("not an operator"), "{op}");
        assert!(problem("p99 != 0.8", Kind::Queue).contains("`!=`"));
        assert!(problem("p99 == 0.8", Kind::Queue).contains("`==`"));
        assert!(problem("p99 0.8", Kind::Queue).contains("no operator"));
        assert!(problem("< 0.8", Kind::Queue).contains("nothing before"));
        assert!(problem("p99 < 0.8 and", Kind::Queue).contains("empty"));
        assert!(problem("and p99 < 0.8", Kind::Queue).contains("empty"));
        assert!(problem("p99 < 0.8 and  and servers < 2", Kind::Queue).contains("empty"));
        assert!(problem("policy = 1", Kind::Balancer).contains("takes a word"));
        assert!(problem("p-99 < 1", Kind::Queue).contains("not a figure or key name"));
        assert!(problem(&"p99 < 1 and ".repeat(40), Kind::Queue).contains("longer than"));
        assert!(problem(&["p99 < 1"; 7].join(" and "), Kind::Queue).contains("more than 6"));
    }

    #[test]
    fn a_finished_run_meets_a_goal_by_its_figures_and_settings() {
        let goal = parse("p99 < 0.8 and servers <= 6", Kind::Balancer).expect("a goal");
        let s = Scenario::parse("kind=balancer servers=4").scenario;
        let mut report = Report::default();
        report.p99 = 0.5;
        assert!(goal.met(&s, &report));
        report.p99 = 0.9;
        assert!(!goal.met(&s, &report));
        let standing = goal.standing(&s, &report);
        assert_eq!(standing[0].now, "900.0 ms");
        assert!(!standing[0].met && standing[1].met);
        report.p99 = 0.5;
        let more = Scenario::parse("kind=balancer servers=7").scenario;
        assert!(!goal.met(&more, &report));
        // Another kind's run never meets it.
        assert!(!goal.met(&Scenario::parse("kind=queue servers=4").scenario, &report));
    }

    #[test]
    fn a_key_switched_off_by_a_word_has_no_bound() {
        let goal = parse("queue_cap <= 100", Kind::Queue).expect("a goal");
        let report = Report::default();
        assert!(!goal.met(&Scenario::parse("kind=queue").scenario, &report));
        assert!(goal.met(&Scenario::parse("kind=queue queue_cap=50").scenario, &report));
    }

    #[test]
    fn every_kind_takes_a_goal_on_each_of_its_figures_and_numeric_keys() {
        for kind in Kind::ALL {
            for name in figures(kind).into_iter().chain(numeric_keys(kind)) {
                assert!(parse(&format!("{name} >= 0"), kind).is_ok(), "{kind}: {name}");
            }
        }
    }

    #[test]
    fn lint_reads_the_kind_from_the_scenario() {
        assert!(lint("hit_ratio > 0.5", "kind = cache\ncapacity = 10\n").is_empty());
        let problems = lint("hit_ratio > 0.5", "kind = queue\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("`goal` `hit_ratio`"), "{}", problems[0]);
    }
}
