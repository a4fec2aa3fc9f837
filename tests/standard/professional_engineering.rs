//! Course 3, Professional Software Engineering: its curriculum and the standard its weeks meet.
//!
//! Every week has the same shape, in this order of `##` headings:
//!
//! 1. `Ticket ORN-<number>: ...`, the week's ticket on Orion;
//! 2. the practice, under headings of the author's choosing;
//! 3. `Try this` when the curriculum names a simulation, otherwise `Lab: ...`;
//! 4. `After the change...`, the new number;
//! 5. `ADR-<week, two digits>: <title>`, the week's record, which the case file's decision log
//!    (`orion.md`) repeats under `### ADR-<week>: <the same title>`, linking back to the week;
//! 6. `Check`, then `Further reading`, with at least one link into the reading list.
//!
//! Besides: a week has a ```sim or ```predict block; it links to Course 1 at least once (where
//! Course 1 covers the ground, the week links there rather than teaching it again); a `Lab:`
//! section says it is self-checked and gives a rubric, and a worked answer in `<details>`
//! follows it. `tests/orion_baseline.rs` checks the other direction (every record in the log
//! and every Orion sim block).

use super::*;

/// Each week's slug and the simulation the curriculum names for it.
pub const CURRICULUM: &[(&str, Option<&str>)] = &[
    ("programmer-to-engineer", Some("pipeline")),
    ("dev-environment", None),
    ("trunk-based-development", Some("delivery")),
    ("reading-codebases", None),
    ("layered-architecture", Some("calls")),
    ("testing-distributed-systems", Some("contention")),
    ("ci-cd-release", Some("delivery")),
    ("distributed-fundamentals", Some("calls")),
    ("schema-evolution", Some("queue")),
    ("observability-sre", Some("latency-percentiles")),
    ("performance-cost", Some("queue")),
    ("security-threats", None),
    ("ai-augmented-engineering", Some("delivery")),
    ("engineering-organization", Some("team")),
    ("architecture-defense", Some("pipeline")),
];

/// Whether a `##` heading is the one a step of the shape asks for.
type Matcher<'a> = &'a dyn Fn(&str) -> bool;

/// What this course asks of a week beyond the shared standard.
pub fn extra(lesson: &Lesson, problem: &mut dyn FnMut(String)) {
    let Some(index) = CURRICULUM.iter().position(|(slug, _)| *slug == lesson.slug) else {
        return;
    };
    let week = index + 1;
    let simulated = CURRICULUM[index].1.is_some();
    let sections = sections(lesson.body);

    let adr = format!("ADR-{week:02}: ");
    let shape: [(&str, Matcher); 6] = [
        ("`## Ticket ORN-<number>: ...`", &|h: &str| ticket(h).is_some()),
        (if simulated { "`## Try this`" } else { "`## Lab: ...`" }, &|h: &str| {
            if simulated { h == "Try this" } else { h.starts_with("Lab: ") }
        }),
        ("`## After the change...`", &|h: &str| h.starts_with("After the change")),
        ("`## ADR-<week>: <title>` for this week", &|h: &str| h.starts_with(&adr) && h.len() > adr.len()),
        ("`## Check`", &|h: &str| h == "Check"),
        ("`## Further reading`", &|h: &str| h == "Further reading"),
    ];
    let mut after = 0;
    for (name, matches) in shape {
        match sections.iter().skip(after).position(|(heading, _)| matches(heading)) {
            Some(i) => after += i + 1,
            None if sections.iter().any(|(heading, _)| matches(heading)) => problem(format!(
                "{name} is out of order: the shape is ticket, practice, try this or lab, after the change, ADR, check, further reading"
            )),
            None => problem(format!("no {name} heading")),
        }
    }

    if !is_interactive(lesson.blocks) {
        problem("a week needs a ```sim or ```predict block".into());
    }
    if !lesson.body.contains("](../system-design/") {
        problem("no link to a Course 1 lesson (`../system-design/<lesson>`)".into());
    }
    let reading = sections.iter().find(|(heading, _)| *heading == "Further reading");
    if reading.is_some_and(|(_, text)| !text.contains("](reading-list#")) {
        problem("`## Further reading` has no link into the reading list (`reading-list#<entry>`)".into());
    }
    for (heading, text) in sections.iter().filter(|(heading, _)| heading.starts_with("Lab: ")) {
        if !text.contains("self-checked") || !text.contains("Rubric") {
            problem(format!("`## {heading}` must say it is self-checked and give a **Rubric**"));
        }
        let rest = lesson.body.split_once(&format!("## {heading}\n")).map_or("", |(_, rest)| rest);
        if !rest.contains("<details>") {
            problem(format!("`## {heading}` has no worked answer in <details> after it"));
        }
    }

    if let Some((heading, _)) = sections.iter().find(|(heading, _)| heading.starts_with(&adr)) {
        log_record_matches(lesson.slug, heading, sections.iter().find_map(|(h, _)| ticket(h)), problem);
    }
}

/// The case file's record for this week's ADR: the same title, accepted, linking to the week,
/// naming the week's ticket.
fn log_record_matches(slug: &str, adr_heading: &str, ticket: Option<&str>, problem: &mut dyn FnMut(String)) {
    let path = super::lessons::content_dir().join("professional-engineering").join("orion.md");
    let Ok(case_file) = std::fs::read_to_string(&path) else {
        problem("cannot read the case file, content/professional-engineering/orion.md".into());
        return;
    };
    let heading = format!("\n### {adr_heading}\n");
    let Some((_, record)) = case_file.split_once(&heading) else {
        problem(format!(
            "the case file's decision log has no `### {adr_heading}` (same title as the week's)"
        ));
        return;
    };
    let record = record.split("\n#").next().unwrap_or(record);
    if !record.contains(&format!("]({slug})")) {
        problem(format!("the case file's `{adr_heading}` does not link to the week (`]({slug})`)"));
    }
    if !record.contains("**status:** accepted") {
        problem(format!("the case file's `{adr_heading}` is not marked `**status:** accepted`"));
    }
    if let Some(ticket) = ticket.filter(|t| !record.contains(&format!("**ticket:** {t}"))) {
        problem(format!(
            "the case file's `{adr_heading}` does not name the week's ticket, `**ticket:** {ticket}`"
        ));
    }
}

/// `ORN-<digits>` from a `Ticket ORN-<digits>: ...` heading.
pub fn ticket(heading: &str) -> Option<&str> {
    let rest = heading.strip_prefix("Ticket ")?;
    let (ticket, title) = rest.split_once(": ")?;
    let number = ticket.strip_prefix("ORN-")?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && !title.trim().is_empty())
        .then_some(ticket)
}

/// The body's `##` sections, as (heading, text up to the next `##` heading), skipping fenced code.
pub fn sections(body: &str) -> Vec<(&str, String)> {
    let mut sections: Vec<(&str, String)> = Vec::new();
    let mut fenced = false;
    for line in body.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        match line.strip_prefix("## ") {
            Some(heading) if !fenced => sections.push((heading.trim(), String::new())),
            _ => {
                if let Some((_, text)) = sections.last_mut() {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    sections
}

#[test]
fn a_week_out_of_shape_is_reported() {
    use headroom::content::front_matter;
    let check = |body: &str, expected: &[&str]| {
        let source = format!(
            "+++\ntitle = \"t\"\nsummary = \"s\"\nminutes = 5\nobjectives = [\"a\", \"b\"]\n+++\n{body}"
        );
        let front = front_matter::parse(&source).expect("front matter");
        let blocks = markdown::render(body, "professional-engineering", "dev-environment").blocks;
        let lesson = Lesson { slug: "dev-environment", front: &front, body, blocks: &blocks };
        let mut found = Vec::new();
        extra(&lesson, &mut |p| found.push(p));
        for want in expected {
            assert!(
                found.iter().any(|p| p.contains(want)),
                "expected a problem containing {want:?}, got {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "problems: {found:?}");
    };
    // Out of order, no interactive block, no Course 1 link, a lab with no rubric, no list link.
    check(
        "## Check\n\n## Ticket ORN-1: t\n\n## Lab: x\n\nDo it.\n\n## After the change: 1\n\n## ADR-02: T\n\n## Further reading\n\n- a\n",
        &[
            "`## Check` is out of order",
            "```sim or ```predict",
            "Course 1",
            "self-checked",
            "<details>",
            "reading list",
            "decision log has no",
        ],
    );
    // A ticket without a number is not a ticket.
    assert_eq!(ticket("Ticket ORN-: x"), None);
    assert_eq!(ticket("Ticket ORN-118: three days"), Some("ORN-118"));
}
