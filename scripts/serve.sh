#!/usr/bin/env bash
# Installs what is missing, builds the site (a debug build unless PROFILE=release) with every
# page prerendered, and serves it on http://127.0.0.1:8080/ the way GitHub Pages would. Run it
# again after a change: the pages are written by the build, so there is no live reload.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" --site
cd "$ROOT"
PROFILE="${PROFILE:-debug}" SITE_URL="${SITE_URL:-http://127.0.0.1:8080/}" "$ROOT/scripts/build.sh" /
step "serving on http://127.0.0.1:8080/"
exec python3 scripts/pages_server.py dist / 8080
