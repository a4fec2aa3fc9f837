//! `headroom predict` as a learner or an author calls it: the command line's own binary, its
//! JSON read back. The figures (docs/theory.md) within 1 %, and the plain word where no
//! formula fits.

use std::process::Command;

use serde_json::Value;

/// What `headroom predict <scenario>` prints, parsed.
fn predict(scenario: &str) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(["predict", scenario])
        .output()
        .expect("the command line runs");
    assert!(output.status.success(), "{scenario}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("predict prints JSON")
}

fn number(v: &Value, what: &str) -> f64 {
    v.pointer(what).and_then(Value::as_f64).unwrap_or_else(|| panic!("no {what} in {v:#}"))
}

/// Within 1 % of `expected`.
fn close(what: &str, got: f64, expected: f64) {
    let error = (got - expected).abs() / expected;
    assert!(error < 0.01, "{what}: predicted {got}, expected {expected} (off by {:.2} %)", error * 100.0);
}

#[test]
fn constant_arrivals_d_m_1() {
    let p = predict("kind=queue rate=0.8 arrival=constant");
    assert_eq!(p["basis"], "exact", "{p:#}");
    close("D/M/1 mean wait", number(&p, "/mean_wait"), 1.6927);
}

#[test]
fn round_robin_over_four_servers() {
    let p = predict("kind=balancer servers=4 rate=3.6 service_time=1 policy=round_robin");
    assert_eq!(p["basis"], "exact", "{p:#}");
    close("4 × E4/M/1 latency", number(&p, "/mean_latency"), 6.383);
}

#[test]
fn priority_classes() {
    let p = predict("kind=queue rate=0.8 discipline=priority high_share=0.3");
    assert_eq!(p["basis"], "exact", "{p:#}");
    assert_eq!(p["classes"][0]["class"], "high");
    close("high-class wait", number(&p, "/classes/0/mean_wait"), 1.0526);
    assert_eq!(p["classes"][1]["class"], "low");
    close("low-class wait", number(&p, "/classes/1/mean_wait"), 5.2632);
}

#[test]
fn timeouts_past_saturation() {
    let p = predict("kind=queue servers=2 rate=2.2 timeout=3");
    assert_eq!(p["basis"], "exact", "{p:#}");
    close("timed-out share", number(&p, "/timed_out_ratio"), 0.426);
}

#[test]
fn no_closed_form_says_so() {
    for scenario in [
        "kind=queue servers=2 rate=1.5 arrival=bursty",
        "kind=queue outage_at=100",
        "kind=retries timeout=2 fail_prob=0.1",
    ] {
        let p = predict(scenario);
        assert_eq!(p["basis"], "none", "{scenario}: {p:#}");
        assert!(p["mean_latency"].is_null(), "{scenario}: {p:#}");
        let notes = p["notes"].as_array().map(Vec::as_slice).unwrap_or_default();
        assert!(notes.iter().any(|n| n.as_str().is_some_and(|n| n.contains("No closed form"))), "{p:#}");
    }
}
