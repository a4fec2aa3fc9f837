//! What a widget's explore panel runs beside the scenario, as an address writes it and as the
//! sweep plans it. Pure, so both are tested natively.
//!
//! - `compare=servers:2,3`: the scenario runs with `servers = 2` beside a copy with
//!   `servers = 3`, on identical arrivals. `compare=policy:p2c` keeps the scenario's own value
//!   and compares it with `p2c`; `compare=p2c` (no key) compares the kind's own comparison key
//!   (a balancer's or a cache's `policy`). Any key the kind reads can be compared.
//! - `sweep=rate:10..100`: the scenario runs at about a dozen values of `rate` from 10 to 100,
//!   log-spaced when the range spans a factor of 20 or more. `sweep=rate` takes a range around
//!   the current value within the key's bounds ([`default_range`]); a third part names the
//!   figure plotted (`sweep=servers:1..8:p99`). Any numeric key the kind reads can be swept.
//!
//! A bad part is named in a [`Problem`] and the comparison or sweep is left out (or, for a
//! value outside the key's range, clamped as the scenario's own keys are); nothing panics.

use super::{KeySpec, Problem, Scenario, lookup};

/// Runs in a sweep of a key, at most.
pub const SWEEP_POINTS: usize = 12;
/// A range spanning at least this factor is swept with log spacing.
pub const LOG_RATIO: f64 = 20.0;

/// A comparison from an address.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareAddress {
    pub key: &'static str,
    /// The value the scenario itself takes (`None`: as it is).
    pub main: Option<String>,
    /// The value of the run beside it.
    pub other: String,
}

/// A sweep from an address.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepAddress {
    pub key: &'static str,
    /// From and to (`None`: [`default_range`]).
    pub range: Option<(f64, f64)>,
    /// The figure plotted, a readout's report name (`None`: the kind's default).
    pub figure: Option<&'static str>,
}

fn problem(key: &str, message: String) -> Problem {
    Problem::new(key, message)
}

/// `value` for `key` as the scenario would take it: its canonical text, with the note if it
/// was clamped, or why it cannot be used.
pub fn check_value(scenario: &Scenario, key: &str, value: &str) -> Result<(String, Option<String>), String> {
    let mut copy = scenario.clone();
    let problems = copy.set(key, value);
    let canonical =
        copy.get(key).ok_or_else(|| format!("`{key}` is not a key of kind = {}", scenario.kind))?;
    match problems.into_iter().find(|p| p.key == key) {
        // A value refused outright keeps the old one: say so rather than compare it.
        Some(p) if p.message.contains("; kept") || p.message.contains("used the default") => {
            Err(format!("`{key}` {}", p.message))
        }
        Some(p) => Ok((canonical, Some(format!("`{key}` {}", p.message)))),
        None => Ok((canonical, None)),
    }
}

/// Reads `compare=` for `scenario`.
pub fn parse_compare(value: &str, scenario: &Scenario) -> (Option<CompareAddress>, Vec<Problem>) {
    let kind = scenario.kind;
    let value = value.trim();
    let mut problems = Vec::new();
    let (key, values) = match value.split_once(':') {
        Some((key, values)) => (key.trim(), values),
        None => match kind.descriptor().compare {
            Some(compare) => (compare.key, value),
            None => {
                let message = format!(
                    "is {value:?}; name the key and the values, e.g. compare=servers:2,3 (kind = {kind} has no default comparison)"
                );
                return (None, vec![problem("compare", message)]);
            }
        },
    };
    let Some(spec) = lookup(key, kind) else {
        return (
            None,
            vec![problem("compare", format!("names `{key}`, not a key of kind = {kind}; no comparison"))],
        );
    };
    let parts: Vec<&str> = values.split(',').map(str::trim).collect();
    let (main, other) = match parts.as_slice() {
        [other] if !other.is_empty() => (None, *other),
        [main, other] if !main.is_empty() && !other.is_empty() => (Some(*main), *other),
        _ => {
            let message = format!("is {value:?}; give one or two values of `{key}`, e.g. compare={key}:a,b");
            return (None, vec![problem("compare", message)]);
        }
    };
    let mut read = |text: &str| match check_value(scenario, spec.name, text) {
        Ok((canonical, note)) => {
            problems.extend(note.map(|n| problem("compare", n)));
            Some(canonical)
        }
        Err(why) => {
            problems.push(problem("compare", format!("value {text:?}: {why}; no comparison")));
            None
        }
    };
    let main = match main {
        Some(text) => match read(text) {
            Some(v) => Some(v),
            None => return (None, problems),
        },
        None => None,
    };
    let Some(other) = read(other) else { return (None, problems) };
    let own = main.clone().or_else(|| scenario.get(spec.name)).unwrap_or_default();
    if own == other {
        problems.push(problem("compare", format!("compares `{key}` = {other} with itself; no comparison")));
        return (None, problems);
    }
    (Some(CompareAddress { key: spec.name, main, other }), problems)
}

/// Whether `spec` takes a number (and so can be swept).
pub fn is_numeric(spec: &KeySpec) -> bool {
    spec.choices().is_none()
}

/// The current value of `key` as a number, if it is one (`none`, `unlimited` are not).
pub fn number_of(scenario: &Scenario, key: &str) -> Option<f64> {
    scenario.get(key)?.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A sweep's range around `current` within `spec`'s bounds: a tenth to ten times the value
/// (whole numbers: a quarter to four times, at least a dozen steps wide), the whole range for
/// a key bounded by 1 (a share, a probability), from the minimum when the value is 0 or a word.
pub fn default_range(spec: &KeySpec, current: Option<f64>) -> (f64, f64) {
    let (min, max) = (spec.bounds.min, spec.bounds.max);
    let range = match current {
        _ if max <= 3.0 => (min, max),
        Some(v) if v > 0.0 && spec.integer() => {
            let from = (v / 4.0).round().max(min).max(1.0);
            (from, (v * 4.0).max(from + (SWEEP_POINTS - 1) as f64).min(max))
        }
        Some(v) if v > 0.0 => ((v / 10.0).max(min), (v * 10.0).min(max)),
        _ => (min, max.min(min.max(1.0) * 100.0)),
    };
    if range.1 > range.0 { range } else { (min, max) }
}

/// The values a sweep from `from` to `to` runs, in order: [`SWEEP_POINTS`] of them, log-spaced
/// when the range spans [`LOG_RATIO`] or more, each rounded to three significant digits (whole
/// numbers for a whole-number key, without repeats). Also whether the spacing is log.
pub fn sweep_values(from: f64, to: f64, integer: bool) -> (Vec<f64>, bool) {
    let log = from > 0.0 && to / from >= LOG_RATIO;
    let n = SWEEP_POINTS;
    let mut values: Vec<f64> = Vec::with_capacity(n);
    for i in 0..n {
        let f = i as f64 / (n - 1) as f64;
        let x = if log { from * (to / from).powf(f) } else { from + (to - from) * f };
        let x = if integer { x.round() } else { round_sig(x, 3) };
        let x = x.clamp(from.min(to), to.max(from));
        if values.last().is_none_or(|last| *last != x) {
            values.push(x);
        }
    }
    (values, log)
}

/// `x` to `digits` significant digits.
pub fn round_sig(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// Reads `sweep=` for `scenario`.
pub fn parse_sweep(value: &str, scenario: &Scenario) -> (Option<SweepAddress>, Vec<Problem>) {
    let kind = scenario.kind;
    let mut parts = value.trim().splitn(3, ':');
    let key = parts.next().unwrap_or_default().trim();
    let Some(spec) = lookup(key, kind) else {
        return (
            None,
            vec![problem("sweep", format!("names `{key}`, not a key of kind = {kind}; no sweep"))],
        );
    };
    if !is_numeric(spec) {
        return (
            None,
            vec![problem(
                "sweep",
                format!("names `{key}`, which takes a word; a sweep varies a number (try compare={key}:...)"),
            )],
        );
    }
    let mut problems = Vec::new();
    let range = match parts.next().map(str::trim).filter(|r| !r.is_empty()) {
        None => None,
        Some(range) => {
            match range.split_once("..").map(|(a, b)| (a.trim().parse::<f64>(), b.trim().parse::<f64>())) {
                Some((Ok(from), Ok(to))) if from.is_finite() && to.is_finite() && from < to => {
                    let (min, max) = (spec.bounds.min, spec.bounds.max);
                    let clamped = (from.clamp(min, max), to.clamp(min, max));
                    if clamped != (from, to) {
                        problems.push(problem(
                            "sweep",
                            format!(
                                "range {from}..{to} goes outside `{key}`'s {min}..{max}; used {}..{}",
                                clamped.0, clamped.1
                            ),
                        ));
                    }
                    (clamped.0 < clamped.1).then_some(clamped)
                }
                _ => {
                    problems.push(problem(
                    "sweep",
                    format!("range {range:?} is not `from..to` with from below to (e.g. {key}:10..100); used the default range"),
                ));
                    None
                }
            }
        }
    };
    let figure = match parts.next().map(str::trim).filter(|f| !f.is_empty()) {
        None => None,
        Some(name) => match kind.descriptor().readouts.iter().find(|r| r.metric == name) {
            Some(readout) => Some(readout.metric),
            None => {
                problems.push(problem(
                    "sweep",
                    format!("figure `{name}` is not one kind = {kind} reports; used the default"),
                ));
                None
            }
        },
    };
    (Some(SweepAddress { key: spec.name, range, figure }), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(text: &str) -> Scenario {
        Scenario::parse(text).scenario
    }

    #[test]
    fn compare_reads_a_key_and_two_values() {
        let s = scenario("kind=queue servers=2");
        let (c, problems) = parse_compare("servers:2,3", &s);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c, Some(CompareAddress { key: "servers", main: Some("2".into()), other: "3".into() }));
        let (c, _) = parse_compare("rate:1.5", &s);
        assert_eq!(c, Some(CompareAddress { key: "rate", main: None, other: "1.5".into() }));
        // The kind's own comparison needs no key.
        let b = scenario("kind=balancer policy=round_robin");
        let (c, problems) = parse_compare("p2c", &b);
        assert!(problems.is_empty());
        assert_eq!(c.map(|c| (c.key, c.other)), Some(("policy", "p2c".to_string())));
        let (c, _) = parse_compare("policy:least_conn,p2c", &b);
        assert_eq!(c.and_then(|c| c.main), Some("least_conn".to_string()));
    }

    #[test]
    fn a_bad_comparison_is_named_and_left_out() {
        let s = scenario("kind=queue servers=2");
        for (text, named) in [
            ("capacity:1,2", "`capacity`"),
            ("servers:two", "\"two\""),
            ("servers:2", "with itself"),
            ("servers:3,3", "with itself"),
            ("servers:", "one or two values"),
            ("servers:1,2,3", "one or two values"),
            ("p2c", "no default comparison"),
            ("discipline:newest", "\"newest\""),
        ] {
            let (c, problems) = parse_compare(text, &s);
            assert_eq!(c, None, "{text}");
            assert!(
                problems.iter().any(|p| p.key == "compare" && p.message.contains(named)),
                "{text}: {problems:?}"
            );
        }
        // Out of range: clamped, named, still compared.
        let (c, problems) = parse_compare("servers:500", &s);
        assert_eq!(c.map(|c| c.other), Some("64".into()));
        assert!(problems.iter().any(|p| p.message.contains("64")), "{problems:?}");
    }

    #[test]
    fn sweep_reads_a_key_a_range_and_a_figure() {
        let s = scenario("kind=queue rate=50 service_time=0.01");
        assert_eq!(
            parse_sweep("rate:10..100", &s),
            (Some(SweepAddress { key: "rate", range: Some((10.0, 100.0)), figure: None }), vec![])
        );
        assert_eq!(
            parse_sweep("servers", &s).0,
            Some(SweepAddress { key: "servers", range: None, figure: None })
        );
        assert_eq!(parse_sweep("servers:1..8:p99", &s).0.and_then(|a| a.figure), Some("p99"));
    }

    #[test]
    fn a_bad_sweep_is_named() {
        let s = scenario("kind=queue");
        let (a, p) = parse_sweep("capacity:1..10", &s);
        assert!(a.is_none() && p[0].message.contains("`capacity`"));
        let (a, p) = parse_sweep("discipline", &s);
        assert!(a.is_none() && p[0].message.contains("takes a word"));
        for bad in ["rate:10", "rate:100..10", "rate:a..b", "rate:1..NaN"] {
            let (a, p) = parse_sweep(bad, &s);
            assert_eq!(a.map(|a| a.range), Some(None), "{bad}: the default range");
            assert!(p[0].message.contains("from..to"), "{bad}: {p:?}");
        }
        let (a, p) = parse_sweep("servers:0..500", &s);
        assert_eq!(a.and_then(|a| a.range), Some((1.0, 64.0)));
        assert!(p[0].message.contains("outside"));
        let (a, p) = parse_sweep("servers:1..4:hit_ratio", &s);
        assert_eq!(a.map(|a| a.figure), Some(None));
        assert!(p[0].message.contains("`hit_ratio`"));
    }

    #[test]
    fn ranges_are_spaced_sensibly() {
        let (v, log) = sweep_values(10.0, 100.0, false);
        assert!(!log);
        assert_eq!(v.len(), SWEEP_POINTS);
        assert_eq!((v[0], v[11]), (10.0, 100.0));
        let (v, log) = sweep_values(1.0, 1000.0, false);
        assert!(log);
        assert_eq!((v[0], v[11]), (1.0, 1000.0));
        assert!((v[1] - 1.87).abs() < 0.01, "{v:?}");
        // Whole numbers: no repeats.
        let (v, _) = sweep_values(1.0, 4.0, true);
        assert_eq!(v, [1.0, 2.0, 3.0, 4.0]);
        // Around the current value, within the bounds.
        let servers = lookup("servers", crate::scenario::Kind::Queue).unwrap();
        assert_eq!(default_range(servers, Some(4.0)), (1.0, 16.0));
        assert_eq!(default_range(servers, Some(32.0)), (8.0, 64.0));
        let rate = lookup("rate", crate::scenario::Kind::Queue).unwrap();
        assert_eq!(default_range(rate, Some(50.0)), (5.0, 500.0));
        let share = lookup("high_share", crate::scenario::Kind::Queue).unwrap();
        assert_eq!(default_range(share, Some(0.2)), (0.0, 1.0));
        let timeout = lookup("timeout", crate::scenario::Kind::Queue).unwrap();
        let (from, to) = default_range(timeout, None);
        assert!(from < to && from >= timeout.bounds.min && to <= timeout.bounds.max);
    }

    #[test]
    fn every_numeric_key_of_every_kind_has_a_usable_range() {
        for kind in crate::scenario::Kind::ALL {
            let s = Scenario::parse(&format!("kind={kind}")).scenario;
            for spec in kind.descriptor().all_keys().filter(|s| is_numeric(s)) {
                let (from, to) = default_range(spec, number_of(&s, spec.name));
                assert!(from < to, "{kind}: {}: {from}..{to}", spec.name);
                let (values, _) = sweep_values(from, to, spec.integer());
                assert!(values.len() >= 2 && values.len() <= SWEEP_POINTS, "{kind}: {}", spec.name);
                assert!(values.windows(2).all(|w| w[0] < w[1]), "{kind}: {}: {values:?}", spec.name);
            }
        }
    }
}
