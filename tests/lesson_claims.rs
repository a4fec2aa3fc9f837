//! Lesson claims: every simulator figure a lesson quotes ("p99 about 0.24 s", "hit ratio 0.88",
//! "1,247 of 2,000") is pinned here, so an engine change that breaks a lesson's text fails
//! `cargo test` and names the lesson.
//!
//! Each course has its table of rows in `tests/claims/<course>.rs`. A row is one figure: the
//! lesson, the change its experiment makes to the lesson's own ```sim block (read from the lesson file at test time, so the test runs the block
//! as shipped), the metric as the command line's JSON names it, and the figure with the
//! tolerance its wording allows. Rows with the same lesson and change share one run.
//!
//! When the engine changes on purpose and a row fails: re-run the figures with the CLI
//! (`cargo run -q --release --no-default-features --bin headroom -- run '<block pairs + change>'`),
//! update the lessons (the number, and every claim that depends on it: "more than twice" must
//! stay true), then this table. Never loosen a tolerance to make a row pass: change the lesson.

#[path = "support/lessons.rs"]
#[allow(dead_code, reason = "shared by the content tests; this one loads files only")]
mod lessons;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use headroom::content::{Block, front_matter, markdown};
use headroom::scenario::Scenario;
use headroom::sim;
use serde_json::Value;

/// How a lesson words a figure, in the metric's unit.
#[derive(Clone, Copy, Debug)]
enum Stated {
    /// "about 10.5 s": the figure, and how far off it may be (usually half its last digit).
    About(f64, f64),
    /// "1,508", "roughly 12 s": the figure, and how far off it may be in percent.
    Percent(f64, f64),
    /// "over 6 s", "past 700 ms", "more than five times".
    Above(f64),
    /// "under a millisecond", "under half a second".
    Below(f64),
}

use Stated::{About, Above, Below, Percent};

impl std::fmt::Display for Stated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            About(figure, slack) => write!(f, "about {figure} (± {slack})"),
            Percent(figure, percent) => write!(f, "{figure} (± {percent} %)"),
            Above(bound) => write!(f, "over {bound}"),
            Below(bound) => write!(f, "under {bound}"),
        }
    }
}

impl Stated {
    fn holds(self, actual: f64) -> bool {
        match self {
            About(figure, slack) => (actual - figure).abs() <= slack,
            Percent(figure, percent) => (actual - figure).abs() <= figure.abs() * percent / 100.0,
            Above(bound) => actual > bound,
            Below(bound) => actual < bound,
        }
    }
}

/// Exact figures ("1,247 of 2,000", "the run shows 2,481") may drift this many percent.
const EXACT: f64 = 1.0;
/// "near", "roughly", "nearly", or "about" with one significant digit ("about 1 s"): this many
/// percent.
const ROUGHLY: f64 = 10.0;

/// Most events one run may take; the slowest lesson run needs well under this.
const MAX_EVENTS: u64 = 100_000_000;

/// (lesson slug, `key=value` pairs added to the lesson's sim block, metric, figure as stated).
/// A lesson with several sim blocks names one by its place: `orion#2` is the second.
///
/// A metric is a field of the run's JSON (`p99`, `hit_ratio`, `dollars_per_month`), `max L.f`
/// (the largest field `f` in list `L`, e.g. `max servers.utilization` for the busiest server;
/// `max L` for a list of numbers), or `a/b` (one field divided by another).
type Claim = (&'static str, &'static str, &'static str, Stated);

/// Every course's claims, each table in its own file under `tests/claims/`.
const COURSES: &[(&str, &[Claim])] = &[
    ("system-design", system_design::CLAIMS),
    ("systems-thinking", systems_thinking::CLAIMS),
    ("professional-engineering", professional_engineering::CLAIMS),
];

#[path = "claims/professional_engineering.rs"]
mod professional_engineering;
#[path = "claims/system_design.rs"]
mod system_design;
#[path = "claims/systems_thinking.rs"]
mod systems_thinking;

/// Every claim with its course: (course, lesson, change, metric, stated).
fn all_claims() -> impl Iterator<Item = (&'static str, &'static Claim)> {
    COURSES.iter().flat_map(|&(course, claims)| claims.iter().map(move |claim| (course, claim)))
}

/// A lesson's sim blocks, by (course, slug).
type Blocks = BTreeMap<(String, String), Vec<String>>;

#[test]
fn lessons_quote_what_the_simulator_measures() {
    let lessons = sim_blocks();
    let mut problems = Vec::new();
    let runs = run_all(&lessons, &mut problems);
    for (course, &(lesson, change, metric, stated)) in all_claims() {
        let Some(Ok(outcome)) = runs.get(&(course, lesson, change)) else {
            continue;
        };
        match read_metric(outcome, metric) {
            None => problems
                .push(format!("content/{course}/{lesson}.md [{change}]: the run has no metric `{metric}`")),
            Some(actual) if !stated.holds(actual) => problems.push(format!(
                "content/{course}/{lesson}.md [{change}]: {metric} is {actual:.6}; the lesson says {stated}"
            )),
            Some(_) => {}
        }
    }
    lessons::assert_no_problems("lesson figures that disagree with the simulator", &problems);
}

#[test]
fn every_simulation_lesson_has_pinned_figures() {
    let pinned: Vec<(&str, &str)> =
        all_claims().map(|(course, claim)| (course, claim.0.split('#').next().unwrap_or(claim.0))).collect();
    let missing: Vec<String> = sim_blocks()
        .keys()
        .filter(|(course, slug)| !pinned.contains(&(course.as_str(), slug.as_str())))
        .map(|(course, slug)| {
            format!("content/{course}/{slug}.md has a sim block but no row in its claims table")
        })
        .collect();
    lessons::assert_no_problems("lessons whose figures are not pinned", &missing);
}

/// Each lesson's sim blocks' scenario text, by (course, slug).
fn sim_blocks() -> Blocks {
    let mut blocks = BTreeMap::new();
    for file in lessons::files() {
        let rendered = markdown::render(front_matter::body(&file.source), &file.course, &file.slug);
        let sims: Vec<String> = rendered
            .blocks
            .into_iter()
            .filter_map(|block| match block {
                Block::Sim(sim) => Some(sim.scenario),
                _ => None,
            })
            .collect();
        if !sims.is_empty() {
            blocks.insert((file.course, file.slug), sims);
        }
    }
    blocks
}

/// The lesson's block with `change` appended, one pair a line (later keys win).
fn scenario_text(lessons: &Blocks, course: &str, lesson: &str, change: &str) -> Result<String, String> {
    let (slug, which) = match lesson.split_once('#') {
        Some((slug, n)) => {
            (slug, Some(n.parse::<usize>().map_err(|_| format!("`#{n}` is not a block number"))?))
        }
        None => (lesson, None),
    };
    let key = (course.to_string(), slug.to_string());
    let block = match (lessons.get(&key).map(Vec::as_slice), which) {
        (Some([block]), None) => block,
        (Some(blocks), None) => {
            return Err(format!(
                "{} sim blocks; name one as `{slug}#1` to `{slug}#{}`",
                blocks.len(),
                blocks.len()
            ));
        }
        (Some(blocks), Some(n)) => blocks
            .get(n.wrapping_sub(1))
            .ok_or_else(|| format!("no sim block #{n}: the lesson has {}", blocks.len()))?,
        (None, _) => return Err(format!("no content/{course}/{slug}.md with a sim block")),
    };
    let mut text = block.clone();
    for pair in change.split_whitespace() {
        text.push_str(pair);
        text.push('\n');
    }
    Ok(text)
}

/// A run: (course, lesson, change).
type RunKey<'a> = (&'a str, &'a str, &'a str);

/// Runs every distinct (course, lesson, change) once, spread over the machine's cores. A run that
/// cannot be made or finished is a problem, and its rows are skipped.
fn run_all(lessons: &Blocks, problems: &mut Vec<String>) -> BTreeMap<RunKey<'static>, Result<Value, String>> {
    let mut keys: Vec<RunKey<'static>> =
        all_claims().map(|(course, claim)| (course, claim.0, claim.1)).collect();
    keys.sort_unstable();
    keys.dedup();
    let next = AtomicUsize::new(0);
    let results = Mutex::new(BTreeMap::new());
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(&(course, lesson, change)) = keys.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = run_one(lessons, course, lesson, change);
                    results.lock().expect("a run panicked").insert((course, lesson, change), outcome);
                }
            });
        }
    });
    let results = results.into_inner().expect("a run panicked");
    for ((course, lesson, change), outcome) in &results {
        if let Err(why) = outcome {
            problems.push(format!("content/{course}/{lesson}.md [{change}]: {why}"));
        }
    }
    results
}

/// One run of the lesson's block plus `change`, as JSON.
fn run_one(lessons: &Blocks, course: &str, lesson: &str, change: &str) -> Result<Value, String> {
    let text = scenario_text(lessons, course, lesson, change)?;
    let scenario = Scenario::parse(&text).strict().map_err(|problems| {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("the block plus the change does not parse: {}", problems.join("; "))
    })?;
    let outcome = sim::run(&scenario, MAX_EVENTS).map_err(|e| e.to_string())?;
    serde_json::to_value(&outcome).map_err(|e| format!("cannot serialize the outcome: {e}"))
}

/// A metric of a run's JSON: `field`, `max list.field`, `max list` or `a/b`.
fn read_metric(outcome: &Value, metric: &str) -> Option<f64> {
    if let Some((numerator, denominator)) = metric.split_once('/') {
        return Some(read_metric(outcome, numerator)? / read_metric(outcome, denominator)?);
    }
    if let Some(path) = metric.strip_prefix("max ") {
        let (list, field) = match path.split_once('.') {
            Some((list, field)) => (list, Some(field)),
            None => (path, None),
        };
        let values: Option<Vec<f64>> = outcome
            .get(list)?
            .as_array()?
            .iter()
            .map(|item| field.map_or(Some(item), |field| item.get(field))?.as_f64())
            .collect();
        return values?.into_iter().reduce(f64::max);
    }
    outcome.get(metric)?.as_f64()
}

#[test]
fn read_metric_reads_fields_maxima_and_ratios() {
    let outcome = serde_json::json!({
        "p99": 2.0, "arrivals": 4, "limited": 1,
        "servers": [{"utilization": 0.5}, {"utilization": 0.9}],
        "load_shares": [0.2, 0.7, 0.1],
    });
    let check = |metric: &str, expected: Option<f64>| {
        assert_eq!(read_metric(&outcome, metric), expected, "metric {metric:?}");
    };
    check("p99", Some(2.0));
    check("limited/arrivals", Some(0.25));
    check("max servers.utilization", Some(0.9));
    check("max load_shares", Some(0.7));
    check("p42", None);
    check("max servers.nothing", None);
}

/// Set-up lines whose step answers with arithmetic from the rates (arrivals minus capacity,
/// times the time), not with a figure measured on the run: (lesson, the line's settings).
const UNPINNED_SETUPS: &[(&str, &str)] = &[("event-driven", "servers = 3"), ("sync-vs-async", "rate = 1.1")];

/// Every "Set up" line of a lesson (`content::setup`) puts the lesson's widget, from its
/// block, in a scenario this table pins figures for: the block itself or the block with one
/// row's change. So the figures a step's answer quotes are the figures its Set up shows.
#[test]
fn every_set_up_line_runs_a_pinned_scenario() {
    let lessons = sim_blocks();
    let mut problems = Vec::new();
    for file in lessons::files() {
        let rendered = markdown::render(front_matter::body(&file.source), &file.course, &file.slug);
        let Some(sim) = rendered.blocks.iter().find_map(|b| match b {
            Block::Sim(sim) => Some(sim.clone()),
            _ => None,
        }) else {
            continue;
        };
        // A Set up line sets up the first block: `slug`, or `slug#1` on a page with several.
        let first = format!("{}#1", file.slug);
        let pinned: Vec<Scenario> = std::iter::once("")
            .chain(
                all_claims()
                    .filter(|(c, claim)| *c == file.course && (claim.0 == file.slug || claim.0 == first))
                    .map(|(_, claim)| claim.1),
            )
            .filter_map(|change| {
                scenario_text(&lessons, &file.course, &file.slug, change)
                    .or_else(|_| scenario_text(&lessons, &file.course, &first, change))
                    .ok()
            })
            .map(|text| Scenario::parse(&text).scenario)
            .collect();
        for setup in &rendered.setups {
            if UNPINNED_SETUPS.contains(&(file.slug.as_str(), setup.label().as_str())) {
                continue;
            }
            if !pinned.contains(&setup.scenario(&sim)) {
                problems.push(format!(
                    "content/{}/{}.md: `setup: {}` runs a scenario with no pinned figures",
                    file.course,
                    file.slug,
                    setup.label()
                ));
            }
        }
    }
    lessons::assert_no_problems("set-up lines whose scenario no claim row measures", &problems);
}
