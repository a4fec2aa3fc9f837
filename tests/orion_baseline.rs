//! Orion, the case that runs through Course 3 (`content/professional-engineering`), keeps one
//! baseline, so a change to the case shows up in every week.
//!
//! The convention (also written at the top of `orion.md`'s source):
//!
//! - The case file has one ```sim block per kind Orion is simulated as: the request path
//!   (`pipeline`), the summary worker (`queue`), the provider calls (`retries`, `breaker`), the
//!   cache-miss path as layers (`calls`), the usage counts (`contention`), delivery
//!   (`delivery`) and the team (`team`). Their scenario lines are the baseline.
//! - Every other ```sim block in the course is an Orion block of one of those kinds. It starts
//!   with exactly the baseline's scenario lines, in order (blank lines, comments, `controls` and
//!   `caption` aside; spaces around `=` do not matter).
//! - Then, if the week changes anything, one line `# change: <what, in words>` and the week's
//!   keys. A key after it overrides the baseline's: the scenario format keeps the last value.
//! - To simulate Orion as a new kind, add that kind's baseline block to the case file first.
//!
//! The decision log in the case file has one record per week, `### ADR-01` to `### ADR-15` in
//! order: a written week's record is accepted, links to the week and names its ticket, and the
//! week has a `## ADR-NN` heading with the same title and a `## Ticket` heading with that
//! ticket; a week not yet written is "to come in week N". Tickets are never reused.
//! (`tests/standard/professional_engineering.rs` checks the same from each week's side.)

#[path = "support/lessons.rs"]
#[allow(dead_code, reason = "shared by the content tests")]
mod lessons;

use std::collections::BTreeMap;

use lessons::{assert_no_problems, files};

const COURSE: &str = "professional-engineering";
const CASE_FILE: &str = "orion";
const CHANGE: &str = "# change:";
const WEEKS: usize = 15;

/// Each fenced ```sim block's text in a markdown source, comments included.
fn sim_blocks(source: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        let fence = line.trim_start().starts_with("```");
        match (&mut current, fence) {
            (None, true) if line.trim() == "```sim" => current = Some(String::new()),
            (Some(_), true) => blocks.extend(current.take()),
            (Some(text), false) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

/// A block's scenario lines as `key = value`, without blank lines, comments and widget keys.
fn scenario_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (key, value) = l.split_once('=').unwrap_or((l, ""));
            let key = key.trim();
            (key != "controls" && key != "caption").then(|| format!("{key} = {}", value.trim()))
        })
        .collect()
}

/// The block's `kind`, the last one given.
fn kind(lines: &[String]) -> Option<&str> {
    lines.iter().rev().find_map(|l| l.strip_prefix("kind = "))
}

/// The baselines: each kind's scenario lines in the case file.
type Baselines = BTreeMap<String, Vec<String>>;

/// What is wrong with one block measured against the baselines; empty when it keeps to them.
fn against_baseline(baselines: &Baselines, block: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let (before, after) = match block.find(CHANGE) {
        Some(at) => (&block[..at], Some(&block[at + CHANGE.len()..])),
        None => (block, None),
    };
    let lines = scenario_lines(before);
    let Some(kind) = kind(&lines) else {
        return vec!["no `kind` before the change line".into()];
    };
    let Some(baseline) = baselines.get(kind) else {
        return vec![format!(
            "a `{kind}` block, but the case file has no `{kind}` baseline; add one there first"
        )];
    };
    for (i, want) in baseline.iter().enumerate() {
        match lines.get(i) {
            Some(got) if got == want => {}
            Some(got) => {
                problems.push(format!("baseline line {} is `{got}`; the case file has `{want}`", i + 1));
                break;
            }
            None => {
                problems.push(format!(
                    "the baseline stops at line {}; the case file goes on with `{want}`",
                    i + 1
                ));
                break;
            }
        }
    }
    if let Some(extra) = lines.get(baseline.len()) {
        problems.push(format!("`{extra}` comes before any `{CHANGE}` line; put the week's keys after one"));
    }
    if let Some(after) = after {
        let (description, keys) = after.split_once('\n').unwrap_or((after, ""));
        if description.trim().is_empty() {
            problems.push(format!("`{CHANGE}` says nothing: say what the week changes"));
        }
        if keys.contains(CHANGE) {
            problems.push(format!("more than one `{CHANGE}` line"));
        }
        if scenario_lines(keys).is_empty() {
            problems.push(format!("no keys after `{CHANGE}`"));
        }
    }
    problems
}

/// The case file's source.
fn case_file() -> String {
    files()
        .into_iter()
        .find(|f| f.course == COURSE && f.slug == CASE_FILE)
        .map(|f| f.source)
        .expect("content/professional-engineering/orion.md exists")
}

/// The case file's blocks become the baselines, one per kind, with no change line.
fn baselines(problems: &mut Vec<String>) -> Baselines {
    let mut baselines = Baselines::new();
    for block in sim_blocks(&case_file()) {
        let lines = scenario_lines(&block);
        if block.contains(CHANGE) {
            problems.push(format!("orion.md: a baseline block has a `{CHANGE}` line"));
        }
        match kind(&lines).map(str::to_string) {
            Some(kind) if baselines.contains_key(&kind) => {
                problems.push(format!("orion.md: two `{kind}` blocks; a kind has one baseline"))
            }
            Some(kind) => {
                baselines.insert(kind, lines);
            }
            None => problems.push("orion.md: a sim block with no `kind`".into()),
        }
    }
    baselines
}

#[test]
fn every_orion_block_starts_from_the_baseline() {
    let mut problems = Vec::new();
    let baselines = baselines(&mut problems);
    assert!(
        baselines.contains_key("pipeline") && baselines.contains_key("queue"),
        "the case file must hold the request path (pipeline) and the worker (queue) baselines"
    );
    let mut checked = 0;
    for file in files().into_iter().filter(|f| f.course == COURSE && f.slug != CASE_FILE) {
        for (n, block) in sim_blocks(&file.source).iter().enumerate() {
            checked += 1;
            for problem in against_baseline(&baselines, block) {
                problems.push(format!("{} sim block {}: {problem}", file.name(), n + 1));
            }
        }
    }
    assert!(checked > 0, "no Orion blocks outside the case file were found");
    assert_no_problems("Orion blocks that depart from the case file's baseline", &problems);
}

/// One record of the decision log: its heading's title and its text.
fn log_records(case_file: &str) -> Vec<(String, String)> {
    let Some((_, log)) = case_file.split_once("\n## The Orion decision log\n") else {
        return Vec::new();
    };
    let log = log.split("\n## ").next().unwrap_or(log);
    log.split("\n### ")
        .skip(1)
        .map(|record| {
            let (heading, text) = record.split_once('\n').unwrap_or((record, ""));
            (heading.trim().to_string(), text.to_string())
        })
        .collect()
}

/// The text between `**<field>:** ` and the next ` ·` or line end.
fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let (_, rest) = text.split_once(&format!("**{name}:** "))?;
    let end = rest.find([' ', '\n']).unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(['.', ',']))
}

#[test]
fn the_decision_log_has_one_record_per_week() {
    let case_file = case_file();
    let records = log_records(&case_file);
    let lessons = files();
    let mut problems = Vec::new();
    if records.len() != WEEKS {
        problems.push(format!("the log has {} records, expected one per week ({WEEKS})", records.len()));
    }
    let mut tickets = BTreeMap::new();
    for (i, (heading, text)) in records.iter().enumerate() {
        let week = i + 1;
        let Some(title) = heading.strip_prefix(&format!("ADR-{week:02}: ")) else {
            problems.push(format!("record {week} is `{heading}`; expected `ADR-{week:02}: <title>`"));
            continue;
        };
        if text.contains(&format!("to come in week {week}")) {
            continue;
        }
        if field(text, "status") != Some("accepted") {
            problems.push(format!("{heading}: neither accepted nor \"to come in week {week}\""));
        }
        let link = text.split_once("](").and_then(|(_, rest)| rest.split_once(')')).map(|(slug, _)| slug);
        let Some(week_file) =
            link.and_then(|slug| lessons.iter().find(|f| f.course == COURSE && f.slug == slug))
        else {
            problems.push(format!("{heading}: accepted, but does not link to a week of the course"));
            continue;
        };
        if !week_file.source.contains(&format!("\n## ADR-{week:02}: {title}\n")) {
            problems.push(format!("{heading}: {} has no `## ADR-{week:02}: {title}`", week_file.name()));
        }
        match field(text, "ticket") {
            None => problems.push(format!("{heading}: no `**ticket:**`")),
            Some(ticket) => {
                if !week_file.source.contains(&format!("\n## Ticket {ticket}: ")) {
                    problems
                        .push(format!("{heading}: {} has no `## Ticket {ticket}: ...`", week_file.name()));
                }
                if let Some(earlier) = tickets.insert(ticket.to_string(), heading.clone()) {
                    problems.push(format!("{heading}: ticket {ticket} is already {earlier}'s"));
                }
            }
        }
    }
    assert_no_problems("the Orion decision log", &problems);
}

#[test]
fn blocks_are_checked_against_the_baseline() {
    let baselines: Baselines = [(
        "queue".to_string(),
        vec!["kind = queue".to_string(), "rate = 0.6".to_string(), "servers = 4".to_string()],
    )]
    .into();
    let check = |block: &str, expected: &[&str]| {
        let found = against_baseline(&baselines, block);
        assert_eq!(found.len(), expected.len(), "block {block:?}: {found:?}");
        for (found, want) in found.iter().zip(expected) {
            assert!(found.contains(want), "block {block:?}: expected {want:?} in {found:?}");
        }
    };
    // The baseline itself, with widget keys, comments and other spacing.
    check("kind = queue\n# Orion's worker\nrate=0.6\n\nservers = 4\ncontrols = rate\ncaption = c\n", &[]);
    // The baseline, then a described change that overrides a key.
    check("kind = queue\nrate = 0.6\nservers = 4\n# change: the busy hour\nrate = 0.7\n", &[]);
    // A baseline line edited in place instead of after a change line.
    check("kind = queue\nrate = 0.7\nservers = 4\n", &["baseline line 2 is `rate = 0.7`"]);
    // A baseline line left out.
    check("kind = queue\nrate = 0.6\n# change: more slots\nservers = 5\n", &["baseline stops at line 3"]);
    // A week's key slipped in without a change line.
    check("kind = queue\nrate = 0.6\nservers = 4\nseed = 3\n", &["`seed = 3` comes before"]);
    // A change line that says nothing, or changes nothing.
    check("kind = queue\nrate = 0.6\nservers = 4\n# change:\nrate = 0.7\n", &["says nothing"]);
    check("kind = queue\nrate = 0.6\nservers = 4\n# change: nothing yet\n", &["no keys after"]);
    // A kind with no baseline in the case file.
    check("kind = balancer\nservers = 4\n", &["no `balancer` baseline"]);
}

#[test]
fn the_log_is_read_record_by_record() {
    let case = "intro\n## The Orion decision log\n\ntext\n\n### ADR-01: One\n\n- **Week:** [1](w) · **ticket:** ORN-1 · **status:** accepted\n\n### ADR-02: Two\n\n- **Status:** to come in week 2.\n";
    let records = log_records(case);
    let headings: Vec<&str> = records.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(headings, ["ADR-01: One", "ADR-02: Two"]);
    assert_eq!(field(&records[0].1, "ticket"), Some("ORN-1"));
    assert_eq!(field(&records[0].1, "status"), Some("accepted"));
    assert_eq!(field(&records[1].1, "status"), None);
}
