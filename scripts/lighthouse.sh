#!/usr/bin/env bash
# Lighthouse 12 (mobile: a mid-range phone on simulated slow 4G, the default preset) on a built
# site served the way GitHub Pages serves it: the home page, a course page and a lesson.
#   scripts/lighthouse.sh [DIST] [BASE]       defaults: dist /headroom/
# Build first (scripts/build.sh /headroom/). Prints the four category scores and the main
# timings per page; the full reports go to target/lighthouse/. Reported in
# docs/performance.md, not asserted: scores move with the machine's load.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
DIST="${1:-dist}"
BASE="${2:-/headroom/}"
PORT="${LH_PORT:-8093}"
PAGES="${LH_PAGES:-./ learn/system-design/ learn/system-design/caching/}"
LIGHTHOUSE_VERSION=12.2.3
TOOL=.tools/lighthouse
OUT=target/lighthouse

if [ ! -x "$TOOL/node_modules/.bin/lighthouse" ] || \
   ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" "$TOOL/node_modules/lighthouse/package.json" 2>/dev/null; then
  step "installing lighthouse $LIGHTHOUSE_VERSION from npm into $TOOL"
  mkdir -p "$TOOL"
  npm install --prefix "$TOOL" --no-audit --no-fund --save-exact "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
[ -f "$DIST/index.html" ] || { echo "no build in $DIST: run scripts/build.sh $BASE first" >&2; exit 1; }

python3 scripts/pages_server.py "$DIST" "$BASE" "$PORT" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT$BASE" && break; sleep 0.1; done

mkdir -p "$OUT"
export CHROME_PATH="$CHROMIUM"
for page in $PAGES; do
  path=${page#./}; name=$(echo "${path%/}" | tr '/' '_'); name=${name:-home}
  url="http://127.0.0.1:$PORT$BASE${page#./}"
  step "lighthouse $url"
  "$TOOL/node_modules/.bin/lighthouse" "$url" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
    --output=json --output-path="$OUT/$name.json" || { echo "lighthouse failed on $url" >&2; continue; }
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories, a = r.audits;
    const score = (k) => (c[k].score === null ? "n/a" : c[k].score.toFixed(2));
    const ms = (k) => (a[k] && a[k].numericValue !== undefined ? `${(a[k].numericValue / 1000).toFixed(1)} s` : "n/a");
    console.log(`performance ${score("performance")}  accessibility ${score("accessibility")}  best practices ${score("best-practices")}  SEO ${score("seo")}`);
    console.log(`FCP ${ms("first-contentful-paint")}  LCP ${ms("largest-contentful-paint")}  TBT ${ms("total-blocking-time")}  CLS ${a["cumulative-layout-shift"].numericValue.toFixed(3)}  SI ${ms("speed-index")}  TTI ${ms("interactive")}`);
    for (const cat of Object.values(c)) for (const ref of cat.auditRefs) {
      const audit = a[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) console.log(`  below 0.9: ${ref.id} (${audit.score}) ${audit.displayValue || ""}`);
    }' "$PWD/$OUT/$name.json"
done
