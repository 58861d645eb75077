#!/usr/bin/env bash
# Lighthouse 11 (mobile emulation, the default form factor) on the built PWA served by the real
# app with demo data: performance, accessibility, best-practices and pwa.
#
#   bench/lighthouse/run.sh            # /signin (signed out, cold) and / (signed in as the demo patient)
#   bench/lighthouse/run.sh --signin-only
#
# Reports: bench/out/lighthouse/*.report.json (git-ignored). Prints the category scores and the
# audits below 0.9; exits 1 if a category scores below 90. Needs the project venv (make install),
# Node 20 and Chromium (CHROME_PATH, default /usr/bin/chromium). Lighthouse 12 dropped the PWA
# category, hence lighthouse@11 pinned in bench/lighthouse/package.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=$ROOT/bench/lighthouse
OUT=$ROOT/bench/out/lighthouse
PY=$ROOT/.venv/bin/python
SIGNIN_ONLY=0
[ "${1:-}" = "--signin-only" ] && SIGNIN_ONLY=1

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
CATEGORIES=performance,accessibility,best-practices,seo,pwa
DEMO_EMAIL=patient@demo.loadline.app
DEMO_PASSWORD=loadline-demo

[ -x "$PY" ] || { echo "no project venv: run 'make install' first" >&2; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "Chromium not found at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }

# 1. The front end, built if missing or older than its sources.
if [ ! -f frontend/dist/index.html ] || [ -n "$(find frontend/src frontend/public frontend/index.html \
    frontend/vite.config.ts frontend/package.json frontend/package-lock.json \
    -newer frontend/dist/index.html -type f -print -quit)" ]; then
  echo "== building the front end"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build)
fi

# 2. Lighthouse itself.
if [ ! -x "$HERE/node_modules/.bin/lighthouse" ]; then
  echo "== installing lighthouse (npm ci)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 3. The app on a temporary SQLite database with the demo data.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/loadline-lighthouse.XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

PORT=${PORT:-$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE=http://127.0.0.1:$PORT
export DATABASE_URL="sqlite:///$TMP/lighthouse.db"
export ENVIRONMENT=production
export PUSH_ENABLED=false  # production needs VAPID keys otherwise; push plays no part in these pages
SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')
export SECRET_KEY

echo "== database $DATABASE_URL"
.venv/bin/alembic upgrade head >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; exit 1; }
"$PY" -m app.demo >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log"; exit 1; }
echo "== serving $BASE"
.venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$PORT" --log-level warning >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if "$PY" -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('$BASE/readyz', timeout=1).status != 200)" 2>/dev/null; then
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log"; exit 1; }
  sleep 0.2
done

mkdir -p "$OUT"
REPORTS=()

# 4a. /signin: signed out, a first visit (Lighthouse resets storage: no service worker yet).
echo "== lighthouse $BASE/signin"
"$HERE/node_modules/.bin/lighthouse" "$BASE/signin" \
  --only-categories="$CATEGORIES" \
  --chrome-flags="$CHROME_FLAGS" \
  --output=json --output-path="$OUT/signin.report.json" --quiet
REPORTS+=("$OUT/signin.report.json")

# 4b. / (today's log): signed in as the demo patient first, storage kept for the audit.
if [ "$SIGNIN_ONLY" = 0 ]; then
  echo "== lighthouse $BASE/ (signed in as $DEMO_EMAIL)"
  LH_CHROME_FLAGS="$CHROME_FLAGS" node "$HERE/signed-in.mjs" "$BASE" / "$DEMO_EMAIL" "$DEMO_PASSWORD" \
    "$OUT/log-signed-in.report.json"
  REPORTS+=("$OUT/log-signed-in.report.json")
fi

node "$HERE/summary.mjs" "${REPORTS[@]}"
