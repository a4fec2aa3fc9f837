#!/usr/bin/env bash
# The engine compiled to wasm32 gives the same run as natively: each scenario of
# tests/traces.txt, run under node by the wasm bench (benches/wasm), kept whole and for its
# report alone, must give its pinned trace hash, the one tests/sim_determinism.rs checks
# natively.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

target="${WASM_BENCH_TARGET_DIR:-$ROOT/target/wasm-bench}"
(cd benches/wasm && CARGO_TARGET_DIR="$target" cargo build --quiet --target wasm32-unknown-unknown --release)
wasm="$target/wasm32-unknown-unknown/release/headroom_wasm_bench.wasm"

hashes=(); scenarios=()
while read -r hash scenario; do
  hashes+=("$hash"); scenarios+=("$scenario")
done < <(grep -v '^#' tests/traces.txt | grep -v '^[[:space:]]*$')

failed=0
# Each run twice: kept whole (a widget's), and for its report alone (the command line's).
for mode in whole --report; do
  mapfile -t results < <(node benches/wasm/run.mjs $([ "$mode" = whole ] || echo "$mode") "$wasm" "${scenarios[@]}")
  for i in "${!scenarios[@]}"; do
    got=$(printf '%s' "${results[$i]:-}" | sed -n 's/.*"trace":"\([0-9a-f]*\)".*/\1/p')
    if [ "$got" = "${hashes[$i]}" ]; then
      printf 'same   %s  %-8s %s\n' "$got" "${mode#--}" "${scenarios[$i]}"
    else
      printf 'DIFFERENT: wasm %s, pinned %s  %s %s\n' "${got:-none}" "${hashes[$i]}" "${mode#--}" "${scenarios[$i]}"
      failed=1
    fi
  done
done
exit "$failed"
