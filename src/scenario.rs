//! The scenario format: one flat list of `key = value` pairs shared by a lesson's ```sim block,
//! a URL query and the command line (vocabulary: docs/scenarios.md).
//!
//! Stages of [`Scenario::parse`]:
//! 1. `text`: split the text into pairs (and stray words);
//! 2. find `kind` (the last one given), since it decides which keys apply;
//! 3. `keys`: read each pair into its field, clamping it to its range;
//! 4. `validate`: correct combinations of keys that cannot hold together.
//!
//! Parsing never fails: every mistake becomes a [`Problem`] and the run uses a corrected value.
//! Writing back ([`Scenario::to_block`], [`Scenario::to_query`]) gives `kind` and then only the
//! keys that differ from their defaults, in the table's order.

mod choices;
pub mod explore;
mod fields;
pub mod goal;
pub mod keys;
mod kind;
mod per_level;
pub mod presentation;
mod text;
mod validate;
mod value;

use std::fmt;

pub use choices::*;
pub use fields::*;
pub use keys::{KEYS, KeySpec, MAX_SEED, kinds_using, lookup, names};
pub use kind::Kind;
pub use per_level::PerLevel;
pub use presentation::Layout;
pub use value::Bounds;

/// Something wrong with the input, and what was done instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The key concerned, as written (or the stray text).
    pub key: String,
    /// A plain sentence: what was wrong, and what was used instead.
    pub message: String,
}

impl Problem {
    fn new(key: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { key: key.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.key, self.message)
    }
}

/// The result of reading a scenario: always a usable scenario, plus what had to be corrected.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub scenario: Scenario,
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// Strict reading: the scenario, or every problem.
    pub fn strict(self) -> Result<Scenario, Vec<Problem>> {
        if self.problems.is_empty() { Ok(self.scenario) } else { Err(self.problems) }
    }
}

impl Scenario {
    /// Reads a block, or pairs separated by spaces or `&`.
    pub fn parse(text: &str) -> Parsed {
        let (pairs, strays) = text::pairs(text);
        Scenario::from_pairs(&pairs, &strays)
    }

    /// Reads a URL query (`?kind=queue&rate=0.9`, the `?` optional).
    pub fn from_query(query: &str) -> Parsed {
        let (pairs, strays) = text::query_pairs(query);
        Scenario::from_pairs(&pairs, &strays)
    }

    fn from_pairs(pairs: &[text::Pair], strays: &[String]) -> Parsed {
        let mut problems: Vec<Problem> = strays
            .iter()
            .map(|stray| Problem::new(stray.as_str(), "is not a `key = value` pair; ignored"))
            .collect();
        let mut scenario = Scenario::DEFAULT;
        for pair in pairs.iter().filter(|pair| pair.key == "kind") {
            match Kind::from_name(&pair.value) {
                Some(kind) => scenario.kind = kind,
                None => problems.push(Problem::new(
                    "kind",
                    format!("{:?} is not a kind; used {}", pair.value, scenario.kind),
                )),
            }
        }
        for pair in pairs.iter().filter(|pair| pair.key != "kind") {
            problems.extend(set_pair(&mut scenario, pair));
        }
        validate::cross_check(&mut scenario, &mut problems);
        Parsed { scenario, problems }
    }

    /// The canonical pairs: `kind`, then each key this kind uses whose value is not the default.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("kind", self.kind.name().to_string())];
        for spec in KEYS.iter().filter(|spec| self.kind.uses(spec)) {
            if !(spec.is_default)(self) {
                pairs.push((spec.name, (spec.write)(self, &spec.bounds)));
            }
        }
        pairs
    }

    /// One `key = value` line per pair, for a ```sim block or a file.
    pub fn to_block(&self) -> String {
        self.pairs().iter().map(|(key, value)| format!("{key} = {value}\n")).collect()
    }

    /// `kind=queue&rate=0.5`, values escaped, for a URL.
    pub fn to_query(&self) -> String {
        let pairs: Vec<String> =
            self.pairs().iter().map(|(key, value)| format!("{key}={}", text::encode(value))).collect();
        pairs.join("&")
    }

    /// The current value of `key` as text (for controls), if this kind uses it.
    pub fn get(&self, key: &str) -> Option<String> {
        if key == "kind" {
            return Some(self.kind.name().to_string());
        }
        keys::lookup(key, self.kind).map(|spec| (spec.write)(self, &spec.bounds))
    }

    /// Merges a URL query's pairs (`rate=95&servers=1`) into this scenario: the keys given
    /// change, with the same checks as parsing, and every other key keeps its value (the seed
    /// included). A bad value keeps the current one; `kind` cannot change, so a different one
    /// is named as a problem and ignored. Combinations are checked again afterwards.
    pub fn merge_query(&self, query: &str) -> Parsed {
        let (pairs, strays) = text::query_pairs(query);
        let mut problems: Vec<Problem> = strays
            .iter()
            .map(|stray| Problem::new(stray.as_str(), "is not a `key = value` pair; ignored"))
            .collect();
        let mut scenario = self.clone();
        for pair in &pairs {
            if pair.key == "kind" {
                if Kind::from_name(&pair.value) != Some(scenario.kind) {
                    problems.push(Problem::new(
                        "kind",
                        format!(
                            "= {:?} cannot change this scenario's kind; kept {}",
                            pair.value, scenario.kind
                        ),
                    ));
                }
                continue;
            }
            problems.extend(set_pair(&mut scenario, pair));
        }
        validate::cross_check(&mut scenario, &mut problems);
        Parsed { scenario, problems }
    }

    /// Sets one key from text (for controls and sweeps), with the same checks as parsing.
    pub fn set(&mut self, key: &str, value: &str) -> Vec<Problem> {
        let pair = text::Pair { key: key.to_string(), value: value.to_string() };
        if key == "kind" {
            return vec![Problem::new("kind", "cannot be changed on an existing scenario")];
        }
        let mut problems: Vec<Problem> = set_pair(self, &pair).into_iter().collect();
        validate::cross_check(self, &mut problems);
        problems
    }
}

/// Reads one pair into `scenario`; the problem, if any.
fn set_pair(scenario: &mut Scenario, pair: &text::Pair) -> Option<Problem> {
    let kind = scenario.kind;
    let Some(spec) = keys::lookup(&pair.key, kind) else {
        let users: Vec<&str> = keys::kinds_using(&pair.key).into_iter().map(Kind::name).collect();
        if users.is_empty() {
            return Some(Problem::new(pair.key.as_str(), "is not a scenario key; ignored"));
        }
        let message = format!("does nothing for kind = {kind}; ignored (used by: {})", users.join(", "));
        return Some(Problem::new(pair.key.as_str(), message));
    };
    match (spec.set)(scenario, &pair.value, &spec.bounds) {
        Ok(None) => None,
        Ok(Some(note)) => Some(Problem::new(pair.key.as_str(), format!("= {} {note}", pair.value))),
        Err(why) => {
            // The field is unchanged: the default when parsing, the current value when merging.
            let kept = (spec.write)(scenario, &spec.bounds);
            let used = if kept == spec.default_text() { "used the default" } else { "kept" };
            Some(Problem::new(pair.key.as_str(), format!("= {:?} {why}; {used} {kept}", pair.value)))
        }
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_block())
    }
}

/// Every problem a strict reading of `text` finds, one message each (naming the key);
/// empty when the text is a valid scenario. For the lesson lint.
pub fn lint(text: &str) -> Vec<String> {
    Scenario::parse(text).problems.iter().map(Problem::to_string).collect()
}

/// Whether `key` is in the scenario vocabulary (for any kind).
pub fn is_key(key: &str) -> bool {
    key == "kind" || KEYS.iter().any(|spec| spec.name == key)
}
