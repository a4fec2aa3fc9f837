#!/usr/bin/env bash
# Installs what is missing, then builds and serves the site on http://127.0.0.1:8080 with
# live reload.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" --site
cd "$ROOT"
step "serving on http://127.0.0.1:8080"
exec trunk serve
