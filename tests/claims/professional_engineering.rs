//! Figures quoted by the Professional Software Engineering course (`content/professional-engineering`).
//! See `tests/lesson_claims.rs` for the
//! row format and how to update a row when the engine changes on purpose.
//!
//! Every Orion block starts from the case file's baseline (`tests/orion_baseline.rs`), so a change
//! to the baseline moves figures in every week: rerun them all, then fix the lessons and this
//! table. The case file's decision log repeats figures from the weeks (ADR-01's 2.2 s, ADR-15's
//! 1,274); they are pinned once, under the week that runs them.

#[allow(unused_imports, reason = "a new course table may not use every form yet")]
use super::*;

#[rustfmt::skip]
pub const CLAIMS: &[Claim] = &[
    // orion, the request path: "Redis answers about 72 % of reads, so PostgreSQL gets 6,775 of
    // the 24,000. The API instances are about 40 % busy. Reads take 12 ms at the median, 80 ms at
    // the p95 and about 140 ms at the p99." "6,775 reads in about 120 s"
    ("orion#1", "", "hit_ratio", About(0.72, 0.005)),
    ("orion#1", "", "db_reads", Percent(6775.0, EXACT)),
    ("orion#1", "", "utilization", About(0.40, 0.005)),
    ("orion#1", "", "p50", About(0.012, 0.0005)),
    ("orion#1", "", "p95", About(0.080, 0.0005)),
    ("orion#1", "", "p99", About(0.14, 0.005)),
    ("orion#1", "", "sim_time", Percent(120.0, ROUGHLY)),
    // orion, the worker: "keeps them 75 % busy ... a summary ready 6.6 s after upload on average,
    // 1.6 s of it spent waiting for a slot, and 22.6 s at the p99."
    ("orion#2", "", "utilization", About(0.75, 0.005)),
    ("orion#2", "", "mean_latency", About(6.6, 0.05)),
    ("orion#2", "", "mean_wait", About(1.6, 0.05)),
    ("orion#2", "", "p99", About(22.6, 0.05)),

    // orion, the provider calls with retries: "5 × 2 / 16 ... the run's lognormal draws give 61 %
    // ... Half the questions are answered within 1.7 s and 99 % within 6.9 s. Two of the 3,000
    // calls pass 10 s: with retries both are answered at the second attempt"
    ("orion#3", "", "utilization", About(0.61, 0.005)),
    ("orion#3", "", "p50", About(1.7, 0.05)),
    ("orion#3", "", "p99", About(6.9, 0.05)),
    ("orion#3", "", "timed_out", About(2.0, 0.5)),
    ("orion#3", "", "retries", About(2.0, 0.5)),
    ("orion#3", "", "completed", About(3000.0, 0.5)),
    // orion, the same calls behind the breaker: "behind the breaker alone both fail. The breaker
    // never opens."
    ("orion#4", "", "completed", About(2998.0, 0.5)),
    ("orion#4", "", "timed_out", About(2.0, 0.5)),
    ("orion#4", "", "breaker_opened", About(0.0, 0.5)),
    ("orion#4", "", "p50", About(1.7, 0.05)),
    ("orion#4", "", "p99", About(6.9, 0.05)),

    // orion, the team: "6 − 0.375 − 1 = 4.625 person-weeks a week go to the milestone, and
    // 20 / 4.625 puts the finish at week 4.3"
    ("orion#8", "", "capacity_end", About(4.625, 0.0005)),
    ("orion#8", "", "finish_week", About(4.3, 0.05)),
    ("orion#8", "", "paths", About(15.0, 0.5)),

    // orion, the cache-miss path as calls: "all 6,720 reads are answered, 99 % within 0.18 s, and
    // the database sees 1.001 attempts per read"
    ("orion#5", "", "completed", About(6720.0, 0.5)),
    ("orion#5", "", "p99", About(0.18, 0.005)),
    ("orion#5", "", "amplification", About(1.001, 0.0005)),

    // orion, usage counts: "They add up to 100,754: 1,003 jobs were delivered twice and counted
    // twice, and 249 increments were lost"; "about 46 hours"
    ("orion#6", "", "final_value", About(100754.0, 0.5)),
    ("orion#6", "", "double_effects", About(1003.0, 0.5)),
    ("orion#6", "", "lost_updates", About(249.0, 0.5)),
    ("orion#6", "", "sim_time", Percent(46.0 * 3600.0, EXACT)),

    // orion, delivery: "one run in five goes red with nothing wrong ... (the run: 20 %). A change
    // takes 143 hours from branch to production on average ... A deploy goes out 0.7 times a day
    // ... (the run: 12.8 %)."
    ("orion#7", "", "false_red_ratio", About(0.20, 0.005)),
    ("orion#7", "", "lead_time", About(143.0, 0.5)),
    ("orion#7", "", "deployment_frequency", About(0.7, 0.05)),
    ("orion#7", "", "change_failure_rate", About(0.128, 0.0005)),

    // programmer-to-engineer: "The run as it stands has a p99 of about 0.14 s"; API instances
    // "40 % busy"; the median "12 ms".
    ("programmer-to-engineer", "", "p99", About(0.14, 0.005)),
    ("programmer-to-engineer", "", "p50", About(0.012, 0.0005)),
    ("programmer-to-engineer", "", "utilization", About(0.40, 0.005)),
    ("programmer-to-engineer", "", "hit_ratio", About(0.72, 0.005)),
    ("programmer-to-engineer", "", "db_reads", Percent(6775.0, EXACT)),
    // 1. "About 2.2 s, sixteen times worse, while the median barely moves (12 ms to 13 ms) ...
    // Throughput slips below 200 a second ... the queue is still growing when the run ends."
    ("programmer-to-engineer", "db_time=0.07", "p99", About(2.2, 0.05)),
    ("programmer-to-engineer", "db_time=0.07", "p50", About(0.013, 0.0005)),
    ("programmer-to-engineer", "db_time=0.07", "throughput", Below(199.0)),
    // "still growing": run twice as long, the p99 keeps climbing.
    ("programmer-to-engineer", "db_time=0.07 requests=48000", "p99", Above(3.0)),
    // 2. "Still about 2.2 s. The API instances drop from 40 % to 20 % busy"
    ("programmer-to-engineer", "db_time=0.07 servers=8", "p99", About(2.2, 0.05)),
    ("programmer-to-engineer", "db_time=0.07 servers=8", "utilization", About(0.20, 0.005)),
    // 3. "About 83 % ... PostgreSQL gets about 4,000 reads ... the p99 falls to about 0.23 s"
    ("programmer-to-engineer", "db_time=0.07 capacity=15000", "hit_ratio", About(0.83, 0.005)),
    ("programmer-to-engineer", "db_time=0.07 capacity=15000", "db_reads", Percent(4000.0, ROUGHLY)),
    ("programmer-to-engineer", "db_time=0.07 capacity=15000", "p99", About(0.23, 0.005)),
    // 4. and "After the change": "The p99 is about 0.16 s"
    ("programmer-to-engineer", "db_time=0.04", "p99", About(0.16, 0.005)),

    // layered-architecture, the prediction and 1: "1,583 answered and 1,417 failed, with 2.4
    // attempts per question and the slots 97 % busy. The slowest answered question took about
    // 40 s"; ADR-05 "1,417 of 3,000"
    ("layered-architecture#1", "service_time=3", "completed", Percent(1583.0, EXACT)),
    ("layered-architecture#1", "service_time=3", "dead_lettered", Percent(1417.0, EXACT)),
    ("layered-architecture#1", "service_time=3", "mean_attempts", About(2.4, 0.05)),
    ("layered-architecture#1", "service_time=3", "utilization", About(0.97, 0.005)),
    ("layered-architecture#1", "service_time=3", "max_latency", Percent(40.0, ROUGHLY)),
    // 2. "2,912 answered and 88 failed. No one waits longer than 10 s, and the p99 is about 9.3 s.
    // The slots are still 91 % busy"; After the change and ADR-05: "2,912 of 3,000"
    ("layered-architecture#1", "service_time=3 max_retries=0", "completed", Percent(2912.0, EXACT)),
    ("layered-architecture#1", "service_time=3 max_retries=0", "dead_lettered", About(88.0, 0.5)),
    ("layered-architecture#1", "service_time=3 max_retries=0", "max_latency", Below(10.0)),
    ("layered-architecture#1", "service_time=3 max_retries=0", "p99", About(9.3, 0.05)),
    ("layered-architecture#1", "service_time=3 max_retries=0", "utilization", About(0.91, 0.005)),
    // 3. "Fewer: 2,249."
    ("layered-architecture#1", "service_time=3 max_retries=0 timeout=5", "completed", Percent(2249.0, EXACT)),

    // trunk-based-development: "71 % of merges conflict"; the prediction: "The simulator counts
    // 23.0 %"; 1. "Conflicts fall from 71 % of merges to 23 %, and the lead time from 143 hours
    // to 46. The change failure rate stays at 13 %"
    ("trunk-based-development", "", "conflict_ratio", About(0.71, 0.005)),
    ("trunk-based-development", "", "lead_time", About(143.0, 0.5)),
    ("trunk-based-development", "", "change_failure_rate", About(0.13, 0.005)),
    ("trunk-based-development", "branch_days=1", "conflict_ratio", About(0.230, 0.0005)),
    ("trunk-based-development", "branch_days=1", "lead_time", About(46.0, 0.5)),
    ("trunk-based-development", "", "conflicts", About(7145.0, 0.5)),
    ("trunk-based-development", "branch_days=1", "conflicts", About(2297.0, 0.5)),
    ("trunk-based-development", "branch_days=2", "conflicts", About(3978.0, 0.5)),
    ("trunk-based-development", "branch_days=1", "change_failure_rate", About(0.13, 0.005)),
    // 2. "About 40 %, as the formula says, and a lead time of 70 hours"
    ("trunk-based-development", "branch_days=2", "conflict_ratio", Percent(0.40, ROUGHLY)),
    ("trunk-based-development", "branch_days=2", "lead_time", About(70.0, 0.5)),
    // 3. "Time to restore drops from 3.0 hours to 2.0 ... no builds are spent finding it.
    // Everything else stays"
    ("trunk-based-development", "", "time_to_restore", About(3.0, 0.05)),
    ("trunk-based-development", "flags=on", "time_to_restore", About(2.0, 0.05)),
    ("trunk-based-development", "flags=on", "bisect_steps", About(0.0, 0.05)),
    ("trunk-based-development", "flags=on", "change_failure_rate", About(0.128, 0.0005)),

    // ci-cd-release: "deploys of twenty changes fail 13 % of the time, and one CI run in five is
    // red for nothing"; 1. "3.5 % of deploys fail instead of 12.8 % ..., deploys go out 2.9 times
    // a day instead of 0.7, and a failed batch takes 3 builds to bisect instead of 5. Lead time
    // drops from 143 hours to 126"
    ("ci-cd-release", "", "change_failure_rate", About(0.128, 0.0005)),
    ("ci-cd-release", "", "false_red_ratio", About(0.20, 0.005)),
    ("ci-cd-release", "", "bisect_steps", About(5.0, 0.05)),
    ("ci-cd-release", "", "deployment_frequency", About(0.7, 0.05)),
    ("ci-cd-release", "", "lead_time", About(143.0, 0.5)),
    ("ci-cd-release", "batch=5", "change_failure_rate", About(0.035, 0.0005)),
    ("ci-cd-release", "batch=5", "deployment_frequency", About(2.9, 0.05)),
    ("ci-cd-release", "batch=5", "bisect_steps", About(3.0, 0.05)),
    ("ci-cd-release", "batch=5", "lead_time", About(126.0, 0.5)),
    // 2. "1.4 % of deploys fail, one build finds the culprit, and there are 7.2 deploys a day.
    // The defects reaching production are the same 72 in every run"
    ("ci-cd-release", "batch=2", "change_failure_rate", About(0.014, 0.0005)),
    ("ci-cd-release", "batch=2", "bisect_steps", About(1.0, 0.05)),
    ("ci-cd-release", "batch=2", "deployment_frequency", About(7.2, 0.05)),
    ("ci-cd-release", "batch=2", "escaped_defects", About(72.0, 0.5)),
    ("ci-cd-release", "batch=5", "escaped_defects", About(72.0, 0.5)),
    ("ci-cd-release", "", "escaped_defects", About(72.0, 0.5)),
    // 3. "Runs red with nothing wrong fall from 20 % to 0.02 %."
    ("ci-cd-release", "reruns=1", "false_red_ratio", About(0.0002, 0.00005)),

    // ai-augmented-engineering, the prediction: "(the simulator's run: 0.73)"; 1. "2.8 escaped
    // defects a week ... and 25 % of deploys fail, against 0.73 a week and 13 % before"
    ("ai-augmented-engineering", "ai_factor=1 defect_prob=0.03", "escaped_per_week", About(0.73, 0.005)),
    ("ai-augmented-engineering", "ai_factor=1 defect_prob=0.03", "change_failure_rate", About(0.13, 0.005)),
    ("ai-augmented-engineering", "", "escaped_per_week", About(2.8, 0.05)),
    ("ai-augmented-engineering", "", "change_failure_rate", About(0.25, 0.005)),
    ("ai-augmented-engineering", "", "escaped_defects", About(138.0, 0.5)),
    ("ai-augmented-engineering", "test_catch=0.8", "escaped_defects", About(56.0, 0.5)),
    ("ai-augmented-engineering", "test_catch=0.8 review_catch=0.8", "escaped_defects", About(16.0, 0.5)),
    // the ticket: "roll back two or three times a week instead of about once every ten days"
    // (failed deploys per 168-hour week: 123 in 8,453 h, 2.4; and 64 in 16,783 h, one in 11 days)
    ("ai-augmented-engineering", "", "failed_deploys", About(123.0, 0.5)),
    ("ai-augmented-engineering", "", "sim_time", Percent(8453.0, EXACT)),
    ("ai-augmented-engineering", "ai_factor=1 defect_prob=0.03", "failed_deploys", About(64.0, 0.5)),
    ("ai-augmented-engineering", "ai_factor=1 defect_prob=0.03", "sim_time", Percent(16783.0, EXACT)),
    // 2. "1.1 escapes a week and 11 % of deploys failing"
    ("ai-augmented-engineering", "test_catch=0.8", "escaped_per_week", About(1.1, 0.05)),
    ("ai-augmented-engineering", "test_catch=0.8", "change_failure_rate", About(0.11, 0.005)),
    // 3. "the run shows 0.32 a week and 3.2 % of deploys failing"
    ("ai-augmented-engineering", "test_catch=0.8 review_catch=0.8", "escaped_per_week", About(0.32, 0.005)),
    ("ai-augmented-engineering", "test_catch=0.8 review_catch=0.8", "change_failure_rate", About(0.032, 0.0005)),
    // 4. "Reviewers go from 30 % busy to 59 %, and a change waits about half an hour for one
    // instead of three minutes" (hours)
    ("ai-augmented-engineering", "test_catch=0.8 review_catch=0.8", "reviewer_utilization", About(0.30, 0.005)),
    ("ai-augmented-engineering", "test_catch=0.8 review_catch=0.8", "review_wait", Percent(0.05, ROUGHLY)),
    ("ai-augmented-engineering", "test_catch=0.8 review_catch=0.8 review_time=1", "reviewer_utilization", About(0.59, 0.005)),
    ("ai-augmented-engineering", "test_catch=0.8 review_catch=0.8 review_time=1", "review_wait", Percent(0.5, ROUGHLY)),

    // testing-distributed-systems, the prediction: "the case file's run has 1,003"; 1. "0 double
    // effects: all 1,003 repeats are recognised and skipped. The total is now 99,848, short by
    // 152"
    ("testing-distributed-systems#1", "", "double_effects", About(1003.0, 0.5)),
    ("testing-distributed-systems#1", "idempotency=on", "double_effects", About(0.0, 0.5)),
    ("testing-distributed-systems#1", "idempotency=on", "deduplicated", About(1003.0, 0.5)),
    ("testing-distributed-systems#1", "idempotency=on", "final_value", About(99848.0, 0.5)),
    ("testing-distributed-systems#1", "idempotency=on", "lost_updates", About(152.0, 0.5)),
    // 2. "Exactly 100,000"
    ("testing-distributed-systems#1", "idempotency=on strategy=atomic", "final_value", About(100000.0, 0.5)),
    ("testing-distributed-systems#1", "idempotency=on strategy=atomic", "lost_updates", About(0.0, 0.5)),
    // 3. "823. The breaker opens 38 times ... it turns away 1,321 questions"
    ("testing-distributed-systems#2", "fail_prob=0.5", "completed", About(823.0, 0.5)),
    ("testing-distributed-systems#2", "fail_prob=0.5", "breaker_opened", About(38.0, 0.5)),
    ("testing-distributed-systems#2", "fail_prob=0.5", "dropped", About(1321.0, 0.5)),
    // 4. "At 0.5 the breaker never opens and 1,477 questions are answered. At 1 ... it still
    // opens, 85 times, and 2,887 of the 3,000 questions fail at once"
    ("testing-distributed-systems#2", "fail_prob=0.5 breaker_failures=20", "breaker_opened", About(0.0, 0.5)),
    ("testing-distributed-systems#2", "fail_prob=0.5 breaker_failures=20", "completed", About(1477.0, 0.5)),
    ("testing-distributed-systems#2", "fail_prob=1 breaker_failures=20", "breaker_opened", About(85.0, 0.5)),
    ("testing-distributed-systems#2", "fail_prob=1 breaker_failures=20", "dropped", About(2887.0, 0.5)),

    // distributed-fundamentals 1: "561 reads fail ... the database takes 6.26 attempts per read
    // over the whole run ... The 561 failed reads made 35,875 failed attempts at the database
    // between them: 64 each."
    ("distributed-fundamentals", "", "failed", About(561.0, 0.5)),
    ("distributed-fundamentals", "", "amplification", About(6.26, 0.005)),
    ("distributed-fundamentals", "", "failed_3", Percent(35875.0, EXACT)),
    ("distributed-fundamentals", "", "failed_3/failed", About(64.0, 0.5)),
    // 2. "The same 561 reads fail, and attempts at the database drop to 1.25 per read"
    ("distributed-fundamentals", "hop_retries=3,0,0", "failed", About(561.0, 0.5)),
    ("distributed-fundamentals", "hop_retries=3,0,0", "amplification", About(1.25, 0.005)),
    // 3. "1.01 attempts per read, and still 563 failed reads"
    ("distributed-fundamentals", "hop_retries=3,0,0 retry_budget=0.1", "amplification", About(1.01, 0.005)),
    ("distributed-fundamentals", "hop_retries=3,0,0 retry_budget=0.1", "failed", About(563.0, 0.5)),
    // 4. "None of the 6,720 fails ... about 6 retries per 100 reads. At hop_fail 0.05 ... 362
    // reads fail"
    ("distributed-fundamentals", "hop_retries=3,0,0 retry_budget=0.1 outage_at=none hop_fail=0.02", "completed", About(6720.0, 0.5)),
    ("distributed-fundamentals", "hop_retries=3,0,0 retry_budget=0.1 outage_at=none hop_fail=0.02", "retries/arrivals", About(0.06, 0.005)),
    ("distributed-fundamentals", "hop_retries=3,0,0 retry_budget=0.1 outage_at=none hop_fail=0.05", "failed", About(362.0, 0.5)),

    // engineering-organization: "Alone, they finish in week 4.3"; the prediction and 1: "Week
    // 5.4, a week later. The capacity line drops from 4.6 to 2.2 person-weeks a week in the first
    // week and passes the old team's 4.6 only in week 5." (the curve: week 5 is 4.875)
    ("engineering-organization", "", "finish_week", About(4.3, 0.05)),
    ("engineering-organization", "hires=4", "finish_week", About(5.4, 0.05)),
    ("engineering-organization", "hires=4", "capacity_low", About(2.2, 0.05)),
    ("engineering-organization", "hires=4", "paths", About(45.0, 0.5)),
    // 2. "With the four, week 10.7; without them, week 13.0."
    ("engineering-organization", "hires=4 work=60", "finish_week", About(10.7, 0.05)),
    ("engineering-organization", "work=60", "finish_week", About(13.0, 0.05)),
    // 3. "Week 12.3"
    ("engineering-organization", "hires=4 work=60 hire_week=4", "finish_week", About(12.3, 0.05)),
    // 4. "Week 15.7 instead of 13.0, with the debt down from 50 to about 35 person-weeks"
    ("engineering-organization", "work=60 invest=0.2", "finish_week", About(15.7, 0.05)),
    ("engineering-organization", "work=60 invest=0.2", "debt_end", Percent(35.0, ROUGHLY)),

    // layered-architecture#2, 4: "Without it, the p99 is about 2.2 s and the slowest read 3.5 s.
    // With it, nobody waits more than 1 s: 60 of the 6,720 reads fail at the deadline (0.9 %)"
    ("layered-architecture#2", "", "p99", About(2.2, 0.05)),
    ("layered-architecture#2", "", "max_latency", About(3.5, 0.05)),
    ("layered-architecture#2", "deadline=1", "max_response", About(1.0, 0.0005)),
    ("layered-architecture#2", "deadline=1", "deadline_exceeded", About(60.0, 0.5)),
    ("layered-architecture#2", "deadline=1", "success_ratio", About(0.991, 0.0005)),

    // schema-evolution, the rename: "Only 45 reads fail outright (23,955 served), yet 4,027
    // attempts were dropped ... With no retries, 3,033 reads fail"
    ("schema-evolution#1", "", "completed", Percent(23955.0, EXACT)),
    ("schema-evolution#1", "", "dead_lettered", About(45.0, 0.5)),
    ("schema-evolution#1", "", "dropped", Percent(4027.0, EXACT)),
    ("schema-evolution#1", "max_retries=0", "dead_lettered", Percent(3033.0, EXACT)),
    // 2. "32 dropped attempts, all retried, and all 24,000 served"
    ("schema-evolution#1", "health_interval=1", "dropped", About(32.0, 0.5)),
    ("schema-evolution#1", "health_interval=1", "completed", About(24000.0, 0.5)),
    // 3. "Unthrottled, the mean is about 335 s ... Throttled, the p99 is about 32 s"
    ("schema-evolution#2", "", "mean_latency", About(335.0, 0.5)),
    // "and grows the longer the run goes": twice the jobs, a far longer mean
    ("schema-evolution#2", "requests=10000", "mean_latency", Above(600.0)),
    ("schema-evolution#2", "rate=0.7", "p99", About(32.0, 0.5)),
    // 4. "The median is about 11 s ... The p95 is about 1,630 s"
    ("schema-evolution#2", "discipline=priority high_share=0.67", "p50", About(11.0, 0.5)),
    ("schema-evolution#2", "discipline=priority high_share=0.67", "p95", About(1630.0, 5.0)),

    // observability-sre 1: "A mean of about 6.6 s and a p99 of about 22.6 s, 3.4 times the mean."
    ("observability-sre", "", "mean_latency", About(6.6, 0.05)),
    ("observability-sre", "", "p99", About(22.6, 0.05)),
    ("observability-sre", "", "p99/mean_latency", About(3.4, 0.05)),
    // 2. "The p99 is about 32 s ... the mean, about 9.3 s ... The slots are 87 % busy"
    ("observability-sre", "rate=0.7", "p99", About(32.0, 0.5)),
    ("observability-sre", "rate=0.7", "mean_latency", About(9.3, 0.05)),
    ("observability-sre", "rate=0.7", "utilization", About(0.87, 0.005)),
    // 3. "About 19.6 s ... at 70 % busy"
    ("observability-sre", "rate=0.7 servers=5", "p99", About(19.6, 0.05)),
    ("observability-sre", "rate=0.7 servers=5", "utilization", About(0.70, 0.005)),

    // performance-cost 1: "At 0.2 jobs a second the p99 is about 17.3 s." "About 17.9 s at 0.4,
    // 32 s at 0.7 and 46 s at 0.75 ... added 0.6 s ... added 13.5 s ... 87 % busy"
    ("performance-cost", "rate=0.2", "p99", About(17.3, 0.05)),
    ("performance-cost", "rate=0.4", "p99", About(17.9, 0.05)),
    ("performance-cost", "rate=0.7", "p99", About(32.4, 0.05)),
    ("performance-cost", "rate=0.7", "utilization", About(0.87, 0.005)),
    ("performance-cost", "rate=0.75", "p99", About(45.9, 0.05)),
    // 2. "About 200 s, and it grows for as long as the run lasts"
    ("performance-cost", "rate=0.83", "p99", Percent(200.0, ROUGHLY)),
    // "and it grows for as long as the run lasts": twice the jobs, about twice the p99
    ("performance-cost", "rate=0.83 requests=10000", "p99", Above(400.0)),
    // 3. "69 % busy, and a p99 of about 18.9 s"
    ("performance-cost", "rate=0.83 servers=6", "utilization", About(0.69, 0.005)),
    ("performance-cost", "rate=0.83 servers=6", "p99", About(18.9, 0.05)),
    // 4. "It holds, with a p99 of about 24.6 s at 87 % busy."
    ("performance-cost", "rate=1.05 servers=6", "p99", About(24.6, 0.05)),
    ("performance-cost", "rate=1.05 servers=6", "utilization", About(0.87, 0.005)),

    // architecture-defense 1: "v0: about 0.83 s. v1: about 0.14 s."
    ("architecture-defense#1", "", "p99", About(0.83, 0.005)),
    ("architecture-defense#2", "", "p99", About(0.14, 0.005)),
    // 2. "v0 serves 23,964, slowly (p99 about 1.7 s). v1 serves only 22,726"; ADR-15: "v1 ...
    // fails 1,274 requests where v0 fails 36"
    ("architecture-defense#1", "outage_at=50 outage_len=30", "completed", Percent(23964.0, EXACT)),
    ("architecture-defense#1", "outage_at=50 outage_len=30", "dead_lettered", About(36.0, 0.5)),
    ("architecture-defense#1", "outage_at=50 outage_len=30", "p99", About(1.7, 0.05)),
    ("architecture-defense#2", "outage_at=50 outage_len=30", "completed", Percent(22726.0, EXACT)),
    ("architecture-defense#2", "outage_at=50 outage_len=30", "dead_lettered", About(1274.0, 0.5)),
    // 3. "All 24,000, with a p99 of about 0.12 s"
    ("architecture-defense#2", "outage_at=50 outage_len=30 servers=5", "completed", About(24000.0, 0.5)),
    ("architecture-defense#2", "outage_at=50 outage_len=30 servers=5", "p99", About(0.12, 0.005)),
    // 4. "v0 still has a p99 of about 0.86 s"
    ("architecture-defense#1", "outage_at=50 outage_len=30 servers=5", "p99", About(0.86, 0.005)),
    // After the change: "v1's p99 through the doubling of traffic is about 0.08 s (0.14 s on four
    // instances)"
    ("architecture-defense#2", "servers=5", "p99", About(0.08, 0.005)),
];
