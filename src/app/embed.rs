//! The embed page's widget:
//! `embed/<kind>/?<scenario>&theme=dark&controls=rate,servers&t=12.5&layout=compact&scale=1.5`,
//! and what to explore beside the run: `compare=servers:2,3`, `sweep=rate:10..100`.

use leptos::prelude::*;

use crate::{
    browser,
    scenario::{
        Kind, Layout, Problem, Scenario, explore,
        presentation::{self, parse_scale},
    },
    widgets::{SimWidget, WidgetConfig},
};

/// Query keys that shape the embed rather than the simulation.
const EMBED_KEYS: [&str; 9] =
    ["theme", "controls", "t", "caption", "origin", "layout", "scale", "compare", "sweep"];

/// Latest simulated time an address may open at (a seek replays the run to it).
const MAX_START: f64 = 1e5;

/// One widget filling the frame, for an instructor's slides, from the address's query. Every
/// bad parameter is corrected and named; the widget always runs.
#[component]
pub fn EmbedPage(kind: String) -> impl IntoView {
    let config = embed_config(&kind, &browser::location_search());
    view! { <SimWidget config/> }
}

/// Reads an embed address: the path's kind, the scenario, and the embed's own keys (`theme`,
/// `controls`, `t`, `caption`, `layout`, `scale`; the last two read by `scenario::presentation`).
pub fn embed_config(kind: &str, query: &str) -> WidgetConfig {
    let mut scenario_pairs = Vec::new();
    let mut problems = Vec::new();
    let (mut controls, mut start_at, mut caption) = (None, None, None);
    let mut layout = Layout::Auto;
    let (mut compare_text, mut sweep_text) = (None, None);
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(value) =
            js_sys::decode_uri_component(&value.replace('+', " ")).ok().and_then(|v| v.as_string())
        else {
            if EMBED_KEYS.contains(&key) {
                problems.push(Problem {
                    key: key.into(),
                    message: "is not valid percent-encoding; ignored".into(),
                });
            } else {
                scenario_pairs.push(pair);
            }
            continue;
        };
        match key {
            "theme" => apply_theme(&value, &mut problems),
            "controls" => controls = Some(value),
            // Read once the scenario is known (`scenario::explore`).
            "compare" => compare_text = Some(value),
            "sweep" => sweep_text = Some(value),
            "caption" => caption = Some(value.chars().take(200).collect::<String>()),
            // Read again by the postMessage API (`widgets::embed_api`); named here if bad.
            "origin" => {
                if let Err(message) = crate::widgets::command_origin(&value) {
                    problems.push(Problem { key: "origin".into(), message });
                }
            }
            "layout" => {
                let (chosen, problem) = Layout::parse(&value);
                layout = chosen;
                problems.extend(problem);
            }
            "scale" => {
                let (scale, problem) = parse_scale(&value);
                problems.extend(problem);
                apply_scale(scale);
            }
            "t" => match value.parse::<f64>() {
                Ok(t) if t.is_finite() && (0.0..=MAX_START).contains(&t) => start_at = Some(t),
                Ok(t) if t.is_finite() && t > MAX_START => {
                    problems.push(Problem {
                        key: "t".into(),
                        message: format!("is above the maximum {MAX_START}; used {MAX_START}"),
                    });
                    start_at = Some(MAX_START);
                }
                _ => problems.push(Problem {
                    key: "t".into(),
                    message: format!("is {value:?}, not a time in seconds; starting at 0"),
                }),
            },
            _ => scenario_pairs.push(pair),
        }
    }
    let kind_name = match Kind::from_name(kind) {
        Some(k) => k.name(),
        None => {
            problems.push(Problem {
                key: "kind".into(),
                message: format!("`{kind}` is not a simulation here; showing a queue (try /embed/queue, /embed/cache, /embed/balancer)"),
            });
            "queue"
        }
    };
    // The path's kind wins over any `kind` in the query: it is given last.
    scenario_pairs.push("");
    let query = format!("{}kind={kind_name}", scenario_pairs.join("&"));
    let mut parsed = Scenario::from_query(&query);
    problems.extend(parsed.problems);
    let compare = compare_text.and_then(|text| {
        let (compare, found) = explore::parse_compare(&text, &parsed.scenario);
        problems.extend(found);
        let compare = compare?;
        if let Some(main) = &compare.main {
            problems.extend(parsed.scenario.set(compare.key, main));
        }
        Some(compare)
    });
    let sweep = sweep_text.and_then(|text| {
        let (sweep, found) = explore::parse_sweep(&text, &parsed.scenario);
        problems.extend(found);
        sweep
    });
    let controls = match controls.as_deref() {
        None => parsed.scenario.kind.descriptor().controls.iter().map(|k| k.to_string()).collect(),
        Some("none") => Vec::new(),
        Some(list) => {
            list.split(',').map(|k| k.trim().to_string()).filter(|k| !k.is_empty()).take(8).collect()
        }
    };
    WidgetConfig {
        scenario: parsed.scenario,
        problems,
        controls,
        caption,
        start_at,
        embed: true,
        layout,
        goal: None,
        compare,
        sweep,
    }
}

/// Sizes the embed's text: every size in the style sheet is in `rem`, so the root's font size
/// scales the whole widget (the canvas keeps its pixels).
fn apply_scale(scale: f64) {
    let scale = scale.clamp(presentation::SCALE_MIN, presentation::SCALE_MAX);
    if (scale - 1.0).abs() > f64::EPSILON {
        browser::set_root_style("font-size", &format!("{:.0}%", scale * 100.0));
    }
}

fn apply_theme(value: &str, problems: &mut Vec<Problem>) {
    match value {
        "light" | "dark" => browser::set_root_attribute("data-theme", Some(value)),
        "system" | "" => browser::set_root_attribute("data-theme", None),
        other => problems.push(Problem {
            key: "theme".into(),
            message: format!("is {other:?}; use light, dark or system"),
        }),
    }
}
