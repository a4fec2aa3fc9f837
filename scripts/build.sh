#!/usr/bin/env bash
# Release build of the site into dist/, ready for a static host without rewrite rules.
#   scripts/build.sh [PUBLIC_URL]     e.g. /headroom/ for GitHub Pages under a project path
# Every route gets its own copy of index.html (learn/system-design/caching.html, ...), which is
# how GitHub Pages serves /learn/system-design/caching with status 200; 404.html catches the rest.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PUBLIC_URL="${1:-/}"

step "trunk build --release --public-url $PUBLIC_URL"
trunk build --release --public-url "$PUBLIC_URL"

step "route pages"
routes=$(cargo run --quiet --no-default-features --bin site-routes)
count=0
for route in $routes; do
  mkdir -p "dist/$(dirname "$route")"
  cp dist/index.html "dist/$route.html"
  count=$((count + 1))
done
cp dist/index.html dist/404.html
touch dist/.nojekyll
echo "$count route pages, 404.html"
wasm=$(ls dist/*.wasm)
printf 'wasm: %s bytes raw, %s bytes gzip\n' "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"

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
cp "$reveal/reveal.js" "$reveal/reveal.css" dist/deck/reveal/
cp "$reveal/theme/serif.css" dist/deck/reveal/theme/
echo "deck: dist/deck/index.html"
