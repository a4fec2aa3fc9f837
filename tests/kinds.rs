//! Every kind has a complete descriptor, and the views read descriptors instead of matching on
//! the kind. `Kind::descriptor` maps every kind (the compiler insists); these tests check that
//! what each descriptor says holds: its keys exist, its controls are its keys, its readouts and
//! chart lines name figures a run of it reports, its comparison and sweep vary keys it has, and
//! its failure actions set keys it reads.

use std::{fs, path::Path};

use headroom::scenario::{KEYS, Kind, Scenario};
use headroom::sim::{self, Outcome, Sim, chart, kinds::Drawing, kinds::Family};

/// A short run of `kind` with its defaults.
fn scenario(kind: Kind) -> Scenario {
    let mut s = Scenario::parse(&format!("kind={} requests=300", kind.name())).scenario;
    if !kind.is_timed() {
        s = Scenario::parse(&format!("kind={}", kind.name())).scenario;
    }
    s
}

fn outcome(kind: Kind) -> Outcome {
    sim::run(&scenario(kind), 10_000_000).expect("a run of the defaults")
}

#[test]
fn every_kind_has_a_descriptor_that_names_it() {
    let mut names = Vec::new();
    for kind in Kind::ALL {
        let d = kind.descriptor();
        assert_eq!(Kind::from_name(d.name), Some(kind), "{kind:?}");
        assert!(!d.summary.is_empty(), "{kind:?} has no summary");
        assert!(!names.contains(&d.name), "{} twice", d.name);
        names.push(d.name);
        assert_eq!(d.is_timed(), !matches!(d.model, Family::Computed(_)));
        assert_eq!(
            matches!(d.drawing, Drawing::Table | Drawing::Stocks),
            !d.is_timed(),
            "{kind:?}: a table or stocks are for computed kinds"
        );
    }
}

#[test]
fn keys_are_listed_once_and_every_key_has_a_kind() {
    for kind in Kind::ALL {
        let d = kind.descriptor();
        let mut seen = Vec::new();
        for spec in d.all_keys() {
            assert!(KEYS.iter().any(|k| std::ptr::eq(*k, spec)), "{kind:?}: {} is not in KEYS", spec.name);
            assert!(!seen.contains(&spec.name), "{kind:?} lists `{}` twice", spec.name);
            seen.push(spec.name);
        }
        for group in d.keys {
            assert!(!group.keys.is_empty(), "{kind:?}: group {} is empty", group.name);
        }
    }
    for spec in KEYS.iter() {
        assert!(Kind::ALL.iter().any(|k| k.uses(spec)), "no kind reads `{}`", spec.name);
    }
}

#[test]
fn controls_compare_and_sweep_name_the_kinds_own_keys() {
    for kind in Kind::ALL {
        let d = kind.descriptor();
        assert!(!d.controls.is_empty(), "{kind:?} offers no controls");
        for control in d.controls {
            assert!(d.key(control).is_some(), "{kind:?}: control `{control}` is not its key");
        }
        if let Some(compare) = d.compare {
            let spec = d.key(compare.key).unwrap_or_else(|| panic!("{kind:?} compares `{}`", compare.key));
            assert!(spec.choices().is_some_and(|c| c.len() > 1), "{kind:?}: `{}` is no choice", compare.key);
        }
        if let Some(sweep) = d.sweep {
            assert!(d.key(sweep.key).is_some(), "{kind:?} sweeps `{}`", sweep.key);
            let s = scenario(kind);
            let values = (sweep.values)(&s);
            assert!(values.len() > 2, "{kind:?}: a sweep of {} runs", values.len());
            for value in values {
                let mut run = s.clone();
                assert_eq!(run.set(sweep.key, &value), vec![], "{kind:?}: {} = {value}", sweep.key);
            }
        }
    }
}

#[test]
fn readouts_charts_and_sweeps_read_figures_a_run_reports() {
    for kind in Kind::ALL {
        let d = kind.descriptor();
        assert!(!d.readouts.is_empty(), "{kind:?} shows no figures");
        let outcome = outcome(kind);
        for readout in d.readouts.iter().chain(d.compare.iter().flat_map(|c| c.rows)) {
            assert!(outcome.metric(readout.metric).is_some(), "{kind:?}: no figure `{}`", readout.metric);
        }
        if let Some(sweep) = d.sweep {
            for line in sweep.lines {
                assert!(outcome.metric(line.metric).is_some(), "{kind:?}: sweep reads `{}`", line.metric);
            }
        }
        assert_eq!(d.charts.is_empty(), !d.is_timed(), "{kind:?}: timed kinds chart, computed ones do not");
        assert!(!d.charts_for(&scenario(kind)).is_empty() || !d.is_timed(), "{kind:?}: no chart shown");
        for line in d.charts.iter().flat_map(|c| c.lines) {
            assert!(chart::SERIES.contains(&line.series), "{kind:?}: no series `{}`", line.series);
        }
    }
}

/// A compact widget (a slide, a phone, the column beside a lesson) shows only these: three or
/// four, each one of the kind's readouts, none twice.
#[test]
fn key_readouts_are_three_or_four_of_the_kinds_readouts() {
    for kind in Kind::ALL {
        let d = kind.descriptor();
        assert!((3..=4).contains(&d.key_readouts.len()), "{kind:?}: {} key readouts", d.key_readouts.len());
        for (i, key) in d.key_readouts.iter().enumerate() {
            assert!(
                d.readouts.iter().any(|r| r.metric == *key),
                "{kind:?}: key readout `{key}` is not a readout"
            );
            assert!(!d.key_readouts[..i].contains(key), "{kind:?}: `{key}` twice");
        }
    }
}

#[test]
fn failure_actions_set_keys_the_kind_reads() {
    for kind in Kind::ALL.into_iter().filter(|k| k.is_timed()) {
        let d = kind.descriptor();
        let mut sim = Sim::new(&scenario(kind));
        sim.run_until(1.0, 1_000_000);
        let snapshot = sim.snapshot();
        for action in d.actions {
            assert!(!(action.label)(&snapshot).is_empty());
            let mut changed = scenario(kind);
            for (key, value) in (action.changes)(&changed.clone(), &snapshot) {
                assert!(d.key(key).is_some(), "{kind:?}: {} sets `{key}`", action.id);
                assert_eq!(changed.set(key, &value), vec![], "{kind:?}: {} sets {key} = {value}", action.id);
            }
        }
    }
}

#[test]
fn theory_covers_the_default_scenario_of_each_kind_that_names_it() {
    for kind in Kind::ALL {
        let d = kind.descriptor();
        let predicted = sim::theory::predict(&scenario(kind));
        assert_eq!(predicted.is_some(), d.theory.is_some(), "{kind:?}");
    }
}

/// `Kind::descriptor` is an exhaustive `match`, so a kind without a descriptor does not
/// compile; `Kind::ALL`, which every test here walks, must list every variant too.
#[test]
fn every_variant_is_in_kind_all() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("src/scenario/kind.rs")).unwrap_or_default();
    let body = text.split("pub enum Kind {").nth(1).and_then(|rest| rest.split('}').next()).unwrap_or("");
    let variants: Vec<&str> = body
        .lines()
        .map(|l| l.trim().trim_end_matches(','))
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .collect();
    assert!(variants.len() >= 11, "read {} variants from src/scenario/kind.rs", variants.len());
    let listed: Vec<String> = Kind::ALL.iter().map(|k| format!("{k:?}")).collect();
    for variant in &variants {
        assert!(listed.iter().any(|l| l == variant), "Kind::{variant} is missing from Kind::ALL");
    }
    assert_eq!(listed.len(), variants.len());
}

/// Issue 8: the theory note runs the descriptor's theory function on every slider tick, so it
/// must not grow with the key count (Che's approximation over a million keys was about 10^8
/// `exp` calls, a frozen page). Every formula over keys reads `caches::popularity`, a few
/// thousand bands whatever the count, and no theory code sums the keys' shares one by one.
#[test]
fn theory_functions_do_bounded_work_at_a_million_keys() {
    use headroom::sim::theory::caches;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/sim/theory.rs")];
    rust_files(&root.join("src/sim/theory"), &mut files);
    rust_files(&root.join("src/sim/kinds"), &mut files);
    // The one call of the key-by-key shares is in `caches::bands`, for small key spaces.
    let mut per_key = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| l.contains("zipf::shares(")) {
            per_key.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
        }
    }
    assert!(
        per_key.len() == 1 && per_key[0].contains("caches.rs"),
        "theory code sums the keys' shares key by key:\n  {}",
        per_key.join("\n  ")
    );
    let mut theories = 0;
    for kind in Kind::ALL {
        let d = kind.descriptor();
        let Some(theory) = d.theory else { continue };
        let has_keys = d.keys.iter().any(|g| g.keys.iter().any(|k| k.name == "keys"));
        if !has_keys {
            continue;
        }
        let parsed = Scenario::parse(&format!("kind={} keys=1000000", kind.name()));
        assert!(parsed.problems.is_empty(), "{kind:?}: {:?}", parsed.problems);
        assert_eq!(parsed.scenario.keys.count, 1_000_000);
        assert!(caches::popularity(&parsed.scenario).len() <= 3_000, "{kind:?}");
        if let Some(prediction) = (theory.predict)(&parsed.scenario) {
            let figures = [prediction.hit_ratio, prediction.stale_ratio];
            assert!(figures.iter().flatten().all(|f| f.is_finite()), "{kind:?}: {prediction:?}");
        }
        theories += 1;
    }
    assert!(theories >= 2, "only {theories} kinds with keys have a theory");
}

/// View code (widgets and pages) reads descriptors; naming a kind there is the switch this
/// test exists to keep out.
#[test]
fn no_view_matches_on_the_kind() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let variants: Vec<String> = Kind::ALL.iter().map(|k| format!("Kind::{k:?}")).collect();
    let mut files = Vec::new();
    for dir in ["src/widgets", "src/app", "src/components"] {
        rust_files(&root.join(dir), &mut files);
    }
    for file in ["src/widgets.rs", "src/app.rs", "src/components.rs", "src/islands.rs", "src/playback.rs"] {
        files.push(root.join(file));
    }
    assert!(files.len() > 20, "found only {} view files: has the layout changed?", files.len());
    let mut problems = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            // A glob import would let a view name the variants bare.
            if line.contains("Kind::*") || line.contains("Kind::{") {
                let relative = file.strip_prefix(root).unwrap_or(file).display();
                problems.push(format!("{relative}:{}: imports the kind's variants", n + 1));
            }
            for variant in variants.iter().filter(|v| line.contains(v.as_str())) {
                let relative = file.strip_prefix(root).unwrap_or(file).display();
                problems.push(format!("{relative}:{}: names {variant}", n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "views must read the kind's descriptor:\n  {}", problems.join("\n  "));
}

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).into_iter().flatten().flatten() {
            rust_files(&entry.path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// A failure takes effect at the very moment it is asked for: replayed to that moment, the run
/// shows it (an outage written rounded to the millisecond could start just after it).
#[test]
fn a_failure_action_holds_at_the_moment_it_was_asked() {
    let kind = Kind::Queue;
    let base = Scenario::parse("kind=queue rate=50 service_time=0.018 requests=0 seed=3").scenario;
    let kill = kind.descriptor().actions.iter().find(|a| a.id == "kill-server").expect("kill-server");
    for at in [2.0006, 7.25049, 30_123.456_789] {
        let mut sim = Sim::new(&base);
        sim.run_until(at, 100_000_000);
        let snapshot = sim.snapshot();
        assert_eq!((kill.label)(&snapshot), "Kill server 1");
        let mut changed = base.clone();
        for (key, value) in (kill.changes)(&base, &snapshot) {
            assert_eq!(changed.set(key, &value), vec![]);
        }
        let mut replayed = Sim::new(&changed);
        replayed.run_until(snapshot.time, 100_000_000);
        assert_eq!((kill.label)(&replayed.snapshot()), "Revive server 1", "killed at {}", snapshot.time);
    }
}
