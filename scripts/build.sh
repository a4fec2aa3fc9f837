#!/usr/bin/env bash
# Release build of the site into dist/, ready for a static host without rewrite rules.
#   scripts/build.sh [PUBLIC_URL]     e.g. /headroom/ for GitHub Pages under a project path
# Trunk builds the app (wasm, style sheet, assets); then headroom-site writes every route as
# prerendered HTML, <route>/index.html, which GitHub Pages serves with status 200 (and
# 404.html, sitemap.xml, robots.txt). SITE_URL, the site's absolute address, goes into the
# canonical links and the sitemap (default: http://127.0.0.1:8080 plus PUBLIC_URL).
# Set PROFILE=debug for a faster, larger development build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PUBLIC_URL="${1:-/}"
PROFILE="${PROFILE:-release}"

release=--release
[ "$PROFILE" = debug ] && release=""
step "trunk build $release --public-url $PUBLIC_URL"
trunk build $release --public-url "$PUBLIC_URL"

step "prerendered pages"
cargo run --quiet --no-default-features --bin headroom-site -- dist "${SITE_URL:-}"
touch dist/.nojekyll
for wasm in dist/*.wasm; do
  printf '%s: %s bytes raw, %s bytes gzip\n' "$(basename "$wasm")" "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
done

step "example slide deck (docs/deck → dist/deck, reveal.js from npm)"
# Only the reveal.js files the deck loads; the serif theme imports no fonts.
reveal=playwright/node_modules/reveal.js/dist
if [ ! -f "$reveal/reveal.js" ]; then
  echo "reveal.js is missing: run scripts/setup.sh --site (npm ci in playwright/)" >&2
  exit 1
fi
rm -rf dist/deck
mkdir -p dist/deck/reveal/theme
cp docs/deck/index.html dist/deck/
# The deck's own policy: reveal.js from the site, and its inline script and style by hash.
python3 scripts/csp.py deck dist/deck/index.html
cp "$reveal/reveal.js" "$reveal/reveal.css" dist/deck/reveal/
cp "$reveal/theme/serif.css" dist/deck/reveal/theme/
echo "deck: dist/deck/index.html"

# Every page's Content Security Policy (src/site/shell.rs) must allow each inline script on it
# by its hash; a page whose script changed without its policy fails the build here.
python3 scripts/csp.py check dist
