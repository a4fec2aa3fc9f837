#!/usr/bin/env bash
# M/M/1 (λ = 0.9, μ = 1, 10^6 customers by default) in SimPy and in the engine, side by side in
# one run: customers per second of wall-clock time for each, and their ratio.
#
# The engine is the command line as the README documents it (`cargo run --release
# --no-default-features --bin headroom`), timed as a whole process: start, parse the scenario,
# run it, print the JSON report. SimPy is timed over `env.run()` only (its interpreter's start
# and imports are left out, in its favour). Each side takes its best of `tries` runs, the one
# least slowed by other work on the machine; the CPU time of the engine's best run is shown too.
# SimPy goes into a virtualenv under .tools/ the first time (later runs reuse it).
#   scripts/bench-simpy.sh [customers] [tries]
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-1000000}
tries=${2:-5}
venv=.tools/simpy-venv

if ! "$venv/bin/python" -c 'import simpy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'simpy>=4,<5'
fi

cargo build --quiet --release --no-default-features --bin headroom
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
cli="$target_dir/release/headroom"
scenario="kind=queue rate=0.9 service_time=1 requests=$customers seed=1"

simpy_best=0; simpy_cpu_best=0
for _ in $(seq "$tries"); do
  read -r rate cpu_rate < <("$venv/bin/python" - "$customers" <<'PY'
import random, sys, time
import simpy

customers = int(sys.argv[1])
rng = random.Random(1)

def customer(env, server):
    with server.request() as turn:
        yield turn
        yield env.timeout(rng.expovariate(1.0))

def arrivals(env, server):
    for _ in range(customers):
        env.process(customer(env, server))
        yield env.timeout(rng.expovariate(0.9))

env = simpy.Environment()
server = simpy.Resource(env, capacity=1)
env.process(arrivals(env, server))
started, cpu_started = time.perf_counter(), time.process_time()
env.run()
print(round(customers / (time.perf_counter() - started)), round(customers / (time.process_time() - cpu_started)))
PY
)
  simpy_best=$(awk -v a="$rate" -v b="$simpy_best" 'BEGIN { print (a > b ? a : b) }')
  simpy_cpu_best=$(awk -v a="$cpu_rate" -v b="$simpy_cpu_best" 'BEGIN { print (a > b ? a : b) }')
done

# Wall-clock and CPU seconds of the whole process, by python's clock and rusage (GNU time
# is not everywhere).
engine_best=; engine_cpu_best=
for _ in $(seq "$tries"); do
  line=$(python3 - "$cli" "$scenario" <<'PY'
import resource, subprocess, sys, time
# Children of this interpreter that ran before (its start may run some) are not the engine's.
before = resource.getrusage(resource.RUSAGE_CHILDREN)
started = time.perf_counter()
out = subprocess.run([sys.argv[1], "run", sys.argv[2]], check=True, capture_output=True, text=True).stdout
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
assert '"completed"' in out, out
cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
print(f"{wall:.4f} {cpu:.4f}")
PY
)
  engine_best=$(printf '%s\n%s\n' "$engine_best" "$line" | awk 'NF' | sort -n | head -1)
  engine_cpu_best=$(printf '%s\n%s\n' "$engine_cpu_best" "$line" | awk 'NF' | sort -k2 -n | head -1)
done
read -r wall _ <<<"$engine_best"
read -r _ cpu <<<"$engine_cpu_best"

# Wall-clock time is what a user waits; CPU time is what the machine's other work disturbs
# least (on a busy machine both sides wait for a core, and their wall times say little).
echo "M/M/1, lambda 0.9, mu 1, $customers customers, best of $tries"
echo "  SimPy (env.run):            $simpy_best customers/s wall, $simpy_cpu_best customers/s CPU"
awk -v c="$customers" -v w="$wall" -v u="$cpu" 'BEGIN {
  printf "  engine (whole CLI process): %.0f customers/s wall (%.3f s), %.0f customers/s CPU (%.3f s)\n", c / w, w, c / u, u }'
awk -v c="$customers" -v w="$wall" -v u="$cpu" -v b="$simpy_best" -v bu="$simpy_cpu_best" \
  'BEGIN { printf "  engine / SimPy: %.0fx wall, %.0fx CPU\n", c / w / b, c / u / bu }'
