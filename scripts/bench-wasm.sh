#!/usr/bin/env bash
# The engine natively and in wasm (under node, no JavaScript glue) on the same scenarios:
# events per second for each, the ratios, and whether the trace hashes agree. Both builds use
# opt-level 3 with LTO. wasm is measured twice: as cargo builds it, and at its fastest, with
# wasm's 128-bit SIMD (the counterpart of the SSE2 every x86-64 build may use; browsers since
# 2023, Safari 16.4) and `wasm-opt -O3` after the build. The site ships neither: its modules
# are built for size (`opt-level = "z"`, `wasm-opt -Oz`) and run without SIMD.
# Each side reports its best of 3 runs per round; the best of `rounds` rounds, interleaved, is
# kept, since other work on the machine only ever slows a run down.
#   scripts/bench-wasm.sh [rounds]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
rounds=${1:-5}
native_target=${CARGO_TARGET_DIR:-/work/target-sim}
wasm_target=${WASM_TARGET_DIR:-/work/target-wasm-bench}
simd_target=${WASM_SIMD_TARGET_DIR:-/work/target-wasm-bench-simd}

(cd benches/wasm && CARGO_TARGET_DIR="$wasm_target" cargo build --quiet --target wasm32-unknown-unknown --release)
(cd benches/wasm && RUSTFLAGS="-C target-feature=+simd128" CARGO_TARGET_DIR="$simd_target" \
  cargo build --quiet --target wasm32-unknown-unknown --release)
wasm="$wasm_target/wasm32-unknown-unknown/release/headroom_wasm_bench.wasm"
fastest="$simd_target/wasm32-unknown-unknown/release/headroom_wasm_bench.fastest.wasm"
wasm-opt -O3 --enable-simd "$simd_target/wasm32-unknown-unknown/release/headroom_wasm_bench.wasm" -o "$fastest"
native() {
  CARGO_TARGET_DIR="$native_target" cargo bench --quiet --profile bench-native --no-default-features \
    --bench trace -- "$1" 2>/dev/null
}
# Events per second and trace hash of the scenario $2 in the wasm module $1.
in_wasm() {
  line=$(node benches/wasm/run.mjs "$1" "$2")
  echo "$(echo "$line" | sed 's/.*"events_per_second":\([0-9.e+]*\).*/\1/') $(echo "$line" | sed 's/.*"trace":"\([0-9a-f]*\)".*/\1/')"
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }

scenarios=(
  "kind=queue rate=0.9 service_time=1 requests=1000000 seed=1"
  "kind=queue servers=2 rate=1.8 service=lognormal requests=500000 seed=2"
  "kind=pipeline servers=8 rate=100 service_time=0.05 capacity=1000 keys=10000 db_time=0.01 timeout=1 requests=300000 seed=3"
)

for scenario in "${scenarios[@]}"; do
  best_native=0; best_wasm=0; best_fastest=0; same=same
  for _ in $(seq "$rounds"); do
    read -r rate native_trace < <(native "$scenario")
    best_native=$(best "$rate" "$best_native")
    read -r rate trace < <(in_wasm "$wasm" "$scenario")
    best_wasm=$(best "$rate" "$best_wasm")
    [ "$trace" = "$native_trace" ] || same=DIFFERENT
    read -r rate trace < <(in_wasm "$fastest" "$scenario")
    best_fastest=$(best "$rate" "$best_fastest")
    [ "$trace" = "$native_trace" ] || same=DIFFERENT
  done
  awk -v s="$scenario" -v n="$best_native" -v w="$best_wasm" -v f="$best_fastest" -v t="$native_trace" -v same="$same" \
    'BEGIN { printf "%s\n  native %.1f M events/s; wasm %.1f (%.2f of native), at its fastest %.1f (%.2f); trace %s (%s in all three)\n", s, n / 1e6, w / 1e6, w / n, f / 1e6, f / n, t, same }'
done
