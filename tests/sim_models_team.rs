//! `team`: the model against hand-checked cases and closed forms (tolerance 1e-9 person-weeks
//! or weeks: the model is arithmetic, no randomness), the two cases the lesson on adding people
//! to a late project quotes, determinism, and hostile values clamped with bounded work.

use headroom::scenario::Scenario;
use headroom::sim::{self, Outcome};
use headroom::sim::models::team::{TeamReport, paths, ramp_output, team};

const TOL: f64 = 1e-9;

fn parse(text: &str) -> Scenario {
    let parsed = Scenario::parse(text);
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    parsed.scenario
}

fn run(text: &str) -> TeamReport {
    match sim::run(&parse(text), 1) {
        Ok(Outcome::Team(report)) => report,
        other => panic!("{text}: {other:?}"),
    }
}

fn finish(text: &str) -> f64 {
    run(text).finish_week.unwrap_or_else(|| panic!("{text}: not finished"))
}

/// Brooks's law, both ways, with the default ramp-up, mentoring and path cost: four people
/// added to six with 20 person-weeks left finish later; with 60 left, sooner. The margin asked
/// is half a week each way (the defaults give about a week: 3.56 → 4.54 and 10.67 → 9.46).
#[test]
fn four_more_people_make_a_short_project_later_and_a_long_one_sooner() {
    let six_short = finish("kind=team people=6 hires=0 work=20");
    let ten_short = finish("kind=team people=6 hires=4 work=20");
    assert!(ten_short > six_short + 0.5, "20 person-weeks: {six_short} alone, {ten_short} with hires");
    let six_long = finish("kind=team people=6 hires=0 work=60");
    let ten_long = finish("kind=team people=6 hires=4 work=60");
    assert!(ten_long < six_long - 0.5, "60 person-weeks: {six_long} alone, {ten_long} with hires");
    // The figures docs/scenarios.md quotes, to a hundredth of a week.
    for (got, quoted) in [(six_short, 3.56), (ten_short, 4.54), (six_long, 10.67), (ten_long, 9.46)] {
        assert!((got - quoted).abs() < 0.005, "{got} is not {quoted}");
    }
}

/// One person, no hires, no debt: one person-week a week, so the work is done at week `work`.
#[test]
fn one_person_alone_finishes_at_week_work() {
    for work in [1.0, 7.5, 20.0, 37.25, 100.0] {
        let report = run(&format!("kind=team people=1 hires=0 debt=0 work={work}"));
        let week = report.finish_week.expect("finished");
        assert!((week - work).abs() < TOL, "work {work}: week {week}");
        assert_eq!(report.paths, 0);
        for w in &report.curve[1..] {
            assert!((w.capacity - 1.0).abs() < TOL);
            assert!((w.remaining - (work - w.week as f64).max(0.0)).abs() < TOL);
        }
    }
}

/// No hires and no debt: n people have n(n-1)/2 paths, so each week n - path_cost × n(n-1)/2
/// person-weeks go to the work, and the finish is work / that.
#[test]
fn a_steady_team_finishes_at_work_over_its_net_capacity() {
    for (n, cost, work) in [(2u64, 0.05, 30.0), (6, 0.025, 60.0), (10, 0.02, 123.0), (15, 0.1, 10.0)] {
        let net = n as f64 - cost * (n * (n - 1) / 2) as f64;
        let report = run(&format!("kind=team people={n} hires=0 path_cost={cost} work={work}"));
        let week = report.finish_week.expect("finished");
        assert!((week - work / net).abs() < 1e-6, "{n} people: {week} against {}", work / net);
        assert!((report.capacity_end - net).abs() < TOL);
    }
    assert_eq!(paths(0), 0);
    assert_eq!(paths(1), 0);
    assert_eq!(paths(10), 45);
    assert_eq!(paths(1000), 499_500);
}

/// Past a team size the paths cost more than a person adds: n - c n(n-1)/2 is largest at
/// n = 1/c + 1/2 and reaches 0 at n = 2/c + 1.
#[test]
fn too_many_people_do_nothing_at_all() {
    let best = |cost: f64| (1..=200u64).max_by(|a, b| {
        let net = |n: u64| n as f64 - cost * (n * (n - 1) / 2) as f64;
        net(*a).total_cmp(&net(*b))
    });
    assert_eq!(best(0.03), Some(34)); // 1/0.03 + 1/2 = 33.8
    assert_eq!(best(0.07), Some(15)); // 14.8
    let stuck = run("kind=team people=41 hires=0 path_cost=0.05 work=10 weeks=50");
    assert!(!stuck.finished);
    assert_eq!(stuck.finish_week, None);
    assert_eq!(stuck.weeks_computed, 50);
    assert_eq!(stuck.curve.len(), 51);
    assert!(stuck.curve.iter().all(|w| w.capacity == 0.0 && w.remaining == 10.0));
}

/// The ramp rises linearly: over a whole ramp of R weeks a new person produces R/2
/// person-weeks, and costs the mentors `mentoring` × R.
#[test]
fn a_ramp_up_produces_half_and_costs_its_mentoring() {
    for ramp in [1.0, 4.0, 6.0, 6.5, 12.0] {
        let weeks = libm::ceil(ramp) as u64;
        let made: f64 = (0..weeks).map(|s| ramp_output(s as f64, ramp)).sum();
        let full = weeks as f64 - ramp; // the part of the last week after the ramp
        assert!((made - (ramp / 2.0 + full)).abs() < TOL, "ramp {ramp}: {made}");
        let report = run(&format!(
            "kind=team people=5 hires=3 ramp_weeks={ramp} mentoring=0.4 path_cost=0 work=1000"
        ));
        assert!((report.mentoring_total - 3.0 * 0.4 * ramp).abs() < TOL, "ramp {ramp}: {}", report.mentoring_total);
    }
    assert_eq!(ramp_output(0.0, 0.0), 1.0);
    assert_eq!(ramp_output(3.0, 2.0), 1.0);
}

/// Hires later than week 0 change nothing before their week.
#[test]
fn hires_join_at_their_week() {
    let alone = run("kind=team people=6 hires=0 work=200");
    let later = run("kind=team people=6 hires=4 hire_week=5 work=200");
    for week in 0..=5 {
        assert_eq!(alone.curve[week], later.curve[week], "week {week}");
    }
    assert_eq!(later.curve[6].people, 10);
}

/// Debt without investment costs interest × debt every week and stays as it is; with
/// investment it falls and the work gets the rest. Every person-week is accounted for.
#[test]
fn debt_costs_its_interest_and_investment_pays_it_down() {
    let report = run("kind=team people=1 hires=0 debt=10 interest=0.05 invest=0 work=10");
    let week = report.finish_week.expect("finished");
    assert!((week - 10.0 / 0.5).abs() < 1e-6, "{week}");
    assert!((report.debt_end - 10.0).abs() < TOL);
    let paid = run("kind=team people=4 hires=0 path_cost=0 debt=40 interest=0.05 invest=0.25 work=100");
    assert!(paid.debt_end < 40.0);
    for pair in paid.curve.windows(2) {
        assert!(pair[1].debt <= pair[0].debt + TOL);
    }
    let spent = paid.interest_total + paid.invested_total + paid.curve.iter().map(|w| w.capacity).sum::<f64>();
    let weeks = paid.finish_week.expect("finished");
    // Four person-weeks a week, the last week only in part.
    let last = paid.curve.last().expect("a week");
    assert!(spent <= 4.0 * libm::ceil(weeks) + TOL && spent >= 4.0 * libm::floor(weeks) - TOL, "{spent}");
    assert!(last.remaining == 0.0);
    // The work done is the work asked for.
    let done: f64 = paid.curve.iter().map(|w| w.capacity).sum();
    assert!(done >= 100.0 - TOL);
    // Interest the team cannot pay is added to the debt, which never becomes infinite.
    let sinking = run("kind=team people=1 hires=0 debt=1000000 interest=1 invest=0 work=1 weeks=1040");
    assert!(!sinking.finished);
    assert!(sinking.debt_end.is_finite() && sinking.debt_end <= 1e15);
}

/// Computed, not simulated: the same scenario gives the same curve, as does its canonical
/// text and its query string.
#[test]
fn the_same_scenario_gives_the_same_curve() {
    let text = "kind=team people=7 hires=5 hire_week=3 ramp_weeks=9.5 mentoring=0.3 path_cost=0.03 \
                work=150 debt=25 interest=0.03 invest=0.2";
    let s = parse(text);
    let a = team(&s.team);
    let b = team(&parse(text).team);
    let c = team(&parse(&s.to_block()).team);
    let d = team(&Scenario::from_query(&s.to_query()).scenario.team);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a, d);
    assert!(a.finished);
}

/// Hostile values are clamped, each with a problem naming its key, and the work is bounded:
/// at most 1040 weeks, 1041 points of the curve, every figure finite.
#[test]
fn hostile_values_are_clamped_and_the_weeks_capped() {
    let parsed = Scenario::parse(
        "kind=team people=1e9 hires=1e12 hire_week=1e15 ramp_weeks=1e300 mentoring=5 path_cost=1e9 \
         work=1e300 debt=1e300 interest=9 invest=7 weeks=1e18",
    );
    for key in [
        "people", "hires", "hire_week", "ramp_weeks", "mentoring", "path_cost", "work", "debt", "interest", "invest",
        "weeks",
    ] {
        assert!(
            parsed.problems.iter().any(|p| p.to_string().contains(&format!("`{key}`"))),
            "no problem names `{key}`: {:?}",
            parsed.problems
        );
    }
    let t = &parsed.scenario.team;
    assert_eq!((t.people, t.hires, t.weeks), (1000, 1000, 1040));
    let report = team(t);
    assert!(report.weeks_computed <= 1040);
    assert!(report.curve.len() <= 1041);
    for w in &report.curve {
        assert!(w.remaining.is_finite() && w.capacity.is_finite() && w.debt.is_finite() && w.overhead.is_finite());
    }
    // The largest team that still works, over the most weeks: bounded all the same.
    let big = team(&parse("kind=team people=1000 hires=1000 ramp_weeks=520 work=1000000 weeks=1040").team);
    assert_eq!(big.curve.len(), 1041);
    assert!(!big.finished);
    let negative = Scenario::parse("kind=team people=-5 work=-1 weeks=0");
    assert_eq!(negative.problems.len(), 3, "{:?}", negative.problems);
    assert_eq!(negative.scenario.team.people, 1);
}

/// No work left: done at week 0.
#[test]
fn nothing_to_do_is_done_at_once() {
    let report = run("kind=team work=0");
    assert_eq!(report.finish_week, Some(0.0));
    assert_eq!(report.curve.len(), 1);
}

/// What the canvas is given: the curve up to the week shown, the finish only once it is
/// reached, and the run without the hires whole beside it.
#[test]
fn the_scene_reveals_the_curve_week_by_week() {
    use headroom::sim::models::team::{scene, without_hires};
    let s = parse("kind=team people=6 hires=4 work=20");
    let report = team(&s.team);
    let without = without_hires(&s.team).expect("it has hires");
    assert_eq!(report.weeks_computed, 5);
    assert_eq!(without.weeks_computed, 4);
    for week in 0..=report.weeks_computed {
        let at = scene(&s.team, &report, Some(&without), week);
        assert_eq!(at.shown.len() as u64, week + 1);
        assert_eq!(at.finish_week.is_some(), week == report.weeks_computed);
        assert_eq!(at.done(), week == report.weeks_computed);
        assert_eq!(at.axis_weeks, 5);
        assert_eq!(at.without_hires.len(), 5);
        assert_eq!(at.hire_week, Some(0));
    }
    // Past the end it stays at the end; the hires ramp (6 weeks) is half done in week 3.
    assert_eq!(scene(&s.team, &report, Some(&without), 99).shown.len(), 6);
    let third = scene(&s.team, &report, Some(&without), 3);
    assert!((third.ramped - 2.5 / 6.0).abs() < TOL, "{}", third.ramped);
    // No hires: nothing to compare with.
    let alone = parse("kind=team hires=0");
    assert!(without_hires(&alone.team).is_none());
    let plain = scene(&alone.team, &team(&alone.team), None, 0);
    assert!(plain.without_hires.is_empty() && plain.hire_week.is_none());
}
