#!/usr/bin/env bash
# M/M/1 (λ = 0.9, μ = 1, 10^6 customers by default) in SimPy and in the engine: customers per
# second of wall-clock time for each, and their ratio. SimPy goes into a virtualenv under
# .tools/ the first time (later runs reuse it).
#   scripts/bench-simpy.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-1000000}
venv=.tools/simpy-venv

if ! "$venv/bin/python" -c 'import simpy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet simpy
fi

simpy_rate=$("$venv/bin/python" - "$customers" <<'PY'
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
started = time.perf_counter()
env.run()
print(round(customers / (time.perf_counter() - started)))
PY
)

engine_rate=$(CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-sim} \
  cargo bench --quiet --profile bench-native --no-default-features --bench engine -- mm1 "$customers" 2>/dev/null)

echo "M/M/1, lambda 0.9, mu 1, $customers customers"
echo "  SimPy:  $simpy_rate customers/s"
echo "  engine: $engine_rate customers/s"
awk -v a="$engine_rate" -v b="$simpy_rate" 'BEGIN { printf "  engine / SimPy: %.0fx\n", a / b }'
