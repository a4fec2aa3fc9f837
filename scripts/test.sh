#!/usr/bin/env bash
# Installs what is missing, then runs every test: native (simulator against theory, content
# lint, storage), a release build served under /headroom/, and the browser tests in Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"

step "formatting (cargo fmt --check; rustfmt.toml)"
cargo fmt --check

step "native tests"
cargo test --no-default-features

step "the engine in wasm32 gives the pinned runs (tests/traces.txt)"
"$ROOT/scripts/wasm-traces.sh"

step "unit tests of the browser-side logic (natively, with the web feature)"
cargo test --lib

step "release build under /headroom/"
"$ROOT/scripts/build.sh" /headroom/

step "browser tests (Playwright in $CHROMIUM)"
cd playwright
npx playwright test
