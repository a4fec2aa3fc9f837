//! Reading scenarios: the accepted forms, every key's clamping, canonical write-back, and a
//! seeded fuzz that no input panics.

#[path = "support/fuzz.rs"]
mod fuzz;
use fuzz::Fuzz;

use headroom::scenario::{KEYS, Kind, Scenario, is_key, lint, names};

/// Parses `input` and compares its canonical block and its problems (as text) to `expected`.
fn check(input: &str, expected_block: &str, expected_problems: &[&str]) {
    let parsed = Scenario::parse(input);
    let problems: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(parsed.scenario.to_block(), expected_block, "block for {input:?}");
    assert_eq!(problems, expected_problems, "problems for {input:?}");
}

#[test]
fn accepts_blocks_spaces_ampersands_and_queries() {
    let block = "kind = queue\nrate = 0.5\nservers = 2\n";
    check("kind = queue\n# a comment\n\nrate = 0.5\nservers = 2", block, &[]);
    check("kind=queue rate=0.5 servers=2", block, &[]);
    check("kind=queue&rate=0.5&servers=2", block, &[]);
    check("  kind =queue   rate= 0.5 servers = 2  ", block, &[]);
    let parsed = Scenario::from_query("?kind=balancer&speeds=1%2C0.5&servers=2");
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.scenario.service.speeds, vec![1.0, 0.5]);
    let parsed = Scenario::parse("kind = balancer\nservers = 3\nspeeds = 1, 0.5, 2");
    assert_eq!(parsed.scenario.service.speeds, vec![1.0, 0.5, 2.0]);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
}

#[test]
fn reports_each_mistake_and_what_was_used() {
    check(
        "kind = queue rate = fast",
        "kind = queue\n",
        &["`rate` = \"fast\" is not a number; used the default 0.9"],
    );
    check(
        "kind = cache zipf = 9",
        "kind = cache\nzipf = 3\n",
        &["`zipf` = 9 is above the maximum 3; used 3"],
    );
    check("kind = queue colour = red", "kind = queue\n", &["`colour` is not a scenario key; ignored"]);
    check(
        "kind = queue ttl = 5",
        "kind = queue\n",
        &["`ttl` does nothing for kind = queue; ignored (used by: cache, pipeline)"],
    );
    check("kind = warp", "kind = queue\n", &["`kind` \"warp\" is not a kind; used queue"]);
    check("hello kind = queue", "kind = queue\n", &["`hello` is not a `key = value` pair; ignored"]);
    check(
        "kind = queue servers = 2.5",
        "kind = queue\n",
        &["`servers` = \"2.5\" is not a whole number; used the default 1"],
    );
    check("kind = queue controls = rate", "kind = queue\n", &["`controls` is not a scenario key; ignored"]);
}

#[test]
fn kind_decides_what_policy_means() {
    check("kind = balancer policy = p2c", "kind = balancer\npolicy = p2c\n", &[]);
    check("kind = cache policy = lfu", "kind = cache\npolicy = lfu\n", &[]);
    check(
        "kind = pipeline lb_policy = hash cache_policy = fifo",
        "kind = pipeline\nlb_policy = hash\ncache_policy = fifo\n",
        &[],
    );
    let parsed = Scenario::parse("kind = pipeline policy = lru");
    assert_eq!(parsed.problems.len(), 1);
}

#[test]
fn optional_values_take_their_word() {
    check("kind = queue queue_cap = unlimited timeout = none", "kind = queue\n", &[]);
    check("kind = queue queue_cap = 0 timeout = 2", "kind = queue\nqueue_cap = 0\ntimeout = 2\n", &[]);
    check("kind = cache ttl = none warm = on", "kind = cache\nwarm = on\n", &[]);
}

#[test]
fn cross_checks_correct_impossible_combinations() {
    check(
        "kind = autoscale min_servers = 4 max_servers = 2",
        "kind = autoscale\nservers = 4\nmin_servers = 4\nmax_servers = 4\n",
        &[
            "`max_servers` 2 is below min_servers 4; used 4",
            "`servers` 1 is outside min_servers..max_servers; used 4",
        ],
    );
    check(
        "kind = queue servers = 2 outage_at = 5 outage_server = 7",
        "kind = queue\nservers = 2\noutage_at = 5\noutage_server = 1\n",
        &["`outage_server` 7 is not a server (they are numbered 0 to 1); used 1"],
    );
}

/// Every key with a range: below the minimum clamps to it, above the maximum clamps to it,
/// and the clamped value survives a round trip through the block and the query forms.
#[test]
fn every_key_clamps_to_its_range_and_round_trips() {
    for kind in Kind::ALL {
        for spec in KEYS.iter().filter(|spec| kind.uses(spec)) {
            let b = spec.bounds;
            if b.min == b.max {
                continue; // a choice or a switch
            }
            for (written, expected) in [(b.min - 1.0, b.min), (b.max * 2.0 + 1.0, b.max)] {
                let input = format!("kind = {kind}\n{} = {written}", spec.name);
                let parsed = Scenario::parse(&input);
                let problem = &parsed.problems[0];
                assert_eq!(problem.key, spec.name);
                assert!(problem.message.contains(&format!("used {expected}")), "{problem}");
                // A cross-check (autoscale's `servers` within min..max) may correct it further.
                if parsed.problems.len() == 1 {
                    let value = parsed.scenario.get(spec.name).unwrap_or_default();
                    assert_eq!(value.parse::<f64>().ok(), Some(expected), "{input}");
                }
                let again = Scenario::parse(&parsed.scenario.to_block());
                assert!(again.problems.is_empty(), "{:?}", again.problems);
                assert_eq!(again.scenario, parsed.scenario);
                let again = Scenario::from_query(&parsed.scenario.to_query());
                assert_eq!(again.scenario, parsed.scenario);
            }
        }
    }
}

#[test]
fn vocabulary_is_documented() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scenarios.md"))
        .unwrap_or_default();
    for name in names() {
        assert!(is_key(name));
        assert!(docs.contains(&format!("| `{name}` |")), "docs/scenarios.md lacks `{name}`");
    }
    for spec in KEYS {
        let default = format!("| `{}` |", spec.default_text());
        let documented = docs
            .lines()
            .filter(|line| line.starts_with(&format!("| `{}` |", spec.name)))
            .any(|row| row.contains(&default) || spec.name == "speeds");
        assert!(documented, "docs/scenarios.md: `{}` lacks its default {default}", spec.name);
    }
    assert!(!is_key("controls") && !is_key("caption") && !is_key("theme"));
    assert!(lint("kind = queue\nrate = 0.5").is_empty());
    assert_eq!(lint("kind = queue\nrate = 5000000").len(), 1);
}

#[test]
fn random_input_never_panics_and_write_back_is_stable() {
    let names = names();
    let values = [
        "0",
        "-1",
        "1e308",
        "-1e308",
        "NaN",
        "inf",
        "-inf",
        "0.5",
        "3",
        "1_000",
        "none",
        "unlimited",
        "on",
        "off",
        "lru",
        "p2c",
        "hash",
        "",
        "=",
        "%",
        "%zz",
        "%2C",
        "1,2,,3",
        "é",
        "\u{0}",
        "9007199254740993",
        "18446744073709551616",
        "queue",
        "pipeline",
        "estimate",
        "decorrelated",
    ];
    let glue = [" ", "\n", "&", " = ", "=", "\r\n", "#", "+", "  "];
    let mut fuzz = Fuzz::new(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..fuzz.next() % 12 {
            text.push_str(fuzz.pick(&names));
            text.push_str(fuzz.pick(&glue));
            text.push_str(fuzz.pick(&values));
            text.push_str(fuzz.pick(&glue));
        }
        for parsed in [Scenario::parse(&text), Scenario::from_query(&text)] {
            let again = Scenario::parse(&parsed.scenario.to_block());
            assert!(again.problems.is_empty(), "{text:?} → {:?}", again.problems);
            assert_eq!(again.scenario, parsed.scenario, "{text:?}");
            let again = Scenario::from_query(&parsed.scenario.to_query());
            assert_eq!(again.scenario, parsed.scenario, "{text:?}");
        }
    }
}

#[test]
fn keys_by_kind_table_matches_the_vocabulary() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scenarios.md"))
        .unwrap_or_default();
    for kind in Kind::ALL {
        let mut expected: Vec<String> = Vec::new();
        for spec in KEYS.iter().filter(|spec| kind.uses(spec)) {
            let name = format!("`{}`", spec.name);
            if !expected.contains(&name) {
                expected.push(name);
            }
        }
        let row = format!("| `{kind}` | {} |", expected.join(", "));
        assert!(docs.contains(&row), "docs/scenarios.md, keys by kind, should have:\n{row}");
    }
}

/// A deck's `set` changes the keys it names and nothing else (issue 17: sending
/// `rate=95&servers=1` to a lognormal run with seed 9 used to reset the seed and the service).
#[test]
fn merging_a_query_changes_only_the_keys_given() {
    let before = Scenario::parse("kind = queue\nseed = 9\nservice = lognormal\nsigma = 1.5\nservice_time = 0.02\nrate = 40\nservers = 2").scenario;
    let merged = before.merge_query("rate=95&servers=1");
    assert!(merged.problems.is_empty(), "{:?}", merged.problems);
    assert_eq!(
        merged.scenario.to_block(),
        before.to_block().replace("rate = 40", "rate = 95").replace("servers = 2\n", ""),
    );
    assert_eq!(merged.scenario.run.seed, 9);

    // A bad value keeps the current one and says so; a clamped one says what was used.
    let merged = before.merge_query("rate=fast&sigma=99");
    assert_eq!(merged.scenario.arrivals.rate, 40.0);
    let problems: Vec<String> = merged.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems[0], "`rate` = \"fast\" is not a number; kept 40");
    assert!(problems[1].starts_with("`sigma` = 99 is above the maximum"), "{problems:?}");
    assert_eq!(merged.scenario.run.seed, 9);

    // The kind cannot change; naming the same kind is fine.
    let merged = before.merge_query("kind=queue&rate=1");
    assert!(merged.problems.is_empty(), "{:?}", merged.problems);
    let merged = before.merge_query("kind=cache&rate=1");
    assert_eq!(merged.scenario.kind, Kind::Queue);
    assert_eq!(merged.scenario.arrivals.rate, 1.0);
    assert_eq!(merged.problems.len(), 1, "{:?}", merged.problems);

    // Combinations are checked again: fewer servers than the outage names.
    let before =
        Scenario::parse("kind = queue servers = 3 outage_at = 5 outage_server = 2 seed = 4").scenario;
    let merged = before.merge_query("servers=2");
    assert_eq!(merged.scenario.servers.outage_server, 1);
    assert_eq!(merged.problems[0].key, "outage_server");
    assert_eq!(merged.scenario.run.seed, 4);
}
