#!/usr/bin/env bash
# Installs what Headroom needs, only what is missing; safe to run again and again.
#   scripts/setup.sh          everything (site and browser tests)
#   scripts/setup.sh --site   only what building and serving the site needs
# Nothing here downloads a prebuilt binary or a browser: tools come from crates.io, npm and
# Debian's packages.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo fmt --version >/dev/null 2>&1; then
  step "adding rustfmt"
  rustup component add rustfmt
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  step "installing trunk $TRUNK_VERSION (a cold build takes about 17 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: its lockfile pins a crate version the registry here does not have.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages: binaryen (wasm-opt for release builds) and Playwright, pinned by package-lock.json.
stamp=playwright/node_modules/.installed-from-lock
if ! cmp -s playwright/package-lock.json "$stamp" 2>/dev/null; then
  step "installing npm packages (binaryen, Playwright; no browser download)"
  (cd playwright && npm ci --no-audit --no-fund)
  cp playwright/package-lock.json "$stamp"
fi

[ "${1:-}" = "--site" ] && exit 0

if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
  step "installing Debian's chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi
