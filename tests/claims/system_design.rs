//! Figures quoted by the System Design course (`content/system-design`).
//! See `tests/lesson_claims.rs` for the
//! row format and how to update a row when the engine changes on purpose.

#[allow(unused_imports, reason = "a new course table may not use every form yet")]
use super::*;

#[rustfmt::skip]
pub const CLAIMS: &[Claim] = &[
    // ai-agents: "At 1 call a second the slots are 25 % busy and the mean wait is about a
    // millisecond."
    ("ai-agents", "", "utilization", About(0.25, 0.005)),
    ("ai-agents", "", "mean_wait", About(0.001, 0.0005)),
    // 1. "About 1.7 seconds, over a thousand times longer, at about 88 % utilization"
    ("ai-agents", "rate=3.5", "mean_wait", About(1.7, 0.05)),
    ("ai-agents", "rate=3.5", "utilization", About(0.88, 0.005)),
    // 3. "the p99 goes from about 16 seconds to about 39"
    ("ai-agents", "rate=3.5", "p99", About(16.0, 0.5)),
    // 2. "Utilization drops to about 71 % and the mean wait to about 0.19 seconds"
    ("ai-agents", "rate=3.5 servers=10", "utilization", About(0.71, 0.005)),
    ("ai-agents", "rate=3.5 servers=10", "mean_wait", About(0.19, 0.005)),
    // 3. "The slots are over 95 % busy, the p99 goes ... to about 39, and the mean wait ... to about 13"
    ("ai-agents", "rate=3.9", "utilization", Above(0.95)),
    ("ai-agents", "rate=3.9", "p99", About(39.0, 0.5)),
    ("ai-agents", "rate=3.9", "mean_wait", About(13.0, 0.5)),
    // "at 3.5 calls a second, seeds 1 to 16 give mean waits from 1.1 to 2.4 s, and at 3.9 from 4.6
    // to 41 s": seed 7 is the low end and seed 6 the high end of both ranges.
    ("ai-agents", "rate=3.5 seed=7", "mean_wait", About(1.1, 0.05)),
    ("ai-agents", "rate=3.5 seed=6", "mean_wait", About(2.4, 0.05)),
    ("ai-agents", "rate=3.9 seed=7", "mean_wait", About(4.6, 0.05)),
    ("ai-agents", "rate=3.9 seed=6", "mean_wait", About(41.0, 0.5)),

    // back-of-the-envelope: the worked example, which the calculator reproduces.
    ("back-of-the-envelope", "", "requests_per_day", Percent(100e6, EXACT)),
    ("back-of-the-envelope", "", "requests_per_second", About(1157.0, 0.5)),
    ("back-of-the-envelope", "", "peak_requests_per_second", About(3472.0, 0.5)),
    ("back-of-the-envelope", "", "storage_bytes_total", Percent(5.475e12, EXACT)),
    ("back-of-the-envelope", "", "bandwidth_bytes_per_second", About(58e6, 0.5e6)),
    ("back-of-the-envelope", "", "peak_bandwidth_bytes_per_second", About(174e6, 0.5e6)),
    ("back-of-the-envelope", "", "model_calls_per_day", Percent(2e6, EXACT)),
    ("back-of-the-envelope", "", "dollars_per_day", Percent(18_000.0, EXACT)),
    ("back-of-the-envelope", "", "dollars_per_month", Percent(540_000.0, EXACT)),
    // 1. "from $540,000 to $360,000"
    ("back-of-the-envelope", "tokens_in=500", "dollars_per_month", Percent(360_000.0, EXACT)),
    // 2. "each exactly doubles (6,944 per second, 10.95 TB, $1,080,000)"
    ("back-of-the-envelope", "daily_users=10000000", "peak_requests_per_second", About(6944.0, 0.5)),
    ("back-of-the-envelope", "daily_users=10000000", "storage_bytes_total", About(10.95e12, 0.005e12)),
    ("back-of-the-envelope", "daily_users=10000000", "dollars_per_month", Percent(1_080_000.0, EXACT)),
    // 3. "It is $5.4 million"
    ("back-of-the-envelope", "model_share=0.2", "dollars_per_month", About(5.4e6, 0.05e6)),

    // caching 1 and 2: "the run's p99 drops from about 870 ms ...; (0.87 against 0.88)"
    ("caching", "", "p99", About(0.870, 0.005)),
    ("caching", "", "hit_ratio", About(0.88, 0.005)),
    // 2. "the run's p99 drops from about 870 ms to 130 ms, for a slightly lower hit ratio (0.87 ...)"
    ("caching", "ttl_jitter=0.5", "p99", About(0.130, 0.005)),
    ("caching", "ttl_jitter=0.5", "hit_ratio", About(0.87, 0.005)),
    // 3. "It shrinks it (p99 about 320 ms)"
    ("caching", "coalesce=on", "p99", About(0.320, 0.005)),
    // 4. "The hit ratio drops to about 68 % ... the p99 passes 6 s."
    ("caching", "capacity=300", "hit_ratio", About(0.68, 0.005)),
    ("caching", "capacity=300", "p99", Above(6.0)),

    // cap-theorem 1. "No read fails. Instead 171 of 1,096 reads (16 %) come back stale,
    // against 48 (4 %) for the same traffic with no partition."
    ("cap-theorem", "", "refused", About(0.0, 0.0)),
    ("cap-theorem", "", "stale_reads", Percent(171.0, EXACT)),
    ("cap-theorem", "", "reads", Percent(1096.0, EXACT)),
    ("cap-theorem", "", "stale_ratio", About(0.16, 0.005)),
    ("cap-theorem", "partition_at=none", "stale_reads", Percent(48.0, EXACT)),
    ("cap-theorem", "partition_at=none", "stale_ratio", About(0.04, 0.005)),
    // 2. "the run refuses 459, and stale reads fall to 29"
    ("cap-theorem", "on_partition=refuse", "refused", Percent(459.0, EXACT)),
    ("cap-theorem", "on_partition=refuse", "stale_reads", Percent(29.0, EXACT)),
    // 3. "427, and without the partition the same lag still gives 402 ... Reading from the
    // primary gives no stale reads"
    ("cap-theorem", "lag=1", "stale_reads", Percent(427.0, EXACT)),
    ("cap-theorem", "lag=1 partition_at=none", "stale_reads", Percent(402.0, EXACT)),
    ("cap-theorem", "lag=1 read_from=primary", "stale_reads", About(0.0, 0.0)),

    // cdns 1. "It falls from about 67 % to 51 %, and origin fetches rise ... from about 3,300 to 4,900."
    ("cdns", "", "hit_ratio", About(0.67, 0.005)),
    ("cdns", "", "db_reads", About(3300.0, 50.0)),
    ("cdns", "keys=100000", "hit_ratio", About(0.51, 0.005)),
    ("cdns", "keys=100000", "db_reads", About(4900.0, 50.0)),
    // 2. "It falls to about 53 %"
    ("cdns", "ttl=2", "hit_ratio", About(0.53, 0.005)),
    // 3. "The hit ratio goes from 67 % to 76 % to 88 %"
    ("cdns", "capacity=2000", "hit_ratio", About(0.76, 0.005)),
    ("cdns", "capacity=5000", "hit_ratio", About(0.88, 0.005)),

    // chat-app 1. "the p99 is about 30 s, and the backlog takes about 40 s to clear"
    ("chat-app", "", "p99", About(30.0, 0.5)),
    ("chat-app", "", "sim_time", About(40.0, 0.5)),
    // 2. "(the run: 6,955) ... a p99 near 32 ms ... at 0.3 the p99 is about 2 s, and at 0.5 about 10 s"
    ("chat-app", "write_ratio=0.17", "db_writes", Percent(6955.0, EXACT)),
    ("chat-app", "write_ratio=0.17", "p99", Percent(0.032, ROUGHLY)),
    ("chat-app", "write_ratio=0.3", "p99", About(2.0, 0.5)),
    ("chat-app", "write_ratio=0.5", "p99", About(10.0, 0.5)),
    // 3. "the p99 is about 10 s"
    ("chat-app", "db_servers=20", "p99", About(10.0, 0.5)),

    // consistency 1. "All 16: the run records 16 seconds of server time spent on attempts nobody
    // waited for." 2. "served falls from 736 ..."
    ("consistency", "", "dead_lettered", Percent(16.0, EXACT)),
    ("consistency", "", "wasted_work", About(16.0, 0.5)),
    ("consistency", "", "completed", Percent(736.0, EXACT)),
    // 2. "to about 180, attempts per request rise to 3.3, and about 980 attempts run for clients
    // who had left" (each attempt is 1 s of work, so attempts = seconds of wasted work)
    ("consistency", "max_retries=3", "completed", About(180.0, 5.0)),
    ("consistency", "max_retries=3", "mean_attempts", About(3.3, 0.05)),
    ("consistency", "max_retries=3", "wasted_work", About(980.0, 5.0)),
    // 3. "About 730 ... the budget lets only a dozen retries through"
    ("consistency", "max_retries=3 retry_budget=0.1", "completed", About(730.0, 5.0)),
    ("consistency", "max_retries=3 retry_budget=0.1", "retries", About(12.0, 2.0)),

    // context-management 1. "the $512 daily bill" and "$392 a day remains"
    ("context-management", "", "dollars_per_day", Percent(512.0, EXACT)),
    ("context-management", "tokens_out=0", "dollars_per_day", Percent(392.0, EXACT)),
    // 2. "It falls from $15,360 to $10,320 a month. Halving tokens_out to 150 instead would save
    // only $1,800."
    ("context-management", "", "dollars_per_month", Percent(15_360.0, EXACT)),
    ("context-management", "tokens_in=2800", "dollars_per_month", Percent(10_320.0, EXACT)),
    ("context-management", "tokens_out=150", "dollars_per_month", Percent(15_360.0 - 1_800.0, EXACT)),
    // 3. "to $8,960 a day ... and it drops to $1,816"
    ("context-management", "requests_per_user=100 tokens_in=20900", "dollars_per_day", Percent(8960.0, EXACT)),
    ("context-management", "requests_per_user=100 tokens_in=3040", "dollars_per_day", Percent(1816.0, EXACT)),

    // event-driven 1. "About 2.3 s" 2. "It falls from about 1.3 s to about 0.24 s"
    ("event-driven", "", "mean_latency", About(2.3, 0.05)),
    ("event-driven", "", "mean_wait", About(1.3, 0.05)),
    ("event-driven", "servers=5", "mean_wait", About(0.24, 0.005)),

    // fault-tolerance 1. "About 18 time out, and about 184 are turned away at once. The breaker
    // opens 7 times" 2. "to 410 from 389"
    ("fault-tolerance", "", "timed_out", About(18.0, 1.0)),
    ("fault-tolerance", "", "dropped", About(184.0, 2.0)),
    ("fault-tolerance", "", "breaker_opened", About(7.0, 0.0)),
    ("fault-tolerance", "", "completed", Percent(389.0, EXACT)),
    // 2. "About 181 time out ... Served rises a little, to 410"
    ("fault-tolerance", "breaker_failures=1000", "timed_out", About(181.0, 2.0)),
    ("fault-tolerance", "breaker_failures=1000", "completed", Percent(410.0, EXACT)),
    // 3. "It falls from 389 to about 305."
    ("fault-tolerance", "breaker_open=30", "completed", About(305.0, 3.0)),

    // file-storage 1. "the p99 is about 2.6 s"
    ("file-storage", "", "p99", About(2.6, 0.05)),
    // 2. "the hit ratio is about 99.9 % and the p99 about 14 ms. But server utilization stays at 50 %"
    ("file-storage", "capacity=10000", "hit_ratio", About(0.999, 0.0005)),
    ("file-storage", "capacity=10000", "p99", About(0.014, 0.0005)),
    ("file-storage", "capacity=10000", "utilization", About(0.50, 0.005)),
    // "At a rate of 7, with no cache at all, the p99 is about 23 ms and the servers are almost idle."
    ("file-storage", "rate=7", "p99", About(0.023, 0.0005)),
    ("file-storage", "rate=7", "utilization", Below(0.01)),
    // 3. "the p99 climbs past 1 s"
    ("file-storage", "capacity=10000 write_ratio=0.8", "p99", Above(1.0)),

    // global-rate-limiter 1. "The p50 is about 58 ms and the p99 about 370 ms"
    ("global-rate-limiter", "", "p50", About(0.058, 0.0005)),
    ("global-rate-limiter", "", "p99", About(0.370, 0.005)),
    // 2. "It falls to about 5.6 ms ... while about 3,600 of the 5,000 increments still reach the
    // central store"; 3. "the run takes about 16.8 s instead of about 11"
    ("global-rate-limiter", "write_policy=write_back", "p99", About(0.0056, 0.00005)),
    ("global-rate-limiter", "write_policy=write_back", "db_writes", About(3600.0, 50.0)),
    ("global-rate-limiter", "write_policy=write_back", "sim_time", About(11.0, 0.5)),
    // 3. "the p99 reaches about 5.7 s. With write_back the p99 stays near 5.6 ms, but the run
    // takes about 16.8 s"
    ("global-rate-limiter", "db_time=0.2", "p99", About(5.7, 0.05)),
    ("global-rate-limiter", "db_time=0.2 write_policy=write_back", "p99", Percent(0.0056, ROUGHLY)),
    ("global-rate-limiter", "db_time=0.2 write_policy=write_back", "sim_time", About(16.8, 0.05)),
    // check 3. "Writes to one key within an interval are combined (about 2,200 instead of 3,600)"
    ("global-rate-limiter", "write_policy=write_back flush_delay=5", "db_writes", About(2200.0, 50.0)),

    // latency-throughput 1. "The mean settles near 43 ms and the p99 near 230 ms, more than five
    // times the mean."
    ("latency-throughput", "", "mean_latency", Percent(0.043, ROUGHLY)),
    ("latency-throughput", "", "p99", Percent(0.230, ROUGHLY)),
    ("latency-throughput", "", "p99/mean_latency", Above(5.0)),
    // 2. "Throughput rises 29 %, and the mean more than triples, to about 145 ms. The p99 climbs
    // past 700 ms."
    ("latency-throughput", "rate=90", "mean_latency", About(0.145, 0.005)),
    ("latency-throughput", "rate=90", "p99", Above(0.700)),
    // 3. "The mean drops to about 13 ms and the p99 to about 75 ms."
    ("latency-throughput", "rate=90 servers=2", "mean_latency", About(0.013, 0.0005)),
    ("latency-throughput", "rate=90 servers=2", "p99", About(0.075, 0.005)),

    // load-balancing 1. "p99 ends near 10 s. With least_conn it falls to about 0.24 s"
    ("load-balancing", "", "p99", Percent(10.0, ROUGHLY)),
    ("load-balancing", "policy=least_conn", "p99", About(0.24, 0.005)),
    // load-balancing, the widget's goal "p99 < 0.3 and dropped = 0": not met as shipped (above),
    // met by least_conn.
    ("load-balancing", "", "p99", Above(0.3)),
    ("load-balancing", "policy=least_conn", "p99", Below(0.3)),
    ("load-balancing", "policy=least_conn", "dropped", About(0.0, 0.0)),
    // 2. "weighted ... (p99 about 0.53 s) ... random ... about 12 s ... p2c reaches about 0.37 s"
    ("load-balancing", "policy=weighted", "p99", About(0.53, 0.005)),
    ("load-balancing", "policy=random", "p99", About(12.0, 0.5)),
    ("load-balancing", "policy=p2c", "p99", About(0.37, 0.005)),
    // 3. "About 1,500 dropped ... drops fall to about 75 ... but p99 rises to about 2.6 s"
    ("load-balancing", "policy=least_conn outage_at=5.5", "dropped", About(1500.0, 50.0)),
    ("load-balancing", "policy=least_conn outage_at=5.5 health_interval=1", "dropped", About(75.0, 5.0)),
    ("load-balancing", "policy=least_conn outage_at=5.5 health_interval=1", "p99", About(2.6, 0.05)),

    // news-feed 1. "One shard is at 100 %, serving 1,335 of the 4,000 reads, and the p99 is about
    // 2.6 s while the p50 is about 31 ms. The cluster-wide utilization readout ... (about 39 %)"
    ("news-feed", "", "max servers.utilization", Above(0.995)),
    ("news-feed", "", "max servers.completed", Percent(1335.0, EXACT)),
    ("news-feed", "", "p99", About(2.6, 0.05)),
    ("news-feed", "", "p50", About(0.031, 0.0005)),
    ("news-feed", "", "utilization", About(0.39, 0.005)),
    // 2. "It is still about 1 s, and one shard is still at 99 %"
    ("news-feed", "servers=16", "p99", Percent(1.0, ROUGHLY)),
    ("news-feed", "servers=16", "max servers.utilization", About(0.99, 0.005)),
    // 3. "every shard sits near 50 % and the p99 falls to about 60 ms ... plain hashing gives a
    // p99 of about 0.1 s"
    ("news-feed", "lb_policy=p2c", "max servers.utilization", Percent(0.5, ROUGHLY)),
    ("news-feed", "lb_policy=p2c", "p99", About(0.060, 0.005)),
    ("news-feed", "zipf=0.5", "p99", About(0.1, 0.005)),

    // notification-system 1. "The run shows 2,481 and 42 ... The p99 is about 2.3 s with failures
    // and about 0.77 s without"
    ("notification-system", "", "retries", Percent(2481.0, EXACT)),
    ("notification-system", "", "dead_lettered", About(42.0, 0.5)),
    ("notification-system", "", "p99", About(2.3, 0.05)),
    ("notification-system", "fail_prob=0", "p99", About(0.77, 0.005)),
    // 2. "the run shows 1,789"
    ("notification-system", "max_retries=0", "dead_lettered", Percent(1789.0, EXACT)),
    // 3. "About 1.9 attempts a message ... the p99 reaches about 9 s. With the budget the p99
    // falls to about 1.1 s, and 2,693 messages (45 %) go to the dead-letter queue"
    ("notification-system", "fail_prob=0.5", "mean_attempts", About(1.9, 0.05)),
    ("notification-system", "fail_prob=0.5", "p99", About(9.0, 0.5)),
    ("notification-system", "fail_prob=0.5 retry_budget=0.1", "p99", About(1.1, 0.05)),
    ("notification-system", "fail_prob=0.5 retry_budget=0.1", "dead_lettered", Percent(2693.0, EXACT)),
    ("notification-system", "fail_prob=0.5 retry_budget=0.1", "dead_lettered/arrivals", About(0.45, 0.005)),

    // observability 1. "About 0.11 s against 0.63 s, nearly six times, and almost none of it queueing."
    ("observability", "", "mean_latency", About(0.11, 0.005)),
    ("observability", "", "p99", About(0.63, 0.005)),
    ("observability", "", "p99/mean_latency", Percent(5.75, 5.0)),
    ("observability", "", "mean_wait/mean_latency", Below(0.1)),
    // 2. "The mean is about 0.28 s ... while the p99 is about 1.4 s"
    ("observability", "rate=36", "mean_latency", About(0.28, 0.005)),
    ("observability", "rate=36", "p99", About(1.4, 0.05)),
    // 3. "It falls to about 0.65 s"
    ("observability", "rate=36 servers=5", "p99", About(0.65, 0.005)),
    // 4. "The mean barely moves (about 0.12 s) and the median even drops, to about 0.04 s, yet the
    // p99 is about 1.1 s"
    ("observability", "sigma=1.5", "mean_latency", About(0.12, 0.005)),
    ("observability", "sigma=1.5", "p50", About(0.04, 0.005)),
    ("observability", "sigma=1.5", "p99", About(1.1, 0.05)),

    // orchestration 1. "the fleet steps 7 → 12 → 20 → 34, and the p99 is near 19 s"
    ("orchestration", "", "max_servers_used", About(34.0, 0.0)),
    ("orchestration", "", "p99", Percent(19.0, ROUGHLY)),
    // 2. "At 120 s the p99 nears a minute (about 57 s) ... At 5 s it falls to under 9 s."
    ("orchestration", "provision_time=120", "p99", About(57.0, 0.5)),
    ("orchestration", "provision_time=5", "p99", Below(9.0)),
    // 3. "It is about 35 s"
    ("orchestration", "scale_interval=60", "p99", About(35.0, 0.5)),
    // 4. "The p99 drops under half a second, but the fleet averages 20 pods against about 12"
    // (the widget starts with min_servers pods)
    ("orchestration", "min_servers=20 servers=20", "p99", Below(0.5)),
    ("orchestration", "min_servers=20 servers=20", "mean_servers", About(20.0, 0.5)),
    ("orchestration", "", "mean_servers", About(12.0, 0.5)),

    // rag-support-bot 1. "The p50 is about 17 s ... With 16 gateways the p50 does not move"
    ("rag-support-bot", "", "p50", About(17.0, 0.5)),
    ("rag-support-bot", "servers=16", "p50", About(17.0, 0.5)),
    // 2. "About half the questions hit, so 870 of 1,820 reach the model ... the mean reply time
    // falls from about 17 s to about 2.8 s"
    ("rag-support-bot", "", "mean_latency", About(17.0, 0.5)),
    ("rag-support-bot", "capacity=50", "hit_ratio", Percent(0.5, ROUGHLY)),
    ("rag-support-bot", "capacity=50", "db_reads", Percent(870.0, EXACT)),
    ("rag-support-bot", "capacity=50", "arrivals", Percent(1820.0, EXACT)),
    ("rag-support-bot", "capacity=50", "mean_latency", About(2.8, 0.05)),
    // 3. "a p50 near 4 s and a mean near 5.9 s"
    ("rag-support-bot", "db_servers=48", "p50", Percent(4.0, ROUGHLY)),
    ("rag-support-bot", "db_servers=48", "mean_latency", Percent(5.9, ROUGHLY)),

    // rate-limiting 1. "Most: about 62 % (1,247 of 2,000)."
    ("rate-limiting", "", "limited", Percent(1247.0, EXACT)),
    ("rate-limiting", "", "limited/arrivals", About(0.62, 0.005)),
    // 2. "Refusals fall to about 4 % (72), but p99 rises from about 0.63 s to about 2.0 s"
    ("rate-limiting", "", "p99", About(0.63, 0.005)),
    ("rate-limiting", "burst=50", "limited", Percent(72.0, EXACT)),
    ("rate-limiting", "burst=50", "limited/arrivals", About(0.04, 0.005)),
    ("rate-limiting", "burst=50", "p99", About(2.0, 0.05)),
    // 3. "About 4.9 s ... Refusals stay at about 4 %"
    ("rate-limiting", "algorithm=leaky_bucket burst=50", "p99", About(4.9, 0.05)),
    ("rate-limiting", "algorithm=leaky_bucket burst=50", "limited/arrivals", About(0.04, 0.005)),
    // 4. "More, about 80 % (1,600)"
    ("rate-limiting", "algorithm=fixed_window", "limited", About(1600.0, 10.0)),
    ("rate-limiting", "algorithm=fixed_window", "limited/arrivals", About(0.80, 0.005)),

    // replication 1. "about 330 stale reads, close to 4 % ... (zipf = 0), the same lag leaves
    // about 0.1 % of reads stale"
    ("replication", "", "stale_reads", About(330.0, 5.0)),
    ("replication", "", "stale_ratio", Percent(0.04, ROUGHLY)),
    ("replication", "zipf=0", "stale_ratio", About(0.001, 0.0005)),
    // 2. "About 3,000, a third of all reads"
    ("replication", "lag=1", "stale_reads", Percent(3000.0, 5.0)),
    ("replication", "lag=1", "stale_ratio", About(0.33, 0.01)),
    // 3. "still about 340 stale reads"
    ("replication", "replicas=8", "stale_reads", About(340.0, 5.0)),
    // 4. "Zero, bought by sending the primary all 9,000 reads"
    ("replication", "read_from=primary", "stale_reads", About(0.0, 0.0)),
    ("replication", "read_from=primary", "reads", Percent(9000.0, 1.0)),

    // scale-up-vs-out 1. "The p99 is about 33 s, against under 5 s with no spike. Then the fleet
    // overshoots to the 40-worker maximum"
    ("scale-up-vs-out", "", "p99", About(33.0, 0.5)),
    ("scale-up-vs-out", "", "max_servers_used", About(40.0, 0.0)),
    ("scale-up-vs-out", "spike_at=none", "p99", Below(5.0)),
    // 2. "The p99 falls from about 33 s to about 14 s. The mean fleet grows, from about 13
    // workers to about 17"
    ("scale-up-vs-out", "", "mean_servers", About(13.0, 0.5)),
    ("scale-up-vs-out", "provision_time=5", "p99", About(14.0, 0.5)),
    ("scale-up-vs-out", "provision_time=5", "mean_servers", About(17.0, 0.5)),
    // 3. "The fleet averages about 9 workers instead of 13, and the p99 jumps ... to over 2 minutes"
    ("scale-up-vs-out", "target_util=0.9", "mean_servers", About(9.0, 0.5)),
    ("scale-up-vs-out", "target_util=0.9", "p99", Above(120.0)),
    // 4. "the p99 is about 10 s instead of 33 s"
    ("scale-up-vs-out", "spike_factor=1.5", "p99", About(10.0, 0.5)),

    // sharding 1. "About 1.9: the busiest node holds 48 % of the keys"
    ("sharding", "", "max_over_mean", About(1.9, 0.05)),
    ("sharding", "", "max load_shares", About(0.48, 0.005)),
    // 2. "About 1.14: the busiest node holds 28 %"
    ("sharding", "vnodes=100", "max_over_mean", About(1.14, 0.005)),
    ("sharding", "vnodes=100", "max load_shares", About(0.28, 0.005)),
    // 3. "From 4 to 5: 23 % on the ring ... against 80 % under hash mod N. From 16 to 17: 5.5 %
    // against 94 %."
    ("sharding", "vnodes=100", "moved_on_join", About(0.23, 0.005)),
    ("sharding", "vnodes=100", "moved_mod_n", About(0.80, 0.005)),
    ("sharding", "vnodes=100 servers=16", "moved_on_join", About(0.055, 0.0005)),
    ("sharding", "vnodes=100 servers=16", "moved_mod_n", About(0.94, 0.005)),
    // 4. "About 1.66, and still about 1.54 at 1,000 virtual nodes"
    ("sharding", "vnodes=100 zipf=1.2", "max_over_mean", About(1.66, 0.005)),
    ("sharding", "vnodes=1000 zipf=1.2", "max_over_mean", About(1.54, 0.005)),

    // simplicity-vs-scale 1. "Throughput stalls near 385 requests a second ... the workers are
    // over 95 % busy ... to a mean of about 11 seconds"
    ("simplicity-vs-scale", "rate=700", "throughput", Percent(385.0, ROUGHLY)),
    ("simplicity-vs-scale", "rate=700", "utilization", Above(0.95)),
    ("simplicity-vs-scale", "rate=700", "mean_latency", About(11.0, 0.5)),
    // 2. "Still near 6 seconds, and throughput stops at about 500 a second, while the workers sit
    // more than half idle"
    ("simplicity-vs-scale", "rate=700 servers=24", "mean_latency", Percent(6.0, ROUGHLY)),
    ("simplicity-vs-scale", "rate=700 servers=24", "throughput", About(500.0, 5.0)),
    ("simplicity-vs-scale", "rate=700 servers=24", "utilization", Below(0.5)),
    // 3. "The hit ratio comes out near 67 % ... mean latency falls to about 33 ms"
    ("simplicity-vs-scale", "rate=700 servers=24 capacity=1000", "hit_ratio", Percent(0.67, ROUGHLY)),
    ("simplicity-vs-scale", "rate=700 servers=24 capacity=1000", "mean_latency", About(0.033, 0.0005)),

    // sync-vs-async 1. "About 9.7 against the formula's 10." 2. "About 20" 3. "About 2"
    ("sync-vs-async", "", "mean_latency", About(9.7, 0.05)),
    // "with other seeds the mean lands anywhere from about 8.5 to 11": seeds 1 to 12 span 8.49
    // (seed 6) to 11.06 (seed 8); these two rows are the ends of that range.
    ("sync-vs-async", "seed=6", "mean_latency", About(8.5, 0.05)),
    ("sync-vs-async", "seed=8", "mean_latency", About(11.0, 0.1)),
    ("sync-vs-async", "rate=0.95", "mean_latency", About(20.0, 0.5)),
    ("sync-vs-async", "rate=0.5", "mean_latency", About(2.0, 0.5)),
    // "set servers to 2 and rate to 1.8 below: the mean halves" (half of the 9.7 above)
    ("sync-vs-async", "servers=2 rate=1.8", "mean_latency", Percent(9.7 / 2.0, ROUGHLY)),

    // url-shortener 1. "the p99, now about 2.1 s ... The p99 stays at about 2.1 s."
    ("url-shortener", "", "p99", About(2.1, 0.05)),
    ("url-shortener", "servers=8", "p99", About(2.1, 0.05)),
    // 2. "About 66 % of redirects hit, so the database gets about 4,100 of the 12,000 ... the
    // p99 falls from about 2.1 s to about 41 ms"
    ("url-shortener", "capacity=1000", "hit_ratio", About(0.66, 0.005)),
    ("url-shortener", "capacity=1000", "db_reads", About(4100.0, 50.0)),
    ("url-shortener", "capacity=1000", "p99", About(0.041, 0.0005)),
    // 3. "the hit ratio drops to about 10 % ... the p99 climbs back to about 1 s. At zipf = 1.2 it
    // is 83 % hits and a p99 of about 34 ms"
    ("url-shortener", "capacity=1000 zipf=0", "hit_ratio", About(0.10, 0.005)),
    ("url-shortener", "capacity=1000 zipf=0", "p99", Percent(1.0, ROUGHLY)),
    ("url-shortener", "capacity=1000 zipf=1.2", "hit_ratio", About(0.83, 0.005)),
    ("url-shortener", "capacity=1000 zipf=1.2", "p99", About(0.034, 0.0005)),
    // check 4. "The p99 falls from about 2.1 s to about 0.22 s ... 15 workers ... about 54 ms"
    ("url-shortener", "db_servers=12", "p99", About(0.22, 0.005)),
    ("url-shortener", "db_servers=15", "p99", About(0.054, 0.0005)),

    // video-streaming 1. "The run shows about 6,200 ... the p99 is over two minutes (about 140 s)"
    ("video-streaming", "", "db_reads", About(6200.0, 50.0)),
    ("video-streaming", "", "p99", About(140.0, 5.0)),
    ("video-streaming", "", "p99", Above(120.0)),
    // 2. "Exactly 300 fetches, one per segment. The p99 is still about 5 s"
    ("video-streaming", "coalesce=on", "db_reads", About(300.0, 0.0)),
    ("video-streaming", "coalesce=on", "p99", About(5.0, 0.5)),
    // 3. "Warm, every request hits and the p99 is about 15 ms ... four times the origin still
    // takes about 2,000 fetches and leaves a p99 near 7 s"
    ("video-streaming", "coalesce=on warm=on", "hit_ratio", About(1.0, 0.0)),
    ("video-streaming", "coalesce=on warm=on", "p99", About(0.015, 0.0005)),
    ("video-streaming", "db_servers=32", "db_reads", About(2000.0, 50.0)),
    ("video-streaming", "db_servers=32", "p99", Percent(7.0, ROUGHLY)),

    // typeahead 1. "The p99 is about 2.6 s"
    ("typeahead", "", "p99", About(2.6, 0.05)),
    // 2. "About 26 ms."
    ("typeahead", "rate=1000", "p99", About(0.026, 0.0005)),
    // 3. "About 48 % hit, so the suggestion tier gets about 10,400 of the 20,000 requests, and the
    // p99 is about 24 ms. ... the hit ratio falls to about 19 % and the p99 climbs to about 0.27 s"
    ("typeahead", "capacity=500", "hit_ratio", About(0.48, 0.005)),
    ("typeahead", "capacity=500", "db_reads", About(10400.0, 50.0)),
    ("typeahead", "capacity=500", "p99", About(0.024, 0.0005)),
    ("typeahead", "capacity=500 zipf=0.8", "hit_ratio", About(0.19, 0.005)),
    ("typeahead", "capacity=500 zipf=0.8", "p99", About(0.27, 0.005)),

    // web-crawler 1. "The crawl takes about 170 s, not 100, and averages about 36 pages a second.
    // One fetcher is busy 100 % of the time with 1,762 pages while the fleet as a whole is 44 %
    // busy, and the p99 wait for a URL is over a minute."
    ("web-crawler", "", "sim_time", About(170.0, 5.0)),
    ("web-crawler", "", "throughput", About(36.0, 0.5)),
    ("web-crawler", "", "max servers.utilization", About(1.0, 0.005)),
    ("web-crawler", "", "max servers.completed", Percent(1762.0, EXACT)),
    ("web-crawler", "", "utilization", About(0.44, 0.005)),
    ("web-crawler", "", "p99", Above(60.0)),
    // "With hosts of equal size (`zipf = 0`) the same crawl takes about 103 s."
    ("web-crawler", "zipf=0", "sim_time", About(103.0, 0.5)),
    // 2. "About 135 s"
    ("web-crawler", "servers=16", "sim_time", About(135.0, 2.5)),
    // 3. "About 100 s, with a p99 near 1.6 s"
    ("web-crawler", "lb_policy=round_robin", "sim_time", About(100.0, 2.5)),
    ("web-crawler", "lb_policy=round_robin", "p99", Percent(1.6, ROUGHLY)),

    // key-value-store 1. "it serves 4,861 of the 9,600 requests, is busy 100 % of the time, and
    // the p99 is about 28 s. ... across seeds 1 to 8 the busiest node's count runs from 2,503 (seed 4)
    // to 5,808 (seed 3)"
    ("key-value-store", "", "max servers.completed", Percent(4861.0, EXACT)),
    ("key-value-store", "", "max servers.utilization", About(1.0, 0.005)),
    ("key-value-store", "", "p99", About(28.0, 0.5)),
    ("key-value-store", "seed=4", "max servers.completed", Percent(2503.0, EXACT)),
    ("key-value-store", "seed=3", "max servers.completed", Percent(5808.0, EXACT)),
    // 2. "With 10 the busiest node is at 96 % and the p99 about 0.59 s; with 100 it is at 73 % and
    // the p99 about 0.12 s."
    ("key-value-store", "vnodes=10", "max servers.utilization", About(0.96, 0.005)),
    ("key-value-store", "vnodes=10", "p99", About(0.59, 0.005)),
    ("key-value-store", "vnodes=100", "max servers.utilization", About(0.73, 0.005)),
    ("key-value-store", "vnodes=100", "p99", About(0.12, 0.005)),
    // 3. "The p99 jumps to about 7.5 s and one node is back at 100 %. With 16 nodes it is still
    // about 3.4 s"
    ("key-value-store", "vnodes=100 zipf=1.2", "p99", About(7.5, 0.05)),
    ("key-value-store", "vnodes=100 zipf=1.2", "max servers.utilization", About(1.0, 0.005)),
    ("key-value-store", "vnodes=100 zipf=1.2 servers=16", "p99", About(3.4, 0.05)),

    // payments 1. "Customers see 1,757 successes and 4,243 timeouts, but the row is updated 6,000
    // times"
    ("payments", "", "completed", Percent(1757.0, EXACT)),
    ("payments", "", "timed_out", Percent(4243.0, EXACT)),
    ("payments", "", "db_reads", Percent(6000.0, EXACT)),
    // 2. "13,544 updates for 6,000 payments ... still only 1,757 successes seen ... Doubling
    // `servers` as well does not add a single success."
    ("payments", "max_retries=2", "db_reads", Percent(13544.0, EXACT)),
    ("payments", "max_retries=2", "completed", Percent(1757.0, EXACT)),
    ("payments", "max_retries=2 servers=8", "completed", Percent(1757.0, EXACT)),
    // 3. "All 6,000 succeed with a p99 of about 40 ms"
    ("payments", "db_servers=2", "completed", Percent(6000.0, EXACT)),
    ("payments", "db_servers=2", "p99", About(0.040, 0.0005)),
];
