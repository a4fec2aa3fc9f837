//! Figures quoted by the Systems Thinking course (`content/systems-thinking`).
//! See `tests/lesson_claims.rs` for the
//! row format and how to update a row when the engine changes on purpose.

#[allow(unused_imports, reason = "a new course table may not use every form yet")]
use super::*;

#[rustfmt::skip]
pub const CLAIMS: &[Claim] = &[
    // demo-vs-system: "3.5 a second on average" (worked by hand on the page, shown by the calculator)
    ("demo-vs-system", "", "requests_per_second", About(3.5, 0.05)),
    // 1. "About 10 a second at peak (3.5 on average, times three)"
    ("demo-vs-system", "", "peak_requests_per_second", About(10.0, 0.5)),
    // 2. "The peak is about 104 requests a second."
    ("demo-vs-system", "daily_users=100000", "peak_requests_per_second", About(104.0, 0.5)),
    // 3. "About 100 MB a day and 36.5 GB over the year"
    ("demo-vs-system", "", "storage_bytes_per_day", Percent(100e6, EXACT)),
    ("demo-vs-system", "", "storage_bytes_total", Percent(36.5e9, EXACT)),

    // everything-is-a-system: "a mean of about 0.13 s per request, so about 60 × 0.13 ≈ 8 requests are inside"
    ("everything-is-a-system", "spike_at=none", "mean_latency", About(0.13, 0.005)),
    ("everything-is-a-system", "spike_at=none", "mean_in_system", About(8.0, 0.5)),
    // 1. "Requests arriving 6 to 8 seconds into the spike wait about 1 s". With no timeout and no
    // retries, later arrivals cannot change an earlier request's wait (first come, first served,
    // round robin), so cutting arrivals at 38 s leaves the window's requests exactly as in the full run.
    ("everything-is-a-system", "timeout=none warmup=36 duration=38", "mean_wait", About(1.0, 0.1)),
    // 1. "back under a second for requests arriving 15 to 20 seconds after it"
    ("everything-is-a-system", "timeout=none warmup=70 duration=75", "mean_latency", Above(1.0)),
    ("everything-is-a-system", "timeout=none warmup=75 duration=80", "mean_latency", Below(1.0)),
    // 1. "Latency peaks near the spike's end" (the table's 3.75 s)
    ("everything-is-a-system", "timeout=none warmup=55 duration=60", "mean_latency", About(3.75, 0.2)),
    // 1. "All 8,099 requests are served; the p99 is about 7 s."
    ("everything-is-a-system", "timeout=none", "arrivals", Percent(8099.0, EXACT)),
    ("everything-is-a-system", "timeout=none", "completed", Percent(8099.0, EXACT)),
    ("everything-is-a-system", "timeout=none", "p99", About(7.0, 0.5)),
    // 2. "Only about 30 % of them, and 3,660 of all 8,099 requests."
    ("everything-is-a-system", "", "completed", Percent(3660.0, EXACT)),
    ("everything-is-a-system", "", "arrivals", Percent(8099.0, EXACT)),
    // 2. the requests arriving in the last 30 seconds: "Only about 30 % of them" (warmup only
    // filters the metrics: the run is the same one, trace and all)
    ("everything-is-a-system", "warmup=90", "completed/arrivals", About(0.30, 0.02)),
    // 2. "The servers are over 90 % busy across the run, mostly on attempts whose clients have
    // already given up": wasted work above half of all the server time there was (4 × 124 s).
    ("everything-is-a-system", "", "utilization", Above(0.9)),
    ("everything-is-a-system", "", "wasted_work", Above(250.0)),
    // 3. "7,541 of 8,099."
    ("everything-is-a-system", "max_retries=0", "completed", Percent(7541.0, EXACT)),
    // 3. "During the spike about a fifth of requests time out" (no retries: later arrivals cannot
    // change earlier ones, so the cut at 60 s keeps the spike's requests as in the full run)
    ("everything-is-a-system", "max_retries=0 warmup=30 duration=60", "timed_out/arrivals", About(0.2, 0.02)),
    // 3. "Every request arriving from two seconds after the spike onwards is served."
    ("everything-is-a-system", "max_retries=0 warmup=62", "completed/arrivals", Above(0.999)),
    // 4. "7,288 served, and the timeouts stop within seconds of the spike's end"
    ("everything-is-a-system", "retry_budget=0.1", "completed", Percent(7288.0, EXACT)),
    ("everything-is-a-system", "retry_budget=0.1 warmup=62", "completed/arrivals", Above(0.999)),

    // where-code-runs: the leak, "$32,400 a day, or $972,000 over a 30-day month"
    ("where-code-runs", "", "dollars_per_day", Percent(32_400.0, EXACT)),
    ("where-code-runs", "", "dollars_per_month", Percent(972_000.0, EXACT)),
    ("where-code-runs", "", "model_calls_per_day", Percent(4_320_000.0, EXACT)),
    // 1. "$150 a day, $4,500 a month"
    ("where-code-runs", "daily_users=2000 requests_per_user=10", "dollars_per_day", Percent(150.0, EXACT)),
    ("where-code-runs", "daily_users=2000 requests_per_user=10", "dollars_per_month", Percent(4500.0, EXACT)),
    // 2. "$75 a day"
    ("where-code-runs", "daily_users=200 requests_per_user=50", "dollars_per_day", Percent(75.0, EXACT)),
    // state-and-data#1 (replication) 1. "About 18.5 %: 1,665 of 8,998 reads."
    ("state-and-data#1", "", "stale_reads", Percent(1665.0, EXACT)),
    ("state-and-data#1", "", "reads", Percent(8998.0, EXACT)),
    ("state-and-data#1", "", "stale_ratio", About(0.185, 0.005)),
    // 2. "About 63 % at half a second of lag. Reading the primary makes it zero"
    ("state-and-data#1", "lag=0.5", "stale_ratio", About(0.63, 0.005)),
    ("state-and-data#1", "read_from=primary", "stale_reads", About(0.0, 0.0)),
    // state-and-data#2 (cache) 3. "403 of 19,011 reads are stale, about 2 %, with a hit ratio of 89 %"
    ("state-and-data#2", "", "stale_reads", Percent(403.0, EXACT)),
    ("state-and-data#2", "", "reads", Percent(19_011.0, EXACT)),
    ("state-and-data#2", "", "stale_reads/reads", About(0.02, 0.002)),
    ("state-and-data#2", "", "hit_ratio", About(0.89, 0.005)),
    ("state-and-data#2", "", "db_reads", Percent(2031.0, EXACT)),
    // 4. "Stale reads barely move, to 352, while the hit ratio falls to 48 % and database reads rise
    // from 2,031 to 9,917."
    ("state-and-data#2", "ttl=1", "stale_reads", Percent(352.0, EXACT)),
    ("state-and-data#2", "ttl=1", "hit_ratio", About(0.48, 0.005)),
    ("state-and-data#2", "ttl=1", "db_reads", Percent(9917.0, EXACT)),
    // security-basics 1. "54 of 60,279"
    ("security-basics", "", "completed", Percent(54.0, EXACT)),
    ("security-basics", "", "arrivals", Percent(60_279.0, EXACT)),
    // 2. "Still 54, out of about 600,000."
    ("security-basics", "rate=1000", "completed", Percent(54.0, EXACT)),
    ("security-basics", "rate=1000", "arrivals", Percent(600_000.0, ROUGHLY)),
    // 3. "149, nearly three times as many"
    ("security-basics", "burst=100", "completed", Percent(149.0, EXACT)),
    // shipping-and-operating 1. "About 30,000 (30,078) of 156,411"
    ("shipping-and-operating", "", "dropped", Percent(30_078.0, EXACT)),
    ("shipping-and-operating", "", "arrivals", Percent(156_411.0, EXACT)),
    // 2. "3,010: a tenth of the time, a tenth of the failures."
    ("shipping-and-operating", "outage_len=60", "dropped", Percent(3010.0, EXACT)),
    // 3. "154 dropped"
    ("shipping-and-operating", "health_interval=5", "dropped", Percent(154.0, EXACT)),
    // 4. "120,313 dropped, 77 % of all requests"
    ("shipping-and-operating", "policy=least_conn", "dropped", Percent(120_313.0, EXACT)),
    ("shipping-and-operating", "policy=least_conn", "dropped/arrivals", About(0.77, 0.005)),
    // scale-and-cost#1 (calculator), the worked example: "$2,700", "$81,000", "6.9" at peak
    ("scale-and-cost#1", "", "dollars_per_day", Percent(2700.0, EXACT)),
    ("scale-and-cost#1", "", "dollars_per_month", Percent(81_000.0, EXACT)),
    ("scale-and-cost#1", "", "requests_per_second", About(2.3, 0.05)),
    ("scale-and-cost#1", "", "peak_requests_per_second", About(6.9, 0.05)),
    // 1. "$1,890 a day instead of $2,700: 140,000 calls instead of 200,000."
    ("scale-and-cost#1", "model_share=0.7", "dollars_per_day", Percent(1890.0, EXACT)),
    ("scale-and-cost#1", "model_share=0.7", "model_calls_per_day", Percent(140_000.0, EXACT)),
    // 2. "$225 a day with the smaller model alone, and $157.50 with the cache too."
    ("scale-and-cost#1", "price_in=0.25 price_out=1.25", "dollars_per_day", Percent(225.0, EXACT)),
    ("scale-and-cost#1", "price_in=0.25 price_out=1.25 model_share=0.7", "dollars_per_day", Percent(157.5, EXACT)),
    // "At 100 times: 694 a second." "The bill grows 100 times too, to $270,000 a day."
    ("scale-and-cost#1", "daily_users=2000000", "dollars_per_day", Percent(270_000.0, EXACT)),
    ("scale-and-cost#1", "daily_users=2000000", "peak_requests_per_second", About(694.0, 0.5)),
    // 4. "$15,750 a day, with the peak still at 694 requests a second"
    ("scale-and-cost#1", "daily_users=2000000 model_share=0.7 price_in=0.25 price_out=1.25", "dollars_per_day", Percent(15_750.0, EXACT)),
    ("scale-and-cost#1", "daily_users=2000000 model_share=0.7 price_in=0.25 price_out=1.25", "peak_requests_per_second", About(694.0, 0.5)),
    // scale-and-cost#2 (limiter) 3. "654 of 2,523 calls are turned away during the surge and the p95
    // is about 6.8 s"
    ("scale-and-cost#2", "", "limited", Percent(654.0, EXACT)),
    // "during the surge": without it the limit turns nobody away
    ("scale-and-cost#2", "spike_at=none", "limited", About(0.0, 0.0)),
    ("scale-and-cost#2", "", "arrivals", Percent(2523.0, EXACT)),
    ("scale-and-cost#2", "", "p95", About(6.8, 0.1)),
    // "3 a second keeps the slots 75 % busy" (the run, surge included, shows 76 %)
    ("scale-and-cost#2", "spike_at=none", "utilization", About(0.75, 0.01)),
    // 3. "Without it, all 2,523 are served, but the p95 is about 148 s and the mean about 85 s"
    ("scale-and-cost#2", "limit=72", "completed", Percent(2523.0, EXACT)),
    ("scale-and-cost#2", "limit=72", "p95", About(148.0, 1.5)),
    ("scale-and-cost#2", "limit=72", "mean_latency", About(85.0, 1.0)),

    // failure-and-concurrency (retries) 1. "1,982 of 2,129 are served, after 1,014 retries, and
    // the p99 is about 4.7 s"; "About 175 requests arrive during the outage" is 35 a second for 5 s.
    ("failure-and-concurrency#1", "", "completed", Percent(1982.0, EXACT)),
    ("failure-and-concurrency#1", "", "arrivals", Percent(2129.0, EXACT)),
    ("failure-and-concurrency#1", "", "retries", Percent(1014.0, EXACT)),
    ("failure-and-concurrency#1", "", "p99", About(4.7, 0.05)),
    // 2. "Fewer: 1,530. Almost 5,000 retries"; "requests arriving in the last 10 s ... still fail
    // nearly one time in four"; "With retries off, 1,951 are served: 178 are dead-lettered"
    ("failure-and-concurrency#1", "max_retries=5", "completed", Percent(1530.0, EXACT)),
    ("failure-and-concurrency#1", "max_retries=5", "retries", Percent(4985.0, EXACT)),
    ("failure-and-concurrency#1", "max_retries=5 warmup=50", "dead_lettered/arrivals", About(0.23, 0.02)),
    ("failure-and-concurrency#1", "max_retries=0", "completed", Percent(1951.0, EXACT)),
    ("failure-and-concurrency#1", "max_retries=0", "dead_lettered", Percent(178.0, EXACT)),
    // 3. "With jitter, 640 retries instead of 1,014, and 2,005 served: the most of any setting here"
    ("failure-and-concurrency#1", "jitter=full", "retries", Percent(640.0, EXACT)),
    ("failure-and-concurrency#1", "jitter=full", "completed", Percent(2005.0, EXACT)),
    // "With the budget, 31 retries, 1,956 served and a p99 of about 0.5 s"
    ("failure-and-concurrency#1", "jitter=full retry_budget=0.1", "retries", Percent(31.0, EXACT)),
    ("failure-and-concurrency#1", "jitter=full retry_budget=0.1", "completed", Percent(1956.0, EXACT)),
    ("failure-and-concurrency#1", "jitter=full retry_budget=0.1", "p99", About(0.5, 0.05)),
    // failure-and-concurrency#2 (contention) 4. "With no strategy the counter ends at 801: 199
    // updates lost, as the formula said" (x = 0.25, lost share 0.2).
    ("failure-and-concurrency#2", "", "final_value", Percent(801.0, EXACT)),
    ("failure-and-concurrency#2", "", "lost_updates", Percent(199.0, EXACT)),
    ("failure-and-concurrency#2", "", "lost_ratio", About(0.2, 0.01)),
    // "Without the lock" a write takes the 5 ms gap.
    ("failure-and-concurrency#2", "", "p99", About(0.005, 0.0005)),
    // "The lock brings it to exactly 1,000, and the write p99 to about 13 ms, waits included."
    ("failure-and-concurrency#2", "strategy=lock", "final_value", About(1000.0, 0.0)),
    ("failure-and-concurrency#2", "strategy=lock", "p99", About(0.013, 0.001)),
    // "At 180 a second the unprotected counter ends at 512, nearly half lost, and the locked one
    // still at 1,000 with a p99 of about 100 ms: twenty times the work itself"
    ("failure-and-concurrency#2", "rate=180", "final_value", Percent(512.0, EXACT)),
    ("failure-and-concurrency#2", "strategy=lock rate=180", "final_value", About(1000.0, 0.0)),
    ("failure-and-concurrency#2", "strategy=lock rate=180", "p99", About(0.1, 0.005)),

    // steering-ai-code-changes (delivery, in hours) 1. "About 0.15 hours, 9 minutes, close to
    // Erlang C's 10, with the reviewers busy 50 % of the time. A change takes about 2.2 hours"
    ("steering-ai-code-changes", "", "review_wait", About(0.15, 0.005)),
    ("steering-ai-code-changes", "", "reviewer_utilization", About(0.5, 0.01)),
    ("steering-ai-code-changes", "", "lead_time", About(2.2, 0.05)),
    // "5,000 changes, more than a year of working hours" (2,000 hours)
    ("steering-ai-code-changes", "", "sim_time", Above(2000.0)),
    // 2. "At 1.5, about 0.57 hours (34 minutes)."
    ("steering-ai-code-changes", "ai_factor=1.5", "review_wait", About(0.57, 0.005)),
    // "At 1.8, about 2 hours, and the lead time ... goes from 2.2 hours to about 3.7"; the predict
    // block's "lands within a few percent of" Erlang C's 2.13 hours.
    ("steering-ai-code-changes", "ai_factor=1.8", "review_wait", About(2.0, 0.05)),
    ("steering-ai-code-changes", "ai_factor=1.8", "review_wait", Percent(2.13, 6.0)),
    ("steering-ai-code-changes", "ai_factor=1.8", "lead_time", About(3.7, 0.05)),
    // 3. "A third reviewer: about 0.13 hours, 8 minutes."
    ("steering-ai-code-changes", "ai_factor=1.8 reviewers=3", "review_wait", About(0.13, 0.005)),
    // "Fifteen-minute reviews of small changes: about 0.06 hours, under 4 minutes"
    ("steering-ai-code-changes", "ai_factor=1.8 review_time=0.25", "review_wait", About(0.06, 0.005)),
    ("steering-ai-code-changes", "ai_factor=1.8 review_time=0.25", "review_wait", Below(4.0 / 60.0)),
    // "Skimming gives the same short wait, but the defects that reached production rise from 60
    // with careful reviews to 106."
    ("steering-ai-code-changes", "ai_factor=1.8 review_time=0.25 review_catch=0.1", "review_wait", About(0.06, 0.005)),
    ("steering-ai-code-changes", "ai_factor=1.8", "escaped_defects", Percent(60.0, EXACT)),
    ("steering-ai-code-changes", "ai_factor=1.8 review_time=0.25 review_catch=0.1", "escaped_defects", Percent(106.0, EXACT)),

    // history-and-tests (delivery, in hours) 1. "11,806 false reds: ... 5,000 × 2.3 is about
    // 11,700. That is about 70 % of all runs ... A change takes about 1.7 hours"
    ("history-and-tests", "", "false_red_ratio", About(0.70, 0.01)),
    ("history-and-tests", "", "false_reds", Percent(11_806.0, EXACT)),
    ("history-and-tests", "", "arrivals", Percent(5000.0, EXACT)),
    ("history-and-tests", "", "lead_time", About(1.7, 0.05)),
    // 2. "70 false reds instead of 11,806, and a lead time of about 1.1 hours instead of 1.7. That
    // is about 1.4 % of runs"
    ("history-and-tests", "reruns=1", "false_red_ratio", About(0.014, 0.001)),
    ("history-and-tests", "reruns=1", "lead_time", About(1.1, 0.05)),
    ("history-and-tests", "reruns=1", "false_reds", Percent(70.0, EXACT)),
    // 3. "About 9.7 % of deploys at 5 and 34 % at 20 ... A failed batch of 20 takes 5 builds to
    // bisect, and the lead time rises from 1.7 hours to about 11"
    ("history-and-tests", "batch=5", "change_failure_rate", About(0.097, 0.001)),
    ("history-and-tests", "batch=20", "change_failure_rate", About(0.34, 0.005)),
    ("history-and-tests", "batch=20", "bisect_steps", About(5.0, 0.0)),
    ("history-and-tests", "batch=20", "lead_time", About(11.0, 0.5)),

    // apis-and-contracts (calls, an async edge) 1. "30,036 messages at most, as the arithmetic
    // said, and the backlog is empty again about 1,225 s after the consumer came back ... 100 %"
    ("apis-and-contracts", "", "max_backlog", Percent(30_036.0, EXACT)),
    ("apis-and-contracts", "", "drain_time", About(1225.0, 5.0)),
    ("apis-and-contracts", "", "success_ratio", About(1.0, 0.0)),
    // "the roughly 120,000 orders"
    ("apis-and-contracts", "", "arrivals", Percent(120_000.0, ROUGHLY)),
    // 2. "30,034 of 120,309, a quarter of the whole run"
    ("apis-and-contracts", "async=none", "failed", Percent(30_034.0, EXACT)),
    ("apis-and-contracts", "async=none", "arrivals", Percent(120_309.0, EXACT)),
    ("apis-and-contracts", "async=none", "failed/arrivals", About(0.25, 0.005)),
    // 3. "About 600 s instead of 1,225"
    ("apis-and-contracts", "replicas=4,4", "drain_time", About(600.0, 10.0)),

    // architecture-choices (calls, five in a chain) 1. "489 of 100,000, 0.49 % ...: about 211
    // minutes a month" (0.00489 × 43,200)
    ("architecture-choices", "", "failed", Percent(489.0, EXACT)),
    ("architecture-choices", "", "arrivals", Percent(100_000.0, EXACT)),
    ("architecture-choices", "", "success_ratio", About(0.9951, 0.00005)),
    // 2. "None of 100,000, for 1.001 attempts per request at the deepest service"
    ("architecture-choices", "hop_retries=1", "failed", About(0.0, 0.0)),
    ("architecture-choices", "hop_retries=1", "amplification", About(1.001, 0.0005)),
    // 3. "About 242 attempts per request"; "Retrying at the top only: about 3, and on a healthy
    // day it still leaves no request failed out of 100,000. With the budget: about 1.6. Every
    // request fails either way"
    ("architecture-choices", "hop_retries=2 outage_at=0 outage_len=20000", "amplification", About(242.0, 0.5)),
    ("architecture-choices", "hop_retries=2 outage_at=0 outage_len=20000", "success_ratio", About(0.0, 0.0)),
    ("architecture-choices", "hop_retries=2,0 outage_at=0 outage_len=20000", "amplification", About(3.0, 0.05)),
    ("architecture-choices", "hop_retries=2,0 outage_at=0 outage_len=20000", "success_ratio", About(0.0, 0.0)),
    ("architecture-choices", "hop_retries=2,0", "failed", About(0.0, 0.0)),
    ("architecture-choices", "hop_retries=2 retry_budget=0.1 outage_at=0 outage_len=20000", "amplification", About(1.6, 0.05)),
    ("architecture-choices", "hop_retries=2 retry_budget=0.1 outage_at=0 outage_len=20000", "success_ratio", About(0.0, 0.0)),
];
