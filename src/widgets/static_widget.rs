use leptos::prelude::*;

use super::{ProblemList, WidgetConfig, readouts::format_count};
use crate::{
    scenario::{KEYS, Scenario},
    sim::{self, Outcome},
};

/// Kinds that are computed, not animated (`estimate`, `hashing`): the inputs as controls and
/// the results as a table, recomputed on every change.
#[component]
pub fn StaticWidget(config: WidgetConfig) -> impl IntoView {
    let scenario = RwSignal::new(config.scenario.clone());
    let problems = RwSignal::new(config.problems.clone());
    let outcome = Memo::new(move |_| scenario.with(|s| sim::run(s, 1_000_000).ok()));
    let set = move |key: &'static str, value: String| {
        let text = format!("{}\n{key} = {value}", scenario.with_untracked(Scenario::to_block));
        let parsed = Scenario::parse(&text);
        problems.set(parsed.problems);
        scenario.set(parsed.scenario);
    };
    let inputs = config
        .controls
        .iter()
        .filter_map(|key| KEYS.iter().find(|k| k.name == key))
        .map(|spec| {
            let id = format!("param-{}", spec.name);
            let current = move || scenario.with(|s| (spec.write)(s, &spec.bounds));
            view! {
                <div class="param">
                    <label for=id.clone()>{spec.name.replace('_', " ")}</label>
                    <input type="text" inputmode="decimal" id=id.clone() data-testid=id prop:value=current
                        on:change=move |ev| set(spec.name, event_target_value(&ev))/>
                </div>
            }
        })
        .collect_view();
    let rows = move || outcome.get().map(|o| results(&o)).unwrap_or_default();
    let table = move || {
        rows()
            .into_iter()
            .map(|(id, label, value)| view! { <tr><th scope="row">{label}</th><td data-testid=format!("readout-{id}")>{value}</td></tr> })
            .collect_view()
    };
    view! {
        <div class="sim static" data-testid="sim-widget" data-kind=config.scenario.kind.name()>
            <ProblemList problems/>
            <div class="sim-params">{inputs}</div>
            <table class="results">{table}</table>
            {config.caption.map(|c| view! { <p class="caption">{c}</p> })}
        </div>
    }
}

/// A whole number with thousands separators (`1,157`), from a float.
fn whole(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e15 { format_count(x.round().abs() as u64) } else { format!("{x:.3e}") }
}

fn results(outcome: &Outcome) -> Vec<(&'static str, &'static str, String)> {
    let si = |x: f64, unit: &str| {
        let (v, p) = [(1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
            .into_iter()
            .find(|(scale, _)| x.abs() >= *scale)
            .map_or((x, ""), |(scale, p)| (x / scale, p));
        format!("{v:.3} {p}{unit}")
    };
    match outcome {
        Outcome::Estimate(e) => vec![
            ("requests_per_second", "requests per second (average)", whole(e.requests_per_second)),
            ("peak_requests_per_second", "requests per second (peak)", whole(e.peak_requests_per_second)),
            ("reads_per_second", "reads per second", whole(e.reads_per_second)),
            ("writes_per_second", "writes per second", whole(e.writes_per_second)),
            ("storage_bytes_per_day", "storage per day", si(e.storage_bytes_per_day, "B")),
            ("storage_bytes_total", "storage in all", si(e.storage_bytes_total, "B")),
            ("bandwidth_bytes_per_second", "bandwidth (average)", si(e.bandwidth_bytes_per_second, "B/s")),
            ("tokens_in_per_day", "model tokens in per day", si(e.tokens_in_per_day, "")),
            ("tokens_out_per_day", "model tokens out per day", si(e.tokens_out_per_day, "")),
            ("dollars_per_day", "model cost per day", format!("${}", whole(e.dollars_per_day))),
            ("dollars_per_month", "model cost per month", format!("${}", whole(e.dollars_per_month))),
        ],
        Outcome::Hashing(h) => vec![
            ("max_over_mean", "busiest server ÷ average", format!("{:.2}", h.max_over_mean)),
            ("cv", "spread of load (coefficient of variation)", format!("{:.3}", h.cv)),
            ("expected_cv", "expected spread, √((S−1)/(S·V+1))", format!("{:.3}", h.expected_cv)),
            (
                "moved_on_join",
                "keys that move when a server joins",
                format!("{:.1} %", h.moved_on_join * 100.0),
            ),
            ("moved_mod_n", "keys that move with hash mod N", format!("{:.1} %", h.moved_mod_n * 100.0)),
        ],
        Outcome::Timed(_) => Vec::new(),
    }
}
