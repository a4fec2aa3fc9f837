#!/usr/bin/env bash
# The engine natively and in wasm (under node, no JavaScript glue) on the same scenarios:
# events per second for each, the ratio, and whether the trace hashes agree. Both builds use
# opt-level 3 with LTO. Each side reports its best of 3 runs per round; the best of `rounds`
# rounds, interleaved, is kept, since other work on the machine only ever slows a run down.
#   scripts/bench-wasm.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
native_target=${CARGO_TARGET_DIR:-/work/target-sim}
wasm_target=${WASM_TARGET_DIR:-/work/target-wasm-bench}

(cd benches/wasm && CARGO_TARGET_DIR="$wasm_target" cargo build --quiet --target wasm32-unknown-unknown --release)
wasm="$wasm_target/wasm32-unknown-unknown/release/headroom_wasm_bench.wasm"
native() {
  CARGO_TARGET_DIR="$native_target" cargo bench --quiet --profile bench-native --no-default-features \
    --bench trace -- "$1" 2>/dev/null
}

scenarios=(
  "kind=queue rate=0.9 service_time=1 requests=1000000 seed=1"
  "kind=queue servers=2 rate=1.8 service=lognormal requests=500000 seed=2"
  "kind=pipeline servers=8 rate=100 service_time=0.05 capacity=1000 keys=10000 db_time=0.01 timeout=1 requests=300000 seed=3"
)

for scenario in "${scenarios[@]}"; do
  best_native=0; best_wasm=0; native_trace=; wasm_trace=
  for _ in $(seq "$rounds"); do
    read -r rate native_trace < <(native "$scenario")
    best_native=$(awk -v a="$rate" -v b="$best_native" 'BEGIN { print (a > b ? a : b) }')
    line=$(node benches/wasm/run.mjs "$wasm" "$scenario")
    rate=$(echo "$line" | sed 's/.*"events_per_second":\([0-9.e+]*\).*/\1/')
    wasm_trace=$(echo "$line" | sed 's/.*"trace":"\([0-9a-f]*\)".*/\1/')
    best_wasm=$(awk -v a="$rate" -v b="$best_wasm" 'BEGIN { print (a > b ? a : b) }')
  done
  same=$([ "$native_trace" = "$wasm_trace" ] && echo same || echo DIFFERENT)
  awk -v s="$scenario" -v n="$best_native" -v w="$best_wasm" -v t="$native_trace" -v same="$same" \
    'BEGIN { printf "%s\n  native %.1f M events/s, wasm %.1f M events/s, wasm/native %.2f, trace %s (%s)\n", s, n / 1e6, w / 1e6, w / n, t, same }'
done
