//! The plain queue's own path (`models::requests::plain`, what `sim::run` and the command line
//! use for a plain `kind = queue`) gives the general path's run exactly: every figure of the
//! report, the event count, the end time and the trace hash, over several hundred scenarios
//! drawn at random from everything a plain queue may set (servers, speeds, service and arrival
//! patterns, spikes, a queue cap, LIFO, warm-up, duration, the memory limits), whether it draws
//! its random numbers as it needs them or ahead on other threads.

use headroom::scenario::Scenario;
use headroom::sim::kernel::rng::{below, stream, uniform};
use headroom::sim::kinds::Family;
use headroom::sim::models::requests::Stages;
use headroom::sim::models::requests::plain::{self, Drawing};
use headroom::sim::{self, Observe, Outcome, Report, RunError, Sim};

fn scenario(text: &str) -> Scenario {
    let parsed = Scenario::parse(text);
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    parsed.scenario
}

/// The general path's report of `s` after at most `max_events` events, and whether it ended.
fn general(s: &Scenario, max_events: u64) -> (Report, bool) {
    let mut run = Sim::observing(s, Observe::Report);
    run.run_to_end(max_events);
    (run.report(), run.is_done())
}

/// The stages of the request path that runs `s`.
fn stages(s: &Scenario) -> &'static Stages {
    match &s.kind.descriptor().model {
        Family::Requests(stages) => stages,
        _ => panic!("{} runs on the request path", s.kind),
    }
}

/// The plain path's report of `s`, which must be a plain queue, drawing as `drawing` says.
fn plain(s: &Scenario, max_events: u64, drawing: Drawing) -> (Report, bool) {
    let run =
        plain::run_drawing(s, stages(s), max_events, drawing).expect("a plain queue takes the plain path");
    (run.report, run.done)
}

/// A plain queue drawn at random from `seed`.
fn random_scenario(seed: u64) -> String {
    let mut rng = stream(seed, 99);
    let mut pick = |options: &[&str]| options[below(&mut rng, options.len())].to_string();
    let servers: u64 = pick(&["1", "1", "2", "3", "4", "8", "64"]).parse().expect("a number");
    let service = pick(&["exp", "exp", "const", "lognormal"]);
    let arrival = pick(&["poisson", "poisson", "constant", "bursty"]);
    let discipline = pick(&["fifo", "fifo", "lifo"]);
    let mut text = format!(
        "kind=queue servers={servers} service={service} arrival={arrival} discipline={discipline} seed={seed}"
    );
    let mut rng = stream(seed, 98);
    let load = 0.3 + 1.0 * uniform(&mut rng);
    let service_time = [0.001, 0.5, 1.0, 3.0][below(&mut rng, 4)];
    let rate = load * servers as f64 / service_time;
    text += &format!(" service_time={service_time} rate={rate}");
    if below(&mut rng, 2) == 0 {
        text += &format!(" requests={}", 200 + below(&mut rng, 3000));
    } else {
        text += &format!(" duration={}", 50.0 * service_time + 500.0 * service_time * uniform(&mut rng));
    }
    if below(&mut rng, 3) == 0 {
        text += &format!(" warmup={}", 40.0 * service_time * uniform(&mut rng));
    }
    if below(&mut rng, 3) == 0 {
        text += &format!(" queue_cap={}", below(&mut rng, 12));
    }
    if service == "lognormal" {
        text += &format!(" sigma={}", 0.1 + 2.0 * uniform(&mut rng));
    }
    if servers <= 4 && below(&mut rng, 3) == 0 {
        let speeds: Vec<String> =
            (0..servers).map(|_| format!("{}", 0.2 + 3.0 * uniform(&mut rng))).collect();
        text += &format!(" speeds={}", speeds.join(","));
    }
    if below(&mut rng, 4) == 0 {
        text +=
            &format!(" spike_at={} spike_len={} spike_factor=3", 10.0 * service_time, 20.0 * service_time);
    }
    text
}

#[test]
fn the_plain_path_reports_what_the_general_path_reports() {
    for seed in 0..400 {
        let text = random_scenario(seed);
        let s = scenario(&text);
        let (report, done) = plain(&s, u64::MAX, Drawing::Inline);
        assert!(done, "{text}");
        assert!(report.events > 0, "{text}");
        let expected = general(&s, u64::MAX);
        if seed % 4 == 0 {
            assert_eq!(plain(&s, u64::MAX, Drawing::Ahead), expected, "{text}, drawn ahead");
        }
        assert_eq!((report, done), expected, "{text}");
    }
}

#[test]
fn stopped_by_its_event_budget_it_stops_where_the_general_path_does() {
    for seed in 0..40 {
        let text = random_scenario(seed);
        let s = scenario(&text);
        let (whole, _) = plain(&s, u64::MAX, Drawing::Inline);
        for budget in [0, 1, 2, whole.events / 3, whole.events - 1, whole.events] {
            let (report, done) = plain(&s, budget, Drawing::Inline);
            assert_eq!(done, budget == whole.events, "{text} with {budget} events");
            let expected = general(&s, budget);
            // Stopped early, the threads drawing ahead stop too (or this would never return).
            assert_eq!(
                plain(&s, budget, Drawing::Ahead),
                expected,
                "{text} with {budget} events, drawn ahead"
            );
            assert_eq!((report, done), expected, "{text} with {budget} events");
        }
    }
}

/// Arrivals far faster than service reach the memory limits (`sim::limits`): past 100,000
/// requests in the system the rest are shed, on both paths alike. A shed request draws no
/// work, so the threads drawing ahead must not wait on each other.
#[test]
fn at_the_memory_limits_both_paths_shed_the_same_requests() {
    let s = scenario("kind=queue rate=1000000 service_time=10000 requests=300000");
    let expected = general(&s, u64::MAX);
    for drawing in [Drawing::Inline, Drawing::Ahead] {
        let (report, done) = plain(&s, u64::MAX, drawing);
        assert!(done);
        assert_eq!(report.metric("shed"), Some(200_000.0));
        assert_eq!((report, done), expected, "{drawing:?}");
    }
}

/// `sim::run` (what the command line runs) takes the plain path where it applies, and only
/// there: the rest of the request path's scenarios are not plain.
#[test]
fn only_plain_queues_take_the_plain_path() {
    let plain_ones =
        ["kind=queue requests=10", "kind=queue discipline=lifo servers=64 queue_cap=0 requests=10"];
    let others = [
        "kind=queue discipline=priority requests=10",
        "kind=queue timeout=5 requests=10",
        "kind=queue outage_at=3 requests=10",
        "kind=limiter requests=10",
        "kind=balancer requests=10",
    ];
    for (text, expected) in plain_ones.iter().map(|t| (t, true)).chain(others.iter().map(|t| (t, false))) {
        let s = scenario(text);
        assert_eq!(plain::run(&s, stages(&s), u64::MAX).is_some(), expected, "{text}");
        // Either way, sim::run reports what the general path does.
        let Ok(Outcome::Timed(report)) = sim::run(&s, u64::MAX) else {
            panic!("{text} runs");
        };
        assert_eq!(report, general(&s, u64::MAX).0, "{text}");
    }
    let long = scenario("kind=queue requests=100");
    assert!(matches!(sim::run(&long, 10), Err(RunError::TooManyEvents(10))));
}
